"""Laid-out booklet parts kept between builds, by content: after an edit, only the parts whose
HTML changed are laid out again (WeasyPrint is nearly all of a big booklet's time).

A part is stored as its PDF (``KEY.pdf``) and its page count and anchors (``KEY.json``):
plain data, never a pickle, since the folder sits in the output folder. The key hashes the
part's HTML with everything else its layout depends on: the stylesheets, WeasyPrint's and
namconvert's versions, and the fonts installed. The parts are written through the build's
output writer like every other file: a part laid out again is written, one found is kept
(:meth:`OutputWriter.keep`), and the parts a build did not use are removed with the other
files it no longer writes, so the cache stays one booklet's size.
"""

from __future__ import annotations

import hashlib
import json
import subprocess
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from importlib.metadata import version
from pathlib import Path

from ... import __version__
from ...output import OutputWriter
from .document import Typeset

FOLDER = ".namconvert-cache/booklet-parts"


@dataclass(frozen=True)
class Used:
    """A body part a build used: laid out by it (FRESH) or found in the cache."""

    key: str
    part: Typeset
    fresh: bool


@lru_cache(maxsize=1)
def _fonts() -> str:
    """The installed fonts (a new font can fill glyphs a cached part drew as blank boxes)."""
    try:
        listed = subprocess.run(["fc-list", "--format", "%{file}\n"], capture_output=True,
                                text=True, timeout=30, check=False).stdout
    except (OSError, subprocess.SubprocessError):
        return ""
    return "\n".join(sorted(listed.splitlines()))


def salt(asset_roots: Iterable[Path]) -> str:
    """What a part's layout depends on besides its HTML."""
    digest = hashlib.sha256(f"{version('weasyprint')}\0{__version__}\0{_fonts()}".encode())
    for root in asset_roots:
        for path in sorted(root.rglob("*.css")):
            digest.update(path.read_bytes())
    return digest.hexdigest()


def key(html: str, salt: str) -> str:
    return hashlib.sha256(f"{salt}\0{html}".encode()).hexdigest()


def load(folder: Path, key: str) -> Typeset | None:
    try:
        pdf = (folder / f"{key}.pdf").read_bytes()
        meta = json.loads((folder / f"{key}.json").read_text(encoding="utf-8"))
        anchors = {name: (int(p), float(x), float(y)) for name, (p, x, y) in meta["anchors"].items()}
        return Typeset(pdf, int(meta["page_count"]), anchors)
    except (OSError, ValueError, KeyError, TypeError):
        return None  # absent or damaged: lay the part out again


def _files(used: Used) -> list[tuple[str, bytes]]:
    meta = json.dumps({"page_count": used.part.page_count, "anchors": used.part.anchors})
    return [(f"{FOLDER}/{used.key}.pdf", used.part.pdf),
            (f"{FOLDER}/{used.key}.json", meta.encode())]


def write(out: OutputWriter, used: Iterable[Used]) -> list[Path]:
    """Write the parts this build used into OUT's cache folder: the fresh ones, and the
    found ones kept as they are (written afresh if they went meanwhile)."""
    written: list[Path] = []
    seen: set[str] = set()
    for part in used:
        if part.key in seen:  # two parts of the same HTML: one file
            continue
        seen.add(part.key)
        for relative, data in _files(part):
            written.append(out.write_bytes(relative, data) if part.fresh
                           else out.keep_or_write(relative, data))
    return written
