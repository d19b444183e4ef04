"""Writers: one module per format, discovered through entry points."""

from .base import Writer
from .registry import available_formats, get_writer, writer_for_suffix

__all__ = ["Writer", "available_formats", "get_writer", "writer_for_suffix"]
