"""Right-to-left text (Hebrew, Arabic) for reportlab, which has no bidi layout of its own.

reportlab draws a string's characters left to right, unjoined. So a paragraph
holding right-to-left characters is laid out here instead: it is broken into
lines in *logical* order first (widths measured on the shaped words), and only
then is each line shaped (``arabic-reshaper`` picks the joined letter forms and
ligatures DejaVu Sans has) and reordered for display (``python-bidi``, the
Unicode bidirectional algorithm). Reordering a whole paragraph before wrapping
would put its lines in reverse order. A paragraph whose first strong character
is right-to-left is set flush right, its bullet on the right.
"""

from __future__ import annotations

import unicodedata
from functools import cache, lru_cache
from typing import Any

from reportlab.lib.enums import TA_CENTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus.flowables import Flowable

from ...fonts import sans_family

_RIGHT_TO_LEFT = {"R", "AL"}


@lru_cache(maxsize=4096)
def has_rtl(text: str) -> bool:
    """True when ``text`` holds any right-to-left letter."""
    if text.isascii():
        return False
    return any(unicodedata.bidirectional(char) in _RIGHT_TO_LEFT for char in set(text))


def base_direction(text: str) -> str:
    """``R`` when the first strong character is right-to-left, else ``L``."""
    for char in text:
        kind = unicodedata.bidirectional(char)
        if kind in _RIGHT_TO_LEFT:
            return "R"
        if kind == "L":
            return "L"
    return "L"


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


def break_lines(text: str, font: str, size: float, width: float) -> list[str]:
    """``text`` broken into lines no wider than ``width``, in logical order."""
    space = stringWidth(" ", font, size)
    lines: list[str] = []
    current: list[str] = []
    used = 0.0
    for word in text.split():
        measured = stringWidth(shaped(word), font, size)
        if measured > width:  # a word longer than the line is broken between letters
            if current:
                lines.append(" ".join(current))
                current, used = [], 0.0
            piece = ""
            for char in word:
                if piece and stringWidth(shaped(piece + char), font, size) > width:
                    lines.append(piece)
                    piece = ""
                piece += char
            current, used = [piece], stringWidth(shaped(piece), font, size)
            continue
        if current and used + space + measured > width:
            lines.append(" ".join(current))
            current, used = [], 0.0
        used += (space if current else 0.0) + measured
        current.append(word)
    if current:
        lines.append(" ".join(current))
    return lines


class BidiParagraph(Flowable):  # type: ignore[misc]
    """A paragraph of plain text with right-to-left parts; splits between lines."""

    def __init__(self, text: str, style: ParagraphStyle, bulletText: str | None = None,  # noqa: N803
                 lines: list[str] | None = None) -> None:
        super().__init__()
        self.text = text
        self.style = style
        self.bullet = bulletText
        self.base = base_direction(text)
        self._lines = lines
        self._width = -1.0

    def _text_width(self, available: float) -> float:
        return available - self.style.leftIndent - self.style.rightIndent

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        if self._lines is None or (self._width != available_width and self.text):
            self._lines = break_lines(self.text, self.style.fontName, self.style.fontSize,
                                      self._text_width(available_width))
            self._width = available_width
        self.width = available_width
        self.height = len(self._lines) * self.style.leading
        return available_width, self.height

    def split(self, available_width: float, available_height: float) -> list[Flowable]:
        self.wrap(available_width, available_height)
        assert self._lines is not None
        fit = int(available_height // self.style.leading)
        if fit < 2 or fit >= len(self._lines):  # no single line left behind at a column foot
            return []
        first = BidiParagraph("", self.style, self.bullet, self._lines[:fit])
        rest = BidiParagraph("", self.style, None, self._lines[fit:])
        first.base = rest.base = self.base
        return [first, rest]

    def draw(self) -> None:
        assert self._lines is not None
        style, canvas = self.style, self.canv
        right_to_left = self.base == "R"
        canvas.setFillColor(style.textColor)
        y = self.height - style.fontSize
        if self.bullet:
            canvas.setFont(style.bulletFontName, style.bulletFontSize)
            x = self.width - style.bulletIndent if right_to_left else style.bulletIndent
            draw = canvas.drawRightString if right_to_left else canvas.drawString
            draw(x, y, self.bullet)
        canvas.setFont(style.fontName, style.fontSize)
        for line in self._lines:
            shown = visual(line, self.base)
            if style.alignment == TA_CENTER:
                canvas.drawCentredString(self.width / 2, y, shown)
            elif right_to_left:
                canvas.drawRightString(self.width - style.leftIndent, y, shown)
            else:
                canvas.drawString(style.leftIndent, y, shown)
            y -= style.leading
