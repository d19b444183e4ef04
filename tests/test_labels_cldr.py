"""The documents' words after their move to data files and CLDR equal those before.

``labels_before_cldr.json`` holds what ``exporter/labels.py``'s hand-written
tables produced for every language (its words, dates of every month, lists of
one to four names, article counts), recorded before the tables were replaced
by ``templates/labels/*.toml`` and Babel.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from exporter.labels import LANGUAGES, labels_for

_BEFORE: dict[str, dict[str, Any]] = json.loads(
    (Path(__file__).parent / "labels_before_cldr.json").read_text(encoding="utf-8"))
_COUNTS = (*range(0, 130), 1000, 1001, 1011, 1021, 10**6, 2 * 10**6 + 1)
_NAMES = ["Ana Ruiz", "Tom Lee", "Li Wei", "Sam Okafor"]


def test_every_language_of_before_is_still_packaged() -> None:
    assert set(_BEFORE) <= set(LANGUAGES) and LANGUAGES[0] == "en"


@pytest.mark.parametrize("language", sorted(_BEFORE))
def test_words_dates_lists_and_plurals_are_as_before(language: str) -> None:
    before, words = _BEFORE[language], labels_for(language)
    assert {key: getattr(words, key) for key in before["words"]} == before["words"]
    assert words.quoted("x") == before["quoted"]
    days = [date(2024, m, d) for m in range(1, 13)
            for d in (1, 7, 31 if m in (1, 3, 5, 7, 8, 10, 12) else 28)]
    assert [words.date(day) for day in days] == before["dates"]
    assert [words.names(_NAMES[:n]) for n in range(5)] == before["names"]
    assert [words.articles(n) for n in _COUNTS] == before["articles"]
    assert words.months == before["months"]


@pytest.mark.parametrize("language", sorted(_BEFORE))
def test_dates_and_lists_are_babels(language: str) -> None:
    """Not a copy of CLDR: the words come from Babel, for the file's locale."""
    from babel.dates import format_date
    from babel.lists import format_list

    words = labels_for(language)
    day = date(2026, 11, 5)
    assert words.date(day) == format_date(day, format=words.date_format, locale=words.locale)
    assert words.names(_NAMES[:3]) == format_list(_NAMES[:3], locale=words.locale)


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_packaged_month_names_are_cldrs(language: str) -> None:
    """Copied into the files so that the summary's cleaner loads no CLDR data; kept equal."""
    from babel import Locale

    words = labels_for(language)
    cldr = Locale.parse(words.locale).months["format"]["wide"]
    assert words.month_names == tuple(cldr[n] for n in range(1, 13))


def test_the_packaged_files_name_locales_and_patterns_babel_knows() -> None:
    from babel import Locale
    from babel.dates import parse_pattern

    for language in LANGUAGES:
        words = labels_for(language)
        assert str(Locale.parse(words.locale)) == words.locale
        assert words.date_format == "long" or parse_pattern(words.date_format).format


def test_reading_the_words_and_month_names_loads_no_cldr() -> None:
    """The summary's cleaner asks every language's month names: that must stay cheap."""
    import subprocess
    import sys

    code = ("import sys; from exporter.labels import LANGUAGES, labels_for;"
            "[labels_for(c).months and labels_for(c).summary for c in LANGUAGES];"
            "print('babel' in sys.modules)")
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True, cwd=Path(__file__).parent.parent)
    assert run.stdout.strip() == "False"


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_day_of_a_year_is_written_as_babels_format_date(language: str) -> None:
    """The packaged languages' dates skip loading CLDR; they must read as Babel writes them."""
    from datetime import timedelta

    from babel.dates import format_date

    words = labels_for(language)
    for offset in range(366):
        day = date(2024, 1, 1) + timedelta(days=offset)
        assert words.date(day) == format_date(day, format=words.date_format,
                                              locale=words.locale), day
    for day in (date(999, 12, 31), date(2000, 2, 29), date(9999, 1, 1)):
        assert words.date(day) == format_date(day, format=words.date_format, locale=words.locale)


def test_the_packaged_date_patterns_are_cldrs_long_dates() -> None:
    from babel.dates import get_date_format

    for language in LANGUAGES:
        words = labels_for(language)
        cldr = get_date_format("long", locale=words.locale).pattern
        if language in ("ru", "uk"):  # the documents never wrote CLDR's year abbreviation
            assert cldr.startswith(words.date_format + "\u202f'")
        else:
            assert words.date_format == cldr, language


def test_a_pattern_beyond_day_month_and_year_is_babels(tmp_path: Path) -> None:
    (tmp_path / "labels").mkdir()
    (tmp_path / "labels" / "de.toml").write_text("date_format = \"EEEE, d. MMMM y\"\n",
                                                 encoding="utf-8")
    assert labels_for("de", tmp_path).date(date(2024, 3, 7)) == "Donnerstag, 7. März 2024"
    (tmp_path / "labels" / "de.toml").write_text("date_format = \"dd.MM.''yy\"\n",
                                                 encoding="utf-8")
    assert labels_for("de", tmp_path).date(date(2024, 3, 7)) == "07.03.'24"
