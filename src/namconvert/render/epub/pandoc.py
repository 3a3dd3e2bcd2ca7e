"""Pandoc, run on one part's JSON AST in a private folder it cannot see past (``--sandbox``: it
reads the document and the metadata file it is given and nothing else, so an image named in an
abstract is never fetched or embedded)."""

from __future__ import annotations

import os
import subprocess
import tempfile
from pathlib import Path

from ...errors import DependencyError, RenderError

OUTPUT = "programme.epub"
PANDOC_TIMEOUT = 900  # seconds; one part of a 10,000-talk programme takes well under this
# GHC runtime options for Pandoc: none. On a part (a day of a 1,000-talk programme) Pandoc's
# own settings were the fastest measured at the same memory: the compacting collector (-c)
# costs 19% more CPU for 3% less memory, bigger allocation areas (-A16m to -A256m) 4-20% more
# CPU and up to twice the memory (bench/RESULTS.md, "EPUB from Pandoc's JSON AST"). The
# parts, not the collector, bound Pandoc's memory.
PANDOC_RTS: tuple[str, ...] = ()


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
        "--sandbox", "--from=json", "--to=epub3", str(document), f"--output={output}",
        f"--epub-metadata={metadata}", "--split-level=1", "--toc-depth=3",
        f"--metadata=subtitle:{subtitle}", "--fail-if-warnings",
    ]


def run_pandoc(document: str, metadata: str, subtitle: str, epoch: int = 0) -> bytes:
    """The EPUB Pandoc makes of DOCUMENT (a JSON AST) with METADATA (Dublin Core elements)."""
    pandoc = pandoc_path()
    with tempfile.TemporaryDirectory(prefix="namconvert-epub-") as tmp:
        folder = Path(tmp)
        (folder / "programme.json").write_text(document, encoding="utf-8")
        (folder / "metadata.xml").write_text(metadata, encoding="utf-8")
        output = folder / OUTPUT
        args = pandoc_arguments(folder / "programme.json", folder / "metadata.xml", output,
                                subtitle)
        env = {"PATH": os.environ.get("PATH", ""), "HOME": tmp, "LANG": "C.UTF-8",
               "SOURCE_DATE_EPOCH": str(epoch)}
        try:
            done = subprocess.run([pandoc, *PANDOC_RTS, *args], cwd=tmp, env=env,
                                  capture_output=True, timeout=PANDOC_TIMEOUT, check=False)
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
