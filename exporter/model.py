"""The document model: what every reader produces and every writer consumes.

A :class:`Document` is immutable. Its body is an ordered tuple of blocks; every
block that carries prose (paragraph, quote, list item) is split into
:class:`Sentence` objects whose position ``(paragraph, index)`` is stable: the
block's index in ``Document.blocks`` and the sentence's index within the block.
No field knows about DOCX, PDF or EPUB.

Every text in the model is clean (:func:`~exporter.textclean.clean_inline`): a
sentence, a heading, the metadata and a picture's words are cleaned when they are
made, whoever makes them (a reader, or a caller building a document by hand), so
no writer has to. Text that is already clean, as a reader's is, passes the
cleaner's quick check and is kept as it is.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date

from .textclean import clean_inline

WORDS_PER_MINUTE = 230
_WORD = re.compile(r"\w+(?:['’]\w+)*")


def _clean_fields(value: object, *names: str) -> None:
    """Clean the text fields ``names`` of a frozen ``value`` as it is made (``None`` stays)."""
    for name in names:
        text = getattr(value, name)
        if text is not None:
            cleaned = clean_inline(text)
            if cleaned != text:
                object.__setattr__(value, name, cleaned)  # still being made: not a change


@dataclass(frozen=True, slots=True)
class Sentence:
    """One sentence of a prose block, at a stable position in its document."""

    text: str
    paragraph: int
    index: int

    def __post_init__(self) -> None:
        _clean_fields(self, "text")

    @property
    def position(self) -> tuple[int, int]:
        """``(paragraph index, sentence index)``: the sentence's stable id."""
        return (self.paragraph, self.index)

    @property
    def anchor(self) -> str:
        """An identifier safe in XML, HTML and OOXML bookmarks (``s3-1``)."""
        return f"s{self.paragraph}-{self.index}"


@dataclass(frozen=True, slots=True)
class Heading:
    """A section heading inside the article body; ``level`` 1 is the highest."""

    text: str
    level: int = 1

    def __post_init__(self) -> None:
        _clean_fields(self, "text")


@dataclass(frozen=True, slots=True)
class Paragraph:
    """A paragraph of body text."""

    sentences: tuple[Sentence, ...]

    @property
    def text(self) -> str:
        return " ".join(s.text for s in self.sentences)


@dataclass(frozen=True, slots=True)
class Quote:
    """A block quotation (a pull quote or quoted passage set off from the body)."""

    sentences: tuple[Sentence, ...]

    @property
    def text(self) -> str:
        return " ".join(s.text for s in self.sentences)


@dataclass(frozen=True, slots=True)
class ListItem:
    """One item of a bulleted or numbered list; :class:`ListBlock` gathers a list's items."""

    sentences: tuple[Sentence, ...]
    ordered: bool = False
    start: int | None = None
    """Set by a reader on the item that opens a list: the number the list counts from
    (``3.`` in Markdown or text; 1 for a bullet list). ``None`` on an item that goes on
    with the list before it, and wherever a reader did not say."""

    @property
    def text(self) -> str:
        return " ".join(s.text for s in self.sentences)


Block = Heading | Paragraph | Quote | ListItem


@dataclass(frozen=True, slots=True)
class ListBlock:
    """A list: its items, as they stand one after another in ``Document.blocks``.

    Items keep their own places among the blocks, so sentence positions do not
    depend on lists; a writer reads a list from :meth:`Document.body` or
    :meth:`Document.list_at` and never regroups the items itself.
    """

    items: tuple[ListItem, ...]
    ordered: bool
    start: int
    """The number of the first item (numbered lists; 1 for bullets)."""
    first: int
    """The index in ``Document.blocks`` of the first item."""

    @property
    def indices(self) -> range:
        """The indices in ``Document.blocks`` of the items."""
        return range(self.first, self.first + len(self.items))

    def number(self, index: int) -> int | None:
        """The number shown for the item at block ``index``; ``None`` in a bullet list."""
        if not self.ordered:
            return None
        return self.start + index - self.first


BodyBlock = Heading | Paragraph | Quote | ListBlock
"""A block of the body as a writer lays it out: lists gathered (:meth:`Document.body`)."""


def group_lists(blocks: Sequence[Block]) -> tuple[ListBlock, ...]:
    """The lists among ``blocks``: each run of list items, cut where an item opens a new
    list (its ``start`` is set) or turns from bullets to numbers or back."""
    lists: list[ListBlock] = []
    items: list[ListItem] = []
    first = 0

    def close() -> None:
        if items:
            start = items[0].start
            lists.append(ListBlock(tuple(items), items[0].ordered,
                                   1 if start is None else start, first))
            items.clear()

    for index, block in enumerate(blocks):
        if not isinstance(block, ListItem):
            close()
            continue
        if items and (block.start is not None or block.ordered != items[0].ordered):
            close()
        if not items:
            first = index
        items.append(block)
    close()
    return tuple(lists)


@dataclass(frozen=True, slots=True)
class Picture:
    """A picture of the article, fetched on request (``--images``) and re-encoded.

    ``data`` is JPEG or PNG (``media_type``), at most a budget's bytes, with no
    metadata of the original. ``alt`` is the text alternative read by screen
    readers (the page's ``alt``, else its caption, else empty: decorative).
    """

    data: bytes = field(repr=False)
    media_type: str
    width: int
    height: int
    alt: str = ""
    caption: str | None = None
    lead: bool = False

    def __post_init__(self) -> None:
        _clean_fields(self, "alt", "caption")


@dataclass(frozen=True, slots=True)
class ImageRef:
    """A picture a page shows: an absolute http(s) address and the words that go with it."""

    url: str
    alt: str
    """The page's text alternative (``alt``, else the caption, else empty)."""
    caption: str | None = None
    lead: bool = False
    """The page's own choice of picture for the article (``og:image``)."""

    def __post_init__(self) -> None:
        _clean_fields(self, "alt", "caption")


@dataclass(frozen=True, slots=True)
class Document:
    """An article: metadata and an ordered body of blocks.

    ``title`` is never empty: a reader that finds no headline derives a neutral
    title (from the file name, say) rather than promoting body text.
    """

    title: str
    blocks: tuple[Block, ...]
    standfirst: str | None = None
    authors: tuple[str, ...] = ()
    place: str | None = None
    published: date | None = None
    source_url: str | None = None
    language: str = "en"
    source: str | None = field(default=None, compare=False)
    """Where the article was read from (a path, ``-`` or ``<string>``); not shown as the source."""
    image_refs: tuple[ImageRef, ...] = field(default=(), compare=False, repr=False)
    """Pictures the page shows, as addresses: noted by the reader, fetched only on request."""
    pictures: tuple[Picture, ...] = ()
    """Pictures fetched with ``--images``, the lead image first."""
    _word_count: int = field(default=-1, init=False, repr=False, compare=False)
    _lists: tuple[tuple[ListBlock, ...], dict[int, ListBlock]] | None = field(
        default=None, init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        _clean_fields(self, "title", "standfirst", "place", "source_url", "language")
        cleaned = tuple(clean_inline(name) for name in self.authors)
        if cleaned != self.authors:
            object.__setattr__(self, "authors", cleaned)

    def sentences(self) -> Iterator[Sentence]:
        """Every sentence of the body's prose blocks, in document order."""
        for block in self.blocks:
            if not isinstance(block, Heading):
                yield from block.sentences

    def sentence_at(self, paragraph: int, index: int) -> Sentence:
        """The sentence at a stable position; raises ``LookupError`` if there is none."""
        try:
            block = self.blocks[paragraph]
        except IndexError:
            raise LookupError(f"no block {paragraph}") from None
        if isinstance(block, Heading) or not 0 <= index < len(block.sentences):
            raise LookupError(f"no sentence {index} in block {paragraph}")
        return block.sentences[index]

    @property
    def lists(self) -> tuple[ListBlock, ...]:
        """The body's lists, in order (found once, then kept)."""
        return self._found_lists()[0]

    def list_at(self, index: int) -> ListBlock | None:
        """The list whose item is ``blocks[index]``; ``None`` for a block outside a list."""
        return self._found_lists()[1].get(index)

    def body(self) -> Iterator[tuple[int, BodyBlock]]:
        """The body as a writer lays it out: ``(index in blocks, block)``, each list once,
        as a :class:`ListBlock` at the index of its first item."""
        lists = self._found_lists()[1]
        for index, block in enumerate(self.blocks):
            if isinstance(block, ListItem):
                found = lists[index]
                if found.first == index:
                    yield index, found
            else:
                yield index, block

    def _found_lists(self) -> tuple[tuple[ListBlock, ...], dict[int, ListBlock]]:
        if self._lists is None:
            lists = group_lists(self.blocks)
            index = {i: block for block in lists for i in block.indices}
            object.__setattr__(self, "_lists", (lists, index))  # a cache, not a change of state
        assert self._lists is not None
        return self._lists

    @property
    def text(self) -> str:
        """The body as plain text, one block per line."""
        return "\n".join(block.text for block in self.blocks)

    @property
    def word_count(self) -> int:
        """Words in the body (headings included, title and standfirst not); counted once."""
        if self._word_count < 0:
            count = sum(len(_WORD.findall(block.text)) for block in self.blocks)
            object.__setattr__(self, "_word_count", count)  # a cache, not a change of state
        return self._word_count

    @property
    def reading_time(self) -> int:
        """Minutes to read the body at 230 words a minute; at least one."""
        return max(1, math.ceil(self.word_count / WORDS_PER_MINUTE))


@dataclass(frozen=True, slots=True)
class Summary:
    """Sentences chosen from a document, in document order."""

    sentences: tuple[Sentence, ...]
    method: str

    @property
    def texts(self) -> list[str]:
        return [s.text for s in self.sentences]


@dataclass(frozen=True, slots=True)
class Article:
    """A document together with its summary: what a writer is given."""

    document: Document
    summary: Summary
