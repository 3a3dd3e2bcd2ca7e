"""Settings: ``namconvert.toml`` beside the source, overridden by command-line flags."""

from __future__ import annotations

import datetime as dt
import os
import tomllib
import zoneinfo
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any

from .errors import ConfigError

CONFIG_NAME = "namconvert.toml"
DEFAULT_MAX_BYTES = 100 * 1024 * 1024
PAPER_SIZES = ("a5", "a4", "letter")


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
    templates: Path | None = None
    source_date_epoch: int | None = None
    # [columns]: which column is which, by its header text ({"time": "Wann", "title": "Was"}).
    columns: dict[str, str] = field(default_factory=dict)
    extra: dict[str, Any] = field(default_factory=dict)


def _check_timezone(name: str, where: str) -> str:
    try:
        zoneinfo.ZoneInfo(name)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        raise ConfigError(f"unknown time zone {name!r} (use an IANA name such as Europe/London)",
                          where) from None
    return name


def _coerce(key: str, value: Any, where: str) -> Any:
    if key == "start_date":
        if isinstance(value, dt.date):
            return value
        try:
            return dt.date.fromisoformat(str(value))
        except ValueError:
            raise ConfigError(f"start_date must be YYYY-MM-DD, not {value!r}", where) from None
    if key == "timezone":
        return _check_timezone(str(value), where)
    if key == "paper":
        paper = str(value).lower()
        if paper not in PAPER_SIZES:
            raise ConfigError(f"paper must be one of {', '.join(PAPER_SIZES)}, not {value!r}", where)
        return paper
    if key in ("year", "max_bytes", "source_date_epoch"):
        if not isinstance(value, int) or isinstance(value, bool):
            raise ConfigError(f"{key} must be a whole number, not {value!r}", where)
        return value
    if key == "templates":
        return Path(value)
    if key == "columns":
        return _columns(value, where)
    return value


COLUMN_ROLES = ("time", "title", "speaker", "abstract", "affiliation", "type", "chair")


def _columns(value: Any, where: str) -> dict[str, str]:
    """The [columns] table: a column role for each header text."""
    if not isinstance(value, dict) or not all(isinstance(v, str) for v in value.values()):
        raise ConfigError("[columns] must map column roles to header texts, e.g. "
                          'time = "Wann"', where)
    unknown = sorted(set(value) - set(COLUMN_ROLES))
    if unknown:
        raise ConfigError(f"[columns]: unknown column role {unknown[0]!r} (known: "
                          f"{', '.join(COLUMN_ROLES)})", where)
    return {str(k): str(v) for k, v in value.items()}


def load_config(source: Path) -> dict[str, Any]:
    """Read ``namconvert.toml`` beside SOURCE; an absent file gives no settings."""
    path = source.parent / CONFIG_NAME
    if not path.is_file():
        return {}
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise ConfigError(f"cannot read settings: {exc}", path) from None
    if "templates" in data:
        data["templates"] = str((path.parent / data["templates"]).resolve())
    return {key: _coerce(key, value, str(path)) for key, value in data.items()}


def make_options(source: Path, overrides: dict[str, Any] | None = None) -> Options:
    """Options from the config beside SOURCE, then OVERRIDES (flags; None means not given)."""
    settings = load_config(source)
    settings.update({k: _coerce(k, v, "command line") for k, v in (overrides or {}).items()
                     if v is not None})
    if "source_date_epoch" not in settings and os.environ.get("SOURCE_DATE_EPOCH", "").isdigit():
        settings["source_date_epoch"] = int(os.environ["SOURCE_DATE_EPOCH"])
    known = {f.name for f in fields(Options)}
    extra = {k: v for k, v in settings.items() if k not in known}
    return replace(Options(), **{k: v for k, v in settings.items() if k in known}, extra=extra)
