"""``programme.ics``: the whole programme for calendars, plus ``ics/day-YYYY-MM-DD.ics`` per day
and ``ics/<slot id>.ics`` per slot (the site's "Add to calendar" links)."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from ..config import Options
from ..model import Programme
from ..output import OutputWriter

NAME = "ics"
SUFFIX = ".ics"
MEDIA_TYPE = "text/calendar"
TITLE = "Calendar (iCalendar)"
OUTPUT = "programme.ics"


def day_path(date_iso: str) -> str:
    return f"ics/day-{date_iso}.ics"


def slot_path(slot_id: str) -> str:
    """The per-slot file the HTML site links to; keep in step with its template."""
    return f"ics/{slot_id}.ics"


def render(programme: Programme, options: Options, out: OutputWriter) -> list[Path]:
    from ..calendar import calendar, to_bytes
    from ..events import Event, build_events

    events = build_events(programme, options)

    def write(path: str, name: str, chosen: Sequence[Event]) -> Path:
        cal = calendar(programme, chosen, name, options.source_date_epoch)
        return out.write_bytes(path, to_bytes(cal))

    written = [write(OUTPUT, programme.title, events)]
    for day in programme.days:
        todays = [e for e in events if e.placed.day is day]
        written.append(write(day_path(day.date.isoformat()),
                             f"{programme.title}: {day.label or day.date.isoformat()}", todays))
    for event in events:
        written.append(write(slot_path(event.placed.slot.id), event.title, [event]))
    return written
