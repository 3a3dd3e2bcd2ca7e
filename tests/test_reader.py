"""Issue 11: each idea of the reader on a small fixture of its own (tests/fixtures/reader/).

Timetables are found wherever they are (tables, lists, lines), take their day and
session from what precedes them, and what an organiser hid or showed as code is never read.
"""

from __future__ import annotations

import datetime as dt
import json
import shutil
from pathlib import Path

import icalendar
import pytest

from namconvert.build import write_outputs
from namconvert.cli import main
from namconvert.config import make_options
from namconvert.model import Programme, Slot
from namconvert.parse import parse_file
from namconvert.parse.table import Cell, Row
from namconvert.parse.timetable import header_columns
from support import FIXTURES, load

READER = FIXTURES / "reader"
Seen = tuple[str, str, str, tuple[str, ...], str]


def seen(slot: Slot) -> Seen:
    return (f"{slot.start:%H:%M}", f"{slot.end:%H:%M}", slot.kind,
            tuple(s.name for s in slot.speakers), slot.title)


def slots(programme: Programme) -> list[Seen]:
    return [seen(s) for d in programme.days for session in d.sessions for s in session.slots]


def titles(programme: Programme) -> list[str]:
    return [s.title for d in programme.days for session in d.sessions for s in session.slots]


def findings(path: Path, **overrides: object) -> list[str]:
    result = parse_file(path, make_options(path, dict(overrides)), raise_on_error=False)
    return [f.format() for f in result.findings]


# -- what is never read ----------------------------------------------------------------------

def test_a_commented_out_talk_is_never_read() -> None:
    got = titles(load(READER / "commented-out.md"))
    assert got == ["Engines", "Compilers", "Codes", "Ciphers"]
    assert "A withdrawn talk" not in got and "A hidden item" not in got


def test_a_table_in_a_code_fence_or_an_indented_block_is_never_read() -> None:
    got = load(READER / "fenced.md")
    assert [d.date for d in got.days] == [dt.date(2024, 6, 5)]
    assert titles(got) == ["The only real talk"]


def test_template_tags_are_blanked_and_an_include_shows_its_text() -> None:
    got = load(READER / "template-tags.md")
    assert got.title == "Template Tags Meeting"
    assert titles(got) == ["Keynote", "Coffee Break", "A talk with an include"]
    assert got.days[0].sessions[0].slots[-1].abstract == "The abstract an include shows."


def test_tables_without_a_time_column_are_not_timetables() -> None:
    got = load(READER / "organisers-table.md")
    assert slots(got) == [("09:00", "09:30", "talk", ("Alan Turing",), "Codes")]
    assert findings(READER / "organisers-table.md") == []


# -- context: the day and the session from what precedes --------------------------------------

def test_the_day_comes_from_the_closest_date_in_any_style() -> None:
    got = load(READER / "dates.md")
    # A bold line, an italic German date, a "Date:" label, a French heading, a caption.
    assert [(d.date, d.label) for d in got.days] == [
        (dt.date(2024, 6, 3), "Monday, 3 June 2024"),
        (dt.date(2024, 6, 4), "Dienstag, 4. Juni 2024"),
        (dt.date(2024, 6, 5), "05.06.2024"),
        (dt.date(2024, 6, 6), "Jeudi 6 juin 2024"),
        (dt.date(2024, 6, 7), "Friday 2024-06-07"),
    ]
    assert [d.sessions[0].title for d in got.days][:2] == ["Day one", "Day two"]


def test_front_matter_date_and_a_posts_file_name_date_the_timetable() -> None:
    assert load(READER / "front-matter-date.md").days[0].date == dt.date(2024, 6, 11)
    assert load(READER / "_posts" / "2024-06-10-programme.md").days[0].date == \
        dt.date(2024, 6, 10)


def test_an_undated_timetable_needs_start_date_and_says_so() -> None:
    assert findings(READER / "undated.md") == [
        f"{READER / 'undated.md'}:3:1: error: timetable with no date before it: give "
        "--start-date YYYY-MM-DD (or start_date in namconvert.toml) [date.missing]"]
    got = load(READER / "undated.md", start_date=dt.date(2024, 6, 3))
    assert got.days[0].date == dt.date(2024, 6, 3)
    assert slots(got) == [("09:00", "09:30", "introduction", (), "Welcome"),
                          ("09:30", "10:15", "talk", ("Ada Lovelace",), "Keynote"),
                          ("10:15", "10:45", "break", (), "Coffee break")]


def test_sessions_from_headings_bold_lines_and_rows_with_chairs_and_rooms() -> None:
    day = load(READER / "sessions.md").days[0]
    assert [(s.title, tuple(p.name for p in s.chairs), s.room) for s in day.sessions] == [
        ("Session 1: Stars", ("Ada Lovelace",), "Hall A"),
        ("Session 2: Galaxies", ("Alan Turing",), None),
        ("Session 3: Planets", ("Jocelyn Bell",), None),
    ]
    assert [len(s.slots) for s in day.sessions] == [1, 1, 2]
    assert day.sessions[0].slots[0].room == "Hall A"


# -- times, columns, speakers ---------------------------------------------------------------

def test_times_in_the_worlds_styles() -> None:
    got = load(READER / "time-styles.md")
    assert slots(got) == [
        ("09:00", "09:30", "talk", ("Ada Lovelace",), "Dotted clocks"),
        ("09:30", "10:00", "talk", ("Grace Hopper",), "Morning clocks"),
        ("10:00", "10:30", "talk", ("Alan Turing",), "Short suffixes"),
        ("11:30", "13:00", "talk", ("Joan Clarke",), "No afternoon marker"),
        ("13:00", "14:00", "talk", ("Vera Rubin",), "Afternoon without a marker"),
        ("14:00", "14:30", "break", (), "Coffee"),
        ("14:30", "15:00", "talk", ("Katherine Johnson",), "Open range"),
        ("15:00", "16:00", "other", (), "Excursion"),
        # Durations count from the start the bold line states.
        ("14:30", "14:35", "introduction", (), "Welcome"),
        ("14:35", "15:35", "other", (), "Hands-on"),
        ("15:35", "15:50", "discussion", (), "Discussion"),
    ]
    assert got.days[1].date == dt.date(2024, 6, 4)


def test_french_hours_noon_an_am_pm_only_at_the_end_and_zones_after_the_clock() -> None:
    got = load(READER / "hour-styles.md", language="fr")
    assert slots(got) == [
        ("09:00", "09:30", "introduction", (), "Accueil"),
        ("09:30", "10:30", "talk", ("Ana Ruiz",), "Les marées de vive-eau"),
        ("10:30", "11:00", "break", (), "Pause café"),
        ("11:00", "12:00", "talk", ("Lev Orlov",), "Late-morning hours"),
        ("12:00", "13:00", "break", (), "Lunch"),
        ("13:00", "14:00", "talk", ("Iris Vale",), "A zone after the clock"),
        ("14:00", "14:30", "talk", ("Noor Bakr",), "A zone in parentheses"),
        ("14:30", "15:30", "discussion", (), "Clôture"),
    ]
    assert got.days[0].date == dt.date(2026, 6, 15)


def test_an_open_last_slot_ends_an_hour_later_with_a_warning() -> None:
    got = load(READER / "open-end.md")
    assert slots(got)[-1] == ("19:00", "20:00", "break", (), "Dinner")
    assert any("slot has only a start (19:00) and nothing follows it: read as ending at 20:00"
               in f for f in findings(READER / "open-end.md"))


def test_columns_by_header_synonyms_markup_and_content() -> None:
    got = load(READER / "columns.md")
    assert slots(got) == [
        ("09:00", "09:30", "talk", ("Ada Lovelace",), "Engines"),  # **When** | **What** | **Who**
        ("09:00", "09:30", "talk", ("Grace Hopper",), "Compilers"),  # Presenter | Start | Topic
        ("09:00", "09:30", "talk", ("Alan Turing",), "Breaking the Enigma cipher at Bletchley Park"),
        ("09:30", "10:00", "talk", ("Joan Clarke",), "Cryptanalysis of naval messages in wartime"),
        ("09:00", "09:30", "talk", ("Katherine Johnson",), "Orbits by hand"),  # Name (Affil)<br>**Title**
    ]
    assert got.days[3].sessions[0].slots[0].speakers[0].affiliation == "NASA"


def test_the_columns_setting_names_what_no_guess_finds(tmp_path: Path) -> None:
    row = Row((Cell("Wann", 1, 1), Cell("Wer", 1, 8), Cell("Was", 1, 14)), 1)
    assert header_columns(row) is None
    assert header_columns(row, {"time": "wann", "speaker": "Wer", "title": "Was"}) == \
        {"time": 0, "speaker": 1, "title": 2}
    source = tmp_path / "README.md"
    shutil.copy(READER / "columns-setting.md", source)
    assert any("table has no header row" in f for f in findings(source))
    (tmp_path / "namconvert.toml").write_text(
        '[columns]\ntime = "Wann"\nspeaker = "Wer"\ntitle = "Was"\n', encoding="utf-8")
    assert slots(load(source)) == [("09:00", "09:30", "talk", ("Ada Lovelace",), "Engines")]


def test_speakers_beside_titles_in_the_shapes_people_write() -> None:
    assert slots(load(READER / "speakers.md")) == [
        ("09:00", "09:30", "talk", ("Ada Lovelace", "Charles Babbage"), "Engines and looms"),
        ("09:30", "10:00", "talk", ("Alan Turing", "Joan Clarke"), "Codes and ciphers"),
        ("10:00", "10:30", "talk", ("Hopper", "Johnson"), "Surnames only"),
        ("10:30", "11:00", "talk", ("Rubin",), "Lecture 1: Dark matter"),
        ("11:00", "11:30", "talk", ("Katherine Johnson", "Dorothy Vaughan"), "Orbits"),
    ]


def test_a_grid_of_rooms_gives_parallel_slots_without_an_overlap_warning() -> None:
    got = load(READER / "rooms.md")
    assert [(seen(s)[:2], s.title, s.room) for s in got.days[0].sessions[0].slots] == [
        (("09:00", "10:00"), "Stars session", "Room A"),
        (("09:00", "10:00"), "Galaxies session", "Room B"),
        (("10:00", "10:30"), "Coffee break", None),
        (("10:30", "11:30"), "Planets session", "Room A"),
        (("10:30", "11:30"), "Comets session", "Room B"),
    ]
    assert not any("overlaps" in f for f in findings(READER / "rooms.md"))


# -- check --explain ---------------------------------------------------------------------------

def test_check_explain_says_what_was_read_and_from_where(
        capsys: pytest.CaptureFixture[str]) -> None:
    path = READER / "sessions.md"
    assert main(["check", "--explain", str(path)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == (f"{path}:9: table, 1 rows, columns time|speaker|title; day 'Monday 3 June "
                        "2024' from line 3; session 'Session 1: Stars' from line 5")
    assert len(lines) == 2


def test_rooms_reach_frab_and_the_calendar(tmp_path: Path) -> None:
    path = READER / "rooms.md"
    options = make_options(path, {})
    write_outputs(load(path), path, options, tmp_path / "out", ["frab_json", "ics"])
    schedule = json.loads((tmp_path / "out" / "schedule.json").read_text(encoding="utf-8"))
    rooms = schedule["schedule"]["conference"]["days"][0]["rooms"]
    assert {name: [e["title"] for e in events] for name, events in rooms.items()} == {
        "Room A": ["Stars session", "Planets session"],
        "Room B": ["Galaxies session", "Comets session"],
        "Monday 3 June 2024": ["Coffee break"],  # no room: the session's name, as before
    }
    calendar = icalendar.Calendar.from_ical((tmp_path / "out" / "programme.ics").read_bytes())
    locations = {str(e["SUMMARY"]): str(e.get("LOCATION", "")) for e in calendar.walk("VEVENT")}
    assert locations["Stars session"] == "Room A"
    assert locations["Coffee break"] == ""


def test_one_table_holds_several_days_by_date_rows_or_a_date_column() -> None:
    got = load(READER / "days-in-one-table.md")
    assert [(d.date, [s.title for x in d.sessions for s in x.slots]) for d in got.days] == [
        (dt.date(2024, 6, 3), ["Engines", "Compilers"]),
        (dt.date(2024, 6, 4), ["Codes"]),
        (dt.date(2024, 6, 5), ["Ciphers", "Dark matter"]),
        (dt.date(2024, 6, 6), ["Pale blue dot"]),
    ]
    # A Room column gives each slot its room.
    assert [s.room for s in got.days[0].sessions[0].slots] == ["Hall A", "Hall B"]


def test_start_and_end_in_columns_of_their_own() -> None:
    assert slots(load(READER / "start-end-columns.md")) == [
        ("09:00", "09:45", "talk", ("Ada Lovelace",), "Engines"),
        ("10:00", "10:30", "talk", ("Grace Hopper",), "Compilers"),
    ]


def test_headings_that_start_with_a_time_are_talks_when_nothing_timed_is_under_them() -> None:
    got = load(READER / "timed-headings.md")
    assert slots(got) == [
        ("09:00", "09:15", "introduction", (), "Welcome"),
        ("09:15", "10:00", "talk", ("Ada Lovelace",), "Engines of the future"),
        ("10:00", "10:30", "break", (), "Coffee break"),
        ("10:30", "11:30", "talk", ("Grace Hopper",), "Compilers"),
    ]
    talk = got.days[0].sessions[0].slots[1]
    assert (talk.speakers[0].affiliation, talk.abstract) == (
        "Analytical Society", "The engines will do more than count.")


def test_definition_lists_pipe_separated_items_and_bylines_in_one_programme() -> None:
    got = load(READER / "mixed-shapes.md")
    assert [d.date for d in got.days] == [dt.date(2025, 5, d) for d in (12, 13, 14, 15)]
    assert slots(got) == [
        ("09:00", "09:30", "introduction", (), "Opening"),  # "Organizers" is no one's name
        ("09:30", "10:30", "talk", ("Jane Doe",), "Keynote: Big ideas"),
        ("10:30", "11:00", "break", (), "Coffee"),
        ("11:00", "11:20", "talk", ("John Smith", "Mary Major"), "Small ideas"),
        ("09:00", "09:30", "introduction", (), "Welcome back"),  # <dl>
        ("09:30", "10:15", "talk", ("Alice Liddell",), "Deep things"),
        ("09:00", "10:00", "talk", ("Bob Roberts",), "Morning talk"),  # "* 09:00 | Title | Who"
        ("10:00", "11:00", "talk", ("Carol Carlson",), "Another talk"),
        ("11:00", "12:00", "break", (), "Lunch"),
        ("09:00", "10:00", "talk", ("Dan Dennis",), "Title here"),  # under a bold date line
        ("10:00", "10:30", "break", (), "Break"),
        ("10:30", "12:00", "panel", ("Eve Evans",), "Panel: future"),
    ]


def test_a_table_of_numbers_that_look_like_clocks_is_not_a_timetable() -> None:
    # "12.50" could be a time; "0.75" cannot: the column holds numbers.
    assert slots(load(READER / "numbers-table.md")) == [
        ("09:00", "09:30", "talk", ("Ada Lovelace",), "Engines")]
    assert findings(READER / "numbers-table.md") == []


# -- sections a timetable links to, places and people's affiliations -------------------------

def test_a_row_linking_to_its_section_is_that_section_and_a_topic_keeps_the_rows_title() -> None:
    got = load(READER / "sections-linked.md")
    sessions = [(s.title, s.room, tuple(c.name for c in s.chairs)) for s in got.days[0].sessions]
    assert sessions == [("Welcome", "Hall North", ()),
                        ("Harbour Panel", "Hall North", ("Jun Arai",)),
                        ("Tuesday 9 June 2026", None, ())]
    assert slots(got)[:2] == [
        ("09:00", "09:15", "introduction", ("Mira Holt", "Teo Marin"), "Welcome"),
        # The section's entry only states its topic: the row's fuller title is the slot's.
        ("09:15", "10:15", "panel", ("Ana Ruiz", "Lev Orlov"), "Harbour Panel - Tides and Cities"),
    ]


def test_a_place_after_a_title_is_its_room_and_a_details_link_is_not_part_of_it() -> None:
    got = load(READER / "sections-linked.md")
    rows = [(s.title, s.room) for s in got.days[0].sessions[-1].slots]
    assert rows == [("Tea", "Harbour Hall"),
                    # a phrase about a place is the organiser's note, kept in the title
                    ("Stretch (in front of the main hall)", None),
                    ("Dinner", "Lighthouse Restaurant, 2nd floor")]


def test_affiliations_after_names_nested_or_missing_a_separator_and_nicknames() -> None:
    got = load(READER / "affiliations.md")
    assert [[(p.name, p.affiliation) for p in s.speakers] for s in got.days[0].sessions[0].slots] == [
        [("Noor Bakr", None), ("Iris Vale", "University of Ghent (UGent)"),
         ("Sam Okafor", "Delft Institute, Deltares"), ("Pia Lund", "Aarhus University")],
        [("Kai (KJ) Jensen", "Lund University"), ("Rosa Mele", "CNR")],
        [("Ines Duarte", "University of Porto"), ("Hugo Lemaire", "Ifremer")],
    ]
    welcome = load(READER / "sections-linked.md").days[0].sessions[0].slots[0]
    assert [(p.name, p.affiliation) for p in welcome.speakers] == [
        ("Mira Holt", "Oslo"), ("Teo Marin", "Coastal Research Institute")]


def test_a_term_a_legend_explains_is_not_part_of_a_title() -> None:
    got = load(READER / "legend.md")
    assert [s.title for s in got.days[0].sessions] == [
        "Get-together", "Morning talks", "Friday 12 June 2026"]
    assert [seen(s)[2:] for d in got.days for x in d.sessions for s in x.slots] == [
        ("break", (), "Get-together"),
        ("talk", ("Vera Stein",), "Tidal clocks"),
        ("talk", ("Omar Haddad",), "Moon and sea"),
        ("discussion", (), "Open chat"),
    ]


def test_a_table_of_sessions_each_with_a_cell_of_timed_lines() -> None:
    got = load(READER / "sessions-as-rows.md")
    sessions = got.days[0].sessions
    assert [(s.title, tuple(c.name for c in s.chairs)) for s in sessions] == [
        ("Morning", ("Ann Lee",)), ("Afternoon", ())]
    assert slots(got) == [
        ("09:00", "09:30", "talk", ("Ada Lovelace",), "Ice engines"),
        ("09:30", "10:00", "talk", ("Alan Turing",), "Frozen machines"),
        ("10:00", "10:30", "break", (), "Coffee"),
        ("14:00", "14:30", "talk", ("Grace Hopper",), "Moraines"),
        ("14:30", "15:00", "talk", ("Joan Clarke",), "Crevasses"),
    ]


def test_a_start_above_its_end_in_a_cell_and_an_emoji_before_a_time() -> None:
    got = load(READER / "stacked-and-emoji.md")
    assert [(d.date.isoformat(), [seen(s) for x in d.sessions for s in x.slots])
            for d in got.days] == [
        ("2026-03-03", [("09:00", "09:30", "introduction", (), "Welcome"),
                        ("09:30", "10:15", "talk", ("Grace Hopper",), "Lake ice"),
                        ("10:15", "10:45", "break", (), "Coffee")]),
        ("2026-03-04", [("09:00", "09:15", "introduction", (), "Welcome"),
                        ("09:15", "10:00", "talk", ("Joan Clarke",), "Keynote: Joan Clarke"),
                        ("10:00", "10:30", "break", (), "Coffee")]),
    ]


def test_numbered_days_count_from_the_start_date() -> None:
    path = READER / "numbered-days.md"
    assert [f for f in findings(path) if "error" in f] == [
        f"{path}:3:1: error: timetable with no date before it: give --start-date YYYY-MM-DD "
        "(or start_date in namconvert.toml) (days are counted from it) [date.missing]"]
    got = load(path, start_date=dt.date(2026, 6, 1))
    assert [(d.date.isoformat(), d.label) for d in got.days] == [
        ("2026-06-01", "Day 1"), ("2026-06-02", "Day 2")]
    # A lecture on a subject is not a session's introduction; an introduction to the school is.
    assert [s.kind for s in got.days[0].sessions[0].slots] == ["talk", "break", "introduction"]


def test_list_items_naming_days_over_their_timed_items() -> None:
    got = load(READER / "days-as-items.md")
    assert [(d.date.isoformat(), [seen(s) for x in d.sessions for s in x.slots])
            for d in got.days] == [
        ("2026-06-08", [("09:00", "10:00", "other", (), "Arrival"),
                        ("10:00", "11:00", "talk", ("Jane Doe",), "Ice sheets")]),
        ("2026-06-09", [("09:00", "12:00", "other", (), "Hike")]),
    ]


def test_a_date_column_holding_each_rows_date_and_time() -> None:
    path = READER / "seminar-series.md"
    got = load(path)
    assert [(d.date.isoformat(), [seen(s) for x in d.sessions for s in x.slots])
            for d in got.days] == [
        ("2026-01-12", [("16:00", "17:00", "talk", ("Ann Lee",), "Spectral methods")]),
        ("2026-01-19", [("16:00", "17:30", "talk", ("Bo Chen",), "Graph kernels")]),
    ]
    # The first talk gives only a start: it ends an hour later, said, not the next week's start.
    assert any("time.missing" in f and ":5:" in f for f in findings(path))


def test_a_workshop_table_with_talk_labels_quotes_panels_and_author_lists() -> None:
    got = load(READER / "workshop-table.md")
    assert got.days[0].date == dt.date(2026, 7, 18)
    assert got.days[0].sessions[0].room == "Room 301"
    assert [(seen(s)[2:], [p.affiliation for p in s.speakers]) for s in
            got.days[0].sessions[0].slots] == [
        (("introduction", (), "Opening Remarks"), []),
        (("talk", ("Ann Lee",), "Sturdiness at scale"), ["Stanford"]),
        (("talk", ("Bo Chen",), "Certified defenses"), ["MIT"]),
        (("break", (), "Poster Session 1 & Coffee"), []),
        (("talk", ("Cleo Diaz",), "Adversarial pretraining"), [None]),
        (("panel", ("Ann Lee", "Bo Chen", "Dan Eze"), "Panel Discussion"), [None, None, None]),
        (("break", (), "Lunch"), []),
        (("talk", ("Eve Fox",), "Shifts in distribution"), ["Google"]),
        (("talk", ("Grace Hu", "Ivan Jo"), "Causal sturdiness"), [None, None]),
    ]


def test_name_and_affiliation_before_a_colon_and_sessions_with_their_chair() -> None:
    got = load(READER / "labelled-lines.md")
    assert [(s.title, tuple(c.name for c in s.chairs)) for s in got.days[0].sessions] == [
        ("Morning session", ("Ann Lee",)), ("Afternoon session", ("Dan Eze",))]
    assert [(seen(s)[2:], [p.affiliation for p in s.speakers]) for x in got.days[0].sessions
            for s in x.slots] == [
        (("talk", ("Bo Chen",), "Learning from physics"), ["ETH Zürich"]),
        (("talk", ("Cleo Diaz",), "Neural operators"), ["EPFL"]),
        (("break", (), "☕ Coffee break"), []),
        (("talk", ("Eve Fox",), "Symmetries"), ["Oxford"]),
        (("discussion", (), "Discussion"), []),
    ]


def test_a_timed_heading_is_a_session_only_for_the_entries_inside_its_time() -> None:
    got = load(READER / "heading-talks-then-items.md")
    assert [(s.title, [seen(x) for x in s.slots]) for s in got.days[0].sessions] == [
        ("Day 1 (Mon, 8 June)", [
            ("10:00", "10:30", "talk", ("Ada Lovelace",), "Engines"),
            ("10:30", "11:00", "talk", ("Alan Turing",), "Machines"),
            ("11:00", "11:30", "talk", ("Grace Hopper",), "Compilers"),
            ("11:30", "11:45", "break", (), "Coffee"),
            ("11:45", "12:15", "talk", ("Joan Clarke",), "Ciphers"),
            ("12:15", "13:00", "break", (), "Lunch")]),
        ("Afternoon session", [
            ("14:00", "14:30", "talk", ("Joan Clarke",), "Codes"),
            ("14:30", "15:00", "talk", ("Alan Turing",), "Tapes")]),
    ]


def test_a_weekday_column_names_each_day_counted_from_the_prose_date() -> None:
    got = load(READER / "weekday-column.md")
    assert [(d.date.isoformat(), d.label, [seen(s) for x in d.sessions for s in x.slots])
            for d in got.days] == [
        ("2026-08-03", "Monday", [
            ("09:00", "09:30", "introduction", (), "Welcome & Icebreaker"),
            ("09:30", "12:00", "talk", ("Ann Lee", "Bo Chen"), "Git and GitHub"),
            ("12:00", "13:00", "break", (), "Lunch")]),
        ("2026-08-04", "Tuesday", [("09:00", "10:00", "other", (), "Cloud computing")]),
        ("2026-08-05", "Wednesday", [("09:00", "10:00", "other", (), "Final presentations")]),
    ]


def test_a_name_beside_a_quoted_title() -> None:
    assert slots(load(READER / "quoted-titles.md")) == [
        ("09:00", "09:30", "break", (), "Coffee and bagels"),
        ("09:30", "10:15", "talk", ("Ann Lee",), "Soil microbes"),
        ("10:15", "11:00", "talk", ("Bo Chen",), "Root networks"),
        ("11:00", "12:00", "break", (), "Poster session"),
    ]


def test_a_time_range_after_a_heading_and_untimed_talks_sharing_it() -> None:
    path = READER / "session-times-in-headings.md"
    got = load(path)
    assert [(s.title, [seen(x) for x in s.slots]) for s in got.days[0].sessions] == [
        ("Session 1: Foundations", [
            ("09:00", "09:30", "talk", ("Ann Lee",), "Why rivers meander"),
            ("09:30", "10:00", "talk", ("Bo Chen",), "Sediment transport in steep channels"),
            ("10:00", "10:30", "talk", ("Cleo Diaz",), "Floods and their memory")]),
        ("Coffee", [("10:30", "11:00", "break", (), "Coffee")]),
        ("Session 2: Frontiers", [
            ("11:00", "11:30", "talk", ("Dan Eze",), "Remote sensing of braided rivers"),
            ("11:30", "12:00", "talk", ("Eve Fox",), "Rivers on Mars")]),
    ]
    # The shares are a guess, and the warning says so.
    assert [f.split(": warning: ")[1] for f in findings(path)] == [
        "3 talks under 'Session 1: Foundations' give no times: each read as 30 minutes of "
        "09:00-10:30 (write each talk's time to be sure) [time.missing]",
        "2 talks under 'Session 2: Frontiers' give no times: each read as 30 minutes of "
        "11:00-12:00 (write each talk's time to be sure) [time.missing]"]


def test_html_items_with_a_field_an_element() -> None:
    got = load(READER / "html-fields.md")
    assert [(d.date.isoformat(), [seen(s) for x in d.sessions for s in x.slots])
            for d in got.days] == [
        ("2026-09-14", [("09:00", "09:30", "break", (), "Registration"),
                        ("09:30", "10:30", "talk", ("Ann Lee",), "Keynote: The future of sensors"),
                        ("10:30", "11:00", "break", (), "Coffee break")]),
        ("2026-09-15", [("09:00", "09:45", "talk", ("Bo Chen",), "Sensor fusion"),
                        ("09:45", "10:45", "talk", ("Cleo Diaz",), "Edge AI")]),
    ]
    assert got.days[0].sessions[0].slots[1].speakers[0].affiliation == "KTH"


def test_an_abstract_labelled_inside_the_title_cell() -> None:
    got = load(READER / "abstract-in-a-cell.md")
    talk = got.days[0].sessions[0].slots[1]
    assert (talk.title, talk.abstract, [p.name for p in talk.speakers]) == (
        "Tiny models", "We shrink models.", ["Dan Eze"])


def test_german_hours_and_a_talk_label_in_german() -> None:
    assert slots(load(READER / "uhr.md", language="de")) == [
        ("09:00", "09:15", "introduction", (), "Begrüßung"),
        ("09:15", "10:00", "talk", ("Anna Lehmann",), "Gletscher"),
        ("10:00", "10:30", "break", (), "Kaffeepause"),
        ("10:30", "12:00", "other", (), "Workshop"),
    ]


def test_items_under_a_talk_labelled_speaker_and_abstract() -> None:
    got = load(READER / "labelled-items.md")
    first, second = got.days[0].sessions[0].slots
    assert (seen(first), first.speakers[0].affiliation, first.abstract) == (
        ("09:00", "09:45", "talk", ("Ann Lee",), "Glaciers in retreat"), "ETH",
        "Glaciers are shrinking fast.")
    assert seen(second) == ("09:45", "10:30", "talk", ("Bo Chen",), "Permafrost")


def test_a_part_of_the_day_or_tbd_where_a_clock_would_be_is_placed_and_said() -> None:
    path = READER / "rough-times.md"
    assert slots(load(path)) == [
        ("09:00", "10:00", "introduction", ("Ann Lee",), "Opening"),
        ("10:00", "10:30", "break", (), "Coffee"),
        ("10:30", "18:00", "other", (), "Free time"),
        ("10:30", "18:00", "break", (), "Poster session"),
        ("18:00", "19:00", "break", (), "Dinner"),
        ("18:00", "19:00", "break", (), "Social"),
    ]
    said = [f for f in findings(path) if "is not a clock time" in f]
    assert [f.split(": warning: ")[1].split(":")[0] for f in said] == [
        "'Afternoon' is not a clock time", "'TBD' is not a clock time",
        "'Evening' is not a clock time"]


def test_an_evening_running_past_midnight_ends_at_the_days_last_minute() -> None:
    path = READER / "past-midnight.md"
    assert slots(load(path)) == [("20:00", "22:00", "break", (), "Dinner"),
                                 ("22:00", "23:59", "other", (), "Party")]
    assert [f.split(": warning: ")[1] for f in findings(path)] == [
        "22:00-01:00 runs past midnight: read as ending at 23:59 (a slot ends on its own day) "
        "[time.midnight]"]
