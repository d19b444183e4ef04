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

import numpy as np
from scipy import sparse

from ..language import stop_words

WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")

Stemmer = Callable[[str], str]

# ISO 639-1 code -> snowballstemmer algorithm.
_SNOWBALL = {
    "ar": "arabic", "hy": "armenian", "eu": "basque", "ca": "catalan", "cs": "czech",
    "sk": "czech", "da": "danish", "nl": "dutch", "en": "english", "eo": "esperanto",
    "et": "estonian", "fi": "finnish", "fr": "french", "de": "german", "el": "greek",
    "hi": "hindi", "hu": "hungarian", "id": "indonesian", "ga": "irish", "it": "italian",
    "lt": "lithuanian", "ne": "nepali", "no": "norwegian", "nb": "norwegian",
    "nn": "norwegian", "fa": "persian", "pl": "polish", "pt": "portuguese", "ro": "romanian",
    "ru": "russian", "uk": "russian", "sr": "serbian", "es": "spanish", "sv": "swedish",
    "ta": "tamil", "tr": "turkish", "yi": "yiddish",
}


def words(text: str) -> list[str]:
    """The words of ``text`` as they are written (letters and digits, inner apostrophes)."""
    return WORD.findall(text)


@cache
def stemmer(language: str) -> Stemmer:
    """A caching Snowball stemmer for ``language``; lower-casing alone where there is none."""
    name = _SNOWBALL.get(language)
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
    """Sentences x terms counts (CSR) and each sentence's content tokens."""

    counts: sparse.csr_matrix
    tokens: tuple[tuple[str, ...], ...]

    @property
    def lengths(self) -> np.ndarray:
        """Content tokens per sentence, repeats included."""
        return np.fromiter((len(t) for t in self.tokens), dtype=np.float64, count=len(self.tokens))


# Scripts written without spaces between words: Chinese, Japanese kana, Thai.
_UNSPACED = re.compile(r"[\u0e00-\u0e7f\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")


def content_tokens(
    text: str, stops: frozenset[str], stem: Stemmer, *, numbers: bool = True
) -> tuple[str, ...]:
    """Stemmed, lower-cased words of ``text`` that are not stop words (sumy's rule).

    With ``numbers=False`` tokens that start with a digit are dropped too: the
    word pattern cuts "$1.13bn" into "1" and "13bn", and two sentences that both
    contain a "2" (per cent, players, years) share no content.

    A run of an unspaced script (Chinese, Japanese, Thai) is one regex "word";
    it is taken as overlapping character bigrams, the usual unit for such text
    in retrieval, so that sentences in those languages can share terms.
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
    return tuple(tokens)


def term_matrix(
    texts: Sequence[str],
    language: str,
    *,
    stem: Stemmer | None = None,
    stops: Iterable[str] | None = None,
    numbers: bool = True,
) -> Terms:
    """Count the content terms of each text; ``stem`` and ``stops`` default to the language's.

    ``numbers=False`` leaves out tokens that start with a digit (see :func:`content_tokens`).
    """
    stem = stem or stemmer(language)
    stop_set = frozenset(w.lower() for w in (stop_words(language) if stops is None else stops))
    # Each distinct written word is lower-cased, filtered and stemmed once.
    seen: dict[str, tuple[str, ...]] = {}

    def term(word: str) -> tuple[str, ...]:
        found = seen.get(word)
        if found is None:
            found = seen[word] = content_tokens(word, stop_set, stem, numbers=numbers)
        return found

    tokens = tuple(
        tuple(t for word in WORD.findall(text) for t in term(word)) for text in texts
    )
    vocabulary: dict[str, int] = {}
    indptr = [0]
    indices: list[int] = []
    for sentence in tokens:
        for token in sentence:
            indices.append(vocabulary.setdefault(token, len(vocabulary)))
        indptr.append(len(indices))
    data = np.ones(len(indices), dtype=np.float64)
    counts = sparse.csr_matrix(
        (data, np.asarray(indices, dtype=np.int64), np.asarray(indptr, dtype=np.int64)),
        shape=(len(texts), max(1, len(vocabulary))),
    )
    counts.sum_duplicates()
    return Terms(counts, tokens)
