"""``exporter methods``: list the summarisation methods."""

from __future__ import annotations

import argparse
from typing import Any

from ..config import Options
from .common import EXIT_OK


def add_parser(commands: Any) -> None:
    """Register ``methods`` on argparse's sub-parsers."""
    parser = commands.add_parser(
        "methods",
        help="list the summarisation methods",
        description="List the names --method accepts.",
    )
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace, options: Options) -> int:
    """Print each method's name and description."""
    from ..summarise import method_help

    rows = method_help()
    width = max(len(name) for name, _ in rows)
    for name, description in rows:
        print(f"{name:<{width}}  {description}")
    return EXIT_OK
