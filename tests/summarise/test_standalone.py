"""Summaries read on their own (standalone.py, select.py) and short articles keep their lead."""

from __future__ import annotations

import pytest

from exporter.model import Sentence
from exporter.summarise import summarise
from exporter.summarise.select import select
from exporter.summarise.standalone import dangling, dependencies, opener
from tests.conftest import make_document


@pytest.mark.parametrize(("language", "text", "found"), [
    ("en", "But the council refused.", "But"),
    ("en", "However, the vote was close.", "However"),
    ("en", "He said the plan was dead.", "He"),
    ("en", "This was the third attempt.", "This"),
    ("de", "Aber der Rat lehnte ab.", "Aber"),
    ("fr", "Mais le maire a refusé.", "Mais"),
    ("es", "Pero el alcalde se negó.", "Pero"),
    ("es", "Sin embargo, el pleno votó.", "Sin embargo"),
    ("en", "The council refused.", None),
    ("de", "Das Gericht entschied am Montag.", None),
    ("es", "Sin agua no hay cosecha.", None),
])
def test_openers_in_each_language(language: str, text: str, found: str | None) -> None:
    assert opener(text, language) == found


def test_a_quotation_across_sentences_leans_both_ways() -> None:
    texts = ["The mayor spoke.", "“We will build it. ", "It will be ready in May,” she said.",
             "The vote is on Monday."]
    needs = dependencies(texts, "en")
    assert list(needs) == [(), (2,), (1,), ()]
    assert dangling([1], needs) == 1 and dangling([1, 2], needs) == 0


def _sentences(*texts: str) -> list[Sentence]:
    return [Sentence(t, 0, i) for i, t in enumerate(texts)]


def test_a_dangling_sentence_comes_with_its_predecessor_or_not_at_all() -> None:
    candidates = _sentences(
        "The council met on Monday to vote on the bridge.",
        "The bridge will cost four million euros.",
        "But the mayor refused to sign the contract.",
        "Work was due to start in May.",
    )
    # Ranked first, the "But" sentence brings its predecessor when there is room ...
    assert select(candidates, [2, 0, 3], count=2, language="en") == [1, 2]
    # ... and is passed over when there is not.
    assert select(candidates, [2, 0, 3], count=1, language="en") == [0]
    assert select(candidates, [2, 0, 3], count=1, standalone=False) == [2]


def test_the_default_never_leaves_an_opener_dangling_in_these_articles() -> None:
    document = make_document("Brücke", (
        "Der Gemeinderat von Lindau hat am Montag den Bau einer neuen Brücke beschlossen. "
        "Aber die Finanzierung der Brücke ist noch nicht gesichert.",
        "Die Brücke soll den Bahnhof mit der Insel verbinden. Sie kostet vier Millionen Euro.",
        "Dennoch wollen die Anwohner über die Brücke abstimmen. Die Abstimmung ist im Mai.",
    ))
    for count in (1, 2, 3):
        summary = summarise(document, sentences=count)
        positions = [s.position for s in summary.sentences]
        texts = [s.text for s in document.sentences()]
        chosen = [[s.position for s in document.sentences()].index(p) for p in positions]
        assert dangling(chosen, dependencies(texts, "de")) == 0, positions


GERMAN_VOTE = (
    "Der Bundestag hat am Donnerstag mit 412 zu 238 Stimmen bei 12 Enthaltungen das neue "
    "Gebäudeenergiegesetz beschlossen.",
    "Das Gesetz schreibt vor, dass neue Heizungen ab 2026 zu 65 Prozent mit erneuerbarer "
    "Energie betrieben werden. Bestehende Heizungen dürfen weiterlaufen und repariert werden.",
    "Die Regierung will Hausbesitzer mit Zuschüssen von bis zu 70 Prozent der Kosten "
    "unterstützen. Mieter sollen vor hohen Umlagen geschützt werden.",
    "Die Opposition kritisierte das Gesetz als zu teuer und zu kompliziert für die Bürger. "
    "Verbände der Wohnungswirtschaft warnten vor steigenden Mieten in den Städten.",
    "Umweltverbände begrüßten das Gesetz, forderten aber strengere Fristen für alte Ölheizungen "
    "und Gasheizungen. Der Bundesrat berät das Gesetz im Oktober.",
)


def test_a_nine_sentence_german_article_keeps_its_lead_with_the_vote_count() -> None:
    document = make_document("Bundestag beschließt Heizungsgesetz", GERMAN_VOTE)
    assert document.language == "de" and len(list(document.sentences())) == 9
    lead = next(iter(document.sentences())).text
    assert "412 zu 238" in lead
    for count in (1, 3):
        assert summarise(document, sentences=count).sentences[0].text == lead
    assert summarise(document, words=40).sentences[0].text == lead


def test_a_long_article_ranks_by_centrality_not_by_position() -> None:
    # Eleven story sentences: past SHORT_ARTICLE, so the off-topic opener is not forced in.
    opener = "Ein kalter Wind wehte am Morgen über den Marktplatz."
    body = tuple(
        f"Die Bibliothek der Stadt {topic} neue Bücher, und die Bibliothek plant mehr Lesungen."
        for topic in ("kauft", "zeigt", "leiht", "sammelt", "ordnet", "sucht", "bestellt",
                      "verteilt", "prüft", "lagert")
    )
    document = make_document("Bibliothek", (opener, *body))
    assert len(list(document.sentences())) == 11
    assert summarise(document, sentences=1).sentences[0].text != opener
    # The same opener before five sentences is a short item's lede, ranked first.
    short = make_document("Bibliothek", (opener, *body[:5]))
    assert summarise(short, sentences=1).sentences[0].text == opener
