"""``programme.epub``: an EPUB 3 made by Pandoc from its own JSON AST, built from the View
(never from the raw README), in parts, assembled into one book.

- :mod:`.document`: the book's text as Pandoc's AST, in parts of whole days (a small
  programme is one part; a big one a part per few hundred slots, and the speaker index);
- :mod:`.pandoc`: one Pandoc run per part, sandboxed;
- :mod:`.assemble`: the parts' EPUBs merged into one, then the cover, stylesheet and dates
  Pandoc's sandbox will not take added, with fixed entry dates (the same input and
  ``SOURCE_DATE_EPOCH`` give the same bytes).

Pandoc's memory grows with its document, so the parts bound it: Pandoc runs one part at a
time (``jobs`` at a time), never the whole book. Each part's EPUB is kept between builds in
the output folder's cache, by content: after an edit to one abstract only that day's part
is run again. The cache is written through the output writer like every other file (a part
found is kept, :meth:`OutputWriter.keep`), so the parts a build no longer uses are removed
with its other stale files.
"""

from __future__ import annotations

import concurrent.futures as cf
import hashlib
import io
import os
import textwrap
import uuid
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ... import __version__
from ...errors import DependencyError, RenderError
from ...model import Programme
from ...output import OutputWriter
from ...templating import make_environment, render_template, template_asset
from ...views import View, labels
from ...views.text import strip_control
from . import assemble, document
from .document import is_heading
from .pandoc import OUTPUT, pandoc_path, run_pandoc

NAME = "epub"
SUFFIX = ".epub"
MEDIA_TYPE = "application/epub+zip"
TITLE = "E-book (EPUB)"

NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, "https://namconvert.invalid/epub")
# Slots a Pandoc run takes at most (a day bigger than this is still one run): a few hundred
# MB of Pandoc each (bench/RESULTS.md).
PART_SLOTS = 300
CACHE_FOLDER = ".namconvert-cache/epub-parts"

__all__ = ["MEDIA_TYPE", "NAME", "OUTPUT", "SUFFIX", "TITLE", "DependencyError", "RenderError",
           "identifier", "is_heading", "pandoc_path", "render"]


def identifier(programme: Programme) -> str:
    """A UUID for the book that survives edits to abstracts: from title, dates and zone."""
    dates = ",".join(sorted(d.date.isoformat() for d in programme.days))
    return str(uuid.uuid5(NAMESPACE, "\x1f".join((programme.title, dates, programme.timezone))))


def cover_layout(programme: Programme) -> dict[str, Any]:
    """Title lines and sizes for the cover: fewer, larger lines for short titles."""
    size, width = (120, 20) if len(programme.title) <= 60 else (90, 28)
    lines = textwrap.wrap(programme.title, width=width)[:8] or [""]
    top = 900 - (len(lines) - 1) * size * 1.25 / 2
    return {"title_lines": lines, "title_size": size, "title_top": round(top),
            "subtitle_top": round(top + len(lines) * size * 1.25 + 120)}


def context(view: View) -> dict[str, Any]:
    """What the metadata and cover templates read."""
    programme = view.programme
    return {
        "programme": programme, "options": view.options, "identifier": identifier(programme),
        "creators": labels.organisers(programme), "date_range": view.date_range,
        # The built-in metadata leaves the date to the assembly; a user's template may use it.
        "date": view.build_time.date().isoformat(), **cover_layout(programme),
    }


# -- the parts and their cache -----------------------------------------------------------------


@dataclass(frozen=True)
class Run:
    """One part as Pandoc is given it, and the key its EPUB is kept under."""

    name: str
    document: str  # Pandoc's JSON
    key: str


def salt(metadata: str, subtitle: str) -> str:
    """What a part's EPUB depends on besides its document: the metadata every part shares,
    this renderer's version and the Pandoc that runs (a reinstalled one changes its file)."""
    pandoc = pandoc_path()
    try:
        found = os.stat(pandoc)
        stamp = f"{pandoc}\0{found.st_size}\0{found.st_mtime_ns}"
    except OSError:
        stamp = pandoc
    return hashlib.sha256("\0".join((__version__, stamp, metadata, subtitle)).encode()) \
        .hexdigest()


def runs(view: View, part_slots: int, salt: str) -> list[Run]:
    programme = view.programme
    found = []
    for part in document.parts(view, part_slots):
        text = document.to_json(part.blocks, programme.title, programme.language)
        found.append(Run(part.name, text, hashlib.sha256(f"{salt}\0{text}".encode())
                         .hexdigest()))
    return found


def cached(out: OutputWriter, key: str) -> bytes | None:
    """The part's EPUB an earlier build kept, or None (absent or damaged: run it again)."""
    try:
        data = out.final_path(f"{CACHE_FOLDER}/{key}.epub").read_bytes()
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            if archive.testzip() is None:
                return data
    except (OSError, zipfile.BadZipFile, EOFError, RuntimeError):
        pass
    return None


def keep(out: OutputWriter, key: str, data: bytes, fresh: bool) -> Path:
    """The part's EPUB in the cache for the next build: a found one kept as it is."""
    relative = f"{CACHE_FOLDER}/{key}.epub"
    return out.write_bytes(relative, data) if fresh else out.keep_or_write(relative, data)


def part_epubs(view: View, out: OutputWriter, metadata: str, subtitle: str, part_slots: int,
               jobs: int) -> tuple[list[bytes], list[Path]]:
    """Each part's EPUB, from the cache or from Pandoc (JOBS runs at a time), in order; and
    the cache files this build keeps."""
    todo = runs(view, part_slots, salt(metadata, subtitle))
    found = {r.key: data for r in todo if (data := cached(out, r.key)) is not None}
    missing = list({r.key: r for r in todo if r.key not in found}.values())
    fresh: dict[str, bytes] = {}
    if jobs <= 1 or len(missing) <= 1:
        for run in missing:
            fresh[run.key] = run_pandoc(run.document, metadata, subtitle)
    else:
        with cf.ThreadPoolExecutor(min(jobs, len(missing))) as pool:
            # Threads suffice: each waits for its Pandoc process.
            for run, data in zip(missing, pool.map(
                    lambda r: run_pandoc(r.document, metadata, subtitle), missing), strict=True):
                fresh[run.key] = data
    kept: list[Path] = []
    for key in dict.fromkeys(r.key for r in todo):
        kept.append(keep(out, key, fresh.get(key) or found[key], key in fresh))
    return [fresh.get(r.key) or found[r.key] for r in todo], kept


# -- the book ----------------------------------------------------------------------------------


def render(view: View, out: OutputWriter, *, jobs: int = 1,
           part_slots: int = PART_SLOTS) -> list[Path]:
    """Write the EPUB, Pandoc running on parts of at most about PART_SLOTS slots, JOBS at a
    time (the peak memory is JOBS parts' runs)."""
    programme, options = view.programme, view.options
    env = make_environment(options.templates)
    ctx = context(view)

    def page(name: str, **extra: Any) -> str:
        # XHTML cannot carry most control characters; dropping them cannot break the markup.
        return strip_control(render_template(env, f"{NAME}/{name}", **ctx, **extra))

    metadata = page("metadata.xml.jinja")
    subtitle = strip_control(f"{view.date_range} · times in {programme.timezone}")
    parts, kept = part_epubs(view, out, metadata, subtitle, part_slots, jobs)
    book = assemble.merge(parts)

    def cover_page(stylesheet: str, image: str) -> str:
        return page("cover.xhtml.jinja", stylesheet=stylesheet, image=image)

    extras = assemble.Extras(cover_svg=page("cover.svg.jinja").encode("utf-8"),
                             cover_page=cover_page,
                             stylesheet=template_asset(options.templates, f"{NAME}/style.css"),
                             modified=view.build_time)
    return [out.write_bytes(OUTPUT, assemble.finish(book, extras)), *kept]
