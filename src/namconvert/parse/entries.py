"""Timetable entries written as lines: when an entry begins, and what its text holds.

A line is an entry when it begins with a clock time, a time range, an open range
("19:00 -", "12:00 - open ended") or, in a time column, a duration ("5 mins"). The
rest of the line is split into a title and speakers by the shapes people write:

    Speaker -- Title                  [Title](slides.pdf) (Speaker, Other)
    Label (Speaker): *Title*          Speaker: Title (45min)
    **Title**<br>Speaker (Affil)      *Title* – Speaker
    Title by Speaker
"""

from __future__ import annotations

import datetime as dt
import html as html_lib
import re
from dataclasses import dataclass

from .columns import looks_like_names
from .kinds import names_a_break, names_a_kind
from .people import HONORIFICS, INSTITUTION
from .text import BR, PARENTHESES, TAG, plain_text, unwrap, without_parentheses
from .times import _CLOCK, _DASH, Clock, _clock, clock_range

# What may come before an entry's time: markup, bullets, dashes, an emoji ("🕘 09:00").
_LEAD = r"^[\s*_|•·\-–—>\u2190-\u2bff\U0001f000-\U0001faff\ufe0f\u200d]*"
_LEAD_RE = re.compile(_LEAD)
# After a time: not more digits ("19:30: dinner" ends at the colon).
_RANGE = re.compile(rf"{_LEAD}(?<![\d:])({_CLOCK}){_DASH}({_CLOCK})(?!\d|:\d)", re.IGNORECASE)
_OPEN = re.compile(rf"{_LEAD}(?<![\d:])({_CLOCK})\s*(?:-|–|—|to)\s*(?:open[\s-]*end(?:ed)?|late|"
                   r"end|\?|(?=[*_\s]*(?:[:|]|$)))", re.IGNORECASE)
_START = re.compile(rf"{_LEAD}(?<![\d:])({_CLOCK})(?!\d|:\d)", re.IGNORECASE)
DURATION = re.compile(r"(\d+(?:[.,]\d+)?)\s*(min(?:ute)?s?|m|h|hrs?|hours?)\b\.?", re.IGNORECASE)
_WHOLE_DURATION = re.compile(rf"{_LEAD}{DURATION.pattern}[\s*_]*$", re.IGNORECASE)
_TRAILING_DURATION = re.compile(r"\s*\(\s*(\d+(?:[.,]\d+)?)\s*(min(?:ute)?s?|m|h|hrs?|hours?)"
                                r"\.?\s*\)\s*$", re.IGNORECASE)
# What may sit between the time and the entry's text: "**09:00** – Title", "9:00 &bull; Title".
_AFTER_TIME = re.compile(r"[\s*_:|•·\-–—,.]+")
# A zone written after a time: "09:00 CET", "16:00 (UTC+2)", "2 PM EST".
ZONE_AFTER_TIME = re.compile(
    r"\s*\(?(?:(?:UTC|GMT)(?:\s*[+\-−]\s*\d{1,2}(?::?\d{2})?)?|CES?T|EES?T|WES?T|BST|IST|"
    r"JST|KST|HKT|SGT|AWST|ACS?T|AES?T|AEDT|ACDT|NZS?T|NZDT|[ECMP][SD]T|AKS?T|HST)\)?(?![\w+])")
_BREAKING = re.compile(r"</?(?:br|p|div|li|td|tr)\b", re.IGNORECASE)
_ENTITY = re.compile(r"&(?:#\d+|#x[0-9a-f]+|\w+);", re.IGNORECASE)


@dataclass(frozen=True)
class When:
    start: Clock | None
    end: Clock | None
    duration: dt.timedelta | None = None
    open_end: bool = False


def duration_of(number: str, unit: str) -> dt.timedelta:
    value = float(number.replace(",", "."))
    return dt.timedelta(hours=value) if unit.lower().startswith("h") else dt.timedelta(
        minutes=value)


def leading_time(text: str, *, durations: bool = False) -> tuple[When, int] | None:
    """The time an entry's plain TEXT begins with, and how many characters it takes."""
    lead = _LEAD_RE.match(text)
    if not text or not text[lead.end() if lead else 0:][:1].isdigit():
        return None
    if (match := _RANGE.match(text)) and (found := clock_range(
            _clock(*match.group(2, 3, 4)), _clock(*match.group(6, 7, 8)))):
        return When(*found), match.end()
    if durations and (whole := _WHOLE_DURATION.match(text)):
        return When(None, None, duration_of(whole.group(1), whole.group(2))), whole.end()
    if match := _OPEN.match(text):
        start = _clock(*match.group(2, 3, 4))
        if start.has_minutes or start.meridiem:
            return When(start, None, open_end=True), match.end()
    if match := _START.match(text):
        start = _clock(*match.group(2, 3, 4))
        if start.has_minutes or start.meridiem:
            return When(start, None), match.end()
    return None


def trailing_duration(html: str) -> tuple[str, dt.timedelta | None]:
    """ "Title (45min)" -> ("Title", 45 minutes)."""
    text = plain_text(html)
    if not (match := _TRAILING_DURATION.search(text)):
        return html, None
    cut = cut_plain_suffix(html, len(text) - match.start())
    return cut, duration_of(match.group(1), match.group(2))


def _plain_positions(html: str) -> list[tuple[int, int, str]]:
    """(start, end, character) in HTML for each character of its plain text, white space
    collapsed the way :func:`plain_text` collapses it."""
    out: list[tuple[int, int, str]] = []
    index = 0
    previous_space = True
    while index < len(html):
        char = html[index]
        if char == "<" and (tag := TAG.match(html, index)):
            if not previous_space and _BREAKING.match(tag.group(0)):
                out.append((index, tag.end(), " "))
                previous_space = True
            index = tag.end()
            continue
        if char == "&" and (entity := _ENTITY.match(html, index)):
            decoded = html_lib.unescape(entity.group(0))
            end = entity.end()
        else:
            decoded, end = char, index + 1
        for piece in decoded:
            if piece.isspace():
                if not previous_space:
                    out.append((index, end, " "))
                previous_space = True
            else:
                out.append((index, end, piece))
                previous_space = False
        index = end
    return out


def cut_plain_prefix(html: str, count: int) -> str:
    """HTML after the first COUNT characters of its plain text (tags opened before the cut
    are dropped with it; sanitising later drops their closing tags)."""
    if count <= 0:
        return html
    positions = _plain_positions(html)
    if count > len(positions):
        return ""
    return html[positions[count - 1][1]:]


def cut_plain_suffix(html: str, count: int) -> str:
    if count <= 0:
        return html
    positions = _plain_positions(html)
    if count >= len(positions):
        return ""
    return html[:positions[len(positions) - count][0]]


def trailing_place(html: str) -> tuple[str, str | None]:
    """HTML without its trailing parenthesised notes that say where ("Reception (Panorama
    Room, 17th floor)") or only link elsewhere ("(Details)"), and the place they name."""
    place = None
    while ")" in html:  # most titles end otherwise: no need to walk their text
        positions = _plain_positions(html)
        while positions and positions[-1][2] == " ":
            positions.pop()
        if not positions or positions[-1][2] != ")":
            return html, place
        depth, opened = 0, -1
        for index in range(len(positions) - 1, -1, -1):
            depth += (positions[index][2] == ")") - (positions[index][2] == "(")
            if depth == 0:
                opened = index
                break
        inside = "".join(p[2] for p in positions[opened + 1:-1]).strip()
        before = html[:positions[opened][0]]
        linked = before.rfind("<a ") > before.rfind("</a>") or "<a " in html[len(before):]
        navigation = linked and _NAVIGATION.fullmatch(inside) is not None
        if opened <= 0 or not (navigation or names_a_place(inside)):
            return html, place
        place = place if navigation else inside
        html = before
    return html, place


_LONGEST_PLACE = 6  # words: "Panorama Room, 17th floor"
# A link that only leads elsewhere ("(Details)"); "(PDF)" says what the title links to.
_NAVIGATION = re.compile(r"details|more(?: info)?|info(?:rmation)?|here|website", re.IGNORECASE)
_PLACE_CONNECTIVE = re.compile(r"of|the|and|&|de|du|des|la|le|der|die|das|del|di", re.IGNORECASE)


def names_a_place(text: str) -> bool:
    """Whether TEXT is the name of a place ("Panorama Room, 17th floor", "restaurant
    Okrugljak", "Zoom"), not a phrase about one ("in front of the lecture room")."""
    words = text.replace(",", " ").split()
    return PLACE.search(text) is not None and 0 < len(words) <= _LONGEST_PLACE and all(
        w[0].isupper() or any(c.isdigit() for c in w) or PLACE.fullmatch(w)
        or _PLACE_CONNECTIVE.fullmatch(w) for w in words)


def after_time(html: str, consumed: int) -> str:
    """The entry's text after its time: separators ("–", "&bull;", ":") and the time's
    zone ("CET", "(UTC+2)") dropped."""
    rest = cut_plain_prefix(html, consumed)
    rest_text = plain_text(rest)
    lead = _AFTER_TIME.match(rest_text)
    if zone := ZONE_AFTER_TIME.match(rest_text, lead.end() if lead else 0):
        lead = _AFTER_TIME.match(rest_text, zone.end()) or zone
    return cut_plain_prefix(rest, lead.end()) if lead else rest


# -- title and speakers -----------------------------------------------------------------------

_SEPARATOR = re.compile(r"\s+(?:\\-\\-|--|—|–|-|\|)\s+|\s*(?:\\-\\-|--|—|\|)\s*")
_BOLD_OR_EM = re.compile(r"<(strong|b|em|i)\b[^>]*>(.*?)</\1>", re.IGNORECASE | re.DOTALL)
# "Session A (Young researchers)": a track's name, not a talk with a speaker.
_TRACK = re.compile(r"^\W*(?:session|track|stream|sitzung|s[ée]ance|sesi[óo]n|sessione)"
                    r"\s+\w{1,3}\W*\(", re.IGNORECASE)
# A line that is only a label in parentheses: "(Distinguished Paper)".
LABEL_IN_PARENTHESES = re.compile(r"\s*\([^()]*\)\s*")
_TRAILING_PARENS = re.compile(r"\(([^()]*)\)\s*[.,;]?\s*$")
_BY = re.compile(r"^([^()]*\S)\s+by\s+([^()]+)$", re.IGNORECASE)
_LED_BY = re.compile(r"^\W*(?:moderated by|chaired by|led by|presented by|given by|by|with|"
                     r"speakers?:|presenters?:|moderators?:)\s*(.+)$", re.IGNORECASE)
_MATERIAL = re.compile(r"slides?|pdf|video|details|info|link|html|abstract|paper|recording|"
                       r"poster|code|notes|website|program(?:me)?|tbd|tba|tbc", re.IGNORECASE)
_TALK_LABEL = re.compile(r"(?:(?:invited|keynote|plenary|contributed|spotlight|oral|lightning|"
                         r"guest|short|long|featured|opening|closing|best\s+paper)\s+){0,2}"
                         r"(?:talks?|keynotes?|lectures?|presentations?|orals?|spotlights?|"
                         r"papers?|address|vortrag|vortr[äa]ge|hauptvortrag|expos[ée]s?|"
                         r"conf[ée]rences?|ponencias?|charlas?|interventos?|relazioni)",
                         re.IGNORECASE)
_LABEL_END = re.compile(r"^:\s+|^\s+(?:—|–|-)\s+|:\s+|\s+(?:—|–|-)\s+")
_NAME_AND_QUOTED = re.compile(r'^(?P<who>[^"“”„«»]+?)\s*[,:–—-]\s*(?P<title>["“„«][^"“”„«»]+["”“»])\s*$')
_QUOTED_AND_NAME = re.compile(r'^(?P<title>["“„«][^"“”„«»]+["”“»])\s*[,:–—-]\s*(?P<who>[^"“”„«»]+?)\s*$')
_WITH_PEOPLE = re.compile(r"^(.+?)\s+with\s+(.+)$", re.IGNORECASE)
_FULL_STOP = re.compile(r"\.\s+")
_LABEL_BY = re.compile(r"^\W*(?:(?:invited|keynote|plenary|guest|public)\s+)?(?:talk|lecture|"
                       r"keynote|presentation|seminar|address|tutorial|demo)\s+by\s+(.+)$",
                       re.IGNORECASE)
_TALK_WORD = re.compile(r"\b(?:talk|lecture|presentation|keynote|tutorial|seminar|demo|"
                        r"introduction|welcome|remarks)\W*$", re.IGNORECASE)
# Words that begin a title but never a name ("An Extensible Waveform Viewer").
_NOT_NAME_START = re.compile(r"^(?:a|an|the|on|of|for|in|to|from|with|towards?|how|why|what|"
                             r"when|is|are|can|do|does|new|beyond|into|using|via)\b",
                             re.IGNORECASE)


def reads_as_people(text: str) -> bool:
    """Whether TEXT is a list of people's names (honorifics and affiliations allowed)."""
    text = text.strip(" .,;:")
    if not text or len(text) > 200:
        return False
    parts = [p.strip() for p in re.split(r"\s*(?:,|;|&|/|\band\b|\bor\b)\s*",
                                          HONORIFICS.sub("", text))]
    if len(parts) == 1 and (parts[0].isupper() or _MATERIAL.fullmatch(parts[0])):
        return False  # "(PDF)", "(TBD)", "(Details)": an acronym or a link, not a name
    if PLACE.search(text):
        return False  # "(Room A)", "(Panorama Room, 17th floor)": where, not who
    if INSTITUTION.search(text):
        return False  # "(ETH Zürich)", "(University of Leeds)": where from, not who
    if any(_NOT_NAME_START.match(p) for p in parts):
        return False
    return all(p for p in parts) and looks_like_names(", ".join(parts))


@dataclass(frozen=True)
class Content:
    title_html: str
    speakers_html: str


def _segments(html: str, pattern: re.Pattern[str]) -> list[str]:
    """HTML split at PATTERN's matches in its plain text (outside tags)."""
    parts: list[str] = []
    last = 0
    depth = 0
    for match in re.finditer(r"<[^>]*>|" + pattern.pattern, html, pattern.flags):
        token = match.group(0)
        if token.startswith("<"):
            if re.match(r"<(strong|b|em|i|a)\b", token, re.IGNORECASE):
                depth += 1
            elif re.match(r"</(strong|b|em|i|a)\b", token, re.IGNORECASE):
                depth = max(0, depth - 1)
            continue
        if depth == 0:
            parts.append(html[last:match.start()])
            last = match.end()
    parts.append(html[last:])
    return [p for p in parts if plain_text(p)]


_SPEAKER_WORDS = r"speakers?|presenters?|panel(?:l?ists)?|lecturers?|instructors?"
_SPEAKERS_LABEL = re.compile(rf"^\W*(?:{_SPEAKER_WORDS}|with)\W*:?\W*$", re.IGNORECASE)
_SPEAKERS_PREFIX = re.compile(rf"^\W*(?:{_SPEAKER_WORDS})\s*:\s*", re.IGNORECASE)


def without_speakers_label(text: str) -> str:
    """TEXT without a leading "Panelists:" or "Speakers:" label."""
    return _SPEAKERS_PREFIX.sub("", text, count=1)
_BULLET = re.compile(r"^[\s•·*\-–]+")


# Words that make a phrase a place ("Room A", "Main Hall", "Aula Magna").
PLACE = re.compile(r"\b(?:room|rooms|hall|salle|saal|raum|aula|auditorium|amphi\w*|theat(?:re|er)|"
                   r"floor|building|venue|lobby|foyer|terrace|stage|online|zoom|gather\s+town|"
                   r"restaurant|hotel|campus)\b",
                   re.IGNORECASE)

def _outside_parentheses(text: str) -> list[str]:
    """TEXT split at the commas and semicolons outside parentheses, and where a name
    follows an affiliation with its separator missing ("Ada (Univ. X, UK) Bob (Y)"); a
    nickname in parentheses stays inside its name ("ThanhVu (Vu) Nguyen")."""
    parts, depth, last, opened = [], 0, 0, 0
    for index, char in enumerate(text):
        if char == "(":
            opened = index if depth == 0 else opened
            depth += 1
        elif char == ")":
            depth -= 1
            inside = text[opened + 1:index]
            after = _NAME_AFTER.match(text, index + 1)
            if depth == 0 and after and after.group(1).isupper() and (
                    "," in inside or INSTITUTION.search(inside)):
                parts.append(text[last:index + 1])
                last = index + 1
        if char in ",;" and depth <= 0:
            parts.append(text[last:index])
            last = index + 1
    parts.append(text[last:])
    return parts


AND = re.compile(r"\s+(?:and|&)\s+")  # "Ada Lovelace and Charles Babbage"
# Between the names of a list of people: "A, B; C & D and E".
_NAME_SEPARATORS = re.compile(r"\s*(?:,|;|&|\band\b)\s*")
_NAME_AFTER = re.compile(r"\s+([^\W\d_])")


def _bare(text: str) -> str:
    """TEXT without what it says in parentheses."""
    return without_parentheses(text).strip()


def people_list(text: str) -> str:
    """Names joined by commas or semicolons as "A ; B", which the speaker splitter (keeping
    "Name, Affiliation" together) splits; an institution after a name (and a country after
    that) is the name's affiliation: "Ada, Univ. of X, UK ; Bob" gives "Ada (Univ. of X, UK) ; Bob"."""
    if "(" in text:
        # "A (Leipzig, DE), B (Wisconsin)": the commas outside parentheses part the people.
        parts = [p.strip() for p in _outside_parentheses(text) if p.strip()]
        if len(parts) > 1 and all(
                len(bare.split()) <= 4 and reads_as_people(bare)
                for bare in (_bare(p) for p in parts)):
            return " ; ".join(parts)
        return text
    parts = [p.strip() for p in re.split(r"[,;]", text) if p.strip()]
    if len(parts) < 2:
        return text
    # "A, Yale and B, Amazon Web Services": "and" parts two people unless it is inside an
    # institution's name ("Department of Physics and Astronomy").
    parts = [q for p in parts for q in ([p] if INSTITUTION.search(p) else AND.split(p)) if q]
    # A list that gives affiliations after names gives them all so: a lone word after a
    # full name is one too ("Yale").
    affiliated = any(INSTITUTION.search(p) for p in parts)
    people: list[list[str]] = []
    for part in parts:
        institution = INSTITUTION.search(part) is not None
        single = len(part.split()) == 1
        after_full_name = people and affiliated and len(people[-1]) == 1 and \
            len(people[-1][0].split()) > 1
        # After an institution, what follows is more of the affiliation ("KU Leuven, Belgium").
        if people and (institution or (single and (len(people[-1]) > 1 or after_full_name))
                       or any(INSTITUTION.search(p) for p in people[-1][1:])):
            people[-1].append(part)  # the affiliation of the name before it
        elif len(part.split()) <= 4 and reads_as_people(part):
            people.append([part])
        else:
            return text
    if len(people) == 1 and len(people[0]) == 1:
        return text
    return " ; ".join(f"{p[0]} ({', '.join(p[1:])})" if len(p) > 1 else p[0] for p in people)


def split_content(html: str) -> Content:
    """The title and the speakers of an entry's text."""
    html = unwrap(html.strip())  # "<strong>Lecture 1 (Ada): Title</strong>": split inside
    text = plain_text(html)
    if not text:
        return Content("", "")
    # "**Invited Talk**: Title<br>*Speaker*", "Keynote — Name: Title": a label that says
    # what kind of talk this is, then the talk; the label goes when the rest names who.
    labelled = _segments(html, _LABEL_END)
    if len(labelled) >= 2 and _TALK_LABEL.fullmatch(plain_text(labelled[0]).strip(" *_")):
        inner_content = split_content(_LABEL_END.sub("", html[len(labelled[0]):], count=1))
        if inner_content.speakers_html and plain_text(inner_content.title_html):
            return inner_content
    # 'Ann Lee, "Soil microbes"' and '"Soil microbes", Ann Lee': a name and a quoted title.
    quoted = _NAME_AND_QUOTED.match(text) or _QUOTED_AND_NAME.match(text)
    if quoted and _names_people(quoted.group("who")):
        return Content(html_lib.escape(quoted.group("title")), quoted.group("who"))
    # "Panel discussion with Ann Lee, Bo Chen and Dan Eze": who, after "with".
    if (joined := _WITH_PEOPLE.match(text)) and names_a_kind(joined.group(1)) and \
            reads_as_people(joined.group(2)) and all(
                len(n.split()) >= 2 for n in _NAME_SEPARATORS.split(joined.group(2))
                if n):
        return Content(cut_plain_suffix(html, len(text) - joined.end(1)), joined.group(2))
    # "Title<br>**Speakers**:<br>• A<br>• B": a label, then one name a line.
    if BR.search(html):
        lines = [p for p in BR.split(html) if plain_text(p)]
        # "(Distinguished Paper) <br> Title": a label in parentheses on a line of its own.
        while len(lines) > 1 and LABEL_IN_PARENTHESES.fullmatch(plain_text(lines[0])):
            lines.pop(0)
        html = "<br>".join(lines)
        text = plain_text(html)
        label_at = next((i for i, p in enumerate(lines)
                         if _SPEAKERS_LABEL.match(plain_text(p))), None)
        if label_at is not None and 0 < label_at < len(lines) - 1:
            names = [_BULLET.sub("", plain_text(p)) for p in lines[label_at + 1:]]
            return Content("<br>".join(lines[:label_at]), " ; ".join(n for n in names if n))
    # "Name (Affil)<br>**Title**": lines, one of them emphasised.
    if BR.search(html):
        lines = [p for p in BR.split(html) if plain_text(p)]
        if len(lines) >= 2:
            emphasised = [p for p in lines if _wholly_emphasised(p)]
            people = [p for p in lines if not _wholly_emphasised(p)
                      and _names_people(plain_text(p))]
            if len(emphasised) == 1 and people:
                return Content(emphasised[0], " ; ".join(people))
            # "Exposé invité<br>Thomas Schiex (INRAE, Toulouse)": a title, then who.
            if len(lines) == 2 and people == [lines[1]] and not reads_as_people(
                    _bare(plain_text(lines[0]))):
                return Content(lines[0], lines[1])
    # "Speaker -- Title", "*Title* – Speaker".
    parts = _segments(html, _SEPARATOR)
    if len(parts) == 1 and plain_text(parts[0]) != text:
        html, text = parts[0], plain_text(parts[0])  # "Lunch |": a separator with nothing after
    if len(parts) == 2:
        # A lone word beside a dash is rarely a name ("Ordnungsruf - fertig werden").
        first_people, second_people = (reads_as_people(named := _bare(plain_text(p)))
                                       and (len(named.split()) > 1 or "," in named)
                                       for p in parts)
        first_title, second_title = (_wholly_emphasised(p) for p in parts)
        # Beside a break's name ("Café - Gather Town") is a place, not a speaker.
        first_kind, second_kind = (names_a_break(plain_text(p)) for p in parts)
        if first_people and (second_title or not second_people) and not first_title \
                and not second_kind:
            return Content(_without_label(parts[1]), parts[0])
        if second_people and (first_title or not first_people) and not second_title \
                and not first_kind:
            return Content(_without_label(parts[0]), parts[1])
    # "Label (Speaker): *Title*" and "Speaker: Title".
    if ":" in text:
        colon = _segments(html, re.compile(r":\s"))
        if len(colon) >= 2:
            head, rest = colon[0], ": ".join(colon[1:])
            head_text = plain_text(head)
            # "Eve Fox (Oxford): *Symmetries*": a name, its affiliation, then the title.
            if (inner := _TRAILING_PARENS.search(head_text)) and inner.start() > 0 and \
                    _is_full_name(head_text[:inner.start()]):
                return Content(rest, head)
            if (inner := _TRAILING_PARENS.search(head_text)) and reads_as_people(inner.group(1)):
                label = cut_plain_suffix(head, len(head_text) - inner.start()).strip()
                if _wholly_emphasised(rest.strip()):
                    return Content(rest, people_list(inner.group(1)))
                return Content(f"{label}: {rest.strip()}", people_list(inner.group(1)))
            # "Talk by Jane Doe: Ice sheets": who, in the label before the title.
            if (led := _LABEL_BY.match(head_text)) and reads_as_people(led.group(1)):
                return Content(rest, people_list(led.group(1)))
            # "Ada Lovelace: Engines" (a name is at most three words: "Side Channel Secure
            # Software: A Hardware Question" is a title and its subtitle).
            if reads_as_people(head_text) and len(head_text.split()) >= 2 and \
                    not names_a_kind(head_text) and all(
                        len(n.split()) <= 3 for n in _NAME_SEPARATORS.split(head_text)):
                return Content(rest, head)
            # "**Opening Talk**: *Title* – Speaker": a short label before the talk's title.
            if len(head_text.split()) <= 3 and not reads_as_people(head_text):
                inner_content = split_content(rest)
                if inner_content.speakers_html or _wholly_emphasised(rest.strip()):
                    return inner_content
            # "Keynote lecture: Name, Lab, University", "Keynote: Joan Clarke": a label, then
            # who gives it.
            first = plain_text(rest).split(",")[0]
            if len(head_text.split()) <= 3 and len(first.split()) >= 2 and \
                    reads_as_people(first) and ("," in plain_text(rest) or (
                        _TALK_WORD.search(head_text) and len(first.split()) <= 4)):
                return Content(html, first)
    # "Panel: the future (moderated by Eve Evans)": who, after a word that says so.
    if (inner := _TRAILING_PARENS.search(text)) and inner.start() > 0 and (
            led := _LED_BY.match(inner.group(1))) and reads_as_people(led.group(1)):
        return Content(cut_plain_suffix(html, len(text) - inner.start()),
                       people_list(led.group(1)))
    # "Title (Speaker)", "Title by Speaker".
    if (inner := _TRAILING_PARENS.search(text)) and reads_as_people(inner.group(1)) and \
            inner.start() > 0 and not _TRACK.match(text) and not names_a_break(text):
        return Content(cut_plain_suffix(html, len(text) - inner.start()),
                       people_list(inner.group(1)))
    # "... Presentation (Jakob Steiner, Fabien Maussion) and open discussion": full names in
    # parentheses inside the title.
    for inner in () if _TRACK.match(text) or names_a_break(text) else PARENTHESES.finditer(text):
        names = [n.strip() for n in re.split(r"[,;&]|\band\b", inner.group(1))]
        if reads_as_people(inner.group(1)) and all(
                len(n.split()) >= 2 and len(n.split()[-1]) > 1 for n in names):
            title = cut_plain_suffix(html, len(text) - inner.start()).rstrip() + " " + \
                cut_plain_prefix(html, inner.end()).lstrip()
            return Content(title.strip(), people_list(inner.group(1)))
    # "Library prep talk by Dr. Hong Qiu": after a word for a talk, with an honorific, or
    # after a title in sentence case ("Verifiers by Automatic Proof Localization", all in
    # Title Case, is a title going on).
    if (by := _BY.match(text)) and reads_as_people(_first_name_phrase(by.group(2))) and (
            _TALK_WORD.search(by.group(1)) or HONORIFICS.match(by.group(2))
            or not _title_case(by.group(1))):
        return Content(cut_plain_suffix(html, len(text) - len(by.group(1))),
                       _first_name_phrase(by.group(2)))
    # "Grace Hu, Ivan Jo. *Causal robustness*": authors, a full stop, the title (a paper).
    if (cited := _authors_then_title(text)) is not None:
        rest = cut_plain_prefix(html, cited).strip()
        authors = text[:cited].rstrip(". ")
        if _wholly_emphasised(rest) or "," in authors or AND.search(authors):
            return Content(rest, authors)
    return Content(html, "")


def _without_label(html: str) -> str:
    """ "**Opening Talk**: *Title*" -> "*Title*": a short label before an emphasised title."""
    colon = _segments(html, re.compile(r":\s"))
    if len(colon) == 2 and len(plain_text(colon[0]).split()) <= 3 and \
            _wholly_emphasised(colon[1].strip()):
        return colon[1]
    return html


def _authors_then_title(text: str) -> int | None:
    """Where the title starts in "Authors. Title", or None: the first full stop that ends
    a list of full names (not an initial's: "Ann B. Lee")."""
    for stop in _FULL_STOP.finditer(text):
        before = text[:stop.start()]
        last = before.split()[-1] if before.split() else ""
        if len(last) < 2 or HONORIFICS.match(last + ". x"):
            continue
        names = [n for n in _NAME_SEPARATORS.split(before) if n]
        if names and reads_as_people(before) and all(2 <= len(n.split()) <= 4 for n in names) \
                and text[stop.end():].strip():
            return stop.end()
        return None
    return None


def _names_people(text: str) -> bool:
    """Whether TEXT names people, each perhaps with an affiliation in parentheses or after
    a comma ("Grace Hopper, MIT")."""
    return reads_as_people(_bare(people_list(text)))


def _is_full_name(text: str) -> bool:
    """Whether TEXT is one person's name of two to four words ("Eve Fox")."""
    return 2 <= len(text.split()) <= 4 and reads_as_people(text) and not any(
        sep in text for sep in (",", ";", "&", " and "))


def _title_case(text: str) -> bool:
    """Whether every longer word of TEXT is capitalised ("Accelerating Automated Verifiers")."""
    words = [w for w in re.findall(r"[^\W\d_]+", text) if len(w) > 3]
    return bool(words) and all(w[0].isupper() for w in words)


def _first_name_phrase(text: str) -> str:
    """ "Dr. Hong Qiu from the DNATech Core" -> "Dr. Hong Qiu"."""
    return re.split(r"\s+(?:from|of|at|with|on|for|about)\s+|[,(]", text, maxsplit=1)[0]


def _wholly_emphasised(fragment: str) -> bool:
    fragment = fragment.strip()
    match = _BOLD_OR_EM.fullmatch(fragment)
    return match is not None
