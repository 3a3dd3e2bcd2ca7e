"""Read a programme README into the model.

``parse_file`` is the one entry point: it reads the file (refusing what is not
text or too large), assembles the model, adds the model-level warnings of
:mod:`namconvert.lint`, and raises :class:`ParseError` when there is any error.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from ..config import Options
from ..errors import Diagnostic, InputError, ParseError, has_errors
from ..files import NotAFile, TooLarge, read_bounded
from ..lint import lint
from ..model import Programme
from .clean import clean_programme, clean_source, may_bring_in
from .document import read_programme

__all__ = ["ParseResult", "parse_file", "parse_text", "read_source"]


@dataclass(frozen=True)
class ParseResult:
    programme: Programme | None  # None when there were errors
    findings: list[Diagnostic]
    # One line per timetable found: where, its shape, and where its day and session came from.
    explained: tuple[str, ...] = ()


def read_source(path: Path, max_bytes: int) -> str:
    """The source as text; refuse what is missing, not a file, too large, binary or not UTF-8.

    Read through the one bounded reader (:func:`namconvert.files.read_bounded`): a FIFO or
    a device such as ``/dev/zero`` is refused at once, never read without end.
    """
    try:
        data = read_bounded(path, max_bytes)
    except TooLarge as exc:
        raise InputError(f"input is {exc.size:,} bytes, over the limit of {max_bytes:,} "
                         "(set max_bytes in namconvert.toml to raise it)", path, 1) from None
    except NotAFile as exc:
        raise InputError(str(exc.strerror), path, 1) from None
    except FileNotFoundError:
        raise InputError("no such file", path, 1) from None
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror}", path, 1) from None
    if b"\0" in data:
        line = data.count(b"\n", 0, data.index(b"\0")) + 1
        raise InputError("not a text file (contains NUL bytes)", path, line)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        col = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
        raise InputError(f"not UTF-8 text (byte 0x{data[exc.start]:02x})", path, line,
                         col) from None
    return text.removeprefix("\ufeff")  # line ends are parse_text's (clean_source)


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Python's cycle collector off while the reader builds the model.

    The reader makes hundreds of thousands of small objects that live until it returns; each
    full collection walks all of them again (an eighth of a 10,000-talk parse). The garbage
    it leaves in cycles is collected as usual once the collector is back on.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def parse_text(text: str, path: str | Path, options: Options) -> ParseResult:
    with _collector_paused():
        return _parse_text(text, path, options)


def _parse_text(text: str, path: str | Path, options: Options) -> ParseResult:
    # Control characters never reach the reader, and what character references bring in
    # (and unpaired bidi controls) never reaches the model: every output starts clean.
    text, cleaning = clean_source(text, str(path))
    programme, findings, explained = read_programme(text, path, options)
    findings = cleaning + findings
    if programme is not None and may_bring_in(text):  # the walk is for what it may bring
        programme, cleaned = clean_programme(programme, str(path))
        findings += cleaned
    if programme is not None and not has_errors(findings):
        findings = findings + lint(programme, str(path))
    findings.sort(key=lambda d: (d.line, d.col))
    if has_errors(findings):
        return ParseResult(None, findings, tuple(explained))
    return ParseResult(programme, findings, tuple(explained))


def parse_file(path: Path, options: Options, *, raise_on_error: bool = True) -> ParseResult:
    """Parse PATH; with RAISE_ON_ERROR, errors (not warnings) raise :class:`ParseError`."""
    try:
        result = parse_text(read_source(path, options.max_bytes), path, options)
    except InputError as exc:
        if raise_on_error:
            raise
        return ParseResult(None, exc.diagnostics())
    if raise_on_error and result.programme is None:
        raise ParseError(result.findings)
    return result
