"""schedule.json: valid against the frab/c3voc JSON schema, built from the same shaping as XML."""

from __future__ import annotations

import json
from dataclasses import replace
from typing import Any

import jsonschema
import pytest

from feed_programmes import LOCATION, rich, slots, without_urls
from namconvert.config import Options
from namconvert.model import Programme
from namconvert.render import frab_json
from support import shared_file, view_of

EPOCH = 1_657_000_000


@pytest.fixture(scope="module")
def validator() -> jsonschema.Draft6Validator:
    schema = json.loads(shared_file("schemas", "schedule.schema.json").read_text("utf-8"))
    return jsonschema.Draft6Validator(schema,
                                      format_checker=jsonschema.Draft6Validator.FORMAT_CHECKER)


def _data(programme: Programme, options: Options) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(
        frab_json.dumps(view_of(programme, replace(options, source_date_epoch=EPOCH))))
    return data


def _events(data: dict[str, Any]) -> list[dict[str, Any]]:
    return [e for day in data["schedule"]["conference"]["days"]
            for events in day["rooms"].values() for e in events]


def _valid(validator: jsonschema.Draft6Validator, data: dict[str, Any]) -> None:
    errors = [f"{list(e.absolute_path)}: {e.message}" for e in validator.iter_errors(data)]
    assert errors == []


def test_seed_validates_against_the_schema(seed: Programme, seed_options: Options,
                                           validator: jsonschema.Draft6Validator) -> None:
    _valid(validator, _data(seed, seed_options))


def test_rich_and_linkless_programmes_validate(seed: Programme, seed_options: Options,
                                               validator: jsonschema.Draft6Validator) -> None:
    _valid(validator, _data(rich(seed), seed_options))
    _valid(validator, _data(without_urls(seed), seed_options))


def test_every_slot_is_one_event(seed: Programme, seed_options: Options) -> None:
    events = _events(_data(seed, seed_options))
    assert sorted(e["guid"] for e in events) == sorted(s.uid for s in slots(seed))
    assert sorted(e["type"] for e in events) == sorted(s.kind for s in slots(seed))


def test_emily_hunts_talk(seed: Programme, seed_options: Options) -> None:
    data = _data(seed, seed_options)
    [event] = [e for e in _events(data) if [p["name"] for p in e["persons"]] == ["Emily Hunt"]]
    session = seed.days[0].sessions[0]
    assert event["date"] == "2022-07-13T16:35:00+01:00"
    assert event["end"] == "2022-07-13T16:55:00+01:00"
    assert (event["start"], event["duration"]) == ("16:35", "00:20")
    assert (event["room"], event["track"], event["url"]) == (session.title, session.title,
                                                              session.url)
    assert event["abstract"].startswith("Almost everything in astronomy")
    assert event["persons"][0]["public_name"] == "Emily Hunt"


def test_conference(seed: Programme, seed_options: Options) -> None:
    conference = _data(seed, seed_options)["schedule"]["conference"]
    assert conference["time_zone_name"] == "Europe/London"
    assert (conference["start"], conference["end"], conference["daysCount"]) == (
        "2022-07-13", "2022-07-14", 2)
    assert [d["date"] for d in conference["days"]] == ["2022-07-13", "2022-07-14"]
    assert [r["name"] for r in conference["rooms"]] == sorted(
        s.title for d in seed.days for s in d.sessions)


def test_location_is_the_room(seed: Programme, seed_options: Options) -> None:
    data = _data(rich(seed), seed_options)
    assert {e["room"] for e in _events(data)} == {LOCATION}
    assert [r["name"] for r in data["schedule"]["conference"]["rooms"]] == [LOCATION]


def test_event_urls_without_links(seed: Programme, seed_options: Options) -> None:
    bare = without_urls(seed)
    first = slots(seed)[0]
    by_guid = {e["guid"]: e for e in _events(_data(bare, seed_options))}
    # Without base_url the site's address is unknown: no link, but the schema wants a url.
    assert by_guid[first.uid]["url"] == f"urn:uuid:{first.uid}"
    based = _data(bare, replace(seed_options, base_url="https://example.org/nam/"))
    by_guid = {e["guid"]: e for e in _events(based)}
    assert by_guid[first.uid]["url"] == f"https://example.org/nam/#{first.id}"
    assert based["schedule"]["base_url"] == "https://example.org/nam/"


def test_same_input_same_bytes(seed: Programme, seed_options: Options) -> None:
    options = replace(seed_options, source_date_epoch=EPOCH)
    assert frab_json.dumps(view_of(seed, options)) == frab_json.dumps(view_of(seed, options))
