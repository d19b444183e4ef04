"""Deciding what fits on the one page, and at what size.

The page is a stack of sections: title block, summary, key quotes, key figures
and the article's lead. Every candidate is measured with its ``wrap()`` at the
frame's width (paragraphs break their lines themselves, see :mod:`.text`), never
by building a document, so the cost is that of the text that could fit, not of
the article.

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

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from reportlab.lib.colors import HexColor
from reportlab.platypus.flowables import Flowable, HRFlowable, Spacer

from ...fonts import FontFamily
from ...labels import labels_for
from .bidi import base_direction, has_rtl
from .content import Content
from .fallback import Fallback, FallbackParagraph
from .panels import TALL, Line, Padding, Panel
from .style import Style
from .text import TextParagraph, TextStyle, word_width

STEP = 0.5
"""Type sizes are tried in steps of half a point."""
MIN_LEAD_LINES = 8
"""A cut article still shows at least this many lines of its lead (or a quarter page)."""
LEAD_SHARE = 0.25
BODY_GAP = 0.5
SPREAD_TARGET = 0.9
"""Share of the frame the lowest line reaches, at least, when the sections are spread."""
LONGEST_LINE = 90
"""Characters a line may hold before the article is set in two columns."""
OBLIQUE = math.tan(math.radians(11))
"""The shear of the page's italic: the regular face leaned as DejaVu Sans Oblique is
(which has the same advance widths), so the page embeds two faces, not three."""


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


@dataclass(frozen=True, slots=True)
class Words:
    """A paragraph of the page, before it is set: its text, style and the gap above it."""

    text: str
    style: str
    gap: float
    bullet: str | None = None
    stretch: bool = False


@dataclass(frozen=True, slots=True)
class Rule:
    """A horizontal rule across the frame."""

    gap: float
    thickness: float
    colour: str


@dataclass(frozen=True, slots=True)
class Grid:
    """A shaded panel: rows of cells of paragraphs (see :class:`.panels.Panel`)."""

    gap: float
    rows: tuple[tuple[tuple[Words, ...], ...], ...]
    padding: Padding
    background: str
    rules: tuple[float, str] | None = None
    """Thickness and colour of the rules between cells."""
    accent: tuple[float, str] | None = None
    """Thickness and colour of the bar down the left edge."""

    @property
    def columns(self) -> int:
        return max(len(row) for row in self.rows)


Part = Words | Rule | Grid
"""One piece of the sections above the article: what is both set and bounded."""


def _line(spec: tuple[float, str] | None, colours: dict[str, Any]) -> Line | None:
    return Line(spec[0], colours[spec[1]]) if spec else None


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
    """Builds and measures the page's flowables at any body size.

    Paragraphs are made once per text, style, size and bullet, and each breaks its
    lines once per width: the search for the size and the cut asks for the same
    paragraphs again and again.
    """

    def __init__(self, content: Content, style: Style, family: FontFamily, width: float,
                 height: float, fallback: Fallback | None = None) -> None:
        self.content = content
        self.fallback = fallback
        """Fonts for what ``family`` cannot print (None when it prints the whole page)."""
        self.style = style
        self.family = family
        self.width = width
        self.height = height
        self.colour = {key: HexColor(value) for key, value in style.colours.items()}
        self.words = labels_for(content.language, style.template_dir)
        self.styles = cache(self._styles)
        self._paragraphs: dict[tuple[str, str, float, str | None], Flowable] = {}
        self._widths: dict[tuple[str, str], tuple[float, int] | None] = {}

    # -- styles -------------------------------------------------------------------------

    def _styles(self, size: float) -> dict[str, TextStyle]:
        st, fam, col = self.style, self.family, self.colour
        smallest = st.min_size

        def para(name: str, font: str, points: float, colour: str, **extra: Any) -> TextStyle:
            points = max(smallest, points)
            return TextStyle(name, font, points, points * extra.pop("leading", st.leading),
                             col[colour], **extra)

        title = min(st.title_max, max(st.title_min, size * st.title_scale))
        oblique = dict(slant=OBLIQUE)
        bullet = dict(indent=size * 1.2, bullet_indent=size * 0.2, bullet_font=fam.regular.name)
        return {
            "title": para("title", fam.bold.name, title, "text", leading=1.15),
            "standfirst": para("standfirst", fam.regular.name, size * 1.15, "muted", **oblique),
            "meta": para("meta", fam.regular.name, size * 0.85, "muted"),
            "label": para("label", fam.bold.name, size * 0.85, "accent", leading=1.2),
            "summary": para("summary", fam.regular.name, size * 1.05, "text", **bullet),
            "quote": para("quote", fam.regular.name, size, "text", **oblique),
            "speaker": para("speaker", fam.bold.name, size * 0.85, "muted"),
            "figure": para("figure", fam.bold.name, size * 1.6, "figure_text",
                           leading=1.15, centred=True),
            "context": para("context", fam.regular.name, size * 0.85, "text",
                            centred=True),
            "body": para("body", fam.regular.name, size, "text"),
            "heading": para("heading", fam.bold.name, size * 1.1, "text"),
            "body_quote": para("body_quote", fam.regular.name, size, "muted",
                               indent=size * 1.5, **oblique),
            "item": para("item", fam.regular.name, size, "text", **bullet),
            "note": para("note", fam.regular.name, size * 0.85, "muted", **oblique),
        }

    def gap(self, size: float) -> float:
        return self.style.gap * size / self.style.reading_size

    # -- building blocks -----------------------------------------------------------------

    def _measure(self, flowable: Flowable) -> float:
        _, height = flowable.wrap(self.width, TALL)
        return float(height)

    def _place(self, flowable: Flowable, gap: float, stretch: bool = False) -> Placed:
        return Placed(flowable, gap, self._measure(flowable), stretch)

    def _p(self, text: str, style: str, size: float, bulletText: str | None = None,  # noqa: N803
           ) -> Flowable:
        """``text`` as a paragraph (plain text: nothing in it is read as markup)."""
        key = (text, style, size, bulletText)
        made = self._paragraphs.get(key)
        if made is None:
            made = self._paragraphs[key] = self._make(text, style, size, bulletText)
        return made

    def _make(self, text: str, style: str, size: float, bullet: str | None) -> Flowable:
        chosen = self.styles(size)[style]
        if self.fallback is not None and self.fallback.needed(text, chosen.font):
            return FallbackParagraph(text, chosen, self.fallback, bullet)
        return TextParagraph(text, chosen, bullet)

    # -- the sections above the article: one description, set or bounded -------------

    def header_parts(self, size: float) -> list[Part]:
        """Title, standfirst, meta line and a rule."""
        gap = self.gap(size)
        parts: list[Part] = [Words(self.content.title, "title", 0)]
        if self.content.standfirst:
            parts.append(Words(self.content.standfirst, "standfirst", gap * 0.6))
        parts.append(Words(self.content.meta, "meta", gap * 0.6))
        parts.append(Rule(gap * 0.8, 0.8, "rule"))
        return parts

    def summary_parts(self, size: float, count: int) -> list[Part]:
        """The "Summary" label and ``count`` bullets."""
        if count == 0:
            return []
        gap = self.gap(size)
        parts: list[Part] = [Words(self.style.labels["summary"].upper(), "label", gap * 1.2,
                                   stretch=True)]
        parts += [Words(text, "summary", gap * 0.5, bullet="•")
                  for text in self.content.summary[:count]]
        return parts

    def quotes_parts(self, size: float, count: int) -> list[Part]:
        """The "Key quotes" label and a shaded box of ``count`` quotations."""
        if count == 0:
            return []
        gap = self.gap(size)
        rows = []
        for quote in self.content.quotes[:count]:
            cell = [Words(self.words.quoted(quote.text), "quote", 0)]
            if quote.speaker:
                cell.append(Words(f"— {quote.speaker}", "speaker", 0))
            rows.append((tuple(cell),))
        pad = size * 0.6
        box = Grid(gap * 0.5, tuple(rows), Padding(pad * 1.4, pad, pad * 0.6, pad * 0.6),
                   "quote_background", accent=(2.5, "accent"))
        label = Words(self.style.labels["key_quotes"].upper(), "label", gap * 1.2, stretch=True)
        return [label, box]

    def figures_parts(self, size: float, count: int) -> list[Part]:
        """The "Key figures" label and a panel of ``count`` figures, up to three a row."""
        if count == 0:
            return []
        gap = self.gap(size)
        shown = self.content.figures[:count]
        columns = min(3, len(shown))
        cells: list[tuple[Words, ...]] = []
        for figure in shown:
            cell = [Words(figure.figure, "figure", 0)]
            if figure.context:
                cell.append(Words(figure.context, "context", 0))
            cells.append(tuple(cell))
        while len(cells) % columns:
            cells.append(())
        rows = tuple(tuple(cells[i:i + columns]) for i in range(0, len(cells), columns))
        pad = size * 0.5
        panel = Grid(gap * 0.5, rows, Padding(pad, pad, pad, pad), "figure_background",
                     rules=(0.6, "rule"))
        label = Words(self.style.labels["key_figures"].upper(), "label", gap * 1.2,
                      stretch=True)
        return [label, panel]

    def fixed_parts(self, size: float, counts: Counts) -> list[Part]:
        """Everything above the article at ``size``, top to bottom."""
        return (self.header_parts(size) + self.summary_parts(size, counts.summary)
                + self.quotes_parts(size, counts.quotes)
                + self.figures_parts(size, counts.figures))

    def set(self, parts: Sequence[Part], size: float) -> list[Placed]:
        """``parts`` as measured flowables at ``size``."""
        return [self._set(part, size) for part in parts]

    def _set(self, part: Part, size: float) -> Placed:
        if isinstance(part, Words):
            return self._place(self._p(part.text, part.style, size, part.bullet), part.gap,
                               part.stretch)
        if isinstance(part, Rule):
            rule = HRFlowable(width="100%", thickness=part.thickness,
                              color=self.colour[part.colour], spaceBefore=0, spaceAfter=0)
            return self._place(rule, part.gap)
        rows = [[[self._p(words.text, words.style, size, words.bullet) for words in cell]
                 for cell in row] for row in part.rows]
        panel = Panel(rows, part.padding, self.colour[part.background],
                      rules=_line(part.rules, self.colour),
                      accent=_line(part.accent, self.colour))
        return self._place(panel, part.gap)

    def header(self, size: float) -> list[Placed]:
        """Title, standfirst, meta line and a rule, set."""
        return self.set(self.header_parts(size), size)

    def summary(self, size: float, count: int) -> list[Placed]:
        """The "Summary" label and ``count`` bullets, set."""
        return self.set(self.summary_parts(size, count), size)

    def quotes(self, size: float, count: int) -> list[Placed]:
        """The "Key quotes" label and its box, set."""
        return self.set(self.quotes_parts(size, count), size)

    def figures(self, size: float, count: int) -> list[Placed]:
        """The "Key figures" label and its panel, set."""
        return self.set(self.figures_parts(size, count), size)

    def body_label(self, size: float) -> Placed:
        label = self._p(self.style.labels["article"].upper(), "label", size)
        return self._place(label, self.gap(size) * 1.2, stretch=True)

    def note(self, size: float) -> Placed:
        """Under a cut body: "The article continues at the source", only when there is a
        source to follow (the footer links it); otherwise nothing, taking no room."""
        if not self.content.source_url:
            return Placed(Spacer(0, 0), 0.0, 0.0)
        return self._place(self._p(self.style.labels["continued"], "note", size),
                           self.gap(size) * 0.5)

    def columns(self, size: float) -> int:
        """Two columns when one would run past about 90 characters a line at ``size``."""
        if self.style.columns < 2 or self.width / (0.5 * size) <= LONGEST_LINE:
            return 1
        return 2

    def column_width(self, size: float) -> float:
        columns = self.columns(size)
        return (self.width - self.style.gutter * (columns - 1)) / columns

    def unit(self, size: float, index: int, sentences: int | None = None) -> tuple[Flowable, float]:
        """Block ``index`` of the body (or its first ``sentences`` sentences) and its gap."""
        unit = self.content.body[index]
        shown = unit.sentences if sentences is None else unit.sentences[:sentences]
        text = " ".join(shown)
        gap = self.unit_gap(size, index)
        if unit.kind == "heading":
            heading = self._p(text, "heading", size)
            heading._heading = True  # kept with the text that follows it (see flow)
            return heading, gap
        if unit.kind == "item":
            bullet = f"{unit.number}." if unit.number else "•"
            return self._p(text, "item", size, bulletText=bullet), gap
        return self._p(text, "body_quote" if unit.kind == "quote" else "body", size), gap

    def unit_gap(self, size: float, index: int) -> float:
        """The space above block ``index`` of the body."""
        return self.gap(size) * (0.9 if self.content.body[index].kind == "heading" else 0.45)

    def lead(self, size: float, sentences: int) -> list[tuple[Flowable, float]]:
        """The article's first ``sentences`` sentences as flowables, never ending on a heading."""
        shown: list[tuple[Flowable, float]] = []
        kinds: list[str] = []
        left = sentences
        for index, unit in enumerate(self.content.body):
            if unit.kind == "heading":
                shown.append(self.unit(size, index))
                kinds.append("heading")
                continue
            if left <= 0:
                break
            take = min(left, len(unit.sentences))
            shown.append(self.unit(size, index, None if take == len(unit.sentences) else take))
            kinds.append(unit.kind)
            left -= take
        while kinds and kinds[-1] == "heading":
            kinds.pop()
            shown.pop()
        return shown

    def least_body_height(self, size: float) -> float:
        """A lower bound on the column length the whole article needs at ``size``, summed
        over its columns, found without breaking any line (see :func:`least_lines`)."""
        styles, width = self.styles(size), self.column_width(size)
        heights: list[float] = []
        gaps: list[float] = []
        for index, unit in enumerate(self.content.body):
            if unit.kind == "heading":  # a trailing heading is left out: count none
                continue
            style = styles["item" if unit.kind == "item" else
                           "body_quote" if unit.kind == "quote" else "body"]
            text = " ".join(unit.sentences)
            heights.append(self._least_lines(text, style.font, style.size, width - style.indent)
                           * style.leading)
            gaps.append(self.unit_gap(size, index))
        # A unit at the top of a column has no gap above it.
        gaps.sort()
        return sum(heights) + sum(gaps[:max(0, len(gaps) - self.columns(size))])

    def least_fixed_height(self, size: float, counts: Counts) -> float:
        """A lower bound on what the sections above the article take at ``size`` (what
        :func:`plan_page` sums over :meth:`fixed_parts` once set), without setting them:
        from the same parts, each paragraph's fewest lines (see :func:`least_lines`)."""
        styles, width = self.styles(size), self.width

        def least(words: Words, room: float) -> float:
            chosen = styles[words.style]
            if not words.text.strip():
                return 0.0
            return self._least_lines(words.text, chosen.font, chosen.size,
                                     room - chosen.indent) * chosen.leading

        total = 0.0
        for part in self.fixed_parts(size, counts):
            total += part.gap
            if isinstance(part, Words):
                total += least(part, width)
            elif isinstance(part, Grid):
                pad = part.padding
                room = width / part.columns - pad.left - pad.right
                for row in part.rows:
                    total += pad.top + pad.bottom + max(
                        sum(least(words, room) for words in cell) for cell in row)
        return total

    def _least_lines(self, text: str, font: str, size: float, line: float) -> int:
        if self.fallback is not None and self.fallback.needed(text, font):
            return 1  # measured in other fonts, and broken between ideographs too
        key = (text, font)
        measured = self._widths.get(key)
        if measured is None:
            measured = self._widths[key] = _ink_and_words(text, font)
        if measured is None:
            return 1
        ink, words = measured
        return least_lines(ink * size, words, word_width(" ", font) * size, line)

    @property
    def body_sentences(self) -> int:
        return sum(len(u.sentences) for u in self.content.body if u.kind != "heading")

    def capacity(self, size: float, height: float) -> int:
        """A generous upper bound on the characters that fit in ``height`` at ``size``."""
        return capacity(self.width, height, size, self.style.leading)


def _ink_and_words(text: str, font: str) -> tuple[float, int] | None:
    """Width at 1 pt of ``text``'s words without the spaces between them, and their number;
    None when its lines could break other than at single spaces (or it is drawn shaped)."""
    words = text.replace("\xad", "").split(" ")
    if has_rtl(text) or any(not w for w in words):
        return None
    return sum(word_width(w, font) for w in words), len(words)


def least_lines(ink: float, words: int, space: float, line: float) -> int:
    """The fewest lines ``words`` words of total width ``ink`` can be broken into.

    Each line holds its words and one space fewer than its words, within ``line``:
    so ``lines * (line + space) >= ink + words * space``.
    """
    lines = (ink + words * space) / (line + space)
    return max(1, math.ceil(lines * 0.995 - 1e-9))


def capacity(width: float, height: float, size: float, leading: float) -> int:
    """A generous upper bound on the characters a ``width`` x ``height`` box holds at ``size``.

    DejaVu Sans averages over half an em a character in running text; 0.38 em and
    a fifth more leave room for narrow scripts and short words.
    """
    per_line = width / (0.38 * size)
    lines = max(0.0, height) / (size * leading) + 1
    return int(per_line * lines * 1.2) + 40


@dataclass(slots=True)
class Flowed:
    """Flowables placed into columns: (column, offset from the top, flowable, height)."""

    placements: list[tuple[int, float, Flowable, float]]
    height: float
    fits: bool


def flow(items: Sequence[tuple[Flowable, float]], width: float, height: float,
         columns: int) -> Flowed:
    """Pour ``items`` (flowable, gap above) into ``columns`` columns ``height`` tall.

    Paragraphs split between lines across a column break (never leaving one line
    alone at a column's foot); a heading moves to the next column
    rather than stand at the foot of one without two lines of its text.
    """
    queue = list(reversed(items))
    placed: list[tuple[int, float, Flowable, float]] = []
    column, y, tallest = 0, 0.0, 0.0
    while queue:
        flowable, gap = queue.pop()
        gap = 0.0 if y == 0 else gap
        room = height - y - gap
        _, needed = flowable.wrap(width, room)
        keep = getattr(flowable, "_heading", False)
        extra = 2 * flowable.style.leading if keep and queue else 0.0
        if needed + extra <= room + 0.01:
            placed.append((column, y + gap, flowable, needed))
            y += gap + needed
            continue
        parts = flowable.split(width, room) if room > 0 and not keep else []
        if len(parts) == 2:
            _, first = parts[0].wrap(width, room)
            placed.append((column, y + gap, parts[0], first))
            y += gap + first
            queue.append((parts[1], 0.0))
        else:
            queue.append((flowable, gap))
        tallest = max(tallest, y)
        column, y = column + 1, 0.0
        if column == columns:
            return Flowed(placed, height, False)
    return Flowed(placed, max(tallest, y), True)


class ColumnBody(Flowable):  # type: ignore[misc]
    """The article's lead, already poured into balanced columns."""

    def __init__(self, flowed: Flowed, column_width: float, gutter: float, columns: int,
                 right_to_left: bool = False) -> None:
        super().__init__()
        self.flowed = flowed
        self.columns = columns
        self.column_width = column_width
        self.gutter = gutter
        self.right_to_left = right_to_left
        """Right-to-left articles read their columns from the right."""

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return available_width, self.flowed.height

    def draw(self) -> None:
        top = self.flowed.height
        for column, offset, flowable, height in self.flowed.placements:
            slot = self.columns - 1 - column if self.right_to_left else column
            x = slot * (self.column_width + self.gutter)
            flowable.drawOn(self.canv, x, top - offset - height)


@dataclass(frozen=True, slots=True)
class Body:
    """How much of the article is shown, and the columns it is set in."""

    sentences: int
    complete: bool
    flowable: ColumnBody | None
    height: float


def fit_body(setter: Typesetter, size: float, room: float, balance: bool = True) -> Body:
    """As many whole sentences of the article as fit in ``room``, set in balanced columns.

    With ``balance`` false only the count is decided (no columns are set).
    """
    columns, width = setter.columns(size), setter.column_width(size)

    def poured(count: int, height: float) -> Flowed:
        return flow(setter.lead(size, count), width, height, columns)

    total = setter.body_sentences
    count, complete = total, setter.content.body_complete
    if room <= 0:
        return Body(0, total == 0, None, 0.0)
    if not (complete and poured(total, room).fits):
        complete = False
        room -= _placed_height(setter.note(size))
        # Only sentences that could possibly fit are candidates: a book is never poured whole.
        budget = setter.capacity(size, room * columns)
        most, chars = 0, 0
        for unit in setter.content.body:
            if unit.kind == "heading":
                continue
            for sentence in unit.sentences:
                chars += len(sentence) + 1
                if chars > budget or most == total:
                    break
                most += 1
            if chars > budget:
                break
        count = _largest(min(most, total), lambda k: poured(k, room).fits)
    if count == 0 or not balance:
        return Body(count, complete, None, 0.0)
    height = _balanced(lambda h: poured(count, h).fits, room, columns)
    flowed = poured(count, height)
    right_to_left = base_direction(" ".join(u.sentences[0] for u in setter.content.body)) == "R"
    columns_flowable = ColumnBody(flowed, width, setter.style.gutter, columns, right_to_left)
    return Body(count, complete, columns_flowable, flowed.height)


def fits_whole(setter: Typesetter, size: float, room: float) -> bool:
    """Whether the whole article fits in ``room`` at ``size`` (what :func:`fit_body` calls
    complete), without searching how much of it would fit otherwise."""
    total = setter.body_sentences
    if room <= 0:
        return total == 0
    if not setter.content.body_complete:
        return False
    columns, width = setter.columns(size), setter.column_width(size)
    return flow(setter.lead(size, total), width, room, columns).fits


def body_overhead(setter: Typesetter, size: float) -> float:
    """Height the article's label and the gap under it take above the columns."""
    return _placed_height(setter.body_label(size)) + setter.gap(size) * BODY_GAP


def _placed_height(placed: Placed) -> float:
    return placed.gap + placed.height


def _largest(most: int, fits: Callable[[int], bool]) -> int:
    """The largest ``k`` in ``0..most`` for which ``fits(k)`` (fitting is monotone in ``k``)."""
    low, high, best = 1, most, 0
    while low <= high:
        middle = (low + high) // 2
        if fits(middle):
            best, low = middle, middle + 1
        else:
            high = middle - 1
    return best


def _balanced(fits: Callable[[float], bool], room: float, columns: int) -> float:
    """The least column height, to a point, at which the text still fits: even columns."""
    if columns == 1:
        return room
    low, high = 0.0, room
    while high - low > 1.0:
        middle = (low + high) / 2
        if fits(middle):
            high = middle
        else:
            low = middle
    return high


def sizes(low: float, high: float) -> list[float]:
    """Candidate body sizes from ``high`` down to ``low`` in :data:`STEP` steps."""
    count = int(round((high - low) / STEP))
    return [high - i * STEP for i in range(count + 1)]


def plan_page(setter: Typesetter) -> Plan:
    """The layout for the page: the largest type at which the most content fits."""
    content, style = setter.content, setter.style
    full = Counts(len(content.summary), len(content.quotes), len(content.figures))

    @cache
    def fixed(size: float, counts: Counts) -> float:
        """Height of the sections above the article at ``size``."""
        return sum(p.gap + p.height for p in setter.set(setter.fixed_parts(size, counts), size))

    def room_for_body(size: float, counts: Counts) -> float:
        room = setter.height - fixed(size, counts)
        return room - body_overhead(setter, size) if content.body else room

    def whole(size: float) -> bool:
        # Sizes at which the article cannot fit even on an otherwise empty page are
        # ruled out before anything is set.
        least = setter.least_body_height(size) if content.body_complete else 0.0
        columns = setter.columns(size)
        if content.body and least > columns * (setter.height - setter.least_fixed_height(
                size, full) - body_overhead(setter, size)):
            return False
        room = room_for_body(size, full)
        if room < 0 or least > columns * (room + 0.01):
            return False
        return fits_whole(setter, size, room)

    # Most articles do not fit whole even at the smallest size: asking that first
    # spares the search (fitting is monotone in the size).
    chosen = _first(sizes(style.min_size, style.max_size), whole) if whole(
        style.min_size) else None
    if chosen is not None:
        return _build(setter, chosen, full)

    def lead_room(size: float) -> float:
        note = _placed_height(setter.note(size))
        wanted = max(MIN_LEAD_LINES * size * style.leading, LEAD_SHARE * setter.height)
        return wanted + note

    def with_lead(counts: Counts) -> Callable[[float], bool]:
        return lambda size: room_for_body(size, counts) >= lead_room(size)

    reading = sizes(style.min_size, style.reading_size)
    # Most cut articles keep everything at the reading size: ask that first.
    fits = with_lead(full)
    chosen = reading[0] if fits(reading[0]) else _first(reading[1:], fits)
    if chosen is not None:
        return _build(setter, chosen, full)
    smallest = style.min_size
    for counts in _reductions(full):
        if with_lead(counts)(smallest) or counts.summary <= 1 and room_for_body(
                smallest, counts) >= 0:
            return _build(setter, smallest, counts)
    # Only a summary sentence taller than the page gets here: the page keeps its header.
    return _build(setter, smallest, Counts(0, 0, 0))


def _reductions(full: Counts) -> list[Counts]:
    """What to give up at the smallest size, in order: figures, quotes, summary sentences."""
    steps = [Counts(full.summary, full.quotes, f) for f in (min(full.figures, 3), 0)]
    steps += [Counts(full.summary, q, 0) for q in (min(full.quotes, 2), 0)]
    steps += [Counts(s, 0, 0) for s in range(full.summary - 1, -1, -1)]
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


def _build(setter: Typesetter, size: float, counts: Counts) -> Plan:
    items = setter.set(setter.fixed_parts(size, counts), size)
    used = sum(p.gap + p.height for p in items)
    body = Body(0, True, None, 0.0)
    if setter.content.body:
        label = setter.body_label(size)
        body = fit_body(setter, size, setter.height - used - body_overhead(setter, size))
        if body.flowable is not None:
            items.append(label)
            items.append(Placed(body.flowable, setter.gap(size) * BODY_GAP, body.height))
            if not body.complete:
                items.append(setter.note(size))
    plan = Plan(size, counts, body.sentences, not body.complete, items)
    spread(plan, setter.height, setter.gap(size))
    return plan


def spread(plan: Plan, height: float, gap: float) -> None:
    """Share the space left at the foot between the sections' opening gaps.

    A designer setting a short piece uses the whole sheet: the type has already
    grown to ``max_size``; what is still empty goes between the sections rather
    than under the last line. Each gap grows by at most eight base gaps, unless
    the text is so short that only more would bring its last line down to
    :data:`SPREAD_TARGET` of the frame.
    """
    left = height - plan.height
    stretchy = [item for item in plan.items if item.stretch]
    if left <= 0 or not stretchy:
        return
    wanted = max(gap * 8 * len(stretchy), SPREAD_TARGET * height - plan.height)
    extra = min(left, wanted) / len(stretchy)
    for item in stretchy:
        item.gap += extra
