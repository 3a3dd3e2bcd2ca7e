"""The one writer: inside the output folder only, each file once, nothing in place before commit."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from namconvert.errors import RenderError
from namconvert.output import OutputWriter


@pytest.mark.parametrize("relative", ["../escaped.txt", "a/../../escaped.txt", "/tmp/escaped.txt",
                                      ".", "a/.."])
def test_the_writer_refuses_paths_outside_the_output_folder(tmp_path: Path, relative: str) -> None:
    out = tmp_path / "out"
    writer = OutputWriter(out)
    with pytest.raises(RenderError, match="refusing to write outside the output folder"):
        writer.write_text(relative, "x")
    writer.commit()
    assert not (tmp_path / "escaped.txt").exists()
    assert sorted(p.name for p in out.iterdir()) == [".namconvert"]


def test_the_writer_refuses_a_link_that_leads_out(tmp_path: Path) -> None:
    (tmp_path / "out").mkdir()
    (tmp_path / "elsewhere").mkdir()
    os.symlink(tmp_path / "elsewhere", tmp_path / "out" / "assets")
    writer = OutputWriter(tmp_path / "out")
    with pytest.raises(RenderError, match=r"outside the output folder: assets/site\.js"):
        writer.write_text("assets/site.js", "x")
    writer.discard()
    assert list((tmp_path / "elsewhere").iterdir()) == []


def test_the_writer_refuses_a_second_write_of_one_file(tmp_path: Path) -> None:
    writer = OutputWriter(tmp_path)
    writer.write_text("index.html", "one")
    with pytest.raises(RenderError, match=r"refusing to write \./index\.html twice"):
        writer.write_text("./index.html", "two")
    writer.commit()
    assert (tmp_path / "index.html").read_text() == "one"


def test_nothing_is_in_place_before_commit(tmp_path: Path) -> None:
    writer = OutputWriter(tmp_path)
    writer.write_text("index.html", "new")
    assert not (tmp_path / "index.html").exists()
    assert writer.commit() == [tmp_path.resolve() / "index.html"]
    assert (tmp_path / "index.html").read_text() == "new"


def test_keep_stages_the_earlier_file_as_it_was(tmp_path: Path) -> None:
    first = OutputWriter(tmp_path)
    first.format = "pdf"
    first.write_bytes("cache/part.pdf", b"laid out")
    first.commit(["pdf"])
    stamp = (tmp_path / "cache/part.pdf").stat().st_mtime_ns
    again = OutputWriter(tmp_path)
    again.format = "pdf"
    again.keep("cache/part.pdf")
    with pytest.raises(FileNotFoundError):
        again.keep("cache/gone.pdf")
    again.commit(["pdf"])
    assert (tmp_path / "cache/part.pdf").read_bytes() == b"laid out"
    assert (tmp_path / "cache/part.pdf").stat().st_mtime_ns == stamp
    third = OutputWriter(tmp_path)  # neither written nor kept: removed as stale
    third.format = "pdf"
    third.commit(["pdf"])
    assert not (tmp_path / "cache").exists()
