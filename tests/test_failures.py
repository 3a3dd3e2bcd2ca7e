"""Every failure is a message: a full disk or closed pipe on standard output, years out of
range, and Ctrl-C under a running build (exit 130 at once, quietly, no staging folder left)."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import IO

import pytest

from namconvert.cli import main
from namconvert.output import STAGING_PREFIX
from support import ROOT, SOURCE, needs_linux

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


def _group_alive(group: int) -> list[str]:
    """The processes of GROUP still running (zombies, which hold no files, do not count)."""
    alive = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except (OSError, IndexError):
            continue
        if int(fields[2]) == group and fields[0] != "Z":
            alive.append(stat.parent.name)
    return alive


def _tree(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*"))
            if p.is_file()}


@pytest.fixture(scope="module")
def big(tmp_path_factory: pytest.TempPathFactory) -> Path:
    source = tmp_path_factory.mktemp("big") / "README.md"
    assert main(["generate", "--talks", "120", "-o", str(source)]) == 0
    (source.parent / "namconvert.toml").write_text('timezone = "Europe/London"\n')
    return source


@pytest.mark.parametrize(("jobs", "to"), [("", "group"), ("", "build"), ("1", "group")])
def test_ctrl_c_under_a_running_build_exits_130_at_once_and_quietly(
        tmp_path: Path, big: Path, capsys: pytest.CaptureFixture[str], jobs: str,
        to: str) -> None:
    """A terminal's Ctrl-C signals the whole group; `kill -INT` only the build."""
    needs_linux("/proc/self/stat")
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
        while not [p for d in out.glob(STAGING_PREFIX + "*") for p in d.rglob("*")
                   if p.is_file()]:
            assert process.poll() is None, "the build ended before it could be interrupted"
            assert time.monotonic() < deadline, "the build staged nothing in a minute"
            time.sleep(0.01)
        time.sleep(0.3)  # into the booklet and the EPUB
        assert process.poll() is None
        interrupted = time.monotonic()
        if to == "group":
            os.killpg(process.pid, signal.SIGINT)
        else:
            os.kill(process.pid, signal.SIGINT)
        _, err = process.communicate(timeout=10)  # until every holder of stderr has gone
        took = time.monotonic() - interrupted
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()
    assert process.returncode == 130
    assert err == ""  # no traceback from the build or any worker
    assert took < 2, f"took {took:.1f} s"
    deadline = time.monotonic() + 2
    while _group_alive(process.pid):  # Pandoc and the booklet's workers end with the build
        assert time.monotonic() < deadline, f"left running: {_group_alive(process.pid)}"
        time.sleep(0.01)
    assert not list(out.glob(STAGING_PREFIX + "*"))
    assert _tree(out) == before
