"""Pictures of the booklet for the README: ``make docs-booklet-images``.

Usage: booklet_images.py PDF OUT_DIR. Renders the cover, the first day at a glance and the
first body page (the page after the contents and the overviews) with pdftoppm, as a reader
would see them.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from pypdf import PdfReader
from site_images import _shrink

RESOLUTION = 60  # dots per inch: an A5 page becomes about 350 x 500 pixels


def first_pages(pdf: Path) -> tuple[int, int]:
    """1-based numbers of the first overview page and of the first page after the contents
    and the overviews (the first day's opening)."""
    reader = PdfReader(pdf)
    contents_seen = False
    glance = 0
    for number, page in enumerate(reader.pages, 1):
        text = page.extract_text()
        if "Contents" in text:
            contents_seen = True
        elif contents_seen and "at a glance" in text:
            glance = glance or number
        elif contents_seen:
            return glance or number, number
    return min(2, len(reader.pages)), min(3, len(reader.pages))


def render_page(pdf: Path, number: int, target: Path) -> None:
    stem = target.with_suffix("")
    subprocess.run(["pdftoppm", "-png", "-r", str(RESOLUTION), "-f", str(number), "-l",
                    str(number), "-singlefile", str(pdf), str(stem)], check=True)
    _shrink(target)
    print(target)


def main(pdf: Path, out: Path) -> int:
    out.mkdir(parents=True, exist_ok=True)
    render_page(pdf, 1, out / "booklet-cover.png")
    glance, body = first_pages(pdf)
    render_page(pdf, glance, out / "booklet-glance.png")
    render_page(pdf, body, out / "booklet-body.png")
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1]), Path(sys.argv[2])))
