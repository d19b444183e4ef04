"""The segmenter's faster Punkt loop gives exactly Punkt's sentences (issue #13 point 5)."""

from __future__ import annotations

import punkt
import pytest

from exporter import segment

TEXTS = {
    "english": [
        "Dr. Ruiz arrived at 5 p.m. on Friday. She left at once! Why? Nobody knows...",
        "Wait . . . what? The U.S. Navy said so. Prices rose 3.5% -- the most since 1999.",
        '"Go home!" he shouted. (The crowd left.) Then it rained.\tA tab.\nA new line. Done.',
        "Very bad acting!!! I promise. Really?! Yes.  Two spaces. x. y. Mt. Fuji is high.",
        "It ends with a stop.",
        "No stop at all",
        ". Starts with a stop. And ... an ellipsis . . . and more.... Fine.",
    ],
    "german": [
        "Am 5. Jan. um 10 Uhr begann die Sitzung. Dr. Schulz sprach. Danach gab es Kaffee!",
        "Die Hauptstr. 5 ist gesperrt -- bis Montag. Warum? Niemand weiß es... Ende.",
    ],
    "french": [
        "M. Dupont est arrivé à 9 h. « Partez ! » a-t-il dit. Puis il est parti… Fin.",
    ],
    "spanish": [
        "«¡Váyanse!», exigió. El Sr. Gómez llegó a las 5. ¿Por qué? Nadie lo sabe.",
    ],
    "polish": [
        "Rada miasta zabrała głos. Prof. Nowak mówił o godz. 10. Czy to koniec? Tak.",
    ],
    "russian": [
        "Г. Москва, ул. Тверская. Он пришёл в 5 ч. вечера! Почему? Никто не знает.",
    ],
}


@pytest.mark.parametrize(
    ("language", "text"), [(lang, text) for lang, texts in TEXTS.items() for text in texts]
)
def test_the_remembering_tokenizer_splits_as_punkt_does(language: str, text: str) -> None:
    plain = punkt.tokenizer_for(language, prefixes=bool(punkt.has_prefixes(language)))
    fast = segment._RememberingTokenizer(plain)
    expected = plain.tokenize(text)
    assert fast.tokenize(text) == expected
    assert fast.tokenize(text) == expected  # the second time from remembered decisions
    assert list(fast.span_tokenize(text)) == list(plain.span_tokenize(text))


def test_the_segmenter_uses_it() -> None:
    assert isinstance(segment._tokenizer("en"), segment._RememberingTokenizer)
    assert segment.split_sentences("Dr. Ruiz came. She left.", "en") == [
        "Dr. Ruiz came.", "She left."
    ]
