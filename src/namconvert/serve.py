"""``namconvert serve``: build, serve the output on 127.0.0.1, rebuild on change, reload the page.

The built files are never touched: the preview server adds one script tag to
each HTML page it sends. That script (served from the same origin, so the
site's ``'self'`` Content-Security-Policy allows it) polls a tiny state
endpoint, reloads the page after a successful rebuild and shows the error
after a failed one. A failed rebuild leaves the previous output in place, as
every build does.
"""

from __future__ import annotations

import functools
import http.server
import json
import sys
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .build import run_build
from .config import CONFIG_NAME, Options
from .errors import NamconvertError
from .output import prepare
from .templating import search_path

HOST = "127.0.0.1"
PREFIX = "/__namconvert/"
STATE_PATH = PREFIX + "state"
SCRIPT_PATH = PREFIX + "reload.js"
SCRIPT_TAG = f'<script src="{SCRIPT_PATH}" defer></script>'
POLL_MS = 700

RELOAD_JS = """\
/* namconvert serve: reload after a rebuild, show a failed build's error. */
(() => {
  "use strict";
  let seen = null;
  let banner = null;
  function show(error) {
    if (!error) { if (banner) { banner.remove(); banner = null; } return; }
    if (!banner) {
      banner = document.createElement("pre");
      banner.id = "namconvert-build-error";
      banner.setAttribute("role", "alert");
      Object.assign(banner.style, {
        position: "fixed", left: "0", right: "0", bottom: "0", margin: "0", zIndex: "1000",
        maxHeight: "40vh", overflow: "auto", padding: "1rem", whiteSpace: "pre-wrap",
        background: "#7f1d1d", color: "#ffffff", font: "0.9rem/1.4 ui-monospace, monospace",
      });
      document.body.append(banner);
    }
    banner.textContent = "namconvert: the last rebuild failed; showing the previous build.\\n" + error;
  }
  async function poll() {
    try {
      const response = await fetch("@STATE@", { cache: "no-store" });
      const state = await response.json();
      if (seen !== null && state.version !== seen && !state.error) {
        window.location.reload();
        return;
      }
      seen = state.version;
      show(state.error);
    } catch {
      /* the server is restarting or gone: keep asking */
    }
    window.setTimeout(poll, @POLL@);
  }
  poll();
})();
""".replace("@STATE@", STATE_PATH).replace("@POLL@", str(POLL_MS))


class ServeError(NamconvertError):
    category = "serve"


@dataclass
class BuildState:
    """What the page's script polls: a counter bumped by every rebuild, and its error if any."""

    version: int = 0
    error: str | None = None
    lock: threading.Lock = field(default_factory=threading.Lock)

    def record(self, error: str | None) -> None:
        with self.lock:
            self.version += 1
            self.error = error

    def as_json(self) -> bytes:
        with self.lock:
            return json.dumps({"version": self.version, "error": self.error}).encode("utf-8")


def inject_reload(page: str) -> str:
    """Add the reload script before ``</head>`` (or ``</body>``, or at the end)."""
    for marker in ("</head>", "</body>"):
        at = page.lower().rfind(marker)
        if at != -1:
            return page[:at] + SCRIPT_TAG + "\n" + page[at:]
    return page + SCRIPT_TAG + "\n"


class PreviewHandler(http.server.SimpleHTTPRequestHandler):
    """Serves the output folder, never caches, and adds the reload script to HTML pages."""

    state: BuildState

    def do_GET(self) -> None:
        path = self.path.split("?", 1)[0].split("#", 1)[0]
        if path == STATE_PATH:
            self._send(self.state.as_json(), "application/json")
        elif path == SCRIPT_PATH:
            self._send(RELOAD_JS.encode("utf-8"), "text/javascript; charset=utf-8")
        elif path.startswith(PREFIX):
            self.send_error(404)
        else:
            page = self._html_file(path)
            if page is None:
                super().do_GET()
            else:
                text = page.read_text(encoding="utf-8", errors="replace")
                self._send(inject_reload(text).encode("utf-8"), "text/html; charset=utf-8")

    def _html_file(self, path: str) -> Path | None:
        local = Path(self.translate_path(path))
        if local.is_dir() and path.endswith("/"):
            local = local / "index.html"
        return local if local.suffix == ".html" and local.is_file() else None

    def _send(self, body: bytes, media_type: str) -> None:
        self.send_response(200)
        self.send_header("Content-Type", media_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def end_headers(self) -> None:
        self.send_header("Cache-Control", "no-store")
        super().end_headers()

    def log_message(self, format: str, *args: Any) -> None:
        pass  # a preview's request log is noise; errors are reported by the build


def watched_files(source: Path) -> set[Path]:
    """The files beside the source that a build reads: the README and its settings."""
    return {source.resolve(), (source.parent / CONFIG_NAME).resolve()}


def watched_trees(options: Options) -> list[Path]:
    """Template folders, user ones first: any change there changes the output."""
    return [p.resolve() for p in search_path(options.templates) if p.is_dir()]


def is_relevant(path: Path, files: set[Path], trees: Sequence[Path], out_dir: Path) -> bool:
    path = path.resolve()
    if path.is_relative_to(out_dir):
        return False  # our own writes must never trigger another build
    return path in files or any(path.is_relative_to(t) for t in trees)


class Preview:
    """A preview server: build once, then rebuild on every relevant change."""

    def __init__(self, source: Path, options: Callable[[], Options], out_dir: Path,
                 port: int = 8000, formats: Sequence[str] | None = None,
                 log: Callable[[str], None] | None = None, *, strict: bool = False) -> None:
        self.source = source
        self.strict = strict
        self.options = options  # re-read on every build: the settings file may have changed
        self.out_dir = out_dir.resolve()
        self.formats = formats
        self.state = BuildState()
        self.log = log or (lambda line: print(line, file=sys.stderr, flush=True))
        self._build_lock = threading.Lock()
        self._stop = threading.Event()
        self._threads: list[threading.Thread] = []
        self.out_dir.mkdir(parents=True, exist_ok=True)
        handler = type("Handler", (PreviewHandler,), {"state": self.state})
        try:
            self.server = http.server.ThreadingHTTPServer(
                (HOST, port), functools.partial(handler, directory=str(self.out_dir)))
        except OSError as exc:
            raise ServeError(f"cannot listen on {HOST}:{port}: {exc.strerror or exc} "
                             "(choose another --port)") from None
        self.server.daemon_threads = True

    @property
    def url(self) -> str:
        return f"http://{HOST}:{self.server.server_address[1]}/"

    def rebuild(self) -> bool:
        """Build once; on failure report the error and keep the previous output."""
        with self._build_lock:
            try:
                run_build(self.source, self.options(), self.out_dir, self.formats,
                          strict=self.strict, report=lambda finding: self.log(finding.format()))
            except NamconvertError as exc:
                error = "\n".join(d.format() for d in exc.diagnostics())
                self.log(error)
                self.state.record(error)
                return False
            self.state.record(None)
            self.log(f"built {self.out_dir} ({self.url})")
            return True

    def _watch(self, roots: list[Path], recursive: bool,
               relevant: Callable[[Path], bool]) -> None:
        import watchfiles

        def keep(change: Any, path: str) -> bool:
            return relevant(Path(path))

        for _changes in watchfiles.watch(*roots, watch_filter=keep, debounce=300,
                                         stop_event=self._stop, recursive=recursive,
                                         raise_interrupt=False):
            self.rebuild()

    def start(self) -> None:
        """Build, then serve and watch in background threads."""
        self.rebuild()
        files = watched_files(self.source)
        try:
            trees = watched_trees(self.options())
        except NamconvertError:
            trees = watched_trees(Options())

        def relevant(path: Path) -> bool:
            return is_relevant(path, files, trees, self.out_dir)

        # The source's folder is watched flat (it may hold a whole repository), templates deeply.
        jobs: list[tuple[list[Path], bool]] = [([self.source.resolve().parent], False)]
        if trees:
            jobs.append((trees, True))
        self._threads = [threading.Thread(target=self.server.serve_forever, daemon=True)]
        self._threads += [threading.Thread(target=self._watch, args=(roots, deep, relevant),
                                           daemon=True) for roots, deep in jobs]
        for thread in self._threads:
            thread.start()

    def stop(self) -> None:
        self._stop.set()
        self.server.shutdown()
        self.server.server_close()
        for thread in self._threads:
            thread.join(timeout=10)

    def __enter__(self) -> Preview:
        self.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()


def serve(source: Path, options: Callable[[], Options], out_dir: Path, port: int = 8000,
          formats: Sequence[str] | None = None, *, strict: bool = False) -> int:
    """Run the preview until interrupted (Ctrl-C)."""
    if not source.is_file():
        raise ServeError(f"no such file: {source}", source)
    prepare(out_dir, source, options().templates)  # never serve (or write) the source's folder
    preview = Preview(source, options, out_dir, port, formats, strict=strict)
    preview.start()
    print(f"Serving {out_dir} at {preview.url} (Ctrl-C to stop)", file=sys.stderr, flush=True)
    try:
        preview._stop.wait()
    except KeyboardInterrupt:
        pass
    finally:
        preview.stop()
    return 0
