"""The documents' own words ("Summary", "Key quotes", "3 min read"), in the article's language.

A briefing of a German article says "Zusammenfassung", not "Summary". Every
writer asks :func:`labels_for` with the article's (or the book's) language; a
language without a table here gets the English words, and says so through
:attr:`Labels.language`, so a writer can mark them as English (the EPUB does,
with ``lang``). Templates may still override single words: the one-pager's
``[labels]`` table in ``onepager.toml``, the email templates.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from functools import cache


@dataclass(frozen=True, slots=True)
class Labels:
    """The fixed words of the documents, in :attr:`language`."""

    language: str
    summary: str
    key_points: str
    key_quotes: str
    key_figures: str
    full_text: str
    full_text_part: str
    """With ``{number}`` and ``{count}``: one part of a long article's text."""
    from_the_article: str
    continued: str
    """Under a one-pager's cut text."""
    source: str
    contents: str
    cover: str
    reading_time: str
    """With ``{minutes}``."""
    no_text: str
    attached: str
    note: str
    article_forms: str
    """``{count}`` articles in each plural form of the language, separated by ``|``:
    one and other, or one, few and many (Polish, Russian, Ukrainian)."""
    landmarks: str
    first_article: str
    conjunction: str
    """The word before the last of several names: "and"."""
    sent_by: str
    """With ``{organisation}``: an email's closing line."""
    byline: str
    """With ``{names}``: who wrote the article."""
    months: str
    """The twelve month names as a date writes them, separated by ``|``."""
    date_format: str
    """With ``{day}``, ``{month}`` and ``{year}``."""
    page_of: str
    """With ``{page}`` and ``{pages}``: a printed page's number."""
    quote_marks: str
    """The opening and closing marks a quotation is shown in, separated by ``|``."""

    def minutes(self, minutes: int) -> str:
        """The reading time of ``minutes`` minutes, e.g. ``4 min read``."""
        return self.reading_time.replace("{minutes}", str(minutes))

    def part(self, number: int, count: int) -> str:
        """``Full text, part 2 of 3``."""
        return self.full_text_part.replace("{number}", str(number)).replace(
            "{count}", str(count))

    def names(self, names: Sequence[str]) -> str:
        """``Ana Ruiz``, ``Ana Ruiz and Tom Lee``, ``A, B and C``: the language's "and"."""
        if len(names) < 2:
            return "".join(names)
        return f"{', '.join(names[:-1])} {self.conjunction} {names[-1]}"

    def quoted(self, text: str) -> str:
        """``text`` in the language's quotation marks: “…”, „…“, « … »."""
        opening, closing = self.quote_marks.split("|")
        return f"{opening}{text}{closing}"

    def date(self, day: date) -> str:
        """``day`` written out: ``14 March 2026``, ``14. März 2026``, ``14 марта 2026``."""
        month = self.months.split("|")[day.month - 1]
        return self.date_format.replace("{day}", str(day.day)).replace(
            "{month}", month).replace("{year}", str(day.year))

    def articles(self, count: int) -> str:
        """``1 article``, ``4 articles``: the plural form the language uses for ``count``."""
        forms = self.article_forms.split("|")
        return forms[_plural_form(self.language, count, len(forms))].replace(
            "{count}", str(count))


def _plural_form(language: str, count: int, forms: int) -> int:
    """Which of a word's ``forms`` goes with ``count`` (CLDR's cardinal rules, integers)."""
    if forms == 2:
        return 0 if count == 1 or (language == "fr" and count == 0) else 1
    ones, tens = count % 10, count % 100
    if language == "pl":
        if count == 1:
            return 0
    elif ones == 1 and tens != 11:  # Russian, Ukrainian: 1, 21, 31... but not 11
        return 0
    return 1 if 2 <= ones <= 4 and not 12 <= tens <= 14 else 2


_TABLES: dict[str, dict[str, str]] = {
    "en": {
        "summary": "Summary",
        "key_points": "Key points",
        "key_quotes": "Key quotes",
        "key_figures": "Key figures",
        "full_text": "Full text",
        "full_text_part": "Full text, part {number} of {count}",
        "from_the_article": "From the article",
        "continued": "The article continues at the source.",
        "source": "Source:",
        "contents": "Contents",
        "cover": "Cover",
        "reading_time": "{minutes} min read",
        "no_text": "This article has no text.",
        "attached": "Attached:",
        "note": "Note:",
        "article_forms": "{count} article|{count} articles",
        "landmarks": "Landmarks",
        "first_article": "Start of the digest",
        "conjunction": "and",
        "sent_by": "Sent by {organisation} with exporter.",
        "byline": "By {names}",
        "months": ("January|February|March|April|May|June|"
                   "July|August|September|October|November|December"),
        "date_format": "{day} {month} {year}",
        "page_of": "Page {page} of {pages}",
        "quote_marks": "“|”",
    },
    "de": {
        "summary": "Zusammenfassung",
        "key_points": "Kernpunkte",
        "key_quotes": "Zentrale Zitate",
        "key_figures": "Zentrale Zahlen",
        "full_text": "Volltext",
        "full_text_part": "Volltext, Teil {number} von {count}",
        "from_the_article": "Aus dem Artikel",
        "continued": "Der Artikel wird in der Quelle fortgesetzt.",
        "source": "Quelle:",
        "contents": "Inhalt",
        "cover": "Titelbild",
        "reading_time": "{minutes} Min. Lesezeit",
        "no_text": "Dieser Artikel hat keinen Text.",
        "attached": "Anhänge:",
        "note": "Hinweis:",
        "article_forms": "{count} Artikel|{count} Artikel",
        "landmarks": "Orientierungspunkte",
        "first_article": "Erster Artikel",
        "conjunction": "und",
        "sent_by": "Gesendet von {organisation} mit exporter.",
        "byline": "Von {names}",
        "months": ("Januar|Februar|März|April|Mai|Juni|"
                   "Juli|August|September|Oktober|November|Dezember"),
        "date_format": "{day}. {month} {year}",
        "page_of": "Seite {page} von {pages}",
        "quote_marks": "„|“",
    },
    "fr": {
        "summary": "Résumé",
        "key_points": "Points clés",
        "key_quotes": "Citations clés",
        "key_figures": "Chiffres clés",
        "full_text": "Texte intégral",
        "full_text_part": "Texte intégral, partie {number} sur {count}",
        "from_the_article": "Extrait de l’article",
        "continued": "La suite de l’article est à la source.",
        "source": "Source :",
        "contents": "Sommaire",
        "cover": "Couverture",
        "reading_time": "{minutes} min de lecture",
        "no_text": "Cet article n’a pas de texte.",
        "attached": "Pièces jointes :",
        "note": "Remarque :",
        "article_forms": "{count} article|{count} articles",
        "landmarks": "Repères",
        "first_article": "Premier article",
        "conjunction": "et",
        "sent_by": "Envoyé par {organisation} avec exporter.",
        "byline": "Par {names}",
        "months": ("janvier|février|mars|avril|mai|juin|"
                   "juillet|août|septembre|octobre|novembre|décembre"),
        "date_format": "{day} {month} {year}",
        "page_of": "Page {page} sur {pages}",
        "quote_marks": "«\u202f|\u202f»",
    },
    "es": {
        "summary": "Resumen",
        "key_points": "Puntos clave",
        "key_quotes": "Citas clave",
        "key_figures": "Cifras clave",
        "full_text": "Texto completo",
        "full_text_part": "Texto completo, parte {number} de {count}",
        "from_the_article": "Del artículo",
        "continued": "El artículo continúa en la fuente.",
        "source": "Fuente:",
        "contents": "Índice",
        "cover": "Portada",
        "reading_time": "{minutes} min de lectura",
        "no_text": "Este artículo no tiene texto.",
        "attached": "Adjuntos:",
        "note": "Nota:",
        "article_forms": "{count} artículo|{count} artículos",
        "landmarks": "Puntos de referencia",
        "first_article": "Primer artículo",
        "conjunction": "y",
        "sent_by": "Enviado por {organisation} con exporter.",
        "byline": "Por {names}",
        "months": ("enero|febrero|marzo|abril|mayo|junio|"
                   "julio|agosto|septiembre|octubre|noviembre|diciembre"),
        "date_format": "{day} de {month} de {year}",
        "page_of": "Página {page} de {pages}",
        "quote_marks": "«|»",
    },
    "it": {
        "summary": "Sintesi",
        "key_points": "Punti chiave",
        "key_quotes": "Citazioni chiave",
        "key_figures": "Cifre chiave",
        "full_text": "Testo integrale",
        "full_text_part": "Testo integrale, parte {number} di {count}",
        "from_the_article": "Dall’articolo",
        "continued": "L’articolo continua alla fonte.",
        "source": "Fonte:",
        "contents": "Indice",
        "cover": "Copertina",
        "reading_time": "{minutes} min di lettura",
        "no_text": "Questo articolo non ha testo.",
        "attached": "Allegati:",
        "note": "Nota:",
        "article_forms": "{count} articolo|{count} articoli",
        "landmarks": "Punti di riferimento",
        "first_article": "Primo articolo",
        "conjunction": "e",
        "sent_by": "Inviato da {organisation} con exporter.",
        "byline": "Di {names}",
        "months": ("gennaio|febbraio|marzo|aprile|maggio|giugno|"
                   "luglio|agosto|settembre|ottobre|novembre|dicembre"),
        "date_format": "{day} {month} {year}",
        "page_of": "Pagina {page} di {pages}",
        "quote_marks": "«|»",
    },
    "pt": {
        "summary": "Resumo",
        "key_points": "Pontos-chave",
        "key_quotes": "Citações principais",
        "key_figures": "Números principais",
        "full_text": "Texto integral",
        "full_text_part": "Texto integral, parte {number} de {count}",
        "from_the_article": "Do artigo",
        "continued": "O artigo continua na fonte.",
        "source": "Fonte:",
        "contents": "Índice",
        "cover": "Capa",
        "reading_time": "{minutes} min de leitura",
        "no_text": "Este artigo não tem texto.",
        "attached": "Anexos:",
        "note": "Nota:",
        "article_forms": "{count} artigo|{count} artigos",
        "landmarks": "Pontos de referência",
        "first_article": "Primeiro artigo",
        "conjunction": "e",
        "sent_by": "Enviado por {organisation} com exporter.",
        "byline": "Por {names}",
        "months": ("janeiro|fevereiro|março|abril|maio|junho|"
                   "julho|agosto|setembro|outubro|novembro|dezembro"),
        "date_format": "{day} de {month} de {year}",
        "page_of": "Página {page} de {pages}",
        "quote_marks": "«|»",
    },
    "nl": {
        "summary": "Samenvatting",
        "key_points": "Kernpunten",
        "key_quotes": "Belangrijkste citaten",
        "key_figures": "Belangrijkste cijfers",
        "full_text": "Volledige tekst",
        "full_text_part": "Volledige tekst, deel {number} van {count}",
        "from_the_article": "Uit het artikel",
        "continued": "Het artikel gaat verder bij de bron.",
        "source": "Bron:",
        "contents": "Inhoud",
        "cover": "Omslag",
        "reading_time": "{minutes} min leestijd",
        "no_text": "Dit artikel heeft geen tekst.",
        "attached": "Bijlagen:",
        "note": "Opmerking:",
        "article_forms": "{count} artikel|{count} artikelen",
        "landmarks": "Oriëntatiepunten",
        "first_article": "Eerste artikel",
        "conjunction": "en",
        "sent_by": "Verzonden door {organisation} met exporter.",
        "byline": "Door {names}",
        "months": ("januari|februari|maart|april|mei|juni|"
                   "juli|augustus|september|oktober|november|december"),
        "date_format": "{day} {month} {year}",
        "page_of": "Pagina {page} van {pages}",
        "quote_marks": "“|”",
    },
    "pl": {
        "summary": "Streszczenie",
        "key_points": "Najważniejsze punkty",
        "key_quotes": "Kluczowe cytaty",
        "key_figures": "Kluczowe liczby",
        "full_text": "Pełny tekst",
        "full_text_part": "Pełny tekst, część {number} z {count}",
        "from_the_article": "Z artykułu",
        "continued": "Dalsza część artykułu u źródła.",
        "source": "Źródło:",
        "contents": "Spis treści",
        "cover": "Okładka",
        "reading_time": "{minutes} min czytania",
        "no_text": "Ten artykuł nie ma tekstu.",
        "attached": "Załączniki:",
        "note": "Uwaga:",
        "article_forms": "{count} artykuł|{count} artykuły|{count} artykułów",
        "landmarks": "Punkty orientacyjne",
        "first_article": "Pierwszy artykuł",
        "conjunction": "i",
        "sent_by": "Wysłane przez {organisation} za pomocą exporter.",
        "byline": "{names}",
        "months": ("stycznia|lutego|marca|kwietnia|maja|czerwca|"
                   "lipca|sierpnia|września|października|listopada|grudnia"),
        "date_format": "{day} {month} {year}",
        "page_of": "Strona {page} z {pages}",
        "quote_marks": "„|”",
    },
    "ru": {
        "summary": "Краткое содержание",
        "key_points": "Главное",
        "key_quotes": "Ключевые цитаты",
        "key_figures": "Ключевые цифры",
        "full_text": "Полный текст",
        "full_text_part": "Полный текст, часть {number} из {count}",
        "from_the_article": "Из статьи",
        "continued": "Продолжение статьи — в источнике.",
        "source": "Источник:",
        "contents": "Содержание",
        "cover": "Обложка",
        "reading_time": "{minutes} мин чтения",
        "no_text": "В этой статье нет текста.",
        "attached": "Вложения:",
        "note": "Примечание:",
        "article_forms": "{count} статья|{count} статьи|{count} статей",
        "landmarks": "Ориентиры",
        "first_article": "Первая статья",
        "conjunction": "и",
        "sent_by": "Отправлено {organisation} с помощью exporter.",
        "byline": "{names}",
        "months": ("января|февраля|марта|апреля|мая|июня|"
                   "июля|августа|сентября|октября|ноября|декабря"),
        "date_format": "{day} {month} {year}",
        "page_of": "Страница {page} из {pages}",
        "quote_marks": "«|»",
    },
    "uk": {
        "summary": "Короткий зміст",
        "key_points": "Головне",
        "key_quotes": "Ключові цитати",
        "key_figures": "Ключові цифри",
        "full_text": "Повний текст",
        "full_text_part": "Повний текст, частина {number} з {count}",
        "from_the_article": "Зі статті",
        "continued": "Продовження статті — у джерелі.",
        "source": "Джерело:",
        "contents": "Зміст",
        "cover": "Обкладинка",
        "reading_time": "{minutes} хв читання",
        "no_text": "У цій статті немає тексту.",
        "attached": "Вкладення:",
        "note": "Примітка:",
        "article_forms": "{count} стаття|{count} статті|{count} статей",
        "landmarks": "Орієнтири",
        "first_article": "Перша стаття",
        "conjunction": "і",
        "sent_by": "Надіслано {organisation} за допомогою exporter.",
        "byline": "{names}",
        "months": ("січня|лютого|березня|квітня|травня|червня|"
                   "липня|серпня|вересня|жовтня|листопада|грудня"),
        "date_format": "{day} {month} {year}",
        "page_of": "Сторінка {page} з {pages}",
        "quote_marks": "«|»",
    },
    "el": {
        "summary": "Περίληψη",
        "key_points": "Βασικά σημεία",
        "key_quotes": "Βασικές δηλώσεις",
        "key_figures": "Βασικοί αριθμοί",
        "full_text": "Πλήρες κείμενο",
        "full_text_part": "Πλήρες κείμενο, μέρος {number} από {count}",
        "from_the_article": "Από το άρθρο",
        "continued": "Το άρθρο συνεχίζεται στην πηγή.",
        "source": "Πηγή:",
        "contents": "Περιεχόμενα",
        "cover": "Εξώφυλλο",
        "reading_time": "{minutes} λεπ. ανάγνωσης",
        "no_text": "Αυτό το άρθρο δεν έχει κείμενο.",
        "attached": "Συνημμένα:",
        "note": "Σημείωση:",
        "article_forms": "{count} άρθρο|{count} άρθρα",
        "landmarks": "Σημεία αναφοράς",
        "first_article": "Πρώτο άρθρο",
        "conjunction": "και",
        "sent_by": "Στάλθηκε από {organisation} με το exporter.",
        "byline": "{names}",
        "months": ("Ιανουαρίου|Φεβρουαρίου|Μαρτίου|Απριλίου|Μαΐου|Ιουνίου|"
                   "Ιουλίου|Αυγούστου|Σεπτεμβρίου|Οκτωβρίου|Νοεμβρίου|Δεκεμβρίου"),
        "date_format": "{day} {month} {year}",
        "page_of": "Σελίδα {page} από {pages}",
        "quote_marks": "«|»",
    },
}

LANGUAGES = tuple(_TABLES)
"""The languages the documents' own words are written in; any other gets English."""


def labels_for(language: str | None) -> Labels:
    """The documents' words in ``language`` (an ISO 639-1 code or a tag like ``de-AT``),
    or in English when there is no table for it."""
    code = (language or "en").split("-")[0].split("_")[0].lower()
    if code not in _TABLES:
        code = "en"
    return _labels(code)


@cache
def _labels(code: str) -> Labels:
    return Labels(code, **_TABLES[code])
