"""Tables as rows of cells, whatever syntax they were written in (read in :mod:`.flow`)."""

from __future__ import annotations

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
