"""Talks and people in a real browser: permalinks, the targeted slot, speakers to the index
and back, and the filter (kept in the address, matches marked, by day and by kind)."""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

import pytest

from namconvert.model import Programme
from namconvert.views.slots import speaker_index

pytestmark = pytest.mark.browser

EMILY = "2022-07-13-1635-the-power-and-caveats-of-clustering"


def shown_slots(page) -> list[str]:
    return page.eval_on_selector_all(".slot", "els => els.filter(e => e.offsetParent)"
                                              ".map(e => e.id)")


def background(page, selector: str) -> str:
    return page.eval_on_selector(selector, "e => getComputedStyle(e).backgroundColor")


def query(page) -> dict[str, list[str]]:
    """The address bar's query (Playwright's page.url misses history.replaceState)."""
    return parse_qs(urlsplit(page.evaluate("location.href")).query)


def test_every_slot_has_a_visible_permalink_to_itself(open_page, seed: Programme):
    page = open_page(360)
    links = page.eval_on_selector_all(".slot", """els => els.map(e => {
        const a = e.querySelector('a.permalink');
        const r = a && a.getBoundingClientRect();
        return [e.id, a && a.getAttribute('href'), a && r.width > 0 && r.height > 0 &&
                getComputedStyle(a).visibility === 'visible',
                a && a.querySelector('[aria-hidden]').textContent + '|' +
                     a.querySelector('.visually-hidden').textContent];
    })""")
    ids = [s.id for d in seed.days for se in d.sessions for s in se.slots]
    assert [slot_id for slot_id, _, _, _ in links] == ids
    for slot_id, href, visible, text in links:
        assert href == f"#{slot_id}" and visible and text.startswith("#|Link to "), slot_id


def test_the_targeted_slot_is_highlighted(open_page, site_url):
    page = open_page()
    plain = background(page, f"[id='{EMILY}']")
    page.goto(f"{site_url}#{EMILY}")
    assert page.eval_on_selector(f"[id='{EMILY}']", "e => e.matches(':target')")
    assert background(page, f"[id='{EMILY}']") != plain
    others = page.eval_on_selector_all(".slot", "els => els.filter(e => !e.matches(':target'))"
                                                ".map(e => getComputedStyle(e).backgroundColor)")
    assert set(others) == {plain}
    page.click(f"[id='{EMILY}'] a.permalink")  # following the permalink targets the slot too
    assert page.evaluate("location.hash") == f"#{EMILY}"


def test_speaker_names_link_to_their_index_entry_and_back(open_page, seed: Programme):
    page = open_page()
    entries = speaker_index(seed)
    links = page.eval_on_selector_all(".slot a.speaker", """els => els.map(a => {
        const entry = document.getElementById(a.getAttribute('href').slice(1));
        return [a.textContent, entry && entry.closest('#speakers') &&
                entry.querySelector('.speaker-name').textContent,
                entry && Array.from(entry.querySelectorAll('a'), b => b.getAttribute('href'))];
    })""")
    talks = {e.name: [f"#{p.slot.id}" for p in e.slots] for e in entries}
    assert len(links) == sum(len(e.slots) for e in entries)
    for name, entry_name, back in links:
        assert entry_name == name and back == talks[name]
    emily = next(e for e in entries if e.name == "Emily Hunt")
    page.click(f"[id='{EMILY}'] a.speaker")
    assert page.evaluate("location.hash") == f"#{emily.anchor}"
    assert background(page, f"[id='{emily.anchor}']") != "rgba(0, 0, 0, 0)"
    page.click(f"[id='{emily.anchor}'] a[href='#{EMILY}']")
    assert page.evaluate("location.hash") == f"#{EMILY}"
    assert page.eval_on_selector(f"[id='{EMILY}']", "e => e.matches(':target')")


def test_the_filter_is_kept_in_the_address_and_marks_its_matches(open_page, site_url):
    page = open_page()
    page.fill("#filter", "gaia  Cluster")
    assert query(page) == {"q": ["gaia  Cluster"]}
    shown = shown_slots(page)
    assert EMILY in shown and len(shown) < 14
    for slot_id in shown:
        marks = page.eval_on_selector_all(f"[id='{slot_id}'] mark.match",
                                          "els => els.map(m => m.textContent.toLowerCase())")
        assert {"gaia", "cluster"} <= set(marks) | {m[:-1] for m in marks}, slot_id
    assert page.eval_on_selector_all(".slot[hidden] mark.match", "els => els.length") == 0
    # The marks leave the text as it was.
    title = page.inner_text(f"[id='{EMILY}'] .title")
    assert title == "The power (and caveats) of clustering algorithms applied to Gaia data"
    # The days at a glance list every talk: they step aside while the filter narrows.
    assert page.eval_on_selector_all(".glance", "els => els.filter(e => e.offsetParent).length") == 0
    page.reload()
    assert page.input_value("#filter") == "gaia  Cluster" and shown_slots(page) == shown
    fresh = open_page()
    fresh.goto(f"{site_url}?q=gaia%20cluster")
    assert fresh.input_value("#filter") == "gaia cluster" and shown_slots(fresh) == shown
    page.fill("#filter", "")
    assert query(page) == {} and len(shown_slots(page)) == 14
    assert page.eval_on_selector_all(".glance", "els => els.filter(e => e.offsetParent).length") == 2
    assert page.eval_on_selector_all("mark.match", "els => els.length") == 0


def test_no_talk_matches_is_said(open_page):
    page = open_page()
    page.fill("#filter", "zzqqxx")
    assert shown_slots(page) == []
    assert page.inner_text("#filter-status") == "No talk matches “zzqqxx”."


def open_options(page) -> None:
    """Day and kind are among "More options", so that a phone's first screen reaches a talk."""
    box = page.locator("details#options")
    if not box.evaluate("d => d.open"):
        box.locator("summary").click()


def test_the_filter_narrows_by_day_and_by_kind(open_page, seed: Programme, site_url):
    page = open_page()
    open_options(page)
    thursday = seed.days[1]
    page.select_option("#filter-day", thursday.date.isoformat())
    assert shown_slots(page) == [s.id for se in thursday.sessions for s in se.slots]
    assert query(page) == {"day": [thursday.date.isoformat()]}
    page.select_option("#filter-kind", "discussion")
    assert shown_slots(page) == [s.id for se in thursday.sessions for s in se.slots
                                 if s.kind == "discussion"]
    page.select_option("#filter-day", "")
    discussions = [s.id for d in seed.days for se in d.sessions for s in se.slots
                   if s.kind == "discussion"]
    assert shown_slots(page) == discussions and len(discussions) == 2
    page.fill("#filter", "inference")
    assert shown_slots(page) == []
    assert "No talk matches" in page.inner_text("#filter-status")
    fresh = open_page()
    fresh.goto(f"{site_url}?kind=talk&day={thursday.date.isoformat()}")
    open_options(fresh)
    assert fresh.input_value("#filter-kind") == "talk"
    assert shown_slots(fresh) == [s.id for se in thursday.sessions for s in se.slots
                                  if s.kind == "talk"]
    options = fresh.eval_on_selector_all("#filter-kind option", "els => els.map(o => o.value)")
    assert options == ["", "talk", "introduction", "discussion"]
