"""Bytes to text: the order a browser follows, then detection.

1. A byte-order mark (UTF-8, UTF-16, UTF-32) decides.
2. UTF-16 without a BOM is recognised by its pattern of zero bytes.
3. Bytes that are valid UTF-8 are UTF-8, whatever a declaration says: text in a
   legacy code page is almost never valid UTF-8 by chance, and a page declared
   ``iso-8859-1`` that is valid UTF-8 was mislabelled by its server.
4. The declaration: an HTTP charset given by the caller, else the page's XML
   declaration or ``<meta charset>``, mapped as the WHATWG Encoding Standard maps
   labels (:mod:`.declared`). A page declared UTF-8 with a few invalid bytes keeps
   UTF-8, the bad bytes replaced by U+FFFD, as a browser shows it.
5. Undeclared bytes that are mostly valid UTF-8 (a stray invalid byte in a UTF-8
   page) are UTF-8 with the stray bytes replaced: never a reason to reread the
   whole page in another encoding.
6. Otherwise detection: cp1252 for mostly-ASCII Western text, else
   charset-normalizer's best guess, and cp1252 as the last resort.

Text whose own bytes were double-encoded (UTF-8 read as cp1252 and saved again,
"schÃ¶n") is repaired run by run with ftfy when the classic pairs appear. Binary
data is refused, never decoded into noise.
"""

from __future__ import annotations

import codecs
import re

from ..errors import InputError
from .declared import declared_encoding, encoding_for_label

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_MAGIC = {
    b"\x89PNG": "a PNG image",
    b"GIF8": "a GIF image",
    b"\xff\xd8\xff": "a JPEG image",
    b"%PDF": "a PDF file",
    b"PK\x03\x04": "a ZIP archive (DOCX, EPUB or similar)",
    b"\x7fELF": "an executable",
    b"\x1f\x8b": "a gzip archive",
    b"\xd0\xcf\x11\xe0": "an old Office document",
    b"RIFF": "a RIFF media file",
}
_CONTROL_LIMIT = 0.02
# Undeclared bytes are read as UTF-8 when at least this many valid multi-byte
# characters stand for each invalid byte: in cp1252 text nearly every accented
# letter is an invalid sequence and valid ones happen only by chance.
_UTF8_MAJORITY = 4
_CONTROLS = bytes(range(0x09)) + bytes(range(0x0E, 0x20))
# UTF-8 that was read as cp1252 or Latin-1 and encoded again: a lead byte's character
# (Â..ï) followed by a continuation byte's (U+0080..U+00BF, or one of cp1252's
# letters and marks in 0x80..0x9F). Real text almost never has these pairs. The
# pattern runs on the text's UTF-8 bytes, where every lead is the literal byte C3,
# which the regex engine finds far faster than a class of characters in a str.
_CONTINUATION = (
    rb"(?:\xc2[\x80-\xbf]|\xe2\x80[\x93-\xba]|\xe2\x82\xac|\xe2\x84\xa2"
    rb"|\xc5[\x92\x93\xa0\xa1\xb8\xbd\xbe]|\xc6\x92|\xcb[\x86\x9c])"
)
MOJIBAKE = re.compile(
    rb"\xc3(?:[\x82-\x9f]" + _CONTINUATION + rb"|[\xa0-\xaf]" + _CONTINUATION * 2 + rb")"
)


def decode_bytes(data: bytes, source: str, *, declared: str | None = None) -> str:
    """Decode an article's bytes; ``InputError`` naming ``source`` for binary data.

    ``declared`` is a charset label from outside the bytes (an HTTP
    ``Content-Type``); without it, the page's own declaration is read.
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom) :].decode(encoding)
            except UnicodeDecodeError as error:
                raise InputError(
                    source,
                    f"invalid {encoding.upper()} after its byte-order mark "
                    f"at byte {error.start + len(bom)}",
                ) from None
    for magic, kind in _MAGIC.items():
        if data.startswith(magic):
            raise InputError(source, f"this is {kind}, not text")
    utf16 = _utf16_without_bom(data)
    if utf16 is not None:
        return utf16
    text = _declared_or_detected(data, declared)
    _refuse_binary(text, source)
    return repair_mojibake(text)


def _declared_or_detected(data: bytes, declared: str | None) -> str:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    encoding = encoding_for_label(declared) or declared_encoding(data)
    if encoding is not None:
        try:
            return data.decode(encoding, errors="replace")
        except LookupError:
            pass
    lenient = data.decode("utf-8", errors="replace")
    invalid = lenient.count("\ufffd") - data.count(b"\xef\xbf\xbd")
    valid = sum(1 for c in lenient if not c.isascii()) - invalid
    if valid >= _UTF8_MAJORITY * invalid:
        return lenient
    return _legacy(data)


def repair_mojibake(text: str) -> str:
    """``schÃ¶n`` -> ``schön``: double-encoded lines fixed, the rest returned as it was.

    Only the lines holding a suspicious pair go through ftfy, whose judgement of
    what is really mojibake costs time on a whole page.
    """
    raw = text.encode("utf-8", "surrogatepass")
    first = MOJIBAKE.search(raw)
    if first is None:
        return text
    import ftfy

    pieces: list[str] = []
    done = 0
    for match in MOJIBAKE.finditer(raw, first.start()):
        if match.start() < done:
            continue  # already inside a repaired line
        start = raw.rfind(b"\n", done, match.start()) + 1 or done
        end = raw.find(b"\n", match.end())
        end = len(raw) if end < 0 else end
        pieces.append(raw[done:start].decode("utf-8", "surrogatepass"))
        pieces.append(str(ftfy.fix_encoding(raw[start:end].decode("utf-8", "surrogatepass"))))
        done = end
    pieces.append(raw[done:].decode("utf-8", "surrogatepass"))
    return "".join(pieces)


def _utf16_without_bom(data: bytes) -> str | None:
    sample = data[:4000]
    if len(sample) < 4:
        return None
    even_zeros = sample[0::2].count(0)
    odd_zeros = sample[1::2].count(0)
    half = len(sample) // 2
    encoding = None
    if odd_zeros > 0.4 * half and even_zeros < 0.05 * half:
        encoding = "utf-16-le"
    elif even_zeros > 0.4 * half and odd_zeros < 0.05 * half:
        encoding = "utf-16-be"
    if encoding is None:
        return None
    try:
        return data.decode(encoding)
    except UnicodeDecodeError:
        return None


def _legacy(data: bytes) -> str:
    # Western European text is mostly ASCII letters with a few accented ones; in that
    # case cp1252 (a superset of Latin-1's printable range) is right, where a
    # statistical guess often picks a Central European code page and turns ñ into ń.
    try:
        western = data.decode("cp1252")
    except UnicodeDecodeError:
        western = None
    if western is not None:
        letters = [c for c in western[:100_000] if c.isalpha()]
        accented = sum(1 for c in letters if not c.isascii())
        if letters and accented / len(letters) < 0.3:
            return western
    from charset_normalizer import from_bytes

    best = from_bytes(data[:200_000], cp_isolation=None).best()
    if best is not None and best.encoding not in ("utf_8", "utf-8"):
        try:
            return data.decode(best.encoding)
        except (UnicodeDecodeError, LookupError):
            pass
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError:
        return data.decode("latin-1")


def _refuse_binary(text: str, source: str) -> None:
    sample = text[:100_000]
    if not sample:
        return
    # Counted on the UTF-8 bytes, where bytes.translate deletes them at memory speed.
    raw = sample.encode("utf-8", "surrogatepass")
    controls = len(raw) - len(raw.translate(None, _CONTROLS))
    if "\x00" in sample[:8000] and controls / len(sample) > _CONTROL_LIMIT:
        raise InputError(source, "looks like binary data, not text")
    if controls / len(sample) > 0.1:
        raise InputError(source, "looks like binary data, not text")
