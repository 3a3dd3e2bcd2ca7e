"""Small pure helpers that turn source fragments (HTML or inline Markdown) into model text."""

from __future__ import annotations

import html
import re
import unicodedata
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, cast

import nh3

from ..links import LINK_SCHEMES, allowed_url
from ..model import Link
from .tree import markdown_parser

INLINE_TAGS = frozenset({"b", "i", "em", "strong", "sup", "sub", "code", "br", "p", "a"})

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


def _kept_href(tag: str, attribute: str, value: str) -> str | None:
    if attribute != "href":
        return value
    return value.strip() if allowed_url(value.strip()) else None


_CLEAN_RULES: dict[str, Any] = {
    "tags": set(INLINE_TAGS), "attributes": {"a": {"href"}}, "url_schemes": set(LINK_SCHEMES),
    "url_relative": "deny", "attribute_filter": _kept_href,
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


# nh3 writes every kept anchor as ``<a href="...">`` and a dropped link as a bare ``<a>``;
# anchors never nest in its output.
_BARE_ANCHOR = re.compile(r"<a>((?:(?!</a>).)*)</a>", re.DOTALL)


# What nh3 (html5ever) changes in text without tags: markup, entities, CR, NUL, no-break
# spaces (written as &nbsp;), and a leading byte-order mark (dropped).
_REWRITTEN_BY_CLEANER = re.compile("[<>&\r\x00\xa0]")


def sanitise(fragment: str) -> str:
    """Keep only inline formatting and the links :func:`allowed_url` allows; drop everything
    else (a dropped link leaves its text)."""
    if not _REWRITTEN_BY_CLEANER.search(fragment) and not fragment.startswith("\ufeff"):
        return fragment  # no markup and nothing the cleaner writes differently: as it is
    cleaned = _cleaner()(fragment)
    return _BARE_ANCHOR.sub(r"\1", cleaned) if "<a>" in cleaned else cleaned


_HREF = re.compile(r"""href\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""", re.IGNORECASE)
_HREF_ANYWHERE = re.compile(rf"\b{_HREF.pattern}", re.IGNORECASE)
_MARKDOWN_DESTINATION = re.compile(r"\]\(\s*(?:<([^>\n]*)>|([^)\s]+))")
_REFERENCE_DEFINITION = re.compile(r"^ {0,3}\[[^\]\n]+\]:[ \t]*<?([^\s>]+)", re.MULTILINE)
_SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.\-]*):")
_URL_IGNORED = re.compile(r"[\x00-\x20\x7f]")  # browsers ignore these inside a scheme


@dataclass(frozen=True)
class DroppedLink:
    """A link in the source that sanitising drops, and why, for ``check``'s warning."""

    url: str
    reason: str  # "link with a javascript: URL", "relative link", ...
    category: str  # link.scheme, link.relative, link.mailto

    def message(self) -> str:
        return (f"{self.reason} {shown_url(self.url)} dropped (only absolute http, https and "
                "plain mailto links are kept)")


def shown_url(url: str, limit: int = 60) -> str:
    """URL as a warning shows it: control characters escaped, at most LIMIT characters."""
    shown = "".join(c if c.isprintable() else repr(c)[1:-1] for c in url[:limit + 1])
    return repr(shown if len(shown) <= limit else shown[:limit - 1] + "\u2026")


@lru_cache(maxsize=4096)  # a programme repeats its links (one meeting room, one form)
def link_problem(url: str) -> DroppedLink | None:
    """Why sanitising drops URL (as written in the source), or None when it is kept."""
    url = html.unescape(url).strip()
    if allowed_url(url):
        return None
    scheme = _SCHEME.match(_URL_IGNORED.sub("", url))
    if scheme and scheme.group(1).lower() not in LINK_SCHEMES:
        return DroppedLink(url, f"link with a {scheme.group(1).lower()}: URL", "link.scheme")
    if scheme and scheme.group(1).lower() == "mailto":
        return DroppedLink(url, "mailto: link with more than addresses", "link.mailto")
    if scheme:
        return DroppedLink(url, "malformed web link", "link.scheme")
    if url.startswith(("//", "\\\\", "/\\", "\\/")):
        return DroppedLink(url, "protocol-relative link", "link.relative")
    return DroppedLink(url, "relative link", "link.relative")


def dropped_links(source: str) -> list[DroppedLink]:
    """The links in SOURCE (HTML or Markdown) that :func:`sanitise` drops, in order."""
    urls: list[str] = []
    # Each scan only where its syntax occurs: most fragments hold no link at all.
    urls += [next(g for g in m.groups() if g is not None) for m in _hrefs(source)]
    if "](" in source:
        urls += [m.group(1) if m.group(1) is not None else m.group(2)
                 for m in _MARKDOWN_DESTINATION.finditer(source)]
    if "]:" in source:
        urls += _REFERENCE_DEFINITION.findall(source)
    return [problem for url in urls if (problem := link_problem(url)) is not None]


def _hrefs(source: str) -> Iterator[re.Match[str]]:
    """The ``href=`` attributes in SOURCE, found with str.find on its lower-case copy (a
    case-blind pattern has no literal to look for, so it is tried at every position)."""
    lowered = source.lower()
    if "href" not in lowered:
        return
    if len(lowered) != len(source):  # a letter whose lower case is longer: offsets differ
        yield from _HREF_ANYWHERE.finditer(source)
        return
    at = lowered.find("href")
    while at >= 0:
        match = _HREF.match(source, at)
        if match and (at == 0 or not _WORD_CHAR.match(source, at - 1)):
            yield match
            at = lowered.find("href", match.end())
        else:
            at = lowered.find("href", at + 1)


_WORD_CHAR = re.compile(r"\w")


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


def inline_markdown(text: str) -> str:
    """Inline Markdown (links, emphasis, code, raw inline HTML) to HTML."""
    if not any(c in text for c in "*_[`\\<&"):
        return html.escape(text, quote=False)
    rendered: str = markdown_parser().renderInline(text)
    return rendered


SLUG_CHARS = 60  # with a date, a time and a counter, an id stays far below a file name's 255


def slugify(text: str, max_words: int = 8, max_chars: int = SLUG_CHARS) -> str:
    """A stable, readable ASCII slug of at most MAX_WORDS words and MAX_CHARS characters.

    Ids become file names (``ics/<slot>.ics``): a 240-letter word in a title must not make
    one too long. A slug cut short ends at a word when one ends near the limit.
    """
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    words = re.findall(r"[a-z0-9]+", ascii_text.lower())
    slug = "-".join(words[:max_words]) or "item"
    if len(slug) <= max_chars:
        return slug
    cut = slug[:max_chars]
    at_word = cut.rfind("-")
    return cut[:at_word] if at_word > max_chars // 2 else cut


# The words that label an abstract ("Abstract:", "Summary -", "Description:"), for every
# pattern that finds one: in a line, an item, a title cell or a fragment's start.
ABSTRACT_LABEL_WORDS = r"abstract|summary|description"
_LEADING_LABEL = re.compile(
    rf"^\s*(<({_FORMATTING})>\s*)*(?:{ABSTRACT_LABEL_WORDS})\s*(</({_FORMATTING})>\s*)*:\s*"
    rf"(</({_FORMATTING})>\s*)*", re.IGNORECASE)


def strip_label(fragment_html: str) -> str:
    """Drop a leading "Abstract:" label (possibly inside formatting) from sanitised HTML."""
    match = _LEADING_LABEL.match(fragment_html)
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
