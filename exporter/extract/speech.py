"""The words the quotation finder and the speaker tidier share: speech verbs and pronouns."""

from __future__ import annotations

SPEECH_VERBS: dict[str, list[str]] = {
    "en": [
        "said", "says", "say", "told", "tells", "added", "adds", "stated", "states",
        "declared", "declares", "wrote", "writes", "explained", "explains", "noted", "notes",
        "insisted", "insists", "warned", "warns", "argued", "argues", "asked", "asks",
        "replied", "replies", "announced", "announces", "claimed", "claims", "continued",
        "recalled", "acknowledged", "admitted", "concluded", "suggested", "urged",
        "commented", "observed", "stressed", "emphasised", "emphasized", "predicted",
        "tweeted", "posted", "remarked", "responded", "conceded", "cautioned", "vowed",
        "promised", "pledged", "maintained", "complained", "countered", "confirmed",
        "shouted", "pointed out", "according to",
    ],
    "de": [
        "sagte", "sagt", "sagten", "erklärte", "erklärt", "erklärten", "betonte", "betont",
        "meinte", "meint", "warnte", "warnt", "fügte", "schrieb", "schreibt", "teilte",
        "kündigte", "versicherte", "forderte", "sagte", "so", "laut", "berichtete",
        "ergänzte", "kritisierte", "ergänzt", "fragt", "fragte", "findet", "fand",
        "äußerte", "äusserte", "appelliert", "appellierte", "bestätigte", "berichtet",
        "mahnte", "mahnt", "unterstrich", "sagen", "erzählt", "erzählte",
    ],
    "fr": [
        "a déclaré", "a dit", "a affirmé", "a ajouté", "a expliqué", "a souligné", "a estimé",
        "a assuré", "a indiqué", "a précisé", "a averti", "a martelé", "a-t-il déclaré",
        "a-t-elle déclaré", "a-t-il ajouté", "a-t-elle ajouté", "a-t-il dit", "a-t-elle dit",
        "déclare", "dit", "affirme", "ajoute", "explique", "souligne", "estime", "assure",
        "indique", "précise", "selon", "d'après", "a-t-il", "a-t-elle",
        "explique-t-il", "explique-t-elle", "a estimé", "a confié", "a lancé", "a rappelé",
        "a regretté", "a reconnu", "a insisté", "a commenté", "confie", "raconte", "lance",
        "rappelle",
        "ajoute-t-il", "ajoute-t-elle", "déclare-t-il", "déclare-t-elle", "regrette",
        "a répondu", "a réagi", "a prévenu", "a poursuivi", "répond", "réagit", "prévient",
    ],
    "es": [
        "dijo", "afirmó", "declaró", "explicó", "añadió", "aseguró", "señaló", "indicó",
        "advirtió", "dice", "afirma", "según", "agregó", "expresó", "sostuvo", "manifestó",
        "contó", "remató", "subrayó", "apuntó", "comentó", "destacó", "aseveró", "precisó",
        "insistió", "reconoció", "recordó", "detalló", "relató", "respondió", "prometió",
    ],
    "it": [
        "ha detto", "ha dichiarato", "ha affermato", "ha spiegato", "ha aggiunto", "dice",
        "secondo",
    ],
}
"""Speech verbs by language (English's serve every language); a space is any white space."""
SINGLE_WORD_VERBS = frozenset(
    verb for verbs in SPEECH_VERBS.values() for verb in verbs if " " not in verb)
"""The one-word speech verbs of every language ('said', 'sagte', 'dijo')."""
PRONOUNS = frozenset(
    "he she they it we i er sie es wir ich il elle ils elles on él ella ellos ellas lui lei"
    .split()
)
"""Pronouns that stand for a speaker named elsewhere."""
GROUP_PRONOUNS = frozenset("they it we sie es wir ils elles on".split())
"""The pronouns among them that may stand for a group."""
