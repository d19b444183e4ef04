"""Bytes to text: the encoding is detected, not assumed.

Order: a byte-order mark (UTF-8, UTF-16, UTF-32) decides; then strict UTF-8;
then UTF-16 without a BOM recognised by its pattern of zero bytes; then
charset-normalizer's best guess among the legacy single-byte encodings; and
cp1252 as the last resort (every byte sequence but five decodes in it, and the
five are mapped through Latin-1). Binary data is refused, never decoded into
noise.
"""

from __future__ import annotations

import codecs

from ..errors import InputError

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


def decode_bytes(data: bytes, source: str) -> str:
    """Decode an article's bytes; ``InputError`` naming ``source`` for binary data."""
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
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        text = _legacy(data)
    _refuse_binary(text, source)
    return text


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
    controls = sum(1 for c in sample if c < " " and c not in "\t\n\r\x0c\x0b")
    if "\x00" in sample[:8000] and controls / len(sample) > _CONTROL_LIMIT:
        raise InputError(source, "looks like binary data, not text")
    if controls / len(sample) > 0.1:
        raise InputError(source, "looks like binary data, not text")
