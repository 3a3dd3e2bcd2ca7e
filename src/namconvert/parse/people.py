"""Speakers, organisers and chairs from the text of a cell or a line."""

from __future__ import annotations

import re

from ..model import Person, Speaker
from .text import inline_markdown, links_in, plain_text, sanitise

# "A & B", "A and B", "A / B", "A; B", "A or B" (two candidates: both are listed).
_SPLIT_OR_PAREN = re.compile(r"[()]|\s*(?:&|\band\b|/|;|\bor\b)\s*", re.IGNORECASE)
_BR = re.compile(r"<br\s*/?>", re.IGNORECASE)
_AFFILIATION = re.compile(r"^(.*?)\s*\(([^()]*)\)\s*$")
_PERSON_SPLIT = re.compile(r"\s*(?:,|;|\band\b|&)\s*", re.IGNORECASE)
_ROLE_LINE = re.compile(r"^\s*(?:\*\*|__)?\s*(organi[sz]ers?|convenors?|chairs?|chaired by|"
                        r"moderators?)\s*(?:\*\*|__)?\s*:?\s*(?:\*\*|__)?\s*(.*)$", re.IGNORECASE)


def _speaker(text: str) -> Speaker | None:
    name = plain_text(text).strip(" ,*")
    if not name:
        return None
    affiliation = None
    if match := _AFFILIATION.match(name):
        name, affiliation = match.group(1).strip(" ,*"), match.group(2).strip() or None
    return Speaker(name, affiliation) if name else None


def speakers_from_html(cell_html: str) -> tuple[Speaker, ...]:
    """Names from a speaker cell, split on the joiners people write between them.

    Splitting happens on the cell's plain text and outside parentheses only, so
    "(Jones & Co)" stays one affiliation.
    """
    text = plain_text(_BR.sub(" ; ", cell_html))
    parts: list[str] = []
    depth, last = 0, 0
    for match in _SPLIT_OR_PAREN.finditer(text):
        token = match.group(0)
        if token == "(":
            depth += 1
        elif token == ")":
            depth = max(0, depth - 1)
        elif depth == 0:
            parts.append(text[last:match.start()])
            last = match.end()
    parts.append(text[last:])
    return tuple(s for s in (_speaker(p) for p in parts) if s is not None)


def role_line(text: str) -> tuple[str, str] | None:
    """("organisers"|"chairs", rest) for an "Organisers: ..." or "Chair: ..." line."""
    match = _ROLE_LINE.match(text)
    if not match or not match.group(2).strip():
        return None
    role = match.group(1).lower()
    return ("chairs" if role.startswith(("chair", "moderator")) else "organisers"), match.group(2)


def persons_from_markdown(text: str) -> tuple[Person, ...]:
    """People from "[Name](mailto:x@y), Other Name, ..." (Markdown or HTML)."""
    html_text = sanitise(inline_markdown(text))
    people: list[Person] = []
    for part in re.split(r"(<a [^>]*>.*?</a>)|,|;", html_text):
        if not part or not part.strip():
            continue
        anchors = links_in(part)
        if anchors:
            link = anchors[0]
            email = link.url.removeprefix("mailto:") if link.url.startswith("mailto:") else None
            url = None if email else link.url
            people.append(Person(link.text, email, url))
            continue
        for name in _PERSON_SPLIT.split(plain_text(part)):
            if name.strip(" .*"):
                people.append(Person(name.strip(" .*")))
    return tuple(people)
