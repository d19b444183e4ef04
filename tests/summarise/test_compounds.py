"""Closed compounds are split into the parts the document also writes as words."""

from __future__ import annotations

import pytest

from exporter.readers import read_string
from exporter.summarise import summarise
from exporter.summarise.compounds import compound_splitter
from exporter.summarise.terms import term_matrix


def test_a_compound_splits_into_words_the_document_uses() -> None:
    split = compound_splitter(["energie", "gesetz", "gebäude", "gebäudeenergiegesetz"])
    assert split("gebäudeenergiegesetz") == ["gebäude", "energie", "gesetz"]


def test_a_linking_s_is_dropped_from_the_modifier() -> None:
    split = compound_splitter(["verkehr", "wohnung", "markt", "wohnungsmarkt"])
    assert split("wohnungsmarkt") == ["wohnung", "markt"]


def test_only_the_head_when_the_modifier_is_not_a_word_of_the_document() -> None:
    assert compound_splitter(["brücke"])("eisenbahnbrücke") == ["brücke"]


def test_no_parts_without_the_words_or_in_short_words() -> None:
    split = compound_splitter(["haus", "tür", "haustür", "rathaus"])
    assert split("rathausplatz") == []  # "platz" is not a word of this document
    assert split("haustür") == []  # too short to hold two parts of four letters
    assert split("rathaus") == []


@pytest.mark.parametrize(
    ("language", "texts", "shared"),
    [
        ("de", ["Das Gebäudeenergiegesetz kommt.", "Das Gesetz gilt ab Mai."], "gesetz"),
        ("nl", ["De gemeenteraad besliste.", "De raad stemde in."], "raad"),
        ("sv", ["Kommunfullmäktige röstade om cykelbanan.", "Banan byggs i vår."], "banan"),
    ],
)
def test_the_compound_shares_a_term_with_its_head(language: str, texts: list[str],
                                                  shared: str) -> None:
    plain = term_matrix(texts, language)
    split = term_matrix(texts, language, compounds=True)
    assert (plain.counts[0].multiply(plain.counts[1])).sum() == 0
    assert (split.counts[0].multiply(split.counts[1])).sum() >= 1, shared


def test_languages_without_closed_compounds_are_left_alone() -> None:
    texts = ["The housewarming party.", "A warm house."]
    assert (term_matrix(texts, "en", compounds=True).counts
            != term_matrix(texts, "en").counts).nnz == 0


GERMAN = """Bundestag beschließt das neue Gebäudeenergiegesetz

Der Bundestag hat am Freitag das Gebäudeenergiegesetz mit 399 zu 275 Stimmen beschlossen.

Das Gesetz schreibt vor, dass neue Heizungen ab 2025 zu 65 Prozent mit erneuerbarer Energie betrieben werden.

Die Opposition kritisierte das Gesetz als zu teuer für Mieter und Eigentümer.

Für ältere Gebäude gelten lange Übergangsfristen, die Kommunen erst mit einer Wärmeplanung auslösen.

Eine Förderung von bis zu 70 Prozent soll den Austausch alter Kessel bezahlbar machen.

Die Energie aus Wärmepumpen gilt dabei als wichtigste Lösung für Gebäude auf dem Land.

Verbände der Wohnungswirtschaft begrüßten die Förderung, forderten aber mehr Geld.

Der Mieterbund warnte vor steigenden Mieten nach einer Modernisierung.

Der Bundesrat muss dem Gesetz im Herbst noch zustimmen.

In der Debatte sprachen zwölf Abgeordnete, die Sitzung dauerte bis in den späten Abend.

Die Handwerkskammern melden schon jetzt lange Wartezeiten für neue Heizungen.

Die Regierung will die Wirkung des Gesetzes im Jahr 2027 prüfen lassen.
"""


def test_a_long_german_report_keeps_its_lede_that_names_the_law_as_one_compound() -> None:
    document = read_string(GERMAN, format="text", language="de")
    assert len(list(document.sentences())) > 10  # the short-article lede rule does not apply
    chosen = [s.text for s in summarise(document, sentences=3).sentences]
    assert chosen[0].startswith("Der Bundestag hat am Freitag das Gebäudeenergiegesetz")
