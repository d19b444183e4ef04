"""Which sentences cannot stand alone in a summary, and what they lean on.

A sentence that opens with a connective or an anaphoric pronoun ("But ...",
"He said ...", "Aber ...", "Cela ...": :data:`~exporter.summarise.cues.OPENERS`)
needs the sentence before it; so does one that closes a quotation opened
earlier. A sentence that opens a quotation it does not close needs the one
after it. :func:`dependencies` gives each sentence what it leans on, and
:func:`group` the whole set a sentence must be chosen with (capped at
:data:`MAX_GROUP`: a quotation running on longer is left out rather than
cut). Selection (:mod:`exporter.summarise.select`) takes a group whole or
not at all.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import overload

from .cues import OPENERS, words_for

MAX_GROUP = 3
"""The most sentences one choice may bring in (a sentence and what it leans on)."""

_FIRST = re.compile(r"^[\W_]*([^\W\d_]+(?:['’][^\W\d_]+)?)(?:\s+([^\W\d_]+))?")
_OPENING = "“„«‹‚"
_CLOSING = "”»›"
_ANY_QUOTE = re.compile("[\"“”„«»‹›‚‘]")


def opener(text: str, language: str | None) -> str | None:
    """The dangling opener ``text`` starts with ("But", "Sin embargo"), or ``None``."""
    stripped = text.lstrip(" \"'“”„«»‹›‚‘’([-—–")
    found = _FIRST.match(stripped)
    if not found:
        return None
    first = found.group(1).lower()
    second = (found.group(2) or "").lower()
    if second and f"{first} {second}" in words_for("OPENER_PAIRS", language):
        return f"{found.group(1)} {found.group(2)}"
    if first in _openers(language):
        return found.group(1)
    return None


def _openers(language: str | None) -> frozenset[str]:
    return _OPENER_SETS.get(language or "", _ALL)


_OPENER_SETS = {code: frozenset(words) for code, words in OPENERS.items()}
_ALL = frozenset(words_for("OPENERS", None))


def quote_balance(text: str, language: str | None) -> tuple[bool, bool]:
    """``(closes a quotation opened before, opens one left open)`` for one sentence."""
    if not _ANY_QUOTE.search(text):
        return False, False
    opening, closing = _OPENING, _CLOSING
    if language in ("de", "pl", "cs", "sk", "da"):
        # German-style „…“: “ closes; Danish-style »…« is rare enough to ignore.
        opening, closing = "„‚«", "“‘»"
    depth = 0
    closes_earlier = False
    for char in text:
        if char in opening:
            depth += 1
        elif char in closing:
            if depth == 0:
                closes_earlier = True
            else:
                depth -= 1
    straight = text.count('"')
    if straight % 2:
        # An odd straight quote: opening if it stands at the start of a word near the start.
        at = text.find('"')
        if at == 0 or (at > 0 and text[at - 1].isspace() and at + 1 < len(text)
                       and not text[at + 1].isspace()):
            last = text.rfind('"')
            if last == at:
                depth += 1
            else:
                closes_earlier = True
        else:
            closes_earlier = True
    return closes_earlier, depth > 0


class Dependencies(Sequence[tuple[int, ...]]):
    """For each sentence, the indices of the neighbours it cannot be read without.

    Computed when first asked for: a summary of a book looks at a few sentences only.
    """

    def __init__(self, texts: Sequence[str], language: str | None) -> None:
        self._texts = texts
        self._language = language
        self._found: dict[int, tuple[int, ...]] = {}

    def __len__(self) -> int:
        return len(self._texts)

    @overload
    def __getitem__(self, i: int) -> tuple[int, ...]: ...
    @overload
    def __getitem__(self, i: slice) -> Sequence[tuple[int, ...]]: ...
    def __getitem__(self, i: int | slice) -> tuple[int, ...] | Sequence[tuple[int, ...]]:
        if isinstance(i, slice):
            return [self[j] for j in range(*i.indices(len(self)))]
        found = self._found.get(i)
        if found is None:
            found = self._found[i] = self._needs(i)
        return found

    def _needs(self, i: int) -> tuple[int, ...]:
        text = self._texts[i]
        wanted: list[int] = []
        closes, opens = quote_balance(text, self._language)
        if i > 0 and (closes or opener(text, self._language)):
            wanted.append(i - 1)
        if opens and i + 1 < len(self._texts):
            wanted.append(i + 1)
        return tuple(wanted)


def dependencies(texts: Sequence[str], language: str | None) -> Dependencies:
    """For each sentence, the indices of the neighbours it cannot be read without (lazily)."""
    return Dependencies(texts, language)


def group(index: int, needs: Sequence[tuple[int, ...]]) -> tuple[int, ...] | None:
    """``index`` and everything it leans on, transitively; ``None`` past :data:`MAX_GROUP`."""
    found = {index}
    todo = [index]
    while todo:
        for other in needs[todo.pop()]:
            if other not in found:
                found.add(other)
                if len(found) > MAX_GROUP:
                    return None
                todo.append(other)
    return tuple(sorted(found))


def dangling(chosen: Sequence[int], needs: Sequence[tuple[int, ...]]) -> int:
    """How many of the ``chosen`` sentences lean on a neighbour that is not chosen."""
    kept = set(chosen)
    return sum(1 for i in chosen if any(j not in kept for j in needs[i]))
