"""The embedded fonts: where they come from and which scripts they print."""

from __future__ import annotations

import subprocess
import sys

from exporter.fonts import (
    covered_scripts,
    missing_characters,
    sans_family,
    script_name,
    scripts_of,
)


def test_dejavu_sans_comes_from_matplotlib_in_four_faces() -> None:
    family = sans_family()
    assert family.label == "DejaVu Sans"
    for face in family.faces:
        assert face.path.is_file()
        assert face.path.suffix == ".ttf"
        assert "matplotlib" in face.path.parts
    assert len({face.name for face in family.faces}) == 4


def test_finding_the_fonts_does_not_import_matplotlib() -> None:
    code = ("import sys; from exporter.fonts import sans_family, covered_scripts; "
            "sans_family(); covered_scripts(); print('matplotlib' in sys.modules)")
    found = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                           check=True)
    assert found.stdout.strip() == "False"


def test_the_scripts_the_one_pager_promises_are_covered() -> None:
    covered = covered_scripts()
    for script in ("Latin", "Latin Extended", "Greek", "Cyrillic", "Armenian", "Hebrew",
                   "Arabic"):
        assert covered[script], script
    assert not covered["CJK"]
    assert not covered["Devanagari"]


def test_every_letter_of_azerbaijani_armenian_greek_and_russian_has_a_glyph() -> None:
    regular = sans_family().regular
    alphabets = (
        "AaBbCcÇçDdEeƏəFfGgĞğHhXxIıİiJjKkQqLlMmNnOoÖöPpRrSsŞşTtUuÜüVvYyZz",
        "ԱաԲբԳգԴդԵեԶզԷէԸըԹթԺժԻիԼլԽխԾծԿկՀհՁձՂղՃճՄմՅյՆնՇշՈոՉչՊպՋջՌռՍսՎվՏտՐրՑցՒւՓփՔքՕօՖֆև։՝",
        "ΑαΒβΓγΔδΕεΖζΗηΘθΙιΚκΛλΜμΝνΞξΟοΠπΡρΣσςΤτΥυΦφΧχΨψΩωάέήίόύώϊϋΐΰ",
        "АаБбВвГгДдЕеЁёЖжЗзИиЙйКкЛлМмНнОоПпРрСсТтУуФфХхЦцЧчШшЩщЪъЫыЬьЭэЮюЯя",
    )
    for alphabet in alphabets:
        assert missing_characters(alphabet, regular) == []
        assert missing_characters(alphabet, sans_family().italic) == []


def test_missing_characters_are_reported_once_in_order_and_spaces_need_no_glyph() -> None:
    regular = sans_family().regular
    assert missing_characters("中文 and 中 again\u00a0\u200b\t", regular) == ["中", "文"]
    assert missing_characters("", regular) == []


def test_script_names_are_readable() -> None:
    assert script_name("ə") == "Latin"
    assert script_name("ա") == "Armenian"
    assert script_name("中") == "CJK"
    assert script_name("क") == "Devanagari"
    assert scripts_of("中文กข") == ["CJK", "Thai"]


def test_character_maps_read_directly_match_fonttools() -> None:
    from fontTools.ttLib import TTFont

    from exporter.fonts import _unicode_cmap, coverage

    folder = sans_family().regular.path.parent
    # DejaVu and STIX (format 12), Computer Modern and DejaVu Display (format 4 only),
    # and a format-13 font only fontTools reads: each must give fontTools' answer.
    for name in ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf", "DejaVuSans-Oblique.ttf",
                 "DejaVuSans-BoldOblique.ttf", "STIXGeneral.ttf", "cmr10.ttf",
                 "DejaVuSansDisplay.ttf", "LastResortHE-Regular.ttf"):
        path = folder / name
        if not path.is_file():
            continue
        with TTFont(str(path), lazy=True) as font:
            expected = {code for code, glyph in (font.getBestCmap() or {}).items()
                        if glyph != ".notdef"}
        assert coverage(path) == expected, name
    assert _unicode_cmap(b"\x00\x01\x00\x00\x00\x00" + b"\x00" * 6) is None


def test_reading_coverage_does_not_import_fonttools() -> None:
    code = ("import sys; from exporter.fonts import covered_scripts; covered_scripts(); "
            "print('fontTools' in sys.modules)")
    found = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                           check=True)
    assert found.stdout.strip() == "False"
