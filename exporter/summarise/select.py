"""From a ranking to a summary: length limits and no near-duplicates.

Every method ranks the candidate sentences best first; this module walks that
ranking and keeps sentences while the summary has room: a number of sentences,
or a word budget (the best sentences that fit, skipping any that would overflow
it; the best sentence alone when none fits). A sentence that nearly repeats one
already kept is skipped.

Near-duplicates are pairs whose sets of lower-cased words have a Jaccard
similarity of at least :data:`DUPLICATE_JACCARD`. Finding them must not be
quadratic when a ratio asks for thousands of sentences of a book, so candidates
are found with prefix filtering (Chaudhuri, Ganti & Kaushik 2006, "A primitive
operator for similarity joins in data cleaning"): with every word set sorted in
one global order, two sets with Jaccard >= t share a word among the first
``|A| - ceil(t |A|) + 1`` words of each. Only those pairs are verified. The
order puts long words first, a cheap stand-in for "rare words first" that keeps
the index's lists short; any fixed order gives the same, exact answer.
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from collections.abc import Sequence

from ..model import Sentence

DUPLICATE_JACCARD = 0.8
"""Word-set Jaccard at or above which two sentences count as one."""
_WORD = re.compile(r"\w+(?:['’]\w+)*")


def word_count(text: str) -> int:
    """Words in ``text``, counted the way ``Document.word_count`` counts them."""
    return len(_WORD.findall(text))


def select(
    candidates: Sequence[Sentence],
    ranking: Sequence[int],
    *,
    count: int | None = None,
    words: int | None = None,
) -> list[int]:
    """Indices of the kept candidates, in document order.

    ``count`` caps the number of sentences; ``words`` caps the total words (a
    sentence that does not fit is passed over for a lower-ranked one that does).
    A summary is never empty when there is a valid candidate: if no sentence
    fits the word budget, the best-ranked sentence alone is kept, over budget.
    """
    guard = _DuplicateGuard()
    kept: list[int] = []
    used = 0
    seen: set[int] = set()
    for index in ranking:
        if count is not None and len(kept) >= count:
            break
        if index in seen or not 0 <= index < len(candidates):
            continue
        seen.add(index)
        size = word_count(candidates[index].text)
        if words is not None and used + size > words:
            continue
        text = candidates[index].text
        key = frozenset(w.lower() for w in _WORD.findall(text)) or frozenset({text.strip()})
        if guard.is_duplicate(key):
            continue
        guard.add(key)
        kept.append(index)
        used += size
    if not kept and words is not None:
        # Nothing fits: one sentence over budget serves better than no summary.
        best = next((i for i in ranking if 0 <= i < len(candidates)), None)
        if best is not None:
            kept.append(best)
    return sorted(kept)


class _DuplicateGuard:
    """The kept sentences' word sets, indexed by their rarest words."""

    def __init__(self) -> None:
        self._index: defaultdict[str, list[frozenset[str]]] = defaultdict(list)

    def _prefix(self, words: frozenset[str]) -> list[str]:
        ordered = sorted(words, key=lambda w: (-len(w), w))
        length = len(ordered) - math.ceil(DUPLICATE_JACCARD * len(ordered)) + 1
        return ordered[: max(1, length)]

    def is_duplicate(self, words: frozenset[str]) -> bool:
        for token in self._prefix(words):
            for other in self._index.get(token, ()):
                if len(words & other) >= DUPLICATE_JACCARD * len(words | other):
                    return True
        return False

    def add(self, words: frozenset[str]) -> None:
        for token in self._prefix(words):
            self._index[token].append(words)
