"""Issue 8: other conferences' programmes, read as their organisers wrote them.

Every expectation below was written from reading the corpus file (../shared/corpus/),
not from the parser's output: the days, every slot's time, kind, speakers and title,
and which slots an abstract belongs to. The nam-ml files are in test_parse.py.
"""

from __future__ import annotations

import datetime as dt
import zipfile
from pathlib import Path
from typing import Any

import pytest
from bs4 import BeautifulSoup

from namconvert.build import write_outputs
from namconvert.config import make_options
from namconvert.model import Person, Programme, Slot
from namconvert.parse import parse_file
from support import load, shared_file

FUTURE_FILE = "markalab__future__index.md"
HUPO_FILE = "hupo2026__README.md"
PCGM34_FILE = "duetosymmetry__pcgm34-web-site__Schedule.md"
# PCGM34's headings name only weekdays and the page gives no date: the meeting was held
# Friday-Saturday 16-17 March 2018.
OVERRIDES: dict[str, dict[str, Any]] = {PCGM34_FILE: {"start_date": dt.date(2018, 3, 16)}}
CORPUS_FILES = [FUTURE_FILE, HUPO_FILE, PCGM34_FILE,
                "nam-ml__README__8448a97.md", "nam-ml__README__93436b0.md"]

Row = tuple[str, str, tuple[str, ...], str]


def corpus(name: str) -> Path:
    return shared_file("corpus", name)


def read(name: str) -> Programme:
    return load(corpus(name), **OVERRIDES.get(name, {}))


def slots(programme: Programme) -> list[Slot]:
    return [slot for day in programme.days for session in day.sessions for slot in session.slots]


def row(slot: Slot) -> Row:
    return (f"{slot.start:%H:%M}-{slot.end:%H:%M}", slot.kind,
            tuple(s.name for s in slot.speakers), slot.title)


# -- markalab/future: pipe tables per weekday, 12-hour clock without am/pm -------------------

FUTURE = [
    ('Friday', [
        ('08:50-09:00', 'introduction', ('Szabi Marka', 'Zsuzsa Marka'), 'Opening statement'),
        ('09:00-09:20', 'introduction', ('Brian Greene',), 'Welcome remark'),
        ('09:20-09:50', 'talk', ('Azadeh Keivani',),
         'Is multi-messenger astrophysics the best approach to study sources of '
         'high-energy neutrinos and ultra-high energy cosmic rays?'),
        ('09:50-10:20', 'talk', ('Josh Dillon',), 'Opening the 21 cm Window on Our Cosmic Dawn'),
        ('10:20-10:50', 'talk', ('Jasmine Gill',),
         'From Dreams to Future Discoveries: Advancing Multi-Messenger Core-Collapse Supernova Science'),
        ('10:50-11:00', 'break', (), 'Coffee break'),
        ('11:00-11:30', 'talk', ('Dario Carbone',),
         'Identifying EM counterparts to NS-NS mergers: an Optimized Radio Follow-up Strategy'),
        ('11:30-12:00', 'talk', ('Ashley Villar',),
         'Analyzing Cosmic Messengers with More Data, New Tools & Unified Modeling'),
        ('12:00-12:30', 'talk', ('Jamie Rollins',), 'TBD'),
        ('12:30-13:10', 'panel', (), 'Panel discussion about the future'),
        ('13:10-13:50', 'break', (), 'Lunch (provided)'),
        ('13:50-14:20', 'talk', ('Michael Coughlin',),
         'Using EMCCDs for high-cadence observations of objects variable on short time-scales'),
        ('14:20-14:50', 'talk', ('Katerina Chatziioannou',),
         'Studying the neutron star equation of state with multi messenger observations'),
        ('14:50-15:20', 'talk', ('Imre Bartos',),
         'The Age of Abundance: How Frequent Discoveries will Transform Multimessenger Astrophysics'),
        ('15:20-15:30', 'break', (), 'Coffee break'),
        ('15:30-16:00', 'talk', ('Evan Hall',),
         'Cosmic Explorer and the Future of Ground-Based Gravitational-Wave Detection'),
        ('16:00-16:30', 'talk', ('Katelyn Breivik',),
         'The stellar graveyard: a multi-messenger, multi-band puzzle'),
        ('16:30-17:00', 'talk', ('Leo Singer',), 'TBD'),
        ('17:00-17:30', 'talk', ('Anamaria Effler',), 'TBD'),
        ('17:30-18:10', 'panel', (), 'Panel discussion about the future'),
        ('18:10-19:00', 'break', (), 'Wine and cheese'),
    ]),
    ('Saturday', [
        ('09:00-09:30', 'talk', ('Shuo Zhang',), 'High-energy X-ray View of the Central 10 pc of the Galaxy'),
        ('09:30-10:00', 'talk', ('Marcos Santander',), 'The future of high-energy neutrino astrophysics'),
        ('10:00-10:30', 'talk', ('Hsin-Yu Chen',),
         'The bright and loud future of gravitational-wave multi-messenger astrophysics and cosmology'),
        ('10:30-10:50', 'break', (), 'Coffee break'),
        ('10:50-11:20', 'talk', ('Carl Johan Haster',),
         'The future of Gravitational Wave inference - problems to solve over the next few years'),
        ('11:20-11:50', 'talk', ('Marcelle Soares Santos',),
         'Precision cosmology with standard sirens and traditional probes in DES and LSST DESC'),
        ('11:50-12:20', 'talk', ('Ali Kheirandish',),
         'Multimessenger observations and the path to uncovering cosmic ray '
         'sources: strategies for identifying flaring, obscured, and efficient '
         'sources'),
        ('12:20-13:00', 'panel', (), 'Panel discussion about the future'),
        ('13:00-13:40', 'break', (), 'Lunch'),
        ('13:40-14:10', 'talk', ('Phil Cowperthwaite',),
         'Chasing EM Counterparts with Next-Generation Facilities'),
        ('14:10-14:40', 'talk', ('Evan Gotz',),
         'Searching for continuous gravitational waves with advanced detectors and beyond'),
        ('14:40-15:10', 'talk', ('Ke Fang',),
         'High-energy Astroparticle Counterparts to Neutron Star Mergers'),
        ('15:10-15:40', 'talk', ('Peter Veres',),
         'Role of Gamma-ray Bursts in the Future of Multimessenger Astrophysics'),
        ('15:40-16:20', 'panel', (), 'Panel discussion about the future'),
        ('16:20-16:30', 'discussion', ('Zsuzsa Marka',), 'Closing remarks'),
    ]),
]


def test_future_by_the_future_days_and_every_slot() -> None:
    got = read(FUTURE_FILE)
    assert got.title == "Future by the Future"
    assert got.description.startswith("Workshop on the vision for the next decades")
    # "### Friday" / "### Saturday" under "Nov. 30 - Dec. 1, 2018, Columbia University".
    assert [(d.date, d.label) for d in got.days] == [(dt.date(2018, 11, 30), "Friday"),
                                                     (dt.date(2018, 12, 1), "Saturday")]
    assert [len(slots_of_day) for _, slots_of_day in FUTURE] == [21, 15]
    for day, (label, want) in zip(got.days, FUTURE, strict=True):
        assert day.label == label
        assert [row(s) for session in day.sessions for s in session.slots] == want
    assert len(slots(got)) == 36
    assert all(s.abstract is None for s in slots(got))
    assert all(p.affiliation is None for s in slots(got) for p in s.speakers)


# -- HUPO 2026: one session, en dashes, *(affiliation)*, "or", a separate ## Abstracts ----------

HUPO = [
    ("10:30-10:31", "introduction", (("Heeyoun Hwang", None), ("Peter Horvatovich", None)),
     "Welcome and session introduction (1 slide)"),
    ("10:31-10:41", "talk", (("Arthur Declercq", "VIB-UGent, CompOmics"),),
     "Mumble and MS²Rescore: localizing mass shifts using modification-aware peptide property "
     "predictions"),
    ("10:41-10:51", "talk", (("Pathmanaban Ramasamy", "VIB-UGent, CompOmics"),),
     "Scop3PTM: integrating proteomics evidence, structural biology and residue-level "
     "biophysical properties for mechanistic interpretation of post-translational modifications"),
    ("10:51-11:06", "talk", (("Peter Horvatovich", "University of Groningen"),),
     "GlycoGenius: Automated and High-Throughput Analysis of Glycomics Mass Spectrometry Data"),
    # "Ju-Yeon Lee *(KBSI)* or Yuan Li *(TBC)*": two candidates, both listed.
    ("11:06-11:21", "talk", (("Ju-Yeon Lee", "KBSI"), ("Yuan Li", "TBC")),
     "Glycopeptide identification (IQ-GPA)"),
    ("11:21-11:41", "talk", (("Gong Zhang", "Jinan University"),),
     "The HPP Portal and resources for protein function characterisation"),
    # "All speakers; moderated by Heeyoun Hwang and Peter Horvatovich": the moderators.
    ("11:41-12:00", "panel", (("Heeyoun Hwang", None), ("Peter Horvatovich", None)),
     "Panel discussion: how completely can we characterise protein function?"),
]
# Slot start -> (first words, last words) of the abstract under "## Abstracts".
HUPO_ABSTRACTS = {
    "10:31": ("Post-translational modifications (PTMs) regulate protein function",
              "cannot decide between candidate sites."),
    "10:41": ("Public repositories contain millions of experimentally identified",
              "PTM-mediated protein regulation at proteome scale."),
    "10:51": ("Glycan analysis remains challenging because of the high structural complexity",
              "facilitating expert inspection and biological interpretation."),
}


def test_hupo_day_session_and_every_slot() -> None:
    got = read(HUPO_FILE)
    assert got.title == "HUPO-2026-C-HPP-Bioinformatics-tools-glycosylation-PTM-and-protein-function"
    assert got.location == "room 330"
    assert len(got.days) == 1
    day = got.days[0]
    assert day.date == dt.date(2026, 9, 30)
    assert (day.start, day.end) == (dt.time(10, 30), dt.time(12, 0))
    assert len(day.sessions) == 1
    session = day.sessions[0]
    assert session.title == "C-HPP Bioinformatics tools, glycosylation, PTM and protein function"
    assert session.organisers == (Person("Heeyoun Hwang"), Person("Peter Horvatovich"))
    assert [(f"{s.start:%H:%M}-{s.end:%H:%M}", s.kind,
             tuple((p.name, p.affiliation) for p in s.speakers), s.title)
            for s in session.slots] == HUPO


def test_hupo_abstracts_are_matched_by_speaker_name() -> None:
    got = slots(read(HUPO_FILE))
    with_abstract = {f"{s.start:%H:%M}": s.abstract for s in got if s.abstract is not None}
    assert set(with_abstract) == set(HUPO_ABSTRACTS)
    for start, (first, last) in HUPO_ABSTRACTS.items():
        abstract = with_abstract[start]
        assert abstract is not None
        assert abstract.startswith(first) and abstract.endswith(last), start
    # Peter Horvatovich also opens the session and moderates the panel: his abstract is the
    # GlycoGenius talk's, and its four paragraphs stop before "## Reference".
    glyco = with_abstract["10:51"]
    assert glyco is not None
    assert "GlycoGenius automatically constructs customizable" in glyco
    assert "In the validation presented in the 2025 Nature Communications study" in glyco
    assert "Loponte" not in glyco
    declercq = with_abstract["10:31"]
    assert declercq is not None and "We present the integration of Mumble into MS²Rescore." in declercq


# -- PCGM34: kramdown tables, session rows with chairs, `*` student marks, two weekdays ---------

PCGM34 = [
    ('Friday', [
        ('Registration and breakfast', [], [
            ('08:00-08:30', 'break', (), 'Registration and breakfast'),
        ]),
        ('Session 1: HEP', ['Ashmeet Singh'], [
            ('08:30-08:42', 'introduction', (), 'Welcome'),
            ('08:42-08:54', 'talk', ('Nico Salzetta',), 'Spacetime from Unentanglement'),
            ('08:54-09:06', 'talk', ('Pratik Rath',), 'Holography in general spacetimes'),
            ('09:06-09:18', 'talk', ('Gabriel Trevino',), 'How to close the holographic entropy cone'),
            ('09:18-09:30', 'talk', ('Taha Ahmad Malik',),
             'A novel definition of entropy and application to black holes.'),
            ('09:30-09:42', 'talk', ('Yousef Izadi',), 'Holographic Dual of Asymptotically Flat Spacetimes'),
            ('09:42-09:54', 'talk', ('Aron Wall',), 'The True Meaning of Apparent Horizon Entropy'),
            ('09:54-10:06', 'talk', ('Gökçen Deniz Alıcı',), 'Entropy in Born-Infeld Gravity'),
            ('10:06-10:18', 'talk', ('Zicao Fu',), 'Bare Quantum Null Energy Condition'),
            ('10:18-10:30', 'talk', ('Julio Parra-Martinez',), 'Anomalies and divergences in (super)gravity'),
        ]),
        ('Coffee break', [], [
            ('10:30-11:00', 'break', (), 'Coffee break'),
        ]),
        ('Session 2: Gravitational waves', ['Max Isi'], [
            ('11:00-11:12', 'talk', ('Gautam Venugopalan',),
             'Squeezing the vacuum - optomechanics for precision metrology and cosmology'),
            ('11:12-11:24', 'talk', ('Alexandra Macedo',),
             "Identifying correlations between LIGO's astronomical range and "
             'auxiliary sensors using LASSO regression'),
            ('11:24-11:36', 'talk', ('Ron Tso',), 'Black Hole Spectroscopy with Active Interferometry'),
            ('11:36-11:48', 'talk', ("Kellie Ault-O'Neal",),
             'Testing General Relativity Through Gravitational Waves'),
            ('11:48-12:00', 'talk', ('Katie Chamberlain',),
             'Testing modified gravity with future gravitational wave detectors'),
            ('12:00-12:12', 'talk', ('Preston Jones',),
             'Vacuum production of electromagnetic radiation by gravitational waves'),
            ('12:12-12:24', 'talk', ('Nader Inan',),
             'A New Approach to Detecting Gravitational Waves via a Charge '
             'Separation Effect in Superconductors'),
        ]),
        ('Lunch', [], [
            ('12:24-14:00', 'break', (), 'Lunch'),
        ]),
        ('Session 3: Astrophysics', ['Jess McIver'], [
            ('14:00-14:12', 'talk', ('Riccardo Barbieri',),
             'Black hole spin alignment in binary black hole merger'),
            ('14:12-14:24', 'talk', ('Johan Samsing',), 'Formation of Eccentric Black Hole Mergers'),
            ('14:24-14:36', 'talk', ('Matthew Giesler',),
             'Low-mass X-ray binaries from black-hole retaining globular clusters'),
            ('14:36-14:48', 'talk', ('Chiara Mingarelli',),
             'The local nanohertz gravitational-wave landscape from supermassive black hole binaries'),
            ('14:48-15:00', 'talk', ('Stephen Taylor',),
             'Nanohertz-frequency Gravitational Wave Astrophysics With Pulsar Timing Arrays'),
            ('15:00-15:12', 'talk', ('Natalia Tenorio Maia',),
             'Radiation reaction of binary systems via EFT: spin effects'),
            ('15:12-15:24', 'talk', ('Simon Birrer',), 'Probing spacetime with strong gravitational lensing'),
            ('15:24-15:36', 'talk', ('Baoyi Chen',),
             'Deformations of extremal black holes in GR and from stringy interactions'),
        ]),
        ('Coffee break', [], [
            ('15:36-16:00', 'break', (), 'Coffee break'),
        ]),
        ('Session 4: GR/HEP', ['Davide Gerosa'], [
            ('16:00-16:12', 'talk', ('Achilleas Porfyriadis',),
             'Critical Emission from a High-Spin Black Hole'),
            ('16:12-16:24', 'talk', ('Sam Gralla',),
             'Critical Behavior of Extremal Black Hole Perturbations. I. Aretakis Instability'),
            ('16:24-16:36', 'talk', ('Peter Zimmerman',),
             'Critical Behavior of Extremal Black Hole Perturbations. II. Universal Exponents'),
            ('16:36-16:48', 'talk', ('Arun Ravishankar',),
             'Critical Behavior of Extremal Black Hole Perturbations. III. Holography?'),
            ('16:48-17:00', 'talk', ('Eric Mefford',),
             'Gravitational Constraints on Operators in Spherical CFTd'),
            ('17:00-17:12', 'talk', ('James Hartle',), 'No Boundary Wave Functions of the Universe'),
            ('17:12-17:24', 'talk', ('Gary Horowitz',), 'Cosmic Censorship in Anti DeSitter Space'),
            ('17:24-17:36', 'talk', ('Ivan Kolar',),
             'Higher-dimensional NUT-like and near-horizon geometries from the Kerr-NUT-(A)dS metrics'),
    ]),
    ]),
    ('Saturday', [
        ('Breakfast', [], [
            ('08:00-08:30', 'break', (), 'Breakfast'),
        ]),
        ('Session 5: Beyond GR', ['Maria Okounkova'], [
            ('08:30-08:42', 'talk', ('Quentin G Bailey',),
             'General Relativity tests in the solar system and beyond'),
            ('08:42-08:54', 'talk', ('Luciano Manfredi',),
             'Quasinormal Modes of Modified Gravity Black Holes'),
            ('08:54-09:06', 'talk', ('Ruifeng Dong',),
             'Gravitational-wave ringdown echoes from black holes in massive gravity'),
            ('09:06-09:18', 'talk', ('Zachary Mark',), 'A recipe for echoes from exotic compact objects'),
            ('09:18-09:30', 'talk', ('Matthew Mewes',),
             'Tests of local Lorentz invariance in General Relativity'),
            ('09:30-09:42', 'talk', ('Noah Harris',),
             'Testing for Equivalence Principle Violation with Fission Products'),
            ('09:42-09:54', 'talk', ('Michele Oliosi',), 'Minimal theory of quasidilaton massive gravity'),
            ('09:54-10:06', 'talk', ('Kevin Croker',), 'Cosmological tests of the gravastar hypothesis'),
            ('10:06-10:18', 'talk', ('Coleman Dobson',), 'Fuzz Balls and Noncommutative Gravity'),
            ('10:18-10:30', 'talk', ('Atsushi Naruko',), 'Extended vector-tensor theory'),
        ]),
        ('Coffee break', [], [
            ('10:30-11:00', 'break', (), 'Coffee break'),
        ]),
        ('Session 6: Numerical Relativity', ['Matthew Giesler'], [
            ('11:00-11:12', 'talk', ('Vijay Varma',),
             'Aligned-spin numerical relativity hybrid surrogate model with subdominant modes.'),
            ('11:12-11:24', 'talk', ('Davide Gerosa',),
             'Modeling black hole kicks with waveform approximants'),
            ('11:24-11:36', 'talk', ('Hyun Lim',),
             'Towards simulations of intermediate/extreme mass ratio binaries with numerical relativity'),
            ('11:36-11:48', 'talk', ('Vishal Baibhav',),
             'Systematic Errors and Energy Estimates in Binary Black Hole Ringdown'),
            ('11:48-12:00', 'talk', ('Maria Okounkova',),
             'On choosing the start time of binary black hole ringdown'),
            ('12:00-12:12', 'talk', ('Samuel Rodriguez',),
             'Visualizing the Curvature of Spacetime: Vortex and Tendex Lines of '
             'Head-On Merging Binary Black Holes'),
            ('12:12-12:24', 'talk', ('Charalampos Markakis',),
             'Acoustical & Canonical Fluid Dynamics in Numerical General Relativity'),
            ('12:24-12:36', 'talk', ('George Schuhmann',), 'Use of a Density Function to Represent Gravity'),
        ]),
        ('Lunch', [], [
            ('12:36-14:00', 'break', (), 'Lunch'),
        ]),
        ('Session 7: Cosmology', ['Steve Taylor'], [
            ('14:00-14:12', 'talk', ('Arthur Fischer',),
             'A Simple Model for the Birth and Death of the Universe'),
            ('14:12-14:24', 'talk', ('Rodger Thompson',),
             'Analytic Cosmological Parameter Solutions with Beta Functions'),
            ('14:24-14:36', 'talk', ('Taisaku Mori',),
             'BRS structure of simple model for the cosmological constant'),
            ('14:36-14:48', 'talk', ('Tanmoy Paul',),
             'Bouncing cosmology from warped extra dimensional scenario.'),
            ('14:48-15:00', 'talk', ('Dipanjan Dey',),
             'On The Validity of Cosmic Censorship Conjecture in a Cosmological Scenario'),
            ('15:00-15:12', 'talk', ('Andres Américo Navarro Leon',),
             'Non-Abelian S-term dark energy and inflation'),
            ('15:12-15:24', 'talk', ('Nikodem Poplawski',), 'Big Bounce and Inflation from Spin and Torsion'),
            ('15:24-15:36', 'talk', ('Ilya Vilensky',),
             'Deriving loop quantum cosmology dynamics from diffeomorphism invariance'),
        ]),
        ('Coffee break', [], [
            ('15:36-16:00', 'break', (), 'Coffee break'),
        ]),
        ('Session 8: GR/HEP', ['Leo Stein'], [
            ('16:00-16:10', 'other', (), 'Student Prize'),
            ('16:10-16:22', 'talk', ('Hongsu Kim',),
             'Closed Timelike Curves in Kerr-Newman BH spacetime are gauge artifacts.'),
            ('16:22-16:34', 'talk', ('Chia-Hsien Shen',), 'Color-kinematics duality in Classical Radiation'),
            ('16:34-16:46', 'talk', ('Christos Tzounis',),
             'Ingoing Eddington-Finkelstein Metric of an Evaporating Black Hole'),
            ('16:46-16:58', 'talk', ('Shohreh Abdolrahimi',),
             'Hawking Radiation Energy and Entropy from a Bianchi-Smerlak Semiclassical Black Hole'),
            ('16:58-17:10', 'talk', ('Sujoy Modak',),
             "Saying 'Yes' to loss of information in black hole evaporation"),
            ('17:10-17:22', 'talk', ('Chiara Toldo',), 'Black hole bound states in AdS'),
        ]),
    ]),
]


def test_pcgm34_days_sessions_chairs_and_every_slot() -> None:
    got = read(PCGM34_FILE)
    assert got.title == "Schedule"  # the front matter's title: the page has no # heading
    assert [(d.date, d.label) for d in got.days] == [(dt.date(2018, 3, 16), "Friday"),
                                                     (dt.date(2018, 3, 17), "Saturday")]
    for day, (label, sessions) in zip(got.days, PCGM34, strict=True):
        assert day.label == label
        assert [(s.title, [c.name for c in s.chairs]) for s in day.sessions] == \
            [(title, chairs) for title, chairs, _ in sessions]
        for session, (_, _, want) in zip(day.sessions, sessions, strict=True):
            assert [row(s) for s in session.slots] == want, session.title
    assert len(slots(got)) == 74
    assert all(s.abstract is None for s in slots(got))
    # The `*` column marks students: it is not part of a name.
    assert all("*" not in p.name and p.affiliation is None for s in slots(got) for p in s.speakers)


def test_pcgm34_keeps_title_markup() -> None:
    mefford = next(s for s in slots(read(PCGM34_FILE)) if s.speakers
                   and s.speakers[0].name == "Eric Mefford")
    assert mefford.title_html == "Gravitational Constraints on Operators in Spherical CFT<sub>d</sub>"


def test_pcgm34_needs_a_start_date() -> None:
    path = corpus(PCGM34_FILE)
    result = parse_file(path, make_options(path, {}), raise_on_error=False)
    assert result.programme is None
    assert {(f.line, f.message) for f in result.findings if f.severity == "error"} == {
        (24, "heading names only a weekday: give --start-date YYYY-MM-DD"),
        (78, "heading names only a weekday: give --start-date YYYY-MM-DD")}


# -- every corpus file: check reports no error; HTML, PDF and EPUB build ---------------------

@pytest.mark.parametrize("name", CORPUS_FILES)
def test_check_reports_no_error(name: str) -> None:
    path = corpus(name)
    result = parse_file(path, make_options(path, OVERRIDES.get(name, {})), raise_on_error=False)
    assert [f.format() for f in result.findings if f.severity == "error"] == []
    assert result.programme is not None


@pytest.mark.parametrize("name", CORPUS_FILES)
def test_html_pdf_and_epub_build(name: str, tmp_path: Path) -> None:
    path = corpus(name)
    options = make_options(path, OVERRIDES.get(name, {}))
    programme = parse_file(path, options).programme
    assert programme is not None
    written = write_outputs(programme, path, options, tmp_path, ["html", "pdf", "epub"], jobs=1)
    assert tmp_path / "index.html" in written
    for output in ("index.html", "programme.pdf", "programme.epub"):
        assert (tmp_path / output).stat().st_size > 0, output
    assert (tmp_path / "programme.pdf").read_bytes().startswith(b"%PDF-")
    assert zipfile.ZipFile(tmp_path / "programme.epub").read("mimetype") == b"application/epub+zip"
    html_text = " ".join(BeautifulSoup((tmp_path / "index.html").read_text(encoding="utf-8"),
                                       "html.parser").get_text(" ").split())
    for slot in slots(programme):
        assert " ".join(slot.title.split()) in html_text, slot.title
