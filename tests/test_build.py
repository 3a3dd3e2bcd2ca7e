"""The build: renderers in worker processes give the same files, all or nothing."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from namconvert import build
from namconvert.config import Options
from namconvert.errors import DependencyError, RenderError
from namconvert.model import Programme
from namconvert.output import STAGING_PREFIX, OutputWriter
from namconvert.render import RENDERERS, RenderFunction
from support import SOURCE

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


def _failing(programme: Programme, options: Options, out: OutputWriter) -> list[Path]:
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


def _clashing(programme: Programme, options: Options, out: OutputWriter) -> list[Path]:
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
