"""The renderers, one module per output format, in an explicit registry.

Each module exposes the same small contract:

- ``NAME``: the format's key (``--format NAME``, ``make NAME``);
- ``SUFFIX``, ``MEDIA_TYPE``, ``TITLE``: its main file's suffix, media type and a human name;
- ``OUTPUT``: the main file's path relative to the output folder;
- ``render(view, out) -> list[Path]``: write the programme as shaped once for the build
  (a :class:`~namconvert.views.View`: the model, the options, the formats being written)
  through ``out`` (an :class:`~namconvert.output.OutputWriter`); return the paths written.

Heavy tools (WeasyPrint, Pandoc) are imported inside ``render`` so that
``parse`` and ``check`` start fast.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from typing import cast

from ..output import OutputWriter
from ..views import View
from . import epub, frab_json, frab_xml, html, ics, json_model, pdf, readme

RenderFunction = Callable[[View, OutputWriter], list[Path]]


@dataclass(frozen=True)
class Renderer:
    name: str
    suffix: str
    media_type: str
    title: str
    output: str
    render: RenderFunction
    module: str


class RegistryError(Exception):
    """A renderer module breaks the contract; a programming error, raised at import."""


def _registry(modules: Sequence[ModuleType]) -> dict[str, Renderer]:
    found: dict[str, Renderer] = {}
    for module in modules:
        missing = [a for a in ("NAME", "SUFFIX", "MEDIA_TYPE", "TITLE", "OUTPUT", "render")
                   if not hasattr(module, a)]
        if missing:
            raise RegistryError(f"renderer {module.__name__} lacks {', '.join(missing)}")
        name = cast(str, module.NAME)
        if name in found:
            raise RegistryError(f"renderers {found[name].module} and {module.__name__} "
                                f"both call themselves {name!r}")
        found[name] = Renderer(name, module.SUFFIX, module.MEDIA_TYPE, module.TITLE, module.OUTPUT,
                               module.render, module.__name__)
    return found


# Build order: the model first, the site last so it can link to everything else.
RENDERERS: dict[str, Renderer] = _registry(
    [json_model, readme, ics, frab_xml, frab_json, epub, pdf, html])

FORMATS: tuple[str, ...] = tuple(RENDERERS)


def downloads(exclude: str) -> list[Renderer]:
    """The other formats a page can offer for download."""
    return [r for r in RENDERERS.values() if r.name != exclude]
