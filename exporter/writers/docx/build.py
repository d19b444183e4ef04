"""Lay out one article as a briefing inside the reference document.

Order: title (and standfirst), meta line, Key points, Key quotes, Key figures,
Full text; the header and footer come from the template. Every key point,
quote and figure links to a bookmark around its sentence in the full text.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from typing import Any

from docx.oxml.ns import qn
from lxml.etree import SubElement

from ...config import Options
from ...labels import labels_for
from ...model import Article, Heading, ListBlock, Picture, Quote, Sentence
from ...model import Paragraph as BodyParagraph
from ...presentation import Presentation, presentation_of, source_link
from .draft import Draft, new_draft
from .headers import fill_header_and_footer
from .ooxml import (
    W_R,
    W_RPR,
    Bookmarks,
    add_hyperlink,
    bookmark_name,
    is_rtl,
    link_to_bookmark,
    new_paragraph,
    new_run,
)
from .pictures import EMU_PER_CM, picture_run
from .prepared import PreparedTemplate
from .properties import app_properties, set_properties

log = logging.getLogger(__name__)

QUOTE_LIMIT = 5
FIGURE_LIMIT = 6
_MAX_HEADING_LEVEL = 9
_DEEPEST_HEADING = "Heading 4"  # the deepest level every template is given


def build_briefing(article: Article, options: Options, frame: PreparedTemplate) -> bytes:
    """The briefing for ``article`` in the prepared template ``frame``, as .docx bytes,
    identical for identical input."""
    draft = new_draft(frame, options.organisation)
    words = article.document.word_count  # counted once: a long article takes a while
    presentation = presentation_of(article, options)
    _Briefing(draft, article, presentation, options, words).write()
    set_properties(draft.element(frame.core_part), article, presentation, options.organisation)
    if frame.app_part is not None:
        draft.replace(frame.app_part, app_properties(words, options.organisation))
    draft.replace(frame.styles_part, frame.styles_member(article.document.language))
    return draft.save()


def _linkable(url: str | None) -> str | None:
    """``url`` as a link may carry it: http(s) only, never ``javascript:`` or ``file:``."""
    link = source_link(url)
    if url and link is None:
        log.warning("briefing: source URL %r is not an http(s) address and is not linked", url)
    return link.href if link else None


def _text_width(section: Any) -> int:
    """The width between the page margins of the body's section, in EMU (15 cm if unknown)."""
    fallback = 15 * EMU_PER_CM
    if section is None:
        return fallback
    size, margins = section.find(qn("w:pgSz")), section.find(qn("w:pgMar"))
    try:
        width = int(size.get(qn("w:w")))
        left, right = int(margins.get(qn("w:left"))), int(margins.get(qn("w:right")))
    except (AttributeError, TypeError, ValueError):
        return fallback
    twips = width - left - right
    return twips * 635 if twips > 1000 else fallback  # 635 EMU to a twip


class _Briefing:
    """Writes one article's briefing into a draft of the emptied reference document.

    Body paragraphs are lxml elements appended straight to ``w:body`` while its
    ``w:sectPr`` is held aside: python-docx's ``add_paragraph`` looks for the
    ``w:sectPr`` each time, which makes a long article's full text quadratic.
    """

    def __init__(self, draft: Draft, article: Article, presentation: Presentation,
                 options: Options, words: int) -> None:
        self.draft = draft
        self.words = words
        self.template = draft.template
        self.article = article
        self.source = article.document
        self.presentation = presentation
        self.labels = labels_for(article.document.language, options.template_dir)
        self.options = options
        self.bookmarks = Bookmarks()
        self.quotes = presentation.key_quotes(QUOTE_LIMIT)
        self.figures = presentation.key_figures(FIGURE_LIMIT)
        self.targets: set[tuple[int, int]] = {s.position for s in article.summary.sentences}
        self.targets |= {q.sentence.position for q in self.quotes}
        self.targets |= {f.sentence.position for f in self.figures}
        self._lists: tuple[Any, str, Any, int] | tuple[()] | None = None
        self.body: Any = draft.body
        self._pictures = 0

    # -- the parts, in order -------------------------------------------------------------

    def write(self) -> None:
        url = _linkable(self.source.source_url)
        # The footer shows the whole address: a printed briefing must still lead to it.
        fill_header_and_footer(self.draft, url, url or "", self.labels.page_of)
        section = self.body.find(qn("w:sectPr"))
        if section is not None:
            self.body.remove(section)
        self._title()
        self._meta()
        pictures = list(self.source.pictures)
        text_width = _text_width(section)
        if pictures and pictures[0].lead:
            self._picture(pictures.pop(0), text_width)
        self._key_points()
        self._key_quotes()
        self._key_figures()
        self._full_text()
        for picture in pictures:
            self._picture(picture, text_width)
        if section is not None:
            self.body.append(section)

    def _picture(self, picture: Picture, text_width: int) -> None:
        """The picture in a paragraph of its own, its caption (if any) under it."""
        self._pictures += 1
        rel_id = self.draft.add_picture(picture.data, picture.media_type)
        paragraph = self._add("Normal", False)
        picture_run(paragraph, picture, rel_id=rel_id, shape_id=1000 + self._pictures,
                    name=f"Picture {self._pictures}", max_width_emu=text_width,
                    alt=picture.alt)
        if picture.caption:
            self._paragraph("Briefing Meta", picture.caption)

    def _title(self) -> None:
        self._paragraph("Title", self.presentation.title)
        standfirst = self.presentation.standfirst
        if standfirst:
            self._paragraph("Subtitle", standfirst)

    def _meta(self) -> None:
        meta = self.presentation.meta
        text = " · ".join(meta.details())
        if meta.source is not None:
            rtl = self._rtl(meta.text())
            paragraph = self._add("Briefing Meta", rtl)
            add_hyperlink(paragraph, meta.source.site,
                          rel_id=self.draft.links.link(meta.source.href),
                          style=self._link_style, rtl=rtl)
            new_run(paragraph, " · ", rtl)
        else:
            rtl = self._rtl(text)
            paragraph = self._add("Briefing Meta", rtl)
        new_run(paragraph, text, rtl)

    def _key_points(self) -> None:
        sentences = self.article.summary.sentences
        if not sentences:
            return
        self._label_heading(self.labels.key_points)
        for sentence in sentences:
            self._link_to("List Bullet", sentence.text, sentence)

    def _key_quotes(self) -> None:
        if not self.quotes:
            return
        self._label_heading(self.labels.key_quotes)
        for quote in self.quotes:
            self._link_to("Quote", self.labels.quoted(quote.text),
                          quote.sentence)
            if quote.speaker:
                self._paragraph("Quote Speaker", f"— {quote.speaker}")

    def _key_figures(self) -> None:
        if not self.figures:
            return
        self._label_heading(self.labels.key_figures)
        for figure in self.figures:
            self._link_to("List Bullet", figure.figure, figure.sentence,
                          bold=True, after=": " + figure.context)

    def _full_text(self) -> None:
        self._label_heading(self.labels.full_text)
        for number, block in self.source.body():
            if isinstance(block, Heading):
                level = min(block.level + 1, _MAX_HEADING_LEVEL)
                self._heading(block.text, level)
            elif isinstance(block, BodyParagraph):
                self._sentences("Normal", block.sentences)
            elif isinstance(block, Quote):
                self._sentences("Quote", block.sentences)
            elif isinstance(block, ListBlock):
                self._list(block)
            else:
                log.warning("briefing: block %d (%s) cannot be rendered and is left out",
                            number, type(block).__name__)

    def _list(self, block: ListBlock) -> None:
        """A list's items in the List Bullet or List Number style; a numbered list counts
        from its own start."""
        style = "List Number" if block.ordered else "List Bullet"
        number = self._new_list(block.start) if block.ordered else None
        for item in block.items:
            paragraph = self._sentences(style, item.sentences)
            if number is not None:
                numbering = paragraph.get_or_add_pPr().get_or_add_numPr()
                numbering.get_or_add_ilvl().val = 0
                numbering.get_or_add_numId().val = number

    # -- helpers ------------------------------------------------------------------------

    def _add(self, style: str, rtl: bool) -> Any:
        """A new body paragraph in ``style`` (looked up once: python-docx's lookup is slow)."""
        style_id = self.template.style_id(style)
        if style_id is None:
            raise KeyError(f"no style with name {style!r}")
        return new_paragraph(self.body, style_id, rtl)

    def _rtl(self, text: str) -> bool:
        """Whether a paragraph of ``text`` reads right to left (an empty one: by language)."""
        return is_rtl(text, None if text else self.source.language)

    @property
    def _link_style(self) -> str:
        return self.template.style_id("Hyperlink") or ""

    def _label_heading(self, text: str) -> None:
        """A heading in the document's own words ("Key points"), marked as English when
        the article's language has no words of its own, so a screen reader says them right."""
        paragraph = self._heading(text, 1)
        if self.labels.language != self.source.language.split("-")[0].lower():
            for run in paragraph.iterchildren(W_R):
                properties = run.find(W_RPR)
                if properties is None:
                    properties = SubElement(run, W_RPR)
                SubElement(properties, qn("w:lang"), {qn("w:val"): self.labels.language})

    def _heading(self, text: str, level: int) -> Any:
        name = f"Heading {level}"
        if self.template.style_id(name) is None:
            name = _DEEPEST_HEADING  # a template without deep heading styles
        return self._paragraph(name, text)

    def _paragraph(self, style: str, text: str) -> Any:
        rtl = self._rtl(text)
        paragraph = self._add(style, rtl)
        new_run(paragraph, text, rtl)
        return paragraph

    def _sentences(self, style: str, sentences: Sequence[Sentence]) -> Any:
        """A body paragraph; a bookmark round each linked sentence, the rest in plain runs."""
        texts = [sentence.text for sentence in sentences]
        rtl = self._rtl(" ".join(texts))
        paragraph = self._add(style, rtl)
        pending: list[str] = []
        for i, (sentence, text) in enumerate(zip(sentences, texts, strict=True)):
            if i:
                pending.append(" ")
            if sentence.position in self.targets:
                if pending:
                    new_run(paragraph, "".join(pending), rtl)
                    pending = []
                self.bookmarks.around(paragraph, bookmark_name(sentence.anchor), text, rtl)
            else:
                pending.append(text)
        if pending and (len(pending) > 1 or pending[0]):
            new_run(paragraph, "".join(pending), rtl)
        return paragraph

    def _link_to(self, style: str, text: str, sentence: Sentence, bold: bool = False,
                 after: str = "") -> Any:
        """A paragraph whose ``text`` links to the bookmark on ``sentence`` (``after`` follows)."""
        rtl = self._rtl(text + after)
        paragraph = self._add(style, rtl)
        link_to_bookmark(paragraph, text, bookmark_name(sentence.anchor), rtl, bold)
        if after:
            new_run(paragraph, after, rtl)
        return paragraph

    def _new_list(self, start: int = 1) -> int | None:
        """A new ``w:num`` on the List Number style's list definition, counting from ``start``.

        Ids are counted here: python-docx's ``add_num`` searches every ``w:num`` for
        the next id, which makes thousands of lists quadratic.
        """
        if self._lists is None:
            self._lists = self._list_source()
        if not self._lists:
            return None
        numbering, abstract, cleanup, last = self._lists
        number = last + 1
        num = SubElement(numbering, qn("w:num"), {qn("w:numId"): str(number)})
        SubElement(num, qn("w:abstractNumId"), {qn("w:val"): abstract})
        override = SubElement(num, qn("w:lvlOverride"), {qn("w:ilvl"): "0"})
        SubElement(override, qn("w:startOverride"), {qn("w:val"): str(start)})
        if cleanup is not None:  # the schema puts it after every w:num
            cleanup.addprevious(num)
        self._lists = (numbering, abstract, cleanup, number)
        return number

    def _list_source(self) -> tuple[Any, str, Any, int] | tuple[()]:
        """The numbering part, the list style's abstract list, where new lists go, the last id."""
        frame = self.draft.template
        if frame.numbering_part is None or frame.list_number is None:
            return ()
        numbering = self.draft.element(frame.numbering_part)
        existing = numbering.num_having_numId(frame.list_number)
        abstract = existing.find(qn("w:abstractNumId")).get(qn("w:val"))
        ids = [int(n.get(qn("w:numId"))) for n in numbering.iterchildren(qn("w:num"))]
        return numbering, abstract, numbering.find(qn("w:numIdMacAtCleanup")), max(ids, default=0)
