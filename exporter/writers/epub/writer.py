"""The EPUB digest writer: every article of a call in one EPUB 3 book."""

from __future__ import annotations

from collections.abc import Sequence
from typing import BinaryIO, ClassVar

from ...config import Options
from ...errors import UsageError
from ...model import Article


class EpubWriter:
    """An EPUB 3 digest: cover, title page with contents, then one chapter per article.

    Each chapter opens with the article's summary, every sentence of which links to
    its place in the full text that follows. The book is valid for EPUBCheck and
    reproducible: the same articles give byte-identical files. Articles are written
    in the order given; ordering and removing repeats is :mod:`exporter.collect`'s job.
    """

    name: ClassVar[str] = "epub"
    extension: ClassVar[str] = ".epub"
    media_type: ClassVar[str] = "application/epub+zip"
    combines: ClassVar[bool] = True

    def write(self, articles: Sequence[Article], out: BinaryIO, options: Options) -> None:
        """Write the digest of ``articles`` to ``out``."""
        self.write_sections([], articles, out, options)

    def write_sections(self, sections: Sequence[tuple[str, int]], articles: Sequence[Article],
                       out: BinaryIO, options: Options) -> None:
        """Write the digest of ``articles`` grouped into ``sections`` (title, number of
        articles; in order): the navigation and NCX go section, then article."""
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
                                    plan.organisation, plan.language))
        pages = [
            Page("cover-page", COVER_PAGE, cover_page(plan)),
            Page("titlepage", TITLE_PAGE, title_page(plan)),
        ]
        for chapter in plan.chapters:
            pages.extend(Page(part.item_id, part.file_name, content)
                         for part, content in zip(chapter.parts, chapter_pages(chapter),
                                                  strict=True))
        out.write(assemble(plan, pages, nav_page(plan), css, cover))
