"""iCalendar (RFC 5545) documents built from schedule events with the ``icalendar`` library.

Times keep the programme's own time zone (``DTSTART;TZID=Europe/London``) with
a VTIMEZONE generated from the system's zoneinfo, so a calendar shows each talk
at the right moment wherever the attendee is.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

import icalendar

from . import __version__
from .model import Programme
from .views.schedule import Event
from .views.text import strip_control

PRODID = f"-//namconvert//namconvert {__version__}//EN"

# The VTIMEZONE spans the programme with a year's margin either side: enough
# for any event in the file, and far shorter than icalendar's 1970-2038 default.
_MARGIN = dt.timedelta(days=366)


def description(event: Event) -> str:
    """Speakers, session and abstract as plain text."""
    lines = []
    if event.persons:
        lines.append(f"Speakers: {', '.join(p.name for p in event.persons)}")
    lines.append(f"Session: {event.track}")
    if event.abstract:
        lines += ["", event.abstract]
    return strip_control("\n".join(lines))


def vevent(event: Event, dtstamp: dt.datetime) -> icalendar.Event:
    component = icalendar.Event()
    component.add("uid", event.guid)
    component.add("dtstamp", dtstamp)
    component.add("dtstart", event.start)
    component.add("dtend", event.end)
    component.add("summary", strip_control(event.title))
    component.add("description", description(event))
    component.add("categories", [event.type])
    if event.url:
        component.add("url", event.url)
    if event.location:
        component.add("location", strip_control(event.location))
    return component


def vtimezone(programme: Programme) -> icalendar.Timezone | None:
    """The programme's zone as a VTIMEZONE; None for UTC, which needs none."""
    if programme.timezone in ("UTC", "Etc/UTC") or not programme.days:
        return None
    dates = [d.date for d in programme.days]
    return icalendar.Timezone.from_tzid(programme.timezone, first_date=min(dates) - _MARGIN,
                                        last_date=max(dates) + _MARGIN)


def calendar(programme: Programme, events: Sequence[Event], name: str,
             dtstamp: dt.datetime) -> icalendar.Calendar:
    """A VCALENDAR named NAME holding EVENTS, in programme order; DTSTAMP is the build time."""
    cal = icalendar.Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("name", strip_control(name))
    cal.add("x-wr-calname", strip_control(name))
    cal.add("x-wr-timezone", programme.timezone)
    timezone = vtimezone(programme)
    if timezone is not None:
        cal.add_component(timezone)
    for event in sorted(events, key=lambda e: (e.start, e.id)):
        cal.add_component(vevent(event, dtstamp))
    return cal


def to_bytes(cal: icalendar.Calendar) -> bytes:
    data: bytes = cal.to_ical()
    return data
