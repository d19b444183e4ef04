"""The briefing's document properties (``docProps/core.xml`` and ``docProps/app.xml``)."""

from __future__ import annotations

import os
from datetime import UTC, date, datetime
from typing import Any
from xml.sax.saxutils import escape

from docx.opc.coreprops import CoreProperties
from docx.oxml.ns import qn

from ...model import Article
from ...presentation import Presentation, shorten

# python-docx refuses core properties longer than this.
MAX_PROPERTY = 255
KEYWORD_LIMIT = 6
# When neither the article nor SOURCE_DATE_EPOCH gives a date: fixed, so output is reproducible.
FALLBACK_DATE = datetime(2000, 1, 1)


def timestamp(published: date | None) -> datetime:
    """The article's date, else ``SOURCE_DATE_EPOCH``, else a fixed date (naive UTC)."""
    if published is not None:
        return datetime(published.year, published.month, published.day)
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        return datetime.fromtimestamp(int(epoch), tz=UTC).replace(tzinfo=None)
    return FALLBACK_DATE


def _bounded(text: str) -> str:
    return shorten(text, MAX_PROPERTY, trailing=" ,;:")


# The core properties a briefing sets, in the order python-docx adds those a template lacks.
_FIELDS = ("dc:title", "dc:creator", "dc:subject", "cp:keywords", "dc:language", "cp:category",
           "dc:description", "dc:identifier", "cp:lastModifiedBy", "cp:contentStatus",
           "cp:version", "cp:revision", "dcterms:created", "dcterms:modified")
_TAGS = tuple(qn(name) for name in _FIELDS)


def prepare_properties(element: Any) -> None:
    """Give a template's core properties every element a briefing sets, once.

    python-docx adds the missing ones (last, and the dates with their ``xsi:type``);
    each briefing then only sets their text (:func:`set_properties`).
    """
    properties = CoreProperties(element)
    properties.title = properties.author = properties.subject = properties.keywords = ""
    properties.language = properties.category = properties.comments = ""
    properties.identifier = properties.last_modified_by = ""
    properties.content_status = properties.version = ""
    properties.revision = 1
    properties.created = properties.modified = FALLBACK_DATE


def set_properties(element: Any, article: Article, presentation: Presentation,
                   organisation: str) -> None:
    """Title, author, subject (the first summary sentence), keywords, language, dates.

    ``element`` is a copy of core properties made ready by :func:`prepare_properties`.
    """
    source = article.document
    first = article.summary.sentences[0].text if article.summary.sentences else source.standfirst
    # W3CDTF, as python-docx writes it, without strftime (which reads the time zone each time).
    when = timestamp(source.published).replace(microsecond=0).isoformat() + "Z"
    values = (
        _bounded(presentation.title),
        _bounded("; ".join(presentation.authors) or organisation),
        _bounded(first or presentation.title),
        _bounded(", ".join(presentation.keywords(KEYWORD_LIMIT))),
        _bounded(source.language),
        "Briefing",
        _bounded(f"Briefing by {organisation}" if organisation else "Briefing"),
        _bounded(source.source_url or ""),
        _bounded(organisation),
        "",
        "",
        "1",
        when,
        when,
    )
    for tag, value in zip(_TAGS, values, strict=True):
        element.find(tag).text = value


_APP_XML = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" \
xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">\
<Application>exporter</Application><DocSecurity>0</DocSecurity>\
<Words>{words}</Words><Company>{company}</Company><LinksUpToDate>false</LinksUpToDate>\
<SharedDoc>false</SharedDoc><HyperlinksChanged>false</HyperlinksChanged></Properties>"""


def app_properties(words: int, organisation: str) -> bytes:
    """``docProps/app.xml`` for the briefing, in place of the template's (Word's, and stale)."""
    return _APP_XML.format(words=words, company=escape(_bounded(organisation))).encode("utf-8")
