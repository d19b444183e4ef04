"""Extractive summarisation: choose a document's most informative sentences.

``summarise(document, ...)`` is the public function. A method ranks the
document's sentences best first (:func:`rank`); :func:`select` then keeps the
best while the summary has room and never keeps two near-duplicates. Results
always come back in document order.

Method names (``method_names()`` lists them; ``_`` and ``-`` are equivalent):

==================  ==========================================================
``default``         the project's best method; today ``centrality``
``centrality``      degree centrality on the TextRank graph, page furniture
                    set aside (:mod:`exporter.summarise.centrality`); NLTK-free
``pacsum``          the same graph, position-aware (PACSUM) with a lead prior
``mmr``             the same, re-ordered by maximal marginal relevance for
                    more varied short summaries; NLTK-free
``lexrank``         LexRank, vectorised: sumy's ranking, 100x+ faster; NLTK-free
``textrank``        TextRank, vectorised: sumy's ranking, 100x+ faster; NLTK-free
``lead``            the first sentences (the news baseline; ``lead-k``, ``lead3``)
``sumy-<name>``     sumy's own summarizers: edmundson, kl, lexrank, lsa, luhn,
                    reduction, sumbasic, textrank (imports NLTK). The six
                    without a vectorised twin also answer to their bare name
                    (``lsa``, ``luhn``, ...).
==================  ==========================================================

``lexrank`` and ``textrank`` rank exactly as sumy's do on the same tokens (their
stemmer is Snowball 3 via ``snowballstemmer``, which stems a few words
differently from NLTK's older port that sumy uses). Above 5,000 sentences
(:data:`~exporter.summarise.graph.EXACT_LIMIT`) they and ``centrality``
compare only sentences at most 100 places apart, which keeps a book-length
document near-linear in time and memory (:mod:`exporter.summarise.graph`).
The sentence graph is streamed a block of rows at a time and words become
int32 term ids at once: the default summary of a 20 MB, 270,000-sentence text
takes about 2.5 s and adds next to nothing to the memory the document itself
holds (``benchmarks/bench_summarise.py`` prints the figures).
"""

from __future__ import annotations

import importlib
import math
from collections.abc import Callable, Sequence

from ..errors import UsageError
from ..model import Document, Sentence, Summary
from .clean import clean_candidates
from .lead import lead
from .select import select
from .sumy_bridge import SUMY_METHODS, sumy_method

Method = Callable[[Document, Sequence[Sentence]], Sequence[int]]
"""A method: (document, candidate sentences) -> candidate indices, best first."""

DEFAULT_METHOD = "centrality"
DEFAULT_SENTENCES = 5



def _lazy(module: str, name: str) -> Method:
    """The method ``name`` of ``module``, imported when first called: the graph methods
    load numpy and scipy, which ``import exporter`` must not (``exporter --version``)."""

    def method(document: Document, candidates: Sequence[Sentence]) -> Sequence[int]:
        found: Method = getattr(importlib.import_module(module, __package__), name)
        return found(document, candidates)

    method.__name__ = method.__qualname__ = name
    return method


METHODS: dict[str, Method] = {
    "centrality": _lazy(".centrality", "centrality"),
    "lead": lead,
    "lexrank": _lazy(".fast", "lexrank"),
    "mmr": _lazy(".centrality", "mmr"),
    "pacsum": _lazy(".centrality", "pacsum"),
    "textrank": _lazy(".fast", "textrank"),
}
METHODS.update({f"sumy-{name}": sumy_method(name) for name in SUMY_METHODS})
ALIASES = {"default": DEFAULT_METHOD, "lead-k": "lead", "lead3": "lead", "lead-3": "lead"}
ALIASES.update({name: f"sumy-{name}" for name in SUMY_METHODS if name not in METHODS})


def method_names() -> list[str]:
    """Every method name ``summarise`` accepts, ``default`` first, then the canonical names."""
    return ["default", *sorted(METHODS)]


_DESCRIPTIONS = {
    "centrality": "degree centrality on the TextRank graph, page furniture set aside",
    "pacsum": "position-aware degree centrality (PACSUM) with a lead prior",
    "lead": "the first sentences (the news baseline)",
    "lexrank": "LexRank, vectorised; ranks as sumy's LexRank does",
    "mmr": "centrality re-ordered by maximal marginal relevance (more varied)",
    "textrank": "TextRank, vectorised; ranks as sumy's TextRank does",
    "sumy-edmundson": "sumy's Edmundson (cue, key, title and location words)",
    "sumy-kl": "sumy's KL-Sum (word distribution closest to the document's)",
    "sumy-lexrank": "sumy's own LexRank (slow on long documents)",
    "sumy-lsa": "sumy's latent semantic analysis",
    "sumy-luhn": "sumy's Luhn (clusters of significant words)",
    "sumy-reduction": "sumy's Reduction (graph degree, digits counted)",
    "sumy-sumbasic": "sumy's SumBasic (word probabilities, redundancy update)",
    "sumy-textrank": "sumy's own TextRank (slow on long documents)",
}


def method_help() -> list[tuple[str, str]]:
    """``(name, one-line description)`` for every name of :func:`method_names`."""
    rows = [("default", f"the recommended method, currently {DEFAULT_METHOD}")]
    for name in sorted(METHODS):
        line = _DESCRIPTIONS.get(name, name)
        rows.append((name, f"{line}; imports NLTK" if name.startswith("sumy-") else line))
    return rows


def resolve_method(name: str) -> str:
    """The canonical method name for ``name``; ``UsageError`` if unknown."""
    if not isinstance(name, str):
        raise UsageError(f"a summary method must be a name such as 'lead', not {name!r}")
    key = name.strip().lower().replace("_", "-")
    key = ALIASES.get(key, key)
    if key not in METHODS:
        choices = ", ".join([*method_names(), *sorted(a for a in ALIASES if a != "default")])
        raise UsageError(f"unknown summary method {name!r} (choose from {choices})")
    return key


def rank(document: Document, method: str = "default") -> tuple[list[Sentence], list[int]]:
    """The document's candidate sentences and their indices ranked best first by ``method``.

    The candidates are the story's sentences with news boilerplate taken out
    (:func:`~exporter.summarise.clean.clean_candidates`): every method, ``lead``
    included, ranks the same cleaned text.
    """
    candidates = clean_candidates(list(document.sentences()))
    if not candidates:
        return candidates, []
    ranking = list(METHODS[resolve_method(method)](document, candidates))
    return candidates, ranking


def summarise(
    document: Document,
    *,
    sentences: int | None = None,
    ratio: float | None = None,
    words: int | None = None,
    method: str | None = "default",
) -> Summary:
    """The ``document``'s summary, in document order.

    Length: ``words`` (a word budget: the best sentences that fit, never more
    words than that, except that when not even one sentence fits the best
    sentence is returned alone, over budget) wins over ``ratio`` (a fraction of the document's
    sentences, rounded up), which wins over ``sentences`` (default 5).
    Two near-duplicate sentences are never both chosen, and a sentence that
    leans on its predecessor ("But ...", "He said ...") comes with it or not at all.
    ``method`` ``None`` is the default method.

    Raises :class:`~exporter.errors.UsageError` when ``document`` is not a
    :class:`~exporter.model.Document` (read text with ``exporter.read_string``
    first), a length is not a number or out of range, or the method is unknown.
    """
    _check_arguments(document, sentences, ratio, words, method)
    name = resolve_method(method or "default")
    count, budget = _limits(sentences, ratio, words)
    candidates, ranking = rank(document, name)
    if not candidates:
        return Summary((), name)
    if ratio is not None and budget is None:
        count = max(1, math.ceil(len(candidates) * ratio))
    chosen = select(candidates, ranking, count=count, words=budget, language=document.language)
    return Summary(tuple(candidates[i] for i in chosen), name)


def _check_arguments(document: object, sentences: object, ratio: object, words: object,
                     method: object) -> None:
    from ..arguments import check_count, check_number, check_optional_text

    if not isinstance(document, Document):
        hint = " (read it with exporter.read_string first)" if isinstance(document, str) else ""
        raise UsageError(
            f"summarise(): document must be a Document, not {type(document).__name__}{hint}"
        )
    check_count("summarise", "sentences", sentences)
    check_number("summarise", "ratio", ratio)
    check_count("summarise", "words", words)
    check_optional_text("summarise", "method", method)


def _limits(
    sentences: int | None, ratio: float | None, words: int | None
) -> tuple[int | None, int | None]:
    """(sentence cap, word budget) from the three ways of giving a length."""
    if words is not None:
        if words <= 0:
            raise UsageError("the summary's word budget must be a positive number")
        return None, words
    if ratio is not None:
        if not 0 < ratio <= 1:
            raise UsageError("the summary ratio must be greater than 0 and at most 1")
        return None, None
    count = DEFAULT_SENTENCES if sentences is None else sentences
    if count <= 0:
        raise UsageError("the number of summary sentences must be positive")
    return count, None


__all__ = [
    "DEFAULT_METHOD",
    "METHODS",
    "Method",
    "method_help",
    "method_names",
    "rank",
    "resolve_method",
    "select",
    "summarise",
]
