"""The programme shaped once per build into what every renderer reads.

``build.py`` calls :func:`shape` once and hands the :class:`View` to each renderer: the
zoned slots, each day's id and labels, the people index, the date range and zone names,
the frab/iCalendar grouping of events, the one build timestamp, and the set of formats
this build writes (so a page links only to files the output folder will hold). Renderers
read these; none computes an id, a label or a time of its own.

- ``slots``: slots with their day, session and zoned start and end; a day at a glance;
  the speaker index and its entries' ids; the links a slot adds to its text.
- ``labels``: ids, day headings, zone names and offsets, slot kinds' labels, organisers.
- ``schedule``: days of rooms of events, for frab XML, frab JSON and iCalendar.
- ``text``: what feeds cannot carry, and which links they can.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection
from dataclasses import dataclass

from ..config import Options
from ..model import Day, Programme, SlotKind
from . import labels
from .schedule import Schedule, shape_schedule
from .slots import IndexEntry, PlacedSlot, date_range, placed_slots, speaker_index, zone


@dataclass(frozen=True)
class DayShape:
    """A day with its id and labels, and its slots in programme order."""

    day: Day
    id: str
    heading: str
    short: str
    zone_note: str  # "Europe/London (BST, UTC+01:00)"
    zone: str  # "BST, UTC+01:00": the day's "Times in ..." line
    window: tuple[dt.datetime, dt.datetime] | None  # the day's hours, when the source gives them
    window_zone: str | None  # "Europe/London (BST)", at the window's start


@dataclass(frozen=True)
class View:
    programme: Programme
    options: Options
    formats: frozenset[str]  # the formats this build writes
    build_time: dt.datetime
    slots: tuple[PlacedSlot, ...]
    days: tuple[DayShape, ...]
    index: tuple[IndexEntry, ...]
    date_range: str
    zone_label: str
    kinds: tuple[tuple[SlotKind, str], ...]  # the kinds of slot present, with their labels
    schedule: Schedule


def _day(programme: Programme, day: Day) -> DayShape:
    window = None
    if day.start and day.end:
        tz = zone(programme)
        window = (dt.datetime.combine(day.date, day.start, tz),
                  dt.datetime.combine(day.date, day.end, tz))
    return DayShape(day, labels.day_id(day), labels.day_heading(day), labels.day_short(day),
                    labels.zone_note(programme, day), labels.day_zone(programme, day), window,
                    labels.zone_named(programme.timezone, window[0]) if window else None)


def shape(programme: Programme, options: Options, formats: Collection[str]) -> View:
    """PROGRAMME as every renderer reads it, for a build of FORMATS at ``options.build_time``."""
    slots = tuple(placed_slots(programme))
    days = tuple(_day(programme, day) for day in programme.days)
    return View(programme=programme, options=options, formats=frozenset(formats),
                build_time=options.build_time, slots=slots, days=days,
                index=tuple(speaker_index(programme)), date_range=date_range(programme),
                zone_label=labels.zone_label(programme), kinds=tuple(labels.kinds_in(slots)),
                schedule=shape_schedule(programme, options, slots))


__all__ = ["DayShape", "View", "shape"]
