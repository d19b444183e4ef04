"""Sentences as sparse term-count vectors: words, stop words, stems, one matrix.

The fast methods share this step. Words are found by a Unicode regular
expression (the same one the sumy bridge gives sumy), lower-cased, stop words
dropped, and stemmed by ``snowballstemmer`` (pure Python, no NLTK, 30-odd
languages). Each distinct word is stemmed once per document, so the cost is
linear in the text's length.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from itertools import chain

import numpy as np
from scipy import sparse

from ..language import stop_words
from ..language_table import SNOWBALL
from .compounds import COMPOUNDING, Splitter, compound_splitter

WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")

Stemmer = Callable[[str], str]

_CHUNK = 4096
"""Sentences tokenised at a time: bounds the Python strings alive at once."""


def words(text: str) -> list[str]:
    """The words of ``text`` as they are written (letters and digits, inner apostrophes)."""
    return WORD.findall(text)


@cache
def stemmer(language: str) -> Stemmer:
    """A caching Snowball stemmer for ``language``; lower-casing alone where there is none."""
    name = SNOWBALL.get(language)
    if name is None:
        return str.lower
    import snowballstemmer

    algorithm = snowballstemmer.stemmer(name)
    seen: dict[str, str] = {}

    def stem(word: str) -> str:
        found = seen.get(word)
        if found is None:
            found = seen[word] = algorithm.stemWord(word.lower())
        return found

    return stem


@dataclass(frozen=True, slots=True)
class Terms:
    """Sentences x terms counts (CSR) and each sentence's number of content tokens."""

    counts: sparse.csr_matrix
    lengths: np.ndarray
    """Content tokens per sentence, repeats included (float64)."""


# Scripts written without spaces between words: Chinese, Japanese kana, Thai.
_UNSPACED = re.compile(r"[\u0e00-\u0e7f\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")


def content_tokens(
    text: str,
    stops: frozenset[str],
    stem: Stemmer,
    *,
    numbers: bool = True,
    split: Splitter | None = None,
) -> tuple[str, ...]:
    """Stemmed, lower-cased words of ``text`` that are not stop words (sumy's rule).

    With ``numbers=False`` tokens that start with a digit are dropped too: the
    word pattern cuts "$1.13bn" into "1" and "13bn", and two sentences that both
    contain a "2" (per cent, players, years) share no content.

    A run of an unspaced script (Chinese, Japanese, Thai) is one regex "word";
    it is taken as overlapping character bigrams, the usual unit for such text
    in retrieval, so that sentences in those languages can share terms.

    ``split`` (see :mod:`~exporter.summarise.compounds`) adds the stems of a
    closed compound's parts after the compound's own stem.
    """
    tokens: list[str] = []
    for word in WORD.findall(text):
        word = word.lower()
        if word in stops or (not numbers and word[0].isdigit()):
            continue
        if len(word) > 2 and _UNSPACED.match(word):
            tokens.extend(word[i : i + 2] for i in range(len(word) - 1))
        else:
            tokens.append(stem(word))
            if split is not None:
                tokens.extend(stem(part) for part in split(word) if part not in stops)
    return tuple(tokens)


def term_matrix(
    texts: Sequence[str],
    language: str,
    *,
    stem: Stemmer | None = None,
    stops: Iterable[str] | None = None,
    numbers: bool = True,
    compounds: bool = False,
) -> Terms:
    """Count the content terms of each text; ``stem`` and ``stops`` default to the language's.

    ``numbers=False`` leaves out tokens that start with a digit (see :func:`content_tokens`).
    ``compounds=True`` splits closed compounds into the parts the texts also use as
    words, in the languages that write them (:mod:`~exporter.summarise.compounds`).
    """
    stem = stem or stemmer(language)
    stop_set = frozenset(w.lower() for w in (stop_words(language) if stops is None else stops))
    split = _splitter(texts) if compounds and language in COMPOUNDING else None
    # Every distinct written word gets an id, in order of first appearance, and
    # is lower-cased, filtered and stemmed once; its terms get ids the same way.
    # Sentences are tokenised a chunk at a time into int32 term ids, never kept
    # as Python strings or per-sentence lists, so a book costs a few bytes a word.
    word_ids: dict[str, int] = {}
    vocabulary: dict[str, int] = {}
    word_terms: list[int] = []  # the term ids of every distinct word, concatenated
    word_starts = [0]
    pieces: list[np.ndarray] = []
    lengths: list[np.ndarray] = []
    for first in range(0, len(texts), _CHUNK):
        found = [WORD.findall(text) for text in texts[first : first + _CHUNK]]
        sizes = np.fromiter(map(len, found), np.int64, len(found))
        flat = list(chain.from_iterable(found))
        del found
        for word in dict.fromkeys(flat):
            if word not in word_ids:
                word_ids[word] = len(word_ids)
                for token in content_tokens(word, stop_set, stem, numbers=numbers, split=split):
                    word_terms.append(vocabulary.setdefault(token, len(vocabulary)))
                word_starts.append(len(word_terms))
        words = np.fromiter(map(word_ids.__getitem__, flat), np.int64, len(flat))
        del flat
        starts = np.asarray(word_starts, dtype=np.int64)
        per_word = np.diff(starts)[words]  # terms of each occurrence (usually 0 or 1)
        ends = np.concatenate(([0], np.cumsum(per_word)))
        # Occurrence k's terms sit at word_terms[starts[w_k] : starts[w_k] + per_word[k]].
        offsets = np.repeat(starts[words] - ends[:-1], per_word)
        offsets += np.arange(offsets.size)
        pieces.append(np.asarray(word_terms, dtype=np.int32)[offsets])
        lengths.append(np.diff(ends[np.concatenate(([0], np.cumsum(sizes)))]))
    del word_ids
    indices = np.concatenate(pieces) if pieces else np.zeros(0, np.int32)
    sentence_lengths = np.concatenate(lengths) if lengths else np.zeros(0, np.int64)
    del pieces, lengths
    indptr = np.concatenate(([0], np.cumsum(sentence_lengths)))
    counts = sparse.csr_matrix(
        (np.ones(indices.size, dtype=np.float64), indices, indptr),
        shape=(len(texts), max(1, len(vocabulary))),
    )
    counts.sum_duplicates()
    return Terms(counts, sentence_lengths.astype(np.float64))


def _splitter(texts: Sequence[str]) -> Splitter:
    """A compound splitter whose lexicon is every word of ``texts``, lower-cased."""
    written: set[str] = set()
    for text in texts:
        written.update(WORD.findall(text))
    return compound_splitter(word.lower() for word in written)
