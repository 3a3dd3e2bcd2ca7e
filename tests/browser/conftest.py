"""A real browser for the site checks: Debian's chromium driven by Playwright.

The site is built once into a temporary folder and served from 127.0.0.1 by a
plain http.server; every page a test opens comes from there. Without chromium
the tests skip, except under CI=true, where they fail (support.needs).
"""

from __future__ import annotations

import functools
import http.server
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from namconvert.build import build
from namconvert.config import make_options
from support import SOURCE, needs, needs_module

CHROMIUM = Path("/usr/bin/chromium")
LAUNCH_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
               "--disable-component-update", "--disable-sync", "--no-first-run"]


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


@pytest.fixture(scope="session")
def site_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("site")
    build(SOURCE, make_options(SOURCE), out)  # every format: the page links to what is there
    return out


@pytest.fixture(scope="session")
def site_url(site_dir: Path) -> Iterator[str]:
    handler = functools.partial(_QuietHandler, directory=str(site_dir))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    needs(CHROMIUM.is_file(), f"{CHROMIUM} is missing (Debian: apt-get install chromium; "
                              "make system-deps installs it)")
    sync_api = needs_module("playwright.sync_api")
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=LAUNCH_ARGS)
        yield browser
        browser.close()


@pytest.fixture()
def open_page(browser: Any, site_url: str) -> Iterator[Callable[..., Any]]:
    """open_page(width=1280, **context_options) -> a Page showing index.html.

    Every request that would leave 127.0.0.1 is aborted (and still recorded on
    ``page.requested``), so no test can reach the network even by mistake.
    """
    contexts: list[Any] = []

    def opener(width: int = 1280, height: int = 900, clock: str | None = None,
               **options: Any) -> Any:
        context = browser.new_context(viewport={"width": width, "height": height}, **options)
        contexts.append(context)
        requested: list[str] = []

        def guard(route: Any) -> None:
            url = route.request.url
            requested.append(url)
            if url.startswith("http://127.0.0.1:") or url.startswith("data:"):
                route.continue_()
            else:
                route.abort()

        context.route("**/*", guard)
        page = context.new_page()
        page.requested = requested
        if clock:
            page.clock.set_fixed_time(clock)
        page.goto(site_url)
        page.wait_for_load_state("networkidle")
        return page

    yield opener
    for context in contexts:
        context.close()
