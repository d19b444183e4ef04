"""Extractive summarisation: choose a document's most informative sentences.

``summarise(document, ...)`` is the public function. Methods are small callables
registered by name in :data:`METHODS`; each takes the document's candidate
sentences and a count and returns the chosen sentences' indices. Length is given
as a sentence count, a ratio of the document's sentences, or a word budget.
Results always come back in document order.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence

from ..errors import UsageError
from ..model import Document, Sentence, Summary
from .lead import lead
from .sumy_bridge import SUMY_METHODS, sumy_method

Method = Callable[[Document, Sequence[Sentence], int], Sequence[int]]
"""A method: (document, candidate sentences, how many) -> indices into the candidates."""

DEFAULT_METHOD = "textrank"
DEFAULT_SENTENCES = 5

METHODS: dict[str, Method] = {"lead": lead}
METHODS.update({name: sumy_method(name) for name in SUMY_METHODS})
ALIASES = {"default": DEFAULT_METHOD, "lead-k": "lead", "lead3": "lead"}


def method_names() -> list[str]:
    """Every method name ``summarise`` accepts, ``default`` first."""
    return ["default", *sorted(METHODS)]


def resolve_method(name: str) -> str:
    """The canonical method name for ``name``; ``UsageError`` if unknown."""
    key = name.strip().lower().replace("_", "-")
    key = ALIASES.get(key, key)
    if key not in METHODS:
        raise UsageError(f"unknown method {name!r} (choose from {', '.join(method_names())})")
    return key


def summarise(
    document: Document,
    *,
    sentences: int | None = None,
    ratio: float | None = None,
    words: int | None = None,
    method: str = "default",
) -> Summary:
    """The ``document``'s summary, in document order.

    Length: ``words`` (a word budget) wins over ``ratio`` (a fraction of the
    document's sentences), which wins over ``sentences`` (default 5).
    """
    name = resolve_method(method)
    candidates = list(document.sentences())
    if not candidates:
        return Summary((), name)
    count = _target_count(len(candidates), sentences, ratio, words)
    if words is not None:
        # Ask for more than the budget needs, then keep the best that fit.
        count = min(len(candidates), max(1, count))
    chosen = sorted(set(METHODS[name](document, candidates, count)))
    picked = [candidates[i] for i in chosen if 0 <= i < len(candidates)]
    if words is not None:
        picked = _fit_budget(picked, words)
    return Summary(tuple(picked), name)


def _target_count(total: int, sentences: int | None, ratio: float | None, words: int | None) -> int:
    if words is not None:
        if words <= 0:
            raise UsageError("the word budget must be positive")
        return total
    if ratio is not None:
        if not 0 < ratio <= 1:
            raise UsageError("the ratio must be between 0 and 1")
        return max(1, min(total, math.ceil(total * ratio)))
    count = DEFAULT_SENTENCES if sentences is None else sentences
    if count <= 0:
        raise UsageError("the number of sentences must be positive")
    return min(total, count)


def _fit_budget(picked: list[Sentence], words: int) -> list[Sentence]:
    """Keep sentences in document order while they fit the word budget (at least one)."""
    kept: list[Sentence] = []
    used = 0
    for sentence in picked:
        n = len(sentence.text.split())
        if kept and used + n > words:
            continue
        kept.append(sentence)
        used += n
    return kept


__all__ = ["DEFAULT_METHOD", "METHODS", "method_names", "resolve_method", "summarise"]
