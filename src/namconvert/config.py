"""Settings: ``namconvert.toml`` beside the source, overridden by command-line flags.

Every setting is checked: a value of the wrong type or out of range is an error with its
line (``namconvert.toml:3:1: error: ... [config]``), a TOML syntax error carries tomllib's
line and column, and an unknown key is a warning naming the nearest known one.
"""

from __future__ import annotations

import datetime as dt
import difflib
import os
import re
import tomllib
import zoneinfo
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any

from .budget import parse_size
from .errors import ConfigError, Diagnostic
from .files import TooLarge, read_bounded

CONFIG_NAME = "namconvert.toml"
DEFAULT_MAX_BYTES = 100 * 1024 * 1024
CONFIG_MAX_BYTES = 1 << 20  # settings are a few lines; a bigger file is not settings
YEARS = (1900, 2200)  # the years a programme may be in (calendars and feeds need four digits)
# The roles a [columns] table may name (column role -> the header text that names it).
COLUMN_ROLES = ("time", "title", "speaker", "abstract", "affiliation", "type", "chair")


@dataclass(frozen=True)
class Options:
    """Everything a parse or build may be told besides the source text."""

    year: int | None = None
    timezone: str | None = None
    start_date: dt.date | None = None
    location: str | None = None
    language: str = "en"
    paper: str = "a5"
    base_url: str | None = None
    max_bytes: int = DEFAULT_MAX_BYTES
    # Bytes the build's whole process tree should stay inside (budget.py); None: a quarter of
    # the machine's RAM.
    max_memory: int | None = None
    templates: Path | None = None
    source_date_epoch: int | None = None
    # [columns]: which column is which, by its header text ({"time": "Wann", "title": "Was"}).
    columns: dict[str, str] = field(default_factory=dict)
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def build_time(self) -> dt.datetime:
        """The build's one timestamp, in UTC: every date an output states (EPUB, PDF, iCalendar
        DTSTAMP, frab version, the site's "built") is this one. From SOURCE_DATE_EPOCH, which
        a build sets to the source's modification time when the user did not."""
        if self.source_date_epoch is None:
            raise ValueError("no build time: build.with_build_time() sets source_date_epoch")
        return dt.datetime.fromtimestamp(self.source_date_epoch, dt.UTC)


def _check_timezone(name: str, where: str, line: int | None) -> str:
    try:
        zoneinfo.ZoneInfo(name)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        raise ConfigError(f"unknown time zone {name!r} (use an IANA name such as Europe/London)",
                          where, line) from None
    return name


def _check_year(key: str, year: int, where: str, line: int | None) -> None:
    if not YEARS[0] <= year <= YEARS[1]:
        raise ConfigError(f"{key} must be a year from {YEARS[0]} to {YEARS[1]}, not {year}",
                          where, line)


TEXT_SETTINGS = ("timezone", "location", "language", "paper", "base_url", "templates")
WHOLE_NUMBERS = ("year", "max_bytes", "source_date_epoch")


def paper_sizes() -> tuple[str, ...]:
    """The booklet papers: the keys of the booklet's paper table (imported late: the
    renderers import this module)."""
    from .render.pdf.document import PAPERS

    return tuple(PAPERS)


def known_settings() -> list[str]:
    return sorted({f.name for f in fields(Options)} - {"extra"})


def _coerce(key: str, value: Any, where: str, line: int | None = None,
            base: Path | None = None) -> Any:
    """VALUE of setting KEY, checked; WHERE and LINE say where it was set.

    BASE is the folder a relative ``templates`` is taken from (the settings file's); the
    current folder for a flag.
    """
    if key == "start_date":
        if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
            date = value
        else:
            try:
                date = dt.date.fromisoformat(value if isinstance(value, str) else "")
            except ValueError:
                raise ConfigError(f"start_date must be a date YYYY-MM-DD, not {_shown(value)}", where,
                                  line) from None
        _check_year("start_date's year", date.year, where, line)
        return date
    if key in TEXT_SETTINGS and not isinstance(value, str | Path):
        raise ConfigError(f"{key} must be text (in quotes), not {_shown(value)}", where, line)
    if key in WHOLE_NUMBERS:
        if not isinstance(value, int) or isinstance(value, bool):
            raise ConfigError(f"{key} must be a whole number, not {_shown(value)}", where, line)
        if key == "year":
            _check_year(key, value, where, line)
        if key == "max_bytes" and value < 1:
            raise ConfigError(f"max_bytes must be at least 1, not {value}", where, line)
        return value
    if key == "max_memory":
        try:
            return parse_size(value)
        except ValueError as exc:
            raise ConfigError(f"max_memory must be a size such as 1G or 512M ({exc}), not "
                              f"{_shown(value)}", where, line) from None
    if key == "timezone":
        return _check_timezone(str(value), where, line)
    if key == "paper":
        paper = str(value).lower()
        if paper not in paper_sizes():
            raise ConfigError(f"paper must be one of {', '.join(paper_sizes())}, not {_shown(value)}",
                              where, line)
        return paper
    if key == "templates":
        folder = ((base or Path.cwd()) / value).resolve()
        if not folder.is_dir():
            raise ConfigError(f"templates folder {folder} "
                              f"{'is not a folder' if folder.exists() else 'does not exist'}",
                              where, line)
        return folder
    if key == "columns":
        if not isinstance(value, dict) or not all(isinstance(k, str) and isinstance(v, str)
                                                  for k, v in value.items()):
            raise ConfigError("columns must be a table of texts ([columns] with lines such as "
                              'title = "Talk Title")', where, line)
        unknown = sorted(set(value) - set(COLUMN_ROLES))
        if unknown:
            raise ConfigError(f"[columns]: unknown column role {unknown[0]!r} (known: "
                              f"{', '.join(COLUMN_ROLES)})", where, line)
        return dict(value)
    return value


_AT = re.compile(r"\s*\(at line (\d+), column (\d+)\)$")


def _toml_error(exc: tomllib.TOMLDecodeError, path: Path, text: str) -> ConfigError:
    """tomllib's message, with its place moved into the PATH:LINE:COL prefix."""
    message = str(exc)
    found = _AT.search(message)
    if found:
        return ConfigError(f"not valid TOML: {message[:found.start()]}", path,
                           int(found.group(1)), int(found.group(2)))
    if message.endswith(" (at end of document)"):
        lines = text.split("\n")
        return ConfigError(f"not valid TOML: {message.removesuffix(' (at end of document)')}",
                           path, len(lines), len(lines[-1]) + 1)
    return ConfigError(f"not valid TOML: {message}", path)


def _shown(value: Any) -> str:
    """VALUE as it was written in TOML, roughly: quoted text, true/false, dates as dates."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str | Path):
        return repr(str(value))
    if isinstance(value, dt.date | dt.time):
        return value.isoformat()
    return str(value)


def _key_lines(text: str) -> dict[str, tuple[int, int]]:
    """The line and column where each top-level key (or ``[table]``) of TEXT is set."""
    places: dict[str, tuple[int, int]] = {}
    in_table = False
    for number, line in enumerate(text.splitlines(), 1):
        table = re.match(r"\s*\[+\s*[\"']?([^\]\"'.]+)", line)
        if table:
            in_table = True
            places.setdefault(table.group(1).strip(), (number, line.index("[") + 1))
            continue
        key = re.match(r"(\s*)[\"']?([A-Za-z0-9_-]+)[\"']?\s*[=.]", line)
        if key and not in_table:
            places.setdefault(key.group(2), (number, len(key.group(1)) + 1))
    return places


def _read_config(source: Path) -> tuple[Path, str, dict[str, Any]] | None:
    path = source.parent / CONFIG_NAME
    if not path.exists():
        return None
    try:
        text = read_bounded(path, CONFIG_MAX_BYTES).decode("utf-8")
    except UnicodeDecodeError as exc:
        raise ConfigError(f"not UTF-8 text (byte 0x{exc.object[exc.start]:02x})", path) \
            from None
    except TooLarge as exc:
        raise ConfigError(f"settings of {exc.size:,} bytes, over the limit of "
                          f"{CONFIG_MAX_BYTES:,}", path) from None
    except OSError as exc:
        raise ConfigError(f"cannot read settings: {exc.strerror or exc}", path) from None
    try:
        return path, text, tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise _toml_error(exc, path, text) from None


def load_config(source: Path) -> dict[str, Any]:
    """Read ``namconvert.toml`` beside SOURCE, checked; an absent file gives no settings."""
    read = _read_config(source)
    if read is None:
        return {}
    path, text, data = read
    places = _key_lines(text)
    return {key: _coerce(key, value, str(path), places.get(key, (None, 1))[0], path.parent)
            for key, value in data.items()}


def timezone_warning(source: Path, options: Options) -> list[Diagnostic]:
    """A warning when OPTIONS name no time zone: every time is then read as UTC, which is
    rarely what a programme means, and calendars would show each talk at the wrong hour."""
    if options.timezone is not None:
        return []
    return [Diagnostic(str(source), 0, 1, "warning", "no time zone is set, so every time is "
                       f"taken as UTC (set timezone in {CONFIG_NAME}, or pass --timezone, "
                       "e.g. Europe/London)", "config.timezone")]


def settings_warnings(source: Path) -> list[Diagnostic]:
    """Warnings about ``namconvert.toml`` beside SOURCE: unknown keys, with the nearest known."""
    try:
        read = _read_config(source)
    except ConfigError:
        return []  # reported as an error by load_config
    if read is None:
        return []
    path, text, data = read
    places = _key_lines(text)
    known = known_settings()
    findings = []
    for key in data:
        if key in known:
            continue
        line, col = places.get(key, (0, 1))
        nearest = difflib.get_close_matches(key, known, n=1, cutoff=0.6)
        hint = f"did you mean `{nearest[0]}`?" if nearest else f"known: {', '.join(known)}"
        findings.append(Diagnostic(str(path), line, col, "warning",
                                   f"unknown setting `{key}` is ignored ({hint})",
                                   "config.unknown"))
    return findings


def make_options(source: Path, overrides: dict[str, Any] | None = None) -> Options:
    """Options from the config beside SOURCE, then OVERRIDES (flags; None means not given)."""
    settings = load_config(source)
    settings.update({k: _coerce(k, v, f"--{k.replace('_', '-')}") for k, v in
                     (overrides or {}).items() if v is not None})
    if "source_date_epoch" not in settings and os.environ.get("SOURCE_DATE_EPOCH", "").isdigit():
        settings["source_date_epoch"] = int(os.environ["SOURCE_DATE_EPOCH"])
    known = {f.name for f in fields(Options)}
    extra = {k: v for k, v in settings.items() if k not in known}
    return replace(Options(), **{k: v for k, v in settings.items() if k in known}, extra=extra)
