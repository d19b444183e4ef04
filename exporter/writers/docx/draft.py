"""One article's briefing while it is written: a draft of the prepared template.

A :class:`Draft` copies, with lxml, only the XML parts the article changes (the
document, its header and footer, the core properties, the numbering when the
article has numbered lists), and :meth:`Draft.save` serialises just those; every
other part's compressed bytes come from the :class:`.prepared.PreparedTemplate`.
An article never copies python-docx's object graph nor walks its package.
"""

from __future__ import annotations

import copy
import logging
from typing import Any

from docx.opc.constants import RELATIONSHIP_TYPE
from docx.opc.oxml import serialize_part_xml
from docx.opc.packuri import CONTENT_TYPES_URI, PACKAGE_URI
from docx.oxml.ns import qn

from .package import Member, PartRels, compress, content_types, write_zip
from .prepared import PreparedTemplate

log = logging.getLogger(__name__)


class Draft:
    """One article's briefing: copies of the template's parts that the article changes."""

    def __init__(self, template: PreparedTemplate, organisation: str) -> None:
        self.template = template
        self.organisation = organisation
        """The organisation the header names (as configured: cleaned where it is shown)."""
        self._elements: dict[str, Any] = {}
        self._rels: dict[str, PartRels] = {}
        self._members: dict[str, Member] = {}
        self._media: list[tuple[str, str, Member]] = []

    @property
    def body(self) -> Any:
        """The document's ``w:body``: holds only the template's ``w:sectPr`` at first."""
        return self.element(self.template.document_part).find(qn("w:body"))

    @property
    def links(self) -> PartRels:
        """The document part's relationships, for links in the body."""
        return self.rels(self.template.document_part)

    def element(self, partname: str) -> Any:
        """This briefing's XML of part ``partname``, copied from the template on first use."""
        element = self._elements.get(partname)
        if element is None:
            if partname in self._members:
                raise ValueError(f"{partname} was replaced in this briefing: it has no XML")
            element = self._elements[partname] = copy.deepcopy(self.template.elements[partname])
        return element

    def rels(self, partname: str) -> PartRels:
        """This briefing's relationships of part ``partname``, copied on first use."""
        rels = self._rels.get(partname)
        if rels is None:
            rels = self._rels[partname] = self.template.rels[partname].copy()
        return rels

    def replace(self, partname: str, data: bytes | Member, rels: PartRels | None = None) -> None:
        """Give part ``partname`` these bytes (or this compressed member), and ``rels``."""
        self._elements.pop(partname, None)
        self._members[partname] = data if isinstance(data, Member) else compress(data)
        if rels is not None:
            self._rels[partname] = rels.copy()

    def add_picture(self, data: bytes, media_type: str) -> str:
        """Add a picture part (JPEG or PNG) related to the document; its relationship id."""
        extension = "png" if media_type == "image/png" else "jpeg"
        taken = {place.partname for place in self.template.places}
        number = len(self._media) + 1
        while f"/word/media/briefing-picture{number}.{extension}" in taken:
            number += 1
        partname = f"/word/media/briefing-picture{number}.{extension}"
        self._media.append((partname, media_type, compress(data)))
        return self.links.relate(RELATIONSHIP_TYPE.IMAGE, partname.removeprefix("/word/"))

    def packed(self, partname: str) -> Member:
        """Part ``partname`` as it stands in this briefing, compressed."""
        element = self._elements.get(partname)
        if element is not None:
            return compress(serialize_part_xml(element))
        return self._members.get(partname) or self.template.packed[partname]

    def save(self) -> bytes:
        """The briefing as .docx bytes, the same for the same input."""
        template = self.template
        types = template.content_types
        if self._media:
            types = compress(content_types([*template.part_types,
                                            *((name, kind) for name, kind, _ in self._media)]))
        entries = [(CONTENT_TYPES_URI.membername, types),
                   (PACKAGE_URI.rels_uri.membername, template.package_rels)]
        for place in template.places:
            entries.append((place.name, self.packed(place.partname)))
            rels = self._rels.get(place.partname) or template.rels[place.partname]
            rels_member = rels.member()
            if rels_member is not None:
                entries.append((place.rels_name, rels_member))
        entries.extend((name.removeprefix("/"), member) for name, _, member in self._media)
        return write_zip(iter(entries))


def new_draft(template: PreparedTemplate, organisation: str, warn: bool = True) -> Draft:
    """A new briefing for ``organisation`` to write into; logs (if ``warn``) what is wrong
    with the template."""
    if warn:
        for warning in template.warnings:
            log.warning("%s", warning)
    return Draft(template, organisation)
