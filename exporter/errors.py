"""The exceptions exporter raises on purpose.

    ExporterError             anything the user can act on; the CLI exits 2 with its message
     ├── InputError           an article cannot be read (missing, binary, empty, too large)
     ├── UsageError           a bad option, format name, method or configuration value
     ├── OutputError          an output cannot be written (folder not writable, unsupported script)
     └── DependencyError      an optional library or external tool is missing; says what to install

Any other exception is a bug: the CLI reports it in one line and exits 1.
"""

from __future__ import annotations


class ExporterError(Exception):
    """Base class: a problem with a one-line message that tells the user what to fix."""


class InputError(ExporterError):
    """An article cannot be read: the message names the file and the reason."""

    def __init__(self, source: str, reason: str) -> None:
        super().__init__(f"{source}: {reason}")
        self.source = source
        self.reason = reason


class UsageError(ExporterError):
    """A bad option, format, method or configuration value."""


class OutputError(ExporterError):
    """An output file cannot be written."""


class DependencyError(ExporterError):
    """An optional library or external tool is missing."""
