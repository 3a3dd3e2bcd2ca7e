"""The one safe way renderers write files.

Files are staged in a hidden folder inside the output directory and moved into
place only when every renderer of the build has succeeded, each by an atomic
rename: a failed build leaves the previous outputs as they were. A killed build
(SIGKILL, power cut) cannot remove its staging folder; the next build into the
same folder does, unless another build is still writing there (see :func:`claim`).

The output folder is the tool's own: :func:`prepare` refuses one that holds the
source, its settings or templates, or is ``/``, the home folder or a parent of the
source, and one with files but no :data:`MARKER`. The marker lists the files each
format wrote; a commit removes the files a format wrote before and did not write
again (a removed talk's calendar), and those of formats that no longer exist.
Files the tool never wrote are never removed.
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
import threading
from collections.abc import Collection, Iterator, Mapping, Sequence
from contextlib import contextmanager, suppress
from pathlib import Path

try:
    import fcntl
except ImportError:  # not on Unix: stale staging folders stay until removed by hand
    fcntl = None  # type: ignore[assignment]

from .config import CONFIG_NAME
from .errors import OutputError, RenderError

STAGING_PREFIX = ".namconvert-staging-"
MARKER = ".namconvert"  # in every output folder: what each format wrote there
Manifest = dict[str, list[str]]  # format name -> paths relative to the output folder
# One commit at a time in this process: a preview commits its site while the other formats
# are being built in another thread, and each commit rewrites the marker.
_COMMITTING = threading.Lock()


def _refusal(out_dir: Path, source: Path, templates: Path | None) -> str | None:
    """Why OUT_DIR must not be written, or None. OUT_DIR is resolved; so are the others."""
    if out_dir == Path(out_dir.anchor):
        return "is the root folder; choose an output folder of its own (e.g. build)"
    with suppress(RuntimeError, KeyError):
        if out_dir == Path.home().resolve():
            return "is the home folder; choose an output folder of its own (e.g. build)"
    if source.parent == out_dir:
        settings = f" and its settings {CONFIG_NAME}" if (out_dir / CONFIG_NAME).exists() else ""
        return (f"holds the source {source.name}{settings}, which a build would overwrite; "
                "choose an output folder of its own (e.g. build)")
    if source.is_relative_to(out_dir):
        return (f"is a parent of the source {source}; choose an output folder of its own "
                "(e.g. build)")
    if templates is not None and (templates.is_relative_to(out_dir)
                                  or out_dir.is_relative_to(templates)):
        return f"overlaps the templates folder {templates}; choose another output folder"
    return None


def prepare(out_dir: Path, source: Path, templates: Path | None = None) -> Path:
    """Check that OUT_DIR may hold this build's outputs, create it if needed; return it resolved.

    Raise :class:`OutputError` (``PATH: error: ... [output]``) for a folder that holds or
    contains the source or its settings, overlaps the templates, is the root or the home
    folder, is not a folder, or holds files without the marker of an earlier build.
    """
    if out_dir.is_symlink() and not out_dir.exists():
        raise OutputError(f"is a dangling symbolic link (to {os.readlink(out_dir)})", out_dir)
    if out_dir.exists() and not out_dir.is_dir():
        raise OutputError("is a file, not a folder", out_dir)
    resolved = out_dir.resolve()
    why = _refusal(resolved, source.resolve(),
                   templates.resolve() if templates is not None else None)
    if why:
        raise OutputError(why, out_dir)
    try:
        resolved.mkdir(parents=True, exist_ok=True)
        if not (resolved / MARKER).is_file():
            if any(resolved.iterdir()):
                raise OutputError(f"holds files namconvert did not write (no {MARKER} marker "
                                  "of an earlier build); empty it or choose another folder",
                                  out_dir)
            write_manifest(resolved, {})
    except OSError as exc:
        raise OutputError(f"cannot write: {exc.strerror or exc}", exc.filename or out_dir) \
            from None
    return resolved


def read_manifest(out_dir: Path) -> Manifest:
    """What each format wrote into OUT_DIR, from its marker; {} for a missing or broken one."""
    try:
        data = json.loads((out_dir / MARKER).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    formats = data.get("formats") if isinstance(data, dict) else None
    if not isinstance(formats, dict):
        return {}
    return {name: [f for f in files if isinstance(f, str)] for name, files in formats.items()
            if isinstance(name, str) and isinstance(files, list)}


def write_manifest(out_dir: Path, manifest: Mapping[str, Collection[str]]) -> None:
    """Replace OUT_DIR's marker atomically."""
    data = {"written_by": "namconvert",
            "note": "the files each format wrote here; a build removes those it no longer writes",
            "formats": {name: sorted(files) for name, files in sorted(manifest.items()) if files}}
    temporary = out_dir / f"{MARKER}.{os.getpid()}.tmp"
    temporary.write_text(json.dumps(data, indent=1) + "\n", encoding="utf-8")
    os.replace(temporary, out_dir / MARKER)


class OutputWriter:
    """Writes below ``out_dir`` only, each path at most once, atomically on commit."""

    def __init__(self, out_dir: Path) -> None:
        self.out_dir = out_dir.resolve()
        self.out_dir.mkdir(parents=True, exist_ok=True)
        self._staging = Path(tempfile.mkdtemp(prefix=STAGING_PREFIX, dir=self.out_dir))
        self._written: dict[Path, Path] = {}
        self._owner: dict[Path, str] = {}
        self.format = ""  # the format whose files are being staged: set by the build

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
        self._owner[target] = self.format
        return staged

    def write_bytes(self, relative: str | Path, data: bytes) -> Path:
        self.staged_path(relative).write_bytes(data)
        return self.out_dir / relative

    def write_text(self, relative: str | Path, text: str) -> Path:
        return self.write_bytes(relative, text.encode("utf-8"))

    def keep_or_write(self, relative: str | Path, data: bytes) -> Path:
        """RELATIVE as the earlier build left it (see :meth:`keep`), or DATA written when
        that file is gone: a cache entry found by its key."""
        try:
            return self.keep(relative)
        except FileNotFoundError:
            return self.write_bytes(relative, data)

    def keep(self, relative: str | Path) -> Path:
        """Write RELATIVE again as the earlier build left it, without reading it: its file is
        staged by a hard link (a copy where links are refused), date and all. Raises
        FileNotFoundError when there is none, for the caller to write it afresh."""
        current = self._target(relative)
        if not current.is_file():
            raise FileNotFoundError(f"no earlier {relative} to keep")
        linked = self._staging / f".kept-{len(self._written)}"  # nothing is staged if this fails
        try:
            os.link(current, linked)
        except FileNotFoundError:
            raise
        except OSError:
            shutil.copy2(current, linked)
        os.replace(linked, self.staged_path(relative))
        return self.out_dir / relative

    def final_path(self, relative: str | Path) -> Path:
        return self.out_dir / relative

    def commit(self, formats: Sequence[str] = (), known: Collection[str] | None = None) \
            -> list[Path]:
        """Move every staged file into place; return the final paths, sorted.

        FORMATS are the formats this build rendered: the files they wrote before and did
        not write now are removed, and so are the files of formats not in KNOWN (no longer
        built at all). The marker owns every file throughout, so a build killed half-way
        leaves nothing the next build would not remove.
        """
        with _COMMITTING:
            return self._commit(formats, known)

    def _commit(self, formats: Sequence[str], known: Collection[str] | None) -> list[Path]:
        previous = read_manifest(self.out_dir)
        now: Manifest = {}
        for target, owner in self._owner.items():
            now.setdefault(owner, []).append(str(target.relative_to(self.out_dir)))
        final = {name: files for name, files in previous.items()
                 if name not in formats and name not in now and (known is None or name in known)}
        final.update(now)
        during = {name: set(previous.get(name, ())) | set(final.get(name, ()))
                  for name in previous.keys() | final.keys()}
        write_manifest(self.out_dir, during)
        for target, staged in sorted(self._written.items()):
            target.parent.mkdir(parents=True, exist_ok=True)
            os.replace(staged, target)
        keep = {f for files in final.values() for f in files}
        for stale in sorted({f for files in previous.values() for f in files} - keep):
            self._remove(stale)
        write_manifest(self.out_dir, final)
        self.discard()
        return sorted(self._written)

    def _remove(self, relative: str) -> None:
        """Remove a file an earlier build wrote, and the folders that leaves empty."""
        path = self.out_dir / relative
        if (not path.resolve().is_relative_to(self.out_dir) or path.name == MARKER
                or path.is_dir() or relative.startswith(STAGING_PREFIX)):
            return  # not a file of ours (a hand-edited marker): leave it
        with suppress(FileNotFoundError):
            path.unlink()
        for folder in path.parents:
            if folder == self.out_dir or not folder.is_relative_to(self.out_dir):
                break
            try:
                folder.rmdir()
            except OSError:
                break  # not empty

    def discard(self) -> None:
        shutil.rmtree(self._staging, ignore_errors=True)


@contextmanager
def claim(out_dir: Path) -> Iterator[None]:
    """Hold OUT_DIR for one build, first removing staging folders killed builds left.

    Every build holds a shared ``flock`` on the folder while it runs (its forked
    workers inherit it), so an exclusive lock succeeds only when no build is
    writing there: then every staging folder present is stale and is removed. The
    same happens when the build ends (its workers have ended by then), so an
    interrupted build leaves none of its workers' staging folders either.
    """
    out_dir.mkdir(parents=True, exist_ok=True)
    if fcntl is None:
        yield
        return
    fd = os.open(out_dir, os.O_RDONLY)
    try:
        _remove_stale_staging(fd, out_dir)
        fcntl.flock(fd, fcntl.LOCK_SH)
        yield
    finally:
        try:
            _remove_stale_staging(fd, out_dir)
        finally:
            os.close(fd)  # releases the lock once forked workers have exited too


def _remove_stale_staging(fd: int, out_dir: Path) -> None:
    assert fcntl is not None
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return  # another build is writing here: its staging folders are live
    for stale in out_dir.glob(STAGING_PREFIX + "*"):
        shutil.rmtree(stale, ignore_errors=True)
