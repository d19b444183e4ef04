"""A few keywords for an article: its most mentioned names, then its most used content words.

Each block is split once into its words and the gaps between them; the names
(runs of capitalised words) and the word counts are both read from that split.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import cache

from ..calendar_names import month_names, weekday_names
from ..language import stop_words_and_english
from ..model import Document, Heading
from .scope import EXTRACT_CHARS, opening

# A word: a letter, then letters, digits, hyphens and apostrophes ('Nagorno-Karabakh', "O'Neill").
_WORD = r"[^\W\d_][\w'’-]*"
# Splitting on a captured word gives gaps and words alternately: gap, word, gap, …, gap.
_SPLIT = re.compile(f"({_WORD})")
MIN_WORD_LENGTH = 4
# A longer run of capitalised words is a headline in title case or names run together,
# not a name (and counting every tail of a run of n words would cost n² time).
MAX_NAME_WORDS = 8
# Keywords are chosen greedily, so the first n of a longer list are the n best: this many
# are worked out for an article's presentation, and any shorter list is a prefix.
REMEMBERED = 16
# Capitalised, frequent and never a topic.
_CALENDAR = frozenset(
    name.lower()
    for name in (*weekday_names("en"), *month_names("en"), *weekday_names("de"),
                 *weekday_names("fr"))
) | frozenset("mr mrs ms dr prof sir".split())
# A gap ending in one of these (and spaces) ends a sentence or opens a quotation.
_SENTENCE_ENDS = tuple(".!?:“\"«„")
_POSSESSIVE = re.compile(r"['’]s$")


@cache
def _stops(language: str) -> frozenset[str]:
    return stop_words_and_english(language) | _CALENDAR


def _tokens(text: str) -> tuple[list[str], list[str]]:
    """The words of ``text`` and the gaps before them (``gaps[i]`` precedes ``words[i]``).

    There is one gap more than words: the last is the text after the last word.
    """
    parts = _SPLIT.split(text)
    return parts[1::2], parts[0::2]


def _names(words: list[str], gaps: list[str], stops: frozenset[str]) -> list[str]:
    """Capitalised word runs that do not start a sentence and are not stop words."""
    names: list[str] = []
    run: list[str] = []
    last = len(words) - 1
    for position, token in enumerate(words):
        word = token.rstrip("'’-") if token[0].isupper() else ""
        named = bool(word) and word.lower() not in stops
        if named and (not position or gaps[position].rstrip().endswith(_SENTENCE_ENDS)):
            # A capitalised word that starts a sentence is a name only if the next is too.
            named = (position < last and words[position + 1][0].isupper()
                     and not gaps[position + 1].strip())
        if named:
            if run and gaps[position].strip():
                names.append(" ".join(run))
                run = []
            run.append(_POSSESSIVE.sub("", word) if word.endswith("s") else word)
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
    return _chosen(opening(document, max_chars), limit)


def ranked_keywords(document: Document) -> tuple[str, ...]:
    """The best :data:`REMEMBERED` keywords of ``document`` (already cut to its opening),
    best first: any shorter list of keywords is a prefix."""
    return tuple(_chosen(document, REMEMBERED))


def _chosen(document: Document, limit: int) -> list[str]:
    stops = _stops(document.language)
    names: Counter[str] = Counter()
    words: Counter[str] = Counter()
    texts = [(document.title, False)]
    texts += [(block.text, not isinstance(block, Heading)) for block in document.blocks]
    for text, prose in texts:
        tokens, gaps = _tokens(text)
        for name in _names(tokens, gaps, stops):
            parts = name.split()
            if len(parts) > MAX_NAME_WORDS:
                continue
            # 'Mayor Ana Ruiz' is also a mention of 'Ana Ruiz'.
            names.update(" ".join(parts[i:]) for i in range(max(1, len(parts) - 1)))
        if prose:  # the title and headings give names, not frequent words
            lowered = (token.lower().strip("'’-") for token in tokens)
            words.update(w for w in lowered if len(w) >= MIN_WORD_LENGTH and w not in stops)
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
