"""The renderer registry: every module keeps the contract, no two share a name."""

from __future__ import annotations

from types import ModuleType

import pytest

from namconvert.render import FORMATS, RENDERERS, RegistryError, _registry


def _module(name: str, **attributes: object) -> ModuleType:
    module = ModuleType(name)
    contract: dict[str, object] = {"NAME": "x", "SUFFIX": ".x", "MEDIA_TYPE": "text/x",
                                   "TITLE": "X", "OUTPUT": "x.x", "render": lambda v, o: []}
    contract.update(attributes)
    for key, value in contract.items():
        if value is not None:
            setattr(module, key, value)
    return module


def test_a_module_missing_part_of_the_contract_is_refused_by_name() -> None:
    with pytest.raises(RegistryError, match=r"renderer fake\.broken lacks MEDIA_TYPE, render"):
        _registry([_module("fake.broken", MEDIA_TYPE=None, render=None)])


def test_two_modules_with_one_name_are_refused_naming_both() -> None:
    with pytest.raises(RegistryError,
                       match=r"renderers fake\.one and fake\.two both call themselves 'x'"):
        _registry([_module("fake.one"), _module("fake.two")])


def test_the_registry_holds_every_format_in_build_order() -> None:
    assert FORMATS == ("json", "readme", "ics", "frab_xml", "frab_json", "epub", "pdf", "html")
    assert [r.module for r in RENDERERS.values()] == [
        f"namconvert.render.{m}" for m in
        ("json_model", "readme", "ics", "frab_xml", "frab_json", "epub", "pdf", "html")]
