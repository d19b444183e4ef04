"""News boilerplate inside the text (exporter/summarise/clean.py): one test per pattern."""

from __future__ import annotations

import pytest

from exporter.model import Sentence
from exporter.summarise import summarise
from exporter.summarise.clean import clean_candidates, clean_sentence
from tests.conftest import make_document

BODY = "A bus driver from Leeds has been jailed for stealing his own bus."


def test_a_daily_mail_head_run_into_the_body_comes_off() -> None:
    head = ("By . Tom Carver . PUBLISHED: 09:12 EST, 4 June 2014 . | . "
            "UPDATED: 11:40 EST, 4 June 2014 . ")
    assert clean_sentence(head + BODY) == BODY


@pytest.mark.parametrize("piece", [
    "By .", "Daily Mail Reporter .", "Ella Price for MailOnline .",
    "PUBLISHED: 09:12 EST, 4 June 2014 .", "| .", "Last updated at 5:19 PM on 3rd June 2014",
    "Veröffentlicht: 04.06.2014, 09:12 Uhr", "Mis à jour le 4 juin 2014 à 09h12",
    "Actualizado: 4 de junio de 2014", "Share this article", "Diesen Artikel teilen",
    "Partager cet article", "Scroll down for video", "Por Marta Gil", "Von Jonas Weber",
])
def test_a_sentence_that_is_only_furniture_is_left_out(piece: str) -> None:
    assert clean_sentence(piece) is None, piece


def test_last_updated_and_video_prompts_glued_to_a_sentence_come_off() -> None:
    assert clean_sentence("Last updated at 5:19 PM on 3rd June 2014 " + BODY) == BODY
    assert clean_sentence("Scroll down for video " + BODY) == BODY
    assert clean_sentence(BODY + " Share this article") == BODY


def test_photo_captions_are_left_out_and_a_caption_run_into_a_sentence_leaves_the_sentence() -> None:
    assert clean_sentence("Pictured: the driver with his wife Jan and their two sons") is None
    assert clean_sentence("Foto: Der Bürgermeister vor dem neuen Rathaus") is None
    run_on = "Pictured: the driver with his wife Jan The couple met at the depot in 1990."
    assert clean_sentence(run_on) == "The couple met at the depot in 1990."


def test_picture_credits_inside_a_sentence_come_off() -> None:
    text = "Der Rat tagte am Montag (Foto: dpa) und beschloss den Plan."
    assert clean_sentence(text) == "Der Rat tagte am Montag und beschloss den Plan."


def test_a_glued_subheading_comes_off_but_camel_case_names_stay() -> None:
    glued = "Huit ans de prisonLa direction de l'usine a réagi lundi soir."
    assert clean_sentence(glued) == "La direction de l'usine a réagi lundi soir."
    names = "The YouTube star met McDonald executives and an iPhone maker."
    assert clean_sentence(names) == names


def test_a_subheading_glued_to_a_quotation_comes_off_and_the_quotation_stays_whole() -> None:
    opening = ('Un "risque" réel"Il y a trop de monde sous le chapiteau", a expliqué le maire'
               " de la commune samedi.")
    assert clean_sentence(opening) == ('"Il y a trop de monde sous le chapiteau", a expliqué'
                                       " le maire de la commune samedi.")
    english = "A real risk“It is too crowded in there,” the mayor said on Saturday."
    assert clean_sentence(english) == "“It is too crowded in there,” the mayor said on Saturday."


def test_a_quoted_or_capitalised_subheading_glued_to_a_sentence_comes_off() -> None:
    capitals = '"LE VOTE N\'EST PAS ACQUIS"La liste du maire fait campagne sous l\'étiquette "divers".'
    assert clean_sentence(capitals) == 'La liste du maire fait campagne sous l\'étiquette "divers".'
    # the subheading's opening mark is lost; the sentence after it quotes a phrase
    lost = 'Les écoles restent ouvertes"Selon le rectorat, les cours "continuent" partout.'
    assert clean_sentence(lost) == 'Selon le rectorat, les cours "continuent" partout.'
    german = "Der Plan „Energie für alle“Der Rat tagte am Montag bis spät in die Nacht."
    assert clean_sentence(german) == "Der Rat tagte am Montag bis spät in die Nacht."
    spanish = "«UN DÍA HISTÓRICO»El gobierno aprobó el plan de vivienda el martes."
    assert clean_sentence(spanish) == "El gobierno aprobó el plan de vivienda el martes."


def test_a_long_quotation_run_into_the_next_sentence_is_split_not_cut() -> None:
    text = ('"Nous ne pourrons pas baisser les prix des billets avant la fin de ce mandat de'
            ' cinq ans"Une décision saluée par les élus mercredi.')
    assert clean_sentence(text) == ('"Nous ne pourrons pas baisser les prix des billets avant'
                                    ' la fin de ce mandat de cinq ans". Une décision saluée'
                                    " par les élus mercredi.")


def test_a_wire_subheading_between_dashes_comes_off() -> None:
    text = ("Les parents attendent leurs enfants.- Longue attente -L'hôpital a vu les admissions"
            " monter.")
    assert clean_sentence(text) == "Les parents attendent leurs enfants. L'hôpital a vu les admissions monter."
    quoted = ('La jueza lo dijo en la sala.- "Nadie gana" -"Es un día triste", afirmó el'
              " alcalde.")
    assert clean_sentence(quoted) == 'La jueza lo dijo en la sala. "Es un día triste", afirmó el alcalde.'
    aside = "Le match - très attendu - a eu lieu samedi à Lyon. Puis - enfin - Marc a marqué."
    assert clean_sentence(aside) == aside


def test_a_question_subheading_spaced_the_french_way_comes_off() -> None:
    assert clean_sentence("Comment ?La crise change le choix des vacances cet été.") == (
        "La crise change le choix des vacances cet été.")
    assert clean_sentence("Les prix montent. LE GRAND OUBLIÉ ?Le train reste cher.") == (
        "Les prix montent. Le train reste cher.")
    long = ("Faut-il vraiment partir en vacances cette année alors que les prix des billets de"
            " train montent partout ?Les familles hésitent encore.")
    assert clean_sentence(long) == long.replace("?Les", "? Les")
    assert clean_sentence("Vous venez ? Oui, demain.") == "Vous venez ? Oui, demain."


def test_a_quoted_subheading_glued_to_the_next_quotation_comes_off() -> None:
    text = '"Une pause sur les prix""Il faut une pause sur les prix du gaz", a déclaré la députée.'
    assert clean_sentence(text) == '"Il faut une pause sur les prix du gaz", a déclaré la députée.'


def test_every_glued_subheading_comes_off_and_a_sentence_before_one_stays() -> None:
    # the quotation's end is a sentence (it ends with a full stop), the next one a subheading
    text = ('On le fera un jour, mais pas tout de suite...""La porte reste ouverte"Dans un'
            " entretien, le champion n'a pas écarté un retour.")
    assert clean_sentence(text) == ('On le fera un jour, mais pas tout de suite..." Dans un'
                                    " entretien, le champion n'a pas écarté un retour.")
    two = ("Le héros est blanc. Une enfance au soleilEnfant de la crise, elle grandit à Lyon."
           " Premiers rôlesElle tourne son premier film à vingt ans.")
    assert clean_sentence(two) == ("Le héros est blanc. Enfant de la crise, elle grandit à Lyon."
                                   " Elle tourne son premier film à vingt ans.")


def test_quotation_marks_in_ordinary_sentences_are_left_alone() -> None:
    for text in ('Le maire a dit "oui". Il est parti.', 'He said "Go" and left.',
                 "Sie sagte „Nein“ und ging.", "Il a répondu « Non » et il est parti."):
        assert clean_sentence(text) == text


def test_a_line_of_javascript_after_a_sentence_comes_off() -> None:
    text = 'Le maire a démissionné. window.player_1 = new Player("x", {mute: true})'
    assert clean_sentence(text) == "Le maire a démissionné."


def test_a_caption_copy_of_a_sentence_is_left_out_and_positions_are_kept() -> None:
    sentences = [
        Sentence("By . Tom Carver .", 0, 0),
        Sentence("Ana Ruiz, a nurse from Seville, won the lottery for the second time on Friday.",
                 1, 0),
        Sentence("Fresh chance: Ana Ruiz, a nurse from Seville, won the lottery again.", 1, 1),
        Sentence("She plans to buy a house by the sea.", 2, 0),
    ]
    cleaned = clean_candidates(sentences)
    assert [s.position for s in cleaned] == [(1, 0), (2, 0)]
    assert clean_candidates([Sentence("Share this article", 0, 0)])  # never empty


def test_a_byline_split_into_sentences_is_left_out_whole() -> None:
    sentences = [Sentence("By .", 0, 0), Sentence("Tom Carver and Ella Price .", 0, 1),
                 Sentence(BODY, 0, 2), Sentence("Tom Carver said so.", 0, 3)]
    assert [s.text for s in clean_candidates(sentences)] == [BODY, "Tom Carver said so."]


def test_lead_and_the_default_both_see_the_cleaned_text() -> None:
    document = make_document("Bus", (
        "By . Tom Carver . PUBLISHED: 09:12 EST, 4 June 2014 . | . " + BODY,
        "He drove it to the coast and back. Police found the bus on a beach near Whitby.",
        "The bus company said the driver had worked for it for 20 years.",
    ))
    for method in ("lead", "default"):
        texts = [s.text for s in summarise(document, sentences=3, method=method).sentences]
        assert BODY in texts, (method, texts)
        assert not any("PUBLISHED" in t or t.startswith("By") for t in texts)
