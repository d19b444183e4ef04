"""The documents' own words ("Summary", "Key quotes", "3 min read"), in the article's language.

A briefing of a German article says "Zusammenfassung", not "Summary". The
words are data: one file per language, ``templates/labels/<code>.toml``, read
and checked by :mod:`exporter.tomlcheck`. A user's ``<template_dir>/labels/<code>.toml``
may set some of them; a key it leaves out keeps the packaged word of that
language, then the English one. Adding a language is adding a file.

What CLDR knows is not copied here: dates in words, lists of names ("A, B and
C") and which plural form goes with a count come from Babel, for the file's
``locale`` (imported only when first needed: ``import exporter`` stays light).

Every writer asks :func:`labels_for` with the article's (or the book's)
language; a language without a file gets the English words, and says so
through :attr:`Labels.language`, so a writer can mark them as English (the
EPUB does, with ``lang``). The one-pager's ``[labels]`` in ``onepager.toml``
may still replace single words (see :mod:`exporter.writers.pdf.style`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .errors import UsageError
from .resources import file_stamp, packaged_stems, packaged_templates, user_template
from .tomlcheck import Check, Custom, Text, check_table, read_toml, shown, sub_table

if TYPE_CHECKING:
    from babel import Locale

FOLDER = "labels"
"""The labels' folder, in the packaged templates and in a user's ``template_dir``."""
FALLBACK = "en"


@dataclass(frozen=True, slots=True)
class Labels:
    """The fixed words of the documents, in :attr:`language`."""

    language: str
    locale: str
    """The CLDR locale of the dates, lists and plural forms, e.g. ``en_GB``."""
    summary: str
    key_points: str
    key_quotes: str
    key_figures: str
    full_text: str
    full_text_part: str
    """With ``{number}`` and ``{count}``: one part of a long article's text."""
    from_the_article: str
    continued: str
    """Under a one-pager's cut text."""
    source: str
    contents: str
    cover: str
    reading_time: str
    """With ``{minutes}``."""
    no_text: str
    attached: str
    note: str
    landmarks: str
    first_article: str
    sent_by: str
    """With ``{organisation}``: an email's closing line."""
    byline: str
    """With ``{names}``: who wrote the article."""
    page_of: str
    """With ``{page}`` and ``{pages}``: a printed page's number."""
    quote_marks: tuple[str, str]
    """The opening and closing marks a quotation is shown in."""
    article_forms: tuple[tuple[str, str], ...]
    """``{count}`` articles in each CLDR plural category the language has, e.g.
    ``(("one", "{count} article"), ("other", "{count} articles"))``."""
    date_format: str
    """A CLDR date pattern such as ``d MMMM y``; ``long`` for the locale's long date."""
    month_names: tuple[str, ...] = ()
    """The file's twelve month names (CLDR's, copied so that reading them loads no CLDR
    data); none: CLDR's."""

    def minutes(self, minutes: int) -> str:
        """The reading time of ``minutes`` minutes, e.g. ``4 min read``."""
        return self.reading_time.replace("{minutes}", str(minutes))

    def part(self, number: int, count: int) -> str:
        """``Full text, part 2 of 3``."""
        return self.full_text_part.replace("{number}", str(number)).replace(
            "{count}", str(count))

    def names(self, names: Sequence[str]) -> str:
        """``Ana Ruiz``, ``Ana Ruiz and Tom Lee``, ``A, B and C``: CLDR's list of the locale."""
        if len(names) < 2:
            return "".join(names)
        return _list(tuple(names), self.locale)

    def quoted(self, text: str) -> str:
        """``text`` in the language's quotation marks: “…”, „…“, « … »."""
        return f"{self.quote_marks[0]}{text}{self.quote_marks[1]}"

    def date(self, day: date) -> str:
        """``day`` written out: ``14 March 2026``, ``14. März 2026``, ``14 марта 2026``."""
        if self.month_names:
            written = _simple_date(day, self.date_format, self.month_names)
            if written is not None:
                return written
        return _date(day, self.date_format, self.locale)

    def articles(self, count: int) -> str:
        """``1 article``, ``4 articles``: the plural form the language uses for ``count``."""
        forms = dict(self.article_forms)
        form = forms.get(_plural(count, self.locale), forms["other"])
        return form.replace("{count}", str(count))

    @property
    def months(self) -> str:
        """The twelve month names as a date writes them (CLDR's), separated by ``|``."""
        return "|".join(self.month_names) if self.month_names else _months(self.locale)


# Babel builds a Locale and loads its data anew on each call that names one by text, and
# formats each date and list from its pattern again: a document asks for the same few often.
@lru_cache(maxsize=64)
def _locale(name: str) -> Locale:
    from babel import Locale

    return Locale.parse(name)


@lru_cache(maxsize=4096)
def _date(day: date, pattern: str, locale: str) -> str:
    from babel.dates import format_date

    return format_date(day, format=pattern, locale=_locale(locale))


_PATTERN_PART = re.compile(r"'((?:[^']|'')*)'|([A-Za-z])\2*|([^A-Za-z']+)")


def _simple_date(day: date, pattern: str, months: tuple[str, ...]) -> str | None:
    """``day`` in the CLDR ``pattern`` when it has only the day, the wide month and the
    year (every packaged language's), with the file's month names; ``None`` otherwise.

    The same text as Babel's ``format_date`` (tests/test_labels_cldr.py compares every
    day of a year in every language): loading CLDR's data and ``babel.dates`` costs a
    process about a tenth of a second, most of a one-article export's time in words.
    """
    parts: list[str] = []
    for match in _PATTERN_PART.finditer(pattern):
        quoted, field, other = match.groups()
        if quoted is not None:
            parts.append(quoted.replace("''", "'") if quoted else "'")
        elif other is not None:
            parts.append(other)
        elif match[0] == "d":
            parts.append(str(day.day))
        elif match[0] == "MMMM":
            parts.append(months[day.month - 1])
        elif match[0] == "y":
            parts.append(str(day.year))
        else:
            return None
    return "".join(parts) if "".join(m[0] for m in _PATTERN_PART.finditer(pattern)) == pattern \
        else None


@lru_cache(maxsize=1024)
def _list(names: tuple[str, ...], locale: str) -> str:
    from babel.lists import format_list

    return format_list(list(names), locale=_locale(locale))


@lru_cache(maxsize=1024)
def _plural(count: int, locale: str) -> str:
    return str(_locale(locale).plural_form(count))


@lru_cache(maxsize=64)
def _months(locale: str) -> str:
    return "|".join(_locale(locale).months["format"]["wide"][n] for n in range(1, 13))


def _locale_name(value: Any) -> str:
    if not isinstance(value, str) or not re.fullmatch(r"[A-Za-z]{2,3}(?:[_-][A-Za-z0-9]{2,8})*",
                                                      value):
        raise ValueError(value)
    from babel import UnknownLocaleError

    try:
        return str(_locale(value.replace("-", "_")))
    except (UnknownLocaleError, ValueError):
        raise ValueError(value) from None


def _date_pattern(value: Any) -> str:
    if not isinstance(value, str) or not value.strip() or len(value) > 60:
        raise ValueError(value)
    from babel.dates import format_date

    try:  # a pattern Babel cannot write is refused now, not when a document is made
        format_date(date(2024, 3, 7), format=value, locale="en")
    except Exception:  # noqa: BLE001 - Babel's pattern parser raises several kinds
        raise ValueError(value) from None
    return value


def _month_names(value: Any) -> tuple[str, ...]:
    if (not isinstance(value, list) or len(value) != 12
            or not all(isinstance(v, str) and 0 < len(v) <= 40 and v.strip() == v
                       and "|" not in v for v in value)):
        raise ValueError(value)
    return tuple(value)


def _quote_marks(value: Any) -> tuple[str, str]:
    if (not isinstance(value, list) or len(value) != 2
            or not all(isinstance(v, str) and 0 < len(v) <= 4 for v in value)):
        raise ValueError(value)
    return value[0], value[1]


_WORD = Text(longest=200)
_PLACEHOLDERS = {"full_text_part": ("{number}", "{count}"), "reading_time": ("{minutes}",),
                 "sent_by": ("{organisation}",), "byline": ("{names}",),
                 "page_of": ("{page}", "{pages}")}
_WORDS = ("summary", "key_points", "key_quotes", "key_figures", "full_text", "full_text_part",
          "from_the_article", "continued", "source", "contents", "cover", "reading_time",
          "no_text", "attached", "note", "landmarks", "first_article", "sent_by", "byline",
          "page_of")
SCHEMA: dict[str, Check] = {
    "locale": Custom(_locale_name, "a CLDR locale such as de or en_GB"),
    "date_format": Custom(_date_pattern, 'a CLDR date pattern such as "d MMMM y"'),
    "months": Custom(_month_names, "a list of the twelve month names"),
    **{key: _WORD for key in _WORDS},
    "quote_marks": Custom(_quote_marks, 'two short texts, like ["“", "”"]'),
}
"""What each key of a labels file takes (see :mod:`exporter.tomlcheck`)."""
PLURAL_CATEGORIES = ("zero", "one", "two", "few", "many", "other")
_FORMS: dict[str, Check] = dict.fromkeys(PLURAL_CATEGORIES, Text(longest=200))


def _checked(path: Path, packaged: bool = False) -> dict[str, Any]:
    """The checked keys of the labels file ``path``; ``[articles]`` as a mapping.

    A ``packaged`` file's locale and date pattern are taken as written (the tests
    check them against CLDR): reading the words loads no CLDR data.
    """
    table = read_toml(path, "the documents' words")
    origin = str(path)
    forms = sub_table(table, "articles", origin)
    schema = {**SCHEMA, "locale": _WORD, "date_format": _WORD} if packaged else SCHEMA
    values = check_table(table, schema, origin, skipped=frozenset({"articles"}), noun="label")
    if forms is not None:
        values["articles"] = check_table(forms, _FORMS, origin,
                                         section="articles", noun="plural category")
        for category, form in values["articles"].items():
            if "{count}" not in form:
                raise UsageError(f"{origin}: [articles] {category} must contain {{count}}")
    for key, needed in _PLACEHOLDERS.items():
        for placeholder in needed:
            if key in values and placeholder not in values[key]:
                raise UsageError(f"{origin}: {key} must contain {placeholder}")
    return values


def packaged_languages() -> tuple[str, ...]:
    """The languages with a packaged labels file, English first."""
    codes = packaged_stems(FOLDER)
    return (FALLBACK, *(c for c in codes if c != FALLBACK))


LANGUAGES = packaged_languages()
"""The languages the documents' own words are packaged in; any other gets English
(unless a user's ``template_dir`` has a file for it)."""


def language_code(language: str | None) -> str:
    """The ISO 639 code of ``language`` (``de`` of ``de-AT`` or ``DE_at``); ``en`` for none."""
    return (language or FALLBACK).split("-")[0].split("_")[0].lower()


def labels_for(language: str | None, template_dir: Path | None = None) -> Labels:
    """The documents' words in ``language`` (an ISO 639-1 code or a tag like ``de-AT``),
    or in English when neither ``template_dir/labels`` nor the package has a file for it.

    A user's file may set only some words: the others are the packaged ones of
    its language, then the English ones. Files are read once per process for
    each version (modification time and size) of the user's file.
    """
    code = language_code(language)
    user = _user_file(template_dir, code)
    if user is None and code not in LANGUAGES:
        code = FALLBACK
        user = _user_file(template_dir, code)
    return _labels(code, user, file_stamp(user) if user is not None else None)


def _user_file(template_dir: Path | None, code: str) -> Path | None:
    if not re.fullmatch(r"[a-z]{2,3}", code):
        return None  # never a path a document's language tag spells
    return user_template(f"{FOLDER}/{code}.toml", template_dir)


@lru_cache(maxsize=64)
def _packaged(code: str) -> dict[str, Any]:
    path = packaged_templates() / FOLDER / f"{code}.toml"
    return _checked(path, packaged=True) if path.is_file() else {}


@lru_cache(maxsize=64)
def _labels(code: str, user: Path | None, stamp: tuple[int, int] | None) -> Labels:
    english, own = _packaged(FALLBACK), _packaged(code)
    mine = _checked(user) if user is not None else {}
    words = {**english, **own, **mine}
    forms = {**english.get("articles", {}), **own.get("articles", {}),
             **mine.get("articles", {})}
    if "other" not in forms:  # only when English's own file lacks it
        raise UsageError(f"{user or code}: [articles] lacks other")
    # The locale and the date pattern are facts of the language, never English's.
    if code == FALLBACK:
        locale = mine.get("locale") or english.get("locale", "en")
        pattern = mine.get("date_format") or english.get("date_format", "long")
        months = mine.get("months") or english.get("months", ())
    else:
        locale = mine.get("locale") or own.get("locale") or _default_locale(code, user)
        pattern = mine.get("date_format") or own.get("date_format") or "long"
        months = mine.get("months") or own.get("months", ())
    missing = [key for key in _WORDS + ("quote_marks",) if key not in words]
    if missing:
        raise UsageError(f"{packaged_templates() / FOLDER / 'en.toml'}: lacks {', '.join(missing)}")
    return Labels(
        language=code, locale=locale, date_format=pattern, month_names=months,
        article_forms=tuple(forms.items()),
        **{key: words[key] for key in (*_WORDS, "quote_marks")},
    )


def _default_locale(code: str, user: Path | None) -> str:
    try:
        return _locale_name(code)
    except ValueError:
        raise UsageError(f"{user}: CLDR has no locale {shown(code)}: set locale, "
                         "e.g. locale = \"en\"") from None
