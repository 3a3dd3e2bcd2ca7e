"""The programme site's HTML, read back with BeautifulSoup."""

from __future__ import annotations

import datetime as dt
import random
import re
from dataclasses import replace
from pathlib import Path

import icalendar
import pytest
from bs4 import BeautifulSoup, Tag

from namconvert import render as registry
from namconvert.config import Options
from namconvert.model import Programme, Slot
from namconvert.output import OutputWriter
from namconvert.render import html
from namconvert.views import labels
from namconvert.views.slots import placed_slots, speaker_index, surname_key
from support import view_of

EMILY = "2022-07-13-1635-the-power-and-caveats-of-clustering"


def build(tmp_path: Path, programme: Programme, options: Options,
          formats: tuple[str, ...] | None = None) -> BeautifulSoup:
    """Render the site alone; FORMATS are those the build is said to write besides it."""
    out = OutputWriter(tmp_path)
    view = view_of(programme, replace(options, source_date_epoch=1657700000),
                   ("html", *(formats or ())))
    html.render(view, out)
    out.commit()
    return BeautifulSoup((tmp_path / "index.html").read_text(encoding="utf-8"), "html.parser")


@pytest.fixture()
def page(tmp_path: Path, seed: Programme, seed_options: Options) -> BeautifulSoup:
    return build(tmp_path, seed, seed_options)


def text(tag: Tag | None) -> str:
    assert tag is not None
    return " ".join(tag.get_text().split())


def element(page: BeautifulSoup, element_id: str) -> Tag:
    found = page.find(id=element_id)
    assert isinstance(found, Tag), f"no element with id {element_id!r}"
    return found


def test_every_slot_has_its_anchor_time_speakers_title_and_abstract(page, seed):
    placed = list(placed_slots(seed))
    assert len(placed) == 14
    for p in placed:
        slot = element(page, p.slot.id)
        assert slot.name == "article"
        assert text(slot.select_one(".time .start")) == p.slot.start.strftime("%H:%M")
        assert text(slot.select_one(".time .end")) == p.slot.end.strftime("%H:%M")
        assert slot.select_one(".time .start")["datetime"] == p.start.isoformat()
        assert text(slot.select_one(".title")) == p.slot.title
        speakers = [text(s) for s in slot.select(".speaker")]
        assert speakers == [s.name for s in p.slot.speakers]
        abstract = slot.select_one(".abstract-text")
        if p.slot.abstract is None:
            assert abstract is None
        else:
            assert text(abstract) == " ".join(p.slot.abstract.split())


def test_abstract_links_survive_and_abstracts_collapse_in_details(page):
    niall = element(page, "2022-07-14-1435-limits-of-implicit-inference-for-scientific")
    hrefs = [a["href"] for a in niall.select(".abstract-text a")]
    assert hrefs == ["https://arxiv.org/abs/2009.08459", "https://arxiv.org/abs/2202.02306"]
    details = niall.select_one("details.abstract")
    assert details is not None and text(details.summary) == "Abstract"


def test_slots_carry_utc_instants_for_the_local_time_toggle(page):
    emily = element(page, EMILY)
    assert emily["data-start"] == "2022-07-13T15:35:00Z"
    assert emily["data-end"] == "2022-07-13T15:55:00Z"


def test_time_zone_is_named_in_visible_text(page):
    status = element(page, "tz-status")
    assert "Europe/London" in text(status)
    assert "BST" in text(status)
    assert {text(z) for z in page.select(".slot .time .zone")} == {"BST"}


def test_title_description_and_session_links(page, seed):
    assert text(page.h1) == seed.title
    assert seed.description in text(page.select_one("header .description"))
    session = seed.days[0].sessions[0]
    heading = element(page, session.id).h3
    assert heading is not None and heading.a is not None
    assert heading.a["href"] == session.url
    assert text(heading) == session.title


def test_day_anchors_and_navigation(page, seed):
    nav_targets = [a["href"] for a in page.select("nav.day-nav a")]
    for day in seed.days:
        section = element(page, f"day-{day.date.isoformat()}")
        assert section.name == "section"
        assert f"#day-{day.date.isoformat()}" in nav_targets
        assert [s["id"] for s in section.select("section.session")] == [s.id for s in day.sessions]
    assert "#speakers" in nav_targets


def test_speaker_index_is_sorted_by_surname_and_links_to_slots(page, seed):
    entries = page.select("#speakers > ul > li")
    names = [text(e.select_one(".speaker-name")) for e in entries]
    assert names == sorted(names, key=surname_key)
    assert names == [e.name for e in speaker_index(seed)]
    assert "Emily Hunt" in names and names.index("Timothy A Davis") < names.index("Emily Hunt")
    for entry in entries:
        for link in entry.select(".speaker-talks a"):
            target = element(page, link["href"].removeprefix("#"))
            assert text(entry.select_one(".speaker-name")) in text(target.select_one(".speakers"))


def test_download_links_for_pdf_and_epub(tmp_path, seed, seed_options, monkeypatch):
    page = build(tmp_path, seed, seed_options, ("pdf", "epub"))
    links = {a["href"]: (text(a), a["type"]) for a in page.select("nav.downloads a")}
    assert links["programme.pdf"] == ("PDF booklet", "application/pdf")
    assert links["programme.epub"] == ("E-book (EPUB)", "application/epub+zip")
    assert "index.html" not in links


def test_calendar_links_point_at_the_ics_files_when_that_format_exists(tmp_path, seed, seed_options,
                                                                       monkeypatch):
    page = build(tmp_path, seed, seed_options, ("ics",))
    for p in placed_slots(seed):
        link = element(page, p.slot.id).select_one("a.calendar")
        assert link is not None and link["href"] == f"ics/{p.slot.id}.ics"
        assert text(link).startswith("Add to calendar")
    for day in seed.days:
        link = element(page, f"day-{day.date.isoformat()}").select_one(".day-calendar a")
        assert link is not None and link["href"] == f"ics/day-{day.date.isoformat()}.ics"


def test_calendar_links_fall_back_to_a_data_url_event(tmp_path, seed, seed_options, monkeypatch):
    page = build(tmp_path, seed, seed_options)
    link = element(page, EMILY).select_one("a.calendar")
    assert link is not None and link["href"].startswith("data:text/calendar")
    assert link["download"] == f"{EMILY}.ics"
    from urllib.parse import unquote

    body = unquote(link["href"].split(",", 1)[1])
    assert all(len(line.encode()) <= 75 for line in body.split("\r\n"))
    event = icalendar.Calendar.from_ical(body).walk("VEVENT")[0]
    assert event.decoded("DTSTART") == dt.datetime(2022, 7, 13, 15, 35, tzinfo=dt.UTC)
    assert event.decoded("DTEND") == dt.datetime(2022, 7, 13, 15, 55, tzinfo=dt.UTC)
    assert "Emily Hunt" in str(event["DESCRIPTION"])  # as programme.ics has it
    assert page.select(".day-calendar") == []


def test_content_security_policy_allows_only_the_site_itself(page):
    meta = page.find("meta", attrs={"http-equiv": "Content-Security-Policy"})
    assert isinstance(meta, Tag)
    policy = dict(d.strip().split(" ", 1) for d in meta["content"].split(";"))
    assert policy["default-src"] == "'self'"
    assert policy["script-src"] == "'self'"
    assert policy["style-src"] == "'self'"
    assert "unsafe-inline" not in meta["content"]
    assert not re.search(r"https?:", meta["content"])


def test_no_inline_script_or_style(page):
    assert all(s.get("src") for s in page.find_all("script"))
    assert page.find("style") is None
    assert page.find(attrs={"style": True}) is None
    assert not any(k.startswith("on") for tag in page.find_all(True) for k in tag.attrs)


def test_resources_are_the_sites_own_files(page, tmp_path):
    resources = [t.get("src") for t in page.find_all(["script", "img", "iframe", "source", "audio",
                                                      "video", "embed"])]
    resources += [t["href"] for t in page.find_all("link")]
    assert resources
    for url in resources:
        assert url and not re.match(r"^([a-z]+:|//)", url), url
        assert (tmp_path / url.split("?")[0]).is_file(), url


def test_open_graph_and_description_meta(page, seed):
    def meta(**attrs: str) -> str:
        found = page.find("meta", attrs=attrs)
        assert isinstance(found, Tag), attrs
        return str(found["content"])

    assert meta(property="og:title") == seed.title
    assert meta(property="og:type") == "website"
    assert seed.description in meta(property="og:description")
    assert "13–14 July 2022" in meta(name="description")


def test_og_url_and_canonical_come_from_base_url(tmp_path, seed, seed_options):
    page = build(tmp_path, seed, replace(seed_options, base_url="https://example.org/nam/"))
    og = page.find("meta", attrs={"property": "og:url"})
    assert isinstance(og, Tag) and og["content"] == "https://example.org/nam/"
    canonical = page.find("link", rel="canonical")
    assert isinstance(canonical, Tag) and canonical["href"] == "https://example.org/nam/"


def test_controls_are_hidden_until_the_script_runs(page):
    controls = element(page, "controls")
    assert controls.has_attr("hidden")
    assert element(page, "filter").name == "input"
    label = page.find("label", attrs={"for": "filter"})
    assert isinstance(label, Tag)


def _hostile(seed: Programme) -> Programme:
    day = seed.days[0]
    session = day.sessions[0]
    slot: Slot = replace(session.slots[1], title="<script>alert(1)</script> {{ 7*7 }}",
                         speakers=(replace(session.slots[1].speakers[0], name="<b>Eve</b>"),))
    session = replace(session, title="{% raw %}<img src=x onerror=alert(1)>",
                      slots=(session.slots[0], slot, *session.slots[2:]))
    return replace(seed, title="NAM <script>", days=(replace(day, sessions=(session,)),
                                                     *seed.days[1:]))


def test_plain_text_is_escaped_and_template_syntax_printed_as_written(tmp_path, seed, seed_options):
    page = build(tmp_path, _hostile(seed), seed_options)
    assert [s["src"].split("?")[0] for s in page.find_all("script")] == ["assets/site.js"]
    assert page.find("img") is None and page.find("b") is None
    assert text(page.h1) == "NAM <script>"
    assert text(page.select_one("h3")) == "{% raw %}<img src=x onerror=alert(1)>"
    emily = element(page, EMILY)
    assert text(emily.select_one(".speaker")) == "<b>Eve</b>"
    assert "{{ 7*7 }}" in text(emily.select_one(".visually-hidden"))


def test_zone_label_names_the_abbreviation_and_offset(seed):
    assert labels.zone_label(seed) == "Europe/London (BST, UTC+01:00)"


def test_zone_label_across_a_clock_change_names_only_the_zone(seed):
    later = replace(seed.days[1], date=dt.date(2022, 11, 3))
    programme = replace(seed, days=(seed.days[0], later))
    assert labels.zone_label(programme) == "Europe/London"
    zones = {labels.zone_abbreviation(p.start) for p in placed_slots(programme)}
    assert zones == {"BST", "GMT"}


def test_zone_without_letters_shows_the_offset(seed):
    moment = dt.datetime(2022, 7, 13, 16, 35, tzinfo=__import__("zoneinfo").ZoneInfo("Asia/Dubai"))
    assert labels.zone_abbreviation(moment) == "UTC+04:00"


def test_stylesheet_has_dark_mode_and_a_print_layout_one_day_per_page(tmp_path, page):
    css = (tmp_path / "assets" / "style.css").read_text(encoding="utf-8")
    assert "@media (prefers-color-scheme: dark)" in css
    printing = css[css.index("@media print"):]
    assert re.search(r"\.day\s*\{[^}]*break-before:\s*page", printing)
    assert re.search(r"\.day-nav[^{]*\{\s*display:\s*none", printing)
    assert not re.search(r"url\(\s*['\"]?(https?:)?//", css)
    assert "@import" not in css


def test_the_page_links_only_to_formats_the_build_writes(tmp_path, seed, seed_options):
    page = build(tmp_path, seed, seed_options, ())
    hrefs = [a["href"] for a in page.find_all("a", href=True)]
    assert not [h for h in hrefs if not h.startswith(("#", "https:", "http:", "mailto:", "data:"))]
    assert page.select("nav.downloads") == [] and page.select("#data") == []
    assert all(a["href"].startswith("data:") for a in page.select(".slot a.calendar"))


def test_a_format_from_an_earlier_build_is_linked_when_its_file_is_there(tmp_path, seed,
                                                                          seed_options):
    (tmp_path / "programme.pdf").write_bytes(b"%PDF-1.7")
    (tmp_path / "ics").mkdir()
    (tmp_path / "ics" / f"{EMILY}.ics").write_text("BEGIN:VCALENDAR", encoding="utf-8")
    page = build(tmp_path, seed, seed_options, ())
    assert [a["href"] for a in page.select("nav.downloads a")] == ["programme.pdf"]
    assert element(page, EMILY).select_one("a.calendar")["href"] == f"ics/{EMILY}.ics"
    other = element(page, "2022-07-13-1630-introduction").select_one("a.calendar")
    assert other is not None and other["href"].startswith("data:")


def test_machine_formats_are_under_data_and_feeds_and_the_rest_up_front(tmp_path, seed,
                                                                         seed_options):
    page = build(tmp_path, seed, seed_options, tuple(registry.FORMATS))
    up_front = [a["href"] for a in page.select("header nav.downloads a")]
    assert up_front == ["programme.pdf", "programme.epub", "programme.ics"]
    feeds = [a["href"] for a in element(page, "data").select("a")]
    assert set(feeds) == {"programme.json", "README.md", "schedule.xml", "schedule.json"}
    assert "#data" in [a["href"] for a in page.select("nav.day-nav a")]


def test_every_slot_has_a_star_button_hidden_until_the_script_runs(page, seed):
    keys = set()
    for p in placed_slots(seed):
        slot = element(page, p.slot.id)
        star = slot.select_one("button.star")
        assert star is not None and star.has_attr("hidden") and star["aria-pressed"] == "false"
        assert p.slot.title in text(star.select_one(".visually-hidden"))
        assert slot["data-uid"] == p.slot.uid
        keys.add(slot["data-key"])
    assert len(keys) == 14 and all(re.fullmatch(r"[0-9a-f]{6,}", k) for k in keys)


def test_slot_keys_are_short_stable_and_unique():
    assert html.slot_keys(["a", "b"]) == html.slot_keys(["a", "b"])
    assert html.slot_keys(["b"])[0] == html.slot_keys(["a", "b"])[1]  # not by position
    many = html.slot_keys([str(n) for n in range(5000)])
    assert len(set(many)) == 5000


def test_the_glance_lists_every_slot_once_linking_to_it(page, seed):
    for day in seed.days:
        box = element(page, f"day-{day.date.isoformat()}-glance")
        assert box.name == "details"
        links = [a["href"] for a in box.select("a.glance-entry")]
        assert links == [f"#{s.id}" for session in day.sessions for s in session.slots]
        times = [text(t) for t in box.select("tbody th time")]
        assert times == sorted({s.start.strftime("%H:%M") for session in day.sessions
                                for s in session.slots})
        assert box.select("thead") == []  # one column: nothing runs in parallel


def test_the_glance_puts_parallel_sessions_side_by_side(seed):
    day = seed.days[0]
    first, *_ = day.sessions
    twin = replace(first, id="twin", title="Parallel track",
                   slots=tuple(replace(s, id=f"twin-{s.id}", uid=f"twin-{s.uid}") for s in
                               first.slots))
    programme = replace(seed, days=(replace(day, sessions=(first, twin)),))
    (view,) = html.day_views(view_of(programme, seed_options_for(programme)), lambda f, r: False)
    assert view.glance.columns == (first.title, "Parallel track")
    for row in view.glance.rows:
        assert [len(c.slots) if c else 0 for c in row.cells] == [1, 1]
        ids = [c.slots[0].placed.slot.id for c in row.cells if c]
        assert ids[1] == f"twin-{ids[0]}"


def seed_options_for(programme: Programme) -> Options:
    return Options(timezone=programme.timezone)


def test_the_glance_spans_a_plenary_slot_across_the_columns(seed):
    day = seed.days[0]
    first = day.sessions[0]
    talks = first.slots[1:3]
    twin = replace(first, id="twin", title="Room B", slots=tuple(
        replace(s, id=f"twin-{s.id}", uid=f"twin-{s.uid}") for s in talks))
    main = replace(first, slots=first.slots[:3])
    programme = replace(seed, days=(replace(day, sessions=(main, twin)),))
    (view,) = html.day_views(view_of(programme, seed_options_for(programme)), lambda f, r: False)
    opening = view.glance.rows[0].cells
    assert len(opening) == 1 and opening[0] is not None and opening[0].colspan == 2


def test_day_hours_carry_utc_instants_and_name_the_zone(page, seed):
    day = seed.days[0]
    window = element(page, f"day-{day.date.isoformat()}").select_one(".day-window")
    assert window is not None
    assert window["data-start"] == "2022-07-13T15:30:00Z"
    assert text(window.select_one(".zone")) == "Europe/London (BST)"


def test_zone_names_come_from_the_tz_database(seed):
    names = labels.zone_names(seed, ["Asia/Tokyo", "Asia/Dubai", "Europe/London"])
    assert names["Asia/Tokyo"] == {540: "JST"}
    assert names["Europe/London"] == {60: "BST"}
    assert "Asia/Dubai" not in names  # "+04": the page names it UTC+04:00


def test_the_script_begins_with_the_zone_table(page, tmp_path):
    (script,) = (s["src"] for s in page.find_all("script"))
    body = (tmp_path / script.split("?")[0]).read_text(encoding="utf-8")
    table, rest = body.split("\n", 2)[1:]
    assert table.startswith("window.namconvertZones = {") and '"Asia/Tokyo":{"540":"JST"}' in table
    assert rest.startswith("/* The programme site's enhancements.")


def test_links_the_source_made_relative_to_its_own_site_become_plain_text():
    ids = {"2022-07-13-1630-introduction"}
    assert html.linkable("https://arxiv.org/abs/1", ids)
    assert html.linkable("mailto:a@example.org", ids)
    assert html.linkable("#2022-07-13-1630-introduction", ids)
    for url in ("/slides/a.pdf", "slides/a.pdf", "#opening", "//", "https:///x", "", None,
                "javascript:alert(1)"):
        assert not html.linkable(url, ids), url
    markup = ('<p><a href="/files/a.pdf">Slides</a> and <a href="https://x.org/">paper</a>'
              ' and <a href="#opening">the opening</a></p>')
    assert html.unlink_unresolved(markup, ids) == (
        '<p><span class="unlinked">Slides</span> and <a href="https://x.org/">paper</a>'
        ' and <span class="unlinked">the opening</span></p>')


def test_a_slot_url_relative_to_the_source_is_not_linked(tmp_path, seed, seed_options):
    day = seed.days[0]
    session = replace(day.sessions[0], url="/sessions/ml/")
    first = replace(session.slots[0], url="slides/intro.pdf")
    session = replace(session, slots=(first, *session.slots[1:]))
    programme = replace(seed, days=(replace(day, sessions=(session,)), *seed.days[1:]))
    page = build(tmp_path, programme, seed_options)
    assert element(page, session.id).h3.a is None
    assert element(page, first.id).select_one(".title a") is None
    assert not element(page, first.id).has_attr("data-url")


def test_the_glance_has_a_column_per_room_when_rooms_run_in_parallel(seed):
    day = seed.days[0]
    session = day.sessions[0]
    rooms = ("Room A", "Room B", "Room C")
    sessions = tuple(replace(session, id=f"s{n}", room=room, slots=tuple(
        replace(s, id=f"{n}-{s.id}", uid=f"{n}-{s.uid}") for s in session.slots))
        for n, room in enumerate(rooms))
    programme = replace(seed, days=(replace(day, sessions=sessions),))
    (view,) = html.day_views(view_of(programme, seed_options_for(programme)), lambda f, r: False)
    assert view.glance.columns == rooms
    assert len(view.glance.rows) == len(session.slots)
    assert all(len(row.cells) == 3 for row in view.glance.rows)


def test_overlapping_slots_are_those_a_check_of_every_pair_finds(seed):
    """The sweep finds the slots a check of every pair of slots finds: short and long, zero
    length, equal and touching times, in one to three groups (columns)."""
    (day,) = html.day_views(view_of(seed, seed_options_for(seed)), lambda f, r: False)[:1]
    model = day.sessions[0].slots[0]
    base = model.placed.start
    chooser = random.Random(3)
    for _ in range(400):
        count = chooser.randint(1, 9)
        spans = [(chooser.randint(0, 12), chooser.choice((0, 1, 1, 2, 3, 6))) for _ in range(count)]
        views = [replace(model, placed=replace(model.placed,
                                               start=base + dt.timedelta(minutes=5 * s),
                                               end=base + dt.timedelta(minutes=5 * (s + d))))
                 for s, d in spans]
        groups = [chooser.randint(0, 2) for _ in views]
        order = sorted(range(count), key=lambda i: (views[i].placed.start, views[i].placed.end))
        pairs = [(j, i) for n, i in enumerate(order) for j in order[:n]
                 if views[j].placed.end > views[i].placed.start]
        assert html._overlapping(views, groups) == \
            {k for j, i in pairs if groups[i] != groups[j] for k in (i, j)}, (spans, groups)
