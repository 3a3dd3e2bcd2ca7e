"""Tables as rows of cells, whatever syntax they were written in."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Cell:
    html: str  # the cell's content as HTML (Markdown cells are converted first)
    line: int
    col: int
    span: int = 1
    header: bool = False  # a <th>


@dataclass(frozen=True)
class Row:
    cells: tuple[Cell, ...]
    line: int
    col: int = 1
    rule: bool = False  # a group separator (kramdown ``| ===``): ends an in-table session


_TAG = re.compile(r"<(/?)(table|thead|tbody|tfoot|tr|td|th)\b([^>]*)>", re.IGNORECASE)
_COLSPAN = re.compile(r"""colspan\s*=\s*["']?(\d+)""", re.IGNORECASE)


class Locator:
    """Offsets in the source to 1-based line and column."""

    def __init__(self, starts: list[int]) -> None:
        self.starts = starts

    def __call__(self, offset: int) -> tuple[int, int]:
        index = bisect.bisect_right(self.starts, offset) - 1
        return index + 1, offset - self.starts[index] + 1


def read_html_table(source: str, offset: int, locate: Locator) -> list[Row]:
    """The rows of one ``<table>``; missing ``</td>``/``</tr>`` are tolerated as browsers do."""
    rows: list[Row] = []
    cells: list[Cell] = []
    row_at: int | None = None
    cell_at: tuple[int, int, bool] | None = None  # content start, colspan, is header

    def close_cell(end: int) -> None:
        nonlocal cell_at
        if cell_at is not None:
            start, span, header = cell_at
            line, col = locate(offset + start)
            cells.append(Cell(source[start:end], line, col, span, header))
            cell_at = None

    def close_row(end: int) -> None:
        nonlocal row_at, cells
        close_cell(end)
        if row_at is not None:
            line, col = locate(offset + row_at)
            rows.append(Row(tuple(cells), line, col))
        row_at, cells = None, []

    for match in _TAG.finditer(source):
        closing, name, attrs = match.groups()
        name = name.lower()
        if name in ("td", "th"):
            close_cell(match.start())
            if not closing:
                if row_at is None:
                    row_at = match.start()
                span = _COLSPAN.search(attrs) if attrs else None  # most cells have none
                cell_at = (match.end(), int(span.group(1)) if span else 1, name == "th")
        elif name == "tr":
            close_row(match.start())
            if not closing:
                row_at = match.start()
        elif name == "table" and closing:
            close_row(match.start())
    close_row(len(source))
    return rows
