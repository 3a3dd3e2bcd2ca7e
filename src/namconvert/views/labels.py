"""Every id, label and time text an output shows, each made by one function here.

The site, the booklet, the EPUB and the feeds all call these, so a day's anchor, its
heading or a zone's name reads the same in every format.
"""

from __future__ import annotations

import datetime as dt
import re
import zoneinfo
from collections.abc import Iterable

from ..model import SLOT_KINDS, Day, Programme, Slot, SlotKind
from .slots import PlacedSlot, placed_slots, zone


def day_id(day: Day) -> str:
    """The day's anchor and element id: ``day-2022-07-13``."""
    return f"day-{day.date.isoformat()}"


def day_heading(day: Day) -> str:
    """"Wednesday 13 July 2022": from the date, so every day reads alike."""
    return f"{day.date:%A} {day.date.day} {day.date:%B %Y}"


def day_short(day: Day) -> str:
    """"Wed 13 July": the day in a navigation bar."""
    return f"{day.date:%a} {day.date.day} {day.date:%B}"


def when(placed: PlacedSlot) -> str:
    """"Wed 13 July, 16:35": a slot's day and start, as an index names it."""
    return f"{day_short(placed.day)}, {placed.start:%H:%M}"


def time_span(slot: Slot) -> str:
    """"09:00–10:30"."""
    return f"{slot.start:%H:%M}–{slot.end:%H:%M}"


def speaker_line(slot: Slot) -> str:
    """"Ada Lovelace (Analytical Society), Charles Babbage": the speakers on one line."""
    return ", ".join(f"{s.name} ({s.affiliation})" if s.affiliation else s.name
                     for s in slot.speakers)


def utc_instant(moment: dt.datetime) -> str:
    """The UTC ISO instant a page's script converts to the reader's zone."""
    return moment.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def utc_offset(moment: dt.datetime) -> str:
    """"UTC+01:00"."""
    offset = moment.strftime("%z")
    return f"UTC{offset[:3]}:{offset[3:]}"


def zone_abbreviation(moment: dt.datetime) -> str:
    """"BST"; zones without a letter abbreviation give their offset, "UTC+03:00"."""
    name = moment.tzname() or ""
    if name and not name.startswith(("+", "-")):
        return name
    return utc_offset(moment)


def zone_terms(moment: dt.datetime) -> str:
    """"BST, UTC+01:00": what the zone is called at MOMENT and its offset; one of them alone
    when they say the same ("UTC+03:00" for a zone whose abbreviation is only a number, "UTC")."""
    abbreviation, offset = zone_abbreviation(moment), utc_offset(moment)
    if abbreviation == offset or (abbreviation == "UTC" and offset == "UTC+00:00"):
        return abbreviation
    return f"{abbreviation}, {offset}"


def zone_at(timezone: str, moment: dt.datetime) -> str:
    """"Europe/London (BST, UTC+01:00)": the IANA name, what it is called at MOMENT and its
    offset; "Asia/Dubai (UTC+04:00)" for a zone whose abbreviation is only a number."""
    return f"{timezone} ({zone_terms(moment)})"


def zone_named(timezone: str, moment: dt.datetime) -> str:
    """"Europe/London (BST)": the IANA name and what it is called at MOMENT."""
    return f"{timezone} ({zone_abbreviation(moment)})"


def _noon(programme: Programme, day: Day) -> dt.datetime:
    return dt.datetime.combine(day.date, dt.time(12), zone(programme))


def day_zone(programme: Programme, day: Day) -> str:
    """"BST, UTC+01:00": the venue's zone as it stands on DAY (at noon), as a day's
    "Times in ..." line names it."""
    return zone_terms(_noon(programme, day))


def zone_note(programme: Programme, day: Day) -> str:
    """"Europe/London (BST, UTC+01:00)": the zone as it stands on DAY (at noon)."""
    return zone_at(programme.timezone, _noon(programme, day))


def zone_label(programme: Programme) -> str:
    """The zone as it stands during the whole programme; just the IANA name when the clocks
    change during it (each time then names its own)."""
    seen: dict[str, dt.datetime] = {}
    for placed in placed_slots(programme):
        seen.setdefault(zone_abbreviation(placed.start), placed.start)
    if len(seen) != 1:
        return programme.timezone
    (moment,) = seen.values()
    return zone_at(programme.timezone, moment)


KIND_LABELS: dict[SlotKind, str] = {
    "talk": "Talks", "introduction": "Introductions", "discussion": "Discussions",
    "panel": "Panels", "break": "Breaks", "other": "Other items",
}


def kinds_in(slots: Iterable[PlacedSlot]) -> list[tuple[SlotKind, str]]:
    """The kinds of slot among SLOTS, in the model's order, with their labels: what a filter
    by kind offers."""
    present = {p.slot.kind for p in slots}
    return [(kind, KIND_LABELS[kind]) for kind in SLOT_KINDS if kind in present]


def organisers(programme: Programme) -> list[str]:
    """The sessions' organisers, in first-mention order, once each; else the programme's
    title (a book and a PDF must name an author)."""
    names = {p.name: None for d in programme.days for s in d.sessions for p in s.organisers}
    return list(names) or [programme.title]


_LETTERS = re.compile(r"[A-Za-z]{2,6}")


def zone_names(programme: Programme, zones: Iterable[str] | None = None) -> dict[str, dict[int, str]]:
    """Each IANA zone's letter abbreviation ("JST") on the programme's dates, by UTC offset
    in minutes: what the site names the reader's zone with, since browsers call most zones
    "GMT+9". Zones whose abbreviation is only a number ("+09") are left out."""
    # Each day's first start and last end: enough to catch a change of clocks between days.
    spans: dict[int, tuple[dt.datetime, dt.datetime]] = {}
    for placed in placed_slots(programme):
        start, end = spans.get(id(placed.day), (placed.start, placed.end))
        spans[id(placed.day)] = (min(start, placed.start), max(end, placed.end))
    instants = {moment.astimezone(dt.UTC) for span in spans.values() for moment in span}
    names: dict[str, dict[int, str]] = {}
    for name in sorted(zoneinfo.available_timezones() if zones is None else zones):
        try:
            tz = zoneinfo.ZoneInfo(name)
        except (zoneinfo.ZoneInfoNotFoundError, ValueError):
            continue
        for instant in sorted(instants):
            local = instant.astimezone(tz)
            abbr, offset = local.tzname() or "", local.utcoffset()
            if offset is not None and _LETTERS.fullmatch(abbr):
                names.setdefault(name, {})[int(offset.total_seconds() // 60)] = abbr
    return names
