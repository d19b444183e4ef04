"""Readers: each turns one input format into a :class:`~exporter.model.Document`.

The format is chosen by the file's suffix (``.txt``, ``.html``/``.htm``,
``.md``/``.markdown``: the table in :mod:`.formats`) or, for anything else and for
standard input, by sniffing the content. ``-`` reads standard input.
"""

from __future__ import annotations

from pathlib import Path

from ..config import DEFAULT_MAX_INPUT_BYTES
from ..errors import InputError
from ..model import Document
from .decode import decode_bytes
from .formats import FORMATS, format_for_suffix, reader, sniff_format
from .source import read_file, read_stdin
from .text import title_from_filename

DEFAULT_MAX_BYTES = DEFAULT_MAX_INPUT_BYTES


def read_string(
    text: str,
    *,
    format: str | None = None,
    source: str = "<string>",
    fallback_title: str | None = None,
    language: str | None = None,
) -> Document:
    """A Document from article text already in memory; ``format`` is sniffed when not given.

    ``language`` (ISO 639-1) overrides what the article declares or what is detected.
    """
    name = format or sniff_format(text)
    if name not in FORMATS:
        raise InputError(
            source, f"unknown input format {name!r} (choose from {', '.join(FORMATS)})"
        )
    if not text.strip():
        raise InputError(source, "the article is empty")
    document = reader(name)(text, source=source, fallback_title=fallback_title, language=language)
    if not document.blocks:
        raise InputError(source, "no article text found (only a title, furniture or markup)")
    return document


def read_bytes(
    data: bytes,
    *,
    source: str,
    format: str | None = None,
    fallback_title: str | None = None,
    language: str | None = None,
) -> Document:
    """A Document from raw bytes in any common encoding."""
    if not data.strip():
        raise InputError(source, "the article is empty")
    text = decode_bytes(data, source)
    return read_string(
        text, format=format, source=source, fallback_title=fallback_title, language=language
    )


def read_path(
    path: str | Path, *, max_bytes: int = DEFAULT_MAX_BYTES, language: str | None = None
) -> Document:
    """A Document from a file, or from standard input when ``path`` is ``-``.

    Only regular files are read (a FIFO, device, socket or folder is refused by
    type), and never more than ``max_bytes``: ``InputError`` names the file.
    """
    if str(path) == "-":
        return read_bytes(read_stdin(max_bytes), source="-", language=language)
    file = Path(path)
    source = str(path)
    data = read_file(file, source, max_bytes)
    return read_bytes(
        data,
        source=source,
        format=format_for_suffix(file.suffix),
        fallback_title=title_from_filename(file),
        language=language,
    )


__all__ = ["FORMATS", "read_bytes", "read_path", "read_string", "sniff_format"]
