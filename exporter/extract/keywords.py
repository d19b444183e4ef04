"""A few keywords for an article: its most mentioned names, then its most used content words."""

from __future__ import annotations

import re
from collections import Counter

from ..language import stop_words
from ..model import Document, Heading
from .scope import EXTRACT_CHARS, opening, remembered

# A run of capitalised words ('Nagorno-Karabakh', 'Dmitry Peskov'), hyphens and apostrophes in.
_NAME = re.compile(r"(?:[^\W\d_][\w'’-]*)(?:\s+[^\W\d_][\w'’-]*)*")
_WORD = re.compile(r"[^\W\d_][\w'’-]*")
MIN_WORD_LENGTH = 4
# Keywords are chosen greedily, so the first n of a longer list are the n best: this many
# are worked out and remembered for each article, and any shorter list is a prefix.
REMEMBERED = 16
# Capitalised, frequent and never a topic.
_CALENDAR = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday january february march april may "
    "june july august september october november december montag dienstag mittwoch donnerstag "
    "freitag samstag sonntag lundi mardi mercredi jeudi vendredi samedi dimanche mr mrs ms dr "
    "prof sir".split()
)


_SENTENCE_END = re.compile(r"[.!?:“\"«„]\s*$")
_POSSESSIVE = re.compile(r"['’]s$")


def _names(text: str, stops: frozenset[str]) -> list[str]:
    """Capitalised word runs that do not start a sentence and are not stop words."""
    names: list[str] = []
    matches = list(_WORD.finditer(text))
    tokens = [match.group(0) for match in matches]
    spans = [match.span() for match in matches]
    run: list[str] = []
    for position, token in enumerate(tokens):
        word = token.rstrip("'’-")
        start, end = spans[position]
        named = word[:1].isupper() and word.lower() not in stops
        if named and position:
            # A capitalised word that starts a sentence is a name only if the next is too.
            previous_end = spans[position - 1][1]
            if _SENTENCE_END.search(text, previous_end, start):
                named = _next_capitalised(text, tokens, spans, position)
        elif named:
            named = _next_capitalised(text, tokens, spans, position)
        if named:
            if run and text[spans[position - 1][1] : start].strip():
                names.append(" ".join(run))
                run = []
            run.append(_POSSESSIVE.sub("", word) if "s" in word[-1:] else word)
        elif run:
            names.append(" ".join(run))
            run = []
    if run:
        names.append(" ".join(run))
    return names


def _next_capitalised(text: str, tokens: list[str], spans: list[tuple[int, int]],
                      position: int) -> bool:
    """Whether the word after ``position`` is capitalised and only space lies between."""
    following = position + 1
    return (following < len(tokens) and tokens[following][:1].isupper()
            and not text[spans[position][1] : spans[following][0]].strip())


def keywords(
    document: Document, limit: int = 6, max_chars: int | None = EXTRACT_CHARS
) -> list[str]:
    """Up to ``limit`` keywords: names mentioned at least twice first, then frequent words.

    Only the opening ``max_chars`` characters are read (``None``: all).
    """
    if limit <= 0:
        return []
    if limit > REMEMBERED:
        return _chosen(opening(document, max_chars), limit)
    return list(remembered(document, max_chars, "keywords",
                           lambda opened: tuple(_chosen(opened, REMEMBERED)))[:limit])


def _chosen(document: Document, limit: int) -> list[str]:
    stops = stop_words(document.language) | stop_words("en") | _CALENDAR
    texts = [document.title] + [b.text for b in document.blocks]
    names: Counter[str] = Counter()
    words: Counter[str] = Counter()
    for text in texts:
        for name in _names(text, stops):
            parts = name.split()
            # 'Mayor Ana Ruiz' is also a mention of 'Ana Ruiz'.
            names.update(" ".join(parts[i:]) for i in range(max(1, len(parts) - 1)))
    for block in document.blocks:
        if isinstance(block, Heading):
            continue
        for match in _WORD.finditer(block.text):
            word = match.group(0).lower().strip("'’-")
            if len(word) >= MIN_WORD_LENGTH and word not in stops:
                words[word] += 1
    chosen: list[str] = []
    seen: set[str] = set()
    for name, count in names.most_common():
        if count < 2 or len(chosen) >= limit:
            break
        if name.casefold() not in seen:
            chosen.append(name)
            seen.update(part.casefold() for part in name.split())
            seen.add(name.casefold())
    for word, count in words.most_common():
        if len(chosen) >= limit or count < 2:
            break
        if word.casefold() not in seen:
            chosen.append(word)
            seen.add(word.casefold())
    return chosen
