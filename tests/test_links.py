"""Links: the one rule for what a link may lead to (``links.py``: its shortcut held to its full
test, and the outputs' own questions, feeds' and the site's, answered by it); and links that
exist: every href and src of every page a build writes resolves to a file the same output
folder holds (and a #fragment to an element of it).

Crawled: a full build of the seed, the site alone (`--format html`) into a fresh folder,
the site alone over an earlier full build, the EPUB's pages, and the site of every corpus
programme the reader accepts.
"""

from __future__ import annotations

import posixpath
import zipfile
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from bs4 import BeautifulSoup
from hypothesis import given
from hypothesis import strategies as st

from corpus_expected import corpus_flags
from namconvert import links
from namconvert.build import build
from namconvert.config import make_options
from namconvert.render import html
from support import CHECKED, CORPUS, SOURCE, needs

# Links that leave the output folder: nothing to resolve there.
OUTSIDE = ("http", "https", "mailto", "tel", "data", "blob")


def _ids(soup: BeautifulSoup) -> set[str]:
    return {str(t["id"]) for t in soup.find_all(id=True)} | \
        {str(t["name"]) for t in soup.find_all("a", attrs={"name": True})}


def broken_links(files: dict[str, bytes]) -> list[str]:
    """FILES: path (relative, '/'-separated) -> content. Every unresolved href or src."""
    pages = {path: BeautifulSoup(data, "html.parser") for path, data in files.items()
             if path.endswith((".html", ".xhtml", ".htm"))}
    ids = {path: _ids(soup) for path, soup in pages.items()}
    broken = []
    for path, soup in pages.items():
        for tag in soup.find_all(True):
            for attr in ("href", "src"):
                value = tag.get(attr)
                if value is None:
                    continue
                url = urlsplit(str(value))
                if url.scheme in OUTSIDE or url.netloc:
                    continue
                where = f"{path}: <{tag.name} {attr}={value!r}>"
                if url.scheme:
                    broken.append(f"{where}: scheme {url.scheme!r}")
                    continue
                target = posixpath.normpath(posixpath.join(posixpath.dirname(path),
                                                           unquote(url.path))) \
                    if url.path else path
                if target not in files:
                    broken.append(f"{where}: no file {target}")
                elif url.fragment and target in ids and unquote(url.fragment) not in ids[target]:
                    broken.append(f"{where}: no element #{url.fragment} in {target}")
    return broken


def folder_files(out: Path) -> dict[str, bytes]:
    return {p.relative_to(out).as_posix(): p.read_bytes() for p in out.rglob("*") if p.is_file()}


def epub_files(epub: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(epub) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def test_the_crawl_finds_a_missing_file_and_a_missing_anchor():
    page = (b'<a href="programme.pdf">PDF</a><a href="#nowhere">x</a><a href="#here" id="here">'
            b'</a><a href="https://example.org/">out</a><img src="assets/x.svg?v=1">')
    broken = broken_links({"index.html": page, "assets/x.svg": b"<svg/>"})
    assert len(broken) == 2
    assert "no file programme.pdf" in broken[0] and "no element #nowhere" in broken[1]


@pytest.fixture(scope="module")
def full_build(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("full")
    build(SOURCE, make_options(SOURCE), out)
    return out


def test_a_full_build_links_only_to_what_it_wrote(full_build: Path):
    files = folder_files(full_build)
    assert "programme.pdf" in files and "index.html" in files
    assert broken_links(files) == []
    html = files["index.html"].decode()
    for name in ("programme.pdf", "programme.epub", "programme.ics", "schedule.xml"):
        assert f'href="{name}"' in html, name


def test_the_epub_pages_link_only_within_the_epub(full_build: Path):
    files = epub_files(full_build / "programme.epub")
    assert any(name.endswith(".xhtml") for name in files)
    assert broken_links(files) == []


def test_the_site_alone_links_to_no_file_it_did_not_write(tmp_path: Path):
    build(SOURCE, make_options(SOURCE), tmp_path, ["html"])
    files = folder_files(tmp_path)
    assert "programme.pdf" not in files
    assert broken_links(files) == []
    html = files["index.html"].decode()
    assert "programme.pdf" not in html and 'href="ics/' not in html


def test_the_site_alone_over_a_full_build_still_links_the_other_formats(tmp_path: Path):
    build(SOURCE, make_options(SOURCE), tmp_path)
    build(SOURCE, make_options(SOURCE), tmp_path, ["html"])
    files = folder_files(tmp_path)
    assert broken_links(files) == []
    assert 'href="programme.pdf"' in files["index.html"].decode()


def corpus_files() -> list[str]:
    if not CORPUS.is_dir():
        return []
    return sorted(p.name for p in CORPUS.glob("*.md") if p.name != "SOURCES.md")


@pytest.mark.parametrize("name", corpus_files() or ["(no corpus)"])
def test_each_corpus_site_links_only_to_what_it_wrote(tmp_path: Path, name: str):
    needs(CORPUS.is_dir(), f"{CORPUS} is absent")
    source = CORPUS / name
    # With the flags its SOURCES.md row names, every corpus file builds.
    build(source, make_options(source, corpus_flags(name)), tmp_path / "out", ["html", "ics"])
    assert broken_links(folder_files(tmp_path / "out")) == []


_URL_PARTS = ["http://", "https://", "HTTP://", "http:/", "httpſ://", "a", "x.org", ".", "-",
              ":", ":80", ":99999", "/", "?", "#", "%", "%0a", "%41", "[", "]", "@", "\\", " ",
              "é", "K", "~", "\x7f", "mailto:"]


@CHECKED
@given(st.lists(st.sampled_from(_URL_PARTS), max_size=9).map("".join))
def test_a_plain_web_address_is_one_the_full_test_allows(url: str) -> None:
    if links._PLAIN_WEB_URL.match(url):
        assert links._allowed_by_parts(url)
    assert links.allowed_url(url) == (bool(links._PLAIN_WEB_URL.match(url))
                                      or links._allowed_by_parts(url))


def test_the_usual_addresses_take_the_shortcut_and_the_odd_ones_do_not() -> None:
    assert links._PLAIN_WEB_URL.match("https://arxiv.org/abs/2310.23932?v=2#s1")
    for odd in ("http://[::1", "https://x.org/a%0ab", "httpſ://x.org", "//x.org", "mailto:a@b"):
        assert not links._PLAIN_WEB_URL.match(odd), odd
    assert not links.allowed_url("http://[::1")  # urlsplit refuses it: dropped, not raised


URLS = ["https://example.org/a", "http://example.org", "HTTPS://example.org/", "https:example.org",
        "http://:80/", "https:///x", "https://exa mple.org/", "https://example.org/%0a",
        "//example.org/", "/slides/a.pdf", "slides/a.pdf", "file:///etc/passwd",
        "javascript:alert(1)", "mailto:ada@example.org", "mailto:ada@example.org?bcc=x@y.z",
        "mailto:", "tel:+441234", "#opening", "", "https://example.org/\u202e"]


def test_a_feed_link_is_an_allowed_web_link() -> None:
    for url in URLS:
        web = links.allowed_url(url) and not url.startswith("mailto:")
        assert links.is_web_url(url) == web, url
    assert not links.is_web_url(None)


def test_a_site_link_is_an_allowed_link_or_an_element_of_the_page() -> None:
    ids = {"opening"}
    for url in URLS:
        assert html.linkable(url, ids) == (links.allowed_url(url) or url == "#opening"), url
    assert not html.linkable("#closing", ids) and not html.linkable(None, ids)
