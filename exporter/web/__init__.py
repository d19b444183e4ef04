"""From the web: articles by URL, feeds, and the scheduled digest.

``read_url`` fetches one page under :mod:`.fetch`'s rules and reads it with
the same readers as files (:mod:`.page`); :mod:`.feeds` reads RSS, Atom, JSON
Feed and OPML; :mod:`.cache` keeps responses for conditional GET; :mod:`.state`
remembers what a digest delivered; :mod:`.digest` is the ``digest`` command.
"""

from __future__ import annotations

import dataclasses
import re

from ..model import Document
from .fetch import Fetcher, FetchError, FetchSettings

_URL = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*://")


def is_url(source: object) -> bool:
    """True when ``source`` is written as a URL (``scheme://...``), whatever the scheme.

    A ``file://`` or ``ftp://`` source is a URL too: reading it is refused with a
    clear error rather than looked for as a file named ``file:``.
    """
    return isinstance(source, str) and bool(_URL.match(source.strip()))


def read_url(
    url: str,
    *,
    max_bytes: int | None = None,
    language: str | None = None,
    timeout: float | None = None,
    fetcher: Fetcher | None = None,
) -> Document:
    """Fetch the page at ``url`` and read its article; :class:`FetchError` or
    :class:`~exporter.errors.InputError` naming ``url`` when that fails.

    The document's ``source_url`` is the final URL, after redirects.
    """
    from .page import document_from_response

    if fetcher is None:
        settings = FetchSettings()
        settings = dataclasses.replace(settings, max_bytes=max_bytes or settings.max_bytes,
                                       timeout=timeout or settings.timeout)
        with Fetcher(settings) as own:
            return document_from_response(own.fetch(url), url=url, language=language)
    return document_from_response(fetcher.fetch(url), url=url, language=language)


__all__ = ["FetchError", "Fetcher", "FetchSettings", "is_url", "read_url"]
