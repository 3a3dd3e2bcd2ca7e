"""Which links may be published at all: one rule, applied by the reader's sanitiser and asked
again by every output, so no format keeps a rule of its own."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

LINK_SCHEMES = frozenset({"http", "https", "mailto"})
WEB_SCHEMES = frozenset({"http", "https"})


def allowed_url(url: str) -> bool:
    """Whether URL may be published: an absolute ``http``/``https`` address with a host, or a
    plain ``mailto:`` (addresses only: a query could add recipients or a body).

    The one test every link passes: relative and protocol-relative links resolve against
    wherever an output happens to be (the PDF's against the install folder: a ``file:`` link
    that shows the machine's paths), so they are dropped like every other scheme.
    """
    # The usual link is told without taking it apart.
    return bool(_PLAIN_WEB_URL.match(url)) or _allowed_by_parts(url)


def _allowed_by_parts(url: str) -> bool:
    if _UNSAFE_IN_URL.search(url):
        return False
    try:
        parts = urlsplit(url)
    except ValueError:  # "http://[::1": a bracketed host never closed
        return False
    scheme = parts.scheme.lower()
    if scheme in ("http", "https"):
        return bool(parts.hostname) and url[len(scheme) + 1:].startswith("//")
    if scheme == "mailto":
        return not parts.query and not parts.fragment and bool(_MAILTO_ADDRESSES.match(parts.path))
    return False


# An http(s) address with a host of letters, digits, dots and hyphens, an optional port and a
# path of printable ASCII but "%" (no escapes): each such address passes _allowed_by_parts.
_PLAIN_WEB_URL = re.compile(r"https?://[A-Za-z0-9.\-]+(?::[0-9]{1,5})?(?:[/?#][!-$&-~]*)?\Z",
                            re.IGNORECASE | re.ASCII)
_UNSAFE_IN_URL = re.compile(r"[\x00-\x20\x7f-\x9f]|%(?:[01][0-9a-f]|7f)", re.IGNORECASE)
_ADDRESS = r"[^\s@?#,<>\"%]+@[^\s@?#,<>\"%]+"
_MAILTO_ADDRESSES = re.compile(rf"{_ADDRESS}(?:,{_ADDRESS})*\Z")


def is_web_url(url: str | None) -> bool:
    """A link every feed format (and ``base_url``) can carry: one :func:`allowed_url` allows
    that is a web address, not mail."""
    return bool(url) and allowed_url(url or "") and \
        urlsplit(url).scheme.lower() in WEB_SCHEMES
