"""`namconvert check`: every class of bad input reported as PATH:LINE:COL with a message."""

from __future__ import annotations

from pathlib import Path

import pytest

from namconvert.cli import main

HEAD = "# Test Meeting 2023\nA test.\n\n## Monday (3 July) 09:00-11:00\n### Session\n\n"
HEADER = "<table>\n<tr><td><b>Time</b></td><td><b>Speaker</b></td><td><b>Title</b></td></tr>\n"


def table(*rows: str) -> str:
    return HEAD + HEADER + "".join(rows) + "</table>\n"


def row(time: str, speaker: str = "Ada Lovelace", title: str = "A talk") -> str:
    return f"<tr><td>{time}</td><td>{speaker}</td><td>{title}</td></tr>\n"


def run_check(tmp_path: Path, capsys: pytest.CaptureFixture[str], content: str | bytes,
              name: str = "README.md") -> tuple[int, list[str]]:
    path = tmp_path / name
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    status = main(["check", str(path), "--timezone", "Europe/London"])
    err = capsys.readouterr().err
    assert "Traceback" not in err
    return status, [line.replace(str(tmp_path) + "/", "") for line in err.splitlines()]


# Each error class: the source, and the exact line check prints (HEAD is lines 1-6, the
# header row line 8, so the first timetable row is line 9).
ERRORS = {
    "non-utf8": (b"# Meeting 2023\n\n## Monday (3 July)\ncaf\xe9\n",
                 "README.md:4:4: error: not UTF-8 text (byte 0xe9) [input]"),
    "binary": (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
               "README.md:3:1: error: not a text file (contains NUL bytes) [input]"),
    "no-day": ("# Meeting 2023\nJust prose.\n",
               "README.md:1:1: error: no timetable found: expected a table, list or lines of "
               "times, e.g. '09:00-09:30 | Speaker | Title', under a date such as "
               "'## Wednesday (13 July)' [structure.day]"),
    "no-session": ("# Meeting 2023\n\n## Monday (3 July)\nNothing yet.\n",
                   "README.md:3:1: error: no timetable found: expected a table, list or lines of "
                   "times, e.g. '09:00-09:30 | Speaker | Title', under a date such as "
                   "'## Wednesday (13 July)' [structure.day]"),
    "malformed-time": (table(row("half past nine")),
                       "README.md:9:1: error: malformed time 'half past nine' (expected e.g. "
                       "09:30-09:50) [time.format]"),
    "impossible-time": (table(row("09:00-25:10")),
                        "README.md:9:1: error: impossible time 25:10 [time.format]"),
    "impossible-date": (HEAD.replace("3 July", "31 February") + HEADER + row("09:00-09:20")
                        + "</table>\n",
                        "README.md:4:1: error: impossible date 31 February 2023 [date.format]"),
    "end-before-start": (table(row("10:00-09:40")),
                         "README.md:9:1: error: slot ends before it starts (10:00-09:40) "
                         "[time.order]"),
    "missing-cells": (table("<tr><td>09:00-09:20</td><td>Ada Lovelace</td></tr>\n"),
                      "README.md:9:1: error: talk row has 2 cells, expected 3 [table.cells]"),
    "orphan-abstract": (table('<tr><td colspan="3">Abstract: nothing before me</td></tr>\n'),
                        "README.md:9:1: error: abstract row with no talk before it "
                        "[table.abstract]"),
}


@pytest.mark.parametrize("case", sorted(ERRORS))
def test_error_is_reported_with_file_line_and_message(
        case: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    content, expected = ERRORS[case]
    status, lines = run_check(tmp_path, capsys, content)
    assert status == 1
    assert expected in lines


def test_unreadable_input(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status = main(["check", str(tmp_path / "missing.md")])
    assert status == 1
    assert capsys.readouterr().err.strip() == f"{tmp_path}/missing.md:1:1: error: no such file [input]"


WARNINGS = {
    "overlap": (table(row("09:00-09:30"), row("09:20-09:40", title="Second")),
                "README.md:10:1: warning: 'Second' (09:20) overlaps 'A talk' (09:00-09:30) "
                "[time.overlap]"),
    "outside-window": (table(row("10:50-11:20")),
                       "README.md:9:1: warning: 'A talk' (10:50-11:20) is outside the day's "
                       "hours (09:00-11:00) [time.window]"),
    "weekday-mismatch": (HEAD.replace("Monday", "Friday") + HEADER + row("09:00-09:20")
                         + "</table>\n",
                         "README.md:4:1: warning: 3 July 2023 is a Monday, not a Friday "
                         "[date.weekday]"),
    "talk-without-speaker": (table(row("09:00-09:20"), "<tr><td colspan='3'>Abstract: x</td></tr>\n",
                                   row("09:20-09:40", speaker="", title="Unclaimed"),
                                   "<tr><td colspan='3'>Abstract: y</td></tr>\n"),
                             "README.md:11:1: warning: talk 'Unclaimed' has no speaker "
                             "[slot.speaker]"),
}


@pytest.mark.parametrize("case", sorted(WARNINGS))
def test_warning_is_reported_and_check_passes(
        case: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    content, expected = WARNINGS[case]
    status, lines = run_check(tmp_path, capsys, content)
    assert lines == [expected]
    assert status == 0


def test_strict_makes_warnings_fail(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "README.md"
    path.write_text(WARNINGS["overlap"][0], encoding="utf-8")
    assert main(["check", "--strict", str(path)]) == 1


def test_clean_input_reports_nothing(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status, lines = run_check(tmp_path, capsys, table(row("09:00-09:20")))
    assert (status, lines) == (0, [])


@pytest.mark.parametrize("command", ["parse", "build"])
def test_parse_and_build_refuse_input_with_errors(
        command: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "README.md"
    path.write_text(ERRORS["end-before-start"][0], encoding="utf-8")
    out = tmp_path / "out"
    args = [command, str(path)] + (["-o", str(out), "--format", "json"] if command == "build" else [])
    assert main(args) == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    assert "README.md:9:1: error: slot ends before it starts" in captured.err
    assert not (out / "programme.json").exists()


def test_no_time_zone_is_a_warning(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "README.md"
    path.write_text(table(row("09:00-09:20")), encoding="utf-8")
    assert main(["check", str(path)]) == 0
    assert capsys.readouterr().err.splitlines() == [
        f"{path}: warning: no time zone is set, so every time is taken as UTC (set timezone in "
        "namconvert.toml, or pass --timezone, e.g. Europe/London) [config.timezone]"]
    assert main(["check", str(path), "--strict"]) == 1
    capsys.readouterr()
    assert main(["build", str(path), "-o", str(tmp_path / "out"), "--format", "json"]) == 0
    assert "[config.timezone]" in capsys.readouterr().err
    assert main(["check", str(path), "--timezone", "UTC"]) == 0  # said, so not warned about
    assert capsys.readouterr().err == ""
