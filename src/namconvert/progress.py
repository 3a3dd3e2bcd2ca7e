"""A progress line on the terminal for builds that take more than a couple of seconds.

Renderers report through one tiny API, whichever process they run in::

    from .. import progress
    progress.report("pdf", done=3, total=12, note="booklet parts")

The build owns the display (:class:`Display`): one status line on stderr,
rewritten in place, shown only when stderr is a terminal and only once the
build has run for ``delay`` seconds, so quick builds and logs stay clean.
Renderers running in worker processes send their reports to the parent
through a queue (:func:`forward_to`); without a build around them (tests,
library use) reports go nowhere.
"""

from __future__ import annotations

import os
import sys
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Protocol, TextIO

DEFAULT_DELAY = 2.0  # seconds before the line appears: short builds print nothing


@dataclass(frozen=True)
class Event:
    task: str  # a format name, e.g. "pdf"
    state: str  # "start", "step" or "done"
    done: int = 0
    total: int = 0
    note: str = ""


Sink = Callable[[Event], None]


def _nowhere(event: Event) -> None:
    pass


_sink: Sink = _nowhere


def set_sink(sink: Sink | None) -> Sink:
    """Send reports to SINK (None: nowhere); return the previous sink."""
    global _sink
    previous, _sink = _sink, sink or _nowhere
    return previous


def report(task: str, done: int, total: int, note: str = "") -> None:
    """Renderer API: DONE of TOTAL steps of TASK are finished (e.g. booklet parts laid out)."""
    _sink(Event(task, "step", done, total, note))


def started(task: str) -> None:
    _sink(Event(task, "start"))


def finished(task: str) -> None:
    _sink(Event(task, "done"))


class _Queue(Protocol):
    def put(self, item: Any) -> None: ...


def forward_to(queue: _Queue) -> Sink:
    """A sink for a worker process: hand every event to the parent's queue."""
    return queue.put


def stream_is_terminal(stream: TextIO) -> bool:
    try:
        return stream.isatty() and os.environ.get("TERM") != "dumb"
    except (AttributeError, ValueError):
        return False


class Display:
    """The status line: ``[  12s] json ✓  ics ✓  pdf 3/12 parts  epub …``.

    ``force`` shows it even when STREAM is not a terminal (tests, ``--progress``);
    a display that is not shown costs nothing but bookkeeping.
    """

    def __init__(self, tasks: list[str], stream: TextIO | None = None, *,
                 force: bool | None = None, delay: float = DEFAULT_DELAY,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self.stream = stream if stream is not None else sys.stderr
        self.enabled = stream_is_terminal(self.stream) if force is None else force
        self.delay = delay
        self.clock = clock
        self.began = clock()
        self.states: dict[str, str] = {task: "…" for task in tasks}
        self.started_at: dict[str, float] = {}
        self.lines_shown = False
        self._lock = threading.Lock()

    def __call__(self, event: Event) -> None:
        with self._lock:
            self._apply(event)
            self._draw()

    def _apply(self, event: Event) -> None:
        now = self.clock()
        if event.state == "start":
            self.started_at[event.task] = now
            self.states[event.task] = "0s"
        elif event.state == "step":
            note = f" {event.note}" if event.note else ""
            self.states[event.task] = f"{event.done}/{event.total}{note}"
        elif event.state == "done":
            took = now - self.started_at.get(event.task, self.began)
            self.states[event.task] = f"✓ {took:.1f}s"

    def line(self) -> str:
        elapsed = self.clock() - self.began
        parts = "  ".join(f"{task} {state}" for task, state in self.states.items())
        return f"[{elapsed:4.0f}s] {parts}"

    def tick(self) -> None:
        """Redraw (the elapsed time moves even when no renderer reports)."""
        with self._lock:
            self._draw()

    def _draw(self) -> None:
        if not self.enabled or self.clock() - self.began < self.delay:
            return
        # \r and erase-to-end-of-line: one line, rewritten in place.
        self.stream.write("\r\x1b[K" + self.line())
        self.stream.flush()
        self.lines_shown = True

    def close(self) -> None:
        """Leave the final state on its own line, if anything was shown."""
        with self._lock:
            if self.lines_shown:
                self.stream.write("\r\x1b[K" + self.line() + "\n")
                self.stream.flush()
