"""Put the pages into an EPUB 3 container with ebooklib, then make the zip reproducible.

ebooklib writes the package document (metadata, manifest, spine) and the NCX; the
pages come ready-made from :mod:`.pages`. Its zip gets the time of writing on
every member, so the archive is copied member by member with a fixed time and
fixed attributes, ``mimetype`` first and stored, which gives byte-identical books.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from ebooklib import epub

from ...direction import language_direction
from .pages import COVER_IMAGE, NAV_PAGE, STYLESHEET
from .plan import DigestPlan, Section

MIMETYPE = b"application/epub+zip"
XHTML_TYPE = "application/xhtml+xml"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
# What DAISY Ace and reading systems read to tell a reader what the book offers
# (EPUB Accessibility 1.1, schema.org's accessibility properties). No conformance
# claim (dcterms:conformsTo) is made: that takes a person's evaluation.
ACCESSIBILITY = (
    ("schema:accessMode", "textual"),
    ("schema:accessMode", "visual"),
    ("schema:accessModeSufficient", "textual"),
    ("schema:accessibilityFeature", "alternativeText"),
    ("schema:accessibilityFeature", "displayTransformability"),
    ("schema:accessibilityFeature", "readingOrder"),
    ("schema:accessibilityFeature", "structuralNavigation"),
    ("schema:accessibilityFeature", "tableOfContents"),
    ("schema:accessibilityHazard", "none"),
)
ACCESSIBILITY_SUMMARY = (
    "A digest of news articles in text, readable without sight. Each article is a chapter "
    "with real headings, its summary (every sentence linked to its place in the text) and "
    "its full text, in reading order; the table of contents and landmarks lead to each. "
    "The only image, the cover, has a text alternative and carries no information the "
    "text lacks. The book has no known hazards."
)

PICTURES_SUMMARY = (
    "A digest of news articles in text, readable without sight. Each article is a chapter "
    "with real headings, its summary (every sentence linked to its place in the text) and "
    "its full text, in reading order; the table of contents and landmarks lead to each. "
    "The articles' pictures carry the text alternatives and captions their pages gave; a "
    "picture whose page gave neither is marked decorative. The book has no known hazards."
)


@dataclass(frozen=True, slots=True)
class Page:
    """An XHTML page of the book, in reading order."""

    item_id: str
    file_name: str
    content: bytes


def assemble(plan: DigestPlan, pages: Sequence[Page], nav: bytes, css: str, cover: bytes,
             pictures: Sequence[tuple[str, str, bytes]] = ()) -> bytes:
    """The finished EPUB file as bytes; ``pictures`` are (file name, media type, data)."""
    book = epub.EpubBook()
    book.set_identifier(plan.identifier)
    book.title = plan.title  # set_title without its attributes: the title may need a language
    other_language = plan.title_language and plan.title_language != plan.language
    book.add_metadata("DC", "title", plan.title,
                      {XML_LANG: plan.title_language} if other_language else {})
    book.set_language(plan.language)
    for language in plan.languages[1:]:
        book.add_metadata("DC", "language", language)
    if plan.organisation:
        book.add_metadata("DC", "publisher", plan.organisation)
    if plan.shown_date is not None:
        book.add_metadata("DC", "date", plan.shown_date.isoformat())
    count = len(plan.chapters)
    english = {XML_LANG: "en"} if plan.language.split("-")[0].lower() != "en" else {}
    book.add_metadata("DC", "description", f"A digest of {count} article{'s' * (count != 1)}.",
                      english)
    for prop, value in ACCESSIBILITY:
        book.add_metadata(None, "meta", value, {"property": prop})
    book.add_metadata(None, "meta", PICTURES_SUMMARY if pictures else ACCESSIBILITY_SUMMARY,
                      {"property": "schema:accessibilitySummary", **english})

    book.set_cover(COVER_IMAGE, cover, create_page=False)
    book.add_item(epub.EpubItem(uid="style", file_name=STYLESHEET, media_type="text/css",
                                content=css.encode("utf-8")))
    for number, (file_name, media_type, data) in enumerate(pictures, start=1):
        book.add_item(epub.EpubItem(uid=f"picture-{number}", file_name=file_name,
                                    media_type=media_type, content=data))
    items = []
    for page in pages:
        item = epub.EpubItem(uid=page.item_id, file_name=page.file_name, media_type=XHTML_TYPE,
                             content=page.content)
        book.add_item(item)
        items.append(item)
    navigation = epub.EpubItem(uid="nav", file_name=NAV_PAGE, media_type=XHTML_TYPE, content=nav)
    navigation.properties = ["nav"]
    book.add_item(navigation)
    book.add_item(epub.EpubNcx())
    book.spine = items
    if plan.groups:  # two levels: the section, then its articles
        book.toc = [(epub.Link(group.file_name, group.title, f"group-{number}"),
                     [epub.Link(c.file_name, c.title, c.item_id) for c in group.chapters])
                    for number, group in enumerate(plan.groups, start=1)]
    else:
        book.toc = [_toc_entry(chapter.file_name, chapter.title, chapter.item_id,
                               chapter.sections) for chapter in plan.chapters]

    raw = io.BytesIO()
    writer = _Writer(raw, book, {"mtime": plan.modified, "epub3_pages": False,
                                 "epub2_guide": False, "epub3_landmark": False,
                                 "raise_exceptions": True, "compresslevel": 1})
    writer.language = plan.language
    writer.process()
    writer.write()
    return reproducible_zip(raw.getvalue(), plan.modified)


class _Writer(epub.EpubWriter):  # type: ignore[misc]
    """ebooklib's writer, with the book's language (and direction) on the OPF ``<package>``.

    The package's ``xml:lang`` is the language of its metadata's text: DAISY Ace
    counts a package without it as a serious violation. Its zip is rewritten by
    :func:`reproducible_zip` anyway, so it is compressed at the fastest level.
    """

    language = "und"

    def _write_opf_file(self, root: object) -> None:
        root.set(XML_LANG, self.language)  # type: ignore[attr-defined]
        if language_direction(self.language) == "rtl":
            root.set("dir", "rtl")  # type: ignore[attr-defined]
        super()._write_opf_file(root)


def _toc_entry(href: str, title: str, uid: str, sections: Sequence[Section]) -> object:
    """An NCX entry for ebooklib: a link, or a (link, children) pair when it has sections."""
    link = epub.Link(href, title, uid)
    if not sections:
        return link
    children = [_toc_entry(s.href, s.title, f"{uid}-{s.anchor}", s.children) for s in sections]
    return (link, children)


def reproducible_zip(data: bytes, when: datetime) -> bytes:
    """``data`` (an EPUB) rewritten with fixed times: ``mimetype`` first and stored."""
    stamp = (when.year, when.month, when.day, when.hour, when.minute, when.second)
    source = zipfile.ZipFile(io.BytesIO(data))
    names = [n for n in source.namelist() if n != "mimetype"]
    target_buffer = io.BytesIO()
    with zipfile.ZipFile(target_buffer, "w") as target:
        for name in ["mimetype", *names]:
            content = MIMETYPE if name == "mimetype" else source.read(name)
            info = zipfile.ZipInfo(name, date_time=stamp)
            info.create_system = 3
            info.external_attr = 0o100644 << 16
            info.compress_type = zipfile.ZIP_STORED if name == "mimetype" else zipfile.ZIP_DEFLATED
            target.writestr(info, content, compresslevel=9 if name != "mimetype" else None)
    return target_buffer.getvalue()
