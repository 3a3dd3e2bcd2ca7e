"""The one template environment: user templates first, a missing template names the folders."""

from __future__ import annotations

from pathlib import Path

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
