"""What text and links every feed can carry.

Which links may be published at all is one rule, :func:`allowed_url`, the one the reader's
sanitiser applies; outputs ask it again rather than keeping rules of their own.
"""

from __future__ import annotations

import re
import unicodedata
from urllib.parse import urlsplit

from ..parse.text import allowed_url

# Characters XML 1.0 and RFC 5545 text cannot carry (C0 controls but tab and
# newline, DEL and C1 controls, lone surrogates, the two non-characters).
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")
WEB_SCHEMES = frozenset({"http", "https"})


def strip_control(text: str) -> str:
    """TEXT without characters XML and iCalendar cannot carry."""
    return _CONTROL.sub("", text)


def ascii_fold(text: str) -> str:
    """TEXT with its accents dropped and every other non-ASCII character left out: "Bénard"
    -> "Benard", for sort keys and ASCII identifiers."""
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()


def is_web_url(url: str | None) -> bool:
    """A link every feed format (and ``base_url``) can carry: one :func:`allowed_url` allows
    that is a web address, not mail."""
    return bool(url) and allowed_url(url or "") and \
        urlsplit(url).scheme.lower() in WEB_SCHEMES


__all__ = ["allowed_url", "ascii_fold", "is_web_url", "strip_control"]
