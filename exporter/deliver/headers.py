"""Header values that cannot become headers: one function every header value goes through.

The email package decodes RFC 2047 encoded words when a header is set, so
``=?utf-8?b?SGkNCkJjYzogc3B5QGV2aWwub3Jn?=`` (``Hi\\r\\nBcc: spy@evil.org``) passes
any check on the text as given and is written out as two headers. An encoded
word may also decode to another encoded word. So a value is decoded the way the
email package decodes it, its line breaks and control characters removed, and
that repeated until nothing changes; what is left has no encoded word the
package could decode into anything new, and no character that could end a line.
Decoding and removing only shorten the text, so the loop ends; a bound on the
rounds guards against a decoder that would not, by breaking every encoded-word start.
"""

from __future__ import annotations

import re
from email import policy

# Every line break Python or a mail client knows, and every other control character
# (C0, DEL, C1). Tabs and breaks become spaces; the rest go.
_BREAKS = re.compile("[\t\n\x0b\x0c\r\x1c-\x1e\x85\u2028\u2029]+")
_CONTROLS = re.compile("[\x00-\x08\x0e-\x1b\x1f\x7f-\x84\x86-\x9f]")
_SPACES = re.compile(r" {2,}")


def header_text(value: str) -> str:
    """``value`` as a header may carry it: encoded words decoded, however deeply they nest,
    line breaks of every kind folded to spaces, control characters (NUL included) removed.

    The result is what a recipient's mail client shows, and setting it as a header yields
    exactly one header with this text.
    """
    text = value
    for _ in range(8 + len(value) // 8):  # each nesting level costs at least 12 characters
        cleaned = _SPACES.sub(" ", _CONTROLS.sub("", _BREAKS.sub(" ", _decoded(text)))).strip()
        if cleaned == text:
            return cleaned
        text = cleaned
    return text.replace("=?", "= ?")


def _decoded(text: str) -> str:
    """``text`` as the email package reads it when it is set as an unstructured header."""
    if "=?" not in text:
        return text
    return str(policy.SMTP.header_factory("Subject", text))
