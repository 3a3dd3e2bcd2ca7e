"""The only URL fetcher WeasyPrint gets: it serves the booklet's own template files.

Anything else (http, https, data, ftp, a file outside the template folders, a path that
climbs out of one with ``..`` or a symlink) is refused, so building the booklet never
touches the network or reads a file the project did not ship or the user did not put in
their templates folder.
"""

from __future__ import annotations

import mimetypes
from collections.abc import Iterable
from pathlib import Path
from urllib.parse import unquote, urlsplit

from weasyprint.urls import URLFetcher, URLFetcherResponse


class RefusedURL(ValueError):
    """WeasyPrint asked for something outside the template folders."""


class TemplateAssetFetcher(URLFetcher):  # type: ignore[misc]  # weasyprint has no type hints
    """Serve ``file:`` URLs below ROOTS; refuse every other URL."""

    def __init__(self, roots: Iterable[Path]) -> None:
        super().__init__(allowed_protocols=("file",))
        self.roots = tuple(root.resolve() for root in roots)

    def local_path(self, url: str) -> Path:
        """The template file URL names, or RefusedURL."""
        parts = urlsplit(url)
        if parts.scheme != "file" or parts.netloc not in ("", "localhost"):
            raise RefusedURL(f"the booklet fetches only its own template files, not {url}")
        path = Path(unquote(parts.path)).resolve()
        if not any(path.is_relative_to(root) for root in self.roots) or not path.is_file():
            raise RefusedURL(f"the booklet fetches only its own template files, not {url}")
        return path

    def fetch(self, url: str, headers: object = None) -> URLFetcherResponse:
        path = self.local_path(url)
        media_type = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
        return URLFetcherResponse(path.as_uri(), path.read_bytes(), {"Content-Type": media_type})
