"""A seeded synthetic programme in the seed README's shape, for benchmarks and scale tests.

``generate(talks, seed)`` writes a README like ``source/README.md``: a ``#`` title
with the year, a description, ``##`` day headings ("Wednesday (13 July) 09:00-18:00"),
``###`` linked session headings, and HTML timetables whose talk rows are followed
by full-width abstract rows. Sessions hold 5-8 slots (an introduction, 3-6 talks,
a discussion) in four time blocks a day, in parallel rooms when the meeting is
large, over as many weekdays as needed. Abstracts run 800-2,000 characters with
arXiv links and inline markup; names mix accents and non-Latin scripts.

The same (talks, seed) always gives the same text, byte for byte: only a private
``random.Random(seed)`` is used, never the clock or the global generator.
"""

from __future__ import annotations

import datetime as dt
import math
import random
from collections.abc import Iterator

MAX_TALKS = 200_000

# Four blocks a day; each is 110 minutes, enough for 5 + 6 x 15 + 10 minutes.
BLOCKS = ((dt.time(9, 0), dt.time(10, 50)), (dt.time(11, 10), dt.time(13, 0)),
          (dt.time(14, 0), dt.time(15, 50)), (dt.time(16, 10), dt.time(18, 0)))
TALKS_PER_SESSION = (3, 6)  # plus an introduction and a discussion: 5-8 slots
MAX_ROOMS = 40  # parallel sessions per block: the largest meetings run about this many
TARGET_DAYS = 5  # a big meeting fills a week before it adds rooms beyond MAX_ROOMS
ABSTRACT_CHARS = (800, 2000)

# (given names, family names, family name first?) per naming tradition.
_NAMES: tuple[tuple[tuple[str, ...], tuple[str, ...], bool], ...] = (
    (("Emily", "Thomas", "Matthew", "Joshua", "Hannah", "Oliver", "Grace", "Daniel", "Ruth"),
     ("Hunt", "Davis", "Mould", "Wilde", "Smith", "Walmsley", "O'Connor", "Killestein",
      "Fraser-Mckelvie"), False),
    (("José", "María", "Iñaki", "Lucía", "Sebastián", "Ángela", "Tomás"),
     ("Núñez", "García Pérez", "Muñoz", "Ibáñez", "Rodríguez", "Peña"), False),
    (("Zoë", "Chloé", "Léa", "Jérôme", "Anaïs", "François", "Hélène"),
     ("Brontë", "Lefèvre", "Dubois", "Bénard", "Moreau", "Château"), False),
    (("Łukasz", "Małgorzata", "Wojciech", "Zuzana", "Jiří", "Dvořák"),
     ("Żółć", "Wiśniewski", "Dvořáková", "Nowak", "Šťastný", "Kowalczyk"), False),
    (("Søren", "Åsa", "Björn", "Ingrid", "Jörg", "Sigrún", "Þórunn"),
     ("Kierkegård", "Østergaard", "Müller", "Jóhannsdóttir", "Schäfer", "Löwe"), False),
    (("Ayşe", "Çağrı", "Gül", "Mehmet", "Şebnem"),
     ("Yılmaz", "Öztürk", "Çelik", "Doğan", "Kılıç"), False),
    (("Nguyễn", "Trần", "Lê", "Phạm"), ("Thị Hương", "Văn Minh", "Quốc Bảo", "Thu Trang"), True),
    (("小明", "美玲", "伟", "静"), ("王", "李", "张", "刘", "陈"), True),
    (("花子", "太郎", "陽菜", "蓮"), ("田中", "佐藤", "鈴木", "高橋"), True),
    (("민준", "서연", "지훈", "수빈"), ("김", "이", "박", "최"), True),
    (("Иван", "Ольга", "Дмитрий", "Анна", "Сергей"),
     ("Петров", "Смирнова", "Иванов", "Кузнецова", "Попов"), False),
    (("Σοφία", "Γιώργος", "Ελένη", "Νίκος"), ("Παπαδοπούλου", "Νικολάου", "Γεωργίου"), False),
    (("محمد", "فاطمة", "علي", "ليلى"), ("الحسن", "العلي", "منصور"), False),
    (("Priya", "Arjun", "Ananya", "Rahul", "Devina"),
     ("Muthukrishna", "Mohan", "Iyer", "Chatterjee", "Venkataraman"), False),
    (("Oluwaseun", "Chiamaka", "Kwame", "Amara"), ("Adébáyọ̀", "Okonkwo", "Mensah", "Diallo"),
     False),
)
_AFFILIATIONS = ("University of Warwick", "Université Paris Cité", "Universität Heidelberg",
                 "Jagiellonian University", "東京大学", "Universidad de Chile", "ETH Zürich",
                 "Københavns Universitet", "Max-Planck-Institut für Astronomie", "IUCAA, Pune",
                 "University of Cape Town", "Sorbonne Université", "Instituto de Astrofísica de "
                 "Canarias", "Boğaziçi Üniversitesi", "Монашский университет")

_METHODS = ("Self-supervised", "Physics-aware", "Bayesian", "Graph", "Variational",
            "Score-based generative", "Convolutional", "Transformer-based", "Interpretable",
            "Simulation-based", "Probabilistic", "Contrastive", "Equivariant", "Sparse",
            "Active-learning", "Normalising-flow")
_MODELS = ("neural networks", "emulators", "autoencoders", "random forests", "diffusion models",
           "Gaussian processes", "anomaly detectors", "classifiers", "symbolic regression",
           "foundation models", "likelihood-free inference")
_TASKS = ("inference of", "classification of", "discovery of", "denoising of", "modelling of",
          "photometric redshifts for", "uncertainty quantification for", "detection of",
          "emulation of", "clustering of")
_OBJECTS = ("strong gravitational lenses", "radio galaxies", "supernova light curves",
            "exoplanet transits", "stellar streams in Gaia DR3", "the cosmic web",
            "gravitational-wave populations", "solar flares", "fast radio bursts",
            "galaxy emission-line kinematics", "CMB foregrounds", "asteroid families",
            "the 21 cm signal", "quasar spectra", "star clusters", "the interstellar medium")
_SURVEYS = ("<i>Gaia</i>", "<i>Euclid</i>", "LSST", "SKA", "DESI", "KiDS", "LOFAR", "ZTF",
            "<i>JWST</i>", "SDSS-V", "MeerKAT", "<i>TESS</i>")
_SESSION_TOPICS = ("Machine Learning in Modern Astronomy", "The Future of Data-Driven Discovery",
                   "Time-Domain Surveys", "Cosmology with Large Surveys", "Galaxy Evolution",
                   "Exoplanets and Their Hosts", "Solar and Space Physics", "Radio Astronomy "
                   "in the SKA Era", "Gravitational Waves", "Stellar Populations",
                   "Planetary Science", "Astroinformatics and Software", "The Interstellar "
                   "Medium", "High-Energy Astrophysics", "Instrumentation and Methods")
_SENTENCES = (
    "In the coming decade, {survey} will deliver observations of ~10<sup>{exp}</sup> sources, "
    "far more than any team can inspect by eye.",
    "We present {method} {model} for the {task} {obj}, trained on simulations and tested on "
    "{survey} data.",
    "Our approach reaches a precision of {pct}% on held-out data while running {speed} times "
    "faster than the standard pipeline.",
    "Existing tools are orders of magnitude too slow to cope with the deluge of data expected "
    "from next-generation facilities such as {survey}.",
    "The model is fully explainable and includes calibrated uncertainties, which we verify with "
    "coverage tests on {n} mock catalogues.",
    "Applied to {survey}, it recovers {n} new candidates, of which {pct}% are confirmed with "
    "follow-up spectroscopy at <i>z</i> &lt; {z}.",
    "We discuss the caveats: selection effects, label noise and the domain shift between "
    "simulated and observed {obj}.",
    "Finally, we show how {method} {model} can be combined with hierarchical Bayesian inference "
    "to constrain the underlying astrophysics.",
    "The H<sub>0</sub> and S<sub>8</sub> tensions motivate independent, data-driven checks of "
    "the standard cosmological model.",
    "We release a catalogue of {n} objects together with the trained weights, so that others "
    "can reproduce and extend the analysis.",
)

# Every abstract cites a paper, as most real ones do.
_LINK_SENTENCES = (
    "We compare {model} with classical methods and find that no algorithm is perfect, and that "
    "choosing hyper-parameters is hard (see <a href=\"https://arxiv.org/abs/{arxiv}\">"
    "arXiv:{arxiv}</a>).",
    "Details of the method are given in <a href=\"https://arxiv.org/abs/{arxiv}\">our paper</a>, "
    "and code &amp; notebooks are public.",
)


def _name(rng: random.Random) -> str:
    given, family, family_first = rng.choice(_NAMES)
    first, last = rng.choice(given), rng.choice(family)
    return f"{last} {first}" if family_first else f"{first} {last}"


def _speaker_cell(rng: random.Random) -> str:
    names = [_name(rng)]
    if rng.random() < 0.05:  # a shared talk: "A & B"
        names.append(_name(rng))
    text = " &amp; ".join(names)
    if rng.random() < 0.2:
        text += f" ({rng.choice(_AFFILIATIONS)})"
    return text


def _title(rng: random.Random) -> str:
    title = (f"{rng.choice(_METHODS)} {rng.choice(_MODELS)} for the {rng.choice(_TASKS)} "
             f"{rng.choice(_OBJECTS)}")
    if rng.random() < 0.3:  # the seed breaks long titles by hand
        words = title.split(" ")
        cut = len(words) // 2
        title = " ".join(words[:cut]) + " <br> " + " ".join(words[cut:])
    if rng.random() < 0.2:
        title += f" with {rng.choice(_SURVEYS)}"
    return title


def _sentence(rng: random.Random, choices: tuple[str, ...] = _SENTENCES) -> str:
    return rng.choice(choices).format(
        survey=rng.choice(_SURVEYS), exp=rng.randint(5, 10), method=rng.choice(_METHODS).lower(),
        model=rng.choice(_MODELS), task=rng.choice(_TASKS), obj=rng.choice(_OBJECTS),
        pct=rng.randint(60, 99), speed=rng.choice((10, 100, 1000, "10<sup>4</sup>")),
        arxiv=f"{rng.randint(19, 24)}{rng.randint(1, 12):02d}.{rng.randint(0, 99999):05d}",
        n=rng.randint(12, 50000), z=rng.choice((0.5, 1, 2, 6)))


def _visible_length(fragment: str) -> int:
    """Characters a reader sees: markup and the link targets don't count."""
    length, in_tag = 0, False
    for char in fragment:
        if char == "<":
            in_tag = True
        elif char == ">":
            in_tag = False
        elif not in_tag:
            length += 1
    return length


def _abstract(rng: random.Random) -> str:
    target = rng.randint(*ABSTRACT_CHARS)
    sentences = [_sentence(rng, _LINK_SENTENCES)]
    length = _visible_length(sentences[0])
    while True:
        sentence = _sentence(rng)
        extra = _visible_length(sentence) + 1
        if length + extra > ABSTRACT_CHARS[1]:
            if length >= ABSTRACT_CHARS[0]:
                break
            continue  # too long to fit under the maximum: draw another
        sentences.append(sentence)
        length += extra
        if length >= target:
            break
    cited = sentences.pop(0)
    sentences.insert(rng.randint(0, len(sentences)), cited)
    return " ".join(sentences)


def talks_per_session(talks: int, rng: random.Random) -> list[int]:
    """Split TALKS into sessions of 3-6 talks (fewer only when there are fewer in all)."""
    low, high = TALKS_PER_SESSION
    counts: list[int] = []
    remaining = talks
    while remaining > 0:
        count = rng.randint(low, high)
        if remaining <= high:
            count = remaining
        elif remaining - count < low:
            count = remaining - low
        counts.append(count)
        remaining -= count
    return counts


def _weekdays(start: dt.date) -> Iterator[dt.date]:
    day = start
    while True:
        if day.weekday() < 5:
            yield day
        day += dt.timedelta(days=1)


def _minutes(time: dt.time, minutes: int) -> dt.time:
    total = time.hour * 60 + time.minute + minutes
    return dt.time(total // 60, total % 60)


def _row(time: str, speaker: str, title: str) -> str:
    return (f"  <tr>\n    <td> {time} </td>\n    <td> {speaker} </td>\n"
            f"    <td> <b><i> {title} </i></b> </td>\n  </tr>\n")


def _session(rng: random.Random, number: int, talks: int, start: dt.time) -> str:
    topic = rng.choice(_SESSION_TOPICS)
    parts = [f"### [{topic} {number}: {rng.choice(_METHODS)} {rng.choice(_MODELS)}]"
             f"(https://example.org/sessions/{number})\n\n",
             "<table>\n  <tr>\n    <td> <b>Time</b> </td>\n    <td> <b>Speaker</b> </td>\n"
             "    <td> <b>Talk Title / Abstract </td>\n  </tr>\n"]
    length = 15 if talks > 4 else 20
    clock = _minutes(start, 5)
    parts.append(_row(f"{start:%H:%M}-{clock:%H:%M}", _name(rng), "Introduction"))
    for _ in range(talks):
        end = _minutes(clock, length)
        parts.append(_row(f"{clock:%H:%M}-{end:%H:%M}", _speaker_cell(rng), _title(rng)))
        parts.append("  <tr>\n    <td colspan=\"3\"> <blockquote><b><i>Abstract:</i></b> "
                     f"{_abstract(rng)} </blockquote> </td>\n  </tr>\n")
        clock = end
    parts.append(_row(f"{clock:%H:%M}-{_minutes(clock, 10):%H:%M}", "", "Discussion"))
    parts.append("</table>\n\n")
    return "".join(parts)


def rooms_for(sessions: int) -> int:
    """Parallel sessions per block: one room for a small meeting, more to fit about a week."""
    return max(1, min(MAX_ROOMS, math.ceil(sessions / (len(BLOCKS) * TARGET_DAYS))))


def generate(talks: int, seed: int = 0, year: int = 2031) -> str:
    """A programme README with exactly TALKS talks, the same for the same SEED."""
    if not 1 <= talks <= MAX_TALKS:
        raise ValueError(f"talks must be between 1 and {MAX_TALKS:,}, not {talks}")
    rng = random.Random(seed)
    counts = talks_per_session(talks, rng)
    rooms = rooms_for(len(counts))
    per_day = rooms * len(BLOCKS)
    first = dt.date(year, 3, 1)
    out = [f"# Synthetic Meeting {year} - {talks:,} talks (seed {seed})\n",
           f"A generated programme of {talks:,} talks in {len(counts):,} sessions, in the shape "
           "of the NAM 2022 ML sessions README, for benchmarks and scale tests.\n\n"]
    days = _weekdays(first)
    for day_start in range(0, len(counts), per_day):
        date = next(days)
        year_text = f" {date.year}" if date.year != year else ""
        out.append(f"## {date:%A} ({date.day} {date:%B}{year_text}) "
                   f"{BLOCKS[0][0]:%H:%M}-{BLOCKS[-1][1]:%H:%M}\n")
        for index in range(day_start, min(day_start + per_day, len(counts))):
            block = BLOCKS[(index - day_start) // rooms]
            out.append(_session(rng, index + 1, counts[index], block[0]))
    return "".join(out)
