"""The Writer protocol: how a format turns articles into bytes.

A writer is a class with three descriptive attributes and one method. It is
found through the ``exporter.writers`` entry-point group (see
:mod:`exporter.writers.registry`), so a third-party package adds a format by
declaring an entry point, exactly as the built-in writers do.

``combines`` says whether the format gathers every article of a call into one
file (the EPUB digest) or writes one file per article (DOCX, PDF). A writer
that does not combine is always given exactly one article.

A writer only converts the model: it never reads raw input, never fetches
anything, and treats all article text as text, never as markup. When it cannot
render something it logs a warning naming the block rather than dropping it
silently or crashing.

A writer may also define ``check(options) -> None``: it refuses options the
writer cannot use (a bad style file, a damaged logo) with a ``UsageError``, and
:func:`exporter.export` calls it once, before any article is read, so that such
an error leaves no file behind. :func:`check_writer` calls it when there is one.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import BinaryIO, ClassVar, Protocol, runtime_checkable

from ..config import Options
from ..model import Article


@runtime_checkable
class Writer(Protocol):
    """A format: ``write(articles, out, options)`` puts the whole file on ``out``."""

    name: ClassVar[str]
    """Short name used on the command line (``--format docx``)."""
    extension: ClassVar[str]
    """File suffix including the dot (``.docx``)."""
    media_type: ClassVar[str]
    """MIME type, for attachments (``application/pdf``)."""
    combines: ClassVar[bool]
    """True when all articles of one call go into a single file."""

    def write(self, articles: Sequence[Article], out: BinaryIO, options: Options) -> None:
        """Write ``articles`` in this format to the binary stream ``out``."""
        ...


def check_writer(writer: object, options: Options) -> None:
    """Run ``writer.check(options)`` if the writer has one (see the module's docstring)."""
    check = getattr(writer, "check", None)
    if callable(check):
        check(options)
