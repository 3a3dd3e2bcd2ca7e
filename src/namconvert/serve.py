"""``namconvert serve``: build, serve the output on 127.0.0.1, rebuild on change, reload the page.

The built files are never touched: the preview server adds one script tag to
each HTML page it sends. That script (served from the same origin, so the
site's ``'self'`` Content-Security-Policy allows it) asks a tiny state
endpoint, which answers as soon as the state changes (a long poll), reloads the
page after a successful rebuild and shows the error after a failed one. A failed
rebuild leaves the previous output in place, as every build does.

A save rebuilds the site first, so the page reloads as soon as its pages are
written (the source read once, the pages still linking to every format); the
booklet, EPUB and feeds follow in the background from the same reading, at a
lower priority, and the page shows which of them are still stale. A save during
the background build waits for none of it: its site is written at once, and the
background build after the current one is of the newest save only.
"""

from __future__ import annotations

import contextlib
import functools
import http.server
import json
import os
import re
import sys
import threading
import urllib.parse
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from . import progress
from .build import read_programme, resolve_formats, write_outputs
from .config import CONFIG_NAME, Options
from .errors import Diagnostic, NamconvertError
from .files import kind_of
from .model import Programme
from .output import prepare
from .templating import search_path

HOST = "127.0.0.1"
PREFIX = "/__namconvert/"
STATE_PATH = PREFIX + "state"
SCRIPT_PATH = PREFIX + "reload.js"
SCRIPT_TAG = f'<script src="{SCRIPT_PATH}" defer></script>'
POLL_MS = 700

RELOAD_JS = """\
/* namconvert serve: reload after a rebuild, show a failed build's error and what is stale. */
(() => {
  "use strict";
  let seen = null;
  let change = 0;
  const boxes = {};
  function box(id, role, style) {
    if (!boxes[id]) {
      const element = document.createElement(id === "namconvert-build-error" ? "pre" : "div");
      element.id = id;
      element.setAttribute("role", role);
      Object.assign(element.style, {
        position: "fixed", margin: "0", zIndex: "1000", padding: "0.5rem 1rem",
        font: "0.9rem/1.4 ui-monospace, monospace", color: "#ffffff",
      }, style);
      document.body.append(element);
      boxes[id] = element;
    }
    return boxes[id];
  }
  function hide(id) { if (boxes[id]) { boxes[id].remove(); delete boxes[id]; } }
  function show(state) {
    if (state.error) {
      box("namconvert-build-error", "alert", {
        left: "0", right: "0", bottom: "0", maxHeight: "40vh", overflow: "auto",
        whiteSpace: "pre-wrap", background: "#7f1d1d",
      }).textContent = "namconvert: the last rebuild failed; showing the previous build.\\n" +
        state.error;
    } else {
      hide("namconvert-build-error");
    }
    const stale = state.stale || [];
    if (stale.length) {
      const failed = state.stale_error ? " (failed: " + state.stale_error + ")" : "";
      box("namconvert-stale", "status", { right: "0", top: "0", background: "#1e3a8a" })
        .textContent = "namconvert: still rebuilding " + stale.join(", ") + failed;
    } else {
      hide("namconvert-stale");
    }
  }
  async function poll() {
    try {
      const response = await fetch("@STATE@?after=" + change, { cache: "no-store" });
      const state = await response.json();
      if (seen !== null && state.version !== seen && !state.error) {
        window.location.reload();
        return;
      }
      seen = state.version;
      change = state.change;
      show(state);
      window.setTimeout(poll, 0);
    } catch {
      window.setTimeout(poll, @POLL@);  /* the server is restarting or gone: keep asking */
    }
  }
  poll();
})();
""".replace("@STATE@", STATE_PATH).replace("@POLL@", str(POLL_MS))


class ServeError(NamconvertError):
    category = "serve"


def check_port(port: int) -> None:
    if not 0 <= port <= 65535:
        raise ServeError(f"port {port} is out of range (use 1 to 65535, or 0 for any free one)",
                         "--port")


@dataclass
class BuildState:
    """What the page's script asks for: the site's version (bumped by every rebuild of the
    site, which reloads the page), its error if any, and the formats still stale (being
    rebuilt in the background, or failed there: STALE_ERROR). CHANGE counts every change, for
    the long poll (:meth:`wait`)."""

    version: int = 0
    error: str | None = None
    stale: tuple[str, ...] = ()
    stale_error: str | None = None
    change: int = 0
    lock: threading.Condition = field(default_factory=threading.Condition)

    def record(self, error: str | None, stale: Sequence[str] = ()) -> int:
        """A rebuild of the site: ERROR, or STALE are what follows in the background.
        Returns the new version."""
        with self.lock:
            self.version += 1
            self.error = error
            if error is None:
                self.stale, self.stale_error = tuple(stale), None
            self._changed()
            return self.version

    def caught_up(self, formats: Sequence[str], version: int, error: str | None = None) -> None:
        """The background build of FORMATS for site VERSION ended (with ERROR, or not): they
        are fresh, unless a newer save has made them stale again."""
        with self.lock:
            if version != self.version:
                return
            if error is None:
                self.stale = tuple(f for f in self.stale if f not in formats)
            else:
                self.stale_error = error
            self._changed()

    def _changed(self) -> None:
        self.change += 1
        self.lock.notify_all()

    def wait(self, after: int, seconds: float) -> None:
        """Return once CHANGE is past AFTER, or after SECONDS."""
        with self.lock:
            self.lock.wait_for(lambda: self.change != after, timeout=seconds)

    def wake(self) -> None:
        with self.lock:
            self.lock.notify_all()

    def as_dict(self) -> dict[str, Any]:
        with self.lock:
            return {"version": self.version, "error": self.error, "stale": list(self.stale),
                    "stale_error": self.stale_error, "change": self.change}

    def as_json(self) -> bytes:
        return json.dumps(self.as_dict()).encode("utf-8")


def inject_reload(page: str) -> str:
    """Add the reload script before ``</head>`` (or ``</body>``, or at the end)."""
    for marker in ("</head>", "</body>"):
        at = page.lower().rfind(marker)
        if at != -1:
            return page[:at] + SCRIPT_TAG + "\n" + page[at:]
    return page + SCRIPT_TAG + "\n"


# Names a browser on this machine uses for the preview. Any other Host header is a page
# elsewhere reaching the preview through a name it points at 127.0.0.1 (DNS rebinding).
ALLOWED_HOSTS = frozenset({"127.0.0.1", "localhost"})
IDLE_SECONDS = 15  # a connection that sends nothing for this long is closed
_HOST_HEADER = re.compile(r"(?P<host>[^:\[\]]+|\[[^\]]*\])(?::(?P<port>[0-9]{1,5}))?\Z")
_URL_UNSAFE = re.compile(r"[\x00-\x1f\x7f]")


LONG_POLL_SECONDS = 10.0  # a state request with ?after= waits this long for a change


def _after(target: str) -> int | None:
    """The CHANGE a state request has seen (``?after=N``), or None for a plain request."""
    query = urllib.parse.parse_qs(urllib.parse.urlsplit(target).query)
    values = query.get("after", [])
    return int(values[0]) if values and values[0].isdigit() else None


def allowed_host(header: str | None) -> bool:
    """Whether a request's Host header names this machine's preview (any port)."""
    if not header:
        return False
    match = _HOST_HEADER.match(header.strip())
    return match is not None and match.group("host").lower().rstrip(".") in ALLOWED_HOSTS


def request_path(target: str) -> str | None:
    """The decoded path of a request target, or None when it is not a path we can serve:
    not starting with ``/``, a bad percent-encoding, a NUL or another control character."""
    path = target.split("?", 1)[0].split("#", 1)[0]
    if not path.startswith("/") or _URL_UNSAFE.search(path):
        return None
    try:
        decoded = urllib.parse.unquote(path, errors="strict")
    except UnicodeDecodeError:
        return None
    return None if _URL_UNSAFE.search(decoded) else decoded


class PreviewHandler(http.server.SimpleHTTPRequestHandler):
    """Serves the output folder, never caches, and adds the reload script to HTML pages.

    Only to this machine: a request whose Host is not 127.0.0.1 or localhost gets 403, one
    whose path is not a clean path 400, and an idle connection is closed after
    ``timeout`` seconds. HEAD answers with the headers GET would send.
    """

    state: BuildState
    timeout = IDLE_SECONDS  # socketserver's: applied to every connection's socket

    def do_GET(self) -> None:
        self._answer(body=True)

    def do_HEAD(self) -> None:
        self._answer(body=False)

    def _answer(self, *, body: bool) -> None:
        if not allowed_host(self.headers.get("Host")):
            self._refuse(403, "this preview answers only to 127.0.0.1 and localhost")
            return
        path = request_path(self.path)
        if path is None:
            self._refuse(400, "not a path this preview serves")
            return
        if path == STATE_PATH:
            after = _after(self.path)
            if after is not None:  # the page's script: answer when something changes
                self.state.wait(after, LONG_POLL_SECONDS)
            self._send(self.state.as_json(), "application/json", body)
        elif path == SCRIPT_PATH:
            self._send(RELOAD_JS.encode("utf-8"), "text/javascript; charset=utf-8", body)
        elif path.startswith(PREFIX) or any(part.startswith(".") for part in path.split("/")):
            self._refuse(404, "not found")  # the marker and staging folders are not the site
        elif (page := self._html_file(path)) is not None:
            text = page.read_text(encoding="utf-8", errors="replace")
            self._send(inject_reload(text).encode("utf-8"), "text/html; charset=utf-8", body)
        elif body:
            super().do_GET()
        else:
            super().do_HEAD()

    def _refuse(self, code: int, message: str) -> None:
        self.send_error(code, message)

    def _html_file(self, path: str) -> Path | None:
        local = Path(self.translate_path(path))
        if local.is_dir() and path.endswith("/"):
            local = local / "index.html"
        return local if local.suffix == ".html" and local.is_file() else None

    def _send(self, payload: bytes, media_type: str, body: bool = True) -> None:
        self.send_response(200)
        self.send_header("Content-Type", media_type)
        self.send_header("Content-Length", str(len(payload)))
        self.end_headers()
        if body:
            self.wfile.write(payload)

    def end_headers(self) -> None:
        self.send_header("Cache-Control", "no-store")
        super().end_headers()

    def log_message(self, format: str, *args: Any) -> None:
        pass  # a preview's request log is noise; errors are reported by the build


class PreviewServer(http.server.ThreadingHTTPServer):
    """The preview's server: a client that goes away mid-answer is no error worth a word, and
    any other failure of one request is one line in the log, never a traceback."""

    daemon_threads = True
    log: Callable[[str], None] = staticmethod(lambda line: None)

    def handle_error(self, request: Any, client_address: Any) -> None:
        error = sys.exc_info()[1]
        if isinstance(error, (ConnectionError, TimeoutError)):
            return
        self.log(f"preview: a request failed: {type(error).__name__}: {error}")


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


SITE_FORMATS = ("html",)  # what a save rebuilds first; the rest follows in the background
BACKGROUND_NICENESS = 10  # the background build yields the cores to the next save's site


@dataclass(frozen=True)
class _Later:
    """A background build: FORMATS of PROGRAMME, after the site of VERSION was written."""

    programme: Programme
    options: Options
    formats: list[str]
    linked: list[str]
    version: int


class Background:
    """One thread that runs BUILD for the newest job handed to it: a job handed in while
    one runs replaces any other waiting (only the newest save matters). The thread and the
    workers it forks run at a lower priority, so that the next save's site comes first."""

    def __init__(self, build: Callable[[_Later], None]) -> None:
        self._build = build
        self._waiting: _Later | None = None
        self._busy = False
        self._stopped = False
        self._condition = threading.Condition()
        self._thread = threading.Thread(target=self._run, name="namconvert-background",
                                        daemon=True)
        self._thread.start()

    def submit(self, job: _Later) -> None:
        with self._condition:
            self._waiting = job
            self._condition.notify_all()

    def idle(self, seconds: float) -> bool:
        with self._condition:
            return self._condition.wait_for(
                lambda: self._waiting is None and not self._busy, timeout=seconds)

    def stop(self) -> None:
        with self._condition:
            self._stopped = True
            self._waiting = None
            self._condition.notify_all()

    def _run(self) -> None:
        with contextlib.suppress(OSError, AttributeError):  # Linux: a thread's own niceness
            os.setpriority(os.PRIO_PROCESS, threading.get_native_id(), BACKGROUND_NICENESS)
        while True:
            with self._condition:
                self._condition.wait_for(lambda: self._waiting is not None or self._stopped)
                if self._stopped:
                    return
                job, self._waiting, self._busy = self._waiting, None, True
            try:
                assert job is not None
                self._build(job)
            finally:
                with self._condition:
                    self._busy = False
                    self._condition.notify_all()


class Preview:
    """A preview server: build once, then rebuild on every relevant change."""

    def __init__(self, source: Path, options: Callable[[], Options], out_dir: Path,
                 port: int = 8000, formats: Sequence[str] | None = None,
                 log: Callable[[str], None] | None = None, *, strict: bool = False,
                 idle_seconds: float = IDLE_SECONDS) -> None:
        self.source = source
        self.strict = strict
        self.options = options  # re-read on every build: the settings file may have changed
        self.out_dir = out_dir.resolve()
        self.formats = formats
        self.state = BuildState()
        self.log = log or (lambda line: print(line, file=sys.stderr, flush=True))
        self._build_lock = threading.Lock()
        self._background = Background(self._build_later)
        self._stop = threading.Event()
        self._threads: list[threading.Thread] = []
        check_port(port)
        self.out_dir.mkdir(parents=True, exist_ok=True)
        handler = type("Handler", (PreviewHandler,), {"state": self.state,
                                                      "timeout": idle_seconds})
        try:
            self.server = PreviewServer(
                (HOST, port), functools.partial(handler, directory=str(self.out_dir)))
        except OSError as exc:
            raise ServeError(f"cannot listen on {HOST}:{port}: {exc.strerror or exc} "
                             "(choose another --port)") from None
        self.server.log = self.log

    @property
    def url(self) -> str:
        return f"http://{HOST}:{self.server.server_address[1]}/"

    def rebuild(self) -> bool:
        """Read the source and write the site (or every format, without one); hand the other
        formats to the background. On failure report the error and keep the previous output.
        """
        def report(finding: Diagnostic) -> None:
            self.log(finding.format())

        with self._build_lock:
            try:
                options = self.options()
                names = resolve_formats(self.formats)
                first = [n for n in names if n in SITE_FORMATS] or names
                programme = read_programme(self.source, options, strict=self.strict,
                                           report=report)
                write_outputs(programme, self.source, options, self.out_dir, first,
                              linked=names, report=report,
                              display=progress.Display(first, force=False))
            except NamconvertError as exc:
                error = "\n".join(d.format() for d in exc.diagnostics())
                self.log(error)
                self.state.record(error)
                return False
            rest = [n for n in names if n not in first]
            version = self.state.record(None, rest)
            self.log(f"built {', '.join(first)} in {self.out_dir} ({self.url})")
            if rest:
                self._background.submit(_Later(programme, options, rest, names, version))
            return True

    def _build_later(self, job: _Later) -> None:
        """The background build of the formats the site went ahead of."""
        try:
            write_outputs(job.programme, self.source, job.options, self.out_dir, job.formats,
                          linked=job.linked, report=lambda finding: None,
                          display=progress.Display(job.formats, force=False))
        except NamconvertError as exc:
            error = "\n".join(d.format() for d in exc.diagnostics())
        except Exception as exc:  # a bug: said, and the preview goes on
            error = f"the background build failed: {type(exc).__name__}: {exc}"
        else:
            self.state.caught_up(job.formats, job.version)
            self.log(f"built {', '.join(job.formats)} in {self.out_dir}")
            return
        self.log(error)
        self.state.caught_up(job.formats, job.version, error)

    def wait_for_background(self, seconds: float) -> bool:
        """Wait until the background has nothing to do; whether it got there (tests, tools)."""
        return self._background.idle(seconds)

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
        self._background.stop()
        self.state.wake()
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
    check_port(port)
    if not source.is_file():  # a FIFO or a device is refused here, as by every build
        raise ServeError(f"no such file: {source}" if not source.exists() else
                         f"is {kind_of(source.stat().st_mode)}, not a file to read", source)
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
