"""The booklet of a big programme, laid out in parts and merged.

WeasyPrint's time and memory grow faster than the page count on one big document, so a
programme with many talks is cut into parts of about ``PART_SLOTS`` slots at session
boundaries, and the parts are laid out in parallel processes, each reporting its page count
and the page of every anchor. Then, with every body page known:

1. the cover, contents and overview pages (the front matter) are laid out once, with the page
   numbers written in, beside the speaker index (the contents, and each day at a glance, a
   document of its own, on the cores as they come free): the front matter is numbered apart
   (i, ii, ...), the body from 1, so no body page's number depends on the contents' length (it
   did, and cost a trial layout of the contents for its page count);
2. each page's folio ("ii" in the front matter, "n / N" after it: N is known only now) is
   stamped onto it as a pagination artifact: copied from the one sample folio laid out
   beside the body parts, its glyphs changed and centred again, since a document of N folio
   pages costs WeasyPrint more than linear time (3.2 s for 700 pages, 26 s for 2,800). A
   template whose folio the stamp cannot copy (a kerned or styled run) gets that document
   laid out instead; the PDF's page labels say the same (i, ii, ..., 1, 2, ...);
3. pikepdf (qpdf) merges the pieces, joins their structure trees into one (every piece but the
   folios is laid out tagged, so the merged booklet is PDF/UA-1 as the one-document one is),
   points the contents' and index's placeholder links at their pages, and writes the
   outline days > sessions > talks from the anchors.

A part starts a new page, as each day does in the one-document booklet. Laid-out body parts
are kept in the output folder (``cache``): a rebuild after an edit lays out only the
parts the edit changed.
"""

from __future__ import annotations

import io
import os
import re
from collections.abc import Callable, Mapping, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from ... import progress
from ...config import Options
from ...model import Programme
from ...views.labels import day_heading, day_id
from ...views.schedule import site_url
from ...workers import (
    available_cores,
    exit_with_parent,
    killed_workers_reported,
    stopped_on_interrupt,
    worker_context,
)
from . import cache as part_cache
from .document import (
    PDF_VARIANT,
    PLACEHOLDER,
    Chunk,
    Typeset,
    asset_roots,
    booklet_html,
    listed,
    typeset,
)

if TYPE_CHECKING:
    import pikepdf
    from pypdf.generic import DictionaryObject

PART_SLOTS = 150
# From this many slots the booklet is laid out in parts: two parts on two cores, with the
# contents laid out once, beat one document from about 100 slots (bench/RESULTS.md, "The
# front matter in pieces").
IN_PARTS_FROM = 100
Anchor = tuple[int, float, float]  # 0-based page in the whole booklet, x, y


def slot_count(programme: Programme) -> int:
    return sum(len(s.slots) for d in programme.days for s in d.sessions)


def in_parts(slots: int) -> bool:
    """Whether a booklet of SLOTS slots is laid out in parts (else as one document)."""
    return slots >= IN_PARTS_FROM


def part_size(slots: int) -> int:
    """The slots of a body part for a programme of SLOTS: PART_SLOTS, or half the programme
    when that is less, so that a programme short of two full parts still has two, one a core."""
    return max(1, min(PART_SLOTS, -(-slots // 2)))


def plan_parts(programme: Programme, part_slots: int = PART_SLOTS) -> list[list[Chunk]]:
    """Cut the days into parts of about PART_SLOTS slots, at session boundaries."""
    parts: list[list[Chunk]] = []
    current: list[Chunk] = []
    size = 0
    for day in programme.days:
        sessions: list = []  # type: ignore[type-arg]
        continued = False
        for session in day.sessions:
            if size >= part_slots and (sessions or current):
                if sessions:
                    current.append(Chunk(day, tuple(sessions), continued))
                    continued, sessions = True, []
                parts.append(current)
                current, size = [], 0
            sessions.append(session)
            size += len(session.slots)
        current.append(Chunk(day, tuple(sessions), continued))
    if current:
        parts.append(current)
    return parts


def _light(programme: Programme, chunks: Sequence[Chunk]) -> tuple[Programme, list[Chunk]]:
    """What a worker needs to typeset CHUNKS: no other day's sessions travel to it."""
    return (replace(programme, days=()),
            [replace(c, day=replace(c.day, sessions=())) for c in chunks])


def _typeset_body(programme: Programme, chunks: Sequence[Chunk], options: Options,
                  cache: Path | None, salt: str) -> part_cache.Used:
    """One body part, in a worker process, found in CACHE (a folder) or laid out: page numbers
    and folios come later.

    The merged booklet takes its metadata from the front, so a body part is laid out without
    the build's date: its bytes then depend on its content alone, and CACHE can keep them.
    """
    html = booklet_html(programme, replace(options, source_date_epoch=0), parts=("body",),
                        chunks=chunks, folios=False)
    key = part_cache.key(html, f"{salt}\0{PDF_VARIANT}")  # a part is laid out tagged
    if cache is not None and (kept := part_cache.load(cache, key)) is not None:
        return part_cache.Used(key, kept, fresh=False)
    # Tagged: merge() joins the parts' structure trees.
    return part_cache.Used(key, typeset(html, options), fresh=True)


def _typeset_part(programme: Programme, options: Options, parts: tuple[str, ...],
                  chunks: Sequence[Chunk], pages: Mapping[str, int] | None,
                  folio_texts: Sequence[str] = ()) -> Typeset:
    """PARTS laid out (for "folios", a page for each of FOLIO_TEXTS)."""
    # The folios are stamped on tagged pages as artifacts; the other pieces are tagged.
    folios = parts == ("folios",)
    html = booklet_html(programme, options, parts=parts, chunks=chunks, pages=pages,
                        folios=folios, folio_texts=folio_texts)
    return typeset(html, options, tagged=not folios)


BACK = ("index", "back")


def front_pieces(programme: Programme) -> list[tuple[Programme, tuple[str, ...]]]:
    """The front matter as documents to lay out side by side, each with the programme it needs:
    the cover and contents, then each day at a glance (a day with no listed slot has none).
    Each day at a glance starts a page, so the pieces are paged as one document would be."""
    return [(programme, ("cover", "contents")),
            *((replace(programme, days=(day,)), ("overview",)) for day in programme.days
              if any(listed(slot) for session in day.sessions for slot in session.slots))]


def _without_abstracts(programme: Programme) -> Programme:
    """What the contents and the index need: every slot, none of the abstracts to ship to a worker."""
    return replace(programme, days=tuple(
        replace(day, sessions=tuple(
            replace(session, slots=tuple(replace(slot, abstract=None, abstract_html=None)
                                         for slot in session.slots))
            for session in day.sessions))
        for day in programme.days))


def roman(number: int) -> str:
    """NUMBER (1 to 3999) in lower-case Roman numerals: the front matter's page numbers."""
    digits = ((1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"),
              (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"))
    text = ""
    for value, letters in digits:
        count, number = divmod(number, value)
        text += letters * count
    return text


def folio_text(index: int, front_pages: int, total: int) -> str:
    """The folio of the 0-based page INDEX of a booklet of TOTAL pages whose first FRONT_PAGES
    (the cover, contents and overview) are numbered i, ii, ...; the rest "n / N" from 1."""
    if index < front_pages:
        return roman(index + 1)
    return f"{index - front_pages + 1} / {total - front_pages}"


def lay_out_in_parts(programme: Programme, options: Options, part_slots: int | None = None,
                     workers: int | None = None, cache: Path | None = None) \
        -> tuple[bytes, list[part_cache.Used]]:
    """The booklet of PROGRAMME, laid out part by part; the same structure as one document.

    Two rounds of parallel work: the body parts, beside the sample folio; then the front matter
    and the index, each once: the body is numbered from 1 whatever the front's length.
    Body parts found in CACHE (a folder) are not laid out again; the body parts used are
    returned beside the PDF, for the caller to keep in the cache (``cache.write``). PART_SLOTS
    is the slots a part holds (``part_size`` of the programme's when not given).
    """
    parts = plan_parts(programme, part_slots or part_size(slot_count(programme)))
    outline_only = _without_abstracts(programme)
    salt = part_cache.salt(asset_roots(options)) if cache is not None else ""
    context = worker_context("spawn")  # WeasyPrint's font caches are not safe to fork
    with killed_workers_reported("a part of the booklet"), \
            ProcessPoolExecutor(workers or min(len(parts) + 1, available_cores()),
                                mp_context=context,
                                initializer=exit_with_parent,
                                initargs=(os.getpid(),)) as pool, \
            stopped_on_interrupt(pool, stop_seconds=0):  # the workers hold nothing to clean up
        sample = pool.submit(_typeset_part, outline_only, options, ("folios",), (), {},
                             ("", FOLIO_SAMPLE))
        futures = [pool.submit(_typeset_body, *_light(programme, chunks), options, cache, salt)
                   for chunks in parts]
        used: list[part_cache.Used] = []
        for future in futures:
            used.append(future.result())
            progress.report("pdf", len(used), len(futures), "booklet parts")
        bodies = [u.part for u in used]
        body_anchors: dict[str, Anchor] = {}
        body_pages = 0
        for body in bodies:
            for name, (page, x, y) in body.anchors.items():
                body_anchors.setdefault(name, (body_pages + page, x, y))
            body_pages += body.page_count
        body_anchors["speaker-index"] = (body_pages, 0.0, 0.0)
        # Page numbers as printed: the body's, from 1; the front matter's do not count.
        numbers = {name: page + 1 for name, (page, _, _) in body_anchors.items()}
        # The contents first and the index next, the longest jobs, then the days at a glance
        # as the cores come free.
        def lay_out(piece: Programme, names: tuple[str, ...]) -> Future[Typeset]:
            return pool.submit(_typeset_part, piece, options, names, (), numbers)

        contents, *glances = front_pieces(outline_only)
        front_jobs = [lay_out(*contents)]
        back_job = lay_out(outline_only, BACK)
        front_jobs += [lay_out(*glance) for glance in glances]
        front = [job.result() for job in front_jobs]
        back = back_job.result()
        front_pages = sum(piece.page_count for piece in front)
        total = front_pages + body_pages + back.page_count
        texts = [folio_text(i, front_pages, total) for i in range(total)]
        stamped = _stamped_folios(sample.result())
        folios = (stamped(texts) if stamped is not None  # else a template's folio the stamp
                  else _laid_out_folios(pool.submit(  # cannot copy: lay them all out
                      _typeset_part, outline_only, options, ("folios",), (), {}, texts).result()))
    anchors = {n: (p + front_pages, x, y) for n, (p, x, y) in body_anchors.items()}
    return merge(programme, [*front, *bodies, back], folios, anchors, front_pages,
                 back_cover=site_url(options) is not None), used


# Every character a folio can have: "n / N" and the front matter's "xiv".
FOLIO_SAMPLE = "0123456789 / 0123456789 ivxlcdm"
# The one text run of the sample folio page as WeasyPrint writes it: the text matrix, the
# font, and the glyphs with no adjustment between them (an adjusted run is not copied).
# WeasyPrint writes "0" after a glyph whose width it rounded (a fraction of a thousandth),
# nothing after one it did not: "<0013>0<004c0059>0" is three glyphs.
_RUN = re.compile(rb"(?P<a>[\d.]+) 0 0 -?[\d.]+ (?P<x>-?[\d.]+) -?[\d.]+ Tm\s+(?P<font>/[^\s/]+) "
                  rb"(?P<size>[\d.]+) Tf\s+\[(?P<glyphs>(?:<[0-9a-fA-F]+>0?\s*)+)\] TJ")
Glyph = tuple[bytes, bool]  # hex glyph id (4 digits), and whether "0" follows it


def _glyphs(run: bytes) -> list[Glyph] | None:
    """The glyphs of a run's TJ array, or None when they are not two-byte ids."""
    glyphs: list[Glyph] = []
    for ids, rounded in re.findall(rb"<([0-9a-fA-F]+)>(0?)", run):
        if len(ids) % 4:
            return None
        chunks = [ids[i:i + 4] for i in range(0, len(ids), 4)]
        glyphs += [(chunk, False) for chunk in chunks[:-1]] + [(chunks[-1], bool(rounded))]
    return glyphs


def _drawn(glyphs: Sequence[Glyph]) -> bytes:
    """GLYPHS as WeasyPrint writes them in a TJ array (the inverse of ``_glyphs``)."""
    drawn = b"<" + b"".join(glyph + (b">0<" if rounded else b"") for glyph, rounded in glyphs)
    return drawn[:-1] if drawn.endswith(b"<") else drawn + b">"


@dataclass(frozen=True)
class Folios:
    """Each booklet page's folio: its content stream (by 0-based page), drawn with the resources
    of page 2 of DOCUMENT (a PDF)."""

    document: bytes
    stream: Callable[[int], bytes]


def _laid_out_folios(folios: Typeset) -> Folios:
    """Folios from a document of as many pages as the booklet, each laid out with its "n / N"."""
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(folios.pdf))

    def stream(index: int) -> bytes:
        contents = reader.pages[index].get_contents()
        assert contents is not None  # every folio page prints its number
        return bytes(contents.get_data())

    return Folios(folios.pdf, stream)


def _stamped_folios(sample: Typeset) -> Callable[[Sequence[str]], Folios] | None:
    """Folios stamped, not laid out: the sample page's folio with its text run's glyphs changed.

    The sample's one run of FOLIO_SAMPLE gives each character's glyph and the font's widths
    each glyph's advance, so each page's folio text is centred where the sample is. None when the sample is
    not such a run (a template may kern or style its folio): the folios are then laid out.
    """
    from pypdf import PdfReader
    from pypdf.generic import DictionaryObject

    reader = PdfReader(io.BytesIO(sample.pdf))
    if len(reader.pages) != 2 or (contents := reader.pages[1].get_contents()) is None:
        return None
    data = bytes(contents.get_data())
    runs = list(_RUN.finditer(data))
    if len(runs) != 1:
        return None
    run = runs[0]
    glyphs = _glyphs(run["glyphs"])
    if glyphs is None:
        return None
    by_char = dict(zip(FOLIO_SAMPLE, glyphs, strict=False))
    resources = cast(DictionaryObject, reader.pages[1]["/Resources"].get_object())
    fonts = cast(DictionaryObject, resources.get("/Font", DictionaryObject()).get_object())
    font = fonts.get(run["font"].decode())
    advances = _glyph_widths(cast(DictionaryObject, font.get_object())) if font is not None else {}
    if (len(glyphs) != len(FOLIO_SAMPLE) or [by_char[c] for c in FOLIO_SAMPLE] != glyphs
            or any(int(g, 16) not in advances for g, _ in glyphs)):
        return None
    scale = float(run["a"]) * float(run["size"]) / 1000

    def width(text: str) -> float:
        return sum(advances[int(by_char[c][0], 16)] for c in text) * scale

    centre = float(run["x"]) + width(FOLIO_SAMPLE) / 2
    head, middle, tail = (data[:run.start("x")], data[run.end("x"):run.start("glyphs")],
                          data[run.end("glyphs"):])

    def folios(texts: Sequence[str]) -> Folios:
        def stream(index: int) -> bytes:
            text = texts[index]
            drawn = _drawn([by_char[c] for c in text])
            return b"%b%.6f%b%b%b" % (head, centre - width(text) / 2, middle, drawn, tail)

        return Folios(sample.pdf, stream)

    return folios


def _glyph_widths(font: DictionaryObject) -> dict[int, float]:
    """Glyph id -> advance (thousandths of the em) of a Type 0 font, from its /W array."""
    if font.get("/Subtype") != "/Type0":
        return {}
    descendant = cast(list[Any], font["/DescendantFonts"])[0].get_object()
    entries = list(descendant.get("/W", []))
    widths: dict[int, float] = {}
    i = 0
    while i < len(entries):
        first = int(entries[i])
        following = entries[i + 1].get_object()
        if isinstance(following, list):  # c [w1 w2 ...]
            widths.update((first + n, float(w)) for n, w in enumerate(following))
            i += 2
        else:  # c_first c_last w
            widths.update((c, float(entries[i + 2])) for c in range(first, int(following) + 1))
            i += 3
    return widths


def merge(programme: Programme, pieces: Sequence[Typeset], folios: Folios,
          anchors: Mapping[str, Anchor], front_pages: int, *, back_cover: bool = False) -> bytes:
    """One PDF of the laid-out PIECES, with pikepdf (qpdf): pages, one structure tree, folios
    (none on the covers: the last page is one when BACK_COVER), page labels (the first
    FRONT_PAGES i, ii, ..., then 1, 2, ...), links and outline. Written
    with object streams, which pypdf cannot write: the structure tree's elements (a few
    hundred a page) are compressed as in WeasyPrint's own documents."""
    import pikepdf

    booklet = pikepdf.Pdf.new()
    sources = [pikepdf.Pdf.open(io.BytesIO(piece.pdf)) for piece in pieces]
    for source in sources:
        booklet.pages.extend(source.pages)
    front = sources[0]
    booklet.Root.Lang = front.Root.Lang
    info = front.docinfo
    booklet.docinfo = cast(pikepdf.Dictionary, booklet.copy_foreign(
        info if info.is_indirect else front.make_indirect(info)))
    _merge_structure(booklet, sources)
    _stamp_folios(booklet, folios, len(booklet.pages) - 1 if back_cover else None)
    booklet.Root.PageLabels = pikepdf.Dictionary(Nums=pikepdf.Array([
        0, pikepdf.Dictionary(S=pikepdf.Name.r), front_pages, pikepdf.Dictionary(S=pikepdf.Name.D)]))

    pages = booklet.pages

    def destination(name: str) -> pikepdf.Array:
        page, x, y = anchors[name]
        return pikepdf.Array([pages[page].obj, pikepdf.Name.XYZ, x, y, None])

    for page in pages:
        for annot in page.obj.get("/Annots", pikepdf.Array()):
            action = annot.get("/A")
            uri = str(action.get("/URI", "")) if isinstance(action, pikepdf.Dictionary) else ""
            if uri.startswith(PLACEHOLDER):
                del annot["/A"]
                annot.Dest = destination(uri.removeprefix(PLACEHOLDER))
    with booklet.open_outline() as outline:
        items = outline.root
        items.append(pikepdf.OutlineItem("Contents", 1))
        for title, name, children in _outline(programme):
            day = pikepdf.OutlineItem(title, anchors[name][0])
            for session_title, session_name, talks in children:
                session = pikepdf.OutlineItem(session_title, anchors[session_name][0])
                session.children.extend(pikepdf.OutlineItem(talk_title, anchors[talk_name][0])
                                        for talk_title, talk_name, _ in talks)
                day.children.append(session)
            items.append(day)
        items.append(pikepdf.OutlineItem("Index of speakers", anchors["speaker-index"][0]))
    out = io.BytesIO()
    booklet.save(out, object_stream_mode=pikepdf.ObjectStreamMode.generate, deterministic_id=True,
                 min_version=front.pdf_version)
    return out.getvalue()


def _merge_structure(booklet: pikepdf.Pdf, sources: Sequence[pikepdf.Pdf]) -> None:
    """One PDF/UA structure tree from the pieces' (each a tagged WeasyPrint document).

    Each piece's Document element becomes a Part of the booklet's one Document; each piece's
    parent tree (page and annotation keys -> structure elements) is renumbered after the
    previous pieces' keys, and so are its pages' ``/StructParents`` and annotations'
    ``/StructParent``. The front piece's catalogue entries (``/MarkInfo``,
    ``/ViewerPreferences``, the XMP metadata that claims PDF/UA-1) go to the booklet's.
    """
    import pikepdf

    root = booklet.make_indirect(pikepdf.Dictionary(Type=pikepdf.Name.StructTreeRoot))
    document = booklet.make_indirect(pikepdf.Dictionary(
        Type=pikepdf.Name.StructElem, S=pikepdf.Name.Document, P=root))
    parts: list[pikepdf.Object] = []
    nums: list[pikepdf.Object | int] = []  # built in Python: a pikepdf Array's extend copies it
    offset = first_page = 0
    for source in sources:
        tree = source.Root.StructTreeRoot
        [old] = [kid for kid in _kids(tree) if kid.get("/S") == pikepdf.Name.Document]
        del old["/P"]  # copying stops at the piece's Document, its old root left behind
        part = booklet.copy_foreign(old)
        part.S, part.P = pikepdf.Name.Part, document
        parts.append(part)
        parent_tree = booklet.copy_foreign(tree.ParentTree)  # the pages' copies are reused
        assert "/Kids" not in parent_tree, "WeasyPrint writes a flat parent tree"
        keys = list(parent_tree.Nums)
        for key, value in zip(keys[::2], keys[1::2], strict=True):
            nums.extend([int(key) + offset, value])
        next_key = int(tree.get("/ParentTreeNextKey", max(map(int, keys[::2]), default=-1) + 1))
        for page in booklet.pages[first_page:first_page + len(source.pages)]:
            if "/StructParents" in page.obj:
                page.obj.StructParents = int(page.obj.StructParents) + offset
            for annot in page.obj.get("/Annots", pikepdf.Array()):
                if "/StructParent" in annot:
                    annot.StructParent = int(annot.StructParent) + offset
        first_page += len(source.pages)
        offset += next_key
    document.K = pikepdf.Array(parts)
    root.K = pikepdf.Array([document])
    root.ParentTree = booklet.make_indirect(pikepdf.Dictionary(Nums=pikepdf.Array(nums)))
    root.ParentTreeNextKey = offset
    booklet.Root.StructTreeRoot = root
    front = sources[0]
    for name in ("/MarkInfo", "/ViewerPreferences", "/Metadata"):
        if name in front.Root:
            value = front.Root[name]
            booklet.Root[name] = booklet.copy_foreign(
                value if value.is_indirect else front.make_indirect(value))


def _kids(node: pikepdf.Object) -> list[pikepdf.Object]:
    """A structure node's /K as a list of its items."""
    import pikepdf

    if "/K" not in node:
        return []
    kids = node.K
    return list(kids) if isinstance(kids, pikepdf.Array) else [kids]


Outline = list[tuple[str, str, "Outline"]]


def _outline(programme: Programme) -> Outline:
    """(title, anchor, children) for days > sessions > listed talks."""
    return [(day_heading(day), day_id(day), [
        (session.title, session.id, [(slot.title, slot.id, []) for slot in session.slots
                                     if listed(slot)])
        for session in day.sessions]) for day in programme.days]


def _stamp_folios(booklet: pikepdf.Pdf, folios: Folios, back_cover: int | None) -> None:
    """Add each page's folio (not the covers') after its content, as a pagination artifact.

    The page's own streams stay as they are (indirect objects, never re-parsed), bracketed
    by q / Q so that the folio draws in the page's initial graphics state; the folio's
    resources are renamed to stay apart from the page's.
    """
    import pikepdf

    source = pikepdf.Pdf.open(io.BytesIO(folios.document))
    resources = booklet.copy_foreign(source.make_indirect(source.pages[1].obj.Resources))
    renames: dict[bytes, bytes] = {}
    extra: dict[str, dict[str, pikepdf.Object]] = {}
    for category, entries in resources.items():
        if isinstance(entries, pikepdf.Dictionary):
            extra[category] = {}
            for name, value in entries.items():
                new = f"/Folio{name[1:]}"
                renames[name.encode()] = new.encode()
                extra[category][new] = value
    pattern = re.compile(b"(" + b"|".join(re.escape(n) for n in renames) + rb")(?=[\s/\[<(])")
    opening = booklet.make_stream(b"q ")
    for index, page in enumerate(booklet.pages):
        if index in (0, back_cover):
            continue  # the covers have no folio
        folio = pattern.sub(lambda m: renames[m.group(1)], folios.stream(index))
        # Outside the structure tree, so marked as a pagination artifact (PDF/UA-1, 7.8).
        stamp = booklet.make_stream(b"Q /Artifact <</Type /Pagination>> BDC\n" + folio + b"\nEMC")
        contents = page.obj.Contents
        streams = list(contents) if isinstance(contents, pikepdf.Array) else [contents]
        assert all(stream.is_indirect for stream in streams), "a content stream is inline"
        page.obj.Contents = pikepdf.Array([opening, *streams, stamp])
        page_resources = page.obj.Resources
        for category, added in extra.items():
            if category not in page_resources:
                page_resources[category] = pikepdf.Dictionary()
            target = page_resources[category]
            for name, value in added.items():
                target[name] = value
