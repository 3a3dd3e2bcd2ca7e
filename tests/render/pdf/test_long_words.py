"""Long words break in the booklet: a 225-letter word in the programme's, a session's and a
talk's title (and so in the contents), an abstract, its code and a long URL, and no text runs
off the page or into its margin. Where each word landed is read back with ``pdftotext
-bbox``. (Names keep their words whole: see booklet.css on WeasyPrint's inline elements.)"""

from __future__ import annotations

import re
import subprocess
from dataclasses import replace
from pathlib import Path

import pytest

from namconvert.build import write_outputs
from namconvert.config import make_options
from namconvert.parse import parse_file
from support import FIXTURES, needs_program

LONG_WORDS = FIXTURES / "hostile" / "long-words.md"
MARGIN = 20.0  # points: every page's margins are wider than this
_PAGE = re.compile(r'<page width="([\d.]+)" height="([\d.]+)">(.*?)</page>', re.DOTALL)
_WORD = re.compile(r'<word xMin="([-\d.]+)" yMin="([-\d.]+)" xMax="([-\d.]+)" '
                   r'yMax="([-\d.]+)">([^<]*)</word>')


def words_off_the_text_area(pdf: Path) -> list[str]:
    """Each word of PDF (as pdftotext places it) that reaches into a page's side margins."""
    layout = subprocess.run([needs_program("pdftotext"), "-bbox", str(pdf), "-"],
                            capture_output=True, text=True, check=True).stdout
    pages = _PAGE.findall(layout)
    assert pages
    off = []
    for number, (width, _, body) in enumerate(pages, 1):
        for x_min, _, x_max, _, word in _WORD.findall(body):
            if float(x_min) < MARGIN or float(x_max) > float(width) - MARGIN:
                off.append(f"page {number}: {word[:30]}... at {x_min}-{x_max} of {width}")
    return off


@pytest.mark.parametrize("paper", ["a5", "a4"])
def test_no_long_word_runs_off_the_page(tmp_path: Path, paper: str) -> None:
    source = tmp_path / "README.md"
    source.write_text(LONG_WORDS.read_text(encoding="utf-8"), encoding="utf-8")
    options = replace(make_options(source, {"paper": paper}), source_date_epoch=1_717_000_000)
    programme = parse_file(source, options).programme
    assert programme is not None
    assert max(len(w) for w in programme.days[0].sessions[0].slots[0].title.split()) > 200
    write_outputs(programme, source, options, tmp_path / "out", ["pdf"])
    assert words_off_the_text_area(tmp_path / "out" / "programme.pdf") == []
