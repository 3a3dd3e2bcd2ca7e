"""The ``namconvert`` command: parse arguments, call the library, report.

Every error a user can cause ends here as ``PATH:LINE:COL: error: message``
on stderr with exit status 1 (2 for bad usage); never a traceback.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from . import __version__
from .config import Options, make_options, paper_sizes, settings_warnings, timezone_warning
from .errors import Diagnostic, NamconvertError, OutputError, has_errors

DEFAULT_SOURCE = Path("source/README.md")
MAX_MEMORY_HELP = ("memory the whole build may use, e.g. 1G or 512M: heavy steps then run one "
                   "after another (default: a quarter of this machine's RAM)")


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected YYYY-MM-DD, not {text!r}") from None


def _parser() -> argparse.ArgumentParser:
    from .render import FORMATS

    parser = argparse.ArgumentParser(
        prog="namconvert",
        description="Turn a conference programme README into a site, booklet, EPUB and feeds.")
    parser.add_argument("--version", action="version", version=f"namconvert {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    def source_command(name: str, help_text: str) -> argparse.ArgumentParser:
        sub = commands.add_parser(name, help=help_text, description=help_text)
        sub.add_argument("source", nargs="?", type=Path, default=DEFAULT_SOURCE,
                         help=f"the programme README (default: {DEFAULT_SOURCE})")
        sub.add_argument("--year", type=int, help="the year, when the headings do not say")
        sub.add_argument("--timezone", help="IANA time zone of the venue, e.g. Europe/London")
        sub.add_argument("--start-date", type=_date, metavar="YYYY-MM-DD",
                         help="date of the first day, for headings that name only a weekday")
        sub.add_argument("--strict", action="store_true", help="treat warnings as errors")
        return sub

    source_command("parse", "print the programme model as JSON")
    check = source_command("check", "report errors and warnings in the programme")
    check.add_argument("--explain", action="store_true",
                       help="also print one line per timetable found: its shape, columns, "
                       "and where its day and session came from")
    build = source_command("build", "write the outputs")
    build.add_argument("-o", "--output", type=Path, default=Path("build"), metavar="DIR",
                       help="output folder (default: build)")
    build.add_argument("--format", default=None, metavar="LIST",
                       help=f"comma-separated formats (default: all of {','.join(FORMATS)})")
    build.add_argument("--paper", choices=paper_sizes(), help="booklet paper size (default: a5)")
    build.add_argument("--templates", type=Path, metavar="DIR",
                       help="folder of templates that override the built-in ones")
    build.add_argument("--max-memory", metavar="SIZE", help=MAX_MEMORY_HELP)
    serve = source_command("serve", "build, serve on 127.0.0.1 and rebuild on every change")
    serve.add_argument("--port", type=int, default=8000, help="port to listen on (default: 8000)")
    serve.add_argument("-o", "--output", type=Path, default=Path("build"), metavar="DIR",
                       help="output folder (default: build)")
    serve.add_argument("--format", default=None, metavar="LIST",
                       help="comma-separated formats to rebuild (default: all)")
    serve.add_argument("--templates", type=Path, metavar="DIR",
                       help="folder of templates that override the built-in ones")
    serve.add_argument("--max-memory", metavar="SIZE", help=MAX_MEMORY_HELP)
    generate = commands.add_parser("generate", help="write a synthetic programme README",
                                   description="Write a seeded synthetic programme README "
                                   "(for benchmarks and scale tests).")
    generate.add_argument("--talks", type=int, required=True, metavar="N",
                          help="number of talks")
    generate.add_argument("--seed", type=int, default=0, metavar="S",
                          help="random seed: the same seed gives the same README (default: 0)")
    generate.add_argument("-o", "--output", type=Path, metavar="FILE",
                          help="write to FILE instead of standard output")
    return parser


def _options(args: argparse.Namespace) -> Options:
    overrides: dict[str, Any] = {
        "year": args.year, "timezone": args.timezone, "start_date": args.start_date,
        "paper": getattr(args, "paper", None), "templates": getattr(args, "templates", None),
        "max_memory": getattr(args, "max_memory", None),
    }
    return make_options(args.source, overrides)


def _report(findings: Sequence[Diagnostic]) -> None:
    for finding in findings:
        print(finding.format(), file=sys.stderr)


def _strict_failure(findings: Sequence[Diagnostic], strict: bool) -> bool:
    return has_errors(findings) or (strict and bool(findings))


def _write_out(text: str) -> None:
    """Write TEXT to standard output now, so a full disk or closed pipe is reported here."""
    try:
        sys.stdout.write(text)
        sys.stdout.flush()
    except OSError as exc:
        # What is still buffered would fail again as Python exits: send it nowhere.
        with open(os.devnull, "w") as devnull:
            os.dup2(devnull.fileno(), sys.stdout.fileno())
        raise OutputError(f"cannot write: {exc.strerror or exc}", "standard output") from None


def _generate(args: argparse.Namespace) -> int:
    from .synth import generate

    try:
        text = generate(args.talks, args.seed)
    except ValueError as exc:
        raise NamconvertError(str(exc), "namconvert generate") from None
    if args.output is None:
        _write_out(text)
        return 0
    try:
        args.output.write_text(text, encoding="utf-8")
    except OSError as exc:
        raise NamconvertError(f"cannot write: {exc.strerror}", args.output) from None
    return 0


def run(args: argparse.Namespace) -> int:
    from .parse import parse_file

    if args.command == "generate":
        return _generate(args)
    if args.command == "serve":
        from .serve import serve

        formats = args.format.split(",") if args.format is not None else None
        return serve(args.source, lambda: _options(args), args.output, args.port, formats,
                     strict=args.strict)
    options = _options(args)
    if args.command == "build":
        from .build import run_build

        formats = args.format.split(",") if args.format is not None else None
        written = run_build(args.source, options, args.output, formats, strict=args.strict,
                            report=lambda finding: _report([finding]))
        _write_out("".join(f"{path}\n" for path in written))
        return 0
    settings = settings_warnings(args.source)  # unknown keys in namconvert.toml
    if args.command == "check":
        result = parse_file(args.source, options, raise_on_error=False)
        if args.explain:
            for line in result.explained:
                print(line)
        if result.programme is not None:  # read: then its times matter
            settings += timezone_warning(args.source, options)
        _report([*settings, *result.findings])
        return 1 if _strict_failure([*settings, *result.findings], args.strict) else 0
    _report(settings)
    result = parse_file(args.source, options)
    _report(result.findings)
    if _strict_failure([*settings, *result.findings], args.strict) or result.programme is None:
        return 1
    from .render.json_model import dumps

    _write_out(dumps(result.programme))
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    try:
        return run(_parser().parse_args(argv))  # the parser imports the renderers: Ctrl-C too
    except NamconvertError as exc:
        _report(exc.diagnostics())
        return 1
    except KeyboardInterrupt:
        return 130  # quietly: the build removed its staging folders on the way out
    except OSError as exc:  # one no other handler turned into a message
        where = exc.filename or "namconvert"
        print(f"{where}: error: {exc.strerror or exc} [os]", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
