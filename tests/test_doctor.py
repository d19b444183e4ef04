"""``exporter doctor`` reports what the installation can do."""

from __future__ import annotations

from pathlib import Path

from exporter.cli import main
from tests.writers.scriptfonts import printable


def test_doctor_reports_fonts_tools_and_versions(capsys, sample_article: Path) -> None:
    assert main(["doctor", str(sample_article)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) <= 10
    fonts = lines[0]
    assert fonts.startswith("fonts: DejaVu Sans covers")
    for script in ("Greek", "Cyrillic", "Armenian", "Latin Extended"):
        assert script in fonts.split("; not")[0]
    assert lines[1] == f"article {sample_article}: every character is covered (en)"
    prefixes = [line.split(":")[0] for line in lines]
    for key in ("java", "epubcheck", "libreoffice", "smtp", "formats", "libraries"):
        assert key in prefixes
    assert "python-docx 1." in lines[-1]


def test_doctor_names_characters_the_fonts_lack(capsys, tmp_path: Path) -> None:
    article = tmp_path / "mixed.txt"
    article.write_text("Tokyo notes from the desk\n\nThe sign read 東京 in large letters. "
                       "Nobody could miss it.\n", "utf-8")
    assert main(["doctor", str(article)]) == 0
    line = capsys.readouterr().out.splitlines()[1]
    if printable("東京"):  # a system font prints them in the one-pager
        assert line.startswith(f"article {article}: every character is covered (en; 2 by ")
    else:
        assert line == f"article {article}: 2 characters without a glyph (CJK: 東京)"


def test_doctor_reports_a_font_or_the_package_for_each_script(capsys) -> None:
    assert main(["doctor"]) == 0
    lines = capsys.readouterr().out.splitlines()
    (fallback,) = [line for line in lines if line.startswith("fallback fonts: ")]
    parts = dict(part.split(": ", 1) for part in fallback[len("fallback fonts: "):].split("; "))
    assert {"Devanagari", "Bengali", "Thai", "CJK", "Kana", "Hangul"} <= set(parts)
    samples = {"Devanagari": "क", "Bengali": "ক", "Thai": "ก", "CJK": "中", "Hangul": "한"}
    for script, sample in samples.items():
        if printable(sample):
            assert "MISSING" not in parts[script] and parts[script], parts
        else:
            assert parts[script].startswith("MISSING (apt-get install fonts-"), parts
    assert [line for line in lines if line.startswith("shaping: uharfbuzz")]


def test_doctor_on_a_missing_article_is_a_one_line_error(capsys, tmp_path: Path) -> None:
    assert main(["doctor", str(tmp_path / "nope.txt")]) == 2
    assert capsys.readouterr().err.strip() == f"exporter: {tmp_path / 'nope.txt'}: no such file"
