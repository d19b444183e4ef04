"""Breaking a paragraph into lines: one greedy line breaker for every drawn paragraph.

The PDF one-pager (measured with reportlab, shaped for Arabic and Hebrew, run by
run in fallback fonts) and the EPUB cover's title (measured with Pillow) fill each
line with as much as fits and move on, as reportlab and most word processors do.
How a line is measured is the caller's: ``measure`` gives a text's width.

Where a line may break is decided here, once for every script: at spaces, and,
as UAX #14 has it for ideographs, between Chinese and Japanese characters, but
never before closing punctuation, small kana or the prolonged sound mark, nor
after opening punctuation; Korean breaks at its spaces. A piece wider than a
line is cut between clusters (a letter with its marks). The spaces at a break
belong to neither line: a line never starts or ends with one.

Thai, Lao, Khmer and Burmese write no spaces between words, and where a word
ends takes a dictionary to know. With ICU installed (``pyicu-wheels``, in the
``scripts`` extra) a run of those scripts breaks where ICU's dictionary-based
line breaker says; without it such a run breaks only at its spaces, and a run
wider than the line is cut between clusters.

When widths add up (a font without kerning, words shaped one by one), a line is
the sum of its pieces, each measured once; otherwise (Pillow's kerned layout)
each candidate line is measured whole. The long-piece cut is always measured
whole, since letters inside a word join and kern.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from functools import cache

SLACK = 1e-6
"""Rounding room when a line's pieces add up to exactly its width."""

NO_BREAK_BEFORE = frozenset(
    "、。，．,.!?！？：；:;)]}）」』】〕》〉〗〙〛〟’”ー〜～…‥・゠々〻ゝゞヽヾ"
    "ぁぃぅぇぉっゃゅょゎゕゖァィゥェォッャュョヮヵヶㇰㇱㇲㇳㇴㇵㇶㇷㇸㇹㇺㇻㇼㇽㇾㇿ%％")
"""Closing punctuation, small kana and marks a line may not start with (UAX #14 CL, CP,
EX, IS, NS and CJ classes, the strict reading)."""
NO_BREAK_AFTER = frozenset("([{（「『【〔《〈〖〘〚〝‘“$＄￥£")
"""Opening punctuation a line may not end with (UAX #14 OP)."""

_FIRST_IDEOGRAPHIC = "\u2e80"
"""Below this no character breaks around itself (see :func:`breaks_around`)."""

_DICTIONARY_SCRIPTS = re.compile(r"[\u0e00-\u0eff\u1000-\u109f\u1780-\u17ff\u19e0-\u19ff]")
"""Thai, Lao, Burmese and Khmer (with Khmer symbols): words found by a dictionary."""

Segment = tuple[str, str]
"""(glue, piece): a piece of text no line breaks inside, and the spaces that join it to
the piece before ("" inside a Chinese or Japanese word)."""


def breaks_around(char: str) -> bool:
    """True for a character a line may break before or after without a space: the
    ideographs, kana and CJK symbols (UAX #14 class ID), not Hangul (Korean uses spaces)."""
    code = ord(char)
    return (0x2E80 <= code <= 0x312F or 0x3190 <= code <= 0x9FFF or 0xF900 <= code <= 0xFAFF
            or 0xFE30 <= code <= 0xFE4F or 0xFF00 <= code <= 0xFF60
            or 0x1F300 <= code <= 0x1FAFF or 0x20000 <= code <= 0x3FFFF)


def joins_previous(char: str) -> bool:
    """True for a character that belongs with the one before it (marks, joiners)."""
    return unicodedata.category(char) in ("Mn", "Mc", "Me") or char in "\u200c\u200d\ufe0f"


def pieces(word: str) -> list[str]:
    """``word`` (no spaces) cut where a line may break inside it: between ideographs, and
    between the words of a Thai, Lao, Khmer or Burmese run when ICU is installed."""
    if word.isascii():
        return [word]
    if _DICTIONARY_SCRIPTS.search(word) and dictionary_breaks() is not None:
        return [part for chunk in _dictionary_pieces(word) for part in _ideograph_pieces(chunk)]
    return _ideograph_pieces(word)


def _ideograph_pieces(word: str) -> list[str]:
    cut: list[str] = []
    start = 0
    for index in range(1, len(word)):
        before, after = word[index - 1], word[index]
        # Only an ideograph or kana opens a break before a letter of another script
        # (so "#COVIDー19" holds together), and none comes before closing punctuation.
        ideograph_before = breaks_around(before) and before not in NO_BREAK_BEFORE
        if ((ideograph_before or breaks_around(after)) and after not in NO_BREAK_BEFORE
                and before not in NO_BREAK_AFTER and not joins_previous(after)):
            cut.append(word[start:index])
            start = index
    cut.append(word[start:])
    return cut


def segments(text: str) -> list[Segment]:
    """``text`` as the pieces a line may break between, each with its glue (see
    :data:`Segment`); spaces before the first piece or after the last are left out."""
    found: list[Segment] = []
    glue = ""
    cjk = not text.isascii() and (max(text) >= _FIRST_IDEOGRAPHIC
                                  or _DICTIONARY_SCRIPTS.search(text) is not None)
    for word in text.split(" "):
        if not word:  # one of several spaces in a row, or one at an end
            glue += " "
            continue
        for index, piece in enumerate(pieces(word) if cjk else (word,)):
            found.append((glue if found and not index else "", piece))
        glue = " "
    return found


def break_offsets(text: str) -> list[int]:
    """Where in ``text`` a line may start, after its first piece: the offsets of the
    pieces :func:`segments` finds, the first left out."""
    offsets: list[int] = []
    position = len(text) - len(text.lstrip(" "))
    for index, (glue, piece) in enumerate(segments(text)):
        position += len(glue)
        if index:
            offsets.append(position)
        position += len(piece)
    return offsets


@cache
def dictionary_breaks() -> str | None:
    """ICU's version when its dictionary-based line breaker can be used, else None."""
    try:
        import icu  # type: ignore[import-not-found,unused-ignore]
    except ImportError:
        return None
    return str(icu.ICU_VERSION)


def _dictionary_pieces(word: str) -> list[str]:
    """``word`` cut at ICU's line-break opportunities (UAX #14 with its dictionaries)."""
    import icu

    # A new iterator each time: ICU's are not safe to share between threads, and
    # creating one costs far less than laying out the paragraph it serves.
    iterator = icu.BreakIterator.createLineInstance(icu.Locale.getRoot())
    iterator.setText(word)
    # ICU counts in UTF-16 code units; astral characters take two.
    units = word.encode("utf-16-le")
    cut: list[str] = []
    start = 0
    for boundary in iterator:
        cut.append(units[2 * start : 2 * boundary].decode("utf-16-le"))
        start = boundary
    return [part for part in cut if part] or [word]


def clusters(text: str) -> list[str]:
    """``text`` as the smallest pieces that may be cut apart: a letter with its marks,
    and a consonant joined to the next by a virama."""
    found: list[str] = []
    for char in text:
        if found and (joins_previous(char) or found[-1].endswith(("\u094d", "\u09cd", "\u200d"))):
            found[-1] += char
        else:
            found.append(char)
    return found


def break_lines(text: str, width: float, measure: Callable[[str], float], *,
                additive: bool = True,
                opportunities: Callable[[str], list[Segment]] = segments) -> list[str]:
    """``text`` broken greedily into lines no wider than ``width`` by ``measure``, at the
    breaks ``opportunities`` finds; a piece wider than a line starts a line and is cut
    between clusters. Empty text is one empty line.

    ``additive`` says a line's width is its pieces' and glues' widths added up (each is
    measured once); when False every candidate line is measured whole (kerning).
    """
    room = width + SLACK
    lines: list[str] = []
    line, used = "", 0.0
    glues: dict[str, float] = {}
    for glue, piece in opportunities(text):
        measured = measure(piece) if additive or not line else 0.0
        if line:
            if additive:
                spacing = glues.get(glue)
                if spacing is None:
                    spacing = glues[glue] = measure(glue) if glue else 0.0
                joined = used + spacing + measured
            else:
                joined = measure(line + glue + piece)
            if joined <= room:
                line, used = line + glue + piece, joined
                continue
            lines.append(line)
            if not additive:
                measured = measure(piece)
        line, used = piece, measured
        if measured > room:
            cut = _cut(piece, room, measure)
            lines.extend(cut[:-1])
            line, used = cut[-1], measure(cut[-1])
    lines.append(line)
    return lines


def _cut(piece: str, room: float, measure: Callable[[str], float]) -> list[str]:
    """``piece`` cut greedily into parts no wider than ``room`` (one cluster at least)."""
    cut: list[str] = []
    for cluster in clusters(piece):
        if cut and measure(cut[-1] + cluster) <= room:
            cut[-1] += cluster
        else:
            cut.append(cluster)
    return cut
