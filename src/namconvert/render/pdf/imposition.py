"""Saddle-stitch imposition: two booklet pages side by side on each side of a sheet.

The booklet is padded with blank pages to a multiple of four. Sheet 1's front holds the
last page on the left and page 1 on the right; its back holds page 2 and the second-to-last;
and so on inwards. Printed double-sided (flip on the short edge), stacked and folded, the
sheets give the booklet. Each booklet paper goes on the sheet twice its size (``Paper.sheet_pt``
of the paper table in ``document``), landscape.
"""

from __future__ import annotations

import io

from .document import PAPERS

Side = tuple[int | None, int | None]  # (left, right) 0-based booklet pages; None is blank


def padded(page_count: int) -> int:
    return max(4, -(-page_count // 4) * 4)


def saddle_stitch(page_count: int, back_cover: bool = False) -> list[Side]:
    """The sides to print, in order (front of sheet 1, back of sheet 1, ...). With a BACK_COVER
    (the last page) the blanks go before it, so that it is the folded booklet's back."""
    total = padded(page_count)
    last = page_count - 1

    def page(index: int) -> int | None:
        if back_cover and page_count > 1 and index == total - 1:
            return last
        return index if index < (last if back_cover and page_count > 1 else page_count) else None

    sides: list[Side] = []
    for sheet in range(total // 4):
        sides.append((page(total - 1 - 2 * sheet), page(2 * sheet)))
        sides.append((page(2 * sheet + 1), page(total - 2 - 2 * sheet)))
    return sides


def impose(booklet: bytes, paper: str, back_cover: bool = False) -> bytes:
    """The booklet PDF imposed for saddle-stitch printing on the sheet for PAPER, with pikepdf
    (qpdf): 14 times faster than pypdf on a 1,000-talk booklet.

    Each booklet page becomes a form XObject drawn on its half of the sheet: its content is
    copied, not re-parsed. The sheets carry no structure tree (nor links): the print file
    claims no tagging (the booklet's XMP metadata, which claims PDF/UA-1, is left behind).
    """
    import pikepdf

    source = pikepdf.Pdf.open(io.BytesIO(booklet))
    sheet_width, sheet_height = PAPERS[paper].sheet_pt
    half = sheet_width / 2
    imposed = pikepdf.Pdf.new()
    forms: dict[int, pikepdf.Object] = {}

    def form(index: int) -> pikepdf.Object:
        if index not in forms:
            forms[index] = imposed.copy_foreign(source.pages[index].as_form_xobject())
        return forms[index]

    for side in saddle_stitch(len(source.pages), back_cover):
        xobjects = pikepdf.Dictionary()
        drawing = []
        for slot, index in enumerate(side):
            if index is None:
                continue
            box = source.pages[index].mediabox
            width, height = float(box[2]) - float(box[0]), float(box[3]) - float(box[1])
            # Centre each page in its half; A5 is 0.5 mm narrower than half an A4.
            tx = slot * half + (half - width) / 2
            ty = (sheet_height - height) / 2
            name = f"/Page{slot}"
            xobjects[name] = form(index)
            drawing.append(f"q 1 0 0 1 {tx:.3f} {ty:.3f} cm {name} Do Q")
        sheet = pikepdf.Dictionary(
            Type=pikepdf.Name.Page, MediaBox=[0, 0, sheet_width, sheet_height],
            Resources=pikepdf.Dictionary(XObject=xobjects),
            Contents=imposed.make_stream("\n".join(drawing).encode()))
        imposed.pages.append(pikepdf.Page(sheet))
    info = source.docinfo
    imposed.docinfo = imposed.make_indirect(pikepdf.Dictionary({
        key: value for key, value in info.items() if isinstance(value, pikepdf.String)}))
    out = io.BytesIO()
    imposed.save(out, compress_streams=True, object_stream_mode=pikepdf.ObjectStreamMode.generate,
                 deterministic_id=True, min_version=source.pdf_version)
    return out.getvalue()
