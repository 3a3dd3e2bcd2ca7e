"""Timetables laid out as grids: times down the side, days or rooms across the top.

    |       | Mardi 22 juin | Mercredi 23 juin |        | Time  | Room A  | Room B  |
    | 11:00 | Accueil       |                  |        | 14:00 | Session | Session |
    | 11:10 | Exposé (2 rows)  ...                        | 15:30 | Coffee (both rooms) |

A cell spanning rows lasts from its first row's time to the time of the row after
its last; a cell spanning every track is one plenary slot. Rows are laid out as a
browser lays them out (``rowspan``, ``colspan``, empty ``<tr>`` rows as time steps).
"""

from __future__ import annotations

from dataclasses import dataclass

from .entries import When, leading_time
from .flow import Cell, TableBlock
from .text import plain_text
from .times import TimeFormatError

_TIME_SHARE = 0.5  # of a column's filled cells that hold a time


def possible(when: When) -> bool:
    """Whether WHEN is a time a day can hold ("0.75" in a column of numbers is not)."""
    try:
        for clock in (when.start, when.end):
            if clock is not None:
                clock.to_time()
    except TimeFormatError:
        return False
    return True


@dataclass(frozen=True)
class GridCell:
    track: int | None  # index into Grid.tracks; None for a cell across every track
    start: When
    end: When | None
    html: str
    line: int


@dataclass(frozen=True)
class Grid:
    tracks: tuple[str, ...]  # the header of each track: a day or a room
    cells: tuple[GridCell, ...]


def _layout(table: TableBlock) -> list[list[tuple[Cell, int, int] | None]]:
    """Each row's slots, column by column: (cell, first row, rows spanned) or None."""
    grid: list[list[tuple[Cell, int, int] | None]] = [[] for _ in table.rows]
    for r, cells in enumerate(table.rows):
        column = 0
        for cell in cells:
            while column < len(grid[r]) and grid[r][column] is not None:
                column += 1
            span = min(cell.rowspan, len(table.rows) - r)
            for dr in range(span):
                row = grid[r + dr]
                while len(row) < column + cell.colspan:
                    row.append(None)
                for dc in range(cell.colspan):
                    row[column + dc] = (cell, r, span)
            column += cell.colspan
    return grid


def read_grid(table: TableBlock) -> Grid | None:
    """TABLE as a grid, or None when it is not one (one text column, or no time column)."""
    if len(table.rows) < 3:
        return None
    layout = _layout(table)
    width = max(len(r) for r in layout)
    header = layout[0]

    def column_cells(c: int) -> list[tuple[Cell, int, int]]:
        seen: list[tuple[Cell, int, int]] = []
        for row in layout[1:]:
            slot = row[c] if c < len(row) else None
            if slot is not None and slot[0].text and (not seen or seen[-1][0] is not slot[0]):
                seen.append(slot)
        return seen

    def timed(c: int) -> bool:
        cells = column_cells(c)
        found = [leading_time(cell.text) for cell, _, _ in cells]
        hits = sum(f is not None for f in found)
        return bool(cells) and hits >= _TIME_SHARE * len(cells) and all(
            span == 1 and cell.colspan == 1 for cell, _, span in cells) and all(
            possible(f[0]) for f in found if f is not None)

    time_columns = [c for c in range(width) if timed(c)]
    tracks = [c for c in range(width) if c not in time_columns]
    if not time_columns or len(tracks) < 2 or any(
            (slot := header[c] if c < len(header) else None) is None or not slot[0].text
            for c in tracks):
        return None
    times: list[When | None] = []
    for row in layout:
        found = next((leading_time(slot[0].text) for c in time_columns
                      if c < len(row) and (slot := row[c]) is not None and slot[0].text), None)
        times.append(found[0] if found else None)
    cells: list[GridCell] = []
    seen: set[int] = set()
    for row in layout[1:]:
        for c in tracks:
            slot = row[c] if c < len(row) else None
            if slot is None or id(slot[0]) in seen or not plain_text(slot[0].html):
                continue
            cell, first, span = slot
            seen.add(id(cell))
            start = times[first]
            if start is None:
                continue
            end = next((t for t in times[first + span:] if t is not None), None)
            covered = {i for i in tracks if i < len(row) and row[i] is not None
                       and row[i][0] is cell}  # type: ignore[index]
            track = None if covered == set(tracks) else tracks.index(c)
            cells.append(GridCell(track, start, end, cell.html, cell.line))
    labels = tuple(header[c][0].text for c in tracks)  # type: ignore[index]
    return Grid(labels, tuple(cells))
