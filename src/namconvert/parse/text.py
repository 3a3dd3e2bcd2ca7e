"""Small pure helpers that turn source fragments (HTML or inline Markdown) into model text."""

from __future__ import annotations

import html
import re
import unicodedata
from collections.abc import Callable
from functools import lru_cache
from typing import Any, cast

import nh3
from markdown_it import MarkdownIt

from ..model import Link

INLINE_TAGS = frozenset({"b", "i", "em", "strong", "sup", "sub", "code", "br", "p", "a"})
LINK_SCHEMES = frozenset({"http", "https", "mailto"})

TAG = re.compile(r"<[^>]*>")
_BREAKING_TAG = re.compile(r"</?(?:br|p|div|blockquote|li|ul|ol|tr|td|th|h[1-6]|hr)\b[^>]*>",
                           re.IGNORECASE)
BR = re.compile(r"<br\s*/?>", re.IGNORECASE)
# A parenthesised part, its inside in group 1 ("Ada Lovelace (Analytical Society)").
PARENTHESES = re.compile(r"\(([^()]*)\)")
_ANCHOR = re.compile(r'<a href="([^"]*)"[^>]*>(.*?)</a>', re.DOTALL)
_FORMATTING = "b|i|em|strong"
_WRAPPED = re.compile(rf"^<({_FORMATTING})>(.*)</\1>$", re.DOTALL)
_EMPTY_FORMATTING = re.compile(rf"<({_FORMATTING}|code|sup|sub)>\s*</\1>")


def plain_text(fragment: str) -> str:
    """Tags stripped, ``<br>`` and runs of white space made one space, entities decoded."""
    # Hot on big programmes: skip work the fragment doesn't need, and split/join (same
    # white space as the regex's \s) instead of a substitution per space.
    text = TAG.sub("", _BREAKING_TAG.sub(" ", fragment)) if "<" in fragment else fragment
    if "&" in text:
        text = html.unescape(text)
    return " ".join(text.split())


_VISIBLE_START = re.compile(r"\s*(?:<[^>]*>\s*)*[^\s<&]")


def has_text(fragment: str) -> bool:
    """Whether ``plain_text(fragment)`` is not empty, without building it when it's long."""
    return bool(_VISIBLE_START.match(fragment)) or bool(plain_text(fragment))


_CLEAN_RULES: dict[str, Any] = {
    "tags": set(INLINE_TAGS), "attributes": {"a": {"href"}}, "url_schemes": set(LINK_SCHEMES),
    "link_rel": None, "clean_content_tags": {"script", "style"}, "strip_comments": True}


@lru_cache(maxsize=1)
def _cleaner() -> Callable[[str], str]:
    # Built once (nh3 >= 0.3): nh3.clean() builds its rules on every call, several times
    # the cost of sanitising a short fragment.
    if hasattr(nh3, "Cleaner"):
        return cast(Callable[[str], str], nh3.Cleaner(**_CLEAN_RULES).clean)

    def clean(fragment: str) -> str:
        return nh3.clean(fragment, **_CLEAN_RULES)
    return clean


def sanitise(fragment: str) -> str:
    """Keep only inline formatting and http(s)/mailto links; drop everything else."""
    return _cleaner()(fragment)


_HREF = re.compile(r"""\bhref\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""", re.IGNORECASE)
_MARKDOWN_DESTINATION = re.compile(r"\]\(\s*<?([^)\s>]+)")
_SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.\-]*):")
_URL_IGNORED = re.compile(r"[\x00-\x20\x7f]")  # browsers ignore these inside a scheme


def dropped_schemes(source: str) -> list[str]:
    """Schemes of the links in SOURCE (HTML or inline Markdown) that :func:`sanitise` drops."""
    if "href" not in source and "](" not in source:  # no link at all: the usual cell
        return []
    urls = [next(g for g in m.groups() if g is not None) for m in _HREF.finditer(source)]
    urls += _MARKDOWN_DESTINATION.findall(source)
    schemes = []
    for url in urls:
        found = _SCHEME.match(_URL_IGNORED.sub("", html.unescape(url)))
        if found and found.group(1).lower() not in LINK_SCHEMES:
            schemes.append(found.group(1).lower())
    return schemes


def squash_space(fragment: str) -> str:
    return " ".join(fragment.split())


def unwrap(fragment: str) -> str:
    """Drop formatting that wraps the whole fragment: a table's styling, not the author's emphasis."""
    text = squash_space(fragment)
    while (match := _WRAPPED.match(text)) and "<" + match.group(1) + ">" not in match.group(2):
        text = match.group(2).strip()
    return text


def title_html(fragment: str) -> str:
    """A title's inline HTML: sanitised, ``<br>`` as a space, whole-title styling and
    quotation marks around the whole title dropped."""
    cleaned = unwrap(_EMPTY_FORMATTING.sub("", sanitise(BR.sub(" ", fragment))))
    if (quoted := _QUOTED.fullmatch(cleaned)) and not any(q in quoted.group(2) for q in "\"“”«»„"):
        return unwrap(quoted.group(2).strip())
    return cleaned


# A title in quotation marks: '"Shifts in distribution"', "“Title”", "« Titre »".
_QUOTED = re.compile(r'\s*(&quot;|"|“|„|«)(.+?)(&quot;|"|”|“|»)\s*', re.DOTALL)


def links_in(fragment_html: str) -> tuple[Link, ...]:
    """The links of sanitised HTML, in order."""
    return tuple(Link(plain_text(text) or html.unescape(url), html.unescape(url))
                 for url, text in _ANCHOR.findall(fragment_html))


@lru_cache(maxsize=1)
def _markdown() -> MarkdownIt:
    return MarkdownIt("commonmark", {"html": True, "linkify": False, "typographer": False})


def inline_markdown(text: str) -> str:
    """Inline Markdown (links, emphasis, code, raw inline HTML) to HTML."""
    if not any(c in text for c in "*_[`\\<&"):
        return html.escape(text, quote=False)
    rendered: str = _markdown().renderInline(text)
    return rendered


def slugify(text: str, max_words: int = 8) -> str:
    """A stable, readable ASCII slug."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    words = re.findall(r"[a-z0-9]+", ascii_text.lower())
    return "-".join(words[:max_words]) or "item"


def strip_label(fragment_html: str, labels: str = r"abstract|summary") -> str:
    """Drop a leading "Abstract:" label (possibly inside formatting) from sanitised HTML."""
    pattern = re.compile(
        rf"^\s*(<({_FORMATTING})>\s*)*(?:{labels})\s*(</({_FORMATTING})>\s*)*:\s*"
        rf"(</({_FORMATTING})>\s*)*", re.IGNORECASE)
    match = pattern.match(fragment_html)
    if not match:
        return fragment_html
    rest = fragment_html[match.end():]
    opened = _LABEL_TAG.findall(match.group(0))
    if [name for slash, name in opened if not slash] == \
            [name for slash, name in reversed(opened) if slash]:
        # The label's formatting closes around it ("<b><i>Abstract:</i></b>"): the rest is
        # sanitised HTML already, and sanitising a long abstract again costs more than the rest.
        return rest.strip()
    # Re-sanitising balances formatting the label opened and the text closes.
    return sanitise(rest).strip()


_LABEL_TAG = re.compile(r"<(/?)(\w+)>")


def without_parentheses(text: str) -> str:
    """TEXT with each parenthesised part, nested ones whole, as a space: "Tomas Kolarik
    (University of Lugano (USI))" is "Tomas Kolarik". One pass; with an unclosed "(" only
    the innermost closed parts go, as PARENTHESES finds them."""
    kept: list[str] = []
    depth = 0
    for char in text:
        if char == "(":
            if depth == 0:
                kept.append(" ")
            depth += 1
        elif char == ")" and depth:
            depth -= 1
        elif depth == 0:
            kept.append(char)
    return PARENTHESES.sub(" ", text) if depth else "".join(kept)
