"""What every worker process of a build shares: it ends when the build that started it dies,
and quietly on Ctrl-C."""

from __future__ import annotations

import concurrent.futures as cf
import contextlib
import ctypes
import gc
import os
import signal
import sys
import time
from collections.abc import Iterator
from multiprocessing.context import SpawnContext as _SpawnContextBase
from multiprocessing.context import SpawnProcess
from pathlib import Path
from typing import Any, NoReturn

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
    try:  # a spawned worker starts with Ctrl-C blocked (SpawnContext): one that came since, now
        signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})
    except SystemExit:  # interrupted before it took any work: end, quietly
        os._exit(130)


class _SpawnProcess(SpawnProcess):
    """A spawned worker that starts with Ctrl-C blocked (an exec keeps the signal mask), until
    :func:`exit_with_parent` installs the quiet handler: a Ctrl-C that reached a worker still
    importing would end it with a traceback and break its pool. Blocked, not ignored: in the
    parent a Ctrl-C that comes while it creates the child waits, pending, and is not lost."""

    @staticmethod
    def _Popen(process_obj: Any) -> Any:
        previous = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
        try:
            return SpawnProcess._Popen(process_obj)
        finally:
            signal.pthread_sigmask(signal.SIG_SETMASK, previous)


class SpawnContext(_SpawnContextBase):
    """multiprocessing's "spawn" context, its workers started as :class:`_SpawnProcess`."""

    Process = _SpawnProcess


def end_interrupted() -> NoReturn:
    """End an interrupted worker at once (exit 130), taking no more work from its pool, once
    what it no longer references is released: the semaphores of a pool it ran (the booklet's
    parts) would otherwise be reported leaked, on the terminal, by multiprocessing's resource
    tracker, since ``os._exit`` runs no finalizer."""
    gc.collect()
    os._exit(130)


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
        processes = list(pool._processes.values())  # the pool offers no public way
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
        pool.shutdown(wait=True, cancel_futures=True)
        raise
