"""Bylines: a publication, a site or a wire service is not an author (issue 14)."""

from __future__ import annotations

from exporter.readers import read_string
from exporter.readers.bylines import authors, body_byline, is_publication, marked_byline

STORY = " ".join(["The harbour board approved the new ferry timetable on Tuesday evening."] * 6)


def _page(author: str, site: str | None = None, url: str | None = None) -> str:
    meta = [f'<meta name="author" content="{author}">']
    if site:
        meta.append(f'<meta property="og:site_name" content="{site}">')
    if url:
        meta.append(f'<link rel="canonical" href="{url}">')
    return (f"<html lang=en><head><title>Ferry timetable</title>{''.join(meta)}</head><body>"
            f"<article><h1>Ferry timetable</h1><p>{STORY}</p><p>{STORY}</p></article>"
            "</body></html>")


def test_the_site_named_in_the_byline_is_dropped() -> None:
    page = _page("The Harbour Chronicle and J O Brandvik", site="The Harbour Chronicle")
    assert read_string(page, format="html").authors == ("J O Brandvik",)


def test_the_domain_names_the_site() -> None:
    page = _page("Portlochbeacon and Ada Roe", url="https://www.portlochbeacon.com/ferry")
    assert read_string(page, format="html").authors == ("Ada Roe",)


def test_a_blog_named_after_its_author_keeps_the_author() -> None:
    page = _page("Ada Roe", site="Ada Roe", url="https://adaroe.net/ferry")
    assert read_string(page, format="html").authors == ("Ada Roe",)


def test_people_are_kept_in_order() -> None:
    page = _page("Ada Roe; Tomas Lind and Ines Varga", site="Harbour Chronicle")
    assert read_string(page, format="html").authors == ("Ada Roe", "Tomas Lind", "Ines Varga")


def test_general_cues_and_wire_services() -> None:
    assert authors("By Ada Roe, Reuters") == ["Ada Roe"]
    assert authors("Ada Roe and dpa") == ["Ada Roe"]
    assert authors("By The Harbour Times and Ada Roe") == ["Ada Roe"]
    assert authors("Westmarch News Staff") == []
    assert authors("Por Lucía Ramos y Agencia EFE") == ["Lucía Ramos"]
    for outlet in ("The Haitian Times", "AFP", "Press Association", "Redaktion"):
        assert is_publication(outlet), outlet
    for person in ("J O Haselhoef", "Ada Roe", "Emily Post", "Tomas Times-Lind"):
        assert not is_publication(person), person


def test_the_label_before_a_name_is_not_the_name() -> None:
    assert authors("Autor: Ines Varga") == ["Ines Varga"]
    assert authors("Artikel von Tomas Lind") == ["Tomas Lind"]
    assert authors("Auteur Anaïs Roux") == ["Anaïs Roux"]
    assert authors("Written by Ada Roe and Posted by Tomas Lind") == ["Ada Roe", "Tomas Lind"]
    assert authors("责任编辑：李明") == ["李明"]
    assert authors("作者: 王芳") == ["王芳"]
    # A name that only begins like a label is a name.
    assert authors("Textor Müller") == ["Textor Müller"]
    assert authors("Autorino Bellini") == ["Autorino Bellini"]


def test_placeholders_are_nobody() -> None:
    for placeholder in ("Super User", "admin", "Unknown", "WordPressAdmin", "Gast", "Name"):
        assert authors(placeholder) == [], placeholder
    assert authors("Ada Roe; Administrator") == ["Ada Roe"]
    assert read_string(_page("Super User", site="Harbour Chronicle"), format="html").authors == ()


def _marked_page(head: str, article_top: str) -> str:
    return (f"<html lang=de><head><title>Fährplan</title>{head}</head><body><article>"
            f"<h1>Fährplan</h1>{article_top}<p>{STORY}</p><p>{STORY}</p></article>"
            '<div class="comment-author vcard"><cite class="fn">Kommentator Eins</cite></div>'
            "</body></html>")


def test_the_author_a_page_marks_up() -> None:
    card = ('<span class="byline">von <span class="author vcard"><a class="url fn n" '
            'href="/author/ines/" title="Alle Beiträge von Ines Varga">Ines&nbsp;Varga</a>'
            "</span></span>")
    page = _marked_page("", card)
    assert marked_byline(page) == "Ines Varga"
    assert read_string(page, format="html").authors == ("Ines Varga",)
    labels = ('<meta name="twitter:label1" content="Verfasst von" />'
              '<meta name="twitter:data1" content="Tomas Lind" />'
              '<meta name="twitter:label2" content="Geschätzte Lesezeit" />'
              '<meta name="twitter:data2" content="3 Minuten" />')
    assert marked_byline(_marked_page(labels, "")) == "Tomas Lind"
    assert read_string(_marked_page(labels, ""), format="html").authors == ("Tomas Lind",)


def test_what_is_not_the_authors_markup() -> None:
    # A commenter's card, a reading time's label: nobody wrote the article there.
    assert marked_byline(_marked_page("", "")) is None
    reading = ('<meta name="twitter:label1" content="Est. reading time" />'
               '<meta name="twitter:data1" content="4 minutes" />')
    assert marked_byline(_marked_page(reading, "")) is None


def test_a_byline_on_the_articles_own_line() -> None:
    assert body_byline(["Von Claudia Lindner", STORY]) == "Claudia Lindner"
    assert body_byline(["Autorin: Ines Varga"]) == "Ines Varga"
    assert body_byline(["By Ada Roe"]) == "Ada Roe"
    assert body_byline(["Por Lucía Ramos Gil"]) == "Lucía Ramos Gil"
    # German nouns are capitalised too: a heading of nouns is not a name.
    for line in ("Von Risiken und Nebenwirkungen", "von da an wie oben",
                 "Von Barzahler-Rabatten profitieren", "By the harbour, the new terminal"):
        assert body_byline([line]) is None, line
    # Only near the top, and only a short line.
    assert body_byline([STORY] * 10 + ["Von Claudia Lindner"]) is None
    assert body_byline([f"Von Claudia Lindner {STORY}"]) is None
    page = ('<html lang="de"><head><title>Fährplan</title></head><body><article>'
            f"<h1>Fährplan</h1><p>Von Claudia Lindner</p><p>{STORY}</p><p>{STORY}</p>"
            "</article></body></html>")
    assert read_string(page, format="html").authors == ("Claudia Lindner",)
