"""What every worker process of a build shares: it ends when the build that started it dies."""

from __future__ import annotations

import contextlib
import ctypes
import os
import signal
import sys

_PR_SET_PDEATHSIG = 1  # linux/prctl.h


def available_cores() -> int:
    """The cores this process may run on (its CPU affinity where the system has one)."""
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1


def exit_with_parent(parent: int) -> None:
    """Pool initializer (``initargs=(os.getpid(),)``): a killed build leaves no worker behind.

    A pool's workers hold both ends of its job queue, so a worker whose build died would wait
    for work forever. Linux ends it with the build (prctl); one whose build died before it got
    here ends at once. Elsewhere a worker ends when it next finds its pool gone.
    """
    if sys.platform.startswith("linux"):
        with contextlib.suppress(OSError, AttributeError):
            ctypes.CDLL(None, use_errno=True).prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)
    if os.getppid() != parent:
        os._exit(1)
