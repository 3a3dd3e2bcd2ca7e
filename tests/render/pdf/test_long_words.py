"""Long words break in the booklet: a 225-letter word in the programme's, a session's and a
talk's title (and so in the contents and the overview), inside a title's nested italics, in an
abstract's roman, italics and bold, its code and a long URL, and a one-word speaker's, chair's
and affiliation's name of 150-odd letters, in every place the booklet sets them (the speaker's
in the contents, the day's overview, the talk and the session's organisers, and the index).
No text runs off the page or into its margin. Where each word landed is read back with
``pdftotext -bbox``."""

from __future__ import annotations

import re
import subprocess
from dataclasses import replace
from pathlib import Path

import pytest

from namconvert.build import write_outputs
from namconvert.config import make_options
from namconvert.parse import parse_file
from namconvert.render.pdf.document import BREAK_EVERY, LONG_WORD, breakable
from support import FIXTURES, needs_program

LONG_WORDS = FIXTURES / "hostile" / "long-words.md"
MARGIN = 20.0  # points: every page's margins are wider than this
_PAGE = re.compile(r'<page width="([\d.]+)" height="([\d.]+)">(.*?)</page>', re.DOTALL)
_WORD = re.compile(r'<word xMin="([-\d.]+)" yMin="([-\d.]+)" xMax="([-\d.]+)" '
                   r'yMax="([-\d.]+)">([^<]*)</word>')
# Where the speaker's name is set, and a word only that part's pages hold.
PLACES = {"contents": "Contents", "overview": "glance", "talk": "09:00–09:30",
          "index": "Index"}


def laid_out(pdf: Path) -> list[tuple[float, list[tuple[float, float, str]]]]:
    """Each page of PDF as pdftotext places it: its width and its words (x min, x max, text)."""
    layout = subprocess.run([needs_program("pdftotext"), "-bbox", str(pdf), "-"],
                            capture_output=True, text=True, check=True).stdout
    pages = [(float(width), [(float(x0), float(x1), word)
                             for x0, _, x1, _, word in _WORD.findall(body)])
             for width, _, body in _PAGE.findall(layout)]
    assert pages
    return pages


def words_off_the_text_area(pdf: Path) -> list[str]:
    """Each word of PDF (as pdftotext places it) that reaches into a page's side margins."""
    return [f"page {number}: {word[:30]}... at {x_min}-{x_max} of {width}"
            for number, (width, words) in enumerate(laid_out(pdf), 1)
            for x_min, x_max, word in words
            if x_min < MARGIN or x_max > width - MARGIN]


def places_holding(pdf: Path, name: str) -> set[str]:
    """The PLACES whose pages hold NAME, broken over lines or not."""
    found = set()
    for _, words in laid_out(pdf):
        page = [word for _, _, word in words]
        if name in "".join(page):
            found |= {place for place, mark in PLACES.items() if mark in page}
    return found


@pytest.fixture(scope="module", params=["a5", "a4"])
def booklet(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Path:
    tmp_path = tmp_path_factory.mktemp(f"long-words-{request.param}")
    source = tmp_path / "README.md"
    source.write_text(LONG_WORDS.read_text(encoding="utf-8"), encoding="utf-8")
    options = replace(make_options(source, {"paper": request.param}),
                      source_date_epoch=1_717_000_000)
    programme = parse_file(source, options).programme
    assert programme is not None
    assert max(len(w) for w in programme.days[0].sessions[0].slots[0].title.split()) > 200
    write_outputs(programme, source, options, tmp_path / "out", ["pdf"])
    return tmp_path / "out" / "programme.pdf"


def _speaker(pdf: Path) -> str:
    source = pdf.parent.parent / "README.md"
    programme = parse_file(source, make_options(source, {})).programme
    assert programme is not None
    return programme.days[0].sessions[0].slots[0].speakers[0].name


def test_no_long_word_runs_off_the_page(booklet: Path) -> None:
    assert words_off_the_text_area(booklet) == []


def test_the_one_word_speaker_is_in_every_place(booklet: Path) -> None:
    """The no-overflow test above covers the name only where it is set: it is in each place."""
    name = _speaker(booklet)
    assert " " not in name and len(name) > 150
    assert places_holding(booklet, name) == set(PLACES)


def test_breakable_splits_long_words_only_outside_tags() -> None:
    word = "x" * (LONG_WORD + 1)
    url = "https://example.org/" + "y" * 100
    marked = breakable(f'short <a href="{url}">{word}</a> &amp;{"z" * LONG_WORD}')
    assert f'<a href="{url}">' in marked  # a tag, its address among it, is left alone
    assert marked.split("<a")[0] == "short "
    pieces = marked.split(">")[1].split("<")[0].split("\u200b")
    assert "".join(pieces) == word and {len(p) for p in pieces[:-1]} == {BREAK_EVERY}
    # An entity is one character, never split: "&amp;" and 60 letters make four pieces.
    tail = marked.rsplit(" ", 1)[1].split("\u200b")
    assert tail[0] == "&amp;" + "z" * (BREAK_EVERY - 1) and "".join(tail) == "&amp;" + "z" * LONG_WORD
    assert len(tail) == 4
    assert breakable("z" * LONG_WORD) == "z" * LONG_WORD
