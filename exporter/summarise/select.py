"""From a ranking to a summary: length limits and no near-duplicates.

Every method ranks the candidate sentences best first; this module walks that
ranking and keeps sentences while the summary has room: a number of sentences,
or a word budget (the best sentences that fit, skipping any that would overflow
it; the best sentence alone when none fits). A sentence that nearly repeats one
already kept is skipped, and so is a shortened copy of one (a caption
repeating a sentence): most of its words are in the other.

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
from .standalone import dependencies, group

DUPLICATE_JACCARD = 0.8
"""Word-set Jaccard at or above which two sentences count as one."""
DUPLICATE_CONTAINMENT = 0.8
"""Share of the shorter sentence's words found in the other that makes it a shortened copy."""
MIN_CONTAINED = 5
"""A shortened copy has at least this many distinct words (shorter sentences are compared by
Jaccard alone: a handful of common words says little)."""
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
    language: str | None = None,
    standalone: bool = True,
) -> list[int]:
    """Indices of the kept candidates, in document order.

    ``count`` caps the number of sentences; ``words`` caps the total words (a
    sentence that does not fit is passed over for a lower-ranked one that does).
    With ``standalone`` (the default) a sentence that leans on a neighbour
    ("But ...", "He said ...", a quotation's second half; see
    :mod:`exporter.summarise.standalone`, in ``language``'s words) is kept only
    together with it: the pair must fit, or both are passed over.
    A summary is never empty when there is a valid candidate: if no sentence
    fits the word budget, the best-ranked sentence alone is kept, over budget.
    """
    texts = [c.text for c in candidates]
    needs = dependencies(texts, language) if standalone else None
    guard = _DuplicateGuard()
    kept: set[int] = set()
    used = 0
    for index in ranking:
        if count is not None and len(kept) >= count:
            break
        if index in kept or not 0 <= index < len(candidates):
            continue
        members = group(index, needs) if needs is not None else (index,)
        if members is None:
            continue
        new = [i for i in members if i not in kept]
        size = sum(word_count(texts[i]) for i in new)
        if count is not None and len(kept) + len(new) > count:
            continue
        if words is not None and used + size > words:
            continue
        keys = [_key(texts[i]) for i in new]
        if any(guard.is_duplicate(key) for key in keys) or any(
            near_duplicates(a, b) for n, a in enumerate(keys) for b in keys[n + 1 :]
        ):
            continue
        for key in keys:
            guard.add(key)
        kept.update(new)
        used += size
    if not kept and words is not None:
        # Nothing fits: one sentence over budget serves better than no summary.
        valid = [i for i in ranking if 0 <= i < len(candidates)]
        alone = next((i for i in valid if needs is None or not needs[i]), None)
        if alone is not None or valid:
            kept.add(valid[0] if alone is None else alone)
    return sorted(kept)


def _key(text: str) -> frozenset[str]:
    return frozenset(w.lower() for w in _WORD.findall(text)) or frozenset({text.strip()})


def near_duplicates(a: frozenset[str], b: frozenset[str]) -> bool:
    """Whether two word sets are one sentence: Jaccard >= 0.8, or a shortened copy.

    A shortened copy (a caption repeating part of a sentence) has at least
    :data:`MIN_CONTAINED` words, :data:`DUPLICATE_CONTAINMENT` of them in the other.
    """
    shared = len(a & b)
    if shared >= DUPLICATE_JACCARD * len(a | b):
        return True
    small = min(len(a), len(b))
    return small >= MIN_CONTAINED and shared >= DUPLICATE_CONTAINMENT * small


class _DuplicateGuard:
    """The kept sentences' word sets, indexed by their rarest words (prefix filtering).

    Jaccard candidates share a word among both sets' prefixes; containment
    candidates share one of the smaller set's prefix words with the larger
    set, so kept sets are indexed both by their prefix and by every word.
    """

    def __init__(self) -> None:
        self._by_prefix: defaultdict[str, list[frozenset[str]]] = defaultdict(list)
        self._by_word: defaultdict[str, list[frozenset[str]]] = defaultdict(list)

    @staticmethod
    def _prefix(words: frozenset[str]) -> list[str]:
        ordered = sorted(words, key=lambda w: (-len(w), w))
        threshold = min(DUPLICATE_JACCARD, DUPLICATE_CONTAINMENT)
        length = len(ordered) - math.ceil(threshold * len(ordered)) + 1
        return ordered[: max(1, length)]

    def is_duplicate(self, words: frozenset[str]) -> bool:
        for token in self._prefix(words):
            for other in self._by_word.get(token, ()):
                if near_duplicates(words, other):
                    return True
        for token in words:
            for other in self._by_prefix.get(token, ()):
                if near_duplicates(words, other):
                    return True
        return False

    def add(self, words: frozenset[str]) -> None:
        for token in self._prefix(words):
            self._by_prefix[token].append(words)
        for token in words:
            self._by_word[token].append(words)
