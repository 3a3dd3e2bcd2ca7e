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
import re
import uuid
from dataclasses import dataclass, field
from pathlib import Path

from ..config import Options
from ..errors import Diagnostic
from ..model import Day, Link, Person, Programme, Session, Slot, Speaker
from .abstracts import ABSTRACTS_HEADING, AbstractEntry, Candidate, match_abstract, read_abstracts
from .blocks import Block, front_matter, line_starts, split_blocks
from .kinds import classify
from .people import moderated_speakers, persons_from_markdown, role_line
from .pipetable import read_pipe_table
from .table import Locator, read_html_table
from .text import (
    dropped_schemes,
    inline_markdown,
    links_in,
    plain_text,
    sanitise,
    slugify,
    squash_space,
    strip_label,
    title_html,
)
from .times import (
    WEEKDAYS,
    YEAR_RE,
    TimeFormatError,
    WrittenDate,
    find_date,
    find_prose_date,
    find_range,
    resolve_date,
)
from .timetable import (
    ClockReader,
    RawSlot,
    RuleRow,
    SessionRow,
    fill_open_ends,
    parse_time_cell,
    read_timetable,
)

# UUID5 namespace for slot uids: fixed forever, so uids survive rebuilds and releases.
SLOT_NAMESPACE = uuid.UUID("0b6a1f0e-5a57-4a43-9a0c-6e616d636f6e")

# The destination may hold balanced parentheses ("javascript:alert(1)"), as in CommonMark.
_LINK_HEADING = re.compile(r"^\[(.+)\]\(((?:[^()\s]|\([^()\s]*\))+)(?:\s+\"[^\"]*\")?\)\s*(.*)$")
_PAREN = re.compile(r"\(([^()]*)\)")
_TABLE_END = re.compile(r"</table\s*>", re.IGNORECASE)
_LOCATION_LINE = re.compile(r"^\W*(?:session\s+)?(?:location|venue|room|place|where)\W*\s*:\s*"
                            r"(?:\*\*|__|\*|_)*\s*(.*)$", re.IGNORECASE)
_BULLET_SEPARATOR = re.compile(r"\s*(?:\\-\\-|--|—|–|\|)\s*")
_ABSTRACT_QUOTE_MARK = re.compile(r"^\s*[*_]+(.*?)[*_]+\s*$", re.DOTALL)
_TITLE_FIELD = re.compile(r"^\W*(?:session\s+)?title\W*:\s*(.+)$", re.IGNORECASE)
# A title cell in italics and nothing else ("_Coffee break_"); "<b><i>...</i></b>" is not.
_WHOLLY_ITALIC = re.compile(r"^<(em|i)>(?:(?!<\1>).)*</\1>$", re.DOTALL | re.IGNORECASE)
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
    implicit: bool = False  # opened by a table, not by a heading or a session row


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
    # What "Title:" and "Organisers:" lines under the day say about the session to come.
    pending_title: str | None = None
    pending_organisers: list[Person] = field(default_factory=list)
    pending_chairs: list[Person] = field(default_factory=list)
    clocks: ClockReader = field(default_factory=ClockReader)  # 12-hour times across tables


def _split_day_heading(text: str) -> tuple[str, dt.time | None, dt.time | None, list[str]]:
    """("Wednesday (13 July)", 16:30, 18:00, ["zoom link?"]) from a day heading."""
    plain = plain_text(inline_markdown(text))
    start = end = None
    label_part, rest = plain, ""
    if found := find_range(plain):
        match, start_clock, end_clock = found
        start, end = start_clock.to_time(), end_clock.to_time()
        label_part, rest = plain[:match.start()], plain[match.end():]
    notes = [n.strip() for n in _PAREN.findall(rest) if n.strip()]
    # Parenthesised notes after the label that are not its date ("(zoom link?)").
    while (trailing := re.search(r"\(([^()]*)\)\s*$", label_part)) and \
            find_date(trailing.group(1)).day is None and find_date(trailing.group(1)).weekday is None:
        notes.insert(0, trailing.group(1).strip())
        label_part = label_part[:trailing.start()]
    return squash_space(label_part).strip(" -–—,:"), start, end, notes


def _is_day_heading(text: str) -> bool:
    written = find_date(plain_text(inline_markdown(text)))
    return written.day is not None or written.weekday is not None


def _title_heading(headings: list[Block], has_meta_title: bool) -> Block | None:
    """The heading that titles the document: the first, unless it is the first of the days."""
    if not headings:
        return None
    first = headings[0]
    if _is_day_heading(first.text) and (has_meta_title or any(
            h.level == first.level and _is_day_heading(h.text) for h in headings[1:])):
        return None
    return first


def _is_field_line(line: str) -> bool:
    text = plain_text(inline_markdown(line))
    return bool(role_line(line) or _TITLE_FIELD.match(text) or _TIME_FIELD.match(text)
                or _LOCATION_LINE.match(text))


def _field_groups(block: Block) -> list[str]:
    """A paragraph's "Field: value" lines, each with the lines that continue it."""
    if block.kind != "paragraph" or len(block.lines) < 2:
        return [block.text]
    groups: list[str] = []
    for line in block.lines:
        if not groups or _is_field_line(line):
            groups.append(line)
        else:
            groups[-1] += " " + line
    return groups


def _session_heading(text: str) -> tuple[str, str | None]:
    if match := _LINK_HEADING.match(text.strip()):
        title = plain_text(sanitise(inline_markdown(match.group(1) + " " + match.group(3))))
        return title, _safe_url(match.group(2))
    html_text = sanitise(inline_markdown(text))
    links = links_in(html_text)
    return plain_text(html_text), links[0].url if links else None


def _safe_url(url: str) -> str | None:
    links = links_in(sanitise(f'<a href="{url}">x</a>'))
    return links[0].url if links else None


class _Reader:
    def __init__(self, text: str, path: str, options: Options) -> None:
        self.text = text
        self.path = path
        self.options = options
        self.findings = _Findings(path)
        self.locate = Locator(line_starts(text))
        self.title = ""
        self.title_line = 1
        self.description = ""
        self.location: str | None = None
        self.links: list[Link] = []
        self.days: list[_DayDraft] = []
        self.abstracts: list[AbstractEntry] = []
        self.prose_date: dt.date | None = None  # "Nov. 30 - Dec. 1, 2018" before the first day

    # -- walking -----------------------------------------------------------------------------

    def read(self) -> None:
        blocks = list(split_blocks(self.text))
        headings = [b for b in blocks if b.kind == "heading"]
        meta = front_matter(self.text)
        title_block = _title_heading(headings, bool(meta.get("title")))
        if title_block is not None:
            self.title = plain_text(sanitise(inline_markdown(title_block.text)))
            self.title_line = title_block.line
        elif meta.get("title"):
            self.title = meta["title"]
        day_level = next((h.level for h in headings if h is not title_block
                          and (title_block is None or h.level > title_block.level)
                          and _is_day_heading(h.text)), None)
        day: _DayDraft | None = None
        session: _SessionDraft | None = None
        in_preamble = True  # under the title, before any other heading
        lingering = False  # under a day-level heading that is not a day ("## Program")
        abstracts: tuple[int, int] | None = None  # the open section's level and first line
        for block in blocks:
            if block is title_block:
                continue
            if abstracts is not None:
                if block.kind != "heading" or block.level > abstracts[0]:
                    continue
                self._abstract_section(abstracts[1], block.line)
                abstracts = None
            if block.kind == "heading":
                in_preamble = False
                heading = plain_text(inline_markdown(block.text))
                if ABSTRACTS_HEADING.match(heading):
                    abstracts, session = (block.level, block.line + 1), None
                elif day_level is not None and block.level == day_level and \
                        _is_day_heading(block.text):
                    day, session, lingering = self._open_day(block), None, False
                elif day is not None and block.level == day_level and \
                        (named := _TITLE_FIELD.match(heading)):
                    day.pending_title, session, lingering = named.group(1).strip(), None, False
                elif day is not None and block.level == day_level:
                    session, lingering = None, True
                elif day_level is None or block.level <= day_level:
                    day, session = None, None
                elif day is not None and block.level == day_level + 1:
                    title, url = _session_heading(block.text)
                    self._check_links(block.text, block.line)
                    session, lingering = _SessionDraft(title, url, block.line), False
                    day.sessions.append(session)
                continue
            if block.kind == "html_table" and not _TABLE_END.search(block.text):
                self.findings.error(block.line, 1, "<table> is never closed: everything after "
                                    "it is read as its rows (add </table>)", "table.unclosed")
            if day is None:
                if in_preamble:
                    self._preamble(block)
                continue
            if block.kind in ("html_table", "pipe_table"):
                session = self._table(block, day, session, quiet=lingering)
            elif session is not None:
                self._session_block(session, block)
            elif not lingering:
                session = self._day_block(day, block)
        if abstracts is not None:
            self._abstract_section(abstracts[1], self.text.count("\n") + 2)

    def _abstract_section(self, first_line: int, end_line: int) -> None:
        lines = self.text.split("\n")[first_line - 1:end_line - 1]
        for line_number, line in enumerate(lines, first_line):
            self._check_links(line, line_number)
        self.abstracts.extend(read_abstracts(lines, first_line))

    def _implicit_session(self, day: _DayDraft, line: int) -> _SessionDraft:
        """The session a table (or a list) opens under a day with no session heading."""
        session = _SessionDraft(day.pending_title or day.label, None, line,
                                day.pending_organisers, day.pending_chairs,
                                implicit=day.pending_title is None)
        day.pending_title, day.pending_organisers, day.pending_chairs = None, [], []
        day.sessions.append(session)
        return session

    def _day_block(self, day: _DayDraft, block: Block) -> _SessionDraft | None:
        """A block under a day before any session: fields for the session to come, or a list
        timetable."""
        self._check_links(block.text, block.line)
        if block.kind == "list_item" and (slot := self._bullet_slot(block)) is not None:
            session = self._implicit_session(day, block.line)
            session.slots.append(slot)
            return session
        if block.kind not in ("paragraph", "list_item"):
            return None
        for group in _field_groups(block):
            text = plain_text(sanitise(inline_markdown(group)))
            if role := role_line(group):
                people = persons_from_markdown(role[1])
                (day.pending_chairs if role[0] == "chairs" else day.pending_organisers).extend(
                    people)
            elif named := _TITLE_FIELD.match(text):
                day.pending_title = named.group(1).strip()
            elif (hours := _TIME_FIELD.match(text)) and (found := find_range(hours.group(1))):
                try:
                    start, end = found[1].to_time(), found[2].to_time()
                except TimeFormatError as exc:
                    self.findings.error(block.line, 1, str(exc), "time.format")
                    continue
                if day.start is None and day.end is None and start < end:
                    day.start, day.end = start, end
            elif place := _LOCATION_LINE.match(text):
                self.location = self.location or place.group(1).strip() or None
        return None

    def _open_day(self, block: Block) -> _DayDraft:
        label, start, end, notes = _split_day_heading(block.text)
        draft = _DayDraft(block.text, block.line, label, find_date(label), start, end, notes)
        self.days.append(draft)
        return draft

    def _check_links(self, source: str, line: int, col: int = 1) -> None:
        """Warn about each link sanitising drops: only http, https and mailto links are kept."""
        for scheme in dropped_schemes(source):
            self.findings.warning(line, col, f"link with a {scheme}: URL dropped (only http, "
                                  "https and mailto links are kept)", "link.scheme")

    def _preamble(self, block: Block) -> None:
        self._check_links(block.text, block.line)
        html_text = sanitise(inline_markdown(block.text))
        self.links.extend(links_in(html_text))
        text = plain_text(html_text)
        if self.prose_date is None and block.kind == "paragraph":
            self.prose_date = find_prose_date(text)
        if match := _LOCATION_LINE.match(text):
            self.location = self.location or match.group(1).strip() or None
        elif block.kind == "paragraph" and not self.description and not role_line(block.text):
            self.description = text

    def _session_block(self, session: _SessionDraft, block: Block) -> None:
        self._check_links(block.text, block.line)
        if block.kind in ("paragraph", "list_item"):
            roles = [r for g in _field_groups(block) if (r := role_line(g))]
            for role, names in roles:
                people = persons_from_markdown(names)
                (session.chairs if role == "chairs" else session.organisers).extend(people)
            if roles:
                return
        if block.kind == "list_item":
            if (slot := self._bullet_slot(block)) is not None:
                session.slots.append(slot)
        elif block.kind == "quote" and session.slots and session.slots[-1].abstract_html is None:
            text = block.text.strip()
            if match := _ABSTRACT_QUOTE_MARK.match(text):
                text = match.group(1)
            session.slots[-1].abstract_html = inline_markdown(text)
            session.slots[-1].abstract_line = block.line

    def _bullet_slot(self, block: Block) -> RawSlot | None:
        """``- 16:35-16:50 \\-\\- Emily Hunt \\-\\- **Title**``"""
        found = find_range(block.text)
        if found is None or found[0].start() > 2:
            return None
        match = found[0]
        try:
            start_clock, end_clock = parse_time_cell(match.group(0))
            start = start_clock.to_time()
            end = end_clock.to_time() if end_clock else None
        except TimeFormatError as exc:
            self.findings.error(block.line, 1, str(exc), "time.format")
            return None
        if end is not None and end <= start:
            self.findings.error(block.line, 1, f"slot ends before it starts ({match.group(0)})",
                                "time.order")
            return None
        parts = [p for p in _BULLET_SEPARATOR.split(block.text[match.end():].strip()) if p]
        speaker, title = ("", parts[0]) if len(parts) == 1 else (parts[0], " ".join(parts[1:]))
        return RawSlot(start, end, inline_markdown(speaker), inline_markdown(title), block.line, 1)

    def _table(self, block: Block, day: _DayDraft, session: _SessionDraft | None, *,
               quiet: bool) -> _SessionDraft | None:
        """Read a table into DAY; return the session that later blocks belong to."""
        if block.kind == "html_table":
            rows = read_html_table(block.text, block.offset, self.locate)
        else:
            rows = read_pipe_table(block.lines, block.line)
        for cell in (c for row in rows for c in row.cells):
            self._check_links(cell.html, cell.line, cell.col)
        entries = read_timetable(rows, self.findings.error, warn=self.findings.warning,
                                 clocks=day.clocks, pad=block.kind == "pipe_table", quiet=quiet)
        from_row = False  # whether SESSION was opened by a session row of this table
        for entry in entries:
            if isinstance(entry, RuleRow):
                session = None if from_row else session
                from_row = False
            elif isinstance(entry, SessionRow):
                if entry.title_html or session is None:
                    title, url = _session_heading(entry.title_html)
                    session = _SessionDraft(title or day.label, url, entry.line)
                    day.sessions.append(session)
                    from_row = True
                for names in entry.chairs:
                    session.chairs.extend(persons_from_markdown(names))
                for names in entry.organisers:
                    session.organisers.extend(persons_from_markdown(names))
            else:
                if session is None:
                    session = self._implicit_session(day, entry.line)
                session.slots.append(entry)
                if chair := entry.extras.get("chair"):
                    session.chairs.extend(p for p in persons_from_markdown(chair)
                                          if p not in session.chairs)
        return session

    # -- assembling ----------------------------------------------------------------------------

    def year(self) -> int | None:
        if self.options.year:
            return self.options.year
        for text in (self.title, self.description):
            if match := YEAR_RE.search(text):
                return int(match.group(1))
        if self.options.start_date:
            return self.options.start_date.year
        return self.prose_date.year if self.prose_date else None

    def programme(self) -> Programme | None:
        if not self.days:
            self.findings.error(self.title_line, 1, "no day found: expected a heading naming a "
                                "date or weekday, e.g. '## Wednesday (13 July)'", "structure.day")
            return None
        year = self.year()
        self._match_abstracts()
        days: list[Day] = []
        # A weekday-only heading is the first such weekday on or after the start date.
        previous: dt.date | None = self.options.start_date or self.prose_date
        used_ids: set[str] = set()
        for draft in self.days:
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
            if not draft.sessions:
                self.findings.error(draft.line, 1, "no session found under this day "
                                    "(expected a session heading and a timetable)",
                                    "structure.session")
                continue
            sessions = tuple(self._session(s, date, draft, used_ids) for s in draft.sessions)
            days.append(Day(date, draft.label, draft.start, draft.end, tuple(draft.notes),
                            sessions, draft.line))
        return Programme(
            title=self.title,
            description=self.description,
            timezone=self.options.timezone or "UTC",
            location=self.options.location or self.location,
            links=tuple(self.links),
            days=tuple(days),
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
        for entry in self.abstracts:
            index = match_abstract(entry.key, candidates)
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
            candidate = candidates[index]
            candidates[index] = Candidate(candidate.speakers, candidate.title, candidate.is_talk,
                                          True)

    def _session(self, draft: _SessionDraft, date: dt.date, day: _DayDraft,
                 used_ids: set[str]) -> Session:
        raw_slots = fill_open_ends(draft.slots, day.end)
        if draft.implicit and raw_slots and all(
                classify(plain_text(title_html(r.title_html)), False, False) == "break"
                for r in raw_slots):
            # A table group holding only a break ("| 10:30 – 11:00 | | Coffee break |") is
            # named after it, not after the day.
            draft.title = plain_text(title_html(raw_slots[0].title_html)) or draft.title
        slots = []
        for raw in raw_slots:
            if raw.end is None:
                self.findings.error(raw.line, raw.col, "slot has no end time and nothing follows "
                                    "it", "time.format")
                continue
            slots.append(self._slot(raw, date, used_ids))
        if not draft.slots and not any(f.severity == "error" for f in self.findings.items):
            self.findings.error(draft.line, 1, "session has no timetable", "structure.session")
        session_id = _unique(slugify(draft.title), used_ids)
        return Session(session_id, draft.title, draft.url, tuple(draft.organisers),
                       tuple(draft.chairs), tuple(slots), draft.line)

    def _slot(self, raw: RawSlot, date: dt.date, used_ids: set[str]) -> Slot:
        assert raw.end is not None
        speakers, moderated = moderated_speakers(raw.speakers_html)
        if affiliation := plain_text(raw.extras.get("affiliation", "")):
            speakers = _with_affiliation(speakers, affiliation)
        shown_title = title_html(raw.title_html)
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
        slot_id = _unique(f"{date.isoformat()}-{raw.start:%H%M}-{slugify(title, 6)}", used_ids)
        uid = uuid.uuid5(SLOT_NAMESPACE, "\x1f".join(
            (self.title, date.isoformat(), f"{raw.start:%H:%M}", title)))
        return Slot(id=slot_id, uid=str(uid), start=raw.start, end=raw.end, kind=kind,
                    title=title, title_html=shown_title, speakers=speakers, abstract=abstract,
                    abstract_html=abstract_html,
                    links=links_in(abstract_html) if abstract_html else (), line=raw.line)


def _with_affiliation(speakers: tuple[Speaker, ...], written: str) -> tuple[Speaker, ...]:
    """An Affiliation column's text for speakers the speaker column gave none."""
    parts = [p.strip() for p in re.split(r"\s*(?:;|/|&|\band\b)\s*", written) if p.strip()]
    if len(speakers) > 1 and len(parts) != len(speakers):
        parts = [written] * len(speakers)
    return tuple(s if s.affiliation else Speaker(s.name, part)
                 for s, part in zip(speakers, parts, strict=False)) + speakers[len(parts):]


def _unique(candidate: str, used: set[str]) -> str:
    unique, n = candidate, 2
    while unique in used:
        unique, n = f"{candidate}-{n}", n + 1
    used.add(unique)
    return unique


def read_programme(text: str, path: str | Path, options: Options) -> tuple[Programme | None,
                                                                         list[Diagnostic]]:
    reader = _Reader(text, str(path), options)
    reader.read()
    programme = reader.programme()
    return programme, reader.findings.items
