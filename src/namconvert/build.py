"""Orchestration: read the source once, then run each requested renderer."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

from .config import Options
from .errors import RenderError
from .model import Programme
from .output import OutputWriter
from .parse import parse_file
from .render import FORMATS, RENDERERS


def resolve_formats(spec: str | Sequence[str] | None) -> list[str]:
    """``"html,pdf"`` (or a list) to known format names, in build order; None means all."""
    if spec is None:
        return list(FORMATS)
    wanted = [f.strip() for f in (spec.split(",") if isinstance(spec, str) else spec) if f.strip()]
    unknown = [f for f in wanted if f not in RENDERERS]
    if unknown:
        raise RenderError(f"unknown format {', '.join(unknown)} (choose from {', '.join(FORMATS)})")
    return [f for f in FORMATS if f in wanted]


def with_build_time(source: Path, options: Options) -> Options:
    """Fix the build's timestamp: SOURCE_DATE_EPOCH when set, else the source's mtime."""
    if options.source_date_epoch is not None:
        return options
    return replace(options, source_date_epoch=int(source.stat().st_mtime))


def build(source: Path, options: Options, out_dir: Path,
          formats: Sequence[str] | None = None) -> list[Path]:
    """Parse SOURCE and write every format into OUT_DIR; all or nothing."""
    programme = parse_file(source, options).programme
    assert programme is not None  # parse_file raises on errors
    return write_outputs(programme, source, options, out_dir, formats)


def write_outputs(programme: Programme, source: Path, options: Options, out_dir: Path,
                  formats: Sequence[str] | None = None) -> list[Path]:
    """Render PROGRAMME (read from SOURCE) into OUT_DIR; all or nothing."""
    options = with_build_time(source, options)
    writer = OutputWriter(out_dir)
    try:
        for name in resolve_formats(formats):
            RENDERERS[name].render(programme, options, writer)
        return writer.commit()
    finally:
        writer.discard()
