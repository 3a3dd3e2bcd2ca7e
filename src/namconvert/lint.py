"""Findings about a programme that parsed: overlaps, slots outside their day, years out of range.

A year outside :data:`namconvert.config.YEARS` is an error: calendars, feeds and the
booklet need four-digit years with room for time zones either side.
"""

from __future__ import annotations

from itertools import pairwise

from .config import YEARS
from .errors import Diagnostic
from .model import Programme


def lint(programme: Programme, path: str) -> list[Diagnostic]:
    findings: list[Diagnostic] = []

    def warn(line: int, message: str, category: str) -> None:
        findings.append(Diagnostic(path, line, 1, "warning", message, category))

    for day in programme.days:
        if not YEARS[0] <= day.date.year <= YEARS[1]:
            findings.append(Diagnostic(path, day.line, 1, "error",
                                       f"year {day.date.year} is out of range (a programme's "
                                       f"years are {YEARS[0]} to {YEARS[1]})", "date.range"))
        for session in day.sessions:
            # Slots in different rooms run in parallel: only one room's slots can overlap.
            ordered = sorted(session.slots, key=lambda s: (s.room or "", s.start, s.end))
            for before, after in pairwise(ordered):
                if before.room != after.room:
                    continue
                if after.start < before.end:
                    warn(after.line, f"{after.title!r} ({after.start:%H:%M}) overlaps "
                         f"{before.title!r} ({before.start:%H:%M}-{before.end:%H:%M})",
                         "time.overlap")
            for slot in session.slots:
                if (day.start and slot.start < day.start) or (day.end and slot.end > day.end):
                    warn(slot.line, f"{slot.title!r} ({slot.start:%H:%M}-{slot.end:%H:%M}) is "
                         f"outside the day's hours ({day.start:%H:%M}-{day.end:%H:%M})"
                         if day.start and day.end else
                         f"{slot.title!r} is outside the day's hours", "time.window")
    return findings
