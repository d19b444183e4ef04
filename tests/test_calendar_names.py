"""Month and weekday names live once (exporter.calendar_names) and are CLDR's."""

from __future__ import annotations

from datetime import date

import pytest
from babel.dates import get_day_names, get_month_names

from exporter.calendar_names import (
    month_abbreviations,
    month_names,
    month_numbers,
    weekday_names,
)
from exporter.extract import key_figures, speakers
from exporter.readers.build import RawBlock, build_document
from exporter.readers.dates import parse_date


@pytest.mark.parametrize("language", ["en", "de", "fr", "es"])
def test_wide_month_names_are_cldrs(language: str) -> None:
    assert month_names(language)[:12] == tuple(get_month_names("wide", locale=language).values())


def test_the_regional_forms_and_abbreviations_are_cldrs() -> None:
    assert month_names("de")[12:] == (get_month_names("wide", locale="de_AT")[1],)
    english = {n: {get_month_names("abbreviated", locale=loc)[n] for loc in ("en", "en_GB")}
               for n in range(1, 13)}
    assert set(month_abbreviations("en")) == set().union(*english.values())
    assert all(month_numbers("en")[form.lower()] == n
               for n, forms in english.items() for form in forms)


@pytest.mark.parametrize("language", ["en", "de", "fr"])
def test_weekday_names_are_cldrs_monday_first(language: str) -> None:
    cldr = get_day_names("wide", locale=language)  # keyed 0 (Monday) to 6
    assert weekday_names(language) == tuple(cldr[n] for n in range(7))


def test_the_date_parser_reads_every_english_form() -> None:
    assert parse_date("Posted Sept. 19, 2023, 5:04 p.m.") == date(2023, 9, 19)
    assert parse_date("19 sep 2023") == date(2023, 9, 19)
    assert parse_date("On 3rd February, 2021") == date(2021, 2, 3)


def test_a_figure_dated_with_any_english_abbreviation_is_a_date() -> None:
    # June and July's abbreviations were missing from the figures' own list.
    text = "The ferry will sail again on Jun. 14 after the harbour wall is mended."
    document = build_document([RawBlock("paragraph", text)], title="Ferry", language="en")
    assert [f.figure for f in key_figures(document)] == ["Jun. 14"]


def test_an_austrian_date_after_a_speakers_name_is_cut() -> None:
    # The speakers' own list lacked "Jänner": the name came out as 'Anna Gruber, Jänner'.
    assert speakers.tidy("Anna Gruber, Jänner 4, 2024", "de") == "Anna Gruber"
    assert speakers.tidy("Anna Gruber, Januar 4, 2024", "de") == "Anna Gruber"
