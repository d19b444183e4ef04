"""The one table of input formats: each reader's name, file suffixes, media types and module.

Everything that decides how an input is read looks here: the readers (by suffix,
else by sniffing the content), folder expansion (which files of a folder are
articles), and web pages (by media type). Adding a reader is adding a row.
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..model import Document


@dataclass(frozen=True)
class InputFormat:
    """One reader: its name, the suffixes and media types it takes, and where it lives."""

    name: str
    suffixes: tuple[str, ...]
    """File suffixes (lower case, with the dot) read with this reader."""
    media_types: tuple[str, ...]
    """HTTP media types read with this reader."""
    module: str
    """The reader's module inside :mod:`exporter.readers`, imported on first use."""
    function: str


INPUT_FORMATS = (
    InputFormat("text", (".txt", ".text"), ("text/plain",), "text", "read_text"),
    InputFormat("html", (".html", ".htm", ".xhtml"), ("text/html", "application/xhtml+xml"),
                "html", "read_html"),
    InputFormat("markdown", (".md", ".markdown", ".mdown"), ("text/markdown", "text/x-markdown"),
                "markdown", "read_markdown"),
)
"""Every reader, in the order sniffing falls back through (text last)."""

FORMATS = tuple(f.name for f in INPUT_FORMATS)
SUFFIXES = {suffix: f.name for f in INPUT_FORMATS for suffix in f.suffixes}
"""File suffix -> reader name."""
ARTICLE_SUFFIXES = tuple(SUFFIXES)
"""The suffixes of the files a folder is expanded to."""
MEDIA_TYPES = {media: f.name for f in INPUT_FORMATS for media in f.media_types}
"""HTTP media type -> reader name."""

_HTML_SNIFF = re.compile(r"\A\s*(?:<!doctype\s+html|<html\b|<head\b|<body\b|<article\b)", re.I)
_MD_SNIFF = re.compile(
    r"\A---\s*\n|^#{1,6}\s+\S|^\s*[-*+]\s+\S.*\n\s*[-*+]\s+\S|\[[^\]]+\]\([^)]+\)", re.M
)


def format_for_suffix(suffix: str) -> str | None:
    """The reader for a file suffix (``.MD`` -> ``markdown``); ``None``: sniff the content."""
    return SUFFIXES.get(suffix.lower())


def sniff_format(text: str) -> str:
    """``html``, ``markdown`` or ``text``, judged from the content itself."""
    head = text[:4096]
    if _HTML_SNIFF.search(head) or head.lstrip().startswith("<") and "</p>" in text[:100_000]:
        return "html"
    if _MD_SNIFF.search(head):
        return "markdown"
    return "text"


def reader(name: str) -> Callable[..., Document]:
    """The read function of the format ``name`` (one of :data:`FORMATS`)."""
    entry = next(f for f in INPUT_FORMATS if f.name == name)
    module = importlib.import_module(f"{__package__}.{entry.module}")
    function: Callable[..., Document] = getattr(module, entry.function)
    return function
