"""Every failure is a message: a full disk or closed pipe on standard output, years out of
range, and Ctrl-C under a running build (exit 130 at once, quietly, no staging folder left)."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import IO

import pytest

from namconvert.cli import main
from namconvert.config import make_options
from namconvert.output import MARKER, STAGING_PREFIX
from namconvert.parse import parse_file
from namconvert.render.pdf.parts import in_parts as booklet_in_parts
from namconvert.render.pdf.parts import slot_count
from support import ROOT, SOURCE, needs_linux, running, spawned_workers

ENV = {**os.environ, "PYTHONPATH": str(ROOT / "src")}


def _namconvert(*args: str, stdout: int | IO[bytes]) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "namconvert", *args], stdout=stdout,
                          stderr=subprocess.PIPE, text=True, check=False, env=ENV, cwd=ROOT)


COMMANDS = {
    "parse": ["parse", str(SOURCE)],
    "generate": ["generate", "--talks", "20"],
    "build": ["build", str(SOURCE), "--format", "json", "-o"],  # the folder is added below
}


@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_a_full_disk_on_standard_output_is_a_message(tmp_path: Path, command: str) -> None:
    needs_linux("/dev/full")
    args = COMMANDS[command] + ([str(tmp_path / "out")] if command == "build" else [])
    with open("/dev/full", "wb") as full:
        result = _namconvert(*args, stdout=full)
    assert result.returncode == 1
    assert result.stderr == "standard output: error: cannot write: No space left on device " \
                            "[output]\n"


def test_a_closed_pipe_on_standard_output_is_a_message() -> None:
    read, write = os.pipe()
    os.close(read)  # the reader has gone (`namconvert parse | head` after head ended)
    try:
        result = _namconvert("parse", str(SOURCE), stdout=write)
    finally:
        os.close(write)
    assert result.returncode == 1
    assert result.stderr == "standard output: error: cannot write: Broken pipe [output]\n"


@pytest.mark.parametrize("year", ["9999", "0001", "1899", "2201"])
def test_a_year_out_of_range_is_an_error_in_check(tmp_path: Path, year: str,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "README.md"
    text = SOURCE.read_text(encoding="utf-8")
    source.write_text(text.replace("(13 July)", f"(13 July {year})"), encoding="utf-8")
    shutil.copy(SOURCE.parent / "namconvert.toml", tmp_path)
    assert main(["check", str(source)]) == 1
    errors = [line for line in capsys.readouterr().err.splitlines() if ": error: " in line]
    assert errors == [f"{source}:4:1: error: year {int(year)} is out of range (a programme's "
                      "years are 1900 to 2200) [date.range]"]
    assert main(["build", str(source), "-o", str(tmp_path / "out"), "--format", "ics"]) == 1
    assert "[date.range]" in capsys.readouterr().err
    assert not (tmp_path / "out").exists()


def test_the_years_at_the_edges_are_accepted(tmp_path: Path,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "README.md"
    text = SOURCE.read_text(encoding="utf-8")
    source.write_text(text.replace("(13 July)", "(13 July 1900)")
                      .replace("(14 July)", "(14 July 2200)"), encoding="utf-8")
    assert main(["build", str(source), "-o", str(tmp_path / "out"), "--format", "ics,json"]) == 0
    capsys.readouterr()
    assert "DTSTART:19000713T" in (tmp_path / "out" / "programme.ics").read_text()


# -- Ctrl-C ----------------------------------------------------------------------------------


def _tree(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*"))
            if p.is_file()}


def _generated(folder: Path, talks: int, laid_out_in_parts: bool) -> Path:
    """A generated programme of TALKS in FOLDER, its booklet laid out in parts or not."""
    source = folder / "README.md"
    assert main(["generate", "--talks", str(talks), "-o", str(source)]) == 0
    (source.parent / "namconvert.toml").write_text('timezone = "Europe/London"\n')
    programme = parse_file(source, make_options(source, {})).programme
    assert programme is not None
    assert booklet_in_parts(slot_count(programme)) == laid_out_in_parts
    return source


@pytest.fixture(scope="module")
def big(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A booklet laid out as one document, long enough to be interrupted."""
    return _generated(tmp_path_factory.mktemp("big"), 65, laid_out_in_parts=False)


@pytest.fixture(scope="module")
def in_parts(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A booklet laid out in parts, by workers of its own (spawned, importing WeasyPrint
    when the Ctrl-C comes, sent as the first of them starts)."""
    return _generated(tmp_path_factory.mktemp("in-parts"), 220, laid_out_in_parts=True)


def _staged(out: Path) -> bool:
    """Whether a build into OUT has staged a file."""
    return any(p.is_file() for d in out.glob(STAGING_PREFIX + "*") for p in d.rglob("*"))


@pytest.mark.parametrize(("jobs", "to", "programme"), [
    ("", "group", "big"), ("", "build", "big"), ("1", "group", "big"),
    ("", "group", "in_parts"), ("", "build", "in_parts"), ("1", "group", "in_parts")])
def test_ctrl_c_under_a_running_build_exits_130_at_once_and_quietly(
        tmp_path: Path, request: pytest.FixtureRequest, capsys: pytest.CaptureFixture[str],
        jobs: str, to: str, programme: str) -> None:
    """A terminal's Ctrl-C signals the whole group; `kill -INT` only the build."""
    needs_linux("/proc/self/stat")
    big = request.getfixturevalue(programme)
    out = tmp_path / "build"
    assert main(["build", str(SOURCE), "-o", str(out), "--format", "json,ics"]) == 0
    capsys.readouterr()
    before = _tree(out)
    env = {**ENV, "NAMCONVERT_JOBS": jobs} if jobs else ENV
    process = subprocess.Popen([sys.executable, "-m", "namconvert", "build", str(big), "-o",
                                str(out)], cwd=ROOT, env=env, stdout=subprocess.DEVNULL,
                               stderr=subprocess.PIPE, text=True, start_new_session=True)
    try:
        deadline = time.monotonic() + 60
        while not (spawned_workers(running(group=process.pid)) if programme == "in_parts" else _staged(out)):
            assert process.poll() is None, "the build ended before it could be interrupted"
            assert time.monotonic() < deadline, "the build reached nothing in a minute"
            time.sleep(0.01)
        if programme != "in_parts":
            time.sleep(0.3)  # into the booklet and the EPUB
        assert process.poll() is None
        interrupted = time.monotonic()
        if to == "group":
            os.killpg(process.pid, signal.SIGINT)
        else:
            os.kill(process.pid, signal.SIGINT)
        try:
            _, err = process.communicate(timeout=10)  # until every holder of stderr has gone
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            _, err = process.communicate()
            pytest.fail(f"still running 10 s after the Ctrl-C; its messages:\n{err}")
        took = time.monotonic() - interrupted
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()
    assert process.returncode == 130, err
    assert err == ""  # no traceback from the build or any worker
    assert took < 2, f"took {took:.1f} s"
    deadline = time.monotonic() + 2
    while running(group=process.pid):  # Pandoc and the booklet's workers end with the build
        assert time.monotonic() < deadline, f"left running: {running(group=process.pid)}"
        time.sleep(0.01)
    assert not list(out.glob(STAGING_PREFIX + "*"))
    assert _tree(out) == before


@pytest.mark.parametrize("formats", ["epub,html,ics,json", "pdf,epub"])
def test_a_killed_worker_ends_the_build_with_a_message(tmp_path: Path, big: Path,
                                                      formats: str) -> None:
    """A worker killed mid-build (as for lack of memory): one message, exit 1, nothing of
    the build left in its output folder. Without the booklet every worker is the pool's;
    with it, the booklet's own worker (started before the parse) is killed too."""
    needs_linux("/proc/self/stat")
    out = tmp_path / "build"
    process = subprocess.Popen([sys.executable, "-m", "namconvert", "build", str(big), "-o",
                                str(out), "--format", formats], cwd=ROOT,
                               env={**ENV, "NAMCONVERT_JOBS": "2"}, stdout=subprocess.DEVNULL,
                               stderr=subprocess.PIPE, text=True, start_new_session=True)
    try:
        deadline = time.monotonic() + 60
        while len(running(parent=process.pid)) < 2:
            assert process.poll() is None, "the build ended before a worker could be killed"
            assert time.monotonic() < deadline, "no workers in a minute"
            time.sleep(0.01)
        for child in running(parent=process.pid):
            os.kill(child, signal.SIGKILL)
        _, err = process.communicate(timeout=60)
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()
    assert process.returncode == 1, err
    assert "Traceback" not in err
    assert "ended without an answer (killed? out of memory?" in err
    assert [p.name for p in out.iterdir()] == [MARKER]  # the folder claimed, nothing more


# -- each traceback case of issue 12 is one line and exit 1 ------------------------------------

PROGRAMME = """# Failure Meeting 2024

## Monday (3 June 2024)

| Time | Speaker | Title |
|------|---------|-------|
| 09:00-09:30 | Ada Lovelace | {title} |
| 09:30-10:00 | Grace Hopper | Compilers |
"""
NESTED_SUP = "Deep " + "<sup>" * 45 + "x" + "</sup>" * 45


def _case(folder: Path, case: str) -> tuple[list[str], str]:
    """Set up CASE in FOLDER; the command's arguments and the one line it must print."""
    source = folder / "README.md"
    source.write_text(PROGRAMME.format(title="Engines"), encoding="utf-8")
    settings = folder / "namconvert.toml"
    settings.write_text('timezone = "UTC"\n', encoding="utf-8")  # no warning that it is not set
    out = folder / "out"
    build = ["build", str(source), "-o", str(out)]
    templates = folder / "templates" / "html"
    if case == "45 nested <sup> in a title":
        source.write_text(PROGRAMME.format(title=NESTED_SUP), encoding="utf-8")
        return [*build, "--format", "pdf"], (
            "programme.pdf: error: WeasyPrint could not lay out the slot 'Deep x' at 09:00 on "
            "Monday (3 June 2024) (source line 7): ZeroDivisionError: float division by zero "
            "[render]")
    if case.startswith("a template"):
        templates.mkdir(parents=True)
        page = templates / "index.html.jinja"
        if "UTF-8" in case:
            page.write_bytes(b"<p>caf\xe9</p>\n")
            message = f"{page}:1:7: error: template is not UTF-8 text (byte 0xe9) [render]"
        else:
            page.write_text("<p>one</p>\n{{ 1/0 }}\n", encoding="utf-8")
            message = f"{page}:2:1: error: template error: ZeroDivisionError: division by " \
                      "zero [render]"
        return [*build, "--format", "html", "--templates", str(folder / "templates")], message
    if case == "serve --port 99999":
        return ["serve", str(source), "-o", str(out), "--port", "99999"], (
            "--port: error: port 99999 is out of range (use 1 to 65535, or 0 for any free "
            "one) [serve]")
    if case == "-o at a file":
        (folder / "file").write_text("x", encoding="utf-8")
        return ["build", str(source), "-o", str(folder / "file")], \
            f"{folder}/file: error: is a file, not a folder [output]"
    if case == "-o at a dangling symlink":
        (folder / "link").symlink_to(folder / "gone")
        return ["build", str(source), "-o", str(folder / "link")], \
            f"{folder}/link: error: is a dangling symbolic link (to {folder}/gone) [output]"
    if case == "templates = 5":
        settings.write_text('templates = 5\ntimezone = "UTC"\n', encoding="utf-8")
        return build, (f"{folder}/namconvert.toml:1:1: error: templates must be text (in "
                       "quotes), not 5 [config]")
    if case == "a relative --templates folder that is not there":
        return [*build, "--templates", "nowhere"], \
            f"--templates: error: templates folder {folder}/nowhere does not exist [config]"
    if case == "year 9999":
        source.write_text(PROGRAMME.format(title="Engines").replace(
            "Monday (3 June 2024)", "3 June 9999"), encoding="utf-8")
        return build, (f"{source}:3:1: error: year 9999 is out of range (a programme's years "
                       "are 1900 to 2200) [date.range]")
    if case == "/dev/zero as SOURCE":
        return ["check", "/dev/zero"], \
            "/dev/zero:1:1: error: is a device, not a file to read [input]"
    if case == "a FIFO as SOURCE":
        os.mkfifo(folder / "pipe.md")
        return ["parse", str(folder / "pipe.md")], \
            f"{folder}/pipe.md:1:1: error: is a FIFO (named pipe), not a file to read [input]"
    raise AssertionError(case)


TRACEBACK_CASES = ["45 nested <sup> in a title", "a template with {{ 1/0 }}",
                   "a template not in UTF-8", "serve --port 99999", "-o at a file",
                   "-o at a dangling symlink", "templates = 5",
                   "a relative --templates folder that is not there", "year 9999",
                   "/dev/zero as SOURCE", "a FIFO as SOURCE"]


@pytest.mark.parametrize("case", TRACEBACK_CASES)
def test_each_traceback_case_is_one_line_and_exit_1(tmp_path: Path, case: str) -> None:
    args, expected = _case(tmp_path, case)
    result = subprocess.run([sys.executable, "-m", "namconvert", *args], capture_output=True,
                            text=True, check=False, env=ENV, cwd=tmp_path, timeout=120)
    assert (result.returncode, result.stderr.splitlines()) == (1, [expected])
    out = tmp_path / "out"  # nothing half-written: at most the new folder's marker
    assert not out.exists() or [p.name for p in out.iterdir()] == [MARKER]


def test_a_240_letter_word_in_a_title_gives_short_unique_ids(tmp_path: Path,
                                                             capsys: pytest.CaptureFixture[str]
                                                             ) -> None:
    word = "a" * 240
    source = tmp_path / "README.md"
    # Two rooms at the same time, the same long word: the shortened ids must still differ.
    source.write_text(PROGRAMME.format(title=f"{word} one").replace(
        "| 09:30-10:00 | Grace Hopper | Compilers |", f"| 09:00-09:30 | Grace Hopper | {word} two |"),
        encoding="utf-8")
    out = tmp_path / "out"
    assert main(["build", str(source), "-o", str(out), "--format", "ics,json,html"]) == 0
    capsys.readouterr()
    model = json.loads((out / "programme.json").read_text(encoding="utf-8"))
    ids = [s["id"] for d in model["days"] for se in d["sessions"] for s in se["slots"]]
    assert len(ids) == len(set(ids)) == 2
    assert all(len(i) <= 80 for i in ids), ids
    assert ids[1] == ids[0] + "-2"
    assert sorted(p.name for p in (out / "ics").glob("2024-*.ics")) == sorted(
        f"{i}.ics" for i in ids)
    titles = [s["title"] for d in model["days"] for se in d["sessions"] for s in se["slots"]]
    assert titles == [f"{word} one", f"{word} two"]  # the title itself is kept whole


# -- a full disk while a build writes ---------------------------------------------------------


@pytest.fixture()
def small_disk(tmp_path: Path) -> Iterator[Path]:
    """A 96 KB file system (tmpfs; needs root)."""
    folder = tmp_path / "disk"
    folder.mkdir()
    if os.geteuid() != 0 or shutil.which("mount") is None:
        pytest.skip("mounting a small file system needs root")
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=96k", "tmpfs", str(folder)],
                             capture_output=True, check=False)
    if mounted.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs: {mounted.stderr.decode().strip()}")
    try:
        yield folder
    finally:
        subprocess.run(["umount", str(folder)], check=False)


def test_a_full_disk_is_a_message_and_keeps_the_previous_outputs(
        small_disk: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = small_disk / "site"
    assert main(["build", str(SOURCE), "-o", str(out), "--format", "json"]) == 0
    capsys.readouterr()
    before = _tree(out)
    # The site's pages and calendars do not fit in what is left.
    assert main(["build", str(SOURCE), "-o", str(out), "--format", "json,html,ics,readme"]) == 1
    assert capsys.readouterr().err == (f"{out}: error: cannot write: No space left on device "
                                       "[output]\n")
    assert _tree(out) == before
    assert not list(out.glob(STAGING_PREFIX + "*"))
