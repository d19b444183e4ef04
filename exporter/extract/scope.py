"""How much of an article the extractors read, and what they hand back.

Key quotes, figures and keywords stand beside an article's lead; a 20 MB report's
are looked for in its first :data:`EXTRACT_CHARS` characters (whole blocks), which
keeps extraction time and memory bounded whatever the input's length.

An extractor ranks everything it finds once (:class:`Ranking`); any number of them
is then a prefix of that ranking, shown in document order. The article's
presentation (:mod:`exporter.presentation`) holds the rankings, so the briefing and
the one-pager of one article share one extraction without any cache here.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import Generic, TypeVar

from ..model import Document

EXTRACT_CHARS = 100_000
T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class Ranking(Generic[T]):
    """What an extractor found, best first, each with its place in the document."""

    best: tuple[T, ...]
    orders: tuple[tuple[int, ...], ...]
    """``orders[i]`` is where ``best[i]`` stands in the document (for document order)."""

    def top(self, limit: int) -> list[T]:
        """The best ``limit`` found, in document order."""
        if limit <= 0:
            return []
        chosen = sorted(range(min(limit, len(self.best))), key=self.orders.__getitem__)
        return [self.best[i] for i in chosen]


def opening(document: Document, max_chars: int | None = EXTRACT_CHARS) -> Document:
    """``document`` cut after the block that takes its body past ``max_chars`` characters.

    ``None`` means the whole document. The cut keeps whole blocks, so sentence
    positions (and the bookmarks built on them) are unchanged.
    """
    if max_chars is None:
        return document
    used = 0
    for index, block in enumerate(document.blocks):
        used += len(block.text) + 1
        if used > max_chars:
            return dataclasses.replace(document, blocks=document.blocks[: index + 1])
    return document
