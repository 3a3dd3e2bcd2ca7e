"""The progress line: silent unless stderr is a terminal (or forced), and only for slow builds."""

from __future__ import annotations

import io
from pathlib import Path

from namconvert import progress
from namconvert.build import write_outputs
from namconvert.config import Options
from namconvert.model import Programme
from support import SOURCE


class _Clock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def _events(display: progress.Display) -> None:
    display(progress.Event("pdf", "start"))
    display(progress.Event("pdf", "step", 3, 12, "parts"))
    display(progress.Event("pdf", "done"))


def test_silent_when_the_stream_is_not_a_terminal() -> None:
    stream = io.StringIO()
    display = progress.Display(["pdf"], stream, delay=0)
    _events(display)
    display.close()
    assert stream.getvalue() == ""


def test_shown_on_a_terminal() -> None:
    stream = _Terminal()
    display = progress.Display(["pdf"], stream, delay=0)
    display(progress.Event("pdf", "step", 3, 12, "parts"))
    assert "pdf 3/12 parts" in stream.getvalue()


def test_prints_when_forced_and_ends_with_a_newline() -> None:
    stream = io.StringIO()
    display = progress.Display(["json", "pdf"], stream, force=True, delay=0)
    _events(display)
    display.close()
    text = stream.getvalue()
    assert "pdf 3/12 parts" in text
    assert "pdf ✓" in text and "json …" in text
    assert text.endswith("\n")


def test_quiet_for_the_first_seconds_of_a_build() -> None:
    stream, clock = io.StringIO(), _Clock()
    display = progress.Display(["pdf"], stream, force=True, delay=2.0, clock=clock)
    display(progress.Event("pdf", "step", 1, 4))
    display.close()
    assert stream.getvalue() == ""  # a quick build prints nothing at all
    clock.now += 2.5
    display(progress.Event("pdf", "step", 2, 4))
    assert "pdf 2/4" in stream.getvalue()


def test_reports_go_nowhere_outside_a_build() -> None:
    previous = progress.set_sink(None)
    try:
        progress.report("pdf", 1, 2)  # must not fail
    finally:
        progress.set_sink(previous)


def test_renderers_in_worker_processes_reach_the_display(tmp_path: Path, seed: Programme,
                                                        seed_options: Options) -> None:
    stream = io.StringIO()
    display = progress.Display(["json", "frab_xml"], stream, force=True, delay=0)
    write_outputs(seed, SOURCE, seed_options, tmp_path, ["json", "frab_xml"], jobs=2,
                  display=display)
    text = stream.getvalue()
    assert "json ✓" in text and "frab_xml ✓" in text
