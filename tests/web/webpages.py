"""Small builders of test web pages and feeds, in several languages (text written for these tests)."""

from __future__ import annotations

import html
import json
from collections.abc import Sequence

STORIES = {
    "en": ("Ferry timetable changes after harbour works",
           ["The island ferry will leave forty minutes earlier from Monday while the harbour wall is repaired.",
            "Engineers found cracks in the old stone pier during a routine inspection in the spring.",
            "The council said the repairs should take eleven weeks and cost about two million pounds.",
            "Commuters who rely on the morning crossing have asked for an extra evening sailing.",
            "A spokesperson for the operator said the request was being considered carefully.",
            "Local shops near the terminal expect fewer visitors until the work is finished."]),
    "de": ("Neue Radwege entlang des Flussufers eröffnet",
           ["Die Stadt hat am Samstag drei Kilometer neue Radwege am Flussufer freigegeben.",
            "Die Strecke verbindet den Hauptbahnhof mit dem Industriegebiet im Norden.",
            "Nach Angaben der Verwaltung kostete der Ausbau rund vier Millionen Euro.",
            "Radfahrerverbände begrüßten die Trennung von Fußgängern und Autoverkehr.",
            "Anwohner kritisierten dagegen den Wegfall von fast hundert Parkplätzen.",
            "Im nächsten Jahr soll ein weiterer Abschnitt bis zum Stadion folgen."]),
    "fr": ("La médiathèque prolonge ses horaires d'été",
           ["La médiathèque municipale restera ouverte jusqu'à vingt heures pendant tout l'été.",
            "La mairie explique ce choix par la forte fréquentation des étudiants en juin.",
            "Deux bibliothécaires supplémentaires seront recrutés pour la saison estivale.",
            "Les ateliers de lecture pour enfants auront lieu chaque mercredi après-midi.",
            "Une exposition de photographies anciennes du quartier ouvrira début juillet.",
            "L'entrée reste gratuite pour tous les habitants de la commune."]),
    "ru": ("В городе открылся новый парк у реки",
           ["В субботу в северной части города открылся новый парк площадью двенадцать гектаров.",
            "На месте бывшего склада высадили более тысячи деревьев и кустарников.",
            "По словам мэрии, строительство заняло почти два года и обошлось в триста миллионов рублей.",
            "Жители района давно просили обустроить зону отдыха рядом с набережной.",
            "В парке появились детские площадки, беговые дорожки и летняя сцена.",
            "Осенью здесь планируют провести первый городской фестиваль урожая."]),
    "el": ("Νέα γραμμή λεωφορείου προς το λιμάνι",
           ["Από τη Δευτέρα μια νέα γραμμή λεωφορείου θα συνδέει το κέντρο με το λιμάνι.",
            "Τα δρομολόγια θα εκτελούνται κάθε είκοσι λεπτά από τις έξι το πρωί.",
            "Ο δήμος ανέφερε ότι αγοράστηκαν οκτώ νέα ηλεκτρικά οχήματα για τη γραμμή.",
            "Οι επιβάτες των πλοίων ζητούσαν εδώ και χρόνια καλύτερη σύνδεση με την πόλη.",
            "Το εισιτήριο θα κοστίζει όσο και στις υπόλοιπες αστικές γραμμές.",
            "Τον χειμώνα θα εξεταστεί η επέκταση της γραμμής προς το αεροδρόμιο."]),
}


def page(language: str = "en", *, title: str | None = None,
         paragraphs: Sequence[str] | None = None, extra: str = "", head: str = "") -> str:
    """An article page: header, navigation, the article, footer."""
    story_title, story = STORIES[language]
    title = title or story_title
    body = "\n".join(f"<p>{html.escape(p)}</p>" for p in (paragraphs or story))
    return (f'<!DOCTYPE html>\n<html lang="{language}"><head><meta charset="utf-8">'
            f"<title>{html.escape(title)}</title>{head}</head><body>"
            '<nav><a href="/">Home</a> <a href="/news">News</a></nav>'
            f"<article><h1>{html.escape(title)}</h1>{body}{extra}</article>"
            "<footer>Contact us</footer></body></html>")


def rss(title: str, items: Sequence[dict[str, str]]) -> str:
    """An RSS 2.0 feed; each item has title, link, and optionally date (RFC 822),
    guid and description (HTML)."""
    entries = []
    for item in items:
        parts = [f"<title>{html.escape(item['title'])}</title>",
                 f"<link>{html.escape(item['link'])}</link>"]
        if "guid" in item:
            parts.append(f"<guid>{html.escape(item['guid'])}</guid>")
        if "date" in item:
            parts.append(f"<pubDate>{item['date']}</pubDate>")
        if "description" in item:
            parts.append(f"<description>{html.escape(item['description'])}</description>")
        entries.append("<item>" + "".join(parts) + "</item>")
    return ('<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
            f"<title>{html.escape(title)}</title><link>http://example.invalid/</link>"
            f"<description>test</description>{''.join(entries)}</channel></rss>")


def atom(title: str, items: Sequence[dict[str, str]]) -> str:
    """An Atom feed; each item has title, link, id, updated (ISO), optionally content (HTML)."""
    entries = []
    for item in items:
        content = (f'<content type="html">{html.escape(item["content"])}</content>'
                   if "content" in item else "")
        entries.append(f"<entry><title>{html.escape(item['title'])}</title>"
                       f'<link href="{html.escape(item["link"])}"/>'
                       f"<id>{html.escape(item.get('id', item['link']))}</id>"
                       f"<updated>{item['updated']}</updated>{content}</entry>")
    return ('<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">'
            f"<title>{html.escape(title)}</title><id>urn:test:{html.escape(title)}</id>"
            f"<updated>2030-01-01T00:00:00Z</updated>{''.join(entries)}</feed>")


def json_feed(title: str, items: Sequence[dict[str, str]]) -> str:
    """A JSON Feed 1.1; each item has id, url, title, date_published, optionally content_html."""
    return json.dumps({"version": "https://jsonfeed.org/version/1.1", "title": title,
                       "items": list(items)}, ensure_ascii=False)


def opml(feeds: Sequence[tuple[str, str]]) -> str:
    """An OPML list of (title, feed URL), one folder deep."""
    outlines = "".join(f'<outline type="rss" text="{html.escape(t)}" xmlUrl="{html.escape(u)}"/>'
                       for t, u in feeds)
    return ('<?xml version="1.0"?><opml version="2.0"><head><title>Subscriptions</title></head>'
            f'<body><outline text="News">{outlines}</outline></body></opml>')
