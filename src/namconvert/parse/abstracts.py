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


def _title_matches(key: str, title: str) -> bool:
    if not key or not title:
        return False
    if key == title:
        return True
    shorter, longer = sorted((key, title), key=len)
    return len(shorter.split()) >= _MIN_TITLE_WORDS and longer.startswith(shorter)


def match_abstract(key: str, candidates: Sequence[Candidate]) -> int | None:
    """The index of the slot KEY names, by speaker then by title, or None.

    A speaker with several slots (a welcome, a talk, a panel) gets the abstract on
    the one that is a talk, has no abstract yet, and that they give alone.
    """
    wanted = normalise(key)
    by_speaker = [i for i, c in enumerate(candidates)
                  if any(normalise(s) == wanted for s in c.speakers)]
    if not by_speaker:
        # "Peter Horvatovich – GlycoGenius": the key starts with a speaker's name.
        by_speaker = [i for i, c in enumerate(candidates)
                      if any(normalise(s) and wanted.startswith(normalise(s) + " ")
                             for s in c.speakers)]
    if by_speaker:
        return min(by_speaker, key=lambda i: (not candidates[i].is_talk,
                                              candidates[i].has_abstract,
                                              len(candidates[i].speakers), i))
    by_title = [i for i, c in enumerate(candidates) if _title_matches(wanted, normalise(c.title))]
    if by_title:
        return min(by_title, key=lambda i: (candidates[i].has_abstract, i))
    return None
