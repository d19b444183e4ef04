"""The package every briefing of a run is written into, and one article's draft of it.

A :class:`Frame` is prepared once per template, organisation and logo: python-docx
makes sure the header and footer exist, relates the logo and the core properties,
and everything the briefings share (theme, fonts, settings, the content types, the
relationships) is serialised and compressed there, once.

A :class:`Draft` is one article's briefing while it is written. It copies, with
lxml, only the XML parts the article changes (the document, its header and footer,
the core properties, the numbering when the article has numbered lists), and
:meth:`Draft.save` serialises just those: an article never copies python-docx's
object graph nor walks its package.
"""

from __future__ import annotations

import copy
import logging
import os
import threading
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Any

from docx.document import Document as DocxDocument
from docx.enum.style import WD_STYLE_TYPE
from docx.image.exceptions import (
    InvalidImageStreamError,
    UnexpectedEndOfFileError,
    UnrecognizedImageError,
)
from docx.opc.constants import RELATIONSHIP_TYPE
from docx.opc.oxml import serialize_part_xml
from docx.opc.packuri import CONTENT_TYPES_URI, PACKAGE_URI
from docx.opc.part import XmlPart
from docx.opc.pkgwriter import _ContentTypesItem
from docx.oxml.ns import qn
from docx.oxml.section import CT_HdrFtr
from docx.shared import Cm

from ...config import Options
from ...errors import ExporterError, UsageError
from ...textclean import clean_inline
from .logo import check_logo, logo_text
from .package import Member, PartRels, compress, write_zip
from .properties import prepare_properties
from .sanitise import TemplateError
from .stories import Logo, Story, plan_story
from .template import Template, is_packaged, one_line, prepared_template

log = logging.getLogger(__name__)

LOGO_HEIGHT = Cm(0.8)
_APP_PART = "/docProps/app.xml"
# Frames kept per process: a batch normally uses one.
_KEPT = 8
# Filled headers and footers kept per frame, by source: articles without one share them.
_KEPT_FILLED = 16
Filled = tuple[tuple[str, Member, PartRels], ...]
"""Filled header and footer parts: part name, compressed XML, relationships."""
_frames: dict[tuple[object, ...], Frame] = {}
_lock = threading.Lock()


@dataclass(frozen=True, slots=True)
class _Member:
    """A part's place in the zip: its part name, member name and ``.rels`` member name."""

    partname: str
    name: str
    rels_name: str


class Frame:
    """A template prepared for one organisation and logo; briefings are :meth:`draft` s of it."""

    def __init__(self, template: Template, organisation: str, logo: Path | None,
                 logo_text: str | None = None) -> None:
        self.template = template
        self.organisation = clean_inline(organisation)
        document: DocxDocument = copy.deepcopy(template.document,
                                               {id(template.styles): template.styles})
        self.stories, self.logos = _stories(document, logo, logo_text)
        self.link_style = template.style_id("Hyperlink") or ""
        self._document_part = document.part

        package = document.part.package
        document.core_properties  # noqa: B018 -- python-docx adds the part if there is none
        core = package.part_related_by(RELATIONSHIP_TYPE.CORE_PROPERTIES)
        prepare_properties(core.element)
        self.core_part = str(core.partname)
        parts = list(package.iter_parts())
        self._content_types = compress(_ContentTypesItem.from_parts(parts).blob)
        self._package_rels = compress(package.rels.xml)
        self._members = tuple(_Member(str(p.partname), p.partname.membername,
                                      p.partname.rels_uri.membername) for p in parts)
        self._elements = {str(p.partname): p.element for p in parts if isinstance(p, XmlPart)}
        self._packed = {str(p.partname): compress(p.blob) for p in parts}
        self._rels = {str(p.partname): PartRels.of(p.rels) for p in parts}
        by_name = {str(p.partname): p for p in parts}
        self.document_part = str(document.part.partname)
        self.styles_part = next(name for name, element in self._elements.items()
                                if element is template.styles)
        self.app_part = _APP_PART if _APP_PART in by_name else None
        self.numbering_part, self.list_number = _numbering(document)
        self._filled: dict[tuple[str | None, str, str], Filled] = {}
        self._filled_lock = threading.Lock()

    @cached_property
    def header_style(self) -> str | None:
        """The style id of a header paragraph the briefing adds (None: the default style)."""
        return self._document_part.get_style_id("Header", WD_STYLE_TYPE.PARAGRAPH)

    @cached_property
    def footer_style(self) -> str | None:
        """The style id of a footer paragraph the briefing adds (None: the default style)."""
        return self._document_part.get_style_id("Footer", WD_STYLE_TYPE.PARAGRAPH)

    def draft(self, warn: bool = True) -> Draft:
        """A new briefing to write into; logs (if ``warn``) what is wrong with the template."""
        if warn:
            for warning in self.template.warnings:
                log.warning("%s", warning)
        return Draft(self)

    def filled(self, source: tuple[str | None, str, str]) -> Filled | None:
        """The headers and footers filled for ``source`` (URL, label and page line), if kept."""
        with self._filled_lock:
            return self._filled.get(source)

    def keep_filled(self, source: tuple[str | None, str, str], filled: Filled) -> None:
        """Keep the headers and footers filled for ``source``: the last few sources'."""
        with self._filled_lock:
            while len(self._filled) >= _KEPT_FILLED:
                self._filled.pop(next(iter(self._filled)))
            self._filled[source] = filled

    def pristine(self, partname: str) -> Any:
        """The frame's XML of part ``partname``: to be copied, never changed."""
        return self._elements[partname]

    def relationships(self, partname: str) -> PartRels:
        """The frame's relationships of part ``partname``: to be copied, never changed."""
        return self._rels[partname]


class Draft:
    """One article's briefing: copies of the frame's parts that the article changes."""

    def __init__(self, frame: Frame) -> None:
        self.frame = frame
        self._elements: dict[str, Any] = {}
        self._rels: dict[str, PartRels] = {}
        self._members: dict[str, Member] = {}

    @property
    def body(self) -> Any:
        """The document's ``w:body``: holds only the template's ``w:sectPr`` at first."""
        return self.element(self.frame.document_part).find(qn("w:body"))

    @property
    def links(self) -> PartRels:
        """The document part's relationships, for links in the body."""
        return self.rels(self.frame.document_part)

    def element(self, partname: str) -> Any:
        """This briefing's XML of part ``partname``, copied from the frame on first use."""
        element = self._elements.get(partname)
        if element is None:
            if partname in self._members:
                raise ValueError(f"{partname} was replaced in this briefing: it has no XML")
            element = self._elements[partname] = copy.deepcopy(self.frame.pristine(partname))
        return element

    def rels(self, partname: str) -> PartRels:
        """This briefing's relationships of part ``partname``, copied on first use."""
        rels = self._rels.get(partname)
        if rels is None:
            rels = self._rels[partname] = self.frame.relationships(partname).copy()
        return rels

    def replace(self, partname: str, data: bytes | Member, rels: PartRels | None = None) -> None:
        """Give part ``partname`` these bytes (or this compressed member), and ``rels``."""
        self._elements.pop(partname, None)
        self._members[partname] = data if isinstance(data, Member) else compress(data)
        if rels is not None:
            self._rels[partname] = rels.copy()

    def packed(self, partname: str) -> Member:
        """Part ``partname`` as it stands in this briefing, compressed."""
        element = self._elements.get(partname)
        if element is not None:
            return compress(serialize_part_xml(element))
        return self._members.get(partname) or self.frame._packed[partname]

    def save(self) -> bytes:
        """The briefing as .docx bytes, the same for the same input."""
        frame = self.frame
        entries = [(CONTENT_TYPES_URI.membername, frame._content_types),
                   (PACKAGE_URI.rels_uri.membername, frame._package_rels)]
        for member in frame._members:
            entries.append((member.name, self.packed(member.partname)))
            rels = self._rels.get(member.partname) or frame._rels[member.partname]
            rels_member = rels.member()
            if rels_member is not None:
                entries.append((member.rels_name, rels_member))
        return write_zip(iter(entries))


def prepared_frame(options: Options) -> Frame:
    """The frame for the options' template, organisation and logo, prepared once per process."""
    template = prepared_template(options)
    logo = getattr(options, "docx_logo", None)  # a configuration may name a logo image
    logo = Path(logo) if logo else None
    text = getattr(options, "docx_logo_text", None)
    key = (template.key, options.organisation, _logo_key(logo), text)
    with _lock:
        frame = _frames.get(key)
    if frame is None or frame.template is not template:
        if logo is not None:
            check_logo(logo)
        frame = _new_frame(template, options.organisation, logo, text)
        with _lock:
            while len(_frames) >= _KEPT:
                _frames.pop(next(iter(_frames)))
            _frames[key] = frame
    return frame


def _new_frame(template: Template, organisation: str, logo: Path | None,
               text: str | None) -> Frame:
    """A new frame; a user's template python-docx cannot lay out is a :class:`UsageError`."""
    try:
        return Frame(template, organisation, logo, text)
    except ExporterError:
        raise
    except TemplateError as error:
        raise UsageError(f"{template.key[0]}: not a usable .docx template ({error})") from None
    except Exception as error:  # python-docx on headers or sections it does not expect
        path = template.key[0]
        if is_packaged(Path(path)):
            raise  # the packaged template is tested: this is a bug
        log.debug("template %s", path, exc_info=True)
        raise UsageError(f"{path}: not a usable .docx template "
                         f"({type(error).__name__}: {one_line(str(error))})") from None


def _logo_key(logo: Path | None) -> tuple[str, int, int] | None:
    if logo is None:
        return None
    try:
        status = logo.stat()
    except OSError as error:
        raise UsageError(f"{logo}: cannot use as a logo ({error})") from None
    return (os.path.abspath(logo), status.st_mtime_ns, status.st_size)


def _stories(document: DocxDocument, logo: Path | None, text: str | None
             ) -> tuple[tuple[Story, ...], dict[str, Logo]]:
    """The headers and footers to fill, in python-docx's order, and the logo of each header.

    Makes the header and footer the template lacks, and relates the logo from the header.
    A picture of the template's own headers and footers without a description gets one
    (``text``, else its file name's words), as the logo does: Word's accessibility
    checker asks every picture for one.
    """
    stories: list[Story] = []
    logos: dict[str, Logo] = {}

    def plan(role: str, part: Any) -> None:
        partname = str(part.partname)
        if not isinstance(part.element, CT_HdrFtr):
            raise TemplateError(f"{partname} is not a header or footer")
        seen = any(story.partname == partname for story in stories)
        stories.append(plan_story(role, partname, part.element, seen))
        if not seen:
            _describe_pictures(part.element, text)

    for section in document.sections:
        for variant in (section.first_page_header, section.first_page_footer,
                        section.even_page_header, section.even_page_footer):
            if not variant.is_linked_to_previous:
                plan("variant", variant.part)
        header = section.header.part
        plan("header", header)
        if logo is not None:
            try:
                rel_id, image = header.get_or_add_image(str(logo))
            except (OSError, UnrecognizedImageError, InvalidImageStreamError,
                    UnexpectedEndOfFileError) as error:
                raise UsageError(f"{logo}: cannot use as a logo "
                                 f"({str(error) or 'not an image python-docx can read'})"
                                 ) from None
            width, height = image.scaled_dimensions(None, LOGO_HEIGHT)
            logos[str(header.partname)] = Logo(rel_id, image.filename, width, height,
                                               logo_text(logo, text))
        plan("footer", section.footer.part)
    return tuple(stories), logos


def _describe_pictures(element: Any, text: str | None) -> None:
    """A description on every picture in ``element`` that has none (a template's own logo)."""
    for inline in element.xpath(".//wp:inline | .//wp:anchor"):
        described = inline.xpath("./wp:docPr[normalize-space(@descr)]")
        if described:
            continue
        names = inline.xpath(".//pic:cNvPr/@name") or inline.xpath("./wp:docPr/@name")
        alt = logo_text(Path(str(names[0]) if names else "logo"), text)
        for properties in inline.xpath("./wp:docPr | .//pic:cNvPr"):
            properties.set("descr", alt)


def _numbering(document: DocxDocument) -> tuple[str | None, int | None]:
    """The numbering part (None without one) and the List Number style's list id."""
    if not any(rel.reltype == RELATIONSHIP_TYPE.NUMBERING
               for rel in document.part.rels.values()):
        return None, None
    numbering = document.part.numbering_part
    style = document.styles["List Number"].element
    num_id = style.find(f"{qn('w:pPr')}/{qn('w:numPr')}/{qn('w:numId')}")
    if num_id is None:
        return str(numbering.partname), None
    number = int(num_id.get(qn("w:val")))
    lists = [n for n in numbering.element.iterchildren(qn("w:num"))
             if n.get(qn("w:numId")) == str(number)]
    abstract = lists[0].find(qn("w:abstractNumId")) if lists else None
    if abstract is None or abstract.get(qn("w:val")) is None:
        log.warning("the DOCX template's List Number style names list %d, which its numbering "
                    "does not define: numbered lists are written without numbers", number)
        return str(numbering.partname), None
    return str(numbering.partname), number
