"""Property tests: the README writer round-trips, and the parser survives broken input.

The default profile runs a few dozen examples so ``make test`` stays fast;
``NAMCONVERT_FUZZ=1`` (``make fuzz``) selects the long ``fuzz`` profile.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import html
import os
import re
import tempfile
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from namconvert.config import Options
from namconvert.model import Day, Link, Person, Programme, Session, Slot, Speaker
from namconvert.output import OutputWriter
from namconvert.parse import parse_file, parse_text
from namconvert.render import readme
from support import SOURCE, view_of

# `make test` (and CI) runs the same few examples every time; `make fuzz` searches afresh.
settings.register_profile("quick", max_examples=15, deadline=None, derandomize=True,
                          suppress_health_check=[HealthCheck.too_slow])
settings.register_profile("fuzz", max_examples=3000, deadline=None,
                          suppress_health_check=[HealthCheck.too_slow])
PROFILE = settings.get_profile("fuzz" if os.environ.get("NAMCONVERT_FUZZ") else "quick")

# -- generating programmes -------------------------------------------------------------------

LETTERS = st.characters(categories=("Lu", "Ll", "Lo", "Nd"))
# Every ASCII character Markdown or HTML treats specially, to exercise the writer's escaping.
PUNCTUATION = st.sampled_from(list("*_[]`\\<>&#!.,'\"?-+=~|{}%$@^:;/"))
RICH_CHAR = st.one_of(LETTERS, LETTERS, PUNCTUATION)
NAME_CHAR = st.one_of(LETTERS, LETTERS, LETTERS, st.sampled_from(list(".'-")))
LOCATION_LINE = re.compile(r"^\W*(?:session\s+)?(?:location|venue|room|place|where)\W*\s*:",
                           re.IGNORECASE)
LABEL_WORD = re.compile(r"(?i)^\W*(abstract|summary)")
# A line that starts with a role word names people ("Organisers: ...", "Chair - ..."): this
# test's own list of the words the README shape gives roles with, not the parser's pattern,
# so that text the parser might misread as a role is generated, not avoided.
ROLE_WORD = re.compile(r"(?i)^\W*(?:session\s+)?(?:organi[sz]\w*|convenors?|convened|chair\w*|"
                       r"co-chairs?|moderat\w*|hosts?|hosted)\b")
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December")
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
ZONES = ("UTC", "Europe/London", "America/New_York", "Asia/Tokyo", "Australia/Sydney")


def words(char: st.SearchStrategy[str], max_words: int = 6) -> st.SearchStrategy[str]:
    """Single-spaced words: the parser squashes white space, so the model never has more."""
    return st.lists(st.text(char, min_size=1, max_size=10), min_size=1,
                    max_size=max_words).map(" ".join)


RICH = words(RICH_CHAR)
PLAIN_WORD = st.text(LETTERS, min_size=1, max_size=10)
# Free prose that is not a "Location:" or "Organisers:" line (those are read as such).
PROSE = RICH.filter(lambda t: not LOCATION_LINE.match(t) and not ROLE_WORD.match(t))
# Words that stand for a group, not a person: a programme writes them where a name would
# be ("Welcome | Organizers"), and they are read as no one (the list is this test's own).
GROUP_WORDS = re.compile(r"(?i)^(?:all|the|other|invited|local)?\s*(?:speakers?|panel\w*|"
                         r"participants|everyone|all|tb[adc]|organi[sz]\w*|committee|chairs|"
                         r"team|staff|students|attendees)$")
# Titles before a name are not part of it: "Dr. Ada" is read as "Ada" (this test's own list).
HONORIFIC = re.compile(r"(?i)^(?:a/\s*prof|professor|prof|dr|mr|mrs|ms|mx|assoc\.?\s*prof|"
                       r"asst\.?\s*prof)\.?\s+\w")
NAME = words(NAME_CHAR, 4).filter(
    lambda n: n.strip(" .*'-") == n
    and not re.search(r"(?i)\b(and|or)\b", n)
    and not GROUP_WORDS.match(n)
    and not HONORIFIC.match(n)
    and not ROLE_WORD.match(n))
URL = st.from_regex(r"https://example\.(org|com)(/[a-z0-9_\-]{1,8}){0,3}", fullmatch=True)
EMAIL = st.from_regex(r"[a-z][a-z0-9]{0,8}(\.[a-z0-9]{1,5})?@[a-z]{1,8}\.org", fullmatch=True)
NOTE = words(st.one_of(st.characters(categories=("Lu", "Ll", "Lo")),
                       st.sampled_from(list("?!*_'&"))), 3).filter(
    lambda n: not re.search(r"(?i)\b(mon|tue|wed|thu|fri|sat|sun|jan|feb|mar|apr|may|jun|jul|"
                            r"aug|sep|oct|nov|dec)", n))


@st.composite
def inline_html(draw: st.DrawFn, *, breaks: bool) -> str:
    """Sanitised inline HTML in the canonical form the parser produces."""
    pieces = [html.escape(draw(PLAIN_WORD), quote=False)]
    for _ in range(draw(st.integers(0, 6))):
        text = html.escape(draw(RICH), quote=False)
        kind = draw(st.sampled_from(["text", "text", "b", "i", "em", "strong", "code", "sup",
                                     "sub", "a", "br"] if breaks else
                                    ["text", "text", "b", "em", "code", "sup", "a"]))
        if kind == "text":
            pieces.append(text)
        elif kind == "br":
            pieces.append("<br>")
        elif kind == "a":
            pieces.append(f'<a href="{draw(URL)}">{text}</a>')
        else:
            pieces.append(f"<{kind}>{text}</{kind}>")
    return " ".join(pieces)


def person() -> st.SearchStrategy[Person]:
    return st.one_of(st.builds(Person, NAME),
                     st.builds(Person, NAME, email=EMAIL),
                     st.builds(Person, NAME, url=URL))


def speaker() -> st.SearchStrategy[Speaker]:
    affiliation = words(st.one_of(LETTERS, st.sampled_from(list("&<>.,-'"))), 4)
    return st.builds(Speaker, NAME, st.none() | affiliation)


@st.composite
def timed_slots(draw: st.DrawFn) -> list[tuple[dt.time, dt.time]]:
    """Consecutive, non-overlapping times within one day, as a timetable lists them."""
    minute = draw(st.integers(0, 20 * 60))
    times = []
    for _ in range(draw(st.integers(1, 4))):
        minute += draw(st.integers(0, 30))
        length = draw(st.integers(1, 60))
        if minute + length > 23 * 60 + 59:
            break
        times.append((dt.time(*divmod(minute, 60)), dt.time(*divmod(minute + length, 60))))
        minute += length
    assume(times)
    return times


@st.composite
def slots(draw: st.DrawFn) -> tuple[Slot, ...]:
    made = []
    for start, end in draw(timed_slots()):
        title_html = draw(inline_html(breaks=False))
        abstract_html = draw(st.none() | inline_html(breaks=True).filter(
            lambda a: not LABEL_WORD.match(a)))
        made.append(Slot(id="", uid="", start=start, end=end, kind="other", title="",
                         title_html=title_html,
                         speakers=tuple(draw(st.lists(speaker(), max_size=3))),
                         abstract=None, abstract_html=abstract_html, links=(), line=0))
    return tuple(made)


def session() -> st.SearchStrategy[Session]:
    return st.builds(Session, id=st.just(""), title=RICH, url=st.none() | URL,
                     organisers=st.lists(person(), max_size=3).map(tuple),
                     chairs=st.lists(person(), max_size=2).map(tuple),
                     slots=slots(), line=st.just(0))


@st.composite
def days(draw: st.DrawFn) -> tuple[Day, ...]:
    """Days of one year, labelled the ways headings name a date."""
    year = draw(st.integers(2000, 2035))
    made = []
    for ordinal in sorted(draw(st.sets(st.integers(1, 365), min_size=1, max_size=3))):
        date = dt.date(year, 1, 1) + dt.timedelta(days=ordinal - 1)
        weekday, month = WEEKDAYS[date.weekday()], MONTHS[date.month - 1]
        label = draw(st.sampled_from([f"{weekday} ({date.day} {month})",
                                      f"{weekday} {date.day} {month} {year}",
                                      f"{month} {date.day}", date.isoformat()]))
        hours = draw(st.none() | st.tuples(st.integers(0, 11), st.integers(12, 23)))
        start, end = (dt.time(hours[0]), dt.time(hours[1], 30)) if hours else (None, None)
        made.append(Day(date=date, label=label, start=start, end=end,
                        notes=tuple(draw(st.lists(NOTE, max_size=2))),
                        sessions=tuple(draw(st.lists(session(), min_size=1, max_size=2))),
                        line=0))
    return tuple(made)


def programmes() -> st.SearchStrategy[Programme]:
    return st.builds(Programme, title=RICH, description=st.just("") | PROSE,
                     timezone=st.sampled_from(ZONES),
                     location=st.none() | PROSE.filter(lambda t: t[0] not in "*_"),
                     links=st.lists(st.builds(Link, PROSE, URL), max_size=2).map(tuple),
                     days=days(), language=st.sampled_from(["en", "fr", "de"]))


# -- comparing ---------------------------------------------------------------------------------

# What the README says; everything else (ids, uids, kinds, plain text, lines) the parser derives.
AUTHORED = {
    Programme: ("title", "description", "timezone", "location", "links", "days", "language"),
    Day: ("date", "label", "start", "end", "notes", "sessions"),
    Session: ("title", "url", "organisers", "chairs", "slots"),
    Slot: ("start", "end", "title_html", "speakers", "abstract_html"),
}


def authored(value: Any) -> Any:
    """VALUE with only the fields an author writes, recursively."""
    if type(value) in AUTHORED:
        return {name: authored(getattr(value, name)) for name in AUTHORED[type(value)]}
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return dataclasses.astuple(value)
    if isinstance(value, tuple):
        return tuple(authored(v) for v in value)
    return value


def without_lines(value: Any) -> Any:
    """VALUE with every ``line`` set to 0: the writer lays lines out its own way."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        changes = {f.name: 0 if f.name == "line" else without_lines(getattr(value, f.name))
                   for f in dataclasses.fields(value)}
        return dataclasses.replace(value, **changes)
    if isinstance(value, tuple):
        return tuple(without_lines(v) for v in value)
    return value


def options_for(programme: Programme) -> Options:
    """The settings that travel beside a README: time zone, language, year."""
    return Options(timezone=programme.timezone, language=programme.language,
                   year=programme.days[0].date.year)


def write(programme: Programme) -> str:
    with tempfile.TemporaryDirectory() as folder:
        out = OutputWriter(Path(folder))
        readme.render(view_of(programme, options_for(programme)), out)
        out.commit()
        return (Path(folder) / readme.OUTPUT).read_text(encoding="utf-8")


def reparse(programme: Programme) -> Programme:
    text = write(programme)
    result = parse_text(text, "README.md", options_for(programme))
    errors = [d.format() for d in result.findings if d.severity == "error"]
    assert result.programme is not None, f"{errors}\n--- written:\n{text}"
    return result.programme


# -- round trip --------------------------------------------------------------------------------

@PROFILE
@given(programmes())
def test_written_readme_reads_back_as_the_same_programme(programme: Programme) -> None:
    parsed = reparse(programme)
    assert authored(parsed) == authored(programme)
    # And what the parser derives is stable: a second round changes nothing at all.
    assert without_lines(reparse(parsed)) == without_lines(parsed)


def test_seed_round_trips(seed: Programme) -> None:
    assert without_lines(reparse(seed)) == without_lines(seed)


def test_writer_escapes_markdown_and_entities() -> None:
    text = readme.markdown_text("# 1. *a* _b_ [c](d) <e> &amp; `f` \\ | !")
    assert text == "\\# 1. \\*a\\* \\_b\\_ \\[c\\](d) \\<e\\> \\&amp; \\`f\\` \\\\ \\| \\!"
    assert readme.markdown_text("1) - x") == "1\\) - x"
    assert readme.markdown_text("- x") == "\\- x"


# -- mutated seed ------------------------------------------------------------------------------

SEED_BYTES = SOURCE.read_bytes()
TAG = re.compile(rb"<[^>]*>")


@st.composite
def mutated(draw: st.DrawFn) -> bytes:
    """The seed with lines and tags dropped, duplicated or cut, and random bytes inserted."""
    lines = SEED_BYTES.split(b"\n")
    for _ in range(draw(st.integers(1, 6))):
        op = draw(st.sampled_from(["drop", "duplicate", "truncate", "drop_tag", "cut_at_tag",
                                   "insert"]))
        i = draw(st.integers(0, len(lines) - 1))
        line = lines[i]
        if op == "drop" and len(lines) > 1:
            del lines[i]
        elif op == "duplicate":
            lines.insert(i, line)
        elif op == "truncate":
            lines[i] = line[:draw(st.integers(0, len(line)))]
        elif op in ("drop_tag", "cut_at_tag") and (tags := list(TAG.finditer(line))):
            tag = draw(st.sampled_from(tags))
            lines[i] = (line[:tag.start()] + line[tag.end():] if op == "drop_tag"
                        else line[:tag.start()])
        elif op == "insert":
            at = draw(st.integers(0, len(line)))
            lines[i] = line[:at] + draw(st.binary(min_size=1, max_size=8)) + line[at:]
    return b"\n".join(lines)


def assert_reported(result: Any) -> None:
    """A model and no errors, or no model and errors, every finding with a line."""
    errors = [d for d in result.findings if d.severity == "error"]
    assert (result.programme is None) == bool(errors), result.findings
    assert all(d.line >= 1 and d.col >= 1 for d in result.findings), result.findings


@PROFILE
@given(mutated())
def test_mutated_seed_parses_or_reports_errors_with_lines(data: bytes) -> None:
    options = Options(timezone="Europe/London")
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "README.md"
        path.write_bytes(data)
        assert_reported(parse_file(path, options, raise_on_error=False))
    assert_reported(parse_text(data.decode("utf-8", "replace"), "README.md", options))


@PROFILE
@given(st.text(st.characters(codec="utf-8"), max_size=400))
def test_arbitrary_text_parses_or_reports_errors_with_lines(text: str) -> None:
    assert_reported(parse_text(text, "README.md", Options()))


# -- the long run ------------------------------------------------------------------------------

def test_make_fuzz_selects_the_long_profile() -> None:
    """``make fuzz`` sets NAMCONVERT_FUZZ=1, which picks thousands of examples; the default few."""
    import subprocess
    import sys

    from support import ROOT

    # Run inside `make test`, a sub-make would print "Leaving directory" lines: not here.
    dry_run = subprocess.run(["make", "-n", "--no-print-directory", "fuzz"], cwd=ROOT,
                             capture_output=True, text=True, check=True).stdout.splitlines()
    assert dry_run[-1].startswith("NAMCONVERT_FUZZ=1 ") and dry_run[-1].endswith(
        " -m pytest -q -p no:cacheprovider tests/test_fuzz.py")
    probe = "import test_fuzz; print(test_fuzz.PROFILE.max_examples)"
    examples = {flag: int(subprocess.run(
        [sys.executable, "-c", probe], cwd=ROOT / "tests", capture_output=True, text=True,
        check=True, env={**os.environ, "NAMCONVERT_FUZZ": flag}).stdout) for flag in ("", "1")}
    assert examples[""] <= 20 <= 1000 <= examples["1"]
