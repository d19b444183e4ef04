"""The segmenter on the cases a careful editor gets right, in English, German, French, Spanish.

Each class of the issue (closing marks, quotation + attribution, abbreviations
before capitalised words, initials, enumerated items, ellipses) has cases in
every language; the sentences are written for this test.
"""

from __future__ import annotations

import time
from collections.abc import Callable

import pytest

from exporter.segment import split_sentences

CLOSING = [
    # a quotation opened with a curly mark and closed with a straight one, then a comma
    ("es", '“¿Vamos todos juntos, sí o no?", preguntó Ingrid en el debate. Nadie contestó.',
     ['“¿Vamos todos juntos, sí o no?", preguntó Ingrid en el debate.', "Nadie contestó."]),
    ("fr", "« C'est du pillage !\", s'est-il exclamé devant la presse. Puis il est parti.",
     ["« C'est du pillage !\", s'est-il exclamé devant la presse.", "Puis il est parti."]),
    ("en", 'He asked: “Is it ready?"; nobody answered him. Then he left.',
     ['He asked: “Is it ready?"; nobody answered him.', "Then he left."]),
    ("en", '"Go home!" he shouted. The crowd left.', ['"Go home!" he shouted.', "The crowd left."]),
    ("en", "“Is it safe?”, the mayor asked. Nobody knew.",
     ["“Is it safe?”, the mayor asked.", "Nobody knew."]),
    ("en", "The bridge opened (after years of delay.) Traffic moved at once.",
     ["The bridge opened (after years of delay.)", "Traffic moved at once."]),
    ("es", '"¡Váyanse!", exigió. La policía no respondió.',
     ['"¡Váyanse!", exigió.', "La policía no respondió."]),
    ("es", "«¿Quién paga la obra?», preguntó la concejala. Nadie contestó.",
     ["«¿Quién paga la obra?», preguntó la concejala.", "Nadie contestó."]),
    ("de", "„Geht nach Hause!“, rief er. Die Menge blieb.",
     ["„Geht nach Hause!“, rief er.", "Die Menge blieb."]),
    ("de", "»Ist die Brücke sicher?«, fragte sie. Niemand wusste es.",
     ["»Ist die Brücke sicher?«, fragte sie.", "Niemand wusste es."]),
    ("fr", "« Partez tout de suite ! », a-t-il crié. La foule est restée.",
     ["« Partez tout de suite ! », a-t-il crié.", "La foule est restée."]),
    ("fr", "Le pont a ouvert (enfin.) Les voitures passent.",
     ["Le pont a ouvert (enfin.)", "Les voitures passent."]),
]
ABBREVIATIONS = [
    ("en", "We climbed Mt. Fuji in May. It was cold.", ["We climbed Mt. Fuji in May.", "It was cold."]),
    ("en", "Gen. Ortiz met Dr. Baker in St. Louis on Friday. They spoke for an hour.",
     ["Gen. Ortiz met Dr. Baker in St. Louis on Friday.", "They spoke for an hour."]),
    ("en", "I live in the U.S. How about you?", ["I live in the U.S.", "How about you?"]),
    ("en", "She moved to the U.K. last year. The U.S. Navy stayed.",
     ["She moved to the U.K. last year.", "The U.S. Navy stayed."]),
    ("en", "The ferry left at 6 p.m. Mr. Okafor then drove home.",
     ["The ferry left at 6 p.m.", "Mr. Okafor then drove home."]),
    ("en", "He arrived at 9 A.M. The meeting began at once.",
     ["He arrived at 9 A.M.", "The meeting began at once."]),
    ("en", "The store on Elm St. The one with a red door closed.",
     ["The store on Elm St.", "The one with a red door closed."]),
    ("de", "Dr. Weber und Prof. Schulz kamen um 9 Uhr. Sie sprachen lange.",
     ["Dr. Weber und Prof. Schulz kamen um 9 Uhr.", "Sie sprachen lange."]),
    ("de", "Die Firma zahlte ca. 5 Mio. Euro an die Stadt. Das war z. B. mehr als geplant.",
     ["Die Firma zahlte ca. 5 Mio. Euro an die Stadt.", "Das war z. B. mehr als geplant."]),
    ("de", "Er wohnt in der Hauptstr. 5 in Bonn. Sie wohnt in den USA.",
     ["Er wohnt in der Hauptstr. 5 in Bonn.", "Sie wohnt in den USA."]),
    ("fr", "M. Dupont a rencontré Mme Leroy à Paris. Ils ont parlé du budget.",
     ["M. Dupont a rencontré Mme Leroy à Paris.", "Ils ont parlé du budget."]),
    ("fr", "La séance a lieu à St. Étienne, env. 200 personnes. Le maire est venu.",
     ["La séance a lieu à St. Étienne, env. 200 personnes.", "Le maire est venu."]),
    ("es", "El Sr. Gómez y la Dra. Ruiz llegaron a las 8. Hablaron del puente.",
     ["El Sr. Gómez y la Dra. Ruiz llegaron a las 8.", "Hablaron del puente."]),
    ("es", "La obra costó aprox. 3 millones en EE. UU. El alcalde lo confirmó.",
     ["La obra costó aprox. 3 millones en EE. UU.", "El alcalde lo confirmó."]),
]
INITIALS = [
    ("en", "J. R. Tolkien wrote it. George W. Bush read it.",
     ["J. R. Tolkien wrote it.", "George W. Bush read it."]),
    ("en", "It was you and I. Did you see the bridge?",
     ["It was you and I.", "Did you see the bridge?"]),
    ("de", "Das Buch von Thomas M. Keller erschien 2020. Es verkaufte sich gut.",
     ["Das Buch von Thomas M. Keller erschien 2020.", "Es verkaufte sich gut."]),
    ("fr", "Le rapport de J.-P. Martin est paru hier. Il fait 40 pages.",
     ["Le rapport de J.-P. Martin est paru hier.", "Il fait 40 pages."]),
    ("es", "La novela de Gabriel G. Márquez llegó tarde. Se vendió bien.",
     ["La novela de Gabriel G. Márquez llegó tarde.", "Se vendió bien."]),
]
ENUMERATIONS = [
    ("en", "1.) The first item 2.) The second item", ["1.) The first item", "2.) The second item"]),
    ("en", "1) Buy the land. 2) Build the bridge. 3) Open it.",
     ["1) Buy the land.", "2) Build the bridge.", "3) Open it."]),
    ("en", "a. The first item b. The second item c. The third item",
     ["a. The first item", "b. The second item", "c. The third item"]),
    ("de", "1. Die Planung beginnt 2. Der Bau folgt", ["1. Die Planung beginnt", "2. Der Bau folgt"]),
    ("fr", "1) Le terrain est acheté. 2) Le pont est construit.",
     ["1) Le terrain est acheté.", "2) Le pont est construit."]),
    ("es", "1.) Se compra el terreno 2.) Se construye el puente",
     ["1.) Se compra el terreno", "2.) Se construye el puente"]),
]
ELLIPSES = [
    ("en", "I never meant that.... She left the store.", ["I never meant that....", "She left the store."]),
    ("en", "He paused . . . and then he spoke again.", ["He paused . . . and then he spoke again."]),
    ("en", "The reasons were many… some of them were good.",
     ["The reasons were many… some of them were good."]),
    ("de", "Er zögerte … dann sprach er weiter. Alle hörten zu.",
     ["Er zögerte … dann sprach er weiter.", "Alle hörten zu."]),
    ("fr", "Il hésita... puis il parla encore. Tout le monde écoutait.",
     ["Il hésita... puis il parla encore.", "Tout le monde écoutait."]),
    ("es", "Dudó un momento... y luego siguió hablando. Todos escucharon.",
     ["Dudó un momento... y luego siguió hablando.", "Todos escucharon."]),
]

# Scraped text that lost the line break after a sentence: the stop has no space after it.
GLUED = [
    ("de", "Die Räte haben bis spät in die Nacht getagt.Zweitens steht fest, dass es teurer wird.",
     ["Die Räte haben bis spät in die Nacht getagt.", "Zweitens steht fest, dass es teurer wird."]),
    ("en", "Open the file with your editor.Change the second line, then save it.",
     ["Open the file with your editor.", "Change the second line, then save it."]),
    ("es", "La mayoría de los vecinos los apoya.Sea cual sea el resultado, seguirán.",
     ["La mayoría de los vecinos los apoya.", "Sea cual sea el resultado, seguirán."]),
    ("de", "Sie haben Fragen?Gerne per E-Mail an die Redaktion.",
     ["Sie haben Fragen?", "Gerne per E-Mail an die Redaktion."]),
    ("fr", "Le débat est terminé!Place au vote des militants dimanche.",
     ["Le débat est terminé!", "Place au vote des militants dimanche."]),
    # after a capitalised word (a German noun) only a sentence-opening word starts one
    ("de", "Die Räte tagten bis spät in die Nacht.Die Entscheidung fiel erst am Morgen.",
     ["Die Räte tagten bis spät in die Nacht.", "Die Entscheidung fiel erst am Morgen."]),
    # names, abbreviations, domains and code keep their stops
    ("de", "Das Theater St.Gallen zeigt ein Stück von Dr.Gustav Roth.",
     ["Das Theater St.Gallen zeigt ein Stück von Dr.Gustav Roth."]),
    ("de", "Die Schau ›Struktur.Wandel‹ läuft bis Mai, das kostet ca.Fünf Euro.",
     ["Die Schau ›Struktur.Wandel‹ läuft bis Mai, das kostet ca.Fünf Euro."]),
    ("en", "Call webdriver.PhantomJS() or java.util.List from the Xamarin.Android app.",
     ["Call webdriver.PhantomJS() or java.util.List from the Xamarin.Android app."]),
]


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    CLOSING + ABBREVIATIONS + INITIALS + ENUMERATIONS + ELLIPSES + GLUED,
)
def test_hard_cases(language: str, text: str, expected: list[str]) -> None:
    assert split_sentences(text, language) == expected


CLOSERS = "”’»«›)]}\"'“"


@pytest.mark.parametrize(
    ("language", "text"),
    [(language, text) for language, text, _ in CLOSING]
    + [
        ("en", 'The mayor said: "We will build it." (The council disagreed.) It was built.'),
        ("de", "„Wir bauen sie.“ (Der Rat war dagegen.) Sie wurde gebaut."),
        ("es", "«No lo sé.» Eso dijo. (Nadie le creyó.) Se fue."),
    ],
)
def test_no_sentence_starts_with_a_closing_mark(language: str, text: str) -> None:
    for sentence in split_sentences(text, language)[1:]:
        assert sentence[0] not in ",;:)]}”’", sentence
    joined = " ".join(split_sentences(text, language))
    assert joined.split() == text.split()


def _fastest(run: Callable[[], object], rounds: int = 5) -> float:
    """The least time of a few runs: what the work costs, with the machine's noise left out."""
    times = []
    for _ in range(rounds):
        started = time.perf_counter()
        run()
        times.append(time.perf_counter() - started)
    return min(times)


def test_the_rules_cost_little_beside_punkt_on_200_kb() -> None:
    # make bench reports sentences per second; here the rules' cost is measured
    # against Punkt's own on the same text in the same run (the fastest of five
    # runs each, so a loaded machine cannot fail it). Punkt's pass is the project's
    # remembering one, and the rules cost about as much again (about 2x in all).
    # One paragraph of the whole 200 kB must cost about what its paragraphs do: a
    # rule that grows with the paragraph's length would not.
    from benchmarks.bench_segment import sample_text
    from exporter.segment import _tokenizer

    paragraphs = sample_text(200_000).split("\n")
    whole = " ".join(paragraphs)
    tokenizer = _tokenizer("en")
    expected = sum(len(tokenizer.tokenize(p)) for p in paragraphs)
    count = sum(len(split_sentences(p, "en")) for p in paragraphs)
    assert abs(count - expected) < expected * 0.1
    assert len(split_sentences(whole, "en")) == count
    punkt_alone = _fastest(lambda: [tokenizer.tokenize(p) for p in paragraphs])
    ours = _fastest(lambda: [split_sentences(p, "en") for p in paragraphs])
    one_paragraph = _fastest(lambda: split_sentences(whole, "en"))
    assert ours < 3 * punkt_alone, f"{ours:.3f} s against Punkt's {punkt_alone:.3f} s"
    assert one_paragraph < 3 * ours, f"{one_paragraph:.3f} s as one paragraph, {ours:.3f} s in all"
