"""Bytes to text as a browser reads them: BOM, declaration (WHATWG labels), detection."""

from __future__ import annotations

import gzip
import json

import pytest

from exporter.readers.declared import (
    charset_from_content_type,
    declared_encoding,
    encoding_for_label,
)
from exporter.readers.decode import decode_bytes, repair_mojibake
from tests.conftest import shared_path

# The classic pairs of UTF-8 read as cp1252 and written again, spelt out here on
# purpose rather than taken from the decoder, so the scan is a second opinion.
MOJIBAKE_PAIRS = (
    "Ã¶", "Ã¼", "Ã¤", "Ã©", "Ã¨", "Ã§", "Ã±", "Ã³", "Ã¡", "Ãº", "Ã\u00ad", "ÃŸ", "Ã–", "Ãœ",
    "â€™", "â€œ", "â€“", "â€”", "â€ž", "Â´", "Â«", "Â»", "Â°", "Å›", "Ä…", "Ä™", "Å‚", "Ä‡",
)


def _page(body: str, head: str = "") -> str:
    return f"<!doctype html><html><head>{head}<title>T</title></head><body>{body}</body></html>"


@pytest.mark.parametrize(
    ("label", "codec"),
    [
        ("ISO-8859-1", "cp1252"),
        ("latin1", "cp1252"),
        ("us-ascii", "cp1252"),
        ("gb2312", "gb18030"),
        ("GBK", "gb18030"),
        ("Shift_JIS", "cp932"),
        ("euc-kr", "cp949"),
        ("iso-8859-9", "cp1254"),
        ("utf-16", "utf-8"),
        ("windows-1251", "cp1251"),
        ("no-such-charset", None),
    ],
)
def test_whatwg_labels(label: str, codec: str | None) -> None:
    assert encoding_for_label(label) == codec


def test_declarations_are_found_in_meta_xml_and_http() -> None:
    assert declared_encoding(b'<html><head><meta charset="gb2312">') == "gb18030"
    assert declared_encoding(
        b'<meta http-equiv="Content-Type" content="text/html; charset=ISO-8859-2">'
    ) == "iso8859-2"
    assert declared_encoding(b'<?xml version="1.0" encoding="windows-1250"?><html>') == "cp1250"
    assert declared_encoding(b"<html><body>plain</body></html>") is None
    assert charset_from_content_type("text/html; charset=latin1") == "cp1252"


def test_meta_charset_gb2312_is_read_as_gbk() -> None:
    text = "今天的天气很好，我们去公园散步。市政府宣布了新的计划。"
    data = _page(f"<p>{text}</p>", '<meta charset="gb2312">').encode("gbk")
    assert text in decode_bytes(data, "page.html")


def test_meta_charset_latin1_is_windows_1252() -> None:
    # “curly quotes” and the euro are cp1252 bytes 0x93/0x94/0x80, C1 controls in Latin-1.
    body = "<p>Le prix est de 5 € pour « tout le monde », dit-il : “c’est juste”.</p>"
    data = _page(body, '<meta http-equiv="content-type" content="text/html; charset=iso-8859-1">')
    text = decode_bytes(data.encode("cp1252"), "page.html")
    assert "5 €" in text and "“c’est juste”" in text


def test_declared_cyrillic_beats_a_guess() -> None:
    body = "<p>Городской совет одобрил строительство нового моста через реку.</p>"
    data = _page(body, '<meta charset="koi8-r">').encode("koi8-r")
    assert "нового моста" in decode_bytes(data, "page.html")


def test_http_declaration_wins_over_nothing() -> None:
    data = "Straße, Größe und Äpfel".encode("cp1252")
    assert decode_bytes(data, "x", declared="text/plain; charset=latin1".split("=")[1]) == (
        "Straße, Größe und Äpfel"
    )


def test_a_stray_invalid_byte_does_not_reread_a_utf8_page() -> None:
    polish = "Posłowie sprzeciwiają się zmianom. Źródło podało, że ustawa wróci do komisji."
    data = polish.encode("utf-8") + b" \xa0 " + polish.encode("utf-8")
    text = decode_bytes(data, "page.txt")
    assert text.count("sprzeciwiają się") == 2 and "\ufffd" in text
    declared = _page(f"<p>{polish}</p>", '<meta charset="utf-8">').encode() + b"\x9c"
    assert "sprzeciwiają się" in decode_bytes(declared, "page.html")


def test_valid_utf8_wins_over_a_wrong_latin1_declaration() -> None:
    data = _page("<p>Schöne Grüße aus München für alle.</p>", '<meta charset="iso-8859-1">')
    assert "Schöne Grüße aus München" in decode_bytes(data.encode("utf-8"), "page.html")


def test_undeclared_cp1252_is_still_detected() -> None:
    text = "Le café où nous étions était fermé; la forêt était très belle."
    assert decode_bytes(text.encode("cp1252"), "page.txt") == text


def test_double_encoded_runs_are_repaired_and_clean_text_is_kept() -> None:
    broken = "Die Brücke ist schön".encode().decode("cp1252")  # BrÃ¼cke ist schÃ¶n
    assert repair_mojibake(f"Gestern: {broken}.") == "Gestern: Die Brücke ist schön."
    clean = "Der Gruß“ am Ende, „Fuß“ und ½ Liter"
    assert repair_mojibake(clean) == clean
    data = f"<p>Ein Satz ohne Fehler, und {broken}.</p>".encode()
    assert "Die Brücke ist schön" in decode_bytes(data, "page.html")


def test_no_page_of_the_web_set_comes_out_with_mojibake() -> None:
    # The whole decoded page is scanned (a stricter test than its title and body,
    # and ten times faster than extracting every article).
    folder = shared_path("eval", "web")
    found = []
    for case in json.loads((folder / "gold.json").read_text(encoding="utf-8")):
        data = gzip.decompress((folder / case["page"]).read_bytes())
        text = decode_bytes(data, case["id"])
        pairs = [pair for pair in MOJIBAKE_PAIRS if pair in text]
        if pairs:
            found.append(f"{case['id']}: {pairs}")
    assert not found
