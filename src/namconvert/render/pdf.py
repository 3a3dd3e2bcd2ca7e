"""``programme.pdf``: the printable programme booklet, and ``programme-print.pdf``, imposed.

A small programme is laid out by WeasyPrint as one tagged (PDF/UA-1) document, its page
numbers by ``target-counter()``. A big one (more than ``2 * PART_SLOTS`` slots) is laid out
in parts in parallel and merged (see ``booklet_parts``), tagged PDF/UA-1 too: the parts are
tagged and their structure trees joined.
"""

from __future__ import annotations

from pathlib import Path

from ..config import Options
from ..events import site_url
from ..model import Programme
from ..output import OutputWriter
from . import booklet_cache
from .booklet import ONE_DOCUMENT, booklet_html, typeset, whole_days
from .booklet_parts import PART_SLOTS, render_in_parts, slot_count
from .imposition import impose

NAME = "pdf"
SUFFIX = ".pdf"
MEDIA_TYPE = "application/pdf"
TITLE = "PDF booklet"
OUTPUT = "programme.pdf"
PRINT_OUTPUT = "programme-print.pdf"


def render_booklet(programme: Programme, options: Options, cache: Path | None = None) -> bytes:
    """The booklet as PDF bytes: one document when small, else in parts (kept in CACHE)."""
    if slot_count(programme) > 2 * PART_SLOTS:
        return render_in_parts(programme, options, cache=cache)
    html = booklet_html(programme, options, parts=ONE_DOCUMENT,
                        chunks=whole_days(programme))
    return typeset(html, options).pdf


def render(programme: Programme, options: Options, out: OutputWriter) -> list[Path]:
    booklet = render_booklet(programme, options, out.out_dir / booklet_cache.FOLDER)
    return [out.write_bytes(OUTPUT, booklet),
            out.write_bytes(PRINT_OUTPUT, impose(booklet, options.paper,
                                                 back_cover=site_url(options) is not None))]
