"""The EPUB's text as Pandoc's own JSON AST, built from the View: Pandoc's cheapest input (no
HTML to read), and one document per part of the book.

The blocks are what Pandoc's HTML reader made of the lean HTML document this renderer fed it
before: days (level 1) > sessions (2) > talks and panels (3), the other slots as paragraphs,
then the speaker index. Titles and names are plain text; abstracts are the reader's
sanitised HTML, turned into inlines and paragraphs here (only inline formatting, paragraphs
and links survive the sanitiser).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from ...model import Day, Session, Slot
from ...views import DayShape, View, labels
from ...views.text import strip_control

API_VERSION = (1, 23, 1)  # pandoc-types of Pandoc 3.x; Pandoc refuses a JSON of another major
HEADING_KINDS = ("talk", "panel")
INDEX_ID = "speaker-index"
INDEX_TITLE = "Speakers"

Node = dict[str, Any]
Attr = list[Any]

# HTML's white space (not U+00A0, which is part of a word); a run of it is one Space.
_SPACE = re.compile(r"[ \t\n\r\f]+")
_SPACE_KEPT = re.compile(r"([ \t\n\r\f]+)")
_BLANK = frozenset({"Space", "SoftBreak"})
_NO_ATTR: Attr = ["", [], []]


def is_heading(slot: Slot) -> bool:
    """Talks and panels are entries of the table of contents; the rest are paragraphs."""
    return slot.kind in HEADING_KINDS or slot.abstract_html is not None


# -- inlines -----------------------------------------------------------------------------------


_SPACE_NODE: Node = {"t": "Space"}  # shared: nothing changes a node once made
_BREAK_NODE: Node = {"t": "SoftBreak"}


def _words(text: str) -> list[Node]:
    """TEXT as Pandoc's Str and Space tokens: a run of white space is one Space, or one
    SoftBreak when it holds a line break."""
    return [(_BREAK_NODE if "\n" in part else _SPACE_NODE) if n % 2 else {"t": "Str", "c": part}
            for n, part in enumerate(_SPACE_KEPT.split(strip_control(text))) if part]


def _trimmed(inlines: Iterable[Node]) -> list[Node]:
    """INLINES with one space between words at most and none at either end or beside a line
    break, as Pandoc's readers leave a paragraph."""
    out: list[Node] = []
    for node in inlines:
        if node["t"] in _BLANK and (not out or out[-1]["t"] in _BLANK or
                                    out[-1]["t"] == "LineBreak"):
            continue
        if node["t"] == "LineBreak" and out and out[-1]["t"] in _BLANK:
            out.pop()
        if node["t"] == "Str" and out and out[-1]["t"] == "Str":
            out[-1] = {"t": "Str", "c": out[-1]["c"] + node["c"]}
            continue
        out.append(node)
    while out and out[-1]["t"] in _BLANK:
        out.pop()
    return out


def text(value: str) -> list[Node]:
    """VALUE's words (one string's tokens alternate word and space: only its ends to trim)."""
    words = _words(value)
    start = 1 if words and words[0]["t"] in _BLANK else 0
    end = len(words) - 1 if len(words) > start and words[-1]["t"] in _BLANK else len(words)
    return words[start:end]


def span(classes: Sequence[str], inlines: list[Node]) -> Node:
    return {"t": "Span", "c": [["", list(classes), []], inlines]}


def link(url: str, inlines: list[Node]) -> Node:
    return {"t": "Link", "c": [_NO_ATTR, inlines, [url, ""]]}


def para(inlines: list[Node]) -> Node:
    return {"t": "Para", "c": inlines}


def header(level: int, ident: str, inlines: list[Node]) -> Node:
    return {"t": "Header", "c": [level, [ident, [], []], inlines]}


def div(ident: str, classes: Sequence[str], blocks: list[Node]) -> Node:
    return {"t": "Div", "c": [[ident, list(classes), []], blocks]}


# -- abstracts: the sanitiser's HTML as blocks --------------------------------------------------

_INLINE_WRAPPERS = {"b": "Strong", "strong": "Strong", "i": "Emph", "em": "Emph",
                    "sup": "Superscript", "sub": "Subscript"}
_BLOCK_TAGS = frozenset({"p", "div", "blockquote", "ul", "ol", "li", "pre", "table",
                         "h1", "h2", "h3", "h4", "h5", "h6", "hr"})


def _inline_element(element: Any) -> list[Node]:
    tag = element.tag if isinstance(element.tag, str) else ""
    inner = _trimmed(_inline_children(element)) if tag not in ("code", "br", "img") else []
    if tag in _INLINE_WRAPPERS:
        return [{"t": _INLINE_WRAPPERS[tag], "c": inner}]
    if tag == "code":
        return [{"t": "Code", "c": [_NO_ATTR, _SPACE.sub(" ", strip_control(
            element.text_content())).strip()]}]
    if tag == "br":
        return [{"t": "LineBreak"}]
    if tag == "a" and element.get("href") is not None:
        return [{"t": "Link", "c": [_NO_ATTR, inner, [element.get("href"),
                                                      element.get("title") or ""]]}]
    if tag == "a":  # a link the sanitiser dropped leaves its text, as a plain span
        return [span([], inner)]
    if tag == "img":
        # Never in sanitised text; kept as an image so that Pandoc's sandbox refuses it.
        alt = text(element.get("alt") or "")
        return [{"t": "Image", "c": [_NO_ATTR, alt, [element.get("src") or "",
                                                     element.get("title") or ""]]}]
    return inner


def _inline_children(element: Any) -> Iterator[Node]:
    if element.text:
        yield from _words(element.text)
    for child in element:
        yield from _inline_element(child)
        if child.tail:
            yield from _words(child.tail)


def _blocks_of(element: Any) -> list[Node]:
    """ELEMENT's content as blocks: each paragraph a Para, loose inline content a Plain."""
    blocks: list[Node] = []
    loose: list[Node] = []

    def flush() -> None:
        inlines = _trimmed(loose)
        if inlines:
            blocks.append({"t": "Plain", "c": inlines})
        loose.clear()

    if element.text:
        loose.extend(_words(element.text))
    for child in element:
        tag = child.tag if isinstance(child.tag, str) else ""
        if tag in _BLOCK_TAGS:
            flush()
            if tag == "p":
                inlines = _trimmed(_inline_children(child))
                if inlines:
                    blocks.append(para(inlines))
            else:
                blocks.extend(_blocks_of(child))
        else:
            loose.extend(_inline_element(child))
        if child.tail:
            loose.extend(_words(child.tail))
    flush()
    return blocks


def abstract_blocks(html: str) -> list[Node]:
    """The blocks of an abstract's sanitised HTML."""
    if "<" not in html and "&" not in html:
        inlines = text(html)
        return [{"t": "Plain", "c": inlines}] if inlines else []
    from lxml import html as lxml_html

    return _blocks_of(lxml_html.fragment_fromstring(html, create_parent="div"))


# -- the programme -----------------------------------------------------------------------------


def _abstract(slot: Slot) -> list[Node]:
    blocks = abstract_blocks(slot.abstract_html) if slot.abstract_html else []
    return [div("", ["abstract"], blocks)] if blocks else []


def _time(slot: Slot) -> Node:
    return span(["time"], text(labels.time_span(slot)))


def slot_blocks(slot: Slot) -> list[Node]:
    if is_heading(slot):
        blocks = [header(3, slot.id, [_time(slot), {"t": "Space"}, *text(slot.title)])]
        if slot.speakers:
            blocks.append(para(text(labels.speaker_line(slot))))
        return blocks + _abstract(slot)
    line = [_time(slot), {"t": "Space"}, {"t": "Strong", "c": text(slot.title)}]
    if slot.speakers:
        line += [{"t": "Space"}, *text(f"({labels.speaker_line(slot)})")]
    return [div(slot.id, ["slot", slot.kind], [para(line), *_abstract(slot)])]


def session_blocks(session: Session) -> list[Node]:
    blocks = [header(2, session.id, text(session.title))]
    for role, people in (("Organisers", session.organisers), ("Chairs", session.chairs)):
        if people:
            blocks.append(para(text(f"{role}: {', '.join(p.name for p in people)}")))
    if session.url:
        blocks.append(para([link(session.url, text("Session page"))]))
    for slot in session.slots:
        blocks += slot_blocks(slot)
    return blocks


def day_blocks(shaped: DayShape) -> list[Node]:
    day: Day = shaped.day
    blocks = [header(1, shaped.id, text(shaped.heading)),
              para(text(f"All times are {shaped.zone_note}."))]
    blocks += [para(text(note)) for note in day.notes]
    for session in day.sessions:
        blocks += session_blocks(session)
    return blocks


def index_blocks(view: View) -> list[Node]:
    if not view.index:
        return []
    items = []
    for entry in view.index:
        line: list[Node] = [span(["name"], text(entry.name)), {"t": "Str", "c": ":"},
                            {"t": "Space"}]
        for n, placed in enumerate(entry.slots):
            if n:
                line += [{"t": "Str", "c": ";"}, {"t": "Space"}]
            line += [link(f"#{placed.slot.id}", text(placed.slot.title)), {"t": "Space"},
                     *_words(f"({labels.when(placed)})")]
        items.append([{"t": "Plain", "c": _trimmed(line)}])
    return [header(1, INDEX_ID, text(INDEX_TITLE)),
            div("", [INDEX_ID], [{"t": "BulletList", "c": items}])]


# -- parts -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Part:
    """One Pandoc run's share of the book: some whole days, or the speaker index."""

    name: str  # "day-2022-07-13", "day-2022-07-13..day-2022-07-15", "speaker-index", "book"
    blocks: tuple[Node, ...]


def _size(shaped: DayShape) -> int:
    return sum(len(s.slots) for s in shaped.day.sessions)


def day_groups(days: Sequence[DayShape], part_slots: int) -> list[list[DayShape]]:
    """Consecutive days grouped so that each group holds at most PART_SLOTS slots, or a
    single day (a day is one chapter: it is never split)."""
    groups: list[list[DayShape]] = []
    size = 0
    for shaped in days:
        if groups and size + _size(shaped) <= part_slots:
            groups[-1].append(shaped)
            size += _size(shaped)
        else:
            groups.append([shaped])
            size = _size(shaped)
    return groups


def parts(view: View, part_slots: int) -> Iterator[Part]:
    """The book in parts of at most about PART_SLOTS slots: the whole book in one when it is
    that small, else groups of whole days and then the speaker index on its own. One part
    at a time, so that only one part's blocks are held at once."""
    groups = day_groups(view.days, part_slots)
    if len(groups) <= 1:
        yield Part("book", tuple([b for shaped in view.days for b in day_blocks(shaped)]
                                 + index_blocks(view)))
        return
    for group in groups:
        yield Part(group[0].id if len(group) == 1 else f"{group[0].id}..{group[-1].id}",
                   tuple(b for shaped in group for b in day_blocks(shaped)))
    index = index_blocks(view)
    if index:
        yield Part(INDEX_ID, tuple(index))


def to_json(blocks: Sequence[Node], title: str, language: str) -> str:
    """A whole Pandoc document: BLOCKS with the book's title and language."""
    meta = {"title": {"t": "MetaInlines", "c": text(title)},
            "lang": {"t": "MetaInlines", "c": text(language)}}
    return json.dumps({"pandoc-api-version": list(API_VERSION), "meta": meta,
                       "blocks": list(blocks)}, ensure_ascii=False, separators=(",", ":"))
