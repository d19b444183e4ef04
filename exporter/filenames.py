"""File names derived from titles: safe on Linux, macOS and Windows, never a path, never too long.

A name is capped in characters (80, for people) and in UTF-8 bytes (for the
file system: NAME_MAX is 255 bytes, and the temporary name a file is first
written under adds :data:`~exporter.files.TEMPORARY_OVERHEAD` more). The cap
leaves room for the extension and for the ``-2``, ``-3`` that keep names unique.
"""

from __future__ import annotations

import re
import unicodedata

from .files import NAME_MAX, TEMPORARY_OVERHEAD

MAX_STEM = 80
"""The longest stem, in characters."""

SUFFIX_ROOM = 10
"""Bytes kept for the extension: ``.docx``, ``.epub``, a plug-in's ``.markdown``."""

MAX_STEM_BYTES = NAME_MAX - TEMPORARY_OVERHEAD - SUFFIX_ROOM
"""The longest stem, in UTF-8 bytes, ``-2`` suffixes included (231)."""

_WINDOWS_RESERVED = {
    "con",
    "prn",
    "aux",
    "nul",
    "clock$",
    *(f"com{i}" for i in range(10)),
    *(f"lpt{i}" for i in range(10)),
}


def slugify(title: str, fallback: str = "article", *, max_bytes: int = MAX_STEM_BYTES) -> str:
    """``"Café prices rise 5%!"`` -> ``café-prices-rise-5``: lower case, letters, digits, dashes.

    Path separators, dots, control characters and Windows' reserved device names
    (CON, NUL, COM1, ...) can never survive; the result is never empty, at most
    80 characters and ``max_bytes`` UTF-8 bytes, and a long title is cut
    between words where it can, and never inside a letter or a letter's accents.
    """
    text = unicodedata.normalize("NFKC", title).casefold()
    stem = re.sub(r"-{2,}", "-", _slug_characters(text)).strip("-")
    stem = cut(stem, max_bytes, max_chars=MAX_STEM)
    if not stem:
        stem = fallback
    if stem in _WINDOWS_RESERVED:
        stem = f"{stem}-{fallback}"
    return stem


def unique_stem(stem: str, taken: set[str], *, max_bytes: int = MAX_STEM_BYTES) -> str:
    """``stem``, or ``stem-2``, ``stem-3``... whichever is not in ``taken``; records it there.

    The number is made room for within ``max_bytes`` by shortening the stem.
    """
    candidate, number = cut(stem, max_bytes), 1
    while candidate.casefold() in taken:
        number += 1
        ending = f"-{number}"
        candidate = cut(stem, max_bytes - len(ending)) + ending
    taken.add(candidate.casefold())
    return candidate


def cut(stem: str, max_bytes: int, *, max_chars: int | None = None) -> str:
    """``stem`` shortened to at most ``max_bytes`` UTF-8 bytes (and ``max_chars`` characters).

    The cut falls after a whole character with all its combining marks, and at
    the last dash when that keeps at least half of what fits, so that words
    stay whole; no dash is left at the end.
    """
    fits = stem if max_chars is None else stem[:max_chars]
    encoded = fits.encode("utf-8")
    if len(encoded) > max_bytes:
        fits = encoded[:max_bytes].decode("utf-8", "ignore")  # a partial character is dropped
    end = len(fits)
    if end == len(stem):
        return stem.rstrip("-")
    # A mark after the cut belongs to the letter before it: leave the letter out too.
    while end > 0 and unicodedata.category(stem[end])[0] == "M":
        end -= 1
    fits = stem[:end]
    dash = fits.rfind("-")
    if stem[end:end + 1] != "-" and dash >= len(fits) // 2:
        fits = fits[:dash]
    return fits.rstrip("-")


def _slug_characters(text: str) -> str:
    """Letters and digits kept with their combining marks; anything else becomes a dash."""
    kept: list[str] = []
    for character in text:
        mark = unicodedata.category(character)[0] == "M"
        if character.isalnum() or (mark and kept and kept[-1] != "-"):
            kept.append(character)
        else:
            kept.append("-")
    return "".join(kept)
