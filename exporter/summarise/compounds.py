"""Closed compounds split against the document's own words, so their parts can be shared.

German, Dutch, the Scandinavian languages and Finnish write a compound as one
word: a report about a law calls it "Gebäudeenergiegesetz" in its lede and
"das Gesetz" afterwards. To a bag of stems those are unrelated words, so the
lede, which names the thing in full, looks less central than it is (issue 18,
point 4). Decompounding is the standard remedy in retrieval for these languages
(Braschler & Ripplinger 2004, "How effective is stemming and decompounding for
German text retrieval?"); it usually needs a lexicon. Here the lexicon is the
document itself: a word is split only into parts the same document also writes
as words of their own, so no dictionary is shipped and nothing is guessed from
letters alone. "Gebäudeenergiegesetz" in an article that also says "Gesetz" and
"Energie" adds the terms of "energie" and "gesetz" beside the compound's own.

The rule (after Koehn & Knight 2003, "Empirical methods for compound
splitting", with the document as the corpus): the head is the longest proper
suffix of at least :data:`MIN_PART` letters that the document writes as a
word; what comes before it is a modifier part if it is a word too, after
dropping a linking element (Fugen-s, -es, -n, -en, -e), and is itself split the
same way when it is not.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from ..language_table import COMPOUNDING

__all__ = ["COMPOUNDING", "MIN_PART", "Splitter", "compound_splitter"]
MIN_PART = 4
"""Letters a part needs at least: shorter "parts" ("ei", "tor") are mostly coincidence."""
_LINKS = ("es", "en", "s", "n", "e")
"""Linking elements between a modifier and the head, longest first."""

Splitter = Callable[[str], list[str]]


def compound_splitter(vocabulary: Iterable[str]) -> Splitter:
    """A function from a lower-cased word to its parts that ``vocabulary`` holds as words.

    ``vocabulary`` is every word of the document, lower-cased. A word that is not
    a compound of such words gives ``[]``.
    """
    known = frozenset(vocabulary)
    found: dict[str, list[str]] = {}

    def split(word: str, depth: int = 0) -> list[str]:
        if len(word) < 2 * MIN_PART:
            return []
        cached = found.get(word) if depth == 0 else None
        if cached is not None:
            return cached
        parts: list[str] = []
        for cut in range(MIN_PART, len(word) - MIN_PART + 1):
            head = word[cut:]
            if head not in known:
                continue
            parts = [*_modifier(word[:cut], depth), head]
            break
        if depth == 0:
            found[word] = parts
        return parts

    def _modifier(modifier: str, depth: int) -> list[str]:
        if modifier in known:
            return [modifier]
        for link in _LINKS:
            stem = modifier[: -len(link)]
            if modifier.endswith(link) and len(stem) >= MIN_PART and stem in known:
                return [stem]
        return split(modifier, depth + 1) if depth < 2 else []

    return split
