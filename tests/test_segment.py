"""Offline sentence segmentation."""

from __future__ import annotations

import pytest

from exporter.segment import MAX_SENTENCE_CHARS, split_sentences


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        ("en", "The vote was on Jan. 5 in Washington. Mr. Smith said no. It passed 7 to 2.",
         ["The vote was on Jan. 5 in Washington.", "Mr. Smith said no.", "It passed 7 to 2."]),
        ("en", "They sat in the sun. Next day it rained.",
         ["They sat in the sun.", "Next day it rained."]),
        ("en", "Prices rose 3.5% on Monday. Dr. Lee agreed.",
         ["Prices rose 3.5% on Monday.", "Dr. Lee agreed."]),
        ("de", "Die Sitzung beginnt am 5. Jan. um 10 Uhr im Rathaus. Danach folgt eine Pause.",
         ["Die Sitzung beginnt am 5. Jan. um 10 Uhr im Rathaus.", "Danach folgt eine Pause."]),
        ("de", "Das Treffen ist am Mo. 12. Feb. in Berlin. Es kommen z. B. Vertreter der Stadt.",
         ["Das Treffen ist am Mo. 12. Feb. in Berlin.",
          "Es kommen z. B. Vertreter der Stadt."]),
        ("de", "Am 3. Oktober feiert Deutschland. Der Tag ist frei.",
         ["Am 3. Oktober feiert Deutschland.", "Der Tag ist frei."]),
        ("ru", "Встреча прошла 5 янв. в Москве. Г. Иванов выступил с докладом.",
         ["Встреча прошла 5 янв. в Москве.", "Г. Иванов выступил с докладом."]),
        ("zh", "市议会批准了新桥。新桥明年完工。", ["市议会批准了新桥。", "新桥明年完工。"]),
        ("hy", "Քաղաքը նոր կամուրջ է կառուցում։ Այն պատրաստ կլինի։",
         ["Քաղաքը նոր կամուրջ է կառուցում։", "Այն պատրաստ կլինի։"]),
    ],
)
def test_split_sentences(language: str, text: str, expected: list[str]) -> None:
    assert split_sentences(text, language) == expected


def test_empty_and_run_on_text() -> None:
    assert split_sentences("   ") == []
    pieces = split_sentences("word " * 2000)
    assert len(pieces) > 1
    assert all(len(p) <= MAX_SENTENCE_CHARS for p in pieces)
    assert " ".join(pieces).split() == ["word"] * 2000


@pytest.mark.parametrize(
    "text",
    [
        "The council approved the bridge",
        "The council approved the bridge.",
        "Did the council approve the bridge?",
        'She said "the bridge is safe."',
        "It opens (at last).",
        "Wait!!!",
        "Сегодня в Москве идёт снег.",
        "A one-sentence paragraph with a comma, a colon: and a dash — ends here.",
    ],
)
def test_a_paragraph_without_inner_sentence_ends_is_one_sentence(text: str) -> None:
    # Such paragraphs skip Punkt: the answer must be the one Punkt itself gives.
    from exporter.segment import _tokenizer

    assert split_sentences(text) == [text] == _tokenizer("en").tokenize(text)
    if text[-1] in ".?!":  # with a sentence end inside, Punkt runs and splits
        assert split_sentences(f"{text} {text}") == [text, text]
