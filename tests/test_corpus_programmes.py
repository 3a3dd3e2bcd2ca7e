"""Issue 11: the ten new real programmes of ../shared/corpus/, read as a careful human reads them.

Each module in tests/corpus_expected/ was written by reading its file, never from the
parser's output: the days, the sessions, and every slot's start, end, kind, speakers and
title, and the opening words of every abstract. A file whose reading does not yet match
must be fixed in the reader by a rule that names the shape it reads, never by changing
the expectation to the program's output.
"""

from __future__ import annotations

import datetime as dt
import importlib
from typing import Any

import pytest

from corpus_expected import corpus_flags
from namconvert.cli import main
from namconvert.model import Programme
from support import CORPUS, load, shared_file

Slot = tuple[str, str, str, tuple[str, ...], str]

MODULES = ["nbisweden", "lahore", "ucdavis", "forth", "monash", "pykale", "hlpp", "jfpc",
           "vipss", "cav"]


def expected(name: str) -> Any:
    return importlib.import_module(f"corpus_expected.{name}")


def read(module: Any) -> Programme:
    options = dict(module.OPTIONS)
    if "start_date" in options:
        options["start_date"] = dt.date.fromisoformat(options["start_date"])
    return load(shared_file("corpus", module.FILE), **options)


def day_slots(programme: Programme) -> list[tuple[str, list[Slot]]]:
    return [(day.date.isoformat(),
             [(f"{s.start:%H:%M}", f"{s.end:%H:%M}", s.kind, tuple(p.name for p in s.speakers),
               s.title) for session in day.sessions for s in session.slots])
            for day in programme.days]


def want_slots(module: Any) -> list[tuple[str, list[Slot]]]:
    return [(date, [tuple(slot) for _, slots in sessions for slot in slots])  # type: ignore[misc]
            for date, sessions in module.DAYS if sessions]


@pytest.mark.parametrize("name", MODULES)
def test_days_and_every_slot(name: str) -> None:
    module = expected(name)
    assert day_slots(read(module)) == want_slots(module)


@pytest.mark.parametrize("name", MODULES)
def test_named_sessions(name: str) -> None:
    module = expected(name)
    got = read(module)
    for (date, sessions), day in zip([d for d in module.DAYS if d[1]], got.days, strict=True):
        named = [title for title, _ in sessions if title is not None]
        assert [s.title for s in day.sessions if s.title in named] == named, date


@pytest.mark.parametrize("name", MODULES)
def test_abstracts_chairs_and_rooms(name: str) -> None:
    module = expected(name)
    got = read(module)
    slots = [s for day in got.days for session in day.sessions for s in session.slots]
    abstracts = {s.title: s.abstract for s in slots if s.abstract}
    for title, opening in module.ABSTRACTS.items():
        assert " ".join((abstracts.get(title) or "").split()).startswith(
            " ".join(opening.split())), title
    chairs = {s.title: tuple(p.name for p in s.chairs) for day in got.days for s in day.sessions}
    for title, names in getattr(module, "CHAIRS", {}).items():
        assert chairs.get(title) == tuple(names), title
    rooms = {s.title: s.room for s in slots}
    for title, room in getattr(module, "ROOMS", {}).items():
        assert rooms.get(title) == room, title


def all_corpus_files() -> list[str]:
    return sorted(p.name for p in CORPUS.glob("*.md") if p.name != "SOURCES.md") \
        if CORPUS.is_dir() else ["(no corpus)"]


@pytest.mark.parametrize("name", all_corpus_files())
def test_check_finds_no_error_with_the_flags_sources_names(
        name: str, capsys: pytest.CaptureFixture[str]) -> None:
    path = shared_file("corpus", name)
    flags = corpus_flags(name)
    argv = ["check", str(path)]
    for key, value in flags.items():
        argv += [f"--{key.replace('_', '-')}", str(value)]
    assert main(argv) == 0
    assert " error: " not in capsys.readouterr().err
