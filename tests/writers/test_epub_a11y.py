"""The EPUB digest for every reader: DAISY Ace, accessibility metadata, ARIA roles, Kindle's rules.

The books are the ones tests/writers/test_epub.py writes (single and multi-article,
mixed languages, right to left, hostile input, a 3.5 MB article cut into parts),
built again here and checked by DAISY Ace in one Node process (``ace_util``).
Send-to-Kindle's known refusals are tested by reading every page back: an XML
declaration on each XHTML, well-formed BCP 47 languages, every link landing on
an id that exists, no empty ``src``, no file over 50 MB (larger digests become
volumes).
"""

from __future__ import annotations

import io
import posixpath
import random
import re
import zipfile
from dataclasses import replace
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from ace_util import ACE_VERSION, AceResult, ace_modules, check_books, chromium
from conftest import IN_CI
from test_epub import (
    LONG_TITLE,
    NS,
    XML_LANG,
    Book,
    arabic,
    article,
    english,
    german,
    hostile_articles,
    long_article,
    real_articles,
    russian,
    text_of,
    write_book,
)

from exporter.config import Options
from exporter.model import Article
from exporter.pipeline import export
from exporter.writers.epub import EpubWriter
from exporter.writers.epub.plan import language_tag
from exporter.writers.epub.writer import KINDLE_LIMIT

OPS_TYPE = "{http://www.idpf.org/2007/ops}type"


def with_pictures(source: Article) -> Article:
    """``source`` with a lead image (alt and caption) and a decorative figure (neither)."""
    import dataclasses
    import io as _io

    from PIL import Image

    from exporter.model import Picture

    def jpeg(colour: str) -> bytes:
        out = _io.BytesIO()
        Image.new("RGB", (320, 200), colour).save(out, "JPEG")
        return out.getvalue()

    pictures = (Picture(jpeg("navy"), "image/jpeg", 320, 200, alt="The harbour at dusk",
                        caption="The harbour, seen from the pier.", lead=True),
                Picture(jpeg("teal"), "image/jpeg", 320, 200))
    document = dataclasses.replace(source.document, pictures=pictures)
    return Article(document, source.summary)
ROLE_OF_TYPE = {  # EPUB 3 structural semantics -> DPUB-ARIA / ARIA role
    "chapter": "doc-chapter", "toc": "doc-toc", "cover": None, "abstract": "doc-abstract",
    "titlepage": None, "landmarks": None,
}
"""The epub:type values the digest uses and the role each needs (None: ARIA has no
counterpart, so none is asked; a cover's role is on its image, ``doc-cover``)."""
# RFC 5646's grammar, written out independently of the writer's own pattern.
BCP47 = re.compile(r"^(?:[a-z]{2,3}(?:-[a-z]{3}){0,3})(?:-[A-Z][a-z]{3})?(?:-(?:[A-Z]{2}|\d{3}))?"
                   r"(?:-(?:[a-z\d]{5,8}|\d[a-z\d]{3}))*(?:-[a-wyz\d](?:-[a-z\d]{2,8})+)*"
                   r"(?:-x(?:-[a-z\d]{1,8})+)?$")


@pytest.fixture(scope="module")
def books(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Book]:
    """The books of test_epub.py, and one from the full pipeline."""
    folder = tmp_path_factory.mktemp("a11y")
    css = folder / "mine.css"
    css.write_text("@import url(https://fonts.example.com/x.css);\nh1 { color: #a01010; }\n",
                   encoding="utf-8")
    templates = folder / "templates"
    templates.mkdir()
    (templates / "digest.css").write_text("p { text-indent: 1.5em; }\n", encoding="utf-8")
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
            "many": write_book(folder / "many.epub",
                               [article(f"Item {n}", [("paragraph", f"Short note number {n}. "
                                                                    "It has two sentences.")],
                                        language="en") for n in range(12)]),
            "long": write_book(folder / "long.epub", [long_article(), german()]),
            "real": write_book(folder / "real.epub", real_articles(),
                               Options(digest_title="Morning digest")),
            "rtl": write_book(folder / "rtl.epub", [arabic()]),
            "chinese": write_book(folder / "chinese.epub", [article(
                "市议会批准新桥", [("paragraph", "市议会周一批准了一座新桥。投票结果是七比二。"),
                                 ("h1", "费用"), ("paragraph", "工程将于五月开工。")],
                language="zh-hans-cn")]),
            "css": write_book(folder / "css.epub", [english()], Options(epub_css=css)),
            "template-dir": write_book(folder / "template-dir.epub", [russian()],
                                       Options(template_dir=templates)),
            "pictures": write_book(folder / "pictures.epub", [with_pictures(english())]),
        }
        patch.setenv("SOURCE_DATE_EPOCH", "1767225600")
        made["epoch"] = write_book(folder / "epoch.epub", [arabic()])
    return made


@pytest.fixture(scope="module")
def broken(books: dict[str, Book], tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The single book without the package's language and the chapter's role: Ace must object."""
    path = tmp_path_factory.mktemp("a11y-broken") / "broken.epub"
    source = books["single"].zip
    with zipfile.ZipFile(path, "w") as target:
        for info in source.infolist():
            data = source.read(info)
            if info.filename.endswith("content.opf"):
                data = data.replace(b' xml:lang="de"', b"")
            if info.filename.endswith("article-1.xhtml") or info.filename.endswith(
                    "article-01.xhtml"):
                data = data.replace(b' role="doc-chapter"', b"")
            target.writestr(info, data)
    return path


@pytest.fixture(scope="module")
def ace_results(books: dict[str, Book], broken: Path) -> dict[Path, AceResult]:
    hint = (f"install DAISY Ace: PUPPETEER_SKIP_DOWNLOAD=1 npm install -g "
            f"@daisy/ace-cli@{ACE_VERSION}, and apt-get install chromium")
    modules, browser = ace_modules(), chromium()
    if modules is None or browser is None:
        message = f"{'ace-cli' if modules is None else 'chromium'} not found: {hint}"
        if IN_CI:
            pytest.fail(message)
        pytest.skip(message)
    paths = [book.path for book in books.values()] + [broken]
    return {path.name: result for path, result in  # type: ignore[misc]
            check_books(paths, modules=modules, browser=browser).items()}


# ---------------------------------------------------------------- DAISY Ace


@pytest.mark.parametrize("name", ["digest", "single", "several", "hostile", "many", "long",
                                  "real", "rtl", "chinese", "css", "template-dir", "epoch",
                                  "pictures"])
def test_ace_reports_no_violation(name: str, books, ace_results) -> None:
    result = ace_results[books[name].path.name]
    assert result.clean, str(result)
    metadata = result.report["a11y-metadata"]
    assert not set(metadata["missing"]) & {  # type: ignore[index]
        "schema:accessMode", "schema:accessModeSufficient", "schema:accessibilityFeature",
        "schema:accessibilityHazard", "schema:accessibilitySummary"}


def test_ace_checks_every_book_and_catches_a_broken_one(books, broken, ace_results) -> None:
    assert set(ace_results) == {book.path.name for book in books.values()} | {broken.name}
    result = ace_results[broken.name]
    rules = {violation.rule for violation in result.violations}
    assert not result.clean and {"epub-lang", "epub-type-has-matching-role"} <= rules, str(result)


# ---------------------------------------------------------------- metadata and roles


def test_package_carries_its_language_and_accessibility_metadata(books) -> None:
    for name, book in books.items():
        opf = book.opf
        assert opf.get(XML_LANG) == book.languages()[0], name
        properties: dict[str, list[str]] = {}
        for meta in opf.iterfind("opf:metadata/opf:meta[@property]", NS):
            properties.setdefault(meta.get("property", ""), []).append(meta.text or "")
        assert sorted(properties["schema:accessMode"]) == ["textual", "visual"]
        assert properties["schema:accessModeSufficient"] == ["textual"]
        assert {"alternativeText", "readingOrder", "structuralNavigation",
                "tableOfContents"} <= set(properties["schema:accessibilityFeature"])
        assert properties["schema:accessibilityHazard"] == ["none"]
        (summary,) = properties["schema:accessibilitySummary"]
        assert "text alternative" in summary and len(summary) > 100
    assert books["rtl"].opf.get("dir") == "rtl" and books["digest"].opf.get("dir") is None
    assert books["epoch"].opf.get(XML_LANG) == "ar"


def test_english_metadata_in_another_language_book_says_it_is_english(books) -> None:
    opf = books["several"].opf  # Russian and Arabic articles, the default English title
    assert opf.get(XML_LANG) == "ru"
    title = opf.find("opf:metadata/dc:title", NS)
    assert title is not None and (title.text, title.get(XML_LANG)) == ("Digest", "en")
    summary = opf.find("opf:metadata/opf:meta[@property='schema:accessibilitySummary']", NS)
    assert summary is not None and summary.get(XML_LANG) == "en"
    description = opf.find("opf:metadata/dc:description", NS)
    assert description is not None and description.get(XML_LANG) == "en"
    english_book = books["many"].opf.find("opf:metadata/dc:title", NS)
    assert english_book is not None and english_book.get(XML_LANG) is None


def test_every_epub_type_has_its_aria_role(books) -> None:
    seen: set[str] = set()
    for name, book in books.items():
        for page_name in _xhtml_items(book):
            page = book.xml(page_name)
            in_landmarks = {id(e) for nav in page.iter(f"{{{NS['x']}}}nav")
                            if nav.get(OPS_TYPE) == "landmarks" for e in nav.iter()
                            if e is not nav}  # a landmark link names a type, it is not one
            for element in page.iter():
                kind = element.get(OPS_TYPE)
                if kind is None or id(element) in in_landmarks:
                    continue
                assert kind in ROLE_OF_TYPE, (name, page_name, kind)
                seen.add(kind)
                assert element.get("role") == ROLE_OF_TYPE[kind], (name, page_name, kind)
                if kind == "chapter":
                    assert element.tag == f"{{{NS['x']}}}section"  # ARIA allows the role there
    assert {"chapter", "toc", "cover", "titlepage", "landmarks"} <= seen
    cover = books["digest"].xml("cover.xhtml").find(".//x:img", NS)
    assert cover is not None and cover.get("role") == "doc-cover" and cover.get("alt")


def test_navigation_has_landmarks_and_no_page_list(books) -> None:
    """A digest has no print edition, so no page list; landmarks lead to its parts."""
    nav = books["digest"].xml("nav.xhtml")
    kinds = {a.get(OPS_TYPE): a.get("href")
             for a in nav.iterfind(".//x:nav[@epub:type='landmarks']//x:a", NS)}
    assert kinds == {"cover": "cover.xhtml", "toc": "titlepage.xhtml",
                     "bodymatter": "article-01.xhtml"}
    assert nav.find(".//x:nav[@epub:type='page-list']", NS) is None


# ---------------------------------------------------------------- Kindle


def _xhtml_items(book: Book) -> list[str]:
    return [item.get("href", "") for item in book.manifest().values()
            if item.get("media-type") == "application/xhtml+xml"]


def test_every_content_document_declares_xml_utf8(books) -> None:
    for name, book in books.items():
        for page in _xhtml_items(book):
            head = book.read(page)[:60]
            assert re.match(rb'<\?xml version="1\.0" encoding="utf-8"\?>\n', head, re.I), (
                name, page, head)
            book.read(page).decode("utf-8")  # and is UTF-8 indeed


def test_languages_are_well_formed_bcp47(books) -> None:
    for name, book in books.items():
        tags = book.languages() + [e.get(XML_LANG, "") for page in _xhtml_items(book)
                                   for e in book.xml(page).iter() if e.get(XML_LANG)]
        assert tags, name
        for tag in tags:
            assert BCP47.match(tag), (name, tag)
    assert books["chinese"].languages() == ["zh"]  # the reader keeps the language subtag
    assert "und" in books["hostile"].languages()  # "not a language!" is no tag


@pytest.mark.parametrize(("given", "tag"), [
    ("en", "en"), ("EN_us", "en-US"), ("zh-hant-tw", "zh-Hant-TW"), ("es-419", "es-419"),
    ("de-1996", "de-1996"), ("en-x-house", "en-x-house"), ("english", "und"), ("en-", "und"),
    ("en-a-b", "und"), ("x-klingon", "und"), ("e1", "und"), ("", "und"), (None, "und"),
])
def test_language_tags_are_checked_against_bcp47(given: str | None, tag: str) -> None:
    assert language_tag(given) == tag


def test_every_internal_link_lands_on_an_existing_id(books) -> None:
    for name, book in books.items():
        manifest = {item.get("href", "") for item in book.manifest().values()}
        ids = {page: {e.get("id") for e in book.xml(page).iter() if e.get("id")}
               for page in _xhtml_items(book)}
        checked = 0
        links: list[tuple[str, str]] = [
            (page, element.get(attribute, ""))
            for page in _xhtml_items(book) for element in book.xml(page).iter()
            for attribute in ("href", "src") if element.get(attribute) is not None]
        links += [("toc.ncx", point.get("src", ""))
                  for point in book.xml("toc.ncx").iterfind(".//ncx:content", NS)]
        for page, link in links:
            assert link.strip(), (name, page, "empty link or src")
            parts = urlsplit(link)
            if parts.scheme:
                assert parts.scheme == "https" or parts.scheme == "http", (name, page, link)
                continue
            target = posixpath.normpath(posixpath.join(posixpath.dirname(page),
                                                       unquote(parts.path))) if parts.path else page
            assert target in manifest, (name, page, link)
            if parts.fragment:
                assert parts.fragment in ids[target], (name, page, link)
            checked += 1
        assert checked > 10, name


def test_no_image_without_a_source_or_text(books) -> None:
    for name, book in books.items():
        for page in _xhtml_items(book):
            for image in book.xml(page).iter(f"{{{NS['x']}}}img"):
                assert image.get("src") and image.get("alt") is not None, (name, page)


def test_every_book_is_under_kindles_limit(books) -> None:
    assert KINDLE_LIMIT == 50_000_000
    for name, book in books.items():
        assert len(book.data) < KINDLE_LIMIT, name


def _prose(seed: int, words: int) -> str:
    """Text that does not compress to nothing: seeded random words, in sentences of ten."""
    chance = random.Random(seed)
    made = ["".join(chance.choice("abcdefghijklmnopqrstuvwxyz") for _ in range(chance.randint(2, 9)))
            for _ in range(words)]
    return " ".join(" ".join(made[i:i + 10]).capitalize() + "." for i in range(0, words, 10))


def _size(articles: list[Article], options: Options | None = None) -> bytes:
    buffer = io.BytesIO()
    EpubWriter().write(articles, buffer, options or Options())
    return buffer.getvalue()


def test_a_digest_over_the_limit_is_split_into_volumes(tmp_path) -> None:
    articles = [article(f"Report {n}", [("paragraph", _prose(n, 3000))], language="en")
                for n in range(6)]
    options = Options(digest_title="Weekly")
    whole = _size(articles, options)
    writer = EpubWriter()
    writer.max_bytes = len(whole) // 2
    volumes = writer.volumes(articles, options)
    assert len(volumes) >= 2
    titles, chapters, identifiers = [], [], set()
    for number, data in enumerate(volumes, start=1):
        assert len(data) <= writer.max_bytes
        book = Book(tmp_path / f"weekly-{number}.epub", data, ())
        titles.append(book.meta("title")[0])
        identifiers.add(book.meta("identifier")[0])
        chapters += [text_of(heading) for page in book.chapters()
                     for heading in book.xml(page).iterfind(".//x:h1[@class='article-title']",
                                                            NS)]
    assert titles == [f"Weekly ({n}/{len(volumes)})" for n in range(1, len(volumes) + 1)]
    assert chapters == [a.document.title for a in articles]  # every article once, in order
    assert len(identifiers) == len(volumes)
    assert writer.volumes(articles[:1], options) == [_size(articles[:1], options)]
    assert EpubWriter().volumes(articles, options) == [whole]  # under 50 MB: one book


def test_export_names_every_volume(tmp_path, monkeypatch) -> None:
    """The command's report (what `exporter export` prints) names each volume it wrote."""
    sources = []
    for number in range(1, 4):
        path = tmp_path / f"story-{number}.txt"
        path.write_text(f"Story {number}\n\n{_prose(number, 3000)}\n", encoding="utf-8")
        sources.append(str(path))
    options = Options(out_dir=tmp_path / "out", digest_title="Harbour week")
    whole = export(sources, options, formats=["epub"])
    assert [p.name for p in whole.written] == ["harbour-week.epub"]
    limit = whole.written[0].stat().st_size * 2 // 3
    monkeypatch.setattr(EpubWriter, "max_bytes", limit)
    report = export(sources, replace(options, out_dir=tmp_path / "volumes"), formats=["epub"])
    assert report.ok, report.failures
    written = [p.name for p in report.written]
    assert written == [f"harbour-week-volume-{n}.epub" for n in range(1, len(written) + 1)]
    assert len(written) >= 2
    assert any(all(name in notice for name in written) for notice in report.notices)
    for path in report.written:
        assert path.is_file() and path.stat().st_size <= limit
