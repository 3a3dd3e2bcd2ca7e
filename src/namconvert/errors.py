"""The project's exceptions and findings, and the one place they become text.

Every error a user can cause carries a file and, where there is one, a line; the CLI
turns it into ``PATH:LINE:COL: error: message [category]`` (``PATH: error: ...`` when
there is no line, as for a folder) and never shows a traceback.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

Severity = Literal["error", "warning"]


@dataclass(frozen=True)
class Diagnostic:
    """One finding about the source, with its place."""

    path: str
    line: int
    col: int
    severity: Severity
    message: str
    category: str

    def format(self) -> str:
        place = f"{self.path}:{self.line}:{self.col}" if self.line > 0 else self.path
        return f"{place}: {self.severity}: {self.message} [{self.category}]"


class NamconvertError(Exception):
    """Base of every error namconvert reports to a user."""

    category = "error"

    def __init__(self, message: str, path: str | Path | None = None, line: int | None = None,
                 col: int = 1) -> None:
        super().__init__(message)
        self.message = message
        self.path = str(path) if path is not None else None
        self.line = line
        self.col = col

    def diagnostics(self) -> list[Diagnostic]:
        return [Diagnostic(self.path or "namconvert", self.line or 0, self.col, "error",
                           self.message, self.category)]


class InputError(NamconvertError):
    """The source cannot be read at all: missing, too large, not UTF-8 text."""

    category = "input"


class ConfigError(NamconvertError):
    category = "config"


class ParseError(NamconvertError):
    """The source was read, but has errors; carries every finding."""

    category = "parse"

    def __init__(self, findings: Sequence[Diagnostic]) -> None:
        errors = [d for d in findings if d.severity == "error"]
        first = errors[0] if errors else findings[0]
        super().__init__(first.message, first.path, first.line, first.col)
        self.findings = list(findings)

    def diagnostics(self) -> list[Diagnostic]:
        return self.findings


class OutputError(NamconvertError):
    """The output folder cannot or must not be written: the source is there, it is not ours."""

    category = "output"


class RenderError(NamconvertError):
    category = "render"


class TemplateNotFound(RenderError):
    category = "template"


class DependencyError(RenderError):
    """A heavy tool (WeasyPrint, Pandoc) is missing or broken: say how to fix the install."""

    category = "dependency"


def has_errors(findings: Iterable[Diagnostic]) -> bool:
    return any(d.severity == "error" for d in findings)
