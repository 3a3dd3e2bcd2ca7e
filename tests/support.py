"""Shared test helpers.

``needs`` skips a test whose outside part (a browser, epubcheck, ../shared/) is
missing, except under CI=true, where a missing part is a failure.
"""

from __future__ import annotations

import contextlib
import importlib
import importlib.util
import os
import shutil
from collections.abc import Collection
from dataclasses import replace
from pathlib import Path
from types import ModuleType

import pytest
from hypothesis import settings

from namconvert.config import Options, make_options
from namconvert.model import Programme
from namconvert.parse import parse_file
from namconvert.views import View, shape

# Property tests: `make test` runs the same examples every time; `make fuzz` (NAMCONVERT_FUZZ)
# searches afresh.
FUZZING = bool(os.environ.get("NAMCONVERT_FUZZ"))
CHECKED = settings(max_examples=5000 if FUZZING else 400, deadline=None, derandomize=not FUZZING)

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = Path(__file__).resolve().parent / "fixtures"
SOURCE = ROOT / "source" / "README.md"
SHARED = ROOT.parent / "shared"
CORPUS = SHARED / "corpus"
SCHEMAS = SHARED / "schemas"
IN_CI = os.environ.get("CI", "").lower() == "true"


def needs(condition: bool, message: str) -> None:
    """Skip (or, under CI=true, fail) when CONDITION is false."""
    if condition:
        return
    if IN_CI:
        pytest.fail(f"{message} (CI=true: a missing check is a failure)")
    pytest.skip(message)


def needs_module(name: str) -> ModuleType:
    """The module NAME, imported; a skip (a failure under CI=true) when it is not installed."""
    needs(importlib.util.find_spec(name) is not None,
          f"the Python module {name} is not installed (make venv installs the test extras)")
    return importlib.import_module(name)


def needs_linux(path: str) -> None:
    """A test that reads or writes a Linux device or /proc file: PATH must be there."""
    needs(Path(path).exists(), f"{path} is absent (this test needs Linux)")


def running(*, parent: int | None = None, group: int | None = None) -> list[int]:
    """The processes whose parent is PARENT, or whose process group is GROUP, still running
    (zombies, which hold no files, do not count); Linux's /proc (see needs_linux)."""
    found = []
    for pid in filter(str.isdigit, os.listdir("/proc")):  # not glob: a process ending as it
        try:                                              # is read is ESRCH, which glob raises
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except (OSError, IndexError):
            continue
        if fields[0] != "Z" and (int(fields[1]) == parent or int(fields[2]) == group):
            found.append(int(pid))
    return found


def spawned_workers(pids: list[int]) -> list[int]:
    """Those of PIDS that are spawned multiprocessing workers (`spawn_main` in the command
    line: the booklet's part workers, not the resource tracker or a forked worker)."""
    found = []
    for pid in pids:
        with contextlib.suppress(OSError):
            if b"spawn_main" in Path(f"/proc/{pid}/cmdline").read_bytes():
                found.append(pid)
    return found


def needs_program(name: str) -> str:
    path = shutil.which(name)
    needs(path is not None, f"{name} is not installed (make system-deps installs it)")
    assert path is not None
    return path


def shared_file(*parts: str) -> Path:
    path = SHARED.joinpath(*parts)
    needs(path.exists(), f"{path} is absent")
    return path


def load(path: Path, **overrides: object) -> Programme:
    """Parse PATH with its config and OVERRIDES; the programme must have no errors."""
    options = make_options(path, dict(overrides))
    programme = parse_file(path, options).programme
    assert programme is not None
    return programme


def view_of(programme: Programme, options: Options, formats: Collection[str] | None = None) -> View:
    """PROGRAMME shaped as a build of FORMATS (default: all) shapes it for its renderers; the
    build time is OPTIONS' SOURCE_DATE_EPOCH, else 0."""
    from namconvert.render import FORMATS

    if options.source_date_epoch is None:
        options = replace(options, source_date_epoch=0)
    return shape(programme, options, FORMATS if formats is None else formats)
