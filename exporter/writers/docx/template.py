"""The reference document: open it, empty its body, make sure the styles exist, fill its
header and footer.

A template is opened and prepared once per process (:func:`prepared_template`); each
briefing is written into a copy that shares the template's styles, which never change
after preparation: the article's language goes into the saved ``styles.xml`` instead.

Like pandoc's ``reference.docx``, the template gives the briefing its styles, page
size, margins, header and footer; its body is thrown away. A template made in Word
often lacks styles it never used (Word keeps built-in styles latent): those are
copied from the packaged template so the briefing can always use Word's built-in
names.
"""

from __future__ import annotations

import copy
import logging
import re
import threading
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import docx
from docx.document import Document as DocxDocument
from docx.image.exceptions import UnrecognizedImageError
from docx.opc.constants import RELATIONSHIP_TYPE
from docx.opc.exceptions import PackageNotFoundError
from docx.opc.oxml import serialize_part_xml
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm
from docx.text.paragraph import Paragraph

from ...config import Options
from ...errors import UsageError
from ...resources import packaged_templates, template_path
from ...textclean import clean_inline
from .ooxml import add_field, add_hyperlink, is_rtl, mark_rtl
from .package import Member, compress, members, write_zip

log = logging.getLogger(__name__)

TEMPLATE_NAME = "briefing.docx"
REQUIRED_STYLES = (
    "Title", "Subtitle", "Heading 1", "Heading 2", "Heading 3", "Heading 4", "List Bullet",
    "List Number", "Quote", "Header", "Footer", "Briefing Meta", "Quote Speaker", "Hyperlink",
)
LOGO_HEIGHT = Cm(0.8)
_DOCUMENT_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
_PLACEHOLDER = re.compile(r"\{(organisation|page|pages|source)\}")
# Prepared templates kept per process (a batch normally uses one).
_KEPT = 8
_prepared: dict[tuple[str, int, int], Template] = {}
_lock = threading.Lock()


@dataclass
class Template:
    """A prepared reference document; briefings are written into copies of ``document``."""

    document: DocxDocument
    styles: Any
    """The shared ``w:styles`` element: read, never changed, by the copies."""
    warnings: tuple[str, ...] = ()
    """What is wrong with the template: logged again for each briefing made from it."""
    _packed: dict[bytes, Member] = field(default_factory=dict)
    _styles_xml: dict[str, bytes] = field(default_factory=dict)
    _style_ids: dict[str, str | None] = field(default_factory=dict)

    def __post_init__(self) -> None:
        for _, data in members(self.document.part.package, lambda part: part.blob):
            self._packed[data] = compress(data)

    def style_id(self, name: str) -> str | None:
        """The id of the style called ``name`` (python-docx's lookup is slow), None if absent."""
        if name not in self._style_ids:
            try:
                self._style_ids[name] = str(self.document.styles[name].style_id)
            except KeyError:
                self._style_ids[name] = None
        return self._style_ids[name]

    def copy(self) -> DocxDocument:
        """A copy of the prepared document to write one briefing into."""
        for warning in self.warnings:
            log.warning("%s", warning)
        return copy.deepcopy(self.document, {id(self.styles): self.styles})

    def save(self, document: DocxDocument, language: str) -> bytes:
        """``document`` (a :meth:`copy`) as .docx bytes, its styles set to ``language``."""

        def blob(part: Any) -> bytes:
            if getattr(part, "_element", None) is self.styles:
                return self._styles_for(language)
            return bytes(part.blob)

        return write_zip((name, self._packed.get(data) or compress(data))
                         for name, data in members(document.part.package, blob))

    def _styles_for(self, language: str) -> bytes:
        data = self._styles_xml.get(language)
        if data is None:
            styles = copy.deepcopy(self.styles)
            _set_language(styles, language)
            data = serialize_part_xml(styles)
            self._packed[data] = compress(data)
            self._styles_xml[language] = data
        return data


def prepared_template(options: Options) -> Template:
    """The reference document named by the options, prepared once per process."""
    path = template_path(TEMPLATE_NAME, options.template_dir, options.docx_template)
    try:
        status = path.stat()
    except OSError as error:
        raise UsageError(f"{path}: not a usable .docx template ({error})") from None
    key = (str(path.resolve()), status.st_mtime_ns, status.st_size)
    with _lock:
        template = _prepared.get(key)
    if template is None:
        document, warnings = open_template(path)
        template = Template(document, document.styles.element, warnings)
        with _lock:
            while len(_prepared) >= _KEPT:
                _prepared.pop(next(iter(_prepared)))
            _prepared[key] = template
    return template


def open_template(path: Path) -> tuple[DocxDocument, tuple[str, ...]]:
    """The reference document at ``path``, its body emptied, its styles complete.

    Also the warnings about the template, which every briefing made from it repeats.
    """
    try:
        document = docx.Document(str(path))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError, OSError) as error:
        raise UsageError(f"{path}: not a usable .docx template ({error or 'unreadable'})") from None
    if not document.part.content_type.startswith(_DOCUMENT_TYPE):
        raise UsageError(f"{path}: not a .docx template")
    body = document.element.body
    for child in list(body):
        if child.tag != qn("w:sectPr"):
            body.remove(child)
    return document, tuple(_complete_styles(document))


def _style_ids(document: DocxDocument) -> dict[str, Any]:
    return {s.get(qn("w:styleId")): s for s in document.styles.element.findall(qn("w:style"))}


def _complete_styles(document: DocxDocument) -> list[str]:
    """Copy styles the template lacks (and the styles they are based on) from the default."""
    names = {style.name for style in document.styles}
    missing = [name for name in REQUIRED_STYLES if name not in names]
    warnings: list[str] = []
    if not missing:
        return warnings
    default = docx.Document(str(packaged_templates() / TEMPLATE_NAME))
    default_ids = _style_ids(default)
    numbered = has_numbering(document)
    for name in missing:
        element = default.styles[name].element
        chain = [element]
        based = element.find(qn("w:basedOn"))
        while based is not None and based.get(qn("w:val")) not in _style_ids(document):
            parent = default_ids.get(based.get(qn("w:val")))
            if parent is None:
                break
            chain.append(parent)
            based = parent.find(qn("w:basedOn"))
        for style in reversed(chain):
            if style.get(qn("w:styleId")) in _style_ids(document):
                continue
            clone = copy.deepcopy(style)
            numbering = clone.find(f"{qn('w:pPr')}/{qn('w:numPr')}")
            num_id = numbering.find(qn("w:numId")) if numbering is not None else None
            if num_id is not None and numbered:
                # The template's own lists are numbered differently: bring the definition.
                num_id.set(qn("w:val"), str(_copy_list(default, document,
                                                       int(num_id.get(qn("w:val"))))))
            elif numbering is not None:
                numbering.getparent().remove(numbering)
                warnings.append(f"the DOCX template has no numbering: style {name!r} is used "
                                "without bullets or numbers")
            document.styles.element.append(clone)
    return warnings


def _copy_list(source: DocxDocument, target: DocxDocument, num_id: int) -> int:
    """Copy list ``num_id`` (its w:num and w:abstractNum) from ``source``; the new numId."""
    source_numbering = source.part.numbering_part.element
    target_numbering = target.part.numbering_part.element
    num = source_numbering.num_having_numId(num_id)
    abstract_id = num.find(qn("w:abstractNumId")).get(qn("w:val"))
    abstract = next(a for a in source_numbering.findall(qn("w:abstractNum"))
                    if a.get(qn("w:abstractNumId")) == abstract_id)
    existing = target_numbering.findall(qn("w:abstractNum"))
    new_abstract_id = 1 + max((int(a.get(qn("w:abstractNumId"))) for a in existing), default=-1)
    clone = copy.deepcopy(abstract)
    clone.set(qn("w:abstractNumId"), str(new_abstract_id))
    for unique in clone.findall(qn("w:nsid")):  # Word merges lists that share an nsid
        clone.remove(unique)
    if existing:
        existing[-1].addnext(clone)
    else:
        target_numbering.insert(0, clone)
    return int(target_numbering.add_num(new_abstract_id).numId)


def has_numbering(document: DocxDocument) -> bool:
    """Whether the document has list definitions (python-docx cannot create them)."""
    return any(rel.reltype == RELATIONSHIP_TYPE.NUMBERING for rel in document.part.rels.values())


@dataclass(frozen=True)
class _Values:
    """What the header and footer placeholders stand for."""

    organisation: str
    source_url: str | None
    source_label: str
    link_style: str


def fill_header_and_footer(
    document: DocxDocument,
    organisation: str,
    source_url: str | None,
    source_label: str,
    logo: Path | None = None,
) -> None:
    """Put the organisation in the header and page numbers and the source in the footer.

    The template's ``{organisation}``, ``{page}``, ``{pages}`` and ``{source}``
    placeholders are replaced where they are, keeping their formatting; a template
    without them gets the organisation and "Page X of Y" plus the source appended.
    A ``logo`` (from the configuration) goes in front of the organisation's name; a
    logo the template's header already holds stays where it is.
    """
    values = _Values(clean_inline(organisation), source_url, source_label,
                     str(document.styles["Hyperlink"].style_id))
    for section in document.sections:
        # First-page and even-page variants only get their placeholders filled.
        for variant in (section.first_page_header, section.first_page_footer,
                        section.even_page_header, section.even_page_footer):
            if not variant.is_linked_to_previous:
                _fill(variant.paragraphs, values)
        header, footer = section.header, section.footer
        named = _fill(header.paragraphs, values)
        if not named:
            paragraph = header.add_paragraph(style="Header")
            paragraph.add_run(values.organisation)
            _direction(paragraph, values.organisation)
            named = [paragraph]
        if logo is not None:
            for paragraph in named:
                _add_logo(paragraph, logo)
        if not _fill(footer.paragraphs, values):
            pages = footer.add_paragraph(style="Footer")
            _rebuild(pages, "Page {page} of {pages}", values)
            if source_url or source_label:
                _rebuild(footer.add_paragraph(style="Footer"), "{source}", values)


def _fill(paragraphs: list[Paragraph], values: _Values) -> list[Paragraph]:
    """Replace placeholders in ``paragraphs``; the paragraphs that had any."""
    filled: list[Paragraph] = []
    for paragraph in paragraphs:
        if not _PLACEHOLDER.search(paragraph.text):
            continue
        if paragraph.text.strip() == "{source}" and not (values.source_url or values.source_label):
            container = paragraph._p.getparent()
            if len(container.findall(qn("w:p"))) > 1:  # a part must keep one paragraph
                container.remove(paragraph._p)
                filled.append(paragraph)
                continue
        _rebuild(paragraph, paragraph.text, values)
        filled.append(paragraph)
    return filled


def _add_logo(paragraph: Paragraph, logo: Path) -> None:
    """Put the image ``logo`` at the start of ``paragraph``, a line high."""
    run = paragraph.add_run()
    try:
        run.add_picture(str(logo), height=LOGO_HEIGHT)
    except (OSError, UnrecognizedImageError) as error:
        run._r.getparent().remove(run._r)
        raise UsageError(f"{logo}: cannot use as a logo ({error or 'unknown image format'})"
                         ) from None
    gap = paragraph.add_run("\u2002")  # an en space between logo and name
    properties = paragraph._p.pPr
    position = 1 if properties is not None else 0
    paragraph._p.insert(position, gap._r)
    paragraph._p.insert(position, run._r)


def _rebuild(paragraph: Paragraph, pattern: str, values: _Values) -> None:
    """Rewrite ``paragraph`` from ``pattern``: literal text, fields and the source link."""
    text_runs = [r for r in paragraph._p.iter(qn("w:r")) if r.find(qn("w:t")) is not None]
    run_properties = text_runs[0].find(qn("w:rPr")) if text_runs else None
    if run_properties is not None:
        run_properties = copy.deepcopy(run_properties)
    for child in list(paragraph._p):
        # A logo (a run holding a drawing or picture) stays where the template put it.
        if child.tag == qn("w:pPr") or _is_graphic(child):
            continue
        paragraph._p.remove(child)
    position = 0
    for match in _PLACEHOLDER.finditer(pattern):
        _literal(paragraph, pattern[position : match.start()], run_properties)
        name = match.group(1)
        if name == "organisation":
            _literal(paragraph, values.organisation, run_properties)
        elif name in ("page", "pages"):
            add_field(paragraph, "PAGE" if name == "page" else "NUMPAGES")
        elif values.source_url:
            add_hyperlink(paragraph, values.source_label or values.source_url,
                          url=values.source_url, style=values.link_style)
        else:
            _literal(paragraph, values.source_label, run_properties)
        position = match.end()
    _literal(paragraph, pattern[position:], run_properties)
    _direction(paragraph, paragraph.text)


def _is_graphic(element: Any) -> bool:
    return next(element.iter(qn("w:drawing"), qn("w:pict"), qn("w:object")), None) is not None


def _literal(paragraph: Paragraph, text: str, run_properties: Any) -> None:
    if not text:
        return
    run = paragraph.add_run(text)
    if run_properties is not None:
        run._r.insert(0, copy.deepcopy(run_properties))


def _direction(paragraph: Paragraph, text: str) -> None:
    if is_rtl(text):
        mark_rtl(paragraph)


def _set_language(styles: Any, code: str) -> None:
    """The article's language on the document defaults, for spelling and hyphenation."""
    defaults = styles.find(qn("w:docDefaults"))
    if defaults is None:
        return
    run_defaults = defaults.find(qn("w:rPrDefault"))
    if run_defaults is None:
        run_defaults = OxmlElement("w:rPrDefault")
        defaults.insert(0, run_defaults)
    properties: Any = run_defaults.find(qn("w:rPr"))
    if properties is None:
        properties = OxmlElement("w:rPr")
        run_defaults.append(properties)
    language = properties.find(qn("w:lang"))
    if language is None:
        language = OxmlElement("w:lang")
        following = [properties.find(qn(t)) for t in
                     ("w:eastAsianLayout", "w:specVanish", "w:oMath")]
        anchor = next((f for f in following if f is not None), None)
        if anchor is not None:
            anchor.addprevious(language)
        else:
            properties.append(language)
    language.set(qn("w:val"), code)
    if is_rtl("", code):
        language.set(qn("w:bidi"), code)
