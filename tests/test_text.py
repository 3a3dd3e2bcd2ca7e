"""parse/text.py's shortcuts: each one gives what the full path gives, on generated input.

The reader takes a cheaper path for the usual fragment (text without markup skips nh3, ``href``
is found with str.find, a rule row is told apart on its HTML); these properties hold each
shortcut to the path it stands for (the web-address shortcut: tests/test_links.py).
"""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from namconvert.parse import document, text
from namconvert.parse.flow import Cell
from support import CHECKED

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
