"""Orchestration: read the source once, then run the requested renderers, in parallel.

Renderers are independent of each other, so on a machine with several cores
they run in worker processes (forked, so the parsed programme is shared, not
pickled). Each worker stages its files in its own staging folder; the parent
moves them into the one :class:`OutputWriter` of the build and commits only
when every renderer succeeded: the all-or-nothing semantics of a serial build.
``NAMCONVERT_JOBS=1`` (or ``jobs=1``) runs everything in this process.

The booklet's worker is started before the source is read (:class:`EarlyWorker`), so that
WeasyPrint's import overlaps the parse; it is handed the shaped programme when the others
start. The memory budget (``--max-memory``, :mod:`budget`) decides how many renderers run at
once, and how many booklet parts.
"""

from __future__ import annotations

import concurrent.futures as cf
import contextlib
import importlib
import multiprocessing
import os
import queue
import shutil
import signal
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from . import budget, progress
from .config import Options, settings_warnings, timezone_warning
from .errors import ConfigError, Diagnostic, NamconvertError, OutputError, ParseError, RenderError
from .model import Programme
from .output import OutputWriter, claim, prepare
from .parse import parse_file
from .render import FORMATS, RENDERERS
from .views import View, shape
from .workers import (
    BUILD_STOP_SECONDS,
    available_cores,
    end_interrupted,
    exit_with_parent,
    killed_workers_reported,
    limit_cores,
    resident_mb,
    stopped_on_interrupt,
    worker_context,
    worker_died,
)

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
    """What ``namconvert build`` does: read the settings file's warnings and the source,
    REPORT each warning, write FORMATS into OUT_DIR.

    Errors raise (:class:`ParseError` and the like); under STRICT so do warnings, and then
    nothing is written.
    """
    names = resolve_formats(formats)  # a bad --format fails before anything is read
    early = EarlyWorker.start_for(names)
    try:
        programme = read_programme(source, options, strict=strict, report=report)
        return write_outputs(programme, source, options, out_dir, names, report=report,
                             early=early)
    finally:
        if early is not None:
            early.close()


def read_programme(source: Path, options: Options, *, strict: bool = False,
                   report: Callable[[Diagnostic], None] = lambda finding: None) -> Programme:
    """The programme SOURCE holds, its settings' and its own warnings REPORTed (under STRICT
    they are errors). Errors raise."""
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
    return result.programme


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
                  display: progress.Display | None = None,
                  linked: Sequence[str] | None = None,
                  report: Callable[[Diagnostic], None] = lambda finding: None,
                  early: EarlyWorker | None = None) -> list[Path]:
    """Render PROGRAMME (read from SOURCE) into OUT_DIR; all or nothing.

    DISPLAY shows progress on a terminal (default: a :class:`progress.Display`
    on stderr, silent unless stderr is a terminal and the build is slow). LINKED are the
    formats the output folder will hold, for the pages' links (default: FORMATS; a preview
    writes the site first and the rest after). A budget too small is REPORTed as a warning.
    EARLY is a worker started before the parse, for the format it was started for.
    """
    options = with_build_time(source, options)
    names = resolve_formats(formats)
    # Shaped once; every renderer is told which formats this build writes, so a page links
    # only to files the output folder will hold (render/html.py).
    view = shape(programme, options, resolve_formats(linked) if linked is not None else names)
    out_dir = prepare(out_dir, source, options.templates)  # refuses the source's folder
    plan = memory_plan(view, names, options, job_count(jobs, len(names)))
    if early is not None and (plan.jobs <= 1 or len(view.slots) > EARLY_MAX_SLOTS):
        early.close()  # not worth its pickled view, or no workers at all
        early = None
    if plan.warning:
        report(Diagnostic(str(source), 0, 1, "warning", plan.warning, "memory"))
    display = display or progress.Display(names)
    try:
        with claim(out_dir):  # and remove what builds killed before left behind
            writer = OutputWriter(out_dir)
            try:
                if plan.jobs <= 1:
                    _render_here(names, view, writer, display, plan)
                else:
                    _render_in_workers(names, view, writer, display, plan, early)
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


def memory_plan(view: View, names: Sequence[str], options: Options, jobs: int) -> budget.Plan:
    """How this build fits its memory budget, from the programme's size and what this
    process holds now (every forked worker counts it again)."""
    from .render.pdf.parts import in_parts, slot_count

    slots = slot_count(view.programme)
    limit = options.max_memory if options.max_memory is not None else budget.default_budget()
    return budget.plan(names, slots, limit, resident_mb(), available_cores(),
                       booklet_in_parts=in_parts(slots), jobs=jobs)


def _render_here(names: list[str], view: View, writer: OutputWriter,
                 display: progress.Display, plan: budget.Plan) -> None:
    previous = progress.set_sink(display)
    try:
        with limit_cores(plan.booklet_parts or None):
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


# Set in the parent just before the workers fork; they inherit it instead of unpickling it:
# the view, the output folder, the progress queue, and how many booklet parts at once.
_SHARED: tuple[View, Path, Any, int | None] | None = None


def _render_in_worker(name: str) -> _Outcome:
    assert _SHARED is not None
    view, out_dir, events, cores = _SHARED
    progress.set_sink(progress.forward_to(events))
    writer = _RecordingWriter(out_dir)
    try:
        progress.started(name)
        with limit_cores(cores):
            RENDERERS[name].render(view, writer)
        progress.finished(name)
    except NamconvertError as exc:
        writer.discard()
        # Exceptions pickle by their args only; carry the file/line fields across too.
        return _Outcome(name, error=(type(exc), exc.args, dict(vars(exc))))
    except SystemExit:  # interrupted (see workers.exit_with_parent): end, take no more work
        writer.discard()
        end_interrupted()
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
                       display: progress.Display, plan: budget.Plan,
                       early: EarlyWorker | None = None) -> None:
    global _SHARED
    context = worker_context("fork")
    events = context.Queue()
    queues = [events, *([early.events] if early is not None else [])]
    _SHARED = (view, writer.out_dir, events, plan.booklet_parts or None)
    outcomes: dict[str, _Outcome] = {}
    try:
        # On Ctrl-C the workers end at once, not after the booklet is laid out.
        with cf.ProcessPoolExecutor(plan.jobs, mp_context=context, initializer=exit_with_parent,
                                    initargs=(os.getpid(),)) as pool, \
                stopped_on_interrupt(pool, BUILD_STOP_SECONDS):
            def submit(name: str) -> cf.Future[_Outcome]:
                if early is not None and name == early.name:
                    return early.submit(view, writer.out_dir, plan.booklet_parts or None)
                return pool.submit(_render_in_worker, name)

            _collect(submit, names, queues, display, outcomes, plan)
        # After the pool's shutdown: a worker's last reports may still sit in its queue's
        # feeder thread when its result arrives, and are flushed only as the worker exits.
        if early is not None:
            early.close()
        _drain(queues, display)
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


def _worker_label(name: str) -> str:
    """What the worker rendering format NAME makes, as its death is reported (worker_died)."""
    return f"the {name} output"


def _collect(submit: Callable[[str], cf.Future[_Outcome]], names: list[str],
             queues: list[Any], display: progress.Display, outcomes: dict[str, _Outcome],
             plan: budget.Plan) -> None:
    """Run each format (SUBMIT starts one), as many at once as PLAN lets fit the memory
    budget, showing progress; fill OUTCOMES; stop at the first error."""
    waiting = sorted(names, key=lambda n: -COST.get(n, 1))
    running: dict[cf.Future[_Outcome], str] = {}

    def start() -> None:
        for name in budget.startable(waiting, running.values(), plan):
            waiting.remove(name)
            running[submit(name)] = name

    start()
    while running:
        done, _ = cf.wait(running, timeout=POLL_SECONDS, return_when=cf.FIRST_COMPLETED)
        _drain(queues, display)
        display.tick()
        for future in done:
            name = running.pop(future)
            with killed_workers_reported(_worker_label(name)):
                outcome = future.result()  # a bug (not a NamconvertError) raises here
            outcomes[outcome.name] = outcome
            if outcome.error is not None:
                waiting.clear()  # all or nothing: don't start the rest
        start()


def _drain(queues: list[Any], display: progress.Display) -> None:
    for events in queues:
        while True:
            try:
                event = events.get_nowait()
            except queue.Empty:
                break
            display(event)


# -- the booklet's worker, started first ------------------------------------------------------

# The imports a renderer puts off until its first use, made by its early worker while the
# source is read (WeasyPrint's costs about 0.4 s, a quarter of the seed's build).
DEFERRED_IMPORTS = {"pdf": ("weasyprint",)}
# Beyond this many slots the view the early worker is sent costs more to pickle and unpickle
# than the import saves (1,000 talks: 0.18 s; 10,000: 5 s, against 1.3 s for WeasyPrint's
# import on the same loaded machine); the booklet's worker is then forked after the parse.
EARLY_MAX_SLOTS = 3000
IDLE_END_SECONDS = 10.0  # an early worker that answered has only its progress to flush


class EarlyWorker:
    """A worker for one format, forked before the source is read: it makes that renderer's
    deferred imports meanwhile, then renders the view it is sent (pickled: it was forked
    before the view existed), or ends when sent nothing."""

    def __init__(self, name: str) -> None:
        context = worker_context("fork")
        self.name = name
        self.events = context.Queue()
        self._connection, child = context.Pipe()
        self.process = context.Process(target=_early_main, name=f"namconvert-{name}",
                                       args=(name, child, self.events, os.getpid()))
        self.process.start()
        child.close()
        self._sent = False
        self._answered = threading.Event()

    @classmethod
    def start_for(cls, names: Sequence[str]) -> EarlyWorker | None:
        """The booklet's early worker when this build renders it in workers, else None."""
        wanted = [n for n in names if n in DEFERRED_IMPORTS]
        if not wanted or job_count(None, len(names)) <= 1:
            return None
        return cls(wanted[0])

    def submit(self, view: View, out_dir: Path, cores: int | None) -> cf.Future[_Outcome]:
        future: cf.Future[_Outcome] = cf.Future()
        future.set_running_or_notify_cancel()
        self._connection.send((view, out_dir, cores))
        self._sent = True

        def wait() -> None:
            try:
                answer = self._connection.recv()
                self._answered.set()
                future.set_result(answer)
            except (EOFError, OSError):
                future.set_exception(worker_died(_worker_label(self.name)))

        threading.Thread(target=wait, name=f"namconvert-{self.name}-answer",
                         daemon=True).start()
        return future

    def close(self) -> None:
        """End the worker. One never sent work has only imported: it is killed at once (it
        holds no files and no workers). One that answered is ending on its own; one still
        working (an interrupted or failed build) is interrupted, then killed after
        BUILD_STOP_SECONDS."""
        if self.process.pid is None or self.process.exitcode is not None:
            self._connection.close()
            return
        if not self._sent:
            self.process.kill()
        elif self._answered.is_set():
            self.process.join(IDLE_END_SECONDS)
        if self.process.is_alive():
            with contextlib.suppress(OSError):
                os.kill(self.process.pid, signal.SIGINT)
            self.process.join(BUILD_STOP_SECONDS)
        if self.process.is_alive():
            self.process.kill()
        self.process.join()
        self._connection.close()


def _early_main(name: str, connection: Any, events: Any, parent: int) -> None:
    global _SHARED
    exit_with_parent(parent)
    try:
        for module in DEFERRED_IMPORTS.get(name, ()):
            importlib.import_module(module)
        message = connection.recv()
        if message is None:
            return
        view, out_dir, cores = message
        _SHARED = (view, out_dir, events, cores)
        connection.send(_render_in_worker(name))
    except (EOFError, OSError, SystemExit):
        pass  # the build ended or was interrupted: nothing to answer
    finally:
        events.close()
        events.join_thread()
