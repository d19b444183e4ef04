"""The plan of a template's headers and footers: which paragraphs hold placeholders.

Read once per template (by the frame, :mod:`.frame`) and used by every briefing
that fills them (:mod:`.headers`); kept apart so that neither of those two
modules imports the other at run time.
"""

from __future__ import annotations

import copy
import re
from dataclasses import dataclass
from typing import Any

from docx.oxml.ns import qn
from docx.shared import Length

from .ooxml import W_P, W_PPR

PLACEHOLDER = re.compile(r"\{(organisation|page|pages|source)\}")
"""A placeholder in a header or footer paragraph's text."""
_GRAPHICS = (qn("w:drawing"), qn("w:pict"), qn("w:object"))


@dataclass(frozen=True, slots=True)
class Placeholders:
    """A header or footer paragraph that holds placeholders."""

    index: int
    """Its position among the part's paragraphs."""
    pattern: str
    """Its text, placeholders included."""
    kept_text: str
    """The text of what rebuilding it keeps (a logo's run): usually none."""


@dataclass(frozen=True, slots=True)
class Story:
    """A header or footer to fill, and the paragraphs of it that hold placeholders.

    ``role`` is ``header``, ``footer`` or ``variant`` (a first-page or even-page
    one, whose placeholders only are filled).
    """

    role: str
    partname: str
    placeholders: tuple[Placeholders, ...]


@dataclass(frozen=True, slots=True)
class Logo:
    """A logo image related from a header part: what each picture of it needs."""

    rel_id: str
    filename: str
    width: Length
    height: Length
    text: str = "Logo"
    """The picture's description (``wp:docPr/@descr``), what a screen reader says."""


def plan_story(role: str, partname: str, part: Any, filled_before: bool) -> Story:
    """The story of header or footer ``part``; ``filled_before`` if an earlier one shares it.

    A part two section references share is filled once: the second sees no placeholders.
    """
    found: list[Placeholders] = []
    for index, paragraph in enumerate(part.findall(W_P)):
        pattern = paragraph.text
        if filled_before or not PLACEHOLDER.search(pattern):
            continue
        kept = copy.deepcopy(paragraph)
        clear_paragraph(kept)
        found.append(Placeholders(index, pattern, kept.text))
    return Story(role, partname, tuple(found))


def clear_paragraph(paragraph: Any) -> None:
    """Remove all but the paragraph's properties and graphics (a logo stays where it is)."""
    for child in list(paragraph):
        if child.tag != W_PPR and not _is_graphic(child):
            paragraph.remove(child)


def _is_graphic(element: Any) -> bool:
    return next(element.iter(*_GRAPHICS), None) is not None
