"""The memory budget: sizes, the plan (pure), and a build under a tiny budget that is still right."""

from __future__ import annotations

import filecmp
from pathlib import Path

import pytest

from namconvert import budget
from namconvert.budget import MB, parse_size, plan, startable
from namconvert.cli import main
from support import SOURCE

ALL = ["json", "readme", "ics", "frab_xml", "frab_json", "epub", "pdf", "html"]
ORDER = ["pdf", "epub", "html", "readme", "json", "ics", "frab_xml", "frab_json"]  # costliest first


@pytest.mark.parametrize(("text", "size"), [
    ("1G", 1 << 30), ("512M", 512 * MB), ("512m", 512 * MB), ("1.5GB", 3 << 29),
    ("2048", 2048 * MB), (2048, 2048 * MB), ("64MiB", 64 * MB), (" 1 G ", 1 << 30),
    ("1024K", MB), ("1T", 1 << 40),
])
def test_a_size_is_read_as_people_write_it(text: str | int, size: int) -> None:
    assert parse_size(text) == size


@pytest.mark.parametrize("text", ["", "lots", "1 GB RAM", "-1G", "1Q", "0", "0.5M", "100K", True,
                                  1.5])
def test_a_size_that_is_not_one_is_refused(text: object) -> None:
    with pytest.raises(ValueError):
        parse_size(text)  # type: ignore[arg-type]


def test_the_default_is_a_quarter_of_the_machine() -> None:
    total = budget.machine_memory()
    assert total is not None and budget.default_budget() == total // 4


def big_plan(budget_bytes: int, slots: int = 10_000, base: float = 250, cores: int = 2,
             **kwargs: object) -> budget.Plan:
    return plan(ALL, slots, budget_bytes, base, cores, booklet_in_parts=slots > 300,
                **kwargs)  # type: ignore[arg-type]


def test_a_roomy_budget_runs_everything_at_once_and_the_booklet_on_every_core() -> None:
    roomy = big_plan(64 << 30)
    assert (roomy.jobs, roomy.booklet_parts, roomy.warning) == (2, 2, None)
    assert roomy.fork == 250  # each forked worker counts the parent's pages again
    assert startable(ORDER, [], roomy) == ["pdf", "epub"]


def fitting(*megabytes: float) -> int:
    """A budget in bytes just over MEGABYTES together."""
    return int((sum(megabytes) + 1) * MB)


BASE = 60.0  # MB the build's own process holds (a 1,000-talk programme, parsed)


def test_a_budget_for_one_booklet_part_lays_out_one_at_a_time() -> None:
    one, two = (budget.need("pdf", 1000, parts=n) for n in (1, 2))
    epub = budget.need("epub", 1000)
    assert two > max(one, epub)
    one_part = plan(ALL, 1000, fitting(BASE, BASE, max(one, epub)), BASE, 2,
                    booklet_in_parts=True)
    two_parts = plan(ALL, 1000, fitting(BASE, BASE, two), BASE, 2, booklet_in_parts=True)
    assert (one_part.booklet_parts, two_parts.booklet_parts) == (1, 2)
    assert (one_part.needs["pdf"], two_parts.needs["pdf"]) == (one, two)
    assert one_part.jobs == 2 and one_part.warning is None


def test_heavy_steps_run_one_after_another_when_they_do_not_fit_together() -> None:
    pdf = max(budget.need("pdf", 1000, parts=1), budget.need("epub", 1000))
    tight = plan(ALL, 1000, fitting(BASE, BASE, pdf, BASE, budget.need("html", 1000)), BASE, 2,
                 booklet_in_parts=True)
    assert tight.booklet_parts == 1
    assert tight.needs["pdf"] + tight.needs["epub"] + 2 * tight.fork > tight.room
    assert startable(ORDER, [], tight) == ["pdf", "html"]  # the EPUB waits; a quick one fits
    assert startable(["epub", "readme"], ["pdf"], tight) == ["readme"]
    assert startable(["epub", "readme"], [], tight) == ["epub", "readme"]


def test_no_workers_when_a_copy_of_the_programme_would_not_fit() -> None:
    pdf = budget.need("pdf", 10_000, parts=1)  # 10,000 talks, 300 MB parsed
    small = big_plan(fitting(300, pdf), base=300)
    assert (small.jobs, small.booklet_parts, small.fork) == (1, 1, 0)


def test_a_budget_too_small_for_one_step_still_runs_one_at_a_time_and_says_so() -> None:
    tiny = plan(ALL, 10, 1 * MB, 60, 2, booklet_in_parts=False)
    assert (tiny.jobs, tiny.booklet_parts) == (1, 0)
    assert tiny.warning is not None and "1 MB is less than this build needs" in tiny.warning
    assert "one step at a time" in tiny.warning
    assert startable(ORDER, [], tiny) == ["pdf"]  # nothing running: the first goes regardless
    assert startable(ORDER[1:], ["pdf"], tiny) == []


def test_jobs_one_means_no_workers_whatever_the_budget() -> None:
    assert big_plan(64 << 30, jobs=1).jobs == 1


@pytest.mark.parametrize("megabytes", [300, 900, 1400, 1800, 2500, 6000])
def test_what_runs_at_once_never_goes_over_the_budget_unless_alone(megabytes: int) -> None:
    """Simulate a build: each step ends in turn, the waiting ones start when they fit."""
    chosen = plan(ALL, 1000, megabytes * MB, 60, 2, booklet_in_parts=True)
    waiting, running, finished = list(ORDER), [], []
    while waiting or running:
        started = startable(waiting, running, chosen)
        for name in started:
            waiting.remove(name)
        running += started
        assert running, "a step must always be able to start"
        assert len(running) <= chosen.jobs
        held = sum(chosen.needs[n] + chosen.fork for n in running)
        assert held <= chosen.room or len(running) == 1
        finished.append(running.pop(0))
    assert sorted(finished) == sorted(ALL)


def test_a_build_under_a_tiny_budget_finishes_and_equals_a_normal_one(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    normal, tiny = tmp_path / "normal", tmp_path / "tiny"
    assert main(["build", str(SOURCE), "-o", str(normal)]) == 0
    capsys.readouterr()
    assert main(["build", str(SOURCE), "-o", str(tiny), "--max-memory", "1M"]) == 0
    err = capsys.readouterr().err
    assert "warning: the memory budget of 1 MB is less than this build needs" in err
    names = sorted(str(p.relative_to(normal)) for p in normal.rglob("*") if p.is_file())
    assert names == sorted(str(p.relative_to(tiny)) for p in tiny.rglob("*") if p.is_file())
    assert "programme.pdf" in names and "programme.epub" in names
    _, differ, missing = filecmp.cmpfiles(normal, tiny, names, shallow=False)
    assert (differ, missing) == ([], [])


@pytest.mark.parametrize(("value", "message"), [
    ("lots", "max_memory must be a size such as 1G or 512M (a number, then K, M, G or T), "
             "not 'lots'"),
    ("10K", "max_memory must be a size such as 1G or 512M (at least 1M), not '10K'"),
])
def test_a_bad_flag_is_a_message_and_nothing_is_written(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], value: str, message: str) -> None:
    assert main(["build", str(SOURCE), "-o", str(tmp_path / "out"), "--max-memory", value]) == 1
    assert capsys.readouterr().err.splitlines() == [f"--max-memory: error: {message} [config]"]
    assert not (tmp_path / "out").exists()
