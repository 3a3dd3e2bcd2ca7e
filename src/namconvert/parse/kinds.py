"""What kind of slot a row is, from its title and whether anyone speaks."""

from __future__ import annotations

import re

from ..model import SlotKind

_KIND_WORDS: tuple[tuple[SlotKind, re.Pattern[str]], ...] = (
    ("break", re.compile(r"^\W*(coffee|tea|lunch|dinner|breakfast|break|registration|"
                         r"poster(s| session)?|wine|reception|social|networking|refreshments)\b",
                         re.IGNORECASE)),
    ("introduction", re.compile(r"^\W*(introduction|intro|welcome|opening|session introduction)\b",
                                re.IGNORECASE)),
    ("discussion", re.compile(r"^\W*(discussion|q\s*&\s*a|questions|closing|wrap[- ]up|"
                              r"concluding remarks|general discussion)\b", re.IGNORECASE)),
    ("panel", re.compile(r"\bpanel\b|\bmoderated by\b|\broundtable\b", re.IGNORECASE)),
)


def classify(title: str, has_speaker: bool, has_abstract: bool) -> SlotKind:
    """The slot's kind: a recognised word at the title's start wins, else talk or other."""
    for kind, pattern in _KIND_WORDS:
        if pattern.search(title):
            return kind
    return "talk" if has_speaker or has_abstract else "other"
