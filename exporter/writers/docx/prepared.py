"""The template every briefing of a batch is written into, prepared once.

:func:`prepare` opens the reference document (:mod:`.template`), lets python-docx
make the header and footer it lacks, relate the logo and add the core properties,
and then keeps, in one frozen :class:`PreparedTemplate`, everything the briefings
share: each part's XML (to be copied, never changed), each part's bytes compressed
(theme, fonts, settings…), the relationships, ``[Content_Types].xml``, the ids of
the styles a briefing names, and which headers and footers hold placeholders.
After that no briefing touches python-docx's object graph: a :class:`.draft.Draft`
(:func:`.draft.new_draft`) copies only the XML parts its article changes.

The :class:`~exporter.writers.docx.DocxWriter` holds the prepared template for the
options it was last given (:class:`TemplateSource` says when they name other files,
or the files changed); there is no cache in this module.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
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
from docx.opc.part import XmlPart
from docx.oxml.ns import qn
from docx.oxml.section import CT_HdrFtr
from docx.shared import Cm

from ...config import Options
from ...errors import ExporterError, UsageError
from .logo import check_logo, logo_text
from .package import Member, PartRels, compress, content_types
from .properties import prepare_properties
from .sanitise import TemplateError
from .stories import Logo, Story, plan_story
from .template import STYLE_NAMES, is_packaged, one_line, open_template, styles_xml, template_file

log = logging.getLogger(__name__)

LOGO_HEIGHT = Cm(0.8)
_APP_PART = "/docProps/app.xml"
# Languages and sources whose styles and headers a prepared template remembers: a batch
# has few languages; articles without a source (or sharing one) share their headers.
_KEPT = 16
FileStamp = tuple[str, int, int]
"""A file as it was read: absolute path, modification time (ns) and size."""
FilledKey = tuple[str, str | None, str, str]
"""Organisation, source URL, source label and page line of filled headers and footers."""
Filled = tuple[tuple[str, Member, PartRels], ...]
"""Filled header and footer parts: part name, compressed XML, relationships."""


@dataclass(frozen=True, slots=True)
class TemplateSource:
    """The files a template is prepared from, as they are now: other files, or the same
    files changed, make another prepared template."""

    path: Path
    """The reference document, as the options name it (error messages say it so)."""
    template: FileStamp
    logo: FileStamp | None
    logo_text: str | None
    """The logo's configured description (``docx_logo_text``)."""


@dataclass(frozen=True, slots=True)
class Refused:
    """Why the files of ``source`` cannot make a briefing: said again, without reading
    them again, for each article of a batch."""

    source: TemplateSource
    message: str


@dataclass(frozen=True, slots=True)
class PartPlace:
    """A part's place in the zip: its part name, member name and ``.rels`` member name."""

    partname: str
    name: str
    rels_name: str


@dataclass(frozen=True)
class PreparedTemplate:
    """A reference document prepared for briefings; each briefing is a :meth:`draft` of it.

    Every field is read, never changed, by the briefings, so threads share it freely.
    Two memos are kept beside them, each value a function of its key alone: the
    compressed ``styles.xml`` per language and the filled headers and footers per
    source. They take no lock: a race computes the same bytes twice, and a full memo
    is emptied rather than trimmed.
    """

    source: TemplateSource
    warnings: tuple[str, ...]
    """What is wrong with the template: logged again for each briefing made from it."""
    stories: tuple[Story, ...]
    """The headers and footers to fill, in python-docx's order."""
    logos: Mapping[str, Logo]
    """The configured logo, by the header part that relates it."""
    style_ids: Mapping[str, str | None]
    """The id of each style in :data:`.template.STYLE_NAMES` (None: the template lacks it)."""
    header_style: str | None
    """The style id of a header paragraph the briefing adds (None: the default style)."""
    footer_style: str | None
    """The style id of a footer paragraph the briefing adds (None: the default style)."""
    styles: Any
    """The template's ``w:styles``: the article's language goes into a copy."""
    document_part: str
    styles_part: str
    core_part: str
    app_part: str | None
    numbering_part: str | None
    list_number: int | None
    """The List Number style's list id, None when numbered lists get no numbers."""
    places: tuple[PartPlace, ...]
    """Every part, in python-docx's order."""
    content_types: Member
    part_types: tuple[tuple[str, str], ...]
    """Each part's name and content type: ``[Content_Types].xml`` again when a briefing
    adds parts of its own (pictures)."""
    package_rels: Member
    elements: Mapping[str, Any]
    """Each XML part's element: to be copied, never changed."""
    packed: Mapping[str, Member]
    """Each part's bytes, compressed."""
    rels: Mapping[str, PartRels]
    """Each part's relationships: to be copied, never changed."""
    _styles_by_language: dict[str, Member] = field(default_factory=dict, init=False,
                                                   repr=False, compare=False)
    _filled: dict[FilledKey, Filled] = field(default_factory=dict, init=False, repr=False,
                                             compare=False)

    @property
    def link_style(self) -> str:
        """The style id of a link ("" when the template has no Hyperlink style)."""
        return self.style_ids.get("Hyperlink") or ""

    def style_id(self, name: str) -> str | None:
        """The id of the style called ``name``, None if the template lacks it."""
        try:
            return self.style_ids[name]
        except KeyError:
            raise KeyError(f"style {name!r} is not one a briefing names "
                           "(add it to STYLE_NAMES)") from None

    def styles_member(self, language: str) -> Member:
        """``styles.xml`` with ``language`` as the document's language, compressed."""
        member = self._styles_by_language.get(language)
        if member is None:
            member = compress(styles_xml(self.styles, language))
            _remember(self._styles_by_language, language, member)
        return member

    def filled(self, key: FilledKey, fill: Callable[[], Filled]) -> Filled:
        """The headers and footers filled for ``key``, made by ``fill`` if not at hand."""
        filled = self._filled.get(key)
        if filled is None:
            filled = fill()
            _remember(self._filled, key, filled)
        return filled


def _remember(memo: dict[Any, Any], key: Any, value: Any) -> None:
    if len(memo) >= _KEPT:
        memo.clear()  # one call: safe while other threads read and add
    memo[key] = value


def source_of(options: Options) -> TemplateSource:
    """The template and logo the options name, as they are on disk now."""
    logo = getattr(options, "docx_logo", None)  # a configuration may name a logo image
    logo_path = Path(logo) if logo else None
    path = template_file(options)
    stamp = _stamp(path, lambda error: f"{path}: not a usable .docx template ({error})")
    logo_stamp = None
    if logo_path is not None:
        logo_stamp = _stamp(logo_path, lambda error: f"{logo_path}: cannot use as a logo "
                                                     f"({error.strerror or error})")
    return TemplateSource(path, stamp, logo_stamp, getattr(options, "docx_logo_text", None))


def _stamp(path: Path, refuse: Callable[[OSError], str]) -> FileStamp:
    try:
        status = path.stat()
    except OSError as error:
        raise UsageError(refuse(error)) from None
    return (os.path.abspath(path), status.st_mtime_ns, status.st_size)


def prepare(source: TemplateSource) -> PreparedTemplate:
    """The template of ``source`` prepared for briefings; a :class:`UsageError` naming the
    file when the logo or the template cannot be used."""
    logo = Path(source.logo[0]) if source.logo is not None else None
    if logo is not None:
        check_logo(logo)
    document, warnings = open_template(source.path)
    try:
        return _prepared(source, document, warnings, logo)
    except ExporterError:
        raise
    except TemplateError as error:
        raise UsageError(f"{source.template[0]}: not a usable .docx template ({error})"
                         ) from None
    except Exception as error:  # python-docx on headers or sections it does not expect
        if is_packaged(source.path):
            raise  # the packaged template is tested: this is a bug
        log.debug("template %s", source.path, exc_info=True)
        raise UsageError(f"{source.template[0]}: not a usable .docx template "
                         f"({type(error).__name__}: {one_line(str(error))})") from None


def _prepared(source: TemplateSource, document: DocxDocument, warnings: tuple[str, ...],
              logo: Path | None) -> PreparedTemplate:
    stories, logos = _stories(document, logo, source.logo_text)
    style_ids = {name: _style_id(document, name) for name in STYLE_NAMES}
    package = document.part.package
    document.core_properties  # noqa: B018 -- python-docx adds the part if there is none
    core = package.part_related_by(RELATIONSHIP_TYPE.CORE_PROPERTIES)
    prepare_properties(core.element)
    parts = list(package.iter_parts())
    elements = {str(p.partname): p.element for p in parts if isinstance(p, XmlPart)}
    styles = document.styles.element
    numbering_part, list_number = _numbering(document)
    names = {str(p.partname) for p in parts}
    return PreparedTemplate(
        source=source,
        warnings=warnings,
        stories=stories,
        logos=logos,
        style_ids=style_ids,
        header_style=document.part.get_style_id("Header", WD_STYLE_TYPE.PARAGRAPH),
        footer_style=document.part.get_style_id("Footer", WD_STYLE_TYPE.PARAGRAPH),
        styles=styles,
        document_part=str(document.part.partname),
        styles_part=next(name for name, element in elements.items() if element is styles),
        core_part=str(core.partname),
        app_part=_APP_PART if _APP_PART in names else None,
        numbering_part=numbering_part,
        list_number=list_number,
        places=tuple(PartPlace(str(p.partname), p.partname.membername,
                               p.partname.rels_uri.membername) for p in parts),
        content_types=compress(content_types((str(p.partname), p.content_type)
                                             for p in parts)),
        part_types=tuple((str(p.partname), p.content_type) for p in parts),
        package_rels=compress(package.rels.xml),
        elements=elements,
        packed={str(p.partname): compress(p.blob) for p in parts},
        rels={str(p.partname): PartRels.of(p.rels) for p in parts},
    )


def _style_id(document: DocxDocument, name: str) -> str | None:
    try:
        return str(document.styles[name].style_id)
    except KeyError:
        return None


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
