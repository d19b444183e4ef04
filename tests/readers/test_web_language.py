"""Pages whose markup lies about their language: the text wins when it is clearly another."""

from __future__ import annotations

import pytest

from exporter.language import resolve_language
from exporter.readers import read_string

SPANISH = (
    "El ayuntamiento aprobó ayer la construcción de un nuevo puente sobre el río. "
    "La obra costará unos tres millones de euros y estará lista el año que viene, "
    "según dijo la alcaldesa a los periodistas que esperaban en la plaza."
)
GERMAN = (
    "Der Stadtrat hat gestern den Bau einer neuen Brücke über den Fluss beschlossen. "
    "Die Arbeiten sollen im Frühjahr beginnen und werden nach Angaben der "
    "Bürgermeisterin etwa drei Millionen Euro kosten, wie sie den Journalisten sagte."
)
FRENCH = (
    "Le conseil municipal a approuvé hier la construction d'un nouveau pont sur la "
    "rivière. Les travaux commenceront au printemps et coûteront environ trois millions "
    "d'euros, a indiqué la maire aux journalistes qui attendaient sur la place."
)
ENGLISH = (
    "The council approved a new bridge over the river yesterday. Work will start in "
    "spring and will cost about three million euros, the mayor told reporters who "
    "were waiting in the square outside the town hall."
)


def _page(lang: str, title: str, body: str) -> str:
    paragraphs = "".join(f"<p>{body}</p>" for _ in range(3))
    return (
        f'<!doctype html><html lang="{lang}"><head><title>{title}</title></head>'
        f"<body><article><h1>{title}</h1>{paragraphs}</article></body></html>"
    )


@pytest.mark.parametrize(
    ("declared", "title", "body", "expected"),
    [
        ("en", "Nuevo puente sobre el río", SPANISH, "es"),
        ("en-US", "Neue Brücke über den Fluss", GERMAN, "de"),
        ("de", "Un nouveau pont sur la rivière", FRENCH, "fr"),
        ("es", "A new bridge over the river", ENGLISH, "en"),
        ("en", "A new bridge over the river", ENGLISH, "en"),
    ],
)
def test_the_text_wins_over_a_lying_lang_attribute(
    declared: str, title: str, body: str, expected: str
) -> None:
    document = read_string(_page(declared, title, body), format="html")
    assert document.language == expected


def test_the_user_still_overrides() -> None:
    document = read_string(_page("en", "Nuevo puente", SPANISH), format="html", language="en")
    assert document.language == "en"


def test_a_short_or_mixed_text_keeps_its_declaration() -> None:
    assert resolve_language("de", "Live-Ticker: Bayern gegen Real Madrid") == "de"
    assert resolve_language("en", f"{ENGLISH} {SPANISH[:80]}") == "en"
    assert resolve_language("en", "Η δημοτική αρχή ενέκρινε τη νέα γέφυρα πάνω από το ποτάμι.") == "el"
    assert resolve_language(None, GERMAN) == "de"
