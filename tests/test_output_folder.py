"""The output folder: the source is sacred, and the outputs mirror the programme.

`build` refuses a folder that holds the source, its settings or templates, or is `/`, the
home folder or a parent of the source, and one with files but no marker of an earlier
build. A build removes the files its formats wrote before and did not write this time.
"""

from __future__ import annotations

import dataclasses
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from namconvert import build
from namconvert.cli import main
from namconvert.output import MARKER, STAGING_PREFIX, OutputWriter
from namconvert.render import RENDERERS
from namconvert.views import View
from support import ROOT, SOURCE

QUICK = "json,ics,frab_xml,frab_json"


def _tree(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*"))
            if p.is_file()}


def _copy_source(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    shutil.copy(SOURCE, folder / "README.md")
    shutil.copy(SOURCE.parent / "namconvert.toml", folder / "namconvert.toml")
    return folder / "README.md"


def _error(capsys: pytest.CaptureFixture[str]) -> str:
    lines = capsys.readouterr().err.splitlines()
    assert len(lines) == 1, lines
    return lines[0]


# -- the source is sacred --------------------------------------------------------------------


def test_build_into_the_source_folder_is_refused_and_the_source_untouched(tmp_path: Path) -> None:
    repo = tmp_path / "repo"
    _copy_source(repo)
    (repo / "notes.txt").write_text("the organiser's own file\n")
    before = _tree(repo)
    result = subprocess.run([sys.executable, "-m", "namconvert", "build", "README.md", "-o", "."],
                            cwd=repo, capture_output=True, text=True, check=False,
                            env={**os.environ, "PYTHONPATH": str(ROOT / "src")})
    assert result.returncode == 1
    assert result.stdout == ""
    assert result.stderr == (".: error: holds the source README.md and its settings "
                             "namconvert.toml, which a build would overwrite; choose an output "
                             "folder of its own (e.g. build) [output]\n")
    assert _tree(repo) == before  # byte for byte, and nothing added (no marker, no staging)
    assert sorted(p.name for p in repo.iterdir()) == ["README.md", "namconvert.toml", "notes.txt"]


def test_a_parent_of_the_source_is_refused(tmp_path: Path,
                                           capsys: pytest.CaptureFixture[str]) -> None:
    source = _copy_source(tmp_path / "repo" / "source")
    before = _tree(tmp_path)
    assert main(["build", str(source), "-o", str(tmp_path / "repo"), "--format", "json"]) == 1
    assert _error(capsys) == (f"{tmp_path}/repo: error: is a parent of the source {source}; "
                              "choose an output folder of its own (e.g. build) [output]")
    assert _tree(tmp_path) == before


def test_the_root_folder_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = _copy_source(tmp_path)
    assert main(["build", str(source), "-o", "/", "--format", "json"]) == 1
    assert _error(capsys) == ("/: error: is the root folder; choose an output folder of its own "
                              "(e.g. build) [output]")
    assert not Path("/", MARKER).exists() and not Path("/programme.json").exists()


def test_the_home_folder_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                    capsys: pytest.CaptureFixture[str]) -> None:
    source = _copy_source(tmp_path / "src")
    home = tmp_path / "home"
    home.mkdir()  # empty, so only being the home folder refuses it
    monkeypatch.setenv("HOME", str(home))
    assert main(["build", str(source), "-o", str(home), "--format", "json"]) == 1
    assert _error(capsys) == (f"{home}: error: is the home folder; choose an output folder of "
                              "its own (e.g. build) [output]")
    assert list(home.iterdir()) == []


def test_a_folder_overlapping_the_templates_is_refused(tmp_path: Path,
                                                       capsys: pytest.CaptureFixture[str]) -> None:
    source = _copy_source(tmp_path / "src")
    templates = tmp_path / "site" / "templates"
    templates.mkdir(parents=True)
    assert main(["build", str(source), "-o", str(tmp_path / "site"), "--format", "json",
                 "--templates", str(templates)]) == 1
    assert _error(capsys) == (f"{tmp_path}/site: error: overlaps the templates folder "
                              f"{templates}; choose another output folder [output]")
    assert list(templates.iterdir()) == []


def test_a_folder_with_files_but_no_marker_is_refused(tmp_path: Path,
                                                      capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "site"
    out.mkdir()
    (out / "index.html").write_text("<p>someone else's site</p>\n")
    assert main(["build", str(SOURCE), "-o", str(out), "--format", "json,html"]) == 1
    assert _error(capsys) == (f"{out}: error: holds files namconvert did not write (no "
                              f"{MARKER} marker of an earlier build); empty it or choose another "
                              "folder [output]")
    assert _tree(out) == {"index.html": b"<p>someone else's site</p>\n"}


@pytest.mark.parametrize("existing", [False, True])
def test_a_new_or_empty_folder_gets_the_marker_listing_each_format(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], existing: bool) -> None:
    out = tmp_path / "a" / "site"
    if existing:
        out.mkdir(parents=True)
    assert main(["build", str(SOURCE), "-o", str(out), "--format", "json,ics"]) == 0
    marker = json.loads((out / MARKER).read_text(encoding="utf-8"))
    assert marker["written_by"] == "namconvert"
    assert set(marker["formats"]) == {"json", "ics"}
    assert marker["formats"]["json"] == ["programme.json"]
    written = {f for files in marker["formats"].values() for f in files}
    assert written == set(_tree(out)) - {MARKER}
    assert {"programme.ics", "ics/day-2022-07-13.ics"} <= set(marker["formats"]["ics"])
    # A folder with the marker is the tool's: the next build is accepted.
    assert main(["build", str(SOURCE), "-o", str(out), "--format", "json"]) == 0
    capsys.readouterr()


def test_output_at_a_file_is_an_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "site.txt"
    target.write_text("a file\n")
    assert main(["build", str(SOURCE), "-o", str(target), "--format", "json"]) == 1
    assert _error(capsys) == f"{target}: error: is a file, not a folder [output]"
    assert target.read_text() == "a file\n"


def test_output_at_a_dangling_symlink_is_an_error(tmp_path: Path,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    link = tmp_path / "site"
    link.symlink_to(tmp_path / "gone")
    assert main(["build", str(SOURCE), "-o", str(link), "--format", "json"]) == 1
    assert _error(capsys) == (f"{link}: error: is a dangling symbolic link (to {tmp_path}/gone) "
                              "[output]")
    assert not (tmp_path / "gone").exists()


def test_an_unwritable_folder_is_an_error(tmp_path: Path,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    if os.geteuid() == 0:  # root writes anywhere chmod allows nothing; /sys refuses even root
        locked = Path("/sys/namconvert-test-site")
        expected = f"{locked}: error: cannot write: Operation not permitted [output]"
    else:
        parent = tmp_path / "locked"
        parent.mkdir(mode=0o500)
        locked = parent / "site"
        expected = f"{locked}: error: cannot write: Permission denied [output]"
    assert main(["build", str(SOURCE), "-o", str(locked), "--format", "json"]) == 1
    assert _error(capsys) == expected
    assert not locked.exists()


# -- outputs mirror the programme ------------------------------------------------------------


def _without_talk(source: Path, speaker: str) -> None:
    """Remove SPEAKER's row and the abstract row after it from the README table."""
    lines = source.read_text(encoding="utf-8").splitlines(keepends=True)
    at = next(i for i, line in enumerate(lines) if f"<td> {speaker} </td>" in line)
    start = max(i for i in range(at) if lines[i].strip() == "<tr>")
    ends = [i for i in range(at, len(lines)) if lines[i].strip() == "</tr>"]
    assert "colspan" in "".join(lines[ends[0]:ends[1]])  # the talk's abstract row
    source.write_text("".join(lines[:start] + lines[ends[1] + 1:]), encoding="utf-8")


STALE = "ics/2022-07-13-1710-data-driven-inference-of-gravitational-wave.ics"


@pytest.mark.parametrize("formats", [None, "ics"])
def test_a_removed_talks_calendar_is_gone_after_the_rebuild(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], formats: str | None) -> None:
    source = _copy_source(tmp_path / "src")
    out = tmp_path / "site"
    first = ["build", str(source), "-o", str(out), "--format", QUICK]
    assert main(first) == 0
    assert "Matthew Mould" in (out / STALE).read_text(encoding="utf-8")
    before = set(_tree(out))
    _without_talk(source, "Matthew Mould")
    again = ["build", str(source), "-o", str(out), "--format", formats or QUICK]
    assert main(again) == 0
    capsys.readouterr()
    after = _tree(out)
    assert STALE not in after
    assert set(after) == before - {STALE}
    rebuilt = {k: v for k, v in after.items() if formats is None or k.endswith(".ics")}
    assert not any("Matthew Mould" in data.decode("utf-8") for data in rebuilt.values())
    marker = json.loads(after[MARKER])
    assert STALE not in marker["formats"]["ics"]
    assert not list(out.glob(STAGING_PREFIX + "*"))


def test_a_partial_build_keeps_the_other_formats_and_a_full_one_mirrors_them(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = _copy_source(tmp_path / "src")
    out = tmp_path / "site"
    assert main(["build", str(source), "-o", str(out), "--format", QUICK]) == 0
    full = _tree(out)
    (out / "CNAME").write_text("nam.example.org\n")  # the organiser's own file: never removed
    assert main(["build", str(source), "-o", str(out), "--format", "json"]) == 0
    assert _tree(out) == {**full, "CNAME": b"nam.example.org\n"}  # ics and frab still there
    _without_talk(source, "Matthew Mould")
    assert main(["build", str(source), "-o", str(out), "--format", "frab_xml"]) == 0
    assert STALE in _tree(out)  # ics was not rebuilt: its files stay as they were
    assert main(["build", str(source), "-o", str(out), "--format", QUICK]) == 0
    capsys.readouterr()
    after = _tree(out)
    assert set(after) == set(full) - {STALE} | {"CNAME"}


def _extra(view: View, out: OutputWriter) -> list[Path]:
    return [out.write_text("extra/retired.txt", "a format that is no longer built\n")]


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_format_no_longer_built_is_removed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                             capsys: pytest.CaptureFixture[str],
                                             jobs: str) -> None:
    monkeypatch.setenv("NAMCONVERT_JOBS", jobs)
    out = tmp_path / "site"
    monkeypatch.setitem(RENDERERS, "retired", dataclasses.replace(RENDERERS["json"],
                                                                  name="retired", render=_extra))
    monkeypatch.setattr(build, "FORMATS", (*build.FORMATS, "retired"))
    assert main(["build", str(SOURCE), "-o", str(out), "--format", "json,retired"]) == 0
    assert (out / "extra" / "retired.txt").is_file()
    assert "retired" in json.loads((out / MARKER).read_text())["formats"]
    monkeypatch.delitem(RENDERERS, "retired")  # a later version has no such format
    monkeypatch.undo()
    monkeypatch.setenv("NAMCONVERT_JOBS", jobs)
    assert main(["build", str(SOURCE), "-o", str(out), "--format", "json"]) == 0
    capsys.readouterr()
    assert set(_tree(out)) == {"programme.json", MARKER}
    assert not (out / "extra").exists()  # the folder it left empty goes too
    assert set(json.loads((out / MARKER).read_text())["formats"]) == {"json"}


def test_a_tampered_marker_removes_nothing_outside_the_folder(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "site"
    precious = tmp_path / "precious.txt"
    precious.write_text("keep me\n")
    assert main(["build", str(SOURCE), "-o", str(out), "--format", "json"]) == 0
    marker = json.loads((out / MARKER).read_text())
    marker["formats"]["json"] += ["../precious.txt", str(precious), MARKER]
    (out / MARKER).write_text(json.dumps(marker))
    assert main(["build", str(SOURCE), "-o", str(out), "--format", "json"]) == 0
    capsys.readouterr()
    assert precious.read_text() == "keep me\n"
    assert set(_tree(out)) == {"programme.json", MARKER}
