"""The book's XHTML pages: cover, title page, one chapter per article, navigation.

Pages are built as element trees, so article text is only ever text: ``<b>``,
``&amp;`` or ``<script>`` in an article come out as those literal characters.
The text is clean already (:mod:`exporter.model`): XML cannot carry control
characters at all, and none reaches a page. The only links are to other pages of the
book, to ids inside them, and an article's own http(s) source URL.
"""

from __future__ import annotations

import logging
import xml.etree.ElementTree as ET
from collections.abc import Iterable
from datetime import date

from ...direction import language_direction
from ...labels import Labels, labels_for
from ...model import Article, Document, Heading, ListBlock, Paragraph, Picture, Quote, Sentence
from ...presentation import shorten
from .plan import Chapter, DigestPlan, Section, heading_anchor

log = logging.getLogger(__name__)

XHTML = "http://www.w3.org/1999/xhtml"
OPS = "http://www.idpf.org/2007/ops"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"

STYLESHEET = "digest.css"
COVER_IMAGE = "cover.png"
COVER_PAGE = "cover.xhtml"
TITLE_PAGE = "titlepage.xhtml"
NAV_PAGE = "nav.xhtml"
ONE_LINE = 200

def cover_page(plan: DigestPlan) -> bytes:
    """A page that shows the cover image, for reading systems that do not show it themselves."""
    words = labels_for(plan.language, plan.template_dir)
    html, body = _page(words.cover, words.language, "ltr", body_class="cover")
    section = ET.SubElement(body, "section", {"epub:type": "cover", "class": "cover"})
    alt = plan.title if plan.shown_date is None else f"{plan.title}, {plan.shown_date.isoformat()}"
    ET.SubElement(section, "img", {"src": COVER_IMAGE, "alt": alt, "role": "doc-cover"})
    return _serialise(html)


def title_page(plan: DigestPlan) -> bytes:
    """Digest title, date, number of articles and a contents list with one-line summaries."""
    words = labels_for(plan.language, plan.template_dir)
    html, body = _page(plan.title, words.language, "ltr", body_class="titlepage")
    section = ET.SubElement(body, "section", {"epub:type": "titlepage", "class": "titlepage"})
    heading = _text(section, "h1", plan.title, {"class": "digest-title"})
    if plan.title_language and plan.title_language != words.language:
        _set_language(heading, plan.title_language, language_direction(plan.title_language))
    if plan.organisation:
        _text(section, "p", plan.organisation, {"class": "digest-publisher"})
    if plan.shown_date is not None:
        paragraph = ET.SubElement(section, "p", {"class": "digest-date"})
        _time(paragraph, plan.shown_date)
    _text(section, "p", words.articles(len(plan.chapters)), {"class": "digest-count"})

    contents = ET.SubElement(body, "nav", {"class": "contents", "role": "doc-toc",
                                           "aria-labelledby": "contents-heading"})
    _text(contents, "h2", words.contents, {"id": "contents-heading"})
    listing = ET.SubElement(contents, "ol", {"class": "contents"})
    for chapter in plan.chapters:
        item = ET.SubElement(listing, "li")
        _set_language(item, chapter.language, chapter.direction)
        _text(item, "a", chapter.title, {"href": chapter.file_name, "class": "contents-title"})
        line = one_line_summary(chapter.article)
        if line:
            _text(item, "p", line, {"class": "contents-summary"})
    return _serialise(html)


def one_line_summary(article: Article) -> str:
    """The first summary sentence (or the first sentence), cut to about one line."""
    first = next(iter(article.summary.sentences), None) or next(article.document.sentences(), None)
    text = first.text if first is not None else ""
    return shorten(text, ONE_LINE + 1, trailing=" ,;:")


def chapter_pages(chapter: Chapter) -> list[bytes]:
    """An article, one page per part: title, meta line, linked summary, then the full text.

    The first part holds the header, the summary and the start of the text; the
    others continue the text. A summary sentence links to the part that holds it.
    """
    document = chapter.article.document
    chosen = [s for s in chapter.article.summary.sentences if s.text]
    summarised = {s.anchor for s in chosen}
    # The full text is built first: the summary may only link to ids it really has.
    anchors: set[str] = set()
    located: dict[str, str] = {}
    texts: list[ET.Element] = []
    wrote = False
    words = labels_for(chapter.language, chapter.template_dir)
    count = len(chapter.parts)
    for number, part in enumerate(chapter.parts, start=1):
        label = words.full_text if count == 1 else words.part(number, count)
        full = ET.Element("section", {"class": "full-text", "aria-label": label})
        wrote |= _body(full, document, part.blocks, summarised, anchors)
        for anchor in summarised.intersection(anchors).difference(located):
            located[anchor] = part.file_name
        texts.append(full)
    if not wrote:
        _label(_text(texts[0], "p", words.no_text, {"class": "empty"}), words,
               chapter.language)

    html, body = _page(chapter.title, chapter.language, chapter.direction, body_class="chapter")
    # A section, not an <article>: ARIA in HTML allows doc-chapter on <section> only,
    # and DAISY Ace asks for the role that matches every epub:type.
    article = ET.SubElement(body, "section", {"class": "article", "epub:type": "chapter",
                                              "role": "doc-chapter",
                                              "aria-labelledby": "title"})
    header = ET.SubElement(article, "header")
    _text(header, "h1", chapter.title, {"class": "article-title", "id": "title"})
    standfirst = chapter.presentation.standfirst
    if standfirst:
        _text(header, "p", standfirst, {"class": "standfirst"})
    _meta_line(header, chapter)
    pictures = list(zip(document.pictures, chapter.picture_files, strict=True))
    if pictures and pictures[0][0].lead:
        _figure(header, *pictures.pop(0), "lead-image")
    if chosen:
        box = ET.SubElement(article, "section", {"class": "summary", "role": "doc-abstract",
                                                 "aria-labelledby": "summary-heading"})
        _label(_text(box, "h2", words.summary, {"id": "summary-heading"}), words,
               chapter.language)
        listing = ET.SubElement(box, "ul", {"class": "summary-sentences"})
        for sentence in chosen:
            item = ET.SubElement(listing, "li")
            where = located.get(sentence.anchor)
            if where is not None:
                target = "" if where == chapter.file_name else where
                _text(item, "a", sentence.text, {"href": f"{target}#{sentence.anchor}"})
            else:
                log.warning("%s: summary sentence %s is not in the text; shown without a link",
                            chapter.title, sentence.anchor)
                item.text = sentence.text
    article.append(texts[0])
    for picture, file_name in pictures:
        _figure(article, picture, file_name, "picture")
    pages = [_serialise(html)]
    for full in texts[1:]:
        html, body = _page(chapter.title, chapter.language, chapter.direction,
                           body_class="chapter chapter-continued")
        article = ET.SubElement(body, "article", {"class": "article",
                                                  "aria-label": chapter.title})
        article.append(full)
        pages.append(_serialise(html))
    return pages


def nav_page(plan: DigestPlan) -> bytes:
    """The EPUB 3 navigation document: articles and their sections, and landmarks."""
    words = labels_for(plan.language, plan.template_dir)
    html, body = _page(words.contents, words.language, "ltr", body_class="nav")
    toc = ET.SubElement(body, "nav", {"epub:type": "toc", "id": "toc", "role": "doc-toc"})
    _text(toc, "h1", words.contents)
    listing = ET.SubElement(toc, "ol")
    if plan.groups:  # two levels: the section, then its articles
        for group in plan.groups:
            entry = ET.SubElement(listing, "li")
            _text(entry, "a", group.title, {"href": group.file_name})
            articles = ET.SubElement(entry, "ol")
            for chapter in group.chapters:
                item = ET.SubElement(articles, "li")
                _set_language(item, chapter.language, chapter.direction)
                _text(item, "a", chapter.title, {"href": chapter.file_name})
    else:
        for chapter in plan.chapters:
            item = ET.SubElement(listing, "li")
            _set_language(item, chapter.language, chapter.direction)
            _text(item, "a", chapter.title, {"href": chapter.file_name})
            _nav_sections(item, chapter.sections)

    landmarks = ET.SubElement(body, "nav", {"epub:type": "landmarks", "hidden": "hidden",
                                            "aria-label": words.landmarks})
    _text(landmarks, "h2", words.landmarks)
    marks = ET.SubElement(landmarks, "ol")
    first = plan.chapters[0].file_name if plan.chapters else TITLE_PAGE
    for kind, href, label in (("cover", COVER_PAGE, words.cover),
                              ("toc", TITLE_PAGE, words.contents),
                              ("bodymatter", first, words.first_article)):
        _text(ET.SubElement(marks, "li"), "a", label, {"epub:type": kind, "href": href})
    return _serialise(html)


def _nav_sections(parent: ET.Element, sections: Iterable[Section]) -> None:
    sections = list(sections)
    if not sections:
        return
    listing = ET.SubElement(parent, "ol")
    for section in sections:
        item = ET.SubElement(listing, "li")
        _text(item, "a", section.title, {"href": section.href})
        _nav_sections(item, section.children)


def _meta_line(parent: ET.Element, chapter: Chapter) -> None:
    """The article's meta line (:mod:`exporter.presentation`): the source's site (linked),
    byline, date, place and reading time, separated by dots."""
    meta = chapter.presentation.meta
    line = ET.SubElement(parent, "p", {"class": "meta"})
    parts: list[ET.Element] = []
    if meta.source is not None:
        link = ET.Element("a", {"href": meta.source.href, "class": "source"})
        link.text = meta.source.site
        parts.append(link)
    if meta.byline:
        parts.append(_element("span", meta.byline, {"class": "authors"}))
    if meta.published is not None and meta.date:
        stamp = ET.Element("span", {"class": "date"})
        _time(stamp, meta.published, meta.date)
        parts.append(stamp)
    if meta.place:
        parts.append(_element("span", meta.place, {"class": "place"}))
    words = labels_for(chapter.language, chapter.template_dir)
    minutes = _element("span", meta.reading_time, {"class": "reading-time"})
    parts.append(_label(minutes, words, chapter.language))
    for number, part in enumerate(parts):
        if number:
            separator = ET.SubElement(line, "span", {"class": "sep", "aria-hidden": "true"})
            separator.text = " · "
        line.append(part)


def _body(parent: ET.Element, document: Document, indices: range, summarised: set[str],
          anchors: set[str]) -> bool:
    """Append the blocks at ``indices``, adding sentence ids to ``anchors``; False if none written.

    A numbered list cut between two parts goes on counting where the previous part stopped.
    """
    wrote = False
    blocks = document.blocks
    current_list: ET.Element | None = None
    current: ListBlock | None = None
    for index in indices:
        block = blocks[index]
        within = document.list_at(index)
        if within is not None:
            if current_list is None or within is not current:
                current_list = ET.SubElement(parent, "ol" if within.ordered else "ul")
                current = within
                number = within.number(index)
                if number is not None and number != 1:
                    current_list.set("start", str(number))
            item = ET.SubElement(current_list, "li")
            wrote |= _sentences(item, within.items[index - within.first].sentences, summarised,
                                anchors)
            continue
        current_list, current = None, None
        if isinstance(block, Heading):
            if block.text:
                level = min(6, max(2, block.level + 1))  # h1 is the article's title
                _text(parent, f"h{level}", block.text, {"id": heading_anchor(index)})
                wrote = True
        elif isinstance(block, Quote):
            quote = ET.SubElement(parent, "blockquote")
            wrote |= _sentences(ET.SubElement(quote, "p"), block.sentences, summarised, anchors)
        elif isinstance(block, Paragraph):
            wrote |= _sentences(ET.SubElement(parent, "p"), block.sentences, summarised,
                                anchors)
        else:
            log.warning("block %d (%s) cannot be shown in the EPUB digest; skipped",
                        index, type(block).__name__)
    return wrote


def _sentences(parent: ET.Element, sentences: Iterable[Sentence], summarised: set[str],
               anchors: set[str]) -> bool:
    """Each sentence as a span whose id is its anchor, so the summary can link to it.

    A position already used in the page (a malformed document) gets no second id.
    """
    previous: ET.Element | None = None
    for sentence in sentences:
        if not sentence.text:
            continue
        attributes: dict[str, str] = {}
        if sentence.anchor not in anchors:
            attributes["id"] = sentence.anchor
            anchors.add(sentence.anchor)
            if sentence.anchor in summarised:
                attributes["class"] = "summarised"
        else:
            log.warning("sentence position %s appears twice; its second copy gets no anchor",
                        sentence.anchor)
        span = ET.SubElement(parent, "span", attributes)
        span.text = sentence.text
        if previous is not None:
            previous.tail = " "
        previous = span
    return previous is not None


def _figure(parent: ET.Element, picture: Picture, file_name: str, kind: str) -> None:
    """A picture with its text alternative and, when the page gave one, its caption."""
    figure = ET.SubElement(parent, "figure", {"class": kind})
    ET.SubElement(figure, "img", {"src": file_name, "alt": picture.alt,
                                  "width": str(picture.width), "height": str(picture.height)})
    if picture.caption:
        _text(figure, "figcaption", picture.caption)


def _page(title: str, language: str, direction: str, *, body_class: str
          ) -> tuple[ET.Element, ET.Element]:
    html = ET.Element("html", {"xmlns": XHTML, "xmlns:epub": OPS})
    _set_language(html, language, direction)
    head = ET.SubElement(html, "head")
    ET.SubElement(head, "meta", {"charset": "utf-8"})
    _text(head, "title", title)
    ET.SubElement(head, "link", {"rel": "stylesheet", "type": "text/css", "href": STYLESHEET})
    body = ET.SubElement(html, "body", {"class": body_class})
    return html, body


def _set_language(element: ET.Element, language: str, direction: str | None = None) -> None:
    element.set("lang", language)
    element.set(XML_LANG, language)
    if direction:
        element.set("dir", direction)


def _label(element: ET.Element, words: Labels, page_language: str) -> ET.Element:
    """Mark one of the book's own words when it is in another language than its page's
    (a language without translations gets the English words)."""
    if page_language.split("-")[0].lower() != words.language:
        _set_language(element, words.language, "ltr")
    return element


def _element(tag: str, text: str, attributes: dict[str, str] | None = None) -> ET.Element:
    element = ET.Element(tag, attributes or {})
    element.text = text
    return element


def _text(parent: ET.Element, tag: str, text: str,
          attributes: dict[str, str] | None = None) -> ET.Element:
    element = ET.SubElement(parent, tag, attributes or {})
    element.text = text
    return element


def _time(parent: ET.Element, when: date, text: str | None = None) -> None:
    """``when`` as a ``<time>``: ISO for machines, ``text`` (else ISO too) for readers."""
    stamp = ET.SubElement(parent, "time", {"datetime": when.isoformat()})
    stamp.text = text or when.isoformat()


def _serialise(html: ET.Element) -> bytes:
    body = ET.tostring(html, encoding="unicode", short_empty_elements=True)
    return ('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE html>\n' + body + "\n").encode()
