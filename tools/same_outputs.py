"""Build the seed and every ../shared/corpus file into a folder, or compare two such folders.

    tools/same_outputs.py revs REV_A REV_B   # build both commits, compare: the usual use
    tools/same_outputs.py build DIR          # this tree's outputs into DIR
    tools/same_outputs.py compare A B        # every file of A and B, byte for byte

``revs`` extracts each commit (``git archive``) in turn to the same temporary path and
builds it there with this project's .venv, so that nothing differs but the code (the booklet
resolves relative links against its template folder, whose path would otherwise differ).

The seed, a synthetic programme of SYNTHETIC talks (enough for the booklet's multi-part
layout) and each corpus file are built with the flags tests/corpus_expected names for it
(``corpus_flags``) and SOURCE_DATE_EPOCH fixed, all formats, into DIR/<name>/.
A file that does not build leaves DIR/<name>.error holding the message, so a
refactoring that changes which files build is seen too. Used to show that a
move of code changed no output (see the notes of the issue that moved it).
"""

from __future__ import annotations

import filecmp
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(os.environ.get("NAMCONVERT_TREE", Path(__file__).resolve().parents[1]))
HERE = Path(__file__).resolve().parents[1]
CORPUS = Path(os.environ.get("CORPUS", ROOT.parent / "shared" / "corpus"))
SEED = ROOT / "source" / "README.md"
EPOCH = "1700000000"
SYNTHETIC = 400


def sources() -> list[tuple[str, Path]]:
    found = [("seed", SEED)]
    if CORPUS.is_dir():
        found += [(p.name, p) for p in sorted(CORPUS.glob("*.md")) if p.name != "SOURCES.md"]
    return found


def build_all(folder: Path) -> None:
    os.environ["SOURCE_DATE_EPOCH"] = EPOCH
    sys.path.insert(0, str(ROOT / "tests"))
    from corpus_expected import corpus_flags  # type: ignore[import-not-found]
    from namconvert.build import build
    from namconvert.config import make_options
    from namconvert.errors import NamconvertError

    folder.mkdir(parents=True, exist_ok=True)
    from namconvert.synth import generate

    synthetic = folder / f"synthetic-{SYNTHETIC}.md"
    synthetic.write_text(generate(SYNTHETIC, 0), encoding="utf-8")
    for name, source in [*sources(), (synthetic.stem, synthetic)]:
        flags = {} if name == "seed" else corpus_flags(name)
        try:
            build(source, make_options(source, flags), folder / name)
        except NamconvertError as exc:
            (folder / f"{name}.error").write_text(
                "\n".join(d.format() for d in exc.diagnostics()) + "\n", encoding="utf-8")
        print(name, file=sys.stderr)


def files(folder: Path) -> set[str]:
    return {str(p.relative_to(folder)) for p in folder.rglob("*") if p.is_file()}


def compare(a: Path, b: Path) -> int:
    left, right = files(a), files(b)
    differ = sorted(f for f in left & right if not filecmp.cmp(a / f, b / f, shallow=False))
    for f in sorted(left - right):
        print(f"only in {a}: {f}")
    for f in sorted(right - left):
        print(f"only in {b}: {f}")
    for f in differ:
        print(f"differs: {f}")
    print(f"{len(left & right)} files in both, {len(differ)} differ, "
          f"{len(left ^ right)} in one only")
    return 1 if differ or left ^ right else 0


def build_revs(a: str, b: str) -> int:
    results = Path(tempfile.mkdtemp(prefix="namconvert-same-"))
    tree = Path(tempfile.gettempdir()) / "namconvert-same-tree"
    python = HERE / ".venv" / "bin" / "python"
    corpus = str(CORPUS)
    for label, rev in (("a", a), ("b", b)):
        shutil.rmtree(tree, ignore_errors=True)
        tree.mkdir()
        archive = subprocess.run(["git", "-C", str(HERE), "archive", rev], check=True,
                                 capture_output=True).stdout
        subprocess.run(["tar", "-x", "-C", str(tree)], input=archive, check=True)
        env = {**os.environ, "NAMCONVERT_TREE": str(tree), "PYTHONPATH": str(tree / "src"),
               "CORPUS": corpus}
        subprocess.run([str(python), __file__, "build", str(results / label)], env=env,
                       check=True)
    shutil.rmtree(tree, ignore_errors=True)
    print(f"{a} in {results / 'a'}, {b} in {results / 'b'}")
    return compare(results / "a", results / "b")


def main(argv: list[str]) -> int:
    if len(argv) == 3 and argv[0] == "revs":
        return build_revs(argv[1], argv[2])
    if len(argv) == 2 and argv[0] == "build":
        build_all(Path(argv[1]))
        return 0
    if len(argv) == 3 and argv[0] == "compare":
        return compare(Path(argv[1]), Path(argv[2]))
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
