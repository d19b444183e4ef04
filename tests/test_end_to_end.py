"""From an article to the three documents, read back by meaning."""

from __future__ import annotations

import re
import shutil
import zipfile
from pathlib import Path

import pytest
from conftest import ROOT, shared_path

from exporter.cli import main
from exporter.filenames import slugify
from exporter.readers import read_path

FURNITURE = ("scorecardresearch", "Skip to main content")


def _squash(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def docx_text(path: Path) -> tuple[list[str], list[str]]:
    """(paragraph texts, style names) of a DOCX, header and footer excluded."""
    import docx

    document = docx.Document(str(path))
    return ([p.text for p in document.paragraphs], [p.style.name for p in document.paragraphs])


def pdf_pages(path: Path) -> list[str]:
    from pypdf import PdfReader

    return [page.extract_text() or "" for page in PdfReader(str(path)).pages]


def epub_chapters(path: Path) -> dict[str, str]:
    """The text of every XHTML file in the EPUB, by name."""
    from lxml import etree

    chapters: dict[str, str] = {}
    with zipfile.ZipFile(path) as archive:
        for name in archive.namelist():
            if name.endswith(".xhtml"):
                root = etree.fromstring(archive.read(name))
                chapters[name] = _squash(" ".join(root.itertext()))
    return chapters


@pytest.fixture(scope="module")
def exported(tmp_path_factory: pytest.TempPathFactory) -> dict[str, object]:
    out = tmp_path_factory.mktemp("out")
    sample = ROOT / "exporter" / "samples" / "harbour-solar.md"
    scraped = shared_path("articles", "nagorno-karabakh-scraped.txt")
    assert (
        main(
            [
                "export",
                str(sample),
                str(scraped),
                "--out",
                str(out),
                "--sentences",
                "3",
                "--digest-title",
                "Morning digest",
            ]
        )
        == 0
    )
    documents = {name: read_path(path) for name, path in (("sample", sample), ("scraped", scraped))}
    return {"out": out, "documents": documents}


def _summary(document, count: int = 3) -> list[str]:
    from exporter.summarise import summarise

    return summarise(document, sentences=count).texts


@pytest.mark.parametrize("name", ["sample", "scraped"])
def test_docx_briefing(exported, name: str) -> None:
    document = exported["documents"][name]
    path = exported["out"] / f"{slugify(document.title)}.docx"
    paragraphs, styles = docx_text(path)
    assert paragraphs[styles.index("Title")] == document.title
    joined = "\n".join(paragraphs)
    for sentence in _summary(document):
        assert sentence in joined
    assert "List Bullet" in styles
    first_body = document.blocks[0].text
    assert any(first_body in p for p in paragraphs)
    for furniture in FURNITURE:
        assert furniture not in joined


@pytest.mark.parametrize("name", ["sample", "scraped"])
def test_pdf_one_pager(exported, name: str) -> None:
    document = exported["documents"][name]
    pages = pdf_pages(exported["out"] / f"{slugify(document.title)}.pdf")
    assert len(pages) == 1
    text = _squash(pages[0])
    assert _squash(document.title) in text
    for sentence in _summary(document):
        assert _squash(sentence) in text
    for furniture in FURNITURE:
        assert furniture not in text


def test_epub_digest_has_a_chapter_per_article(exported) -> None:
    out = exported["out"]
    digest = out / "morning-digest.epub"
    chapters = epub_chapters(digest)
    everything = " ".join(chapters.values())
    for document in exported["documents"].values():
        assert document.title in everything
        for sentence in _summary(document):
            assert _squash(sentence) in everything
        assert _squash(document.blocks[-1].text) in everything
    for furniture in FURNITURE:
        assert furniture not in everything
    assert "Morning digest" in everything


def test_the_cli_digest_passes_epubcheck(exported) -> None:
    from conftest import require_tool
    from epubcheck_util import check_epubs

    require_tool("java", hint="install a Java runtime for EPUBCheck")
    digest = exported["out"] / "morning-digest.epub"
    (result,) = check_epubs([digest]).values()
    assert result.clean, str(result)


def test_readme_example_runs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    readme = (ROOT / "README.md").read_text("utf-8")
    code = re.search(r"## Python API\s+```python\n(.*?)```", readme, re.S)
    assert code is not None
    samples = tmp_path / "exporter" / "samples"
    samples.mkdir(parents=True)
    shutil.copy(ROOT / "exporter" / "samples" / "harbour-solar.md", samples)
    monkeypatch.chdir(tmp_path)
    exec(compile(code.group(1), "README.md", "exec"), {})
    import docx

    titles = [
        p.text for p in docx.Document("out/harbour.docx").paragraphs if p.style.name == "Title"
    ]
    assert titles == [read_path(samples / "harbour-solar.md").title]
    assert Path("out/harbour.pdf").read_bytes().startswith(b"%PDF")


def test_preview_writes_a_png_beside_the_pdf(tmp_path: Path, sample_article: Path,
                                             capsys) -> None:
    assert main(["export", str(sample_article), "--format", "pdf", "--preview", "--out",
                 str(tmp_path)]) == 0
    written = [Path(line) for line in capsys.readouterr().out.split()]
    assert [p.suffix for p in written] == [".pdf", ".png"]
    assert written[1].read_bytes().startswith(b"\x89PNG\r\n\x1a\n")
    assert written[0].stem == written[1].stem


def test_a_digest_drops_a_repeated_article_and_says_so(tmp_path: Path, sample_article: Path,
                                                       capsys) -> None:
    copy = tmp_path / "again.md"
    copy.write_bytes(sample_article.read_bytes())
    other = tmp_path / "other.txt"
    other.write_text("Ferry timetable changes from Monday\n\nThe ferry company will run "
                     "two extra sailings on weekdays from Monday. Tickets are on sale now.\n")
    assert main(["export", str(sample_article), str(other), str(copy), "--format", "epub",
                 "--digest-title", "Desk digest", "--out", str(tmp_path / "out")]) == 0
    captured = capsys.readouterr()
    assert f"exporter: dropped {copy}: duplicate of {sample_article} (same source URL)" in \
        captured.err
    chapters = epub_chapters(tmp_path / "out" / "desk-digest.epub")
    titles = " ".join(chapters.values())
    assert titles.count("Harbour town votes to turn disused rail yard") >= 1
    assert "Ferry timetable changes from Monday" in titles
    articles = [text for name, text in chapters.items() if "/article-" in name]
    assert len(articles) == 2
    assert sum("Councillors in Kestrel Bay voted" in text for text in articles) == 1


def test_render_takes_documents_and_summarises_them() -> None:
    import io

    from pypdf import PdfReader

    import exporter

    first = exporter.read_string(
        "Ferry timetable changes from Monday\n\nThe island ferry will leave at seven, not eight, "
        "from Monday. The operator said the change follows a survey of commuters. Tickets "
        "bought for the old times remain valid for a month. The council welcomed the move.\n")
    second = exporter.read_string(
        "Neue Buslinie verbindet Dörfer\n\nAb Juni fährt ein Bus stündlich zwischen den Dörfern. "
        "Der Landkreis zahlt die Hälfte der Kosten. Die Gemeinden teilen sich den Rest. "
        "Die erste Fahrt beginnt um sechs Uhr.\n")
    pdf = PdfReader(io.BytesIO(exporter.render(first, "pdf")))
    assert len(pdf.pages) == 1
    assert "Ferry timetable changes from Monday" in _squash(pdf.pages[0].extract_text())
    options = exporter.Options(sentences=2)
    epub = exporter.render([first, second], "epub", options)
    with zipfile.ZipFile(io.BytesIO(epub)) as book:
        text = " ".join(book.read(n).decode() for n in book.namelist() if n.endswith(".xhtml"))
    assert "Neue Buslinie verbindet Dörfer" in text
    assert "The island ferry will leave at seven, not eight, from Monday." in text
