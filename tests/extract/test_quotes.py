"""Key quotes: recall and speakers on a real scraped article, precision on our own ones."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import shared_path

from exporter.extract import KeyQuote, key_quotes
from exporter.model import Document
from exporter.readers.build import RawBlock, build_document


def _document(
    paragraphs: list[str], language: str = "en", quote_blocks: frozenset[int] = frozenset()
) -> Document:
    raw = [RawBlock("quote" if i in quote_blocks else "paragraph", p)
           for i, p in enumerate(paragraphs)]
    return build_document(raw, title="Test article", language=language)


def _scraped() -> Document:
    """The scraped article, paragraph by paragraph, without its furniture line and headline."""
    text = Path(shared_path("articles", "nagorno-karabakh-scraped.txt")).read_text("utf-8")
    paragraphs = [p.strip() for p in text.split("\n\n") if p.strip()]
    return _document(paragraphs[2:])


def _by_start(quotes: list[KeyQuote]) -> dict[str, str | None]:
    return {q.text[:30]: q.speaker for q in quotes}


def test_scraped_article_quotations_and_speakers() -> None:
    quotes = key_quotes(_scraped(), limit=20)
    found = _by_start(quotes)
    expected = {
        # Speakers start with a capital and a surname is shown at its fullest (issue 14).
        "Otherwise, the anti-terror mea": "The presidential administration",
        "Armenia does not participate i": "Nikol Pashinyan",
        "At present, we will not take a": "Nikol Pashinyan",  # 'he added', resolved
        "sharp escalation of tensions a": "Dmitry Peskov",
        "at this moment the capital Ste": "The enclave’s pro-Armenian government",
        "disarm and secure the withdraw": "The Azerbaijani Defense Ministry",
        "gradual improvement of the hum": "The Russian Foreign Ministry",
    }
    assert found == expected
    # The multi-clause quotation is whole, and quote marks are not part of the text.
    pashinyan = next(q for q in quotes if q.text.startswith("Armenia does not"))
    assert pashinyan.text.endswith("does not have an army in Nagorno-Karabakh")
    assert not any(mark in q.text for q in quotes for mark in "“”\"")


def test_scraped_article_scare_quotes_are_not_quotations() -> None:
    texts = " | ".join(q.text for q in key_quotes(_scraped(), limit=50))
    for term in ("local anti-terrorist", "dissolution", "very difficult", "normalization",
                 "large-scale military offensive", "achieve peace and stability"):
        assert term not in texts


def test_scraped_article_limit_prefers_full_attributed_quotes_in_document_order() -> None:
    document = _scraped()
    quotes = key_quotes(document, limit=3)
    assert [q.speaker for q in quotes] == ["The presidential administration",
                                           "Nikol Pashinyan", "Nikol Pashinyan"]
    positions = [q.sentence.position for q in quotes]
    assert positions == sorted(positions)
    for quote in quotes:  # each quote links back to the sentence it starts in
        assert quote.text[:20] in document.sentence_at(*quote.sentence.position).text


ENGLISH = [
    "HARBOURTON — The town council voted on Thursday to close the old ferry pier, a decision "
    "that a local paper called a \"betrayal\" and the mayor described as \"overdue\".",
    "\"We cannot keep patching a structure that was built for rowing boats,\" said Mira "
    "Okafor, the council's chair. \"The tide has won this argument.\"",
    "Residents were less sure. Tom Hale said: “I have taken this ferry every morning for "
    "thirty years. Nobody asked us.” He added that the so-called “consultation” lasted a week.",
    "“The pier will be replaced by a floating pontoon by next summer,” the harbour authority "
    "said in a statement.",
    "The council's report, titled \"Harbourton Waterfront and the Future of the Old Pier\", runs "
    "to 40 pages. Officials said the pontoon would \"carry twice as many passengers in half the "
    "time\" once it opens.",
    "Critics dismissed the plan as \"cosmetic\". “It is a pontoon, not a plan,” one "
    "fisherman told reporters.",
    "“We have waited a long time for this,",
    "“and we will keep watching what the council does with the money,” said Priya Raman, who "
    "runs the bakery on the quay.",
]


def test_english_precision_speakers_and_multi_paragraph_quotes() -> None:
    quotes = key_quotes(_document(ENGLISH), limit=20)
    found = _by_start(quotes)
    assert found == {
        "We cannot keep patching a stru": "Mira Okafor",
        "The tide has won this argument": "Mira Okafor",
        "I have taken this ferry every ": "Tom Hale",
        "The pier will be replaced by a": "The harbour authority",
        "carry twice as many passengers": "Officials",
        "It is a pontoon, not a plan": "One fisherman",
        "We have waited a long time for": "Priya Raman",
    }
    multi = next(q for q in quotes if q.text.startswith("I have taken"))
    assert multi.text == ("I have taken this ferry every morning for thirty years. "
                          "Nobody asked us.")
    joined = next(q for q in quotes if q.text.startswith("We have waited"))
    assert joined.text.endswith("what the council does with the money")
    texts = " ".join(q.text for q in quotes)
    for not_a_quote in ("betrayal", "overdue", "consultation", "cosmetic",
                        "Harbourton Waterfront and the Future"):
        assert not_a_quote not in texts


def test_pronoun_without_antecedent_gives_no_speaker() -> None:
    quotes = key_quotes(_document(["“We are closing the factory at the end of May,” she said."]))
    assert [(q.text, q.speaker) for q in quotes] == [
        ("We are closing the factory at the end of May", None)]


def test_german_quotes() -> None:
    german = [
        "Der Stadtrat hat am Donnerstag die Schließung des alten Fähranlegers beschlossen. "
        "Kritiker sprachen von einem „Verrat“.",
        "„Wir können ein Bauwerk nicht ewig flicken, das für Ruderboote gebaut wurde“, sagte "
        "Bürgermeisterin Anna Weber am Abend.",
        "Der Fährmann Jonas Brandt sagte: „Ich fahre seit dreißig Jahren jeden Morgen über den "
        "Fluss. Niemand hat uns gefragt.“",
        "Die Hafenverwaltung erklärte, der neue Ponton werde »doppelt so viele Fahrgäste in der "
        "halben Zeit befördern«.",
    ]
    found = _by_start(key_quotes(_document(german, "de"), limit=10))
    assert found == {
        "Wir können ein Bauwerk nicht e": "Bürgermeisterin Anna Weber",
        "Ich fahre seit dreißig Jahren ": "Der Fährmann Jonas Brandt",
        "doppelt so viele Fahrgäste in ": "Die Hafenverwaltung",
    }


def test_french_quotes() -> None:
    french = [
        "Le conseil municipal a voté jeudi la fermeture du vieux ponton, une décision qualifiée "
        "de « trahison » par l'opposition.",
        "« Nous ne pouvons pas réparer éternellement un ouvrage construit pour des barques », a "
        "déclaré la maire, Claire Dubois. "
        "« La marée a gagné », a-t-elle ajouté. « Le nouveau ponton sera prêt l'été prochain. »",
    ]
    quotes = key_quotes(_document(french, "fr"), limit=10)
    found = _by_start(quotes)
    assert found == {
        "Nous ne pouvons pas réparer ét": "Claire Dubois",
        "La marée a gagné": "Claire Dubois",  # 'a-t-elle ajouté', resolved
        "Le nouveau ponton sera prêt l'": "Claire Dubois",
    }
    assert "trahison" not in " ".join(q.text for q in quotes)


def test_block_quotation_with_dash_attribution() -> None:
    document = _document(
        ["The minister closed her speech with a warning.",
         "“No harbour survives on nostalgia alone.” — Minister Lena Sørensen"],
        quote_blocks=frozenset({1}),
    )
    [quote] = key_quotes(document)
    assert quote == KeyQuote("No harbour survives on nostalgia alone.", "Minister Lena Sørensen",
                             document.sentence_at(1, 0))


@pytest.mark.parametrize("limit", [0, -1])
def test_non_positive_limit(limit: int) -> None:
    assert key_quotes(_document(ENGLISH), limit=limit) == []


def test_text_without_quotes_and_unbalanced_marks() -> None:
    document = _document(["He measured 5'10\" and left.", "An unclosed “quote runs on here",
                          "Nothing to see."])
    assert key_quotes(document) == []


def test_pronouns_resolve_by_number_within_two_paragraphs() -> None:
    document = _document([
        "Tom Hale said: “I have taken this ferry every morning for thirty years.”",
        "“Nobody ever asked us about the pier,” he added.",
        "Officials said the old pier was “unsafe for heavy loads in winter storms”.",
        "“It is a pontoon, not a plan,” she said. “We will replace it,” they said.",
        "The vote was close.",
        "The harbour will stay open.",
        "“It was always going to end this way,” he said.",
    ])
    found = _by_start(key_quotes(document, limit=10))
    assert found == {
        "I have taken this ferry every ": "Tom Hale",
        "Nobody ever asked us about the": "Tom Hale",
        "unsafe for heavy loads in wint": "Officials",
        "It is a pontoon, not a plan": "Tom Hale",  # 'she': a person, not 'Officials'
        "We will replace it": "Officials",  # 'they': the group
        "It was always going to end thi": None,  # three paragraphs on: too far
    }


def test_named_apposition_mentions_and_inline_block_quotes() -> None:
    document = _document(
        [
            "“The budget is balanced for the first time in a decade,” the finance chief, "
            "Ines Varga, said on Friday.",
            "Dr. Omar Haddad, an economist at the port authority, said the forecast was "
            "prudent. “Revenue from the new berth has been counted at half its likely "
            "value,” he said.",
            "“Nobody on this quay believes the berth will be finished on time,” said Carla "
            "Mendes, a dock worker.",
        ],
        quote_blocks=frozenset({2}),
    )
    found = _by_start(key_quotes(document, limit=10))
    assert found == {
        "The budget is balanced for the": "Ines Varga",
        "Revenue from the new berth has": "Dr. Omar Haddad",
        "Nobody on this quay believes t": "Carla Mendes",
    }


def test_straight_quotes_recover_from_an_unclosed_quotation() -> None:
    document = _document([
        "The mayor told the meeting that the budget was tight. \"We have cut every line we "
        "could cut this year. \"Nothing is left to trim in the harbour budget,\" she said. "
        "The art fund is \"fantastically small\", said Ms Lund, who chairs it."
    ])
    quotes = key_quotes(document, limit=10)
    assert [(q.text, q.speaker) for q in quotes] == [
        ("Nothing is left to trim in the harbour budget", "The mayor"),
    ]
    assert all('"' not in (q.speaker or "") for q in quotes)


def test_relative_clause_and_auxiliary_do_not_become_the_speaker() -> None:
    document = _document([
        "The novelist, whose books include Salt Roads, Harbour Lights and The Long Tide, said: "
        "“The old pier is the reason I started writing about this coast.”",
        "The harbour board has said the repairs were “far too expensive for a town of this "
        "size to carry alone”.",
    ])
    found = _by_start(key_quotes(document, limit=10))
    assert found == {
        "The old pier is the reason I s": "The novelist",
        "far too expensive for a town o": "The harbour board",
    }


def test_block_quotation_introduced_by_the_paragraph_before() -> None:
    document = _document(
        ["The harbour minister, Ruth Adeyemi, told parliament:",
         "We will rebuild the harbour wall before the winter storms arrive."],
        quote_blocks=frozenset({1}),
    )
    [quote] = key_quotes(document)
    assert (quote.text, quote.speaker) == (
        "We will rebuild the harbour wall before the winter storms arrive.", "Ruth Adeyemi")
    assert quote.sentence.position == (1, 0)


@pytest.mark.parametrize(("between", "speaker"), [(0, "Nadia Brook"), (1, "Nadia Brook"),
                                                  (2, None)])
def test_a_pronoun_looks_back_two_paragraphs_for_someone_named_with_a_verb(
    between: int, speaker: str | None
) -> None:
    # Only the paragraphs in a pronoun's reach are searched for such mentions.
    paragraphs = [
        "Ines Moreau said the crossing had been calm all week.",
        "The harbour engineer, Nadia Brook, said the new pontoon had passed its load tests.",
        *["The ferry timetable will not change this winter."] * between,
        "“We are ready for the first storms of the season,” she said.",
        "The harbour office will publish the results of the tests in the spring.",
    ]
    [quote] = key_quotes(_document(paragraphs))
    assert quote.text == "We are ready for the first storms of the season"
    assert quote.speaker == speaker


def test_pronouns_in_a_long_article_use_only_nearby_mentions() -> None:
    filler = "The council will meet again next month to discuss the harbour budget."
    paragraphs = []
    for number, name in enumerate(["Ana Ruiz", "Tom Hale", "Lena Ito", "Omar Haddad"]):
        paragraphs += [f"{name} said the repairs to section {number} were on time.",
                       filler, filler, filler]
    # Two paragraphs after Tom Hale is named (and six after Ana Ruiz).
    paragraphs.insert(6, "“The work on the wall has gone better than anyone expected,” he said.")
    paragraphs.append("“Nothing more will be said about the budget this year,” he said.")
    quotes = key_quotes(_document(paragraphs), limit=10)
    assert [(q.text[:20], q.speaker) for q in quotes] == [
        ("The work on the wall", "Tom Hale"),
        ("Nothing more will be", None),  # Omar Haddad is four paragraphs back
    ]
