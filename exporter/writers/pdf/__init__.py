"""The PDF one-pager: exactly one full page per article, in DejaVu Sans and system fallback fonts.

Parts: :mod:`.style` (the ``onepager.toml`` template), :mod:`.content` (the
page's text, cleaned), :mod:`.layout` (what fits, at what size), :mod:`.fallback`
(system fonts for the scripts DejaVu Sans lacks), :mod:`.render` (drawing the page),
:mod:`.tagging` (its structure tree and marked content), :mod:`.archival` (the PDF/UA-1
and PDF/A-2b document parts) and :mod:`.preview` (a PNG of the page, for ``--preview``).
"""

from __future__ import annotations

import dataclasses
import logging
from collections.abc import Sequence
from functools import cache
from typing import BinaryIO, ClassVar

from reportlab.lib.pagesizes import A4, LETTER

from ...config import Options, normalise_page_size
from ...errors import OutputError, UsageError
from ...fonts import FontFamily, sans_family, scripts_of
from ...model import Article
from ...presentation import Presentation, presentation_of
from ...systemfonts import package_for
from .bidi import reshaped
from .content import BodyUnit, Content, KeyFigureText, KeyQuoteText, gather
from .fallback import Fallback, resolve
from .layout import Plan, Typesetter, capacity, plan_page
from .render import content_top, draw_page, footer_height
from .style import Style, in_language, load_style

__all__ = ["PdfWriter", "render_preview"]

log = logging.getLogger(__name__)

PAGE_SIZES = {"A4": A4, "Letter": LETTER}


class PdfWriter:
    """The one-pager: masthead, title, meta line, summary, quotes, figures and the lead."""

    name: ClassVar[str] = "pdf"
    extension: ClassVar[str] = ".pdf"
    media_type: ClassVar[str] = "application/pdf"
    combines: ClassVar[bool] = False

    def check(self, options: Options) -> None:
        """Refuse a bad page size or ``onepager.toml`` before any one-pager is written."""
        normalise_page_size(options.pdf_page_size)
        load_style(options.template_dir)

    def write(self, articles: Sequence[Article], out: BinaryIO, options: Options) -> None:
        """Write the single article of ``articles`` as a one-page PDF to ``out``."""
        if len(articles) != 1:
            raise UsageError(f"the PDF one-pager takes one article at a time, not {len(articles)}")
        page = PAGE_SIZES[normalise_page_size(options.pdf_page_size)]
        style = in_language(load_style(options.template_dir), articles[0].document.language)
        family = _registered_fonts()
        presentation = presentation_of(articles[0], options)
        setter, plan = layout(articles[0], options.organisation, style, family, page, presentation)
        draw_page(out, page, plan, setter.content, style, family, setter.fallback)


def layout(article: Article, organisation: str, style: Style, family: FontFamily,
           page: tuple[float, float], presentation: Presentation | None = None
           ) -> tuple[Typesetter, Plan]:
    """The typesetter holding the page's text, and the plan of what goes where;
    ``presentation`` is the article's (worked out here without it)."""
    width = page[0] - 2 * style.margin
    height = content_top(page, style) - style.margin
    budget = capacity(width, height, style.min_size, style.leading)
    content, fallback = _printable(gather(article, organisation, style, budget, presentation),
                                   family)
    height -= footer_height(content)
    setter = Typesetter(content, style, family, width, height, fallback)
    return setter, plan_page(setter)


@cache
def _registered_fonts() -> FontFamily:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFError, TTFont

    family = sans_family()
    # Italic is the regular face leaned (see layout.OBLIQUE): each page embeds two
    # faces, and each process parses two.
    for face in (family.regular, family.bold):
        try:
            pdfmetrics.registerFont(TTFont(face.name, str(face.path)))
        except TTFError as error:
            raise OutputError(f"{face.path}: cannot use this font: {error}") from None
    return family


def _printable(content: Content, family: FontFamily) -> tuple[Content, Fallback | None]:
    """``content`` checked against the fonts, and the fallback fonts it needs (None when
    ``family`` prints it all): a script no installed font has is refused with
    :class:`OutputError` naming the package to install; a lone symbol no font has is
    left out, with a warning."""
    texts = content.texts()
    resolved = resolve(reshaped("\n".join(texts)), family)
    if resolved.letters:
        scripts = scripts_of(resolved.letters)
        packages = " ".join(dict.fromkeys(package_for(script) for script in scripts))
        sample = "".join(resolved.letters[:8])
        raise OutputError(
            f"no font for {' and '.join(scripts)} in the PDF one-pager ({sample!r}): "
            f"install {packages} (apt-get install {packages}), or export DOCX or EPUB instead"
        )
    if not resolved.symbols:
        return content, resolved.fallback
    missing = resolved.symbols
    log.warning("PDF one-pager: leaving out symbols no installed font can print: %s "
                "(apt-get install %s)", "".join(missing), package_for("symbol"))
    return _without(content, str.maketrans({c: None for c in missing})), resolved.fallback


def _without(content: Content, table: dict[int, None]) -> Content:
    def clean(text: str) -> str:
        return " ".join(text.translate(table).split())

    return dataclasses.replace(
        content,
        organisation=clean(content.organisation),
        title=clean(content.title) or "Untitled article",
        standfirst=clean(content.standfirst or "") or None,
        meta=clean(content.meta),
        summary=tuple(t for t in map(clean, content.summary) if t),
        quotes=tuple(KeyQuoteText(clean(q.text), clean(q.speaker or "") or None)
                     for q in content.quotes if clean(q.text)),
        figures=tuple(KeyFigureText(clean(f.figure), clean(f.context))
                      for f in content.figures if clean(f.figure)),
        body=tuple(unit for unit in (
            BodyUnit(u.kind, tuple(t for t in map(clean, u.sentences) if t), u.number)
            for u in content.body) if unit.sentences),
    )


def render_preview(pdf: bytes, dpi: int = 100) -> bytes:
    """A PNG image of the PDF's first page at ``dpi`` (loads pypdfium2 only when called)."""
    from .preview import render_png

    return render_png(pdf, dpi)
