"""schedule.xml: valid against the frab/c3voc XSD, one event per slot with the right facts."""

from __future__ import annotations

from dataclasses import replace

import pytest
from lxml import etree

from feed_programmes import AWKWARD_TITLE, LOCATION, rich, slots, without_urls
from namconvert.config import Options
from namconvert.model import Programme
from namconvert.render import frab_xml
from support import shared_file, view_of

EPOCH = 1_657_000_000


@pytest.fixture(scope="module")
def xsd() -> etree.XMLSchema:
    return etree.XMLSchema(etree.parse(str(shared_file("schemas", "schedule.xml.xsd"))))


def _xml(programme: Programme, options: Options) -> etree._Element:
    text = frab_xml.dumps(view_of(programme, replace(options, source_date_epoch=EPOCH)))
    return etree.fromstring(text.encode("utf-8"))


def _validate(xsd: etree.XMLSchema, root: etree._Element) -> None:
    assert xsd.validate(root), "\n".join(str(e) for e in xsd.error_log)


def test_seed_validates_against_the_xsd(seed: Programme, seed_options: Options,
                                        xsd: etree.XMLSchema) -> None:
    _validate(xsd, _xml(seed, seed_options))


def test_rich_and_linkless_programmes_validate(seed: Programme, seed_options: Options,
                                               xsd: etree.XMLSchema) -> None:
    _validate(xsd, _xml(rich(seed), seed_options))
    _validate(xsd, _xml(without_urls(seed), seed_options))
    based = replace(seed_options, base_url="https://example.org/nam/")
    _validate(xsd, _xml(without_urls(seed), based))


def test_every_slot_is_one_event_with_its_uid(seed: Programme, seed_options: Options) -> None:
    root = _xml(seed, seed_options)
    guids = root.xpath("//event/@guid")
    assert sorted(guids) == sorted(s.uid for s in slots(seed))
    assert sorted(int(i) for i in root.xpath("//event/@id")) == list(range(1, len(guids) + 1))


def test_emily_hunts_talk(seed: Programme, seed_options: Options) -> None:
    root = _xml(seed, seed_options)
    [event] = root.xpath("//event[persons/person='Emily Hunt']")
    assert event.findtext("date") == "2022-07-13T16:35:00+01:00"
    assert event.findtext("start") == "16:35"
    assert event.findtext("duration") == "00:20"
    assert event.findtext("type") == "talk"
    assert event.findtext("title").startswith("The power (and caveats)")
    assert event.findtext("abstract").startswith("Almost everything in astronomy")
    session = seed.days[0].sessions[0]
    assert event.findtext("room") == session.title  # no location: the session is the room
    assert event.findtext("track") == session.title
    assert event.findtext("url") == session.url
    assert event.getparent().get("name") == session.title
    assert event.getparent().getparent().get("date") == "2022-07-13"


def test_conference_names_its_time_zone_and_days(seed: Programme, seed_options: Options) -> None:
    root = _xml(seed, seed_options)
    assert root.findtext("conference/time_zone_name") == "Europe/London"
    assert root.findtext("conference/start") == "2022-07-13"
    assert root.findtext("conference/end") == "2022-07-14"
    assert root.findtext("conference/timeslot_duration") == "00:05"
    days = root.findall("day")
    assert [(d.get("index"), d.get("date")) for d in days] == [("1", "2022-07-13"),
                                                               ("2", "2022-07-14")]
    assert days[0].get("start") == "2022-07-13T16:30:00+01:00"
    assert days[1].get("end") == "2022-07-14T16:00:00+01:00"


def test_location_is_the_room_and_text_is_escaped(seed: Programme,
                                                  seed_options: Options) -> None:
    root = _xml(rich(seed), seed_options)
    assert set(root.xpath("//room/@name")) == {LOCATION}
    titles = root.xpath("//event/title/text()")
    # The vertical tab XML cannot carry is dropped; markup and template syntax stay text.
    assert AWKWARD_TITLE.replace("\x0b", "") in titles
    assert root.xpath("//event[type='break']/title/text()") == ["Coffee"]


def test_urls_fall_back_to_the_site_anchor_or_are_left_out(seed: Programme,
                                                            seed_options: Options) -> None:
    bare = without_urls(seed)
    assert _xml(bare, seed_options).xpath("//event/url") == []
    based = replace(seed_options, base_url="https://example.org/nam/")
    root = _xml(bare, based)
    first = slots(seed)[0]
    assert root.xpath(f"//event[@guid='{first.uid}']/url/text()") == [
        f"https://example.org/nam/#{first.id}"]
    assert root.findtext("url") == "https://example.org/nam/schedule.xml"


def test_same_input_same_bytes(seed: Programme, seed_options: Options) -> None:
    options = replace(seed_options, source_date_epoch=EPOCH)
    assert frab_xml.dumps(view_of(seed, options)) == frab_xml.dumps(view_of(seed, options))
    assert "<version>2022-07-05 05:46</version>" in frab_xml.dumps(view_of(seed, options))
