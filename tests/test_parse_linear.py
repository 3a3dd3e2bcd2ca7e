"""The reader's work grows linearly with its input, on the shapes that made it (or could make
it) super-linear: each input is parsed at two sizes in the same run, and the time may grow
with the size but not with its square. A ratio, never an absolute time."""

from __future__ import annotations

import time
from collections.abc import Callable

import pytest

from namconvert.config import Options
from namconvert.parse import parse_text

HEAD = "# Linear Meeting 2024\n\n## Monday 3 June 2024\n\n"
TABLE = "| Time | Speaker | Title |\n|------|---------|-------|\n"


def rows(n: int, title: Callable[[int], str]) -> str:
    return HEAD + TABLE + "".join(
        f"| {9 + i // 60 % 12:02d}:{i % 60:02d}-{9 + (i + 1) // 60 % 12:02d}:{(i + 1) % 60:02d} "
        f"| Ada Lovelace | {title(i)} |\n" for i in range(n))


SHAPES: dict[str, Callable[[int], str]] = {
    "spaces in a bullet line": lambda n: HEAD + "- 09:00-09:30 " + " " * (40 * n)
    + "Ada Lovelace -- **Engines**\n",
    "<br runs in a cell": lambda n: HEAD + TABLE + "| 09:00-09:30 | Ada | " + "<br" * (10 * n)
    + " |\n",
    "many headings": lambda n: HEAD + "".join(f"### Heading {i}\n\n" for i in range(n))
    + TABLE + "| 09:00-09:30 | Ada Lovelace | Engines |\n",
    "repeated titles": lambda n: rows(n, lambda i: "The same title"),
    "one long table": lambda n: rows(n, lambda i: f"Talk number {i}"),
    "abstract entries": lambda n: rows(20, lambda i: f"Talk {i}") + "\n## Abstracts\n\n"
    + "".join(f"**Speaker {i}**\nAn abstract that matches nothing.\n\n" for i in range(n)),
    "unclosed template tags": lambda n: HEAD + "{% " * (20 * n) + "\n" + TABLE
    + "| 09:00-09:30 | Ada Lovelace | Engines |\n",
    "unclosed comments": lambda n: HEAD + TABLE + "| 09:00-09:30 | Ada Lovelace | Engines |\n"
    + "<!-- " * (20 * n),
    "parentheses in a title": lambda n: rows(1, lambda i: "(" * (20 * n) + "Engines"),
    "timed lines": lambda n: HEAD + "".join(
        f"**{9 + i // 60 % 12:02d}:{i % 60:02d}**: Talk {i} (Ada Lovelace)<br>\n"
        for i in range(n)),
}
SMALL = 250
GROWTH = 4  # the larger input is this many times the smaller
ALLOWED = 9.0  # linear growth gives about GROWTH; quadratic about GROWTH ** 2 = 16


def seconds(text: str) -> float:
    best = float("inf")
    for _ in range(3):
        start = time.process_time()  # this process's CPU: other work on the machine is not counted
        parse_text(text, "README.md", Options(timezone="UTC"))
        best = min(best, time.process_time() - start)
    return best


@pytest.mark.parametrize("shape", sorted(SHAPES))
def test_parse_time_grows_linearly(shape: str) -> None:
    make = SHAPES[shape]
    small, large = make(SMALL), make(SMALL * GROWTH)
    seconds(small)  # warm caches (CLDR names, the Markdown parser)
    ratio = seconds(large) / max(seconds(small), 1e-4)
    assert ratio < ALLOWED, f"{shape}: {GROWTH}x the input took {ratio:.1f}x the time"
