"""One Jinja2 environment factory for every renderer.

User templates (``--templates`` or ``templates`` in the config) come first,
then the built-in ones; autoescaping is on and undefined names are errors.
"""

from __future__ import annotations

import traceback
from collections.abc import Callable
from pathlib import Path
from typing import Any

import jinja2
import jinja2.bccache

from .errors import NamconvertError, RenderError, TemplateNotFound

_PACKAGE_TEMPLATES = Path(__file__).resolve().parent / "templates"
_SOURCE_TREE_TEMPLATES = Path(__file__).resolve().parents[2] / "templates"


def builtin_templates() -> Path:
    """The built-in templates: inside the installed package, else in the source tree."""
    return _PACKAGE_TEMPLATES if _PACKAGE_TEMPLATES.is_dir() else _SOURCE_TREE_TEMPLATES


def search_path(user_templates: Path | None) -> list[Path]:
    paths = [user_templates] if user_templates else []
    return [*paths, builtin_templates()]


class _Loader(jinja2.FileSystemLoader):
    """A template folder whose files must be UTF-8: one that is not is an error at its place."""

    def get_source(self, environment: jinja2.Environment,
                   template: str) -> tuple[str, str, Callable[[], bool]]:
        try:
            return super().get_source(environment, template)
        except UnicodeDecodeError as exc:
            path = next((Path(root) / template for root in self.searchpath
                         if (Path(root) / template).is_file()), Path(template))
            data = exc.object if isinstance(exc.object, bytes) else b""
            line = data.count(b"\n", 0, exc.start) + 1
            col = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
            raise RenderError(f"template is not UTF-8 text (byte 0x{data[exc.start]:02x})",
                              path, line, col) from None


def template_asset(user_templates: Path | None, relative: str) -> bytes:
    """The bytes of RELATIVE (e.g. ``html/assets/site.js``), from the first template folder
    that has it; :class:`TemplateNotFound` listing the folders searched when none does."""
    for root in search_path(user_templates):
        path = root / relative
        if path.is_file():
            return path.read_bytes()
    searched = ", ".join(str(p) for p in search_path(user_templates))
    raise TemplateNotFound(f"asset {relative} not found (searched: {searched})")


class _CompiledTemplates(jinja2.BytecodeCache):
    """Each template compiled once per process: ``serve`` builds every save with new
    environments, and compiling the site's page template was an eighth of a 1,000-talk
    preview. Jinja keys a template by its name and file and checks its source's checksum, so
    an edited template is compiled again."""

    def __init__(self) -> None:
        self._code: dict[str, bytes] = {}

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        if (code := self._code.get(bucket.key)) is not None:
            bucket.bytecode_from_string(code)

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self._code[bucket.key] = bucket.bytecode_to_string()


# Compiled code depends on autoescaping (every other setting is the same for all renderers).
_COMPILED = {True: _CompiledTemplates(), False: _CompiledTemplates()}


def make_environment(user_templates: Path | None = None, *, autoescape: bool = True,
                     filters: dict[str, Callable[..., Any]] | None = None) -> jinja2.Environment:
    loader = jinja2.ChoiceLoader([_Loader(str(p)) for p in search_path(user_templates)])
    env = jinja2.Environment(loader=loader, autoescape=autoescape, undefined=jinja2.StrictUndefined,
                             trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True,
                             bytecode_cache=_COMPILED[autoescape])
    env.filters.update(filters or {})
    return env


def render_template(env: jinja2.Environment, name: str, **context: Any) -> str:
    """Render NAME, turning Jinja's errors (and any error a template's code raises, such as
    ``{{ 1/0 }}``) into the project's, at the template file and line."""
    try:
        return env.get_template(name).render(**context)
    except NamconvertError:
        raise
    except jinja2.TemplateNotFound as exc:
        searched = ", ".join(str(p) for p in search_path(_user_path(env)))
        raise TemplateNotFound(f"template {exc.name!r} not found (searched: {searched})") from None
    except jinja2.TemplateSyntaxError as exc:
        raise RenderError(f"template syntax error: {exc.message}", exc.filename or name,
                          exc.lineno) from None
    except Exception as exc:  # the template's own code failed: undefined names, 1/0, ...
        path, line = _template_place(exc, env, name)
        reason = exc.message if isinstance(exc, jinja2.TemplateError) and exc.message else \
            f"{type(exc).__name__}: {exc}"
        raise RenderError(f"template error: {reason}", path, line) from None


def _template_place(exc: BaseException, env: jinja2.Environment,
                    name: str) -> tuple[str, int | None]:
    """The template file and line EXC was raised at: Jinja rewrites its traceback so that a
    template's frames carry the template's file name and line."""
    roots = tuple(str(p) for p in search_path(_user_path(env)))
    place: tuple[str, int | None] = (name, None)
    for frame in traceback.extract_tb(exc.__traceback__):
        if frame.filename.startswith(roots):
            place = (frame.filename, frame.lineno)
    return place


def _user_path(env: jinja2.Environment) -> Path | None:
    loader = env.loader
    if isinstance(loader, jinja2.ChoiceLoader) and len(loader.loaders) > 1:
        first = loader.loaders[0]
        if isinstance(first, jinja2.FileSystemLoader):
            return Path(first.searchpath[0])
    return None
