"""Plain text as scraped from the web.

Scraped text carries page furniture (skip links, tracker names, share buttons,
cookie notices), bylines and timestamps around the story. This reader drops
them, takes the headline as the title when there is one, and records the
dateline's place ("TBILISI, Georgia — ..."). A headline is a short line standing
alone in its own block with no closing sentence punctuation: a file that starts
straight with the body keeps its first paragraph as body text.
"""

from __future__ import annotations

import dataclasses
import re
from datetime import date
from pathlib import Path

from ..errors import InputError
from ..letters import LATIN_UPPER
from ..model import Document
from . import bylines
from .build import DATELINE, RawBlock, build_document
from .dates import parse_date

_FURNITURE = re.compile(
    r"""(?ix)
    skip\s+to\s+(?:main\s+)?(?:content|navigation)|scorecardresearch|googletagmanager|doubleclick
    |^advertisement$|^advert$|^sponsored(?:\s+content)?$|cookies?\b.*\b(?:accept|consent|policy|use)
    |^(?:accept|reject)\s+(?:all|cookies)|^sign\s+(?:up|in)\b|^log\s*in\b|^subscribe\b
    |^(?:get\s+)?(?:our|the)\s+newsletter|^share\s+(?:this|on|via|article)|^follow\s+us
    |^read\s+more\b|^related\s*(?:articles|stories|coverage|content)?:?$|^most\s+(?:read|popular)
    |all\s+rights\s+reserved|^copyright\b|^©|^click\s+here|download\s+the\s+app
    |^listen\s+to\s+this\s+article|^back\s+to\s+top|^toggle\s+navigation|^(?:main\s+)?menu$
    |^privacy\s+policy|^terms\s+of\s+(?:use|service)|^(?:photo|image|video|credit)s?\s*:
    |\b(?:ap\s+photo|getty\s+images|afp\s+via\s+getty)\b|^\(?(?:photo|image)\s+by\b
    """
)
_NAV_WORDS = {
    "share",
    "tweet",
    "email",
    "print",
    "comments",
    "comment",
    "search",
    "home",
    "menu",
    "facebook",
    "twitter",
    "linkedin",
    "whatsapp",
    "reddit",
    "copy link",
    "save",
    "close",
    "next",
    "previous",
    "more",
    "x",
    "watch",
    "live",
    "video",
}
# Furniture that a scrape glues to the front of the first real line.
_LEADING_FURNITURE = re.compile(
    r"^(?:(?:scorecardresearch|skip\s+to\s+(?:main\s+)?content|advertisement)\s*)+", re.I
)
_BYLINE = re.compile(r"^(?:by|written\s+by|von|par|por|di|door)\s+(?P<names>.+)$", re.I)
_NAME = re.compile(
    rf"^[{LATIN_UPPER}][\w.'’-]*"
    rf"(?:\s+(?:[{LATIN_UPPER}][\w.'’-]*|de|van|von|da|del|la|le|bin|al-?\w*)){{0,4}}$"
)
_TIMESTAMP = re.compile(
    r"^(?:updated|published|posted|last\s+(?:updated|modified)|first\s+published)\b", re.I
)
_CRUMB = re.compile(r"\s[|›»>/·•]\s")
_CRUMB_SPLIT = re.compile(r"\s+[|›»>/·•]\s+")
_LIST_ITEM = re.compile(r"^\s*(?:(?P<bullet>[-*•·–])|(?P<number>\d{1,3})[.)])\s+(?P<text>\S.*)$")
_SENTENCE_END = re.compile(r"[.!?…:;,]['\"’”»)]*$")
_HEADLINE_MAX_WORDS = 25
_SUBHEADING_MAX_WORDS = 12
_HEADLINE_MAX_CHARS = 200
_SUBHEADING_MAX_CHARS = 1000


def read_text(
    text: str,
    *,
    source: str = "<string>",
    fallback_title: str | None = None,
    language: str | None = None,
) -> Document:
    """Parse scraped plain text into a Document."""
    blocks = _blocks(text)
    authors: list[str] = []
    published: date | None = None
    kept: list[list[str]] = []
    for lines in blocks:
        body = []
        for line in lines:
            line = _LEADING_FURNITURE.sub("", line)
            if not line or _is_furniture(line):
                continue
            byline = _byline(line)
            if byline is not None:
                authors.extend(a for a in byline if a not in authors)
                continue
            if _is_timestamp(line):
                published = published or parse_date(line)
                continue
            body.append(line)
        if body:
            kept.append(body)

    if len(kept) == 1 and len(kept[0]) == 1 and _looks_like_headline(kept[0][0]):
        raise InputError(source, "has a headline but no article text")
    title = None
    if len(kept) > 1 and len(kept[0]) == 1 and _looks_like_headline(kept[0][0]):
        title = kept.pop(0)[0]
    elif (
        kept
        and len(kept[0]) > 1
        and _looks_like_headline(kept[0][0])
        and DATELINE.match(kept[0][1])
    ):
        title = kept[0].pop(0)

    raw: list[RawBlock] = []
    for number, lines in enumerate(kept):
        raw.extend(_raw_blocks(lines, first=number == 0))
    raw = _continued_lists(raw)
    return build_document(
        raw,
        title=title,
        fallback_title=fallback_title or "Untitled article",
        authors=authors,
        language=language,
        published=published,
        source=source,
    )


def _blocks(text: str) -> list[list[str]]:
    """Lines grouped by blank lines, each line stripped."""
    blocks: list[list[str]] = []
    current: list[str] = []
    for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        line = line.strip()
        if line:
            current.append(line)
        elif current:
            blocks.append(current)
            current = []
    if current:
        blocks.append(current)
    return blocks


def _raw_blocks(lines: list[str], *, first: bool) -> list[RawBlock]:
    """A group of lines as paragraphs, list items, quotes or a subheading."""
    out: list[RawBlock] = []
    prose: list[str] = []

    def flush() -> None:
        if prose:
            out.append(RawBlock("paragraph", " ".join(prose)))
            prose.clear()

    for line in lines:
        item = _LIST_ITEM.match(line)
        if item:
            flush()
            number = item["number"]
            out.append(RawBlock("item", item["text"], ordered=number is not None,
                                start=int(number) if number is not None else 1))
        elif line.startswith(">"):
            flush()
            out.append(RawBlock("quote", line.lstrip("> ")))
        else:
            prose.append(line)
    flush()
    if (
        not first
        and len(out) == 1
        and out[0].kind == "paragraph"
        and len(lines) == 1
        and _looks_like_subheading(lines[0])
    ):
        return [RawBlock("heading", lines[0], 2)]
    return out


def _continued_lists(raw: list[RawBlock]) -> list[RawBlock]:
    """``raw`` with the list number kept only on the item that opens a list: an item right
    after one of the same kind goes on with its list, blank line or not."""
    out: list[RawBlock] = []
    for block in raw:
        previous = out[-1] if out else None
        if (block.kind == "item" and previous is not None and previous.kind == "item"
                and previous.ordered == block.ordered):
            block = dataclasses.replace(block, start=None)
        out.append(block)
    return out


def _is_furniture(line: str) -> bool:
    if line.lower().strip(" |·•") in _NAV_WORDS:
        return True
    if _CRUMB.search(line) is not None:
        crumbs = [c for c in _CRUMB_SPLIT.split(line) if c]
        if len(crumbs) >= 3 and all(len(c.split()) <= 3 for c in crumbs):
            return True  # a breadcrumb or menu: "Home | News | Sport"
    return len(line) <= 150 and _FURNITURE.search(line) is not None and len(line.split()) <= 20


def _byline(line: str) -> list[str] | None:
    """The names in a byline such as ``By Ann Lee and Bo Kim, Associated Press``; else None."""
    match = _BYLINE.match(line)
    if match is None or len(line) > 120:
        return None
    parts = re.split(r"\s*(?:,|\band\b|&|\||/|;|\bund\b|\bet\b|\by\b)\s*", match["names"])
    names = [p.strip() for p in parts if p.strip()]
    if not names or not _NAME.match(names[0]):
        return None
    return [n for n in names if _NAME.match(n) and not bylines.is_publication(n)]


def _is_timestamp(line: str) -> bool:
    if len(line) > 100:
        return False
    if _TIMESTAMP.match(line):
        return True
    stripped = re.sub(r"\d{1,2}:\d{2}\s*(?:[ap]\.?m\.?)?\s*(?:[A-Z]{2,4})?", "", line, flags=re.I)
    return parse_date(line) is not None and len(stripped.split()) <= 6


def _looks_like_headline(line: str) -> bool:
    if len(line) > _HEADLINE_MAX_CHARS:  # before split(): a one-line book has millions of words
        return False
    words = line.split()
    return (
        2 <= len(words) <= _HEADLINE_MAX_WORDS
        and not _SENTENCE_END.search(line)
        and not DATELINE.match(line)
        and not _LIST_ITEM.match(line)
    )


def _looks_like_subheading(line: str) -> bool:
    if len(line) > _SUBHEADING_MAX_CHARS:
        return False
    words = line.split()
    return (
        1 <= len(words) <= _SUBHEADING_MAX_WORDS
        and not _SENTENCE_END.search(line)
        and (line[0].isupper() or not line[0].isalpha())
        and not line.startswith(('"', "“", "«", "„"))
    )


def title_from_filename(path: Path) -> str:
    """A neutral title from a file name: ``rail-yard_vote.txt`` -> ``Rail yard vote``."""
    stem = re.sub(r"[-_.]+", " ", path.stem).strip()
    return stem[:1].upper() + stem[1:] if stem else "Untitled article"
