"""File names derived from titles: safe on Linux, macOS and Windows, never a path."""

from __future__ import annotations

import re
import unicodedata

MAX_STEM = 80
_UNSAFE = re.compile(r"[^\w]+", re.UNICODE)
_WINDOWS_RESERVED = {
    "con",
    "prn",
    "aux",
    "nul",
    "clock$",
    *(f"com{i}" for i in range(10)),
    *(f"lpt{i}" for i in range(10)),
}


def slugify(title: str, fallback: str = "article") -> str:
    """``"Café prices rise 5%!"`` -> ``café-prices-rise-5``: lower case, letters, digits, dashes.

    Path separators, dots, control characters and Windows' reserved device names
    (CON, NUL, COM1, ...) can never survive; the result is at most 80 characters
    and never empty.
    """
    text = unicodedata.normalize("NFKC", title).casefold()
    stem = _UNSAFE.sub("-", text).replace("_", "-")
    stem = re.sub(r"-{2,}", "-", stem).strip("-")[:MAX_STEM].rstrip("-")
    if not stem:
        stem = fallback
    if stem in _WINDOWS_RESERVED:
        stem = f"{stem}-{fallback}"
    return stem


def unique_stem(stem: str, taken: set[str]) -> str:
    """``stem``, or ``stem-2``, ``stem-3``... whichever is not in ``taken``; records it there."""
    candidate, number = stem, 1
    while candidate.casefold() in taken:
        number += 1
        candidate = f"{stem}-{number}"
    taken.add(candidate.casefold())
    return candidate
