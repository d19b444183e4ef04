"""The one table of languages names only what each tool really has."""

from __future__ import annotations

import punkt
import snowballstemmer

from exporter.direction import language_direction
from exporter.language import stop_words
from exporter.language_table import (
    ALIASES,
    EAST_ASIAN,
    LANGUAGES,
    PUNKT,
    SCRIPT_LANGUAGE,
    SNOWBALL,
    SNOWBALL_FOR_SUMY,
    SUMY,
)
from exporter.readers.build import normalise_language


def test_each_language_has_one_row_in_the_order_of_its_english_name() -> None:
    codes = [row.code for row in LANGUAGES]
    assert len(codes) == len(set(codes))
    names = [row.name for row in LANGUAGES]
    assert names == sorted(names)


def test_every_tool_name_is_one_the_tool_knows() -> None:
    assert set(SNOWBALL.values()) <= set(snowballstemmer.algorithms())
    assert set(PUNKT.values()) <= set(punkt.available_languages())
    for code in SUMY:
        assert len(stop_words(code)) > 20, code  # sumy ships the list
    assert SNOWBALL_FOR_SUMY <= set(SNOWBALL)


def test_derived_facts_read_the_table() -> None:
    assert SCRIPT_LANGUAGE["HIRAGANA"] == SCRIPT_LANGUAGE["KATAKANA"] == "ja"
    assert {"zh", "ja", "ko", "yue"} <= EAST_ASIAN
    assert language_direction("fa-IR") == language_direction("iw") == "rtl"
    assert language_direction("hy") == "ltr"
    assert {normalise_language(alias) for alias in ALIASES} <= {row.code for row in LANGUAGES}
    assert normalise_language("ger") == normalise_language("de-AT") == "de"
