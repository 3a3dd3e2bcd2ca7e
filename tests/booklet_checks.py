"""Structural checks of a booklet PDF, shared by the seed's and the multi-part tests."""

from __future__ import annotations

import io
import itertools
import re
import subprocess
import tempfile
import unicodedata
from dataclasses import dataclass
from html import unescape
from pathlib import Path
from typing import Any

import pypdf

from namconvert.model import Programme, Slot
from namconvert.render.pdf.document import MM, inverted_name, listed
from namconvert.views.labels import day_heading, day_zone
from namconvert.views.slots import day_overview, placed_slots, speaker_index
from support import needs_program

# The running heads sit in the top margin, the folio in the bottom one (booklet.css's @page).
TOP_MARGIN, BOTTOM_MARGIN = 17 * MM, 18 * MM
HYPHEN = "\u2010"  # what WeasyPrint draws where it breaks a word


def squash(text: str) -> str:
    """Whitespace collapsed and hyphens dropped: pdftotext joins a word broken at a hard
    hyphen ("gravitational-/wave" -> "gravitationalwave"), so text compares without them."""
    return re.sub(r"-\s*", "", re.sub(r"\s+", " ", text)).strip()


@dataclass
class Booklet:
    reader: pypdf.PdfReader
    texts: list[str]  # whitespace-squashed text of each page
    data: bytes = b""

    @property
    def labels(self) -> list[str]:
        """Each page's number as printed, from the PDF's page labels (1, 2, ... without any):
        a merged booklet numbers its front matter i, ii, ... and its body from 1."""
        return list(self.reader.page_labels)

    def label(self, page: int) -> str:
        """The printed number of the 1-based PAGE."""
        return self.labels[page - 1]

    @classmethod
    def open(cls, data: bytes) -> Booklet:
        """Text by poppler's pdftotext: pypdf garbles the subset fonts WeasyPrint writes for
        non-Latin names (a NUL before each character, Hangul and CJK lost)."""
        pdftotext = needs_program("pdftotext")
        text = subprocess.run([pdftotext, "-enc", "UTF-8", "-", "-"], input=data,
                              capture_output=True, check=True).stdout.decode()
        pages = text.split("\f")[:-1]  # each page ends with a form feed
        return cls(pypdf.PdfReader(io.BytesIO(data)), [squash(page) for page in pages], data)

    def page_with(self, text: str, start: int = 0) -> int:
        """1-based number of the first page from START whose text holds TEXT."""
        wanted = squash(text)
        for number, page in enumerate(self.texts[start:], start + 1):
            if wanted in page:
                return number
        raise AssertionError(f"no page holds {wanted!r}")

    def outline(self) -> list[tuple[int, str, int]]:
        """(depth, title, 1-based page) for every bookmark, depth first."""
        found: list[tuple[int, str, int]] = []

        def walk(items: list[Any], depth: int) -> None:
            for item in items:
                if isinstance(item, list):
                    walk(item, depth + 1)
                else:
                    found.append((depth, squash(item.title),
                                  self.reader.get_destination_page_number(item) + 1))

        walk(self.reader.outline, 0)
        return found


def body_start(booklet: Booklet, programme: Programme) -> int:
    """0-based index of the first body page: the contents are before it."""
    return booklet.page_with(programme.days[0].sessions[0].slots[0].title,
                             booklet.page_with("Contents")) - 1


def contents_end(booklet: Booklet, body: int) -> int:
    """1-based number of the first page after the contents: the first day at a glance, else
    the first body page (0-based BODY)."""
    first = booklet.page_with("Contents")
    glance = squash("at a glance")
    return next((n for n, text in enumerate(booklet.texts[first:body], first + 1)
                 if glance in text), body + 1)


def _entry(text: str, label: str, start: int = 0) -> re.Match[str]:
    """LABEL and the first number after it (past the speakers and the dot leader), from START.

    pdftotext sometimes leaves the leader out of a line that mixes scripts, so it is not
    required; the label's own digits ("21 cm") are inside the label, never after it.
    """
    match = re.compile(re.escape(squash(label)) + r"\D*?(\d+)").search(text, start)
    assert match, f"no page number printed after {label!r}"
    return match


def printed_number(text: str, label: str) -> int:
    """The page number after LABEL and its dot leader."""
    return int(_entry(text, label).group(1))


def slot_pages(booklet: Booklet, programme: Programme) -> dict[str, int]:
    """Slot id -> 1-based page that holds its time range and title, read in programme order
    (so that two talks with the same title each find their own page)."""
    pages: dict[str, int] = {}
    after = body_start(booklet, programme)
    for day in programme.days:
        for session in day.sessions:
            for slot in session.slots:
                heading = f"{slot.start:%H:%M}–{slot.end:%H:%M} {slot.title}"
                pages[slot.id] = booklet.page_with(heading, after)
                after = pages[slot.id] - 1  # the next slot may be on the same page
    return pages


def listed_slots(programme: Programme) -> list[Slot]:
    return [slot for day in programme.days for session in day.sessions for slot in session.slots
            if listed(slot)]


def check_contents(booklet: Booklet, programme: Programme) -> None:
    """Every listed talk's contents number is the page that holds its title."""
    contents = " ".join(booklet.texts[1:body_start(booklet, programme)])
    pages = slot_pages(booklet, programme)
    position = 0
    for slot in listed_slots(programme):
        match = _entry(contents, f"{slot.start:%H:%M} {slot.title}", position)
        assert match.group(1) == booklet.label(pages[slot.id]), slot.title
        position = match.end()


def _left_to_right(name: str) -> bool:
    return not any(unicodedata.bidirectional(c) in ("R", "AL") for c in name)


def check_index(booklet: Booklet, programme: Programme) -> None:
    """Every speaker, sorted by surname, with the page of their first talk.

    Right-to-left names come out of pdftotext in visual order: for them, each word is there.
    """
    index_page = booklet.page_with("Index of speakers", body_start(booklet, programme))
    index = " ".join(booklet.texts[index_page - 1:])
    pages = slot_pages(booklet, programme)
    entries = speaker_index(programme)
    positions = []
    for entry in entries:
        if not _left_to_right(entry.name):
            assert all(word in index for word in entry.name.split()), entry.name
            continue
        match = _entry(index, inverted_name(entry.name))
        positions.append(match.start())
        assert match.group(1) == booklet.label(pages[entry.slots[0].slot.id]), entry.name
    assert positions == sorted(positions), "index not sorted by surname"


def check_outline(booklet: Booklet, programme: Programme) -> None:
    outline = booklet.outline()
    titles = {(depth, title) for depth, title, _ in outline}
    for day in programme.days:
        assert (0, squash(day_heading(day))) in titles
        for session in day.sessions:
            assert (1, squash(session.title)) in titles
    pages = slot_pages(booklet, programme)
    talks = [(title, page) for depth, title, page in outline if depth == 2]
    assert talks == [(squash(slot.title), pages[slot.id]) for slot in listed_slots(programme)]


def check_folios(booklet: Booklet, back_cover: bool = False) -> None:
    """Every page but the covers has its folio in the bottom margin, the page's label: "n / N"
    (N the last page's number) where the label is a number, else the label alone (a merged
    booklet's front matter: "ii", "iii"). The labels run on from page to page."""
    labels = booklet.labels
    total = labels[-1]
    folios = [squash(page.folio) for page in regions(booklet.data)]
    assert folios[0] == "", "the cover has no page number"
    last = len(labels) - 1 if back_cover else len(labels)
    for number in range(2, last + 1):
        label = labels[number - 1]
        wanted = f"{label} / {total}" if label.isdigit() else label
        assert folios[number - 1] == squash(wanted), f"page {number} lacks its folio {wanted!r}"
    if back_cover:
        assert folios[-1] == "", "the back cover has no page number"
    arabic = [int(label) for label in labels if label.isdigit()]
    assert arabic == list(range(arabic[0], arabic[0] + len(arabic))), "numbers skip a page"
    assert all(not label.isdigit() for label in labels[:len(labels) - len(arabic)])


def _pdftotext(data: bytes, *options: str) -> list[str]:
    """Each page's text by pdftotext with OPTIONS (a crop, a layout)."""
    pdftotext = needs_program("pdftotext")
    text = subprocess.run([pdftotext, "-enc", "UTF-8", *options, "-", "-"], input=data,
                          capture_output=True, check=True).stdout.decode()
    return text.split("\f")[:-1]


@dataclass
class Regions:
    """A page's running heads (left, right), its body, between the margins, and its folio."""

    heads: list[str]
    body: str  # as pdftotext reads it, lines kept
    folio: str = ""  # the bottom margin's text


def regions(data: bytes) -> list[Regions]:
    reader = pypdf.PdfReader(io.BytesIO(data))
    width = round(float(reader.pages[0].mediabox.width))
    height = float(reader.pages[0].mediabox.height)
    heads = _pdftotext(data, "-layout", "-x", "0", "-y", "0", "-W", str(width),
                       "-H", str(round(TOP_MARGIN)))
    bodies = _pdftotext(data, "-x", "0", "-y", str(round(TOP_MARGIN)), "-W", str(width),
                        "-H", str(round(height - TOP_MARGIN - BOTTOM_MARGIN)))
    folios = _pdftotext(data, "-x", "0", "-y", str(round(height - BOTTOM_MARGIN)),
                        "-W", str(width), "-H", str(round(BOTTOM_MARGIN)))
    return [Regions([h for h in re.split(r"\s{3,}", head.strip()) if h], body, folio.strip())
            for head, body, folio in zip(heads, bodies, folios, strict=True)]


def check_running_heads(data: bytes) -> None:
    """No running head repeats the heading its page begins with; most body pages have one."""
    pages = regions(data)
    for number, page in enumerate(pages, 1):
        body = squash(page.body)
        for head in page.heads:
            assert not body.startswith(squash(head.rstrip("…"))), (number, head)
    assert sum(bool(p.heads) for p in pages) >= len(pages) // 3, "hardly a running head"


def short_slots(programme: Programme) -> list[Slot]:
    """Slots that are only a heading: a time, a title and perhaps a name."""
    return [slot for day in programme.days for session in day.sessions
            for slot in session.slots if not slot.abstract]


def check_no_lone_short_slot(data: bytes, booklet: Booklet, programme: Programme) -> list[int]:
    """No page's body is one short slot alone; returns the pages that hold a short slot."""
    pages = regions(data)
    found = slot_pages(booklet, programme)
    held = []
    for slot in short_slots(programme):
        page = found[slot.id]
        own = squash(f"{slot.start:%H:%M}–{slot.end:%H:%M} {slot.title} "
                     + ", ".join(s.name for s in slot.speakers))
        rest = squash(pages[page - 1].body).replace(own, "")
        assert len(rest) > 40, f"page {page} holds {slot.title!r} alone"
        held.append(page)
    return held


def check_overview(booklet: Booklet, programme: Programme) -> None:
    """After the contents, each day at a glance: every listed talk, its speakers and its page."""
    pages = slot_pages(booklet, programme)
    start = body_start(booklet, programme)
    front = booklet.texts[:start]
    for day in programme.days:
        title = squash(f"{day_heading(day)} at a glance")
        overview = [n for n, text in enumerate(front) if title in text]
        assert overview, f"no overview of {day_heading(day)}"
        text = " ".join(front[overview[0]:])
        text = text[text.index(title):]
        assert squash(f"Times in {day_zone(programme, day)}") in text[:200]
        position = 0
        for placed in day_overview(placed_slots(programme), day):
            slot = placed.slot
            if not listed(slot):
                continue
            names = ", ".join(s.name for s in slot.speakers)  # (right-to-left ones come out
            names = names if _left_to_right(names) else ""   # of pdftotext in visual order)
            match = _entry(text, f"{slot.start:%H:%M} {slot.title} {names}", position)
            assert match.group(1) == booklet.label(pages[slot.id]), slot.title
            position = match.end()


def check_hyphenation(data: bytes, programme: Programme) -> None:
    """No title or name is hyphenated; a broken word keeps three letters on either line."""
    lines = [line.strip() for page in regions(data) for line in page.body.splitlines()]
    lines = [line for line in lines if line]
    for line, following in itertools.pairwise(lines):
        if line.endswith(HYPHEN):
            before = re.search(r"(\w*)" + HYPHEN + "$", line)
            after = re.match(r"\w*", following)
            assert before and len(before.group(1)) >= 3, line
            assert after and len(after.group(0)) >= 3, following
    position = 0
    for day in programme.days:
        for session in day.sessions:
            for slot in session.slots:
                position = lines.index(f"{slot.start:%H:%M}–{slot.end:%H:%M}", position) + 1
                names = ", ".join(f"{s.name} ({s.affiliation})" if s.affiliation else s.name
                                  for s in slot.speakers)
                for wanted in (slot.title, names):
                    taken = ""
                    while wanted and len(squash(taken)) < len(squash(wanted)):
                        line = lines[position]
                        assert not line.endswith(HYPHEN), f"hyphenated: {line!r}"
                        taken, position = f"{taken} {line}", position + 1


def decoded_qr_codes(data: bytes, page: int) -> list[str]:
    """What zbar reads in the QR codes of PAGE (1-based), drawn at 200 dpi."""
    pdftoppm, zbarimg = needs_program("pdftoppm"), needs_program("zbarimg")
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "booklet.pdf"
        path.write_bytes(data)
        subprocess.run([pdftoppm, "-r", "200", "-png", "-f", str(page), "-l", str(page),
                        "-singlefile", path, Path(folder) / "page"], check=True)
        read = subprocess.run([zbarimg, "--quiet", "--raw", "-Sdisable", "-Sqrcode.enable",
                               Path(folder) / "page.png"], capture_output=True, text=True,
                              check=False)
    assert read.returncode in (0, 4), read.stderr  # 4: no code found
    return read.stdout.splitlines()


def link_targets(booklet: Booklet) -> list[int]:
    """The 1-based target page of every internal link, named or explicit."""
    reader = booklet.reader
    numbers = {page.indirect_reference.idnum: n for n, page in enumerate(reader.pages, 1)}
    names = reader.named_destinations
    targets = []
    for page in reader.pages:
        for annot in page.get("/Annots", []):
            dest = annot.get_object().get("/Dest")
            if dest is not None:
                ref = names[str(dest)].page if isinstance(dest, str) else dest[0]
                targets.append(numbers[ref.idnum])
    return targets


Word = tuple[float, float, float, float, str]  # x min, y min, x max, y max (from the top), text


def words(booklet: Booklet) -> list[list[Word]]:
    """Every word of every page with its box, by poppler's pdftotext -bbox."""
    pdftotext = needs_program("pdftotext")
    html = subprocess.run([pdftotext, "-bbox", "-enc", "UTF-8", "-", "-"], input=booklet.data,
                          capture_output=True, check=True).stdout.decode()
    pages: list[list[Word]] = []
    for page in html.split("<page ")[1:]:
        pages.append([(float(a), float(b), float(c), float(d), unescape(text)) for a, b, c, d, text
                      in re.findall(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" '
                                    r'yMax="([\d.]+)">(.*?)</word>', page)])
    return pages


def links(booklet: Booklet, numbers: range, page_words: list[list[Word]]) \
        -> list[tuple[str, int]]:
    """(the text under it, 1-based target page) of every internal link on the 1-based pages
    NUMBERS, in the order the pages list them (the document's order)."""
    reader = pypdf.PdfReader(io.BytesIO(booklet.data))  # its own: other checks change theirs
    target_of = {page.indirect_reference.idnum: n for n, page in enumerate(reader.pages, 1)}
    names = reader.named_destinations
    found = []
    last: tuple[object, ...] = ()
    for number in numbers:
        page = reader.pages[number - 1]
        height = float(page.mediabox.height)
        for annot in page.get("/Annots", []):
            annot = annot.get_object()
            dest = annot.get("/Dest")
            if dest is None:
                continue
            ref = names[str(dest)].page if isinstance(dest, str) else dest[0]
            x0, y0, x1, y1 = (float(v) for v in annot["/Rect"])
            top, bottom = height - max(y0, y1), height - min(y0, y1)
            under = [w[4] for w in page_words[number - 1]
                     if min(x0, x1) <= (w[0] + w[2]) / 2 <= max(x0, x1)
                     and top <= (w[1] + w[3]) / 2 <= bottom]
            link = (squash(" ".join(under)), target_of[ref.idnum])
            if (x0, y0, x1, y1, link) == last:
                continue  # WeasyPrint gives a link with generated text two annotations
            last = (x0, y0, x1, y1, link)
            found.append(link)
    return found


def check_links(booklet: Booklet, programme: Programme) -> None:
    """Every contents line and every index number links to the page that holds its target: a
    day's and a session's heading, a talk's title, the index. A continued line's second box
    links where its first does."""
    start = body_start(booklet, programme)
    index_page = booklet.page_with("Index of speakers", start)
    talks = slot_pages(booklet, programme)
    expected: list[tuple[str, int]] = []  # (label, page) in contents order
    after = start
    for day in programme.days:
        day_page = booklet.page_with(day_heading(day), after)
        expected.append((day_heading(day), day_page))
        after = day_page - 1
        for session in day.sessions:
            session_page = booklet.page_with(session.title, after)
            expected.append((session.title, session_page))
            after = session_page - 1
            expected += [(f"{slot.start:%H:%M} {slot.title}", talks[slot.id])
                         for slot in session.slots if listed(slot)]
    expected.append(("Index of speakers", index_page))
    page_words = words(booklet)
    contents = links(booklet, range(2, contents_end(booklet, start)), page_words)
    entries: list[tuple[str, int]] = []
    for text, target in contents:
        if len(entries) < len(expected) and text.startswith(squash(expected[len(entries)][0])):
            entries.append((text, target))
            assert target == expected[len(entries) - 1][1], \
                f"{text!r} links to page {target}, not {expected[len(entries) - 1][1]}"
        else:  # the rest of a line that wraps
            assert entries and target == entries[-1][1], f"{text!r} links to page {target}"
    assert len(entries) == len(expected), f"{len(entries)} contents links, {len(expected)} lines"
    index = links(booklet, range(index_page, len(booklet.texts) + 1), page_words)
    wanted = [talks[placed.slot.id] for entry in speaker_index(programme)
              for placed in entry.slots]
    assert [target for _, target in index] == wanted, "an index number links to another page"
    # pdftotext joins the comma after a number to it: "15,".
    assert all(text.rstrip(",") == booklet.label(target) for text, target in index), \
        "an index number is not its link"


def check_with_qpdf(data: bytes) -> None:
    """qpdf --check finds nothing wrong (no warning either: qpdf warns where it repairs), and
    qpdf counts the pages pypdf does (a damaged page tree reads as fewer pages in qpdf)."""
    qpdf = needs_program("qpdf")
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "booklet.pdf"
        path.write_bytes(data)
        check = subprocess.run([qpdf, "--check", path], capture_output=True, text=True,
                               check=False)
        report = check.stdout + check.stderr
        assert check.returncode == 0 and "WARNING" not in report, report[-3000:]
        assert "No syntax or stream encoding errors found" in report, report[-3000:]
        pages = subprocess.run([qpdf, "--show-npages", path], capture_output=True, text=True,
                               check=True).stdout
    assert int(pages) == len(pypdf.PdfReader(io.BytesIO(data)).pages)


def check_tagged(reader: pypdf.PdfReader) -> None:
    """A consistent PDF/UA structure tree that claims PDF/UA-1: each element reached from the
    root has that parent as its /P; each page's marked content and each link annotation is
    named by the parent tree under a key of its own, for an element that holds it, on that
    page, whose parents lead up to the catalogue's structure tree root.

    (Not a PDF/UA validator: the structure a merge can break. WeasyPrint's own trees hold a
    few elements that name a parent which does not list them, so it is checked upwards.)
    """
    root = reader.trailer["/Root"]
    assert root["/MarkInfo"]["/Marked"]
    assert b"pdfuaid:part" in root["/Metadata"].get_object().get_data()
    assert root["/ViewerPreferences"]["/DisplayDocTitle"]
    tree = root["/StructTreeRoot"].get_object()
    tree_id = tree.indirect_reference.idnum

    def kids(element: Any) -> list[Any]:
        found = element.raw_get("/K") if "/K" in element else []
        return list(found) if isinstance(found, list) else [found]

    def is_element(item: Any) -> bool:
        return isinstance(item, pypdf.generic.IndirectObject) and "/S" in item.get_object()

    stack = [(kid, tree_id) for kid in kids(tree)]
    while stack:
        ref, parent = stack.pop()
        element = ref.get_object()
        assert element.raw_get("/P").idnum == parent, "an element's /P is not its parent"
        stack += [(kid, ref.idnum) for kid in kids(element) if is_element(kid)]

    def page_and_root(element: Any) -> tuple[int | None, int]:
        """The element's page (its own /Pg or its nearest parent's), and its topmost parent."""
        page = None
        for _ in range(1000):
            if page is None and "/Pg" in element:
                page = element.raw_get("/Pg").idnum
            if "/P" not in element:
                return page, element.indirect_reference.idnum
            element = element["/P"].get_object()
        raise AssertionError("a structure element's parents go round in a loop")

    nums = tree["/ParentTree"].get_object()["/Nums"]
    parents = {int(k): v.get_object() for k, v in zip(nums[::2], nums[1::2], strict=True)}
    assert int(tree.get("/ParentTreeNextKey", max(parents) + 1)) > max(parents)
    keys: set[int] = set()
    for page in reader.pages:
        page_id = page.indirect_reference.idnum
        contents = page.get_contents()
        # (pypdf writes a page's several streams back as one, "<< /MCID 0 >>" spaced out)
        data = contents.get_data() if contents is not None else b""
        mcids = [int(m) for m in re.findall(rb"/MCID\s+(\d+)", data)]
        assert mcids, "a page with no tagged content"
        key = int(page["/StructParents"])
        assert key not in keys, "two pages or annotations share a parent-tree key"
        keys.add(key)
        for mcid in mcids:
            element = parents[key][mcid].get_object()
            assert page_and_root(element) == (page_id, tree_id), mcid
            held = [k if isinstance(k, int) else int(k.get_object().get("/MCID", -1))
                    for k in kids(element) if not is_element(k)]
            assert mcid in held
        for ref in page.get("/Annots", []):
            annot = ref.get_object()
            if annot.get("/Subtype") == "/Link":
                key = int(annot["/StructParent"])
                assert key not in keys, "two pages or annotations share a parent-tree key"
                keys.add(key)
                element = parents[key]
                assert page_and_root(element)[1] == tree_id
                assert any(kid.get_object().get("/Type") == "/OBJR" and
                           kid.get_object().raw_get("/Obj").idnum == ref.idnum
                           for kid in kids(element) if not is_element(kid))


def structure_text(data: bytes) -> str:
    """The text of the structure tree as poppler reads it (``pdfinfo -struct-text``), squashed."""
    pdfinfo = needs_program("pdfinfo")
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "booklet.pdf"
        path.write_bytes(data)
        read = subprocess.run([pdfinfo, "-struct-text", path], capture_output=True, text=True,
                              check=True)
    assert not read.stderr, read.stderr[:3000]
    return squash(" ".join(re.findall(r'^\s*"(.*)"$', read.stdout, re.MULTILINE)))
