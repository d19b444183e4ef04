"""``exporter doctor``: report, offline, what this installation can do."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from ..config import Options
from .common import EXIT_OK


def add_parser(commands: Any) -> None:
    """Register ``doctor`` on argparse's sub-parsers."""
    doctor = commands.add_parser(
        "doctor", help="report what this installation can do",
        description="Report, offline, which scripts the fonts cover (and, given an article, "
        "whether they cover it), Java and EPUBCheck, LibreOffice, SMTP and library versions.",
    )
    doctor.add_argument("article", nargs="?", type=Path, metavar="ARTICLE",
                        help="also check that the fonts cover this article")
    doctor.set_defaults(handler=run)


def run(args: argparse.Namespace, options: Options) -> int:
    """Print the report, one finding a line."""
    from ..doctor import report

    print("\n".join(report(args.article)))
    return EXIT_OK
