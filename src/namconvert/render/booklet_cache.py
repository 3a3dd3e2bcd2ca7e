"""Laid-out booklet parts kept between builds, by content: after an edit, only the parts whose
HTML changed are laid out again (WeasyPrint is nearly all of a big booklet's time).

A part is stored as its PDF (``KEY.pdf``) and its page count and anchors (``KEY.json``):
plain data, never a pickle, since the folder sits in the output folder. The key hashes the
part's HTML with everything else its layout depends on: the stylesheets, WeasyPrint's and
namconvert's versions, and the fonts installed. A build keeps only the parts it used.
"""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import tempfile
from collections.abc import Iterable
from functools import lru_cache
from importlib.metadata import version
from pathlib import Path

from .. import __version__
from .booklet import Typeset

FOLDER = ".namconvert-cache/booklet-parts"


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


def store(folder: Path, key: str, part: Typeset) -> None:
    """Write the part atomically (PDF first: a part counts as stored once its JSON is there)."""
    folder.mkdir(parents=True, exist_ok=True)
    meta = json.dumps({"page_count": part.page_count, "anchors": part.anchors})
    for suffix, data in ((".pdf", part.pdf), (".json", meta.encode())):
        handle, temporary = tempfile.mkstemp(dir=folder, prefix=".part-")
        with os.fdopen(handle, "wb") as file:
            file.write(data)
        os.replace(temporary, folder / f"{key}{suffix}")


def keep_only(folder: Path, keys: Iterable[str]) -> None:
    """Remove the parts this build did not use, so the cache stays one booklet's size."""
    wanted = set(keys)
    if not folder.is_dir():
        return
    for path in folder.iterdir():
        if path.name.split(".", 1)[0] not in wanted:
            path.unlink(missing_ok=True)
