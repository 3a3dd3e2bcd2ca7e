"""What kind of slot a row is, from its title and whether anyone speaks."""

from __future__ import annotations

import re

from ..model import SlotKind
from .text import PARENTHESES

_KIND_WORDS: tuple[tuple[SlotKind, re.Pattern[str]], ...] = (
    # English first; then the same slots' usual words in French, German, Spanish, Italian.
    ("break", re.compile(r"^\W*(coffee|tea|lunch|dinner|breakfast|break|registration|"
                         r"poster(s| session)?|wine|reception|social|networking|refreshments|"
                         r"pause|caf[ée]|ap[ée]ro|d[ée]jeuner|d[îi]ner|repas|kaffee\w*|"
                         r"mittag\w*|abendessen|essen|pausa|almuerzo|comida|cena|pranzo)\b",
                         re.IGNORECASE)),
    # "Introduction to Python" is a lecture on it, not a session's introduction.
    ("introduction", re.compile(r"^\W*(?:(?:introductions?|intro)(?!\s+(?:to|into|on)\s+(?!"
                                r"(?:the|our|this|these)\s+(?:workshop|session|day|school|course|"
                                r"conference|meeting|program(?:me)?|symposium|event|week|"
                                r"tutorial|hackathon|track)s?\b))|"
                                r"welcome|opening|session introduction|"
                                r"accueil|bienvenue|ouverture|begr[üu](?:ß|ss)ung|er[öo]ffnung|"
                                r"willkommen|bienvenida|apertura|benvenut[io])\b",
                                re.IGNORECASE)),
    ("discussion", re.compile(r"^\W*(discussion|q\s*&\s*a|questions|closing|wrap[- ]up|"
                              r"concluding remarks|(?:general|open) discussion|d[ée]bats?|"
                              r"cl[ôo]ture|diskussion|abschluss|discusi[óo]n|clausura|"
                              r"chiusura)\b", re.IGNORECASE)),
    ("panel", re.compile(r"\bpanel\b|\bmoderated by\b|\broundtable\b", re.IGNORECASE)),
)


_LONGEST_ROUTINE_TITLE = 5  # words: "Welcome and session introduction (1 slide)" has 4

# What a "Type" column says, mapped to a kind.
_TYPE_WORDS: tuple[tuple[SlotKind, re.Pattern[str]], ...] = (
    ("break", _KIND_WORDS[0][1]),
    ("panel", re.compile(r"^\W*(panel|roundtable|round table)\b", re.IGNORECASE)),
    ("introduction", _KIND_WORDS[1][1]),
    ("discussion", _KIND_WORDS[2][1]),
    ("talk", re.compile(r"^\W*(talk|keynote|invited|contributed|plenary|lecture|tutorial|"
                        r"presentation|oral|lightning)\b", re.IGNORECASE)),
)


def kind_from_type(text: str) -> SlotKind | None:
    """The kind a "Type" column names ("Keynote", "Coffee break", "Panel"), or None."""
    for kind, pattern in _TYPE_WORDS:
        if pattern.search(text):
            return kind
    return None


def names_a_break(title: str) -> bool:
    """Whether TITLE starts by naming a break (coffee, lunch, a reception)."""
    return bool(_KIND_WORDS[0][1].search(title))


def names_a_kind(title: str) -> bool:
    """Whether TITLE starts by naming a non-talk slot (a break, a welcome, a panel)."""
    return any(pattern.search(title) for kind, pattern in _TYPE_WORDS if kind != "talk")


def classify(title: str, has_speaker: bool, has_abstract: bool, *, moderated: bool = False,
             type_text: str = "", set_apart: bool = False) -> SlotKind:
    """The slot's kind: a "Type" column wins, then a recognised word at the title's start,
    then "moderated by" in the speakers (a panel), else talk or other.

    SET_APART says the row's whole title is in italics: a row with no speaker set apart
    that way ("| 7:00-8:00 | | _Group photo_ |") is a break when no word names its kind."""
    if type_text and (from_type := kind_from_type(type_text)):
        return from_type
    if moderated:
        return "panel"
    for kind, pattern in _KIND_WORDS:
        if pattern.search(title):
            # "Opening the 21 cm Window on Our Cosmic Dawn" is a talk that starts with an
            # introduction word; "Opening statement" and "Closing remarks" are short.
            if kind in ("introduction", "discussion") and has_speaker and \
                    len(PARENTHESES.sub(" ", title).split()) > _LONGEST_ROUTINE_TITLE:
                return "talk"
            return kind
    if has_speaker or has_abstract:
        return "talk"
    # A short title that names its kind after a qualifier ("Special dinner", "Post-tutorial
    # Discussion", "Conclusion and wrap up").
    if len(PARENTHESES.sub(" ", title).split()) <= _LONGEST_ROUTINE_TITLE:
        for kind, pattern in _KIND_ANYWHERE:
            if pattern.search(title):
                return kind
    return "break" if set_apart else "other"


_KIND_ANYWHERE: tuple[tuple[SlotKind, re.Pattern[str]], ...] = (
    ("break", re.compile(r"(?:\b|\w)(?:break|pause)\b|\b(coffee|tea|lunch|dinner|breakfast|"
                         r"reception|banquet|refreshments|\w*essen|caf[ée]|d[îi]ner|"
                         r"d[ée]jeuner|cena|pranzo|almuerzo|get[- ]together|gathering|"
                         r"meet[- ]and[- ]greet|zusammenkunft|treffen)\b", re.IGNORECASE)),
    # An open chat is a discussion ("Offizielles Ende, Offener Chat"); an end alone is not.
    ("discussion", re.compile(r"\b(discussion|q\s*&\s*a|wrap[- ]up|conclusions?|chat)\b",
                              re.IGNORECASE)),
)
