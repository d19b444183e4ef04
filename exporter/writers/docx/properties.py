"""The briefing's document properties (``docProps/core.xml`` and ``docProps/app.xml``)."""

from __future__ import annotations

import os
from datetime import UTC, date, datetime
from xml.sax.saxutils import escape

from docx.opc.coreprops import CoreProperties

from ...extract import keywords
from ...model import Article
from ...textclean import clean_inline

# python-docx refuses core properties longer than this.
MAX_PROPERTY = 255
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
    text = clean_inline(text)
    if len(text) <= MAX_PROPERTY:
        return text
    return text[: MAX_PROPERTY - 1].rsplit(" ", 1)[0].rstrip(",;:") + "…"


def set_properties(properties: CoreProperties, article: Article, organisation: str) -> None:
    """Title, author, subject (the first summary sentence), keywords, language, dates."""
    source = article.document
    properties.title = _bounded(source.title)
    properties.author = _bounded("; ".join(source.authors) or organisation)
    first = article.summary.sentences[0].text if article.summary.sentences else source.standfirst
    properties.subject = _bounded(first or source.title)
    properties.keywords = _bounded(", ".join(keywords(source)))
    properties.language = _bounded(source.language)
    properties.category = "Briefing"
    properties.comments = _bounded(f"Briefing by {organisation}")
    properties.identifier = _bounded(source.source_url or "")
    properties.last_modified_by = _bounded(organisation)
    properties.content_status = ""
    properties.version = ""
    properties.revision = 1
    when = timestamp(source.published)
    properties.created = properties.modified = when


_APP_XML = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" \
xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">\
<Application>exporter</Application><DocSecurity>0</DocSecurity>\
<Words>{words}</Words><Company>{company}</Company><LinksUpToDate>false</LinksUpToDate>\
<SharedDoc>false</SharedDoc><HyperlinksChanged>false</HyperlinksChanged></Properties>"""


def app_properties(words: int, organisation: str) -> bytes:
    """``docProps/app.xml`` for the briefing, in place of the template's (Word's, and stale)."""
    return _APP_XML.format(words=words, company=escape(_bounded(organisation))).encode("utf-8")
