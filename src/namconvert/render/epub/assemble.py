"""One EPUB from the EPUBs Pandoc made of the book's parts, finished with what Pandoc's sandbox
will not take.

Every part is run with the same title, subtitle and metadata, so each is a whole little book:
the first part's package document, title page, navigation and stylesheet become the book's,
and every part's chapters are added in order, renumbered (``text/ch001.xhtml`` on), with the
navigation entries and NCX points that lead to them. A link to an anchor in another part
(the speaker index to its talks) is pointed at the chapter that holds it.

:func:`finish` then adds the cover image and page, the project's stylesheet and the build's
dates, and rewrites the archive with fixed entry dates: the same input and
``SOURCE_DATE_EPOCH`` give the same bytes.
"""

from __future__ import annotations

import datetime as dt
import io
import posixpath
import re
import zipfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from ...errors import RenderError
from .pandoc import OUTPUT

OPF_NS = "http://www.idpf.org/2007/opf"
CONTAINER_NS = "urn:oasis:names:tc:opendocument:xmlns:container"
XHTML_NS = "http://www.w3.org/1999/xhtml"
NCX_NS = "http://www.daisy.org/z3986/2005/ncx/"
DC_NS = "http://purl.org/dc/elements/1.1/"
COVER_IMAGE = "media/cover.svg"
COVER_PAGE = "text/cover.xhtml"
CHAPTER = re.compile(r"text/ch(\d+)\.xhtml")
# Pandoc's chapters link to each other as "ch002.xhtml#id" and within themselves as "#id".
_HREF = re.compile(rb'href="((?:ch\d+\.xhtml)?)(#[^"]*)?"')
_ID = re.compile(rb'\bid="([^"]+)"')
_TITLE = re.compile(rb"<title>(ch\d+\.xhtml)</title>")
# What a part holds besides its chapters: the same in every part, taken from the first.
_SHARED = frozenset({"application/x-dtbncx+xml", "text/css"})


@dataclass
class Epub:
    """An EPUB's entries in archive order and its package document, parsed."""

    names: list[str]
    files: dict[str, bytes]
    opf_name: str
    opf: Any  # lxml element

    @property
    def base(self) -> str:
        return posixpath.dirname(self.opf_name)

    def path(self, href: str) -> str:
        return posixpath.join(self.base, href)

    def part(self, tag: str) -> Any:
        found = self.opf.find(f"{{{OPF_NS}}}{tag}")
        if found is None:
            raise RenderError(f"Pandoc's EPUB package document has no {tag}", OUTPUT)
        return found

    def chapters(self) -> list[Any]:
        """The manifest items of the chapters, in spine order."""
        items = {i.get("id"): i for i in self.part("manifest")}
        spine = [items.get(ref.get("idref")) for ref in self.part("spine")]
        return [i for i in spine if i is not None and CHAPTER.fullmatch(str(i.get("href")))]

    def item(self, media_type: str = "", properties: str = "") -> Any:
        for item in self.part("manifest"):
            if (media_type and item.get("media-type") == media_type) or (
                    properties and properties in str(item.get("properties", "")).split()):
                return item
        raise RenderError(f"Pandoc's EPUB has no {media_type or properties}", OUTPUT)


def open_epub(data: bytes) -> Epub:
    from lxml import etree

    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        names = archive.namelist()
        files = {name: archive.read(name) for name in names}
    container = etree.fromstring(files["META-INF/container.xml"])
    rootfile = container.find(f".//{{{CONTAINER_NS}}}rootfile")
    if rootfile is None:
        raise RenderError("Pandoc's EPUB has no package document", OUTPUT)
    opf_name = str(rootfile.get("full-path"))
    return Epub(names, files, opf_name, etree.fromstring(files[opf_name]))


# -- merging the parts -------------------------------------------------------------------------


def _chapter_name(number: int) -> str:
    return f"ch{number:03d}.xhtml"


def _relink(page: bytes, renamed: dict[str, str], own: str, ids: dict[str, set[bytes]],
            anchors: dict[bytes, str]) -> bytes:
    """PAGE (chapter OWN) with its part's chapter names RENAMED and every link to an anchor no
    chapter of its part holds pointed at the chapter that holds it (IDS: each chapter's ids;
    ANCHORS: id -> chapter)."""
    def link(match: re.Match[bytes]) -> bytes:
        target, fragment = match.group(1).decode(), match.group(2) or b""
        chapter = renamed.get(target, target) if target else own
        anchor = fragment[1:]
        if anchor and anchor not in ids.get(chapter, ()) and anchor in anchors:
            chapter = anchors[anchor]
        return b'href="' + (b"" if chapter == own else chapter.encode()) + fragment + b'"'
    # Pandoc titles each chapter page with its file's name.
    page = _TITLE.sub(lambda m: b"<title>" + renamed.get(m.group(1).decode(), own).encode()
                      + b"</title>", page, count=1)
    return _HREF.sub(link, page)


def _renumbered(root: Any, tag: str, attribute: str, prefix: str, start: int) -> None:
    for number, element in enumerate(root.iter(tag), start):
        if element.get(attribute, "").startswith(prefix):
            element.set(attribute, f"{prefix}{number}")


def _nav_entries(book: Epub, renamed: dict[str, str], skip: str) -> list[Any]:
    """The top entries of BOOK's table of contents, leading to its renamed chapters."""
    from lxml import etree

    nav = etree.fromstring(book.files[book.path(str(book.item(properties="nav").get("href")))])
    [toc] = nav.xpath("//x:nav[@id='toc']/x:ol", namespaces={"x": XHTML_NS}) or [None]
    if toc is None:
        raise RenderError("Pandoc's EPUB navigation has no table of contents", OUTPUT)
    entries = [li for li in toc if li.find(f"{{{XHTML_NS}}}a") is None
               or not str(li.find(f"{{{XHTML_NS}}}a").get("href")).startswith(skip)]
    for a in toc.iter(f"{{{XHTML_NS}}}a"):
        a.set("href", _renamed_href(str(a.get("href")), renamed, "text/"))
    return entries


def _ncx_points(book: Epub, renamed: dict[str, str], skip: str) -> list[Any]:
    from lxml import etree

    ncx = etree.fromstring(book.files[book.path(str(book.item("application/x-dtbncx+xml")
                                                          .get("href")))])
    nav_map = ncx.find(f"{{{NCX_NS}}}navMap")
    if nav_map is None:
        raise RenderError("Pandoc's EPUB has no NCX navigation map", OUTPUT)
    for content in nav_map.iter(f"{{{NCX_NS}}}content"):
        content.set("src", _renamed_href(str(content.get("src")), renamed, "text/"))
    return [p for p in nav_map if not str(p.find(f"{{{NCX_NS}}}content").get("src"))
            .startswith(skip)]


def _renamed_href(href: str, renamed: dict[str, str], folder: str) -> str:
    path, hash_, fragment = href.partition("#")
    if path.startswith(folder) and path[len(folder):] in renamed:
        path = folder + renamed[path[len(folder):]]
    return path + hash_ + fragment


def merge(parts: Sequence[bytes]) -> Epub:
    """One EPUB of PARTS' chapters, in order, with the first part's front matter."""
    from lxml import etree

    books = [open_epub(data) for data in parts]
    first = books[0]
    if len(books) == 1:
        return first
    # Each part's chapters, renamed in book order.
    renames: list[dict[str, str]] = []
    chapters: list[tuple[Epub, Any, str]] = []  # (part, manifest item, new name)
    for book in books:
        renamed = {}
        for item in book.chapters():
            new = _chapter_name(len(chapters) + 1)
            renamed[posixpath.basename(str(item.get("href")))] = new
            chapters.append((book, item, new))
        renames.append(renamed)
        extra = [i.get("href") for i in book.part("manifest")
                 if i not in book.chapters() and i.get("media-type") not in _SHARED
                 and "nav" not in str(i.get("properties", "")).split()
                 and not str(i.get("href")).startswith("text/title_page")]
        if extra:
            raise RenderError(f"Pandoc's EPUB of a part holds files the book cannot merge: "
                              f"{', '.join(map(str, extra))}", OUTPUT)
    pages = {new: book.files[book.path(str(item.get("href")))] for book, item, new in chapters}
    ids = {new: set(_ID.findall(page)) for new, page in pages.items()}
    anchors: dict[bytes, str] = {}
    for new, found in ids.items():
        for anchor in found:
            anchors.setdefault(anchor, new)
    by_part = {id(book): renamed for book, renamed in zip(books, renames, strict=True)}
    pages = {new: _relink(pages[new], by_part[id(book)], new, ids, anchors)
             for book, _, new in chapters}

    # The package document: the first part's, its chapters replaced by every part's.
    manifest, spine = first.part("manifest"), first.part("spine")
    old = first.chapters()
    old_refs = {str(i.get("id")) for i in old}
    for item in old:
        manifest.remove(item)
    for ref in [r for r in spine if r.get("idref") in old_refs]:
        spine.remove(ref)
    for _, item, new in chapters:
        attributes = dict(item.attrib)
        attributes.update(id=new.replace(".", "_"), href=f"text/{new}")
        etree.SubElement(manifest, f"{{{OPF_NS}}}item", attrib=attributes)
        etree.SubElement(spine, f"{{{OPF_NS}}}itemref", idref=new.replace(".", "_"))

    # Navigation: the table of contents and the NCX map of every part, title page once.
    title_page = "text/title_page"
    nav_name = first.path(str(first.item(properties="nav").get("href")))
    nav = etree.fromstring(first.files[nav_name])
    [toc] = nav.xpath("//x:nav[@id='toc']/x:ol", namespaces={"x": XHTML_NS})
    for li in list(toc):
        toc.remove(li)
    for book, renamed in zip(books, renames, strict=True):
        toc.extend(_nav_entries(book, renamed, title_page))
    _renumbered(toc, f"{{{XHTML_NS}}}li", "id", "toc-li-", 1)
    ncx_name = first.path(str(first.item("application/x-dtbncx+xml").get("href")))
    ncx = etree.fromstring(first.files[ncx_name])
    nav_map = ncx.find(f"{{{NCX_NS}}}navMap")
    for point in [p for p in nav_map if not str(p.find(f"{{{NCX_NS}}}content").get("src"))
                  .startswith(title_page)]:
        nav_map.remove(point)
    for book, renamed in zip(books, renames, strict=True):
        nav_map.extend(_ncx_points(book, renamed, title_page))
    _renumbered(nav_map, f"{{{NCX_NS}}}navPoint", "id", "navPoint-", 0)
    depth = max((1 + sum(1 for _ in p.iterancestors(f"{{{NCX_NS}}}navPoint"))
                 for p in nav_map.iter(f"{{{NCX_NS}}}navPoint")), default=1)
    for meta in ncx.iter(f"{{{NCX_NS}}}meta"):
        if meta.get("name") == "dtb:depth":
            meta.set("content", str(depth))

    files = {name: data for name, data in first.files.items()
             if not CHAPTER.fullmatch(posixpath.relpath(name, first.base))}
    files[nav_name] = etree.tostring(nav.getroottree(), xml_declaration=True, encoding="UTF-8")
    files[ncx_name] = etree.tostring(ncx.getroottree(), xml_declaration=True, encoding="UTF-8")
    names = [n for n in first.names if n in files]
    for _, _, new in chapters:
        name = first.path(f"text/{new}")
        files[name] = pages[new]
        names.append(name)
    return Epub(names, files, first.opf_name, first.opf)


# -- finishing the archive ---------------------------------------------------------------------


@dataclass(frozen=True)
class Extras:
    """What Pandoc's sandbox will not take, added to its EPUB afterwards."""

    cover_svg: bytes
    cover_page: Callable[[str, str], str]  # (stylesheet href, image href) -> XHTML
    stylesheet: bytes
    modified: dt.datetime


def zip_time(moment: dt.datetime) -> tuple[int, int, int, int, int, int]:
    """A ZIP entry date (ZIP cannot store dates before 1980)."""
    moment = max(moment, dt.datetime(1980, 1, 1, tzinfo=dt.UTC))
    return (moment.year, moment.month, moment.day, moment.hour, moment.minute,
            moment.second // 2 * 2)


def finish(book: Epub, extras: Extras) -> bytes:
    """BOOK with the cover, stylesheet and the build's dates added; fixed entry dates."""
    from lxml import etree

    files, names, opf, base = book.files, book.names, book.opf, book.base
    manifest, spine, metadata = book.part("manifest"), book.part("spine"), book.part("metadata")
    stylesheets = [item.get("href") for item in manifest if item.get("media-type") == "text/css"]
    if not stylesheets:
        raise RenderError("Pandoc's EPUB has no stylesheet to replace", OUTPUT)
    for href in stylesheets:
        files[posixpath.join(base, str(href))] = extras.stylesheet
    # The parts are made without the build's date, so that a cached part stays valid.
    for date in metadata.iter(f"{{{DC_NS}}}date"):
        date.text = extras.modified.date().isoformat()
    for meta in metadata.iter(f"{{{OPF_NS}}}meta"):
        if meta.get("property") == "dcterms:modified":
            meta.text = f"{extras.modified:%Y-%m-%dT%H:%M:%SZ}"
    etree.SubElement(metadata, f"{{{OPF_NS}}}meta", name="cover", content="cover-image")
    etree.SubElement(manifest, f"{{{OPF_NS}}}item", id="cover-image", href=COVER_IMAGE,
                     attrib={"media-type": "image/svg+xml", "properties": "cover-image"})
    etree.SubElement(manifest, f"{{{OPF_NS}}}item", id="cover_xhtml", href=COVER_PAGE,
                     attrib={"media-type": "application/xhtml+xml"})
    itemref = etree.Element(f"{{{OPF_NS}}}itemref", idref="cover_xhtml", linear="yes")
    spine.insert(0, itemref)
    page_dir = posixpath.dirname(COVER_PAGE)
    page = extras.cover_page(posixpath.relpath(str(stylesheets[0]), page_dir),
                             posixpath.relpath(COVER_IMAGE, page_dir))
    added = {posixpath.join(base, COVER_IMAGE): extras.cover_svg,
             posixpath.join(base, COVER_PAGE): page.encode("utf-8")}
    if set(added) & set(files):
        raise RenderError("Pandoc's EPUB already holds a cover", OUTPUT)
    files[book.opf_name] = etree.tostring(opf, xml_declaration=True, encoding="UTF-8")
    order = ["mimetype", *(n for n in names if n != "mimetype"), *sorted(added)]
    files.update(added)
    when = zip_time(extras.modified)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name in order:
            info = zipfile.ZipInfo(name, date_time=when)
            # The mimetype entry must come first and be stored (OCF); the rest are deflated.
            info.compress_type = zipfile.ZIP_STORED if name == "mimetype" else zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            archive.writestr(info, files[name], compresslevel=9)
    return buffer.getvalue()
