"""The exceptions exporter raises on purpose: one tree, every layer's errors in it.

    Exception
     └── ExporterError               anything the user can act on; the CLI exits 2 with
          │                          its message
          ├── InputError             an article cannot be read (missing, binary, empty,
          │    │                     too large)
          │    └── FetchError (web.fetch)   a URL could not be fetched
          ├── UsageError             a bad option, format name, method or configuration
          │                          value
          ├── OutputError            an output cannot be written (folder not writable,
          │    │                     unsupported script)
          │    └── DeliveryError     an email could not be delivered: the server refused
          │                          it or could not be reached (``exporter email`` keeps
          │                          it in the outbox and exits 75)
          ├── DependencyError        an optional library or external tool is missing;
          │                          says what to install
          └── Busy (web.state)       another ``exporter digest`` run holds the state's lock

    BaseException
     └── Interrupted (interrupt)     SIGINT or SIGTERM stopped an export (exit 130 or 143)

Any other exception is a bug: the CLI reports it in one line and exits 1.
:class:`DeliveryError` is also importable from :mod:`exporter.deliver` and
:mod:`exporter.deliver.smtp`, where it used to live. The classes of the other
modules named above derive from these and are defined beside the code that
raises them.
"""

from __future__ import annotations

TYPE_CHECKING = False  # not typing's: this module is imported by ``import exporter``
if TYPE_CHECKING:
    from collections.abc import Sequence


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


class DeliveryError(OutputError):
    """The server refused the message or could not be reached."""

    def __init__(self, message: str, *, refused: Sequence[str] = (),
                 permanent: bool = False) -> None:
        super().__init__(message)
        self.refused = tuple(refused)
        """Recipients the message did not reach: all of them unless the server refused only some."""
        self.permanent = permanent
        """The server refused the message (or its sender, or the recipients left) with a 5xx
        reply: sending it there again will be refused again. Otherwise it may go later."""
