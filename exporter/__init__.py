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

import importlib
import sys
import types

from .errors import (
    DeliveryError,
    DependencyError,
    ExporterError,
    InputError,
    OutputError,
    UsageError,
)
from .version import __version__

# Not ``from typing import TYPE_CHECKING``: typing (and the re it imports) would be most of
# what ``import exporter`` costs. Type checkers treat a name TYPE_CHECKING as True.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Sequence
    from pathlib import Path

    from .config import Options, load_options
    from .deliver import (
        add_briefings,
        build_message,
        compose_message,
        retry_outbox,
        save_to_outbox,
        send_message,
    )
    from .model import (
        Article,
        Document,
        Heading,
        ListBlock,
        ListItem,
        Paragraph,
        Quote,
        Sentence,
        Summary,
    )
    from .pipeline import ExportReport, Failure
    from .summarise import summarise

    summarize = summarise

# Each public name's module, imported on first use: ``import exporter`` loads only the
# exceptions and the version (no numpy, scipy, reportlab, docx, ebooklib or babel).
_HOME = {
    "Options": "config", "load_options": "config",
    "Article": "model", "Document": "model", "Heading": "model", "ListBlock": "model",
    "ListItem": "model",
    "Paragraph": "model", "Quote": "model", "Sentence": "model", "Summary": "model",
    "ExportReport": "pipeline", "Failure": "pipeline",
    "summarise": "summarise", "summarize": "summarise",
    "add_briefings": "deliver", "build_message": "deliver", "compose_message": "deliver",
    "retry_outbox": "deliver", "save_to_outbox": "deliver", "send_message": "deliver",
}
_ALIASES = {"summarize": "summarise"}


def __getattr__(name: str) -> object:
    home = _HOME.get(name)
    if home is None:
        raise AttributeError(f"module 'exporter' has no attribute {name!r}")
    value = getattr(importlib.import_module(f".{home}", __name__), _ALIASES.get(name, name))
    globals()[name] = value
    return value


class _Package(types.ModuleType):
    """This package's module object: ``exporter.summarise`` stays the function.

    Importing a subpackage binds it on its parent, so the first import of
    ``exporter.summarise`` (by the pipeline, say) would replace the public function of
    that name with the subpackage; the subpackage stays reachable through
    ``sys.modules`` and ``from exporter.summarise import ...`` all the same.
    """

    def __setattr__(self, name: str, value: object) -> None:
        if name == "summarise" and isinstance(value, types.ModuleType):
            return
        super().__setattr__(name, value)


sys.modules[__name__].__class__ = _Package


def read_article(
    source: str | Path,
    *,
    language: str | None = None,
    max_bytes: int | None = None,
    timeout: float | None = None,
) -> Document:
    """Read an article file (text, HTML or Markdown; ``-`` for standard input) or fetch
    an ``http``/``https`` URL (within ``timeout`` seconds, default 30).

    Raises :class:`UsageError` for an argument of the wrong type (``source`` must
    be a ``str`` or ``Path``, ``max_bytes`` a positive whole number) and
    :class:`InputError` when the article cannot be read (missing, not a regular
    file, over ``max_bytes``, empty, binary, or a URL that cannot be fetched).
    """
    from .arguments import check_count, check_optional_text, check_path
    from .readers import DEFAULT_MAX_BYTES
    from .sources import read_source

    check_path("read_article", "source", source)
    check_optional_text("read_article", "language", language)
    check_count("read_article", "max_bytes", max_bytes)
    if max_bytes is not None and max_bytes <= 0:
        raise UsageError(f"read_article(): max_bytes must be positive, not {max_bytes}")
    return read_source(source, max_bytes=max_bytes or DEFAULT_MAX_BYTES, language=language,
                       timeout=timeout)


def read_string(text: str, *, format: str | None = None, language: str | None = None) -> Document:
    """Read an article from a string; ``format`` (text, html, markdown) is sniffed if omitted.

    Raises :class:`UsageError` when ``text`` is not a ``str`` (bytes go through
    :func:`read_article` or ``exporter.readers.read_bytes``) or ``format`` is unknown,
    and :class:`InputError` when the text holds no article.
    """
    from .arguments import check_optional_text, check_type
    from .readers import FORMATS
    from .readers import read_string as _read_string

    check_type("read_string", "text", text, str, "a str")
    check_optional_text("read_string", "format", format)
    check_optional_text("read_string", "language", language)
    if format is not None and format not in FORMATS:
        raise UsageError(
            f"read_string(): unknown format {format!r} (choose from {', '.join(FORMATS)})"
        )
    return _read_string(text, format=format, language=language)


def render(
    articles: Article | Document | Sequence[Article | Document],
    format: str,
    options: Options | None = None,
) -> bytes:
    """The bytes of one article, or of several for a combining format such as ``epub``.

    A :class:`Document` without a summary is summarised first, with the options'
    length and method. Raises :class:`UsageError` for an argument of the wrong
    type, an unknown format or several articles for a one-article format.
    """
    from .model import Article
    from .pipeline import render as _render
    from .pipeline import summarise_document

    options = _options("render", options)
    given = _articles("render", articles)
    _check_format("render", format)
    items = [a if isinstance(a, Article) else summarise_document(a, options) for a in given]
    if not items:
        raise UsageError("render(): no articles given")
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
    method. The file is written atomically. Raises :class:`UsageError` for an
    argument of the wrong type or a suffix no format writes, :class:`OutputError`
    when the file cannot be written.
    """
    from .arguments import check_path, check_type
    from .model import Article, Document, Summary
    from .pipeline import summarise_document, write_atomically
    from .writers import writer_for_suffix

    check_type("write", "document", document, Document, "a Document")
    target = check_path("write", "path", path)
    check_type("write", "summary", summary, Summary | None, "a Summary or None")
    options = _options("write", options)
    writer = writer_for_suffix(target.suffix)
    article = Article(document, summary) if summary else summarise_document(document, options)
    return write_atomically(target, render(article, writer.name, options))


def export(
    sources: Sequence[str | Path] | str | Path,
    options: Options | None = None,
    formats: Sequence[str] | None = None,
) -> ExportReport:
    """Export article files in several formats into ``options.out_dir``; see the CLI's export.

    ``sources`` is a list of paths (one path alone is taken as a list of one).
    Raises :class:`UsageError` for an argument of the wrong type or an unknown
    format; an article that cannot be read is a failure in the report, not an
    exception.
    """
    from collections.abc import Sequence
    from pathlib import Path

    from .arguments import check_path
    from .pipeline import export as _export

    options = _options("export", options)
    if isinstance(sources, str | Path):
        sources = [sources]
    if not isinstance(sources, Sequence) or isinstance(sources, bytes):
        raise UsageError(
            f"export(): sources must be a list of paths, not {type(sources).__name__}"
        )
    for source in sources:
        check_path("export", "each source", source)
    if formats is not None:
        if isinstance(formats, str) or not isinstance(formats, Sequence):
            raise UsageError(
                f"export(): formats must be a list of format names, not {type(formats).__name__}"
            )
        for name in formats:
            _check_format("export", name)
    return _export(list(sources), options,
                   formats=list(formats) if formats is not None else None)


def _options(function: str, options: object) -> Options:
    """``options``, or the defaults for ``None``; ``UsageError`` for anything else."""
    from .arguments import check_type
    from .config import Options

    check_type(function, "options", options, Options | None, "an Options or None")
    return options if isinstance(options, Options) else Options()


def _articles(function: str, articles: object) -> list[Article | Document]:
    """``articles`` as a list, each an Article or a Document; ``UsageError`` otherwise."""
    from collections.abc import Sequence

    from .model import Article, Document

    if isinstance(articles, Article | Document):
        return [articles]
    if isinstance(articles, str | bytes) or not isinstance(articles, Sequence):
        raise UsageError(f"{function}(): articles must be an Article, a Document or a list "
                         f"of them, not {type(articles).__name__}")
    for item in articles:
        if not isinstance(item, Article | Document):
            raise UsageError(f"{function}(): each article must be an Article or a Document, "
                             f"not {type(item).__name__}")
    return list(articles)


def _check_format(function: str, name: object) -> None:
    if not isinstance(name, str):
        raise UsageError(f"{function}(): a format must be a name such as 'pdf', "
                         f"not {type(name).__name__}")


__all__ = [
    "Article",
    "DeliveryError",
    "DependencyError",
    "Document",
    "ExportReport",
    "ExporterError",
    "Failure",
    "Heading",
    "InputError",
    "ListBlock",
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
