"""The booklet of a big programme, laid out in parts and merged: the same structure as one document.

A small synthetic programme cut into many parts shows the merge quickly; the 1,000-talk
programme of the benchmark shows it at the size the parts exist for.
"""

from __future__ import annotations

import dataclasses
import io
import itertools
import os
import signal
import subprocess
import threading
import time
from pathlib import Path
from typing import Any

import pypdf
import pytest
from pypdf.generic import ArrayObject, IndirectObject

from booklet_checks import (
    Booklet,
    body_start,
    check_contents,
    check_folios,
    check_index,
    check_links,
    check_outline,
    check_overview,
    check_running_heads,
    check_tagged,
    check_with_qpdf,
    decoded_qr_codes,
    link_targets,
    squash,
    structure_text,
)
from namconvert import progress
from namconvert.config import Options
from namconvert.errors import RenderError
from namconvert.model import Programme
from namconvert.output import OutputWriter
from namconvert.parse import parse_text
from namconvert.render import pdf
from namconvert.render.pdf import cache as part_cache
from namconvert.render.pdf import parts as booklet_parts
from namconvert.render.pdf.document import MM
from namconvert.render.pdf.imposition import impose, padded
from namconvert.render.pdf.parts import (
    IN_PARTS_FROM,
    PART_SLOTS,
    in_parts,
    lay_out_in_parts,
    part_size,
    plan_parts,
    slot_count,
)
from namconvert.synth import generate
from support import needs_linux, needs_program, running, spawned_workers

OPTIONS = Options(timezone="UTC", source_date_epoch=1657700000)


def synthetic(talks: int) -> Programme:
    programme = parse_text(generate(talks, seed=7), "synthetic.md", OPTIONS).programme
    assert programme is not None
    return programme


@pytest.fixture(scope="module")
def small() -> Programme:
    return synthetic(40)


SITE_OPTIONS = dataclasses.replace(OPTIONS, base_url="https://example.org/meeting/")


@pytest.fixture(scope="module")
def small_pdf(small: Programme) -> bytes:
    """Laid out in parts, with the site's address: the back cover is the last part's end."""
    return render_in_parts(small, SITE_OPTIONS, part_slots=12, workers=2)


@pytest.fixture(scope="module")
def small_booklet(small_pdf: bytes) -> Booklet:
    return Booklet.open(small_pdf)


def test_parts_cut_at_session_boundaries_and_keep_every_slot(small: Programme) -> None:
    parts = plan_parts(small, part_slots=12)
    assert len(parts) > 3
    sessions = [s for part in parts for chunk in part for s in chunk.sessions]
    assert sessions == [s for day in small.days for s in day.sessions]
    for previous, part in itertools.pairwise(parts):
        # A part opening mid-day says so (its running head and contents carry on the day).
        assert part[0].continued == (part[0].day == previous[-1].day)
    assert all(len(part) >= 1 and sum(len(s.slots) for c in part for s in c.sessions) >= 1
               for part in parts)


@pytest.mark.parametrize("check", [check_contents, check_index, check_links, check_outline,
                                   check_overview])
def test_merged_booklet_has_the_structure_of_one_document(
        small_booklet: Booklet, small: Programme, check: object) -> None:
    check(small_booklet, small)  # type: ignore[operator]


def test_merged_booklet_has_folios_and_working_links(small_booklet: Booklet) -> None:
    check_folios(small_booklet, back_cover=True)
    targets = link_targets(small_booklet)
    assert targets and all(1 <= t <= len(small_booklet.texts) for t in targets)


def test_merged_booklet_heads_and_back_cover(small_pdf: bytes, small_booklet: Booklet) -> None:
    """Running heads as in one document, also on a part that opens mid-day; the QR code reads."""
    check_running_heads(small_pdf)
    assert decoded_qr_codes(small_pdf, len(small_booklet.texts)) == ["https://example.org/meeting/"]


def test_merged_booklet_passes_qpdf_check(small_pdf: bytes) -> None:
    check_with_qpdf(small_pdf)
    check_with_qpdf(impose(small_pdf, "a5"))


def _kill_a_part_worker(before: set[int], killed: list[int]) -> None:
    """Kill the first of this process's part workers not in BEFORE; its pid goes into KILLED."""
    deadline = time.monotonic() + 60
    while not killed and time.monotonic() < deadline:
        for pid in spawned_workers(sorted(set(running(parent=os.getpid())) - before))[:1]:
            os.kill(pid, signal.SIGKILL)
            killed.append(pid)
        time.sleep(0.01)


def test_a_killed_part_worker_is_a_message_not_a_traceback(small: Programme) -> None:
    needs_linux("/proc/self/stat")
    killed: list[int] = []
    killer = threading.Thread(target=_kill_a_part_worker,
                              args=(set(running(parent=os.getpid())), killed))
    killer.start()
    try:
        with pytest.raises(RenderError, match="the worker making a part of the booklet ended "
                                              "without an answer"):
            lay_out_in_parts(small, OPTIONS, part_slots=12, workers=2)
    finally:
        killer.join()
    assert killed


def test_merged_print_file_keeps_the_back_cover_at_the_back(small_pdf: bytes) -> None:
    """The imposed merged booklet (pikepdf): qpdf reads it whole, one sheet side for two
    pages, no tags claimed, and the back cover on the outer sheet's left half beside the cover
    with the blank pages before it (a page is left out so that blanks are needed)."""
    import pikepdf

    with pikepdf.open(io.BytesIO(small_pdf)) as booklet:
        while len(booklet.pages) % 4 != 3:
            del booklet.pages[1]
        shorter = io.BytesIO()
        booklet.save(shorter)
    pages = len(pypdf.PdfReader(shorter).pages)
    printed = impose(shorter.getvalue(), "a5", back_cover=True)
    check_with_qpdf(printed)
    reader = pypdf.PdfReader(io.BytesIO(printed))
    assert len(reader.pages) == padded(pages) // 2
    assert "/StructTreeRoot" not in reader.trailer["/Root"]
    half = round(float(reader.pages[0].mediabox.width) / 2)
    pdftotext = needs_program("pdftotext")

    def text(sheet: int, x: int) -> str:
        return squash(subprocess.run(
            [pdftotext, "-f", str(sheet), "-l", str(sheet), "-x", str(x), "-y", "0",
             "-W", str(half), "-H", "1000", "-", "-"],
            input=printed, capture_output=True, check=True).stdout.decode())

    assert "programme online" in text(1, 0).lower()  # the back cover, outside
    assert squash("Synthetic Meeting") in text(1, half)  # the cover
    assert text(2, half) == ""  # the blank before the back cover, inside it


def test_merged_booklet_is_tagged_like_one_document(small_booklet: Booklet) -> None:
    """PDF/UA-1 at every size: the parts' structure trees joined into one, the folios artifacts."""
    check_tagged(small_booklet.reader)
    pages = small_booklet.reader.pages
    assert all(page.get_contents().get_data().count(b"/Artifact") >= 1 for page in pages[1:])


def test_merged_booklet_structure_holds_every_parts_text() -> None:
    """Poppler reads the joined tree: every session and slot title, from each part, is in it.

    (A smaller booklet than the others: poppler's -struct-text takes a second a page.)
    """
    tiny = synthetic(12)
    assert len(plan_parts(tiny, part_slots=4)) >= 3
    text = structure_text(render_in_parts(tiny, OPTIONS, part_slots=4, workers=2))
    titles = [t for d in tiny.days for s in d.sessions for t in (s.title, *(x.title for x in s.slots))]
    assert [t for t in titles if squash(t) not in text] == []
    assert "Contents" in text and "Index of speakers" in text


def test_merged_booklet_content_streams_are_indirect(small_booklet: Booklet) -> None:
    """Stamping the folios keeps every page's content streams indirect objects (pypdf
    repairs inline streams silently; qpdf, above, reads such a booklet as a page or two)."""
    for page in small_booklet.reader.pages:
        contents = page.raw_get("/Contents")
        streams = contents.get_object()
        assert isinstance(contents, IndirectObject) or isinstance(streams, ArrayObject)
        if isinstance(streams, ArrayObject):
            assert all(isinstance(stream, IndirectObject) for stream in streams)


def test_stamped_folios_draw_what_weasyprint_lays_out(small: Programme) -> None:
    """Each stamped folio, "xiv" or "n / N", is the laid-out folio page's drawing, the same
    glyphs in the same font and place (centred on the drawn glyphs' widths, within a tenth of
    a point of where WeasyPrint's own rounding of the advances puts them)."""
    outline = booklet_parts._without_abstracts(small)
    sample = booklet_parts._typeset_part(outline, OPTIONS, ("folios",), (), {},
                                         ("", booklet_parts.FOLIO_SAMPLE))
    stamp = booklet_parts._stamped_folios(sample)
    assert stamp is not None
    total, front = 1050, 38  # i to xxxviii, then one- to four-digit numbers
    texts = [booklet_parts.folio_text(i, front, total) for i in range(total)]
    assert texts[1:4] == ["ii", "iii", "iv"] and texts[37] == "xxxviii"
    assert texts[38] == "1 / 1012" and texts[-1] == "1012 / 1012"
    stamped = stamp(texts)
    laid_out = booklet_parts._laid_out_folios(
        booklet_parts._typeset_part(outline, OPTIONS, ("folios",), (), {}, texts))
    for index in (*range(1, 12), 27, 37, *range(38, 50), 136, 137, 138, 1036, 1037, 1038,
                  total - 1):
        ours, theirs = stamped.stream(index), laid_out.stream(index)
        mine, wanted = booklet_parts._RUN.search(ours), booklet_parts._RUN.search(theirs)
        assert mine is not None and wanted is not None
        assert mine["glyphs"] == wanted["glyphs"], index
        assert float(mine["x"]) == pytest.approx(float(wanted["x"]), abs=0.1), index
        assert ours.replace(mine["x"], b"X") == theirs.replace(wanted["x"], b"X"), index


@pytest.mark.parametrize(("number", "text"), [(1, "i"), (4, "iv"), (9, "ix"), (14, "xiv"),
                                              (40, "xl"), (99, "xcix"), (1994, "mcmxciv")])
def test_front_matter_numbers_are_roman(number: int, text: str) -> None:
    assert booklet_parts.roman(number) == text


def test_front_matter_numbered_apart_from_the_body(small_booklet: Booklet,
                                                   small: Programme) -> None:
    """The contents and overview pages are i, ii, ...; the first body page is 1, so the
    contents' own length moves no body page's number."""
    labels = small_booklet.labels
    start = body_start(small_booklet, small)
    assert labels[:start] == [booklet_parts.roman(n) for n in range(1, start + 1)]
    assert labels[start:] == [str(n) for n in range(1, len(labels) - start + 1)]
    first = small.days[0].sessions[0].slots[0]
    assert small_booklet.page_with(f"{first.start:%H:%M}–{first.end:%H:%M} {first.title}",
                                   start) == start + 1


def test_folios_laid_out_when_the_sample_cannot_be_stamped(
        small: Programme, monkeypatch: pytest.MonkeyPatch) -> None:
    """A template whose folio is not one plain run of glyphs gets every folio laid out."""
    monkeypatch.setattr(booklet_parts, "_stamped_folios", lambda sample: None)
    data = render_in_parts(small, OPTIONS, part_slots=12, workers=2)
    check_folios(Booklet.open(data))
    check_with_qpdf(data)


def test_merged_booklet_keeps_page_size_and_metadata(small_booklet: Booklet,
                                                     small: Programme) -> None:
    box = small_booklet.reader.pages[3].mediabox
    assert (round(float(box.width) / MM), round(float(box.height) / MM)) == (148, 210)
    meta = small_booklet.reader.metadata
    assert meta is not None and meta.title == small.title
    assert small_booklet.reader.trailer["/Root"]["/Lang"] == "en"


def test_same_epoch_same_bytes(small: Programme) -> None:
    first = render_in_parts(small, OPTIONS, part_slots=12, workers=2)
    assert render_in_parts(small, OPTIONS, part_slots=12, workers=1) == first


@pytest.mark.slow
def test_a_thousand_talks_pass_the_seeds_checks() -> None:
    """The benchmark's 1,000-talk programme: contents, index, outline and folios all right."""
    programme = synthetic(1000)
    assert in_parts(slot_count(programme))  # so render_booklet lays it out in parts
    data, _ = pdf.render_booklet(programme, dataclasses.replace(OPTIONS))
    booklet = Booklet.open(data)
    check_contents(booklet, programme)
    check_index(booklet, programme)
    check_links(booklet, programme)
    check_outline(booklet, programme)
    check_folios(booklet)
    check_tagged(booklet.reader)
    check_with_qpdf(data)
    assert booklet.label(body_start(booklet, programme) + 1) == "1"  # the body numbered from 1


def test_a_programme_short_of_two_full_parts_is_two_parts_one_a_core() -> None:
    assert [part_size(n) for n in (1, 2, 3, IN_PARTS_FROM, 299, 300, 301, 5000)] == \
        [1, 1, 2, IN_PARTS_FROM // 2, PART_SLOTS, PART_SLOTS, PART_SLOTS, PART_SLOTS]
    assert [in_parts(n) for n in (0, IN_PARTS_FROM - 1, IN_PARTS_FROM)] == [False, False, True]
    programme = synthetic(80)
    assert len(plan_parts(programme, part_size(slot_count(programme)))) == 2


def first_slots(programme: Programme, count: int) -> Programme:
    """PROGRAMME cut after its first COUNT slots (days and sessions left empty dropped)."""
    days = []
    for day in programme.days:
        sessions = []
        for session in day.sessions:
            kept = session.slots[:count]
            count -= len(kept)
            if kept:
                sessions.append(dataclasses.replace(session, slots=kept))
        if sessions:
            days.append(dataclasses.replace(day, sessions=tuple(sessions)))
    return dataclasses.replace(programme, days=tuple(days))


@pytest.mark.slow
@pytest.mark.parametrize("slots", [IN_PARTS_FROM - 1, IN_PARTS_FROM])
def test_from_in_parts_from_slots_the_booklet_is_laid_out_in_parts(slots: int) -> None:
    """Below IN_PARTS_FROM slots one document (numbered 1 to N); from it, the parts merged
    (the front matter i, ii, ...): both with the seed's contents, index and folios."""
    programme = first_slots(synthetic(240), slots)
    assert slot_count(programme) == slots
    data, _ = pdf.render_booklet(programme, OPTIONS)
    booklet = Booklet.open(data)
    assert booklet.label(1) == ("i" if in_parts(slots) else "1")
    check_contents(booklet, programme)
    check_index(booklet, programme)
    check_folios(booklet)
    check_with_qpdf(data)


def with_new_abstract(programme: Programme, text: str) -> Programme:
    """PROGRAMME with the abstract of its last day's last slot replaced by TEXT."""
    day = programme.days[-1]
    session = day.sessions[-1]
    slot = dataclasses.replace(session.slots[-1], abstract=text, abstract_html=text)
    session = dataclasses.replace(session, slots=(*session.slots[:-1], slot))
    day = dataclasses.replace(day, sessions=(*day.sessions[:-1], session))
    return dataclasses.replace(programme, days=(*programme.days[:-1], day))


def render_in_parts(programme: Programme, options: Options, **kwargs: Any) -> bytes:
    """The merged booklet alone."""
    return lay_out_in_parts(programme, options, **kwargs)[0]


def booklet_into(out_dir: Path, programme: Programme) -> tuple[bytes, list[part_cache.Used]]:
    """The booklet in parts, its cache in OUT_DIR kept as the pdf format keeps it: through
    the output writer."""
    writer = OutputWriter(out_dir)
    writer.format = "pdf"
    booklet, used = lay_out_in_parts(programme, OPTIONS, part_slots=12, workers=2,
                                     cache=writer.final_path(part_cache.FOLDER))
    part_cache.write(writer, used)
    writer.commit(["pdf"])
    return booklet, used


def test_a_rebuild_lays_out_only_the_parts_an_edit_changed(small: Programme,
                                                           tmp_path: Path) -> None:
    cache = tmp_path / part_cache.FOLDER
    first, used = booklet_into(tmp_path, small)
    assert all(u.fresh for u in used)
    keys = {path.stem for path in cache.glob("*.json")}
    assert len(keys) == len(plan_parts(small, part_slots=12))
    stored = {path.name: path.stat().st_mtime_ns for path in cache.iterdir()}

    again, used = booklet_into(tmp_path, small)
    assert again == first and not any(u.fresh for u in used)  # none laid out
    assert {p.name: p.stat().st_mtime_ns for p in cache.iterdir()} == stored  # kept as they were

    edited = with_new_abstract(small, "An abstract rewritten the week before the meeting.")
    rebuilt, used = booklet_into(tmp_path, edited)
    assert sum(u.fresh for u in used) == 1
    now = {path.stem for path in cache.glob("*.json")}
    assert len(now - keys) == 1 and len(keys - now) == 1  # one part new, its old self dropped
    assert rebuilt == render_in_parts(edited, OPTIONS, part_slots=12, workers=2)
    assert any("rewritten the week before" in text for text in Booklet.open(rebuilt).texts)


def test_each_laid_out_part_is_reported_to_the_progress_display(small: Programme) -> None:
    events: list[progress.Event] = []
    previous = progress.set_sink(events.append)
    try:
        render_in_parts(small, OPTIONS, part_slots=12, workers=2)
    finally:
        progress.set_sink(previous)
    parts = len(plan_parts(small, part_slots=12))
    assert [(e.task, e.done, e.total, e.note) for e in events] == [
        ("pdf", done, parts, "booklet parts") for done in range(1, parts + 1)]
