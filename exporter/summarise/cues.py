"""Per-language word lists the summariser reads news by: the one place they live.

* :data:`OPENERS`: words that, first in a sentence, lean on the sentence
  before it: connectives ("But", "However", "Aber", "Mais", "Pero") and
  pronouns or demonstratives whose antecedent is earlier ("He", "This",
  "Sie", "Cela", "Esto"). Articles that double as demonstratives ("Das",
  "Die", "Het") are left out: they open as many self-contained sentences.
* :data:`PICTURED`, :data:`PUBLISHED`, :data:`SCROLL`, :data:`SHARE`,
  :data:`STAFF` and :data:`STARTERS`: the labels news pages put inside the
  text (captions, timestamps, video prompts, share prompts, staff bylines)
  and the words that start a sentence, used by :mod:`exporter.summarise.clean`.

Languages: those the project labels (en de fr es it pt nl pl ru uk el).
A language without a list gets the union of all of them.
"""

from __future__ import annotations

from functools import cache

OPENERS: dict[str, tuple[str, ...]] = {
    "en": (
        "but", "however", "yet", "also", "still", "moreover", "furthermore", "nevertheless",
        "nonetheless", "instead", "therefore", "thus", "hence", "so", "and", "or", "then",
        "besides", "otherwise", "consequently", "meanwhile", "likewise", "similarly",
        "he", "she", "it", "they", "this", "that", "these", "those", "his", "her", "its",
        "their", "him", "them", "such", "there's",
    ),
    "de": (
        "aber", "doch", "jedoch", "allerdings", "trotzdem", "dennoch", "außerdem", "zudem",
        "deshalb", "daher", "deswegen", "also", "sondern", "dabei", "dann", "danach",
        "stattdessen", "darum", "dafür", "dagegen", "damals", "und", "oder",
        "er", "sie", "es", "dies", "diese", "dieser", "dieses", "diesen", "sein", "seine",
        "ihr", "ihre", "ihm", "ihn", "ihnen",
    ),
    "fr": (
        "mais", "cependant", "pourtant", "toutefois", "néanmoins", "or", "donc", "ainsi",
        "aussi", "puis", "alors", "d'ailleurs", "d’ailleurs", "enfin", "et", "ou",
        "il", "elle", "ils", "elles", "ce", "cela", "ceci", "celui", "celle", "ceux", "cette",
        "cet", "ces", "c'est", "c’est", "leur", "leurs", "lui",
    ),
    "es": (
        "pero", "además", "también", "aunque", "así", "entonces", "luego", "y", "o",
        "él", "ella", "ellos", "ellas", "esto", "eso", "este", "esta", "estos", "estas", "ese",
        "esa", "esos", "esas", "su", "sus",
    ),
    "it": (
        "ma", "però", "tuttavia", "comunque", "inoltre", "anche", "quindi", "dunque", "così",
        "invece", "poi", "e", "o", "lui", "lei", "loro", "egli", "essa", "esso", "questo",
        "questa", "questi", "queste", "quello", "quella", "ciò",
    ),
    "pt": (
        "mas", "porém", "contudo", "entretanto", "todavia", "também", "assim", "então",
        "portanto", "e", "ou", "ele", "ela", "eles", "elas", "isso", "isto", "este", "esta",
        "esse", "essa", "estes", "estas", "esses", "essas", "seu", "sua", "seus", "suas",
    ),
    "nl": (
        "maar", "echter", "toch", "ook", "daarom", "bovendien", "dus", "en", "of", "hij",
        "zij", "ze", "dit", "dat", "deze", "zijn", "haar", "hun",
    ),
    "pl": (
        "ale", "jednak", "lecz", "natomiast", "także", "również", "więc", "dlatego", "zatem",
        "i", "on", "ona", "oni", "one", "ono", "to", "ten", "ta", "tego", "jego", "jej", "ich",
    ),
    "ru": (
        "но", "однако", "зато", "также", "тоже", "поэтому", "и", "а", "он", "она", "они",
        "оно", "это", "этот", "эта", "эти", "его", "её", "ее", "их",
    ),
    "uk": (
        "але", "однак", "проте", "також", "тому", "і", "а", "він", "вона", "вони", "воно",
        "це", "цей", "ця", "ці", "його", "її", "їх",
    ),
    "el": (
        "αλλά", "όμως", "ωστόσο", "επίσης", "επομένως", "έτσι", "και", "αυτός", "αυτή",
        "αυτό", "αυτοί", "αυτές", "αυτά", "τότε",
    ),
}

# Two-word openers whose first word alone is ordinary ("Sin embargo", "No entanto").
OPENER_PAIRS: dict[str, tuple[str, ...]] = {
    "en": ("in addition", "as a result", "even so", "by contrast", "in turn"),
    "de": ("im gegenteil",),
    "fr": ("en outre", "par ailleurs", "en revanche", "de plus", "du coup"),
    "es": ("sin embargo", "no obstante", "por eso", "por tanto", "por ello", "en cambio"),
    "it": ("in più", "per questo"),
    "pt": ("no entanto", "além disso", "por isso", "por outro"),
    "nl": ("daarnaast ook",),
    "pl": ("poza tym",),
    "ru": ("кроме того", "при этом"),
    "uk": ("крім того",),
    "el": ("εξάλλου",),
}

PICTURED: dict[str, tuple[str, ...]] = {
    "en": ("pictured", "pictured above", "pictured left", "pictured right", "above", "below",
           "left", "right", "inset", "file photo", "photo", "picture", "image", "main picture",
           "top", "bottom", "top left", "top right", "video"),
    "de": ("foto", "bild", "im bild", "abgebildet", "oben", "unten", "links", "rechts",
           "archivbild", "archivfoto", "video"),
    "fr": ("photo", "photo d'illustration", "illustration", "ci-dessus", "ci-dessous",
           "en photo", "vidéo", "image"),
    "es": ("foto", "imagen", "en la imagen", "en la foto", "arriba", "abajo", "vídeo"),
    "it": ("foto", "nella foto", "immagine", "in alto", "in basso", "video"),
    "pt": ("foto", "imagem", "na foto", "na imagem", "acima", "abaixo", "vídeo"),
    "nl": ("foto", "afbeelding", "op de foto", "boven", "onder", "video"),
    "pl": ("fot", "zdjęcie", "na zdjęciu", "wideo"),
    "ru": ("фото", "на фото", "видео"),
    "uk": ("фото", "на фото", "відео"),
    "el": ("φωτογραφία", "βίντεο"),
}

PUBLISHED: dict[str, tuple[str, ...]] = {
    "en": ("published", "updated", "last updated", "last updated at", "last updated on",
           "first published", "posted", "modified", "last modified"),
    "de": ("veröffentlicht", "aktualisiert", "zuletzt aktualisiert", "stand", "erstellt"),
    "fr": ("publié", "publié le", "mis à jour", "mis à jour le", "modifié le", "actualisé"),
    "es": ("publicado", "actualizado", "última actualización"),
    "it": ("pubblicato", "aggiornato", "ultimo aggiornamento"),
    "pt": ("publicado", "atualizado", "publicado em", "atualizado em"),
    "nl": ("gepubliceerd", "bijgewerkt", "laatst bijgewerkt"),
    "pl": ("opublikowano", "aktualizacja", "zaktualizowano"),
    "ru": ("опубликовано", "обновлено"),
    "uk": ("опубліковано", "оновлено"),
    "el": ("δημοσιεύθηκε", "ενημερώθηκε"),
}

SCROLL: dict[str, tuple[str, ...]] = {
    "en": ("scroll down for video", "scroll down for videos", "scroll down for more",
           "scroll down to watch", "watch the video below", "watch the video above",
           "click to watch", "video below"),
    "de": ("video unten", "zum video", "video ansehen"),
    "fr": ("voir la vidéo ci-dessous", "vidéo ci-dessous", "regardez la vidéo"),
    "es": ("vídeo a continuación", "ver vídeo", "mira el vídeo"),
    "it": ("guarda il video", "video in basso"),
    "pt": ("veja o vídeo", "assista ao vídeo"),
    "nl": ("bekijk de video",),
    "pl": ("zobacz wideo",),
    "ru": ("смотрите видео",),
    "uk": ("дивіться відео",),
    "el": ("δείτε το βίντεο",),
}

SHARE: dict[str, tuple[str, ...]] = {
    "en": ("share this article", "share or comment on this article", "share this story",
           "click to share", "share on facebook", "share on twitter", "share this"),
    "de": ("artikel teilen", "diesen artikel teilen", "teilen sie diesen artikel"),
    "fr": ("partager cet article", "partager sur facebook", "partager sur twitter"),
    "es": ("compartir este artículo", "compartir en facebook", "compartir en twitter"),
    "it": ("condividi questo articolo", "condividi su facebook"),
    "pt": ("compartilhe este artigo", "partilhar este artigo", "compartilhar no facebook"),
    "nl": ("deel dit artikel", "delen op facebook"),
    "pl": ("udostępnij artykuł", "udostępnij"),
    "ru": ("поделиться",),
    "uk": ("поділитися",),
    "el": ("κοινοποίηση",),
}

STAFF: dict[str, tuple[str, ...]] = {
    "en": ("reporter", "correspondent", "editor", "staff", "writer", "for mailonline",
           "for dailymail.com", "for the daily mail", "associated press", "press association"),
    "de": ("redakteur", "redakteurin", "korrespondent", "korrespondentin", "redaktion"),
    "fr": ("rédaction", "correspondant", "correspondante", "envoyé spécial", "journaliste"),
    "es": ("redacción", "corresponsal", "enviado especial"),
    "it": ("redazione", "corrispondente", "inviato"),
    "pt": ("redação", "correspondente", "da redação"),
    "nl": ("redactie", "correspondent", "verslaggever"),
    "pl": ("redakcja", "korespondent"),
    "ru": ("корреспондент", "редакция"),
    "uk": ("кореспондент", "редакція"),
    "el": ("συντάκτης", "ανταποκριτής"),
}

BY: dict[str, tuple[str, ...]] = {
    "en": ("by",), "de": ("von",), "fr": ("par",), "es": ("por",), "it": ("di", "da"),
    "pt": ("por",), "nl": ("door",), "pl": ("autor",), "ru": ("автор",), "uk": ("автор",),
    "el": ("του", "της"),
}

STARTERS: dict[str, tuple[str, ...]] = {
    "en": ("The", "A", "An", "He", "She", "They", "It", "His", "Her", "Their", "But", "In",
           "On", "At", "After", "When", "Mr", "Mrs", "Ms", "Police", "Officers"),
    "de": ("Der", "Die", "Das", "Ein", "Eine", "Er", "Sie", "Es", "Am", "Im", "Nach"),
    "fr": ("Le", "La", "Les", "Un", "Une", "Il", "Elle", "Ils", "Selon", "Depuis"),
    "es": ("El", "La", "Los", "Las", "Un", "Una", "Según", "Tras"),
    "it": ("Il", "Lo", "La", "Gli", "Le", "Un", "Una", "Secondo", "Dopo"),
    "pt": ("O", "A", "Os", "As", "Um", "Uma", "Segundo", "Após"),
    "nl": ("De", "Het", "Een", "Volgens", "Na"),
    "pl": ("W", "Na", "Po", "Według"),
    "ru": ("В", "На", "По", "После"),
    "uk": ("У", "В", "На", "Після"),
    "el": ("Ο", "Η", "Το", "Οι", "Τα", "Στο", "Στη"),
}


@cache
def words_for(table_name: str, language: str | None) -> tuple[str, ...]:
    """The ``table_name`` list (``"OPENERS"``) for ``language``; all languages' without one."""
    table: dict[str, tuple[str, ...]] = globals()[table_name]
    if language in table:
        return table[language]
    return tuple(dict.fromkeys(w for words in table.values() for w in words))


@cache
def all_words(table_name: str) -> tuple[str, ...]:
    """Every language's entries of ``table_name``: labels are matched in any language."""
    table: dict[str, tuple[str, ...]] = globals()[table_name]
    return tuple(dict.fromkeys(w for words in table.values() for w in words))
