"""The numbers that matter in an article, each with a few words of context.

Figures are found with patterns for money (``£18.5 million``, ``4,5 Millionen
Euro``), percentages, counts of things (``25 people``, ``1,960 peacekeepers``),
compound measures (``44-day war``), tallies (``7 to 2``), dates
(``September 19, 2023``, ``5. Januar``) and years or decades (``2020``,
``1990s``). Each kind has a weight; casualty words in the sentence (killed,
wounded, getötet, blessés…) add to it, so the death toll outranks a date.
Numbers inside other words, section numbers and bare numbers without a
counted noun are not reported. A compound measure is shown as the quantity it
is ('44-day war' -> '44 days', the war in its context). A year or a decade is a
key figure only in an article without any other figure, and then only one.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import islice

from ..calendar_names import month_abbreviations, month_names
from ..language import stop_words_and_english
from ..model import Document, Sentence
from .alternation import alternation
from .scope import EXTRACT_CHARS, Ranking, opening

CONTEXT_WORDS = 6


@dataclass(frozen=True, slots=True)
class KeyFigure:
    """A number with its unit or noun (``figure``) and the words around it (``context``)."""

    figure: str
    context: str
    sentence: Sentence


_NUMBER = r"\d{1,3}(?:[,.\u00a0\u202f ]\d{3})+(?:[.,]\d+)?(?!\d)|\d+(?:[.,]\d+)?"
_SCALE = (
    r"(?:million|billion|trillion|thousand|bn|mn|tn|m|k|Millionen|Million|Milliarden|Milliarde|"
    r"Mio\.|Mrd\.|Tsd\.|millions|milliards|millones|mil millones|miliardi|milioni)"
)
_SYMBOLS = ("US$", "A$", "C$", "HK$", "NZ$", "R$", *"£$€¥₹₽₺₼֏₴₩₪")
_SYMBOL = alternation(_SYMBOLS)
_CURRENCY_WORD = (
    r"(?:dollars?|euros?|pounds?|sterling|pence|cents?|roubles?|rubles?|yen|yuan|francs?|"
    r"manats?|drams?|rupees?|lira|Euro|Dollar|Pfund|Franken|Rubel|de dollars|d'euros|"
    r"d’euros|de livres|de euros|USD|EUR|GBP|CHF|AZN|AMD|RUB)"
)
_PERCENT = r"(?:%|\s?per\s?cent|\s?percent|\s?Prozent|\s?pour\s?cent|\s?por\s?ciento)"
_MONTHS = list(dict.fromkeys([
    *month_names("en"),
    *(f"{short}." for short in month_abbreviations("en") if short not in month_names("en")),
    *month_names("de"), *month_names("fr"), *month_names("es"),
]))
_MONTH = alternation(_MONTHS)
_UNIT = (
    r"(?:day|week|month|year|hour|minute|second|mile|km|kilometre|kilometer|metre|meter|"
    r"storey|story|point|seat|member|man|person|tonne|ton|page|megawatt|MW|GW|acre|hectare|"
    r"Tage|Jahre|jours|ans|días|años)"
)

# Every figure has a digit, and at most this many characters come before its first one:
# a currency symbol and a space ('HK$ 5'), a month and a space ('septiembre 5').
_MONEY_LEAD = max(map(len, _SYMBOLS)) + 1
_DATE_LEAD = max(map(len, _MONTHS)) + 1

# (kind, weight, lead, pattern). Earlier kinds win where matches overlap. A kind is
# looked for from ``lead`` characters before the sentence's first digit.
_KINDS: tuple[tuple[str, int, int, re.Pattern[str]], ...] = tuple(
    (kind, weight, lead, re.compile(pattern, re.UNICODE))
    for kind, weight, lead, pattern in (
        ("money", 4, _MONEY_LEAD,
         rf"{_SYMBOL}\s?(?:{_NUMBER})(?:\s?{_SCALE}\b)?"
         rf"|(?<![\w.,])(?:{_NUMBER})(?:\s?{_SCALE})?\s?(?:{_SYMBOL}|{_CURRENCY_WORD}\b)"),
        ("percent", 3, 0, rf"(?<![\w.,])(?:{_NUMBER}){_PERCENT}(?!\w)"),
        ("date", 1, _DATE_LEAD,
         rf"\b{_MONTH}\s\d{{1,2}}(?:st|nd|rd|th)?(?:,?\s(?:1[5-9]|20)\d\d)?\b"
         rf"|(?<![\w.,])\d{{1,2}}(?:\.|st|nd|rd|th)?\s{_MONTH}(?:\s(?:1[5-9]|20)\d\d)?\b"
         rf"|\b{_MONTH}\s(?:1[5-9]|20)\d\d\b"),
        ("measure", 2, 0,
         rf"(?<![\w.,])(?:{_NUMBER})-{_UNIT}s?(?:-old)?(?:\s[^\W\d_]+(?:[-'’][^\W\d_]+)*)?"),
        ("tally", 2, 0,
         r"(?<![\w.,])\d{1,3}\s(?:to|-|–)\s\d{1,3}(?!\w|[.,]\d)"
         r"|(?<![\w.,])\d{1,3}[-–]\d{1,3}\s(?:vote|win|victory|defeat|majority)\b"),
        ("count", 3, 0, rf"(?<![\w.,:/-])(?:{_NUMBER})(?:\s{_SCALE}\b)?(?=\s[^\W\d_])"),
        ("year", 1, 0,
         r"(?<![\w.,:/$£€-])(?:1[5-9]|20)\d0s(?!\w)"
         r"|(?<![\w.,:/$£€-])(?:1[5-9]|20)\d\d(?![\w.,%]\d|\w)"),
    )
)
_CASUALTY = re.compile(
    r"\b(?:died|dead|deaths?|killed|killing|wounded|injured|injuries|casualties|victims|"
    r"fatalities|missing|displaced|refugees|evacuated|arrested|tote|toten|getötet|verletzt|"
    r"verletzte|opfer|morts?|tués|blessés|victimes|muertos|heridos|víctimas)\b",
    re.IGNORECASE,
)
_WORD = re.compile(r"\S+")
# A word of context whole: a run of non-spaces, with a letter or digit in it, that starts
# after a space (the lookbehind keeps the search from starting again inside a run).
_WHOLE_WORD = re.compile(r"(?<!\S)\S*\w\S*")
_IRREGULAR_PLURALS = frozenset(
    "people men women children police staff cattle sheep fish personnel feet teeth mice geese "
    "data media troops crew livestock".split()
)
_HAS_WORD = re.compile(r"\w")
_DIGIT = re.compile(r"\d")  # every kind of figure has one: sentences without are skipped
_YEAR = re.compile(r"(?:1[5-9]|20)\d\d")
_NOUN = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")
_SPACES = re.compile(r"\s+")


def _is_plural(word: str) -> bool:
    """Whether an English noun looks plural ('tonnes', 'people', 'police')."""
    lower = word.lower()
    return (lower.endswith("s") and not lower.endswith("ss")) or lower in _IRREGULAR_PLURALS


def _counted_noun(sentence: str, end: int, language: str) -> tuple[str, int] | None:
    """The noun a count counts ('people', 'Russian peacekeepers'), with its end offset.

    In English the noun must look plural ('25 people', '1,960 peacekeepers'): that
    keeps out 'the top 100 list' and 'the 10 include'.
    """
    stops = stop_words_and_english(language)
    tail = sentence[end : end + 60]
    words = list(islice(_NOUN.finditer(tail), 2))
    if not words or tail[: words[0].start()].strip():
        return None
    first = words[0]
    if first.group(0).lower() in stops or len(first.group(0)) < 2:
        return None
    noun_end = first.end()
    if language == "en" and len(words) > 1 and not tail[first.end() : words[1].start()].strip():
        second = words[1].group(0)
        looks_plural = _is_plural(second)  # "sports fans", "Russian peacekeepers"
        if looks_plural and second.lower() not in stops:
            noun_end = words[1].end()
    if language == "en" and not _is_plural(tail[:noun_end].split()[-1]):
        return None
    return tail[:noun_end], end + noun_end


def _matches(sentence: str, language: str, digit: int) -> Iterator[tuple[int, int, str, int]]:
    """``(start, end, kind, weight)`` for each figure, without overlaps.

    ``digit`` is the offset of the sentence's first digit: no figure starts long before it.
    """
    taken: list[tuple[int, int]] = []
    found: list[tuple[int, int, str, int]] = []
    for kind, weight, lead, pattern in _KINDS:
        for match in pattern.finditer(sentence, max(0, digit - lead)):
            start, end = match.span()
            if kind == "measure" and " " in match.group(0):
                last_word = match.group(0).rsplit(" ", 1)[1]
                if last_word.lower() in stop_words_and_english(language):
                    end = start + match.group(0).rindex(" ")
            if kind == "count":
                counted = _counted_noun(sentence, end, language)
                if counted is None:
                    continue
                noun = counted[0].split()[0]
                year_like = _YEAR.fullmatch(match.group(0))
                if year_like and (not _is_plural(noun) or noun[0].isupper()):
                    continue  # 'a 2020 war', 'the 2000 Sydney Olympics' are years; '1500 jobs' not
                end = counted[1]
            if any(start < b and a < end for a, b in taken):
                continue
            taken.append((start, end))
            found.append((start, end, kind, weight))
    yield from sorted(found)


def _context(sentence: str, start: int, end: int) -> str:
    """A few words either side of a figure, with ellipses where the sentence goes on."""
    left = [m.start() for m in _WHOLE_WORD.finditer(sentence, 0, start)]
    # The first word on the right may be the rest of the figure's own ('5m,' -> ',').
    right = (m for m in _WORD.finditer(sentence, end) if _HAS_WORD.search(m.group(0)))
    last = next(islice(right, CONTEXT_WORDS - 1, None), None)
    cut_left = left[-CONTEXT_WORDS] if len(left) >= CONTEXT_WORDS else 0
    cut_right = last.end() if last is not None else len(sentence)
    text = sentence[cut_left:cut_right].strip()
    if cut_left > 0:
        text = "… " + text
    if cut_right < len(sentence):
        text = text.rstrip(",;:—– ") + " …"
    return text


def _normalise(figure: str) -> str:
    return _SPACES.sub(" ", figure).strip(" ,.;:").casefold()


@dataclass(frozen=True, slots=True)
class _Found:
    figure: KeyFigure
    kind: str
    weight: int
    order: tuple[int, int, int]


def key_figures(
    document: Document, limit: int = 6, max_chars: int | None = EXTRACT_CHARS
) -> list[KeyFigure]:
    """Up to ``limit`` figures from ``document``, the weightiest, in document order.

    Each distinct figure is reported once, at its first occurrence. Only the
    opening ``max_chars`` characters are read (``None``: all).
    """
    if limit <= 0:
        return []
    return rank_figures(opening(document, max_chars)).top(limit)


def rank_figures(document: Document) -> Ranking[KeyFigure]:
    """Every distinct figure in ``document`` (already cut to its opening), weightiest first."""
    ranked = _ranked(document)
    return Ranking(tuple(f.figure for f in ranked), tuple(f.order for f in ranked))


def _ranked(document: Document) -> tuple[_Found, ...]:
    """Every distinct figure, weightiest first (any ``limit`` takes a prefix)."""
    best: dict[str, _Found] = {}
    mentions: Counter[str] = Counter()
    for sentence in document.sentences():
        text = sentence.text
        digit = _DIGIT.search(text)
        if digit is None:
            continue
        casualty: bool | None = None
        for start, end, kind, weight in _matches(text, document.language, digit.start()):
            figure = text[start:end].strip(" ,;:")
            if kind == "measure":
                figure = _as_quantity(figure)
            if kind in ("count", "measure"):
                if casualty is None:
                    casualty = _CASUALTY.search(text) is not None
                if casualty:
                    weight += 3
            key = _normalise(figure)
            mentions[key] += 1
            if key in best:
                continue
            best[key] = _Found(
                KeyFigure(figure, _context(text, start, end), sentence),
                kind,
                weight,
                (sentence.paragraph, sentence.index, start),
            )
    found = [f for f in best.values() if f.kind != "year"]
    years = [f for f in best.values() if f.kind == "year"]
    if not found and years:
        # A year or a decade is a key figure only when the article has no other, and
        # then only the one it names most often: a list of years says nothing.
        found = [max(years, key=lambda f: (mentions[_normalise(f.figure.figure)],
                                           -f.order[0], -f.order[1], -f.order[2]))]
    return tuple(sorted(found, key=lambda f: (-f.weight, f.order)))


_MEASURE = re.compile(rf"(?P<number>{_NUMBER})-(?P<unit>{_UNIT})(?P<plural>s?)(?P<rest>.*)",
                      re.DOTALL)
_ENGLISH_PLURALS = {"man": "men", "person": "people", "story": "stories", "storey": "storeys"}


def _as_quantity(figure: str) -> str:
    """A compound measure as the quantity it is: '44-day war' -> '44 days'.

    Ages ('5-year-old') and units that are already plural or not English stay as written.
    """
    match = _MEASURE.fullmatch(figure)
    if match is None or match["rest"].startswith("-old"):
        return figure
    number, unit = match["number"], match["unit"]
    if number != "1" and unit[-1:].islower() and re.fullmatch(r"[a-z]+", unit):
        if unit in _ENGLISH_PLURALS:
            unit = _ENGLISH_PLURALS[unit]
        elif unit not in ("km",) and not unit.endswith("s"):
            unit += "s"
    return f"{number} {unit}"
