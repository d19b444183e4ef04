"""Shaded panels for the key quotes and key figures: a grid of cells on one background.

Each cell is a stack of paragraphs; a row is as tall as its tallest cell. Rules
may run between the columns and between the rows, and an accent bar down the
left edge. reportlab's ``Table`` would do this too, but measures and lays out a
general table each time the layout asks a panel's height at another size.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from reportlab.lib.colors import Color
from reportlab.platypus.flowables import Flowable

from .tagging import artifact

TALL = 1e6
"""A height no page reaches: what a flowable is given when only its own height is asked."""


@dataclass(frozen=True, slots=True)
class Padding:
    """Space inside each cell, around its paragraphs."""

    left: float
    right: float
    top: float
    bottom: float


@dataclass(frozen=True, slots=True)
class Line:
    """A rule's thickness and colour."""

    width: float
    colour: Color


class Panel(Flowable):  # type: ignore[misc]
    """Rows of cells of equal width on a ``background``, cells' contents at the top."""

    def __init__(self, rows: Sequence[Sequence[Sequence[Flowable]]], padding: Padding,
                 background: Color, rules: Line | None = None,
                 accent: Line | None = None) -> None:
        super().__init__()
        self.rows = rows
        self.columns = max(len(row) for row in rows)
        self.padding = padding
        self.background = background
        self.rules = rules
        """Between columns and between rows."""
        self.accent = accent
        """A bar down the left edge."""
        self._measured_at = -1.0
        self._row_heights: list[float] = []

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        if available_width != self._measured_at:
            inner = self._cell_width(available_width)
            pad = self.padding
            self._row_heights = [
                pad.top + pad.bottom + max(
                    sum(flowable.wrap(inner, TALL)[1] for flowable in cell) for cell in row)
                for row in self.rows
            ]
            self._measured_at = available_width
        self.width = available_width
        self.height = sum(self._row_heights)
        return available_width, self.height

    def _cell_width(self, available_width: float) -> float:
        return available_width / self.columns - self.padding.left - self.padding.right

    def draw(self) -> None:
        canvas, pad = self.canv, self.padding
        column_width = self.width / self.columns
        inner = self._cell_width(self.width)
        canvas.setFillColor(self.background)
        with artifact(canvas):
            canvas.rect(0, 0, self.width, self.height, stroke=0, fill=1)
        top = self.height
        for number, (row, height) in enumerate(zip(self.rows, self._row_heights, strict=True)):
            for column, cell in enumerate(row):
                y = top - pad.top
                for flowable in cell:
                    _, tall = flowable.wrap(inner, TALL)
                    y -= tall
                    flowable.drawOn(canvas, column * column_width + pad.left, y)
            top -= height
            if self.rules and number < len(self.rows) - 1:
                self._rule(0, top, self.width, top, self.rules)
        if self.rules:
            for column in range(1, self.columns):
                x = column * column_width
                self._rule(x, 0, x, self.height, self.rules)
        if self.accent:
            self._rule(0, 0, 0, self.height, self.accent)

    def _rule(self, x1: float, y1: float, x2: float, y2: float, line: Line) -> None:
        self.canv.setStrokeColor(line.colour)
        self.canv.setLineWidth(line.width)
        with artifact(self.canv):
            self.canv.line(x1, y1, x2, y2)
