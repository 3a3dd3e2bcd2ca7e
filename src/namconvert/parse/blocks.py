"""Split a README into blocks (headings, tables, lists, quotes, paragraphs) with line numbers.

A line scanner, not a full Markdown parser: it recognises the block shapes
programmes are written in and jumps over HTML tables in one step, so that a
20 MB programme splits in a fraction of a second.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Literal

BlockKind = Literal["heading", "html_table", "pipe_table", "list_item", "quote", "paragraph"]

_ATX = re.compile(r"^ {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$")
_HTML_HEADING = re.compile(r"^\s*<h([1-6])\b[^>]*>(.*?)</h\1>\s*$", re.IGNORECASE)
_LIST_ITEM = re.compile(r"^(\s*)(?:[-*+]|\d{1,3}[.)])\s+(.*)$")
_QUOTE = re.compile(r"^\s{0,3}>\s?(.*)$")
_TABLE_OPEN = re.compile(r"^\s*<table\b", re.IGNORECASE)
_TABLE_CLOSE = re.compile(r"</table\s*>", re.IGNORECASE)
_SETEXT = re.compile(r"^ {0,3}(=+|-+)\s*$")
_FENCE = re.compile(r"^ {0,3}(```|~~~)")
_SKIP_OPEN = re.compile(r"^\s*<(style|script)\b", re.IGNORECASE)


@dataclass
class Block:
    kind: BlockKind
    line: int  # 1-based line of the block's first line
    text: str  # heading text, table source, item text (continuations joined), ...
    level: int = 0  # heading level; list item indent
    lines: list[str] = field(default_factory=list)  # raw lines, for tables
    offset: int = 0  # character offset of the block's first line in the source


def line_starts(text: str) -> list[int]:
    """Offsets where each line begins (index 0 is line 1)."""
    return [0, *(m.end() for m in re.finditer("\n", text))]


def _front_matter_span(lines: list[str]) -> tuple[int, int]:
    """(index of the opening ``---``, index just past the closing one) of a leading YAML
    block, or (0, 0). Blank lines and one-line ``<!-- -->`` comments may come before it."""
    first = 0
    while first < len(lines) and (not lines[first].strip() or (
            lines[first].strip().startswith("<!--") and lines[first].strip().endswith("-->"))):
        first += 1
    if first >= len(lines) or lines[first].strip() != "---":
        return 0, 0
    for i in range(first + 1, len(lines)):
        if lines[i].strip() in ("---", "..."):
            return first, i + 1
    return 0, 0


def _front_matter_end(lines: list[str]) -> int:
    """Index just past a leading ``---`` YAML block, or 0."""
    return _front_matter_span(lines)[1]


def front_matter(text: str) -> dict[str, str]:
    """Simple ``key: value`` pairs of a leading YAML block (enough for ``title:``)."""
    lines = text.split("\n", 200)[:200]
    first, end = _front_matter_span(lines)
    pairs: dict[str, str] = {}
    for line in lines[first + 1:end - 1] if end else []:
        key, sep, value = line.partition(":")
        if sep and key.strip() and not key.startswith((" ", "\t")):
            pairs[key.strip().lower()] = value.strip().strip("'\"")
    return pairs


def split_blocks(text: str) -> Iterator[Block]:
    lines = text.split("\n")
    starts = line_starts(text)
    i = _front_matter_end(lines)
    n = len(lines)
    while i < n:
        line = lines[i]
        stripped = line.strip()
        if not stripped or stripped.startswith("<!--"):
            if stripped.startswith("<!--") and "-->" not in stripped:
                while i < n and "-->" not in lines[i]:
                    i += 1
            i += 1
            continue
        if _FENCE.match(line):
            i += 1
            while i < n and not _FENCE.match(lines[i]):
                i += 1
            i += 1
            continue
        if match := _SKIP_OPEN.match(line):
            closer = f"</{match.group(1).lower()}"
            while i < n and closer not in lines[i].lower():
                i += 1
            i += 1
            continue
        if match := _ATX.match(line):
            yield Block("heading", i + 1, (match.group(2) or "").strip(), len(match.group(1)))
            i += 1
            continue
        if match := _HTML_HEADING.match(line):
            yield Block("heading", i + 1, match.group(2).strip(), int(match.group(1)))
            i += 1
            continue
        if _TABLE_OPEN.match(line):
            close = _TABLE_CLOSE.search(text, starts[i])
            end_offset = close.end() if close else len(text)
            j = i
            while j + 1 < n and starts[j + 1] <= end_offset - 1:
                j += 1
            yield Block("html_table", i + 1, text[starts[i]:end_offset], offset=starts[i])
            i = j + 1
            continue
        if stripped.startswith("|"):
            j = i
            while j < n and lines[j].strip().startswith("|"):
                j += 1
            yield Block("pipe_table", i + 1, "\n".join(lines[i:j]), lines=lines[i:j],
                        offset=starts[i])
            i = j
            continue
        if match := _QUOTE.match(line):
            j = i
            parts = []
            while j < n and (q := _QUOTE.match(lines[j])):
                parts.append(q.group(1))
                j += 1
            yield Block("quote", i + 1, "\n".join(parts))
            i = j
            continue
        if match := _LIST_ITEM.match(line):
            j = i + 1
            parts = [match.group(2)]
            while (j < n and lines[j].strip() and not _LIST_ITEM.match(lines[j])
                   and not _QUOTE.match(lines[j]) and not _ATX.match(lines[j])):
                parts.append(lines[j].strip())
                j += 1
            yield Block("list_item", i + 1, " ".join(parts), len(match.group(1)))
            i = j
            continue
        j = i + 1
        parts = [stripped]
        while (j < n and lines[j].strip() and not _ATX.match(lines[j])
               and not _LIST_ITEM.match(lines[j]) and not _QUOTE.match(lines[j])
               and not lines[j].strip().startswith("|") and not _TABLE_OPEN.match(lines[j])):
            if _SETEXT.match(lines[j]):
                break
            parts.append(lines[j].strip())
            j += 1
        if j < n and _SETEXT.match(lines[j]) and len(parts) == 1:
            level = 1 if lines[j].strip().startswith("=") else 2
            yield Block("heading", i + 1, stripped, level)
            i = j + 1
            continue
        yield Block("paragraph", i + 1, " ".join(parts), lines=parts)
        i = j
