"""``make bench``: namconvert against the plain tools, from 10 to 10,000 talks.

For each size a seeded synthetic README (``namconvert generate``) is measured:

- ours: ``parse``, each registered format on its own, and a full ``namconvert build``;
- plain: Pandoc README -> standalone HTML, Pandoc README -> EPUB (pypandoc's bundled
  pandoc), WeasyPrint on Pandoc's HTML;
- from 1,000 talks up: the full build under ``--max-memory 1G`` (its outputs compared with
  the unbudgeted build's, file by file), and ``namconvert serve``'s reload: the time from a
  save of the README to the page served again from the rebuilt site (the state's long poll
  answering, then the page), once with the background idle and once while it still builds
  the booklet of the save before.

Every measured run is its own child process: wall time from here, CPU time from
``wait4`` (the child and the workers it waited for), peak memory as the largest
sum of RSS over the child's process tree, sampled (psutil), or the largest single
process (rusage) without psutil. A plain-tool run predicted (from the smaller
sizes) to exceed the time limit is skipped, and a run that reaches it is stopped;
both say so in the table. Results go to stdout and between the markers of
``bench/RESULTS.md``; the text around the markers is kept. No timing is asserted:
this is a benchmark, not a test.

Usage: ``python bench/run.py [--sizes 10,100,1000,10000] [--results PATH]``; a child
stage is ``python bench/run.py --stage FORMAT README OUT`` (``parse`` for the parser).
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import json
import math
import os
import platform
import resource
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "source" / "README.md"
DEFAULT_SIZES = (10, 100, 1000, 10000)
PLAIN_LIMIT = 600.0  # seconds: a plain-tool run longer than this is skipped or stopped
BUDGET = "1G"  # the issue's --max-memory run
BUDGET_FROM = 1000  # talks: smaller programmes fit any budget, and their reload is instant
SERVE_WAIT = 900.0  # seconds for serve's first build (every format) before the saves
BEGIN, END = "<!-- bench:begin -->", "<!-- bench:end -->"
PLAIN = ("pandoc-html", "pandoc-epub", "weasyprint")
# Our formats compared with a plain tool: (our stage, plain runs that make the same thing).
COMPARED = {"html": ("pandoc-html",), "epub": ("pandoc-epub",),
            "pdf": ("pandoc-html", "weasyprint")}


@dataclass
class Run:
    wall: float | None = None
    cpu: float | None = None
    peak_mb: float | None = None
    note: str = ""  # "skipped: ...", "timed out", "failed: ..."
    inner: dict[str, float] | None = None  # a stage's own timings (parse vs render)

    @property
    def ok(self) -> bool:
        return self.wall is not None and not self.note


# -- measuring one child process ---------------------------------------------------------------


def _tree_rss(pid: int) -> int:
    import psutil

    try:
        parent = psutil.Process(pid)
        procs = [parent, *parent.children(recursive=True)]
    except psutil.Error:
        return 0
    total = 0
    for proc in procs:
        with contextlib.suppress(psutil.Error):
            total += proc.memory_info().rss
    return total


def measure(command: list[str], timeout: float | None = None, cwd: Path | None = None) -> Run:
    """Run COMMAND in a child process: wall, CPU (user+sys, with waited-for workers), peak RSS."""
    try:
        import psutil  # noqa: F401

        sampling = True
    except ImportError:
        sampling = False
    start = time.perf_counter()
    child = subprocess.Popen(command, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                             start_new_session=True)
    peak = 0
    stop = threading.Event()

    def sample() -> None:
        nonlocal peak
        while not stop.wait(0.05):
            peak = max(peak, _tree_rss(child.pid))

    sampler = threading.Thread(target=sample, daemon=True) if sampling else None
    if sampler:
        sampler.start()
    out_chunks: list[bytes] = []
    reader = threading.Thread(target=lambda: out_chunks.append(child.stdout.read()),  # type: ignore[union-attr]
                              daemon=True)
    reader.start()
    err_chunks: list[bytes] = []
    err_reader = threading.Thread(target=lambda: err_chunks.append(child.stderr.read()),  # type: ignore[union-attr]
                                  daemon=True)
    err_reader.start()
    timed_out = False
    deadline = None if timeout is None else start + timeout
    while True:
        pid, status, usage = os.wait4(child.pid, os.WNOHANG)
        if pid:
            break
        if deadline is not None and time.perf_counter() > deadline and not timed_out:
            os.killpg(child.pid, 9)  # the child and its workers: all started by this run
            timed_out = True
        time.sleep(0.02)
    wall = time.perf_counter() - start
    child.returncode = os.waitstatus_to_exitcode(status)
    stop.set()
    if sampler:
        sampler.join()
    reader.join()
    err_reader.join()
    cpu = usage.ru_utime + usage.ru_stime
    peak_mb = (peak if sampling and peak else usage.ru_maxrss * 1024) / 2**20
    run = Run(wall, cpu, peak_mb)
    if timed_out:
        run.note = f"timed out after {timeout:.0f} s"
    elif child.returncode != 0:
        message = b"".join(err_chunks).decode(errors="replace").strip().splitlines()
        run.note = f"failed: {message[-1] if message else child.returncode}"
    else:
        text = b"".join(out_chunks).decode(errors="replace").strip().splitlines()
        if text and text[-1].startswith("{"):
            run.inner = json.loads(text[-1])
    return run


# -- the child side of a stage -----------------------------------------------------------------


def stage(name: str, source: Path, out: Path) -> None:
    """In a child: parse SOURCE, then (unless NAME is ``parse``) render format NAME alone."""
    sys.path.insert(0, str(ROOT / "src"))
    from namconvert.build import write_outputs
    from namconvert.config import make_options
    from namconvert.parse import parse_file

    options = make_options(source)
    wall, cpu = time.perf_counter(), time.process_time()
    programme = parse_file(source, options).programme
    assert programme is not None
    timings = {"parse_wall": time.perf_counter() - wall, "parse_cpu": time.process_time() - cpu}
    if name != "parse":
        children = resource.getrusage(resource.RUSAGE_CHILDREN)
        wall, cpu = time.perf_counter(), time.process_time()
        write_outputs(programme, source, options, out, [name], jobs=1)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        timings["render_wall"] = time.perf_counter() - wall
        timings["render_cpu"] = (time.process_time() - cpu + after.ru_utime - children.ru_utime
                                 + after.ru_stime - children.ru_stime)
    print(json.dumps(timings))


# -- the plan ----------------------------------------------------------------------------------


def namconvert_bin() -> str:
    found = Path(sys.executable).parent / "namconvert"
    return str(found) if found.exists() else "namconvert"


def pandoc() -> str:
    import pypandoc

    return str(pypandoc.get_pandoc_path())


def plain_command(tool: str, readme: Path, work: Path) -> list[str]:
    if tool == "pandoc-html":
        return [pandoc(), str(readme), "--standalone", "-o", str(work / "plain.html")]
    if tool == "pandoc-epub":
        return [pandoc(), str(readme), "-o", str(work / "plain.epub")]
    weasyprint = Path(sys.executable).parent / "weasyprint"
    return [str(weasyprint) if weasyprint.exists() else "weasyprint", str(work / "plain.html"),
            str(work / "plain.pdf")]


def predicted(history: list[tuple[int, float]], talks: int) -> float | None:
    """Time for TALKS from the smaller sizes: the last two points' power law (exponent 1-2)."""
    points = [(n, t) for n, t in history if t > 0]
    if not points:
        return None
    n1, t1 = points[-1]
    exponent = 1.0
    if len(points) >= 2:
        n0, t0 = points[-2]
        if n1 > n0 and t1 > t0:
            exponent = min(2.0, max(1.0, math.log(t1 / t0) / math.log(n1 / n0)))
    return t1 * (talks / n1) ** exponent


def with_one_abstract_edited(text: str) -> str:
    """TEXT with a sentence added to its last abstract (the last full-width row)."""
    cell = text.rfind("colspan")
    end = text.find("</td>", cell)
    if cell < 0 or end < 0:
        return text + "\n"
    return text[:end] + " Revised the week before the meeting." + text[end:]


def make_all_unchanged() -> Run:
    """`make all` in the project with nothing changed (after one run that brings it up to date)."""
    subprocess.run(["make", "-s", "-C", str(ROOT), "all"], check=True, capture_output=True)
    return measure(["make", "-s", "-C", str(ROOT), "all"])


def same_files(a: Path, b: Path) -> str:
    """"" when folders A and B hold the same files byte for byte, else what differs."""
    def files(root: Path) -> dict[str, Path]:
        return {str(p.relative_to(root)): p for p in root.rglob("*")
                if p.is_file() and not p.name.startswith(".")}

    left, right = files(a), files(b)
    if left.keys() != right.keys():
        return f"different files: {sorted(left.keys() ^ right.keys())[:3]}"
    differ = [name for name in sorted(left) if left[name].read_bytes() != right[name].read_bytes()]
    return f"{len(differ)} files differ: {differ[:3]}" if differ else ""


def _state(url: str, after: int | None = None) -> dict[str, Any]:
    import urllib.request

    query = "" if after is None else f"?after={after}"
    with urllib.request.urlopen(f"{url}__namconvert/state{query}", timeout=30) as answer:
        return dict(json.loads(answer.read()))


def serve_reload(readme: Path, work: Path) -> dict[str, Run]:
    """``namconvert serve`` on a copy of README: seconds from a save to the rebuilt page
    served, with the background idle (``idle``) and then busy with the save before (``busy``).
    """
    import urllib.request

    folder = work / "serve-source"
    folder.mkdir(exist_ok=True)
    source = folder / "README.md"
    text = readme.read_text(encoding="utf-8")
    source.write_text(text, encoding="utf-8")
    child = subprocess.Popen([namconvert_bin(), "serve", str(source), "-o", str(work / "serve"),
                              "--port", "0"], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                             start_new_session=True, text=True)
    runs: dict[str, Run] = {}
    try:
        assert child.stderr is not None
        url = ""
        for line in child.stderr:  # "Serving DIR at URL (Ctrl-C to stop)", after the site
            if " at http://" in line:
                url = line.split(" at ", 1)[1].split(" ", 1)[0]
                break
        if not url:
            return {"idle": Run(note="failed: serve did not start")}
        threading.Thread(target=child.stderr.read, daemon=True).start()  # never block it
        deadline = time.monotonic() + SERVE_WAIT
        state = _state(url)
        while state["stale"] and time.monotonic() < deadline:
            state = _state(url, state["change"])
        for case, title in (("idle", "Revised A"), ("busy", "Revised B")):
            if case == "idle" and state["stale"]:
                runs[case] = Run(note=f"skipped: the first build took over {SERVE_WAIT:.0f} s")
                continue
            version = state["version"]
            text = text.replace("# ", f"# {title} ", 1)
            start = time.perf_counter()
            source.write_text(text, encoding="utf-8")
            while state["version"] == version:
                state = _state(url, state["change"])
            with urllib.request.urlopen(url, timeout=30) as page:
                served = title in page.read().decode("utf-8", "replace")
            runs[case] = Run(time.perf_counter() - start, None, None,
                             "" if served and not state["error"] else "failed: page not rebuilt")
    finally:
        os.killpg(child.pid, 2)
        try:
            child.wait(30)
        except subprocess.TimeoutExpired:
            os.killpg(child.pid, 9)
            child.wait()
    return runs


def bench_size(label: str, readme: Path, work: Path, formats: list[str],
               history: dict[str, list[tuple[int, float]]], talks: int) -> dict[str, Run]:
    runs: dict[str, Run] = {}
    me = [sys.executable, str(Path(__file__).resolve()), "--stage"]

    def log(name: str, run: Run) -> None:
        shown = f"{run.wall:8.2f} s wall {run.cpu:8.2f} s cpu {run.peak_mb:7.0f} MB" \
            if run.wall is not None and run.cpu is not None and run.peak_mb is not None else ""
        print(f"  {label:>6} {name:<12} {shown} {run.note}", file=sys.stderr, flush=True)

    runs["parse"] = measure([*me, "parse", str(readme), str(work / "parse")])
    log("parse", runs["parse"])
    for name in formats:
        runs[name] = measure([*me, name, str(readme), str(work / f"stage-{name}")])
        log(name, runs[name])
    out = work / "build"
    runs["build"] = measure([namconvert_bin(), "build", str(readme), "-o", str(out)])
    log("build", runs["build"])
    if talks >= BUDGET_FROM:
        budgeted = work / "budgeted"
        runs["budget"] = measure([namconvert_bin(), "build", str(readme), "-o", str(budgeted),
                                  "--max-memory", BUDGET])
        if runs["budget"].ok and runs["build"].ok:
            runs["budget"].note = same_files(out, budgeted) or ""
            if runs["budget"].note:
                runs["budget"].note = f"failed: not the unbudgeted build's outputs: " \
                                      f"{runs['budget'].note}"
        log("budget", runs["budget"])
        for case, run in serve_reload(readme, work).items():
            runs[f"serve-{case}"] = run
            log(f"serve-{case}", run)
    edited = work / "edited" / "README.md"
    edited.parent.mkdir(exist_ok=True)
    edited.write_text(with_one_abstract_edited(readme.read_text(encoding="utf-8")),
                      encoding="utf-8")
    runs["rebuild"] = measure([namconvert_bin(), "build", str(edited), "-o", str(out)])
    log("rebuild", runs["rebuild"])
    for tool in PLAIN:
        guess = predicted(history[tool], talks)
        if tool == "weasyprint" and not runs["pandoc-html"].ok:
            runs[tool] = Run(note="skipped: no Pandoc HTML to lay out")
        elif guess is not None and guess > PLAIN_LIMIT:
            runs[tool] = Run(note=f"skipped: predicted {guess:.0f} s > {PLAIN_LIMIT:.0f} s")
        else:
            runs[tool] = measure(plain_command(tool, readme, work), timeout=PLAIN_LIMIT)
            if runs[tool].ok and runs[tool].wall is not None:
                history[tool].append((talks, runs[tool].wall))
            elif "timed out" in runs[tool].note:
                history[tool].append((talks, PLAIN_LIMIT * 2))
        log(tool, runs[tool])
    return runs


# -- reporting ---------------------------------------------------------------------------------


def _fmt(value: float | None, unit: str = "") -> str:
    return "–" if value is None else f"{value:,.2f}{unit}" if value < 10 else f"{value:,.1f}{unit}"


def _ratio(ours: float | None, plain: float | None) -> str:
    if ours is None or plain is None or plain == 0:
        return "–"
    return f"{ours / plain:.2f}"


def _sum(runs: list[Run], attr: str) -> float | None:
    values = [getattr(r, attr) for r in runs]
    return None if any(v is None or not r.ok for v, r in zip(values, runs, strict=True)) \
        else sum(values)


def table(label: str, size_bytes: int, runs: dict[str, Run], formats: list[str]) -> list[str]:
    lines = [f"### {label} ({size_bytes / 2**20:.1f} MB of README)", "",
             "| stage | wall s | CPU s | peak MB | plain wall s | plain CPU s | plain peak MB "
             "| ours / plain (wall) | note |",
             "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |"]

    def row(name: str, run: Run, plain: list[Run] | None = None, shown: str | None = None) -> None:
        inner = run.inner or {}
        wall, cpu = run.wall, run.cpu
        if name != "parse" and "render_wall" in inner:
            wall, cpu = inner["render_wall"], inner["render_cpu"]  # the format alone
        elif name == "parse" and "parse_wall" in inner:
            wall, cpu = inner["parse_wall"], inner["parse_cpu"]
        plain_wall = _sum(plain, "wall") if plain else None
        plain_cpu = _sum(plain, "cpu") if plain else None
        plain_peak = max((p.peak_mb or 0) for p in plain) if plain and plain_wall else None
        notes = "; ".join(n for n in [run.note, *[p.note for p in plain or []]] if n)
        lines.append(f"| {shown or name} | {_fmt(wall)} | {_fmt(cpu)} | {_fmt(run.peak_mb)} "
                     f"| {_fmt(plain_wall)} | {_fmt(plain_cpu)} | {_fmt(plain_peak)} "
                     f"| {_ratio(wall, plain_wall)} | {notes} |")

    row("parse", runs["parse"])
    for name in formats:
        compared = COMPARED.get(name)
        row(name, runs[name], [runs[t] for t in compared] if compared else None)
    row("build", runs["build"], [runs[t] for t in PLAIN], "**full build** (all formats)")
    row("rebuild", runs["rebuild"], None, "rebuild after one abstract edit (same `-o`)")
    if "budget" in runs:
        row("budget", runs["budget"], None,
            f"full build with `--max-memory {BUDGET}` (outputs equal to the full build's)")
    for case, shown in (("idle", "background idle"), ("busy", "background busy")):
        if f"serve-{case}" in runs:
            row(f"serve-{case}", runs[f"serve-{case}"], None,
                f"`serve`: save to rebuilt page served ({shown})")
    for tool in PLAIN:
        run = runs[tool]
        lines.append(f"| plain: {tool} | {_fmt(run.wall)} | {_fmt(run.cpu)} | {_fmt(run.peak_mb)} "
                     f"| | | | | {run.note} |")
    return [*lines, ""]


def machine() -> list[str]:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    ram = "?"
    try:
        kb = int(Path("/proc/meminfo").read_text().split()[1])
        ram = f"{kb / 2**20:.1f} GB"
    except (OSError, ValueError, IndexError):
        pass
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    versions = [f"Python {platform.python_version()}"]
    for package in ("namconvert", "weasyprint", "pypandoc-binary", "nh3", "jinja2", "pypdf"):
        try:
            from importlib.metadata import version

            versions.append(f"{package} {version(package)}")
        except Exception:  # a missing package is only a missing line
            pass
    try:
        import pypandoc

        versions.append(f"pandoc {pypandoc.get_pandoc_version()}")
    except Exception:
        pass
    return [f"- CPU: {cpu}, {cores} cores available; RAM {ram}; {platform.system()} "
            f"{platform.release()}", f"- {', '.join(versions)}"]


def write_results(path: Path, body: list[str]) -> None:
    block = "\n".join([BEGIN, *body, END])
    text = path.read_text(encoding="utf-8") if path.exists() else \
        "# Benchmark results\n\nWritten by `make bench` between the markers below.\n\n"
    if BEGIN in text and END in text:
        head, rest = text.split(BEGIN, 1)
        text = head + block + rest.split(END, 1)[1]
    else:
        text = text.rstrip("\n") + "\n\n" + block + "\n"
    path.write_text(text, encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default=",".join(map(str, DEFAULT_SIZES)),
                        help="comma-separated talk counts (default: %(default)s)")
    parser.add_argument("--seed", type=int, default=1, help="generator seed (default: 1)")
    parser.add_argument("--results", type=Path, default=ROOT / "bench" / "RESULTS.md")
    parser.add_argument("--workdir", type=Path, help="keep generated files here (default: temp)")
    parser.add_argument("--no-seed", action="store_true", help="skip the seed README")
    parser.add_argument("--stage", nargs=3, metavar=("NAME", "README", "OUT"),
                        help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.stage:
        stage(args.stage[0], Path(args.stage[1]), Path(args.stage[2]))
        return 0

    sys.path.insert(0, str(ROOT / "src"))
    from namconvert.render import RENDERERS
    from namconvert.synth import generate

    formats = list(RENDERERS)
    sizes = [int(s) for s in args.sizes.split(",") if s.strip()]
    work_root = args.workdir or Path(tempfile.mkdtemp(prefix="namconvert-bench-"))
    history: dict[str, list[tuple[int, float]]] = {tool: [] for tool in PLAIN}
    started = dt.datetime.now(dt.UTC)
    load_before = os.getloadavg()
    body = [f"Run {started:%Y-%m-%d %H:%M} UTC, seed {args.seed}, sizes "
            f"{', '.join(f'{s:,}' for s in sizes)} talks; formats: {', '.join(formats)}.", "",
            *machine(), ""]
    tables: list[str] = []
    cases: list[tuple[str, int, Path]] = []
    if not args.no_seed:
        cases.append(("seed (10 talks)", 0, SEED))
    for talks in sizes:
        case_dir = work_root / f"talks-{talks}"
        case_dir.mkdir(parents=True, exist_ok=True)
        readme = case_dir / "README.md"
        readme.write_text(generate(talks, args.seed), encoding="utf-8")
        cases.append((f"{talks:,} talks", talks, readme))
    try:
        for label, talks, readme in cases:
            work = work_root / ("seed" if talks == 0 else f"talks-{talks}")
            work.mkdir(parents=True, exist_ok=True)
            print(f"{label}:", file=sys.stderr, flush=True)
            # The seed doesn't feed the extrapolation: it is not one of the generated sizes.
            runs = bench_size(label, readme, work, formats,
                              history if talks else {t: [] for t in PLAIN}, talks or 10)
            tables += table(label, readme.stat().st_size, runs, formats)
    finally:
        if args.workdir is None:
            shutil.rmtree(work_root, ignore_errors=True)
    unchanged = make_all_unchanged()
    print(f"  make all, nothing changed: {_fmt(unchanged.wall)} s", file=sys.stderr)
    load_after = os.getloadavg()
    body += [f"- Load average (1 min) before {load_before[0]:.2f}, after {load_after[0]:.2f}: "
             "the machine is shared, so wall times vary; CPU times are steadier.", "",
             "Each stage is its own process. A format's row is that format's rendering alone "
             "(after a parse); *full build* is `namconvert build` of every format, parse "
             "included, renderers in parallel worker processes. Plain: Pandoc README -> HTML "
             "(`--standalone`), Pandoc README -> EPUB, WeasyPrint on Pandoc's HTML; the *pdf* "
             "row compares with Pandoc HTML + WeasyPrint, the full build with all three. Peak "
             "MB is the largest sum of RSS over the process tree. *Rebuild* is the same build "
             "into the same folder after one abstract was edited: a big booklet's body parts "
             "come from the cache the first build left there, except the edited one. From "
             f"{BUDGET_FROM:,} talks: the full build under `--max-memory {BUDGET}`, its outputs "
             "compared with the full build's file by file; and `serve`'s reload, from a save of "
             "the README to the rebuilt page served (wall only), with the background idle and "
             "while it still builds the save before's booklet.", "",
             f"`make all` with nothing changed (the seed, in the project): "
             f"{_fmt(unchanged.wall)} s wall.", "", *tables]
    print("\n".join(body))
    write_results(args.results, body)
    print(f"written to {args.results}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
