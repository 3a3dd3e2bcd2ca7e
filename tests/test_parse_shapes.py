"""Issue 8's shapes, each in a small fixture: pipe tables and what organisers write in them."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from namconvert.config import Options, make_options
from namconvert.model import Person, Programme, Slot, Speaker
from namconvert.parse import parse_file, parse_text
from support import FIXTURES, load

SHAPES = FIXTURES / "shapes"

Row = tuple[str, str, tuple[tuple[str, str | None], ...], str]


def slots(programme: Programme) -> list[Slot]:
    return [slot for day in programme.days for session in day.sessions for slot in session.slots]


def rows(programme: Programme) -> list[Row]:
    return [(f"{s.start:%H:%M}-{s.end:%H:%M}", s.kind,
             tuple((p.name, p.affiliation) for p in s.speakers), s.title) for s in slots(programme)]


def warnings(path: Path) -> list[tuple[int, str, str]]:
    result = parse_file(path, make_options(path, {}))
    return [(f.line, f.category, f.message) for f in result.findings if f.severity == "warning"]


def test_pipe_table_columns_in_any_order_with_type_chair_and_affiliation() -> None:
    # | Title | Room | Type | Time | Speaker | Affiliation | Chair |: Room is ignored.
    got = load(SHAPES / "pipe-columns.md")
    assert rows(got) == [
        ("09:00-09:10", "introduction", (("Ada Lovelace", "Analytical Engines Ltd"),),
         "Opening the meeting"),
        ("09:10-09:40", "talk", (("Grace Hopper", "US Navy"),), "Compiling the stars"),
        ("09:40-10:00", "break", (), "Tea and biscuits"),
        ("10:00-10:20", "talk", (("Alan Turing", "Bletchley Park"), ("Joan Clarke", "Bletchley Park")),
         "Breaking codes"),
        ("10:20-11:00", "panel", (("Katherine Johnson", "NASA"),), "The future of computing"),
    ]
    assert [s.chairs for s in got.days[0].sessions] == [(Person("Mary Somerville"),)]
    assert warnings(SHAPES / "pipe-columns.md") == []


def test_twelve_hour_times_en_dashes_and_a_row_with_no_time() -> None:
    got = load(SHAPES / "pipe-times.md")
    assert rows(got) == [
        ("09:05-09:30", "talk", (("Vera Rubin", None),), "Dark matter in galaxies"),  # 9:05 a.m.
        ("09:30-10:00", "talk", (("Edwin Hubble", None),), "Receding galaxies"),  # 9:30–10:00 a.m.
        ("10:00-10:30", "break", (), "Coffee break"),  # no time: the gap between its neighbours
        ("10:30-12:00", "talk", (("Henrietta Leavitt", None),), "Cepheid variables"),
        ("12:00-12:30", "talk", (("Cecilia Payne", None),), "What stars are made of"),
        ("12:30-13:10", "talk", (("Annie Jump Cannon", None),), "Classifying spectra"),  # 12:30-1:10
        ("14:00-14:30", "talk", (("Jocelyn Bell Burnell", None),), "Pulsars"),  # 2pm–2:30pm
        ("14:30-15:00", "talk", (("Subrahmanyan Chandrasekhar", None),), "White dwarf masses"),
    ]


def test_breaks_tbd_moderated_panels_and_speaker_joiners() -> None:
    got = load(SHAPES / "pipe-rows.md")
    assert rows(got) == [
        ("09:00-09:30", "talk", (("Ada Lovelace", None), ("Charles Babbage", None)), "Engines"),
        ("09:30-10:00", "talk", (("Alan Turing", None), ("Joan Clarke", None)), "Codes"),
        ("10:00-10:30", "talk", (("Grace Hopper", None), ("Jean Sammet", None)), "Languages"),
        # "A or B": both candidates are listed.
        ("10:30-11:00", "talk", (("Katherine Johnson", None), ("Dorothy Vaughan", None)), "Orbits"),
        ("11:00-11:20", "break", (), "Coffee and posters"),
        ("11:20-11:50", "talk", (("Margaret Hamilton", "MIT"),), "TBD"),
        # "Panellists; moderated by Frances Allen": a panel; "Panellists" names no one.
        ("11:50-12:30", "panel", (("Frances Allen", None),), "Where next for software?"),
        ("12:30-13:30", "break", (), "Lunch"),
        ("13:30-14:00", "discussion", (), "Open discussion"),
        # An italic row with no speaker is a break even when no word says so ...
        ("14:00-14:15", "break", (), "Group photo"),
        # ... a plain one with no speaker is not a talk, and not a break either.
        ("14:15-14:30", "other", (), "Prize announcement"),
    ]
    assert warnings(SHAPES / "pipe-rows.md") == []


def test_abstracts_section_keyed_by_bold_speaker_names() -> None:
    path = SHAPES / "abstracts-by-speaker.md"
    got = load(path)
    assert rows(got) == [
        ("10:00-10:05", "introduction", (("Lise Meitner", None), ("Otto Hahn", None)), "Welcome"),
        ("10:05-10:25", "talk", (("Lise Meitner", "KWI Berlin"),), "Nuclear fission explained"),
        ("10:25-10:45", "talk", (("Marie Curie", "Sorbonne"),), "Radium and polonium"),
        ("10:45-11:00", "talk", (("Emmy Noether", "Göttingen"),), "Symmetries and conservation laws"),
    ]
    # Lise Meitner also welcomes: her abstract goes to the talk she gives alone.
    assert [s.abstract for s in slots(got)] == [
        None, "The nucleus splits in two. It releases energy.", "Two new elements from pitchblende.",
        None]
    assert warnings(path) == [
        (20, "abstract.unmatched", "abstract for 'Niels Bohr' matches no slot by speaker or title")]


def test_abstracts_section_keyed_by_talk_title_headings() -> None:
    path = SHAPES / "abstracts-by-title.md"
    got = load(path)
    assert [s.title for s in slots(got)] == ["Welcome", "Nuclear fission explained",
                                              "Radium and polonium",
                                              "Symmetries and conservation laws"]
    assert [s.abstract for s in slots(got)] == [
        None, "The nucleus splits in two. It releases energy.", None,
        "Every symmetry gives a conserved quantity."]
    fission = slots(got)[1]
    assert fission.abstract_html == "The nucleus splits in two.<br><br>It releases energy."
    assert warnings(path) == [
        (22, "abstract.unmatched",
         "abstract for 'Quantum jumps between orbits' matches no slot by speaker or title")]


def test_front_matter_and_style_are_ignored_and_give_the_title() -> None:
    path = SHAPES / "front-matter.md"
    got = load(path)
    assert got.title == "Front Matter Workshop"
    assert got.description == ""
    assert [d.date for d in got.days] == [dt.date(2023, 7, 3)]
    assert rows(got) == [
        ("09:00-09:30", "talk", (("Ada Lovelace", None),), "Engines of the future"),
        ("09:30-10:00", "talk", (("Grace Hopper", None),), "Compilers"),
    ]
    assert warnings(path) == []
    # A "#" heading, when there is one, is the title.
    text = path.read_text(encoding="utf-8").replace("<style>", "# Heading Title\n\n<style>", 1)
    titled = parse_text(text, path, make_options(path, {})).programme
    assert titled is not None and titled.title == "Heading Title"


def test_weekday_headings_take_their_dates_from_prose() -> None:
    # "Nov. 30 - Dec. 1, 2018" under the title; "### Friday", "### Saturday" under "## Schedule".
    got = load(SHAPES / "prose-dates.md")
    assert [(d.date, d.label) for d in got.days] == [(dt.date(2018, 11, 30), "Friday"),
                                                     (dt.date(2018, 12, 1), "Saturday")]
    assert got.description == "Two days of talks."
    assert rows(got) == [
        ("09:00-09:30", "talk", (("Ada Lovelace", None),), "Engines"),
        ("09:30-10:00", "break", (), "Coffee break"),
        ("09:00-09:30", "talk", (("Grace Hopper", None),), "Compilers"),
        ("09:30-10:00", "panel", (), "Panel discussion"),
    ]
    assert warnings(SHAPES / "prose-dates.md") == []


def test_kramdown_table_with_session_rows_marks_and_start_only_times() -> None:
    got = load(SHAPES / "kramdown.md")
    day = got.days[0]
    assert [(s.title, s.chairs) for s in day.sessions] == [
        ("Registration", ()), ("Session 1: Stars", (Person("Ada Lovelace"),)), ("Coffee break", ())]
    assert rows(got) == [
        ("08:00-08:30", "break", (), "Registration"),
        ("08:30-08:42", "introduction", (), "Welcome"),
        ("08:42-08:54", "talk", (("Grace Hopper", None),), "Compiling the stars"),  # ends at 8:54
        ("08:54-09:06", "talk", (("Alan Turing", None),), "Breaking codes"),
        ("09:06-09:30", "break", (), "Coffee break"),
    ]
    assert slots(got)[2].speakers == (Speaker("Grace Hopper"),)  # the "*" student mark is dropped


def test_a_parallel_session_starting_earlier_stays_in_the_morning() -> None:
    """12-hour reading moves a time to the afternoon only when that is a plausible next time:
    "11:00" after "11:01" (another room) is not 23:00. Found by the round-trip fuzz test."""
    text = """# Parallel rooms 2024

## Monday (1 July)
### Room A

| Time | Speaker | Title |
| --- | --- | --- |
| 11:01-11:02 | Ada Lovelace | Engines |

### Room B

| Time | Speaker | Title |
| --- | --- | --- |
| 11:00-12:00 | Alan Turing | Machines |
| 12:30-1:10 | Grace Hopper | Compilers |
"""
    result = parse_text(text, "README.md", Options(timezone="UTC"))
    assert result.programme is not None, result.findings
    times = [(s.start.strftime("%H:%M"), s.end.strftime("%H:%M"))
             for session in result.programme.days[0].sessions for s in session.slots]
    assert times == [("11:01", "11:02"), ("11:00", "12:00"), ("12:30", "13:10")]
