"""The model's JSON form: valid against the documented schema, and reversible."""

from __future__ import annotations

import json

import jsonschema

from namconvert.model import Programme
from namconvert.serialise import from_dict, to_dict
from support import ROOT

SCHEMA = json.loads((ROOT / "schema" / "programme.schema.json").read_text(encoding="utf-8"))


def test_seed_model_matches_the_documented_schema(seed: Programme) -> None:
    jsonschema.validate(to_dict(seed), SCHEMA, format_checker=jsonschema.FormatChecker())


def test_schema_rejects_a_broken_model(seed: Programme) -> None:
    data = to_dict(seed)
    data["days"][0]["sessions"][0]["slots"][0]["start"] = "4pm"
    validator = jsonschema.Draft202012Validator(SCHEMA)
    assert any("4pm" in e.message for e in validator.iter_errors(data))


def test_round_trip_through_dicts(seed: Programme) -> None:
    assert from_dict(json.loads(json.dumps(to_dict(seed)))) == seed
