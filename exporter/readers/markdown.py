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

import yaml

from ..errors import InputError
from ..model import Document
from .build import RawBlock, build_document
from .dates import parse_date

_FRONT_MATTER = re.compile(
    r"\A---[ \t]*\r?\n(?P<yaml>.*?)\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)", re.S
)


def split_front_matter(text: str, source: str) -> tuple[dict[str, Any], str]:
    """The front matter as a mapping, and the body after it."""
    match = _FRONT_MATTER.match(text)
    if match is None:
        return {}, text
    try:
        meta = yaml.safe_load(match["yaml"]) or {}
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f" at line {mark.line + 2}" if mark is not None else ""
        raise InputError(source, f"invalid YAML front matter{where}") from None
    if not isinstance(meta, dict):
        raise InputError(source, "the front matter is not a mapping of keys to values")
    return {str(k).lower(): v for k, v in meta.items()}, text[match.end() :]


def read_markdown(
    text: str,
    *,
    source: str = "<string>",
    fallback_title: str | None = None,
    language: str | None = None,
) -> Document:
    """Parse Markdown (with optional front matter) into a Document."""
    from markdown_it import MarkdownIt

    meta, body = split_front_matter(text, source)
    tokens = MarkdownIt("commonmark").parse(body)
    raw = list(_blocks(tokens))
    title = _text(meta.get("title"))
    if not title and raw and raw[0].kind == "heading" and raw[0].level == 1:
        title = raw.pop(0).text
    authors = meta.get("authors", meta.get("author", ()))
    if isinstance(authors, str):
        authors = [a.strip() for a in re.split(r"\s*(?:,|;|\band\b)\s*", authors) if a.strip()]
    return build_document(
        raw,
        title=title,
        fallback_title=fallback_title or "Untitled article",
        standfirst=_text(meta.get("standfirst") or meta.get("description") or meta.get("subtitle")),
        authors=[_text(a) or "" for a in authors] if isinstance(authors, list) else [],
        place=_text(meta.get("place") or meta.get("dateline")),
        published=parse_date(meta.get("date") or meta.get("published")),
        source_url=_text(meta.get("source") or meta.get("url") or meta.get("source_url")),
        language=language or _text(meta.get("language") or meta.get("lang")),
        source=source,
    )


def _text(value: object) -> str | None:
    if value is None or isinstance(value, dict | list):
        return None
    return str(value).strip() or None


def _blocks(tokens: list[Any]) -> Iterable[RawBlock]:
    """Walk markdown-it's flat token stream, tracking quote and list nesting."""
    quote_depth = 0
    ordered_stack: list[bool] = []
    heading_level = 0
    for token in tokens:
        kind = token.type
        if kind == "blockquote_open":
            quote_depth += 1
        elif kind == "blockquote_close":
            quote_depth -= 1
        elif kind in ("bullet_list_open", "ordered_list_open"):
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
                yield RawBlock("item", text, ordered=ordered_stack[-1])
            elif quote_depth:
                yield RawBlock("quote", text)
            else:
                yield RawBlock("paragraph", text)
        elif kind in ("code_block", "fence", "html_block"):
            # Code and raw HTML are shown as literal text, never interpreted.
            text = token.content.strip()
            if text:
                yield RawBlock("paragraph", text)


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
