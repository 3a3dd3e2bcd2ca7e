"""Hostile shapes, read and rendered: the work grows linearly with the input.

tests/test_parse_linear.py holds the reader's own shapes (runs of spaces, ``<br``, headings,
comments). These are the shapes of issue 12 whose cost lies past the reader's patterns (ids of
repeated titles, sessions of one name, abstracts matched to thousands of talks, one long table) and
of what sanitising and cleaning do (control characters, bidi controls, relative links,
nesting, a long word), each parsed and rendered into the formats that need no outside tool
(the booklet and EPUB have their own benchmarks) at two sizes in one run. The time of a
one-row input of the same shape is taken off both, so the renderers' fixed cost does not
hide growth; the rest may grow with the size but not with its square. A ratio, never an
absolute time.
"""

from __future__ import annotations

import random
import time
from collections.abc import Callable, Sequence
from pathlib import Path

import pytest

from namconvert.config import Options
from namconvert.output import OutputWriter
from namconvert.parse import parse_text
from namconvert.parse.abstracts import _MIN_TITLE_WORDS, AbstractMatcher, Candidate, normalise
from namconvert.parse.document import unique_id
from namconvert.render import RENDERERS, html
from namconvert.views import shape

HEAD = "# Pathological Meeting 2024\n\n## Monday 3 June 2024\n\n"
TABLE = "| Time | Speaker | Title |\n|------|---------|-------|\n"
FORMATS = ("json", "ics", "frab_xml", "frab_json", "readme", "html")
OPTIONS = Options(timezone="UTC", source_date_epoch=1_717_000_000)


def clock(i: int) -> str:
    """The I-th minute-long slot of a ten-hour day, from 09:00 (then round again)."""
    start = i % 600
    return f"{9 + start // 60:02d}:{start % 60:02d}-{9 + (start + 1) // 60:02d}:" \
           f"{(start + 1) % 60:02d}"


def rows(n: int, title: Callable[[int], str],
         speaker: Callable[[int], str] = lambda i: "Ada") -> str:
    return HEAD + TABLE + "".join(f"| {clock(i)} | {speaker(i)} | {title(i)} |\n"
                                  for i in range(n))


def by_speaker(n: int) -> str:
    return rows(n, lambda i: f"Talk {i}", lambda i: f"Speaker {i}") + "\n## Abstracts\n\n" \
        + "".join(f"**Speaker {i}**\nThe abstract of talk {i}.\n\n" for i in range(n))


def by_title(n: int) -> str:
    return rows(n, lambda i: f"A talk about topic {i} at length") + "\n## Abstracts\n\n" \
        + "".join(f"### A talk about topic {i} at length\nIts abstract.\n\n" for i in range(n))


# Shapes of many rows: every format reads them. Shapes whose cost is the reader's (one long
# field to sanitise and clean, abstracts to match): only formats without a fixed cost of
# their own, so that the reader's growth shows.
ROWS = FORMATS
FIELD = ("json", "readme", "frab_json")
SHAPES: dict[str, tuple[Callable[[int], str], tuple[str, ...]]] = {
    "one title, repeated": (lambda n: rows(n, lambda i: "The same title"), ROWS),
    "one long table": (lambda n: rows(n, lambda i: f"Talk number {i}",
                                      lambda i: f"Speaker {i}"), ROWS),
    "sessions of one name": (lambda n: HEAD + "".join(
        f"### Coffee\n\n{TABLE}| {clock(i)} | Ada | Talk {i} |\n\n" for i in range(n)), ROWS),
    "an abstract for every talk": (lambda n: by_speaker(3 * n), FIELD),
    "abstracts by title": (lambda n: by_title(3 * n), FIELD),
    "control characters on every row": (lambda n: rows(n, lambda i: f"Talk\x1b[31m {i}\x07"),
                                        ROWS),
    "bidi controls, unpaired": (lambda n: rows(1, lambda i: "\u202e\u2067" * (40 * n)
                                               + "Engines" + "\u202c" * (20 * n)), FIELD),
    "relative links": (lambda n: rows(1, lambda i: " ".join(f"[x{j}](../x/{j}.html)"
                                                            for j in range(20 * n))), FIELD),
    "nested formatting": (lambda n: rows(1, lambda i: "<b><i><sup>" * (2 * n) + "Engines"
                                         + "</sup></i></b>" * (2 * n)), FIELD),
    "a long word": (lambda n: rows(2, lambda i: "a" * (4000 * n)), FIELD),
}
SMALL = 100
GROWTH = 4  # the larger input is this many times the smaller
ALLOWED = 9.0  # linear growth gives about GROWTH; quadratic about GROWTH ** 2 = 16


def seconds(text: str, formats: Sequence[str], folder: Path, runs: int = 2) -> float:
    """The least CPU time (this process's: other work on the machine does not count) of
    RUNS reads of TEXT, shapings and renders into FORMATS."""
    best = float("inf")
    for _ in range(runs):
        start = time.process_time()
        programme = parse_text(text, "README.md", OPTIONS).programme
        assert programme is not None
        view = shape(programme, OPTIONS, formats)
        writer = OutputWriter(folder)
        for name in formats:
            writer.format = name
            RENDERERS[name].render(view, writer)
        writer.discard()
        best = min(best, time.process_time() - start)
    return best


@pytest.mark.parametrize("shape", sorted(SHAPES))
def test_read_and_rendered_in_linear_time(shape: str, tmp_path: Path) -> None:
    make, formats = SHAPES[shape]
    seconds(make(1), formats, tmp_path, 1)  # warm caches (templates, CLDR, the parsers)
    fixed = seconds(make(1), formats, tmp_path)
    small = seconds(make(SMALL), formats, tmp_path) - fixed
    large = seconds(make(SMALL * GROWTH), formats, tmp_path) - fixed
    ratio = large / max(small, 0.02)
    assert ratio < ALLOWED, f"{shape}: {GROWTH}x the input took {ratio:.1f}x the time"


def at_one_moment(n: int) -> str:
    """N talks, all from 09:00 to 10:00 in one session."""
    return HEAD + TABLE + "".join(f"| 09:00-10:00 | Speaker {i} | Talk {i} |\n"
                                  for i in range(n))


def glance_seconds(n: int, runs: int = 2) -> float:
    """The least CPU time of RUNS lays out of the site's day at a glance (its columns and cells:
    which slots overlap which) for N talks that all start at the same moment. Read and shaped
    once, untimed: rendering the page is linear per slot and would hide the grid's growth."""
    programme = parse_text(at_one_moment(n), "README.md", OPTIONS).programme
    assert programme is not None
    (day,) = html.day_views(shape(programme, OPTIONS, ("html", "ics")), lambda f, r: True)
    views = [v for session in day.sessions for v in session.slots]
    assert len(views) == n
    best = float("inf")
    for _ in range(runs):
        start = time.process_time()
        html.glance(day.day, views)
        best = min(best, time.process_time() - start)
    return best


def test_the_day_at_a_glance_grows_linearly_with_slots_at_one_moment() -> None:
    small = glance_seconds(10 * SMALL)
    large = glance_seconds(10 * SMALL * GROWTH)
    ratio = large / max(small, 0.002)
    assert ratio < ALLOWED, f"{GROWTH}x the talks at one moment took {ratio:.1f}x the time"


# -- the dictionaries give what a scan of everything gave ------------------------------------


def scanned_ids(candidates: Sequence[str]) -> list[str]:
    """Unique ids as a rescan makes them: the first of X, X-2, X-3, ... not taken."""
    used: set[str] = set()
    out = []
    for candidate in candidates:
        unique, n = candidate, 2
        while unique in used:
            unique, n = f"{candidate}-{n}", n + 1
        used.add(unique)
        out.append(unique)
    return out


def test_unique_ids_are_those_a_rescan_gives() -> None:
    chooser = random.Random(12)
    for _ in range(300):
        pool = ["talk", "talk-2", "talk-2-2", "talk-3", "coffee", "coffee-2"]
        candidates = [chooser.choice(pool) for _ in range(chooser.randint(1, 30))]
        used: dict[str, int] = {}
        assert [unique_id(c, used) for c in candidates] == scanned_ids(candidates), candidates


def scanned_match(key: str, candidates: Sequence[Candidate]) -> int | None:
    """The match of KEY as a scan of every candidate makes it (the rule the matcher keeps)."""
    wanted = normalise(key)

    def title_matches(title: str) -> bool:
        if not wanted or not title:
            return False
        shorter, longer = sorted((wanted, title), key=len)
        return wanted == title or (len(shorter.split()) >= _MIN_TITLE_WORDS
                                   and longer.startswith(shorter))

    by_speaker = [i for i, c in enumerate(candidates)
                  if any(normalise(s) == wanted for s in c.speakers)]
    if not by_speaker:
        by_speaker = [i for i, c in enumerate(candidates)
                      if any(normalise(s) and wanted.startswith(normalise(s) + " ")
                             for s in c.speakers)]
    if by_speaker:
        return min(by_speaker, key=lambda i: (not candidates[i].is_talk,
                                              candidates[i].has_abstract,
                                              len(candidates[i].speakers), i))
    by_title = [i for i, c in enumerate(candidates) if title_matches(normalise(c.title))]
    return min(by_title, key=lambda i: (candidates[i].has_abstract, i)) if by_title else None


def test_abstracts_match_as_a_scan_of_every_slot_would() -> None:
    chooser = random.Random(7)
    names = ["Ada Lovelace", "Ada", "Grace Hopper", "Grace", "Alan Turing", "José Núñez", ""]
    titles = ["Engines", "Deep learning for astronomy", "Deep learning for astronomy today",
              "Deep learning for astro", "A talk about topic one", "A talk about topic one too",
              "Coffee", ""]
    for _ in range(300):
        candidates = [Candidate(tuple(chooser.sample(names, chooser.randint(0, 2))),
                                chooser.choice(titles), chooser.random() < 0.7,
                                chooser.random() < 0.2) for _ in range(chooser.randint(1, 8))]
        matcher = AbstractMatcher(candidates)
        expected = list(candidates)
        for _ in range(6):
            key = chooser.choice([*names, *titles, "Ada Lovelace - Engines", "Grace: a talk",
                                  "Deep learning for astronomy today and tomorrow",
                                  "josé núñez (keynote)", "Nobody at all"])
            want = scanned_match(key, expected)
            assert matcher.match(key) == want, (key, expected)
            if want is not None:
                matcher.took(want)
                old = expected[want]
                expected[want] = Candidate(old.speakers, old.title, old.is_talk, True)
