"""Long titles in any script still give files: names capped in UTF-8 bytes, temporary name counted.

NAME_MAX is 255 bytes, and every file is first written as ``.NAME.XXXXXXXX.tmp``
(14 bytes more). A 95-character Chinese title used to give an 80-character
stem of 240 bytes whose temporary name did not fit, so nothing was written.
"""

from __future__ import annotations

import unicodedata
import zipfile
from pathlib import Path

import docx
import pypdf
import pytest

from exporter.config import Options
from exporter.errors import OutputError
from exporter.filenames import MAX_STEM_BYTES, cut, slugify, unique_stem
from exporter.files import NAME_MAX, TEMPORARY_OVERHEAD, temporary_name, write_atomically
from exporter.pipeline import export
from tests.writers.scriptfonts import printable

BODY = ("The council met on Tuesday to discuss the plan. Residents asked about the cost "
        "of the work. The mayor said it would start in spring.\n\nEngineers will survey "
        "the site first. A report is due next month, before the vote.\n")

# Letters with marks that have no precomposed form, so NFKC keeps them apart.
MARKED = "q\u0303\u0323uarry j\u0301obs n\u0308ear r\u0302\u0323ivers "
TITLES = {
    "chinese": "港口新规" * 23 + "港口新",  # 95 characters, 285 bytes
    "arabic": "مجلس المدينة يوافق على خطة جديدة للنقل العام في الأحياء الشمالية " * 3,
    "emoji": "🚀🌍 Launch day for the harbour ferry 🎉⛴️ " * 6,
    "combining": MARKED * 10,
    "ascii": "A" * 255,
}


def _bytes(name: str) -> int:
    return len(name.encode("utf-8"))


def _article(folder: Path, name: str, title: str) -> Path:
    path = folder / f"{name}.md"
    path.write_text(f"# {title}\n\n{BODY}", encoding="utf-8")
    return path


@pytest.mark.parametrize("script", sorted(TITLES))
def test_a_long_title_in_any_script_is_exported_in_every_format(script: str,
                                                                tmp_path: Path) -> None:
    title = TITLES[script]
    out = tmp_path / "out"
    report = export([_article(tmp_path, script, title)], Options(out_dir=out, method="lead"),
                    formats=["docx", "pdf", "epub"])
    names = sorted(p.name for p in out.iterdir())
    suffixes = sorted(Path(name).suffix for name in names)
    if script == "chinese" and not printable(title):
        # No installed font has CJK: refused in one clear line, the rest written.
        assert len(report.failures) == 1 and "no font for CJK" in report.failures[0].reason
        assert suffixes == [".docx", ".epub"]
    else:
        assert report.failures == []
        assert suffixes == [".docx", ".epub", ".pdf"]
    stems = {Path(name).stem for name in names}
    assert len(stems) == 1, names  # the digest of one article shares its stem
    for name in names:
        assert _bytes(name) + TEMPORARY_OVERHEAD <= NAME_MAX, (name, _bytes(name))
        assert not name.startswith(".") and ".tmp" not in name
    stem = stems.pop()
    assert stem == slugify(title)
    # The stem is the title's beginning, cut between whole letters (marks included).
    expected = slugify(title, max_bytes=10_000)
    assert expected.startswith(stem) and len(stem) >= min(len(expected), 40)
    following = expected[len(stem):len(stem) + 1]
    assert not following or unicodedata.category(following)[0] != "M"
    # The files are whole documents carrying the title.
    briefing = docx.Document(str(out / f"{stem}.docx"))
    assert unicodedata.normalize("NFKC", title).strip()[:20] in \
        unicodedata.normalize("NFKC", "\n".join(p.text for p in briefing.paragraphs))
    with zipfile.ZipFile(out / f"{stem}.epub") as book:
        assert book.testzip() is None and book.read("mimetype") == b"application/epub+zip"
    if script != "chinese":
        assert len(pypdf.PdfReader(out / f"{stem}.pdf", strict=True).pages) == 1


def test_the_chinese_title_of_the_issue_gives_a_stem_within_the_byte_cap() -> None:
    stem = slugify(TITLES["chinese"])
    assert _bytes(stem) <= MAX_STEM_BYTES == NAME_MAX - TEMPORARY_OVERHEAD - 10
    assert len(stem) == MAX_STEM_BYTES // 3  # 77 whole characters of 3 bytes each
    assert TITLES["chinese"].startswith(stem)


def test_repeated_long_titles_stay_unique_within_the_cap(tmp_path: Path) -> None:
    title = TITLES["chinese"]
    sources = [_article(tmp_path, f"copy-{number}", title) for number in range(12)]
    out = tmp_path / "out"
    report = export(sources, Options(out_dir=out, method="lead"), formats=["docx"])
    assert report.failures == []
    names = [p.name for p in report.written]
    assert len(set(names)) == 12 and sorted(names) == sorted(p.name for p in out.iterdir())
    assert names[1].endswith("-2.docx") and names[11].endswith("-12.docx")
    for name in names:
        assert _bytes(name) + TEMPORARY_OVERHEAD <= NAME_MAX, name


def test_unique_stem_makes_room_for_its_number() -> None:
    stem = "é" * 115  # 230 bytes
    taken: set[str] = set()
    made = [unique_stem(stem, taken, max_bytes=231) for _ in range(11)]
    assert made[0] == stem and made[1] == "é" * 114 + "-2" and made[10] == "é" * 114 + "-11"
    assert all(_bytes(name) <= 231 for name in made) and len(taken) == 11


@pytest.mark.parametrize("stem, budget, expected", [
    ("alpha-beta-gamma", 12, "alpha-beta"),  # between words
    ("alpha-beta-gamma", 10, "alpha-beta"),  # the dash just after the cut
    ("abcdefghij-k", 8, "abcdefgh"),  # no dash in the last half: cut in the word
    ("港口新规", 7, "港口"),  # 3-byte characters, never half of one
    ("a" * 8 + "q\u0303\u0323", 10, "a" * 8),  # a letter goes with its marks
    ("a" * 8 + "q\u0303\u0323", 13, "a" * 8 + "q\u0303\u0323"),
    ("🚀🚀", 6, "🚀"),
])
def test_cut_falls_between_whole_characters(stem: str, budget: int, expected: str) -> None:
    assert cut(stem, budget) == expected


@pytest.mark.parametrize("name", [
    "x" * (NAME_MAX - TEMPORARY_OVERHEAD),
    "y" * NAME_MAX,
    "港" * 85,  # 255 bytes
    "é" * 127 + ".pdf",
])
def test_temporary_names_always_fit(name: str) -> None:
    temporary = temporary_name(name)
    assert _bytes(temporary) <= NAME_MAX
    assert temporary.startswith(".") and temporary.endswith(".tmp")
    kept = temporary[1:].rsplit(".", 2)[0]
    # The name is kept whole, or cut by at most one character beyond what must go.
    assert name.startswith(kept)
    assert _bytes(kept) >= min(_bytes(name), NAME_MAX - TEMPORARY_OVERHEAD - 3)
    if _bytes(name) + TEMPORARY_OVERHEAD <= NAME_MAX:
        assert kept == name and _bytes(temporary) == _bytes(name) + TEMPORARY_OVERHEAD
    assert temporary_name(name) != temporary  # random: two writes never share one


def test_a_255_byte_name_is_written_and_a_longer_one_is_a_clear_error(tmp_path: Path) -> None:
    longest = tmp_path / ("港" * 85)
    assert write_atomically(longest, b"whole") == longest
    assert [p.name for p in tmp_path.iterdir()] == [longest.name]
    assert longest.read_bytes() == b"whole"
    with pytest.raises(OutputError, match="256 bytes long, over the 255-byte limit"):
        write_atomically(tmp_path / ("x" * 256), b"data")
    assert [p.name for p in tmp_path.iterdir()] == [longest.name]
