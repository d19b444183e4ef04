"""summarise(): methods by name, length control, near-duplicates, languages, no NLTK."""

from __future__ import annotations

import subprocess
import sys

import pytest
from summarise_articles import ENGLISH, GERMAN, RUSSIAN

from exporter.errors import UsageError
from exporter.summarise import (
    DEFAULT_METHOD,
    METHODS,
    method_names,
    resolve_method,
    summarise,
)
from exporter.summarise.furniture import is_fragment, is_furniture
from exporter.summarise.select import word_count
from tests.conftest import ROOT, make_document

SUMY = ("edmundson", "kl", "lexrank", "lsa", "luhn", "reduction", "sumbasic", "textrank")


def _english():  # type: ignore[no-untyped-def]
    return make_document("Harbour goes solar", ENGLISH)


def test_default_resolves_to_the_project_method() -> None:
    assert resolve_method("default") == DEFAULT_METHOD == "centrality"
    assert summarise(_english()).method == "centrality"


@pytest.mark.parametrize("name", SUMY)
def test_every_sumy_algorithm_is_selectable(name: str) -> None:
    assert f"sumy-{name}" in method_names()
    summary = summarise(_english(), sentences=2, method=f"sumy-{name}")
    assert summary.method == f"sumy-{name}"
    assert len(summary.sentences) == 2
    # The bare name reaches sumy's method, or its vectorised twin for lexrank/textrank.
    assert resolve_method(name) in (f"sumy-{name}", name)


def test_names_are_forgiving_and_unknown_names_list_the_choices() -> None:
    assert resolve_method("Lead_K") == "lead"
    assert resolve_method("SUMY_LSA") == "sumy-lsa"
    with pytest.raises(UsageError, match="centrality"):
        resolve_method("magic")


@pytest.mark.parametrize("method", sorted(METHODS))
def test_results_are_in_document_order_and_sized(method: str) -> None:
    document = _english()
    summary = summarise(document, sentences=3, method=method)
    positions = [s.position for s in summary.sentences]
    assert len(positions) == 3
    assert positions == sorted(positions)
    all_positions = [s.position for s in document.sentences()]
    assert set(positions) <= set(all_positions)


def test_length_by_ratio_rounds_up() -> None:
    document = _english()
    total = len(list(document.sentences()))
    assert len(summarise(document, ratio=0.25).sentences) == -(-total * 25 // 100)
    assert len(summarise(document, ratio=1.0).sentences) == total
    with pytest.raises(UsageError):
        summarise(document, ratio=0)


def test_word_budget_takes_the_best_sentences_that_fit() -> None:
    document = _english()
    for budget in (15, 40, 80):
        summary = summarise(document, words=budget)
        used = sum(word_count(s.text) for s in summary.sentences)
        assert 0 < used <= budget
        # Nothing left out would still have fitted.
        left = [s for s in document.sentences() if s not in summary.sentences]
        texts = {s.text for s in summary.sentences}
        assert all(
            used + word_count(s.text) > budget or s.text in texts for s in left
        ) or len(summary.sentences) >= 1
    ranked_first = summarise(document, sentences=1).sentences[0]
    big = summarise(document, words=word_count(ranked_first.text))
    assert big.sentences == (ranked_first,)
    with pytest.raises(UsageError):
        summarise(document, words=0)


def test_a_tiny_word_budget_gives_the_best_sentence_not_nothing() -> None:
    document = _english()
    shortest = min(word_count(s.text) for s in document.sentences())
    best = summarise(document, sentences=1).sentences
    for method in ("default", "lexrank", "lead"):
        summary = summarise(document, words=shortest - 1, method=method)
        assert len(summary.sentences) == 1
        assert word_count(summary.sentences[0].text) > shortest - 1
    assert summarise(document, words=1).sentences == best


def test_word_budget_skips_a_long_best_sentence_for_shorter_ones() -> None:
    long_best = (
        "The solar harbour plan covers the harbour market roofs with solar panels, and the "
        "solar panels power the harbour cranes and the harbour cold stores all year.",
        "The harbour plan is solar.",
        "Solar panels cost money.",
    )
    document = make_document("Solar", long_best)
    assert summarise(document, sentences=1).sentences[0].text.startswith("The solar harbour")
    summary = summarise(document, words=10)
    assert summary.sentences
    assert all(not s.text.startswith("The solar harbour") for s in summary.sentences)


@pytest.mark.parametrize("method", ["default", "lexrank", "textrank", "sumy-luhn", "lead"])
def test_near_duplicates_are_never_both_chosen(method: str) -> None:
    paragraphs = (
        ENGLISH[0],
        "The harbour authority approved a plan on Tuesday to cover the old fish market roofs "
        "with solar panels.",  # exact repeat of the first sentence
        "On Tuesday the harbour authority approved a plan to cover the old fish market roofs "
        "with new solar panels.",  # the same sentence reworded
        *ENGLISH[1:],
    )
    document = make_document("Harbour", paragraphs)
    summary = summarise(document, ratio=1.0, method=method)
    hits = [s for s in summary.sentences if "approved a plan" in s.text]
    assert len(hits) == 1, [s.text for s in hits]


def test_page_furniture_is_never_preferred_to_the_story() -> None:
    paragraphs = (
        "By Maria Lopez and Tom Hale, Harbour Desk",
        "Published 5 January 2024, 10:32 GMT",
        *ENGLISH,
        "Share this article",
        "Sign up for our free newsletter to get harbour news in your inbox.",
    )
    document = make_document("Harbour", paragraphs)
    summary = summarise(document, sentences=6)
    assert not any(is_furniture(s.text) for s in summary.sentences)
    for furniture in ("Updated: 12:30 GMT", "LONDON (Reuters) -", "Posted by Sam Lee",
                      "Image caption Boats in the harbour", "Getty Images", "© 2024 Harbour Press",
                      "Reporting by Anna Petrova; editing by Tom Hale", "12 March 2024, 14:05"):
        assert is_furniture(furniture), furniture
    for prose in ("Share prices rose 3% on Monday after the vote.", "By then it was over.",
                  "NASA said on Monday that the probe had landed.",
                  "The council met on 5 January 2024 to vote on the plan."):
        assert not is_furniture(prose), prose


def test_a_sentence_of_web_addresses_alone_is_furniture() -> None:
    for furniture in ("imagebank.stadt-mainz.de", "bilder.hafen-kiel.de/fotos",
                      "[2] https://example.org/bericht.html (https://www.example.org/de/b.html)",
                      "[7] www.example.com/studie ... /2021.pdf"):
        assert is_furniture(furniture), furniture
    for prose in ("Mehr dazu steht auf www.hafen-kiel.de im Netz.", "Node.js 22 ist erschienen.",
                  "Der Eintritt kostet 3.50 Euro.", "Am 12.5.2023 tagte der Rat.",
                  "Voir le site de la mairie, www.ville-lyon.fr, pour les horaires."):
        assert not is_furniture(prose), prose


def test_german_article() -> None:
    document = make_document("Neue Straßenbahn für Freiburg", GERMAN)
    assert document.language == "de"
    texts = [s.text for s in document.sentences()]
    assert "Die Bauarbeiten beginnen am 5. Jan. um 8 Uhr mit der Verlegung der Gleise." in texts
    summary = summarise(document, sentences=2)
    assert len(summary.sentences) == 2
    assert any("Straßenbahnlinie" in s.text for s in summary.sentences)
    assert summarise(document, sentences=2, method="sumy-lsa").sentences


def test_russian_article() -> None:
    document = make_document("Новая линия метро в Казани", RUSSIAN)
    assert document.language == "ru"
    summary = summarise(document, sentences=2)
    assert len(summary.sentences) == 2
    assert any("метро" in s.text for s in summary.sentences)
    for method in ("lexrank", "textrank", "sumy-luhn"):
        assert len(summarise(document, sentences=2, method=method).sentences) == 2


@pytest.mark.parametrize(
    ("language", "paragraphs"),
    [
        ("fr", ("Le conseil a approuvé le pont lundi. Le pont sera prêt en 2027.",
                "Le pont coûte cher. Les habitants attendent le pont depuis longtemps.")),
        ("es", ("El consejo aprobó el puente el lunes. El puente estará listo en 2027.",
                "El puente cuesta mucho. Los vecinos esperan el puente desde hace años.")),
        ("zh", ("市议会周一批准了新桥的建设。新桥将于二零二七年完工。",
                "新桥的费用很高。居民们期待新桥已经很多年了。")),
    ],
)
def test_other_languages_work_when_given(language: str, paragraphs: tuple[str, ...]) -> None:
    document = make_document("Bridge", paragraphs, language=language)
    assert document.language == language
    for method in ("default", "lexrank", "textrank"):
        assert len(summarise(document, sentences=2, method=method).sentences) == 2


def test_empty_document_gives_an_empty_summary() -> None:
    document = make_document("Empty", ())
    assert summarise(document).sentences == ()


def test_the_default_path_does_not_import_nltk() -> None:
    code = (
        "import sys\n"
        "from exporter.readers.build import RawBlock, build_document\n"
        "from exporter.summarise import summarise\n"
        "doc = build_document([RawBlock('paragraph', 'The council met. It voted. It won.'),"
        " RawBlock('paragraph', 'Der Rat tagte am Montag. Er stimmte ab.')], title='T')\n"
        "for m in ('default', 'lexrank', 'textrank', 'lead'):\n"
        "    assert summarise(doc, sentences=2, method=m).sentences\n"
        "assert summarise(doc, words=10).sentences\n"
        "print('nltk' in sys.modules, 'sumy' in sys.modules)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT
    )
    assert done.stdout.split() == ["False", "False"]


def test_every_method_has_a_description() -> None:
    from exporter.summarise import method_help

    rows = dict(method_help())
    assert list(rows) == method_names()
    assert "centrality" in rows["default"]
    assert all(text and text != name for name, text in rows.items())
    assert "NLTK" in rows["sumy-lsa"] and "NLTK" not in rows["textrank"]


def test_lines_that_are_not_sentences_are_never_preferred_to_the_story() -> None:
    # An open letter's signatures repeat one word ("University") line after line,
    # which degree centrality rewards; none of them says anything on its own.
    signatures = [f"{name}, {place} University" for name, place in (
        ("Ada Roe", "Harbour"), ("Tomas Lind", "Northern"), ("Ines Varga", "Harbour"),
        ("Lucía Ramos", "Riverside"), ("Jonas Berg", "Northern"), ("Mira Holt", "Harbour"))]
    paragraphs = (*ENGLISH, "Signed:", *signatures, "Scores: Roe 3, Lind 2")
    summary = summarise(make_document("A letter on the harbour", paragraphs), sentences=4)
    assert len(summary.sentences) == 4
    assert not any(is_fragment(s.text) for s in summary.sentences), summary.sentences
    assert not any("University" in s.text or s.text == "Signed:" for s in summary.sentences)
    for line in ("David Greenberg, Rutgers University", "Piotr Protasiewicz 3", "Keine Stornokosten",
                 "So schützen Sie sich vor Einbrechern:", "12. November 2015 / 13:48"):
        assert is_fragment(line), line
    for sentence in ("It rained.", "Wer zahlt?", "«Ce n'était jamais une question d'argent.»",
                     "港口新渡轮下周启航。", "Council approved the harbour plan on Monday after a long vote",
                     "ท่าเรือเปิดใช้งานแล้ว วันนี้"):
        assert not is_fragment(sentence), sentence
