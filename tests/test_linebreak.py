"""The one greedy line breaker (exporter.linebreak), with simple and real measures."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from exporter.linebreak import (
    NO_BREAK_AFTER,
    NO_BREAK_BEFORE,
    break_lines,
    clusters,
    pieces,
    segments,
)


def _chars(text: str) -> float:
    """One unit a character: a line of width 10 holds ten."""
    return float(len(text))


def _counting(calls: list[str]) -> Callable[[str], float]:
    def measure(text: str) -> float:
        calls.append(text)
        return float(len(text))
    return measure


def test_latin_lines_are_filled_greedily_and_keep_every_word() -> None:
    text = "The ferry returns to the island in autumn after three years"
    lines = break_lines(text, 16, _chars)
    assert lines == [
        "The ferry", "returns to the", "island in autumn", "after three", "years"]
    assert " ".join(lines) == text
    assert all(len(line) <= 16 for line in lines)


def test_additive_widths_measure_each_piece_once_and_whole_lines_when_not() -> None:
    calls: list[str] = []
    break_lines("one two three four", 9, _counting(calls))
    assert sorted(calls) == sorted(["one", "two", "three", "four", " "])
    calls.clear()
    lines = break_lines("one two three four", 9, _counting(calls),
                        additive=False)
    assert lines == ["one two", "three", "four"]
    assert "one two" in calls and "one two three" in calls  # candidate lines, whole


def test_a_kerned_measure_decides_on_the_whole_line() -> None:
    # Pairs "AV" are kerned one unit tighter: only a whole-line measure sees it.
    def kerned(text: str) -> float:
        return len(text) - text.count("AV")

    assert break_lines("AVAV AVAV", 7, kerned, additive=False) == ["AVAV AVAV"]
    assert break_lines("AVAV AVAV", 7, _chars, additive=False) == ["AVAV", "AVAV"]


def test_a_word_longer_than_the_line_starts_a_line_and_is_cut_between_letters() -> None:
    lines = break_lines("a " + "x" * 23 + " b c", 10, _chars)
    assert lines == ["a", "x" * 10, "x" * 10, "xxx b c"]
    # A letter and its combining mark stay together (e + U+0301).
    assert break_lines("e\u0301" * 3, 2.5, _chars) == ["e\u0301", "e\u0301", "e\u0301"]
    assert clusters("ne\u0301e") == ["n", "e\u0301", "e"]
    # One cluster wider than the line is a line of its own, not an endless loop.
    assert break_lines("abc", 0.5, _chars) == ["a", "b", "c"]


def test_spaces_at_a_break_belong_to_neither_line_and_ends_are_not_counted() -> None:
    assert break_lines("  harbour   board  ", 7, _chars) == ["harbour", "board"]
    assert break_lines("ab  cd", 10, _chars) == ["ab  cd"]  # kept inside a line
    assert segments("ab  cd ") == [("", "ab"), ("  ", "cd")]


def test_empty_text_is_one_empty_line() -> None:
    assert break_lines("", 10, _chars) == [""]
    assert break_lines("   ", 10, _chars) == [""]
    assert segments("") == []


def test_right_to_left_text_breaks_in_logical_order_on_shaped_widths() -> None:
    from reportlab.pdfbase.pdfmetrics import stringWidth

    from exporter.writers.pdf import _registered_fonts
    from exporter.writers.pdf.bidi import shaped

    font = _registered_fonts().regular.name
    hebrew = "מועצת העיר אישרה את התקציב החדש לגשר"
    lines = break_lines(hebrew, 60, lambda s: stringWidth(s, font, 10))
    assert " ".join(lines) == hebrew and len(lines) > 2  # logical order, nothing lost
    assert all(stringWidth(line, font, 10) <= 60 + 1e-6 for line in lines)
    arabic = "قال المجلس إن الجسر الجديد سيفتح في الربيع"

    def width(text: str) -> float:
        return float(stringWidth(shaped(text), font, 10))

    lines = break_lines(arabic, 70, width)
    assert " ".join(lines) == arabic and len(lines) > 2
    assert all(width(line) <= 70 + 1e-6 for line in lines)
    # Greedy on the joined forms: the next line's first word did not fit.
    for line, following in zip(lines, lines[1:], strict=False):
        assert width(line + " " + following.split(" ")[0]) > 70


def test_chinese_and_japanese_break_between_characters_but_not_before_closing_marks() -> None:
    assert pieces("市图书馆宣布，从下") == ["市", "图", "书", "馆", "宣", "布，", "从", "下"]
    assert pieces("「本」を読む") == ["「本」", "を", "読", "む"]
    assert pieces("コーヒーっぽい") == ["コー", "ヒーっ", "ぽ", "い"]  # ー and small kana hold on
    assert pieces("COVIDー19") == ["COVIDー19"]
    chinese = "委员会表示，新的公交线路将在下个月开通，每天运行十八个小时。"
    lines = break_lines(chinese, 5, _chars)
    assert "".join(lines) == chinese and len(lines) > 3
    assert all(len(line) <= 5 for line in lines)
    assert not [line for line in lines if line[0] in NO_BREAK_BEFORE]
    assert not [line for line in lines if line[-1] in NO_BREAK_AFTER]
    # "，" may not start a line: "示，" goes down together (4 + 2 > 5).
    assert lines[0] == "委员会表" and lines[1].startswith("示，")
    japanese = "館長は「仕事帰りの人にも本を借りてほしい」と話している。"
    lines = break_lines(japanese, 7, _chars)
    assert "".join(lines) == japanese
    assert not [line for line in lines if line[0] in NO_BREAK_BEFORE]
    assert not [line for line in lines if line[-1] in NO_BREAK_AFTER]


def test_mixed_latin_and_chinese_break_at_spaces_and_ideographs_not_inside_words() -> None:
    assert segments("Tokyo東京 and 大阪Osaka") == [
        ("", "Tokyo"), ("", "東"), ("", "京"), (" ", "and"), (" ", "大"), ("", "阪"),
        ("", "Osaka")]
    lines = break_lines("The Tokyo東京 office and 大阪Osaka staff", 8, _chars)
    assert lines == ["The", "Tokyo東京", "office", "and 大阪", "Osaka", "staff"]
    # Korean keeps its spaces as its only breaks.
    assert segments("새 주차장") == [("", "새"), (" ", "주차장")]


THAI = ("รัฐบาลประกาศแผนสร้างโรงเรียนใหม่ในจังหวัดเชียงใหม่และจังหวัดลำปาง"
        "เพื่อให้เด็กในหมู่บ้านห่างไกลได้เรียนหนังสือใกล้บ้าน")


def _require_icu() -> None:
    import os

    from exporter.linebreak import dictionary_breaks

    if dictionary_breaks() is None:
        message = "ICU is not installed: pip install pyicu-wheels (the scripts extra)"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)


def test_thai_breaks_between_its_words_found_by_icu() -> None:
    from exporter.linebreak import pieces

    _require_icu()
    words = pieces(THAI)
    assert "".join(words) == THAI
    assert {"รัฐบาล", "ประกาศ", "โรงเรียน", "จังหวัด", "หนังสือ"} <= set(words)
    lines = break_lines(THAI, 24, len)
    assert len(lines) > 3 and "".join(lines) == THAI
    ends = {sum(map(len, words[: k + 1])) for k in range(len(words))}
    done = 0
    for line in lines:  # every line ends where a word ends
        done += len(line)
        assert done in ends, line
        assert len(line) <= 24
