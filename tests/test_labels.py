"""The documents' own words in each language (exporter.labels)."""

from __future__ import annotations

from dataclasses import fields

import pytest

from exporter.labels import LANGUAGES, Labels, labels_for


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_language_has_every_word_and_its_placeholders(language: str) -> None:
    words = labels_for(language)
    assert words.language == language
    for field in fields(Labels):
        assert getattr(words, field.name), field.name
        if isinstance(getattr(words, field.name), str):
            assert getattr(words, field.name).strip(), field.name
    assert "{minutes}" in words.reading_time and "{organisation}" in words.sent_by
    assert "{number}" in words.full_text_part and "{count}" in words.full_text_part
    assert all("{count}" in form for _, form in words.article_forms)
    assert dict(words.article_forms)["other"]
    assert words.minutes(7).count("7") == 1 and "{" not in words.part(2, 3)


def test_a_language_without_words_gets_english_and_says_so() -> None:
    assert labels_for("ja").language == "en" and labels_for("ja").summary == "Summary"
    assert labels_for(None).language == "en"
    assert labels_for("de-AT").summary == labels_for("de").summary == "Zusammenfassung"
    assert labels_for("PT_br").language == "pt"


@pytest.mark.parametrize(("language", "counts"), [
    ("en", {1: "1 article", 0: "0 articles", 2: "2 articles", 21: "21 articles"}),
    ("fr", {0: "0 article", 1: "1 article", 2: "2 articles"}),
    ("ru", {1: "1 статья", 3: "3 статьи", 5: "5 статей", 11: "11 статей", 21: "21 статья",
            22: "22 статьи", 112: "112 статей"}),
    ("pl", {1: "1 artykuł", 4: "4 artykuły", 5: "5 artykułów", 21: "21 artykułów",
            22: "22 artykuły", 13: "13 artykułów"}),
])
def test_article_counts_take_the_languages_plural_forms(language: str,
                                                        counts: dict[int, str]) -> None:
    words = labels_for(language)
    assert {n: words.articles(n) for n in counts} == counts
