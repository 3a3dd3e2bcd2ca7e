"""The one safe way renderers write files.

Files are staged in a hidden folder inside the output directory and moved into
place only when every renderer of the build has succeeded, each by an atomic
rename: a failed build leaves the previous outputs as they were. A killed build
(SIGKILL, power cut) cannot remove its staging folder; the next build into the
same folder does, unless another build is still writing there (see :func:`claim`).
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

try:
    import fcntl
except ImportError:  # not on Unix: stale staging folders stay until removed by hand
    fcntl = None  # type: ignore[assignment]

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


@contextmanager
def claim(out_dir: Path) -> Iterator[None]:
    """Hold OUT_DIR for one build, first removing staging folders killed builds left.

    Every build holds a shared ``flock`` on the folder while it runs (its forked
    workers inherit it), so an exclusive lock succeeds only when no build is
    writing there: then every staging folder present is stale and is removed.
    """
    out_dir.mkdir(parents=True, exist_ok=True)
    if fcntl is None:
        yield
        return
    fd = os.open(out_dir, os.O_RDONLY)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            pass  # another build is writing here: its staging folders are live
        else:
            for stale in out_dir.glob(STAGING_PREFIX + "*"):
                shutil.rmtree(stale, ignore_errors=True)
        fcntl.flock(fd, fcntl.LOCK_SH)
        yield
    finally:
        os.close(fd)  # releases the lock once forked workers have exited too
