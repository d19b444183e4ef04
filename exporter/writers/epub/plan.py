"""What the digest will contain, decided before any markup: titles, dates, languages, files.

Everything here is derived from the articles (and ``SOURCE_DATE_EPOCH``), never
from the clock or chance, so two runs over the same articles plan the same book.
"""

from __future__ import annotations

import hashlib
import os
import re
import uuid
from bisect import bisect_right
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path

from ...config import Options
from ...model import Article, Heading
from ...presentation import Presentation, presentation_of
from .parts import split_blocks

DEFAULT_TITLE = "Digest"
UNDETERMINED = "und"
# A well-formed BCP 47 (RFC 5646) tag whose language is an ISO 639 code of two or
# three letters: language, extlangs, script, region, variants, extensions, private use.
# Send-to-Kindle refuses a book whose dc:language is not such a tag.
_LANGUAGE_TAG = re.compile(
    r"(?P<language>[a-z]{2,3}(?:-[a-z]{3}){0,3})"
    r"(?:-(?P<script>[a-z]{4}))?"
    r"(?:-(?P<region>[a-z]{2}|[0-9]{3}))?"
    r"(?P<rest>(?:-(?:[a-z0-9]{5,8}|[0-9][a-z0-9]{3}))*"
    r"(?:-[0-9a-wyz](?:-[a-z0-9]{2,8})+)*"
    r"(?:-x(?:-[a-z0-9]{1,8})+)?)",
    re.IGNORECASE | re.ASCII,
)
# The zip format cannot store times before 1980; undated digests use its first day.
EARLIEST = datetime(1980, 1, 1, tzinfo=UTC)


@dataclass(frozen=True, slots=True)
class Section:
    """A heading of an article, with the headings below it, for the navigation."""

    title: str
    anchor: str
    file_name: str
    children: tuple[Section, ...] = ()

    @property
    def href(self) -> str:
        """The link to the heading: the file of the chapter's part that holds it, and its id."""
        return f"{self.file_name}#{self.anchor}"


@dataclass(frozen=True, slots=True)
class Part:
    """One XHTML file of a chapter: the first holds the header and summary; all hold text."""

    file_name: str
    item_id: str
    blocks: range


@dataclass(frozen=True, slots=True)
class Chapter:
    """One article's page in the book."""

    article: Article
    number: int
    file_name: str
    item_id: str
    language: str
    direction: str
    sections: tuple[Section, ...]
    parts: tuple[Part, ...]
    presentation: Presentation
    template_dir: Path | None = None
    """The user's template folder, which the chapter's words come from."""

    @property
    def title(self) -> str:
        return self.presentation.title

    @property
    def picture_files(self) -> tuple[str, ...]:
        """Where each of the article's pictures lives in the book (``images/c3-1.jpg``)."""
        return tuple(
            f"images/{self.item_id}-{number}.{'png' if p.media_type == 'image/png' else 'jpg'}"
            for number, p in enumerate(self.article.document.pictures, start=1))


@dataclass(frozen=True, slots=True)
class Group:
    """A section of the book (a feed of a ``digest``): its title and its chapters."""

    title: str
    chapters: tuple[Chapter, ...]

    @property
    def file_name(self) -> str:
        """Where the group's navigation entry leads: its first chapter."""
        return self.chapters[0].file_name


@dataclass(frozen=True, slots=True)
class DigestPlan:
    """The book as a whole: metadata and chapters, in reading order."""

    title: str
    title_language: str | None
    shown_date: date | None
    modified: datetime
    identifier: str
    languages: tuple[str, ...]
    organisation: str
    chapters: tuple[Chapter, ...]
    groups: tuple[Group, ...] = ()
    """The book's sections when it has them: the navigation is then two levels deep,
    section then article."""
    template_dir: Path | None = None
    """The user's template folder, whose ``labels/<language>.toml`` the book's words come from."""

    @property
    def language(self) -> str:
        """The book's main language: the first of :attr:`languages`."""
        return self.languages[0]


def plan_digest(articles: Sequence[Article], options: Options,
                sections: Sequence[tuple[str, int]] = ()) -> DigestPlan:
    """Decide the digest's title, dates, identifier, languages and chapter files.

    ``sections`` (title, number of articles), in order, groups the articles into
    the book's sections; their counts must add up to the number of articles, and their
    titles are clean text (:func:`~exporter.textclean.clean_inline`).
    """
    width = max(2, len(str(len(articles))))
    chapters = tuple(
        _chapter(article, presentation_of(article, options), number, width, options.template_dir)
        for number, article in enumerate(articles, start=1)
    )
    title, title_language = _title(articles, options)
    newest = max((a.document.published for a in articles if a.document.published), default=None)
    epoch = _source_date_epoch()
    if epoch is not None:
        modified = max(epoch, EARLIEST)
    elif newest is not None:
        modified = max(datetime(newest.year, newest.month, newest.day, tzinfo=UTC), EARLIEST)
    else:
        modified = EARLIEST
    shown = newest or (epoch.date() if epoch is not None else None)
    return DigestPlan(
        title=title,
        title_language=title_language,
        shown_date=shown,
        modified=modified,
        identifier=_identifier(title, articles),
        languages=_languages(chapters),
        organisation=options.organisation,
        chapters=chapters,
        template_dir=options.template_dir,
        groups=_groups(chapters, sections),
    )


def _groups(chapters: Sequence[Chapter], sections: Sequence[tuple[str, int]]
            ) -> tuple[Group, ...]:
    if not sections:
        return ()
    if sum(count for _, count in sections) != len(chapters) or any(
            count < 1 for _, count in sections):
        raise ValueError("the digest's sections do not add up to its articles")
    groups, start = [], 0
    for title, count in sections:
        chosen = tuple(chapters[start:start + count])
        groups.append(Group(title or "Untitled", chosen))
        start += count
    return tuple(groups)


def _chapter(article: Article, presentation: Presentation, number: int, width: int,
             template_dir: Path | None = None) -> Chapter:
    language = language_tag(article.document.language)
    stem = f"article-{number:0{width}d}"
    ranges = split_blocks(article.document.blocks)
    part_width = max(2, len(str(len(ranges))))
    parts = tuple(
        Part(f"{stem}.xhtml", stem, blocks) if count == 1 else
        Part(f"{stem}-{count:0{part_width}d}.xhtml", f"{stem}-{count:0{part_width}d}", blocks)
        for count, blocks in enumerate(ranges, start=1)
    )
    return Chapter(
        article=article,
        number=number,
        file_name=parts[0].file_name,
        item_id=parts[0].item_id,
        language=language,
        direction=presentation.direction,
        presentation=presentation,
        sections=_sections(article, parts),
        parts=parts,
        template_dir=template_dir,
    )


def language_tag(code: str | None) -> str:
    """``code`` as a well-formed BCP 47 tag in its usual case (``en-GB``, ``zh-Hant-TW``),
    else ``und`` (undetermined)."""
    code = (code or "").strip().replace("_", "-")
    match = _LANGUAGE_TAG.fullmatch(code)
    if match is None:
        return UNDETERMINED
    parts = [match["language"].lower()]
    if match["script"]:
        parts.append(match["script"].title())
    if match["region"]:
        parts.append(match["region"].upper())
    return "-".join(parts) + match["rest"].lower()


def heading_anchor(block_index: int) -> str:
    """The id of the heading at ``block_index`` in its chapter."""
    return f"section-{block_index}"


def _sections(article: Article, parts: Sequence[Part]) -> tuple[Section, ...]:
    """The article's headings as a tree: a heading owns the deeper ones that follow it.

    Each section links to the part of the chapter that holds its heading.
    """
    stack: list[tuple[int, str, int, list[Section]]] = [(0, "", 0, [])]
    part_starts = [part.blocks.start for part in parts]

    def close() -> None:
        level, title, index, children = stack.pop()
        part = parts[bisect_right(part_starts, index) - 1]
        stack[-1][3].append(Section(title, heading_anchor(index), part.file_name,
                                    tuple(children)))

    for index, block in enumerate(article.document.blocks):
        if not isinstance(block, Heading):
            continue
        text = block.text
        if not text:
            continue
        while len(stack) > 1 and stack[-1][0] >= block.level:
            close()
        stack.append((block.level, text, index, []))
    while len(stack) > 1:
        close()
    return tuple(stack[0][3])


def _title(articles: Sequence[Article], options: Options) -> tuple[str, str | None]:
    """The digest title and, when it is an article's own title, that article's language."""
    if options.digest_title:
        return options.digest_title, None
    if len(articles) == 1:
        title = articles[0].document.title
        if title:
            return title, language_tag(articles[0].document.language)
    return DEFAULT_TITLE, "en"


def _languages(chapters: Sequence[Chapter]) -> tuple[str, ...]:
    """Every chapter's language, the most common first (the first chapter's on a tie)."""
    counts = Counter(chapter.language for chapter in chapters)
    order = list(dict.fromkeys(chapter.language for chapter in chapters))
    ranked = sorted(order, key=lambda code: -counts[code])
    return tuple(ranked) or ("en",)


def _identifier(title: str, articles: Sequence[Article]) -> str:
    """A UUID URN derived from the digest's content: same articles, same identifier."""
    digest = hashlib.sha256()
    for part in [title] + [_fingerprint(a) for a in articles]:
        digest.update(part.encode("utf-8", "surrogatepass"))
        digest.update(b"\x00")
    return uuid.UUID(bytes=digest.digest()[:16], version=5).urn


def _fingerprint(article: Article) -> str:
    document = article.document
    return "\x1f".join([
        document.title,
        document.source_url or "",
        document.published.isoformat() if document.published else "",
        document.language,
        document.text,
        ",".join(s.anchor for s in article.summary.sentences),
    ])


def _source_date_epoch() -> datetime | None:
    """``SOURCE_DATE_EPOCH`` (reproducible-builds convention) as a UTC time, if set and valid."""
    value = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if not value.isdigit():
        return None
    try:
        return datetime.fromtimestamp(int(value), tz=UTC)
    except (OverflowError, OSError, ValueError):
        return None
