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

from .pages import COVER_IMAGE, NAV_PAGE, STYLESHEET
from .plan import DigestPlan, Section

MIMETYPE = b"application/epub+zip"
XHTML_TYPE = "application/xhtml+xml"


@dataclass(frozen=True, slots=True)
class Page:
    """An XHTML page of the book, in reading order."""

    item_id: str
    file_name: str
    content: bytes


def assemble(plan: DigestPlan, pages: Sequence[Page], nav: bytes, css: str, cover: bytes) -> bytes:
    """The finished EPUB file as bytes."""
    book = epub.EpubBook()
    book.set_identifier(plan.identifier)
    book.set_title(plan.title)
    book.set_language(plan.language)
    for language in plan.languages[1:]:
        book.add_metadata("DC", "language", language)
    if plan.organisation:
        book.add_metadata("DC", "publisher", plan.organisation)
    if plan.shown_date is not None:
        book.add_metadata("DC", "date", plan.shown_date.isoformat())
    count = len(plan.chapters)
    book.add_metadata("DC", "description", f"A digest of {count} article{'s' * (count != 1)}.")
    for value, prop in (("textual", "schema:accessMode"), ("visual", "schema:accessMode"),
                        ("textual", "schema:accessModeSufficient"),
                        ("tableOfContents", "schema:accessibilityFeature"),
                        ("readingOrder", "schema:accessibilityFeature"),
                        ("structuralNavigation", "schema:accessibilityFeature"),
                        ("none", "schema:accessibilityHazard")):
        book.add_metadata(None, "meta", value, {"property": prop})

    book.set_cover(COVER_IMAGE, cover, create_page=False)
    book.add_item(epub.EpubItem(uid="style", file_name=STYLESHEET, media_type="text/css",
                                content=css.encode("utf-8")))
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
    epub.write_epub(raw, book, {"mtime": plan.modified, "epub3_pages": False,
                                "epub2_guide": False, "epub3_landmark": False,
                                "raise_exceptions": True})
    return reproducible_zip(raw.getvalue(), plan.modified)


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
