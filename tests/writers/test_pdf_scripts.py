"""The one-pager in scripts DejaVu Sans lacks: system fallback fonts, CJK line breaks,
shaping, and the refusal that names the package to install. Read back with pypdf."""

from __future__ import annotations

import io
import unicodedata
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest
from pypdf import PdfReader

from exporter import systemfonts
from exporter.cli import main
from exporter.config import Options
from exporter.errors import OutputError
from exporter.linebreak import NO_BREAK_AFTER, NO_BREAK_BEFORE
from exporter.writers.pdf import PdfWriter
from exporter.writers.pdf.fallback import _without_cjk_spaces
from tests.conftest import IN_CI, make_article, make_document
from tests.writers.scriptfonts import require_fonts_for

URL = "https://news.example.net/world/scripts"

# Short articles written for these tests: (language, title, paragraphs, font family).
ARTICLES = {
    "chinese": ("zh", "河边公园新增自行车道", [
        "市政府周三宣布，河边公园将新增一条长约八公里的自行车道。",
        "负责人说：“我们希望市民在周末有更多安全的地方骑车。”工程预计明年春天完成。",
    ], ("Droid Sans Fallback", "WenQuanYi Zen Hei")),
    "japanese": ("ja", "図書館が夜九時まで開館", [
        "市立図書館は来月から、平日の開館時間を夜九時まで延ばすと発表した。",
        "館長は「仕事帰りの人にも本を借りてほしい」と話している。コーヒーの持ち込みはできない。",
    ], ("Droid Sans Fallback", "WenQuanYi Zen Hei")),
    "korean": ("ko", "시장에 새 주차장이 문을 열었다", [
        "구청은 전통 시장 옆에 차 이백 대를 세울 수 있는 주차장을 열었다고 밝혔다.",
        "상인들은 \"손님이 더 늘어날 것\"이라며 반겼다. 주차 요금은 첫 한 시간 무료다.",
    ], ("WenQuanYi Zen Hei",)),
    "hindi": ("hi", "गाँव में नई बस सेवा शुरू", [
        "ज़िले के परिवहन विभाग ने सोमवार से गाँव और शहर के बीच नई बस सेवा शुरू की।",
        "अधिकारी ने कहा कि बस हर दो घंटे में चलेगी और छात्रों के लिए किराया आधा होगा।",
    ], ("Noto Sans Devanagari",)),
    "bengali": ("bn", "স্কুলে নতুন গ্রন্থাগার", [
        "গ্রামের স্কুলে বুধবার একটি নতুন গ্রন্থাগার খোলা হয়েছে।",
        "প্রধান শিক্ষক বললেন, ছাত্রছাত্রীরা প্রতিদিন বিকেলে বই পড়তে পারবে।",
    ], ("Noto Sans Bengali",)),
    "thai": ("th", "สะพานใหม่ข้ามแม่น้ำเปิดแล้ว", [
        "กรมทางหลวงเปิดสะพานใหม่ข้ามแม่น้ำเมื่อวันจันทร์ ช่วยให้การเดินทางสะดวกขึ้น",
        "ชาวบ้านกล่าวว่า ตอนนี้ใช้เวลาเข้าเมืองเพียงสิบห้านาที",
    ], ("Noto Sans Thai",)),
}
SHAPED = {"hindi", "bengali", "thai"}
SYMBOLS = ("Schools reopen after the #COVIDー19 wave", [
    "Pupils of school № 4 return on Monday → mornings first, afternoons ⇒ next week.",
    "The head teacher 😀 said the canteen opens ✓ in May.",
])


def _render(title: str, paragraphs: list[str], language: str) -> bytes:
    document = make_document(title, paragraphs, language=language, source_url=URL)
    out = io.BytesIO()
    PdfWriter().write([make_article(document, 1)], out, Options())
    return out.getvalue()


def _fonts(reader: PdfReader) -> set[str]:
    resources = reader.pages[0]["/Resources"]["/Font"]
    return {str(resources[name].get_object()["/BaseFont"]) for name in resources}


def _no_space(text: str) -> str:
    return "".join(text.split())


def _letters(text: str) -> list[str]:
    """The base letters of ``text`` in order (marks and signs left out), decomposed."""
    return [c for c in unicodedata.normalize("NFKD", text) if unicodedata.category(c) == "Lo"]


def _contains_in_order(whole: list[str], part: list[str]) -> bool:
    return any(whole[i:i + len(part)] == part for i in range(len(whole) - len(part) + 1))


@pytest.mark.parametrize("script", sorted(ARTICLES))
def test_every_script_prints_and_extracts_back(script: str) -> None:
    language, title, paragraphs, families = ARTICLES[script]
    require_fonts_for(title + "".join(paragraphs))
    pdf = _render(title, paragraphs, language)
    reader = PdfReader(io.BytesIO(pdf))
    assert len(reader.pages) == 1
    text = reader.pages[0].extract_text()
    assert "\ufffd" not in text and not any(0xE000 <= ord(c) <= 0xF8FF for c in text), text
    embedded = " ".join(_fonts(reader))
    assert any(family.replace(" ", "") in embedded for family in families), embedded
    for source in [title, *paragraphs]:
        if script in SHAPED:
            # A vowel sign drawn before its consonant extracts before it: the letters come
            # back in order, and every character comes back.
            assert _contains_in_order(_letters(text), _letters(source)), (source, text)
            wanted = Counter(unicodedata.normalize("NFKD", _no_space(source)))
            got = Counter(unicodedata.normalize("NFKD", _no_space(text)))
            assert not wanted - got, (wanted - got, text)
        else:
            assert _no_space(source) in _no_space(text), (source, text)


@pytest.mark.parametrize("script", sorted(SHAPED))
def test_scripts_that_need_it_are_shaped(script: str) -> None:
    from exporter.writers.pdf.fallback import shaping_available

    language, title, paragraphs, _ = ARTICLES[script]
    require_fonts_for(title + "".join(paragraphs))
    if not shaping_available():
        message = "uharfbuzz is not installed: pip install uharfbuzz (the scripts extra)"
        if IN_CI:
            pytest.fail(message)
        pytest.skip(message)
    reader = PdfReader(io.BytesIO(_render(title, paragraphs, language)))
    # A conjunct or reordered sign is a glyph of its own, which the ToUnicode map gives
    # back as the letters it was set from (more than one character for one code).
    maps = []
    resources = reader.pages[0]["/Resources"]["/Font"]
    for name in resources:
        font = resources[name].get_object()
        if "Noto" in str(font["/BaseFont"]):
            maps.append(font["/ToUnicode"].get_object().get_data().decode())
    joined = "\n".join(maps)
    many = [line for line in joined.splitlines()
            if line.startswith("<") and len(line.split("> <")[-1].rstrip(">")) > 4]
    if script == "thai":  # Thai's marks are positioned (moved), not made into conjuncts
        assert joined and "TJ" in reader.pages[0].get_contents().get_data().decode("latin-1")
    else:
        assert many, joined


def test_symbols_news_uses_print() -> None:
    title, paragraphs = SYMBOLS
    require_fonts_for(title + "".join(paragraphs))
    reader = PdfReader(io.BytesIO(_render(title, paragraphs, "en")))
    assert len(reader.pages) == 1
    text = _no_space(reader.pages[0].extract_text())
    for symbol in ("#COVIDー19", "№4", "→", "⇒", "😀", "✓"):
        assert symbol in text, (symbol, text)


def test_a_french_page_with_one_prolonged_sound_mark_prints() -> None:
    paragraphs = ["Les écoles rouvrent lundi après la vague de #COVIDー19, a dit le maire."]
    require_fonts_for("ー")
    reader = PdfReader(io.BytesIO(_render("Rentrée après le #COVIDー19", paragraphs, "fr")))
    assert len(reader.pages) == 1
    assert "#COVIDー19" in reader.pages[0].extract_text()


def test_the_same_page_gives_the_same_bytes() -> None:
    language, title, paragraphs, _ = ARTICLES["japanese"]
    require_fonts_for(title + "".join(paragraphs))
    assert _render(title, paragraphs, language) == _render(title, paragraphs, language)


# --- line breaks between ideographs (UAX #14, the basics) -----------------------------------

def test_sentences_joined_with_a_space_lose_it_between_ideographs() -> None:
    # (Where lines break is exporter.linebreak's: tests/test_linebreak.py.)
    assert _without_cjk_spaces("开通。 委员 说 ok 🎉 🎊") == "开通。委员说 ok 🎉 🎊"


def test_no_line_of_a_long_chinese_page_starts_with_closing_punctuation() -> None:
    sentence = "委员会表示，新的公交线路将在下个月开通，每天运行十八个小时。“这对学生很重要，”一位家长说。"
    paragraphs = [sentence * 6, sentence * 5]
    require_fonts_for(sentence)
    reader = PdfReader(io.BytesIO(_render("公交线路", paragraphs, "zh")))
    assert len(reader.pages) == 1
    lines = [line.strip() for line in reader.pages[0].extract_text().splitlines()
             if line.strip()]
    body = [line for line in lines if "委" in line or "，" in line]
    assert len(body) > 6  # broken into many lines, without spaces to break at
    assert not [line for line in lines if line[0] in NO_BREAK_BEFORE], lines
    assert not [line for line in lines if line[-1] in NO_BREAK_AFTER], lines


# --- no font installed: a one-line refusal that names the package ----------------------------

@pytest.fixture
def no_system_fonts(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """fontconfig with no font folder at all: only matplotlib's DejaVu Sans is left."""
    config = tmp_path / "fonts.conf"
    config.write_text('<?xml version="1.0"?>\n<fontconfig></fontconfig>\n', encoding="utf-8")
    monkeypatch.setenv("FONTCONFIG_FILE", str(config))
    systemfonts.installed_fonts.cache_clear()
    systemfonts._by_weight.cache_clear()
    yield
    monkeypatch.delenv("FONTCONFIG_FILE")
    systemfonts.installed_fonts.cache_clear()
    systemfonts._by_weight.cache_clear()


@pytest.mark.usefixtures("no_system_fonts")
def test_without_a_font_the_refusal_names_the_script_and_the_package() -> None:
    _, title, paragraphs, _ = ARTICLES["bengali"]
    with pytest.raises(OutputError, match=r"no font for Bengali .*install fonts-noto-core"):
        _render(title, paragraphs, "bn")
    _, title, paragraphs, _ = ARTICLES["chinese"]
    with pytest.raises(OutputError, match=r"no font for CJK .*install fonts-wqy-zenhei"):
        _render(title, paragraphs, "zh")


@pytest.mark.usefixtures("no_system_fonts")
def test_without_a_font_the_command_exits_2_in_one_line(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _, title, paragraphs, _ = ARTICLES["hindi"]
    source = tmp_path / "hindi.md"
    source.write_text(f"# {title}\n\n" + "\n\n".join(paragraphs) + "\n", encoding="utf-8")
    out = tmp_path / "out"
    code = main(["export", str(source), "--format", "pdf", "--out", str(out)])
    err = capsys.readouterr().err.strip().splitlines()
    assert code == 2
    assert len(err) == 1 and "no font for Devanagari" in err[0] and "fonts-noto-core" in err[0]
    assert not out.exists() or not list(out.iterdir())


# --- the EPUB digest's cover (Pillow) ---------------------------------------------------------

@pytest.mark.parametrize("script", ["chinese", "japanese", "korean", "bengali"])
def test_the_cover_draws_a_title_in_other_scripts(script: str) -> None:
    from PIL import Image

    from exporter.writers.epub.cover import CoverText, cover_png

    _, title, _, _ = ARTICLES[script]
    blank = cover_png(CoverText("", None, 1, "Desk"))
    png = cover_png(CoverText(title, None, 1, "Desk"))
    image = Image.open(io.BytesIO(png))
    assert image.size == (1200, 1800)
    if not systemfonts.installed_fonts() or not _whole_font_for(title):
        assert png == blank  # left out cleanly: no tofu boxes, no error
        return
    inked = [y for y in range(360, 1440, 4)
             if any(image.getpixel((x, y)) for x in range(110, 1090, 3))]
    assert inked, "the title was not drawn"


def _whole_font_for(text: str) -> bool:
    needed = {c for c in text if not c.isspace()}
    return any(all(ord(c) in systemfonts.face_coverage(font) for c in needed)
               for font in systemfonts.installed_fonts())


@pytest.mark.parametrize("script", ["chinese", "hindi", "symbols"])
def test_pages_in_fallback_fonts_are_still_tagged_pdf_ua_and_pdf_a(script: str) -> None:
    page = pytest.importorskip("page", reason="page-validation is not installed")
    if script == "symbols":
        title, paragraphs, language = SYMBOLS[0], SYMBOLS[1], "en"
    else:
        language, title, paragraphs, _ = ARTICLES[script]
    require_fonts_for(title + "".join(paragraphs))
    pdf = _render(title, paragraphs, language)
    for profile in ("ua1", "2b"):
        report = page.validate_pdf_bytes(pdf, profile=profile)
        failures = [f"{f.rule_id}: {f.message}" for f in report.failures]
        assert report.is_compliant and not failures, "\n".join(failures)


def test_no_library_is_patched_for_the_whole_process() -> None:
    """The text maps of shaped and astral glyphs are mended in each document, so a program
    that also writes its own PDFs with reportlab gets reportlab as it ships."""
    import reportlab.pdfbase.pdfdoc as pdfdoc
    import reportlab.pdfbase.ttfonts as ttfonts

    before = (ttfonts.makeToUnicodeCMap, pdfdoc.PDFStreamFilterZCompress.encode)
    language, title, paragraphs, _ = ARTICLES["hindi"]
    require_fonts_for(title + "".join(paragraphs))
    _render(title, paragraphs, language)
    _render(SYMBOLS[0], SYMBOLS[1], "en")
    assert (ttfonts.makeToUnicodeCMap, pdfdoc.PDFStreamFilterZCompress.encode) == before
    assert ttfonts.makeToUnicodeCMap.__module__ == "reportlab.pdfbase.ttfonts"


def test_a_long_thai_paragraph_breaks_its_lines_between_words() -> None:
    from exporter.linebreak import dictionary_breaks, pieces

    sentence = ("คณะกรรมการเมืองประกาศว่าสวนสาธารณะริมแม่น้ำจะเปิดให้ประชาชนเข้าชมทุกวัน"
                "ตั้งแต่เช้าจนถึงค่ำและจะมีการจัดกิจกรรมสำหรับครอบครัวในวันหยุดสุดสัปดาห์")
    require_fonts_for(sentence)
    if dictionary_breaks() is None:
        message = "ICU is not installed: pip install pyicu-wheels (the scripts extra)"
        if IN_CI:
            pytest.fail(message)
        pytest.skip(message)
    paragraph = sentence + sentence  # no space anywhere: only ICU can break it
    pdf = _render("สวนสาธารณะเปิดใหม่", [paragraph], "th")
    text = PdfReader(io.BytesIO(pdf)).pages[0].extract_text()

    def bases(value: str) -> str:  # SARA AM extracts as its parts, around the tone mark
        return "".join(c for c in unicodedata.normalize("NFKD", value)
                       if unicodedata.category(c) != "Mn")

    whole = bases(paragraph)
    lines = [bases(line.strip()) for line in text.splitlines()]
    lines = [line for line in lines if line and line in whole]
    assert len(lines) >= 3, text
    starts = {0}
    for word in pieces(paragraph):
        starts.add(max(starts) + len(bases(word)))
    assert "".join(lines[:2]) == whole[: len(lines[0]) + len(lines[1])]
    for line in lines[1:]:  # each line after the first starts at a word
        assert whole.find(line) in starts, line
