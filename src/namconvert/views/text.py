"""What text and links every feed can carry."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

# Characters XML 1.0 and RFC 5545 text cannot carry (C0 controls but tab and
# newline, DEL and C1 controls, lone surrogates, the two non-characters).
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")


def strip_control(text: str) -> str:
    """TEXT without characters XML and iCalendar cannot carry."""
    return _CONTROL.sub("", text)


def is_web_url(url: str | None) -> bool:
    """An absolute http(s) URL with a host: what every feed format accepts as a link."""
    if not url:
        return False
    parts = urlsplit(url)
    return parts.scheme in ("http", "https") and bool(parts.netloc)
