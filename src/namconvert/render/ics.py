"""``programme.ics``: the whole programme for calendars, plus ``ics/day-YYYY-MM-DD.ics`` per day
and ``ics/<slot id>.ics`` per slot (the site's "Add to calendar" links).

Every event is in three files (the programme's, its day's and its own) and the VTIMEZONE in
all of them, and icalendar's serialisation (line folding most of all) is most of the time.
So each VEVENT and the VTIMEZONE are serialised once, by icalendar, and each file is
assembled from those bytes: icalendar folds and joins each component's lines on its own, so
the files are byte for byte what ``calendar.to_bytes(calendar(...))`` writes (a test holds
them to it).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from ..model import Programme
from ..output import OutputWriter
from ..views import View

if TYPE_CHECKING:
    import datetime as dt

    from ..views.schedule import Event

NAME = "ics"
SUFFIX = ".ics"
MEDIA_TYPE = "text/calendar"
TITLE = "Calendar (iCalendar)"
OUTPUT = "programme.ics"
END = b"END:VCALENDAR\r\n"


def day_path(date_iso: str) -> str:
    return f"ics/day-{date_iso}.ics"


def slot_path(slot_id: str) -> str:
    """The per-slot file the HTML site links to; keep in step with its template."""
    return f"ics/{slot_id}.ics"


def files(programme: Programme, events: Sequence[Event]) -> list[tuple[str, str, list[Event]]]:
    """(path, calendar name, events) of every file: the programme, each day, each slot."""
    chosen = [(OUTPUT, programme.title, list(events))]
    for day in programme.days:
        chosen.append((day_path(day.date.isoformat()),
                       f"{programme.title}: {day.label or day.date.isoformat()}",
                       [e for e in events if e.placed.day is day]))
    chosen += [(slot_path(e.placed.slot.id), e.title, [e]) for e in events]
    return chosen


class Assembler:
    """Calendars from each VEVENT and the VTIMEZONE serialised once."""

    def __init__(self, programme: Programme, events: Sequence[Event],
                 dtstamp: dt.datetime) -> None:
        from ..calendar import vevent, vtimezone

        self.dtstamp = dtstamp
        zone = vtimezone(programme)
        self.timezone = b"" if zone is None else bytes(zone.to_ical())
        self.vevents: Mapping[int, bytes] = {e.id: bytes(vevent(e, dtstamp).to_ical())
                                             for e in events}
        # The calendar's own properties, with no component: from calendar() itself.
        self.bare = replace(programme, days=())

    def header(self, name: str) -> bytes:
        from ..calendar import calendar, to_bytes

        empty = to_bytes(calendar(self.bare, (), name, self.dtstamp))
        assert empty.endswith(END)
        return empty.removesuffix(END)

    def calendar(self, name: str, events: Sequence[Event]) -> bytes:
        """What ``to_bytes(calendar(programme, events, name, dtstamp))`` returns."""
        ordered = sorted(events, key=lambda e: (e.start, e.id))  # as calendar() orders them
        return b"".join([self.header(name), self.timezone,
                         *(self.vevents[e.id] for e in ordered), END])


def render(view: View, out: OutputWriter) -> list[Path]:
    events = view.schedule.events
    assembler = Assembler(view.programme, events, view.build_time)
    return [out.write_bytes(path, assembler.calendar(name, chosen))
            for path, name, chosen in files(view.programme, events)]
