"""The briefing's pictures (``--images``) as DrawingML: inline, sized to the text, with alt text.

Word reads a picture's text alternative from ``wp:docPr/@descr``; a picture
whose page gave no alternative is marked decorative (Word's own extension), so a
screen reader skips it rather than reading a file name.
"""

from __future__ import annotations

from typing import Any

from docx.oxml.ns import qn
from docx.oxml.shape import CT_Inline
from docx.shared import Emu
from lxml.etree import SubElement

from ...model import Picture

EMU_PER_CM = 360_000
MAX_HEIGHT_EMU = 10 * EMU_PER_CM
_DECORATIVE_URI = "{C183D7F6-B498-43B3-948B-1728B52AA6E4}"
_DECORATIVE_NS = "http://schemas.microsoft.com/office/drawing/2017/decorative"
_A_NS = "http://schemas.openxmlformats.org/drawingml/2006/main"


def picture_size(picture: Picture, max_width_emu: int) -> tuple[int, int]:
    """The picture's size in EMU: as wide as the text allows, at most 10 cm high."""
    width = max_width_emu
    height = width * picture.height // max(1, picture.width)
    if height > MAX_HEIGHT_EMU:
        width, height = width * MAX_HEIGHT_EMU // height, MAX_HEIGHT_EMU
    return max(1, width), max(1, height)


def picture_run(paragraph: Any, picture: Picture, *, rel_id: str, shape_id: int,
                name: str, max_width_emu: int, alt: str) -> None:
    """Append to ``paragraph`` a run holding ``picture`` (related to the part as ``rel_id``)."""
    width, height = picture_size(picture, max_width_emu)
    inline = CT_Inline.new_pic_inline(shape_id, rel_id, name, Emu(width), Emu(height))
    doc_pr = inline.find(qn("wp:docPr"))
    if alt:
        doc_pr.set("descr", alt)
    else:
        extensions = SubElement(doc_pr, f"{{{_A_NS}}}extLst")
        extension = SubElement(extensions, f"{{{_A_NS}}}ext", {"uri": _DECORATIVE_URI})
        SubElement(extension, f"{{{_DECORATIVE_NS}}}decorative", {"val": "1"},
                   nsmap={"adec": _DECORATIVE_NS})
    run = SubElement(paragraph, qn("w:r"))
    drawing = SubElement(run, qn("w:drawing"))
    drawing.append(inline)
