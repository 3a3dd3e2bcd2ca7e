"""The labels a day and a slot show: day headings, the day's zone, the kinds' labels."""

from __future__ import annotations

import dataclasses
import datetime as dt

from namconvert.config import Options
from namconvert.model import Programme
from namconvert.views.labels import day_heading, day_zone, kinds_in, zone_note
from namconvert.views.slots import placed_slots
from support import view_of


def test_day_heading_reads_as_on_the_site(seed: Programme) -> None:
    assert [day_heading(d) for d in seed.days] == ["Wednesday 13 July 2022", "Thursday 14 July 2022"]


def test_day_zone_names_abbreviation_and_offset_once_each(seed: Programme) -> None:
    day = seed.days[0]
    assert day_zone(seed, day) == "BST, UTC+01:00"
    winter = dataclasses.replace(day, date=dt.date(2022, 1, 12))
    assert day_zone(seed, winter) == "GMT, UTC+00:00"
    assert day_zone(dataclasses.replace(seed, timezone="UTC"), day) == "UTC"
    assert day_zone(dataclasses.replace(seed, timezone="Asia/Dubai"), day) == "UTC+04:00"
    assert day_zone(dataclasses.replace(seed, timezone="Asia/Kolkata"), day) == "IST, UTC+05:30"


def test_kinds_in_the_models_order(seed: Programme) -> None:
    assert kinds_in(placed_slots(seed)) == [("talk", "Talks"), ("introduction", "Introductions"),
                              ("discussion", "Discussions")]


def test_zone_note_and_day_zone_say_the_same(seed: Programme) -> None:
    """One rule names the zone: the EPUB's note is the IANA name around the booklet's line."""
    for tz in ("Europe/London", "UTC", "Asia/Dubai"):
        programme = dataclasses.replace(seed, timezone=tz)
        for day in programme.days:
            assert zone_note(programme, day) == f"{tz} ({day_zone(programme, day)})"


def test_the_view_carries_each_days_zone_and_the_kinds(seed: Programme) -> None:
    view = view_of(seed, Options())
    assert [d.zone for d in view.days] == [day_zone(seed, d) for d in seed.days]
    assert list(view.kinds) == kinds_in(view.slots)
