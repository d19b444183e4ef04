"""How an article presents itself, decided once for every document: its :class:`Presentation`.

The title and standfirst as shown, the meta line's parts, the text's direction,
the name on the header band, and what the extractors found (key quotes, key
figures, keywords) are worked out once per article, before any writer runs
(:func:`present`), and handed to every writer with the article
(:class:`PresentedArticle`). Writers only turn them into their own markup
(pandoc's ``Writers.Shared`` is the model): the DOCX briefing, the PDF one-pager,
the EPUB digest and the email body show the same parts, in the same order, in the
article's language, and none of them calls an extractor.

Nothing here or in a writer cleans text: the model's text is clean from the moment
it is made (:mod:`exporter.model`), and so is all that is cut from it (the
extractors' quotes, figures and keywords), as are the options' words
(:class:`~exporter.config.Options`). A writer only escapes text for its markup.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property
from typing import TYPE_CHECKING
from urllib.parse import quote, urlsplit, urlunsplit

from .config import Options
from .direction import Direction, first_strong, language_direction
from .labels import Labels, labels_for
from .model import Article, Document
from .textfit import cut_to_fit

if TYPE_CHECKING:
    from .extract import KeyFigure, KeyQuote, Ranking

SEPARATOR = " · "
_HOST = re.compile(r"^[A-Za-z0-9.-]+$")
_LONE_PERCENT = re.compile(r"%(?![0-9A-Fa-f]{2})")
_SAFE_PATH = "/%:@!$&'()*+,;=-._~"
_SAFE_QUERY = _SAFE_PATH + "?"


@dataclass(frozen=True)
class SourceLink:
    """Where the article was published: a valid http(s) URL and the site as shown."""

    href: str
    """Percent-encoded, with an ASCII (IDNA) host: safe in any document's link."""
    site: str
    """The host as a reader knows it, without ``www.``: ``example.org``."""


@dataclass(frozen=True)
class MetaLine:
    """The line under a title: ``example.org · By Ana Ruiz and Tom Lee · 7 March 2024 ·
    Harbourton · 1 min read``. Each part is clean text; those unknown are ``None``."""

    source: SourceLink | None
    byline: str | None
    """``By Ana Ruiz and Tom Lee``, in the article's language."""
    names: str | None
    """``Ana Ruiz and Tom Lee``: the byline's names alone."""
    published: date | None
    date: str | None
    """The date written out in the article's language: ``7 March 2024``, ``7. März 2024``."""
    place: str | None
    reading_time: str
    """``1 min read``."""

    @property
    def iso_date(self) -> str | None:
        """The date as ``2024-03-07``, for machines (``<time datetime>``)."""
        return self.published.isoformat() if self.published else None

    def details(self) -> list[str]:
        """The parts after the source, in order: byline, date, place, reading time."""
        return [part for part in (self.byline, self.date, self.place) if part] + [
            self.reading_time]

    def parts(self) -> list[str]:
        """Every part as text, the source's site first."""
        return ([self.source.site] if self.source else []) + self.details()

    def text(self, separator: str = SEPARATOR) -> str:
        """The whole line as plain text."""
        return separator.join(self.parts())


def meta_line(document: Document, reading_time: str | None = None,
              labels: Labels | None = None) -> MetaLine:
    """``document``'s meta line in its language; ``reading_time`` (with ``{minutes}``)
    replaces the language's wording, as a user's one-pager labels do."""
    words = labels or labels_for(document.language)
    authors = [name for name in document.authors if name]
    names = words.names(authors) if authors else None
    minutes = document.reading_time
    return MetaLine(
        source=source_link(document.source_url),
        byline=words.byline.replace("{names}", names) if names else None,
        names=names,
        published=document.published,
        date=words.date(document.published) if document.published else None,
        place=document.place or None,
        reading_time=(reading_time.replace("{minutes}", str(minutes)) if reading_time
                      else words.minutes(minutes)),
    )


def source_link(url: str | None) -> SourceLink | None:
    """The link to an http(s) ``url``, percent-encoded into a valid URL.

    Anything else (``javascript:``, ``file:``, no host, a host or a path that cannot
    be encoded) gives ``None``: the documents then show no link and no site. A
    document's address is clean text already (:mod:`exporter.model`).
    """
    if not url:
        return None
    try:
        parts = urlsplit(url)
        scheme, hostname, port = parts.scheme.lower(), parts.hostname, parts.port
        host = hostname.encode("idna").decode("ascii") if hostname else ""
        if scheme not in ("http", "https") or not host or not _HOST.match(host):
            return None
        path, query, fragment = (_LONE_PERCENT.sub("%25", p)
                                 for p in (parts.path, parts.query, parts.fragment))
        href = urlunsplit((scheme, host if port is None else f"{host}:{port}",
                           quote(path, safe=_SAFE_PATH), quote(query, safe=_SAFE_QUERY),
                           quote(fragment, safe=_SAFE_QUERY)))
    except (ValueError, UnicodeError):
        return None
    return SourceLink(href, (hostname or host).removeprefix("www."))


def band_name(organisation: str, source_url: str | None) -> str:
    """The name on a document's header band: the user's organisation; without one the site
    of ``source_url``; else nothing. Never exporter's own name: it is the user's document."""
    if organisation:
        return organisation
    link = source_link(source_url)
    return link.site if link else ""


def shorten(text: str, limit: int, *, trailing: str = " ,;:-–—") -> str:
    """``text`` in at most ``limit`` characters: cut at the last word that fits, with an
    ellipsis; a text without a break there (a long address) is cut at a character."""
    return cut_to_fit(text, lambda shown: len(shown) <= limit, trailing=trailing)


def shown_standfirst(document: Document) -> str | None:
    """The standfirst as the documents show it, or ``None`` when there is none or it only
    repeats the article's first paragraph (it would be read twice)."""
    text = document.standfirst
    if not text:
        return None
    first = next((block.text for block in document.blocks if block.text.strip()), "")
    if _comparable(text) in _comparable(first):
        return None
    return text


def shown_quotes(article: Article, limit: int,
                 ranking: Ranking[KeyQuote] | None = None) -> list[KeyQuote]:
    """Up to ``limit`` key quotes of ``article`` that are not already summary bullets;
    ``ranking`` is its quotes as :func:`~exporter.extract.rank_quotes` found them."""
    summary = article.summary.sentences
    positions = {sentence.position for sentence in summary}
    said = [_comparable(sentence.text) for sentence in summary]
    if ranking is None:
        from .extract import key_quotes

        quotes = key_quotes(article.document, limit=limit + len(summary))
    else:
        quotes = ranking.top(limit + len(summary))
    kept = [quote for quote in quotes if quote.sentence.position not in positions
            and not any(_comparable(quote.text) in sentence for sentence in said)]
    return kept[:limit]


def _comparable(text: str) -> str:
    """``text`` for comparison: case, spacing and the quotation marks around it ignored."""
    return " ".join(text.casefold().split()).strip("\"'“”„«»‹›「」 ")


DIRECTION_BLOCKS = 8
"""How many of the body's first blocks decide the article's direction."""


class Extraction:
    """What the extractors find in one document's opening, each worked out on first use
    and then held: it belongs to the document, so every presentation of it shares one."""

    def __init__(self, document: Document) -> None:
        self.document = document

    @cached_property
    def opening(self) -> Document:
        """The part of the document the extractors read."""
        from .extract import opening

        return opening(self.document)

    @cached_property
    def quotes(self) -> Ranking[KeyQuote]:
        """Every distinct quotation, best first."""
        from .extract import rank_quotes

        return rank_quotes(self.opening)

    @cached_property
    def figures(self) -> Ranking[KeyFigure]:
        """Every distinct figure, weightiest first."""
        from .extract import rank_figures

        return rank_figures(self.opening)

    @cached_property
    def keywords(self) -> tuple[str, ...]:
        """The best keywords, best first (any shorter list is a prefix)."""
        from .extract import ranked_keywords

        return ranked_keywords(self.opening)


@dataclass(frozen=True)
class Presentation:
    """How one article is shown, the same in every document (see the module's docstring).

    Every text is clean (see the module's docstring). The extractors' findings
    (:class:`Extraction`) are worked out on first use and then held, so an article
    exported as both a briefing and a one-pager is read by each extractor once, and one
    exported only as an EPUB not at all.
    """

    article: Article = field(repr=False)
    title: str
    """The title as shown: never empty."""
    standfirst: str | None
    """The standfirst as shown (:func:`shown_standfirst`)."""
    meta: MetaLine
    minutes: int
    """Minutes to read, for a writer that words the reading time itself."""
    direction: Direction
    """The article's base direction: that of the first strong character of its body's
    first blocks (:mod:`exporter.direction`), its language's when they have none."""
    band: str
    """The name on the header band (:func:`band_name`)."""
    authors: tuple[str, ...]
    """The authors' names, the empty ones left out."""
    extraction: Extraction = field(repr=False, compare=False)

    def key_quotes(self, limit: int) -> list[KeyQuote]:
        """Up to ``limit`` key quotes, in document order, none already a summary bullet."""
        return shown_quotes(self.article, limit, self.extraction.quotes)

    def key_figures(self, limit: int) -> list[KeyFigure]:
        """Up to ``limit`` key figures, the weightiest, in document order."""
        return self.extraction.figures.top(limit)

    def keywords(self, limit: int) -> list[str]:
        """Up to ``limit`` keywords, the best first."""
        from .extract.keywords import REMEMBERED, keywords

        if limit > REMEMBERED:
            return keywords(self.article.document, limit)
        return list(self.extraction.keywords[:limit])


def present(article: Article, options: Options | None = None,
            extraction: Extraction | None = None) -> Presentation:
    """``article``'s presentation under ``options`` (their organisation names the band);
    ``extraction`` is its document's when another presentation of it has one."""
    document = article.document
    chosen = options or Options()
    if extraction is None or extraction.document is not document:
        extraction = Extraction(document)
    return Presentation(
        article=article,
        title=document.title or "Untitled article",
        standfirst=shown_standfirst(document),
        meta=meta_line(document, labels=labels_for(document.language, chosen.template_dir)),
        minutes=document.reading_time,
        direction=article_direction(document),
        band=band_name(chosen.organisation, document.source_url),
        authors=tuple(name for name in document.authors if name),
        extraction=extraction,
    )


def article_direction(document: Document) -> Direction:
    """The direction of ``document``'s text: its first strong character's among its first
    :data:`DIRECTION_BLOCKS` blocks, else its language's."""
    for block in document.blocks[:DIRECTION_BLOCKS]:
        found = first_strong(block.text)
        if found is not None:
            return found
    return language_direction(document.language)


@dataclass(frozen=True, slots=True)
class PresentedArticle(Article):
    """An article with its presentation, as the pipeline hands it to every writer."""

    presentation: Presentation = field(compare=False, repr=False)
    options: Options = field(compare=False, repr=False)
    """The options the presentation was made under."""


def presented(article: Article, options: Options | None = None) -> PresentedArticle:
    """``article`` with its presentation under ``options``: the one it carries when it was
    made under the same options, else a new one (sharing what was extracted)."""
    chosen = options or Options()
    extraction = None
    if isinstance(article, PresentedArticle):
        if article.options == chosen:
            return article
        extraction = article.presentation.extraction
    return PresentedArticle(article.document, article.summary,
                            present(article, chosen, extraction), chosen)


def presentation_of(article: Article, options: Options | None = None) -> Presentation:
    """What a writer reads: ``article``'s presentation under ``options``."""
    return presented(article, options).presentation
