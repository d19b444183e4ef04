"""The vectorised LexRank and TextRank rank sentences exactly as sumy's own do."""

from __future__ import annotations

import numpy as np
import pytest
from summarise_articles import ENGLISH

from exporter.model import Document, Paragraph, Sentence
from exporter.summarise import rank
from exporter.summarise.fast import lexrank, textrank
from exporter.summarise.graph import products
from exporter.summarise.sumy_bridge import sumy_method
from tests.conftest import make_document, shared_path

SECOND = (
    "A storm closed the mountain pass on Friday and stranded two hundred drivers overnight.",
    "Rescue teams brought blankets and hot food to the drivers stranded on the pass. "
    "Snow ploughs cleared one lane of the pass by Saturday morning.",
    "The weather service had warned of heavy snow on the pass two days earlier. "
    "Drivers said the warning never reached the valley towns.",
    "The regional government will review how storm warnings are sent. "
    "A new text message alert for the pass is planned before next winter.",
)


def _sumy_stemmer() -> object:
    from sumy.nlp.stemmers import Stemmer

    return Stemmer("english")


@pytest.mark.parametrize("paragraphs", [ENGLISH, SECOND], ids=["harbour", "storm"])
@pytest.mark.parametrize("name", ["lexrank", "textrank"])
def test_same_ranking_as_sumy_with_the_same_stemmer(paragraphs: tuple[str, ...], name: str) -> None:
    document = make_document("Test", paragraphs, language="en")
    candidates = list(document.sentences())
    fast = {"lexrank": lexrank, "textrank": textrank}[name]
    expected = sumy_method(name)(document, candidates)
    assert fast(document, candidates, stem=_sumy_stemmer()) == expected  # type: ignore[arg-type]
    # The NLTK-free default stemmer gives the same summaries on these articles.
    for count in (1, 2, 3, 5):
        assert sorted(fast(document, candidates)[:count]) == sorted(expected[:count])


def test_same_ranking_as_sumy_on_every_bbc_article() -> None:
    root = shared_path("eval", "bbc", "article")
    files = sorted(root.glob("*/*.txt"))
    assert len(files) == 100
    stem = _sumy_stemmer()
    agree = 0
    for path in files:
        lines = [line.strip() for line in path.read_text(encoding="utf-8").splitlines()[1:]]
        sentences = tuple(Sentence(t, 0, i) for i, t in enumerate(x for x in lines if x))
        document = Document("BBC", (Paragraph(sentences),), language="en")
        candidates = list(sentences)
        for name, fast in (("lexrank", lexrank), ("textrank", textrank)):
            expected = sumy_method(name)(document, candidates)
            assert fast(document, candidates, stem=stem) == expected, (path.name, name)  # type: ignore[arg-type]
            # The NLTK-free stemmer (Snowball 3) stems a handful of words differently
            # from NLTK's older port ("university", "added"), so a few summaries differ.
            _, mine = rank(document, name)
            agree += sorted(mine[:3]) == sorted(expected[:3])
    assert agree >= 190


def test_banded_products_equal_exact_products_inside_the_band() -> None:
    rng = np.random.default_rng(3)
    from scipy import sparse

    matrix = sparse.random(700, 50, density=0.1, random_state=rng, format="csr")
    exact = products(matrix).toarray()
    banded = products(matrix, window=40).toarray()
    i, j = np.indices(exact.shape)
    inside = np.abs(i - j) <= 40
    assert np.allclose(banded[inside], exact[inside])
    assert not banded[~inside].any()
    assert exact[~inside].any()
    # Memory is bounded by the band, whatever the text: at most 2 * window + 1 per row.
    assert products(matrix, window=40).nnz <= 700 * 81


def test_long_documents_use_the_banded_graph(monkeypatch: pytest.MonkeyPatch) -> None:
    from exporter.summarise import graph

    paragraphs = tuple(ENGLISH * 40)
    document = make_document("Long", paragraphs, language="en")
    _, exact = rank(document, "textrank")
    monkeypatch.setattr(graph, "EXACT_LIMIT", 10)
    monkeypatch.setattr(graph, "WINDOW", 5)
    _, banded = rank(document, "textrank")
    assert sorted(banded) == sorted(exact) == list(range(len(exact)))
    assert banded != exact  # a different graph, still a full ranking


def _book(sentences: int = 20000) -> Document:
    import random

    rng = random.Random(5)
    vocabulary = [f"w{i}x" for i in range(5000)]
    weights = [1 / (i + 1) for i in range(len(vocabulary))]
    texts = [
        " ".join(rng.choices(vocabulary, weights, k=rng.randint(8, 30))).capitalize() + "."
        for _ in range(sentences)
    ]
    blocks = tuple(
        Paragraph(tuple(Sentence(t, p, i) for i, t in enumerate(texts[s : s + 5])))
        for p, s in enumerate(range(0, len(texts), 5))
    )
    return Document("Book", blocks, language="en")


def test_a_book_length_document_is_summarised_in_near_linear_time() -> None:
    import time

    document = _book()
    for method in ("default", "lexrank", "textrank"):
        started = time.perf_counter()
        candidates, ranking = rank(document, method)
        # An exact graph would compare 200 million pairs; the banded one 4 million.
        assert time.perf_counter() - started < 20, method
        assert sorted(ranking) == list(range(len(candidates)))


def test_a_book_length_document_is_summarised_in_little_memory() -> None:
    import tracemalloc

    document = _book()
    # Peak Python and numpy allocations while ranking 20,000 sentences. The graph
    # is streamed in blocks: materialising the banded products took 153, 164 and
    # 127 MB here; the streamed graph takes about 22, 29 and 77 MB.
    limits = {"default": 50, "lexrank": 60, "textrank": 100}
    for method, megabytes in limits.items():
        tracemalloc.start()
        try:
            rank(document, method)
            peak = tracemalloc.get_traced_memory()[1]
        finally:
            tracemalloc.stop()
        assert peak < megabytes * 2**20, (method, peak / 2**20)
