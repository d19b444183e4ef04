"""Page furniture that survives main-text extraction, recognised block by block.

trafilatura removes menus and sidebars by their markup; what is left inside the
article's own container is furniture written as text: "Read more:" teasers,
subscription and newsletter pitches, reprint and copyright notices, cookie
prompts, share buttons, photo credits, embedded-post signatures
("Name (@handle) June 1, 2017") and a date on its own. Such a block never
reaches the document, so it is never summarised, quoted or counted as a key
figure.

The phrases are the ones sites use in English, German, French and Spanish. A
phrase counts only in a short block: an article paragraph may mention
cookies or copyright, a notice is a line or two.
"""

from __future__ import annotations

import re

from .build import RawBlock

# A block opening with a teaser label: "Read more: ...", "Lea también: ...".
_TEASER = re.compile(
    r"""^\W*(?:
        read\ (?:more|also|next)|also\ read|see\ (?:more|also)|don['’]t\ miss|more\ on\ this
        |related(?:\ (?:articles?|stories|content|coverage|posts?|news))?|recommended(?:\ for\ you)?
        |you\ may\ also\ like|trending|watch|listen|most\ read|top\ stories
        |lea\ (?:también|más|además)|lea|le\ puede\ interesar|te\ puede\ interesar
        |ver\ (?:también|más)
        |noticias\ relacionadas|relacionad[oa]s?|también\ te\ puede
        |lire\ aussi|à\ lire\ (?:aussi|également)|voir\ aussi|sur\ le\ même\ sujet|en\ savoir\ plus
        |mehr\ zum\ thema|lesen\ sie\ (?:auch|mehr)|auch\ interessant
        |weitere\ (?:themen|beiträge|artikel|informationen|nachrichten|meldungen)
        |zum\ weiterlesen|mehr\ dazu|das\ könnte\ sie\ auch
        |vorschau\ auf|zurück\ zur\ übersicht|siehe\ auch
    )\b\s*(?:[:|»>›→–—-]|$|(?-i:\s+[A-ZÀ-ÖØ-Þ¿¡"“„«]))""",
    re.I | re.X,
)
# Phrases that make a short block furniture wherever they stand in it.
_PITCH = re.compile(
    r"""\b(?:subscri(?:be|ption)|suscr[ií]b[ae]|suscripci[oó]n|abonn(?:ieren|ement|ez)|newsletter
        |all\ rights\ reserved|alle\ rechte\ vorbehalten|tous\ droits\ réservés
        |todos\ los\ derechos\ reservados|copyright|non-commercial\ use|reprints?\b|nachdruck
        |cookies?|sign\ up|log\ ?in\ to|einloggen|anmelden,?\ um|registrieren,?\ um|inicia\ sesión
        |hazte\ miembro|follow\ us|folgen\ sie\ uns|síguenos|suivez-nous
        |share\ (?:this|on)|teilen\ auf|compartir\ en|partager\ sur|whatsapp
        |advertisement|werbung|anzeige|publicidad|publicité|sponsored|gesponsert
        |download\ (?:the|our)\b.*\bapps?|unsere\ app|nuestra\ app|notre\ application
        |wird\ geladen|loading\.\.\.|javascript|your\ browser
        |enable\ notifications|push-mitteilungen|notificaciones
    )\b|©""",
    re.I | re.X,
)
_CREDIT = re.compile(
    r"^\W*(?:photo|foto|fotos|credit|crédits?(?:\ photos?)?|bild|bilder|image|quelle|source|fuente"
    r"|imagen|illustration|grafik|video|copyright)\s*:",
    re.I | re.X,
)
# "— Ana Ruiz (@anaruiz) June 1, 2017": the signature of an embedded social-media post.
_EMBED = re.compile(
    r"\(@\w{1,30}\)\s+(?:\w+\.?\s+\d{1,2},?|\d{1,2}\.?\s+\w+\.?)\s+\d{4}"
)
# A date (and time) with nothing else: "27.01.2022", "June 1, 2017 10:30".
_DATE_ONLY = re.compile(
    r"^\W*(?:\d{1,4}[./-]\d{1,2}[./-]\d{1,4}|\d{1,2}\.?\s+\w+\.?\s+\d{4}|\w+\.?\s+\d{1,2},?\s+\d{4})"
    r"(?:[,\s|–-]+\d{1,2}[:.]\d{2}(?:\s*(?:uhr|h|am|pm|a\.m\.|p\.m\.))?)?\W*$",
    re.I,
)
_SHORT_BLOCK = 300  # characters: a phrase of _PITCH marks only a block shorter than this


def is_boilerplate(block: RawBlock) -> bool:
    """True when ``block`` is page furniture rather than the article's own text."""
    text = block.text.strip()
    if not text:
        return True
    if _EMBED.search(text):
        return True
    if block.kind == "heading":
        return len(text) < _SHORT_BLOCK and bool(_TEASER.match(text))
    if len(text) < _SHORT_BLOCK and (
        _TEASER.match(text) or _PITCH.search(text) or _CREDIT.match(text)
    ):
        return True
    return bool(_DATE_ONLY.match(text))


def drop_boilerplate(blocks: list[RawBlock]) -> list[RawBlock]:
    """``blocks`` without furniture (possibly none)."""
    return [block for block in blocks if not is_boilerplate(block)]
