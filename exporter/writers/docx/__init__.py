"""The DOCX briefing: the document an analyst opens in Word or LibreOffice.

Layout, in order: a header band with the organisation; the title; a meta line
(source, authors, date, place, reading time); "Key points" (the summary, each
point linked to a bookmark on its sentence in the full text); "Key quotes";
"Key figures"; the full text; a footer with "Page X of Y" and the source as a
live link. Styles, page, header and footer come from a reference document
(``templates/briefing.docx``, or ``Options.docx_template``). python-docx is
imported only when a briefing is written.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import BinaryIO, ClassVar

from ...config import Options
from ...model import Article


class DocxWriter:
    """Writes one article as a DOCX briefing."""

    name: ClassVar[str] = "docx"
    extension: ClassVar[str] = ".docx"
    media_type: ClassVar[str] = (
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    )
    combines: ClassVar[bool] = False

    def check(self, options: Options) -> None:
        """Refuse a logo that is not a small, whole image, or a template that cannot be used,
        before any briefing is written. The template is cleaned here, once, so a batch is told
        once what was removed from it (workers forked later inherit the cleaned copy)."""
        if options.docx_logo:
            from .logo import check_logo

            check_logo(Path(options.docx_logo))
        from .template import prepared_template

        prepared_template(options)

    def write(self, articles: Sequence[Article], out: BinaryIO, options: Options) -> None:
        """Write the briefing of the one article in ``articles`` to ``out``."""
        if len(articles) != 1:
            raise ValueError(f"a DOCX briefing holds exactly one article, not {len(articles)}")
        from .build import build_briefing

        out.write(build_briefing(articles[0], options))


__all__ = ["DocxWriter"]
