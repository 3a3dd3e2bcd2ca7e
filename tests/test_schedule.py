"""The shaping module's small pure functions: day labels and zones, links, speaker ids, kinds."""

from __future__ import annotations

import dataclasses
import datetime as dt

from namconvert.model import Link, Programme
from namconvert.schedule import (
    day_heading,
    day_overview,
    day_zone,
    extra_links,
    kinds_in,
    speaker_anchors,
    speaker_index,
)


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


def test_extra_links_leave_out_what_the_abstract_links_to(seed: Programme) -> None:
    slots = [s for d in seed.days for se in d.sessions for s in se.slots if s.links]
    assert slots and all(extra_links(s) == () for s in slots)  # the seed's are all in abstracts
    slot = dataclasses.replace(slots[0], links=(
        *slots[0].links, Link("slides", "https://example.org/a?b=1&c=2"),
        Link("slides again", "https://example.org/a?b=1&c=2")))
    assert extra_links(slot) == (Link("slides", "https://example.org/a?b=1&c=2"),)
    linked = dataclasses.replace(slot, abstract_html='<a href="https://example.org/a?b=1&amp;c=2">x</a>')
    assert all(link.url != "https://example.org/a?b=1&c=2" for link in extra_links(linked))


def test_speaker_anchors_are_ids_of_their_own() -> None:
    assert speaker_anchors(["Émile Zola", "Emile Zola", "李伟", "Ada O'Neil"]) == {
        "Émile Zola": "speaker-emile-zola", "Emile Zola": "speaker-emile-zola-2",
        "李伟": "speaker-3", "Ada O'Neil": "speaker-ada-o-neil"}


def test_speaker_index_entries_carry_their_anchor(seed: Programme) -> None:
    entries = speaker_index(seed)
    anchors = [e.anchor for e in entries]
    assert len(set(anchors)) == len(anchors) and "speaker-emily-hunt" in anchors


def test_day_overview_is_the_days_slots_by_start(seed: Programme) -> None:
    for day in seed.days:
        rows = day_overview(seed, day)
        assert [p.slot for p in rows] == [s for se in day.sessions for s in se.slots]
        assert [p.start for p in rows] == sorted(p.start for p in rows)


def test_kinds_in_the_models_order(seed: Programme) -> None:
    assert kinds_in(seed) == [("talk", "Talks"), ("introduction", "Introductions"),
                              ("discussion", "Discussions")]
