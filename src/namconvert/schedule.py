"""The programme shaped once for every renderer: zoned datetimes, date ranges, the speaker index.

Renderers read the model through these helpers instead of each re-deriving
times or sorting speakers their own way.
"""

from __future__ import annotations

import datetime as dt
import html
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from .model import SLOT_KINDS, Day, Link, Programme, Session, Slot, SlotKind


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


def day_heading(day: Day) -> str:
    """"Wednesday 13 July 2022": from the date, so every day reads alike in every format."""
    return f"{day.date:%A} {day.date.day} {day.date:%B %Y}"


def zone_abbreviation(moment: dt.datetime) -> str:
    """"BST"; zones without a letter abbreviation give their offset, "UTC+03:00"."""
    name = moment.tzname() or ""
    if name and not name.startswith(("+", "-")):
        return name
    return utc_offset(moment)


def utc_offset(moment: dt.datetime) -> str:
    """"UTC+01:00"."""
    offset = moment.strftime("%z") or "+0000"
    return f"UTC{offset[:3]}:{offset[3:]}"


def day_zone(programme: Programme, day: Day) -> str:
    """"BST, UTC+01:00": the venue's zone as it stands on DAY (at noon), abbreviation and
    offset; one of them alone when they are the same ("UTC+03:00") or the zone is UTC."""
    noon = dt.datetime.combine(day.date, dt.time(12), zone(programme))
    abbreviation, offset = zone_abbreviation(noon), utc_offset(noon)
    if abbreviation == offset or (abbreviation == "UTC" and offset == "UTC+00:00"):
        return abbreviation
    return f"{abbreviation}, {offset}"


def day_overview(programme: Programme, day: Day) -> list[PlacedSlot]:
    """DAY's slots by start time (parallel sessions interleaved), for a day at a glance."""
    todays = [p for p in placed_slots(programme) if p.day is day]
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


KIND_LABELS: dict[SlotKind, str] = {
    "talk": "Talks", "introduction": "Introductions", "discussion": "Discussions",
    "panel": "Panels", "break": "Breaks", "other": "Other items",
}


def kinds_in(programme: Programme) -> list[tuple[SlotKind, str]]:
    """The kinds of slot the programme has, in the model's order, with their labels."""
    present = {p.slot.kind for p in placed_slots(programme)}
    return [(kind, KIND_LABELS[kind]) for kind in SLOT_KINDS if kind in present]


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
    folded = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().casefold()
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
        folded = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().casefold()
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
