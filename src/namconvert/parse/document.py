"""Walk a README's blocks and assemble the programme model.

The document's first heading is its title (unless it is one of the days; then
the front matter's ``title:``). Headings that name a date or a weekday, at one
level, are days; headings one level deeper inside a day are sessions. A table
under a day-level heading that is not a day ("## Program") still belongs to the
day above it; "Title:", "Time:", "Location:" and "Organisers:" lines under a day
describe the session its next table opens. An "## Abstracts" section holds
abstracts matched to slots by speaker or title. Everything else (prose, contact
sections, submission rules) is skipped, except the description, a location line,
links and the first date written in prose before the first day.
"""

from __future__ import annotations

import datetime as dt
import html as html_lib
import itertools
import re
import uuid
from dataclasses import dataclass, field, replace
from pathlib import Path

from ..config import Options
from ..errors import Diagnostic
from ..model import Day, Link, Person, Programme, Session, Slot, Speaker
from .abstracts import (
    ABSTRACTS_HEADING,
    AbstractEntry,
    AbstractMatcher,
    Candidate,
    read_abstracts,
)
from .entries import (
    AND,
    DURATION,
    LABEL_IN_PARENTHESES,
    When,
    after_time,
    cut_plain_prefix,
    cut_plain_suffix,
    leading_time,
    names_a_place,
    people_list,
    reads_as_people,
    split_content,
    trailing_duration,
    trailing_place,
    without_speakers_label,
)
from .flow import Cell as FlowCell
from .flow import Heading, Item, Line, ListBlock, Para, TableBlock, read_blocks, split_lines
from .grid import Grid, GridCell, possible, read_grid
from .kinds import classify
from .people import moderated_speakers, persons_from_markdown, role_line
from .table import Cell, Row
from .text import (
    ABSTRACT_LABEL_WORDS,
    BR,
    PARENTHESES,
    dropped_links,
    has_text,
    links_in,
    plain_text,
    sanitise,
    slugify,
    squash_space,
    strip_label,
    title_html,
    unwrap,
    without_parentheses,
)
from .times import (
    WEEKDAYS,
    YEAR_RE,
    Clock,
    TimeFormatError,
    WrittenDate,
    find_clock,
    find_date,
    find_prose_date,
    find_range,
    resolve_date,
)
from .timetable import (
    LAST_MINUTE,
    MIDNIGHT_NOTE,
    ClockReader,
    RawSlot,
    RuleRow,
    SessionRow,
    fill_open_ends,
    header_columns,
    minus,
    names_date_column,
    past_midnight,
    place_timeless,
    read_timetable,
)
from .tree import read_document

# How long a day's last slot lasts when only its start is written ("20:00 Dinner").
OPEN_END = dt.timedelta(hours=1)
# UUID5 namespace for slot uids: fixed forever, so uids survive rebuilds and releases.
SLOT_NAMESPACE = uuid.UUID("0b6a1f0e-5a57-4a43-9a0c-6e616d636f6e")

# A line that only says more follows ("Abstract", "Details", "More info").
_DETAILS_LABEL = re.compile(rf"^\W*(?:{ABSTRACT_LABEL_WORDS}|details|more|info(?:rmation)?)\W*$",
                            re.IGNORECASE)
# A block or line of a title cell that starts "Abstract:": the rest is the abstract.
_LABELLED_ABSTRACT = re.compile(r"(?:<br\s*/?>|<p\b[^>]*>)\s*(?:<(?:b|strong|em|i)>\s*)?"
                                rf"(?:{ABSTRACT_LABEL_WORDS})\s*:?\s*(?:</(?:b|strong|em|i)>)?\s*:?",
                                re.IGNORECASE)
_LABELLED_ABSTRACT_ITEM = re.compile(rf"^\W*(?:{ABSTRACT_LABEL_WORDS})\s*:\s*(.+)$",
                                     re.IGNORECASE | re.DOTALL)
_TABLE_TAG = re.compile(r"<(/?)table\b[^>]*>", re.IGNORECASE)
_TABLE_OPENING = re.compile(r"<table", re.IGNORECASE)
_TABLE_CLOSING = re.compile(r"</table", re.IGNORECASE)
_LOCATION_LINE = re.compile(r"^\W*(?:session\s+)?(?:location|venue|room|place|where)[^\w:]*:\s*"
                            r"(?:\*\*|__|\*|_)*\s*(.*)$", re.IGNORECASE)
_TITLE_FIELD = re.compile(r"^\W*(?:session\s+)?title\W*:\s*(.+)$", re.IGNORECASE)
# A title cell in italics and nothing else ("_Coffee break_"); "<b><i>...</i></b>" is not.
_WHOLLY_ITALIC = re.compile(r"^<(em|i)>(?:(?!<\1>).)*</\1>$", re.DOTALL | re.IGNORECASE)
# A heading that names the timetable's section, not a session ("## Program", "### Schedule").
_GENERIC_HEADING = re.compile(r"^\W*(?:the\s+|our\s+)?(?:(?:full|detailed|daily|tentative|"
                              r"preliminary|final|conference|workshop|symposium)\s+)*"
                              r"(?:programm?e?|programa|programma|schedule|agenda|timetable|"
                              r"horaire|zeitplan|ablauf|calendario|cronograma)\W*$", re.IGNORECASE)
# A legend: an emphasised term, then what it means ("**on air** ... these sessions are
# streamed", "*(R)* = recorded"). Not "**Note**: ...", a field's label.
_LEGEND = re.compile(r"^\s*<(strong|b|em|i)>([^<]{1,30})</\1>\s*(?:\.\.\.|…|=|–|—)\s*"
                     r"\w+\s+\w+\s+\w+")
# "Morning (Chair: Ann Lee)": a session's name with its chair.
_CHAIR_IN_NAME = re.compile(r"\(\s*(?:session\s+)?(?:chairs?|chaired by|moderators?|moderated by)"
                            r"\s*:?\s*([^()]+)\)", re.IGNORECASE)
# "Day 2", "Jour 2", "Tag 2": a day counted from the start date.
_DAY_NUMBER = re.compile(r"^\W*(?:day|jour(?:n[ée]e)?|tag|d[íi]a|giorno|dag|dzie[ńn])\s*(\d{1,2})\b"
                         r"(?![:.]\d)", re.IGNORECASE)
_TRAILING_OPENER = re.compile(r"[\s(\[,:–—-]+$")  # "Coffee (" before "10:30–11:00)"
_IN_PAGE_LINK = re.compile(r'href="#([^"]+)"')
_FIELD_LABEL = re.compile(r"^\W*\w+(?:\s\w+)?\s*:\s*")  # "Topic: ", "Main theme: "
_TIME_FIELD = re.compile(r"^\W*(?:time|times|hours|when)\W*:\s*(.+)$", re.IGNORECASE)


@dataclass
class _Findings:
    path: str
    items: list[Diagnostic] = field(default_factory=list)

    def error(self, line: int, col: int, message: str, category: str) -> None:
        self.items.append(Diagnostic(self.path, line, col, "error", message, category))

    def warning(self, line: int, col: int, message: str, category: str) -> None:
        self.items.append(Diagnostic(self.path, line, col, "warning", message, category))


@dataclass
class _SessionDraft:
    title: str
    url: str | None
    line: int
    organisers: list[Person] = field(default_factory=list)
    chairs: list[Person] = field(default_factory=list)
    slots: list[RawSlot] = field(default_factory=list)
    implicit: bool = False  # no name in the document: named after its day
    room: str | None = None
    anchor: str | None = None  # the id of its heading, which a grid row may link to
    end: dt.time | None = None  # "### 14:00–15:00 Afternoon": where its open last slot ends


@dataclass
class _DayDraft:
    heading: str
    line: int
    label: str
    written: WrittenDate
    start: dt.time | None
    end: dt.time | None
    notes: list[str]
    sessions: list[_SessionDraft] = field(default_factory=list)
    clocks: ClockReader = field(default_factory=ClockReader)  # 12-hour times across timetables
    room: str | None = None  # named with the date: the room of its sessions unless they say
    number: int | None = None  # "## Day 2": counted from the start date


def _split_day_heading(html: str, language: str) -> tuple[str, dt.time | None, dt.time | None,
                                                          list[str]]:
    """("Wednesday (13 July)", 16:30, 18:00, ["zoom link?"]) from a day heading."""
    plain = plain_text(html)
    start = end = None
    label_part, rest = plain, ""
    if found := find_range(plain):
        match, start_clock, end_clock = found
        try:
            start, end = start_clock.to_time(), end_clock.to_time()
            label_part, rest = plain[:match.start()], plain[match.end():]
        except TimeFormatError:
            start = end = None
    notes = [n.strip() for n in PARENTHESES.findall(rest) if n.strip()]
    # Parenthesised notes after the label that are not its date ("(zoom link?)").
    while (trailing := re.search(r"\(([^()]*)\)\s*$", label_part)) and \
            (written := find_date(trailing.group(1), language)).day is None and \
            written.weekday is None:
        notes.insert(0, trailing.group(1).strip())
        label_part = label_part[:trailing.start()]
    return squash_space(label_part).strip(" -–—,:*_"), start, end, notes


def _session_heading(html: str) -> tuple[str, str | None]:
    html_text = sanitise(html)
    links = links_in(html_text)
    return plain_text(html_text), links[0].url if links else None


def _without_chair(html: str) -> tuple[str, list[Person]]:
    """A session's name without the chair written after it ("**Morning** (chair: Ann
    Lee)"), and the chairs."""
    text = plain_text(html)
    chaired = _CHAIR_IN_NAME.search(text)
    if chaired is None or text[chaired.end():].strip(" .;,"):
        return html, []
    return cut_plain_suffix(html, len(text) - chaired.start()).strip(), \
        list(persons_from_markdown(chaired.group(1)))


def _named_session(html: str, line: int, anchor: str | None = None) -> _SessionContext:
    """The session a heading, a bold line or a row names, with the chairs it names."""
    name, chairs = _without_chair(html)
    title, url = _session_heading(name)
    return _SessionContext(title, url, line, chairs=chairs, anchor=anchor)


def _add(time: dt.time, delta: dt.timedelta) -> dt.time:
    moment = dt.datetime.combine(dt.date.min, time) + delta
    return moment.time() if moment.date() == dt.date.min else dt.time(23, 59)


def _durations_as_times(rows: list[Row], date: _DateContext | None) -> list[Row]:
    """A table whose time column holds durations ("5 mins") as clock ranges, counted from the
    start stated before it ("**2:30 PM, 16 July**")."""
    if not rows:
        return rows
    body = [r for r in rows if r.cells and not r.rule]
    if date is None or date.stated_start is None or not any(
            DURATION.search(plain_text(c.html)) for r in body[:3] for c in r.cells[:2]):
        return rows
    durations = [(r, i, when) for r in body for i, c in enumerate(r.cells[:2])
                 if (found := leading_time(plain_text(c.html), durations=True))
                 and (when := found[0]).duration is not None]
    if len(durations) * 2 < len(body) - 1 or date is None or date.stated_start is None:
        return rows
    column = durations[0][1]
    try:
        cursor = date.stated_start.to_time()
    except TimeFormatError:
        return rows
    by_row = {id(r): when for r, i, when in durations if i == column}
    out = []
    for row in rows:
        written = by_row.get(id(row))
        if written is None or written.duration is None:
            out.append(row)
            continue
        end = _add(cursor, written.duration)
        cells = list(row.cells)
        cell = cells[column]
        cells[column] = Cell(f"{cursor:%H:%M}-{end:%H:%M}", cell.line, cell.col, cell.span,
                             cell.header)
        out.append(Row(tuple(cells), row.line, row.col, row.rule))
        cursor = end
    return out


@dataclass(eq=False)  # each is one place in the document: compared and hashed by identity
class _DateContext:
    """The closest date before what is being read: a heading, a bold or italic line, a label."""

    written: WrittenDate
    label: str
    line: int
    from_heading: bool
    start: dt.time | None = None  # hours written with the date ("16:30-18:00")
    end: dt.time | None = None
    notes: list[str] = field(default_factory=list)
    stated_start: Clock | None = None  # "**2:30 PM, 16 July**": where durations count from
    room: str | None = None  # "**2:30 PM, 16 July | Room B3**": where what follows is held
    number: int | None = None  # "## Day 2": the second day from the start date


@dataclass(eq=False)
class _SessionContext:
    """The closest session name before what is being read, with its chairs and room."""

    title: str
    url: str | None
    line: int
    organisers: list[Person] = field(default_factory=list)
    chairs: list[Person] = field(default_factory=list)
    room: str | None = None
    anchor: str | None = None
    end: dt.time | None = None


@dataclass
class _LineEntry:
    """A timed line or list item, before it becomes a slot."""

    when: When | None
    html: str  # the text after the time
    line: int
    more: list[Line] = field(default_factory=list)  # lines that continue it
    children: list[Item] = field(default_factory=list)  # nested items
    col: int = 1


@dataclass
class _PendingHeading:
    """A heading that starts with a time, until what follows says what it is."""

    entry: _LineEntry
    date: _DateContext | None
    session: _SessionContext | None  # the session before it
    opened: _SessionContext | None  # the session it opened
    entries_read: int  # how many timed entries had been read before it


@dataclass
class _Explained:
    """What ``check --explain`` says of one timetable."""

    line: int
    shape: str
    rows: int
    columns: str
    day: str
    session: str


_PIPE_ROW = re.compile(r"^\s*\|")
_DELIMITER_ROW = re.compile(r"^\s*\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$")
_RULE_CELL = re.compile(r"^\s*[=\-:]{3,}\s*$")
_DATE_LABEL = re.compile(r"^\W*(?:\w+\s+)?(?:date|day|datum|fecha|data)\s*:", re.IGNORECASE)
_CONTEXT_WORDS = 14  # a line this short that names a date is the date of what follows
# "11.-14. November", "3 - 5 June": a span of days.
_DAY_SPAN = re.compile(r"\b\d{1,2}\.?\s*(?:-|–|—|to|bis|au|al)\s*\d{1,2}\.?(?:st|nd|rd|th)?\s+\D")
_DATE_ROW_HTML = 300  # a table row naming a date is short; an abstract row is not


def _pipe_cells(html: str) -> list[str]:
    """A ``| a | b |`` line's cells (pipes inside tags or code are not separators)."""
    body = html.strip()
    body = body[1:] if body.startswith("|") else body
    body = body[:-1] if body.endswith("|") and not body.endswith("\\|") else body
    cells, depth, last = [], 0, 0
    for match in re.finditer(r"<(/?)code\b[^>]*>|(?<!\\)\|", body):
        if match.group(0).startswith("<"):
            depth += -1 if match.group(1) else 1
        elif depth == 0:
            cells.append(body[last:match.start()])
            last = match.end()
    cells.append(body[last:])
    return [c.strip() for c in cells]


def _pipe_paragraph(para: Para) -> tuple[TableBlock | None, Para | None]:
    """A paragraph of ``|`` lines that Markdown did not read as a table (no header row), and
    the lines after them."""
    count = next((i for i, x in enumerate(para.lines) if not _PIPE_ROW.match(x.text)),
                 len(para.lines))
    if count < 2:
        return None, para
    rest = Para(para.lines[count:], para.lines[count].line) if count < len(para.lines) else None
    rows, lines = [], []
    for line in para.lines[:count]:
        if _DELIMITER_ROW.match(line.text):
            continue
        cells = _pipe_cells(line.html)
        rows.append([FlowCell(c, line.line) for c in cells])
        lines.append(line.line)
    return (TableBlock(rows, lines, para.line, markdown=True) if rows else None), rest


# What a rule or an empty cell's HTML can hold: rule marks, white space, tags, entities. Most
# cells hold a letter early on and are told apart here without making their text.
_RULE_OR_BLANK_HTML = re.compile(r"(?:[\s=\-:]|<[^>]*>|&#?\w{1,32};?)*+\Z")


def _rule_or_blank(cell: FlowCell) -> bool:
    return bool(_RULE_OR_BLANK_HTML.match(cell.html)) and (
        not cell.text or bool(_RULE_CELL.match(cell.text)))


def _table_rows(table: TableBlock) -> list[Row]:
    """A table block as the timetable reader's rows; ``| === |`` rows are rules."""
    rows = []
    for cells, line in zip(table.rows, table.row_lines, strict=True):
        if cells and all(_rule_or_blank(c) for c in cells) and any(c.text for c in cells):
            rows.append(Row((), line, 1, rule=True))
            continue
        rows.append(Row(tuple(Cell(c.html.strip(), c.line, c.col, c.colspan, c.header)
                              for c in cells), line, cells[0].col if cells else 1))
    return rows


def _session_key(title_or_html: str) -> str:
    """A title as the same session is named in a grid and in its own section: "Keynote (Room
    A) - Ada" and "Keynote - Ada" are one."""
    return slugify(PARENTHESES.sub(" ", plain_text(title_or_html)), 12)


def _drop_repeated_sessions(day: _DayDraft) -> None:
    """A timetable row that names a session the day details elsewhere (a grid cell
    "Hardware Model Checking" and the section of that name with its talks) is that session:
    the row goes, the session stays."""
    named: dict[str, tuple[dt.time, dt.time]] = {}
    anchored: dict[str, _SessionDraft] = {}
    for session in day.sessions:
        if not session.implicit and session.slots:
            ends = [s.end for s in session.slots if s.end is not None]
            named[_session_key(session.title)] = (min(s.start for s in session.slots),
                                                  max(ends) if ends else dt.time(23, 59))
            if session.anchor:
                anchored[session.anchor] = session
    if not named:
        return
    dropped = False
    for session in day.sessions:
        if not session.implicit:
            continue
        kept = []
        for slot in session.slots:
            # A row linking to the section that details it ("<a href="#industry-panel">").
            if linked := next((anchored[a] for a in _IN_PAGE_LINK.findall(slot.title_html)
                               if a in anchored), None):
                _take_row_title(linked, slot)
                continue
            span = named.get(_session_key(slot.title_html))
            if span is None or not (span[0] <= slot.start < span[1] or
                                    slot.start <= span[0] < (slot.end or dt.time(23, 59))):
                kept.append(slot)
        dropped = dropped or len(kept) < len(session.slots)
        session.slots = kept
    if dropped:
        day.sessions = _in_time_order(day.sessions)


def _take_row_title(session: _SessionDraft, row: RawSlot) -> None:
    """A section of one entry that only states its topic ("Topic: Formal Methods") keeps
    the fuller title its timetable row gives ("Industry Panel - Formal Methods")."""
    if len(session.slots) != 1:
        return
    slot = session.slots[0]
    own = plain_text(slot.title_html)
    topic = _FIELD_LABEL.sub("", own, count=1).strip()
    row_title = plain_text(trailing_place(row.title_html)[0])
    if topic and topic != own and topic in row_title:
        slot.title_html = html_lib.escape(row_title)


def _in_time_order(sessions: list[_SessionDraft]) -> list[_SessionDraft]:
    """A day whose grid gave the breaks and whose sections gave the sessions, in time order:
    the grid's remaining rows between two sessions are one untitled session."""
    named = sorted((s for s in sessions if not s.implicit and s.slots),
                   key=lambda s: min(x.start for x in s.slots))
    loose = sorted((x for s in sessions if s.implicit for x in s.slots), key=lambda x: x.start)
    template = next((s for s in sessions if s.implicit), None)
    arranged: list[_SessionDraft] = []
    for session in named:
        first = min(x.start for x in session.slots)
        before = [x for x in loose if x.start < first]
        loose = loose[len(before):]
        if before and template is not None:
            arranged.append(_SessionDraft(template.title, None, before[0].line, slots=before,
                                          implicit=True))
        arranged.append(session)
    if loose and template is not None:
        arranged.append(_SessionDraft(template.title, None, loose[0].line, slots=loose,
                                      implicit=True))
    return arranged + [s for s in sessions if not s.slots and not s.implicit]


def _without_comments(text: str) -> str:
    """TEXT with each ``<!-- ... -->`` blanked (found with str.find: one pass)."""
    pieces, index = [], 0
    while (start := text.find("<!--", index)) >= 0:
        end = text.find("-->", start + 4)
        end = len(text) if end < 0 else end + 3
        pieces.append(text[index:start])
        pieces.append(re.sub(r"[^\n]", " ", text[start:end]))
        index = end
    pieces.append(text[index:])
    return "".join(pieces)


def _presenters(lines: list[Line]) -> list[str]:
    """The names of a list of talks written as a name line then a bold title line."""
    found = []
    for line, following in itertools.pairwise(lines):
        bare = without_parentheses(line.text).strip()
        if 2 <= len(bare.split()) <= 4 and reads_as_people(bare) and \
                _WHOLLY_EMPHASISED.match(squash_space(following.html)):
            found.append(line.text.strip())
    return found


def _after_label(line: Line, rest: str) -> str:
    """LINE's HTML after its "Chair:" label (REST is the plain text after it)."""
    return cut_plain_prefix(line.html, len(line.text) - len(rest)).strip()


def _has_time_column(rows: list[Row], named: dict[str, str]) -> bool:
    """Whether a table is a timetable: a header names its time column, or most rows hold a
    time in one column."""
    body = [r for r in rows if r.cells and not r.rule]
    if not body:
        return False
    if header_columns(body[0], named) is not None:
        return True
    # Without a header, a column holding a clock that cannot be ("0.75" beside "9.26" in a
    # table of measurements) holds numbers, not times.
    found = [[f for c in r.cells[:3] if (f := leading_time(plain_text(c.html), durations=True))]
             for r in body]
    if any(not possible(f[0]) for row in found for f in row):
        return False
    timed = sum(1 for row in found if row)
    return timed * 2 >= len(body) and timed > 0


def _heading_time(block: Heading) -> tuple[When, str] | None:
    """The time a heading gives, first ("10:00 Keynote") or last as a range ("Session 1
    (09:00–10:30)", "Coffee, 10:30–11:00"), and the rest of its HTML."""
    if timed := leading_time(block.text):
        return timed[0], after_time(block.html, timed[1])
    if (found := find_range(block.text)) and found[0].start() > 0 and \
            not block.text[found[0].end():].strip(" )]*_"):
        title = cut_plain_suffix(block.html, len(block.text) - found[0].start())
        title = _TRAILING_OPENER.sub("", title)
        return When(found[1], found[2]), title
    return None


def _clock_time(clock: Clock | None) -> dt.time | None:
    """CLOCK as a time of day, or None when it is missing or cannot be one."""
    try:
        return clock.to_time() if clock is not None else None
    except TimeFormatError:
        return None


def _within(inner: When | None, outer: When | None) -> bool:
    """Whether INNER starts inside OUTER's time range (True when either is not a range)."""
    if inner is None or outer is None or inner.start is None or outer.start is None or \
            outer.end is None:
        return True
    try:
        start, first, last = inner.start.to_time(), outer.start.to_time(), outer.end.to_time()
    except TimeFormatError:
        return True
    if first >= last:  # "11:30 - 1:00" with no am/pm: not a range to judge by
        return True
    return first <= start < last


def _timed_list(items: list[Item]) -> bool:
    """Whether most of ITEMS begin with a time."""
    timed = sum(bool(i.lines) and leading_time(i.lines[0].text) is not None for i in items)
    return timed > 0 and timed * 2 >= len(items)


def _timed_entry(text: str) -> bool:
    """Whether TEXT is a time and something at it ("09:00 Welcome", not "09:00" alone)."""
    found = leading_time(text)
    return found is not None and bool(text[found[1]:].strip(" -–—:|*_"))


def _is_context_line(line: Line) -> bool:
    """A line that can carry a date: short, wholly emphasised, or labelled "Date:"."""
    return (len(line.text.split()) <= _CONTEXT_WORDS or _DATE_LABEL.match(line.text) is not None
            or _WHOLLY_EMPHASISED.match(squash_space(line.html)) is not None)


_WHOLLY_EMPHASISED = re.compile(r"^\s*<(strong|b|em|i)>(?:(?!<\1>).)*</\1>\W*$",
                                re.DOTALL | re.IGNORECASE)


class _Reader:
    def __init__(self, text: str, path: str, options: Options) -> None:
        self.text = text
        self.path = path
        self.options = options
        self.language = options.language
        self.findings = _Findings(path)
        self.title = ""
        self.title_line = 1
        self.description = ""
        self.location: str | None = None
        self.links: list[Link] = []
        self.days: list[_DayDraft] = []
        self.abstracts: list[AbstractEntry] = []
        self.prose_date: dt.date | None = None  # "Nov. 30 - Dec. 1, 2018" before the first day
        self.years: list[int] = []  # four-digit years in headings and short lines, in order
        self.explained: list[_Explained] = []
        self.marks: set[str] = set()  # terms a legend explains ("**on air** ... streamed")
        self.front: dict[str, str] = {}
        self.first_date_line: int | None = None
        self.pending: _PendingHeading | None = None
        self.entries_read = 0  # timed entries and rows read so far
        self.entries_at_date = 0  # ... when the current day's heading was read
        self.date_level: int | None = None  # the level of the headings that name days
        # Walking state.
        self.date: _DateContext | None = None
        self.session: _SessionContext | None = None
        self.run: list[_LineEntry] = []
        self.run_context: tuple[_DateContext | None, _SessionContext | None] = (None, None)
        self.run_shape = "lines"
        self.day_drafts: dict[_DateContext | None, _DayDraft] = {}
        self.session_drafts: dict[tuple[int, _SessionContext | None], _SessionDraft] = {}
        self.in_preamble = True

    # -- walking -----------------------------------------------------------------------------

    def read(self) -> None:
        document = read_document(self.text)
        self._unclosed_tables(document.text)
        self.front = document.front_matter
        self._front_matter_date()
        blocks = list(read_blocks(document))
        headings = [b for b in blocks if isinstance(b, Heading)]
        title_block = self._title_heading(headings)
        if title_block is not None:
            self.title = plain_text(sanitise(title_block.html))
            self.title_line = title_block.line
        elif self.front.get("title"):
            self.title = self.front["title"]
        self._note_years(self.title)
        abstracts_level: int | None = None
        abstracts_line = 0
        for block in blocks:
            if block is title_block:
                continue
            if abstracts_level is not None:
                if not isinstance(block, Heading) or block.level > abstracts_level:
                    continue
                self._abstract_section(abstracts_line, block.line)
                abstracts_level = None
            if isinstance(block, Heading):
                self._end_run()
                self._settle_heading()
                if ABSTRACTS_HEADING.match(block.text):
                    abstracts_level, abstracts_line = block.level, block.line + 1
                    self.session = None
                    continue
                self._heading(block)
            elif isinstance(block, Para):
                table, rest = _pipe_paragraph(block)
                if table is not None:
                    self._end_run()
                    self._table(table)
                if rest is not None:
                    self._para(rest)
            elif isinstance(block, ListBlock):
                self._list(block)
            elif isinstance(block, TableBlock):
                self._end_run()
                self._table(block)
            else:
                self._end_run()
        self._end_run()
        self._settle_heading()
        if abstracts_level is not None:
            self._abstract_section(abstracts_line, self.text.count("\n") + 2)

    def _unclosed_tables(self, text: str) -> None:
        """A ``<table>`` never closed swallows everything after it, as in a browser: say so."""
        if len(_TABLE_OPENING.findall(text)) <= len(_TABLE_CLOSING.findall(text)):
            return  # the usual case, without a scan (a closed table in a comment aside)
        visible = _without_comments(text)
        opened: list[int] = []
        for match in _TABLE_TAG.finditer(visible):
            if match.group(1):
                if opened:
                    opened.pop()
            else:
                opened.append(match.start())
        for offset in opened[:1]:
            line = visible.count("\n", 0, offset) + 1
            self.findings.error(line, 1, "<table> is never closed: everything after it is read "
                                "as its rows (add </table>)", "table.unclosed")

    def _title_heading(self, headings: list[Heading]) -> Heading | None:
        """The heading that titles the document: the first, unless it is the first of the days
        (it names a date and other headings of its level do too, or the front matter titles)."""
        if not headings:
            return None
        first = headings[0]

        def names_a_day(heading: Heading) -> bool:
            written = find_date(heading.text, self.language)
            return written.day is not None or (written.weekday is not None
                                               and len(heading.text.split()) <= 6)

        if names_a_day(first) and (bool(self.front.get("title")) or any(
                h.level == first.level and names_a_day(h) for h in headings[1:])):
            return None
        return first

    def _front_matter_date(self) -> None:
        """A Jekyll post's date: front matter ``date:`` or a ``_posts/YYYY-MM-DD-`` name."""
        written = None
        if date_text := self.front.get("date"):
            written = find_date(date_text, self.language)
        elif match := re.search(r"(?:^|/)(\d{4})-(\d{2})-(\d{2})-[^/]*$", self.path):
            written = find_date("-".join(match.groups()), self.language)
        if written is not None and written.day is not None:
            self.date = _DateContext(written, date_text or Path(self.path).stem, 1, True)

    def _note_years(self, text: str) -> None:
        self.years.extend(int(y) for y in YEAR_RE.findall(text))

    def _heading(self, block: Heading) -> None:
        self.in_preamble = False
        self._check_links(block.html, block.line)
        self._note_years(block.text)
        written = find_date(block.text, self.language)
        # A weekday alone names a day only at the level of the days so far ("### Friday"),
        # not in a session's title under one ("### Talks for FRI").
        deeper = self.date_level is not None and block.level > self.date_level
        weekday_day = written.weekday is not None and len(block.text.split()) <= 6 and not deeper
        # Right under a day's heading, a deeper heading naming a date is the name of its first
        # session ("### November 5 session"); after a timetable it is the next day, however
        # deep. A heading naming a span of dates ("Monday, July 8 to Friday, July 19") is an
        # overview, not the level of the days.
        session_name = deeper and self.entries_read == self.entries_at_date
        if (written.day is not None and not session_name) or weekday_day:
            self.entries_at_date = self.entries_read
            span = written.span or (0, 0)
            if find_date(block.text[span[1]:], self.language).day is None and \
                    not _DAY_SPAN.search(block.text):
                self.date_level = block.level
            self.date = self._date_context(block.html, written, block.line, from_heading=True)
            self.first_date_line = self.first_date_line or block.line
            self.session = None
            return
        if written.day is None and written.weekday is None and (
                numbered := _DAY_NUMBER.match(block.text)) and (
                self.date_level is None or block.level <= self.date_level):
            # "## Day 2": the day after the start date, however the days are dated.
            self.date_level = block.level
            self.date = replace(self._date_context(block.html, written, block.line,
                                                   from_heading=True),
                                number=int(numbered.group(1)))
            self.entries_at_date = self.entries_read
            self.first_date_line = self.first_date_line or block.line
            self.session = None
            return
        if _GENERIC_HEADING.match(block.text) and (self.date_level is None
                                                   or block.level <= self.date_level):
            return  # "## Program" among the days: the timetable's section, not a session
        if named := _TITLE_FIELD.match(block.text):
            block = Heading(block.level, named.group(1), named.group(1), block.line,
                            block.anchor)
        elif timed := _heading_time(block):
            # "### 10:00 Keynote" then its speaker and abstract: a talk, unless timed entries
            # follow it ("#### 14:00-15:30 Model Checking" over its talks: a session).
            when, rest = timed
            before = self.session
            opened = _named_session(rest, block.line, block.anchor)
            opened.end = _clock_time(when.end)
            self._open_session(opened)
            self.pending = _PendingHeading(_LineEntry(when, rest, block.line), self.date,
                                           before, self.session, self.entries_read)
            return
        self._open_session(_named_session(block.html, block.line, block.anchor))

    def _settle_heading(self) -> None:
        """A timed heading with no timed entries under it is an entry itself."""
        pending, self.pending = self.pending, None
        if pending is None or self.entries_read > pending.entries_read:
            return
        if self.session is pending.opened:
            self.session = pending.session
        self._end_run()
        self.run_context = (pending.date, pending.session)
        self.run_shape = "headings"
        self.run = [pending.entry]
        self._end_run()

    def _open_session(self, session: _SessionContext) -> None:
        """SESSION is the session of what follows; chairs and a room written before its name
        (under the day) are its own."""
        if self.session is not None and not self.session.title:
            session.chairs[:0] = self.session.chairs
            session.organisers[:0] = self.session.organisers
            session.room = session.room or self.session.room
        self.session = session

    def _date_context(self, html: str, written: WrittenDate, line: int, *,
                      from_heading: bool) -> _DateContext:
        label, start, end, notes = _split_day_heading(html, self.language)
        text = plain_text(html)
        if written.span is not None:  # "05.06.2024" holds no clock
            text = text[:written.span[0]] + " " * (written.span[1] - written.span[0]) + \
                text[written.span[1]:]
        stated = find_clock(text)
        if stated is not None and not start:
            label = squash_space(label.replace(stated[0].group(0), "", 1)).strip(" ,;-–")
        if not from_heading and (named := _DATE_LABEL.match(label)):
            label = label[named.end():].strip()  # "Date: 05.06.2024"
        room = None
        if not from_heading and " | " in plain_text(html):
            # "**2:30 PM, 16 July | B3 M7-8, Bella Center**": the date, then the place.
            room = plain_text(html).split(" | ", 1)[1].strip(" *_") or None
            if room and (labelled := _LOCATION_LINE.match(room)):
                room = labelled.group(1).strip() or None  # "| Location: Room 301"
            label = label.split(" | ", 1)[0].strip()
        return _DateContext(written, label, line, from_heading, start, end, notes,
                            stated[1] if stated and not start else None, room)

    # -- paragraphs and lists ------------------------------------------------------------------

    def _para(self, para: Para) -> None:
        self._check_links(" ".join(x.html for x in para.lines), para.line)
        if para.quoted and self.run and not self.run[-1].more:
            # "> *Abstract ...*" under a timetable entry is its abstract.
            text = unwrap("<br>".join(x.html for x in para.lines))
            self.run[-1].more.append(Line(text, plain_text(text), para.line))
            return
        for line in para.lines:
            self._line(line, para)

    def _line(self, line: Line, para: Para) -> None:
        if legend := _LEGEND.match(line.html):
            self.marks.add(plain_text(legend.group(2)).strip())
        found = leading_time(line.text)
        written = find_date(line.text, self.language)
        # A weekday alone dates what follows only on a line of its own ("**Friday**").
        dated = written.day is not None or (written.weekday is not None and (
            len(line.text.split()) <= 2 or (len(line.text.split()) <= 4 and
                                             _WHOLLY_EMPHASISED.match(squash_space(line.html)))))
        if found is not None and not (dated and _is_context_line(line)):
            when, consumed = found
            self._add_entry(_LineEntry(when, after_time(line.html, consumed), line.line), "lines")
            return
        if role := role_line(line.text):
            self._end_run()
            self._role(role[0], _after_label(line, role[1]))
            return
        if (hours := _TIME_FIELD.match(line.text)) and (hour_range := find_range(hours.group(1))):
            self._end_run()
            try:
                start, end = hour_range[1].to_time(), hour_range[2].to_time()
            except TimeFormatError as exc:
                self.findings.error(line.line, 1, str(exc), "time.format")
                return
            if self.date is not None and self.date.start is None and start < end:
                self.date.start, self.date.end = start, end
            return
        if place := _LOCATION_LINE.match(line.text):
            self._end_run()
            if self.session is not None and not self.in_preamble:
                self.session.room = place.group(1).strip() or None
            else:
                self.location = self.location or place.group(1).strip() or None
            return
        if dated and _is_context_line(line):
            self._end_run()
            self._note_years(line.text)
            if self.prose_date is None and not self.days:
                self.prose_date = find_prose_date(line.text, self.language)
            self.date = self._date_context(line.html, written, line.line, from_heading=False)
            self.in_preamble = False
            return
        if len(line.text.split()) <= _CONTEXT_WORDS:
            self._note_years(line.text)
        if not self.run and self._room_line(line):
            return
        if self.pending is not None and not self.run and \
                self.entries_read == self.pending.entries_read:
            self.pending.entry.more.append(Line(line.html, line.text, line.line, True))
            return  # the speaker and abstract under "### 10:00 Keynote"
        if self.run and (not line.hard or para.lines[0] is not line or para.loose):
            self.run[-1].more.append(line)
            return
        if self.run and line.hard and para.lines[0] is line:
            self._end_run()
        if self._room_line(line):
            return
        if _WHOLLY_EMPHASISED.match(squash_space(_without_chair(line.html)[0])) and \
                not self.in_preamble and len(line.text.split()) <= _CONTEXT_WORDS:
            self._open_session(_named_session(line.html, line.line))
            return
        if self.in_preamble and self.date is None:
            self._preamble_line(line, para)

    def _room_line(self, line: Line) -> bool:
        """Whether LINE names the room of the session it is under ("**Room A**"), which
        it then is."""
        name = line.text.strip(" *_")
        if self.session is None or self.in_preamble or len(name.split()) > 4 or \
                not _WHOLLY_EMPHASISED.match(squash_space(line.html)) or not names_a_place(name):
            return False
        self.session.room = name
        return True

    def _role(self, role: str, html: str) -> None:
        # "Chair: A | Co-Chair: B": each labelled part.
        parts = [html]
        if "|" in html:
            first, *rest = html.split("|")
            parts = [first, *(r.split(":", 1)[-1] for r in rest)]
        people = [p for part in parts for p in persons_from_markdown(part.strip())]
        target = self.session
        if target is None:
            target = self.session = _SessionContext("", None, 0)
        (target.chairs if role == "chairs" else target.organisers).extend(people)

    def _preamble_line(self, line: Line, para: Para) -> None:
        html_text = sanitise(line.html)
        self.links.extend(links_in(html_text))
        text = plain_text(html_text)
        if self.prose_date is None:
            self.prose_date = find_prose_date(text, self.language)
        self._note_years(text)
        if not para.loose and para.lines[0] is line and not self.description:
            self.description = plain_text(sanitise(" ".join(x.html for x in para.lines)))

    def _list(self, block: ListBlock) -> None:
        for item in block.items:
            self._check_links(" ".join(x.html for x in item.lines), item.line)
        timed = [leading_time(item.lines[0].text) if item.lines else None for item in block.items]
        if _timed_list(block.items):
            self._end_run()
            self.in_preamble = False
            for item, found in zip(block.items, timed, strict=True):
                if not item.lines:
                    continue
                head, *more = item.lines
                while more and not more[0].hard:  # a soft line break continues the item's text
                    joined = more.pop(0)
                    head = Line(f"{head.html} {joined.html}", f"{head.text} {joined.text}",
                                head.line)
                html = after_time(head.html, found[1]) if found else head.html
                self._add_entry(_LineEntry(found[0] if found else None, html, item.line, more,
                                           item.children), "list")
            return
        if any(_timed_list(item.children) for item in block.items):
            # "- **Monday, June 8**" over its timed items: each item is the day or session of
            # the list under it.
            self._end_run()
            for item in block.items:
                para = Para(item.lines, item.line)
                for line in item.lines:
                    self._line(line, para)
                self._end_run()
                if item.children:
                    self._list(ListBlock(item.children, item.children[0].line))
            return
        if self.run:  # "9:10 - 9:40a **Keynote**" followed by its speakers as a list
            self.run[-1].children.extend(block.items)
            return
        if self.pending is not None and self.entries_read == self.pending.entries_read:
            self.pending.entry.children.extend(block.items)
            return
        for item in block.items:
            for line in item.lines:
                if self.in_preamble and self.date is None:
                    self.links.extend(links_in(sanitise(line.html)))
                if role := role_line(line.text):
                    self._role(role[0], _after_label(line, role[1]))
                elif place := _LOCATION_LINE.match(line.text):
                    if self.in_preamble or self.session is None:
                        self.location = self.location or place.group(1).strip() or None
                    else:
                        self.session.room = place.group(1).strip() or None

    def _add_entry(self, entry: _LineEntry, shape: str) -> None:
        if self.pending is not None and self.entries_read == self.pending.entries_read and \
                not _within(entry.when, self.pending.entry.when):
            # "### 10:30–11:00 Talk" then "- 11:00 Coffee": what follows is not inside the
            # heading's time, so the heading is a talk, not the session of what follows.
            self._settle_heading()
        self.entries_read += 1
        if not self.run:
            self.run_context = (self.date, self.session)
            self.run_shape = shape
        self.in_preamble = False
        self.run.append(entry)

    def _end_run(self) -> None:
        if not self.run:
            return
        entries, self.run = self.run, []
        date, session = self.run_context
        day = self._day(date, entries[0].line)
        draft = self._session_draft(day, session, entries[0].line)
        for slot in self._line_slots(entries, day, date):
            if slot.session_title is not None:
                # Talks nested under an entry: a session named by it ("14:30 Sitzung 1").
                title, url = _session_heading(slot.session_title)
                if not (draft.title == title and not draft.implicit):
                    draft = _SessionDraft(title, url, slot.line, room=draft.room)
                    day.sessions.append(draft)
            elif not draft.implicit and draft.title != (session.title if session else None):
                draft = self._session_draft(day, session, slot.line, fresh=True)
            draft.slots.append(slot)
        self._explain(entries[0].line, f"{self.run_shape} timetable", len(entries),
                      "time|title|speaker", date, session)

    def _abstract_section(self, first_line: int, end_line: int) -> None:
        lines = self.text.split("\n")[first_line - 1:end_line - 1]
        for line_number, line in enumerate(lines, first_line):
            self._check_links(line, line_number)
        self.abstracts.extend(read_abstracts(lines, first_line))

    def _check_links(self, source: str, line: int, col: int = 1) -> None:
        """Warn about each link sanitising drops (see :func:`text.allowed_url`)."""
        for dropped in dropped_links(source):
            self.findings.warning(line, col, dropped.message(), dropped.category)

    # -- days and sessions ---------------------------------------------------------------------

    def _day(self, date: _DateContext | None, line: int) -> _DayDraft:
        key = date
        if key in self.day_drafts:
            return self.day_drafts[key]
        if date is None:
            written = WrittenDate(None, None, None, None, None)
            draft = _DayDraft("", line, "", written, None, None, [])
        else:
            draft = _DayDraft(date.label, date.line, date.label, date.written, date.start,
                              date.end, list(date.notes), room=date.room, number=date.number)
        self.day_drafts[key] = draft
        self.days.append(draft)
        return draft

    def _session_draft(self, day: _DayDraft, session: _SessionContext | None,
                       line: int, *, fresh: bool = False) -> _SessionDraft:
        key = (id(day), session)
        # The same session goes on while nothing else has been read into the day.
        if not fresh and key in self.session_drafts and day.sessions and \
                self.session_drafts[key] is day.sessions[-1]:
            return self.session_drafts[key]
        if session is None or not session.title:
            draft = _SessionDraft(day.label, None, line, list(session.organisers) if session else [],
                                  list(session.chairs) if session else [], implicit=True)
        else:
            draft = _SessionDraft(session.title, session.url, session.line,
                                  list(session.organisers), list(session.chairs),
                                  anchor=session.anchor, end=session.end)
        draft.room = (session.room if session else None) or day.room
        day.sessions.append(draft)
        self.session_drafts[key] = draft
        return draft

    def _explain(self, line: int, shape: str, rows: int, columns: str,
                 date: _DateContext | None, session: _SessionContext | None) -> None:
        day = (f"day {date.label!r} from line {date.line}" if date is not None
               else "no date before it (--start-date)")
        named = (f"session {session.title!r} from line {session.line}" if session is not None
                 and session.title else "no session named")
        self.explained.append(_Explained(line, shape, rows, columns, day, named))

    # -- line and list timetables --------------------------------------------------------------

    def _line_slots(self, entries: list[_LineEntry], day: _DayDraft,
                    date: _DateContext | None) -> list[RawSlot]:
        slots: list[RawSlot] = []
        for entry in entries:
            slot = self._entry_slot(entry, day, slots, date)
            if slot is not None:
                slots.extend(slot)
        place_timeless(slots, self.findings.error, self.findings.warning, drop=True)
        for this, following in itertools.pairwise(slots):
            if this.end is None:
                this.end = following.start
        return slots

    def _entry_slot(self, entry: _LineEntry, day: _DayDraft, before: list[RawSlot],
                    date: _DateContext | None) -> list[RawSlot] | None:
        html, duration = trailing_duration(entry.html)
        start = end = None
        when = entry.when
        if when is None:
            slot = self._content_slot(html, entry, dt.time(0, 0), None)
            slot.timeless = True
            return [slot]
        try:
            if when.start is not None:
                start, end = day.clocks.read_range(when.start, when.end)
            elif when.duration is not None:
                start = before[-1].end if before and before[-1].end else (
                    date.stated_start.to_time() if date and date.stated_start else None)
        except TimeFormatError as exc:
            self.findings.error(entry.line, entry.col, str(exc), "time.format")
            return None
        if start is None:
            self.findings.error(entry.line, entry.col, "duration with no start time before it "
                                "(write the first start, e.g. '**2:30 PM**')", "time.format")
            return None
        if end is None and (when.duration or duration):
            end = _add(start, when.duration or duration or dt.timedelta())
        if end is not None and past_midnight(start, end):
            self.findings.warning(entry.line, entry.col, MIDNIGHT_NOTE.format(
                f"{start:%H:%M}-{end:%H:%M}"), "time.midnight")
            end = LAST_MINUTE
        if end is not None and end <= start:
            self.findings.error(entry.line, entry.col, "slot ends before it starts", "time.order")
            return None
        slot = self._content_slot(html, entry, start, end)
        slot.open_end = when.open_end
        talks = self._nested_talks(entry, slot)
        return talks if talks else [slot]

    def _content_slot(self, html: str, entry: _LineEntry, start: dt.time,
                      end: dt.time | None) -> RawSlot:
        content = split_content(html)
        speakers_html = content.speakers_html
        abstract_lines = list(entry.more)
        if abstract_lines and _DETAILS_LABEL.match(abstract_lines[0].text) and len(
                abstract_lines) > 1:
            abstract_lines.pop(0)  # a <details> summary that only says "Description"
        # "- 16:35-16:50 Emily Hunt" then the title as the item's next paragraph.
        if not plain_text(content.title_html) or (
                abstract_lines and reads_as_people(plain_text(content.title_html))
                and not speakers_html and abstract_lines[0].hard
                and _WHOLLY_EMPHASISED.match(squash_space(abstract_lines[0].html))):
            if abstract_lines and not plain_text(content.title_html):
                # "(Distinguished Paper)" on its own line is a label, not the title.
                while len(abstract_lines) > 1 and LABEL_IN_PARENTHESES.fullmatch(abstract_lines[0].text):
                    abstract_lines.pop(0)
                content = split_content(abstract_lines.pop(0).html)
                speakers_html = content.speakers_html
            elif abstract_lines:
                speakers_html = content.title_html
                content = type(content)(abstract_lines.pop(0).html, "")
        # "Participant Talks" then "A (Leipzig), B (Wisconsin)" on the line below.
        speakers_html = speakers_html or self._people_line(abstract_lines)
        # A box of talks under it, each a name then its title in bold: all of them speak.
        if presenters := _presenters(abstract_lines):
            already = {p.name for p in moderated_speakers(speakers_html)[0]}
            extra = [p for p in presenters if without_parentheses(p).strip() not in already]
            if len(presenters) > 1 and (not speakers_html or extra):
                speakers_html = " ; ".join(filter(None, [speakers_html, *extra]))
        people: list[str] = []
        for child in entry.children:
            text = " ".join(x.text for x in child.lines)
            if (labelled := _LABELLED_ABSTRACT_ITEM.match(text)) and not abstract_lines:
                # "- Abstract: Glaciers are shrinking fast." under the talk.
                written = cut_plain_prefix("<br>".join(x.html for x in child.lines),
                                           labelled.start(1))
                abstract_lines = [Line(written, labelled.group(1), child.line)]
                continue
            named = re.sub(r"^[^:]{1,30}:\s*", "", text) if ":" in text else text
            if child.lines and reads_as_people(without_parentheses(named)) and \
                    not leading_time(text):
                people.append(named)
        if people and not speakers_html:
            speakers_html = " ; ".join(people)
        abstract = "<br>".join(x.html for x in abstract_lines) if abstract_lines else None
        return RawSlot(start, end, speakers_html, content.title_html, entry.line, entry.col,
                       abstract_html=abstract,
                       abstract_line=abstract_lines[0].line if abstract_lines else None)

    @staticmethod
    def _people_line(lines: list[Line]) -> str:
        """The speakers when LINES begin with a line of names ("A (Leipzig), B (Wisconsin)"),
        which is then taken from LINES; else ""."""
        if not lines or not lines[0].hard:
            return ""
        count = 1 + next((i for i, x in enumerate(lines[1:]) if x.hard), len(lines) - 1)
        written = without_speakers_label(" ".join(x.text for x in lines[:count]).strip(" ,;"))
        names = without_parentheses(written).strip(" ,;")
        listed = "," in names or ";" in names or 2 <= len(names.split()) <= 4 or \
            AND.search(names) is not None
        people = people_list(names)  # "Ada Lovelace, University of X, UK" is one person
        if not (listed and (people != names or reads_as_people(names))):
            return ""
        del lines[:count]
        # "A (Leipzig), B (Wisconsin)": the names keep their affiliations.
        return people_list(written) if "(" in written else people

    def _nested_talks(self, entry: _LineEntry, parent: RawSlot) -> list[RawSlot]:
        """Items under an entry that are talks of their own ("Name: Title (45min)")."""
        if shared := self._talks_sharing_time(entry, parent):
            return shared
        timed = []
        for child in entry.children:
            if not child.lines:
                continue
            head, *more = child.lines
            found = leading_time(head.text)
            html, duration = trailing_duration(after_time(head.html, found[1]) if found
                                               else head.html)
            if found is None and duration is None:
                return []
            timed.append((child, found, html, duration, more))
        if not timed:
            return []
        talks = []
        cursor = parent.start
        for child, found, html, duration, more in timed:
            sub = _LineEntry(found[0] if found else None, html, child.line, more, child.children)
            if found is not None and found[0].start is not None:
                start = found[0].start.to_time()
                end = found[0].end.to_time() if found[0].end else None
            else:
                start, end = cursor, _add(cursor, duration or dt.timedelta())
            talk = self._content_slot(html, sub, start, end)
            talk.session_title = parent.title_html
            talks.append(talk)
            cursor = end or start
        return talks

    def _talks_sharing_time(self, entry: _LineEntry, parent: RawSlot) -> list[RawSlot]:
        """Talks listed without times under a session that gives its own ("### Session 1
        (09:00–10:30)" over "- Ann Lee: Talk A"): each gets an equal share, said in a warning."""
        heads = [c.lines[0] for c in entry.children if c.lines]
        if len(heads) < 2 or len(heads) != len(entry.children) or parent.end is None or any(
                leading_time(h.text) or trailing_duration(h.html)[1] for h in heads) or not all(
                split_content(h.html).speakers_html for h in heads):
            return []
        span = minus(parent.end, parent.start)
        share = span / len(heads)
        if share < dt.timedelta(minutes=1):
            return []
        talks = []
        for index, (child, head) in enumerate(zip(entry.children, heads, strict=True)):
            start = _add(parent.start, share * index)
            sub = _LineEntry(None, head.html, child.line, child.lines[1:], child.children)
            talk = self._content_slot(head.html, sub, start, _add(start, share))
            talk.session_title = parent.title_html
            talks.append(talk)
        self.findings.warning(entry.line, 1, f"{len(heads)} talks under "
                              f"{plain_text(parent.title_html)!r} give no times: each read as "
                              f"{int(share.total_seconds() // 60)} minutes of "
                              f"{parent.start:%H:%M}-{parent.end:%H:%M} (write each talk's time "
                              "to be sure)", "time.missing")
        return talks

    def _grid(self, grid: Grid, block: TableBlock) -> None:
        """A grid's cells: each track a day (its header names a date) or else a room."""
        dated = [find_date(label, self.language) for label in grid.tracks]
        by_day = all(w.day is not None or w.weekday is not None for w in dated)
        contexts = [self._date_context(label, written, block.line, from_heading=True)
                    for label, written in zip(grid.tracks, dated, strict=True)] if by_day else []
        self.in_preamble = False
        self.entries_read += len(grid.cells)
        for cell in grid.cells:
            date = contexts[cell.track] if by_day and cell.track is not None else self.date
            targets = contexts if by_day and cell.track is None else [date]
            for target in targets:
                day = self._day(target, block.line)
                slot = self._grid_slot(cell, day)
                if slot is None:
                    continue
                if not by_day and cell.track is not None:
                    slot.room = grid.tracks[cell.track]
                self._session_draft(day, self.session, cell.line).slots.append(slot)
        self._explain(block.line, f"grid, {'days' if by_day else 'rooms'} across", len(grid.cells),
                      "time|" + "|".join(grid.tracks), self.date, self.session)

    def _grid_slot(self, cell: GridCell, day: _DayDraft) -> RawSlot | None:
        start_clock = cell.start.start
        end_clock = cell.start.end if cell.start.end is not None else (
            cell.end.start if cell.end is not None else None)
        if start_clock is None:
            return None
        try:
            start, end = day.clocks.read_range(start_clock, end_clock)
        except TimeFormatError as exc:
            self.findings.error(cell.line, 1, str(exc), "time.format")
            return None
        content = split_content(cell.html)
        return RawSlot(start, end, content.speakers_html, content.title_html, cell.line, 1)

    # -- tables ---------------------------------------------------------------------------------

    def _table(self, block: TableBlock) -> None:
        self.in_preamble = self.in_preamble and False
        rows = _table_rows(block)
        for cell in (c for row in rows for c in row.cells):
            self._check_links(cell.html, cell.line, cell.col)
        if block.caption:  # a table's caption is the closest thing before its rows
            written = find_date(block.caption, self.language)
            if written.day is not None:
                self.date = self._date_context(block.caption, written, block.line,
                                               from_heading=True)
        rows = self._times_out_of_dates(rows)
        if not _has_time_column(rows, self.options.columns):
            return  # organisers, key facts, figures: not a timetable
        if self._sessions_as_rows(rows, block):
            return
        header = header_columns(rows[0], self.options.columns) if rows and rows[0].cells \
            else None
        if not (header and ("speaker" in header or "abstract" in header)) and \
                (grid := read_grid(block)) is not None:
            self._grid(grid, block)
            return
        segments = self._days_in_table(rows, header is not None)
        for date, segment in segments:
            self._table_segment(segment, block, header, date)

    def _times_out_of_dates(self, rows: list[Row]) -> list[Row]:
        """ROWS with a time column of their own when the Date column holds each row's date
        and time ("| 12 Jan 2026, 16:00 | Ann Lee | Spectra |", a seminar series)."""
        if not rows or not rows[0].cells or header_columns(rows[0], self.options.columns):
            return rows
        head = [plain_text(c.html) for c in rows[0].cells]
        index = next((i for i, text in enumerate(head) if names_date_column(text)), None)
        if index is None:
            return rows
        first = rows[0].cells
        split = [Row((*first[:index + 1], replace(first[index], html="Time"),
                      *first[index + 1:]), rows[0].line, rows[0].col)]
        for row in rows[1:]:
            if row.rule or index >= len(row.cells):
                split.append(row)
                continue
            cell = row.cells[index]
            text = plain_text(cell.html)
            written = find_date(text, self.language)
            if written.span is None:
                return rows
            rest = text[:written.span[0]] + " " * (written.span[1] - written.span[0]) + \
                text[written.span[1]:]
            clock = find_range(rest) or find_clock(rest)
            if clock is None:
                return rows
            date_cell = replace(cell, html=html_lib.escape(text[:written.span[1]].strip(" ,")))
            time_cell = replace(cell, html=html_lib.escape(clock[0].group(0)))
            split.append(Row((*row.cells[:index], date_cell, time_cell, *row.cells[index + 1:]),
                             row.line, row.col))
        return split if header_columns(split[0], self.options.columns) else rows

    def _sessions_as_rows(self, rows: list[Row], block: TableBlock) -> bool:
        """A table whose rows are sessions, each a name and a cell of timed lines ("| Morning
        (Chair: Ann) | 09:00 Ada – Engines<br>09:30 Alan – Machines |"): each row is read as
        the session it names, its lines as a timetable's. Whether the table is one."""
        if not any(BR.search(c.html) or "\n" in c.html for row in rows for c in row.cells):
            return False  # no cell holds more than one line
        timed: list[tuple[Row, int, list[Line]]] = []
        for row in rows:
            cells = [split_lines(c.html, c.line) for c in row.cells]
            found = next((i for i, lines in enumerate(cells) if lines and 2 * sum(
                _timed_entry(x.text) for x in lines) > len(lines)), None)
            if found is not None:
                timed.append((row, found, cells[found]))
            elif any(leading_time(plain_text(c.html)) for c in row.cells):
                return False  # a row timed in a cell of its own: an ordinary timetable
        if not any(len(lines) > 1 for _, _, lines in timed):
            return False
        before = self.session
        for row, index, lines in timed:
            self._end_run()
            named = next((c for i, c in enumerate(row.cells) if i != index and has_text(c.html)),
                         None)
            self._open_session(_named_session(named.html if named else "", row.line))
            para = Para(lines, row.cells[index].line)
            for line in lines:
                self._line(line, para)
            self._end_run()
        self.session = before
        self._explain(block.line, "table of sessions, timed lines in a cell", len(timed),
                      "session|lines", self.date, self.session)
        return True

    def _days_in_table(self, rows: list[Row], has_header: bool
                       ) -> list[tuple[_DateContext | None, list[Row]]]:
        """One table holding several days, a row naming each (``| **Monday 3 June** | |``):
        the rows under each date row, with the header row above them."""
        head = rows[:1] if has_header else []
        segments: list[tuple[_DateContext | None, list[Row]]] = [(self.date, list(head))]
        for row in rows[len(head):]:
            filled = [c for c in row.cells if has_text(c.html)]
            text = plain_text(filled[0].html) if len(filled) == 1 and len(
                filled[0].html) < _DATE_ROW_HTML else ""
            short = 0 < len(text.split()) <= 6  # a date row, not an abstract that names a date
            written = find_date(text, self.language) if short else None
            # A weekday alone is a date row only when set apart ("| **Friday** | |"): a
            # one-word abstract row may be a weekday too.
            if written is not None and not leading_time(text) and (
                    written.day is not None or (
                        written.weekday is not None and len(text.split()) <= 3 and (
                            filled[0].header or _WHOLLY_EMPHASISED.match(
                                squash_space(filled[0].html))))):
                self.date = self._date_context(filled[0].html, written, row.line,
                                               from_heading=True)
                segments.append((self.date, list(head)))
                continue
            segments[-1][1].append(row)
        return [(date, seg) for date, seg in segments if len(seg) > len(head)]

    def _table_segment(self, rows: list[Row], block: TableBlock,
                       header: dict[str, int] | None, day: _DateContext | None) -> None:
        rows = _durations_as_times(rows, day)
        draft_day = self._day(day, block.line)
        entries = read_timetable(rows, self.findings.error, warn=self.findings.warning,
                                 clocks=draft_day.clocks, pad=block.markdown, quiet=False,
                                 named=self.options.columns)
        self.entries_read += len(entries)
        if not entries:
            return
        # Without a speaker column, the title cell may name the speaker ("Title – Name").
        split = not (header and "speaker" in header) and not any(
            isinstance(e, RawSlot) and plain_text(e.speakers_html) for e in entries)
        session: _SessionDraft | None = None
        dated: dict[str, _DateContext] = {}  # a Date column's texts
        from_row = fresh = False
        for entry in entries:
            if isinstance(entry, RuleRow):
                session = None if from_row else session
                fresh = fresh or from_row
                from_row = False
            elif isinstance(entry, SessionRow):
                if entry.title_html or session is None:
                    title, url = _session_heading(entry.title_html)
                    if not title:
                        session = self._session_draft(draft_day, self.session, entry.line)
                    else:
                        session = _SessionDraft(title, url, entry.line)
                        draft_day.sessions.append(session)
                    from_row = True
                for names in entry.chairs:
                    session.chairs.extend(persons_from_markdown(names))
                for names in entry.organisers:
                    session.organisers.extend(persons_from_markdown(names))
            else:
                if (written_date := plain_text(entry.extras.get("date", ""))) and (
                        (when := find_date(written_date, self.language)).day is not None
                        or when.weekday is not None):
                    # "| Date | Time | Title |": the row's own date, until the next one.
                    if written_date not in dated:
                        dated[written_date] = self._date_context(
                            entry.extras["date"], when, entry.line, from_heading=True)
                    row_day = self._day(dated[written_date], entry.line)
                    if row_day is not draft_day:
                        draft_day, session, fresh = row_day, None, False
                if session is None:
                    session = self._session_draft(draft_day, self.session, entry.line,
                                                  fresh=fresh)
                if split and (content := split_content(entry.title_html)).speakers_html:
                    entry.title_html, entry.speakers_html = content.title_html, \
                        content.speakers_html
                entry.room = plain_text(entry.extras.get("room", "")) or None
                if entry.abstract_html is None and (
                        parts := _LABELLED_ABSTRACT.split(entry.title_html, maxsplit=1))[1:]:
                    # "Tiny models<p>Abstract: We shrink models.</p>": the abstract in the cell.
                    entry.title_html, entry.abstract_html = parts[0], parts[-1]
                    entry.abstract_line = entry.line
                session.slots.append(entry)
                if chair := entry.extras.get("chair"):
                    session.chairs.extend(p for p in persons_from_markdown(chair)
                                          if p not in session.chairs)
        columns = "|".join(header) if header else "by content"
        self._explain(block.line, "table", sum(isinstance(e, RawSlot) for e in entries),
                      columns, day, self.session)

    # -- assembling ----------------------------------------------------------------------------

    def year(self) -> int | None:
        """The year of dates written without one: --year, else the nearest four-digit year."""
        if self.options.year:
            return self.options.year
        for text in (self.title, self.description):
            if match := YEAR_RE.search(text):
                return int(match.group(1))
        if self.options.start_date:
            return self.options.start_date.year
        if self.prose_date:
            return self.prose_date.year
        return self.years[0] if self.years else None

    def programme(self) -> Programme | None:
        if not self.days:
            first_date = self.first_date_line or self.title_line
            self.findings.error(first_date, 1, "no timetable found: expected a table, list "
                                "or lines of times, e.g. '09:00-09:30 | Speaker | Title', under "
                                "a date such as '## Wednesday (13 July)'", "structure.day")
            return None
        year = self.year()
        self._match_abstracts()
        # A weekday-only heading is the first such weekday on or after the start date.
        previous: dt.date | None = self.options.start_date or self.prose_date
        used_ids: dict[str, int] = {}  # see unique_id
        by_date: dict[dt.date, tuple[_DayDraft, list[Session]]] = {}
        missing_reported = False  # one error for a programme whose days have no dates
        for draft in self.days:
            if draft.written.day is None and draft.written.weekday is None and not any(
                    s.slots for s in draft.sessions):
                continue  # a table whose rows each named their own date
            if draft.written.day is None and draft.written.weekday is None:
                if self.options.start_date is None:
                    if missing_reported:
                        continue
                    missing_reported = True
                    counted = " (days are counted from it)" if draft.number else ""
                    self.findings.error(draft.line, 1, "timetable with no date before it: give "
                                        "--start-date YYYY-MM-DD (or start_date in "
                                        f"namconvert.toml){counted}", "date.missing")
                    continue
                date = self.options.start_date + dt.timedelta(days=(draft.number or 1) - 1)
            else:
                try:
                    date = resolve_date(draft.written, year, previous)
                except TimeFormatError as exc:
                    self.findings.error(draft.line, 1, str(exc), "date.format")
                    continue
            if draft.written.weekday is not None and draft.written.weekday != date.weekday():
                self.findings.warning(draft.line, 1, f"{date:%-d %B %Y} is a "
                                      f"{WEEKDAYS[date.weekday()].title()}, not a "
                                      f"{WEEKDAYS[draft.written.weekday].title()}",
                                      "date.weekday")
            previous = date
            if not draft.label:
                draft.label = f"{date:%A %-d %B %Y}"
                for session in draft.sessions:
                    if session.implicit:
                        session.title = draft.label
            _drop_repeated_sessions(draft)
            # An untitled session left empty (its entries named sessions of their own).
            draft.sessions = [s for s in draft.sessions if s.slots or not s.implicit]
            sessions = [self._session(s, date, draft, used_ids) for s in draft.sessions]
            if date in by_date:
                first, held = by_date[date]
                held.extend(sessions)
                if not any(s.slots for s in first.sessions) and draft.label:
                    # The day's own row or heading names it, not the prose that dated it.
                    by_date[date] = (draft, held)
            else:
                by_date[date] = (draft, sessions)
        days = tuple(Day(date, draft.label, draft.start, draft.end, tuple(draft.notes),
                         tuple(sessions), draft.line)
                     for date, (draft, sessions) in by_date.items())
        return Programme(
            title=self.title,
            description=self.description,
            timezone=self.options.timezone or "UTC",
            location=self.options.location or self.location,
            links=tuple(self.links),
            days=days,
            language=self.options.language,
        )

    def _match_abstracts(self) -> None:
        """Give each entry of an abstracts section to the slot its key names."""
        if not self.abstracts:
            return
        raws = [raw for day in self.days for s in day.sessions for raw in s.slots]
        candidates = []
        for raw in raws:
            speakers = moderated_speakers(raw.speakers_html)[0]
            title = plain_text(title_html(raw.title_html))
            candidates.append(Candidate(tuple(p.name for p in speakers), title,
                                        classify(title, bool(speakers), False) == "talk",
                                        raw.abstract_html is not None))
        matcher = AbstractMatcher(candidates)
        for entry in self.abstracts:
            index = matcher.match(entry.key)
            candidates = matcher.candidates
            if index is None:
                self.findings.warning(entry.line, 1, f"abstract for {entry.key!r} matches no "
                                      "slot by speaker or title", "abstract.unmatched")
                continue
            if candidates[index].has_abstract:
                self.findings.warning(entry.line, 1, f"abstract for {entry.key!r}: "
                                      f"{candidates[index].title!r} already has an abstract",
                                      "abstract.duplicate")
                continue
            raws[index].abstract_html = entry.html
            raws[index].abstract_line = entry.line
            matcher.took(index)

    def _session(self, draft: _SessionDraft, date: dt.date, day: _DayDraft,
                 used_ids: dict[str, int]) -> Session:
        # A session's stated end bounds its open last slot, when it is after every start (a
        # 12-hour "2:00-3:00" heading read without am/pm is not).
        stated_end = draft.end if draft.end and all(x.start < draft.end for x in draft.slots) \
            else None
        raw_slots = fill_open_ends(draft.slots, stated_end or day.end)
        if draft.implicit and raw_slots and all(
                classify(plain_text(title_html(r.title_html)), False, False) == "break"
                for r in raw_slots):
            # A table group holding only a break ("| 10:30 – 11:00 | | Coffee break |") is
            # named after it, not after the day.
            draft.title = plain_text(title_html(raw_slots[0].title_html)) or draft.title
        slots = []
        for raw in raw_slots:
            if raw.end is None:
                raw.end = _add(raw.start, OPEN_END)
                self.findings.warning(raw.line, raw.col, f"slot has only a start ({raw.start:%H:%M})"
                                      f" and nothing follows it: read as ending at {raw.end:%H:%M}"
                                      " (write its end, e.g. "
                                      f"'{raw.start:%H:%M}-{raw.end:%H:%M}')", "time.missing")
            slots.append(self._slot(raw, date, used_ids, draft.room))
        draft.title = self._without_marks(draft.title)
        session_id = unique_id(slugify(draft.title), used_ids)
        return Session(session_id, draft.title, draft.url, tuple(draft.organisers),
                       tuple(draft.chairs), tuple(slots), draft.line, room=draft.room)

    def _without_marks(self, html: str) -> str:
        """HTML without a term a legend of the document explains trailing it ("Sitzung 1
        **on air**": the session is streamed, and "on air" is not part of its name)."""
        if not self.marks:
            return html
        text = plain_text(html).rstrip()
        for mark in self.marks:
            if text.endswith(mark) and len(text) > len(mark) and \
                    text[-len(mark) - 1].isspace():
                return cut_plain_suffix(html, len(mark)).rstrip()
        return html

    def _slot(self, raw: RawSlot, date: dt.date, used_ids: dict[str, int],
              room: str | None) -> Slot:
        assert raw.end is not None
        # "John Smith, Mary Major": commas between names (not "Name, Affiliation") split too.
        listed = people_list(plain_text(raw.speakers_html)) if "," in raw.speakers_html else ""
        speakers, moderated = moderated_speakers(
            listed if listed and listed != plain_text(raw.speakers_html) else raw.speakers_html)
        if affiliation := plain_text(raw.extras.get("affiliation", "")):
            speakers = _with_affiliation(speakers, affiliation)
        # "Reception (Panorama Room, 17th floor)": the room is said after the title.
        written_title, place = trailing_place(self._without_marks(raw.title_html))
        shown_title = title_html(written_title)
        title = plain_text(shown_title)
        abstract_html = None
        if raw.abstract_html is not None:
            abstract_html = squash_space(strip_label(sanitise(raw.abstract_html))) or None
        abstract = plain_text(abstract_html) if abstract_html else None
        # Only a row with neither speaker nor abstract can be a break set apart in italics.
        set_apart = (not speakers and abstract is None
                     and bool(_WHOLLY_ITALIC.match(squash_space(sanitise(raw.title_html)))))
        kind = classify(title, bool(speakers), abstract is not None, moderated=moderated,
                        type_text=plain_text(raw.extras.get("type", "")), set_apart=set_apart)
        if not title:
            self.findings.warning(raw.line, raw.col, "slot has no title", "slot.title")
        if kind == "talk" and not speakers:
            self.findings.warning(raw.line, raw.col, f"talk {title!r} has no speaker",
                                  "slot.speaker")
        slot_id = unique_id(f"{date.isoformat()}-{raw.start:%H%M}-{slugify(title, 6)}",
                            used_ids)
        # The talk's date, start and title only: renaming the programme keeps every uid, so
        # calendar subscribers see their events kept, not doubled.
        uid = uuid.uuid5(SLOT_NAMESPACE, "\x1f".join(
            (date.isoformat(), f"{raw.start:%H:%M}", title)))
        return Slot(id=slot_id, uid=str(uid), start=raw.start, end=raw.end, kind=kind,
                    title=title, title_html=shown_title, speakers=speakers, abstract=abstract,
                    abstract_html=abstract_html,
                    links=links_in(abstract_html) if abstract_html else (), line=raw.line,
                    room=raw.room or place or room)


def _with_affiliation(speakers: tuple[Speaker, ...], written: str) -> tuple[Speaker, ...]:
    """An Affiliation column's text for speakers the speaker column gave none."""
    parts = [p.strip() for p in re.split(r"\s*(?:;|/|&|\band\b)\s*", written) if p.strip()]
    if len(speakers) > 1 and len(parts) != len(speakers):
        parts = [written] * len(speakers)
    return tuple(s if s.affiliation else Speaker(s.name, part)
                 for s, part in zip(speakers, parts, strict=False)) + speakers[len(parts):]


def unique_id(candidate: str, used: dict[str, int]) -> str:
    """CANDIDATE, else CANDIDATE-2, -3, ...: the first not in USED, which it then holds.

    USED maps every id given out to the next suffix to try for it as a candidate, so the
    32,000th row of one title at one time costs one look-up, not 32,000.
    """
    n = used.get(candidate, 1)
    unique = candidate if n == 1 else f"{candidate}-{n}"
    while unique in used:  # "talk-2" may have been a candidate of its own
        n += 1
        unique = f"{candidate}-{n}"
    used[candidate] = n + 1
    used.setdefault(unique, 2)
    return unique


def read_programme(text: str, path: str | Path, options: Options) -> tuple[
        Programme | None, list[Diagnostic], list[str]]:
    """The programme, the findings, and one line per timetable found (``check --explain``)."""
    reader = _Reader(text, str(path), options)
    reader.read()
    programme = reader.programme()
    explained = [f"{path}:{e.line}: {e.shape}, {e.rows} rows, columns {e.columns}; {e.day}; "
                 f"{e.session}" for e in sorted(reader.explained, key=lambda e: e.line)]
    return programme, reader.findings.items, explained
