"""How much of an article the extractors read: its opening, so a book costs what a long read does.

Key quotes, figures and keywords stand beside an article's lead; a 20 MB report's
are looked for in its first :data:`EXTRACT_CHARS` characters (whole blocks), which
keeps extraction time and memory bounded whatever the input's length.
"""

from __future__ import annotations

import dataclasses

from ..model import Document

EXTRACT_CHARS = 100_000


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
