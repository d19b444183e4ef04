"""Paragraphs of plain text for the one-pager, broken into lines here and drawn as text.

The page's text is never markup, and each paragraph has one font: reportlab's
``Paragraph`` (a markup parser, fragments, and a line breaker that re-measures
every word at every trial size) does far more than the page needs, many times
over while the layout searches for the type size. Here a paragraph's words are
measured once, at 1 pt (a TrueType font without kerning scales linearly), so
breaking it at any size and width is arithmetic on those numbers.

Lines are broken greedily by :func:`exporter.linebreak.break_lines` (at spaces, and
between ideographs), as reportlab's are; a word wider than the line is broken between
letters. A paragraph with right-to-left letters is broken in logical order on its
shaped words and reordered line by line (see :mod:`.bidi`).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from reportlab.lib.colors import Color
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus.flowables import Flowable

from ...linebreak import break_lines
from .bidi import base_direction, has_rtl, shaped, visual
from .tagging import marked


@dataclass(frozen=True, slots=True)
class TextStyle:
    """How one paragraph is set: one font, one size, one colour."""

    name: str
    font: str
    size: float
    leading: float
    colour: Color
    indent: float = 0.0
    """Space before the text on every line (the bullet hangs in it)."""
    bullet_font: str = ""
    bullet_indent: float = 0.0
    centred: bool = False
    slant: float = 0.0
    """Horizontal shear of the glyphs (0.2 leans them about 11 degrees): an oblique drawn
    from the upright face, which has the same advance widths."""


@lru_cache(maxsize=1 << 16)
def word_width(word: str, font: str) -> float:
    """The width of ``word`` in ``font`` at 1 pt (words recur, across articles too)."""
    return stringWidth(word, font, 1.0)


class TextParagraph(Flowable):  # type: ignore[misc]
    """A paragraph of plain text in one style; splits between lines, never leaving a
    single line at the foot of a column. Lines are broken once for each width."""

    def __init__(self, text: str, style: TextStyle, bullet: str | None = None,
                 lines: list[str] | None = None, base: str | None = None) -> None:
        super().__init__()
        self.text = text.replace("\xad", "")  # a soft hyphen is never drawn unbroken
        self.style = style
        self.bullet = bullet
        self.right_to_left = has_rtl(self.text)
        self.base = base or (base_direction(self.text) if self.right_to_left else "L")
        self._lines = lines
        self._broken_at = -1.0
        self.continued = False
        """The second part of a split paragraph: tagged as part of the first."""

    def lines(self, available_width: float) -> list[str]:
        """The paragraph's lines in a frame ``available_width`` wide, in logical order."""
        if self._lines is None or (self.text and self._broken_at != available_width):
            style = self.style
            width = available_width - style.indent
            self._lines = break_lines(self.text, width, self.measure)
            self._broken_at = available_width
        return self._lines

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        self.width = available_width
        self.height = len(self.lines(available_width)) * self.style.leading
        return available_width, self.height

    def split(self, available_width: float, available_height: float) -> list[Flowable]:
        lines = self.lines(available_width)
        fit = int(available_height // self.style.leading)
        if fit < 2 or fit >= len(lines):
            return []
        first = TextParagraph("", self.style, self.bullet, lines[:fit], self.base)
        rest = TextParagraph("", self.style, None, lines[fit:], self.base)
        first.continued = self.continued
        rest.continued = True
        return [first, rest]

    def draw(self) -> None:
        style, canvas = self.style, self.canv
        lines = self.lines(self.width)
        right_to_left = self.base == "R"
        canvas.setFillColor(style.colour)
        y = self.height - style.size
        if self.bullet:
            canvas.setFont(style.bullet_font or style.font, style.size)
            with marked(canvas, style.name + ".bullet"):
                if right_to_left:
                    canvas.drawRightString(self.width - style.bullet_indent, y, self.bullet)
                else:
                    canvas.drawString(style.bullet_indent, y, self.bullet)
        text = canvas.beginText()
        text.setFont(style.font, style.size)
        for line in lines:
            shown = visual(line, self.base) if self.right_to_left else line
            if style.centred:
                x = (self.width - self.line_width(shown)) / 2
            elif right_to_left:
                x = self.width - style.indent - self.line_width(shown)
            else:
                x = style.indent
            if style.slant and not self.right_to_left:
                text.setTextTransform(1, 0, style.slant, 1, x, y)
            else:
                text.setTextOrigin(x, y)
            self.show(text, shown)
            y -= style.leading
        with marked(canvas, style.name, self.continued):
            canvas.drawText(text)

    def measure(self, text: str) -> float:
        """The width of ``text`` (logical order) in the style's font and size: words are
        measured once at 1 pt (see :func:`word_width`), right-to-left ones shaped."""
        if self.right_to_left:
            return float(stringWidth(shaped(text), self.style.font, self.style.size))
        return word_width(text, self.style.font) * self.style.size

    def line_width(self, shown: str) -> float:
        """The width of one line as drawn (display order), in the style's font and size."""
        return float(stringWidth(shown, self.style.font, self.style.size))

    def show(self, text: Any, shown: str) -> None:
        """Write one line (display order) into the reportlab text object ``text``."""
        text.textOut(shown)
