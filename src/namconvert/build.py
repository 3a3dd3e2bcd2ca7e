"""Orchestration: read the source once, then run the requested renderers, in parallel.

Renderers are independent of each other, so on a machine with several cores
they run in worker processes (forked, so the parsed programme is shared, not
pickled). Each worker stages its files in its own staging folder; the parent
moves them into the one :class:`OutputWriter` of the build and commits only
when every renderer succeeded: the all-or-nothing semantics of a serial build.
``NAMCONVERT_JOBS=1`` (or ``jobs=1``) runs everything in this process.
"""

from __future__ import annotations

import concurrent.futures as cf
import multiprocessing
import os
import queue
import shutil
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from . import progress
from .config import Options, settings_warnings, timezone_warning
from .errors import ConfigError, Diagnostic, NamconvertError, OutputError, ParseError, RenderError
from .model import Programme
from .output import OutputWriter, claim, prepare
from .parse import parse_file
from .render import FORMATS, RENDERERS
from .views import View, shape
from .workers import available_cores, exit_with_parent, stopped_on_interrupt

# Slowest first, so the longest renderer starts at once and the others fill the other cores.
# Measured on 1,000 talks (bench/RESULTS.md); unknown formats count as quick.
COST = {"pdf": 100, "epub": 30, "html": 10, "readme": 2}
POLL_SECONDS = 0.25


def resolve_formats(spec: str | Sequence[str] | None) -> list[str]:
    """``"html,pdf"`` (or a list) to known format names, in build order; None means all."""
    if spec is None:
        return list(FORMATS)
    wanted = [f.strip() for f in (spec.split(",") if isinstance(spec, str) else spec) if f.strip()]
    if not wanted:
        raise ConfigError(f"--format names no format (choose from {', '.join(FORMATS)})")
    unknown = [f for f in wanted if f not in RENDERERS]
    if unknown:
        raise RenderError(f"unknown format {', '.join(unknown)} (choose from {', '.join(FORMATS)})")
    return [f for f in FORMATS if f in wanted]


def with_build_time(source: Path, options: Options) -> Options:
    """Fix the build's timestamp: SOURCE_DATE_EPOCH when set, else the source's mtime."""
    if options.source_date_epoch is not None:
        return options
    return replace(options, source_date_epoch=int(source.stat().st_mtime))


def build(source: Path, options: Options, out_dir: Path,
          formats: Sequence[str] | None = None) -> list[Path]:
    """Parse SOURCE and write every format into OUT_DIR; all or nothing."""
    return run_build(source, options, out_dir, formats)


def run_build(source: Path, options: Options, out_dir: Path,
              formats: Sequence[str] | None = None, *, strict: bool = False,
              report: Callable[[Diagnostic], None] = lambda finding: None) -> list[Path]:
    """What ``namconvert build`` and every rebuild of ``namconvert serve`` do: read the
    settings file's warnings and the source, REPORT each warning, write FORMATS into OUT_DIR.

    Errors raise (:class:`ParseError` and the like); under STRICT so do warnings, and then
    nothing is written.
    """
    names = resolve_formats(formats)  # a bad --format fails before anything is read
    settings = settings_warnings(source)  # unknown keys in namconvert.toml
    for finding in settings:
        report(finding)
    result = parse_file(source, options)  # errors raise ParseError
    assert result.programme is not None
    findings = [*timezone_warning(source, options), *result.findings]
    if strict and findings:
        raise ParseError(findings)
    if strict and settings:
        raise ConfigError("the settings' warnings are errors under --strict", source)
    for finding in findings:
        report(finding)
    return write_outputs(result.programme, source, options, out_dir, names)


def job_count(jobs: int | None, tasks: int) -> int:
    """Worker processes to use: JOBS, else $NAMCONVERT_JOBS, else one per core; at most TASKS."""
    if jobs is None:
        env = os.environ.get("NAMCONVERT_JOBS", "")
        jobs = int(env) if env.isdigit() else available_cores()
    if "fork" not in multiprocessing.get_all_start_methods():
        return 1  # workers rely on fork to share the programme without pickling it
    return max(1, min(jobs, tasks))


def write_outputs(programme: Programme, source: Path, options: Options, out_dir: Path,
                  formats: Sequence[str] | None = None, *, jobs: int | None = None,
                  display: progress.Display | None = None) -> list[Path]:
    """Render PROGRAMME (read from SOURCE) into OUT_DIR; all or nothing.

    DISPLAY shows progress on a terminal (default: a :class:`progress.Display`
    on stderr, silent unless stderr is a terminal and the build is slow).
    """
    options = with_build_time(source, options)
    names = resolve_formats(formats)
    # Shaped once; every renderer is told which formats this build writes, so a page links
    # only to files the output folder will hold (render/html.py).
    view = shape(programme, options, names)
    out_dir = prepare(out_dir, source, options.templates)  # refuses the source's folder
    display = display or progress.Display(names)
    try:
        with claim(out_dir):  # and remove what builds killed before left behind
            writer = OutputWriter(out_dir)
            try:
                if job_count(jobs, len(names)) <= 1:
                    _render_here(names, view, writer, display)
                else:
                    _render_in_workers(names, view, writer, display,
                                       job_count(jobs, len(names)))
                return writer.commit(names, RENDERERS)
            finally:
                writer.discard()
    except OSError as exc:  # a full disk, a folder made read-only during the build
        where = Path(str(exc.filename)) if exc.filename else out_dir
        if where.resolve().is_relative_to(out_dir):
            raise OutputError(f"cannot write: {exc.strerror or exc}", out_dir) from None
        raise OutputError(f"cannot read: {exc.strerror or exc}", where) from None
    finally:
        display.close()


def _render_here(names: list[str], view: View, writer: OutputWriter,
                 display: progress.Display) -> None:
    previous = progress.set_sink(display)
    try:
        for name in names:
            progress.started(name)
            writer.format = name
            RENDERERS[name].render(view, writer)
            progress.finished(name)
    finally:
        progress.set_sink(previous)


# -- worker processes ------------------------------------------------------------------------


class _RecordingWriter(OutputWriter):
    """A worker's writer: stages as usual and remembers what, for the parent to adopt."""

    def __init__(self, out_dir: Path) -> None:
        super().__init__(out_dir)
        self.files: list[tuple[str, str]] = []  # (path relative to out_dir, staged file)
        self.root: str | None = None  # this writer's staging folder

    def staged_path(self, relative: str | Path) -> Path:
        staged = super().staged_path(relative)
        depth = len((self.out_dir / relative).resolve().relative_to(self.out_dir).parts)
        self.root = str(staged.parents[depth - 1])
        self.files.append((str(relative), str(staged)))
        return staged


@dataclass
class _Outcome:
    name: str
    files: list[tuple[str, str]] = field(default_factory=list)
    root: str | None = None
    error: tuple[type[NamconvertError], tuple[Any, ...], dict[str, Any]] | None = None


# Set in the parent just before the workers fork; they inherit it instead of unpickling it.
_SHARED: tuple[View, Path, Any] | None = None


def _render_in_worker(name: str) -> _Outcome:
    assert _SHARED is not None
    view, out_dir, events = _SHARED
    progress.set_sink(progress.forward_to(events))
    writer = _RecordingWriter(out_dir)
    try:
        progress.started(name)
        RENDERERS[name].render(view, writer)
        progress.finished(name)
    except NamconvertError as exc:
        writer.discard()
        # Exceptions pickle by their args only; carry the file/line fields across too.
        return _Outcome(name, error=(type(exc), exc.args, dict(vars(exc))))
    except SystemExit:  # interrupted (see workers.exit_with_parent): end, take no more work
        writer.discard()
        os._exit(130)
    except BaseException:
        writer.discard()
        raise
    root = writer.root
    if root is None:  # rendered nothing: its empty staging folder is not needed
        writer.discard()
    return _Outcome(name, writer.files, root)


def _rebuilt(error: tuple[type[NamconvertError], tuple[Any, ...], dict[str, Any]]) \
        -> NamconvertError:
    cls, args, state = error
    exc = cls.__new__(cls)
    exc.args = args
    exc.__dict__.update(state)
    return exc


def _render_in_workers(names: list[str], view: View, writer: OutputWriter,
                       display: progress.Display, jobs: int) -> None:
    global _SHARED
    context = multiprocessing.get_context("fork")
    events = context.Queue()
    _SHARED = (view, writer.out_dir, events)
    outcomes: dict[str, _Outcome] = {}
    try:
        # On Ctrl-C the workers end at once, not after the booklet is laid out.
        with cf.ProcessPoolExecutor(jobs, mp_context=context, initializer=exit_with_parent,
                                    initargs=(os.getpid(),)) as pool, stopped_on_interrupt(pool):
            _collect(pool, names, events, display, outcomes)
        # After the pool's shutdown: a worker's last reports may still sit in its queue's
        # feeder thread when its result arrives, and are flushed only as the worker exits.
        _drain(events, display)
        failed = [outcomes[n] for n in names if n in outcomes and outcomes[n].error is not None]
        if failed:
            assert failed[0].error is not None
            raise _rebuilt(failed[0].error)
        for name in names:  # adopt in build order, so a clash is reported the same way
            writer.format = name
            for relative, staged in outcomes[name].files:
                os.replace(staged, writer.staged_path(relative))
    finally:
        _SHARED = None
        for outcome in outcomes.values():
            if outcome.root is not None:
                shutil.rmtree(outcome.root, ignore_errors=True)
        events.close()


def _collect(pool: cf.ProcessPoolExecutor, names: list[str], events: Any,
             display: progress.Display, outcomes: dict[str, _Outcome]) -> None:
    """Run each format in POOL, showing progress; fill OUTCOMES; stop at the first error."""
    ordered = sorted(names, key=lambda n: -COST.get(n, 1))
    pending = {pool.submit(_render_in_worker, name): name for name in ordered}
    while pending:
        done, _ = cf.wait(pending, timeout=POLL_SECONDS, return_when=cf.FIRST_COMPLETED)
        _drain(events, display)
        display.tick()
        for future in done:
            del pending[future]
            if future.cancelled():
                continue
            outcome = future.result()  # a bug (not a NamconvertError) raises here
            outcomes[outcome.name] = outcome
            if outcome.error is not None:
                for other in pending:  # all or nothing: don't start the rest
                    other.cancel()


def _drain(events: Any, display: progress.Display) -> None:
    while True:
        try:
            event = events.get_nowait()
        except queue.Empty:
            return
        display(event)
