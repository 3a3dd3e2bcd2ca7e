"""The booklet's HTML and its WeasyPrint run, shared by the one-document and multi-part builds.

Pure helpers (the paper table, metadata, the template context) come first; ``typeset`` is the
one place WeasyPrint runs, and it is imported there, late.
"""

from __future__ import annotations

import contextlib
import hashlib
import re
from collections.abc import Collection, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from ...config import Options
from ...errors import DependencyError, NamconvertError, RenderError
from ...model import Day, Programme, Session, Slot
from ...templating import make_environment, render_template, search_path
from ...views.labels import day_heading, day_id, day_zone, organisers
from ...views.schedule import site_url
from ...views.slots import date_range, day_overview, extra_links, placed_slots, speaker_index

TEMPLATE = "pdf/booklet.html.jinja"
OUTPUT_NAME = "programme.pdf"
STYLESHEET = "booklet.css"
PDF_VARIANT = "pdf/ua-1"
# Slots that get a contents line and a bookmark; introductions, discussions and breaks do not.
LISTED_KINDS = frozenset({"talk", "panel", "other"})
MM = 72 / 25.4
# The parts of the booklet, in order, when it is laid out as one document.
ONE_DOCUMENT = ("cover", "contents", "overview", "body", "index", "back")
# Where a link of the multi-part build points until the merge knows its page: PLACEHOLDER + id.
PLACEHOLDER = "namconvert-dest:"


@dataclass(frozen=True)
class Paper:
    """A booklet paper, and the landscape sheet twice its size that the imposed booklet is
    printed on (two booklet pages side by side)."""

    name: str
    css: str
    width_mm: float
    height_mm: float
    sheet_pt: tuple[float, float]  # width, height in points

    @property
    def size_pt(self) -> tuple[float, float]:
        return (self.width_mm * MM, self.height_mm * MM)


# The one paper table: the booklet's page, the CSS name, the imposition sheet (A5 on A4,
# A4 on A3, US letter on tabloid, 11 x 17 in). ``--paper`` and ``paper =`` choose among its keys.
PAPERS = {
    "a5": Paper("a5", "A5", 148, 210, (297 * MM, 210 * MM)),
    "a4": Paper("a4", "A4", 210, 297, (420 * MM, 297 * MM)),
    "letter": Paper("letter", "letter", 215.9, 279.4, (17 * 72.0, 11 * 72.0)),
}


@dataclass(frozen=True)
class Meta:
    """The document information: author, keywords, and the build's fixed date."""

    authors: tuple[str, ...]
    keywords: tuple[str, ...]
    date: str  # W3C date-time, from SOURCE_DATE_EPOCH


@dataclass(frozen=True)
class Chunk:
    """Some sessions of one day, in one document; ``continued`` when the day began earlier."""

    day: Day
    sessions: tuple[Session, ...]
    continued: bool = False


@dataclass(frozen=True)
class Typeset:
    """A rendered PDF and where its anchors landed: id -> (0-based page, x, y in PDF points)."""

    pdf: bytes
    page_count: int
    anchors: dict[str, tuple[int, float, float]] = field(default_factory=dict)


def paper(options: Options) -> Paper:
    return PAPERS[options.paper]


def listed(slot: Slot) -> bool:
    return slot.kind in LISTED_KINDS


def inverted_name(name: str) -> str:
    """"Alessio Spurio Mancini" -> "Mancini, Alessio Spurio": the index sorts by the last word."""
    words = name.split()
    return f"{words[-1]}, {' '.join(words[:-1])}" if len(words) > 1 else name


# A word longer than this (in characters) gets a break opportunity every BREAK_EVERY of them.
# Shorter words fit on every line the booklet sets markup in (a title or an abstract).
LONG_WORD = 60
BREAK_EVERY = 16
_TAG_OR_LONG_WORD = re.compile(rf"(<[^>]*>)|((?:&#?\w+;|[^\s<>&]){{{LONG_WORD + 1},}})")
_CHARACTER = re.compile(r"&#?\w+;|.", re.DOTALL)


def breakable(markup: str) -> str:
    """MARKUP with a zero-width space every BREAK_EVERY characters of each word longer than
    LONG_WORD, outside tags. WeasyPrint (70) breaks the first word of text inside nested inline
    formatting mid-word when overflow-wrap lets it, so such text keeps "normal" (see
    booklet.css) and its long words get these break opportunities instead; copied or searched
    text does not show them."""

    def split(match: re.Match[str]) -> str:
        if match.group(1):
            return match.group(1)
        characters = _CHARACTER.findall(match.group(2))
        return "\u200b".join("".join(characters[i:i + BREAK_EVERY])
                              for i in range(0, len(characters), BREAK_EVERY))

    return _TAG_OR_LONG_WORD.sub(split, markup)


def display_url(url: str) -> str:
    return url.split("://", 1)[-1].rstrip("/")


def qr_svg(url: str) -> str:
    """URL as a QR code, inline SVG (segno); medium error correction survives a worn copy."""
    import segno

    svg: str = segno.make(url, error="m", micro=False).svg_inline(scale=4, omitsize=True)
    return svg


def meta(programme: Programme, options: Options) -> Meta:
    sessions = {s.title: None for d in programme.days for s in d.sessions}
    date = options.build_time.strftime("%Y-%m-%dT%H:%M:%S+00:00")
    return Meta(tuple(organisers(programme)), ("programme", *sessions), date)


def whole_days(programme: Programme) -> list[Chunk]:
    return [Chunk(day, day.sessions) for day in programme.days]


def booklet_html(programme: Programme, options: Options, *, parts: Collection[str],
                 chunks: Sequence[Chunk] = (), pages: Mapping[str, int] | None = None,
                 folios: bool = True, folio_count: int = 0, folio_sample: str = "") -> str:
    """The booklet's HTML, or the PARTS of it ("cover", "contents", "overview", "body", "index",
    "back", "folios"). The back cover is there when the site's address (``base_url``) is known.

    "folios" is FOLIO_COUNT blank pages carrying only "n / N", or with FOLIO_SAMPLE the cover
    and one page whose folio is that text.
    """
    env = make_environment(options.templates, filters={"inverted_name": inverted_name,
                                                       "display_url": display_url,
                                                       "breakable": breakable})
    site = site_url(options) if "back" in parts else None
    slots = list(placed_slots(programme)) if "overview" in parts else []
    return render_template(
        env, TEMPLATE, programme=programme, meta=meta(programme, options), paper=paper(options),
        date_range=date_range(programme), index=speaker_index(programme), parts=set(parts),
        chunks=list(chunks), pages=pages, folios=folios, folio_count=folio_count,
        folio_sample=folio_sample, placeholder=PLACEHOLDER,
        listed=listed, day_id=day_id, day_heading=day_heading, extra_links=extra_links,
        day_zone=lambda day: day_zone(programme, day),
        day_overview=lambda day: [p for p in day_overview(slots, day) if listed(p.slot)],
        site_url=site, qr_svg=qr_svg(site) if site else "")


def asset_roots(options: Options) -> list[Path]:
    """The folders the booklet may read files from: ``pdf/`` of each template folder."""
    return [root / "pdf" for root in search_path(options.templates) if (root / "pdf").is_dir()]


def stylesheet_base(options: Options) -> Path:
    """The folder relative URLs resolve against: the first that has the stylesheet."""
    roots = asset_roots(options)
    return next((r for r in roots if (r / STYLESHEET).is_file()), roots[-1])


def typeset(html: str, options: Options, *, tagged: bool = True, write: bool = True) -> Typeset:
    """Lay out HTML with WeasyPrint and write the PDF (unless not WRITE: then only the page
    count and anchors are wanted); report where every anchor landed."""
    try:
        import weasyprint

        from .fetcher import TemplateAssetFetcher
    except (ImportError, OSError) as exc:  # OSError: Pango or HarfBuzz missing
        raise DependencyError(f"WeasyPrint cannot be loaded ({exc}); reinstall with "
                              "`pip install -e .` and install Pango (Debian: libpango-1.0-0)") from None
    fetcher = TemplateAssetFetcher(asset_roots(options))
    base = stylesheet_base(options).as_uri() + "/"
    with _layout_failures():
        document = weasyprint.HTML(string=html, base_url=base, url_fetcher=fetcher).render()
    anchors = _anchor_pages(document)
    if not write:
        return Typeset(b"", len(document.pages), anchors)
    # A fixed identifier and the dates in the HTML metadata make the file reproducible.
    identifier = hashlib.sha256(html.encode()).hexdigest()[:32].encode()
    variant = {"pdf_variant": PDF_VARIANT} if tagged else {}
    with _layout_failures():  # drawing fails too: 45 nested <sup> shrink a font to 0
        pdf = document.write_pdf(pdf_identifier=identifier, **variant)
    return Typeset(pdf, len(document.pages), anchors)


class LayoutError(RenderError):
    """WeasyPrint failed; ``element_ids`` are the ids of the boxes it was in, innermost first
    (see :func:`slot_named`)."""

    element_ids: tuple[str, ...] = ()


@contextlib.contextmanager
def _layout_failures() -> Iterator[None]:
    """WeasyPrint's errors (assorted, on odd content, templates or CSS) as a LayoutError that
    knows which elements were being laid out or drawn."""
    try:
        yield
    except NamconvertError:
        raise
    except Exception as exc:
        error = LayoutError(f"WeasyPrint could not lay out the booklet: "
                            f"{type(exc).__name__}: {exc}", TEMPLATE)
        error.element_ids = _element_ids(exc)
        raise error from None


def _element_ids(exc: BaseException) -> tuple[str, ...]:
    """The ids of the elements whose boxes WeasyPrint's frames were handling, innermost first
    (each layout and drawing function takes the box it works on; boxes know their element)."""
    ids: list[str] = []
    tb = exc.__traceback__
    while tb is not None:
        for value in tb.tb_frame.f_locals.values():
            get = getattr(getattr(value, "element", None), "get", None)
            found = get("id") if callable(get) else None
            if isinstance(found, str) and found not in ids:
                ids.append(found)
        tb = tb.tb_next
    return tuple(reversed(ids))


def slot_named(error: LayoutError, programme: Programme) -> RenderError:
    """ERROR naming the slot (else the session, else the day) whose content broke the layout."""
    places: dict[str, str] = {}
    for day in programme.days:
        places[day_id(day)] = f"the day {day.label!r} (source line {day.line})"
        for session in day.sessions:
            places[session.id] = f"the session {session.title!r} (source line {session.line})"
            for slot in session.slots:
                places[slot.id] = (f"the slot {_short(slot.title)!r} at {slot.start:%H:%M} on "
                                   f"{day.label} (source line {slot.line})")
    where = next((places[i] for i in error.element_ids if i in places), None)
    if where is None:
        return error
    return RenderError(error.message.replace("the booklet:", f"{where}:", 1), OUTPUT_NAME)


def _short(title: str, limit: int = 60) -> str:
    return title if len(title) <= limit else title[:limit - 1] + "\u2026"


def _anchor_pages(document: object) -> dict[str, tuple[int, float, float]]:
    """Anchor id -> (page index, x, y), y measured up from the bottom as in PDF, in points."""
    found: dict[str, tuple[int, float, float]] = {}
    px = 0.75  # CSS px -> PDF points
    for number, page in enumerate(document.pages):  # type: ignore[attr-defined]
        for name, (x, y, _, _) in page.anchors.items():
            found.setdefault(name, (number, x * px, (page.height - y) * px))
    return found
