"""The article's headline from a page's title: without the site's name.

A page's title, and the ``og:title`` that trafilatura prefers, usually carry the
site's name, its section or its slogan beside the headline ("Batteriespeicher -
daheim Solar", "NWX Magazin | Vertrauen und Mitbestimmung ..."). A briefing's
title is the headline alone, so :func:`headline` cuts the title at its
separators and keeps the part that is the article's:

1. the part the page's own ``<h1>`` repeats, when one does ("Tote Hummeln unter
   Linden: Die Erklärung | Hummeln" with the heading "Tote Hummeln unter Linden");
2. otherwise the title without the parts at either end that name the site (its
   ``og:site_name`` or a label of its host name).

A title with no separator, or whose every part names the site, is left whole;
so is a separator inside a headline ("Luftfahrtbranche hebt nach Corona ab - und
FACC profitiert"), since neither side of it names the site. The title's own
text is returned: the page's heading only says where to cut.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable

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
_TAG = re.compile(r"<[^>]*>")
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
        text = " ".join(html.unescape(_TAG.sub(" ", page[opening.end() : closing.start()])).split())
        if text:
            found.append(text)
    return found


def headline(
    title: str | None,
    *,
    site_name: str | None = None,
    host: str | None = None,
    headings: Iterable[str] = (),
) -> str | None:
    """``title`` without the site's name, section or slogan (see the module's docstring)."""
    if not title:
        return title
    title = " ".join(title.split())
    names = _site_names(site_name, host)
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
    while last - first > 1 and _names_site(title[slice(*parts[last - 1])], names):
        last -= 1
    while last - first > 1 and _names_site(title[slice(*parts[first])], names):
        first += 1
    return title[parts[first][0] : parts[last - 1][1]]


def _key(text: str) -> str:
    return "".join(char for char in text.casefold() if char.isalnum())


def _site_names(site_name: str | None, host: str | None) -> set[str]:
    names = {_key(site_name or "")}
    if host:
        host = host.lower().removeprefix("www.")
        names.add(_key(host))
        names.update(_key(label) for label in host.split(".")[:-1] if label not in _NOT_NAMES)
    return {name for name in names if len(name) >= _SITE_NAME_MIN}


def _names_site(part: str, names: set[str]) -> bool:
    """True when ``part`` is the site's name, a piece of it, or it with a word or two."""
    key = _key(part)
    if not key:
        return True  # a separator's leftovers
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
