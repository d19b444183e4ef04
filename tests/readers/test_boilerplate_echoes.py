"""Furniture that needs more than its own block: read-more links, comments, title and caption echoes.

The pages are our own, in several languages; each test reads the document or the
summary back and looks for the furniture's words.
"""

from __future__ import annotations

import pytest

from exporter import summarise
from exporter.readers import read_string
from exporter.readers.boilerplate import (
    drop_boilerplate,
    drop_page_echoes,
    is_boilerplate,
    page_captions,
)
from exporter.readers.build import RawBlock
from exporter.summarise.clean import clean_sentence

STORY = [
    "The harbour authority approved the new ferry terminal on Tuesday after two years of "
    "hearings, and construction will begin in the spring.",
    "The terminal will cost 48 million euros and handle up to 3,000 passengers a day, "
    "according to the plans presented to the council.",
    "Residents of the old town said they welcomed the project but worried about traffic "
    "on the narrow streets leading to the quay.",
]


def _text(document: object) -> str:
    blocks = document.blocks
    return " ".join(s.text for block in blocks for s in getattr(block, "sentences", ()))


@pytest.mark.parametrize(
    ("paragraph", "kept"),
    [
        ("The mayor opened the new bridge on Friday. [Read more]", "The mayor opened the new bridge on Friday."),
        ("Rada miasta przyjęła budżet na przyszły rok. [czytaj więcej]",
         "Rada miasta przyjęła budżet na przyszły rok."),
        ("Der Stadtrat hat den Haushalt beschlossen. (weiterlesen …)",
         "Der Stadtrat hat den Haushalt beschlossen."),
        ("El ayuntamiento aprobó el presupuesto del año próximo. [Leer más]",
         "El ayuntamiento aprobó el presupuesto del año próximo."),
        ("Le conseil a voté le budget mardi soir. [Lire la suite]", "Le conseil a voté le budget mardi soir."),
    ],
)
def test_a_read_more_link_is_cut_off_its_paragraph(paragraph: str, kept: str) -> None:
    assert [b.text for b in drop_boilerplate([RawBlock("paragraph", paragraph)])] == [kept]


def test_brackets_that_are_prose_stay() -> None:
    text = "The council voted for the plan (more or less unanimously) on Monday."
    assert [b.text for b in drop_boilerplate([RawBlock("paragraph", text)])] == [text]


@pytest.mark.parametrize(
    "text",
    [
        "Send your letter to the editor via this form. Read more Letters to the Editor.",
        "Submit a story idea to the newsroom at any time.",
        "Schicken Sie Ihren Leserbrief über dieses Formular an die Redaktion.",
        "Ana Ruiz, photographer from Porto. I love street portraits. Follow me on Instagram.",
        "Jonas Berg, Fotograf aus Graz. Folgt mir gerne auf Instagram, dort gibt es mehr Bilder.",
        "Lucía Gómez, fotógrafa de Sevilla. Sígueme en Instagram para ver más retratos.",
        "The city's budget is online. Lesen Sie mehr Nachrichten aus der Region.",
    ],
)
def test_prompts_and_author_boxes_are_furniture(text: str) -> None:
    assert is_boilerplate(RawBlock("paragraph", text))


@pytest.mark.parametrize(
    "text",
    [
        "Children who read more books at home did better at school, the study found.",
        "The minister said she would follow the committee's advice on the form of the tax.",
    ],
)
def test_prose_with_the_same_words_stays(text: str) -> None:
    assert not is_boilerplate(RawBlock("paragraph", text))


@pytest.mark.parametrize(
    "heading",
    ["3 Kommentare", "#1 Kommentar von Mia", "Comments (12)", "Leave a reply", "Laisser un commentaire",
     "Deja un comentario", "Dodaj komentarz", "12 Responses to “Ferry terminal approved”",
     "Komentarze (4)"],
)
def test_the_readers_comments_are_dropped_to_the_end(heading: str) -> None:
    blocks = [RawBlock("paragraph", text) for text in STORY]
    blocks += [RawBlock("heading", heading), RawBlock("paragraph", "Great article, thanks a lot!"),
               RawBlock("paragraph", "I disagree with every word of it.")]
    kept = drop_boilerplate(blocks)
    assert [b.text for b in kept] == STORY


def test_a_comments_heading_before_any_article_cuts_nothing() -> None:
    blocks = [RawBlock("heading", "Comments"), *(RawBlock("paragraph", t) for t in STORY)]
    assert [b.text for b in drop_boilerplate(blocks)] == ["Comments", *STORY]


@pytest.mark.parametrize(
    ("title", "line"),
    [
        ("Harbour approves the new ferry terminal | City Gazette | 12.03.2024",
         "Harbour approves the new ferry terminal | Local | City Gazette | 12.03.2024"),
        ("Neues Fährterminal im Hafen genehmigt – Stadtanzeiger",
         "Neues Fährterminal im Hafen genehmigt – Lokales – Stadtanzeiger"),
        ("El puerto aprueba la nueva terminal de ferris - Diario del Puerto",
         "El puerto aprueba la nueva terminal de ferris | Diario del Puerto | 12/03/2024"),
    ],
)
def test_the_title_line_repeated_in_the_body_is_dropped(title: str, line: str) -> None:
    blocks = [RawBlock("paragraph", line), *(RawBlock("paragraph", t) for t in STORY)]
    assert [b.text for b in drop_page_echoes(blocks, title, [])] == STORY


def test_a_paragraph_that_begins_like_the_headline_stays() -> None:
    text = ("Harbour approves the new ferry terminal, the council announced, after a vote that "
            "ended two years of hearings and objections from the fishing fleet.")
    title = "Harbour approves the new ferry terminal | City Gazette"
    kept = drop_page_echoes([RawBlock("paragraph", text)], title, [])
    assert [(b.kind, b.text) for b in kept] == [("paragraph", text)]


@pytest.mark.parametrize(
    ("title", "headline", "story"),
    [
        ("Harbour approves the new ferry terminal | City Gazette | 12.03.2024",
         "Harbour approves the new ferry terminal", STORY),
        ("Le port approuve le nouveau terminal de ferry – La Gazette",
         "Le port approuve le nouveau terminal de ferry",
         ["L'autorité portuaire a approuvé mardi le nouveau terminal après deux ans d'audiences.",
          "Le terminal coûtera 48 millions d'euros et accueillera 3 000 passagers par jour.",
          "Les habitants de la vieille ville craignent le trafic dans les rues étroites du port."]),
    ],
)
def test_the_headline_set_as_a_paragraph_is_kept_out_of_the_summary(
    title: str, headline: str, story: list[str]
) -> None:
    page = (f"<html><head><title>{title}</title></head><body><article><p>{headline}</p>"
            + "".join(f"<p>{p}</p>" for p in story) + "</article></body></html>")
    document = read_string(page, format="html")
    summary = [s.text for s in summarise(document).sentences]
    assert summary and headline not in summary and not any(headline in s for s in summary)


@pytest.mark.parametrize("heading", ["Kommentar", "Komentarz", "Comment", "Reactions"])
def test_an_opinion_heading_is_not_the_readers_comments(heading: str) -> None:
    blocks = [*(RawBlock("paragraph", t) for t in STORY), RawBlock("heading", heading),
              RawBlock("paragraph", STORY[0])]
    assert len(drop_boilerplate(blocks)) == 5


CAPTIONED = """<!doctype html><html lang="{lang}"><head><title>{title}</title></head><body>
<article><h1>{title}</h1>
<div class="photo-caption">{caption}</div>
<p>{caption} ({credit})</p>
{paragraphs}
<figure><img src="x.jpg" alt="{alt}"><figcaption>{alt}</figcaption></figure>
<p>{alt}</p>
</article></body></html>"""


@pytest.mark.parametrize(
    ("lang", "title", "caption", "credit", "alt", "paragraphs"),
    [
        ("en", "Ferry terminal approved", "The mayor, centre, looks at the plans of the new terminal "
         "with two engineers", "Ana Ruiz", "Work on the quay will start in the spring next year",
         STORY),
        ("es", "Aprobada la terminal de ferris", "La alcaldesa, en el centro, observa los planos de "
         "la nueva terminal", "Lucía Gómez", "Las obras del muelle empezarán en primavera",
         ["La autoridad portuaria aprobó el martes la nueva terminal de ferris tras dos años de "
          "audiencias públicas.",
          "La terminal costará 48 millones de euros y recibirá hasta 3.000 pasajeros al día, según "
          "los planos presentados al pleno.",
          "Los vecinos del casco antiguo celebraron el proyecto, aunque temen el tráfico en las "
          "calles estrechas que llevan al muelle."]),
    ],
)
def test_picture_captions_never_reach_the_summary(
    lang: str, title: str, caption: str, credit: str, alt: str, paragraphs: list[str]
) -> None:
    page = CAPTIONED.format(lang=lang, title=title, caption=caption, credit=credit, alt=alt,
                            paragraphs="".join(f"<p>{p}</p>" for p in paragraphs))
    assert caption in page_captions(page) and alt in page_captions(page)
    document = read_string(page, format="html")
    text = _text(document)
    assert "48" in text and caption not in text and alt not in text and credit not in text
    summary = " ".join(s.text for s in summarise(document).sentences)
    assert summary and caption not in summary and alt not in summary


def test_short_alt_texts_prove_nothing() -> None:
    page = '<html><body><img alt="Logo"><img alt="Photo of the day"><p>x</p></body></html>'
    assert page_captions(page) == []


@pytest.mark.parametrize(
    "sentence",
    [
        "Specjalną uchwałę w tej sprawie przyjęło wczoraj stowarzyszenie rolników.",
        "Rada miasta zabrała głos w sprawie nowego mostu na rzece.",
        "Valdība otrdien apstiprināja jauno budžetu, kas stāsies spēkā janvārī.",
        "Vláda dnes schválila nový rozpočet, který začne platit v lednu.",
    ],
)
def test_small_letters_of_latin_extended_a_are_not_capitals(sentence: str) -> None:
    # "uchwałę" is one word: "ł" is small, so nothing here is a subheading glued to a sentence.
    assert clean_sentence(sentence) == sentence
