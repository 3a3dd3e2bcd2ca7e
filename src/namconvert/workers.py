"""What every worker process of a build shares: it ends when the build that started it dies,
and quietly on Ctrl-C."""

from __future__ import annotations

import concurrent.futures as cf
import contextlib
import ctypes
import os
import signal
import sys
import time
from collections.abc import Iterator
from pathlib import Path

from .errors import RenderError

_PR_SET_PDEATHSIG = 1  # linux/prctl.h
STOP_SECONDS = 0.5  # how long interrupted workers have to clean up before they are killed


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
def stopped_on_interrupt(pool: cf.ProcessPoolExecutor) -> Iterator[cf.ProcessPoolExecutor]:
    """On Ctrl-C inside the block, end POOL's workers at once instead of waiting for them.

    Each worker is interrupted (it unwinds: Pandoc killed, temporary files removed) and
    one still running after STOP_SECONDS is killed; its own workers die with it.
    """
    try:
        yield pool
    except (KeyboardInterrupt, SystemExit):
        processes = list(pool._processes.values())  # the pool offers no public way
        for process in processes:
            if process.pid is not None:
                with contextlib.suppress(OSError):
                    os.kill(process.pid, signal.SIGINT)
        deadline = time.monotonic() + STOP_SECONDS
        for process in processes:
            process.join(max(0.0, deadline - time.monotonic()))
        for process in processes:
            if process.is_alive():
                process.kill()
                process.join()
        pool.shutdown(wait=True, cancel_futures=True)
        raise
