"""Turn what a reader found (raw blocks and metadata) into a :class:`Document`.

Every reader ends here, so cleaning, sentence splitting, language detection and
stable sentence positions are done once, the same way for every input format.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date

from ..language import detect_language
from ..language_table import ALIASES
from ..letters import LATIN_UPPER
from ..model import Block, Document, Heading, ListItem, Paragraph, Quote, Sentence
from ..segment import split_sentences
from ..textclean import clean_inline, clean_text

ISO_CODE_LENGTH = 2
# No real paragraph is this long; a longer one is cut into paragraphs between sentences.
MAX_BLOCK_CHARS = 10_000
DATELINE = re.compile(
    rf"""^(?P<place>[{LATIN_UPPER}][{LATIN_UPPER}.'’\- ]{{1,40}}?
                    (?:,\s*[{LATIN_UPPER}][\w.'’\- ]{{1,40}}?)?)
        \s*(?:\((?:AP|AFP|Reuters|[A-Z]{{2,8}})\)\s*)?[—–-]{{1,2}}\s+(?=\S)""",
    re.X,
)


def split_dateline(text: str) -> tuple[str | None, str]:
    """``("Tbilisi, Georgia", rest)`` for text that opens with a dateline, else ``(None, text)``."""
    match = DATELINE.match(text)
    if match is None:
        return None, text
    return _tidy_place(match["place"]), text[match.end() :]


def _tidy_place(place: str) -> str:
    """``TBILISI, Georgia`` -> ``Tbilisi, Georgia``: capitals only where the dateline shouts."""
    parts = [p.strip() for p in place.split(",")]
    tidy = [p.title() if p.isupper() else p for p in parts]
    return ", ".join(p for p in tidy if p)


@dataclass(frozen=True, slots=True)
class RawBlock:
    """A block as a reader found it: ``kind`` is heading, paragraph, quote or item."""

    kind: str
    text: str
    level: int = 1
    ordered: bool = False
    start: int | None = None
    """On the item that opens a list: the number it counts from (see ``ListItem.start``)."""


def normalise_language(code: str | None) -> str | None:
    """``en-GB`` / ``EN_us`` / ``eng`` -> ``en``; ``None`` for nothing usable."""
    if not code:
        return None
    head = code.strip().replace("_", "-").split("-")[0].lower()
    if len(head) == ISO_CODE_LENGTH and head.isalpha():
        return head
    return ALIASES.get(head)


def build_document(
    raw_blocks: Iterable[RawBlock],
    *,
    title: str | None,
    fallback_title: str = "Untitled article",
    standfirst: str | None = None,
    authors: Sequence[str] = (),
    place: str | None = None,
    published: date | None = None,
    source_url: str | None = None,
    language: str | None = None,
    source: str | None = None,
) -> Document:
    """A Document from raw blocks: text cleaned, paragraphs split into sentences."""
    cleaned = [(raw, clean_text(raw.text)) for raw in raw_blocks]
    cleaned = [(raw, text) for raw, text in cleaned if text]
    if title and cleaned and cleaned[0][0].kind == "heading":
        if cleaned[0][1].casefold() == clean_inline(title).casefold():
            cleaned.pop(0)  # the page repeats its headline as the first heading
    # Body headings start at level 1 however deep the source started them.
    levels = sorted({raw.level for raw, _ in cleaned if raw.kind == "heading"})
    sample = _opening(text for _, text in cleaned)
    code = normalise_language(language) or detect_language(
        " ".join(filter(None, [title, sample]))
    )
    if place is None:
        for number, (raw, text) in enumerate(cleaned):
            if raw.kind == "heading":
                continue
            if raw.kind == "paragraph":
                place, rest = split_dateline(text)
                if place is not None and rest:
                    cleaned[number] = (raw, rest)
                else:
                    place = None
            break
    blocks: list[Block] = []
    for raw, text in cleaned:
        if raw.kind == "heading":
            blocks.append(Heading(text, min(levels.index(raw.level) + 1, 6)))
            continue
        pieces = split_sentences(text.replace("\n", " "), code) or [text]
        for number, run in enumerate(_runs(pieces)):
            index = len(blocks)
            sentences = tuple(Sentence(piece, index, i) for i, piece in enumerate(run))
            if raw.kind == "quote":
                blocks.append(Quote(sentences))
            elif raw.kind == "item":
                blocks.append(ListItem(sentences, raw.ordered, None if number else raw.start))
            else:
                blocks.append(Paragraph(sentences))
    clean_title = clean_inline(title or "") or clean_inline(fallback_title) or "Untitled article"
    return Document(
        title=clean_title,
        blocks=tuple(blocks),
        standfirst=clean_inline(standfirst or "") or None,
        authors=tuple(a for a in (clean_inline(x) for x in authors) if a),
        place=clean_inline(place or "") or None,
        published=published,
        source_url=_safe_url(source_url),
        language=code,
        source=source,
    )


def _runs(sentences: list[str]) -> Iterator[list[str]]:
    """The sentences of one block, in runs of at most :data:`MAX_BLOCK_CHARS` characters.

    A paragraph longer than that (a whole article or book on one line, a scrape
    without blank lines) becomes several paragraphs, cut between sentences. What
    works block by block (the extractors' opening, the one-pager's layout, the
    digest's pages) then stays bounded however long the line is.
    """
    run: list[str] = []
    size = 0
    for sentence in sentences:
        if run and size + len(sentence) > MAX_BLOCK_CHARS:
            yield run
            run, size = [], 0
        run.append(sentence)
        size += len(sentence) + 1
    if run:
        yield run


def _opening(texts: Iterable[str], limit: int = 20000) -> str:
    """The first ``limit`` characters of the body, joined without building the whole text."""
    parts: list[str] = []
    size = 0
    for text in texts:
        parts.append(text)
        size += len(text) + 1
        if size >= limit:
            break
    return "\n".join(parts)[:limit]


def _safe_url(url: str | None) -> str | None:
    """Keep only http(s) URLs: a source link must never be ``javascript:`` or a local file."""
    if not url:
        return None
    url = clean_inline(url)
    if url.lower().startswith(("http://", "https://")) and " " not in url:
        return url
    return None
