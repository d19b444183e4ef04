"""Fill a briefing's header and footer: the organisation, page numbers and the source.

The template's ``{organisation}``, ``{page}``, ``{pages}`` and ``{source}``
placeholders are replaced where they are, keeping their formatting; a template
without them gets the organisation and "Page X of Y" plus the source appended.
"Page {page} of {pages}", the packaged template's words, is written in the
article's language ("Seite 1 von 3"); any other wording is the template's own. A
logo (from the configuration) goes in front of the organisation's name; a logo the
template's header already holds stays where it is.

What depends only on the template (which paragraphs hold placeholders, and their
text) is read once, by :func:`.stories.plan_story`; each briefing then rebuilds those
paragraphs in its draft's copies of the parts, without reading any text back.
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from docx.oxml.ns import qn
from docx.oxml.shape import CT_Inline
from lxml.etree import SubElement

from ...presentation import band_name
from .draft import Draft, new_draft
from .ooxml import W_P, W_R, W_RPR, W_T, add_field, add_hyperlink, is_rtl, mark_rtl
from .stories import PLACEHOLDER, Logo, Placeholders, clear

if TYPE_CHECKING:
    from .prepared import Filled

_FIELD_TEXT = "1"  # what a page field shows until Word updates it
_PRESERVE = {qn("xml:space"): "preserve"}
PAGE_OF = "Page {page} of {pages}"
"""The packaged template's page line: written in the article's language."""


@dataclass(frozen=True)
class _Values:
    """What the placeholders stand for, and how the part being filled relates a link."""

    organisation: str
    source_url: str | None
    source_label: str
    link_style: str
    link: Callable[[str], str]
    page_of: str


def fill_header_and_footer(draft: Draft, source_url: str | None, source_label: str,
                           page_of: str = PAGE_OF) -> None:
    """Put the organisation in the header and page numbers and the source in the footer.

    ``source_url`` (already checked to be http or https) becomes a link showing
    ``source_label``; without either, the source is left out. ``page_of`` is
    "Page {page} of {pages}" in the article's language. The prepared template keeps
    the filled parts per organisation, source and wording, so articles without a
    source (or with the same one) share them.
    """
    template = draft.template
    organisation = draft.organisation

    def fill() -> Filled:
        scratch = new_draft(template, organisation, warn=False)
        _fill_stories(scratch, source_url, source_label, page_of)
        names = dict.fromkeys(story.partname for story in template.stories)
        filled = tuple((name, scratch.packed(name), scratch.rels(name)) for name in names)
        for _, _, rels in filled:
            rels.member()  # compressed once, here, for every briefing that shares them
        return filled

    key = (organisation, source_url, source_label, page_of)
    for partname, member, rels in template.filled(key, fill):
        draft.replace(partname, member, rels)


def _fill_stories(draft: Draft, source_url: str | None, source_label: str,
                  page_of: str) -> None:
    """Fill every header and footer of ``draft``, in the order python-docx's sections give."""
    template = draft.template
    band = band_name(draft.organisation, source_url)
    for story in template.stories:
        part = draft.element(story.partname)
        values = _Values(band, source_url, source_label, template.link_style,
                         draft.rels(story.partname).link, page_of)
        named = _fill(part, story.placeholders, values)
        if story.role == "header":
            if not named:
                paragraph = part.add_p()
                paragraph.style = template.header_style
                run = paragraph.add_r()
                if values.organisation:
                    run.text = values.organisation
                _direction(paragraph, values.organisation)
                named = [paragraph]
            logo = template.logos.get(story.partname)
            if logo is not None:
                for paragraph in named:
                    _add_logo(part, paragraph, logo)
        elif story.role == "footer" and not named:
            pages = part.add_p()
            pages.style = template.footer_style
            _rebuild(pages, values.page_of, values)
            if source_url or source_label:
                source = part.add_p()
                source.style = template.footer_style
                _rebuild(source, "{source}", values)


def _fill(part: Any, placeholders: tuple[Placeholders, ...], values: _Values) -> list[Any]:
    """Replace the placeholders in ``part``'s paragraphs; the paragraphs that had any."""
    paragraphs = part.findall(W_P) if placeholders else []
    filled: list[Any] = []
    for found in placeholders:
        paragraph = paragraphs[found.index]
        if found.pattern.strip() == "{source}" and not (values.source_url or
                                                         values.source_label):
            container = paragraph.getparent()
            if len(container.findall(W_P)) > 1:  # a part must keep one paragraph
                container.remove(paragraph)
                filled.append(paragraph)
                continue
        pattern = found.pattern
        if pattern.strip() == PAGE_OF:
            pattern = pattern.replace(PAGE_OF, values.page_of)
        _rebuild(paragraph, pattern, values, found.kept_text)
        filled.append(paragraph)
    return filled


def _add_logo(part: Any, paragraph: Any, logo: Logo) -> None:
    """Put the logo at the start of ``paragraph``, as python-docx's ``add_picture`` would."""
    used = [int(value) for value in part.xpath("//@id") if value.isdigit()]
    shape_id = max(used, default=0) + 1
    picture = paragraph.add_r()
    inline = CT_Inline.new_pic_inline(shape_id, logo.rel_id, logo.filename, logo.width,
                                      logo.height)
    for properties in (inline.docPr, *inline.xpath(".//pic:cNvPr")):
        properties.set("descr", logo.text)
    picture.add_drawing(inline)
    gap = paragraph.add_r()
    gap.text = "\u2002"  # an en space between logo and name
    position = 1 if paragraph.pPr is not None else 0
    paragraph.insert(position, gap)
    paragraph.insert(position, picture)


def _rebuild(paragraph: Any, pattern: str, values: _Values, kept_text: str = "") -> None:
    """Rewrite ``paragraph`` from ``pattern``: literal text, fields and the source link.

    ``kept_text`` is the text of what the paragraph keeps: with what is written after
    it, the paragraph's text, which decides its direction.
    """
    text_runs = [r for r in paragraph.iter(W_R) if r.find(W_T) is not None]
    run_properties = text_runs[0].find(W_RPR) if text_runs else None
    if run_properties is not None:
        run_properties = copy.deepcopy(run_properties)
    clear(paragraph)
    written = [kept_text]
    position = 0
    for match in PLACEHOLDER.finditer(pattern):
        written.append(_literal(paragraph, pattern[position : match.start()], run_properties))
        name = match.group(1)
        if name == "organisation":
            written.append(_literal(paragraph, values.organisation, run_properties))
        elif name in ("page", "pages"):
            add_field(paragraph, "PAGE" if name == "page" else "NUMPAGES", _FIELD_TEXT)
            written.append(_FIELD_TEXT)
        elif values.source_url:
            label = values.source_label or values.source_url
            add_hyperlink(paragraph, label, rel_id=values.link(values.source_url),
                          style=values.link_style)
            written.append(label)
        else:
            written.append(_literal(paragraph, values.source_label, run_properties))
        position = match.end()
    written.append(_literal(paragraph, pattern[position:], run_properties))
    _direction(paragraph, "".join(written))


def _literal(paragraph: Any, text: str, run_properties: Any) -> str:
    """Append a run of ``text`` formatted like the template's; the text.

    The run is written as python-docx writes it (``xml:space`` only where the text
    starts or ends with a space); python-docx itself writes tabs and line breaks.
    """
    if text:
        run = SubElement(paragraph, W_R)
        if run_properties is not None:
            run.append(copy.deepcopy(run_properties))
        if "\t" in text or "\n" in text or "\r" in text:
            run.text = text
        else:
            SubElement(run, W_T, _PRESERVE if text.strip() != text else None).text = text
    return text


def _direction(paragraph: Any, text: str) -> None:
    if is_rtl(text):
        mark_rtl(paragraph)
