"""Gather articles into a digest: put them in order and drop the ones given twice.

Both functions work on :class:`~exporter.model.Article` only, so they apply to any
writer that combines articles (the EPUB digest today). The pipeline calls
:func:`deduplicate` (or a :class:`Deduplicator`, as articles arrive) on the articles
in the order they were given, then :func:`order_articles`, and reports every
dropped article.

Near-identical texts are found with word shingles and MinHash (Broder, "On the
resemblance and containment of documents", 1997), in its one-permutation form
(Li, Owen and Zhang, "One Permutation Hashing", NIPS 2012): each text becomes the
set of its overlapping five-word sequences, a signature of per-bin minimum hashes
estimates the Jaccard similarity of two sets, locality-sensitive hashing over bands
of the signature proposes candidate pairs, and every candidate is confirmed with
the exact Jaccard similarity before an article is dropped.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

import numpy as np

from .errors import UsageError
from .model import Article

ORDERS = ("date", "given")
"""Names accepted by :func:`order_articles` (and ``--order``)."""

NEAR_DUPLICATE = 0.9
"""Jaccard similarity of word shingles from which two texts count as the same article."""

SHINGLE_WORDS = 5
_BIN_BITS = 6
_BINS = 1 << _BIN_BITS
_BANDS = 16  # 16 bands of 4 bins: a pair at similarity 0.9 is missed with p < 1e-7
_ROWS = _BINS // _BANDS
_EMPTY_BIN = 1 << 63  # above any bin's value, which has 58 bits
_MULTIPLIER = np.uint64(0x9E3779B97F4A7C15)
_NO_SHINGLES = np.zeros(0, dtype=np.uint64)
_WORD = re.compile(r"\w+")
_TRACKING = re.compile(r"^(utm_\w+|fbclid|gclid|dclid|mc_cid|mc_eid|igshid|ref_src)$", re.I)


def order_articles(articles: Sequence[Article], order: str) -> list[Article]:
    """The articles in digest order.

    ``"date"``: oldest published first; undated articles keep their given order and
    come last; articles of the same date keep their given order. ``"given"``: as given.
    Any other name raises :class:`~exporter.errors.UsageError`.
    """
    key = order.strip().lower()
    if key == "given":
        return list(articles)
    if key == "date":
        dated = [a for a in articles if a.document.published is not None]
        undated = [a for a in articles if a.document.published is None]
        return sorted(dated, key=lambda a: a.document.published or date.min) + undated
    raise UsageError(f"unknown order {order!r} (choose {' or '.join(ORDERS)})")


def deduplicate(
    articles: Sequence[Article],
) -> tuple[list[Article], list[tuple[Article, Article, str]]]:
    """The articles without repeats, and ``(dropped, kept earlier, reason)`` for each repeat.

    An article repeats an earlier one when both have the same source URL (compared
    without scheme, ``www.``, fragment, trailing slash and tracking parameters) or
    when their body texts are near-identical (shingle Jaccard similarity of at least
    :data:`NEAR_DUPLICATE`; texts too short to shingle must match exactly, title
    included). The first of a group is kept; order is otherwise unchanged.
    """
    seen = Deduplicator()
    kept: list[Article] = []
    dropped: list[tuple[Article, Article, str]] = []
    for article in articles:
        repeat = seen.add(article)
        if repeat is None:
            kept.append(article)
        else:
            dropped.append((article, *repeat))
    return kept, dropped


class Deduplicator:
    """:func:`deduplicate` one article at a time, for articles that arrive one by one
    (a batch's digest is deduplicated while the batch runs)."""

    def __init__(self) -> None:
        self._by_url: dict[str, Article] = {}
        self._by_short_text: dict[tuple[str, str], Article] = {}
        self._index = _NearDuplicateIndex()
        self._count = 0
        self._first: Article | None = None
        """The first article, fingerprinted only once a second one comes: a digest of one
        article (a 20 MB report, say) never pays for it."""

    def add(self, article: Article) -> tuple[Article, str] | None:
        """None when ``article`` is new (it is kept), else the earlier article it repeats
        and why."""
        self._count += 1
        if self._count == 1:
            self._first = article
            self._remember_url(article)
            return None
        if self._first is not None:
            self._keep(_Fingerprint.of(self._first, 0))
            self._first = None
        fingerprint = _Fingerprint.of(article, self._count - 1)
        original, reason = _find_original(article, fingerprint, self._by_url,
                                          self._by_short_text, self._index)
        if original is not None:
            return original, reason
        self._remember_url(article)
        self._keep(fingerprint)
        return None

    def _remember_url(self, article: Article) -> None:
        url = _url_key(article.document.source_url)
        if url is not None:
            self._by_url.setdefault(url, article)

    def _keep(self, fingerprint: _Fingerprint) -> None:
        if fingerprint.shingles.size:
            self._index.add(fingerprint)
        elif fingerprint.short_key is not None:
            self._by_short_text.setdefault(fingerprint.short_key, fingerprint.article)


def _find_original(
    article: Article,
    fingerprint: _Fingerprint,
    by_url: dict[str, Article],
    by_short_text: dict[tuple[str, str], Article],
    index: _NearDuplicateIndex,
) -> tuple[Article | None, str]:
    url = _url_key(article.document.source_url)
    if url is not None and url in by_url:
        return by_url[url], "same source URL"
    if fingerprint.shingles.size:
        match = index.best_match(fingerprint)
        if match is not None:
            original, similarity = match
            if similarity >= 1.0:
                return original, "identical text"
            return original, f"near-identical text, {int(similarity * 100)}% similar"
    elif fingerprint.short_key is not None and fingerprint.short_key in by_short_text:
        return by_short_text[fingerprint.short_key], "identical text"
    return None, ""


def _url_key(url: str | None) -> str | None:
    """A URL reduced to what identifies the page; ``None`` when there is no usable URL."""
    if not url:
        return None
    try:
        parts = urlsplit(url.strip())
        host = (parts.hostname or "").lower()
        port = parts.port
    except ValueError:
        return None
    if not host:
        return None
    host = host.removeprefix("www.")
    if port is not None and port not in (80, 443):
        host = f"{host}:{port}"
    path = parts.path.rstrip("/") or "/"
    query = urlencode(
        [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True)
         if not _TRACKING.match(k)]
    )
    return urlunsplit(("", host, path, query, ""))


def _normalise_words(text: str) -> list[str]:
    return _WORD.findall(unicodedata.normalize("NFKC", text).casefold())


@dataclass(frozen=True, slots=True)
class _Fingerprint:
    """An article's hashed word shingles (sorted, each once: eight bytes a shingle, so a
    long report's stay small) and their MinHash signature."""

    article: Article
    ordinal: int
    shingles: np.ndarray
    signature: tuple[int, ...]
    short_key: tuple[str, str] | None
    """Title and text of a text with too few words to shingle."""

    @classmethod
    def of(cls, article: Article, ordinal: int) -> _Fingerprint:
        text = unicodedata.normalize("NFKC", article.document.text).casefold()
        words = _WORD.findall(text)
        # map() over the found words: no generator frame or match object a word.
        codes = np.fromiter(map(_word_hash, words), dtype=np.uint64, count=len(words))
        if len(codes) < SHINGLE_WORDS:
            key = (" ".join(_normalise_words(article.document.title)), " ".join(words))
            return cls(article, ordinal, _NO_SHINGLES, (), key if words else None)
        hashes = np.unique(_shingle_hashes(codes))
        return cls(article, ordinal, hashes, _signature(hashes), None)


@lru_cache(maxsize=1 << 16)
def _word_hash(word: str) -> int:
    return int.from_bytes(hashlib.blake2b(word.encode(), digest_size=8).digest(), "big")


def _shingle_hashes(codes: np.ndarray) -> np.ndarray:
    """64-bit hashes of the overlapping :data:`SHINGLE_WORDS`-word sequences of a text
    whose words hash to ``codes`` (at least that many).

    Each word is hashed once; a shingle's hash combines its words' hashes as a
    polynomial (modulo 2**64, in numpy's wrapping arithmetic) and is then mixed
    (splitmix64's finaliser) so that its low bits, which pick the MinHash bin, are
    as random as the rest. No shingle string is built.
    """
    count = len(codes) - SHINGLE_WORDS + 1
    hashes = np.zeros(count, dtype=np.uint64)
    for offset in range(SHINGLE_WORDS):
        hashes = hashes * _MULTIPLIER + codes[offset:offset + count]
    hashes ^= hashes >> np.uint64(30)
    hashes *= np.uint64(0xBF58476D1CE4E5B9)
    hashes ^= hashes >> np.uint64(27)
    hashes *= np.uint64(0x94D049BB133111EB)
    hashes ^= hashes >> np.uint64(31)
    return hashes


def _signature(hashes: np.ndarray) -> tuple[int, ...]:
    """One-permutation MinHash: the smallest hash in each of the hash space's bins."""
    signature = np.full(_BINS, _EMPTY_BIN, dtype=np.uint64)
    np.minimum.at(signature, hashes & np.uint64(_BINS - 1), hashes >> np.uint64(_BIN_BITS))
    return tuple(signature.tolist())


def _jaccard(first: np.ndarray, second: np.ndarray) -> float:
    """The Jaccard similarity of two sorted arrays of distinct shingle hashes."""
    if not first.size or not second.size:
        return 0.0
    common = np.intersect1d(first, second, assume_unique=True).size
    return common / (first.size + second.size - common)


class _NearDuplicateIndex:
    """Kept articles' fingerprints, bucketed by signature bands to find candidates fast."""

    def __init__(self) -> None:
        self._buckets: dict[tuple[int, tuple[int, ...]], list[_Fingerprint]] = {}

    def add(self, fingerprint: _Fingerprint) -> None:
        for band in self._bands(fingerprint):
            self._buckets.setdefault(band, []).append(fingerprint)

    def best_match(self, fingerprint: _Fingerprint) -> tuple[Article, float] | None:
        """The kept article most like ``fingerprint`` (earliest on a tie), if similar enough."""
        candidates: dict[int, _Fingerprint] = {}
        for band in self._bands(fingerprint):
            for candidate in self._buckets.get(band, ()):
                candidates[candidate.ordinal] = candidate
        best: tuple[Article, float] | None = None
        for _, candidate in sorted(candidates.items()):
            similarity = _jaccard(fingerprint.shingles, candidate.shingles)
            if similarity >= NEAR_DUPLICATE and (best is None or similarity > best[1]):
                best = (candidate.article, similarity)
        return best

    @staticmethod
    def _bands(fingerprint: _Fingerprint) -> list[tuple[int, tuple[int, ...]]]:
        signature = fingerprint.signature
        bands = [(band, signature[band * _ROWS:(band + 1) * _ROWS]) for band in range(_BANDS)]
        # A band of empty bins says nothing about the text: every short text has them.
        return [band for band in bands if any(v != _EMPTY_BIN for v in band[1])]
