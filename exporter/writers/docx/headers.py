"""Fill a briefing's header and footer: the organisation, page numbers and the source.

The template's ``{organisation}``, ``{page}``, ``{pages}`` and ``{source}``
placeholders are replaced where they are, keeping their formatting; a template
without them gets the organisation and "Page X of Y" plus the source appended. A
logo (from the configuration) goes in front of the organisation's name; a logo the
template's header already holds stays where it is.

The work is done on the draft's copies of the header and footer parts, element by
element: no python-docx document is made per briefing.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from docx.oxml.ns import qn
from docx.oxml.shape import CT_Inline

from .frame import Draft, Logo
from .ooxml import W_P, W_PPR, W_R, W_RPR, W_T, add_field, add_hyperlink, is_rtl, mark_rtl

_PLACEHOLDER = re.compile(r"\{(organisation|page|pages|source)\}")
_GRAPHICS = (qn("w:drawing"), qn("w:pict"), qn("w:object"))


@dataclass(frozen=True)
class _Values:
    """What the placeholders stand for, and how a part relates a link."""

    organisation: str
    source_url: str | None
    source_label: str
    link_style: str
    link: Callable[[str], str]
    """Relates a URL from the part being filled; returns the relationship's id."""


def fill_header_and_footer(draft: Draft, source_url: str | None, source_label: str) -> None:
    """Put the organisation in the header and page numbers and the source in the footer.

    ``source_url`` (already checked to be http or https) becomes a link showing
    ``source_label``; without either, the source is left out.
    """
    frame = draft.frame
    for story in frame.stories:
        part = draft.element(story.partname)
        values = _Values(frame.organisation, source_url, source_label, frame.link_style,
                         draft.rels(story.partname).link)
        named = _fill(part.findall(W_P), values)
        if story.role == "header":
            if not named:
                paragraph = part.add_p()
                paragraph.style = frame.header_style
                run = paragraph.add_r()
                if values.organisation:
                    run.text = values.organisation
                _direction(paragraph, values.organisation)
                named = [paragraph]
            logo = frame.logos.get(story.partname)
            if logo is not None:
                for paragraph in named:
                    _add_logo(part, paragraph, logo)
        elif story.role == "footer" and not named:
            pages = part.add_p()
            pages.style = frame.footer_style
            _rebuild(pages, "Page {page} of {pages}", values)
            if source_url or source_label:
                source = part.add_p()
                source.style = frame.footer_style
                _rebuild(source, "{source}", values)


def _fill(paragraphs: list[Any], values: _Values) -> list[Any]:
    """Replace placeholders in ``paragraphs``; the paragraphs that had any."""
    filled: list[Any] = []
    for paragraph in paragraphs:
        text = paragraph.text
        if not _PLACEHOLDER.search(text):
            continue
        if text.strip() == "{source}" and not (values.source_url or values.source_label):
            container = paragraph.getparent()
            if len(container.findall(W_P)) > 1:  # a part must keep one paragraph
                container.remove(paragraph)
                filled.append(paragraph)
                continue
        _rebuild(paragraph, text, values)
        filled.append(paragraph)
    return filled


def _add_logo(part: Any, paragraph: Any, logo: Logo) -> None:
    """Put the logo at the start of ``paragraph``, as python-docx's ``add_picture`` would."""
    used = [int(value) for value in part.xpath("//@id") if value.isdigit()]
    shape_id = max(used, default=0) + 1
    picture = paragraph.add_r()
    picture.add_drawing(CT_Inline.new_pic_inline(shape_id, logo.rel_id, logo.filename,
                                                 logo.width, logo.height))
    gap = paragraph.add_r()
    gap.text = "\u2002"  # an en space between logo and name
    position = 1 if paragraph.pPr is not None else 0
    paragraph.insert(position, gap)
    paragraph.insert(position, picture)


def _rebuild(paragraph: Any, pattern: str, values: _Values) -> None:
    """Rewrite ``paragraph`` from ``pattern``: literal text, fields and the source link."""
    text_runs = [r for r in paragraph.iter(W_R) if r.find(W_T) is not None]
    run_properties = text_runs[0].find(W_RPR) if text_runs else None
    if run_properties is not None:
        run_properties = copy.deepcopy(run_properties)
    for child in list(paragraph):
        # A logo (a run holding a drawing or picture) stays where the template put it.
        if child.tag == W_PPR or _is_graphic(child):
            continue
        paragraph.remove(child)
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
                          rel_id=values.link(values.source_url), style=values.link_style)
        else:
            _literal(paragraph, values.source_label, run_properties)
        position = match.end()
    _literal(paragraph, pattern[position:], run_properties)
    _direction(paragraph, paragraph.text)


def _is_graphic(element: Any) -> bool:
    return next(element.iter(*_GRAPHICS), None) is not None


def _literal(paragraph: Any, text: str, run_properties: Any) -> None:
    if not text:
        return
    run = paragraph.add_r()
    run.text = text
    if run_properties is not None:
        run.insert(0, copy.deepcopy(run_properties))


def _direction(paragraph: Any, text: str) -> None:
    if is_rtl(text):
        mark_rtl(paragraph)
