"""``schedule.json``: the frab/c3voc schedule as JSON, built as a dict and passed to ``json.dumps``."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from .. import __version__
from ..output import OutputWriter
from ..views import View
from ..views.schedule import Event, Room, Schedule, ScheduleDay

NAME = "frab_json"
SUFFIX = ".json"
MEDIA_TYPE = "application/json"
TITLE = "Schedule for conference apps (frab JSON)"
OUTPUT = "schedule.json"


def event_url(event: Event) -> str:
    """The event's page, else its anchor on the published site; without either (no
    ``base_url``) the event's own URN. frab JSON requires a url on every event, and a link
    relative to wherever the file is read would lead nowhere (or into the reader's disk)."""
    return event.url or f"urn:uuid:{event.guid}"


def _event(event: Event) -> dict[str, Any]:
    return {
        "guid": event.guid,
        "id": event.id,
        "date": event.date,
        "start": event.start_time,
        "end": event.end.isoformat(),
        "duration": event.duration,
        "room": event.room,
        "slug": event.slug,
        "url": event_url(event),
        "title": event.title,
        "subtitle": "",
        "track": event.track,
        "type": event.type,
        "language": event.language,
        "abstract": event.abstract,
        "description": "",
        # name (pretalx) and public_name (frab) for older apps; no numeric id, so the
        # person matches exactly one of the schema's two person shapes.
        "persons": [{"name": p.name, "public_name": p.name, "guid": p.guid}
                    for p in event.persons],
        "links": [{"url": link.url, "title": link.text} for link in event.links],
    }


def _rooms(day: ScheduleDay) -> dict[str, list[dict[str, Any]]]:
    return {room.name: [_event(e) for e in room.events] for room in day.rooms}


def _room(room: Room) -> dict[str, Any]:
    return {"name": room.name, "guid": room.guid}


def to_dict(schedule: Schedule) -> dict[str, Any]:
    conference: dict[str, Any] = {
        "acronym": schedule.acronym,
        "title": schedule.title,
        "description": schedule.description,
        "start": schedule.start.isoformat(),
        "end": schedule.end.isoformat(),
        "daysCount": len(schedule.days),
        "timeslot_duration": schedule.timeslot_duration,
        "time_zone_name": schedule.time_zone_name,
    }
    if schedule.base_url:
        conference["url"] = schedule.base_url
    conference["rooms"] = [_room(r) for r in schedule.rooms]
    conference["days"] = [
        {"index": day.index, "date": day.date.isoformat(), "day_start": day.start.isoformat(),
         "day_end": day.end.isoformat(), "rooms": _rooms(day)}
        for day in schedule.days]
    body: dict[str, Any] = {"version": schedule.version}
    if schedule.base_url:
        body["base_url"] = schedule.base_url
    body["conference"] = conference
    return {"generator": {"name": "namconvert", "version": __version__}, "schedule": body}


def dumps(view: View) -> str:
    return json.dumps(to_dict(view.schedule), ensure_ascii=False, indent=2) + "\n"


def render(view: View, out: OutputWriter) -> list[Path]:
    return [out.write_text(OUTPUT, dumps(view))]
