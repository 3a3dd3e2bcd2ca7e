"""The one template environment: user templates first, a missing template names the folders."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import jinja2
import pytest

from namconvert.errors import TemplateNotFound
from namconvert.templating import builtin_templates, make_environment, render_template, template_asset


def test_a_missing_template_is_an_error_listing_the_search_path(tmp_path: Path) -> None:
    env = make_environment(tmp_path)
    with pytest.raises(TemplateNotFound) as caught:
        render_template(env, "html/nowhere.html.jinja")
    assert caught.value.message == (f"template 'html/nowhere.html.jinja' not found (searched: "
                                    f"{tmp_path}, {builtin_templates()})")
    assert caught.value.diagnostics()[0].format().endswith("[template]")


def test_a_missing_asset_is_an_error_listing_the_search_path(tmp_path: Path) -> None:
    with pytest.raises(TemplateNotFound, match=rf"asset html/assets/none\.js not found "
                       rf"\(searched: {tmp_path}, {builtin_templates()}\)"):
        template_asset(tmp_path, "html/assets/none.js")


def test_a_user_template_comes_before_the_built_in_one(tmp_path: Path) -> None:
    (tmp_path / "html" / "assets").mkdir(parents=True)
    (tmp_path / "html" / "assets" / "site.js").write_text("/* mine */")
    assert template_asset(tmp_path, "html/assets/site.js") == b"/* mine */"
    assert template_asset(None, "html/assets/site.js") != b"/* mine */"


def test_a_template_is_compiled_once_per_process_and_again_when_edited(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # serve builds each save with new environments: the compiled code is kept between them.
    compiled: list[str | None] = []
    original = jinja2.Environment.compile

    def counting(self: jinja2.Environment, source: Any, name: str | None = None,
                 *args: Any, **kwargs: Any) -> Any:
        compiled.append(name)
        return original(self, source, name, *args, **kwargs)

    monkeypatch.setattr(jinja2.Environment, "compile", counting)
    page = tmp_path / "html" / "page.html.jinja"
    page.parent.mkdir()
    page.write_text("<p>{{ x }}</p>\n", encoding="utf-8")
    for _ in range(3):
        env = make_environment(tmp_path)
        assert render_template(env, "html/page.html.jinja", x="a&b") == "<p>a&amp;b</p>\n"
    assert compiled == ["html/page.html.jinja"]
    page.write_text("<div>{{ x }}</div>\n", encoding="utf-8")
    env = make_environment(tmp_path)
    assert render_template(env, "html/page.html.jinja", x="a") == "<div>a</div>\n"
    assert compiled == ["html/page.html.jinja"] * 2
    # Without autoescaping the same file is other code, compiled apart.
    plain = make_environment(tmp_path, autoescape=False)
    assert render_template(plain, "html/page.html.jinja", x="a&b") == "<div>a&b</div>\n"
    assert len(compiled) == 3
