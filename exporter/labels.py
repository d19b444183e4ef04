"""The documents' own words ("Summary", "Key quotes", "3 min read"), in the article's language.

A briefing of a German article says "Zusammenfassung", not "Summary". Every
writer asks :func:`labels_for` with the article's (or the book's) language; a
language without a table here gets the English words, and says so through
:attr:`Labels.language`, so a writer can mark them as English (the EPUB does,
with ``lang``). Templates may still override single words: the one-pager's
``[labels]`` table in ``onepager.toml``, the email templates.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
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

    def minutes(self, minutes: int) -> str:
        """The reading time of ``minutes`` minutes, e.g. ``4 min read``."""
        return self.reading_time.replace("{minutes}", str(minutes))

    def part(self, number: int, count: int) -> str:
        """``Full text, part 2 of 3``."""
        return self.full_text_part.replace("{number}", str(number)).replace(
            "{count}", str(count))

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


_TABLES: dict[str, tuple[str, ...]] = {
    # summary, key points, key quotes, key figures, full text, full text part,
    # from the article, continued, source, contents, cover, reading time,
    # no text, attached, note, article count forms, landmarks, first article, "and",
    # an email's closing line
    "en": ("Summary", "Key points", "Key quotes", "Key figures", "Full text",
           "Full text, part {number} of {count}", "From the article",
           "The article continues at the source.", "Source:", "Contents", "Cover",
           "{minutes} min read", "This article has no text.", "Attached:", "Note:",
           "{count} article|{count} articles", "Landmarks", "Start of the digest",
           "and", "Sent by {organisation} with exporter."),
    "de": ("Zusammenfassung", "Kernpunkte", "Zentrale Zitate", "Zentrale Zahlen", "Volltext",
           "Volltext, Teil {number} von {count}", "Aus dem Artikel",
           "Der Artikel wird in der Quelle fortgesetzt.", "Quelle:", "Inhalt", "Titelbild",
           "{minutes} Min. Lesezeit", "Dieser Artikel hat keinen Text.", "Anhänge:",
           "Hinweis:",
           "{count} Artikel|{count} Artikel", "Orientierungspunkte", "Erster Artikel",
           "und", "Gesendet von {organisation} mit exporter."),
    "fr": ("Résumé", "Points clés", "Citations clés", "Chiffres clés", "Texte intégral",
           "Texte intégral, partie {number} sur {count}", "Extrait de l’article",
           "La suite de l’article est à la source.", "Source :", "Sommaire", "Couverture",
           "{minutes} min de lecture", "Cet article n’a pas de texte.", "Pièces jointes :",
           "Remarque :",
           "{count} article|{count} articles", "Repères", "Premier article",
           "et", "Envoyé par {organisation} avec exporter."),
    "es": ("Resumen", "Puntos clave", "Citas clave", "Cifras clave", "Texto completo",
           "Texto completo, parte {number} de {count}", "Del artículo",
           "El artículo continúa en la fuente.", "Fuente:", "Índice", "Portada",
           "{minutes} min de lectura", "Este artículo no tiene texto.", "Adjuntos:", "Nota:",
           "{count} artículo|{count} artículos", "Puntos de referencia", "Primer artículo",
           "y", "Enviado por {organisation} con exporter."),
    "it": ("Sintesi", "Punti chiave", "Citazioni chiave", "Cifre chiave", "Testo integrale",
           "Testo integrale, parte {number} di {count}", "Dall’articolo",
           "L’articolo continua alla fonte.", "Fonte:", "Indice", "Copertina",
           "{minutes} min di lettura", "Questo articolo non ha testo.", "Allegati:", "Nota:",
           "{count} articolo|{count} articoli", "Punti di riferimento", "Primo articolo",
           "e", "Inviato da {organisation} con exporter."),
    "pt": ("Resumo", "Pontos-chave", "Citações principais", "Números principais",
           "Texto integral", "Texto integral, parte {number} de {count}", "Do artigo",
           "O artigo continua na fonte.", "Fonte:", "Índice", "Capa",
           "{minutes} min de leitura", "Este artigo não tem texto.", "Anexos:", "Nota:",
           "{count} artigo|{count} artigos", "Pontos de referência", "Primeiro artigo",
           "e", "Enviado por {organisation} com exporter."),
    "nl": ("Samenvatting", "Kernpunten", "Belangrijkste citaten", "Belangrijkste cijfers",
           "Volledige tekst", "Volledige tekst, deel {number} van {count}", "Uit het artikel",
           "Het artikel gaat verder bij de bron.", "Bron:", "Inhoud", "Omslag",
           "{minutes} min leestijd", "Dit artikel heeft geen tekst.", "Bijlagen:",
           "Opmerking:",
           "{count} artikel|{count} artikelen", "Oriëntatiepunten", "Eerste artikel",
           "en", "Verzonden door {organisation} met exporter."),
    "pl": ("Streszczenie", "Najważniejsze punkty", "Kluczowe cytaty", "Kluczowe liczby",
           "Pełny tekst", "Pełny tekst, część {number} z {count}", "Z artykułu",
           "Dalsza część artykułu u źródła.", "Źródło:", "Spis treści", "Okładka",
           "{minutes} min czytania", "Ten artykuł nie ma tekstu.", "Załączniki:", "Uwaga:",
           "{count} artykuł|{count} artykuły|{count} artykułów", "Punkty orientacyjne",
           "Pierwszy artykuł",
           "i", "Wysłane przez {organisation} za pomocą exporter."),
    "ru": ("Краткое содержание", "Главное", "Ключевые цитаты", "Ключевые цифры", "Полный текст",
           "Полный текст, часть {number} из {count}", "Из статьи",
           "Продолжение статьи — в источнике.", "Источник:", "Содержание", "Обложка",
           "{minutes} мин чтения", "В этой статье нет текста.", "Вложения:", "Примечание:",
           "{count} статья|{count} статьи|{count} статей", "Ориентиры", "Первая статья",
           "и", "Отправлено {organisation} с помощью exporter."),
    "uk": ("Короткий зміст", "Головне", "Ключові цитати", "Ключові цифри", "Повний текст",
           "Повний текст, частина {number} з {count}", "Зі статті",
           "Продовження статті — у джерелі.", "Джерело:", "Зміст", "Обкладинка",
           "{minutes} хв читання", "У цій статті немає тексту.", "Вкладення:", "Примітка:",
           "{count} стаття|{count} статті|{count} статей", "Орієнтири", "Перша стаття",
           "і", "Надіслано {organisation} за допомогою exporter."),
    "el": ("Περίληψη", "Βασικά σημεία", "Βασικές δηλώσεις", "Βασικοί αριθμοί",
           "Πλήρες κείμενο", "Πλήρες κείμενο, μέρος {number} από {count}", "Από το άρθρο",
           "Το άρθρο συνεχίζεται στην πηγή.", "Πηγή:", "Περιεχόμενα", "Εξώφυλλο",
           "{minutes} λεπ. ανάγνωσης", "Αυτό το άρθρο δεν έχει κείμενο.", "Συνημμένα:",
           "Σημείωση:",
           "{count} άρθρο|{count} άρθρα", "Σημεία αναφοράς", "Πρώτο άρθρο",
           "και", "Στάλθηκε από {organisation} με το exporter."),
}

_KEYS = tuple(f.name for f in fields(Labels))[1:]
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
    return Labels(code, **dict(zip(_KEYS, _TABLES[code], strict=True)))
