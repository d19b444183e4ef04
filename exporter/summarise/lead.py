"""Lead-k: the first k sentences, the classic news baseline."""

from __future__ import annotations

from collections.abc import Sequence

from ..model import Document, Sentence


def lead(document: Document, candidates: Sequence[Sentence]) -> list[int]:
    """The candidates in document order: taking the best k takes the first k."""
    return list(range(len(candidates)))
