"""Properties of select(): limits hold, order is the document's, no near-duplicates."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from exporter.model import Sentence
from exporter.summarise.select import _WORD, DUPLICATE_JACCARD, select, word_count

WORDS = ["harbour", "solar", "roof", "market", "council", "vote", "plan", "cost", "quay", "fish"]
sentence_texts = st.lists(st.sampled_from(WORDS), min_size=1, max_size=8).map(" ".join)


def _jaccard(a: str, b: str) -> float:
    x, y = set(_WORD.findall(a.lower())), set(_WORD.findall(b.lower()))
    return len(x & y) / len(x | y)


@settings(max_examples=150, deadline=None)
@given(
    texts=st.lists(sentence_texts, min_size=1, max_size=25),
    seed=st.randoms(use_true_random=False),
    count=st.one_of(st.none(), st.integers(1, 10)),
    words=st.one_of(st.none(), st.integers(1, 40)),
)
def test_select_properties(texts, seed, count, words) -> None:  # type: ignore[no-untyped-def]
    candidates = [Sentence(t, i, 0) for i, t in enumerate(texts)]
    ranking = list(range(len(candidates)))
    seed.shuffle(ranking)
    chosen = select(candidates, ranking, count=count, words=words)
    assert chosen == sorted(set(chosen))
    if count is not None:
        assert len(chosen) <= count
    assert chosen  # never empty while there are candidates
    if words is not None:
        if any(word_count(c.text) <= words for c in candidates):
            assert sum(word_count(candidates[i].text) for i in chosen) <= words
        else:  # nothing fits: the best sentence alone, over budget
            assert chosen == [ranking[0]]
    for a in chosen:
        for b in chosen:
            if a < b:
                assert _jaccard(candidates[a].text, candidates[b].text) < DUPLICATE_JACCARD
    # Greedy: the best-ranked sentence is kept whenever it fits.
    best = ranking[0]
    if words is None or word_count(candidates[best].text) <= words:
        assert best in chosen


def test_a_budget_smaller_than_every_sentence_keeps_the_best_sentence_alone() -> None:
    texts = ["harbour solar roof market", "council vote plan cost quay", "fish market roof"]
    candidates = [Sentence(t, i, 0) for i, t in enumerate(texts)]
    assert select(candidates, [1, 0, 2], words=2) == [1]
    assert select(candidates, [2, 1, 0], words=2, count=3) == [2]
    # Once one sentence fits, the budget holds again.
    assert select(candidates, [1, 0, 2], words=3) == [2]
    assert select([], [], words=2) == []
