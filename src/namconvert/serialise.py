"""The model as plain data (JSON-ready dicts) and back.

The JSON form is the documented contract (``schema/programme.schema.json``):
dates as YYYY-MM-DD, times as HH:MM, tuples as lists.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Any, cast

from .model import Day, Link, Person, Programme, Session, Slot, SlotKind, Speaker


def _plain(value: Any) -> Any:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: _plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, tuple | list):
        return [_plain(v) for v in value]
    if isinstance(value, dt.time):
        return value.strftime("%H:%M")
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def to_dict(programme: Programme) -> dict[str, Any]:
    """The programme as JSON-ready data, ``schema_version`` first."""
    data = cast(dict[str, Any], _plain(programme))
    return {"schema_version": data.pop("schema_version"), **data}


def _time(text: str | None) -> dt.time | None:
    return dt.time.fromisoformat(text) if text else None


def _links(items: list[dict[str, Any]]) -> tuple[Link, ...]:
    return tuple(Link(**i) for i in items)


def _slot(d: dict[str, Any]) -> Slot:
    return Slot(id=d["id"], uid=d["uid"], start=dt.time.fromisoformat(d["start"]),
                end=dt.time.fromisoformat(d["end"]), kind=cast(SlotKind, d["kind"]),
                title=d["title"], title_html=d["title_html"],
                speakers=tuple(Speaker(**s) for s in d["speakers"]), abstract=d["abstract"],
                abstract_html=d["abstract_html"], links=_links(d["links"]), line=d["line"],
                url=d.get("url"))


def _session(d: dict[str, Any]) -> Session:
    return Session(id=d["id"], title=d["title"], url=d["url"],
                   organisers=tuple(Person(**p) for p in d["organisers"]),
                   chairs=tuple(Person(**p) for p in d["chairs"]),
                   slots=tuple(_slot(s) for s in d["slots"]), line=d["line"])


def _day(d: dict[str, Any]) -> Day:
    return Day(date=dt.date.fromisoformat(d["date"]), label=d["label"], start=_time(d["start"]),
               end=_time(d["end"]), notes=tuple(d["notes"]),
               sessions=tuple(_session(s) for s in d["sessions"]), line=d["line"])


def from_dict(data: dict[str, Any]) -> Programme:
    """The inverse of :func:`to_dict`."""
    return Programme(title=data["title"], description=data["description"],
                     timezone=data["timezone"], location=data["location"],
                     links=_links(data["links"]), days=tuple(_day(d) for d in data["days"]),
                     language=data.get("language", "en"),
                     schema_version=data["schema_version"])
