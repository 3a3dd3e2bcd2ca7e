"""What text every feed can carry (which links: ``links``)."""

from __future__ import annotations

import re
import unicodedata

# Characters XML 1.0 and RFC 5545 text cannot carry (C0 controls but tab and
# newline, DEL and C1 controls, lone surrogates, the two non-characters).
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")


def strip_control(text: str) -> str:
    """TEXT without characters XML and iCalendar cannot carry."""
    return _CONTROL.sub("", text)


def ascii_fold(text: str) -> str:
    """TEXT with its accents dropped and every other non-ASCII character left out: "Bénard"
    -> "Benard", for sort keys and ASCII identifiers."""
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
