"""Which column of a timetable holds what, for tables written without a header row.

kramdown programmes often start straight with the rows (``| 8:42 – 8:54 | * |
Nico Salzetta | Spacetime from Unentanglement |``). The time column is the one
whose cells start with a clock; a column holding only marks (``*``, ``†``) is
a marker, not text; of the text columns, the one that reads like people's
names is the speaker column and the other the title.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from .table import Row
from .text import PARENTHESES, plain_text
from .times import find_clock

_MARK = re.compile(r"^[^\w\s]{1,3}$")
_NAME_JOINERS = re.compile(r"\s*(?:,|;|&|/|\band\b|\bor\b)\s*", re.IGNORECASE)
# Lower-case words that belong inside names ("Ludwig van Beethoven", "Maria de la Cruz").
_PARTICLES = frozenset({"de", "da", "di", "del", "della", "der", "den", "van", "von", "la", "le",
                        "du", "dos", "das", "bin", "al", "el", "y", "ter", "ten", "zu"})
_SHARE_FOR_TIME = 0.6  # of a column's filled cells that start with a clock


def _starts_with_clock(text: str) -> bool:
    found = find_clock(text)
    return found is not None and found[0].start() == 0


def looks_like_names(text: str) -> bool:
    """Whether TEXT reads as one or more people's names (affiliations in parentheses aside)."""
    for part in _NAME_JOINERS.split(PARENTHESES.sub(" ", text)):
        words = part.replace("*", " ").split()
        if not 1 <= len(words) <= 5 or any(c.isdigit() or c in ":?!" for c in part):
            return False
        if any(not w[0].isupper() and w.lower() not in _PARTICLES for w in words):
            return False
    return True


def infer_columns(rows: Sequence[Row]) -> dict[str, int] | None:
    """Columns of a headerless table from its cells, or None when no column holds times."""
    texts = [[plain_text(c.html) for c in row.cells] for row in rows if row.cells]
    width = max((len(t) for t in texts), default=0)

    def filled(index: int) -> list[str]:
        return [t[index] for t in texts if index < len(t) and t[index]]

    time_column = next((i for i in range(width) if (values := filled(i)) and
                        sum(map(_starts_with_clock, values)) >= _SHARE_FOR_TIME * len(values)),
                       None)
    if time_column is None:
        return None
    mapping = {"time": time_column}
    text_columns = []
    for index in range(width):
        values = filled(index)
        if index == time_column or not values:
            continue
        if all(_MARK.match(v) for v in values):
            mapping.setdefault("mark", index)
        else:
            text_columns.append(index)
    if not text_columns:
        return None
    if len(text_columns) == 1:
        mapping["title"] = text_columns[0]
        return mapping
    first, second = text_columns[:2]
    # Judge on rows that fill both columns: a talk row names its speaker and its title.
    both = [t for t in texts if max(first, second) < len(t) and t[first] and t[second]]
    first_score = sum(looks_like_names(t[first]) for t in both)
    second_score = sum(looks_like_names(t[second]) for t in both)
    speaker, title = (second, first) if second_score > first_score else (first, second)
    mapping["speaker"], mapping["title"] = speaker, title
    return mapping
