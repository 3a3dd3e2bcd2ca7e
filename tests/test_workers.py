"""Worker processes end with the build that started them: a killed build leaves none behind."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from namconvert.synth import generate
from support import needs

NAMCONVERT = Path(sys.executable).parent / "namconvert"


def workers_of(pid: int) -> set[int]:
    """The multiprocessing workers whose parent is PID."""
    found = set()
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
            cmdline = (entry / "cmdline").read_bytes()
        except OSError:
            continue
        parent = int(stat.rsplit(")", 1)[1].split()[1])
        if parent == pid and b"spawn_main" in cmdline:
            found.add(int(entry.name))
    return found


def alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def test_booklet_workers_end_when_the_build_is_killed(tmp_path: Path) -> None:
    needs(sys.platform.startswith("linux") and Path("/proc").is_dir(), "needs Linux's /proc")
    readme = tmp_path / "README.md"
    readme.write_text(generate(260, seed=3), encoding="utf-8")  # enough slots for booklet parts
    build = subprocess.Popen([str(NAMCONVERT), "build", str(readme), "-o", str(tmp_path / "out"),
                              "--format", "pdf", "--timezone", "UTC"],
                             stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 60
        workers: set[int] = set()
        while not workers and time.monotonic() < deadline and build.poll() is None:
            time.sleep(0.1)
            workers = workers_of(build.pid)
        assert workers, "the build started no booklet workers"
        os.kill(build.pid, signal.SIGKILL)
        build.wait()
        deadline = time.monotonic() + 10
        while any(alive(w) for w in workers) and time.monotonic() < deadline:
            time.sleep(0.1)
        assert not any(alive(w) for w in workers), "workers outlived the killed build"
    finally:
        if build.poll() is None:
            build.kill()
            build.wait()
