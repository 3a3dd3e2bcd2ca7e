"""Hostile input: a fixture full of scripts, remote and local resources and template syntax,
built into every format while an HTTP server on 127.0.0.1 counts the requests it gets.

tests/fixtures/hostile/README.md names the server as ``HOSTILE``; the test writes a copy
with the server's address in its place.
"""

from __future__ import annotations

import http.server
import io
import json
import os
import re
import shutil
import subprocess
import sys
import threading
import urllib.request
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, replace
from pathlib import Path
from urllib.parse import urlsplit

import icalendar
import lxml.etree
import pikepdf
import pypdf
import pytest
from bs4 import BeautifulSoup, Tag

from namconvert.build import write_outputs
from namconvert.cli import main
from namconvert.config import DEFAULT_MAX_BYTES, Options, make_options
from namconvert.links import LINK_SCHEMES, allowed_url
from namconvert.parse import parse_file
from namconvert.parse.text import INLINE_TAGS
from namconvert.render import FORMATS
from namconvert.templating import builtin_templates
from support import FIXTURES, ROOT, SOURCE

HOSTILE = FIXTURES / "hostile" / "README.md"
PASSWD = Path("/etc/passwd")
# What /etc/passwd holds on every Unix: the root account's line starts so.
PASSWD_MARKERS = ["root:x:0:0", "root:*:0:0", "/bin/sh", "/usr/sbin/nologin"]
ALLOWED_TAGS = INLINE_TAGS  # b i em strong sup sub code br p a


class Recorder(http.server.ThreadingHTTPServer):
    """An HTTP server that remembers every connection and request it receives."""

    def __init__(self) -> None:
        self.connections = 0
        self.requests: list[str] = []
        super().__init__(("127.0.0.1", 0), Handler)


class Handler(http.server.BaseHTTPRequestHandler):
    server: Recorder

    def setup(self) -> None:
        self.server.connections += 1
        super().setup()

    def _answer(self) -> None:
        self.server.requests.append(f"{self.command} {self.path}")
        body = b"@import url(/more.css); body { color: red }"
        self.send_response(200)
        self.send_header("Content-Type", "text/css")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    do_GET = do_HEAD = do_POST = do_OPTIONS = _answer

    def log_message(self, format: str, *args: object) -> None:
        pass


@dataclass
class Built:
    source: Path
    out: Path
    server: Recorder
    host: str  # "127.0.0.1:PORT"
    texts: dict[str, str]  # every output file (and EPUB member) as text; PDFs as their text


def _texts(out: Path) -> dict[str, str]:
    texts: dict[str, str] = {}
    for path in sorted(out.rglob("*")):
        if not path.is_file():
            continue
        name = str(path.relative_to(out))
        data = path.read_bytes()
        texts[name] = data.decode("latin-1")
        if path.suffix == ".epub":
            with zipfile.ZipFile(path) as archive:
                for member in archive.namelist():
                    texts[f"{name}!{member}"] = archive.read(member).decode("utf-8", "replace")
        if path.suffix == ".pdf":
            reader = pypdf.PdfReader(io.BytesIO(data))
            texts[f"{name}!text"] = "\n".join(page.extract_text() for page in reader.pages)
    return texts


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Built]:
    server = Recorder()
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    host = f"127.0.0.1:{server.server_address[1]}"
    folder = tmp_path_factory.mktemp("hostile")
    source = folder / "README.md"
    source.write_text(HOSTILE.read_text(encoding="utf-8").replace("HOSTILE", host),
                      encoding="utf-8")
    options = replace(make_options(source), source_date_epoch=1_688_000_000)
    programme = parse_file(source, options).programme
    assert programme is not None
    out = folder / "build"
    written = write_outputs(programme, source, options, out, None)
    assert written
    try:
        yield Built(source, out, server, host, _texts(out))
    finally:
        server.shutdown()
        server.server_close()


def test_every_format_was_built(built: Built) -> None:
    main_files = {"json": "programme.json", "readme": "README.md", "ics": "programme.ics",
                  "frab_xml": "schedule.xml", "frab_json": "schedule.json",
                  "epub": "programme.epub", "pdf": "programme.pdf", "html": "index.html"}
    assert set(main_files) == set(FORMATS)
    assert all(name in built.texts for name in main_files.values())


def test_the_server_received_no_request(built: Built) -> None:
    assert built.server.requests == []
    assert built.server.connections == 0
    # The recorder works: a request now is counted (so the zero above means something).
    with urllib.request.urlopen(f"http://{built.host}/probe.css", timeout=5) as answer:
        assert answer.status == 200
    assert built.server.requests == ["GET /probe.css"]
    built.server.requests.clear()
    built.server.connections = 0


def test_the_fixture_does_name_the_server_and_the_local_file() -> None:
    text = HOSTILE.read_text(encoding="utf-8")
    for needle in ('<img src="http://HOSTILE/', '<link rel="stylesheet" href="http://HOSTILE/',
                   '@import url("http://HOSTILE/', '<iframe src="http://HOSTILE/',
                   '<object data="http://HOSTILE/', "file:///etc/passwd", '"/etc/passwd"',
                   "<script>", "onerror=", "onmouseover=", "javascript:", "data:", "{{ 7*7 }}",
                   "{% for x in range(3) %}"):
        assert needle in text, needle


def test_no_output_holds_a_local_file(built: Built) -> None:
    markers = list(PASSWD_MARKERS[:2])
    if PASSWD.is_file():  # its first line, whatever the system
        first = PASSWD.read_text(encoding="utf-8", errors="replace").splitlines()[0]
        markers.append(first)
    for name, text in built.texts.items():
        for marker in markers:
            assert marker not in text, f"{name} holds {marker!r}"


def test_no_pdf_embeds_files_or_actions_other_than_web_links(built: Built) -> None:
    for name in ("programme.pdf", "programme-print.pdf"):
        reader = pypdf.PdfReader(built.out / name)
        assert not list(reader.attachments), name
        root = reader.trailer["/Root"].get_object()
        assert "/OpenAction" not in root and "/AA" not in root, name
        names = root.get("/Names")
        assert names is None or "/JavaScript" not in names.get_object(), name
        for page in reader.pages:
            for annotation in page.get("/Annots") or []:
                action = annotation.get_object().get("/A")
                if action is None:
                    continue
                action = action.get_object()
                assert action["/S"] in ("/URI", "/GoTo"), (name, action)
                if action["/S"] == "/URI":
                    assert urlsplit(str(action["/URI"])).scheme in LINK_SCHEMES, action


# A reference that makes a reader fetch the server: a source, a stylesheet, an import, a frame.
RESOURCE = [r"""\b(?:src|data|poster|srcset|background)\s*=\s*["']?[^"'>\s]*{host}""",
            r"""<link\b[^>]*{host}""", r"""@import[^;]*{host}""", r"""url\(\s*["']?[^)]*{host}""",
            r"""<(?:iframe|object|embed|img|script|style|video|audio|source)\b[^>]*{host}"""]


def test_no_output_references_the_server_as_a_resource(built: Built) -> None:
    patterns = [re.compile(p.format(host=re.escape(built.host)), re.IGNORECASE) for p in RESOURCE]
    for name, text in built.texts.items():
        for pattern in patterns:
            assert not pattern.search(text), f"{name}: {pattern.search(text)}"
    # The one use the fixture makes of the server that is allowed: an ordinary link.
    assert f'<a href="http://{built.host}/page">a link to the server</a>' in \
        built.texts["index.html"]


def _markup(built: Built) -> dict[str, str]:
    return {name: text for name, text in built.texts.items()
            if name == "index.html" or name.endswith(".xhtml")}


def test_no_resource_in_html_or_epub_is_outside_the_output(built: Built) -> None:
    for name, text in _markup(built).items():
        soup = BeautifulSoup(text, "html.parser")
        for tag in soup.find_all(True):
            refs = [tag.get(a) for a in ("src", "data", "poster", "srcset", "background")]
            if tag.name == "link":
                refs.append(tag.get("href"))
            for ref in refs:
                if isinstance(ref, str):
                    assert not urlsplit(ref).scheme and not ref.startswith("/"), (name, tag)


def test_no_script_from_the_fixture(built: Built) -> None:
    soup = BeautifulSoup(built.texts["index.html"], "html.parser")
    scripts = soup.find_all("script")
    # The site's own script: one file from its assets folder, nothing inline.
    assert [(s.get("src") or "").split("?")[0] for s in scripts] == ["assets/site.js"]
    assert all(not s.string for s in scripts)
    for name, text in built.texts.items():
        if name.endswith(".xhtml"):
            assert "<script" not in text, name
        for needle in ("alert(", "document.write", "pwned", "document.cookie", "onerror",
                       "onmouseover", "javascript:"):
            assert needle not in text, f"{name} holds {needle!r}"


def test_template_syntax_is_neither_evaluated_nor_published(built: Built) -> None:
    # Template tags are the site generator's, not the programme's (issue 11): they are
    # blanked before reading, so nothing evaluates them and no output shows them.
    soup = BeautifulSoup(built.texts["index.html"], "html.parser")
    heading = soup.find(id="2023-07-03-0920-script-link-title-title")
    assert heading is not None
    assert " ".join(heading.get_text().split()) == "Script link title"
    abstracts = " ".join(" ".join(t.get_text().split()) for t in soup.select(".abstract-text"))
    assert "Template syntax and stays as written" in abstracts
    for tag in soup.select(".title, .abstract-text"):
        assert "49" not in tag.get_text() and "012" not in tag.get_text()
    for name, text in built.texts.items():
        assert "{{ 7*7 }}" not in text and "{% for x" not in text, name
    calendar = icalendar.Calendar.from_ical((built.out / "programme.ics").read_bytes())
    summaries = {str(e["SUMMARY"]) for e in calendar.walk("VEVENT")}
    assert "Script link title" in summaries


def _only_allowed(fragment: Tag, where: str) -> None:
    for tag in fragment.find_all(True):
        assert tag.name in ALLOWED_TAGS, f"{where}: {tag}"
        allowed = {"href"} if tag.name == "a" else set()
        assert set(tag.attrs) <= allowed, f"{where}: {tag}"
        if "href" in tag.attrs:
            assert urlsplit(str(tag["href"])).scheme in LINK_SCHEMES, f"{where}: {tag}"


def test_only_inline_formatting_and_web_links_remain_in_titles_and_abstracts(built: Built) -> None:
    soup = BeautifulSoup(built.texts["index.html"], "html.parser")
    fragments = soup.select("h4.title, .abstract-text")
    assert len(fragments) >= 7  # five talk titles, two abstracts
    for fragment in fragments:
        _only_allowed(fragment, "index.html")
    abstract = soup.select(".abstract-text")[0]
    # What is allowed survives: the test would see it if the sanitiser dropped too much.
    assert [t.name for t in abstract.find_all(True)] == ["em", "code", "sub", "sup", "a"]
    for name, text in _markup(built).items():
        for forbidden in ("<iframe", "<object", "<embed", "<form", "<svg:script", "@import"):
            assert forbidden not in text, f"{name} holds {forbidden}"


def test_check_warns_about_each_dropped_link(built: Built,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", str(built.source), "--timezone", "Europe/London"]) == 0
    lines = capsys.readouterr().err.replace(str(built.source), "README.md").splitlines()
    kept = "dropped (only absolute http, https and plain mailto links are kept) [link.scheme]"
    assert lines == [
        f"README.md:5:1: warning: link with a javascript: URL 'javascript:alert(document.cookie)' "
        f"{kept}",
        f"README.md:19:1: warning: link with a file: URL 'file:///etc/passwd' {kept}",
        f"README.md:24:1: warning: link with a javascript: URL 'javascript:alert(4)' {kept}",
        "README.md:27:1: warning: link with a data: URL "
        f"'data:text/html;base64,PHNjcmlwdD5hbGVydCg1KTwvc2NyaXB0Pg==' {kept}",
        f"README.md:27:1: warning: link with a file: URL 'file:///etc/passwd' {kept}",
        f"README.md:36:1: warning: link with a file: URL 'file:///etc/passwd' {kept}",
        "README.md:51:1: warning: link with a data: URL "
        f"'data:text/html,%3Cscript%3Ealert(6)%3C/script%3E' {kept}",
    ]
    # And none of them reaches the model.
    programme = parse_file(built.source, make_options(built.source)).programme
    assert programme is not None
    sessions = [s for d in programme.days for s in d.sessions]
    assert [s.url for s in sessions] == [None, None, None]
    assert [s.title for s in sessions] == ["Session with a script link",
                                          "Session with a file link", "Session with a data link"]


# -- links and text: only absolute web and plain mail links, no control characters ---------

LINKS = FIXTURES / "hostile" / "links-and-text.md"
# What the fixture links to and sanitising must drop: none may be in any output, as a link
# or as text (the link texts say other things).
DROPPED_TARGETS = ["venue.md", "archive.evil.example", "sessions/first.html", "etc/passwd",
                   "slides/talk.pdf", "cdn.evil.example", "nowhere-fragment", "eve@example.org",
                   "notes/grace.md", "refs/grace.html", "no-host"]
# C0 controls but tab, newline and carriage return (the ICS line end), DEL, C1.
CONTROLS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]|\\u00(?:[01][0-9a-f]|7f|[89][0-9a-f])",
                      re.IGNORECASE)


@pytest.fixture(scope="module")
def links_built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, str]]:
    folder = tmp_path_factory.mktemp("links")
    source = folder / "README.md"
    shutil.copy(LINKS, source)
    options = replace(make_options(source), source_date_epoch=1_688_000_000)
    programme = parse_file(source, options).programme
    assert programme is not None
    out = folder / "build"
    assert write_outputs(programme, source, options, out, None)
    return out, _texts(out)


def test_the_links_fixture_does_hold_what_must_be_dropped() -> None:
    text = LINKS.read_text(encoding="utf-8")
    for target in DROPPED_TARGETS:
        assert target in text, target
    for char in ("\x07", "\x1b", "\x7f", "\x85", "\u202e", "&#27;", "&#x202E;"):
        assert char in text, repr(char)


def test_check_warns_about_each_relative_link_and_control_character(
        capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", str(LINKS), "--timezone", "UTC"]) == 0
    lines = capsys.readouterr().err.replace(str(LINKS), "F").splitlines()
    kept = "dropped (only absolute http, https and plain mailto links are kept)"
    assert lines == [
        "F:1:30: warning: a control character removed (U+0007) [text.control]",
        f"F:2:1: warning: relative link 'venue.md' {kept} [link.relative]",
        f"F:2:1: warning: protocol-relative link '//archive.evil.example/old' {kept} "
        "[link.relative]",
        f"F:5:1: warning: relative link '../sessions/first.html' {kept} [link.relative]",
        "F:13:1: warning: an unpaired bidirectional control removed from the slot title "
        "(U+202E RIGHT-TO-LEFT OVERRIDE) [text.bidi]",
        "F:13:1: warning: a control character removed from the slot abstract (U+001B) "
        "[text.control]",
        "F:13:1: warning: an unpaired bidirectional control removed from the slot abstract "
        "(U+202E RIGHT-TO-LEFT OVERRIDE) [text.bidi]",
        "F:15:14: warning: a control character removed (U+001B) [text.control]",
        f"F:16:1: warning: relative link '../../etc/passwd' {kept} [link.relative]",
        f"F:19:1: warning: relative link '/slides/talk.pdf' {kept} [link.relative]",
        f"F:19:1: warning: protocol-relative link '//cdn.evil.example/x.js' {kept} "
        "[link.relative]",
        f"F:19:1: warning: relative link '#nowhere-fragment' {kept} [link.relative]",
        "F:19:1: warning: mailto: link with more than addresses "
        f"'mailto:ada@example.org?bcc=eve@example.org' {kept} [link.mailto]",
        "F:19:1: warning: mailto: link with more than addresses "
        f"'mailto:ada@example.org%0d%0abcc:eve@example.org' {kept} [link.mailto]",
        "F:19:482: warning: 3 control characters removed (U+0007, U+007F, U+0085) "
        "[text.control]",
        f"F:27:1: warning: relative link 'notes/grace.md' {kept} [link.relative]",
        f"F:27:1: warning: relative link '../refs/grace.html' {kept} [link.relative]",
        f"F:28:1: warning: malformed web link 'https:no-host' {kept} [link.scheme]",
    ]


def test_no_output_holds_a_dropped_link_target(links_built: tuple[Path, dict[str, str]]) -> None:
    _, texts = links_built
    assert len([name for name in texts if "!" not in name]) > 8  # every format was built
    for name, text in texts.items():
        for target in DROPPED_TARGETS:
            assert target not in text, f"{name} holds {target!r}"
    # The kept links are there, so the scan would see a dropped one.
    assert 'href="https://example.org/kept"' in texts["index.html"]
    assert 'href="mailto:ada@example.org"' in texts["index.html"]


def _resolves_inside(href: str, page: str, names: set[str], ids: set[str]) -> bool:
    """Whether HREF, a link the tool wrote, leads to a file of the output or an id of PAGE."""
    parts = urlsplit(href)
    if parts.scheme or parts.netloc or href.startswith("/"):
        return False
    target = parts.path and str(Path(page).parent / parts.path).removeprefix("./")
    if target:
        return target in names
    return parts.fragment in ids


def test_every_link_in_html_and_epub_is_a_web_link_or_leads_inside(
        links_built: tuple[Path, dict[str, str]]) -> None:
    out, texts = links_built
    site_files = {name for name in texts if "!" not in name}
    pages = {name: text for name, text in texts.items()
             if name.endswith(".html") and "!" not in name}
    with zipfile.ZipFile(out / "programme.epub") as epub:
        members = set(epub.namelist())
        pages |= {f"programme.epub!{m}": epub.read(m).decode("utf-8") for m in members
                  if m.endswith((".xhtml", ".html"))}
    checked = 0
    for name, text in pages.items():
        soup = BeautifulSoup(text, "html.parser")
        ids = {str(tag["id"]) for tag in soup.find_all(id=True)}
        inside, page = (members, name.split("!", 1)[1]) if "!" in name else (site_files, name)
        for anchor in soup.find_all(["a", "area"], href=True):
            href = str(anchor["href"])
            checked += 1
            assert allowed_url(href) or _resolves_inside(href, page, inside, ids), \
                f"{name}: {anchor}"
    assert checked > 10


def test_every_pdf_link_is_a_web_link_and_no_pdf_holds_a_path(
        links_built: tuple[Path, dict[str, str]]) -> None:
    out, _ = links_built
    machine_paths = [str(ROOT), str(out), str(builtin_templates()), str(Path.home()), "file:"]
    for name in ("programme.pdf", "programme-print.pdf"):
        uris = []
        for page in pypdf.PdfReader(out / name).pages:
            for annotation in page.get("/Annots") or []:
                action = annotation.get_object().get("/A")
                if action is not None and action.get_object()["/S"] == "/URI":
                    uris.append(str(action.get_object()["/URI"]))
        assert all(allowed_url(uri) for uri in uris), (name, uris)
        if name == "programme.pdf":
            assert "https://example.org/kept" in uris and "mailto:ada@example.org" in uris
        # Every object and decoded stream of the file, as bytes.
        with pikepdf.open(out / name) as pdf:
            for obj in pdf.objects:
                data = obj.read_bytes() if isinstance(obj, pikepdf.Stream) else \
                    repr(obj).encode("utf-8", "replace")
                for path in machine_paths:
                    assert path.encode() not in data, (name, path)


def test_no_calendar_or_feed_link_is_relative(links_built: tuple[Path, dict[str, str]]) -> None:
    out, texts = links_built
    for path in [out / "programme.ics", *sorted((out / "ics").glob("*.ics"))]:
        calendar = icalendar.Calendar.from_ical(path.read_bytes())
        for component in calendar.walk():
            for key in ("URL", "ATTACH"):
                if key in component:
                    assert allowed_url(str(component[key])), (path.name, component[key])
    schedule = lxml.etree.fromstring((out / "schedule.xml").read_bytes())
    urls = [u.text for u in schedule.iter("url") if u.text] + \
        [str(link.get("href")) for link in schedule.iter("link")]
    assert "https://example.org/kept" in urls
    assert all(allowed_url(url) for url in urls), urls

    def strings(value: object) -> Iterator[tuple[str, str]]:
        if isinstance(value, dict):
            for key, item in value.items():
                if isinstance(item, str):
                    yield key, item
                yield from strings(item)
        elif isinstance(value, list):
            for item in value:
                yield from strings(item)

    # No relative link, not even to the site beside the file: a reader's app resolves it
    # against wherever it stored the file. frab JSON needs a url on every event: without a
    # base_url it is the event's own URN, which links nowhere.
    events = [e for day in json.loads(texts["schedule.json"])["schedule"]["conference"]["days"]
              for room in day["rooms"].values() for e in room]
    urns = {f"urn:uuid:{e['guid']}" for e in events}
    for name in ("schedule.json", "programme.json"):
        found = [v for k, v in strings(json.loads(texts[name])) if k in ("url", "href")]
        assert "https://example.org/kept" in found, name
        for url in found:
            assert allowed_url(url) or (name == "schedule.json" and url in urns), (name, url)
    assert urns & {e["url"] for e in events}  # the fixture has no base_url: the URN is used


def test_no_output_holds_a_control_character_or_an_unpaired_override(
        links_built: tuple[Path, dict[str, str]]) -> None:
    out, texts = links_built
    textual = {name: text for name, text in texts.items()
               if not name.endswith((".pdf", ".epub", ".png", ".woff2", ".ttf"))}
    textual |= {name: (out / name).read_text(encoding="utf-8") for name in textual
                if "!" not in name}  # as UTF-8, not Latin-1
    assert "programme.pdf!text" in textual
    for name, text in textual.items():
        assert not CONTROLS.search(text), f"{name}: {CONTROLS.search(text)}"
        assert text.count("\u202e") == text.count("\u202c"), name
    page = BeautifulSoup(texts["index.html"].encode("latin-1").decode("utf-8"), "html.parser")
    titles = [" ".join(t.get_text().split()) for t in page.select("h4.title")]
    assert "Relative title and a lone override" in titles
    assert "\u202epaired\u202c" in page.select(".abstract-text")[0].get_text()


# -- what the organiser hid is never published ----------------------------------------------

HIDDEN = {
    "reader/commented-out.md": ["Withdrawn Person", "A withdrawn talk", "Hidden Speaker",
                                "A hidden item"],
    "reader/fenced.md": ["Example Person", "Not a real talk", "Fence Person", "Still inside",
                         "Indented Person", "An indented code block", "2024-06-04",
                         "20240604"],
    "hostile/table-tricks.md": ["Withdrawn Person", "A withdrawn talk", "Fence Person",
                                "Still inside"],
}
# What each must still show: what follows a "</table>" in a comment or an attribute.
SHOWN = {"reader/commented-out.md": ["Compilers", "Codes", "Ciphers"],
         "reader/fenced.md": ["The only real talk"],
         "hostile/table-tricks.md": ["Engines", "Compilers after the attribute",
                                     "Codes still in the table", "Ciphers at the end"]}


@pytest.mark.parametrize("name", sorted(HIDDEN))
def test_what_is_commented_out_or_code_is_in_no_format(tmp_path: Path, name: str) -> None:
    source = tmp_path / "README.md"
    shutil.copy(FIXTURES / name, source)
    options = replace(make_options(source), source_date_epoch=1_717_000_000)
    programme = parse_file(source, options).programme
    assert programme is not None
    out = tmp_path / "build"
    write_outputs(programme, source, options, out, None)
    texts = _texts(out)
    assert {"index.html", "programme.ics", "schedule.xml", "schedule.json", "programme.json",
            "README.md", "programme.epub", "programme.pdf"} <= set(texts)
    epub = "".join(t for n, t in sorted(texts.items())
                   if n.startswith("programme.epub!") and n.endswith(".xhtml"))
    for file, text in [*[(n, texts[n]) for n in ("index.html", "programme.pdf!text",
                                                 "programme.ics", "schedule.xml", "README.md")],
                       ("programme.epub", epub)]:
        text = " ".join(text.replace("\r\n ", "").split())  # ICS folds long lines
        for title in SHOWN[name]:
            assert title in text, f"{file} lacks {title!r}"
    for file, text in texts.items():
        for hidden in HIDDEN[name]:
            assert hidden not in text, f"{file} holds {hidden!r}"


# -- limits: too large, not text -----------------------------------------------------------

LIMIT_CASES = {
    "configured-limit": (None, "README.md:1:1: error: input is {size:,} bytes, over the limit "
                         "of 1,000 (set max_bytes in namconvert.toml to raise it) [input]"),
    "nul-bytes": (b"# Meeting 2023\n\n## Monday (3 July)\n\x00\x01\x02\n",
                  "README.md:4:1: error: not a text file (contains NUL bytes) [input]"),
    "png": (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00",
            "README.md:3:1: error: not a text file (contains NUL bytes) [input]"),
    "latin-1": ("# Meeting 2023\n\n## Monday (3 July)\nCaf\u00e9 at 10:00\n".encode("latin-1"),
                "README.md:4:4: error: not UTF-8 text (byte 0xe9) [input]"),
    "utf-16": ("# Meeting 2023\n".encode("utf-16"),  # its ASCII half is NUL bytes
               "README.md:1:1: error: not a text file (contains NUL bytes) [input]"),
    "utf-8-then-garbage": (b"# Meeting 2023\n\n## Monday (3 July)\n\xf0\x28\x8c\x28\n",
                           "README.md:4:1: error: not UTF-8 text (byte 0xf0) [input]"),
}


@pytest.mark.parametrize("case", sorted(LIMIT_CASES))
@pytest.mark.parametrize("command", ["check", "parse", "build"])
def test_oversized_and_binary_input_is_refused_by_the_cli(case: str, command: str,
                                                          tmp_path: Path) -> None:
    content, expected = LIMIT_CASES[case]
    source = tmp_path / "README.md"
    if content is None:  # a valid programme, over a small configured limit
        source.write_bytes(SOURCE.read_bytes())
        (tmp_path / "namconvert.toml").write_text("max_bytes = 1000\n", encoding="utf-8")
    else:
        source.write_bytes(content)
    out = tmp_path / "build"
    args = [command, "README.md"] + (["-o", str(out)] if command == "build" else [])
    result = subprocess.run([sys.executable, "-m", "namconvert", *args], cwd=tmp_path,
                            capture_output=True, text=True, check=False, timeout=120)
    assert result.returncode == 1
    assert result.stderr.splitlines() == [expected.format(size=source.stat().st_size)]
    assert result.stdout == ""
    assert not out.exists()


def test_the_configured_limit_is_inclusive(tmp_path: Path,
                                           capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "README.md"
    source.write_bytes(SOURCE.read_bytes())
    size = source.stat().st_size
    zone = 'timezone = "Europe/London"\n'
    (tmp_path / "namconvert.toml").write_text(f"{zone}max_bytes = {size}\n", encoding="utf-8")
    assert main(["check", str(source)]) == 0
    (tmp_path / "namconvert.toml").write_text(f"{zone}max_bytes = {size - 1}\n", encoding="utf-8")
    assert main(["check", str(source)]) == 1
    assert capsys.readouterr().err == (
        f"{source}:1:1: error: input is {size:,} bytes, over the limit of {size - 1:,} "
        "(set max_bytes in namconvert.toml to raise it) [input]\n")


def test_the_default_limit_is_100_mb(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert Options().max_bytes == DEFAULT_MAX_BYTES == 100 * 1024 * 1024
    source = tmp_path / "README.md"
    with source.open("wb") as handle:  # sparse: nothing is written, nothing is read
        handle.truncate(DEFAULT_MAX_BYTES + 1)
    assert main(["build", str(source), "-o", str(tmp_path / "build")]) == 1
    assert capsys.readouterr().err == (
        f"{source}:1:1: error: input is 104,857,601 bytes, over the limit of 104,857,600 "
        "(set max_bytes in namconvert.toml to raise it) [input]\n")
    assert not (tmp_path / "build").exists()


# -- one bounded reader: devices and FIFOs are refused, never read -------------------------


@pytest.mark.parametrize("kind", ["/dev/zero", "fifo", "fifo-settings"])
@pytest.mark.parametrize("command", ["check", "build"])
def test_a_device_or_a_fifo_is_refused_at_once(tmp_path: Path, kind: str, command: str) -> None:
    if kind == "/dev/zero":
        source = Path("/dev/zero")
        expected = "/dev/zero:1:1: error: is a device, not a file to read [input]"
    elif kind == "fifo":
        source = tmp_path / "README.md"
        os.mkfifo(source)  # with no writer: opening it to read would wait for ever
        expected = f"{source}:1:1: error: is a FIFO (named pipe), not a file to read [input]"
    else:
        source = tmp_path / "README.md"
        shutil.copy(SOURCE, source)
        os.mkfifo(tmp_path / "namconvert.toml")
        expected = (f"{tmp_path}/namconvert.toml: error: cannot read settings: is a FIFO "
                    "(named pipe), not a file to read [config]")
    out = tmp_path / "build"
    args = [command, str(source)] + (["-o", str(out)] if command == "build" else [])
    result = subprocess.run([sys.executable, "-m", "namconvert", *args], cwd=tmp_path,
                            capture_output=True, text=True, check=False, timeout=60)
    assert result.returncode == 1
    assert result.stderr.splitlines() == [expected]
    assert not out.exists()
