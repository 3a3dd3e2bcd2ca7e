"""Slots placed in time: their day, session and zoned start and end; the date range; the
speaker index."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from ..model import Day, Programme, Session, Slot
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


def speaker_index(programme: Programme) -> list[IndexEntry]:
    """Every speaker, sorted by surname, with their slots."""
    found: dict[str, list[PlacedSlot]] = {}
    for placed in placed_slots(programme):
        for speaker in placed.slot.speakers:
            found.setdefault(speaker.name, []).append(placed)
    return [IndexEntry(name, tuple(found[name])) for name in sorted(found, key=surname_key)]
