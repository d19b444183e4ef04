"""What the one-pager says, as cleaned plain text, before anything is laid out.

Everything here is still text: the layout escapes it for reportlab's markup.
The article body is cut down to what could possibly fit on one page at the
smallest type size, so a whole book never reaches the layout.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from ...config import Options
from ...model import Article, Document, Heading, Quote
from ...presentation import SEPARATOR, Presentation, presentation_of, shorten
from .style import Style

QUOTE_LIMIT = 4
FIGURE_LIMIT = 6
KEYWORD_LIMIT = 8
STANDFIRST_MAX_CHARS = 400
META_MAX_CHARS = 320
_OPENING_MARKS = "\"'“‘„«»‹›「『"
_CLOSING_MARKS = "\"'”’“»«›‹」』"


@dataclass(frozen=True, slots=True)
class BodyUnit:
    """One block of the article body: ``kind`` is heading, paragraph, quote or item."""

    kind: str
    sentences: tuple[str, ...]
    number: int | None = None
    """The item's number in an ordered list."""

    @property
    def chars(self) -> int:
        return sum(len(s) + 1 for s in self.sentences)


@dataclass(frozen=True, slots=True)
class KeyQuoteText:
    text: str
    speaker: str | None


@dataclass(frozen=True, slots=True)
class KeyFigureText:
    figure: str
    context: str


@dataclass(frozen=True, slots=True)
class Content:
    """The one-pager's text, cleaned; ``body`` is the article's first blocks, cut to a budget."""

    organisation: str
    title: str
    standfirst: str | None
    meta: str
    summary: tuple[str, ...]
    quotes: tuple[KeyQuoteText, ...]
    figures: tuple[KeyFigureText, ...]
    body: tuple[BodyUnit, ...]
    body_complete: bool
    """True when ``body`` is the whole article, not a budgeted prefix of it."""
    source_url: str | None
    author: str
    keywords: tuple[str, ...]
    language: str

    def texts(self) -> list[str]:
        """Every string the page may print, for font coverage checks."""
        found = [self.organisation, self.title, self.standfirst or "", self.meta, *self.summary]
        found += [q.text + " " + (q.speaker or "") for q in self.quotes]
        found += [f.figure + " " + f.context for f in self.figures]
        found += [s for unit in self.body for s in unit.sentences]
        found.append(self.source_url or "")
        return found


def gather(article: Article, organisation: str, style: Style, char_budget: int,
           presentation: Presentation | None = None) -> Content:
    """The text of the page for ``article``; the body keeps at most about ``char_budget`` chars.

    ``presentation`` is the article's (:mod:`exporter.presentation`); without it, it is
    worked out here under ``organisation``.
    """
    document = article.document
    shown = presentation or presentation_of(article, Options(organisation=organisation))
    said = {sentence.position for sentence in article.summary.sentences}
    body, complete = _body(document, char_budget, said)
    quotes, figures = _extracted(shown)
    link = shown.meta.source
    url = link.href if link else None
    return Content(
        organisation=shown.band,
        title=shorten(shown.title, style.title_max_chars),
        standfirst=shorten(shown.standfirst or "", STANDFIRST_MAX_CHARS) or None,
        meta=_meta(shown, style),
        summary=tuple(t for t in article.summary.texts if t),
        quotes=quotes,
        figures=figures,
        body=body,
        body_complete=complete,
        source_url=url,
        author=", ".join(shown.authors) or organisation,
        keywords=tuple(shown.keywords(KEYWORD_LIMIT)),
        language=document.language or "en",
    )


def _meta(presentation: Presentation, style: Style) -> str:
    """The meta line (:mod:`exporter.presentation`), each long part and the whole shortened;
    the reading time in the one-pager's own words when its style gives them."""
    meta = presentation.meta
    wording = style.labels["reading_time"]
    if wording:
        meta = replace(meta, reading_time=wording.replace("{minutes}", str(presentation.minutes)))
    parts = [
        meta.source.site if meta.source else "",
        shorten(meta.byline or "", META_MAX_CHARS // 3),
        meta.date or "",
        shorten(meta.place or "", META_MAX_CHARS // 4),
        meta.reading_time,
    ]
    return shorten(SEPARATOR.join(part for part in parts if part), META_MAX_CHARS)


def _body(document: Document, budget: int,
          said: set[tuple[int, int]]) -> tuple[tuple[BodyUnit, ...], bool]:
    """The body's blocks as text, up to about ``budget`` characters; whether it is whole.

    The body starts after what the summary already said: its opening sentences that are
    summary bullets (positions in ``said``) are not printed again.
    """
    units: list[BodyUnit] = []
    used = 0
    opening = True
    for index, block in enumerate(document.blocks):
        if used > budget:
            return tuple(units), False
        if isinstance(block, Heading):
            unit = BodyUnit("heading", (block.text,))
        else:
            shown = block.sentences
            if opening:
                while shown and shown[0].position in said:
                    shown = shown[1:]
                opening = not shown
            sentences = tuple(s.text for s in shown if s.text)
            within = document.list_at(index)
            if within is not None:
                unit = BodyUnit("item", sentences, within.number(index))
            else:
                unit = BodyUnit("quote" if isinstance(block, Quote) else "paragraph", sentences)
            # A block longer than the budget keeps only the sentences that could fit.
            kept: list[str] = []
            for sentence in unit.sentences:
                if used > budget:
                    break
                kept.append(sentence)
                used += len(sentence) + 1
            if len(kept) < len(unit.sentences):
                units.append(BodyUnit(unit.kind, tuple(kept), unit.number))
                return tuple(u for u in units if u.sentences), False
        if unit.sentences and unit.sentences[0]:
            units.append(unit)
            if unit.kind == "heading":
                used += unit.chars
    return tuple(units), True


def _extracted(presentation: Presentation
               ) -> tuple[tuple[KeyQuoteText, ...], tuple[KeyFigureText, ...]]:
    quotes: list[KeyQuoteText] = []
    for quote in presentation.key_quotes(QUOTE_LIMIT):
        text = quote.text.strip(_OPENING_MARKS + _CLOSING_MARKS + " ")
        if text:
            quotes.append(KeyQuoteText(text, quote.speaker or None))
    figures: list[KeyFigureText] = []
    for item in presentation.key_figures(FIGURE_LIMIT):
        if item.figure:
            figures.append(KeyFigureText(item.figure, item.context))
    return tuple(quotes), tuple(figures)
