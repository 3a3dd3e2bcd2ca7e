"""Screenshots of the built site for the README: ``make docs-site-images``.

Usage: site_images.py BUILD_DIR OUT_DIR. Serves BUILD_DIR on 127.0.0.1 and
photographs index.html at 360 and 1280 px wide with Debian's chromium, in the venue's zone,
and at 1280 px dark with the reader's zone (Tokyo) on and a filter typed.
"""

from __future__ import annotations

import functools
import http.server
import sys
import threading
from pathlib import Path

from playwright.sync_api import sync_playwright

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]
SHOTS = {"site-360.png": (360, 1280), "site-1280.png": (1280, 960)}
DARK = "site-1280-dark.png"


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


def _shrink(path: Path) -> None:
    """A 128-colour palette keeps text crisp at a third of the bytes (Pillow comes with WeasyPrint)."""
    from PIL import Image

    with Image.open(path) as image:
        small = image.convert("RGB").quantize(colors=128)
    small.save(path, optimize=True)


def main(build: Path, out: Path) -> int:
    handler = functools.partial(_Quiet, directory=str(build))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    url = f"http://127.0.0.1:{server.server_address[1]}/index.html"
    out.mkdir(parents=True, exist_ok=True)
    try:
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=CHROMIUM, args=ARGS)
            for name, (width, height) in SHOTS.items():
                page = browser.new_page(viewport={"width": width, "height": height},
                                        timezone_id="America/New_York", device_scale_factor=1)
                # During a talk, so the now/next markers show in the pictures.
                page.clock.set_fixed_time("2022-07-13T15:40:00Z")
                page.goto(url)
                page.screenshot(path=str(out / name))
                _shrink(out / name)
                page.close()
                print(out / name)
            page = browser.new_page(viewport={"width": 1280, "height": 960}, color_scheme="dark",
                                    timezone_id="Asia/Tokyo", device_scale_factor=1)
            page.clock.set_fixed_time("2022-07-13T15:40:00Z")
            page.goto(url)
            options = page.locator("details#options")
            if not options.evaluate("d => d.open"):
                options.locator("summary").click()
            page.check("#tz-local")
            options.locator("summary").click()
            page.fill("#filter", "galaxy")
            page.screenshot(path=str(out / DARK))
            _shrink(out / DARK)
            print(out / DARK)
            browser.close()
    finally:
        server.shutdown()
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1]), Path(sys.argv[2])))
