"""The people in a byline: a publication, a site or a wire service is not an author.

"By The Haitian Times and J O Haselhoef" on the Haitian Times' own site names one
author, J O Haselhoef. A name is taken for the publication when it is the page's
site name (``og:site_name``, the publisher) or its domain ('haitiantimes.com'),
or when it looks like one: a word such as Times, News, Press, Media, Staff,
Agency or Newsroom in it, or a wire service's name (Reuters, AFP, AP, dpa…).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from urllib.parse import urlsplit

from .titles import markup_text

_SPLIT = re.compile(r"\s*(?:;|,|&|\||\band\b|\bund\b|\bet\b|\by\b)\s*")
_BY = re.compile(r"^(?:by|written\s+by|von|par|por|di|door)\s+", re.I)
# What a page prints before the name: "Autor: …", "Artikel von …", "Auteur …", "责任编辑：…".
_LABEL = re.compile(
    r"^(?:(?:written|posted|published|geschrieben|verfasst|ein\s+beitrag|beitrag|artikel|text|"
    r"texto|testo|auteur|autrice|author|autor|autorin|autore|redakteur|redakteurin|reporter|"
    r"责任编辑|编辑|作者|记者|撰文)(?:\s*[:：]\s*|\s+(?:von|by|par|por|di|de)\s+|\s+))+",
    re.I,
)
# What content systems put where nobody signed: never a person, even alone.
_PLACEHOLDERS = frozenset(
    "admin administrator wordpressadmin siteadmin webmaster superuser unknown anonymous anonym "
    "anonyme anónimo anonimo guest gast user name nobody".split()
)
# Words that make a name a publication's ('The Haitian Times', 'Harbour News Staff').
_OUTLET_WORDS = re.compile(
    r"(?<![\w-])(?:times|news|press|media|staff|agency|agencies|newsroom|desk|editors?|editorial|"
    r"team|redaktion|rédaction|redacción|gazette|herald|tribune|journal|daily|weekly|"
    r"magazine|radio|tv|television|broadcasting|network|wire|service|services|"
    r"zeitung|nachrichten|presse|agence|agencia|diario|periódico)(?![\w-])",
    re.I,
)
_WIRES = frozenset(
    "reuters afp ap dpa epa efe ansa kyodo xinhua tass ria itar-tass bloomberg upi pa apa "
    "sda kna anp belga ips ap/dpa dpa/ap".split()
)


def _key(name: str) -> str:
    """A name reduced to its letters and digits, for comparison ('The-Times' -> 'thetimes')."""
    text = name.casefold()
    if text.startswith("the "):
        text = text[4:]
    return re.sub(r"[\W_]+", "", text)


def _site_keys(site_names: Iterable[str | None], url: str | None) -> set[str]:
    keys = {_key(name) for name in site_names if name}
    if url:
        host = urlsplit(url if "//" in url else "//" + url).hostname or ""
        labels = [label for label in host.split(".") if label not in ("www", "m", "amp")]
        if labels:
            keys.add(_key(labels[0]))  # haitiantimes.com -> haitiantimes
    return {key for key in keys if len(key) >= 2}


def is_publication(name: str, site_names: Iterable[str | None] = (),
                   url: str | None = None) -> bool:
    """Whether ``name`` names the publication, the site or a wire service, not a person.

    Whatever else stands beside it: :func:`authors` keeps a site's name that is the
    byline's only name.
    """
    key = _key(name)
    if not key:
        return True
    if key in _site_keys(site_names, url):
        return True
    if name.strip().casefold() in _WIRES or key in _WIRES:
        return True
    return _OUTLET_WORDS.search(name) is not None


def authors(byline: str | Sequence[str], site_names: Iterable[str | None] = (),
            url: str | None = None) -> list[str]:
    """The people a byline names, in order, without the publication and without repeats.

    ``byline`` is the text ('By A and B; C') or names already split.
    """
    pieces = [byline] if isinstance(byline, str) else list(byline)
    names: list[str] = []
    for piece in pieces:
        piece = _BY.sub("", _LABEL.sub("", piece.strip()))
        for part in _SPLIT.split(piece):
            name = _LABEL.sub("", part.strip(" .,-–—"))
            if name and _key(name) in _PLACEHOLDERS:
                continue
            if name and not is_publication(name) and name not in names:
                names.append(name)
    # The site's own name goes only beside someone else: a blog whose name is its
    # author's ('Jane Roe' on janeroe.com) keeps its author.
    sites = _site_keys(site_names, url)
    people = [name for name in names if _key(name) not in sites]
    return people or names


# Where a page marks its author up and trafilatura does not look: the hCard of
# WordPress themes (class "author vcard", the name's element of class "fn"; not a
# comment's "comment-author vcard") and the "Written by" label SEO plugins give
# Twitter ("twitter:label1" "Verfasst von", "twitter:data1" the name).
_HCARD = re.compile(
    r"""class\s*=\s*["'](?:[^"']{0,100}\s)?(?:author\s+vcard|vcard\s+author)(?:\s[^"']{0,100})?"""
    r"""["'].{0,400}?class\s*=\s*["'](?:[^"']{0,100}\s)?fn(?:\s[^"']{0,100})?["'][^>]{0,400}>"""
    r"""(.{1,200}?)</""",
    re.I | re.S,
)
_TWITTER_LABEL = re.compile(
    r"""<meta\s+name\s*=\s*["']twitter:label(\d)["']\s+content\s*=\s*["']([^"']{1,60})["']""",
    re.I,
)
_TWITTER_DATA = (
    r"""<meta\s+name\s*=\s*["']twitter:data{}["']\s+content\s*=\s*["']([^"']{{1,120}})["']"""
)
_WRITTEN_BY = re.compile(
    r"(?<!\w)(?:by|von|par|por|da|door|przez|av|af|written|verfasst|geschrieben|écrit|escrito|"
    r"scritto|autor|autorin|auteur|author|autore|作者)(?!\w)",
    re.I,
)
_MARKUP_READ = 400_000  # characters of the page: the byline is near the top
_LABELS_READ = 4  # twitter:label1 to label4; plugins write one or two


def marked_byline(page: str) -> str | None:
    """The author's name as the page marks it up (hCard, a "Written by" label), if it does."""
    head = page[:_MARKUP_READ]
    for number, label in enumerate(_TWITTER_LABEL.finditer(head)):
        if number == _LABELS_READ:
            break
        if _WRITTEN_BY.search(label.group(2)):
            data = re.search(_TWITTER_DATA.format(label.group(1)), head, re.I)
            if data:
                return markup_text(data.group(1)) or None
    card = _HCARD.search(head)
    if card:
        return markup_text(card.group(1)) or None
    return None


# A byline set as the article's own line: "Von Claudia Lindner", "By Ada Roe", "Autorin: Ines
# Varga". The name is one to four capitalised words, so "Von Risiken und Nebenwirkungen" and
# "von da an" are not bylines.
_BODY_BYLINE = re.compile(
    r"^(?:by|von|par|por|di|door|text|texto|testo|autor|autorin|auteur|autrice|author|autore"
    r"|written\s+by|geschrieben\s+von|verfasst\s+von|écrit\s+par|escrito\s+por)\s*:?\s+"
    r"(?-i:((?:[A-ZÀ-ÖØ-Þ][\w'’.-]*\s+){0,3}[A-ZÀ-ÖØ-Þ][\w'’.-]+))\s*$",
    re.I,
)
_BODY_BYLINE_CHARS = 60
_BODY_BYLINE_BLOCKS = 10  # the first blocks: a byline opens the article


def body_byline(blocks: Sequence[str]) -> str | None:
    """The name in a byline the article's first lines hold ("Von Claudia Lindner"), if any."""
    for text in blocks[:_BODY_BYLINE_BLOCKS]:
        text = text.strip()
        if len(text) <= _BODY_BYLINE_CHARS:
            found = _BODY_BYLINE.match(text)
            if found:
                return found.group(1)
    return None
