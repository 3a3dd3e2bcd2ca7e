"""parse/text.py's shortcuts: each one gives what the full path gives, on generated input.

The reader takes a cheaper path for the usual fragment (text without markup skips nh3, a plain
web address skips urlsplit, ``href`` is found with str.find, a rule row is told apart on its
HTML); these properties hold each shortcut to the path it stands for.
"""

from __future__ import annotations

import os

from hypothesis import given, settings
from hypothesis import strategies as st

from namconvert.parse import document, text
from namconvert.parse.flow import Cell

# `make test` runs the same examples every time; `make fuzz` (NAMCONVERT_FUZZ) searches afresh.
_FUZZ = bool(os.environ.get("NAMCONVERT_FUZZ"))
CHECKED = settings(max_examples=5000 if _FUZZ else 400, deadline=None, derandomize=not _FUZZ)

# Characters the shortcuts turn on, among ordinary ones.
_TRICKY = [*"<>&\r\x00\xa0\ufeff\"'=:/?#%[]@\\ \t\n-", "href", "HREF", "http://",
           "https://", "\u017f", "\u212a", "&nbsp;"]


def _joined(pieces: st.SearchStrategy[str], size: int = 30) -> st.SearchStrategy[str]:
    return st.lists(pieces, max_size=size).map("".join)


_FRAGMENTS = _joined(st.one_of(st.sampled_from(_TRICKY), st.characters(codec="utf-8")))


def _cleaned_by_nh3(fragment: str) -> str:
    cleaned = text._cleaner()(fragment)
    return text._BARE_ANCHOR.sub(r"\1", cleaned) if "<a>" in cleaned else cleaned


@CHECKED
@given(_joined(st.one_of(st.sampled_from([*_TRICKY, "<b>", "</b>", '<a href="http://x.org">',
                                                  "</a>", "&amp;"]),
                        st.characters(codec="utf-8"))))
def test_text_kept_as_it_is_is_what_nh3_would_write(fragment: str) -> None:
    assert text.sanitise(fragment) == _cleaned_by_nh3(fragment)


_URL_PARTS = ["http://", "https://", "HTTP://", "http:/", "httpſ://", "a", "x.org", ".", "-",
              ":", ":80", ":99999", "/", "?", "#", "%", "%0a", "%41", "[", "]", "@", "\\", " ",
              "é", "K", "~", "\x7f", "mailto:"]


@CHECKED
@given(_joined(st.sampled_from(_URL_PARTS), 9))
def test_a_plain_web_address_is_one_the_full_test_allows(url: str) -> None:
    if text._PLAIN_WEB_URL.match(url):
        assert text._allowed_by_parts(url)
    assert text.allowed_url(url) == (bool(text._PLAIN_WEB_URL.match(url))
                                     or text._allowed_by_parts(url))


def test_the_usual_addresses_take_the_shortcut_and_the_odd_ones_do_not() -> None:
    assert text._PLAIN_WEB_URL.match("https://arxiv.org/abs/2310.23932?v=2#s1")
    for odd in ("http://[::1", "https://x.org/a%0ab", "httpſ://x.org", "//x.org", "mailto:a@b"):
        assert not text._PLAIN_WEB_URL.match(odd), odd
    assert not text.allowed_url("http://[::1")  # urlsplit refuses it: dropped, not raised


@CHECKED
@given(_FRAGMENTS)
def test_hrefs_found_with_find_are_those_a_case_blind_pattern_finds(fragment: str) -> None:
    found = [m.group(0) for m in text._hrefs(fragment)]
    assert found == [m.group(0) for m in text._HREF_ANYWHERE.finditer(fragment)]


@CHECKED
@given(_joined(st.sampled_from([*list("=-: \t\n<>/b&;#x1a"), "<br>", "&nbsp;", "&#61;", "==="]),
              20))
def test_a_rule_or_blank_cell_always_passes_the_html_filter(html: str) -> None:
    cell = Cell(html, 1)
    by_text = not cell.text or bool(document._RULE_CELL.match(cell.text))
    assert document._rule_or_blank(cell) == by_text
