"""``namconvert serve``: a local preview that rebuilds on change and reloads the page."""

from __future__ import annotations

import json
import os
import shutil
import socket
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from namconvert.cli import main
from namconvert.config import Options, make_options
from namconvert.serve import (
    SCRIPT_PATH,
    SCRIPT_TAG,
    STATE_PATH,
    Preview,
    ServeError,
    inject_reload,
    is_relevant,
)
from namconvert.templating import builtin_templates
from support import SOURCE


def get(url: str) -> tuple[int, str, str]:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status, response.headers["Content-Type"], response.read().decode()
    except urllib.error.HTTPError as exc:
        return exc.code, "", ""


def wait_for(check: Callable[[], bool], seconds: float = 20) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if check():
            return
        time.sleep(0.1)
    raise AssertionError("timed out waiting for a rebuild")


class Site:
    def __init__(self, preview: Preview, folder: Path) -> None:
        self.preview = preview
        self.folder = folder
        self.readme = folder / "README.md"

    def state(self) -> dict[str, object]:
        return json.loads(get(self.preview.url + STATE_PATH.lstrip("/"))[2])

    def page(self) -> str:
        return get(self.preview.url)[2]

    def edit(self, old: str, new: str, path: Path | None = None) -> int:
        """Change a watched file; return the build version the change must produce."""
        path = path or self.readme
        before = int(self.state()["version"])  # type: ignore[call-overload]
        text = path.read_text(encoding="utf-8")
        assert old in text
        path.write_text(text.replace(old, new, 1), encoding="utf-8")
        return before + 1

    def wait_version(self, version: int) -> dict[str, object]:
        wait_for(lambda: int(self.state()["version"]) >= version)  # type: ignore[call-overload]
        return self.state()


@pytest.fixture()
def site(tmp_path: Path) -> Iterator[Site]:
    folder = tmp_path / "source"
    shutil.copytree(SOURCE.parent, folder)
    templates = tmp_path / "templates" / "html"
    templates.mkdir(parents=True)
    shutil.copy(builtin_templates() / "html" / "index.html.jinja", templates)

    def options() -> Options:
        return make_options(folder / "README.md", {"templates": tmp_path / "templates"})

    with Preview(folder / "README.md", options, tmp_path / "out", port=0, formats=["html"],
                 log=lambda line: None) as preview:
        yield Site(preview, folder)


def test_inject_reload_goes_before_the_head_ends():
    page = "<html><head><title>x</title></head><body></body></html>"
    assert inject_reload(page) == (f"<html><head><title>x</title>{SCRIPT_TAG}\n</head>"
                                   "<body></body></html>")
    assert inject_reload("<p>no head</p>").endswith(SCRIPT_TAG + "\n")


def test_only_the_source_its_settings_and_templates_trigger_a_build(tmp_path):
    source = tmp_path / "src" / "README.md"
    files = {source, tmp_path / "src" / "namconvert.toml"}
    trees = [tmp_path / "templates"]
    out = tmp_path / "src" / "build"

    def relevant(path: Path) -> bool:
        return is_relevant(path, files, trees, out)

    assert relevant(source)
    assert relevant(tmp_path / "src" / "namconvert.toml")
    assert relevant(tmp_path / "templates" / "html" / "assets" / "style.css")
    assert not relevant(tmp_path / "src" / "notes.txt")
    assert not relevant(out / "index.html")


def test_serves_the_build_on_loopback_with_the_reload_script(site):
    assert site.preview.server.server_address[0] == "127.0.0.1"
    status, media_type, body = get(site.preview.url)
    assert status == 200 and media_type.startswith("text/html")
    assert SCRIPT_TAG in body and "NAM 2022" in body
    on_disk = (site.preview.out_dir / "index.html").read_text(encoding="utf-8")
    assert SCRIPT_PATH not in on_disk, "the built file itself must stay clean"
    status, media_type, script = get(site.preview.url + SCRIPT_PATH.lstrip("/"))
    assert status == 200 and "javascript" in media_type and STATE_PATH in script
    assert site.state() == {"version": 1, "error": None, "stale": [], "stale_error": None,
                            "change": 1}
    assert get(site.preview.url + "assets/style.css")[0] == 200
    assert get(site.preview.url + "__namconvert/nothing")[0] == 404


def test_an_edit_to_the_source_rebuilds_and_bumps_the_version(site):
    version = site.edit("# NAM 2022", "# NAM 2023")
    assert site.wait_version(version)["error"] is None
    assert "NAM 2023 - ML sessions" in site.page()


def test_a_broken_edit_keeps_the_last_good_page_and_reports_the_error(site):
    version = site.edit("16:35-16:55", "16:95-16:55")
    state = site.wait_version(version)
    assert isinstance(state["error"], str)
    assert "README.md:19:" in state["error"] and "16:95" in state["error"]
    assert "The power (and caveats)" in site.page()
    version = site.edit("16:95-16:55", "16:35-16:55")
    assert site.wait_version(version)["error"] is None


def test_a_template_edit_rebuilds(site, tmp_path):
    template = tmp_path / "templates" / "html" / "index.html.jinja"
    version = site.edit("<main ", '<p id="edited">edited</p>\n<main ', template)
    site.wait_version(version)
    assert 'id="edited"' in site.page()


def test_a_settings_edit_rebuilds(site):
    version = site.edit('timezone = "Europe/London"', 'timezone = "America/New_York"',
                        site.folder / "namconvert.toml")
    site.wait_version(version)
    assert "America/New_York (EDT, UTC-04:00)" in site.page()


def test_a_busy_port_is_a_clear_error(site, tmp_path):
    port = site.preview.server.server_address[1]
    with pytest.raises(ServeError, match=f"cannot listen on 127.0.0.1:{port}"):
        Preview(site.readme, Options, tmp_path / "other", port=port)


def test_cli_serve_reports_a_missing_source_without_a_traceback(tmp_path, capsys):
    assert main(["serve", str(tmp_path / "missing.md"), "--port", "0"]) == 1
    err = capsys.readouterr().err
    assert "missing.md" in err and "Traceback" not in err


def test_cli_serve_refuses_the_source_folder_before_listening(tmp_path, capsys):
    readme = tmp_path / "README.md"
    shutil.copy(SOURCE, readme)
    before = readme.read_bytes()
    assert main(["serve", str(readme), "-o", str(tmp_path), "--port", "0"]) == 1
    assert capsys.readouterr().err == (
        f"{tmp_path}: error: holds the source README.md, which a build would overwrite; "
        "choose an output folder of its own (e.g. build) [output]\n")
    assert readme.read_bytes() == before and sorted(tmp_path.iterdir()) == [readme]


# -- a good local citizen: Host check, clean paths, HEAD as GET, idle connections closed -----


def raw(preview: Preview, request: bytes, timeout: float = 10) -> tuple[int, dict[str, str], bytes]:
    """Send REQUEST as it is; the status, headers and body of the answer."""
    port = preview.server.server_address[1]
    with socket.create_connection(("127.0.0.1", port), timeout=timeout) as connection:
        connection.sendall(request)
        answer = b""
        while chunk := connection.recv(65536):
            answer += chunk
    head, _, body = answer.partition(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    headers = dict(line.split(": ", 1) for line in lines[1:] if ": " in line)
    return int(lines[0].split()[1]), headers, body


def request(method: str, path: str, host: str | None = "127.0.0.1") -> bytes:
    host_line = f"Host: {host}\r\n" if host is not None else ""
    return f"{method} {path} HTTP/1.1\r\n{host_line}Connection: close\r\n\r\n".encode("latin-1")


@pytest.mark.parametrize("host", ["evil.example", "evil.example:8000", "127.0.0.1.evil.example",
                                  "localhost.evil.example", "", None])
def test_a_request_for_another_host_is_refused(site: Site, host: str | None) -> None:
    status, _, body = raw(site.preview, request("GET", "/", host))
    assert status == 403
    assert b"NAM 2022" not in body


@pytest.mark.parametrize("host", ["127.0.0.1", "localhost", "LOCALHOST:8000", "127.0.0.1:1"])
def test_this_machines_names_are_served(site: Site, host: str) -> None:
    status, _, body = raw(site.preview, request("GET", "/", host))
    assert status == 200 and b"NAM 2022" in body


@pytest.mark.parametrize("path", ["/%00", "/index.html%00.txt", "/%ff%fe", "/a%0d%0aSet-Cookie:x",
                                  "index.html", "/\x01"])
def test_a_bad_url_is_a_400_and_the_server_goes_on(site: Site, path: str,
                                                   capfd: pytest.CaptureFixture[str]) -> None:
    status, _, _ = raw(site.preview, request("GET", path))
    assert status == 400
    assert get(site.preview.url)[0] == 200
    assert "Traceback" not in capfd.readouterr().err


@pytest.mark.parametrize("path", ["/", "/index.html", "/assets/style.css", STATE_PATH,
                                  SCRIPT_PATH, "/missing.html", "/.namconvert"])
def test_head_and_get_agree(site: Site, path: str) -> None:
    get_status, get_headers, body = raw(site.preview, request("GET", path))
    head_status, head_headers, head_body = raw(site.preview, request("HEAD", path))
    assert head_status == get_status
    assert head_body == b""
    for header in ("Content-Type", "Content-Length"):
        assert head_headers.get(header) == get_headers.get(header), header
    if get_status == 200:
        assert int(get_headers["Content-Length"]) == len(body)


def test_the_marker_and_staging_folders_are_not_served(site: Site) -> None:
    assert (site.preview.out_dir / ".namconvert").is_file()
    assert raw(site.preview, request("GET", "/.namconvert"))[0] == 404


def test_an_idle_connection_is_closed(tmp_path: Path) -> None:
    folder = tmp_path / "source"
    shutil.copytree(SOURCE.parent, folder)
    with Preview(folder / "README.md", lambda: make_options(folder / "README.md"),
                 tmp_path / "out", port=0, formats=["json"], log=lambda line: None,
                 idle_seconds=0.5) as preview:
        port = preview.server.server_address[1]
        with socket.create_connection(("127.0.0.1", port), timeout=10) as connection:
            started = time.monotonic()
            connection.sendall(b"GET / HTTP/1.1\r\n")  # and never the rest
            assert connection.recv(65536) == b""  # closed by the server
            assert time.monotonic() - started < 5


@pytest.mark.parametrize("port", ["99999", "-1", "65536"])
def test_a_port_out_of_range_is_a_message(tmp_path: Path, port: str,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    readme = tmp_path / "README.md"
    shutil.copy(SOURCE, readme)
    assert main(["serve", str(readme), "-o", str(tmp_path / "out"), "--port", port]) == 1
    assert capsys.readouterr().err == (f"--port: error: port {port} is out of range (use 1 to "
                                       "65535, or 0 for any free one) [serve]\n")
    assert not (tmp_path / "out").exists()


def test_serve_refuses_a_fifo_as_source_at_once(tmp_path, capsys):
    fifo = tmp_path / "README.md"
    os.mkfifo(fifo)  # with no writer: reading it would wait for ever
    assert main(["serve", str(fifo), "-o", str(tmp_path / "out"), "--port", "0"]) == 1
    assert capsys.readouterr().err == (f"{fifo}: error: is a FIFO (named pipe), not a file to "
                                       "read [serve]\n")


def states_until(preview: Preview, done: Callable[[dict[str, object]], bool],
                 seconds: float = 60) -> list[dict[str, object]]:
    """Every state the page's script would see (its long poll) until DONE says so."""
    seen: list[dict[str, object]] = []
    change = json.loads(get(preview.url + STATE_PATH.lstrip("/"))[2])["change"]
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        state = json.loads(get(f"{preview.url}{STATE_PATH.lstrip('/')}?after={change}")[2])
        if state["change"] != change:
            seen.append(state)
            change = state["change"]
            if done(state):
                return seen
    raise AssertionError(f"timed out; states seen: {seen}")


@pytest.fixture()
def full(tmp_path: Path) -> Iterator[Site]:
    """A preview of the site, the booklet and the calendars."""
    folder = tmp_path / "source"
    shutil.copytree(SOURCE.parent, folder)
    with Preview(folder / "README.md", lambda: make_options(folder / "README.md"),
                 tmp_path / "out", port=0, formats=["html", "pdf", "ics"],
                 log=lambda line: None) as preview:
        assert preview.wait_for_background(120)
        yield Site(preview, folder)


def test_a_save_writes_the_site_first_and_the_rest_after_it(full: Site) -> None:
    out = full.preview.out_dir
    assert full.state()["stale"] == []
    booklet = (out / "programme.pdf").read_bytes()
    assert "NAM 2022" in full.page() and b"NAM 2023" not in (out / "programme.ics").read_bytes()
    version = full.edit("# NAM 2022", "# NAM 2023")
    states = states_until(full.preview, lambda s: s["version"] == version and not s["stale"])
    first = next(s for s in states if s["version"] == version)
    # The site is written, the page told to reload, while the booklet and calendars are not.
    assert first["stale"] == ["ics", "pdf"] and first["error"] is None
    assert states[-1]["stale"] == [] and states[-1]["stale_error"] is None
    assert "NAM 2023" in full.page()
    assert (out / "programme.pdf").read_bytes() != booklet
    assert b"NAM 2023" in (out / "programme.ics").read_bytes()
    # The site still links to the formats it went ahead of.
    assert "programme.pdf" in full.page()


def test_a_site_written_first_is_a_site_written_alone(full: Site, tmp_path: Path) -> None:
    full.edit("# NAM 2022", "# NAM 2023")
    states_until(full.preview, lambda s: s["version"] == 2 and not s["stale"])
    alone = tmp_path / "alone"
    assert main(["build", str(full.readme), "-o", str(alone), "--format", "html,pdf,ics"]) == 0
    for page in ("index.html", "programme.ics"):
        assert (full.preview.out_dir / page).read_bytes() == (alone / page).read_bytes()


def test_a_save_while_the_rest_is_built_gets_its_site_at_once(full: Site) -> None:
    first = full.edit("# NAM 2022", "# NAM 2023")
    states_until(full.preview, lambda s: s["version"] == first)
    second = full.edit("# NAM 2023", "# NAM 2024")  # the booklet of NAM 2023 is being made
    states = states_until(full.preview, lambda s: s["version"] == second and not s["stale"])
    at_second = next(s for s in states if s["version"] == second)
    assert at_second["stale"] == ["ics", "pdf"]
    assert "NAM 2024" in full.page()
    assert b"NAM 2024" in (full.preview.out_dir / "programme.ics").read_bytes()


def test_a_failed_background_format_stays_stale_with_its_error(full: Site,
                                                               tmp_path: Path) -> None:
    # A booklet stylesheet WeasyPrint cannot lay out is not the site's business.
    templates = tmp_path / "templates"
    shutil.copytree(builtin_templates() / "pdf", templates / "pdf")
    broken = sorted((templates / "pdf").rglob("*.jinja"))[0]
    broken.write_text("{% if %}", encoding="utf-8")
    full.preview.options = lambda: make_options(full.readme, {"templates": templates})
    version = full.edit("# NAM 2022", "# NAM 2023")
    states = states_until(full.preview,
                          lambda s: s["version"] == version and bool(s["stale_error"]))
    assert states[-1]["error"] is None and states[-1]["stale"] == ["ics", "pdf"]  # all or none
    assert "NAM 2023" in full.page()


def test_the_reload_script_asks_with_a_long_poll(site: Site) -> None:
    script = get(site.preview.url + SCRIPT_PATH.lstrip("/"))[2]
    assert "?after=" in script and "namconvert-stale" in script
    change = site.state()["change"]
    site.edit("# NAM 2022", "# NAM 2023")  # answered by the rebuild, not the poll's time-out
    answer = json.loads(get(f"{site.preview.url}{STATE_PATH.lstrip('/')}?after={change}")[2])
    assert answer["change"] != change and answer["version"] == 2
