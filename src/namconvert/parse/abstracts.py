"""Abstracts written in a section of their own, matched to their slots by speaker or title.

    ## Abstracts
    **Peter Horvatovich**
    Glycan analysis remains challenging ...

    ### GlycoGenius: Automated glycomics
    Glycan analysis remains challenging ...

Each entry starts with a line that is all bold (optionally ``**Key**:`` followed
by text) or with a heading deeper than the section's; the key names a speaker
or a talk title. The lines up to the next entry are the abstract.
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

from .text import PARENTHESES, inline_markdown, plain_text

# "## Abstracts", "## Talk abstracts", "## Abstracts of the talks"; not "## Abstract Submission".
ABSTRACTS_HEADING = re.compile(
    r"^\W*(?:(?:talk|session|poster|invited)\s+)?abstracts(?:\s+(?:of|for)\b.*)?\W*$",
    re.IGNORECASE)
_ATX = re.compile(r"^ {0,3}#{1,6}[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$")
_BOLD_KEY = re.compile(r"^\s*(\*\*|__)(.+?)\1\s*(?::\s*(.*))?$")
_BOLD_KEY_COLON_INSIDE = re.compile(r"^\s*(\*\*|__)(.+?):\1\s*(.*)$")
_MIN_TITLE_WORDS = 4  # a title prefix this long is specific enough to match on


@dataclass(frozen=True)
class AbstractEntry:
    key: str  # plain text: a speaker's name or a talk's title
    html: str  # the abstract as inline HTML (paragraphs separated by <br><br>)
    line: int  # the key's line


@dataclass(frozen=True)
class Candidate:
    """A slot as the matcher sees it."""

    speakers: tuple[str, ...]
    title: str
    is_talk: bool
    has_abstract: bool


def _entry_key(line: str) -> tuple[str, str] | None:
    """(key, text after it) when LINE starts an entry."""
    if match := _ATX.match(line):
        return plain_text(inline_markdown(match.group(1))), ""
    if match := _BOLD_KEY_COLON_INSIDE.match(line):
        return plain_text(inline_markdown(match.group(2))), match.group(3)
    if match := _BOLD_KEY.match(line):
        return plain_text(inline_markdown(match.group(2))), match.group(3) or ""
    return None


def read_abstracts(lines: Sequence[str], first_line: int) -> list[AbstractEntry]:
    """The entries of a section whose body is LINES, the first of them at FIRST_LINE."""
    entries: list[AbstractEntry] = []
    key: tuple[str, int] | None = None
    paragraphs: list[list[str]] = [[]]

    def close() -> None:
        if key is not None:
            parts = [inline_markdown(" ".join(p)) for p in paragraphs if p]
            entries.append(AbstractEntry(key[0], "<br><br>".join(parts), key[1]))

    for offset, line in enumerate(lines):
        if (found := _entry_key(line)) is not None:
            close()
            key, paragraphs = (found[0], first_line + offset), [[found[1]] if found[1] else []]
        elif not line.strip():
            paragraphs.append([])
        else:
            paragraphs[-1].append(line.strip())
    close()
    return [e for e in entries if e.key]


def normalise(text: str) -> str:
    """Case, accents, punctuation and parenthesised notes ignored."""
    text = unicodedata.normalize("NFKD", PARENTHESES.sub(" ", text))
    text = "".join(c for c in text if not unicodedata.combining(c)).casefold()
    return " ".join(re.findall(r"\w+", text))


class AbstractMatcher:
    """Matches abstract entries to candidate slots through dictionaries built once, so that
    4,000 entries against 4,000 slots are 4,000 look-ups, not 16 million comparisons.

    A speaker with several slots (a welcome, a talk, a panel) gets the abstract on the one
    that is a talk, has no abstract yet, and that they give alone; :meth:`took` records that
    a slot now has one.
    """

    def __init__(self, candidates: Sequence[Candidate]) -> None:
        self.candidates = list(candidates)
        self._speakers: dict[str, list[int]] = {}
        self._titles: dict[str, list[int]] = {}
        for i, candidate in enumerate(self.candidates):
            for name in dict.fromkeys(normalise(s) for s in candidate.speakers):
                self._speakers.setdefault(name, []).append(i)
            if title := normalise(candidate.title):
                self._titles.setdefault(title, []).append(i)
        self._longest_name = max(map(len, self._speakers), default=0)
        # The titles specific enough to match as the beginning of a key, and their lengths.
        self._prefix_titles = {t for t in self._titles if len(t.split()) >= _MIN_TITLE_WORDS}
        self._prefix_lengths = sorted({len(t) for t in self._prefix_titles})
        self._sorted_titles = sorted(self._titles)

    def took(self, index: int) -> None:
        old = self.candidates[index]
        self.candidates[index] = Candidate(old.speakers, old.title, old.is_talk, True)

    def match(self, key: str) -> int | None:
        """The index of the slot KEY names, by speaker then by title, or None."""
        wanted = normalise(key)
        by_speaker = set(self._speakers.get(wanted, ()))
        if not by_speaker:
            # "Peter Horvatovich – GlycoGenius": the key starts with a speaker's name.
            for at in _spaces(wanted, self._longest_name):
                by_speaker.update(self._speakers.get(wanted[:at], ()))
        if by_speaker:
            c = self.candidates
            return min(by_speaker, key=lambda i: (not c[i].is_talk, c[i].has_abstract,
                                                  len(c[i].speakers), i))
        by_title = set(self._titles_matching(wanted))
        if by_title:
            return min(by_title, key=lambda i: (self.candidates[i].has_abstract, i))
        return None

    def _titles_matching(self, wanted: str) -> list[int]:
        """The slots whose title is WANTED, starts with it, or begins it; the shorter of key
        and title has at least _MIN_TITLE_WORDS words unless they are equal."""
        if not wanted:
            return []
        found = list(self._titles.get(wanted, ()))
        for length in self._prefix_lengths:  # a title that begins the key
            if length >= len(wanted):
                break
            if wanted[:length] in self._prefix_titles:
                found += self._titles[wanted[:length]]
        if len(wanted.split()) >= _MIN_TITLE_WORDS:  # a key that begins titles
            at = bisect.bisect_right(self._sorted_titles, wanted)
            while at < len(self._sorted_titles) and self._sorted_titles[at].startswith(wanted):
                found += self._titles[self._sorted_titles[at]]
                at += 1
        return found


def _spaces(text: str, limit: int) -> list[int]:
    """Offsets of the spaces in TEXT up to LIMIT: where a leading name could end."""
    spaces, at = [], text.find(" ")
    while 0 < at <= limit:
        spaces.append(at)
        at = text.find(" ", at + 1)
    return spaces
