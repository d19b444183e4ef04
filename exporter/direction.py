"""Which way a text reads: one rule for every document, the Unicode bidirectional algorithm's.

A paragraph's base direction is that of its first strong character (UAX #9,
rules P2 and P3), skipping text inside directional isolates; a text with no
strong character at all takes its language's direction. The DOCX briefing, the
PDF one-pager, the EPUB digest and the email all ask here, so ``iPhone מועצת…``
reads the same way in each.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Literal

from .language_table import RIGHT_TO_LEFT

Direction = Literal["ltr", "rtl"]

RTL_LANGUAGES = RIGHT_TO_LEFT
"""Languages written right to left (ISO 639 codes, the old ``iw`` for Hebrew included)."""

# Every character whose bidirectional class is R or AL lies in these blocks (a test checks
# it against unicodedata): text with none of them is decided without a per-character scan.
MAYBE_RTL = re.compile(
    "[\u0590-\u08ff\u200f\ufb1d-\ufdff\ufe70-\ufefe\U00010800-\U00010fff"
    "\U0001e800-\U0001efff]"
)
_RIGHT_TO_LEFT = frozenset({"R", "AL"})
_ISOLATES = frozenset({"LRI", "RLI", "FSI"})


def language_direction(language: str | None) -> Direction:
    """``rtl`` for a language written right to left (``he``, ``ar-EG``...), else ``ltr``."""
    if language and language.split("-")[0].split("_")[0].lower() in RTL_LANGUAGES:
        return "rtl"
    return "ltr"


def first_strong(text: str) -> Direction | None:
    """The direction of ``text``'s first strong character outside isolates, or ``None``."""
    if MAYBE_RTL.search(text) is None:
        # Only left-to-right letters can be strong here; isolates cannot change that
        # unless they hide every one of them, which the slow path below handles.
        if "\u2066" not in text and "\u2067" not in text and "\u2068" not in text:
            return "ltr" if _has_left_to_right(text) else None
    depth = 0
    for char in text:
        kind = unicodedata.bidirectional(char)
        if kind in _ISOLATES:
            depth += 1
        elif kind == "PDI":
            depth = max(0, depth - 1)
        elif depth:
            continue
        elif kind == "L":
            return "ltr"
        elif kind in _RIGHT_TO_LEFT:
            return "rtl"
    return None


def text_direction(text: str, language: str | None = None) -> Direction:
    """The base direction of ``text`` (UAX #9 P2–P3), ``language``'s when it has no strong
    character."""
    return first_strong(text) or language_direction(language)


def is_rtl(text: str, language: str | None = None) -> bool:
    """Whether ``text`` reads right to left (see :func:`text_direction`)."""
    return text_direction(text, language) == "rtl"


def _has_left_to_right(text: str) -> bool:
    if text.isascii():
        return any(char.isalpha() for char in text)
    return any(unicodedata.bidirectional(char) == "L" for char in text)
