"""The encoding a page declares, read the way a browser reads it.

A declaration is an HTTP ``Content-Type`` charset, an XML declaration
(``<?xml version="1.0" encoding="..."?>``) or an HTML ``<meta charset>`` /
``<meta http-equiv="Content-Type" content="...; charset=...">``. Its label is
mapped as the WHATWG Encoding Standard maps labels
(https://encoding.spec.whatwg.org/#names-and-labels), which differs from
Python's codec names where browsers learnt from real pages: ``iso-8859-1``,
``latin1`` and ``ascii`` mean windows-1252, ``gb2312`` means GBK (decoded as
GB18030), ``shift_jis`` means Windows-31J, ``euc-kr`` means windows-949, and a
``<meta>`` that says UTF-16 means UTF-8 (the bytes were already read as ASCII
to find it).
"""

from __future__ import annotations

import codecs
import re

# WHATWG labels whose Python codec differs from the label's own name. Labels not
# listed go through codecs.lookup and are accepted when Python knows them.
_LABELS = {
    **dict.fromkeys(
        "ansi_x3.4-1968 ascii cp1252 cp819 csisolatin1 ibm819 iso-8859-1 iso-ir-100 "
        "iso8859-1 iso88591 iso_8859-1 iso_8859-1:1987 l1 latin1 us-ascii windows-1252 "
        "x-cp1252".split(),
        "cp1252",
    ),
    **dict.fromkeys(
        "chinese csgb2312 csiso58gb231280 gb2312 gb_2312 gb_2312-80 gbk iso-ir-58 x-gbk "
        "gb18030".split(),
        "gb18030",
    ),
    **dict.fromkeys(
        "csshiftjis ms932 ms_kanji shift-jis shift_jis sjis windows-31j x-sjis".split(), "cp932"
    ),
    **dict.fromkeys(
        "cseuckr csksc56011987 euc-kr iso-ir-149 korean ks_c_5601-1987 ks_c_5601-1989 "
        "ksc5601 ksc_5601 windows-949".split(),
        "cp949",
    ),
    **dict.fromkeys("big5 big5-hkscs cn-big5 csbig5 x-x-big5".split(), "big5hkscs"),
    **dict.fromkeys(
        "cp1254 csisolatin5 iso-8859-9 iso-ir-148 iso8859-9 iso88599 iso_8859-9 "
        "iso_8859-9:1989 l5 latin5 windows-1254 x-cp1254".split(),
        "cp1254",
    ),
    **dict.fromkeys(
        "dos-874 iso-8859-11 iso8859-11 iso885911 tis-620 windows-874".split(), "cp874"
    ),
    **dict.fromkeys(
        "csiso88598i iso-8859-8-i logical csiso88598e iso-8859-8-e visual".split(), "iso8859-8"
    ),
    **dict.fromkeys("csmacintosh mac macintosh x-mac-roman".split(), "mac-roman"),
    **dict.fromkeys("x-mac-cyrillic x-mac-ukrainian".split(), "mac-cyrillic"),
    **dict.fromkeys("koi koi8 koi8-r koi8_r cskoi8r".split(), "koi8-r"),
    **dict.fromkeys("koi8-ru koi8-u".split(), "koi8-u"),
    **dict.fromkeys(
        "unicode-1-1-utf-8 unicode11utf8 unicode20utf8 utf-8 utf8 x-unicode20utf8 "
        # A <meta> that names UTF-16 was read as ASCII-compatible bytes: WHATWG says UTF-8.
        "utf-16 utf-16le utf-16be csunicode iso-10646-ucs-2 ucs-2 unicode unicodefffe".split(),
        "utf-8",
    ),
    "x-user-defined": "cp1252",
}
_SCAN_BYTES = 8192  # WHATWG's prescan reads 1024; real pages put the <meta> later
_XML = re.compile(rb"""\A\s*<\?xml[^>]*?\bencoding\s*=\s*["']?\s*([\w.:-]+)""", re.I)
_META = re.compile(
    rb"""<meta\b[^>]*?\bcharset\s*=\s*["']?\s*([\w.:-]+)""", re.I
)


def encoding_for_label(label: str | None) -> str | None:
    """The Python codec for a WHATWG encoding label, or ``None`` for an unknown label."""
    if not label:
        return None
    key = label.strip().strip("\"'").lower()
    if key in _LABELS:
        return _LABELS[key]
    try:
        return codecs.lookup(key).name
    except LookupError:
        return None


def charset_from_content_type(value: str | None) -> str | None:
    """``text/html; charset=ISO-8859-1`` -> ``cp1252`` (an HTTP header's declaration)."""
    match = re.search(r"charset\s*=\s*[\"']?([\w.:-]+)", value or "", re.I)
    return encoding_for_label(match.group(1)) if match else None


def declared_encoding(data: bytes) -> str | None:
    """The encoding the page's XML declaration or first ``<meta>`` charset names."""
    head = data[:_SCAN_BYTES]
    for pattern in (_XML, _META):
        match = pattern.search(head)
        if match:
            encoding = encoding_for_label(match.group(1).decode("ascii", "replace"))
            if encoding is not None:
                return encoding
    return None
