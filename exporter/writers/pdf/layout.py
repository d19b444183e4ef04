"""Deciding what fits on the one page, and at what size.

The page is a stack of sections: title block, summary, key quotes, key figures
and the article's lead. Every candidate is measured with reportlab's ``wrap()``
at the frame's width, never by building a document, so the cost is that of the
text that could fit, not of the article.

The search, for a body type size ``s`` between the style's bounds:

1. *Whole*: the largest ``s`` (up to ``max_size``) at which everything fits,
   the whole article included. Short articles get big type this way.
2. *Cut*: otherwise the largest ``s`` (up to ``reading_size``) at which the
   summary, quotes and figures fit with a useful lead of the article below
   them. Only at ``min_size`` does it drop figures, then quotes, then summary
   sentences, and always whole sentences.
3. *Fill*: the article's lead takes the rest of the page, as many whole
   sentences as fit (a binary search over the sentence count of the one block
   that is cut).
4. *Spread*: space still left is shared between the sections, so the lowest
   line sits near the foot of the page (see :func:`spread`).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import cache
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib.colors import HexColor
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Paragraph, Table, TableStyle
from reportlab.platypus.flowables import Flowable, HRFlowable

from ...fonts import FontFamily
from .content import Content
from .style import Style

STEP = 0.5
"""Type sizes are tried in steps of half a point."""
MIN_LEAD_LINES = 8
"""A cut article still shows at least this many lines of its lead (or a quarter page)."""
LEAD_SHARE = 0.25
TALL = 1e6


@dataclass(frozen=True, slots=True)
class Counts:
    """How much of each section is shown."""

    summary: int
    quotes: int
    figures: int


@dataclass(slots=True)
class Placed:
    """A flowable, the gap above it, and its measured height."""

    flowable: Flowable
    gap: float
    height: float
    stretch: bool = False
    """The gap above may grow when the page has space left (section starts)."""


@dataclass(slots=True)
class Plan:
    """The chosen layout: size, what is shown, and the flowables top to bottom."""

    size: float
    counts: Counts
    body_sentences: int
    body_cut: bool
    items: list[Placed] = field(default_factory=list)

    @property
    def height(self) -> float:
        return sum(item.gap + item.height for item in self.items)


class Typesetter:
    """Builds and measures the page's flowables at any body size."""

    def __init__(self, content: Content, style: Style, family: FontFamily, width: float,
                 height: float) -> None:
        self.content = content
        self.style = style
        self.family = family
        self.width = width
        self.height = height
        self.colour = {key: HexColor(value) for key, value in style.colours.items()}
        self._unit_heights: dict[tuple[float, int], float] = {}
        self.styles = cache(self._styles)

    # -- styles -------------------------------------------------------------------------

    def _styles(self, size: float) -> dict[str, ParagraphStyle]:
        st, fam, col = self.style, self.family, self.colour
        smallest = st.min_size

        def para(name: str, font: str, points: float, colour: str, **extra: Any) -> ParagraphStyle:
            points = max(smallest, points)
            return ParagraphStyle(name, fontName=font, fontSize=points,
                                  leading=points * extra.pop("leading", st.leading),
                                  textColor=col[colour], **extra)

        title = min(st.title_max, max(st.title_min, size * st.title_scale))
        bullet = dict(leftIndent=size * 1.2, bulletIndent=size * 0.2,
                      bulletFontName=fam.regular.name, bulletFontSize=size)
        return {
            "title": para("title", fam.bold.name, title, "text", leading=1.15),
            "standfirst": para("standfirst", fam.italic.name, size * 1.15, "muted"),
            "meta": para("meta", fam.regular.name, size * 0.85, "muted"),
            "label": para("label", fam.bold.name, size * 0.85, "accent", leading=1.2),
            "summary": para("summary", fam.regular.name, size * 1.05, "text", **bullet),
            "quote": para("quote", fam.italic.name, size, "text"),
            "speaker": para("speaker", fam.bold.name, size * 0.85, "muted"),
            "figure": para("figure", fam.bold.name, size * 1.6, "figure_text",
                           leading=1.15, alignment=TA_CENTER),
            "context": para("context", fam.regular.name, size * 0.85, "text",
                            alignment=TA_CENTER),
            "body": para("body", fam.regular.name, size, "text"),
            "heading": para("heading", fam.bold.name, size * 1.1, "text"),
            "body_quote": para("body_quote", fam.italic.name, size, "muted",
                               leftIndent=size * 1.5),
            "item": para("item", fam.regular.name, size, "text", **bullet),
            "note": para("note", fam.italic.name, size * 0.85, "muted"),
        }

    def gap(self, size: float) -> float:
        return self.style.gap * size / self.style.reading_size

    # -- building blocks -----------------------------------------------------------------

    def _measure(self, flowable: Flowable) -> float:
        _, height = flowable.wrap(self.width, TALL)
        return float(height)

    def _place(self, flowable: Flowable, gap: float, stretch: bool = False) -> Placed:
        return Placed(flowable, gap, self._measure(flowable), stretch)

    def _p(self, text: str, style: str, size: float, **extra: Any) -> Paragraph:
        return Paragraph(escape(text), self.styles(size)[style], **extra)

    def header(self, size: float) -> list[Placed]:
        """Title, standfirst, meta line and a rule."""
        gap = self.gap(size)
        items = [self._place(self._p(self.content.title, "title", size), 0)]
        if self.content.standfirst:
            items.append(self._place(self._p(self.content.standfirst, "standfirst", size),
                                     gap * 0.6))
        items.append(self._place(self._p(self.content.meta, "meta", size), gap * 0.6))
        rule = HRFlowable(width="100%", thickness=0.8, color=self.colour["rule"],
                          spaceBefore=0, spaceAfter=0)
        items.append(self._place(rule, gap * 0.8))
        return items

    def summary(self, size: float, count: int) -> list[Placed]:
        """The "Summary" label and ``count`` bullets."""
        if count == 0:
            return []
        gap = self.gap(size)
        items = [self._place(self._p(self.style.labels["summary"].upper(), "label", size),
                             gap * 1.2, stretch=True)]
        for text in self.content.summary[:count]:
            items.append(self._place(self._p(text, "summary", size, bulletText="•"), gap * 0.5))
        return items

    def quotes(self, size: float, count: int) -> list[Placed]:
        """The "Key quotes" label and a shaded box of ``count`` quotations."""
        if count == 0:
            return []
        gap = self.gap(size)
        rows = []
        for quote in self.content.quotes[:count]:
            cell = [self._p(f"“{quote.text}”", "quote", size)]
            if quote.speaker:
                cell.append(self._p(f"— {quote.speaker}", "speaker", size))
            rows.append([cell])
        pad = size * 0.6
        box = Table(rows, colWidths=[self.width])
        box.setStyle(TableStyle([
            ("BACKGROUND", (0, 0), (-1, -1), self.colour["quote_background"]),
            ("LINEBEFORE", (0, 0), (0, -1), 2.5, self.colour["accent"]),
            ("LEFTPADDING", (0, 0), (-1, -1), pad * 1.4),
            ("RIGHTPADDING", (0, 0), (-1, -1), pad),
            ("TOPPADDING", (0, 0), (-1, -1), pad * 0.6),
            ("BOTTOMPADDING", (0, 0), (-1, -1), pad * 0.6),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ]))
        label = self._p(self.style.labels["key_quotes"].upper(), "label", size)
        return [self._place(label, gap * 1.2, stretch=True), self._place(box, gap * 0.5)]

    def figures(self, size: float, count: int) -> list[Placed]:
        """The "Key figures" label and a panel of ``count`` figures, up to three a row."""
        if count == 0:
            return []
        gap = self.gap(size)
        shown = self.content.figures[:count]
        columns = min(3, len(shown))
        cells = []
        for figure in shown:
            cell = [self._p(figure.figure, "figure", size)]
            if figure.context:
                cell.append(self._p(figure.context, "context", size))
            cells.append(cell)
        while len(cells) % columns:
            cells.append([])
        rows = [cells[i:i + columns] for i in range(0, len(cells), columns)]
        pad = size * 0.5
        panel = Table(rows, colWidths=[self.width / columns] * columns)
        panel.setStyle(TableStyle([
            ("BACKGROUND", (0, 0), (-1, -1), self.colour["figure_background"]),
            ("LINEAFTER", (0, 0), (-2, -1), 0.6, self.colour["rule"]),
            ("LINEBELOW", (0, 0), (-1, -2), 0.6, self.colour["rule"]),
            ("LEFTPADDING", (0, 0), (-1, -1), pad),
            ("RIGHTPADDING", (0, 0), (-1, -1), pad),
            ("TOPPADDING", (0, 0), (-1, -1), pad),
            ("BOTTOMPADDING", (0, 0), (-1, -1), pad),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ]))
        label = self._p(self.style.labels["key_figures"].upper(), "label", size)
        return [self._place(label, gap * 1.2, stretch=True), self._place(panel, gap * 0.5)]

    def body_label(self, size: float) -> Placed:
        label = self._p(self.style.labels["article"].upper(), "label", size)
        return self._place(label, self.gap(size) * 1.2, stretch=True)

    def note(self, size: float) -> Placed:
        return self._place(self._p(self.style.labels["continued"], "note", size),
                           self.gap(size) * 0.5)

    def unit(self, size: float, index: int, sentences: int | None = None) -> Placed:
        """Block ``index`` of the body, or only its first ``sentences`` sentences."""
        unit = self.content.body[index]
        shown = unit.sentences if sentences is None else unit.sentences[:sentences]
        text = " ".join(shown)
        gap = self.gap(size) * (0.9 if unit.kind == "heading" else 0.45)
        if unit.kind == "heading":
            return self._place(self._p(text, "heading", size), gap)
        if unit.kind == "item":
            bullet = f"{unit.number}." if unit.number else "•"
            return self._place(self._p(text, "item", size, bulletText=bullet), gap)
        return self._place(self._p(text, "body_quote" if unit.kind == "quote" else "body", size),
                           gap)

    def unit_height(self, size: float, index: int) -> float:
        """Height (gap included) of the whole block ``index``, measured once per size."""
        key = (size, index)
        if key not in self._unit_heights:
            placed = self.unit(size, index)
            self._unit_heights[key] = placed.gap + placed.height
        return self._unit_heights[key]

    def capacity(self, size: float, height: float) -> int:
        """A generous upper bound on the characters that fit in ``height`` at ``size``."""
        return capacity(self.width, height, size, self.style.leading)


def capacity(width: float, height: float, size: float, leading: float) -> int:
    """A generous upper bound on the characters a ``width`` x ``height`` box holds at ``size``.

    DejaVu Sans averages over half an em a character in running text; 0.38 em and
    a fifth more leave room for narrow scripts and short words.
    """
    per_line = width / (0.38 * size)
    lines = max(0.0, height) / (size * leading) + 1
    return int(per_line * lines * 1.2) + 40


@dataclass(frozen=True, slots=True)
class Body:
    """How much of the article is shown: whole blocks, then a prefix of one more."""

    blocks: int
    partial: int
    """Sentences shown of block ``blocks`` (0: none)."""
    height: float
    complete: bool
    sentences: int


def fit_body(setter: Typesetter, size: float, room: float) -> Body:
    """As many whole sentences of the article as fit in ``room``, in order."""
    body = setter.content.body
    used = 0.0
    sentences = 0
    index = 0
    capacity = setter.capacity(size, room)
    chars = 0
    while index < len(body):
        unit = body[index]
        chars += unit.chars
        if chars <= capacity:  # a block far longer than the room is never wrapped whole
            height = setter.unit_height(size, index)
            if used + height <= room:
                used += height
                sentences += len(unit.sentences) if unit.kind != "heading" else 0
                index += 1
                continue
        break
    if index == len(body):
        return Body(index, 0, used, setter.content.body_complete, sentences)
    partial, height = 0, 0.0
    unit = body[index]
    if unit.kind != "heading":
        left = room - used
        budget = setter.capacity(size, left)
        most, total = 0, 0
        for sentence in unit.sentences:
            total += len(sentence) + 1
            if total > budget:
                break
            most += 1
        partial, height = _largest(
            most, lambda k: _placed_height(setter.unit(size, index, k)), left)
    blocks = index
    # A heading is never the last thing shown.
    if partial == 0:
        while blocks and body[blocks - 1].kind == "heading":
            blocks -= 1
            used -= setter.unit_height(size, blocks)
    return Body(blocks, partial, used + height, False, sentences + partial)


def _placed_height(placed: Placed) -> float:
    return placed.gap + placed.height


def _largest(most: int, height: Callable[[int], float], room: float) -> tuple[int, float]:
    """The largest ``k`` in ``0..most`` with ``height(k) <= room`` (heights grow with ``k``)."""
    low, high, best = 1, most, (0, 0.0)
    while low <= high:
        middle = (low + high) // 2
        measured = height(middle)
        if measured <= room:
            best = (middle, measured)
            low = middle + 1
        else:
            high = middle - 1
    return best


def body_items(setter: Typesetter, size: float, body: Body) -> list[Placed]:
    """The flowables of the article's lead as chosen by :func:`fit_body`."""
    items = [setter.unit(size, i) for i in range(body.blocks)]
    if body.partial:
        items.append(setter.unit(size, body.blocks, body.partial))
    return items


def sizes(low: float, high: float) -> list[float]:
    """Candidate body sizes from ``high`` down to ``low`` in :data:`STEP` steps."""
    count = int(round((high - low) / STEP))
    return [high - i * STEP for i in range(count + 1)]


def plan_page(setter: Typesetter) -> Plan:
    """The layout for the page: the largest type at which the most content fits."""
    content, style = setter.content, setter.style
    full = Counts(len(content.summary), len(content.quotes), len(content.figures))

    def fixed(size: float, counts: Counts) -> list[Placed]:
        return (setter.header(size) + setter.summary(size, counts.summary)
                + setter.quotes(size, counts.quotes) + setter.figures(size, counts.figures))

    def room_for_body(size: float, counts: Counts) -> float:
        room = setter.height - sum(p.gap + p.height for p in fixed(size, counts))
        return room - _placed_height(setter.body_label(size)) if content.body else room

    def whole(size: float) -> bool:
        room = room_for_body(size, full)
        if room < 0:
            return False
        body = fit_body(setter, size, room)
        return body.complete

    chosen = _first(sizes(style.min_size, style.max_size), whole)
    if chosen is not None:
        return _build(setter, chosen, full, cut=False)

    def lead_room(size: float) -> float:
        note = _placed_height(setter.note(size))
        wanted = max(MIN_LEAD_LINES * size * style.leading, LEAD_SHARE * setter.height)
        return wanted + note

    def with_lead(counts: Counts) -> Callable[[float], bool]:
        return lambda size: room_for_body(size, counts) >= lead_room(size)

    reading = sizes(style.min_size, style.reading_size)
    chosen = _first(reading, with_lead(full))
    if chosen is not None:
        return _build(setter, chosen, full, cut=True)
    smallest = style.min_size
    for counts in _reductions(full):
        if with_lead(counts)(smallest) or counts.summary <= 1 and room_for_body(
                smallest, counts) >= 0:
            return _build(setter, smallest, counts, cut=True)
    return _build(setter, smallest, Counts(min(1, full.summary), 0, 0), cut=True)


def _reductions(full: Counts) -> list[Counts]:
    """What to give up at the smallest size, in order: figures, quotes, summary sentences."""
    steps = [Counts(full.summary, full.quotes, f) for f in (min(full.figures, 3), 0)]
    steps += [Counts(full.summary, q, 0) for q in (min(full.quotes, 2), 0)]
    steps += [Counts(s, 0, 0) for s in range(full.summary - 1, 0, -1)]
    return steps


def _first(candidates: Sequence[float], fits: Callable[[float], bool]) -> float | None:
    """The first (largest) candidate that fits; fitting is monotone, so binary search."""
    low, high, best = 0, len(candidates) - 1, None
    while low <= high:
        middle = (low + high) // 2
        if fits(candidates[middle]):
            best = candidates[middle]
            high = middle - 1
        else:
            low = middle + 1
    return best


def _build(setter: Typesetter, size: float, counts: Counts, cut: bool) -> Plan:
    items = (setter.header(size) + setter.summary(size, counts.summary)
             + setter.quotes(size, counts.quotes) + setter.figures(size, counts.figures))
    used = sum(p.gap + p.height for p in items)
    body = Body(0, 0, 0.0, True, 0)
    if setter.content.body:
        label = setter.body_label(size)
        room = setter.height - used - _placed_height(label)
        body = fit_body(setter, size, room)
        if not body.complete:
            body = fit_body(setter, size, room - _placed_height(setter.note(size)))
        if body.blocks or body.partial:
            items.append(label)
            items += body_items(setter, size, body)
            if not body.complete:
                items.append(setter.note(size))
    plan = Plan(size, counts, body.sentences, not body.complete, items)
    spread(plan, setter.height, setter.gap(size))
    return plan


def spread(plan: Plan, height: float, gap: float) -> None:
    """Share the space left at the foot between the sections' opening gaps.

    A designer setting a short piece uses the whole sheet: the type has already
    grown to ``max_size``; what is still empty goes between the sections rather
    than under the last line. Each gap grows by at most eight base gaps, so a
    tiny text is not scattered over the page.
    """
    left = height - plan.height
    stretchy = [item for item in plan.items if item.stretch]
    if left <= 0 or not stretchy:
        return
    extra = min(left / len(stretchy), gap * 8)
    for item in stretchy:
        item.gap += extra
