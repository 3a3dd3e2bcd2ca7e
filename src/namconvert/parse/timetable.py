"""Timetable rows (from any table syntax, or a bullet list) to raw slots.

Columns are found by their header text, not their position. A full-width row
(or a row with only one filled cell and no time) holds the previous talk's abstract.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from .table import Cell, Row
from .text import plain_text
from .times import Clock, TimeFormatError, find_clock, find_range

Column = str  # "time" | "speaker" | "title" | "abstract"
REQUIRED = ("time", "title")

_HEADER_WORDS: tuple[tuple[Column, re.Pattern[str]], ...] = (
    ("time", re.compile(r"\b(time|when|hours?|schedule)\b", re.IGNORECASE)),
    ("speaker", re.compile(r"\b(speakers?|presenters?|who|names?|authors?|person)\b",
                           re.IGNORECASE)),
    ("title", re.compile(r"\b(title|talks?|topic|presentation|event|session)\b", re.IGNORECASE)),
    ("abstract", re.compile(r"\b(abstracts?|summary|description)\b", re.IGNORECASE)),
)
_BOLD_CELL = re.compile(r"^\s*<(b|strong)\b", re.IGNORECASE)


@dataclass
class RawSlot:
    """A timetable entry before it becomes a model slot."""

    start: dt.time
    end: dt.time | None
    speakers_html: str
    title_html: str
    line: int
    col: int
    abstract_html: str | None = None
    abstract_line: int | None = None
    extras: dict[str, str] = field(default_factory=dict)


Report = Callable[[int, int, str, str], None]  # line, col, message, category


def header_columns(row: Row) -> dict[Column, int] | None:
    """Map column names to cell indexes when ROW is a header row, else None."""
    looks_like_header = all(c.header or _BOLD_CELL.match(c.html) or not plain_text(c.html)
                            for c in row.cells)
    mapping: dict[Column, int] = {}
    for index, cell in enumerate(row.cells):
        text = plain_text(cell.html)
        if find_clock(text):
            return None
        for column, pattern in _HEADER_WORDS:
            # "Talk Title / Abstract" names the title column; the abstract is then a row below.
            if column not in mapping and pattern.search(text):
                mapping[column] = index
                break
    if all(c in mapping for c in REQUIRED) and (looks_like_header or len(mapping) >= 2):
        return mapping
    return None


def parse_time_cell(text: str) -> tuple[Clock, Clock | None]:
    """The start and end written in a time cell; the end may be missing."""
    if found := find_range(text):
        return found[1], found[2]
    if found_one := find_clock(text):
        return found_one[1], None
    raise TimeFormatError(f"malformed time {text!r} (expected e.g. 09:30-09:50)")


class ClockReader:
    """Turns written clocks into times, reading 12-hour times without am/pm by monotonicity.

    "12:30-1:10" after "12:00" is afternoon. A table that writes any hour past 12, or
    an hour with a leading zero ("09:40"), uses the 24-hour clock and is read as written.
    """

    def __init__(self) -> None:
        self.twenty_four_hour = False
        self.previous_start: dt.time | None = None

    def read(self, clock: Clock, not_before: dt.time | None) -> dt.time:
        time = clock.to_time()
        if clock.hour > 12 or clock.padded:
            self.twenty_four_hour = True
        if (not self.twenty_four_hour and clock.meridiem is None and not_before is not None
                and time < not_before and 1 <= clock.hour < 12):
            afternoon = dt.time(clock.hour + 12, clock.minute)
            if afternoon >= not_before:
                time = afternoon
        return time

    def read_range(self, start_clock: Clock, end_clock: Clock | None) -> tuple[dt.time,
                                                                               dt.time | None]:
        start = self.read(start_clock, self.previous_start)
        end = self.read(end_clock, start) if end_clock else None
        self.previous_start = start
        return start, end


def _is_abstract_row(row: Row, columns: dict[Column, int]) -> bool:
    filled = [c for c in row.cells if plain_text(c.html)]
    if len(row.cells) == 1 or any(c.span > 1 for c in row.cells):
        return True
    time_cell = row.cells[columns["time"]] if columns["time"] < len(row.cells) else None
    has_time = time_cell is not None and plain_text(time_cell.html)
    return len(filled) == 1 and not has_time and "abstract" not in columns


def rows_to_slots(rows: Sequence[Row], report: Report) -> list[RawSlot]:
    """Read a table's rows; report errors through REPORT and skip the rows that have them."""
    columns: dict[Column, int] | None = None
    slots: list[RawSlot] = []
    clocks = ClockReader()
    for row in rows:
        if not row.cells:
            continue
        if columns is None:
            columns = header_columns(row)
            if columns is None:
                report(row.line, row.col, "table has no header row naming its Time and Title "
                       "columns", "table.header")
                return slots
            continue
        if _is_abstract_row(row, columns):
            content = next((c for c in row.cells if plain_text(c.html)), row.cells[0])
            if not slots:
                report(row.line, row.col, "abstract row with no talk before it", "table.abstract")
                continue
            slots[-1].abstract_html = content.html
            slots[-1].abstract_line = content.line
            continue
        needed = max(columns.values()) + 1
        if len(row.cells) < needed:
            report(row.line, row.col, f"talk row has {len(row.cells)} cells, expected {needed}",
                   "table.cells")
            continue
        slot = _row_slot(row, columns, clocks, report)
        if slot is not None:
            slots.append(slot)
    return slots


def _cell(row: Row, columns: dict[Column, int], name: Column) -> Cell | None:
    index = columns.get(name)
    return row.cells[index] if index is not None and index < len(row.cells) else None


def _row_slot(row: Row, columns: dict[Column, int], clocks: ClockReader,
              report: Report) -> RawSlot | None:
    time_cell = _cell(row, columns, "time")
    assert time_cell is not None
    time_text = plain_text(time_cell.html)
    try:
        start_clock, end_clock = parse_time_cell(time_text)
        start, end = clocks.read_range(start_clock, end_clock)
    except TimeFormatError as exc:
        report(time_cell.line, time_cell.col, str(exc), "time.format")
        return None
    if end is not None and end <= start:
        report(time_cell.line, time_cell.col,
               f"slot ends before it starts ({time_text})", "time.order")
        return None
    speaker = _cell(row, columns, "speaker")
    title = _cell(row, columns, "title")
    abstract = _cell(row, columns, "abstract")
    return RawSlot(start, end, speaker.html if speaker else "", title.html if title else "",
                   row.line, row.col,
                   abstract_html=abstract.html if abstract and plain_text(abstract.html) else None,
                   abstract_line=abstract.line if abstract else None)


def fill_open_ends(slots: list[RawSlot], day_end: dt.time | None) -> list[RawSlot]:
    """A slot written with only a start ends when the next one starts (or the day ends)."""
    for index, this in enumerate(slots):
        if this.end is None:
            following = slots[index + 1] if index + 1 < len(slots) else None
            this.end = following.start if following else day_end
    return slots
