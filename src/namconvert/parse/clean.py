"""Clean text: no control characters and no unpaired bidirectional controls in the model.

A control character (BEL, ESC, a C1 code) pasted into a title rings terminals, breaks XML
1.0 (frab, EPUB) and hides in the HTML; a right-to-left override left open reverses the text
after it, up to the end of the paragraph it lands in (the "Trojan Source" trick), and where a
field ends differs in every output. So:

- :func:`clean_source` removes control characters other than tab and newline from the source
  before it is read, with a warning at each line that had some;
- :func:`clean_programme` walks the finished model once and removes, field by field, what
  the source could still bring in (a character reference like ``&#27;`` decodes to one) and
  every bidirectional control whose partner is not in the same field.
"""

from __future__ import annotations

import dataclasses
import re
import unicodedata
from typing import Any, TypeVar

from ..errors import Diagnostic
from ..model import Programme

# C0 controls but tab and newline, DEL, and the C1 controls. Carriage returns are line ends.
CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_WHITE_CONTROL = "\x0b\x0c\x85"  # vertical tab, form feed, next line: they part words
EMBEDDINGS = "\u202a\u202b\u202d\u202e"  # LRE RLE LRO RLO, ended by PDF
POP_EMBEDDING = "\u202c"
ISOLATES = "\u2066\u2067\u2068"  # LRI RLI FSI, ended by PDI
POP_ISOLATE = "\u2069"
_BIDI_CONTROLS = EMBEDDINGS + POP_EMBEDDING + ISOLATES + POP_ISOLATE
_BIDI = re.compile(f"[{_BIDI_CONTROLS}]")
_UNSAFE = re.compile(f"{CONTROL.pattern}|{_BIDI.pattern}")

T = TypeVar("T")


def character_name(char: str) -> str:
    return f"U+{ord(char):04X}" + (f" {unicodedata.name(char)}" if unicodedata.name(char, "")
                                   else "")


def _without_controls(line: str) -> str:
    return CONTROL.sub(lambda m: " " if m.group(0) in _WHITE_CONTROL else "", line)


def clean_source(text: str, path: str) -> tuple[str, list[Diagnostic]]:
    """TEXT with line ends made ``\\n`` and control characters removed; a warning for each
    line that held any, at its first."""
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not CONTROL.search(text):
        return text, []
    findings: list[Diagnostic] = []
    lines = text.split("\n")
    for number, line in enumerate(lines, 1):
        found = CONTROL.findall(line)
        if not found:
            continue
        first = CONTROL.search(line)
        assert first is not None
        names = ", ".join(dict.fromkeys(character_name(c) for c in found))
        findings.append(Diagnostic(path, number, first.start() + 1, "warning",
                                   f"{_counted(len(found), 'control character')} removed "
                                   f"({names})", "text.control"))
        lines[number - 1] = _without_controls(line)
    return "\n".join(lines), findings


def unpaired_bidi(text: str) -> list[int]:
    """Offsets of the bidirectional controls in TEXT that have no partner in it.

    An embedding or override (LRE, RLE, LRO, RLO) is ended by a PDF, an isolate (LRI, RLI,
    FSI) by a PDI, innermost first; a PDI also ends the embeddings opened inside its isolate
    (as in Unicode's bidi algorithm), and those count as paired.
    """
    if not _BIDI.search(text):
        return []
    unpaired: list[int] = []
    open_marks: list[tuple[int, bool]] = []  # (offset, is an isolate)
    for match in _BIDI.finditer(text):
        char, at = match.group(0), match.start()
        if char in EMBEDDINGS or char in ISOLATES:
            open_marks.append((at, char in ISOLATES))
        elif char == POP_EMBEDDING:
            if open_marks and not open_marks[-1][1]:
                open_marks.pop()
            else:
                unpaired.append(at)
        elif any(isolate for _, isolate in open_marks):  # PDI with an isolate open
            while not open_marks.pop()[1]:
                pass
        else:
            unpaired.append(at)
    unpaired += [at for at, _ in open_marks]
    return sorted(unpaired)


def clean_field(text: str) -> tuple[str, list[str], list[str]]:
    """TEXT without control characters and unpaired bidi controls, and the names of the
    control characters and of the bidi controls removed."""
    if not _UNSAFE.search(text):
        return text, [], []
    controls = [character_name(c) for c in CONTROL.findall(text)]
    text = _without_controls(text)
    offsets = set(unpaired_bidi(text))
    if not offsets:
        return text, controls, []
    bidi = [character_name(text[i]) for i in sorted(offsets)]
    return "".join(c for i, c in enumerate(text) if i not in offsets), controls, bidi


def may_bring_in(text: str) -> bool:
    """Whether the model read from TEXT (cleaned by :func:`clean_source`) can hold what
    :func:`clean_programme` removes: only bidi controls or character references bring any."""
    # Nine substring tests run at memchr speed; one character-class scan of a big programme
    # takes three times as long.
    return "&#" in text or any(mark in text for mark in _BIDI_CONTROLS)


def clean_programme(programme: Programme, path: str) -> tuple[Programme, list[Diagnostic]]:
    """PROGRAMME with every text field clean (see :func:`clean_field`), and a warning for each
    field that was not, at the line of the day, session or slot that holds it."""
    findings: list[Diagnostic] = []

    def report(line: int, field: str, names: list[str], what: str, category: str) -> None:
        if names:
            listed = ", ".join(dict.fromkeys(names))
            findings.append(Diagnostic(path, line, 1, "warning", f"{_counted(len(names), what)} "
                                       f"removed from the {field} ({listed})", category))

    def visit(value: T, line: int, field: str) -> T:
        if isinstance(value, str):
            cleaned, controls, bidi = clean_field(value)
            report(line, field, controls, "control character", "text.control")
            report(line, field, bidi, "unpaired bidirectional control", "text.bidi")
            return cleaned  # type: ignore[return-value]
        if isinstance(value, tuple):
            items = tuple(visit(item, line, field) for item in value)
            unchanged = all(a is b for a, b in zip(items, value, strict=True))
            return value if unchanged else items  # type: ignore[return-value]
        if dataclasses.is_dataclass(value) and not isinstance(value, type):
            here = getattr(value, "line", line)
            kind = type(value).__name__.lower()
            changes: dict[str, Any] = {}
            for spec in dataclasses.fields(value):
                old = getattr(value, spec.name)
                # title and title_html are one field to the organiser: one warning.
                name = spec.name.removesuffix("_html").replace("_", " ")
                new = visit(old, here, f"{kind} {name}")
                if new is not old:
                    changes[spec.name] = new
            return dataclasses.replace(value, **changes) if changes else value
        return value

    cleaned = visit(programme, 0, "programme")
    return cleaned, list(dict.fromkeys(findings))


def _counted(count: int, what: str) -> str:
    return f"{count} {what}s" if count > 1 else f"{'an' if what[0] in 'aeiou' else 'a'} {what}"
