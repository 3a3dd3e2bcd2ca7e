"""programme.ics, ics/day-*.ics and ics/<slot id>.ics: parsed back with icalendar."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from pathlib import Path

import icalendar
import pytest

from feed_programmes import LOCATION, rich, slots, without_urls
from namconvert.config import Options
from namconvert.model import Programme
from namconvert.output import OutputWriter
from namconvert.render import ics
from support import view_of

EPOCH = 1_657_000_000
UTC = dt.UTC


def _build(programme: Programme, options: Options, out_dir: Path) -> Path:
    writer = OutputWriter(out_dir)
    ics.render(view_of(programme, replace(options, source_date_epoch=EPOCH)), writer)
    writer.commit()
    return out_dir


def _calendar(path: Path) -> icalendar.Calendar:
    return icalendar.Calendar.from_ical(path.read_bytes())


def _events(cal: icalendar.Calendar) -> dict[str, icalendar.Event]:
    return {str(e["UID"]): e for e in cal.walk("VEVENT")}


@pytest.fixture(scope="module")
def built(seed: Programme, seed_options: Options, tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _build(seed, seed_options, tmp_path_factory.mktemp("ics"))


def test_one_event_per_slot_with_its_uid(seed: Programme, built: Path) -> None:
    events = _events(_calendar(built / "programme.ics"))
    assert sorted(events) == sorted(s.uid for s in slots(seed))


def test_emily_hunts_talk_in_utc(seed: Programme, built: Path) -> None:
    emily = next(s for s in slots(seed) if [p.name for p in s.speakers] == ["Emily Hunt"])
    event = _events(_calendar(built / "programme.ics"))[emily.uid]
    start, end = event.decoded("DTSTART"), event.decoded("DTEND")
    assert start.astimezone(UTC) == dt.datetime(2022, 7, 13, 15, 35, tzinfo=UTC)
    assert end.astimezone(UTC) == dt.datetime(2022, 7, 13, 15, 55, tzinfo=UTC)
    assert event["DTSTART"].params["TZID"] == "Europe/London"
    assert event.decoded("DTSTAMP") == dt.datetime.fromtimestamp(EPOCH, UTC)
    assert str(event["SUMMARY"]).startswith("The power (and caveats)")
    description = str(event["DESCRIPTION"])
    assert "Emily Hunt" in description
    assert "Almost everything in astronomy" in description
    assert str(event["URL"]) == seed.days[0].sessions[0].url
    assert "LOCATION" not in event  # the seed names no location


def test_vtimezone_matches_every_tzid(built: Path) -> None:
    cal = _calendar(built / "programme.ics")
    zones = {str(tz["TZID"]) for tz in cal.walk("VTIMEZONE")}
    used = {e[p].params["TZID"] for e in cal.walk("VEVENT") for p in ("DTSTART", "DTEND")}
    assert zones == used == {"Europe/London"}
    # The generated zone says BST (+01:00) in July 2022.
    [zone] = cal.walk("VTIMEZONE")
    offsets = {str(c["TZNAME"]): c.decoded("TZOFFSETTO") for c in zone.walk("DAYLIGHT")}
    assert offsets["BST"] == dt.timedelta(hours=1)


def test_per_day_and_per_slot_files(seed: Programme, built: Path) -> None:
    for day in seed.days:
        events = _events(_calendar(built / "ics" / f"day-{day.date.isoformat()}.ics"))
        assert sorted(events) == sorted(s.uid for se in day.sessions for s in se.slots)
    for slot in slots(seed):
        cal = _calendar(built / ics.slot_path(slot.id))
        assert list(_events(cal)) == [slot.uid]
        assert [str(tz["TZID"]) for tz in cal.walk("VTIMEZONE")] == ["Europe/London"]


def test_location_when_known(seed: Programme, seed_options: Options, tmp_path: Path) -> None:
    cal = _calendar(_build(rich(seed), seed_options, tmp_path) / "programme.ics")
    assert {str(e["LOCATION"]) for e in cal.walk("VEVENT")} == {LOCATION}
    kinds = {str(e["SUMMARY"]): e["CATEGORIES"].cats for e in cal.walk("VEVENT")}
    assert kinds["Coffee"] == ["break"]


def test_urls_from_base_url_or_none(seed: Programme, seed_options: Options,
                                    tmp_path: Path) -> None:
    bare = without_urls(seed)
    cal = _calendar(_build(bare, seed_options, tmp_path / "a") / "programme.ics")
    assert all("URL" not in e for e in cal.walk("VEVENT"))  # a URL must be absolute
    based = replace(seed_options, base_url="https://example.org/nam/")
    events = _events(_calendar(_build(bare, based, tmp_path / "b") / "programme.ics"))
    first = slots(seed)[0]
    assert str(events[first.uid]["URL"]) == f"https://example.org/nam/#{first.id}"


def test_other_time_zones(seed: Programme, seed_options: Options, tmp_path: Path) -> None:
    emily = next(s for s in slots(seed) if [p.name for p in s.speakers] == ["Emily Hunt"])
    for name, hour in (("America/New_York", 20), ("UTC", 16)):
        out = _build(replace(seed, timezone=name), seed_options, tmp_path / name.replace("/", "-"))
        event = _events(_calendar(out / "programme.ics"))[emily.uid]
        assert event.decoded("DTSTART").astimezone(UTC) == dt.datetime(2022, 7, 13, hour, 35,
                                                                        tzinfo=UTC)
        cal = _calendar(out / "programme.ics")
        zones = [str(tz["TZID"]) for tz in cal.walk("VTIMEZONE")]
        # UTC is written as ...Z with no VTIMEZONE; any other zone has its own.
        assert zones == ([] if name == "UTC" else [name])
        assert event["DTSTART"].params.get("TZID") == (None if name == "UTC" else name)


def test_same_input_same_bytes(seed: Programme, seed_options: Options, built: Path,
                               tmp_path: Path) -> None:
    again = _build(seed, seed_options, tmp_path)
    for path in sorted(built.rglob("*.ics")):
        assert (again / path.relative_to(built)).read_bytes() == path.read_bytes()


def _reference(programme: Programme, options: Options) -> dict[str, bytes]:
    """Every file as icalendar itself serialises the whole calendar (calendar.to_bytes)."""
    from namconvert.calendar import calendar, to_bytes

    view = view_of(programme, replace(options, source_date_epoch=EPOCH))
    return {path: to_bytes(calendar(programme, chosen, name, view.build_time))
            for path, name, chosen in ics.files(programme, view.schedule.events)}


def _synthetic(talks: int) -> Programme:
    from namconvert.parse import parse_text
    from namconvert.synth import generate

    options = Options(timezone="America/New_York", source_date_epoch=EPOCH)
    programme = parse_text(generate(talks, seed=3), "synthetic.md", options).programme
    assert programme is not None
    return programme


@pytest.mark.parametrize("variant", ["seed", "rich", "utc", "synthetic"])
def test_assembled_files_are_icalendars_own_bytes(variant: str, seed: Programme,
                                                  seed_options: Options, tmp_path: Path) -> None:
    """Each event and the VTIMEZONE serialised once, then assembled: the same bytes as
    icalendar's serialisation of each whole calendar (folding, order, zone and all)."""
    variants = {"seed": lambda: seed, "rich": lambda: rich(seed),
                "utc": lambda: replace(seed, timezone="UTC"), "synthetic": lambda: _synthetic(120)}
    programme = variants[variant]()
    options = replace(seed_options, source_date_epoch=EPOCH,
                      base_url="https://example.org/nam/")
    out = _build(programme, options, tmp_path)
    expected = _reference(programme, options)
    written = {str(path.relative_to(out)): path.read_bytes() for path in out.rglob("*.ics")}
    assert sorted(written) == sorted(expected)
    assert len(expected) == 1 + len(programme.days) + len(slots(programme))
    for path, data in expected.items():
        assert written[path] == data, path
    if variant != "utc":
        assert written["programme.ics"].count(b"BEGIN:VTIMEZONE") == 1


def test_renaming_the_programme_keeps_every_uid(tmp_path: Path, seed_options: Options) -> None:
    from namconvert.parse import parse_text
    from support import SOURCE

    text = SOURCE.read_text(encoding="utf-8")
    first_line = text.splitlines()[0]
    renamed = text.replace(first_line, first_line + " (renamed)", 1)
    before, after = (parse_text(t, SOURCE, seed_options).programme for t in (text, renamed))
    assert before is not None and after is not None and before.title != after.title
    uids = [[s.uid for d in p.days for ses in d.sessions for s in ses.slots] for p in (before, after)]
    assert uids[0] == uids[1]
