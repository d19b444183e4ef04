"""What several commands share: the argument parser's class, the summary flags, the exit
codes and the options the flags give."""

from __future__ import annotations

import argparse
from typing import NoReturn

from ..config import Options, load_options, normalise_page_size
from . import EXIT_INTERNAL, EXIT_OK, EXIT_USAGE

__all__ = ["EXIT_INTERNAL", "EXIT_OK", "EXIT_USAGE", "Parser", "add_length_arguments",
           "options_from_args", "positive_int", "ratio"]


class Parser(argparse.ArgumentParser):
    """argparse, but its errors are one line and exit 2 like every other usage error."""

    def error(self, message: str) -> NoReturn:
        self.exit(EXIT_USAGE, f"{self.prog}: error: {message} (see {self.prog} --help)\n")


def positive_int(text: str) -> int:
    """An argparse type: a whole number above zero."""
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {text!r}") from None
    if value <= 0:
        raise argparse.ArgumentTypeError(f"must be positive: {text!r}")
    return value


def ratio(text: str) -> float:
    """An argparse type: a number above 0 and at most 1."""
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {text!r}") from None
    if not 0 < value <= 1:
        raise argparse.ArgumentTypeError(f"must be between 0 and 1: {text!r}")
    return value


def add_length_arguments(parser: argparse.ArgumentParser) -> None:
    """Add the summary-length and method flags shared by every command that summarises."""
    group = parser.add_argument_group("summary")
    group.add_argument(
        "--sentences",
        "-n",
        type=positive_int,
        metavar="N",
        help="summary length in sentences (default 5, or from the configuration)",
    )
    group.add_argument(
        "--ratio",
        type=ratio,
        metavar="R",
        help="summary length as a fraction of the article's sentences",
    )
    group.add_argument(
        "--words", type=positive_int, metavar="W", help="summary length as a word budget"
    )
    group.add_argument(
        "--method", "-m", metavar="NAME", help="summarisation method (see `exporter methods`)"
    )
    group.add_argument(
        "--language",
        metavar="CODE",
        help="the articles' language (ISO 639-1, e.g. de) instead of detecting it",
    )


def options_from_args(args: argparse.Namespace) -> Options:
    """The configuration files' options, with every flag the command was given on top."""
    options = load_options()
    page_size = getattr(args, "page_size", None)
    return options.replace(
        out_dir=getattr(args, "out", None),
        sentences=getattr(args, "sentences", None),
        ratio=getattr(args, "ratio", None),
        words=getattr(args, "words", None),
        method=getattr(args, "method", None),
        language=getattr(args, "language", None),
        organisation=getattr(args, "organisation", None),
        pdf_page_size=normalise_page_size(page_size) if page_size else None,
        docx_template=getattr(args, "template", None),
        docx_logo=getattr(args, "logo", None),
        docx_logo_text=getattr(args, "logo_text", None),
        epub_css=getattr(args, "css", None),
        template_dir=getattr(args, "template_dir", None),
        digest_title=getattr(args, "digest_title", None),
        order=getattr(args, "order", None),
        preview=True if getattr(args, "preview", False) else None,
        images=True if getattr(args, "images", False) else None,
        image_budget=getattr(args, "image_budget", None),
    )


def add_image_arguments(parser: argparse._ActionsContainer) -> None:
    """``--images`` and ``--image-budget``: opt-in pictures (exporter.images)."""
    parser.add_argument(
        "--images", action="store_true",
        help="fetch each article's lead image and figures into the EPUB and DOCX "
        "(off: nothing is fetched beyond the pages)",
    )
    parser.add_argument(
        "--image-budget", type=byte_size, metavar="SIZE",
        help="bytes per picture after re-encoding, e.g. 200k or 1M (default 200k)",
    )


def byte_size(text: str) -> int:
    """A size such as ``200000``, ``200k``, ``1.5M`` in bytes, at least 1,000."""
    value = text.strip().lower().removesuffix("b")
    scale = {"k": 1_000, "m": 1_000_000}.get(value[-1:], 1)
    number = value[:-1] if scale != 1 else value
    try:
        size = int(float(number) * scale)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a size: {text!r} (say 200k or 1M)") from None
    if not 1_000 <= size <= 50_000_000:
        raise argparse.ArgumentTypeError(f"{text!r}: a picture budget is 1k to 50M")
    return size
