"""The programme as a schedule of events, for the iCalendar and frab feeds.

One day → room → event grouping, with zoned times, stable identifiers and
absolute URLs, feeds ``schedule.xml``, ``schedule.json`` and ``programme.ics``
alike (pretalx's ``ScheduleData``), so the three never disagree about a time
or a room.
"""

from __future__ import annotations

import datetime as dt
import math
import re
import uuid
from collections.abc import Sequence
from dataclasses import dataclass

from ..config import Options
from ..links import is_web_url
from ..model import Link, Programme
from .slots import PlacedSlot, speaker_index, zone
from .text import ascii_fold

# Identifiers derived here must never change for the same input, so they are
# name-based UUIDs under a namespace of the project's own.
NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, "https://namconvert.invalid/feeds")


def site_url(options: Options) -> str | None:
    """Where the site is published (``base_url``), when it is a web address."""
    return options.base_url if is_web_url(options.base_url) else None


def slot_url(placed: PlacedSlot, options: Options) -> str | None:
    """The slot's own page, else its session's page, else its anchor on the published site."""
    for url in (placed.slot.url, placed.session.url):
        if is_web_url(url):
            return url
    base = site_url(options)
    return f"{base}#{placed.slot.id}" if base else None


def room_name(placed: PlacedSlot, programme: Programme) -> str:
    """The room: the slot's or its session's when the programme names one, else the
    programme's location, else the session (sessions run in parallel)."""
    return placed.slot.room or placed.session.room or programme.location or placed.session.title


def location_name(placed: PlacedSlot, programme: Programme) -> str | None:
    """Where an event is: its room at the programme's location ("Room A, Main Hall")."""
    room = placed.slot.room or placed.session.room
    return ", ".join(p for p in (room, programme.location) if p) or None


def hours_minutes(delta: dt.timedelta) -> str:
    minutes = int(delta.total_seconds()) // 60
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


def acronym(programme: Programme) -> str:
    """A short lowercase key for the conference (frab's ``acronym``), from its title."""
    words = re.findall(r"[a-z0-9]+", ascii_fold(programme.title).lower())
    key = "_".join(words)[:40].strip("_")
    return key if len(key) >= 4 else (key + "_programme").strip("_")


@dataclass(frozen=True)
class Person:
    name: str
    guid: str
    id: int


@dataclass(frozen=True)
class Event:
    """One slot as a schedule entry."""

    placed: PlacedSlot
    id: int
    guid: str
    slug: str
    room: str
    location: str | None
    track: str
    type: str
    title: str
    abstract: str
    language: str
    persons: tuple[Person, ...]
    links: tuple[Link, ...]
    url: str | None

    @property
    def start(self) -> dt.datetime:
        return self.placed.start

    @property
    def end(self) -> dt.datetime:
        return self.placed.end

    @property
    def date(self) -> str:
        """Start as ISO 8601 with its UTC offset, e.g. ``2022-07-13T16:35:00+01:00``."""
        return self.placed.start.isoformat()

    @property
    def start_time(self) -> str:
        return f"{self.placed.start:%H:%M}"

    @property
    def duration(self) -> str:
        return hours_minutes(self.placed.duration)


@dataclass(frozen=True)
class Room:
    name: str
    guid: str
    events: tuple[Event, ...]


@dataclass(frozen=True)
class ScheduleDay:
    index: int
    date: dt.date
    start: dt.datetime
    end: dt.datetime
    rooms: tuple[Room, ...]


@dataclass(frozen=True)
class Schedule:
    """The whole programme as days of rooms of events."""

    title: str
    description: str
    acronym: str
    version: str
    time_zone_name: str
    language: str
    start: dt.date
    end: dt.date
    timeslot_duration: str
    base_url: str | None
    days: tuple[ScheduleDay, ...]
    rooms: tuple[Room, ...]

    @property
    def events(self) -> list[Event]:
        return sorted((e for d in self.days for r in d.rooms for e in r.events),
                      key=lambda e: e.id)


def _guid(kind: str, *parts: str) -> str:
    return str(uuid.uuid5(NAMESPACE, "\x1f".join((kind, *parts))))


def _persons(programme: Programme) -> dict[str, Person]:
    """Every speaker once, numbered in index (surname) order."""
    return {entry.name: Person(entry.name, _guid("person", entry.name), number)
            for number, entry in enumerate(speaker_index(programme), start=1)}


def _timeslot(placed: list[PlacedSlot]) -> str:
    """The coarsest grid every start and length falls on, e.g. ``00:05``."""
    minutes = 0
    for p in placed:
        minutes = math.gcd(minutes, p.start.hour * 60 + p.start.minute,
                           int(p.duration.total_seconds()) // 60)
    return hours_minutes(dt.timedelta(minutes=minutes or 5))


def build_events(programme: Programme, options: Options,
                 slots: Sequence[PlacedSlot]) -> list[Event]:
    """Every slot (SLOTS: the programme's, placed) as an event, in programme order, numbered
    from 1."""
    persons = _persons(programme)
    key = acronym(programme)
    events = []
    for number, placed in enumerate(slots, start=1):
        slot = placed.slot
        events.append(Event(
            placed=placed, id=number, guid=slot.uid, slug=f"{key}-{slot.id}",
            room=room_name(placed, programme), location=location_name(placed, programme),
            track=placed.session.title, type=slot.kind, title=slot.title,
            abstract=slot.abstract or "", language=programme.language,
            persons=tuple(persons[s.name] for s in slot.speakers),
            links=tuple(link for link in slot.links if is_web_url(link.url)),
            url=slot_url(placed, options)))
    return events


def _room(name: str, programme: Programme, events: list[Event]) -> Room:
    return Room(name, _guid("room", programme.title, name),
                tuple(sorted(events, key=lambda e: (e.start, e.id))))


def shape_schedule(programme: Programme, options: Options,
                   slots: Sequence[PlacedSlot]) -> Schedule:
    """The programme as a frab-style schedule; the build time is the version."""
    events = build_events(programme, options, slots)
    key = acronym(programme)
    tz = zone(programme)
    days: list[ScheduleDay] = []
    for index, day in enumerate(sorted(programme.days, key=lambda d: d.date), start=1):
        todays = [e for e in events if e.placed.day is day]
        by_room: dict[str, list[Event]] = {}
        for event in todays:
            by_room.setdefault(event.room, []).append(event)
        bounds = [e.start for e in todays] + [e.end for e in todays]
        bounds += [dt.datetime.combine(day.date, t, tz) for t in (day.start, day.end) if t]
        bounds = bounds or [dt.datetime.combine(day.date, dt.time(0), tz)]
        days.append(ScheduleDay(
            index=index, date=day.date, start=min(bounds), end=max(bounds),
            rooms=tuple(_room(name, programme, by_room[name]) for name in sorted(by_room))))
    all_rooms: dict[str, list[Event]] = {}
    for event in events:
        all_rooms.setdefault(event.room, []).append(event)
    stamp = options.build_time
    dates = [d.date for d in programme.days]
    return Schedule(
        title=programme.title, description=programme.description, acronym=key,
        version=f"{stamp:%Y-%m-%d %H:%M}", time_zone_name=programme.timezone,
        language=programme.language, start=min(dates), end=max(dates),
        timeslot_duration=_timeslot([e.placed for e in events]), base_url=site_url(options),
        days=tuple(days),
        rooms=tuple(_room(name, programme, all_rooms[name]) for name in sorted(all_rooms)))
