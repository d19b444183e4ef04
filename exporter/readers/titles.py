"""The article's headline from a page's title: without the site's name.

A page's title, and the ``og:title`` that trafilatura prefers, usually carry the
site's name, its section or its slogan beside the headline ("Batteriespeicher -
daheim Solar", "NWX Magazin | Vertrauen und Mitbestimmung ..."). A briefing's
title is the headline alone, so :func:`headline` cuts the title at its
separators and keeps the part that is the article's:

1. the part the page's own ``<h1>`` repeats, when one does ("Tote Hummeln unter
   Linden: Die Erklärung | Hummeln" with the heading "Tote Hummeln unter Linden");
2. otherwise the title without the parts at either end that name the site (its
   ``og:site_name``, a label of its host name, its address), and without what
   follows the site's name after the headline: its section or slogan
   ("Bielersee-Winterhechte | petri-heil.ch | Dein Schweizer Fischereimagazin").

A title with no separator, or whose every part names the site, is left whole;
so is a separator inside a headline ("Luftfahrtbranche hebt nach Corona ab - und
FACC profitiert"), since neither side of it names the site.

3. Then, when the page has one ``<h1>`` (besides the site's name) that tells the
   same story in other words, that heading: the title is often written for search
   engines ("Wärmepumpe im Altbau - Wann es sich lohnt") and the heading is what
   the reader sees ("Eignet sich eine Wärmepumpe im Altbau?"). Not when one holds
   the other: a heading with a kicker or a label before the title, or one that is
   a piece of it, is less of a headline than the title.
"""

from __future__ import annotations

import html
import re
import unicodedata
from collections.abc import Iterable, Sequence

# Spaced separators ("Headline - Site", "Site | Headline", "Headline › Blog") and
# the unspaced ones of Chinese and Japanese titles ("…英雄的城！-新华网", "蔡健雅_百度百科").
_SEPARATOR = re.compile(
    r"\s+(?:[|–—·•»›~]|::|--?)\s+|(?<=[\u3000-\u9fff\uff00-\uffef])\s*[-_|–—]\s*"
)
# A heading may also be the part before a subtitle ("Headline: the subtitle").
_HEADING_CUT = re.compile(_SEPARATOR.pattern + r"|\s*:\s+")
_H1_OPEN = re.compile(r"<h1\b[^>]{0,1000}>", re.I)
_H1_CLOSE = re.compile(r"</h1\s*>", re.I)
_HEADING_CHARS = 2000  # of markup in one <h1>: a longer one is not a headline
_OPENINGS_READ = 50
_TAG = re.compile(r"<\s*/?\s*([A-Za-z][\w-]*)[^>]*>|<[^>]*>")
# Inline elements join their text to the words beside them; others (<br>, <div>) part it.
_INLINE = frozenset(
    "a abbr b bdi bdo cite code data dfn em font i kbd mark q s samp small span strong sub sup "
    "time u var wbr".split()
)
_WORD = re.compile(r"\w+")
_ADDRESS = re.compile(r"(?:https?://)?(?:www\.)?[\w-]+(?:\.[\w-]+)*\.[a-z]{2,6}/?", re.I)
_SAME_STORY = 0.5
"""Share of the shorter one's words (and at least two) a heading and a title have in common
to tell one story."""
_HEADINGS_READ = 5
_HEADING_SHARE = 0.4
"""A heading that is less of the title than this (by letters) proves nothing: a section."""
_SITE_NAME_MIN = 3  # letters and digits: shorter host labels ("de", "m") name nothing
_NOT_NAMES = frozenset({"www", "com", "net", "org", "amp", "html"})
_NAME_SPREAD = 1.6
"""A part that holds a site name is that name if it is at most this many times longer."""


def page_headings(page: str) -> list[str]:
    """The texts of the page's first few ``<h1>`` elements, tags dropped, entities decoded."""
    found: list[str] = []
    for number, opening in enumerate(_H1_OPEN.finditer(page)):
        if number == _OPENINGS_READ or len(found) == _HEADINGS_READ:
            break
        closing = _H1_CLOSE.search(page, opening.end(), opening.end() + _HEADING_CHARS)
        if closing is None:
            continue
        text = markup_text(page[opening.end() : closing.start()])
        if text:
            found.append(text)
    return found


def markup_text(fragment: str) -> str:
    """The text an HTML fragment shows: its tags dropped (an inline one joins the words
    beside it, another parts them), entities decoded, white space collapsed."""
    return " ".join(html.unescape(_TAG.sub(_tag_space, fragment)).split())


def _tag_space(tag: re.Match[str]) -> str:
    return "" if (tag.group(1) or "").lower() in _INLINE else " "


def headline(
    title: str | None,
    *,
    site_name: str | None = None,
    host: str | None = None,
    headings: Sequence[str] = (),
) -> str | None:
    """``title`` without the site's name, section or slogan (see the module's docstring)."""
    if not title:
        return title
    title = " ".join(title.split())
    names = _site_names(site_name, host)
    kept = _without_site(title, names, headings)
    shown = {heading: None for heading in headings if not _names_site(heading, names)}
    if len(shown) == 1:
        heading = next(iter(shown))
        if _same_story(kept, heading):
            return heading
    return kept


def _without_site(title: str, names: set[str], headings: Iterable[str]) -> str:
    """Points 1 and 2 of the module's docstring."""
    whole = _key(title)
    for heading in headings:
        wanted = _key(heading)
        if len(wanted) < _HEADING_SHARE * len(whole) or _names_site(heading, names):
            continue
        for start, end in _runs(title, _HEADING_CUT):
            if _key(title[start:end]) == wanted:
                return title[start:end]
    parts = _parts(title, _SEPARATOR)
    if all(_names_site(title[slice(*part)], names) for part in parts):
        return title  # the site's name alone: nothing here is the headline's to keep
    first, last = 0, len(parts)
    naming = [_names_site(title[slice(*part)], names) for part in parts]
    # "Headline | Site | Slogan": the site's name and what follows it are the site's.
    for number in range(1, len(parts)):
        if naming[number]:
            last = number
            break
    while last - first > 1 and naming[first]:
        first += 1
    return title[parts[first][0] : parts[last - 1][1]]


def _same_story(title: str, heading: str) -> bool:
    """Whether ``heading`` is ``title`` told in other words (point 3 of the module's docstring)."""
    title_key, heading_key = _key(title), _key(heading)
    if not heading_key or title_key in heading_key or heading_key in title_key:
        return False
    title_words = set(_WORD.findall(unicodedata.normalize("NFKC", title).casefold()))
    heading_words = set(_WORD.findall(unicodedata.normalize("NFKC", heading).casefold()))
    shared = len(title_words & heading_words)
    return shared >= max(2, _SAME_STORY * min(len(title_words), len(heading_words)))


def _key(text: str) -> str:
    return "".join(char for char in unicodedata.normalize("NFKC", text).casefold()
                   if char.isalnum())


def _site_names(site_name: str | None, host: str | None) -> set[str]:
    names = {_key(site_name or "")}
    if host:
        host = host.lower().removeprefix("www.")
        names.add(_key(host))
        names.update(_key(label) for label in host.split(".")[:-1] if label not in _NOT_NAMES)
    return {name for name in names if len(name) >= _SITE_NAME_MIN}


def _names_site(part: str, names: set[str]) -> bool:
    """True when ``part`` is the site's name, a piece of it, it with a word or two, or a web
    address."""
    key = _key(part)
    if not key or _ADDRESS.fullmatch(part.strip()):
        return True  # a separator's leftovers, or the site's address
    return any(
        key == name
        or (len(key) > _SITE_NAME_MIN and key in name)
        or (name in key and len(key) <= _NAME_SPREAD * len(name))
        for name in names
    )


def _parts(title: str, separator: re.Pattern[str]) -> list[tuple[int, int]]:
    """Where each part of ``title`` between separators starts and ends."""
    parts, start = [], 0
    for match in separator.finditer(title):
        parts.append((start, match.start()))
        start = match.end()
    parts.append((start, len(title)))
    return parts


def _runs(title: str, separator: re.Pattern[str]) -> Iterable[tuple[int, int]]:
    """The title's proper leading and trailing runs of parts: where a heading may be."""
    parts = _parts(title, separator)
    for number in range(1, len(parts)):
        yield 0, parts[number - 1][1]
        yield parts[number][0], len(title)
