"""Make untrusted text safe to hold in the model and to put in any XML-based format."""

from __future__ import annotations

import re
import unicodedata

# C0 controls except tab and newline, DEL and C1 controls, lone surrogates, and the
# two noncharacters XML 1.0 forbids. Form feeds and vertical tabs become spaces first.
_FORBIDDEN = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x84\x86-\x9f\ud800-\udfff\ufffe\uffff]")
_WS = "\t\r\f\v\u00a0\u2000-\u200a\u202f\u205f\u3000\u0085\u2028\u2029"
# Runs of two or more spaces, or any other white space: a lone plain space (by far
# the most common) is left alone instead of being replaced by itself.
_SPACES = re.compile(f"[{_WS}][ {_WS}]*| [ {_WS}]+")


def clean_text(text: str) -> str:
    """``text`` without characters XML 1.0 forbids, NFC-normalised, spaces collapsed."""
    # Most text is already clean: every character XML forbids, and every space but
    # the plain one, is unprintable to str.isprintable, so such text only needs a strip.
    if text.isprintable() and "  " not in text and unicodedata.is_normalized("NFC", text):
        return text.strip()
    text = text.replace("\x0c", " ").replace("\x0b", " ")
    text = _FORBIDDEN.sub("", text)
    text = _SPACES.sub(" ", text)
    return unicodedata.normalize("NFC", text).strip()


def clean_inline(text: str) -> str:
    """Like :func:`clean_text`, and newlines become spaces too (titles, names, metadata)."""
    return clean_text(text.replace("\n", " "))
