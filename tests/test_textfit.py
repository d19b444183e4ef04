"""The one ellipsis cutter: the longest start that fits, at a word when asked."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from exporter.textfit import cut_to_fit


def _narrow(room: int):  # width = characters, the simplest monotone measure
    return lambda text: len(text) <= room


def test_a_text_that_fits_is_kept_whole() -> None:
    assert cut_to_fit("Harbour board", _narrow(20)) == "Harbour board"
    assert cut_to_fit("Harbour board", _narrow(20), mark=" …", always=True) == "Harbour board …"


def test_cut_at_a_word_with_dangling_punctuation_taken_off() -> None:
    assert cut_to_fit("Harbour board, ferry crews and islanders", _narrow(18)) == (
        "Harbour board…")
    assert cut_to_fit("Harbour board; ferry crews", _narrow(23)) == "Harbour board; ferry…"
    # No space to cut at: cut between characters.
    assert cut_to_fit("https://news.example.net/a/long/path", _narrow(12)) == "https://new…"


def test_the_cover_s_way_cuts_between_characters() -> None:
    assert cut_to_fit("Harbour board", _narrow(10), mark=" …", at_word=False,
                      trailing=None) == "Harbour …"


@given(st.text(alphabet="ab ,.", max_size=40), st.integers(min_value=1, max_value=45))
def test_the_result_fits_and_no_longer_start_would(text: str, room: int) -> None:
    cut = cut_to_fit(text, _narrow(room), mark="…", at_word=False, trailing=None)
    if len(text) <= room:
        assert cut == text
        return
    assert cut.endswith("…") and len(cut) <= room
    # The cover's former linear search gives the same line.
    body = text
    while body and len(body + "…") > room:
        body = body[:-1]
    assert cut == body.rstrip() + "…"


def test_chinese_is_cut_between_ideographs_and_never_before_closing_punctuation() -> None:
    text = "市议会批准新桥，工程明年开始。"
    fits = lambda candidate: len(candidate) <= 8  # noqa: E731
    # "桥，" holds together (no break before the comma), so the cut comes before 桥.
    assert cut_to_fit(text, fits) == "市议会批准新…"
    assert cut_to_fit("新桥开通了吗", lambda c: len(c) <= 4) == "新桥开…"


def test_a_latin_cut_is_at_a_space_as_before() -> None:
    assert cut_to_fit("The harbour council met", lambda c: len(c) <= 18) == "The harbour…"
    assert cut_to_fit("Supercalifragilistic", lambda c: len(c) <= 6) == "Super…"
