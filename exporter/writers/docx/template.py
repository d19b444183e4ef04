"""The reference document: open it, empty its body, make sure the styles exist.

A template is opened once, when the writer prepares it (:mod:`.prepared`); the
briefings made from it share its styles, which never change after that: the
article's language goes into the saved ``styles.xml`` instead (:func:`styles_xml`).

Like pandoc's ``reference.docx``, the template gives the briefing its styles, page
size, margins, header and footer; its body is thrown away. A template made in Word
often lacks styles it never used (Word keeps built-in styles latent): those are
copied from the packaged template so the briefing can always use Word's built-in
names.

A user's template is read within size limits and made self-contained first
(:mod:`.sanitise`): what it would fetch when a briefing is opened (an attached
template, linked images, OLE links…) is removed, once, with one notice, and the
cleaned package is what is prepared and kept.
"""

from __future__ import annotations

import copy
import io
import logging
import os
import zipfile
from pathlib import Path
from typing import Any

import docx
from docx.document import Document as DocxDocument
from docx.opc.constants import RELATIONSHIP_TYPE
from docx.opc.exceptions import PackageNotFoundError
from docx.opc.oxml import serialize_part_xml
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from lxml.etree import XMLSyntaxError

from ...config import Options
from ...errors import UsageError
from ...language_table import EAST_ASIAN
from ...resources import packaged_templates, template_path
from ...textfit import cut_to_fit
from .ooxml import is_rtl
from .sanitise import TemplateError, read_package, repack, self_contained

log = logging.getLogger(__name__)

TEMPLATE_NAME = "briefing.docx"
REQUIRED_STYLES = (
    "Title", "Subtitle", "Heading 1", "Heading 2", "Heading 3", "Heading 4", "List Bullet",
    "List Number", "Quote", "Header", "Footer", "Briefing Meta", "Quote Speaker", "Hyperlink",
)
_DOCUMENT_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
STYLE_NAMES = (*REQUIRED_STYLES, "Normal", *(f"Heading {level}" for level in range(5, 10)))
"""Every style a briefing may name: their ids are looked up once, when it is prepared."""


def template_file(options: Options) -> Path:
    """The reference document the options name: the user's, else the packaged one."""
    return template_path(TEMPLATE_NAME, options.template_dir, options.docx_template)


def styles_xml(styles: Any, language: str) -> bytes:
    """``styles.xml`` from the template's ``w:styles`` with ``language`` as the document's
    language; ``styles`` itself is left as it was."""
    styles = copy.deepcopy(styles)
    _set_language(styles, language)
    return bytes(serialize_part_xml(styles))


def open_template(path: Path) -> tuple[DocxDocument, tuple[str, ...]]:
    """The reference document at ``path``, self-contained, its body emptied, its styles complete.

    Also the warnings about the template, which every briefing made from it repeats.
    What was removed for the package to be self-contained is told here, once.
    """
    try:
        members, dropped = self_contained(read_package(path))
    except TemplateError as error:
        raise UsageError(f"{path}: not a usable .docx template ({error})") from None
    if dropped:
        log.warning("%s: removed from the template what would fetch files from elsewhere "
                    "each time a briefing is opened: %s", path, dropped)
    try:
        document = docx.Document(io.BytesIO(repack(members)))
        if not document.part.content_type.startswith(_DOCUMENT_TYPE):
            raise UsageError(f"{path}: not a .docx template")
        body = document.element.body
        for child in list(body):
            if child.tag != qn("w:sectPr"):
                body.remove(child)
        return document, tuple(_complete_styles(document))
    except UsageError:
        raise
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError, OSError,
            XMLSyntaxError) as error:
        raise UsageError(f"{path}: not a usable .docx template "
                         f"({one_line(str(error)) or 'unreadable'})") from None
    except Exception as error:  # python-docx on a package it does not expect
        if is_packaged(path):
            raise  # the packaged template is tested: this is a bug
        log.debug("template %s", path, exc_info=True)
        raise UsageError(f"{path}: not a usable .docx template "
                         f"({type(error).__name__}: {one_line(str(error))})") from None


def one_line(text: str) -> str:
    """``text`` on one line, at most 200 characters long."""
    text = " ".join(text.split())
    return cut_to_fit(text, lambda shown: len(shown) <= 200, at_word=False, trailing="")


def is_packaged(path: Path) -> bool:
    """Whether ``path`` is one of the templates this package ships."""
    return os.path.abspath(path).startswith(os.path.abspath(packaged_templates()) + os.sep)


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
    # w:eastAsia tags Chinese, Japanese and Korean characters, w:bidi right-to-left
    # ones: the article's language where it is one of those, else the template's own
    # choice only if it names such a language (Word's "en-US" for East Asian text is none).
    for attribute, fits in ((qn("w:eastAsia"), _east_asian), (qn("w:bidi"), _right_to_left)):
        if fits(code):
            language.set(attribute, code)
        elif not fits(language.get(attribute) or ""):
            language.attrib.pop(attribute, None)


def _east_asian(code: str) -> bool:
    return code.split("-")[0].lower() in EAST_ASIAN


def _right_to_left(code: str) -> bool:
    return bool(code) and is_rtl("", code)
