"""Write .docx bytes: reproducible, and cheap for the parts every briefing shares.

python-docx's own ``save`` stamps each zip member with the time of day; rewriting its
zip to fix that compressed everything twice. Here the zip is written once, by hand
(it is a simple format), with fixed timestamps and permissions and
``[Content_Types].xml`` first. Members whose bytes a template already had (styles,
theme, fonts, settings…) are compressed once, when the template is prepared: an article
then costs only the compression of what it changed. A part's relationships are
:class:`PartRels`, so an article adds a link without copying python-docx's objects.
"""

from __future__ import annotations

import posixpath
import struct
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import NAMESPACE as NS
from docx.opc.constants import RELATIONSHIP_TARGET_MODE, RELATIONSHIP_TYPE
from docx.opc.oxml import serialize_part_xml
from docx.opc.rel import Relationships
from docx.opc.spec import default_content_types
from lxml.etree import Element, SubElement

# 1980-01-01 00:00, the earliest date a zip entry can hold, in MS-DOS form.
_DOS_TIME, _DOS_DATE = 0, (0 << 9) | (1 << 5) | 1
_VERSION = 20  # deflate
_UNIX = 3
_PERMISSIONS = 0o644 << 16
_LEVEL = 6
_LIMIT = 0xFFFFFFFF  # no ZIP64: a briefing is far smaller
_RELATIONSHIPS_NS = NS.OPC_RELATIONSHIPS
_RELATIONSHIPS = f"{{{_RELATIONSHIPS_NS}}}Relationships"
_RELATIONSHIP = f"{{{_RELATIONSHIPS_NS}}}Relationship"
_TYPES_NS = NS.OPC_CONTENT_TYPES
_LOOKAHEAD = 262  # zlib's MIN_LOOKAHEAD: matches reach at most a window less this far back


@dataclass(frozen=True, slots=True)
class Member:
    """One zip member's data, compressed, with what its headers need."""

    crc: int
    size: int
    compressed: bytes


def compress(data: bytes) -> Member:
    """``data`` as a raw-deflate zip member."""
    engine = zlib.compressobj(_LEVEL, zlib.DEFLATED, -_window_bits(len(data)))
    packed = engine.compress(data) + engine.flush()
    if len(data) > _LIMIT or len(packed) > _LIMIT:
        raise ValueError("a DOCX part larger than 4 GB cannot be written")
    return Member(zlib.crc32(data), len(data), packed)


def _window_bits(size: int) -> int:
    """The smallest deflate window (9 to 15 bits) that holds ``size`` bytes and the lookahead.

    Setting up the largest window costs more than compressing a small part; a window
    that holds the whole part finds the same matches, so the bytes are the same.
    """
    return min(15, max(9, (size + _LOOKAHEAD).bit_length()))


@dataclass(frozen=True, slots=True)
class Rel:
    """One relationship as a ``.rels`` file states it."""

    rel_id: str
    reltype: str
    target: str
    external: bool


class PartRels:
    """One part's relationships: the template's, and the links an article adds.

    Serialised as python-docx serialises them, and new ids are chosen as python-docx
    chooses them (the first free ``rIdN``), so the output does not depend on which
    of the two wrote it. Without additions the template's bytes are reused.
    """

    def __init__(self, rels: tuple[Rel, ...], packed: Member | None = None) -> None:
        self._rels = list(rels)
        self._packed = packed

    @classmethod
    def of(cls, relationships: Relationships) -> PartRels:
        """A part's relationships as python-docx holds them, their member compressed once."""
        rels = tuple(Rel(r.rId, r.reltype, r.target_ref, r.is_external)
                     for r in relationships.values())
        made = cls(rels)
        made._packed = compress(made.xml()) if rels else None
        return made

    def copy(self) -> PartRels:
        """A copy an article adds its links to."""
        return PartRels(tuple(self._rels), self._packed)

    def link(self, url: str) -> str:
        """The id of an external hyperlink to ``url`` (http or https only), added if new."""
        if not url.lower().startswith(("http://", "https://")):
            raise ValueError(f"refusing to link to {url!r}: only http(s) links are written")
        for rel in self._rels:
            if rel.external and rel.reltype == RELATIONSHIP_TYPE.HYPERLINK and rel.target == url:
                return rel.rel_id
        used = {rel.rel_id for rel in self._rels}
        rel_id = next(f"rId{n}" for n in range(1, len(used) + 2) if f"rId{n}" not in used)
        self._rels.append(Rel(rel_id, RELATIONSHIP_TYPE.HYPERLINK, url, True))
        self._packed = None
        return rel_id

    def relate(self, reltype: str, target: str) -> str:
        """The id of a new relationship to the package's own part ``target`` (relative)."""
        used = {rel.rel_id for rel in self._rels}
        rel_id = next(f"rId{n}" for n in range(1, len(used) + 2) if f"rId{n}" not in used)
        self._rels.append(Rel(rel_id, reltype, target, False))
        self._packed = None
        return rel_id

    def xml(self) -> bytes:
        """The ``.rels`` file, as python-docx writes it."""
        element = Element(_RELATIONSHIPS, nsmap={None: _RELATIONSHIPS_NS})
        for rel in self._rels:
            attributes = {"Id": rel.rel_id, "Type": rel.reltype, "Target": rel.target}
            if rel.external:
                attributes["TargetMode"] = RELATIONSHIP_TARGET_MODE.EXTERNAL
            SubElement(element, _RELATIONSHIP, attributes)
        return bytes(serialize_part_xml(element))

    def member(self) -> Member | None:
        """The ``.rels`` member, None when there are no relationships (and so no file)."""
        if self._packed is None and self._rels:
            self._packed = compress(self.xml())
        return self._packed


def content_types(parts: Iterable[tuple[str, str]]) -> bytes:
    """``[Content_Types].xml`` for ``parts`` (part name, content type), as python-docx writes it.

    A part whose extension and type are one of OPC's usual pairings (``png`` and
    ``image/png``) is covered by a ``Default`` for its extension (lower-cased), every
    other part by an ``Override`` naming it; ``rels`` and ``xml`` always have a
    ``Default``. Defaults are sorted by extension, overrides by part name.
    """
    defaults = {"rels": CT.OPC_RELATIONSHIPS, "xml": CT.XML}
    overrides: dict[str, str] = {}
    for partname, content_type in parts:
        ext = posixpath.splitext(partname)[1][1:].lower()  # as python-docx's PackURI.ext
        if (ext, content_type) in default_content_types:
            defaults[ext] = content_type
        else:
            overrides[partname] = content_type
    types = Element(f"{{{_TYPES_NS}}}Types", nsmap={None: _TYPES_NS})
    for ext in sorted(defaults):
        SubElement(types, f"{{{_TYPES_NS}}}Default",
                   {"Extension": ext, "ContentType": defaults[ext]})
    for partname in sorted(overrides):
        SubElement(types, f"{{{_TYPES_NS}}}Override",
                   {"PartName": partname, "ContentType": overrides[partname]})
    return bytes(serialize_part_xml(types))


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
