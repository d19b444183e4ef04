"""How much of an article the extractors read: its opening, so a book costs what a long read does.

Key quotes, figures and keywords stand beside an article's lead; a 20 MB report's
are looked for in its first :data:`EXTRACT_CHARS` characters (whole blocks), which
keeps extraction time and memory bounded whatever the input's length.
"""

from __future__ import annotations

import dataclasses
import threading
from collections.abc import Callable
from typing import TypeVar

from ..model import Document

EXTRACT_CHARS = 100_000
# The briefing and the one-pager of one article ask for the same extractions: the last
# few answers are kept, by the document's identity (held, so its id cannot be reused).
# Only documents no longer than their opening are held: a long one is not kept alive
# after its export, and its opening is quick to read again.
_KEPT = 6
_kept: list[tuple[Document, int | None, str, object]] = []
_lock = threading.Lock()
T = TypeVar("T")


def remembered(document: Document, max_chars: int | None, kind: str,
               compute: Callable[[Document], T]) -> T:
    """``compute(opening(document, max_chars))``, reused if just computed for ``document``.

    ``compute`` must return a value its callers never change (they copy it).
    """
    with _lock:
        for held, chars, held_kind, value in _kept:
            if held is document and chars == max_chars and held_kind == kind:
                return value  # type: ignore[return-value]
    opened = opening(document, max_chars)
    value = compute(opened)
    if opened is document:
        with _lock:
            _kept.insert(0, (document, max_chars, kind, value))
            del _kept[_KEPT:]
    return value


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
