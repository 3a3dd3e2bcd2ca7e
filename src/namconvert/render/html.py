"""``index.html``: the hosted programme site, static and self-contained."""

from __future__ import annotations

from pathlib import Path

from ..config import Options
from ..model import Programme
from ..output import OutputWriter
from ..templating import make_environment, render_template, search_path

NAME = "html"
SUFFIX = ".html"
MEDIA_TYPE = "text/html"
TITLE = "Web page"
OUTPUT = "index.html"

ASSETS = ("style.css",)


def _asset(name: str, options: Options) -> bytes:
    for root in search_path(options.templates):
        path = root / NAME / "assets" / name
        if path.is_file():
            return path.read_bytes()
    raise FileNotFoundError(name)


def render(programme: Programme, options: Options, out: OutputWriter) -> list[Path]:
    from . import downloads

    env = make_environment(options.templates)
    page = render_template(env, f"{NAME}/index.html.jinja", programme=programme, options=options,
                           downloads=downloads(NAME))
    written = [out.write_text(OUTPUT, page)]
    written += [out.write_bytes(f"assets/{a}", _asset(a, options)) for a in ASSETS]
    return written
