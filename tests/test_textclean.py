"""Cleaning untrusted text: the fast path and the full path agree."""

from __future__ import annotations

import re
import unicodedata

from hypothesis import given
from hypothesis import strategies as st

from exporter.textclean import clean_text


def _slow(text: str) -> str:
    text = text.replace("\x0c", " ").replace("\x0b", " ")
    text = re.sub("[\x00-\x08\x0e-\x1f\x7f-\x84\x86-\x9f\ud800-\udfff\ufffe\uffff]", "", text)
    text = re.sub(r"[ \t\r\f\v\u00a0\u2000-\u200a\u202f\u205f\u3000\u0085\u2028\u2029]+", " ",
                  text)
    return unicodedata.normalize("NFC", text).strip()


@given(st.text(st.characters(min_codepoint=0, exclude_categories=())))
def test_clean_text_matches_the_full_rules(text: str) -> None:
    assert clean_text(text) == _slow(text)


def test_examples() -> None:
    assert clean_text("  Caf\u0065\u0301 \x00 au\u00a0 lait\x0c ") == "Café au lait"
    assert clean_text("line one\nline two") == "line one\nline two"
    assert clean_text("\ud800lone\ufffe") == "lone"
