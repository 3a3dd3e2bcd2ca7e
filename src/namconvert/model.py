"""The programme model: the shared vocabulary between the parser and every renderer.

Frozen dataclasses with type hints and nothing else. Times are local to the
programme's time zone (``Programme.timezone``); a slot never crosses midnight.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Literal

SCHEMA_VERSION = 2

SlotKind = Literal["talk", "introduction", "discussion", "panel", "break", "other"]
SLOT_KINDS: tuple[SlotKind, ...] = ("talk", "introduction", "discussion", "panel", "break", "other")


@dataclass(frozen=True)
class Link:
    text: str
    url: str


@dataclass(frozen=True)
class Person:
    """An organiser or chair."""

    name: str
    email: str | None = None
    url: str | None = None


@dataclass(frozen=True)
class Speaker:
    name: str
    affiliation: str | None = None


@dataclass(frozen=True)
class Slot:
    id: str
    uid: str
    start: dt.time
    end: dt.time
    kind: SlotKind
    title: str
    title_html: str
    speakers: tuple[Speaker, ...]
    abstract: str | None
    abstract_html: str | None
    links: tuple[Link, ...]
    line: int
    url: str | None = None
    room: str | None = None


@dataclass(frozen=True)
class Session:
    id: str
    title: str
    url: str | None
    organisers: tuple[Person, ...]
    chairs: tuple[Person, ...]
    slots: tuple[Slot, ...]
    line: int
    room: str | None = None


@dataclass(frozen=True)
class Day:
    date: dt.date
    label: str
    start: dt.time | None
    end: dt.time | None
    notes: tuple[str, ...]
    sessions: tuple[Session, ...]
    line: int


@dataclass(frozen=True)
class Programme:
    title: str
    description: str
    timezone: str
    location: str | None
    links: tuple[Link, ...]
    days: tuple[Day, ...]
    language: str = "en"
    schema_version: int = SCHEMA_VERSION
