"""A page's title becomes the headline alone: no site name, section or slogan beside it."""

from __future__ import annotations

import pytest

from exporter.readers import read_string
from exporter.readers.titles import headline, page_headings


@pytest.mark.parametrize(
    ("title", "site_name", "host", "expected"),
    [
        # The site's name after the headline, as og:site_name gives it or nearly.
        ("Neue Fähre fährt ab Montag - Hafenblatt", "Hafenblatt", None, "Neue Fähre fährt ab Montag"),
        ("Neue Fähre fährt ab Montag | Das Hafenblatt", "Hafenblatt", None,
         "Neue Fähre fährt ab Montag"),
        # Before it, and named by the host alone.
        ("RIVERSIDE POST | Library roof repairs finish early", None, "www.riverside-post.co.uk",
         "Library roof repairs finish early"),
        ("La bibliothèque rouvre ses portes - valleemag.fr", None, "valleemag.fr",
         "La bibliothèque rouvre ses portes"),
        # Both ends, and the site's section after its name.
        ("Tram depot opens » Riverside Post » Local news", "Riverside Post", None,
         "Tram depot opens"),
        ("Riverside Post · Tram depot opens · Riverside Post", "Riverside Post", None,
         "Tram depot opens"),
        # The site's slogan after its name is the site's too; so is its address.
        ("Library roof repairs finish early | riverside-post.com | Your town, every day", None,
         "riverside-post.com", "Library roof repairs finish early"),
        ("Neue Fähre fährt ab Montag - https://www.hafen-blatt.de", None, None,
         "Neue Fähre fährt ab Montag"),
        # Chinese titles set the separator without spaces.
        ("港口新渡轮下周启航！-海港日报", "海港日报", None, "港口新渡轮下周启航！"),
        # A dash inside the headline stays: neither side names the site.
        ("Council votes - and the bakery wins", "Riverside Post", "riverside-post.com",
         "Council votes - and the bakery wins"),
        ("Luftfahrt hebt wieder ab – und die Zulieferer profitieren", None, None,
         "Luftfahrt hebt wieder ab – und die Zulieferer profitieren"),
        # A title that is the site's name alone is left as it is.
        ("Riverside Post - Riverside Post Online", "Riverside Post", None,
         "Riverside Post - Riverside Post Online"),
        ("Riverside Post", "Riverside Post", None, "Riverside Post"),
        (None, "Riverside Post", None, None),
    ],
)
def test_the_site_name_comes_off(title: str | None, site_name: str | None, host: str | None,
                                 expected: str | None) -> None:
    assert headline(title, site_name=site_name, host=host) == expected


def test_the_pages_heading_says_where_the_headline_ends() -> None:
    # Nothing names the site here, but the page's <h1> is the title's first part.
    title = "Orchard frost: what growers can do now | Gardening | Weekend"
    assert headline(title, headings=["Orchard frost: what growers can do now"]) == (
        "Orchard frost: what growers can do now")
    # The part before a subtitle, when that is the page's heading; the title's own text.
    assert headline("Les abeilles mortes sous les tilleuls : l'explication",
                    headings=["Les Abeilles mortes sous les tilleuls"]) == (
        "Les abeilles mortes sous les tilleuls")
    # The last part, when the site comes first.
    assert headline("Hafenblatt - Regional - Neue Fähre fährt ab Montag",
                    headings=["Neue Fähre fährt ab Montag"]) == "Neue Fähre fährt ab Montag"


def test_a_heading_that_proves_nothing_is_passed_over() -> None:
    title = "Sport - Chess club wins the regional cup after a long final"
    # A section heading, a small part of the title: not where the headline ends.
    assert headline(title, headings=["Sport"]) == title
    # The site's own name set as the page's heading.
    assert headline("Hafenblatt - Neue Fähre fährt ab Montag", site_name="Hafenblatt",
                    headings=["Hafenblatt"]) == "Neue Fähre fährt ab Montag"
    # A heading the title does not split into is not used, however alike.
    assert headline("Tram depot opens on time", headings=["Tram depot opens"]) == (
        "Tram depot opens on time")


def test_page_headings_are_text() -> None:
    page = ("<h1 class='x'>Caf&eacute; <em>prices</em>\n rise</h1><p>body</p><H1></H1>"
            + "".join(f"<h1>Heading {n}</h1>" for n in range(9)))
    assert page_headings(page) == ["Café prices rise", *(f"Heading {n}" for n in range(4))]
    assert page_headings("<h1>never closed " + "x" * 5000) == []


PAGE = """<!doctype html>
<html lang="de"><head>
<title>Neue Fähre fährt ab Montag – Hafenblatt</title>
<meta property="og:title" content="Neue Fähre fährt ab Montag – Hafenblatt">
<meta property="og:site_name" content="Hafenblatt">
</head><body>
<header><a href="/">Hafenblatt</a></header>
<h1>Neue Fähre fährt ab Montag</h1>
<article>
<p>Die neue Fähre zwischen dem Hafen und der Insel nimmt am Montag den Betrieb auf, wie die
Reederei am Freitag mitteilte. Sie fährt stündlich von sechs bis zweiundzwanzig Uhr.</p>
<p>Das Schiff bietet Platz für dreihundert Fahrgäste und vierzig Autos. Die Fahrt dauert
zwanzig Minuten, zehn weniger als mit der alten Fähre, die nach dreißig Jahren ausgemustert
wird.</p>
<p>Die Gemeinde hofft auf mehr Besucher im Sommer und auf weniger Verkehr auf der Brücke.</p>
</article></body></html>"""


def test_a_page_read_has_the_headline_for_its_title() -> None:
    document = read_string(PAGE)
    assert document.title == "Neue Fähre fährt ab Montag"
    assert "Die neue Fähre zwischen dem Hafen" in document.text


def test_the_one_headline_the_page_shows_wins_over_a_title_for_search_engines() -> None:
    title = "Wärmepumpe im Altbau - Wann sie sich lohnt | Heizblatt"
    shown = "Lohnt sich eine Wärmepumpe im Altbau?"
    assert headline(title, site_name="Heizblatt", headings=[shown]) == shown
    assert headline(title, site_name="Heizblatt", headings=[shown, "Heizblatt"]) == shown
    # Two headings on the page: which one is the article's is not known.
    assert headline(title, site_name="Heizblatt", headings=[shown, "Unsere Ratgeber"]) == (
        "Wärmepumpe im Altbau - Wann sie sich lohnt")
    # Another story, or only a word in common: a section's or a teaser's heading.
    assert headline("Ferry fares rise in May", headings=["Library roof repairs finish"]) == (
        "Ferry fares rise in May")
    assert headline("Outdoor - Snow maps for every pass", headings=["Outdoor | Entry"]) == (
        "Outdoor - Snow maps for every pass")


def test_a_heading_that_holds_the_title_or_a_piece_of_it_does_not_replace_it() -> None:
    # A kicker before the headline, a label, a heading cut short: the title is cleaner.
    title = "Tram depot opens two months early"
    for heading in ("Transport Tram depot opens two months early",
                    "Headline: Tram depot opens two months early", "Tram depot opens"):
        assert headline(title, headings=[heading]) == title, heading


def test_inline_markup_in_a_heading_joins_its_words() -> None:
    page = "<h1>Fähre <em>fährt</em>.<br>Ab <span class='x'>Mon</span>tag</h1>"
    assert page_headings(page) == ["Fähre fährt. Ab Montag"]
