"""What a template's headers and footers hold: read once, filled for every briefing.

:func:`plan_story` finds, in one header or footer of the template, the paragraphs
that hold placeholders and their text; :mod:`.headers` rebuilds those paragraphs
in each briefing. Kept apart from both the prepared template (which plans) and the
filling (which uses a draft of it), so that neither imports the other.
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
"""The placeholders a template's header or footer may hold."""
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
        clear(kept)
        found.append(Placeholders(index, pattern, kept.text))
    return Story(role, partname, tuple(found))


def clear(paragraph: Any) -> None:
    """Remove all but the paragraph's properties and graphics (a logo stays where it is)."""
    for child in list(paragraph):
        if child.tag != W_PPR and not _is_graphic(child):
            paragraph.remove(child)


def _is_graphic(element: Any) -> bool:
    return next(element.iter(*_GRAPHICS), None) is not None
