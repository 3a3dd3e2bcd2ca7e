"""Speakers, organisers and chairs from the text of a cell or a line."""

from __future__ import annotations

import re

from ..model import Person, Speaker
from .text import BR, inline_markdown, links_in, plain_text, sanitise

# Speakers: "A & B", "A and B", "A / B", "A; B", "A or B" (two candidates: both are listed).
_SPEAKER_JOINERS = re.compile(r"[()]|\s*(?:&|\band\b|/|;|\bor\b)\s*", re.IGNORECASE)
# Organisers and chairs: "A, B and C", "A; B & C".
_PERSON_JOINERS = re.compile(r"[()]|\s*(?:,|;|\band\b|&)\s*", re.IGNORECASE)
_ROLE_LINE = re.compile(r"^\s*(?:\*\*|__)?\s*(?:session\s+)?(organi[sz]ers?|convenors?|chairs?|"
                        r"co-chairs?|chaired by|moderators?)\s*(?:\*\*|__)?\s*:?\s*(?:\*\*|__)?\s*"
                        r"(.*)$", re.IGNORECASE)


# Words that make a phrase an institution, not a person ("Carnegie Mellon University").
INSTITUTION = re.compile(
    r"\b(?:univ\w*|institut\w*|college|school|academy|akademie|acad[ée]mie|laborator\w*|labs?|"
    r"cent(?:er|re|ro|rum)|hospital|klinik\w*|department|dept|faculty|fakult\w*|foundation|"
    r"stiftung|inc|ltd|llc|gmbh|corp\w*|company|services|research|observatory|agency|council|"
    r"ministry|museum|library|society|group|team|technion|polytechnic|politecnico|eth|epfl|"
    r"cnrs|inria|nasa|mit)\b", re.IGNORECASE)

# Titles before a name ("Dr.", "Prof.", "A/Prof.") are not part of it.
HONORIFICS = re.compile(r"(?<![\w/])(?:a/\s*prof|assoc\.?\s*prof|asst\.?\s*prof|professor|"
                        r"prof|dr|mr|mrs|ms|mx)\.?\s+(?=\w)", re.IGNORECASE)
# Letters after a name: ", FAA", ", PhD".
_POSTNOMINAL = re.compile(r",\s*(?:[A-Z][A-Za-z]{0,3}[A-Z]|Ph\.?D\.?)\s*$")


def _speaker(text: str) -> Speaker | None:
    """A speaker from plain text (already decoded: decoding again would eat a literal "<>")."""
    name = _POSTNOMINAL.sub("", " ".join(text.split())).strip(" ,*")
    if not name:
        return None
    name, affiliation = _name_and_affiliation(name)
    return Speaker(name, affiliation) if name else None


def _name_and_affiliation(text: str) -> tuple[str, str | None]:
    """ "Tomas Kolarik (University of Lugano (USI))" as its name and what the trailing
    parentheses hold (nested ones included); TEXT and None when it ends otherwise."""
    text = text.rstrip()
    if not text.endswith(")"):
        return text.strip(" ,*"), None
    depth = 0
    for index in range(len(text) - 1, -1, -1):
        depth += (text[index] == ")") - (text[index] == "(")
        if depth == 0:
            return text[:index].strip(" ,*"), text[index + 1:-1].strip() or None
    return text.strip(" ,*"), None


_MODERATED = re.compile(r"[;,]?\s*\b(?:moderated by|moderators?\s*:|chaired by)\s*", re.IGNORECASE)
# Words that stand for "everyone on the panel" rather than a person.
_NOT_A_NAME = re.compile(r"^(?:all|the|other|invited|local)?\s*(?:speakers?|panel(?:l?ists)?|"
                         r"participants|everyone|all|tbd|tba|tbc|organi[sz]ers|organi[sz]ing "
                         r"committee|committee|chairs|team|staff|students|attendees)$",
                         re.IGNORECASE)
_SURNAME_JOINERS = {"and"}  # not "&": writers (ours included) join full names with it


def _split_outside_parentheses(text: str, joiners: re.Pattern[str]) -> list[tuple[str, str]]:
    """(part, joiner before it) pairs; JOINERS (which also match "(" and ")") inside
    parentheses do not split."""
    parts: list[tuple[str, str]] = []
    depth, last, joiner = 0, 0, ""
    for match in joiners.finditer(text):
        token = match.group(0)
        if token == "(":
            depth += 1
        elif token == ")":
            depth = max(0, depth - 1)
        elif depth == 0:
            parts.append((text[last:match.start()], joiner))
            last, joiner = match.end(), token.strip().lower()
    parts.append((text[last:], joiner))
    return parts


_CAPITALISED = re.compile(r"[^\W\d_a-z][^\W\d_]*(?:['-][^\W\d_]+)*")


def _share_surnames(parts: list[tuple[str, str]]) -> list[str]:
    """ "Szabi and Zsuzsa Marka": a lone first name joined by "and" takes the next surname."""
    names = [p for p, _ in parts]
    for index in range(len(parts) - 1):
        this, following = names[index].strip(), names[index + 1].strip()
        if (parts[index + 1][1] in _SURNAME_JOINERS and _CAPITALISED.fullmatch(this)
                and len(following.split()) >= 2
                and all(_CAPITALISED.fullmatch(w) for w in following.split())):
            names[index] = f"{this} {following.split()[-1]}"
    return names


def _names(text: str) -> list[Speaker]:
    names = _share_surnames(_split_outside_parentheses(text, _SPEAKER_JOINERS))
    return [s for s in (_speaker(n) for n in names) if s is not None
            and not _NOT_A_NAME.match(s.name)]


def moderated_speakers(cell_html: str) -> tuple[tuple[Speaker, ...], bool]:
    """The speakers of a cell, and whether it names moderators ("...; moderated by A and B").

    A panel's moderators are its speakers (after any panellists named before them);
    "All speakers" and the like name no one.
    """
    text = HONORIFICS.sub("", plain_text(BR.sub(" ; ", cell_html)))
    match = _MODERATED.search(text)
    if match is None:
        return tuple(_names(text)), False
    speakers = _names(text[:match.start()]) + _names(text[match.end():])
    return tuple(dict.fromkeys(speakers)), True


def role_line(text: str) -> tuple[str, str] | None:
    """("organisers"|"chairs", rest) for an "Organisers: ..." or "Chair: ..." line."""
    match = _ROLE_LINE.match(text)
    if not match or not match.group(2).strip():
        return None
    role = match.group(1).lower()
    return ("chairs" if role.startswith(("chair", "co-chair", "moderator")) else "organisers"), \
        match.group(2)


def persons_from_markdown(text: str) -> tuple[Person, ...]:
    """People from "[Name](mailto:x@y), Other Name, ..." (Markdown or HTML)."""
    html_text = sanitise(inline_markdown(text))
    people: list[Person] = []
    affiliation = False  # "Scott Shapiro, Yale Law School, USA": after a name, where from
    for part in re.split(r"(<a [^>]*>.*?</a>)|,|;", html_text):
        if not part or not part.strip():
            continue
        anchors = links_in(part)
        if people and not anchors and (INSTITUTION.search(part) or (
                affiliation and len(part.split()) == 1)):
            affiliation = True
            continue
        affiliation = False
        if anchors:
            link = anchors[0]
            email = link.url.removeprefix("mailto:") if link.url.startswith("mailto:") else None
            url = None if email else link.url
            people.append(Person(link.text, email, url))
            continue
        for name, _ in _split_outside_parentheses(plain_text(part), _PERSON_JOINERS):
            # A Person has no affiliation field: "Heeyoun Hwang (KBSI)" is named Heeyoun Hwang.
            name = _name_and_affiliation(name)[0].strip(" .*")
            if name:
                people.append(Person(name))
    return tuple(people)
