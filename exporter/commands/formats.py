"""``exporter formats``: list the installed output formats."""

from __future__ import annotations

import argparse
from typing import Any

from ..config import Options
from ..errors import ExporterError
from .common import EXIT_OK


def add_parser(commands: Any) -> None:
    """Register ``formats`` on argparse's sub-parsers."""
    parser = commands.add_parser(
        "formats",
        help="list the installed output formats",
        description="List the names --format accepts, built-in and plug-in.",
    )
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace, options: Options) -> int:
    """Print each format's name, file suffix and media type (or why it is unavailable)."""
    from ..writers import available_formats, get_writer

    for name in available_formats():
        try:
            writer = get_writer(name)
        except ExporterError as error:
            print(f"{name}\tunavailable: {error}")
            continue
        print(f"{name}\t{writer.extension}\t{writer.media_type}")
    return EXIT_OK
