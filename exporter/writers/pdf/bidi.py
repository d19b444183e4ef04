"""Right-to-left text (Hebrew, Arabic) for reportlab, which has no bidi layout of its own.

reportlab draws a string's characters left to right, unjoined. So a paragraph
holding right-to-left characters is laid out here instead: it is broken into
lines in *logical* order first (by :mod:`exporter.linebreak`, widths measured on
the shaped words), and only
then is each line shaped (``arabic-reshaper`` picks the joined letter forms and
ligatures DejaVu Sans has) and reordered for display (``python-bidi``, the
Unicode bidirectional algorithm). Reordering a whole paragraph before wrapping
would put its lines in reverse order. A paragraph whose first strong character
is right-to-left is set flush right, its bullet on the right (see :mod:`.text`).
"""

from __future__ import annotations

import unicodedata
from functools import cache, lru_cache
from typing import Any

from ...direction import first_strong
from ...fonts import sans_family

_RIGHT_TO_LEFT = {"R", "AL"}


@lru_cache(maxsize=4096)
def has_rtl(text: str) -> bool:
    """True when ``text`` holds any right-to-left letter."""
    if text.isascii():
        return False
    return any(unicodedata.bidirectional(char) in _RIGHT_TO_LEFT for char in set(text))


def base_direction(text: str) -> str:
    """``R`` when ``text`` reads right to left by the one rule (:mod:`exporter.direction`),
    else ``L``: python-bidi's names for the two."""
    return "R" if first_strong(text) == "rtl" else "L"


@cache
def _reshaper() -> Any:
    import arabic_reshaper

    config = arabic_reshaper.config_for_true_type_font(
        str(sans_family().regular.path), arabic_reshaper.ENABLE_LETTERS_LIGATURES)
    config["delete_harakat"] = False
    return arabic_reshaper.ArabicReshaper(configuration=config)


def reshaped(text: str) -> str:
    """``text`` with Arabic letters in their joined presentation forms (logical order)."""
    if text.isascii() or not any(unicodedata.bidirectional(char) == "AL"
                                 for char in set(text)):
        return text
    return str(_reshaper().reshape(text))


@lru_cache(maxsize=8192)
def shaped(text: str) -> str:
    """:func:`reshaped`, remembered: for words and lines, which recur; a whole page's
    text should call :func:`reshaped`, or a batch would keep every page in the cache."""
    return reshaped(text)


def visual(text: str, base: str | None = None) -> str:
    """One line of ``text`` shaped and reordered for drawing left to right."""
    if not has_rtl(text):
        return text
    from bidi import get_display

    return str(get_display(shaped(text), base_dir=base or base_direction(text)))

