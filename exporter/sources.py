"""One entry point for every kind of article source: a file, ``-``, or a URL."""

from __future__ import annotations

from pathlib import Path

from .config import DEFAULT_MAX_INPUT_BYTES
from .model import Document


def read_source(
    source: str | Path,
    *,
    max_bytes: int = DEFAULT_MAX_INPUT_BYTES,
    language: str | None = None,
    timeout: float | None = None,
) -> Document:
    """The Document of ``source``: fetched when it is a URL (http/https only; any other
    scheme is refused), else read from the file or standard input.

    Errors are :class:`~exporter.errors.InputError` naming the source.
    """
    from .web import is_url

    if is_url(source):
        from .web import read_url

        return read_url(str(source), max_bytes=max_bytes, language=language, timeout=timeout)
    from .readers import read_path

    return read_path(source, max_bytes=max_bytes, language=language)
