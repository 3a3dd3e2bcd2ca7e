"""Timetable rows (from any table syntax, or a bullet list) to raw slots.

Columns are found by their header text, not their position. A full-width row
(or a row with only one filled cell and no time) holds the previous talk's abstract.
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TypeVar

from .columns import infer_columns
from .kinds import names_a_kind
from .table import Cell, Row
from .text import has_text, plain_text, squash_space
from .times import _CLOCK, Clock, TimeFormatError, _clock, clock_range, find_clock, find_range

# "time" | "speaker" | "title" | "abstract", and the optional "affiliation" | "type" |
# "chair" (named by a header) and "mark" (a headerless table's column of "*" marks).
Column = str
REQUIRED = ("time", "title")

_HEADER_WORDS: tuple[tuple[Column, re.Pattern[str]], ...] = (
    ("time", re.compile(r"\b(time|times|when|hours?|schedule|duration|start|slot|uhrzeit|zeit|"
                        r"heure|horaire|hora|ora|tid)\b", re.IGNORECASE)),
    ("speaker", re.compile(r"\b(speakers?|presenters?|who|names?|authors?|person|lecturers?|"
                           r"instructors?|teachers?|facilitators?|hosts?|moderators?|"
                           r"referent(?:in)?|sprecher(?:in)?|vortragende[rn]?|orateur|"
                           r"intervenant|ponente)\b", re.IGNORECASE)),
    ("title", re.compile(r"\b(title|talks?|topics?|presentation|event|session|activity|"
                         r"activities|what|item|programm?e?|subject|lecture|contents?|agenda|"
                         r"titel|thema|vortrag|titre|sujet|título|tema)\b", re.IGNORECASE)),
    ("abstract", re.compile(r"\b(abstracts?|summary|description|details)\b", re.IGNORECASE)),
)
# Headers that must be the whole cell: "Session chair" is a chair, "Session" a title.
_EXACT_HEADERS: tuple[tuple[Column, re.Pattern[str]], ...] = (
    ("chair", re.compile(r"^\W*(?:session\s+)?(?:chairs?|chairpersons?|moderators?)\W*$",
                         re.IGNORECASE)),
    ("type", re.compile(r"^\W*(?:type|kind|format|category)\W*$", re.IGNORECASE)),
    ("affiliation", re.compile(r"^\W*(?:affiliations?|institutions?|institutes?|"
                               r"organi[sz]ations?)\W*$", re.IGNORECASE)),
    ("end", re.compile(r"^\W*(?:end|ends|until|to|finish|bis|ende|fin)\W*$", re.IGNORECASE)),
    ("room", re.compile(r"^\W*(?:rooms?|location|venue|where|place|hall|salle|raum|ort|"
                        r"lieu|sala)\W*$", re.IGNORECASE)),
    # "| Date | Time | Title |": one table holding several days, a date a row.
    ("date", re.compile(r"^\W*(?:date|day|datum|tag|jour|d[íi]a|giorno|data)\W*$",
                        re.IGNORECASE)),
)
_STACKED_CLOCKS = re.compile(rf"^\s*{_CLOCK}\s+{_CLOCK}\s*$", re.IGNORECASE)
def names_date_column(text: str) -> bool:
    """Whether a header cell's TEXT names a Date column."""
    return any(role == "date" and pattern.match(text) for role, pattern in _EXACT_HEADERS)


# A part of the day, or a time not fixed yet, written where a clock would be.
_ROUGH_TIME = re.compile(r"\W*(?:(?:early|late|mid)[\s-]?)?(?:morning|afternoon|evening|night|"
                         r"lunch\s*time|all\s+day|later|tb[adc]|vormittags?|nachmittags?|"
                         r"abends?|matin|apr[èe]s[\s-]midi|soir(?:[ée]e)?|ma[ñn]ana|tarde|"
                         r"noche|mattin[oa]|pomeriggio|sera)?\W*", re.IGNORECASE)
_BOLD_CELL = re.compile(r"^\s*<(b|strong)\b", re.IGNORECASE)
# A cell that names a session's chair or organisers ("Chair: Ada", "Chaired by Ada").
_ROLE_CELL = re.compile(
    r"^\W*(?:session\s+)?(?:(chairs?|chairpersons?|organi[sz]ers?|convenors?|conveners?)\s*:"
    r"|(chaired|organi[sz]ed|convened)\s+by\b)\s*(.*)$", re.IGNORECASE | re.DOTALL)
_WHOLLY_BOLD = re.compile(r"^<(strong|b)>(?:(?!<\1>).)*</\1>$", re.DOTALL | re.IGNORECASE)
_SHORT = 12  # words: a session row's title or a break is short; an abstract is not


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
    # "affiliation", "type", "chair", "room" and "date" cells
    extras: dict[str, str] = field(default_factory=dict)
    timeless: bool = False  # written with no time: placed between its neighbours
    open_end: bool = False  # "19:00 - open ended"
    session_title: str | None = None  # a nested talk: the entry above it names its session
    room: str | None = None


@dataclass
class SessionRow:
    """A table row that opens a session: ``| 8:30 | **Session 1: HEP** | Chair: Ada |``."""

    title_html: str  # "" when the row only names chairs for the current session
    chairs: list[str]  # plain text after each "Chair:" label
    organisers: list[str]
    line: int
    col: int


@dataclass
class RuleRow:
    """A group separator (kramdown ``| ===``): ends the session a session row opened."""

    line: int


Entry = RawSlot | SessionRow | RuleRow
_E = TypeVar("_E", RawSlot, Entry)


Report = Callable[[int, int, str, str], None]  # line, col, message, category


def header_columns(row: Row, named: dict[str, str] | None = None) -> dict[Column, int] | None:
    """Map column names to cell indexes when ROW is a header row, else None.

    NAMED (the ``[columns]`` setting) gives a role for a header text, before any guess."""
    # A table's first row is asked about by each shape the reader tries: read it once.
    mapping = _header_columns(row, tuple((named or {}).items()))
    return dict(mapping) if mapping is not None else None


@lru_cache(maxsize=64)
def _header_columns(row: Row, named_pairs: tuple[tuple[str, str], ...]) -> dict[
        Column, int] | None:
    looks_like_header = all(c.header or _BOLD_CELL.match(c.html) or not plain_text(c.html)
                            for c in row.cells)
    mapping: dict[Column, int] = {}
    by_text = {text.strip().lower(): role for role, text in named_pairs}
    for index, cell in enumerate(row.cells):
        text = plain_text(cell.html)
        if (role := by_text.get(text.strip().lower())) and role not in mapping:
            mapping[role] = index
            looks_like_header = True
            continue
        if find_clock(text):
            return None
        exact = next((c for c, p in _EXACT_HEADERS if c not in mapping and p.match(text)), None)
        if exact is not None:
            mapping[exact] = index
            continue
        roles = [c for c, p in _HEADER_WORDS if c not in mapping and p.search(text)]
        # "Speaker & Title": one column holds both; the title's text names the speaker.
        if "speaker" in roles and "title" in roles:
            roles = ["title"]
        # "Talk Title / Abstract" names the title column; the abstract is then a row below.
        if roles:
            mapping[roles[0]] = index
    if all(c in mapping for c in REQUIRED) and (looks_like_header or len(mapping) >= 2):
        return mapping
    return None


def parse_time_cell(text: str) -> tuple[Clock, Clock | None]:
    """The start and end written in a time cell; the end may be missing."""
    if found := find_range(text):
        return found[1], found[2]
    # "09:00<br>09:30": the start above the end, nothing between them.
    if (stacked := _STACKED_CLOCKS.match(text)) and (found_range := clock_range(
            _clock(*stacked.group(1, 2, 3)), _clock(*stacked.group(4, 5, 6)))):
        return found_range
    if found_one := find_clock(text):
        return found_one[1], None
    raise TimeFormatError(f"malformed time {text!r} (expected e.g. 09:30-09:50)")


def minus(later: dt.time, earlier: dt.time) -> dt.timedelta:
    return (dt.datetime.combine(dt.date.min, later) - dt.datetime.combine(dt.date.min, earlier))


class ClockReader:
    """Turns written clocks into times, reading 12-hour times without am/pm by monotonicity.

    "12:30-1:10" after "12:00" is afternoon. A table that writes any hour past 12, or
    an hour with a leading zero ("09:40"), uses the 24-hour clock and is read as written.
    A time is moved to the afternoon only when that puts it at most ``AFTERNOON_REACH``
    after the time before it: "11:00" after "11:01" is a parallel session, not 23:00.
    """

    AFTERNOON_REACH = dt.timedelta(hours=6)

    def __init__(self) -> None:
        self.twenty_four_hour = False
        self.previous_start: dt.time | None = None

    def read(self, clock: Clock, not_before: dt.time | None) -> dt.time:
        time = clock.to_time()
        if clock.meridiem is not None and not_before is not None and time < not_before:
            # "**12:00 am** | Lunch" between 10:30 am and 1:00 pm is noon: the other half of
            # the day when that is what keeps the times in order.
            flipped = dt.time((time.hour + 12) % 24, time.minute)
            if dt.timedelta() <= minus(flipped, not_before) <= self.AFTERNOON_REACH:
                return flipped
        if clock.hour > 12 or clock.padded:
            self.twenty_four_hour = True
        if (not self.twenty_four_hour and clock.meridiem is None and not_before is not None
                and time < not_before and 1 <= clock.hour < 12):
            afternoon = dt.time(clock.hour + 12, clock.minute)
            if dt.timedelta() <= minus(afternoon, not_before) <= self.AFTERNOON_REACH:
                time = afternoon
        return time

    def read_range(self, start_clock: Clock, end_clock: Clock | None) -> tuple[dt.time,
                                                                               dt.time | None]:
        start = self.read(start_clock, self.previous_start)
        end = self.read(end_clock, start) if end_clock else None
        self.previous_start = start
        return start, end


def _is_abstract_row(row: Row, columns: dict[Column, int]) -> bool:
    filled = [c for c in row.cells if has_text(c.html)]
    time_cell = row.cells[columns["time"]] if columns["time"] < len(row.cells) else None
    has_time = time_cell is not None and has_text(time_cell.html)
    if len(row.cells) == 1 or any(c.span > 1 for c in row.cells):
        return True
    if len(filled) == 1 and not has_time:
        # "| | | _Lunch_ |": a short row naming a break or a panel is a slot with no time.
        text = plain_text(filled[0].html)
        if names_a_kind(text) and len(text.split()) <= _SHORT:
            return False
    return len(filled) == 1 and not has_time and "abstract" not in columns


def read_timetable(rows: Sequence[Row], report: Report, *, warn: Report | None = None,
                   clocks: ClockReader | None = None, pad: bool = False,
                   quiet: bool = False, named: dict[str, str] | None = None) -> list[Entry]:
    """A table's slots, in-table session rows and rules, in order.

    Columns come from the header row, or, when the table has none, from the cells
    themselves. Errors go through REPORT (the row is skipped), notes through WARN.
    CLOCKS carries the 12-hour reading across the tables of one day. PAD fills short
    rows with empty cells (Markdown tables may omit trailing cells). QUIET ignores a
    table that is not a timetable instead of reporting it.
    """
    data = [r for r in rows if r.cells and not r.rule]
    if not data:
        return []
    columns = header_columns(data[0], named)
    headerless = columns is None
    if columns is None:
        columns = infer_columns(data)
        if columns is None:
            if not quiet:
                report(data[0].line, data[0].col, "table has no header row naming its Time and "
                       "Title columns", "table.header")
            return []
    first = next(i for i, r in enumerate(rows) if r is data[0])
    body = list(rows[first + (0 if headerless else 1):])
    clocks = clocks or ClockReader()
    needed = max(columns.values()) + 1
    entries: list[Entry] = []
    for index, row in enumerate(body):
        if row.rule:
            entries.append(RuleRow(row.line))
            continue
        if not row.cells:
            continue
        if (session := _session_row(row, columns, body[index + 1:])) is not None:
            entries.append(session)
            continue
        if _is_abstract_row(row, columns):
            _attach_abstract(row, entries, report)
            continue
        if pad and len(row.cells) < needed:
            last = row.cells[-1]
            row = Row(row.cells + tuple(Cell("", row.line, last.col)
                                        for _ in range(needed - len(row.cells))), row.line, row.col)
        if len(row.cells) < needed:
            report(row.line, row.col, f"talk row has {len(row.cells)} cells, expected {needed}",
                   "table.cells")
            continue
        slot = _row_slot(row, columns, clocks, report, headerless, warn)
        if slot is not None:
            entries.append(slot)
    place_timeless(entries, report, warn)
    _end_at_next_start(entries)
    return entries


def _attach_abstract(row: Row, entries: list[Entry], report: Report) -> None:
    content = next((c for c in row.cells if has_text(c.html)), row.cells[0])
    if not entries or not isinstance(entries[-1], RawSlot):
        report(row.line, row.col, "abstract row with no talk before it", "table.abstract")
        return
    entries[-1].abstract_html = content.html
    entries[-1].abstract_line = content.line


def _session_row(row: Row, columns: dict[Column, int], following: Sequence[Row]) -> SessionRow | None:
    """ROW as a session row: it names a chair, or it is one bold title starting with the next row."""
    skip = {columns["time"], columns.get("mark"), columns.get("chair"), columns.get("room"),
            columns.get("date"), columns.get("end")}
    texts = [(i, c) for i, c in enumerate(row.cells) if i not in skip and has_text(c.html)]
    if not texts:
        return None
    roles = {i: m for i, c in texts if (m := _ROLE_CELL.match(plain_text(c.html)))}
    if roles:
        title = " ".join(c.html for i, c in texts if i not in roles)
        chairs = [m.group(3).strip() for m in roles.values()
                  if (m.group(1) or m.group(2)).lower().startswith("chair")]
        organisers = [m.group(3).strip() for m in roles.values()
                      if not (m.group(1) or m.group(2)).lower().startswith("chair")]
        return SessionRow(title, chairs, organisers, row.line, row.col)
    cell = texts[0][1]
    if len(texts) != 1 or not _WHOLLY_BOLD.match(squash_space(cell.html)) \
            or len(plain_text(cell.html).split()) > _SHORT:
        return None
    time_cell = row.cells[columns["time"]] if columns["time"] < len(row.cells) else None
    time_text = plain_text(time_cell.html) if time_cell else ""
    if find_range(time_text):
        return None
    following_row = next((r for r in following if r.cells and not r.rule), None)
    if following_row is None or columns["time"] >= len(following_row.cells):
        return None
    try:
        following_start = parse_time_cell(plain_text(following_row.cells[columns["time"]].html))[0]
    except TimeFormatError:
        return None
    this = find_clock(time_text)
    if this is not None and (this[1].hour, this[1].minute) != (following_start.hour,
                                                               following_start.minute):
        return None
    return SessionRow(cell.html, [], [], row.line, row.col)


def _cell(row: Row, columns: dict[Column, int], name: Column) -> Cell | None:
    index = columns.get(name)
    return row.cells[index] if index is not None and index < len(row.cells) else None


def _row_slot(row: Row, columns: dict[Column, int], clocks: ClockReader,
              report: Report, headerless: bool = False,
              warn: Report | None = None) -> RawSlot | None:
    time_cell = _cell(row, columns, "time")
    assert time_cell is not None
    time_text = plain_text(time_cell.html)
    # "| Start | End |": the end in a column of its own.
    if (end_cell := _cell(row, columns, "end")) is not None and time_text and \
            (end_text := plain_text(end_cell.html)) and not find_range(time_text):
        time_text = f"{time_text}-{end_text}"
    # "| Afternoon | Free time |", "| TBD | Posters |": words that say when only roughly.
    timeless = not time_text or _ROUGH_TIME.fullmatch(time_text) is not None
    start, end = dt.time(0, 0), None
    if not timeless:
        try:
            start_clock, end_clock = parse_time_cell(time_text)
            start, end = clocks.read_range(start_clock, end_clock)
        except TimeFormatError as exc:
            report(time_cell.line, time_cell.col, str(exc), "time.format")
            return None
        if end is not None and end <= start and past_midnight(start, end):
            if warn is not None:
                warn(time_cell.line, time_cell.col, MIDNIGHT_NOTE.format(time_text),
                     "time.midnight")
            end = LAST_MINUTE
        if end is not None and end <= start:
            report(time_cell.line, time_cell.col,
                   f"slot ends before it starts ({time_text})", "time.order")
            return None
    speaker = _cell(row, columns, "speaker")
    title = _cell(row, columns, "title")
    speaker_html, title_html = speaker.html if speaker else "", title.html if title else ""
    if headerless:
        skip = {columns["time"], columns.get("mark")}
        texts = [c for i, c in enumerate(row.cells) if i not in skip and has_text(c.html)]
        if len(texts) == 1:  # "| 10:30 – 11:00 | | Coffee break |": a title, whichever column
            speaker_html, title_html = "", texts[0].html
    abstract = _cell(row, columns, "abstract")
    extras = {name: cell.html for name in ("affiliation", "type", "chair", "room", "date")
              if (cell := _cell(row, columns, name)) is not None and has_text(cell.html)}
    if timeless and time_text:
        extras["written_time"] = time_text
    return RawSlot(start, end, speaker_html, title_html, row.line, row.col,
                   abstract_html=abstract.html if abstract and has_text(abstract.html) else None,
                   abstract_line=abstract.line if abstract else None, extras=extras,
                   timeless=timeless)


def place_timeless(entries: list[_E], report: Report, warn: Report | None, *,
                   drop: bool = False) -> None:
    """A row with no time fills the gap between the rows around it.

    With DROP (a list, where an untimed item is often a note: "Group photo"), an item
    with no gap to fill is left out with a warning instead of sharing the time before it.
    """
    slots = [e for e in entries if isinstance(e, RawSlot)]
    for index, slot in enumerate(slots):
        if not slot.timeless:
            continue
        before = next((s for s in reversed(slots[:index]) if not s.timeless), None)
        after = next((s for s in slots[index + 1:] if not s.timeless), None)
        if before is None:
            if drop and warn is not None:
                warn(slot.line, slot.col, "item has no time and no timed item before it: "
                     "left out", "time.missing")
            elif written := slot.extras.get("written_time"):
                report(slot.line, slot.col, f"malformed time {written!r} (expected e.g. "
                       "09:30-09:50)", "time.format")
            else:
                report(slot.line, slot.col, "row has no time and no timed row before it",
                       "time.format")
            entries.remove(slot)
            continue
        slot.start = before.end or before.start
        slot.end = after.start if after else None
        if slot.end is not None and slot.end <= slot.start:
            if drop and warn is not None:
                warn(slot.line, slot.col, "item has no time and no gap around it to fill: "
                     "left out (give it a time to keep it)", "time.missing")
                entries.remove(slot)
                continue
            slot.start, slot.end = before.start, before.end
            if warn is not None and not slot.extras.get("written_time"):
                warn(slot.line, slot.col, "row has no time and no gap around it: given the "
                     "time of the row before it", "time.missing")
        if (written := slot.extras.get("written_time")) and warn is not None:
            placed = f"{slot.start:%H:%M}-{slot.end:%H:%M}" if slot.end else f"at {slot.start:%H:%M}"
            warn(slot.line, slot.col, f"{written!r} is not a clock time: placed between the rows "
                 f"around it ({placed}; write its time to be sure)", "time.missing")
        slot.timeless = False


def _end_at_next_start(entries: list[Entry]) -> None:
    """A slot written with only a start ends when the table's next slot starts."""
    slots = [e for e in entries if isinstance(e, RawSlot)]
    for this, following in itertools.pairwise(slots):
        # A row of another date (a Date column) is another day: its start is no end here.
        other_day = following.extras.get("date", "") not in ("", this.extras.get("date", ""))
        if this.end is None and not other_day:
            this.end = _end_from_next(this, following)


# A day's slots end by midnight: one that runs past it ends at the day's last minute.
LAST_MINUTE = dt.time(23, 59)
MIDNIGHT_NOTE = "{} runs past midnight: read as ending at 23:59 (a slot ends on its own day)"


def past_midnight(start: dt.time, end: dt.time) -> bool:
    """Whether START-END, ending before it starts, is an evening running into the night
    ("22:00-01:00"), not a mistake ("10:00-09:40")."""
    return end < start and start >= dt.time(18) and end <= dt.time(6)


def fill_open_ends(slots: list[RawSlot], day_end: dt.time | None) -> list[RawSlot]:
    """A slot written with only a start ends when the next one starts (or the day ends)."""
    for index, this in enumerate(slots):
        if this.end is None:
            following = slots[index + 1] if index + 1 < len(slots) else None
            this.end = (_end_from_next(this, following) if following else None) or day_end
    return slots


def _end_from_next(this: RawSlot, following: RawSlot) -> dt.time | None:
    """Where THIS ends by the start of the slot after it: none when that starts with it (a
    row placed at this one's start, having no time of its own)."""
    return following.start if following.start > this.start else None
