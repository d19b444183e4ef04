"""Detect an article's language offline: its script first, then its stop words.

The stop-word lists are sumy's own (plain text files inside the sumy package), so
detection knows exactly the languages the summariser can work in, plus a few
scripts that identify their language on their own.
"""

from __future__ import annotations

import importlib.util
import re
import unicodedata
from collections import Counter
from functools import cache
from pathlib import Path

from .language_table import SCRIPT_LANGUAGE, SUMY

_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)

# A handful of very frequent words for languages sumy has no stop-word list for.
_EXTRA_STOPWORDS = {
    # Russian: pronouns, prepositions, conjunctions, particles and auxiliary forms,
    # the words a frequency list of Russian news puts above the first noun.
    "ru": "а без более бы был была были было быть в вам вас весь во вот все всего всех вы "
    "где да даже для до его ее её ей ему если есть еще ещё же за здесь и из или им их к как "
    "какой когда кто ли либо между меня мне много может можно мы на над надо наш не него "
    "нее неё нет ни них но ну о об однако он она они оно от очень по под при с со так "
    "также такой там те тем то того тоже той только том ты у уж уже хотя чего чей чем "
    "что чтобы чье чья эта эти это этого этой этом этот я который которая которое "
    "которые которых котором которой которую после перед через около против ради среди "
    "будет будут было бы являются является стал стала стали свой своя свое своё свои "
    "своих себя себе сам сама сами самый нам нас ним ними нему ней ею ими кроме лишь "
    "почти пока потом потому поэтому сейчас теперь тогда тут всё всегда никогда ничего "
    "нибудь раз два года году лет также этим этих эту иной иные каждый любой другой "
    "других другие сказал сказала заявил заявила отметил",
    "nl": "de het een en van in is dat op te zijn niet met voor er aan om ook als bij maar "
    "door dan wordt naar nog uit worden deze over tot zo kan geen heeft",
    "tr": "ve bir bu da de için ile olarak çok daha ne gibi kadar sonra ama en olan var "
    "olan yılında ise",
    "az": "və bir bu da də üçün ilə olaraq çox daha nə kimi qədər sonra amma ən olan var "
    "isə ki",
    "hy": "և որ է են այս մի իր նա դա էր ու համար հետ",
    "es": "de la que el en los se del las un por con no una su para es al lo como más pero "
    "sus le ya este porque esta entre cuando muy sin sobre también hasta hay donde desde "
    "todo durante todos les contra ese eso ante ellos esto dijo según fue han",
    "pt": "de que não uma os no se na por mais as dos como mas foi ao ele das tem à seu sua "
    "ou ser quando muito há nos já está também só pelo pela até isso ela entre era depois "
    "sem mesmo aos ter seus quem nas disse são",
}


def sumy_language(code: str) -> str | None:
    """sumy's name for an ISO 639-1 code, when sumy ships stop words for it."""
    return SUMY.get(code)


@cache
def stop_words(code: str) -> frozenset[str]:
    """Stop words for ``code``: sumy's list where it has one, a short built-in list otherwise."""
    name = SUMY.get(code)
    words: set[str] = set()
    if name is not None:
        text = _sumy_stop_word_file(name)
        words.update(w.strip().lower() for w in text.splitlines() if w.strip())
    words.update(_EXTRA_STOPWORDS.get(code, "").split())
    return frozenset(words)


@cache
def stop_words_and_english(code: str) -> frozenset[str]:
    """``code``'s stop words and English's: news in any language quotes English."""
    return stop_words(code) | stop_words("en")


def _sumy_stop_word_file(name: str) -> str:
    """sumy's stop-word list, read from its package folder without importing sumy."""
    spec = importlib.util.find_spec("sumy")
    for folder in (spec.submodule_search_locations or []) if spec else []:
        path = Path(folder) / "data" / "stopwords" / f"{name}.txt"
        if path.is_file():
            return path.read_text(encoding="utf-8")
    return ""


def _script(char: str) -> str:
    try:
        name = unicodedata.name(char)
    except ValueError:
        return "other"
    return name.split(" ", 1)[0]


def detect_language(text: str, default: str = "en") -> str:
    """The ISO 639-1 code of ``text``'s language, or ``default`` when unsure."""
    sample = text[:20000]
    letters: Counter[str] = Counter()
    for char, count in Counter(sample).items():  # each distinct character named once
        if char.isalpha():
            letters[_script(char)] += count
    if not letters:
        return default
    script, _ = letters.most_common(1)[0]
    if script in SCRIPT_LANGUAGE:
        if script == "CJK" and (letters["HIRAGANA"] or letters["KATAKANA"]):
            return "ja"
        return SCRIPT_LANGUAGE[script]
    words = [w.lower() for w in _WORD.findall(sample)]
    if not words:
        return default
    counts = Counter(words)
    candidates = ("ru", "uk") if script == "CYRILLIC" else tuple(
        code for code in (*SUMY, *_EXTRA_STOPWORDS) if code not in ("ru", "uk")
    )
    best, best_score = default, 0.0
    for code in candidates:
        score = _stop_word_share(counts, len(words), code)
        if score > best_score:
            best, best_score = code, score
    if script == "CYRILLIC" and best_score == 0:
        return "ru"
    return best if best_score >= _ENOUGH else default


_ENOUGH = 0.05  # share of a text's words that are the language's stop words
_CLEAR_WORDS = 30  # fewer words than this never overrule a declaration
_CLEAR_MARGIN = 2.0  # the text's language must have this many times the declared one's share


def _stop_word_share(counts: Counter[str], total: int, code: str) -> float:
    vocabulary = stop_words(code)
    if not vocabulary or not total:
        return 0.0
    return sum(n for w, n in counts.items() if len(w) > 1 and w in vocabulary) / total


def resolve_language(declared: str | None, text: str, default: str = "en") -> str:
    """The language of ``text``, with ``declared`` (``<html lang>``, front matter) as a hint.

    The declaration stands unless the text is clearly in another language: another
    script, or at least 30 words of which the detected language's stop words are
    twice the declared one's share. Pages declared ``en`` by their template but
    written in Spanish are common; a short or mixed text keeps its declaration.
    """
    detected = detect_language(text, default="")
    if not declared:
        return detected or default
    if not detected or detected == declared:
        return declared
    sample = text[:20000]
    letters = [c for c in sample[:2000] if c.isalpha()]
    latin = sum(1 for c in letters if _script(c) == "LATIN")
    if letters and latin < len(letters) / 2 and detected in SCRIPT_LANGUAGE.values():
        return detected  # another script altogether (declared en, written in Greek)
    words = [w.lower() for w in _WORD.findall(sample)]
    if len(words) < _CLEAR_WORDS:
        return declared
    counts = Counter(words)
    mine = _stop_word_share(counts, len(words), detected)
    theirs = _stop_word_share(counts, len(words), declared)
    if mine >= _ENOUGH and mine >= _CLEAR_MARGIN * theirs:
        return detected
    return declared
