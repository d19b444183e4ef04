"""Page furniture that survives main-text extraction, recognised block by block.

trafilatura removes menus and sidebars by their markup; what is left inside the
article's own container is furniture written as text: "Read more:" teasers,
subscription and newsletter pitches, reprint and copyright notices, cookie
prompts, share buttons, photo credits, embedded-post signatures
("Name (@handle) June 1, 2017") and a date on its own. Such a block never
reaches the document, so it is never summarised, quoted or counted as a key
figure. Three kinds need more than the block itself: a "[read more]" link
glued to the end of a paragraph is cut off it; the reader's comments, from
their heading ("3 Kommentare", "#1 Comment by ...") to the end, are dropped;
and a paragraph that repeats the page's own title ("Title | Section | Site")
or one of its picture captions (``figcaption``, an image's ``alt``) is
dropped (:func:`drop_page_echoes`).

The phrases are the ones sites use in English, German, French and Spanish. A
phrase counts only in a short block: an article paragraph may mention
cookies or copyright, a notice is a line or two.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import replace

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
        |follow\ me|folg(?:t|e)\ mir|sígueme|suivez-moi|seguimi|siga-me|segue-me|obserwuj\ mnie
        |(?:via|using|through)\ (?:this|our|the)\ form|über\ (?:dieses|das)\ formular
        |submit\ (?:your|a)\ (?:letter|story|tip|news)
    )\b|©
    # A "read more" label in mid-block is a link's text, capitalised as labels are.
    |(?-i:\b(?:Read\ [Mm]ore|READ\ MORE|Lesen\ Sie\ mehr|Mehr\ lesen|Weiterlesen|Leer\ más
        |Lire\ (?:plus|la\ suite)|Czytaj\ (?:więcej|dalej)|Leia\ mais|Lees\ meer
        |Leggi\ (?:tutto|anche)
        |Читать\ далее|Читати\ далі)\b)""",
    re.I | re.X,
)
# A blog post's footer: "Filed under: Culture | Tags: ...", "Abgelegt unter: ...",
# "Catégories : ...", and the link arrows of teasers: ">> Neue Fähre ... <<", "» Zum Angebot".
_FILED = re.compile(
    r"""^\W*(?:
        filed\ under|posted\ in\s*:|tagged(?:\ with)?\s*:|tags\s*:|categor(?:y|ies)\s*:
        |abgelegt\ unter|kategorien?\s*:|schlagw(?:ö|o)rter\s*:|schlagworte\s*:|stichworte\s*:
        |catégories?\s*:|étiquettes\s*:|mots[-\ ]clés\s*:|classé\ dans
        |etiquetas\s*:|categorías?\s*:|archivado\ en|archiviato\ in|tag\s*:
    )""",
    re.I | re.X,
)
# (">>>" is Python's prompt, in a tutorial's code.)
_ARROWS = re.compile(r"^(?:>>(?!>)|»\s|›\s|→|►|▶)\s*\S|\S\s*<<$")
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
# "... the minister said. [czytaj więcej]": a bracketed read-more link ending a paragraph.
_MORE_LINK = re.compile(
    r"""\s*[\[(]\s*(?:
        read\ (?:more|on|the\ rest)|more|continue\ reading|full\ story|mehr|weiterlesen|mehr\ lesen
        |weiter|leer\ más|más|seguir\ leyendo|lire\ (?:la\ suite|plus)|suite|la\ suite
        |leggi\ (?:tutto|di\ più)|continua|leia\ mais|lees\ meer|meer|czytaj\ (?:więcej|dalej)
        |więcej|dalej|читать\ далее|подробнее|далее|читати\ далі|детальніше|докладніше
    )\s*(?:»|›|→|…|\.{3})?\s*[\])]\W*$""",
    re.I | re.X,
)
# The heading of the readers' comments: "Comments", "3 Kommentare", "#1 Kommentar von Ana",
# "Leave a reply". Everything from it to the end is the readers', not the article's. A
# bare singular ("Kommentar", "Komentarz", "Comment") heads an opinion piece, so only
# the plural, a count or a reply prompt counts.
_COMMENTS = re.compile(
    r"""^\W*(?:
        \#?\d+\W*(?:comments?|kommentare?|commentaires?|comentarios?|commenti|komentarz[ey]?
            |reacties|responses?|replies|respuestas?|réponses?|antworten)(?:\s+\S+){0,8}
        |(?:comments|kommentare|commentaires|comentarios|commenti|komentarze|reacties
            |коментарі|комментарии|leserkommentare|reader\ comments)(?:\s*\(\d+\))?
        |leave\ a\ (?:reply|comment)|schreibe?\ einen\ kommentar|kommentar\ schreiben
        |deja\ un\ comentario|laisser\ un\ commentaire|lascia\ un\ commento|deixe\ um\ comentário
        |dodaj\ komentarz|join\ the\ (?:discussion|conversation)
    )\W*$""",
    re.I | re.X,
)
_COMMENTS_AFTER = 200  # characters of article before a comments heading counts as one
# "Title | Section | Site | 23.05.2011": the page's title line repeated in the body.
_TITLE_SEPARATOR = re.compile(r"\s*[|–—-]\s+|\s+[|–—-]\s*")
_CAPTION_MIN = 25  # characters: shorter alt texts ("Logo", "Photo") prove nothing
_CREDIT_AFTER_CAPTION = 60  # characters a credit after a caption may take: "(Ana Ruiz/AP)"
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
        or _FILED.match(text) or _ARROWS.search(text)
    ):
        return True
    return bool(_DATE_ONLY.match(text))


def drop_boilerplate(blocks: list[RawBlock]) -> list[RawBlock]:
    """``blocks`` without furniture (possibly none), read-more links and readers' comments."""
    kept: list[RawBlock] = []
    article = 0
    for block in blocks:
        text = block.text.strip()
        if article >= _COMMENTS_AFTER and len(text) < 80 and _COMMENTS.match(text):
            break
        if block.kind != "heading":
            cut = _MORE_LINK.search(text)
            if cut is not None and cut.start() > 0:
                block = replace(block, text=text[: cut.start()].rstrip())
        if not is_boilerplate(block):
            kept.append(block)
            article += len(block.text)
    return kept


def _collapse(text: str) -> str:
    return " ".join(text.split()).casefold()


def drop_page_echoes(
    blocks: list[RawBlock], title: str | None, captions: Iterable[str]
) -> list[RawBlock]:
    """``blocks`` without paragraphs that repeat the page's title line or a picture caption.

    A caption counts when the paragraph is the caption, or the caption and a short
    credit after it ("... la presidencia. (Ana Ruiz)"). A paragraph that is the
    headline alone becomes a heading (it stays in the text, out of the summary);
    headings are kept: the document's own title is handled where it is built.
    """
    shown = {_collapse(caption) for caption in captions}
    shown = {caption for caption in shown if len(caption) >= _CAPTION_MIN}
    # "Headline | Site | 23.05.2011": the headline is what the body repeats.
    head = _TITLE_SEPARATOR.split(_collapse(title or ""), maxsplit=1)[0]
    kept: list[RawBlock] = []
    for block in blocks:
        text = _collapse(block.text)
        if block.kind != "heading" and (
            _is_title_line(text, head) or _is_caption(text, shown)
        ):
            continue
        if block.kind != "heading" and len(head) >= _CAPTION_MIN and text == head:
            # The headline set as a paragraph is the headline: a heading, never summarised.
            block = replace(block, kind="heading", level=1)
        kept.append(block)
    return kept


def page_captions(html: str) -> list[str]:
    """The picture captions a page shows: ``figcaption`` and ``*caption*`` elements, ``alt`` texts.

    Read from the page's markup as text only; nothing is fetched.
    """
    import lxml.html
    from lxml import etree

    try:
        root = lxml.html.document_fromstring(html)
    except (etree.ParserError, ValueError):
        return []
    found: list[str] = []
    for element in root.iter("img", "figcaption", "div", "span", "p"):
        if element.tag == "img":
            found.extend(element.get(name) or "" for name in ("alt", "title", "data-caption"))
        elif element.tag == "figcaption" or "caption" in (element.get("class") or "").lower():
            found.append(element.text_content())
        if element.get("data-caption"):
            found.append(element.get("data-caption") or "")
    return [caption for caption in found if len(caption) >= _CAPTION_MIN]


def _is_title_line(text: str, title: str) -> bool:
    if len(title) < _CAPTION_MIN or not text.startswith(title):
        return False
    # The headline alone may be the article's own first line; with the site or the
    # date after it, it is the page's title line.
    rest = text[len(title):]
    return bool(rest) and _TITLE_SEPARATOR.match(rest) is not None and len(rest) < len(title)


def _is_caption(text: str, captions: set[str]) -> bool:
    if not captions or len(text) < _CAPTION_MIN:
        return False
    if text in captions:
        return True
    for caption in captions:
        if text.startswith(caption) and len(text) - len(caption) <= _CREDIT_AFTER_CAPTION:
            rest = text[len(caption):].strip()
            if not rest or rest[0] in "([/|–—-":
                return True
    return False
