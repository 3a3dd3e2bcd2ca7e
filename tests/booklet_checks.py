"""Structural checks of a booklet PDF, shared by the seed's and the multi-part tests."""

from __future__ import annotations

import io
import re
from dataclasses import dataclass
from typing import Any

import pypdf

from namconvert.model import Programme
from namconvert.render.booklet import inverted_name, listed
from namconvert.schedule import speaker_index


def squash(text: str) -> str:
    """Whitespace collapsed; a line break after a hard hyphen ("Time-/Domain") dropped."""
    return re.sub(r"-\s+", "-", re.sub(r"\s+", " ", text)).strip()


@dataclass
class Booklet:
    reader: pypdf.PdfReader
    texts: list[str]  # whitespace-squashed text of each page

    @classmethod
    def open(cls, data: bytes) -> Booklet:
        reader = pypdf.PdfReader(io.BytesIO(data))
        return cls(reader, [squash(page.extract_text()) for page in reader.pages])

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


def printed_number(text: str, label: str) -> int:
    """The page number after LABEL and its dot leader."""
    match = re.search(re.escape(squash(label)) + r".*?(?:\. ?){3,}\s*(\d+)", text)
    assert match, f"no page number printed after {label!r}"
    return int(match.group(1))


def check_contents(booklet: Booklet, programme: Programme) -> None:
    """Every listed talk's contents number is the page that holds its title."""
    start = body_start(booklet, programme)
    contents = " ".join(booklet.texts[1:start])
    for day in programme.days:
        for session in day.sessions:
            for slot in session.slots:
                if listed(slot):
                    printed = printed_number(contents, slot.title)
                    assert printed == booklet.page_with(slot.title, start), slot.title


def check_index(booklet: Booklet, programme: Programme) -> None:
    index_page = booklet.page_with("Index of speakers", body_start(booklet, programme))
    index = " ".join(booklet.texts[index_page - 1:])
    names = [inverted_name(entry.name) for entry in speaker_index(programme)]
    positions = [index.index(name) for name in names]
    assert positions == sorted(positions), "index not sorted by surname"
    start = body_start(booklet, programme)
    for entry, name in zip(speaker_index(programme), names, strict=True):
        first = entry.slots[0]
        day_page = booklet.page_with(first.day.sessions[0].title, start)
        # The time range makes "Introduction" and other repeated titles unique within a day.
        heading = f"{first.slot.start:%H:%M}–{first.slot.end:%H:%M} {first.slot.title}"
        assert printed_number(index, name) == booklet.page_with(heading, day_page - 1), name


def check_outline(booklet: Booklet, programme: Programme) -> None:
    outline = booklet.outline()
    titles = {(depth, title) for depth, title, _ in outline}
    for day in programme.days:
        assert (0, squash(day.label)) in titles
        for session in day.sessions:
            assert (1, squash(session.title)) in titles
            for slot in session.slots:
                if listed(slot):
                    assert (2, squash(slot.title)) in titles
    start = body_start(booklet, programme)
    for depth, title, page in outline:
        if depth == 2:
            assert page == booklet.page_with(title, start), title


def check_folios(booklet: Booklet) -> None:
    total = len(booklet.texts)
    assert f"1 / {total}" not in booklet.texts[0], "the cover has no page number"
    for number, text in enumerate(booklet.texts[1:], 2):
        assert f"{number} / {total}" in text, f"page {number} lacks its folio"


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
