"""The PDF booklet: structure read back with pypdf, imposition, reproducibility, the fetcher."""

from __future__ import annotations

import dataclasses
import datetime as dt
import io
import re
import subprocess
from pathlib import Path

import pypdf
import pytest
from pypdf.generic import NameObject

from booklet_checks import (
    Booklet,
    body_start,
    check_contents,
    check_folios,
    check_hyphenation,
    check_index,
    check_links,
    check_no_lone_short_slot,
    check_outline,
    check_overview,
    check_running_heads,
    check_tagged,
    check_with_qpdf,
    decoded_qr_codes,
    link_targets,
    regions,
    short_slots,
    slot_pages,
    squash,
)
from namconvert.config import Options
from namconvert.model import Programme
from namconvert.output import OutputWriter
from namconvert.render import RENDERERS, pdf
from namconvert.render.pdf.document import MM, asset_roots, booklet_html, listed, whole_days
from namconvert.render.pdf.fetcher import RefusedURL, TemplateAssetFetcher
from namconvert.render.pdf.imposition import saddle_stitch
from namconvert.views.labels import day_heading, day_zone
from support import needs_program, view_of

EPOCH = 1657700000  # 2022-07-13T08:13:20Z
SITE = "https://example.github.io/nam2022-ml/"  # where the site is published: the back cover's
TAILS = Path(__file__).parents[2] / "fixtures" / "booklet" / "short-tail.md"


def build(programme: Programme, options: Options, out_dir: Path) -> dict[str, bytes]:
    out = OutputWriter(out_dir)
    written = pdf.render(view_of(programme, options), out)
    out.commit()
    return {path.name: path.read_bytes() for path in written}


@pytest.fixture(scope="module")
def options(seed_options: Options) -> Options:
    return dataclasses.replace(seed_options, source_date_epoch=EPOCH, base_url=SITE)


@pytest.fixture(scope="module")
def files(seed: Programme, options: Options, tmp_path_factory: pytest.TempPathFactory
          ) -> dict[str, bytes]:
    return build(seed, options, tmp_path_factory.mktemp("pdf"))


@pytest.fixture(scope="module")
def booklet(files: dict[str, bytes]) -> Booklet:
    return Booklet.open(files[pdf.OUTPUT])


def test_registered_between_epub_and_html() -> None:
    names = list(RENDERERS)
    assert "pdf" in names and names.index("pdf") < names.index("html")


def test_writes_the_booklet_and_the_print_file(files: dict[str, bytes]) -> None:
    assert set(files) == {"programme.pdf", "programme-print.pdf"}


def test_pages_are_a5(booklet: Booklet) -> None:
    for page in booklet.reader.pages:
        assert float(page.mediabox.width) == pytest.approx(148 * MM, abs=0.5)
        assert float(page.mediabox.height) == pytest.approx(210 * MM, abs=0.5)


def test_cover(booklet: Booklet, seed: Programme) -> None:
    cover = booklet.texts[0]
    assert squash(seed.title) in cover and squash(seed.description) in cover
    assert "13–14 July 2022" in cover


def test_folios_on_every_page_but_the_covers(booklet: Booklet) -> None:
    check_folios(booklet, back_cover=True)


def test_contents_page_numbers_match_the_talks(booklet: Booklet, seed: Programme) -> None:
    check_contents(booklet, seed)


def test_contents_and_index_entries_link_to_the_pages_of_their_targets(
        booklet: Booklet, seed: Programme) -> None:
    check_links(booklet, seed)
    start = body_start(booklet, seed)
    assert all(start < target <= len(booklet.texts) for target in link_targets(booklet))


def test_each_day_starts_a_new_page(booklet: Booklet, seed: Programme) -> None:
    start = body_start(booklet, seed)
    pages = [booklet.page_with(day.sessions[0].title, start) for day in seed.days]
    assert pages[0] == start + 1
    for day, page in zip(seed.days, pages, strict=True):
        assert squash(day_heading(day)) in booklet.texts[page - 1]
    for day, page in zip(seed.days[1:], pages[1:], strict=True):
        assert day.sessions[0].title not in booklet.texts[page - 2]


def test_index_lists_every_speaker_with_their_page(booklet: Booklet, seed: Programme) -> None:
    check_index(booklet, seed)


def test_outline_has_days_sessions_talks(booklet: Booklet, seed: Programme) -> None:
    check_outline(booklet, seed)


def test_metadata(booklet: Booklet, seed: Programme) -> None:
    info = booklet.reader.metadata
    assert info is not None
    assert info.title == seed.title
    assert info.author == seed.title  # the seed names no organisers
    assert info.subject == seed.description
    assert "The Future of Machine Learning in Astronomy" in info["/Keywords"]
    assert info.creation_date == dt.datetime.fromtimestamp(EPOCH, dt.UTC)
    assert booklet.reader.trailer["/Root"]["/Lang"] == seed.language


def test_tagged_pdf_ua(booklet: Booklet) -> None:
    root = booklet.reader.trailer["/Root"]
    assert root["/MarkInfo"]["/Marked"]
    assert "/StructTreeRoot" in root
    assert b"pdfuaid:part" in root["/Metadata"].get_object().get_data()
    check_tagged(booklet.reader)


def test_booklet_and_print_file_pass_qpdf_check(files: dict[str, bytes]) -> None:
    check_with_qpdf(files[pdf.OUTPUT])
    check_with_qpdf(files[pdf.PRINT_OUTPUT])


def test_print_file_claims_no_tagging(files: dict[str, bytes]) -> None:
    """The imposed sheets carry no structure tree, so they claim neither tags nor PDF/UA."""
    root = pypdf.PdfReader(io.BytesIO(files[pdf.PRINT_OUTPUT])).trailer["/Root"]
    assert "/StructTreeRoot" not in root and "/MarkInfo" not in root
    assert "/Metadata" not in root or b"pdfuaid" not in root["/Metadata"].get_object().get_data()


def test_fonts_are_embedded(booklet: Booklet) -> None:
    fonts = 0
    for page in booklet.reader.pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            descriptor = (font["/DescendantFonts"][0].get_object() if "/DescendantFonts" in font
                          else font)["/FontDescriptor"]
            assert {"/FontFile", "/FontFile2", "/FontFile3"} & set(descriptor), font["/BaseFont"]
            fonts += 1
    assert fonts


def test_external_links_are_clickable(booklet: Booklet, seed: Programme) -> None:
    uris = {annot.get_object()["/A"]["/URI"] for page in booklet.reader.pages
            for annot in page.get("/Annots", []) if "/A" in annot.get_object()}
    assert {s.url for d in seed.days for s in d.sessions} <= uris
    assert "https://arxiv.org/abs/2009.08459" in uris


def test_two_builds_are_byte_identical(seed: Programme, options: Options, files: dict[str, bytes],
                                       tmp_path: Path) -> None:
    again = build(seed, options, tmp_path)
    assert again == files


def test_imposed_for_saddle_stitch_on_a4_landscape(files: dict[str, bytes], booklet: Booklet,
                                                    seed: Programme) -> None:
    imposed = pypdf.PdfReader(io.BytesIO(files[pdf.PRINT_OUTPUT]))
    pages = len(booklet.texts)
    sides = saddle_stitch(pages, back_cover=True)
    assert len(imposed.pages) == len(sides) == -(-pages // 4) * 2
    for sheet, side in zip(imposed.pages, sides, strict=True):
        assert float(sheet.mediabox.width) == pytest.approx(297 * MM, abs=0.5)
        assert float(sheet.mediabox.height) == pytest.approx(210 * MM, abs=0.5)
        for half, page in enumerate(side):
            text = _half_text(sheet, half)
            if page is None:
                assert text == ""
            else:
                covers = {0: squash(seed.title), pages - 1: "PROGRAMME ONLINE"}
                assert covers.get(page, f"{page + 1} / {pages}") in text


def _half_text(sheet: pypdf.PageObject, half: int) -> str:
    """The text of the booklet page drawn on the left (0) or right (1) half of SHEET."""
    middle = float(sheet.mediabox.width) / 2
    drawn = re.findall(rb"cm ([\d.-]+) [\d.-]+ ... ... cm|1 0 0 1 ([\d.-]+) [\d.-]+ cm (/\w+) Do",
                       sheet.get_contents().get_data())
    for _, x, name in drawn:
        if (float(x) >= middle / 2) == bool(half):
            form = sheet["/Resources"]["/XObject"][name.decode()].get_object()
            page = pypdf.PageObject.create_blank_page(width=middle, height=sheet.mediabox.height)
            page[NameObject("/Resources")] = form["/Resources"]
            page[NameObject("/Contents")] = form
            return squash(page.extract_text())
    return ""


def test_a4_paper(seed: Programme, options: Options, tmp_path: Path) -> None:
    files = build(seed, dataclasses.replace(options, paper="a4"), tmp_path)
    page = pypdf.PdfReader(io.BytesIO(files[pdf.OUTPUT])).pages[0]
    assert float(page.mediabox.width) == pytest.approx(210 * MM, abs=0.5)
    sheet = pypdf.PdfReader(io.BytesIO(files[pdf.PRINT_OUTPUT])).pages[0]
    assert float(sheet.mediabox.width) == pytest.approx(420 * MM, abs=0.5)  # A3 landscape


@pytest.mark.parametrize("url", [
    "http://example.com/style.css", "https://example.com/font.woff", "file:///etc/passwd",
    "data:text/css,body{}", "ftp://example.com/x",
])
def test_fetcher_refuses_other_urls(url: str, options: Options) -> None:
    with pytest.raises(RefusedURL):
        TemplateAssetFetcher(asset_roots(options)).fetch(url)


def test_fetcher_refuses_climbing_out_of_the_templates(options: Options) -> None:
    root = asset_roots(options)[-1]
    escape = (root / ".." / "html" / "index.html.jinja").absolute().as_uri()
    with pytest.raises(RefusedURL):
        TemplateAssetFetcher([root]).fetch(escape)


def test_fetcher_serves_the_stylesheet(options: Options) -> None:
    root = asset_roots(options)[-1]
    response = TemplateAssetFetcher([root]).fetch((root / "booklet.css").as_uri())
    assert b"@page" in response.read()


def test_pages_render_with_pdftoppm(files: dict[str, bytes], tmp_path: Path) -> None:
    pdftoppm = needs_program("pdftoppm")
    source = tmp_path / "b.pdf"
    source.write_bytes(files[pdf.OUTPUT])
    subprocess.run([pdftoppm, "-r", "20", "-png", "-f", "1", "-l", "2", source, tmp_path / "p"],
                   check=True)
    assert len(list(tmp_path.glob("p-*.png"))) == 2


def test_no_page_is_one_lone_short_slot(files: dict[str, bytes], booklet: Booklet,
                                        seed: Programme) -> None:
    """The seed's closing ten-minute "Discussion" once had a page to itself."""
    assert check_no_lone_short_slot(files[pdf.OUTPUT], booklet, seed)


def test_a_short_last_slot_stays_with_the_one_before(tmp_path: Path) -> None:
    """Each day of the fixture is a talk whose abstract ends at another place on its page,
    then a short discussion: where the talk fills its page, the discussion takes some of the
    talk's last lines along instead of a page of its own."""
    from support import load

    programme = load(TAILS, timezone="UTC")
    options = Options(timezone="UTC", source_date_epoch=EPOCH)
    data = build(programme, options, tmp_path)[pdf.OUTPUT]
    booklet = Booklet.open(data)
    check_no_lone_short_slot(data, booklet, programme)
    pages = slot_pages(booklet, programme)
    kept = 0
    for day in programme.days:
        talk, discussion = day.sessions[-1].slots[-2:]
        body = squash(regions(data)[pages[discussion.id] - 1].body)
        assert body.index(squash(discussion.title)) > 40  # the talk's lines come first
        kept += pages[discussion.id] > pages[talk.id]
    assert kept, "no day of the fixture needed its discussion kept with the talk"


def test_running_heads_never_repeat_their_pages_first_heading(files: dict[str, bytes]) -> None:
    check_running_heads(files[pdf.OUTPUT])


def test_days_are_labelled_as_on_the_site_with_the_venues_zone(booklet: Booklet,
                                                               seed: Programme) -> None:
    start = body_start(booklet, seed)
    for day in seed.days:
        page = booklet.page_with(day_heading(day), start)
        assert squash(f"Times in {day_zone(seed, day)}") in booklet.texts[page - 1]
    assert [day_zone(seed, day) for day in seed.days] == ["BST, UTC+01:00"] * 2
    contents = " ".join(booklet.texts[1:start])
    assert all(squash(day_heading(day)) in contents for day in seed.days)
    assert not any(squash(day.label) in contents for day in seed.days)


def test_contents_show_the_speakers_apart_from_the_title(booklet: Booklet,
                                                         seed: Programme) -> None:
    contents = " ".join(booklet.texts[1:body_start(booklet, seed)])
    for slot in (s for d in seed.days for se in d.sessions for s in se.slots if listed(s)):
        names = ", ".join(s.name for s in slot.speakers)
        assert squash(f"{slot.title} – {names}") in contents, slot.title


def test_overview_pages_list_every_talk_with_its_page(booklet: Booklet, seed: Programme) -> None:
    check_overview(booklet, seed)


def test_no_hyphenation_in_titles_and_names_nor_short_fragments(files: dict[str, bytes],
                                                                seed: Programme) -> None:
    check_hyphenation(files[pdf.OUTPUT], seed)


def test_links_are_printed_once(seed: Programme, options: Options) -> None:
    """An abstract's own links are not printed again under it (the seed's arXiv links)."""
    from lxml import html as lxml_html

    page = lxml_html.fromstring(booklet_html(seed, options, parts=("body",),
                                             chunks=whole_days(seed)))
    repeated = 0
    for article in page.iter("article"):
        hrefs = [a.get("href") for a in article.iter("a")]
        assert len(hrefs) == len(set(hrefs)), article.get("id")
        repeated += any(link.url in hrefs for s in [article.get("id")]
                        for d in seed.days for se in d.sessions for sl in se.slots
                        if sl.id == s for link in sl.links)
    assert repeated  # the seed does link from its abstracts


def test_back_cover_has_the_site_and_its_qr_code(files: dict[str, bytes],
                                                 booklet: Booklet) -> None:
    assert squash("example.github.io/nam2022-ml") in booklet.texts[-1]
    assert decoded_qr_codes(files[pdf.OUTPUT], len(booklet.texts)) == [SITE]
    uris = [annot.get_object()["/A"]["/URI"] for annot in booklet.reader.pages[-1]["/Annots"]]
    assert uris == [SITE]


def test_no_back_cover_without_a_base_url(seed: Programme, options: Options) -> None:
    without = dataclasses.replace(options, base_url=None)
    assert 'class="back-cover"' not in booklet_html(seed, without, parts=("back",))
    assert 'class="back-cover"' in booklet_html(seed, options, parts=("back",))


def test_short_slots_exist_in_the_seed(seed: Programme) -> None:
    assert [s.title for s in short_slots(seed)].count("Discussion") == 2
