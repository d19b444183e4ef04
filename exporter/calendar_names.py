"""Month and weekday names for the date parser and the extractors, kept in one place.

The twelve wide month names of a language are CLDR's as its labels file holds them
(``templates/labels/<lang>.toml``, which tests/test_labels_cldr.py checks against
Babel), so reading them loads no CLDR. The forms CLDR keeps in other tables are
here: English abbreviations (``en``'s and ``en_GB``'s, whose September is "Sept"),
Austrian German's "Jänner" (``de_AT``) and the weekday names;
tests/test_calendar_names.py checks each against Babel.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import cache

from .labels import labels_for

_ABBREVIATED: dict[str, tuple[tuple[str, ...], ...]] = {
    "en": (("Jan",), ("Feb",), ("Mar",), ("Apr",), ("May",), ("Jun",), ("Jul",), ("Aug",),
           ("Sep", "Sept"), ("Oct",), ("Nov",), ("Dec",)),
}
"""Each month's abbreviations, without a full stop."""
_REGIONAL: dict[str, tuple[tuple[int, str], ...]] = {"de": ((1, "Jänner"),)}
"""(month, name) a region writes for a month beside the language's own name."""
_WEEKDAYS: dict[str, tuple[str, ...]] = {
    "en": ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"),
    "de": ("Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag", "Sonntag"),
    "fr": ("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"),
}


@cache
def month_names(language: str) -> tuple[str, ...]:
    """``language``'s wide month names (CLDR's, January first), then its regional forms."""
    wide = labels_for(language).months.split("|")
    return (*wide, *(name for _, name in _REGIONAL.get(language, ())))


def month_abbreviations(language: str) -> tuple[str, ...]:
    """``language``'s month abbreviations without their full stop (English's only so far)."""
    return tuple(form for forms in _ABBREVIATED.get(language, ()) for form in forms)


@cache
def month_numbers(language: str) -> Mapping[str, int]:
    """Every name and abbreviation of a month in ``language``, lower-cased -> 1 to 12."""
    numbers = {name.lower(): n for n, name in enumerate(month_names(language)[:12], start=1)}
    numbers.update((name.lower(), n) for n, name in _REGIONAL.get(language, ()))
    for n, forms in enumerate(_ABBREVIATED.get(language, ()), start=1):
        numbers.update((form.lower(), n) for form in forms)
    return numbers


def weekday_names(language: str) -> tuple[str, ...]:
    """``language``'s wide weekday names (CLDR's, Monday first); none where not known."""
    return _WEEKDAYS.get(language, ())
