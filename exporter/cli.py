"""The command line: argument parsing and exit codes only; the work is the API's.

Exit status: 0 on success; 2 for bad usage, unreadable input or an output that
cannot be written, with a one-line message naming the file and the reason; 75
when ``exporter email`` could not deliver and kept the message in the outbox;
130 and 143 when ``export`` was stopped by SIGINT or SIGTERM (what it wrote is
listed, and no partial file is left); 1 for anything else (a bug), still in
one line. Set EXPORTER_DEBUG=1 for a
traceback.
"""

from __future__ import annotations

import importlib
import os
import sys

from . import __version__
from .commands import COMMANDS, EXIT_INTERNAL, EXIT_OK, EXIT_USAGE
from .errors import ExporterError, UsageError

TYPE_CHECKING = False  # not typing's, which ``exporter --version`` need not import
if TYPE_CHECKING:
    import argparse
    from collections.abc import Sequence
    from typing import Any

    from .commands.common import add_length_arguments

__all__ = ["EXIT_INTERNAL", "EXIT_OK", "EXIT_USAGE", "add_length_arguments", "build_parser",
           "main", "program"]


def __getattr__(name: str) -> object:
    # Kept for older imports; the parser's pieces load only when a command is parsed, so
    # that ``exporter --version`` stays quick.
    if name == "add_length_arguments":
        from .commands import common

        return common.add_length_arguments
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def build_parser() -> argparse.ArgumentParser:
    """The ``exporter`` argument parser with all its commands."""
    from .commands.common import Parser

    parser = Parser(prog="exporter", description=__doc__.split("\n")[0] if __doc__ else None)
    parser.add_argument("--version", action="version", version=f"exporter {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=Parser)
    commands.required = True
    for name in COMMANDS:
        _add_command(commands, name)
    return parser


def _add_command(commands: Any, name: str) -> None:
    """Register the command of ``exporter.commands.<name>``; email is left out when its
    module cannot be imported (a trimmed installation)."""
    try:
        module = importlib.import_module(f".commands.{name}", __package__)
    except ImportError:
        if name != "email":
            raise
        return
    module.add_parser(commands)


def program() -> None:
    """The ``exporter`` program: runs :func:`main` on the command line and exits with its status."""
    from .interrupt import as_the_program

    as_the_program()
    raise SystemExit(main())


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    if list(sys.argv[1:] if argv is None else argv) == ["--version"]:
        # What argparse's version action prints, without building every command's parser.
        print(f"exporter {__version__}")
        return EXIT_OK
    import logging

    from .commands.common import options_from_args

    logging.basicConfig(level=logging.WARNING, format="exporter: %(message)s")
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        options = options_from_args(args)
        handler = getattr(args, "handler", None)
        if handler is not None:
            return int(handler(args, options))
        raise UsageError(f"unknown command {args.command!r}")
    except ExporterError as error:
        print(f"exporter: {error}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        print("exporter: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return EXIT_OK
    except Exception as error:  # a bug: one line, no traceback, unless debugging
        if os.environ.get("EXPORTER_DEBUG"):
            raise
        print(
            f"exporter: internal error: {error!r} (set EXPORTER_DEBUG=1 for details)",
            file=sys.stderr,
        )
        return EXIT_INTERNAL
