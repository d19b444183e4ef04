"""A quotation's speaker as the briefing shows it: a name, a role or an organisation.

The attribution patterns of :mod:`.quotes` find the words next to a speech verb;
this module turns them into a speaker or into nothing:

- an embedded post's signature ('Hertha BSC (@HerthaBSC) June 1, 2017') keeps
  the account's name only; a handle, a date or a number is never a speaker;
- a title's full stop ('Dr.', 'Mr.') is part of the name, not its end;
- words around the name that are not part of it go: adverbs ('recently'),
  time words, in German the verb or adverb after the subject ('Aron lacht');
- a single surname is shown at its fullest in the article ('Nikol Pashinyan'
  for 'Pashinyan'), and every speaker starts with a capital.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from ..calendar_names import month_names
from ..language import stop_words_and_english
from ..letters import LATIN_UPPER, UPPER
from .speech import PRONOUNS, SINGLE_WORD_VERBS

MAX_WORDS = 8

# Abbreviations written before a name: their full stop does not end the speaker.
TITLES = frozenset(
    "dr mr mrs ms mx prof sen rep gov gen col lt sgt capt cmdr adm st hon rev fr mme mlle "
    "me mgr sra srta sr dra lic ing pres supt insp det".split()
)
_SIGNATURE = re.compile(r"\s*\(?@\w+\)?.*$")
_MONTHS = "(?:" + "|".join(
    re.escape(name) for name in dict.fromkeys(
        name.lower() for code in ("en", "de", "fr", "es") for name in month_names(code))
) + ")"
_DATE_TAIL = re.compile(rf"\s*(?:,\s*)?(?:{_MONTHS}\s+\d{{1,2}},?\s+\d{{4}}|\d{{1,2}}\.?\s+"
                        rf"{_MONTHS}\s+\d{{4}})\s*$", re.IGNORECASE)
# An age or a count that names a person: 'der 46-Jährige', 'the 27-year-old'.
_AGE = re.compile(r"\d+-(?:[Jj]ährige[rn]?|year-old|años|ans|malige[rn]?)")
# Words that neither open nor close a speaker ('and NOAA', 'Hailey later').
_EDGE = frozenset(
    """and but while as though although because so then when after which who that where
    also meanwhile later once again previously recently earlier now today yesterday further
    however still even just only has have had would will did does do could should may might
    und aber doch auch dann später damals jetzt allerdings nun noch schon bereits heute
    gestern zudem außerdem hat habe hatte wird wie gerade oft gerne weiter et mais aussi
    ensuite alors puis encore déjà y pero también luego ya además e ma anche poi
    if because wenn falls weil ob dass si quand lorsque cuando porque""".split()
)
# Words that open a phrase that is not a speaker ('In ihrem Bericht', 'Über den Moment').
_PREPOSITIONS = frozenset(
    """in on at during after before for with about from under over into to of by
    im am in bei vor nach über unter mit zu zum zur aus seit gegen für um
    dans lors pendant après avant pour avec sur sous chez durante tras ante para con sobre
    desde en während wegen sin a à""".split()
)
# Words a speaker never starts with: object cases ('Uns die Quelle', 'Den Clip').
_NEVER_FIRST = frozenset("uns ihm mir dir ihnen den him them me us nous vous leur".split())
# Words that may open a German, French or Spanish speaker in lowercase; any other
# lowercase word there is a verb or an adverb ('weiß der Präsident', 'contó la…').
_LOWER_OPENERS = frozenset(
    """der die das ein eine einer eines dem sein seine ihr ihre unser unsere le la les l un
    une son sa ses leur el los las uno una su sus""".split()
)
# A compound cut short before 'und'/'and' ('Kommunikations- und Konfliktexperte').
_HANGING = re.compile(r"\w-$")
# German words that may stand lowercase inside a speaker ('der Chef des Vereins').
_GERMAN_LINKS = frozenset("der die das des dem den ein eine einer eines von vom für und zu".split())
# German words after the subject that end it ('der VW-Boss seinem Redetext zufolge').
_GERMAN_ENDS = frozenset("seinem seiner ihrem ihrer dem einem gegenüber zufolge".split())
_WORD = re.compile(r"\S+")


def is_pronoun(speaker: str) -> bool:
    """Whether ``speaker`` is a pronoun that stands for a speaker named elsewhere."""
    return speaker.lower() in PRONOUNS


def _core(token: str) -> str:
    return token.strip(",.;:!?()\"'’“”„«»\x00").lower()


_INITIALS = re.compile(rf"(?:[{UPPER}]\.){{1,3}}")


def _is_initial(token: str) -> bool:
    """'J.', 'J.R.': a full stop that abbreviates a first name."""
    return _INITIALS.fullmatch(token) is not None


def ends_name(token: str) -> bool:
    """Whether a token that ends with a full stop ends the speaker ('Smith.' yes, 'Dr.' no)."""
    return not (_core(token) in TITLES or _is_initial(token))


def tidy(raw: str, language: str) -> str | None:
    """The speaker named by the words ``raw``, or ``None`` when they name none."""
    text = _SIGNATURE.sub("", raw.replace("\x00", " "))
    text = _DATE_TAIL.sub("", text)
    words = text.strip(" \t,.;:—–-").split()
    words = _opening(words, language)
    if words and _core(words[0]) in PRONOUNS:
        return _core(words[0])  # 'er dem NDR', 'sie lachend'
    if words and _core(words[-1]) in PRONOUNS:
        return _core(words[-1])  # 'In 2004 she' -> 'she'
    if words and _core(words[0]) in _PREPOSITIONS | _NEVER_FIRST:
        return None
    if words and _core(words[0]) == "dem":  # 'laut dem Institut'
        words = words[1:]
    kept: list[str] = []
    for word in words:
        core = _core(word)
        if re.search(r"\d", word) and not _AGE.search(word):
            break
        if kept and core in _EDGE and not _HANGING.search(kept[-1]):
            break
        if kept and core in _CUTTING:
            break
        if language == "en" and kept and word.islower() and core.endswith("ing"):
            break  # 'The ladies standing together
        if language == "de" and kept and _german_end(word, kept):
            break
        kept.append(word)
    while len(kept) > 1 and _core(kept[-1]) in _EDGE | _PREPOSITIONS | _GERMAN_LINKS:
        kept.pop()
    speaker = " ".join(kept).strip(" ,;:—–-")
    if speaker.endswith(".") and ends_name(kept[-1] if kept else ""):
        speaker = speaker.rstrip(".")
    return speaker if _acceptable(speaker, language) else None


# Prepositions that end a speaker once it has begun ('Foucault in einer Vorlesung').
_CUTTING = frozenset("in on at during im am bei mit vor nach aus dans lors en durante tras".split())


def _opening(words: list[str], language: str) -> list[str]:
    """``words`` without the conjunctions, adverbs and verbs that open them."""
    while words:
        first, core = words[0], _core(words[0])
        if not core or core in _EDGE or core in SINGLE_WORD_VERBS:
            words = words[1:]
        elif (language in ("de", "fr", "es") and first[:1].islower()
              and core not in _LOWER_OPENERS | PRONOUNS | _PREPOSITIONS):
            words = words[1:]
        else:
            return words
    return words


def _german_end(word: str, kept: list[str]) -> bool:
    """Whether ``word`` ends a German subject: a verb or adverb after its noun."""
    core = _core(word)
    if core in _GERMAN_ENDS:
        return True
    after_noun = any(c.isupper() for w in kept for c in w)
    return after_noun and word[:1].islower() and core not in _GERMAN_LINKS


def _acceptable(speaker: str, language: str) -> bool:
    words = speaker.split()
    if not words or len(words) > MAX_WORDS or not any(c.isalpha() for c in speaker):
        return False
    if any(c in speaker for c in "\"“”„«»@|[]{}\x00"):
        return False
    lower = [_core(w) for w in words]
    if lower[-1] in TITLES:
        return False  # 'Dr' with its name cut off
    if len(words) == 1 and not is_pronoun(speaker):
        word = words[0]
        if len(word.strip(".")) < 2:
            return False
        if word.islower() and (language == "de" or lower[0] in stop_words_and_english(language)
                               or not lower[0].endswith("s")):
            # A lowercase word alone is a plural role ('officials', 'witnesses') or nothing
            # ('recently', 'entiende'); in German every noun has a capital.
            return False
    if all(w in stop_words_and_english(language) for w in lower):
        return False
    return True


def capitalised(speaker: str) -> str:
    """``speaker`` with a capital at its start ('the ministry' -> 'The ministry')."""
    for index, char in enumerate(speaker):
        if char.isalpha():
            return speaker[:index] + char.upper() + speaker[index + 1 :]
    return speaker


_NAME_WORD = rf"[{LATIN_UPPER}][\w’'-]*\.?"
# One or two capitalised words right before a name, to the end of the searched stretch.
_LEAD = re.compile(rf"(?<![\w’'.-])(?:{_NAME_WORD}\s+){{1,2}}$")
_LONGER_RUN = re.compile(rf"(?<![\w’'-]){_NAME_WORD}\s+$")


def fullest(speaker: str, text: str, language: str, known: dict[str, str]) -> str:
    """The fullest form ``text`` gives a one-word name ('Pashinyan' -> 'Nikol Pashinyan').

    A form counts when one or two capitalised words that are not function words
    ('The', 'Yesterday'...) stand right before the name; titles count ('Dr. Ruiz').
    The form the article uses most often wins, the longer one on a tie. ``known``
    keeps the answers for one article.
    """
    words = speaker.split()
    if len(words) != 1 or not speaker[:1].isupper():
        return speaker
    if speaker not in known:
        known[speaker] = _fullest_form(speaker, text, language)
    return known[speaker]


def _fullest_form(name: str, text: str, language: str) -> str:
    stops = stop_words_and_english(language)
    forms: dict[str, int] = {}
    for match in re.finditer(rf"(?<![\w’'-]){re.escape(name)}(?![\w’'-])", text):
        lead_match = _LEAD.search(text, max(0, match.start() - 80), match.start())
        if lead_match is None:
            continue
        lead = lead_match.group(0).split()
        if _LONGER_RUN.search(text, max(0, lead_match.start() - 40), lead_match.start()):
            lead = lead[-1:]  # 'Prime Minister Nikol Pashinyan': the first name, not half a title
        ends = [i for i, w in enumerate(lead) if w.endswith(".") and _core(w) not in TITLES]
        if ends:
            lead = lead[ends[-1] + 1 :]  # 'said Smith. Mayor Smith': the lead starts after 'Smith.'
        while lead and (_core(lead[0]) in stops or _core(lead[0]) in _EDGE):
            lead = lead[1:]
        if language == "de":
            while lead and _german_noun(lead[0]):
                lead = lead[1:]  # 'Trendexpertin Karolina Landowski' -> 'Karolina Landowski'
        if not lead or any(_core(w) in stops for w in lead):
            continue  # no lead, or the name opens the next sentence
        form = " ".join([*lead, name])
        forms[form] = forms.get(form, 0) + 1
    if not forms:
        return name
    return max(forms, key=lambda form: (forms[form], len(form)))


def _german_noun(word: str) -> bool:
    """A German compound noun rather than a first name ('Fitnessexperte', 'DGB-Chef').

    German writes its nouns with a capital, and the nouns placed before a name are
    long compounds (roles, trades) or carry an acronym; first names are short.
    """
    parts = word.strip(".,").split("-")
    return any(len(p) > 9 or (len(p) > 1 and p.isupper()) for p in parts)


def shown(speakers: Iterable[str | None], text: str, language: str) -> list[str | None]:
    """Each speaker as shown: at its fullest in ``text`` and with a capital."""
    known: dict[str, str] = {}
    return [None if s is None else capitalised(fullest(s, text, language, known))
            for s in speakers]
