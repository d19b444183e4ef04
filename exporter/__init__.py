"""exporter: news articles to a DOCX briefing, a PDF one-pager and an EPUB digest.

The public API::

    import exporter

    document = exporter.read_article("story.txt")          # or read_string(text)
    summary = exporter.summarise(document, sentences=3)
    exporter.write(document, "out/story.pdf", summary=summary)

Everything here is imported lazily, so ``import exporter`` is cheap and asking
for one format never loads another format's libraries.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from .config import Options, load_options
from .errors import DependencyError, ExporterError, InputError, OutputError, UsageError
from .model import Article, Document, Heading, ListItem, Paragraph, Quote, Sentence, Summary

if TYPE_CHECKING:
    from .pipeline import ExportReport

from .version import __version__

# Email delivery, loaded on first use so that ``import exporter`` stays light.
_DELIVERY = ("DeliveryError", "add_briefings", "build_message", "compose_message",
             "retry_outbox", "save_to_outbox", "send_message")


def __getattr__(name: str) -> object:
    if name in _DELIVERY:
        from . import deliver

        return getattr(deliver, name)
    raise AttributeError(f"module 'exporter' has no attribute {name!r}")


def read_article(
    source: str | Path,
    *,
    language: str | None = None,
    max_bytes: int | None = None,
    timeout: float | None = None,
) -> Document:
    """Read an article file (text, HTML or Markdown; ``-`` for standard input) or fetch
    an ``http``/``https`` URL (within ``timeout`` seconds, default 30)."""
    from .readers import DEFAULT_MAX_BYTES
    from .sources import read_source

    return read_source(source, max_bytes=max_bytes or DEFAULT_MAX_BYTES, language=language,
                       timeout=timeout)


def read_string(text: str, *, format: str | None = None, language: str | None = None) -> Document:
    """Read an article from a string; ``format`` (text, html, markdown) is sniffed if omitted."""
    from .readers import read_string as _read_string

    return _read_string(text, format=format, language=language)


# ``from .summarise import summarise`` first imports the subpackage (which binds the
# name ``summarise`` on this package to the module), then rebinds it to the function;
# a module already imported is never re-bound, so the public name stays the function.
from .summarise import summarise  # noqa: E402

summarize = summarise


def render(
    articles: Article | Document | Sequence[Article | Document],
    format: str,
    options: Options | None = None,
) -> bytes:
    """The bytes of one article, or of several for a combining format such as ``epub``.

    A :class:`Document` without a summary is summarised first, with the options'
    length and method.
    """
    from .pipeline import render as _render
    from .pipeline import summarise_document

    options = options or Options()
    given = [articles] if isinstance(articles, Article | Document) else list(articles)
    items = [a if isinstance(a, Article) else summarise_document(a, options) for a in given]
    return _render(items, format, options)


def write(
    document: Document,
    path: str | Path,
    *,
    summary: Summary | None = None,
    options: Options | None = None,
) -> Path:
    """Write ``document`` to ``path``; the format comes from the suffix (.docx, .pdf, .epub).

    Without ``summary`` the document is summarised with the options' length and
    method. The file is written atomically.
    """
    from .pipeline import summarise_document, write_atomically
    from .writers import writer_for_suffix

    options = options or Options()
    target = Path(path)
    writer = writer_for_suffix(target.suffix)
    article = Article(document, summary) if summary else summarise_document(document, options)
    return write_atomically(target, render(article, writer.name, options))


def export(
    sources: list[str | Path], options: Options | None = None, formats: list[str] | None = None
) -> ExportReport:
    """Export article files in several formats into ``options.out_dir``; see the CLI's export."""
    from .pipeline import export as _export

    return _export(sources, options or Options(), formats=formats)


__all__ = [
    "Article",
    "DeliveryError",
    "DependencyError",
    "Document",
    "ExporterError",
    "Heading",
    "InputError",
    "ListItem",
    "Options",
    "OutputError",
    "Paragraph",
    "Quote",
    "Sentence",
    "Summary",
    "UsageError",
    "__version__",
    "add_briefings",
    "build_message",
    "compose_message",
    "export",
    "load_options",
    "read_article",
    "read_string",
    "render",
    "retry_outbox",
    "save_to_outbox",
    "send_message",
    "summarise",
    "summarize",
    "write",
]
