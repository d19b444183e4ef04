"""File names from titles stay inside the output folder on every system."""

from __future__ import annotations

import pytest

from exporter.filenames import slugify, unique_stem


@pytest.mark.parametrize(
    "title, expected",
    [
        ("../../etc/passwd", "etc-passwd"),
        ("CON", "con-article"),
        ("nul", "nul-article"),
        ("Café prices rise 5%!", "café-prices-rise-5"),
        ("Министр заявил", "министр-заявил"),
        ("   ", "article"),
        ("🙂🙂", "article"),
        ('a\\b:c*d?e"f<g>h|i', "a-b-c-d-e-f-g-h-i"),
        ("line\nbreak\x00nul", "line-break-nul"),
    ],
)
def test_slugify(title: str, expected: str) -> None:
    assert slugify(title) == expected


def test_long_titles_are_cut_and_names_are_unique() -> None:
    stem = slugify("word " * 100)
    assert len(stem) <= 80 and not stem.endswith("-")
    taken: set[str] = set()
    assert [unique_stem("a", taken) for _ in range(3)] == ["a", "a-2", "a-3"]
