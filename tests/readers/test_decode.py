"""Encodings are detected, not assumed; binary data is refused."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from exporter.errors import InputError
from exporter.readers import read_path

TEXT = "Café owners “protest” new rules\n\nThe café owners in Zürich said the rules were unfair. They met on Monday.\n"


@pytest.mark.parametrize(
    "encoding, bom",
    [
        ("utf-8", b""),
        ("utf-8", codecs.BOM_UTF8),
        ("utf-16-le", codecs.BOM_UTF16_LE),
        ("utf-16-be", codecs.BOM_UTF16_BE),
        ("utf-16-le", b""),
        ("cp1252", b""),
    ],
)
def test_common_encodings(tmp_path: Path, encoding: str, bom: bytes) -> None:
    path = tmp_path / "article.txt"
    path.write_bytes(bom + TEXT.encode(encoding))
    document = read_path(path)
    assert document.title == "Café owners “protest” new rules"
    assert "Zürich" in document.text


def test_latin_1(tmp_path: Path) -> None:
    path = tmp_path / "article.txt"
    path.write_bytes(
        "Señal débil en Málaga\n\nLa señal de radio fue débil toda la mañana en Málaga. Nadie sabe por qué.\n".encode(
            "latin-1"
        )
    )
    document = read_path(path)
    assert document.title == "Señal débil en Málaga"
    assert document.language == "es"


@pytest.mark.parametrize(
    "data, reason",
    [
        (b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4, "PNG image"),
        (b"", "empty"),
        (b"   \n\t\n", "empty"),
        (bytes(range(32)) * 50, "binary"),
    ],
)
def test_unreadable_inputs_name_the_file_and_reason(
    tmp_path: Path, data: bytes, reason: str
) -> None:
    path = tmp_path / "bad.txt"
    path.write_bytes(data)
    with pytest.raises(InputError) as raised:
        read_path(path)
    assert str(raised.value).startswith(str(path))
    assert reason in str(raised.value)


def test_missing_file_folder_and_size_limit(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file"):
        read_path(tmp_path / "missing.txt")
    with pytest.raises(InputError, match="is a folder with no article files"):
        read_path(tmp_path)
    big = tmp_path / "big.txt"
    big.write_text("Word. " * 2000)
    with pytest.raises(InputError, match="input limit"):
        read_path(big, max_bytes=1000)
