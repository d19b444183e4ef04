"""Furniture written as text inside an article's container never reaches the document."""

from __future__ import annotations

import pytest

from exporter.readers import read_string
from exporter.readers.boilerplate import drop_boilerplate, is_boilerplate
from exporter.readers.build import RawBlock

ARTICLE = [
    "The harbour authority approved the new ferry terminal on Tuesday after two years of "
    "hearings, and construction will begin in the spring.",
    "The terminal will cost 48 million euros and handle up to 3,000 passengers a day, "
    "according to the plans presented to the council.",
    "Residents of the old town said they welcomed the project but worried about traffic "
    "on the narrow streets leading to the quay.",
]


@pytest.mark.parametrize(
    "text",
    [
        "Read more: Council delays vote on the harbour bridge",
        "SEE MORE",
        "DON'T MISS: The ten best walks along the coast",
        "Lea también: El puerto abre una nueva terminal",
        "Lesen Sie auch: Neue Fähre für die Altstadt",
        "À lire aussi : Le port inaugure un terminal",
        "Subscribe now for unlimited access: $5 for your first month, then $60 a year.",
        "This copy is for your personal, non-commercial use only.",
        "© 2024 Harbour Gazette. All rights reserved.",
        "Melden Sie sich für unseren Newsletter an.",
        "We use cookies to improve your experience on our site.",
        "Share on Facebook",
        "Photo: Ana Ruiz",
        "Crédits photos : Agence",
        "The ferry is finally here! — Ana Ruiz (@anaruiz) June 1, 2017",
        "27.01.2022",
        "June 1, 2017 10:30",
        "Filed under: Harbour, Ferries | Tags: terminal, council | Comments off",
        "Abgelegt unter: Hafen, Verkehr | Tags: Fähre, Stadtrat Kommentare deaktiviert",
        "Catégories : Port, Transports",
        "Etiquetas: puerto, ferry, ayuntamiento",
        ">> Neue Fähre für die Altstadt: Das müssen Sie wissen <<",
        ">> Die Werft meldet Rekordumsatz",
        "» Zum Angebot: Fährtickets für das Wochenende",
    ],
)
def test_furniture_is_recognised(text: str) -> None:
    assert is_boilerplate(RawBlock("paragraph", text))


@pytest.mark.parametrize("text", ARTICLE + [
    "The court ruled that copyright law did not cover the recipe, a decision that publishers "
    "across the country had feared for years and that lawyers said would be appealed before "
    "the end of the month, while the chef's restaurant stayed open throughout the long case "
    "and its regulars kept ordering the dish at the centre of it all.",
    "Related to the mayor by marriage, he denied any conflict of interest.",
    "Watchmakers in the valley hired 200 people last year.",
    "Tagged as a risk by the inspectors, the old quay will close in May.",
    "»Wir sind sehr zufrieden«, sagte die Bürgermeisterin nach der Abstimmung.",
    "Categories of passengers will pay different fares from next year, the board said.",
    "Posted in Lisbon for three years, the engineer knows the harbour well.",
    ">>> import harbour  # a tutorial's Python session",
])
def test_article_text_is_kept(text: str) -> None:
    assert not is_boilerplate(RawBlock("paragraph", text))


def test_the_reader_drops_furniture_before_summaries_see_it() -> None:
    furniture = [
        "Subscribe today: $5 for your first month, then $60 a year. Cancel anytime.",
        "Read more: Five things to know about the ferry",
        "This copy is for your personal, non-commercial use only.",
    ]
    body = "".join(f"<p>{text}</p>" for text in [ARTICLE[0], furniture[0], ARTICLE[1],
                                                 furniture[1], ARTICLE[2], furniture[2]])
    page = (
        "<!doctype html><html lang='en'><head><title>New ferry terminal approved</title></head>"
        f"<body><article><h1>New ferry terminal approved</h1>{body}</article></body></html>"
    )
    document = read_string(page, format="html")
    text = " ".join(s.text for block in document.blocks for s in getattr(block, "sentences", ()))
    assert "48 million euros" in text and "narrow streets" in text
    assert not any(part.split(":")[0] in text for part in furniture)
    assert "$60" not in text


def test_nothing_but_furniture_leaves_nothing() -> None:
    assert drop_boilerplate([RawBlock("paragraph", "Read more: another story")]) == []
