"""views.text: the links feeds carry are the ones the one link rule allows."""

from __future__ import annotations

from namconvert.parse.text import allowed_url
from namconvert.render import html
from namconvert.views.text import is_web_url

URLS = ["https://example.org/a", "http://example.org", "HTTPS://example.org/", "https:example.org",
        "http://:80/", "https:///x", "https://exa mple.org/", "https://example.org/%0a",
        "//example.org/", "/slides/a.pdf", "slides/a.pdf", "file:///etc/passwd",
        "javascript:alert(1)", "mailto:ada@example.org", "mailto:ada@example.org?bcc=x@y.z",
        "mailto:", "tel:+441234", "#opening", "", "https://example.org/\u202e"]


def test_a_feed_link_is_an_allowed_web_link() -> None:
    for url in URLS:
        assert is_web_url(url) == (allowed_url(url) and not url.startswith("mailto:")), url
    assert not is_web_url(None)


def test_a_site_link_is_an_allowed_link_or_an_element_of_the_page() -> None:
    ids = {"opening"}
    for url in URLS:
        assert html.linkable(url, ids) == (allowed_url(url) or url == "#opening"), url
    assert not html.linkable("#closing", ids) and not html.linkable(None, ids)
