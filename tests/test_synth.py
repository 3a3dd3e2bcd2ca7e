"""The synthetic programme generator: seeded, exact, and parsed cleanly by our own parser."""

from __future__ import annotations

import random
import unicodedata
from pathlib import Path

import pytest

from namconvert.cli import main
from namconvert.config import Options
from namconvert.model import Programme
from namconvert.parse import parse_text
from namconvert.synth import TALKS_PER_SESSION, generate, talks_per_session


def _parse(text: str) -> tuple[Programme, list[str]]:
    result = parse_text(text, "synthetic.md", Options())
    assert result.programme is not None, [f.format() for f in result.findings]
    return result.programme, [f.format() for f in result.findings]


def _slots(programme: Programme) -> list[object]:
    return [slot for day in programme.days for session in day.sessions for slot in session.slots]


def test_same_seed_same_text_other_seed_other_text() -> None:
    assert generate(40, seed=7) == generate(40, seed=7)
    assert generate(40, seed=7) != generate(40, seed=8)


def test_generation_ignores_the_global_random_state() -> None:
    random.seed(1)
    first = generate(12, seed=3)
    random.seed(2)
    assert generate(12, seed=3) == first


@pytest.mark.parametrize("talks", [1, 2, 7, 10, 250])
def test_parses_without_findings_and_with_exactly_that_many_talks(talks: int) -> None:
    programme, findings = _parse(generate(talks, seed=talks))
    assert findings == []
    kinds = [slot.kind for slot in _slots(programme)]  # type: ignore[attr-defined]
    assert kinds.count("talk") == talks


def test_sessions_have_an_introduction_a_discussion_and_5_to_8_slots() -> None:
    programme, _ = _parse(generate(300, seed=5))
    for day in programme.days:
        for session in day.sessions:
            assert 5 <= len(session.slots) <= 8, session.title
            assert session.slots[0].kind == "introduction"
            assert session.slots[-1].kind == "discussion"
            assert session.url is not None and session.url.startswith("https://")


def test_talk_counts_split_into_sessions_of_three_to_six() -> None:
    rng = random.Random(0)
    for talks in range(3, 200):
        counts = talks_per_session(talks, rng)
        assert sum(counts) == talks
        assert all(TALKS_PER_SESSION[0] <= c <= TALKS_PER_SESSION[1] for c in counts), counts


def test_abstracts_are_800_to_2000_characters_with_links_and_markup() -> None:
    programme, _ = _parse(generate(120, seed=11))
    talks = [s for s in _slots(programme) if s.kind == "talk"]  # type: ignore[attr-defined]
    for talk in talks:
        assert 800 <= len(talk.abstract) <= 2000, len(talk.abstract)
        assert any(link.url.startswith("https://arxiv.org/abs/") for link in talk.links)
    markup = "".join(t.abstract_html for t in talks)
    assert "<i>" in markup and "<sup>" in markup


def test_big_meetings_run_several_sessions_a_day_over_several_days() -> None:
    programme, _ = _parse(generate(2000, seed=2))
    assert len(programme.days) > 1
    assert all(len(day.sessions) > 1 for day in programme.days)
    dates = [day.date for day in programme.days]
    assert dates == sorted(dates) and len(set(dates)) == len(dates)
    assert all(d.weekday() < 5 for d in dates)


def test_names_use_accents_and_non_latin_scripts() -> None:
    programme, _ = _parse(generate(300, seed=4))
    names = {sp.name for s in _slots(programme) for sp in s.speakers}  # type: ignore[attr-defined]
    scripts = {unicodedata.name(c).split()[0] for name in names for c in name if c.isalpha()}
    assert {"LATIN", "CYRILLIC", "GREEK", "CJK", "ARABIC"} <= scripts
    assert any(unicodedata.decomposition(c) for name in names for c in name)  # accents


def test_rejects_an_impossible_talk_count() -> None:
    with pytest.raises(ValueError, match="talks must be between"):
        generate(0)


def test_cli_writes_the_generated_readme(tmp_path: Path, capsys: pytest.CaptureFixture[str]) \
        -> None:
    target = tmp_path / "README.md"
    assert main(["generate", "--talks", "9", "--seed", "3", "-o", str(target)]) == 0
    assert target.read_text(encoding="utf-8") == generate(9, seed=3)
    assert main(["generate", "--talks", "9", "--seed", "3"]) == 0
    assert capsys.readouterr().out == generate(9, seed=3)


def test_cli_reports_a_bad_count_without_a_traceback(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["generate", "--talks", "0"]) == 1
    assert "error: talks must be between" in capsys.readouterr().err
