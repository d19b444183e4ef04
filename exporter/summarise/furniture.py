"""Page furniture: sentences that are part of the page, not of the story.

Scraped news carries bylines, datelines, timestamps, picture credits, share and
subscribe prompts and copyright lines. They are frequent and lexically similar
to each other, which is exactly what a centrality method rewards, so they are
recognised here and ranked after every real sentence. The patterns are
deliberately conservative: each matches a whole short sentence of a known
shape, never ordinary prose that merely mentions a date.
"""

from __future__ import annotations

import re

from ..calendar_names import month_numbers

_MONTH = "(?:" + "|".join(
    sorted(map(re.escape, month_numbers("en")), key=len, reverse=True)) + r")\.?"
_DAY = r"(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*,?"
_TIME = r"\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\.?)?(?:\s*(?:gmt|utc|bst|cet|cest|[ecmp][sd]t))?"
_DATE = (
    rf"(?:{_DAY}\s+)?(?:\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH}|{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?)"
    rf",?(?:\s+\d{{4}})?|\d{{4}}-\d{{2}}-\d{{2}}(?:t\d{{2}}:\d{{2}}(?::\d{{2}})?z?)?"
    rf"|\d{{1,2}}/\d{{1,2}}/\d{{2,4}}"
)
# One to four capitalised words (case-sensitive even inside the case-blind pattern).
_NAME = r"(?:(?-i:[A-ZÀ-ÖØ-ÞА-ЯЁ])[\w'’.-]*\s*){1,4}"
_PATTERNS = [
    # "By Jane Smith", "By Jane Smith and Li Wei, BBC News", "Reporting by ...; editing by ..."
    rf"by\s+{_NAME}(?:(?:,|and|&)\s*{_NAME})*"
    r"(?:,\s*[\w\s]{0,40})?\.?",
    r"(?:additional\s+)?(?:reporting|writing|editing)\s+by\b.{0,120}",
    rf"(?:posted|written|words|text|photos?)\s*(?:by|:)\s*{_NAME}.{{0,60}}",
    # A dateline standing alone: "LONDON (Reuters) -", "TBILISI, Georgia —".
    r"(?-i:[A-Z][A-Z'’.-]+(?:\s+[A-Z][A-Z'’.-]+){0,3})(?:,\s*[\w\s.]{1,30})?"
    r"(?:\s*\((?:reuters|ap|afp|bloomberg|dpa|upi|xinhua)\))?\s*[-—–:]?",
    # Timestamps: "Published 5 January 2024", "Updated: 12:30 GMT", "Last modified on ..."
    r"(?:(?:first\s+)?published|updated|posted|last\s+(?:updated|modified)|modified)"
    rf"(?:\s+on)?:?\s*(?:{_DATE}|{_TIME}|\d+\s+(?:minutes?|hours?|days?)\s+ago)"
    rf"(?:[\s,]*(?:at\s+)?(?:{_DATE}|{_TIME}))*\.?",
    rf"(?:{_DATE})(?:[\s,]*(?:{_TIME}))?\.?",
    rf"{_TIME}(?:[\s,]*(?:{_DATE}))?\.?",
    # Picture furniture and credits.
    r"(?:image|photo|picture|video)\s*(?:caption|copyright|source|credit)s?\b.{0,150}",
    r"(?:getty\s+images|reuters|afp|ap\s+photo|pa\s+media|epa)(?:\s*/\s*[\w\s]+)?\.?",
    # Prompts and boilerplate.
    r"(?:share|follow|like)\s+(?:this|us|on)\b.{0,80}",
    r"(?:sign\s+up|subscribe)\b.{0,120}(?:newsletter|updates|inbox|free)\b.{0,40}",
    r"(?:click|tap)\s+here\b.{0,120}",
    r"(?:read\s+more|related(?:\s+(?:topics|stories|articles))?|see\s+also|more\s+on\s+this"
    r"\s+story)\s*:?.{0,120}",
    r"advertisement\.?|skip\s+advert(?:isement)?\.?|continue\s+reading(?:\s+the\s+main\s+story)?\.?",
    r"(?:©|\(c\)|copyright)\s*.{0,120}",
    r"all\s+rights\s+reserved\.?",
    r"(?:this\s+(?:article|story)\s+(?:was|has\s+been)\s+(?:updated|amended|corrected))\b.{0,160}",
    r"(?:comments?|\d+\s+comments?)\.?",
]
_FURNITURE = re.compile(r"\s*(?:" + "|".join(f"(?:{p})" for p in _PATTERNS) + r")\s*", re.I)
MAX_FURNITURE_WORDS = 30
"""Furniture is short; a longer sentence is prose even if it starts like furniture."""
_ADDRESS = re.compile(r"(?:https?://|www\.)\S+|[\w-]+(?:\.[\w-]+)*\.[a-z]{2,6}(?:/\S*)?", re.I)
_ADDRESS_WORDS = 6
"""A sentence of addresses alone ("[4] http://...", a credit "imagebank.sweden.se") is short."""
_LETTERS = re.compile(r"[^\W\d_]{2,}")


def is_furniture(sentence: str) -> bool:
    """Whether the whole ``sentence`` is page furniture (byline, timestamp, credit, prompt,
    a reference that is only web addresses)."""
    text = sentence.strip()
    if not text or len(text.split()) > MAX_FURNITURE_WORDS:
        return False
    return _FURNITURE.fullmatch(text) is not None or _only_addresses(text)


def _only_addresses(text: str) -> bool:
    """Whether ``text`` holds web addresses and no word outside them."""
    if "." not in text or len(text.split()) > _ADDRESS_WORDS:
        return False
    rest, found = _ADDRESS.subn(" ", text)
    return found > 0 and _LETTERS.search(rest) is None


_SENTENCE_END = re.compile(r"[.!?…。！？؟।።][\"'”’»«›‹)\]]*$")
_NO_STOPS = re.compile(r"[\u0e00-\u0eff\u1000-\u109f\u1780-\u17ff\u0f00-\u0fff]")
FRAGMENT_WORDS = 8
"""A line shorter than this with no full stop is not a sentence (see :func:`is_fragment`)."""


def is_fragment(sentence: str) -> bool:
    """Whether ``sentence`` is a line rather than a sentence: short, with no full stop.

    A list's entry, a signature ("David Greenberg, Rutgers University"), a score
    ("Piotr Protasiewicz 3"), a heading set as a paragraph: in a summary it says
    nothing on its own. Not in Thai, Lao, Khmer, Burmese or Tibetan, written without
    full stops.
    """
    text = sentence.strip()
    if _SENTENCE_END.search(text) or _NO_STOPS.search(text):
        return False
    return len(text.split()) < FRAGMENT_WORDS
