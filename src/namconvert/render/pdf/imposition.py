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
    """The booklet PDF imposed for saddle-stitch printing on the sheet for PAPER.

    Each booklet page becomes a form XObject drawn on its half of the sheet: its content is
    copied, not re-parsed (pypdf's merge_page re-parses it, about 0.2 s a page).
    """
    from pypdf import PdfReader, PdfWriter
    from pypdf.generic import (
        ArrayObject,
        DecodedStreamObject,
        DictionaryObject,
        FloatObject,
        NameObject,
    )

    reader = PdfReader(io.BytesIO(booklet))
    sheet_width, sheet_height = PAPERS[paper].sheet_pt
    half = sheet_width / 2
    writer = PdfWriter()
    forms: dict[int, object] = {}

    def form(index: int) -> object:
        if index not in forms:
            page = reader.pages[index]
            contents = page.get_contents()
            xobject = DecodedStreamObject()
            xobject.set_data(contents.get_data() if contents is not None else b"")
            xobject.update({
                NameObject("/Type"): NameObject("/XObject"),
                NameObject("/Subtype"): NameObject("/Form"),
                NameObject("/BBox"): ArrayObject(FloatObject(v) for v in page.mediabox),
                NameObject("/Resources"): page["/Resources"].clone(writer),
            })
            forms[index] = writer._add_object(xobject.flate_encode())
        return forms[index]

    for side in saddle_stitch(len(reader.pages), back_cover):
        sheet = writer.add_blank_page(sheet_width, sheet_height)
        xobjects = DictionaryObject()
        drawing = []
        for slot, index in enumerate(side):
            if index is None:
                continue
            page = reader.pages[index]
            width, height = float(page.mediabox.width), float(page.mediabox.height)
            # Centre each page in its half; A5 is 0.5 mm narrower than half an A4.
            tx = slot * half + (half - width) / 2
            ty = (sheet_height - height) / 2
            name = f"/Page{slot}"
            xobjects[NameObject(name)] = form(index)
            drawing.append(f"q 1 0 0 1 {tx:.3f} {ty:.3f} cm {name} Do Q")
        content = DecodedStreamObject()
        content.set_data("\n".join(drawing).encode())
        sheet[NameObject("/Contents")] = writer._add_object(content.flate_encode())
        sheet[NameObject("/Resources")] = DictionaryObject({NameObject("/XObject"): xobjects})
    if reader.metadata:
        writer.add_metadata({k: v for k, v in reader.metadata.items() if isinstance(v, str)})
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()
