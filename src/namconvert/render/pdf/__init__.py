"""``programme.pdf``: the printable programme booklet, and ``programme-print.pdf``, imposed.

A small programme is laid out by WeasyPrint as one tagged (PDF/UA-1) document, its page
numbers by ``target-counter()``. A bigger one (``parts.IN_PARTS_FROM`` slots or more) is laid
out in parts in parallel and merged (``parts``), tagged PDF/UA-1 too: the parts are tagged and
their structure trees joined.

The package: ``document`` (the paper table, the booklet's HTML, the WeasyPrint run),
``parts`` (the multi-part layout and the merge), ``cache`` (laid-out parts kept between
builds), ``fetcher`` (the only files WeasyPrint may read), ``imposition`` (the print version).
"""

from __future__ import annotations

from pathlib import Path

from ...config import Options
from ...model import Programme
from ...output import OutputWriter
from ...views import View
from ...views.schedule import site_url
from . import cache
from .document import ONE_DOCUMENT, LayoutError, booklet_html, slot_named, typeset, whole_days
from .imposition import impose
from .parts import in_parts, lay_out_in_parts, slot_count

NAME = "pdf"
SUFFIX = ".pdf"
MEDIA_TYPE = "application/pdf"
TITLE = "PDF booklet"
OUTPUT = "programme.pdf"
PRINT_OUTPUT = "programme-print.pdf"


def render_booklet(programme: Programme, options: Options,
                   cache_folder: Path | None = None) -> tuple[bytes, list[cache.Used]]:
    """The booklet as PDF bytes: one document when small, else in parts (found in CACHE_FOLDER
    when laid out before), with the parts used."""
    if in_parts(slot_count(programme)):
        return lay_out_in_parts(programme, options, cache=cache_folder)
    html = booklet_html(programme, options, parts=ONE_DOCUMENT, chunks=whole_days(programme))
    return typeset(html, options).pdf, []


def render(view: View, out: OutputWriter) -> list[Path]:
    try:
        booklet, used = render_booklet(view.programme, view.options,
                                       out.final_path(cache.FOLDER))
    except LayoutError as exc:
        raise slot_named(exc, view.programme) from None
    return [out.write_bytes(OUTPUT, booklet),
            out.write_bytes(PRINT_OUTPUT, impose(booklet, view.options.paper,
                                                 back_cover=site_url(view.options) is not None)),
            *cache.write(out, used)]
