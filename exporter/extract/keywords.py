"""A few keywords for an article: its most mentioned names, then its most used content words."""

from __future__ import annotations

import re
from collections import Counter

from ..language import stop_words
from ..model import Document, Heading
from .scope import EXTRACT_CHARS, opening

# A run of capitalised words ('Nagorno-Karabakh', 'Dmitry Peskov'), hyphens and apostrophes in.
_NAME = re.compile(r"(?:[^\W\d_][\w'’-]*)(?:\s+[^\W\d_][\w'’-]*)*")
_WORD = re.compile(r"[^\W\d_][\w'’-]*")
MIN_WORD_LENGTH = 4
# Capitalised, frequent and never a topic.
_CALENDAR = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday january february march april may "
    "june july august september october november december montag dienstag mittwoch donnerstag "
    "freitag samstag sonntag lundi mardi mercredi jeudi vendredi samedi dimanche mr mrs ms dr "
    "prof sir".split()
)


def _is_capitalised(word: str) -> bool:
    return word[:1].isupper()


def _names(text: str, stops: frozenset[str]) -> list[str]:
    """Capitalised word runs that do not start a sentence and are not stop words."""
    names: list[str] = []
    words = list(_WORD.finditer(text))
    run: list[str] = []
    for position, match in enumerate(words):
        word = match.group(0).rstrip("'’-")
        sentence_start = position == 0 or re.search(
            r"[.!?:“\"«„]\s*$", text[words[position - 1].end() : match.start()]
        )
        next_capitalised = (
            position + 1 < len(words)
            and _is_capitalised(words[position + 1].group(0))
            and not text[match.end() : words[position + 1].start()].strip()
        )
        if (
            _is_capitalised(word)
            and word.lower() not in stops
            and (not sentence_start or next_capitalised)
        ):
            gap = text[words[position - 1].end() : match.start()] if run else " "
            if run and gap.strip():
                names.append(" ".join(run))
                run = []
            run.append(re.sub(r"['’]s$", "", word))
        elif run:
            names.append(" ".join(run))
            run = []
    if run:
        names.append(" ".join(run))
    return names


def keywords(
    document: Document, limit: int = 6, max_chars: int | None = EXTRACT_CHARS
) -> list[str]:
    """Up to ``limit`` keywords: names mentioned at least twice first, then frequent words.

    Only the opening ``max_chars`` characters are read (``None``: all).
    """
    if limit <= 0:
        return []
    document = opening(document, max_chars)
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
