"""Build ``templates/briefing.docx``, the briefing's reference document, with python-docx.

Run ``python templates/make_briefing_docx.py`` after changing the house style here;
the .docx is committed so that installing the package needs no build step. The
reference document is used as pandoc uses ``reference.docx``: the briefing takes
its styles, page size, margins, header and footer, and ignores its body.

Placeholders the writer fills in:

- header: ``{organisation}``;
- footer: ``{page}``, ``{pages}`` (Word fields) and ``{source}`` (a link to the article).

A custom template may use the same placeholders; without them the writer adds the
organisation to the header and "Page X of Y" and the source to the footer itself.
"""

from __future__ import annotations

import io
import sys
import zipfile
from datetime import UTC, datetime
from pathlib import Path

import docx
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.opc.constants import RELATIONSHIP_TYPE
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor

INK = RGBColor(0x1A, 0x1A, 0x1A)
NAVY = RGBColor(0x1F, 0x38, 0x64)
GREY = RGBColor(0x59, 0x59, 0x59)
BAND = "1F3864"
BODY_FONT = "Calibri"
HEADING_FONT = "Calibri Light"
FIXED = datetime(2024, 1, 1, tzinfo=UTC)


def _font(style, name: str, size: float, colour: RGBColor, *, bold: bool = False,
          italic: bool = False) -> None:
    style.font.name = name
    style.font.size = Pt(size)
    style.font.color.rgb = colour
    style.font.bold = bold
    style.font.italic = italic
    fonts = style.element.get_or_add_rPr().get_or_add_rFonts()
    for attribute in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        fonts.set(qn(attribute), name)
    for attribute in ("w:asciiTheme", "w:hAnsiTheme", "w:cstheme", "w:eastAsiaTheme"):
        fonts.attrib.pop(qn(attribute), None)


def _spacing(style, before: float, after: float) -> None:
    style.paragraph_format.space_before = Pt(before)
    style.paragraph_format.space_after = Pt(after)


def _styles(document) -> None:
    styles = document.styles
    _font(styles["Normal"], BODY_FONT, 10.5, INK)
    _spacing(styles["Normal"], 0, 6)
    styles["Normal"].paragraph_format.line_spacing = 1.15
    _font(styles["Title"], HEADING_FONT, 24, NAVY)
    _spacing(styles["Title"], 6, 4)
    _font(styles["Subtitle"], BODY_FONT, 12, GREY, italic=True)
    for level, size in ((1, 15), (2, 12.5), (3, 11)):
        heading = styles[f"Heading {level}"]
        _font(heading, HEADING_FONT, size, NAVY, bold=level > 1)
        _spacing(heading, 14 if level == 1 else 10, 4)
        heading.paragraph_format.keep_with_next = True
    quote = styles["Quote"]
    _font(quote, BODY_FONT, 10.5, GREY, italic=True)
    quote.paragraph_format.left_indent = Cm(0.8)
    quote.paragraph_format.right_indent = Cm(0.8)
    for name in ("List Bullet", "List Number"):
        _font(styles[name], BODY_FONT, 10.5, INK)
        _spacing(styles[name], 0, 4)
    _font(styles["Header"], BODY_FONT, 9, RGBColor(0xFF, 0xFF, 0xFF), bold=True)
    _font(styles["Footer"], BODY_FONT, 8, GREY)

    meta = styles.add_style("Briefing Meta", WD_STYLE_TYPE.PARAGRAPH)
    meta.base_style = styles["Normal"]
    _font(meta, BODY_FONT, 9, GREY)
    _spacing(meta, 0, 12)
    meta.quick_style = True

    speaker = styles.add_style("Quote Speaker", WD_STYLE_TYPE.PARAGRAPH)
    speaker.base_style = styles["Normal"]
    _font(speaker, BODY_FONT, 9, GREY)
    speaker.paragraph_format.left_indent = Cm(0.8)
    _spacing(speaker, 0, 10)

    link = styles.add_style("Hyperlink", WD_STYLE_TYPE.CHARACTER)
    link.font.color.rgb = RGBColor(0x05, 0x63, 0xC1)
    link.font.underline = True
    link.element.set(qn("w:customStyle"), "0")


def _page(document) -> None:
    section = document.sections[0]
    section.page_width, section.page_height = Cm(21), Cm(29.7)
    for side in ("left_margin", "right_margin"):
        setattr(section, side, Cm(2.2))
    section.top_margin, section.bottom_margin = Cm(2.2), Cm(2.0)
    section.header_distance, section.footer_distance = Cm(0.9), Cm(0.9)

    header = section.header.paragraphs[0]
    header.style = document.styles["Header"]
    header.text = "{organisation}"
    properties = header._p.get_or_add_pPr()
    shading = OxmlElement("w:shd")
    shading.set(qn("w:val"), "clear")
    shading.set(qn("w:color"), "auto")
    shading.set(qn("w:fill"), BAND)
    properties.find(qn("w:pStyle")).addnext(shading)
    header.paragraph_format.space_after = Pt(0)
    header.paragraph_format.space_before = Pt(0)
    header.paragraph_format.line_spacing = 1.6

    footer = section.footer.paragraphs[0]
    footer.style = document.styles["Footer"]
    footer.text = "Page {page} of {pages}"
    footer.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    source = section.footer.add_paragraph("{source}", style="Footer")
    source.alignment = WD_ALIGN_PARAGRAPH.LEFT


def _properties(document) -> None:
    properties = document.core_properties
    properties.title = "Briefing"
    properties.author = "exporter"
    properties.comments = "Reference document for exporter briefings: styles, page, header, footer."
    properties.last_modified_by = "exporter"
    properties.revision = 1
    properties.created = properties.modified = FIXED.replace(tzinfo=None)


# Word 2010's second copy of the styles: Word and LibreOffice read styles.xml without it.
_STYLES_WITH_EFFECTS = "http://schemas.microsoft.com/office/2007/relationships/stylesWithEffects"
_KEPT_TABLE_STYLES = {"Normal Table", "Table Grid"}


def _slim(document) -> None:
    """Leave out what no briefing uses, so every briefing carries less.

    python-docx's default document has a hundred table styles (340 KB of its 350 KB of
    styles; Word keeps its built-in styles latent, so a user still has them), Word 2010's
    ``stylesWithEffects.xml`` (a second copy of the styles) and a bibliography's custom XML.
    """
    styles = document.styles.element
    for style in styles.findall(qn("w:style")):
        name = style.find(qn("w:name"))
        if (style.get(qn("w:type")) == "table" and style.get(qn("w:default")) != "1"
                and (name is None or name.get(qn("w:val")) not in _KEPT_TABLE_STYLES)):
            styles.remove(style)
    rels = document.part.rels
    for rel_id, rel in list(rels.items()):
        if rel.reltype in (_STYLES_WITH_EFFECTS, RELATIONSHIP_TYPE.CUSTOM_XML):
            rels.pop(rel_id)


def _drop_thumbnail(document) -> None:
    package = document.part.package
    for rel_id, rel in list(package.rels.items()):
        if rel.reltype == RELATIONSHIP_TYPE.THUMBNAIL:
            package.rels.pop(rel_id)


def build(path: Path) -> None:
    """Write the reference document to ``path``, byte for byte the same every time."""
    document = docx.Document()
    _styles(document)
    _page(document)
    _properties(document)
    _drop_thumbnail(document)
    _slim(document)
    body = document.element.body
    for child in list(body):
        if child.tag != qn("w:sectPr"):
            body.remove(child)
    buffer = io.BytesIO()
    document.save(buffer)
    with zipfile.ZipFile(buffer) as source, zipfile.ZipFile(path, "w") as target:
        for info in source.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=(1980, 1, 1, 0, 0, 0))
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = 0o644 << 16
            target.writestr(fixed, source.read(info.filename))


if __name__ == "__main__":
    build(Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).with_name("briefing.docx"))
