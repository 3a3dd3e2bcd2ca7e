"""Markdown pipe tables (GFM and kramdown) as the same rows of cells the HTML reader gives.

GFM: a header row, then a delimiter row (``|---|:---:|``), then body rows that
may have fewer cells than the header. kramdown adds tables with no header (a
leading ``|---|`` line), and ``|---`` / ``| ===`` lines inside the body that
split it into groups; those become rule rows (``Row.rule``). Cell text is inline
Markdown, converted to HTML here so the timetable reader sees one syntax.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from .table import Cell, Row
from .text import inline_markdown

_DELIMITER_CELL = re.compile(r"^\s*:?-+:?\s*$")
_RULE_CELL = re.compile(r"^\s*(?:=+|-+)\s*$")


def split_cells(line: str) -> list[tuple[str, int]]:
    """The cells of one table line as (text, 1-based column), honouring ``\\|`` and code spans."""
    start = len(line) - len(line.lstrip())
    if line.startswith("|", start):
        start += 1
    cells: list[tuple[str, int]] = []
    cell_start, i, in_code = start, start, False
    while i < len(line):
        char = line[i]
        if char == "\\" and i + 1 < len(line):
            i += 2
            continue
        if char == "`":
            in_code = not in_code
        elif char == "|" and not in_code:
            cells.append(_cell_text(line, cell_start, i))
            cell_start = i + 1
        i += 1
    # Text after the last pipe is a cell unless it is only the line's trailing padding.
    if line[cell_start:].strip():
        cells.append(_cell_text(line, cell_start, len(line)))
    return cells


def _cell_text(line: str, start: int, end: int) -> tuple[str, int]:
    raw = line[start:end]
    text = raw.strip()
    lead = len(raw) - len(raw.lstrip())
    return text, start + lead + 1


def _is_delimiter(cells: Sequence[tuple[str, int]]) -> bool:
    return bool(cells) and all(_DELIMITER_CELL.match(text) for text, _ in cells)


def _is_rule(cells: Sequence[tuple[str, int]]) -> bool:
    """A kramdown group separator: ``| ===``, ``|---|``, ``|===|===|``."""
    return bool(cells) and all(_RULE_CELL.match(text) for text, _ in cells)


def read_pipe_table(lines: Sequence[str], first_line: int) -> list[Row]:
    """The rows of a pipe table whose first line is FIRST_LINE (1-based).

    Rows above the first delimiter row are header rows (their cells have
    ``header=True``); a delimiter or ``===`` line after the body has begun is a
    rule row with no cells.
    """
    split = [split_cells(line) for line in lines]
    first_delimiter = next((i for i, cells in enumerate(split) if _is_delimiter(cells)), None)
    header_end = first_delimiter if first_delimiter is not None else 0
    rows: list[Row] = []
    for index, cells in enumerate(split):
        number = first_line + index
        if index == first_delimiter:
            continue
        if _is_rule(cells):
            rows.append(Row((), number, 1, rule=True))
            continue
        header = index < header_end
        rows.append(Row(tuple(Cell(inline_markdown(text) if text else "", number, col,
                                   header=header) for text, col in cells), number, 1))
    return rows
