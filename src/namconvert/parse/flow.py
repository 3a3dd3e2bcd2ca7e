"""The document tree as a flat run of blocks in reading order.

Headings, paragraphs (as lines: split at ``<br>`` and at source line breaks), lists
(items with their own lines and nested items), tables (cells with their spans),
definition lists (read as lists) and rules. Containers (``<div>``, ``<details>``,
``<blockquote>``, ``<section>``...) are read through; code, scripts, styles, comments
and templates are never read.
"""

from __future__ import annotations

import html as html_lib
import re
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from functools import cached_property

from lxml import etree

from .text import plain_text
from .tree import Document, Element

HEADINGS = {f"h{n}": n for n in range(1, 7)}
_SKIPPED = frozenset({"pre", "script", "style", "template", "noscript", "textarea", "svg",
                      "math", "iframe", "object", "head", "title", "select", "button", "form",
                      "nav", "footer"})
_LISTS = frozenset({"ul", "ol", "menu"})
# Tags whose content is read as blocks of their own; any other tag is inline.
_BLOCK = frozenset({"p", "div", "section", "article", "main", "aside", "header", "details",
                    "summary", "blockquote", "center", "figure", "figcaption", "dl", "dt", "dd",
                    "li", "table", "hr", "body", "html", "address", "fieldset", "caption",
                    "tbody", "thead", "tfoot", "tr", "td", "th"}
                   | set(HEADINGS) | _LISTS | _SKIPPED)
_BREAK = re.compile(r"<br\s*/?>|\n", re.IGNORECASE)
_SPAN = re.compile(r"\d+")


@dataclass
class Line:
    """One line of inline content."""

    html: str
    text: str  # plain text
    line: int
    hard: bool = True  # begins after a <br> or a new paragraph, not a soft line break


@dataclass
class Heading:
    level: int
    html: str
    text: str
    line: int
    anchor: str | None = None  # its id, which a timetable elsewhere may link to ("#opening")


@dataclass
class Para:
    lines: list[Line]
    line: int
    # The paragraph is a container's inline text (a <div>'s, a <td>-less row's), not a <p>.
    loose: bool = False
    quoted: bool = False  # inside a <blockquote>


@dataclass
class Item:
    lines: list[Line]
    children: list[Item]
    line: int


@dataclass
class ListBlock:
    items: list[Item]
    line: int


@dataclass
class Cell:
    html: str
    line: int
    col: int = 1
    colspan: int = 1
    rowspan: int = 1
    header: bool = False

    @cached_property
    def text(self) -> str:
        """Plain text, made when asked for (most cells of a big table never are)."""
        return plain_text(self.html)


@dataclass
class TableBlock:
    rows: list[list[Cell]]
    row_lines: list[int]
    line: int
    caption: str | None = None
    markdown: bool = False  # a pipe table: rows may leave out trailing cells


@dataclass
class Rule:
    line: int


Block = Heading | Para | ListBlock | TableBlock | Rule


Node = str | Element  # a run of text, or an element


def _nodes(element: Element) -> list[Node]:
    """ELEMENT's content in order: its text, then each child and the text after it."""
    nodes: list[Node] = [element.text] if element.text else []
    for child in element:
        if isinstance(child.tag, str):
            nodes.append(child)
        if child.tail:
            nodes.append(child.tail)
    return nodes


def _html_of(node: Node) -> str:
    if isinstance(node, str):
        return html_lib.escape(node, quote=False)
    html: str = etree.tostring(node, encoding="unicode", method="html", with_tail=False)
    return html


def _inline_html(nodes: list[Node]) -> str:
    return "".join(_html_of(n) for n in nodes)


def inner_html(element: Element) -> str:
    """ELEMENT's content as HTML: its serialisation less its own tags (one call into lxml)."""
    if len(element) == 0:
        return html_lib.escape(element.text or "", quote=False)
    html: str = etree.tostring(element, encoding="unicode", method="html", with_tail=False)
    start, end = html.find(">") + 1, html.rfind("</")
    return html[start:end] if end >= start else html[start:]


def _name(node: Node) -> str | None:
    # lxml's HTML parser gives tag names in lower case already.
    return None if isinstance(node, str) else node.tag


def split_lines(html: str, first_line: int) -> list[Line]:
    """Inline HTML as lines: a ``<br>`` or a source line break ends each."""
    lines: list[Line] = []
    line, hard, last = first_line, True, 0
    for match in _BREAK.finditer(html):
        piece = html[last:match.start()]
        if text := plain_text(piece):
            lines.append(Line(piece, text, line, hard))
        if match.group(0) == "\n":
            line += 1
            hard = False if text else hard
        else:
            hard = True
        last = match.end()
    piece = html[last:]
    if text := plain_text(piece):
        lines.append(Line(piece, text, line, hard))
    return lines


@dataclass
class _Walker:
    doc: Document
    blocks: list[Block] = field(default_factory=list)

    def line(self, element: Element) -> int:
        return self.doc.line(element)

    def walk(self, element: Element) -> None:
        inline: list[Node] = []
        for child in _nodes(element):
            name = _name(child)
            if name is None or name not in _BLOCK:
                inline.append(child)
                continue
            self._flush(inline, element)
            inline = []
            self.block(child)
        self._flush(inline, element)

    def _flush(self, inline: list[Node], container: Element) -> None:
        html = _inline_html(inline)
        if not plain_text(html):
            return
        lines = split_lines(html, self._first_line(inline, container))
        # In a container's HTML, an element on a line of its own is a field of its own
        # ("<span class="speaker">Ann Lee</span>" under the title's span), not a wrapped line.
        lines = [replace(x, hard=True) if x.html.lstrip().startswith("<") else x for x in lines]
        if lines:
            self.blocks.append(Para(lines, lines[0].line, loose=True))

    def _first_line(self, inline: list[Node], container: Element) -> int:
        """The line of the first of INLINE: its first element's, less the line breaks before."""
        breaks = 0
        for node in inline:
            if not isinstance(node, str):
                return max(1, self.line(node) - breaks)
            breaks += node.count("\n")
        return self.line(container)

    def block(self, element: Element) -> None:
        name = _name(element)
        if name is None or name in _SKIPPED:
            return
        if name in HEADINGS:
            html = inner_html(element)
            self.blocks.append(Heading(HEADINGS[name], html, plain_text(html),
                                       self.line(element), _anchor(element)))
        elif name == "p":
            lines = split_lines(inner_html(element), self.line(element))
            if lines:
                self.blocks.append(Para(lines, self.line(element)))
        elif name in _LISTS:
            self._list(element)
        elif name == "dl":
            self.blocks.append(ListBlock(self.definitions(element), self.line(element)))
        elif name == "table":
            self.table(element)
        elif name == "hr":
            self.blocks.append(Rule(self.line(element)))
        elif name == "li":
            self.blocks.append(ListBlock([self.item(element)], self.line(element)))
        elif name == "blockquote":
            first = len(self.blocks)
            self.walk(element)
            for block in self.blocks[first:]:
                if isinstance(block, Para):
                    block.quoted = True
        else:
            self.walk(element)

    def _list(self, element: Element) -> None:
        items = []
        for child in element:
            name = _name(child)
            if name is None or name in _SKIPPED:
                continue
            if name == "li":
                items.append(self.item(child))
            elif child.find(".//li") is not None:
                # Items that a stray tag wraps ("<ul><div><li>") are still the list's.
                items.extend(self.item(li) for li in child.iter("li")
                             if next(li.iterancestors(*_LISTS), None) is element)
            elif lines := split_lines(inner_html(child), self.line(child)):
                # A stray block between items ("<div>Lunch</div>") is read in its place.
                items.append(Item(lines, [], self.line(child)))
        if items:
            self.blocks.append(ListBlock(items, self.line(element)))

    def item(self, li: Element) -> Item:
        lines: list[Line] = []
        children: list[Item] = []
        inline: list[Node] = []
        start = self.line(li)

        def flush() -> None:
            if inline:
                html = _inline_html(inline)
                lines.extend(split_lines(html, max(self._first_line(inline, li), start)))
                inline.clear()

        for child in _nodes(li):
            name = _name(child)
            if name in _LISTS:
                flush()
                children.extend(self.item(c) for c in child if _name(c) == "li")
            elif name in _SKIPPED:
                continue
            elif name is not None and name in _BLOCK:
                flush()
                for block in _blocks_of(self.doc, child):
                    if isinstance(block, Para):
                        first, *rest = block.lines
                        lines.append(Line(first.html, first.text, first.line, True))
                        lines.extend(rest)
                    elif isinstance(block, ListBlock):
                        children.extend(block.items)
                    elif isinstance(block, Heading):
                        lines.append(Line(block.html, block.text, block.line, True))
            else:
                inline.append(child)
        flush()
        return Item(lines, children, start)

    def definitions(self, dl: Element) -> list[Item]:
        items: list[Item] = []
        for child in dl:
            name = _name(child)
            if name not in ("dt", "dd"):
                continue
            lines = split_lines(inner_html(child), self.line(child))
            if name == "dt" or not items:
                items.append(Item(lines, [], self.line(child)))
            else:
                items[-1].lines.extend(Line(x.html, x.text, x.line, True) for x in lines)
        return items

    def table(self, element: Element) -> None:
        rows: list[list[Cell]] = []
        row_lines: list[int] = []
        caption = element.find("caption")
        # A table written in HTML (most big ones) has no Markdown line above it: each row and
        # cell is placed by its own line in the HTML, without a walk up its ancestors.
        raw = all(node.get("data-line") is None for node in (element, *element.iterancestors()))
        line = self.doc.raw_html_line if raw else self.line
        for tr in element.iter("tr"):
            if next(tr.iterancestors("table"), None) is not element:
                continue
            cells = []
            for td in tr:
                if _name(td) not in ("td", "th"):
                    continue
                html = inner_html(td)
                cells.append(Cell(html, line(td), 1, _span(td, "colspan"),
                                  _span(td, "rowspan"), _name(td) == "th"))
            rows.append(cells)
            row_lines.append(line(tr))
        self.blocks.append(TableBlock(rows, row_lines, self.line(element),
                                      plain_text(inner_html(caption)) if caption is not None
                                      else None,
                                      markdown=element.get("data-line") is not None))


def _span(element: Element, name: str) -> int:
    value = element.get(name)
    match = _SPAN.search(value) if isinstance(value, str) else None
    return max(1, min(int(match.group(0)), 1000)) if match else 1


def _blocks_of(doc: Document, element: Element) -> list[Block]:
    walker = _Walker(doc)
    walker.block(element)
    return walker.blocks


def read_blocks(doc: Document) -> Iterator[Block]:
    walker = _Walker(doc)
    body = doc.root.find("body")
    walker.walk(body if body is not None else doc.root)
    yield from walker.blocks


def _anchor(element: Element) -> str | None:
    """The id a link can target in ELEMENT: its own, or that of an anchor inside it."""
    found = element.get("id") or next(
        (e.get("id") or e.get("name") for e in element.iter("a") if e.get("id") or e.get("name")),
        None)
    return str(found) if found else None
