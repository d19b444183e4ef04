"""The EPUB digest writer: every article of a call in one EPUB 3 book, or in volumes."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import replace
from typing import BinaryIO, ClassVar

from ...config import Options
from ...errors import UsageError
from ...model import Article

log = logging.getLogger(__name__)

KINDLE_LIMIT = 50_000_000
"""The largest file Send-to-Kindle takes (50 MB): a larger digest is split into volumes."""
_FILL = 0.9
"""How full the first guess fills a volume: the guess splits by text, not by zipped bytes."""


class EpubWriter:
    """An EPUB 3 digest: cover, title page with contents, then one chapter per article.

    Each chapter opens with the article's summary, every sentence of which links to
    its place in the full text that follows. The book is valid for EPUBCheck, has
    no DAISY Ace violation, and is reproducible: the same articles give
    byte-identical files. Articles are written in the order given; ordering and
    removing repeats is :mod:`exporter.collect`'s job. :meth:`volumes` splits a
    digest larger than :attr:`max_bytes` into several books.
    """

    name: ClassVar[str] = "epub"
    extension: ClassVar[str] = ".epub"
    media_type: ClassVar[str] = "application/epub+zip"
    combines: ClassVar[bool] = True
    max_bytes: int = KINDLE_LIMIT
    """The largest volume :meth:`volumes` writes (an instance may set its own)."""

    def write(self, articles: Sequence[Article], out: BinaryIO, options: Options) -> None:
        """Write the digest of ``articles`` to ``out``, as one book whatever its size."""
        out.write(self._book(articles, options))

    def write_sections(self, sections: Sequence[tuple[str, int]], articles: Sequence[Article],
                       out: BinaryIO, options: Options) -> None:
        """Write the digest of ``articles`` grouped into ``sections`` (title, number of
        articles; in order; titles clean text, as a feed's are): the navigation and NCX go
        section, then article."""
        out.write(self._book(articles, options, sections))

    def volumes(self, articles: Sequence[Article], options: Options) -> list[bytes]:
        """The digest as one book, or, when that is over :attr:`max_bytes`, as volumes.

        Volumes take the articles in order, as many to a volume as fit; each is a
        complete book titled "TITLE (1/3)", "TITLE (2/3)"... An article too large
        for a volume on its own gets one to itself, and a warning.
        """
        whole = self._book(articles, options)
        if len(whole) <= self.max_bytes or len(articles) < 2:
            if len(whole) > self.max_bytes:
                log.warning("the EPUB digest is %d bytes, over %d, and has one article: "
                            "it cannot be split into volumes", len(whole), self.max_bytes)
            return [whole]
        from .plan import plan_digest

        title = plan_digest(articles, options).title
        count = min(len(articles), -(-len(whole) // int(self.max_bytes * _FILL)))
        while True:
            groups = _groups(articles, count)
            books = [self._book(group, replace(options,
                                               digest_title=f"{title} ({n}/{len(groups)})"))
                     for n, group in enumerate(groups, start=1)]
            too_large = [book for book in books if len(book) > self.max_bytes]
            if not too_large or count >= len(articles):
                for group, book in zip(groups, books, strict=True):
                    if len(book) > self.max_bytes:
                        log.warning("EPUB volume of %s is %d bytes, over %d: one article "
                                    "cannot be split", group[0].document.title, len(book),
                                    self.max_bytes)
                return books
            count += 1

    def _book(self, articles: Sequence[Article], options: Options,
              sections: Sequence[tuple[str, int]] = ()) -> bytes:
        if not articles:
            raise UsageError("an EPUB digest needs at least one article")
        # Imported here: finding this writer (say, to learn its suffix) must stay cheap.
        from .cover import CoverText, cover_png
        from .package import Page, assemble
        from .pages import COVER_PAGE, TITLE_PAGE, chapter_pages, cover_page, nav_page, title_page
        from .plan import plan_digest
        from .stylesheet import load_stylesheet

        plan = plan_digest(articles, options, sections)
        css = load_stylesheet(options)
        cover = cover_png(CoverText(plan.title, plan.shown_date, len(plan.chapters),
                                    plan.organisation, plan.language, plan.template_dir))
        pages = [
            Page("cover-page", COVER_PAGE, cover_page(plan)),
            Page("titlepage", TITLE_PAGE, title_page(plan)),
        ]
        for chapter in plan.chapters:
            pages.extend(Page(part.item_id, part.file_name, content)
                         for part, content in zip(chapter.parts, chapter_pages(chapter),
                                                  strict=True))
        pictures = [(file_name, picture.media_type, picture.data)
                    for chapter in plan.chapters
                    for picture, file_name in zip(chapter.article.document.pictures,
                                                  chapter.picture_files, strict=True)]
        return assemble(plan, pages, nav_page(plan), css, cover, pictures)


def _groups(articles: Sequence[Article], count: int) -> list[Sequence[Article]]:
    """``articles`` cut, in order, into ``count`` runs of about equal text size."""
    from .parts import block_size

    sizes = [1000 + sum(block_size(b) for b in a.document.blocks) for a in articles]
    target = sum(sizes) / count
    groups: list[Sequence[Article]] = []
    start, filled = 0, 0
    for index, size in enumerate(sizes):
        left = len(articles) - index  # articles from here on, this one included
        wanted = count - len(groups)  # runs still to make, the current one included
        boundary = filled + size / 2 > target * (len(groups) + 1)  # its middle passes the cut
        if index > start and wanted > 1 and (boundary or left < wanted):
            groups.append(articles[start:index])
            start = index
        filled += size
    groups.append(articles[start:])
    return groups
