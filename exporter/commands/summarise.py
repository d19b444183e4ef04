"""``exporter summarise``: print the extractive summary of articles."""

from __future__ import annotations

import argparse
import json
import os
import sys
from typing import TYPE_CHECKING, Any

from ..config import Options
from ..errors import ExporterError
from .common import EXIT_INTERNAL, EXIT_OK, EXIT_USAGE, add_length_arguments

if TYPE_CHECKING:
    from ..model import Article


def add_parser(commands: Any) -> None:
    """Register ``summarise`` (and its alias ``summarize``) on argparse's sub-parsers."""
    summarise = commands.add_parser(
        "summarise",
        aliases=["summarize"],
        help="print the extractive summary of articles",
        description="Print each article's summary sentences, in document order.",
    )
    summarise.add_argument(
        "articles", nargs="+", metavar="ARTICLE", help="article files; - for standard input"
    )
    add_length_arguments(summarise)
    summarise.add_argument(
        "--json",
        action="store_true",
        help="one JSON object per article per line: source, title, sentences",
    )

    summarise.set_defaults(handler=run)


def run(args: argparse.Namespace, options: Options) -> int:
    """Print each article's summary; a bad article is reported at the end and the rest go on.

    As with ``export``: exit 2 if an article could not be read, 1 if one met a bug.
    """
    from ..pipeline import read_article
    from ..summarise import resolve_method

    resolve_method(options.method)
    failures: list[str] = []
    internal = False
    for source in args.articles:
        try:
            article = read_article(source, options)
        except ExporterError as error:
            failures.append(str(error))
            continue
        except Exception as error:  # a bug: report it with the others, and go on
            if os.environ.get("EXPORTER_DEBUG"):
                raise
            failures.append(f"{source}: internal error: {error!r}")
            internal = True
            continue
        _print_summary(args, source, article)
    for failure in failures:
        print(f"exporter: {failure}", file=sys.stderr)
    if len(args.articles) > 1 and failures:
        print(f"exporter: {len(args.articles)} articles, {len(failures)} failed", file=sys.stderr)
    if not failures:
        return EXIT_OK
    return EXIT_INTERNAL if internal else EXIT_USAGE


def _print_summary(args: argparse.Namespace, source: str, article: Article) -> None:
    document = article.document
    sentences = article.summary.texts
    if args.json:
        print(
            json.dumps(
                {
                    "source": source,
                    "title": document.title,
                    "language": document.language,
                    "method": article.summary.method,
                    "sentences": sentences,
                    "positions": [list(s.position) for s in article.summary.sentences],
                },
                ensure_ascii=False,
            )
        )
    else:
        if len(args.articles) > 1:
            print(f"== {document.title} ({source})")
        for sentence in sentences:
            print(f"- {sentence}")
