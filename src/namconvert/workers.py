"""What every worker process of a build shares: it ends when the build that started it dies,
and quietly on Ctrl-C."""

from __future__ import annotations

import concurrent.futures as cf
import contextlib
import ctypes
import multiprocessing
import multiprocessing.util
import os
import signal
import sys
import threading
import time
from collections.abc import Iterator
from multiprocessing.context import (
    ForkContext,
    ForkProcess,
    SpawnContext,
    SpawnProcess,
)
from pathlib import Path
from typing import NoReturn

from .errors import RenderError

_PR_SET_PDEATHSIG = 1  # linux/prctl.h
STOP_SECONDS = 0.5  # how long interrupted workers have to clean up before they are killed
# ... and the build's own workers, which may first stop workers of their own (the booklet's
# parts): killed before that, they leave its pool's semaphores to the resource tracker, which
# reports them leaked on the terminal.
BUILD_STOP_SECONDS = 2 * STOP_SECONDS


# Set by a build in the process that renders a format (limit_cores): the memory budget may
# allow fewer parallel workers than there are cores (budget.py).
_core_limit: int | None = None


def available_cores() -> int:
    """The cores this process may run on (its CPU affinity where the system has one), or
    fewer when the build's memory budget says so (:func:`limit_cores`)."""
    affinity = getattr(os, "sched_getaffinity", None)
    cores = len(affinity(0)) if affinity is not None else os.cpu_count() or 1
    return cores if _core_limit is None else max(1, min(cores, _core_limit))


@contextlib.contextmanager
def limit_cores(limit: int | None) -> Iterator[None]:
    """Inside the block, :func:`available_cores` says at most LIMIT (None: no limit)."""
    global _core_limit
    previous, _core_limit = _core_limit, limit
    try:
        yield
    finally:
        _core_limit = previous


def resident_mb(pid: int | str = "self") -> float:
    """Process PID's resident memory in MB (this process's by default); 0 where unknown."""
    try:
        pages = int(Path(f"/proc/{pid}/statm").read_text().split()[1])
    except (OSError, ValueError, IndexError):
        return 0.0
    return pages * os.sysconf("SC_PAGE_SIZE") / (1 << 20)


def exit_with_parent(parent: int) -> None:
    """Pool initializer (``initargs=(os.getpid(),)``): a killed build leaves no worker behind.

    A pool's workers hold both ends of its job queue, so a worker whose build died would wait
    for work forever. Linux ends it with the build (prctl); one whose build died before it got
    here ends at once. Elsewhere a worker ends when it next finds its pool gone.
    """
    if sys.platform.startswith("linux"):
        with contextlib.suppress(OSError, AttributeError):
            ctypes.CDLL(None, use_errno=True).prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)
    signal.signal(signal.SIGINT, _interrupted)
    if os.getppid() != parent:
        os._exit(1)
    try:  # a worker starts with Ctrl-C blocked (worker_context): one that came since, now
        signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})
    except SystemExit:  # interrupted before it took any work: end, quietly
        os._exit(130)


@contextlib.contextmanager
def _interrupts_held() -> Iterator[None]:
    """Ctrl-C held back while a worker is created, then raised here as it would have been.

    The child starts with Ctrl-C blocked (a fork and an exec keep the signal mask) until
    exit_with_parent installs the quiet handler: one that reached a worker still starting (in
    a fork's after-fork hooks, or importing after an exec) would end it with a traceback and
    break its pool. This process finishes creating it first: a spawned child reads what it is
    to run from a pipe written here, and ends with a traceback if the writing is interrupted.
    Held, not ignored: a Ctrl-C that comes meanwhile is not lost. (A Python handler runs in
    the main thread whatever its signal mask, so the mask alone would not hold it here.)
    """
    held: list[int] = []
    in_main = threading.current_thread() is threading.main_thread()
    handler = signal.signal(signal.SIGINT, lambda signum, frame: held.append(signum)) \
        if in_main else None
    mask = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, mask)
        if in_main:
            signal.signal(signal.SIGINT, handler)
            if held and callable(handler):
                handler(signal.SIGINT, None)


# Held over the whole start, not only the child's creation: a Ctrl-C raised before start()
# returns would leave the child out of multiprocessing's list of children, out of reach.

class _ForkProcess(ForkProcess):
    def start(self) -> None:
        with _interrupts_held():
            super().start()


class _SpawnProcess(SpawnProcess):
    def start(self) -> None:
        with _interrupts_held():
            super().start()


class _ForkContext(ForkContext):
    Process = _ForkProcess


class _SpawnContext(SpawnContext):
    Process = _SpawnProcess


def worker_context(method: str) -> ForkContext | SpawnContext:
    """multiprocessing's context for METHOD ("fork" or "spawn"), its processes started with
    Ctrl-C blocked until :func:`exit_with_parent` (every worker's first call) unblocks it."""
    return _ForkContext() if method == "fork" else _SpawnContext()


def end_interrupted() -> NoReturn:
    """End an interrupted worker at once (exit 130), taking no more work from its pool, once
    multiprocessing has run its exit handlers here: they remove the semaphores of a pool this
    worker ran (the booklet's parts), which its resource tracker would otherwise report
    leaked, on the terminal, since ``os._exit`` runs no handler. (``_exit_function`` is what
    multiprocessing itself runs as one of its processes ends.)"""
    multiprocessing.util._exit_function()  # type: ignore[attr-defined]
    os._exit(130)


def worker_died(what: str) -> RenderError:
    """The error a build ends with when the worker doing WHAT died without an answer: killed
    (for lack of memory, most often) or crashed, it could say nothing itself."""
    return RenderError(f"the worker making {what} ended without an answer (killed? out of "
                       "memory? see the messages above; --max-memory runs less at once)")


@contextlib.contextmanager
def killed_workers_reported(what: str) -> Iterator[None]:
    """A pool's worker killed inside the block ends the build with :func:`worker_died`'s
    message instead of the pool's BrokenProcessPool traceback."""
    try:
        yield
    except cf.process.BrokenProcessPool:
        raise worker_died(what) from None


def _interrupted(signum: int, frame: object) -> None:
    """Ctrl-C in a worker: unwind once (temporary files, Pandoc), with no traceback.

    SystemExit is what a worker process ends on silently; the build's own process reports
    the interruption (exit 130). Later interrupts are ignored while the worker unwinds.
    """
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    raise SystemExit(130)


@contextlib.contextmanager
def stopped_on_interrupt(pool: cf.ProcessPoolExecutor,
                         stop_seconds: float = STOP_SECONDS) -> Iterator[cf.ProcessPoolExecutor]:
    """On Ctrl-C inside the block, end POOL's workers at once instead of waiting for them.

    Each worker is interrupted (it unwinds: Pandoc killed, temporary files removed) and one
    still running after STOP_SECONDS (the build's: BUILD_STOP_SECONDS) is killed; its own
    workers die with it.
    """
    try:
        yield pool
    except (KeyboardInterrupt, SystemExit):
        # The pool's workers (it offers no public way), and one it was starting when the
        # Ctrl-C came: raised as that start ended (_interrupts_held), before the pool listed it.
        processes = {*pool._processes.values(), *multiprocessing.active_children()}
        for process in processes:
            if process.pid is not None:
                with contextlib.suppress(OSError):
                    os.kill(process.pid, signal.SIGINT)
        deadline = time.monotonic() + stop_seconds
        for process in processes:
            process.join(max(0.0, deadline - time.monotonic()))
        for process in processes:
            if process.is_alive():
                process.kill()
                process.join()
        # Work still in the job queue's pipe (a booklet part's programme) has no reader now:
        # waiting for it to be written would wait for ever (Python 3.11's pool does).
        pool._call_queue.cancel_join_thread()  # type: ignore[attr-defined]
        pool.shutdown(wait=True, cancel_futures=True)
        raise
