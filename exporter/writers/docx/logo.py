"""The briefing's logo image, checked once before any briefing is written.

python-docx embeds an image after reading its header only: a truncated file, a
0×0 image or one that declares 100,000×100,000 pixels would be written into
every briefing (or fail halfway through a batch). :func:`check_logo` decodes the
image once, with Pillow, after bounding its size, so that a bad logo is one
``UsageError`` naming the file before any document exists.
"""

from __future__ import annotations

import re
import stat
import struct
import warnings
from collections.abc import Callable
from pathlib import Path

from ...errors import UsageError

MAX_LOGO_BYTES = 10_000_000
MAX_SIDE = 10_000
"""Pixels along either side; a logo is shown 1 cm high."""
MAX_PIXELS = 25_000_000
_FORMATS = ("PNG", "JPEG", "GIF", "BMP", "TIFF")
"""What python-docx can embed."""


def check_logo(path: Path) -> None:
    """Refuse, in one line naming ``path``, a logo that is not a small, whole image.

    A regular file of at most :data:`MAX_LOGO_BYTES`, in one of the formats
    python-docx embeds, from 1×1 to :data:`MAX_SIDE` pixels a side and at most
    :data:`MAX_PIXELS` in all, that decodes to the end.
    """
    def refuse(reason: str) -> UsageError:
        return UsageError(f"{path}: cannot use as a logo ({reason})")

    try:
        status = path.stat()
    except OSError as error:
        raise refuse(error.strerror or str(error)) from None
    if not stat.S_ISREG(status.st_mode):
        raise refuse("not a regular file")
    if status.st_size > MAX_LOGO_BYTES:
        raise refuse(f"{status.st_size:,} bytes; at most {MAX_LOGO_BYTES:,}")

    from PIL import Image

    with warnings.catch_warnings():
        # Pillow only warns below twice its own limit; here every bomb is an error.
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        try:
            with Image.open(path) as image:  # reads the header only
                width, height = image.size
                if image.format not in _FORMATS:
                    raise refuse(f"a {image.format} image; use PNG, JPEG, GIF, BMP or TIFF")
                if width < 1 or height < 1:
                    raise refuse(f"{width}×{height} pixels: an image without pixels")
                if max(width, height) > MAX_SIDE or width * height > MAX_PIXELS:
                    raise refuse(f"{width:,}×{height:,} pixels; at most {MAX_SIDE:,} a side "
                                 f"and {MAX_PIXELS:,} in all")
                image.load()  # a truncated or corrupt image fails here
        except UsageError:
            raise
        except (Image.DecompressionBombError, Image.DecompressionBombWarning):
            raise refuse("declares far too many pixels") from None
        except Image.UnidentifiedImageError:
            raise refuse("not an image; use PNG, JPEG, GIF, BMP or TIFF") from None
        except (OSError, SyntaxError, ValueError, EOFError, struct.error, MemoryError) as error:
            # Pillow reports truncated and corrupt data as any of these.
            detail = str(error).splitlines()[0] if str(error).strip() else ""
            raise refuse(f"a damaged image: {detail}" if detail else "a damaged image") from None
    _check_embeddable(path, refuse)


def _check_embeddable(path: Path, refuse: Callable[[str], UsageError]) -> None:
    """python-docx reads the header itself, stricter than Pillow about the file's end."""
    from docx.image.exceptions import (
        InvalidImageStreamError,
        UnexpectedEndOfFileError,
        UnrecognizedImageError,
    )
    from docx.image.image import Image as DocxImage

    try:
        DocxImage.from_file(str(path))
    except (UnexpectedEndOfFileError, InvalidImageStreamError, UnrecognizedImageError,
            OSError, ValueError, ZeroDivisionError, struct.error):
        raise refuse("a damaged image: python-docx cannot read it") from None


def logo_text(path: Path, configured: str | None = None) -> str:
    """The logo's text alternative: ``configured``, else its file name's words.

    ``harbour_press-2024.png`` says "Harbour press 2024 logo": Word's accessibility
    checker, like a screen reader, wants every picture described.
    """
    if configured:
        return configured  # clean: the options' words are (exporter.config)
    words = " ".join(re.split(r"[\W_]+", path.stem)).strip()
    if not any(char.isalpha() for char in words):
        return "Logo"
    text = words[0].upper() + words[1:]
    return text if "logo" in text.lower() else f"{text} logo"
