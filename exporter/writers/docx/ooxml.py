"""The WordprocessingML python-docx has no API for: links, bookmarks, fields, right-to-left.

Every function takes text that has already been cleaned and puts it in ``w:t``
elements, so article text is only ever character data, never markup.
"""

from __future__ import annotations

import re
from typing import Any

from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from lxml.etree import SubElement

from ...direction import is_rtl as is_rtl  # the writers' one rule, re-exported for this package

# OOXML allows 40 characters; Word refuses names that do not start with a letter.
BOOKMARK_MAX = 40
_MODEL_ANCHOR = re.compile(r"s[0-9]{1,18}-[0-9]{1,18}")  # Sentence.anchor, at most 38 long
# The order ECMA-376 prescribes for the children of w:pPr.
_PPR_ORDER = (
    "w:pStyle", "w:keepNext", "w:keepLines", "w:pageBreakBefore", "w:framePr",
    "w:widowControl", "w:numPr", "w:suppressLineNumbers", "w:pBdr", "w:shd", "w:tabs",
    "w:suppressAutoHyphens", "w:kinsoku", "w:wordWrap", "w:overflowPunct", "w:topLinePunct",
    "w:autoSpaceDE", "w:autoSpaceDN", "w:bidi", "w:adjustRightInd", "w:snapToGrid",
    "w:spacing", "w:ind", "w:contextualSpacing", "w:mirrorIndents", "w:suppressOverlap",
    "w:jc", "w:textDirection", "w:textAlignment", "w:textboxTightWrap", "w:outlineLvl",
    "w:divId", "w:cnfStyle", "w:rPr", "w:sectPr", "w:pPrChange",
)
W_P, W_R, W_T, W_BR = qn("w:p"), qn("w:r"), qn("w:t"), qn("w:br")
W_PPR, W_RPR, W_PSTYLE, W_VAL = qn("w:pPr"), qn("w:rPr"), qn("w:pStyle"), qn("w:val")
W_BIDI, W_RTL, W_B = qn("w:bidi"), qn("w:rtl"), qn("w:b")
_PRESERVE = {qn("xml:space"): "preserve"}
_BOOKMARK_START, _BOOKMARK_END = qn("w:bookmarkStart"), qn("w:bookmarkEnd")
_HYPERLINK, _ANCHOR, _HISTORY = qn("w:hyperlink"), qn("w:anchor"), qn("w:history")
_ID, _NAME = qn("w:id"), qn("w:name")
_REL_ID, W_RSTYLE = qn("r:id"), qn("w:rStyle")
_FIELD_CHAR, _FIELD_CHAR_TYPE = qn("w:fldChar"), qn("w:fldCharType")
_INSTRUCTION = qn("w:instrText")


def bookmark_name(anchor: str) -> str:
    """A valid bookmark name from a model anchor (``s3-1`` -> ``s3_1``)."""
    if _MODEL_ANCHOR.fullmatch(anchor):
        return anchor.replace("-", "_")  # the model's own shape: valid once the dash goes
    name = "".join(c if c.isascii() and (c.isalnum() or c == "_") else "_" for c in anchor)
    if not name[:1].isalpha():
        name = "b" + name
    return name[:BOOKMARK_MAX]


def add_hyperlink(
    paragraph: Any,
    text: str,
    *,
    rel_id: str | None = None,
    anchor: str | None = None,
    style: str | None = "Hyperlink",
    rtl: bool = False,
) -> None:
    """Append to ``paragraph`` a link: external by relationship ``rel_id``, or to bookmark
    ``anchor``. External links are related by :meth:`PartRels.link`, which takes only http(s).
    """
    attributes: dict[str, str] = {}
    if rel_id is not None:
        attributes[_REL_ID] = rel_id
    elif anchor is not None:
        attributes[_ANCHOR] = anchor
    attributes[_HISTORY] = "1"
    link = SubElement(paragraph, _HYPERLINK, attributes)
    run = SubElement(link, W_R)
    if style or rtl:
        properties = SubElement(run, W_RPR)
        if style:
            SubElement(properties, W_RSTYLE, {W_VAL: style})
        if rtl:
            SubElement(properties, W_RTL)
    SubElement(run, W_T, _PRESERVE).text = text


def new_paragraph(container: Any, style_id: str, rtl: bool = False) -> Any:
    """A ``w:p`` in style ``style_id`` appended to ``container`` (``w:bidi`` when ``rtl``)."""
    paragraph = SubElement(container, W_P)
    properties = SubElement(paragraph, W_PPR)
    SubElement(properties, W_PSTYLE, {W_VAL: style_id})
    if rtl:
        SubElement(properties, W_BIDI)
    return paragraph


def new_run(paragraph: Any, text: str, rtl: bool = False, bold: bool = False) -> Any:
    """A run holding ``text`` (already cleaned) appended to ``paragraph``; newlines as breaks."""
    run = SubElement(paragraph, W_R)
    if rtl or bold:
        properties = SubElement(run, W_RPR)
        if bold:
            SubElement(properties, W_B)
        if rtl:
            SubElement(properties, W_RTL)
    lines = text.split("\n") if "\n" in text else (text,)
    for number, line in enumerate(lines):
        if number:
            SubElement(run, W_BR)
        if line or len(lines) == 1:
            SubElement(run, W_T, _PRESERVE).text = line
    return run


def link_to_bookmark(paragraph: Any, text: str, anchor: str, rtl: bool = False,
                     bold: bool = False) -> None:
    """Append to ``paragraph`` a link to bookmark ``anchor`` showing ``text``."""
    link = SubElement(paragraph, _HYPERLINK, {_ANCHOR: anchor, _HISTORY: "1"})
    new_run(link, text, rtl, bold)


class Bookmarks:
    """Hands out bookmark ids, unique within one document."""

    def __init__(self) -> None:
        self._next = 1

    def around(self, paragraph: Any, name: str, text: str, rtl: bool = False) -> None:
        """Append to ``paragraph`` a run of ``text`` inside bookmark ``name``."""
        number = str(self._next)
        self._next += 1
        SubElement(paragraph, _BOOKMARK_START, {_ID: number, _NAME: name})
        new_run(paragraph, text, rtl)
        SubElement(paragraph, _BOOKMARK_END, {_ID: number})


def add_field(paragraph: Any, instruction: str, placeholder: str = "1") -> None:
    """Append a complex field (``PAGE``, ``NUMPAGES``) whose shown value Word recomputes."""
    SubElement(SubElement(paragraph, W_R), _FIELD_CHAR, {_FIELD_CHAR_TYPE: "begin"})
    SubElement(SubElement(paragraph, W_R), _INSTRUCTION, _PRESERVE).text = f" {instruction} "
    SubElement(SubElement(paragraph, W_R), _FIELD_CHAR, {_FIELD_CHAR_TYPE: "separate"})
    SubElement(SubElement(paragraph, W_R), W_T, _PRESERVE).text = placeholder
    SubElement(SubElement(paragraph, W_R), _FIELD_CHAR, {_FIELD_CHAR_TYPE: "end"})


def _insert_in_order(properties: Any, child: Any) -> None:
    """Insert ``child`` into a ``w:pPr`` where the schema's element order puts it."""
    position = _PPR_ORDER.index(child.tag.replace(qn("w:"), "w:"))
    for successor in _PPR_ORDER[position + 1 :]:
        found = properties.find(qn(successor))
        if found is not None:
            found.addprevious(child)
            return
    properties.append(child)


def mark_rtl(paragraph: Any) -> None:
    """Make ``paragraph`` (a ``w:p``) right-to-left: ``w:bidi`` on it, ``w:rtl`` on its runs."""
    properties = paragraph.get_or_add_pPr()
    if properties.find(qn("w:bidi")) is None:
        _insert_in_order(properties, OxmlElement("w:bidi"))
    for run in paragraph.iter(qn("w:r")):
        run.get_or_add_rPr().get_or_add_rtl()

