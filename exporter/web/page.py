"""A fetched response to a Document, through the same readers as files.

The response's ``Content-Type`` picks the reader (HTML, plain text, Markdown;
sniffed when the server names none or says ``application/octet-stream``) and
its ``charset`` is honoured, with the WHATWG meaning of the common labels
(``iso-8859-1`` and ``us-ascii`` are windows-1252 on the web, ``gb2312`` is
GBK). Bytes that do not decode in the declared charset are detected instead, as
a file's are. The final URL, after redirects, is the document's source.
"""

from __future__ import annotations

import codecs
import dataclasses
from pathlib import Path, PurePosixPath
from urllib.parse import unquote, urlsplit

from ..errors import InputError
from ..model import Document
from ..readers import read_string
from ..readers.decode import decode_bytes
from ..readers.formats import MEDIA_TYPES
from ..readers.text import title_from_filename
from .fetch import Response

_SNIFFED = ("", "application/octet-stream", "binary/octet-stream")
_WEB_LABELS = {
    "iso-8859-1": "cp1252", "iso8859-1": "cp1252", "latin1": "cp1252", "latin-1": "cp1252",
    "l1": "cp1252", "us-ascii": "cp1252", "ascii": "cp1252", "iso-8859-9": "cp1254",
    "gb2312": "gbk", "gb_2312-80": "gbk", "x-gbk": "gbk", "euc-cn": "gbk",
    "tis-620": "cp874", "iso-8859-11": "cp874", "ks_c_5601-1987": "euc-kr",
    "x-sjis": "shift_jis", "windows-31j": "cp932",
}


def page_format(response: Response, url: str) -> str | None:
    """The reader for the response's media type; ``None`` to sniff; :class:`InputError`
    naming ``url`` for media that is no article (images, PDFs, JSON, archives...)."""
    media = response.content_type
    if media in MEDIA_TYPES:
        return MEDIA_TYPES[media]
    if media in _SNIFFED:
        return None
    raise InputError(url, f"the server sent {media}, not a web page or text")


def decode_page(body: bytes, charset: str | None, url: str) -> str:
    """The page's text: in its declared charset when that decodes it, else detected."""
    if charset:
        name = _WEB_LABELS.get(charset.lower(), charset)
        try:
            codecs.lookup(name)
            text = body.decode(name)
        except (LookupError, UnicodeDecodeError):
            pass  # an unknown label or a wrong one: detect, as for a file
        else:
            return text.removeprefix("\ufeff")
    return decode_bytes(body, url)


def document_from_response(response: Response, *, url: str | None = None,
                           language: str | None = None) -> Document:
    """The article of a fetched page; errors name ``url`` (default: the URL asked for)."""
    named = url or response.url
    format_name = page_format(response, named)
    if not response.body.strip():
        raise InputError(named, "the page is empty")
    text = decode_page(response.body, response.charset, named)
    document = read_string(text, format=format_name, source=response.final_url,
                           fallback_title=_title_from_url(response.final_url),
                           language=language)
    return dataclasses.replace(document, source_url=response.final_url)


def _title_from_url(url: str) -> str:
    """A neutral title from the URL's last path segment, or its host."""
    parts = urlsplit(url)
    name = PurePosixPath(unquote(parts.path)).name
    if name and name not in ("index.html", "index.htm"):
        return title_from_filename(Path(name))
    return parts.hostname or "Untitled article"
