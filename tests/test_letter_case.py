"""Capital letters are told by their case, never by a range such as ``Ā-Ž``.

Latin Extended-A interleaves the cases (Ā ā … Ł ł … Ř ř … Š š), so the old classes
``[A-ZÀ-ÞĀ-Ž]`` took small letters such as "ł", "ř", "ā" or "ż" for capitals. Each
test's text is one where that gave a wrong answer.
"""

from __future__ import annotations

import re

from exporter.extract import key_quotes, speakers
from exporter.letters import LATIN_LOWER, LATIN_UPPER, LOWER, UPPER
from exporter.readers.build import RawBlock, build_document, split_dateline
from exporter.readers.text import read_text


def test_the_classes_hold_each_letter_of_latin_extended_a_in_its_own_case() -> None:
    capital, small = re.compile(f"[{LATIN_UPPER}]"), re.compile(f"[{LATIN_LOWER}]")
    letters = [*"ABCXYZabcxyz", *map(chr, range(0xC0, 0x180))]  # from À: Latin-1 and Extended-A
    for char in letters:
        if char.isalpha():
            assert bool(capital.fullmatch(char)) == char.isupper(), char
            assert bool(small.fullmatch(char)) == char.islower(), char
    assert all(re.fullmatch(f"[{UPPER}]", c) for c in "ŁŚŻŘĀЖΩ")
    assert not any(re.fullmatch(f"[{UPPER}]", c) for c in "łśżřāжω×")
    assert all(re.fullmatch(f"[{LOWER}]", c) for c in "łśżřāжω")


def test_a_small_polish_word_after_a_speakers_role_is_not_taken_for_a_name() -> None:
    # 'żona' (wife) opens with a small letter: no name stands after the comma.
    text = ('"Nikt nie wiedział, kiedy otworzą most nad rzeką," said the witness, '
            "żona Marka Nowaka.")
    document = build_document([RawBlock("paragraph", text)], title="Most", language="en")
    assert [(q.text, q.speaker) for q in key_quotes(document)] == [
        ("Nikt nie wiedział, kiedy otworzą most nad rzeką", "The witness")]


def test_a_czech_speech_verb_before_a_surname_is_not_part_of_the_name() -> None:
    # 'řekl' (said) before 'Novák' was read as a first name: 'Řekl Novák'.
    text = ("„Most otevřeme až v květnu,“ řekl Novák. „Oprava stála víc, než obec "
            "plánovala,“ řekl Novák.")
    assert speakers.shown(["Novák"], text, "cs") == ["Novák"]


def test_a_fuller_name_starts_after_the_sentence_that_ends_before_it() -> None:
    # Once 'řekl' is no name, 'Novák. Starosta' is the lead: it must start after 'Novák.'.
    text = "„Most otevřeme až v květnu,“ řekl Novák. Starosta Novák dodal, že to stálo víc."
    assert speakers.shown(["Novák"], text, "cs") == ["Starosta Novák"]
    english = '"We open it in May," said Moss. Mayor Moss added that it cost more.'
    assert speakers.shown(["Moss"], english, "en") == ["Mayor Moss"]


def test_a_latvian_byline_keeps_the_name_and_not_the_small_word_after_it() -> None:
    # 'ārste' (physician) opens with a small 'ā': it is no author.
    document = read_text(
        "Jauns tilts pār upi\n\nBy Anna Bērziņa, ārste\n\n"
        "Pilsētas dome otrdien apstiprināja jaunā tilta projektu. Darbi sāksies pavasarī.\n",
        language="lv",
    )
    assert document.authors == ("Anna Bērziņa",)


def test_a_dateline_region_starts_with_a_capital() -> None:
    # 'čtvrtek' (Thursday) is no region: before, the place read 'Praha, čtvrtek'.
    text = "PRAHA, čtvrtek – Vláda schválila nový plán oprav mostů."
    assert split_dateline(text) == (None, text)
    assert split_dateline("ŁÓDŹ, Polska – Rada miasta zebrała się rano.") == (
        "Łódź, Polska", "Rada miasta zebrała się rano.")


def test_initials_are_capitals_of_every_script_and_never_a_sign() -> None:
    # Before, 'Ł.' and 'А.' ended a speaker's name and '×.' counted as an initial.
    assert not speakers.ends_name("Ł.")
    assert not speakers.ends_name("А.")
    assert not speakers.ends_name("J.R.")
    assert speakers.ends_name("×.")
    assert speakers.ends_name("Nowak.")
