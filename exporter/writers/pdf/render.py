"""Drawing the planned page on one reportlab canvas: masthead, sections, footer, metadata.

The canvas has exactly one page because the page is drawn once and saved: no
frame, no page template, nothing that could flow onto a second sheet.
"""

from __future__ import annotations

from typing import BinaryIO

from reportlab.lib.colors import HexColor
from reportlab.pdfbase.pdfdoc import PDFString
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus.flowables import HRFlowable

from ...fonts import FontFamily
from ...labels import labels_for
from ...textfit import cut_to_fit
from ...version import __version__
from . import archival
from .bidi import visual
from .content import Content
from .fallback import Fallback
from .layout import Plan
from .style import Style
from .tagging import Tagger, artifact, link, marked

FOOTER_SIZE = 8.0
MASTHEAD_SIZE = 13.0
def footer_height(content: Content) -> float:
    """Room the source line and its rule take at the foot of the page (none without a URL)."""
    return FOOTER_SIZE * 3.2 if content.source_url else 0.0


def draw_page(out: BinaryIO, page: tuple[float, float], plan: Plan, content: Content,
              style: Style, family: FontFamily, fallback: Fallback | None = None) -> None:
    """Write the one-page PDF for ``plan`` to ``out``; identical input gives identical bytes.
    ``fallback`` has the fonts for what ``family`` cannot print (see :mod:`.fallback`)."""
    width, height = page
    # The initial font is the page's own: reportlab's default, Helvetica, would be
    # referenced unembedded (PDF/A and PDF/UA want every font embedded).
    canvas = Canvas(out, pagesize=page, invariant=1, pageCompression=1,
                    lang=content.language, initialFontName=family.regular.name)
    labels = labels_for(content.language).language if not style.custom_labels else None
    Tagger(canvas, content.language, labels or content.language)
    _metadata(canvas, content)
    _masthead(canvas, page, content, style, family, fallback)
    x = style.margin
    y = height - style.masthead_height - style.margin * 0.6
    frame_width = width - 2 * style.margin
    for item in plan.items:
        y -= item.gap
        item.flowable.wrap(frame_width, item.height + 1)
        if isinstance(item.flowable, HRFlowable):
            with artifact(canvas):
                item.flowable.drawOn(canvas, x, y - item.height)
        else:
            item.flowable.drawOn(canvas, x, y - item.height)
        y -= item.height
    _footer(canvas, page, content, style, family, fallback)
    shown = canvas._doc.thisPageRef()
    canvas.showPage()
    archival.finish(canvas, shown, content.language)
    canvas.save()


def content_top(page: tuple[float, float], style: Style) -> float:
    """The y of the first section's top edge."""
    return page[1] - style.masthead_height - style.margin * 0.6


def _metadata(canvas: Canvas, content: Content) -> None:
    canvas.setTitle(content.title)
    canvas.setAuthor(content.author)
    canvas.setSubject(content.summary[0] if content.summary else content.title)
    canvas.setKeywords(", ".join(content.keywords))
    canvas.setCreator(f"exporter {__version__}")  # the tool, as tools name themselves


def _fitted(text: str, font: str, size: float, room: float) -> str:
    """``text``, shortened at a word with an ellipsis if it is wider than ``room``."""
    return cut_to_fit(text, lambda candidate: stringWidth(candidate, font, size) <= room)


def _masthead(canvas: Canvas, page: tuple[float, float], content: Content, style: Style,
              family: FontFamily, fallback: Fallback | None = None) -> None:
    width, height = page
    band = style.masthead_height
    canvas.setFillColor(HexColor(style.colours["masthead"]))
    with artifact(canvas):
        canvas.rect(0, height - band, width, band, stroke=0, fill=1)
    canvas.setFillColor(HexColor(style.colours["masthead_text"]))
    size = min(MASTHEAD_SIZE, band * 0.45)
    if fallback is not None and fallback.needed(content.organisation, family.bold.name):
        with marked(canvas, "masthead"):
            _fallback_line(canvas, style.margin, height - band / 2 - size * 0.35,
                           content.organisation, family.bold.name, size,
                           width - 2 * style.margin, fallback)
        return
    name = visual(_fitted(content.organisation, family.bold.name, size,
                          width - 2 * style.margin))
    canvas.setFont(family.bold.name, size)
    with marked(canvas, "masthead"):
        canvas.drawString(style.margin, height - band / 2 - size * 0.35, name)


def _fallback_line(canvas: Canvas, x: float, y: float, text: str, font: str, size: float,
                   room: float, fallback: Fallback) -> None:
    """One line of ``text`` fitted to ``room`` and drawn run by run in its fonts."""
    shown = visual(fallback.fitted(text, font, size, room))
    line = canvas.beginText()
    line.setFont(font, size)
    line.setTextOrigin(x, y)
    fallback.draw(line, shown, font, size)
    canvas.drawText(line)


def _footer(canvas: Canvas, page: tuple[float, float], content: Content, style: Style,
            family: FontFamily, fallback: Fallback | None = None) -> None:
    if not content.source_url:
        return
    width, _ = page
    left = style.margin
    base = style.margin
    canvas.setStrokeColor(HexColor(style.colours["rule"]))
    canvas.setLineWidth(0.6)
    with artifact(canvas):
        canvas.line(left, base + FOOTER_SIZE * 1.7, width - left, base + FOOTER_SIZE * 1.7)
    label = style.labels["source"] + " "
    canvas.setFont(family.bold.name, FOOTER_SIZE)
    canvas.setFillColor(HexColor(style.colours["muted"]))
    with marked(canvas, "source"):
        canvas.drawString(left, base, label)
    start = left + stringWidth(label, family.bold.name, FOOTER_SIZE)
    if fallback is not None and fallback.needed(content.source_url, family.regular.name):
        with marked(canvas, "footer-url"):
            _fallback_line(canvas, start, base, content.source_url, family.regular.name,
                           FOOTER_SIZE, width - left - start, fallback)
        return  # an address in other scripts: shown, not linked (its width is the runs')
    url = _fitted(content.source_url, family.regular.name, FOOTER_SIZE, width - left - start)
    canvas.setFont(family.regular.name, FOOTER_SIZE)
    canvas.setFillColor(HexColor(style.colours["link"]))
    with marked(canvas, "source.link") as element:
        canvas.drawString(start, base, url)
    end = start + stringWidth(url, family.regular.name, FOOTER_SIZE)
    # F 4: printed (PDF/A); Contents: what the link is, for a screen reader (PDF/UA);
    # StructParent: its entry in the ParentTree (see tagging.finish).
    canvas.linkURL(content.source_url, (start, base - 2, end, base + FOOTER_SIZE), relative=0,
                   thickness=0, Contents=PDFString(f"{label.strip()} {content.source_url}"),
                   F=4, StructParent=1)
    link(canvas, element, canvas._annotationCount)
