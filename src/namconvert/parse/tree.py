"""The source as one document tree: Markdown read by markdown-it-py, HTML by libxml2 (lxml).

Markdown (CommonMark with GFM tables) is rendered to HTML with each block's source
line in a ``data-line`` attribute; raw HTML blocks are preceded by a marker that
carries their first line, so an element parsed from them knows its line too. The
HTML is then parsed once by lxml's HTML parser (libxml2: comments, entities and
unclosed tags as browsers treat them; BeautifulSoup's own tree building costs twenty
times as much on a 10,000-talk programme), comments are dropped, and the walker reads
one tree whatever syntax the organiser wrote. Front matter and template tags
(``{% ... %}``, ``{{ ... }}``) are blanked first, line breaks kept, so they are never
read as programme and every line number still points into the source.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from lxml import etree
from markdown_it import MarkdownIt
from markdown_it.rules_core.normalize import normalize
from markdown_it.rules_core.state_core import StateCore
from markdown_it.token import Token

Element = Any  # lxml.etree._Element (lxml ships no type hints)

_MARKER = "nc-line"
# An include's text parameters are the content it shows: {% include abstract.html text="..." %}.
_SHOWN_PARAMETER = re.compile(r"""\b(?:text|content|abstract|description|summary)\s*=\s*"([^"]*)\"""")


def _marker(line: int) -> str:
    return f'<{_MARKER} data-src="{line}"></{_MARKER}>'


@dataclass(frozen=True)
class Document:
    """The parsed tree and what is needed to give any of its elements a source line."""

    root: Element
    front_matter: dict[str, str]
    text: str  # the source with front matter and template tags blanked
    _markers: tuple[tuple[int, int], ...]  # (line in the rendered HTML, source line)

    def line(self, element: Element) -> int:
        """The 1-based source line where ELEMENT starts."""
        for node in (element, *element.iterancestors()):
            written = node.get("data-line")
            if written is not None:
                return int(written)
        return self.raw_html_line(element)

    def raw_html_line(self, element: Element) -> int:
        """The source line of ELEMENT, known to come from raw HTML (no Markdown block around
        it): told by the marker before its HTML block."""
        rendered: int | None = element.sourceline
        if rendered is None or not self._markers:
            return 1
        index = bisect.bisect_right(self._markers, (rendered, 1 << 30)) - 1
        if index < 0:
            return 1
        marker_line, source_line = self._markers[index]
        return int(source_line + rendered - marker_line)


def blank(text: str, start: int, end: int) -> str:
    """TEXT with [START, END) replaced by spaces, its line breaks kept."""
    return text[:start] + re.sub(r"[^\n]", " ", text[start:end]) + text[end:]


def _front_matter(text: str) -> tuple[str, dict[str, str]]:
    """The text with a leading ``---`` YAML block blanked, and its ``key: value`` pairs."""
    # Blank lines and one-line comments may come before it.
    lead = re.match(r"(?:[ \t]*(?:<!--[^\n]*?-->)?[ \t]*\n)*", text)
    first = lead.end() if lead else 0
    if not text.startswith("---", first):
        return text, {}
    opening_end = text.find("\n", first)
    if opening_end < 0 or text[first:opening_end].strip() != "---":
        return text, {}
    match = re.compile(r"^(?:---|\.\.\.)[ \t]*$", re.MULTILINE).search(text, opening_end + 1)
    if match is None:
        return text, {}
    pairs: dict[str, str] = {}
    for line in text[opening_end + 1:match.start()].split("\n"):
        key, sep, value = line.partition(":")
        if sep and key.strip() and not key.startswith((" ", "\t", "#")):
            pairs[key.strip().lower()] = value.strip().strip("'\"")
    return blank(text, first, match.end()), pairs


def _template_tags(text: str) -> list[tuple[int, int]]:
    """Where each ``{% ... %}`` and ``{{ ... }}`` is: found with str.find, so that a run of
    unclosed openers costs one pass, not one scan to the end for each."""
    spans: list[tuple[int, int]] = []
    index = 0
    while True:
        starts = [i for i in (text.find("{%", index), text.find("{{", index)) if i >= 0]
        if not starts:
            return spans
        start = min(starts)
        closer = "%}" if text.startswith("{%", start) else "}}"
        end = text.find(closer, start + 2)
        if end < 0:
            return spans  # never closed: not a tag, and no later opener can close either
        spans.append((start, end + 2))
        index = end + 2


def _without_template_tags(text: str) -> str:
    if "{%" not in text and "{{" not in text:
        return text
    pieces: list[str] = []
    last = 0
    for start, end in _template_tags(text):
        pieces.append(text[last:start])
        tag = text[start:end]
        kept = [m.group(1) for m in _SHOWN_PARAMETER.finditer(tag)] if tag.startswith("{%") \
            else []
        # The shown text takes the tag's place (not its columns: padding it would indent it
        # into a code block); the tag's other line breaks follow, so later lines keep theirs.
        shown = " ".join(kept)
        pieces.append(shown + "\n" * (tag.count("\n") - shown.count("\n")) if kept
                      else re.sub(r"[^\n]", " ", tag))
        last = end
    pieces.append(text[last:])
    return "".join(pieces)


@lru_cache(maxsize=1)
def markdown_parser() -> MarkdownIt:
    """The one Markdown reading (CommonMark, GFM tables and strikethrough, raw HTML kept) for
    the document and for every inline fragment read apart from it."""
    md = MarkdownIt("commonmark", {"html": True, "linkify": False, "typographer": False})
    md.enable(["table", "strikethrough"])

    def html_block(_renderer: Any, tokens: Sequence[Token], idx: int, _options: Any,
                   _env: Any) -> str:
        token = tokens[idx]
        line = token.map[0] + 1 if token.map else 1
        return _marker(line) + token.content

    md.add_render_rule("html_block", html_block)
    md.core.ruler.at("normalize", _normalize)
    # Every link is kept as a link here, so that sanitising (which keeps only http, https and
    # mailto) drops it with a warning instead of markdown-it printing it as text.
    md.validateLink = _any_link  # type: ignore[method-assign,assignment]
    return md


def _normalize(state: StateCore) -> None:
    """markdown-it's first rule (line ends made ``\\n``, NUL made U+FFFD) only where there is
    anything to do: the source reaches the reader with both done already, and rewriting
    every line break of a big programme costs a tenth of its reading."""
    if "\r" in state.src or "\0" in state.src:
        normalize(state)


def _any_link(_url: str) -> bool:
    return True


def _with_lines(tokens: list[Token]) -> list[Token]:
    for token in tokens:
        if token.map is not None and token.nesting == 1:
            token.attrSet("data-line", str(token.map[0] + 1))
    return tokens


def read_document(source: str) -> Document:
    text, front = _front_matter(source)
    text = _without_template_tags(text)
    md = markdown_parser()
    html = md.renderer.render(_with_lines(md.parse(text)), md.options, {})
    parser = etree.HTMLParser(remove_comments=False, remove_pis=True, huge_tree=True)
    root = etree.fromstring(f"<html><body>{html}</body></html>", parser)
    if root is None:
        root = etree.fromstring("<html><body></body></html>", parser)
    markers = tuple(sorted((m.sourceline or 1, int(m.get("data-src", "1")))
                           for m in root.iter(_MARKER)))
    # Comments are what the organiser hid; a "-->" standing alone after one (a comment
    # nested in a comment) is its debris, not text (an arrow "A --> B" is kept).
    for comment in root.iter(etree.Comment):
        if comment.tail and comment.tail.strip() == "-->":
            comment.tail = comment.tail.replace("-->", "")
    etree.strip_elements(root, etree.Comment, with_tail=False)
    etree.strip_tags(root, _MARKER)
    return Document(root, front, text, markers)
