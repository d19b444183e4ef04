"""The trie-shaped word lists the extractors search with: same matches as a plain list."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from exporter.extract.alternation import alternation


def _flat(phrases: list[str]) -> str:
    """The plain alternation, longest phrase first, that a trie must match like."""
    escaped = sorted((re.escape(p).replace(r"\ ", r"\s+") for p in set(phrases)), key=len,
                     reverse=True)
    return "(?:" + "|".join(escaped) + ")"


def test_longer_phrases_win_and_spaces_stretch() -> None:
    verbs = alternation(["a", "a-t-il", "a-t-il dit", "said", "says", "say", "according to"])
    pattern = re.compile(rf"(?<![\w'’-]){verbs}(?![\w'’-])")
    found = [m.group(0) for m in pattern.finditer(
        "« Non », a-t-il dit. He says so, according   to Tass; they say a lot.")]
    assert found == ["a-t-il dit", "says", "according   to", "say", "a"]
    assert pattern.fullmatch("says") and not pattern.search("sayso")


def test_case_and_punctuation_are_kept() -> None:
    months = re.compile(alternation(["Mar.", "March", "mars", "Sept.", "Sep."]))
    assert [m.group(0) for m in months.finditer("March, Mar. 3, mars, Marx, Sept. 9, MARS")] == [
        "March", "Mar.", "mars", "Sept."]
    assert re.fullmatch(alternation(["US$", "$", "£"]), "US$")


_LETTERS = st.sampled_from(list("aäbst -'$."))


@settings(max_examples=300, deadline=None)
@given(st.lists(st.text(_LETTERS, min_size=1, max_size=6), min_size=1, max_size=12),
       st.text(_LETTERS, max_size=80))
def test_a_trie_matches_what_the_plain_list_matches(phrases: list[str], text: str) -> None:
    phrases = [p for p in phrases if p.strip() and p == " ".join(p.split())] or ["a"]
    boundaries = r"(?<![\w'’-]){}(?![\w'’-])"
    trie = re.compile(boundaries.format(alternation(phrases)), re.IGNORECASE)
    flat = re.compile(boundaries.format(_flat(phrases)), re.IGNORECASE)
    assert [m.span() for m in trie.finditer(text)] == [m.span() for m in flat.finditer(text)]
