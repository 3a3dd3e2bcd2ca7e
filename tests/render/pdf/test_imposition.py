"""Saddle-stitch imposition: the order of pages on each sheet, and the imposed file itself."""

from __future__ import annotations

import io

import pypdf
import pytest

from namconvert.render.pdf.document import MM, PAPERS
from namconvert.render.pdf.imposition import impose, padded, saddle_stitch


@pytest.mark.parametrize(("pages", "expected"), [(1, 4), (4, 4), (5, 8), (11, 12), (12, 12)])
def test_padded_to_a_multiple_of_four(pages: int, expected: int) -> None:
    assert padded(pages) == expected


def test_eight_pages_in_saddle_stitch_order() -> None:
    # Sheet 1 front: last | first; back: 2 | second-to-last; sheet 2 inwards.
    assert saddle_stitch(8) == [(7, 0), (1, 6), (5, 2), (3, 4)]


def test_padding_pages_are_blank() -> None:
    assert saddle_stitch(6) == [(None, 0), (1, None), (5, 2), (3, 4)]


def test_a_back_cover_stays_the_back_with_the_blanks_before_it() -> None:
    assert saddle_stitch(6, back_cover=True) == [(5, 0), (1, None), (None, 2), (3, 4)]
    for count in range(2, 30):
        sides = saddle_stitch(count, back_cover=True)
        assert sides[0][0] == count - 1  # the outer sheet's left half: the back
        pages = [p for side in sides for p in side if p is not None]
        assert sorted(pages) == list(range(count))


def test_every_page_appears_once_and_folding_gives_reading_order() -> None:
    for count in range(1, 30):
        sides = saddle_stitch(count)
        placed = [p for side in sides for p in side if p is not None]
        assert sorted(placed) == list(range(count))
        # Folding the stacked sheets: reading the right halves of the fronts and left halves
        # of the backs sheet by sheet gives the first half of the booklet in order.
        first_half = [p for i, side in enumerate(sides) for p in (side[1 - i % 2],)]
        assert first_half == [p if p < count else None for p in range(len(sides))]


def _numbered_pdf(pages: int) -> bytes:
    writer = pypdf.PdfWriter()
    for _ in range(pages):
        writer.add_blank_page(148 * MM, 210 * MM)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def test_imposed_sheets_are_a4_landscape() -> None:
    imposed = pypdf.PdfReader(io.BytesIO(impose(_numbered_pdf(5), "a5")))
    assert len(imposed.pages) == 4
    width, height = PAPERS["a5"].sheet_pt
    for page in imposed.pages:
        assert float(page.mediabox.width) == pytest.approx(width)
        assert float(page.mediabox.height) == pytest.approx(height)
    assert width == pytest.approx(297 * MM) and height == pytest.approx(210 * MM)
