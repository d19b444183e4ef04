"""The HTML reader: trafilatura's main text and metadata, never the page furniture."""

from __future__ import annotations

import datetime

from exporter.model import Heading, ListItem, Quote
from exporter.readers import read_string

PAGE = """<!doctype html>
<html lang="fr-FR"><head><title>La grève des ferries prend fin | Journal de la Côte</title>
<meta name="author" content="Rosa Lind">
<meta property="article:published_time" content="2025-06-02T10:00:00Z">
<link rel="canonical" href="https://example.com/news/greve-ferries">
<script>window.trackEverything = true;</script></head>
<body>
<nav><ul><li><a href="/">Accueil</a></li><li><a href="/actu">Actualités</a></li></ul></nav>
<div id="cookie-banner">Nous utilisons des cookies. Tout accepter</div>
<article>
<h1>La grève des ferries prend fin</h1>
<p>Les équipages des ferries ont repris le travail lundi après une grève de cinq jours qui s'est
terminée par un accord salarial de 6 % sur deux ans. Le syndicat a indiqué que ses membres
avaient voté en faveur de l'offre à une large majorité.</p>
<h2>Reprise du service</h2>
<p>L'opérateur a déclaré que les horaires seraient rétablis mercredi, même si certaines
traversées matinales ont été annulées. Les passagers concernés peuvent demander un
remboursement complet auprès de la compagnie.</p>
<blockquote>« Ce n'était jamais seulement une question d'argent », a déclaré Pat Kerr.</blockquote>
<ul><li>Remboursements possibles jusqu'au 30 juin.</li><li>Traversées supplémentaires le week-end.</li></ul>
<p>Le conflit avait bloqué des centaines de voyageurs au cœur de la saison touristique et les
commerces locaux disent avoir perdu des milliers d'euros de chiffre d'affaires.</p>
</article>
<aside class="advert">Publicité : achetez maintenant</aside>
<footer>© Journal de la Côte</footer>
</body></html>"""


def test_main_text_and_metadata() -> None:
    document = read_string(PAGE)
    assert document.title == "La grève des ferries prend fin"
    assert document.authors == ("Rosa Lind",)
    assert document.published == datetime.date(2025, 6, 2)
    assert document.source_url == "https://example.com/news/greve-ferries"
    assert document.language == "fr"
    assert document.blocks[0].text.startswith("Les équipages des ferries")
    assert Heading("Reprise du service", 1) in document.blocks
    assert any(isinstance(b, Quote) for b in document.blocks)
    assert sum(isinstance(b, ListItem) for b in document.blocks) == 2


def test_menus_cookies_adverts_and_scripts_are_dropped() -> None:
    text = read_string(PAGE).text
    for furniture in ("Accueil", "cookies", "Publicité", "trackEverything", "©"):
        assert furniture not in text


BR_PAGE = """<!doctype html>
<html lang="es"><head><title>Debate de candidatos en la universidad</title></head>
<body><article>
<h1>Debate de candidatos en la universidad</h1>
<p>Los candidatos respondieron durante dos horas las preguntas de los estudiantes en el
auditorio principal de la universidad.<br><br>Pese a los comentarios, ninguno habló de
<b>alianzas</b> en el centro político del país durante la noche del martes.<br>La votación
será el 29 de mayo, recordó una analista de la facultad de ciencias políticas.</p>
<p>La organización del debate estuvo a cargo del consejo estudiantil, que recibió más de
cuatrocientas preguntas antes del encuentro.</p>
<p>Oficina de prensa<br>Calle Mayor 5<br>28013 Madrid</p>
</article></body></html>"""


def test_line_breaks_never_glue_one_sentence_to_the_next() -> None:
    document = read_string(BR_PAGE)
    sentences = [s.text for s in document.sentences()]
    assert sentences[:3] == [
        "Los candidatos respondieron durante dos horas las preguntas de los estudiantes en el"
        " auditorio principal de la universidad.",
        "Pese a los comentarios, ninguno habló de alianzas en el centro político del país durante"
        " la noche del martes.",
        "La votación será el 29 de mayo, recordó una analista de la facultad de ciencias políticas.",
    ]
    assert "Oficina de prensa Calle Mayor 5 28013 Madrid" in sentences
    assert not any(".Pese" in s or "universidad.P" in s for s in sentences)


def test_a_footers_year_is_not_the_articles_date() -> None:
    # With no date in the page's metadata or markup, "© 2013" must not become
    # 2013-01-01 on the briefing: no date is better than a wrong one.
    page = PAGE.replace('<meta property="article:published_time" content="2025-06-02T10:00:00Z">',
                        "").replace("<footer>© Journal de la Côte</footer>",
                                    "<footer>© 2013 Journal de la Côte</footer>")
    assert "published_time" not in page and "© 2013" in page
    assert read_string(page).published is None
    assert read_string(PAGE).published == datetime.date(2025, 6, 2)
