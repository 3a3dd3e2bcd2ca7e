"""The attendee's programme in a real browser: my schedule, the day at a glance, times in
the reader's zone, the first screen on a phone, tap targets and WCAG 2.2 AA."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from urllib.parse import unquote
from zoneinfo import ZoneInfo

import icalendar
import pytest

from namconvert.model import Programme
from namconvert.views.slots import placed_slots

pytestmark = pytest.mark.browser

EMILY = "2022-07-13-1635-the-power-and-caveats-of-clustering"
NIALL = "2022-07-14-1435-limits-of-implicit-inference-for-scientific"
TOKYO = ZoneInfo("Asia/Tokyo")
WCAG = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]


def slot(page, slot_id: str):
    return page.locator(f"[id='{slot_id}']")


def shown_slots(page) -> list[str]:
    return page.eval_on_selector_all(".slot", "els => els.filter(e => e.offsetParent)"
                                              ".map(e => e.id)")


def star(page, slot_id: str) -> None:
    button = slot(page, slot_id).locator("button.star")
    assert button.get_attribute("aria-pressed") == "false"
    button.click()
    assert button.get_attribute("aria-pressed") == "true"


def test_stars_are_kept_and_my_schedule_shows_only_them(open_page):
    page = open_page()
    star(page, EMILY)
    slot(page, NIALL).locator("button.star").focus()  # keyboard reachable, Space presses it
    page.keyboard.press("Space")
    assert slot(page, NIALL).locator("button.star").get_attribute("aria-pressed") == "true"
    assert page.inner_text("#my-count") == "2"
    page.reload()
    assert page.inner_text("#my-count") == "2"
    assert slot(page, EMILY).locator("button.star").get_attribute("aria-pressed") == "true"
    assert len(shown_slots(page)) == 14
    page.click("#my-view")
    assert page.get_attribute("#my-view", "aria-pressed") == "true"
    assert shown_slots(page) == [EMILY, NIALL]
    assert "2 of 2" in page.inner_text("#my-status")
    page.click("#my-view")
    assert len(shown_slots(page)) == 14


def test_my_calendar_holds_the_starred_events_with_the_uids_of_programme_ics(open_page,
                                                                            site_dir: Path):
    page = open_page()
    star(page, EMILY)
    star(page, NIALL)
    with page.expect_download() as info:
        page.click("#my-calendar")
    download = info.value
    assert download.suggested_filename.endswith(".ics")
    body = Path(download.path()).read_bytes()
    assert all(len(line) <= 75 for line in body.split(b"\r\n"))
    mine = icalendar.Calendar.from_ical(body).walk("VEVENT")
    programme = icalendar.Calendar.from_ical((site_dir / "programme.ics").read_bytes())
    uids = {str(e["SUMMARY"]): (str(e["UID"]), e.decoded("DTSTART"), e.decoded("DTEND"))
            for e in programme.walk("VEVENT")}
    assert len(mine) == 2
    for event in mine:
        uid, start, end = uids[str(event["SUMMARY"])]
        assert str(event["UID"]) == uid
        assert event.decoded("DTSTART") == start and event.decoded("DTEND") == end
    assert {str(e["SUMMARY"]) for e in mine} == {
        page.inner_text(f"[id='{EMILY}'] .title"), page.inner_text(f"[id='{NIALL}'] .title")}


def test_the_my_link_restores_the_selection_in_a_fresh_browser(open_page, site_url):
    page = open_page()
    star(page, EMILY)
    star(page, NIALL)
    link = page.get_attribute("#my-link", "href")
    assert link and link.startswith("#my=")
    fresh = open_page()  # a new context: no localStorage of its own
    assert fresh.inner_text("#my-count") == "0"
    other = open_page()
    other.goto(site_url + link)
    other.wait_for_load_state("networkidle")
    assert other.inner_text("#my-count") == "2"
    assert shown_slots(other) == [EMILY, NIALL]
    other.reload()
    assert other.inner_text("#my-count") == "2"


def test_stars_are_hidden_without_javascript(open_page):
    page = open_page(java_script_enabled=False)
    assert page.locator("button.star").count() == 14
    assert not page.locator("button.star").first.is_visible()


@pytest.mark.parametrize("width", [360, 1280])
def test_every_glance_entry_reaches_its_slot(open_page, seed: Programme, width):
    page = open_page(width)
    entries = page.locator("a.glance-entry")
    assert entries.count() == 14
    for day in seed.days:
        box = page.locator(f"#day-{day.date.isoformat()}-glance")
        if not box.evaluate("d => d.open"):
            box.locator("summary").click()
    for n in range(entries.count()):
        entry = entries.nth(n)
        target = entry.get_attribute("href")
        entry.click()
        assert page.evaluate("location.hash") == target
        title = page.locator(f"[id='{target[1:]}'] .title")
        assert title.is_visible()
        box = title.bounding_box()
        assert box is not None and 0 <= box["y"] < page.viewport_size["height"]


def test_in_tokyo_every_time_on_the_page_is_in_jst_and_named_so(open_page, seed: Programme):
    page = open_page(timezone_id="Asia/Tokyo", clock="2022-07-13T15:40:00Z")
    page.check("#tz-local")
    for p in placed_slots(seed):
        times = slot(page, p.slot.id).locator(".time")
        local = p.start.astimezone(TOKYO)
        assert times.locator(".start").inner_text() == f"{local:%H:%M}"
        assert times.locator(".end").inner_text() == f"{p.end.astimezone(TOKYO):%H:%M}"
        assert times.locator(".zone").inner_text() == "JST"
        assert times.locator(".zone").get_attribute("title") == "Asia/Tokyo"
        if local.date() != p.day.date:  # 00:30 the next day in Tokyo
            note = times.locator(".local-date").inner_text()
            assert note == f"{local:%a} {local.day} {local:%B}", note  # the page's date style
    tz = dt.UTC
    for day in seed.days:
        window = page.locator(f"#day-{day.date.isoformat()} .day-window")
        start = dt.datetime.combine(day.date, day.start, ZoneInfo(seed.timezone)).astimezone(tz)
        assert window.locator(".start").inner_text() == f"{start.astimezone(TOKYO):%H:%M}"
        assert window.locator(".zone").inner_text() == "Asia/Tokyo (JST)"
        glance = page.eval_on_selector_all(
            f"#day-{day.date.isoformat()}-glance .glance-time", "els => els.map(e => e.firstChild"
            ".textContent)")
        assert glance == sorted({f"{p.start.astimezone(TOKYO):%H:%M}" for p in placed_slots(seed)
                                 if p.day is day})
    assert "Asia/Tokyo (JST)" in page.inner_text("#tz-status")
    assert "Asia/Tokyo (JST)" in page.inner_text("#tz-local-name")
    assert page.inner_text(f"#speakers a[href='#{EMILY}'] + .when") == "Thu 00:35 JST"
    now_next = page.inner_text("#now-next")
    assert "(00:35 JST)" in now_next and "BST" not in now_next
    visible = page.inner_text("main")
    assert "BST" not in visible and "Europe/London" not in visible.replace(
        page.inner_text("#tz-status"), "")


def test_on_a_phone_the_first_talk_is_on_the_first_screen(open_page):
    page = open_page(360, 800)
    first = page.locator(".slot .title").first
    box = first.bounding_box()
    assert box is not None and box["y"] >= 0 and box["y"] + box["height"] <= 800, box
    for name in ("programme.pdf", "programme.epub", "programme.ics"):
        link = page.locator(f"header nav.downloads a[href='{name}']")
        assert link.is_visible()
        assert link.bounding_box()["y"] < 800
    for name in ("programme.json", "README.md", "schedule.xml", "schedule.json"):
        assert page.locator(f"header a[href='{name}']").count() == 0
        assert page.locator(f"#data a[href='{name}']").count() == 1


TARGETS = ("button, a.button, .day-nav a, .downloads a, a.calendar, a.permalink, select, summary, "
           "a.glance-entry, "
           "input, #data a")


@pytest.mark.parametrize("width", [360, 1280])
def test_tap_targets_are_at_least_24_px(open_page, width):
    page = open_page(width, timezone_id="Asia/Tokyo")
    page.click(f"[id='{EMILY}'] button.star")
    small = page.eval_on_selector_all(TARGETS, """els => els
        .filter(e => e.offsetParent || e.getClientRects().length)
        .map(e => [e.id || e.className || e.tagName, e.getBoundingClientRect()])
        .filter(([_, r]) => r.width > 0 && (r.width < 24 || r.height < 23.5))
        .map(([n, r]) => `${n}: ${r.width}x${r.height}`)""")
    assert small == []


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("width", [360, 1280])
def test_axe_wcag22aa_finds_nothing(open_page, scheme, width):
    from axe_playwright_python.sync_playwright import Axe

    page = open_page(width, color_scheme=scheme, timezone_id="Asia/Tokyo",
                     clock="2022-07-13T15:40:00Z")
    axe = Axe()
    options = {"runOnly": {"type": "tag", "values": WCAG}}
    results = axe.run(page, options=options)
    assert results.violations_count == 0, results.generate_report()
    page.click(f"[id='{EMILY}'] button.star")
    options_box = page.locator("details#options")
    if not options_box.evaluate("d => d.open"):
        options_box.locator("summary").click()
    page.check("#tz-local")
    page.click("#my-view")
    results = axe.run(page, options=options)
    assert results.violations_count == 0, results.generate_report()
    # The filter's marks, its choices and "no talk matches", a targeted slot and speaker entry.
    page.click("#my-view")
    page.fill("#filter", "gaia")
    page.select_option("#filter-kind", "talk")  # (the options box is open)
    page.click(f"[id='{EMILY}'] a.permalink")
    results = axe.run(page, options=options)
    assert results.violations_count == 0, results.generate_report()
    page.click(f"[id='{EMILY}'] a.speaker")
    page.fill("#filter", "zzqqxx")
    results = axe.run(page, options=options)
    assert results.violations_count == 0, results.generate_report()


def test_my_calendar_link_is_a_data_url_made_in_the_page(open_page):
    page = open_page()
    star(page, EMILY)
    href = page.get_attribute("#my-calendar", "href") or ""
    assert href.startswith("data:text/calendar")
    assert "BEGIN:VEVENT" in unquote(href)


def test_following_my_link_on_the_page_keeps_it_in_the_address_bar(open_page):
    page = open_page()
    star(page, EMILY)
    page.click("#my-link")
    assert page.evaluate("location.hash").startswith("#my=")
    assert shown_slots(page) == [EMILY]
