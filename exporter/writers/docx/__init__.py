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
from typing import TYPE_CHECKING, BinaryIO, ClassVar

from ...config import Options
from ...errors import UsageError
from ...model import Article

if TYPE_CHECKING:
    from .prepared import PreparedTemplate, Refused


class DocxWriter:
    """Writes one article as a DOCX briefing."""

    name: ClassVar[str] = "docx"
    extension: ClassVar[str] = ".docx"
    media_type: ClassVar[str] = (
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    )
    combines: ClassVar[bool] = False

    def __init__(self) -> None:
        # The template prepared for the options last given (or why it cannot be used).
        # A batch names one template: it is prepared once, by check(), and shared by
        # every briefing (and thread) of the batch; workers forked later inherit it.
        self._held: PreparedTemplate | Refused | None = None

    def check(self, options: Options) -> None:
        """Refuse a logo that is not a small, whole image, or a template that cannot be used,
        before any briefing is written. The template is cleaned and prepared here, once, so
        a batch is told once what was removed from it."""
        self.prepared(options)

    def prepared(self, options: Options) -> PreparedTemplate:
        """The template the options name (with their logo), prepared for briefings.

        Prepared again only when the options name other files or the files changed;
        a template or logo that cannot be used is refused again without reading it.
        """
        from .prepared import Refused, prepare, source_of

        source = source_of(options)
        held = self._held
        if held is None or held.source != source:
            try:
                held = prepare(source)
            except UsageError as error:
                held = Refused(source, str(error))
            self._held = held
        if isinstance(held, Refused):
            raise UsageError(held.message)
        return held

    def write(self, articles: Sequence[Article], out: BinaryIO, options: Options) -> None:
        """Write the briefing of the one article in ``articles`` to ``out``."""
        if len(articles) != 1:
            raise ValueError(f"a DOCX briefing holds exactly one article, not {len(articles)}")
        from .build import build_briefing

        out.write(build_briefing(articles[0], options, self.prepared(options)))

__all__ = ["DocxWriter"]
