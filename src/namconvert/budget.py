"""The build's memory budget (``--max-memory``): what each renderer needs, and what runs at once.

The budget holds for the whole process tree, summed as ``ps`` would sum it: the build's own
process, each forked worker (which counts the parent's pages again: they are in its RSS too),
WeasyPrint's booklet-part workers and Pandoc. Each renderer's need is estimated from the
programme's size with figures measured on the benchmark's programmes (bench/RESULTS.md,
"Memory budget"); the plan then picks

- how many renderers run at once (the costliest first, each started only when it fits beside
  those running: :func:`startable`), or all of them one after another in the build's own
  process when not even one worker fits;
- how many booklet parts are laid out at once (one per core, fewer when they do not fit).

A budget too small for even one step at a time still builds, one step at a time, and says so.
Everything here is a pure function of sizes; ``build`` measures and applies.
"""

from __future__ import annotations

import os
import re
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass

MB = 1 << 20
_SIZE = re.compile(r"(?P<number>\d+(?:\.\d+)?)\s*(?P<unit>[KMGT]?)(?:i?B)?", re.IGNORECASE)
_UNITS = {"": MB, "K": 1 << 10, "M": MB, "G": 1 << 30, "T": 1 << 40}
MIN_BUDGET = MB  # below a megabyte a number is a typo, not a budget


def parse_size(value: str | int) -> int:
    """``"1G"``, ``"512M"``, ``"1.5GB"``, ``"2048"`` (megabytes) to bytes; ValueError says why."""
    if isinstance(value, bool) or not isinstance(value, str | int):
        raise ValueError("neither text nor a number")
    match = _SIZE.fullmatch(str(value).strip())
    if match is None:
        raise ValueError("a number, then K, M, G or T")
    size = int(float(match["number"]) * _UNITS[match["unit"].upper()])
    if size < MIN_BUDGET:
        raise ValueError("at least 1M")
    return size


def machine_memory() -> int | None:
    """The machine's RAM in bytes, where the system says."""
    try:
        return os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES")
    except (ValueError, OSError, AttributeError):
        return None


def default_budget() -> int:
    """A quarter of the machine's RAM (2 GB where the system does not say)."""
    total = machine_memory()
    return total // 4 if total else 2 << 30


def shown(size: float) -> str:
    """SIZE in bytes as a person writes it: 1 GB, 512 MB."""
    if size >= 1 << 30:
        return f"{size / (1 << 30):.3g} GB"
    return f"{size / MB:.0f} MB"


@dataclass(frozen=True)
class Need:
    """Megabytes a renderer adds to the process it runs in: FIXED plus PER_SLOT each slot."""

    fixed: float
    per_slot: float

    def at(self, slots: int) -> float:
        return self.fixed + self.per_slot * slots


# Measured with bench/run.py's sampling (RSS of each process of the tree, every 50 ms) on the
# benchmark's programme of 1,000 talks (1,442 slots) and 200 talks (290 slots), less the
# parsed programme's process; rounded up. Bigger programmes are extrapolated (a slot is a
# talk, break or other row). A format not listed needs what the quick ones do.
NEEDS: Mapping[str, Need] = {
    # Pandoc runs on one part of whole days at a time (render/epub/: at most about 300 slots,
    # 232 MB for a day of 200); the parts' EPUBs then merged (471 MB for the whole EPUB stage
    # at 14,442 slots, 286 MB of it the parsed programme).
    "epub": Need(250, 0.02),
}
QUICK = Need(20, 0.02)  # html, ics, json, frab, readme: under 30 MB at 1,442 slots
# The booklet laid out in parts: its worker holds the parts' PDFs while up to N worker
# processes lay out a body part each (about PART_SLOTS slots, whatever the programme's size)
# or the contents and index (the whole programme's outline); then, with the workers gone, it
# merges every page (pikepdf).
BOOKLET_HOLD = Need(80, 0.1)
BOOKLET_PART_MB = 330.0  # 313 MB measured
BOOKLET_FRONT = Need(60, 0.45)  # 692 MB at 1,442 slots
BOOKLET_MERGE = Need(80, 0.5)  # 720 MB at 1,442 slots
# The one-document booklet of a small programme, laid out in the booklet's worker itself.
ONE_DOCUMENT = Need(100, 1.3)  # 460 MB at 290 slots


def need(name: str, slots: int, *, parts: int = 0) -> float:
    """The megabytes format NAME adds while it renders SLOTS slots; for the booklet laid out
    in parts, PARTS of them at once."""
    if name != "pdf":
        return NEEDS.get(name, QUICK).at(slots)
    if parts == 0:
        return ONE_DOCUMENT.at(slots)
    laying_out = (BOOKLET_HOLD.at(slots) + max(BOOKLET_FRONT.at(slots), BOOKLET_PART_MB)
                  + (parts - 1) * BOOKLET_PART_MB)
    return max(laying_out, BOOKLET_MERGE.at(slots))


@dataclass(frozen=True)
class Plan:
    """How a build runs inside its budget."""

    jobs: int  # renderers at once in worker processes; 1: one after another in the build's own
    booklet_parts: int  # booklet parts laid out at once (0: the booklet is one document)
    needs: Mapping[str, float]  # MB each renderer adds while it runs
    room: float  # MB for the renderers: the budget less the build's own process
    fork: float  # MB a forked worker counts besides its renderer (the parent's pages)
    warning: str | None = None


def plan(formats: Sequence[str], slots: int, budget: int, base: float, cores: int, *,
         booklet_in_parts: bool, jobs: int | None = None) -> Plan:
    """The plan for rendering FORMATS of a programme of SLOTS slots within BUDGET bytes, the
    build's process holding BASE MB (which every forked worker counts again), on CORES cores.

    JOBS caps the workers (1: none). The booklet gets as many parts at once as fit beside
    its worker, at least one; renderers run in workers when the costliest of them fits in one
    beside the build's process, else one after another in the build's process.
    """
    room = budget / MB - base
    cores = max(1, cores)
    workers = max(1, min(cores if jobs is None else jobs, len(formats)))

    def needs_with(parts: int) -> dict[str, float]:
        return {name: need(name, slots, parts=parts) for name in formats}

    forked = workers > 1
    parts = 0
    if "pdf" in formats and booklet_in_parts:
        parts = 1
        for candidate in range(cores, 0, -1):
            if need("pdf", slots, parts=candidate) + (base if forked else 0) <= room:
                parts = candidate
                break
    needs = needs_with(parts)
    costliest = max(needs.values(), default=0.0)
    if forked and base + costliest > room:
        forked, workers = False, 1  # a worker's copy of the parent would not fit: none
    warning = None
    if costliest > room:
        worst = max(needs, key=lambda n: needs[n])
        warning = (f"the memory budget of {shown(budget)} is less than this build needs even "
                   f"one step at a time (the {worst} step about {shown(costliest * MB)} beside "
                   f"{shown(base * MB)} for the programme): running one step at a time, "
                   "which may go over it")
    return Plan(workers if forked else 1, parts, needs, room, base if forked else 0.0, warning)


def startable(waiting: Sequence[str], running: Collection[str], plan: Plan) -> list[str]:
    """Which of WAITING (in the order they should start) to start now, beside RUNNING.

    Each goes if a worker is free and its need, with a forked worker's share of the parent,
    fits in what the running ones leave of the budget's room; a smaller one may go past a
    bigger one that does not fit. With nothing running the first always goes, over the
    budget or not: the build must end.
    """
    started: list[str] = []
    used = sum(plan.needs[name] + plan.fork for name in running)
    busy = len(running)
    for name in waiting:
        if busy >= plan.jobs:
            break
        cost = plan.needs[name] + plan.fork
        if busy == 0 or used + cost <= plan.room:
            started.append(name)
            used += cost
            busy += 1
    return started
