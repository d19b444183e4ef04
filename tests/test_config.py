"""Configuration: exporter.toml and [tool.exporter], overridden by flags."""

from __future__ import annotations

from pathlib import Path

import pytest

from exporter.config import Options, load_options
from exporter.errors import UsageError


def test_defaults(tmp_path: Path) -> None:
    options = load_options(tmp_path)
    assert options == Options()
    assert options.formats == ("docx", "pdf", "epub")
    assert options.pdf_page_size == "A4"
    assert options.out_dir == Path("out")


def test_pyproject_then_exporter_toml(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text(
        '[tool.exporter]\norganisation = "Harbour Desk"\npage-size = "letter"\nsentences = 3\n'
    )
    options = load_options(tmp_path)
    assert (options.organisation, options.pdf_page_size, options.sentences) == (
        "Harbour Desk",
        "Letter",
        3,
    )
    (tmp_path / "exporter.toml").write_text(
        'organisation = "Press Office"\nformats = ["pdf"]\nmethod = "lead"\nout_dir = "briefings"\n'
    )
    options = load_options(tmp_path)
    assert options.organisation == "Press Office"
    assert options.pdf_page_size == "Letter"  # still from pyproject.toml
    assert options.formats == ("pdf",)
    assert options.method == "lead"
    assert options.out_dir == Path("briefings")


@pytest.mark.parametrize(
    "content, message",
    [
        ("colour = 'red'\n", "unknown option 'colour'"),
        ("sentences = -1\n", "bad value for sentences"),
        ("page_size = 'A3'\n", "bad value for page_size: 'A3' .page_size must be A4 or Letter"),
        ("ratio = 2\n", "bad value for ratio"),
        ("this is not toml", "cannot read configuration"),
    ],
)
def test_bad_configuration_is_a_usage_error(tmp_path: Path, content: str, message: str) -> None:
    (tmp_path / "exporter.toml").write_text(content)
    with pytest.raises(UsageError, match=message):
        load_options(tmp_path)
