"""Markdown with optional YAML front matter (title, author, date, source, language).

markdown-it-py parses the body (CommonMark). Inline markup is reduced to its
text: emphasis markers go, a link keeps its words and loses its target, an image
keeps its alt text, inline HTML is kept as literal text, never as markup. A
level-1 heading at the top becomes the title when the front matter has none.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from ..model import Document
from .build import RawBlock, build_document
from .meta import FrontMatter, load_front_matter

_FRONT_MATTER = re.compile(
    r"\A---[ \t]*\r?\n(?P<yaml>.*?)\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)", re.S
)


def split_front_matter(text: str, source: str) -> tuple[dict[str, Any], str]:
    """The front matter as a mapping with lower-case text keys, and the body after it."""
    match = _FRONT_MATTER.match(text)
    if match is None:
        return {}, text
    return load_front_matter(match["yaml"], source), text[match.end() :]


def read_markdown(
    text: str,
    *,
    source: str = "<string>",
    fallback_title: str | None = None,
    language: str | None = None,
) -> Document:
    """Parse Markdown (with optional front matter) into a Document.

    A front matter value of the wrong type (a title that is a list, a date that
    does not exist) is left out with a warning naming the file and the key.
    """
    from markdown_it import MarkdownIt

    meta, body = split_front_matter(text, source)
    front = FrontMatter(meta, source)
    tokens = MarkdownIt("commonmark").parse(body)
    raw = list(_blocks(tokens))
    title = front.text("title")
    if not title and raw and raw[0].kind == "heading" and raw[0].level == 1:
        title = raw.pop(0).text
    document = build_document(
        raw,
        title=title,
        fallback_title=fallback_title or "Untitled article",
        standfirst=front.text("standfirst", "description", "subtitle"),
        authors=front.authors("authors", "author"),
        place=front.text("place", "dateline"),
        published=front.date("date", "published"),
        source_url=front.text("source", "url", "source_url"),
        language=language or front.text("language", "lang"),
        source=source,
    )
    front.warn_unused_dates()
    return document


def _blocks(tokens: list[Any]) -> Iterable[RawBlock]:
    """Walk markdown-it's flat token stream, tracking quote and list nesting."""
    quote_depth = 0
    ordered_stack: list[bool] = []
    opening: int | None = None  # the number a top-level list starts at, until its first item
    heading_level = 0
    for token in tokens:
        kind = token.type
        if kind == "blockquote_open":
            quote_depth += 1
        elif kind == "blockquote_close":
            quote_depth -= 1
        elif kind in ("bullet_list_open", "ordered_list_open"):
            if not ordered_stack:  # a nested list goes on inside its parent's
                opening = _list_start(token)
            ordered_stack.append(kind == "ordered_list_open")
        elif kind in ("bullet_list_close", "ordered_list_close"):
            ordered_stack.pop()
        elif kind == "heading_open":
            heading_level = int(token.tag[1:])
        elif kind == "heading_close":
            heading_level = 0
        elif kind == "inline":
            text = _inline_text(token)
            if not text.strip():
                continue
            if heading_level:
                yield RawBlock("heading", text, heading_level)
            elif ordered_stack:
                yield RawBlock("item", text, ordered=ordered_stack[-1], start=opening)
                opening = None
            elif quote_depth:
                yield RawBlock("quote", text)
            else:
                yield RawBlock("paragraph", text)
        elif kind in ("code_block", "fence", "html_block"):
            # Code and raw HTML are shown as literal text, never interpreted.
            text = token.content.strip()
            if text:
                yield RawBlock("paragraph", text)


def _list_start(token: Any) -> int:
    """The number an ordered list token counts from (``3.`` gives 3); 1 for bullets."""
    start = token.attrGet("start") if token.type == "ordered_list_open" else None
    try:
        return int(start) if start is not None else 1
    except (TypeError, ValueError):
        return 1


def _inline_text(token: Any) -> str:
    parts: list[str] = []
    for child in token.children or ():
        if child.type in ("text", "code_inline", "html_inline"):
            parts.append(child.content)
        elif child.type == "image":
            parts.append("".join(c.content for c in child.children or ()))
        elif child.type in ("softbreak", "hardbreak"):
            parts.append(" ")
    return "".join(parts)
