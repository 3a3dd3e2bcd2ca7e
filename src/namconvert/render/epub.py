"""``programme.epub``: an EPUB 3 made by Pandoc (through pypandoc) from a lean HTML document
generated from the model, never from the raw README.

Pandoc runs with ``--sandbox``: it reads the document and the metadata file it
is given and nothing else, so an image, stylesheet or file named in an abstract
is never fetched or embedded. Pandoc's sandbox also refuses the cover image and
stylesheet options, so those two files (both generated here) are added to the
finished EPUB afterwards, together with the build's timestamp, and the archive
is rewritten with fixed entry dates: the same input and ``SOURCE_DATE_EPOCH``
give the same bytes.
"""

from __future__ import annotations

import datetime as dt
import io
import os
import posixpath
import subprocess
import tempfile
import textwrap
import uuid
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import DependencyError, RenderError
from ..model import Programme, Slot
from ..output import OutputWriter
from ..templating import make_environment, render_template, template_asset
from ..views import View, labels
from ..views.text import strip_control

NAME = "epub"
SUFFIX = ".epub"
MEDIA_TYPE = "application/epub+zip"
TITLE = "E-book (EPUB)"
OUTPUT = "programme.epub"

PANDOC_TIMEOUT = 900  # seconds; a 10,000-talk programme takes well under this
# Pandoc's heap with GHC's compacting collector instead of the copying one: for 1,000 talks,
# 660 MB instead of 920 MB at the same speed (bench/RESULTS.md).
PANDOC_RTS = ("+RTS", "-c", "-RTS")
NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, "https://namconvert.invalid/epub")
HEADING_KINDS = ("talk", "panel")

# -- the document ------------------------------------------------------------------------------


def identifier(programme: Programme) -> str:
    """A UUID for the book that survives edits to abstracts: from title, dates and zone."""
    dates = ",".join(sorted(d.date.isoformat() for d in programme.days))
    return str(uuid.uuid5(NAMESPACE, "\x1f".join((programme.title, dates, programme.timezone))))


def is_heading(slot: Slot) -> bool:
    """Talks and panels are entries of the table of contents; the rest are paragraphs."""
    return slot.kind in HEADING_KINDS or slot.abstract_html is not None


def cover_layout(programme: Programme) -> dict[str, Any]:
    """Title lines and sizes for the cover: fewer, larger lines for short titles."""
    size, width = (120, 20) if len(programme.title) <= 60 else (90, 28)
    lines = textwrap.wrap(programme.title, width=width)[:8] or [""]
    top = 900 - (len(lines) - 1) * size * 1.25 / 2
    return {"title_lines": lines, "title_size": size, "title_top": round(top),
            "subtitle_top": round(top + len(lines) * size * 1.25 + 120)}


def context(view: View) -> dict[str, Any]:
    programme = view.programme
    notes = {d.day.date: d.zone_note for d in view.days}
    return {
        "programme": programme, "options": view.options, "index": view.index,
        "identifier": identifier(programme), "creators": labels.organisers(programme),
        "date": view.build_time.date().isoformat(), "date_range": view.date_range,
        "day_id": labels.day_id, "day_heading": labels.day_heading, "times": labels.time_span,
        "speakers": labels.speaker_line, "when": labels.when, "is_heading": is_heading,
        "zone_note": lambda day: notes[day.date],
        **cover_layout(programme),
    }


# -- Pandoc ------------------------------------------------------------------------------------


def pandoc_path() -> str:
    try:
        import pypandoc
    except ImportError:
        raise DependencyError("pypandoc is not installed; run `make venv` (or "
                              "`pip install pypandoc-binary`) to install Pandoc") from None
    try:
        path: str = pypandoc.get_pandoc_path()
    except OSError as exc:
        raise DependencyError(f"Pandoc is missing or broken ({exc}); reinstall it with "
                              "`pip install --force-reinstall pypandoc-binary`") from None
    return path


def pandoc_arguments(document: Path, metadata: Path, output: Path, subtitle: str) -> list[str]:
    return [
        "--sandbox", "--from=html", "--to=epub3", str(document), f"--output={output}",
        f"--epub-metadata={metadata}", "--split-level=1", "--toc-depth=3",
        f"--metadata=subtitle:{subtitle}", "--fail-if-warnings",
    ]


def run_pandoc(document: str, metadata: str, subtitle: str, epoch: int) -> bytes:
    """The EPUB Pandoc makes of DOCUMENT, in a private folder it cannot see past."""
    pandoc = pandoc_path()
    with tempfile.TemporaryDirectory(prefix="namconvert-epub-") as tmp:
        folder = Path(tmp)
        (folder / "programme.html").write_text(document, encoding="utf-8")
        (folder / "metadata.xml").write_text(metadata, encoding="utf-8")
        output = folder / "programme.epub"
        args = pandoc_arguments(folder / "programme.html", folder / "metadata.xml", output,
                                subtitle)
        env = {"PATH": os.environ.get("PATH", ""), "HOME": tmp, "LANG": "C.UTF-8",
               "SOURCE_DATE_EPOCH": str(epoch)}
        try:
            done = subprocess.run([pandoc, *PANDOC_RTS, *args], cwd=tmp, env=env, capture_output=True,
                                  timeout=PANDOC_TIMEOUT, check=False)
        except OSError as exc:
            raise DependencyError(f"cannot run Pandoc at {pandoc}: {exc}; reinstall it with "
                                  "`pip install --force-reinstall pypandoc-binary`") from None
        except subprocess.TimeoutExpired:
            raise RenderError(f"Pandoc took longer than {PANDOC_TIMEOUT} s to write the EPUB",
                              OUTPUT) from None
        if done.returncode != 0 or not output.is_file():
            message = done.stderr.decode("utf-8", "replace").strip() or f"exit {done.returncode}"
            raise RenderError(f"Pandoc could not write the EPUB: {message}", OUTPUT)
        return output.read_bytes()


# -- finishing the archive ---------------------------------------------------------------------

OPF_NS = "http://www.idpf.org/2007/opf"
CONTAINER_NS = "urn:oasis:names:tc:opendocument:xmlns:container"
COVER_IMAGE = "media/cover.svg"
COVER_PAGE = "text/cover.xhtml"


@dataclass(frozen=True)
class Extras:
    """What Pandoc's sandbox will not take, added to its EPUB afterwards."""

    cover_svg: bytes
    cover_page: Callable[[str, str], str]  # (stylesheet href, image href) -> XHTML
    stylesheet: bytes
    modified: dt.datetime


def zip_time(moment: dt.datetime) -> tuple[int, int, int, int, int, int]:
    """A ZIP entry date (ZIP cannot store dates before 1980)."""
    moment = max(moment, dt.datetime(1980, 1, 1, tzinfo=dt.UTC))
    return (moment.year, moment.month, moment.day, moment.hour, moment.minute,
            moment.second // 2 * 2)


def _opf_path(files: dict[str, bytes]) -> str:
    from lxml import etree

    container = etree.fromstring(files["META-INF/container.xml"])
    rootfile = container.find(f".//{{{CONTAINER_NS}}}rootfile")
    if rootfile is None:
        raise RenderError("Pandoc's EPUB has no package document", OUTPUT)
    return str(rootfile.get("full-path"))


def finish(epub: bytes, extras: Extras) -> bytes:
    """EPUB with the cover, stylesheet and modification date added; fixed entry dates."""
    from lxml import etree

    with zipfile.ZipFile(io.BytesIO(epub)) as archive:
        names = archive.namelist()
        files = {name: archive.read(name) for name in names}
    opf_name = _opf_path(files)
    base = posixpath.dirname(opf_name)
    opf = etree.fromstring(files[opf_name])
    manifest = opf.find(f"{{{OPF_NS}}}manifest")
    spine = opf.find(f"{{{OPF_NS}}}spine")
    metadata = opf.find(f"{{{OPF_NS}}}metadata")
    if manifest is None or spine is None or metadata is None:
        raise RenderError("Pandoc's EPUB package document is incomplete", OUTPUT)
    stylesheets = [item.get("href") for item in manifest if item.get("media-type") == "text/css"]
    if not stylesheets:
        raise RenderError("Pandoc's EPUB has no stylesheet to replace", OUTPUT)
    for href in stylesheets:
        files[posixpath.join(base, str(href))] = extras.stylesheet
    for meta in metadata.iter(f"{{{OPF_NS}}}meta"):
        if meta.get("property") == "dcterms:modified":
            meta.text = f"{extras.modified:%Y-%m-%dT%H:%M:%SZ}"
    etree.SubElement(metadata, f"{{{OPF_NS}}}meta", name="cover", content="cover-image")
    etree.SubElement(manifest, f"{{{OPF_NS}}}item", id="cover-image", href=COVER_IMAGE,
                     attrib={"media-type": "image/svg+xml", "properties": "cover-image"})
    etree.SubElement(manifest, f"{{{OPF_NS}}}item", id="cover_xhtml", href=COVER_PAGE,
                     attrib={"media-type": "application/xhtml+xml"})
    itemref = etree.Element(f"{{{OPF_NS}}}itemref", idref="cover_xhtml", linear="yes")
    spine.insert(0, itemref)
    page_dir = posixpath.dirname(COVER_PAGE)
    page = extras.cover_page(posixpath.relpath(str(stylesheets[0]), page_dir),
                             posixpath.relpath(COVER_IMAGE, page_dir))
    added = {posixpath.join(base, COVER_IMAGE): extras.cover_svg,
             posixpath.join(base, COVER_PAGE): page.encode("utf-8")}
    if set(added) & set(files):
        raise RenderError("Pandoc's EPUB already holds a cover", OUTPUT)
    files[opf_name] = etree.tostring(opf, xml_declaration=True, encoding="UTF-8")
    order = ["mimetype", *(n for n in names if n != "mimetype"), *sorted(added)]
    files.update(added)
    when = zip_time(extras.modified)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name in order:
            info = zipfile.ZipInfo(name, date_time=when)
            # The mimetype entry must come first and be stored (OCF); the rest are deflated.
            info.compress_type = zipfile.ZIP_STORED if name == "mimetype" else zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            archive.writestr(info, files[name], compresslevel=9)
    return buffer.getvalue()


def render(view: View, out: OutputWriter) -> list[Path]:
    programme, options = view.programme, view.options
    env = make_environment(options.templates)
    ctx = context(view)

    def page(name: str, **extra: Any) -> str:
        # XHTML cannot carry most control characters; dropping them cannot break the markup.
        return strip_control(render_template(env, f"{NAME}/{name}", **ctx, **extra))

    document = page("programme.html.jinja")
    metadata = page("metadata.xml.jinja")
    cover_svg = page("cover.svg.jinja")
    epoch = int(view.build_time.timestamp())
    subtitle = f"{ctx['date_range']} · times in {programme.timezone}"
    raw = run_pandoc(document, metadata, subtitle, epoch)

    def cover_page(stylesheet: str, image: str) -> str:
        return page("cover.xhtml.jinja", stylesheet=stylesheet, image=image)

    extras = Extras(cover_svg=cover_svg.encode("utf-8"), cover_page=cover_page,
                    stylesheet=template_asset(options.templates, f"{NAME}/style.css"),
                    modified=view.build_time)
    return [out.write_bytes(OUTPUT, finish(raw, extras))]
