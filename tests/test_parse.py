"""The parser: the seed's model, every documented shape, and the corpus."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from bs4 import BeautifulSoup

from namconvert.model import Link, Person, Programme, Speaker
from namconvert.serialise import to_dict
from support import CORPUS, FIXTURES, SOURCE, load, needs

SHAPES = FIXTURES / "shapes"


def without_lines(data: Any) -> Any:
    """The model as data, minus source line numbers (which differ between shapes)."""
    if isinstance(data, dict):
        return {k: without_lines(v) for k, v in data.items() if k != "line"}
    if isinstance(data, list):
        return [without_lines(v) for v in data]
    return data


def slots(programme: Programme) -> list[Any]:
    return [slot for day in programme.days for session in day.sessions for slot in session.slots]


# -- the seed ---------------------------------------------------------------------------------

SEED_TALKS = {
    "Emily Hunt": "The power (and caveats) of clustering algorithms applied to Gaia data",
    "Timothy A Davis": "Self-supervised, physics-aware, Bayesian neural networks for modelling "
                       "galaxy emission-line kinematics",
    "Matthew Mould": "Data-driven inference of gravitational-wave populations with machine "
                     "learning models",
    "Alessio Spurio Mancini": "COSMOPOWER: Deep Learning – accelerated cosmological inference "
                              "from next-generation surveys",
    "Joshua William Wilde": "Where & Why: Interpreting Convolutional Neural Networks Trained to "
                            "Identify Strong Gravitational Lenses",
    "Niall Jeffrey": "Limits of implicit inference for scientific discovery?",
    "Prabh Bhambra": "Explaining deep learning of galaxy morphology with saliency mapping",
    "Daniel Muthukrishna": "Data-driven Discovery of Supernovae in the New Era of Time-Domain "
                           "Astronomy",
    "Devina Mohan": "Uncertainty quantification in deep learning predictions of radio galaxy "
                    "classification",
    "Michael James Smith": "Realistic galaxy image simulation via score-based generative models",
}


def test_seed_days_sessions_slots(seed: Programme) -> None:
    assert seed.title == "NAM 2022 - ML sessions (Wed/Thur)"
    assert seed.timezone == "Europe/London"
    assert [d.date for d in seed.days] == [dt.date(2022, 7, 13), dt.date(2022, 7, 14)]
    assert [d.label for d in seed.days] == ["Wednesday (13 July)", "Thursday (14 July)"]
    assert seed.days[0].notes == ("zoom link?",)
    assert (seed.days[0].start, seed.days[0].end) == (dt.time(16, 30), dt.time(18, 0))
    assert [len(d.sessions) for d in seed.days] == [1, 1]
    assert seed.days[0].sessions[0].url == "https://nam2022.org/science/parallel-sessions/details/2/170"
    assert seed.days[1].sessions[0].title == "The Future of Machine Learning in Astronomy"
    assert len(slots(seed)) == 14
    kinds = [s.kind for s in slots(seed)]
    assert kinds.count("talk") == 10
    assert kinds.count("introduction") == 2 and kinds.count("discussion") == 2


def test_seed_talks_have_speakers_titles_and_full_abstracts(seed: Programme) -> None:
    talks = [s for s in slots(seed) if s.kind == "talk"]
    assert {s.speakers[0].name: s.title for s in talks} == SEED_TALKS
    assert all(len(s.speakers) == 1 for s in talks)
    # An independent reading of the abstracts: BeautifulSoup's text of each full-width cell.
    soup = BeautifulSoup(SOURCE.read_text(encoding="utf-8"), "html.parser")
    written = [" ".join(td.get_text(" ").split()).removeprefix("Abstract: ")
               for td in soup.find_all("td", colspan="3")]
    got = [t.abstract for t in talks if t.abstract]
    assert len(written) == len(got) == 10
    for mine, theirs in zip(got, written, strict=True):
        assert mine.replace(" ", "") == theirs.replace(" ", "")
    hunt = next(s for s in talks if s.speakers[0].name == "Emily Hunt")
    assert hunt.abstract is not None
    assert hunt.abstract.startswith("Almost everything in astronomy can be divided")
    assert hunt.abstract.endswith("for all of the topics I discuss.")
    assert (hunt.start, hunt.end) == (dt.time(16, 35), dt.time(16, 55))


def test_seed_jeffrey_links(seed: Programme) -> None:
    jeffrey = next(s for s in slots(seed) if s.speakers and s.speakers[0].name == "Niall Jeffrey")
    assert jeffrey.links == (Link("ArXiv:2009.08459", "https://arxiv.org/abs/2009.08459"),
                             Link("ArXiv:2202.02306", "https://arxiv.org/abs/2202.02306"))
    assert jeffrey.abstract_html is not None and '<a href="https://arxiv.org/abs/2009.08459">' \
        in jeffrey.abstract_html
    assert all(not s.links for s in slots(seed) if s is not jeffrey)


def test_seed_discussions_have_no_speaker(seed: Programme) -> None:
    for slot in slots(seed):
        if slot.kind == "discussion":
            assert slot.speakers == () and slot.title == "Discussion" and slot.abstract is None


def test_seed_ids_and_uids_are_stable_and_unique(seed: Programme) -> None:
    again = load(SOURCE)
    assert [s.id for s in slots(seed)] == [s.id for s in slots(again)]
    assert [s.uid for s in slots(seed)] == [s.uid for s in slots(again)]
    assert len({s.id for s in slots(seed)}) == 14 and len({s.uid for s in slots(seed)}) == 14
    assert slots(seed)[1].id == "2022-07-13-1635-the-power-and-caveats-of-clustering"


def test_seed_slot_lines_point_at_their_rows(seed: Programme) -> None:
    lines = SOURCE.read_text(encoding="utf-8").split("\n")
    for slot in slots(seed):
        assert lines[slot.line - 1].strip() == "<tr>"
        assert f"{slot.start:%H:%M}-" in lines[slot.line]


def test_title_html_keeps_author_markup_but_not_table_styling(seed: Programme) -> None:
    titles = {s.title_html for s in slots(seed)}
    assert "Discussion" in titles
    assert all("<b>" not in t and "<br>" not in t for t in titles)
    assert any("Where &amp; Why" in t for t in titles)


# -- shapes: each fixture writes the same programme another way ------------------------------

BASE = SHAPES / "base.md"
SAME_MODEL = [
    "shifted-headings.md", "prose-around.md", "br-in-title.md", "short-abstract-header.md",
    "th-headers.md", "time-styles.md", "speakers-slash.md", "column-order.md",
    "abstract-column.md", "bullet-list.md",
]


def model_data(path: Path, **overrides: Any) -> Any:
    return without_lines(to_dict(load(path, **overrides)))


def test_base_fixture_model() -> None:
    base = load(BASE)
    assert base.title == "Example Meeting 2023 - Test Sessions"
    assert base.description == "A small programme written the way the seed is."
    assert [d.date for d in base.days] == [dt.date(2023, 7, 3), dt.date(2023, 7, 4)]
    one, two = base.days[0].sessions[0], base.days[1].sessions[0]
    assert (one.title, one.url) == ("Session One: Stars", "https://example.org/sessions/1")
    assert (two.title, two.url) == ("Session Two: Galaxies", None)
    got = [(f"{s.start:%H:%M}-{s.end:%H:%M}", s.kind, [p.name for p in s.speakers], s.title,
            s.abstract) for s in slots(base)]
    assert got == [
        ("09:00-09:10", "introduction", ["Ada Lovelace"], "Introduction", None),
        ("09:10-09:30", "talk", ["Grace Hopper"], "Compiling the stars with modern tools",
         "We compile stars. See arXiv:1234.5678 & more."),
        ("09:30-09:50", "talk", ["Alan Turing", "Joan Clarke"], "Breaking codes",
         "Two speakers, one talk."),
        ("09:50-10:10", "talk", ["Katherine Johnson"], "Orbits without an abstract", None),
        ("10:10-10:30", "discussion", [], "Discussion", None),
        ("14:00-14:20", "talk", ["Vera Rubin"], "Dark matter in galaxies",
         "Rotation curves are flat."),
        ("14:20-14:40", "break", [], "Coffee break", None),
        ("14:40-15:00", "talk", ["Edwin Hubble", "Milton Humason"], "Receding galaxies", None),
    ]
    grace = slots(base)[1]
    assert grace.abstract_html == ('We compile <i>stars</i>. See <a href="https://arxiv.org/abs/'
                                   '1234.5678">arXiv:1234.5678</a> &amp; more.')
    assert grace.links == (Link("arXiv:1234.5678", "https://arxiv.org/abs/1234.5678"),)


@pytest.mark.parametrize("name", SAME_MODEL)
def test_shape_gives_the_same_model(name: str) -> None:
    assert model_data(SHAPES / name) == model_data(BASE)


def test_weekday_only_headings_resolve_against_start_date() -> None:
    got = model_data(SHAPES / "weekday-only.md", start_date=dt.date(2023, 7, 3))
    want = model_data(BASE)
    assert got["days"] == want["days"] or [d["date"] for d in got["days"]] == ["2023-07-03",
                                                                              "2023-07-04"]
    assert [d["date"] for d in got["days"]] == ["2023-07-03", "2023-07-04"]
    assert [d["label"] for d in got["days"]] == ["Monday", "Tuesday"]


def test_year_flag_overrides_title_year() -> None:
    programme = load(BASE, year=2024)
    assert [d.date for d in programme.days] == [dt.date(2024, 7, 3), dt.date(2024, 7, 4)]


def test_day_heading_notes() -> None:
    got = load(SHAPES / "day-notes.md")
    assert [d.notes for d in got.days] == [("zoom link?",), ("hybrid", "room TBC")]
    assert [d.label for d in got.days] == ["Monday (3 July)", "Tuesday (4 July)"]
    data = without_lines(to_dict(got))
    for day in data["days"]:
        day["notes"] = []
    assert data == model_data(BASE)


def test_organisers_and_chair_lines() -> None:
    got = load(SHAPES / "organisers-chair.md")
    session = got.days[0].sessions[0]
    assert session.organisers == (Person("Ada Lovelace", "ada@example.org", None),
                                  Person("Charles Babbage"),
                                  Person("Mary Somerville", None, "https://example.org/mary"))
    assert session.chairs == (Person("Grace Hopper"),)
    data = without_lines(to_dict(got))
    data["days"][0]["sessions"][0]["organisers"] = []
    data["days"][0]["sessions"][0]["chairs"] = []
    assert data == model_data(BASE)


def test_location_bullet_list_under_title() -> None:
    got = load(SHAPES / "location-list.md")
    assert got.location == "Main Building --- Room 1.01 (Ground Floor)"
    assert Link("Main Building", "https://example.org/map") in got.links
    data = without_lines(to_dict(got))
    data["location"], data["links"] = None, []
    assert data == model_data(BASE)


def test_speaker_joiners() -> None:
    for name in ("base.md", "speakers-slash.md", "bullet-list.md"):
        turing = slots(load(SHAPES / name))[2]
        assert turing.speakers == (Speaker("Alan Turing"), Speaker("Joan Clarke")), name


# -- the corpus of real programmes ------------------------------------------------------------

NAM_VARIANTS = ["nam-ml__README__8448a97.md", "nam-ml__README__93436b0.md"]


@pytest.mark.parametrize("name", NAM_VARIANTS)
def test_nam_corpus_variants_give_the_seed_model(name: str, seed: Programme) -> None:
    path = CORPUS / name
    needs(path.exists(), f"{path} is absent")
    got = load(path, timezone="Europe/London")
    assert [s.title for s in slots(got)] == [s.title for s in slots(seed)]
    assert [s.abstract for s in slots(got)] == [s.abstract for s in slots(seed)]
    assert [s.speakers for s in slots(got)] == [s.speakers for s in slots(seed)]
    assert [s.uid for s in slots(got)] == [s.uid for s in slots(seed)]


def test_nam_corpus_organisers_and_location() -> None:
    path = CORPUS / "nam-ml__README__93436b0.md"
    needs(path.exists(), f"{path} is absent")
    got = load(path, timezone="Europe/London")
    assert got.location is not None and got.location.startswith("Social Sciences --- Room S0.11")
    organisers = got.days[0].sessions[0].organisers
    assert organisers[0] == Person("Tom Killestein", "T.Killestein@warwick.ac.uk", None)
    assert [p.name for p in organisers[1:]] == ["David Armstrong", "Eliot Ayache", "Joe Lyman",
                                                "Azib Norazman", "Catarina Sampaio Alves"]
    assert got.days[1].sessions[0].organisers[0].email == "michael.walmsley@manchester.ac.uk"
