"""Slots placed in time: their day, session and zoned start and end; a day at a glance; the
date range; the speaker index and its anchors; the links a slot adds to its text."""

from __future__ import annotations

import datetime as dt
import html
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from ..model import Day, Link, Programme, Session, Slot
from .text import ascii_fold


@dataclass(frozen=True)
class PlacedSlot:
    """A slot with its day and session, and its start and end as zoned datetimes."""

    day: Day
    session: Session
    slot: Slot
    start: dt.datetime
    end: dt.datetime

    @property
    def duration(self) -> dt.timedelta:
        return self.end - self.start


def zone(programme: Programme) -> ZoneInfo:
    return ZoneInfo(programme.timezone)


def placed_slots(programme: Programme) -> Iterator[PlacedSlot]:
    """Every slot in programme order, with zoned start and end."""
    tz = zone(programme)
    for day in programme.days:
        for session in day.sessions:
            for slot in session.slots:
                start = dt.datetime.combine(day.date, slot.start, tz)
                end = dt.datetime.combine(day.date, slot.end, tz)
                yield PlacedSlot(day, session, slot, start, end)


def day_overview(slots: Iterable[PlacedSlot], day: Day) -> list[PlacedSlot]:
    """DAY's slots among SLOTS by start time (parallel sessions interleaved), for a day at a
    glance."""
    todays = [p for p in slots if p.day is day]
    return sorted(todays, key=lambda p: p.start)  # stable: programme order within a start


def extra_links(slot: Slot) -> tuple[Link, ...]:
    """The slot's links that its title and abstract do not already link to, each once."""
    linked = (slot.abstract_html or "") + slot.title_html
    seen: set[str] = set()
    extra = []
    for link in slot.links:
        if link.url in seen or f'"{html.escape(link.url)}"' in linked or f'"{link.url}"' in linked:
            continue
        seen.add(link.url)
        extra.append(link)
    return tuple(extra)


def date_range(programme: Programme) -> str:
    """"13–14 July 2022", "30 November – 1 December 2018", "13 July 2022"."""
    if not programme.days:
        return ""
    first = min(d.date for d in programme.days)
    last = max(d.date for d in programme.days)
    if first == last:
        return f"{first.day} {first:%B %Y}"
    if (first.year, first.month) == (last.year, last.month):
        return f"{first.day}–{last.day} {last:%B %Y}"
    if first.year == last.year:
        return f"{first.day} {first:%B} – {last.day} {last:%B %Y}"
    return f"{first.day} {first:%B %Y} – {last.day} {last:%B %Y}"


def surname_key(name: str) -> tuple[str, str]:
    """Sort key: surname (last word), then the whole name; accents folded, case ignored."""
    folded = ascii_fold(name).casefold()
    words = folded.split()
    return (words[-1] if words else "", folded)


@dataclass(frozen=True)
class IndexEntry:
    """One speaker and the slots they speak in, in programme order."""

    name: str
    slots: tuple[PlacedSlot, ...]
    anchor: str = ""  # the entry's id: "speaker-emily-hunt"


_NOT_ID = re.compile(r"[^a-z0-9]+")


def speaker_anchors(names: list[str]) -> dict[str, str]:
    """Each name's id in a speaker index, "speaker-" and its folded words, numbered where two
    names fold alike ("speaker-li-wei-2"); a name with no Latin letter gets its place."""
    anchors: dict[str, str] = {}
    taken: set[str] = set()
    for number, name in enumerate(names, start=1):
        folded = ascii_fold(name).casefold()
        base = "speaker-" + (_NOT_ID.sub("-", folded).strip("-") or str(number))
        anchor, n = base, 1
        while anchor in taken:
            n += 1
            anchor = f"{base}-{n}"
        taken.add(anchor)
        anchors[name] = anchor
    return anchors


def speaker_index(programme: Programme) -> list[IndexEntry]:
    """Every speaker, sorted by surname, with their slots and the id of their entry."""
    found: dict[str, list[PlacedSlot]] = {}
    for placed in placed_slots(programme):
        for speaker in placed.slot.speakers:
            found.setdefault(speaker.name, []).append(placed)
    names = sorted(found, key=surname_key)
    anchors = speaker_anchors(names)
    return [IndexEntry(name, tuple(found[name]), anchors[name]) for name in names]
