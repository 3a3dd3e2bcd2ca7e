"""The build: renderers in worker processes give the same files, all or nothing."""

from __future__ import annotations

import dataclasses
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from namconvert import build
from namconvert.cli import main
from namconvert.config import Options
from namconvert.errors import DependencyError, NamconvertError, RenderError
from namconvert.model import Programme
from namconvert.output import STAGING_PREFIX, OutputWriter
from namconvert.render import RENDERERS, RenderFunction
from namconvert.views import View
from support import ROOT, SOURCE, needs_linux

QUICK = ["json", "ics", "frab_xml", "frab_json"]


def _tree(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*"))
            if p.is_file()}


def _patch(monkeypatch: pytest.MonkeyPatch, name: str, render: RenderFunction) -> None:
    monkeypatch.setitem(RENDERERS, name, dataclasses.replace(RENDERERS[name], render=render))


def test_workers_write_the_same_files_as_one_process(tmp_path: Path, seed: Programme,
                                                      seed_options: Options) -> None:
    serial = build.write_outputs(seed, SOURCE, seed_options, tmp_path / "one", QUICK, jobs=1)
    parallel = build.write_outputs(seed, SOURCE, seed_options, tmp_path / "two", QUICK, jobs=2)
    assert [p.relative_to(tmp_path / "one") for p in serial] == \
        [p.relative_to(tmp_path / "two") for p in parallel]
    assert _tree(tmp_path / "one") == _tree(tmp_path / "two")
    assert len(_tree(tmp_path / "two")) > len(QUICK)  # ics writes per-slot files too


def _failing(view: View, out: OutputWriter) -> list[Path]:
    out.write_text("half-written.txt", "x")
    raise DependencyError("WeasyPrint is broken (reinstall it)", "README.md", 7)


@pytest.mark.parametrize("jobs", [1, 2])
def test_a_failure_keeps_the_previous_outputs_and_its_place(
        tmp_path: Path, seed: Programme, seed_options: Options, monkeypatch: pytest.MonkeyPatch,
        jobs: int) -> None:
    build.write_outputs(seed, SOURCE, seed_options, tmp_path, QUICK, jobs=jobs)
    before = _tree(tmp_path)
    _patch(monkeypatch, "frab_xml", _failing)
    with pytest.raises(DependencyError) as caught:
        build.write_outputs(seed, SOURCE, seed_options, tmp_path, QUICK, jobs=jobs)
    assert (caught.value.path, caught.value.line) == ("README.md", 7)
    assert caught.value.diagnostics()[0].format() == \
        "README.md:7:1: error: WeasyPrint is broken (reinstall it) [dependency]"
    assert _tree(tmp_path) == before
    assert not list(tmp_path.glob(STAGING_PREFIX + "*"))


def _clashing(view: View, out: OutputWriter) -> list[Path]:
    return [out.write_text("programme.json", "{}")]


def test_two_formats_writing_one_file_are_refused(tmp_path: Path, seed: Programme,
                                                  seed_options: Options,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    _patch(monkeypatch, "ics", _clashing)
    with pytest.raises(RenderError, match="twice"):
        build.write_outputs(seed, SOURCE, seed_options, tmp_path, QUICK, jobs=2)
    assert not list(tmp_path.glob(STAGING_PREFIX + "*"))
    assert not (tmp_path / "programme.json").exists()


def test_job_count(monkeypatch: pytest.MonkeyPatch) -> None:
    assert build.job_count(4, 2) == 2
    assert build.job_count(8, 1) == 1
    monkeypatch.setenv("NAMCONVERT_JOBS", "1")
    assert build.job_count(None, 7) == 1
    monkeypatch.setenv("NAMCONVERT_JOBS", "3")
    assert build.job_count(None, 7) == 3


def _group_alive(group: int) -> bool:
    """Whether a process of GROUP still runs (zombies, which hold no files, do not count)."""
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except (OSError, IndexError):
            continue
        if int(fields[2]) == group and fields[0] != "Z":
            return True
    return False


def _staged(out: Path) -> list[Path]:
    return [p for d in out.glob(STAGING_PREFIX + "*") for p in d.rglob("*") if p.is_file()]


def test_a_killed_build_keeps_the_previous_outputs(tmp_path: Path,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    needs_linux("/proc/self/stat")
    out = tmp_path / "build"
    assert main(["build", str(SOURCE), "-o", str(out)]) == 0  # every format
    before = _tree(out)
    assert {"index.html", "programme.pdf", "programme.epub", "programme.json"} <= set(before)
    big = tmp_path / "big" / "README.md"
    big.parent.mkdir()
    assert main(["generate", "--talks", "120", "-o", str(big)]) == 0
    capsys.readouterr()
    # A build of 120 talks takes some seconds; kill it (workers, Pandoc and all) as soon as
    # it has staged a file.
    process = subprocess.Popen([sys.executable, "-m", "namconvert", "build", str(big), "-o",
                                str(out)], cwd=ROOT, stdout=subprocess.DEVNULL,
                               stderr=subprocess.DEVNULL, start_new_session=True)
    try:
        deadline = time.monotonic() + 60
        while not _staged(out):
            assert process.poll() is None, "the build ended before it could be killed"
            assert time.monotonic() < deadline, "the build staged nothing in a minute"
            time.sleep(0.01)
        os.killpg(process.pid, signal.SIGKILL)
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGKILL)
        process.wait()
        while _group_alive(process.pid):  # the workers die a moment after the parent
            time.sleep(0.01)
    assert process.returncode == -signal.SIGKILL
    # Every previous file is there, byte for byte, and nothing else but the killed build's
    # hidden staging folders, which replace nothing.
    leftovers = list(out.glob(STAGING_PREFIX + "*"))
    assert leftovers
    assert {k: v for k, v in _tree(out).items() if not k.startswith(STAGING_PREFIX)} == before
    # The next build into the folder removes what the killed one left.
    assert main(["build", str(SOURCE), "-o", str(out), "--format", "json"]) == 0
    assert not list(out.glob(STAGING_PREFIX + "*"))
    assert _tree(out) == before


def test_a_running_build_keeps_its_staging_folder(tmp_path: Path, seed: Programme,
                                                  seed_options: Options,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    """A build does not remove the staging folder of another build writing to the same place."""
    seen: list[bool] = []

    def nested(view: View, out: OutputWriter) -> list[Path]:
        # A second build into the same folder while this one is staging its files.
        mine = out.write_text("mine.txt", "x")
        build.write_outputs(seed, SOURCE, seed_options, tmp_path, ["json"], jobs=1)
        seen.append(any(p.name == "mine.txt" for p in _staged(tmp_path)))
        return [mine]

    _patch(monkeypatch, "ics", nested)
    build.write_outputs(seed, SOURCE, seed_options, tmp_path, ["ics"], jobs=1)
    assert seen == [True]
    assert (tmp_path / "mine.txt").read_text() == "x"
    assert not list(tmp_path.glob(STAGING_PREFIX + "*"))


def _booklet_workers() -> list[str]:
    import multiprocessing

    return [p.name for p in multiprocessing.active_children() if p.name == "namconvert-pdf"]


def test_the_booklets_worker_starts_before_the_parse_and_renders_it(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("NAMCONVERT_JOBS", raising=False)
    seen: list[list[str]] = []
    parse = build.parse_file

    def watched(*args: object, **kwargs: object) -> object:
        seen.append(_booklet_workers())  # the worker is already loading WeasyPrint
        return parse(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(build, "parse_file", watched)
    monkeypatch.setattr(build, "available_cores", lambda: 2)
    started: list[build.EarlyWorker] = []
    start_for = build.EarlyWorker.start_for

    def kept(names: list[str]) -> build.EarlyWorker | None:
        started.extend(w for w in [start_for(names)] if w is not None)
        return started[-1] if started else None

    monkeypatch.setattr(build.EarlyWorker, "start_for", kept)
    build.run_build(SOURCE, Options(timezone="Europe/London"), tmp_path / "early",
                    ["pdf", "json"])
    assert seen == [["namconvert-pdf"]]
    (worker,) = started
    assert worker._answered.is_set()  # it rendered the booklet, not a worker forked later
    assert worker.process.exitcode == 0 and _booklet_workers() == []  # ended with the build
    monkeypatch.setenv("NAMCONVERT_JOBS", "1")
    build.run_build(SOURCE, Options(timezone="Europe/London"), tmp_path / "here", ["pdf", "json"])
    assert _tree(tmp_path / "early") == _tree(tmp_path / "here")


def test_a_failed_parse_leaves_no_booklet_worker(tmp_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("NAMCONVERT_JOBS", raising=False)
    monkeypatch.setattr(build, "available_cores", lambda: 2)
    bad = tmp_path / "README.md"
    bad.write_text("# NAM 2022\n\n## Monday 13 July\n\n| Time | Title |\n| --- | --- |\n"
                   "| 25:99 | x |\n", encoding="utf-8")
    with pytest.raises(NamconvertError):
        build.run_build(bad, Options(timezone="UTC"), tmp_path / "out", ["pdf"])
    assert _booklet_workers() == []


@pytest.mark.parametrize("jobs", [1, 2])
def test_the_budgets_booklet_parts_cap_the_cores_the_booklet_sees(
        tmp_path: Path, seed: Programme, seed_options: Options, monkeypatch: pytest.MonkeyPatch,
        jobs: int) -> None:
    from namconvert import budget, workers

    def counting(view: View, out: OutputWriter) -> list[Path]:
        return [out.write_text("programme.pdf", str(workers.available_cores()))]

    _patch(monkeypatch, "pdf", counting)
    one_part = budget.Plan(jobs=jobs, booklet_parts=1, needs={"pdf": 1.0, "json": 1.0},
                           room=1e6, fork=0.0)
    monkeypatch.setattr(build, "memory_plan", lambda *args: one_part)
    build.write_outputs(seed, SOURCE, seed_options, tmp_path, ["pdf", "json"], jobs=jobs)
    assert (tmp_path / "programme.pdf").read_text() == "1"
    assert workers._core_limit is None  # and no cap is left behind in this process
