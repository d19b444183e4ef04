"""News cleaning's fast path (exporter/summarise/clean.py) changes no output.

Two checks: ``clean_candidates`` gives the frozen hashes of tests/summarise/clean_hashes.json
(regenerate with ``python -m tests.summarise.clean_corpus`` only for an intended change),
and every guard is a necessary condition of its pattern, so skipping a pattern whose guard
fails never skips a match.
"""

from __future__ import annotations

import json
import random
import re
import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from exporter.summarise import clean
from tests.conftest import shared_path
from tests.summarise.clean_corpus import (
    HASHES,
    SHARED_SETS,
    _cue_words,
    cue_sentence,
    digest,
    local_documents,
    shared_documents,
)

EXPECTED: dict[str, str] = json.loads(HASHES.read_text(encoding="utf-8"))


def test_local_documents_clean_as_frozen() -> None:
    differ = [name for name, sentences in local_documents() if digest(sentences) != EXPECTED[name]]
    assert not differ


@pytest.mark.parametrize("name", SHARED_SETS)
def test_shared_sets_clean_as_frozen(name: str) -> None:
    root = shared_path("eval", name)
    documents = list(shared_documents(name, root))
    assert documents
    differ = [doc for doc, sentences in documents if digest(sentences) != EXPECTED[doc]]
    assert not differ


_ALL_CHARS = "".join(chr(c) for c in range(sys.maxunicode + 1) if not 0xD800 <= c < 0xE000)


def test_folding_puts_every_ignorecase_match_of_a_guard_character_beside_it() -> None:
    assert all(len(clean._fold(c)) == 1 for c in _ALL_CHARS)
    guarded = {c for _, folded in [*clean._HEADS.values(), *clean._TAILS.values()]
               for affix in folded for c in affix}
    for char in guarded:
        equals = set(re.findall(f"(?i:{re.escape(char)})", _ALL_CHARS))
        assert {clean._fold(c) for c in equals} == {clean._fold(char)}, char


def test_word_and_space_tests_are_re_s() -> None:
    assert set(re.findall(r"\w", _ALL_CHARS)) == {c for c in _ALL_CHARS if clean._is_word_char(c)}
    assert set(re.findall(r"\s", _ALL_CHARS)) == {c for c in _ALL_CHARS if c.isspace()}


def test_guard_phrases_open_and_end_with_word_characters() -> None:
    # the \W* before "pictured" and after "prompt_tail" cannot eat into a phrase
    phrases = [*clean._PROMPTS, *clean.all_words("PICTURED"), *clean.all_words("STAFF")]
    assert all(clean._is_word_char(p[0]) and clean._is_word_char(p[-1]) for p in phrases)


_WORDS = _cue_words()


@st.composite
def _texts(draw: st.DrawFn) -> str:
    text = cue_sentence(random.Random(draw(st.integers(0, 2**32))), _WORDS)
    noise = draw(st.text(alphabet="aZ .|:ſıİΣς\n-—é·", max_size=4))
    return draw(st.sampled_from((text, noise + text, text + noise, text.upper())))


def _each_guard_holds(text: str) -> None:
    found = clean._patterns()
    head = clean._head(text)
    for name, guard in (("by", "by"), ("published", "published"),
                        ("published_head", "published"), ("prompt", "prompt")):
        assert not found[name].match(text) or clean._starts(guard, head), (name, text)
    assert not found["pictured"].match(text) or clean._may_caption(text), text
    assert not found["staff"].match(text) or text.endswith("\n") or clean._ends(
        "staff", text, len(text)), text
    tail = found["prompt_tail"].search(text)
    if tail:
        end = len(text)
        while end > 0 and not clean._is_word_char(text[end - 1]):
            end -= 1
        assert clean._ends("prompt_tail", text, end), text
    assert not clean._GLUE.search(text) or clean._may_glue(text), text
    assert not clean._QUOTE_GLUE.search(text) or clean._may_quote_glue(text), text
    assert not clean._QUOTES_GLUE.search(text) or clean._may_quote_glue(text), text
    assert not clean._DASH_HEAD.search(text) or "-" in text, text
    assert not clean._SPACED_GLUE.search(text) or "?" in text or "!" in text, text
    assert not clean._DELIMITER.search(text) or clean._may_delimit(text), text
    assert not clean._LABEL.match(text) or ":" in text, text
    assert clean._fold(text) == "".join(clean._fold(c) for c in text), text


@settings(max_examples=600, deadline=None)
@given(_texts())
def test_every_guard_holds_where_its_pattern_matches(text: str) -> None:
    _each_guard_holds(text)


@pytest.mark.parametrize("text", [
    "ſcroll down for video", "SHARE THIS ARTICLE", "Last Updated at 5:19 PM", "BY Tom Carver",
    "ΒΊΝΤΕΟ:", "huit ans de prisonāde la direction", "x .y", " . x", "Reporter\n",
    "Tom Carver for MailOnline", "Pictured: the driver", "—Pictured: the driver",
])
def test_every_guard_holds_on_awkward_cases(text: str) -> None:
    _each_guard_holds(text)
