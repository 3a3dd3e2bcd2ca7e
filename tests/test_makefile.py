"""The Makefile: `make all` builds into OUT, and a second `make all` with nothing changed does no work."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

from support import ROOT, SOURCE, needs


def make(*args: str) -> subprocess.CompletedProcess[str]:
    # Not a sub-make of `make test`: its flags (-n, -s, jobs) must not reach this one.
    env = {k: v for k, v in os.environ.items() if k not in ("MAKEFLAGS", "MAKELEVEL", "MFLAGS")}
    return subprocess.run(["make", "--no-print-directory", "-C", str(ROOT), *args],
                          capture_output=True, text=True, check=False,
                          env={**env, "SOURCE_DATE_EPOCH": "1657700000"})


def test_second_make_all_does_no_work_and_an_edit_rebuilds(tmp_path: Path) -> None:
    needs(shutil.which("make") is not None, "make is not installed")
    needs((ROOT / ".venv" / ".installed").exists(), "the project's .venv is not set up (make venv)")
    source = tmp_path / "README.md"
    shutil.copy(SOURCE, source)
    shutil.copy(SOURCE.parent / "namconvert.toml", tmp_path / "namconvert.toml")
    out = tmp_path / "build"
    where = [f"SOURCE={source}", f"OUT={out}"]

    first = make("all", *where)
    assert first.returncode == 0, first.stderr
    assert "namconvert build" in first.stdout
    assert (out / "index.html").is_file() and (out / "programme.pdf").is_file()

    second = make("all", *where)
    assert second.returncode == 0, second.stderr
    assert "namconvert build" not in second.stdout  # nothing to rebuild

    source.write_text(source.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    os.utime(source, (source.stat().st_mtime + 5,) * 2)
    third = make("all", *where)
    assert third.returncode == 0 and "namconvert build" in third.stdout

    # A per-format target rebuilds its format only and keeps the others' files.
    os.utime(source, (source.stat().st_mtime + 5,) * 2)
    fourth = make("json", *where)
    assert fourth.returncode == 0, fourth.stderr
    assert "--format json" in fourth.stdout
    assert (out / "index.html").is_file() and (out / "programme.pdf").is_file()
