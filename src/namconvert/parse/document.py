"""Walk a README's blocks and assemble the programme model.

The document's first heading is its title. Headings that name a date or a
weekday, at one level, are days; headings one level deeper inside a day are
sessions. Everything else (prose, contact sections, submission rules) is
skipped, except the description, a location line and links before the first day.
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
from .blocks import Block, front_matter, line_starts, split_blocks
from .kinds import classify
from .people import persons_from_markdown, role_line, speakers_from_html
from .table import Locator, read_html_table
from .text import (
    inline_markdown,
    links_in,
    plain_text,
    sanitise,
    slugify,
    squash_space,
    strip_label,
    title_html,
)
from .timetable import ClockReader, RawSlot, fill_open_ends, parse_time_cell, rows_to_slots
from .times import (
    WEEKDAYS,
    YEAR_RE,
    TimeFormatError,
    WrittenDate,
    find_date,
    find_range,
    resolve_date,
)

# UUID5 namespace for slot uids: fixed forever, so uids survive rebuilds and releases.
SLOT_NAMESPACE = uuid.UUID("0b6a1f0e-5a57-4a43-9a0c-6e616d636f6e")

_LINK_HEADING = re.compile(r"^\[(.+)\]\(([^)\s]+)(?:\s+\"[^\"]*\")?\)\s*(.*)$")
_PAREN = re.compile(r"\(([^()]*)\)")
_LOCATION_LINE = re.compile(r"^\W*(?:session\s+)?(?:location|venue|room|place|where)\W*\s*:\s*"
                            r"(?:\*\*|__|\*|_)*\s*(.*)$", re.IGNORECASE)
_BULLET_SEPARATOR = re.compile(r"\s*(?:\\-\\-|--|—|–|\|)\s*")
_ABSTRACT_QUOTE_MARK = re.compile(r"^\s*[*_]+(.*?)[*_]+\s*$", re.DOTALL)


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


def _session_heading(text: str) -> tuple[str, str | None]:
    if match := _LINK_HEADING.match(text.strip()):
        title = plain_text(inline_markdown(match.group(1) + " " + match.group(3)))
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

    # -- walking -----------------------------------------------------------------------------

    def read(self) -> None:
        blocks = list(split_blocks(self.text))
        headings = [b for b in blocks if b.kind == "heading"]
        title_block = headings[0] if headings else None
        meta = front_matter(self.text)
        if title_block is not None:
            self.title = plain_text(inline_markdown(title_block.text))
            self.title_line = title_block.line
        elif meta.get("title"):
            self.title = meta["title"]
        day_level = next((h.level for h in headings if h is not title_block
                          and (title_block is None or h.level > title_block.level)
                          and _is_day_heading(h.text)), None)
        day: _DayDraft | None = None
        session: _SessionDraft | None = None
        in_preamble = True  # under the title, before any other heading
        for block in blocks:
            if block is title_block:
                continue
            if block.kind == "heading":
                in_preamble = False
                if day_level is not None and block.level == day_level and _is_day_heading(block.text):
                    day, session = self._open_day(block), None
                elif day_level is None or block.level <= day_level:
                    day, session = None, None
                elif day is not None and block.level == day_level + 1:
                    title, url = _session_heading(block.text)
                    session = _SessionDraft(title, url, block.line)
                    day.sessions.append(session)
                continue
            if day is None:
                if in_preamble:
                    self._preamble(block)
                continue
            if block.kind in ("html_table", "pipe_table"):
                if session is None:
                    session = _SessionDraft(day.label, None, block.line)
                    day.sessions.append(session)
                session.slots.extend(self._table(block))
            elif session is not None:
                self._session_block(session, block)

    def _open_day(self, block: Block) -> _DayDraft:
        label, start, end, notes = _split_day_heading(block.text)
        draft = _DayDraft(block.text, block.line, label, find_date(label), start, end, notes)
        self.days.append(draft)
        return draft

    def _preamble(self, block: Block) -> None:
        html_text = sanitise(inline_markdown(block.text))
        self.links.extend(links_in(html_text))
        text = plain_text(html_text)
        if match := _LOCATION_LINE.match(text):
            self.location = self.location or match.group(1).strip() or None
        elif block.kind == "paragraph" and not self.description and not role_line(block.text):
            self.description = text

    def _session_block(self, session: _SessionDraft, block: Block) -> None:
        if block.kind in ("paragraph", "list_item") and (role := role_line(block.text)):
            people = persons_from_markdown(role[1])
            (session.chairs if role[0] == "chairs" else session.organisers).extend(people)
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

    def _table(self, block: Block) -> list[RawSlot]:
        if block.kind != "html_table":
            self.findings.error(block.line, 1, "pipe tables are not supported yet", "table.syntax")
            return []
        rows = read_html_table(block.text, block.offset, self.locate)
        return rows_to_slots(rows, lambda line, col, msg, cat: self.findings.error(
            line, col, msg, cat))

    # -- assembling ----------------------------------------------------------------------------

    def year(self) -> int | None:
        if self.options.year:
            return self.options.year
        for text in (self.title, self.description):
            if match := YEAR_RE.search(text):
                return int(match.group(1))
        return self.options.start_date.year if self.options.start_date else None

    def programme(self) -> Programme | None:
        if not self.days:
            self.findings.error(self.title_line, 1, "no day found: expected a heading naming a "
                                "date or weekday, e.g. '## Wednesday (13 July)'", "structure.day")
            return None
        year = self.year()
        days: list[Day] = []
        previous: dt.date | None = self.options.start_date
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

    def _session(self, draft: _SessionDraft, date: dt.date, day: _DayDraft,
                 used_ids: set[str]) -> Session:
        raw_slots = fill_open_ends(draft.slots, day.end)
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
        speakers: tuple[Speaker, ...] = speakers_from_html(raw.speakers_html)
        shown_title = title_html(raw.title_html)
        title = plain_text(shown_title)
        abstract_html = None
        if raw.abstract_html is not None:
            abstract_html = squash_space(strip_label(sanitise(raw.abstract_html))) or None
        abstract = plain_text(abstract_html) if abstract_html else None
        kind = classify(title, bool(speakers), abstract is not None)
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
