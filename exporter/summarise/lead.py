"""Lead-k: the first k sentences, the classic news baseline."""

from __future__ import annotations

from collections.abc import Sequence

from ..model import Document, Sentence


def lead(document: Document, candidates: Sequence[Sentence], count: int) -> list[int]:
    """Indices of the first ``count`` candidates."""
    return list(range(min(count, len(candidates))))
