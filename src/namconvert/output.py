"""The one safe way renderers write files.

Files are staged in a hidden folder inside the output directory and moved into
place only when every renderer of the build has succeeded, each by an atomic
rename: a failed build leaves the previous outputs as they were.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

from .errors import RenderError

STAGING_PREFIX = ".namconvert-staging-"


class OutputWriter:
    """Writes below ``out_dir`` only, each path at most once, atomically on commit."""

    def __init__(self, out_dir: Path) -> None:
        self.out_dir = out_dir.resolve()
        self.out_dir.mkdir(parents=True, exist_ok=True)
        self._staging = Path(tempfile.mkdtemp(prefix=STAGING_PREFIX, dir=self.out_dir))
        self._written: dict[Path, Path] = {}

    def _target(self, relative: str | Path) -> Path:
        target = (self.out_dir / relative).resolve()
        if not target.is_relative_to(self.out_dir) or target == self.out_dir:
            raise RenderError(f"refusing to write outside the output folder: {relative}")
        if target in self._written:
            raise RenderError(f"refusing to write {relative} twice in one build")
        return target

    def staged_path(self, relative: str | Path) -> Path:
        """A path to fill by other means (e.g. a library that writes files itself)."""
        target = self._target(relative)
        staged = self._staging / target.relative_to(self.out_dir)
        staged.parent.mkdir(parents=True, exist_ok=True)
        self._written[target] = staged
        return staged

    def write_bytes(self, relative: str | Path, data: bytes) -> Path:
        self.staged_path(relative).write_bytes(data)
        return self.out_dir / relative

    def write_text(self, relative: str | Path, text: str) -> Path:
        return self.write_bytes(relative, text.encode("utf-8"))

    def final_path(self, relative: str | Path) -> Path:
        return self.out_dir / relative

    def commit(self) -> list[Path]:
        """Move every staged file into place; return the final paths, sorted."""
        for target, staged in sorted(self._written.items()):
            target.parent.mkdir(parents=True, exist_ok=True)
            os.replace(staged, target)
        self.discard()
        return sorted(self._written)

    def discard(self) -> None:
        shutil.rmtree(self._staging, ignore_errors=True)
