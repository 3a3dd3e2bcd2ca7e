"""A corpus of malformed programmes (tests/fixtures/malformed/, one small file each) and the
exact first finding each gets: its line, column, severity, message and category."""

from __future__ import annotations

from pathlib import Path

import pytest

from namconvert.cli import main
from namconvert.config import Options
from namconvert.parse import parse_file
from support import FIXTURES

MALFORMED = FIXTURES / "malformed"
NO_TIMETABLE = ("no timetable found: expected a table, list or lines of times, e.g. "
                "'09:00-09:30 | Speaker | Title', under a date such as '## Wednesday (13 July)'")
KEPT = "(only absolute http, https and plain mailto links are kept)"

# (file, line, col, severity, message, category) of the first finding.
EXPECTED = [
    ("unreadable-bytes.md", 4, 1, "error", "not a text file (contains NUL bytes)", "input"),
    ("non-utf8.md", 5, 4, "error", "not UTF-8 text (byte 0xe9)", "input"),
    ("empty.md", 1, 1, "error", NO_TIMETABLE, "structure.day"),
    ("no-day.md", 1, 1, "error", NO_TIMETABLE, "structure.day"),
    # A day heading with nothing timed under it: the error points at the day.
    ("no-session.md", 3, 1, "error", NO_TIMETABLE, "structure.day"),
    ("no-year.md", 4, 1, "error", "no year for this date: give --year, a 'year' setting, or a "
     "year in the title", "date.format"),
    ("malformed-time.md", 10, 1, "error",
     "malformed time 'half past nine' (expected e.g. 09:30-09:50)", "time.format"),
    ("impossible-time.md", 9, 1, "error", "impossible time 25:10", "time.format"),
    ("impossible-minute.md", 9, 1, "error", "impossible time 9:60", "time.format"),
    ("impossible-date.md", 4, 1, "error", "impossible date 31 February 2023", "date.format"),
    ("second-day-impossible-date.md", 12, 1, "error", "impossible date 32 July 2023",
     "date.format"),
    ("end-before-start.md", 10, 1, "error", "slot ends before it starts (10:00-09:40)",
     "time.order"),
    ("missing-cells.md", 10, 1, "error", "talk row has 2 cells, expected 3", "table.cells"),
    ("orphan-abstract.md", 9, 1, "error", "abstract row with no talk before it",
     "table.abstract"),
    ("unclosed-table.md", 7, 1, "error", "<table> is never closed: everything after it is read "
     "as its rows (add </table>)", "table.unclosed"),
    # Warnings: the programme is still built.
    ("weekday-mismatch.md", 4, 1, "warning", "3 July 2023 is a Monday, not a Friday",
     "date.weekday"),
    ("overlap.md", 10, 1, "warning", "'Second' (09:20) overlaps 'A talk' (09:00-09:30)",
     "time.overlap"),
    ("duplicate-time.md", 10, 1, "warning", "'Same time' (09:00) overlaps 'A talk' (09:00-09:20)",
     "time.overlap"),
    ("outside-hours.md", 9, 1, "warning",
     "'A talk' (10:50-11:20) is outside the day's hours (09:00-11:00)", "time.window"),
    ("pipe-missing-cells.md", 10, 1, "warning", "slot has no title", "slot.title"),
    ("talk-without-speaker.md", 11, 1, "warning", "talk 'Unclaimed' has no speaker",
     "slot.speaker"),
    ("javascript-session-link.md", 5, 1, "warning",
     f"link with a javascript: URL 'javascript:alert(1)' dropped {KEPT}", "link.scheme"),
    # An address the URL parser refuses (an IPv6 host never closed) is dropped, not a crash.
    ("bracketed-host-link.md", 9, 1, "warning",
     f"malformed web link 'http://[::1' dropped {KEPT}", "link.scheme"),
]


def test_the_corpus_is_the_table() -> None:
    files = sorted(p.name for p in MALFORMED.iterdir())
    assert files == sorted(name for name, *_ in EXPECTED)
    assert sum(1 for *_, severity, _m, _c in EXPECTED if severity == "error") >= 15


@pytest.mark.parametrize(("name", "line", "col", "severity", "message", "category"), EXPECTED,
                         ids=[e[0].removesuffix(".md") for e in EXPECTED])
def test_first_finding(name: str, line: int, col: int, severity: str, message: str,
                       category: str) -> None:
    path = MALFORMED / name
    result = parse_file(path, Options(), raise_on_error=False)
    assert result.findings, f"{name}: no finding"
    first = result.findings[0]
    assert (first.line, first.col, first.severity, first.message, first.category) == \
        (line, col, severity, message, category)
    if severity == "error":
        assert result.programme is None
    else:
        assert result.programme is not None
        assert all(f.severity == "warning" for f in result.findings)


@pytest.mark.parametrize("name", [e[0] for e in EXPECTED if e[3] == "error"])
def test_check_prints_the_error_and_fails(name: str, capsys: pytest.CaptureFixture[str]) -> None:
    _, line, col, _, message, category = next(e for e in EXPECTED if e[0] == name)
    path = Path(MALFORMED / name)
    assert main(["check", str(path)]) == 1
    err = capsys.readouterr().err
    assert "Traceback" not in err
    assert err.splitlines()[0] == f"{path}:{line}:{col}: error: {message} [{category}]"
