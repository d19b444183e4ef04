"""Write a python-docx package as .docx bytes: reproducible, and cheap for a template's parts.

python-docx's own ``save`` stamps each zip member with the time of day; rewriting its
zip to fix that compressed everything twice. Here the zip is written once, by hand
(it is a simple format), with fixed timestamps and permissions and
``[Content_Types].xml`` first. Members whose bytes a template already had (styles,
theme, fonts, settings…) are compressed once per process and reused: an article
then costs only the compression of what it changed.
"""

from __future__ import annotations

import struct
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

from docx.opc.package import OpcPackage
from docx.opc.packuri import CONTENT_TYPES_URI, PACKAGE_URI
from docx.opc.pkgwriter import _ContentTypesItem

# 1980-01-01 00:00, the earliest date a zip entry can hold, in MS-DOS form.
_DOS_TIME, _DOS_DATE = 0, (0 << 9) | (1 << 5) | 1
_VERSION = 20  # deflate
_UNIX = 3
_PERMISSIONS = 0o644 << 16
_LEVEL = 6
_LIMIT = 0xFFFFFFFF  # no ZIP64: a briefing is far smaller


@dataclass(frozen=True, slots=True)
class Member:
    """One zip member's data, compressed, with what its headers need."""

    crc: int
    size: int
    compressed: bytes


def compress(data: bytes) -> Member:
    """``data`` as a raw-deflate zip member."""
    engine = zlib.compressobj(_LEVEL, zlib.DEFLATED, -15)
    packed = engine.compress(data) + engine.flush()
    if len(data) > _LIMIT or len(packed) > _LIMIT:
        raise ValueError("a DOCX part larger than 4 GB cannot be written")
    return Member(zlib.crc32(data), len(data), packed)


def members(package: OpcPackage, blob: Callable[[Any], bytes]) -> Iterator[tuple[str, bytes]]:
    """``(name, bytes)`` of every member, in python-docx's order; ``blob(part)`` serialises."""
    parts = list(package.iter_parts())
    yield CONTENT_TYPES_URI.membername, _ContentTypesItem.from_parts(parts).blob
    yield PACKAGE_URI.rels_uri.membername, package.rels.xml
    for part in parts:
        yield part.partname.membername, blob(part)
        if len(part.rels):
            yield part.partname.rels_uri.membername, part.rels.xml


def write_zip(entries: Iterator[tuple[str, Member]]) -> bytes:
    """A zip of ``entries``, the same bytes for the same entries."""
    chunks: list[bytes] = []
    directory: list[bytes] = []
    offset = 0
    count = 0
    for name, member in entries:
        encoded = name.encode("ascii")
        common = (_VERSION, 0, zlib.DEFLATED, _DOS_TIME, _DOS_DATE, member.crc,
                  len(member.compressed), member.size, len(encoded))
        local = struct.pack("<4s5H3L2H", b"PK\x03\x04", *common, 0)
        directory.append(struct.pack("<4s2B5H3L5H2L", b"PK\x01\x02", _VERSION, _UNIX, *common,
                                     0, 0, 0, 0, _PERMISSIONS, offset) + encoded)
        chunks += (local, encoded, member.compressed)
        offset += len(local) + len(encoded) + len(member.compressed)
        count += 1
    central = b"".join(directory)
    if offset > _LIMIT or count > 0xFFFF:
        raise ValueError("a DOCX this large cannot be written")
    end = struct.pack("<4s4H2LH", b"PK\x05\x06", 0, 0, count, count, len(central), offset, 0)
    return b"".join(chunks) + central + end
