"""HTML through trafilatura, the field's standard for main-text extraction.

trafilatura drops menus, adverts, cookie banners, comments and scripts and
returns the main text as XML (headings, paragraphs, quotes, lists) with the
page's metadata. It is given the page as a string and no URL, so nothing is
ever fetched. The page's ``lang`` attribute, when present, names the language.
"""

from __future__ import annotations

import re
from typing import Any

from ..errors import InputError
from ..model import Document
from . import bylines
from .build import RawBlock, build_document
from .dates import parse_date

_LANG = re.compile(r"<html\b[^>]*?\blang\s*=\s*[\"']?([A-Za-z]{2,3}(?:[-_][A-Za-z0-9]+)*)", re.I)
_CANONICAL = re.compile(
    r"<link\b[^>]*\brel\s*=\s*[\"']?canonical[\"']?[^>]*\bhref\s*=\s*[\"']([^\"'>\s]+)", re.I
)


def read_html(
    text: str,
    *,
    source: str = "<string>",
    fallback_title: str | None = None,
    language: str | None = None,
) -> Document:
    """Extract an article from an HTML page into a Document."""
    import trafilatura
    from lxml import etree

    settings: dict[str, Any] = {"output_format": "xml", "with_metadata": True,
                                "include_comments": False, "include_tables": False,
                                "include_images": False, "include_links": False}
    xml = trafilatura.extract(text, favor_precision=True, **settings)
    if xml is None:
        # Short pages fall below trafilatura's size thresholds: try recall over precision.
        xml = trafilatura.extract(text, favor_recall=True, **settings)
    if xml is None:
        raise InputError(source, "no article text found in this HTML page")
    root = etree.fromstring(xml.encode("utf-8"))
    main = root.find("main")
    raw = list(_blocks(main if main is not None else root))
    lang = _LANG.search(text[:5000])
    url = root.get("url") or _canonical(text)
    authors = bylines.authors(root.get("author") or "", [root.get("sitename")],
                              url or root.get("hostname"))
    return build_document(
        raw,
        title=root.get("title"),
        fallback_title=fallback_title or "Untitled article",
        standfirst=root.get("excerpt") or root.get("description"),
        authors=authors,
        published=parse_date(root.get("date") or ""),
        source_url=url,
        language=language or (lang.group(1) if lang else None),
        source=source,
    )


def _canonical(text: str) -> str | None:
    match = _CANONICAL.search(text[:20000])
    return match.group(1) if match else None


def _blocks(element: Any) -> Any:
    for child in element:
        tag = child.tag
        text = " ".join("".join(child.itertext()).split())
        if tag == "head":
            level = re.search(r"\d", child.get("rend") or "h2")
            yield RawBlock("heading", text, int(level.group()) if level else 2)
        elif tag == "p":
            yield RawBlock("paragraph", text)
        elif tag == "quote":
            yield RawBlock("quote", text)
        elif tag == "list":
            ordered = (child.get("rend") or "").lower() == "ol"
            for item in child.iter("item"):
                item_text = " ".join("".join(item.itertext()).split())
                yield RawBlock("item", item_text, ordered=ordered)
        elif len(child):
            yield from _blocks(child)
        elif text:
            yield RawBlock("paragraph", text)
