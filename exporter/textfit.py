"""Cutting a line of text to a width with an ellipsis: one cutter for every drawn line.

The PDF one-pager (its masthead and source line, measured with reportlab) and the
EPUB cover (its organisation and last title line, measured with Pillow) both ask
for the longest start of a text that fits, with a mark after it. How a line is
measured is the caller's: ``fits`` says whether a candidate fits.
"""

from __future__ import annotations

from collections.abc import Callable

from .linebreak import break_offsets

TRAILING = " ,;:-–—、。，"
"""What is taken off the end of a cut text before the mark: spaces and dangling
punctuation."""


def cut_to_fit(text: str, fits: Callable[[str], bool], *, mark: str = "…",
               at_word: bool = True, trailing: str | None = TRAILING,
               always: bool = False) -> str:
    """``text`` if it ``fits`` (unless ``always``); else its longest start that fits with
    ``mark`` after it, cut where a line could break when ``at_word`` and the start has
    such a place (between words, between ideographs; :mod:`exporter.linebreak`), with
    ``trailing`` characters (None: white space) taken off before the mark.

    ``fits`` must be monotone: a shorter start never fits worse (a binary search finds it).
    """
    if not always and fits(text):
        return text
    low, high = 0, len(text)
    while low < high:
        middle = (low + high + 1) // 2
        if fits(text[:middle] + mark):
            low = middle
        else:
            high = middle - 1
    head = text[:low]
    if at_word and low < len(text) and not text[low].isspace():
        # At a break, never inside a word (unless the first word alone is too long).
        breaks = [offset for offset in break_offsets(text) if offset <= low]
        if breaks and head[: breaks[-1]].strip():
            head = head[: breaks[-1]]
    return head.rstrip(trailing) + mark
