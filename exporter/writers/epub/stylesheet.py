"""The digest's stylesheet: the packaged ``digest.css`` or the user's, kept self-contained."""

from __future__ import annotations

import logging
import re

from ...config import Options
from ...errors import UsageError
from ...resources import template_path

log = logging.getLogger(__name__)

NAME = "digest.css"
_COMMENT = re.compile(r"/\*.*?\*/", re.DOTALL)
_IMPORT = re.compile(r"@import\b[^;]*;?", re.IGNORECASE)
# A declaration (up to ; or }) that refers to a file: the book carries no files besides
# its own, so such a reference would be missing, or remote.
_URL_DECLARATION = re.compile(r"[^;{}]*\burl\s*\([^)]*\)[^;{}]*;?", re.IGNORECASE)


def load_stylesheet(options: Options) -> str:
    """The CSS: ``options.epub_css``, else ``digest.css`` from the template folder or package."""
    path = template_path(NAME, options.template_dir, options.epub_css)
    try:
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError:
        raise UsageError(f"{path}: a stylesheet must be UTF-8 text") from None
    except OSError as error:
        raise UsageError(f"{path}: cannot read the stylesheet: {error.strerror}") from None
    return self_contained(text, str(path))


def self_contained(css: str, origin: str) -> str:
    """``css`` without comments, ``@import`` rules and declarations that reference files."""
    css = _COMMENT.sub("", css)
    kept = _IMPORT.sub("", css)
    kept = _URL_DECLARATION.sub("", kept)
    if kept != css:
        log.warning("%s: removed @import rules and url() references: an EPUB must not "
                    "fetch resources", origin)
    return kept.strip() + "\n"
