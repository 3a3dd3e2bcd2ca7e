"""One Jinja2 environment factory for every renderer.

User templates (``--templates`` or ``templates`` in the config) come first,
then the built-in ones; autoescaping is on and undefined names are errors.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import jinja2

from .errors import RenderError, TemplateNotFound

_PACKAGE_TEMPLATES = Path(__file__).resolve().parent / "templates"
_SOURCE_TREE_TEMPLATES = Path(__file__).resolve().parents[2] / "templates"


def builtin_templates() -> Path:
    """The built-in templates: inside the installed package, else in the source tree."""
    return _PACKAGE_TEMPLATES if _PACKAGE_TEMPLATES.is_dir() else _SOURCE_TREE_TEMPLATES


def search_path(user_templates: Path | None) -> list[Path]:
    paths = [user_templates] if user_templates else []
    return [*paths, builtin_templates()]


def template_asset(user_templates: Path | None, relative: str) -> bytes:
    """The bytes of RELATIVE (e.g. ``html/assets/site.js``), from the first template folder
    that has it; :class:`TemplateNotFound` listing the folders searched when none does."""
    for root in search_path(user_templates):
        path = root / relative
        if path.is_file():
            return path.read_bytes()
    searched = ", ".join(str(p) for p in search_path(user_templates))
    raise TemplateNotFound(f"asset {relative} not found (searched: {searched})")


def make_environment(user_templates: Path | None = None, *, autoescape: bool = True,
                     filters: dict[str, Callable[..., Any]] | None = None) -> jinja2.Environment:
    loader = jinja2.ChoiceLoader([jinja2.FileSystemLoader(str(p)) for p in search_path(user_templates)])
    env = jinja2.Environment(loader=loader, autoescape=autoescape, undefined=jinja2.StrictUndefined,
                             trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True)
    env.filters.update(filters or {})
    return env


def render_template(env: jinja2.Environment, name: str, **context: Any) -> str:
    """Render NAME, turning Jinja's errors into the project's, with the search path."""
    try:
        return env.get_template(name).render(**context)
    except jinja2.TemplateNotFound as exc:
        searched = ", ".join(str(p) for p in search_path(_user_path(env)))
        raise TemplateNotFound(f"template {exc.name!r} not found (searched: {searched})") from None
    except jinja2.TemplateSyntaxError as exc:
        raise RenderError(f"template syntax error: {exc.message}", exc.filename or name,
                          exc.lineno) from None
    except jinja2.UndefinedError as exc:
        raise RenderError(f"template {name}: {exc.message}", name) from None


def _user_path(env: jinja2.Environment) -> Path | None:
    loader = env.loader
    if isinstance(loader, jinja2.ChoiceLoader) and len(loader.loaders) > 1:
        first = loader.loaders[0]
        if isinstance(first, jinja2.FileSystemLoader):
            return Path(first.searchpath[0])
    return None
