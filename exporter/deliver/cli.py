"""The ``exporter email`` command, which now lives in :mod:`exporter.commands.email`.

Kept so that ``from exporter.deliver.cli import add_email_parser, run_email`` goes
on working; the delivery layer itself no longer depends on the command line.
"""

from __future__ import annotations

from ..commands.email import (
    DESCRIPTION,
    EXIT_FAILED,
    EXIT_OK,
    EXIT_QUEUED,
    add_email_parser,
    run_email,
)

__all__ = ["DESCRIPTION", "EXIT_FAILED", "EXIT_OK", "EXIT_QUEUED", "add_email_parser",
           "run_email"]
