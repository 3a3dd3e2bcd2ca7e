"""Slots placed in time: a day at a glance, the links a slot adds, the speaker index's ids."""

from __future__ import annotations

import dataclasses

from namconvert.model import Link, Programme
from namconvert.views.slots import (
    day_overview,
    extra_links,
    placed_slots,
    speaker_anchors,
    speaker_index,
)


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
        rows = day_overview(placed_slots(seed), day)
        assert [p.slot for p in rows] == [s for se in day.sessions for s in se.slots]
        assert [p.start for p in rows] == sorted(p.start for p in rows)
