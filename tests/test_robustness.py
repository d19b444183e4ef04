"""Hostile input through every format: valid outputs, or exit 2 with one line and no file.

Each input of the robustness issue is exported in all three formats by the real
CLI entry point. Then every output is checked for real, in batches: each PDF has
exactly one page whose text extracts, each DOCX opens with python-docx and
converts with LibreOffice, each EPUB passes EPUBCheck with no error.
"""

from __future__ import annotations

import codecs
import contextlib
import os
import shutil
import subprocess
import zipfile
from dataclasses import dataclass
from pathlib import Path

import pytest
from conftest import IN_CI, require_tool
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from exporter.cli import main
from exporter.config import Options
from exporter.errors import ExporterError
from exporter.model import Article
from exporter.pipeline import render
from exporter.readers.build import RawBlock, build_document
from exporter.summarise import summarise
from tests.writers.scriptfonts import printable

BODY = ("The harbour board met on Monday to discuss the new quay. Members agreed to "
        "spend more on repairs. The work will start in spring.")
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 8


def _harbour_report(megabytes: float) -> bytes:
    """An article of varied, readable sentences, ``megabytes`` long (20 MB: about 80,000
    paragraphs); a shorter one is the longer one's beginning."""
    lines = ["The annual report of the harbour board runs to many pages", ""]
    size, number = 0, 0
    while size < megabytes * 1024 * 1024:
        line = (f"In section {number} the board noted that berth {number % 97} handled "
                f"{number * 37 % 9000} tonnes of cargo. Repairs to quay {number % 13} cost "
                f"{number % 500} thousand pounds over {number % 12 + 1} months. Inspectors "
                f"visited on day {number % 365} and found {number % 7} faults.")
        lines.append(line)
        lines.append("")
        size += len(line) + 2
        number += 1
    return "\n".join(lines).encode("utf-8")


def _hostile_inputs() -> dict[str, bytes]:
    """name -> file content, for every input the robustness issue lists."""
    return {
        "empty.txt": b"",
        "whitespace.txt": b"  \n\t \r\n   \n",
        "title-only.txt": b"A headline with nothing under it\n",
        "long-paragraph.txt": ("Endless sentence " + "and more words " * 1400).encode(),
        "long-word.txt": ("Word test\n\nThe word is " + "a" * 5000 + " and it ends.").encode(),
        "image.txt": PNG,
        "invalid-utf8.txt": b"Bad bytes in a story\n\nThe caf\xe9 \xff\xfe opened. " + BODY.encode(),
        "utf16-bom.txt": codecs.BOM_UTF16_LE + ("Zürich café story\n\n" + BODY).encode("utf-16-le"),
        "controls.txt": ("Control characters story\n\nThe\x00 board\x07 met\x0b today\x0c. "
                         + BODY + "\x1b[31m red\x7f \x85 next").encode(),
        "surrogates.txt": b"Surrogate story\n\nA lone \xed\xa0\x80 surrogate. " + BODY.encode(),
        "markup.txt": ("Markup <b>in</b> the & headline\n\nThe <b>board</b> met &amp; agreed. "
                       "<script>alert('x')</script> A <font name=\"x\">font</font> tag. "
                       "R&D and Q&A <img src=\"/etc/passwd\"> <a href=\"javascript:alert(1)\">"
                       "link</a>. " + BODY).encode(),
        "emoji.txt": ("Emoji story 🎉 today\n\nFamilies 👨‍👩‍👧‍👦 cheered 🇺🇦 the result. "
                      "Flags 🏳️‍🌈 flew. " + BODY).encode(),
        "rtl.txt": ("عنوان الخبر اليوم\n\nاجتمع مجلس الميناء يوم الاثنين لمناقشة الرصيف الجديد. "
                    "ووافق الأعضاء على زيادة الإنفاق.\n\n"
                    "ועדת הנמל התכנסה ביום שני. החברים הסכימו להגדיל את התקציב.").encode(),
        "mixed.txt": ("Mixed scripts in one story\n\nThe mayor of Ереван met Ἀθῆναι officials "
                      "and Bakı's əhali in Երևան. " + BODY).encode(),
        "cjk.txt": ("東京の港で新しい岸壁\n\n港湾委員会は月曜日に新しい岸壁について話し合った。"
                    "委員は修理費の増額に同意した。").encode(),
        "twenty-megabytes.txt": _harbour_report(20),
        "twenty-megabytes-cut.txt": _harbour_report(CUT_MEGABYTES),
        "passwd.md": b"---\ntitle: '../../etc/passwd'\n---\n\n" + BODY.encode(),
        "con.md": b"---\ntitle: CON\n---\n\n" + BODY.encode(),
        "long-title.md": b"---\ntitle: '" + b"Long title " * 28 + b"'\n---\n\n" + BODY.encode(),
    }


# LibreOffice converts the 20 MB article's briefing in minutes: it converts the
# briefing of the same article cut to its first 128 KB (about 700 paragraphs, some
# 40 pages) instead, written the same way; python-docx reads the whole one.
CUT_MEGABYTES = 0.125
CUT_FOR_LIBREOFFICE = {"twenty-megabytes.txt": "twenty-megabytes-cut.txt"}

# Inputs that must be refused, and a word the one-line message must contain.
REFUSED = {"empty.txt": "empty", "whitespace.txt": "empty", "title-only.txt": "no article text",
           "image.txt": "PNG image"}


# Inputs for which one format plainly refuses (a script no installed font has: the
# one-pager prints CJK with the system's fonts when they are there), while the other
# formats are written.
PARTIAL = {} if printable("東京の港で新しい岸壁") else {
    "cjk.txt": (".pdf", "pdf: no font for CJK and Hiragana in the PDF one-pager")}


@dataclass
class Run:
    name: str
    code: int
    err: str
    outputs: list[Path]


@pytest.fixture(scope="module")
def runs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Run]:
    folder = tmp_path_factory.mktemp("hostile")
    results: dict[str, Run] = {}
    for name, content in _hostile_inputs().items():
        source = folder / name
        source.write_bytes(content)
        out = folder / f"out-{name}"
        errors = folder / f"err-{name}"
        with errors.open("w") as err_handle, (folder / f"stdout-{name}").open("w") as out_handle:
            with contextlib.redirect_stderr(err_handle), contextlib.redirect_stdout(out_handle):
                code = main(["export", str(source), "--out", str(out), "--method", "default"])
        outputs = sorted(out.iterdir()) if out.exists() else []
        results[name] = Run(name, code, errors.read_text(), outputs)
    return results


def test_refused_inputs_exit_2_with_one_line_and_no_file(runs: dict[str, Run]) -> None:
    for name, word in REFUSED.items():
        run = runs[name]
        assert run.code == 2, run
        lines = run.err.strip().splitlines()
        assert len(lines) == 1 and lines[0].startswith("exporter: ") and name in lines[0], run
        assert word in lines[0]
        assert run.outputs == []


def test_other_inputs_write_every_format(runs: dict[str, Run]) -> None:
    for name, run in runs.items():
        if name in REFUSED:
            continue
        expected = {".docx", ".epub", ".pdf"}
        if name in PARTIAL:
            suffix, message = PARTIAL[name]
            expected.discard(suffix)
            assert run.code == 2, run
            (line,) = run.err.splitlines()
            assert message in line and name in line
        else:
            assert run.code == 0, run
        assert {p.suffix for p in run.outputs} == expected, run
        assert all(p.stat().st_size > 0 for p in run.outputs)
        assert not [p for p in run.outputs if p.name.startswith(".")], "temporary file left"


def test_file_names_from_titles_are_safe(runs: dict[str, Run]) -> None:
    assert {p.name for p in runs["passwd.md"].outputs} == {
        "etc-passwd.docx", "etc-passwd.pdf", "etc-passwd.epub"}
    assert {p.stem for p in runs["con.md"].outputs} == {"con-article"}
    assert all(len(p.name) <= 85 for p in runs["long-title.md"].outputs)


def _pdf_text(path: Path) -> tuple[int, str]:
    from pypdf import PdfReader

    reader = PdfReader(str(path))
    return len(reader.pages), reader.pages[0].extract_text() or ""


def test_every_pdf_is_one_page_with_its_text(runs: dict[str, Run]) -> None:
    for run in runs.values():
        for path in run.outputs:
            if path.suffix == ".pdf":
                pages, text = _pdf_text(path)
                assert pages == 1, path
                assert len(text.split()) > 5, path
    _, markup = _pdf_text(next(p for p in runs["markup.txt"].outputs if p.suffix == ".pdf"))
    flat = " ".join(markup.split())
    for literal in ("<b>board</b>", "&amp;", "<script>", '<font name="x">', "R&D", "Q&A"):
        assert literal in flat


def test_every_docx_opens_and_keeps_text_literal(runs: dict[str, Run]) -> None:
    import docx

    for run in runs.values():
        for path in run.outputs:
            if path.suffix == ".docx":
                document = docx.Document(str(path))
                assert any(p.style.name == "Title" for p in document.paragraphs), path
    markup = next(p for p in runs["markup.txt"].outputs if p.suffix == ".docx")
    text = "\n".join(p.text for p in docx.Document(str(markup)).paragraphs)
    for literal in ("<b>board</b>", "&amp;", "<script>", '<font name="x">'):
        assert literal in text


@pytest.mark.parametrize("name", sorted(CUT_FOR_LIBREOFFICE))
def test_a_long_articles_docx_holds_all_its_paragraphs(runs: dict[str, Run], name: str) -> None:
    """The article LibreOffice sees cut: python-docx reads the whole briefing, every
    paragraph of the article in order in its full text, and the cut one's beginning."""
    import docx

    source = _hostile_inputs()[name].decode().split("\n\n")
    title, paragraphs = source[0], [p.strip() for p in source[1:] if p.strip()]
    for input_name, count in ((name, len(paragraphs)), (CUT_FOR_LIBREOFFICE[name], None)):
        (path,) = [p for p in runs[input_name].outputs if p.suffix == ".docx"]
        body = docx.Document(str(path)).paragraphs
        assert body[0].text == title and body[0].style.name == "Title"
        start = next(i for i, p in enumerate(body) if p.style.name.startswith("Heading")
                     and p.text == "Full text") + 1
        written = [p.text for p in body[start:]]
        assert written == paragraphs[: len(written)], path
        if count is not None:
            assert len(written) == count > 75_000, path
        else:
            assert 300 < len(written) < 1_000, path


def test_every_docx_converts_with_libreoffice(runs: dict[str, Run], tmp_path: Path) -> None:
    """Every kind of briefing opens in LibreOffice and converts to PDF, in one run; the
    20 MB article's kind through its cut version (CUT_FOR_LIBREOFFICE)."""
    soffice = require_tool("soffice", hint="apt-get install libreoffice-writer-nogui")
    files = [p for run in runs.values() if run.name not in CUT_FOR_LIBREOFFICE
             for p in run.outputs if p.suffix == ".docx"]
    stand_ins = [p for name in CUT_FOR_LIBREOFFICE.values() for p in runs[name].outputs
                 if p.suffix == ".docx"]
    assert len(stand_ins) == len(CUT_FOR_LIBREOFFICE) and set(stand_ins) <= set(files)
    inbox = tmp_path / "in"
    inbox.mkdir()
    copies = []
    for i, path in enumerate(files):  # plain names: LibreOffice's own naming stays predictable
        copy = inbox / f"doc{i}.docx"
        shutil.copy(path, copy)
        copies.append(copy)
    outdir = tmp_path / "pdf"
    subprocess.run([soffice, f"-env:UserInstallation=file://{tmp_path}/profile", "--headless",
                    "--convert-to", "pdf", "--outdir", str(outdir), *map(str, copies)],
                   check=True, capture_output=True, timeout=600)
    for copy, original in zip(copies, files, strict=True):
        pdf = outdir / f"{copy.stem}.pdf"
        assert pdf.is_file() and pdf.stat().st_size > 0, original
        if original in stand_ins:  # laid out over many pages, as the whole one would be
            from pypdf import PdfReader

            assert len(PdfReader(str(pdf)).pages) > 5, original


def test_every_epub_passes_epubcheck(runs: dict[str, Run]) -> None:
    from epubcheck_util import check_epubs

    require_tool("java", hint="install a Java runtime for EPUBCheck")
    books = [p for run in runs.values() for p in run.outputs if p.suffix == ".epub"]
    results = check_epubs(books)
    failures = [str(r) for r in results.values() if not r.clean]
    assert not failures, "\n\n".join(failures)
    from lxml import etree

    book = next(p for p in runs["markup.txt"].outputs if p.suffix == ".epub")
    with zipfile.ZipFile(book) as archive:
        pages = [etree.fromstring(archive.read(n)) for n in archive.namelist()
                 if n.endswith(".xhtml")]
    text = " ".join(" ".join(page.itertext()) for page in pages)
    assert "<script>alert('x')</script>" in text and '<font name="x">' in text
    for page in pages:
        assert not page.xpath("//*[local-name()='script' or local-name()='font' or "
                              "local-name()='b']")
        targets = page.xpath("//@href | //@src")
        assert not [t for t in targets if t.strip().lower().startswith("javascript:")]
        # Images are the book's own files (the cover), never a path from the article.
        assert all(":" not in src and not src.startswith("/") for src in page.xpath("//@src"))


def test_missing_file_folder_and_unwritable_output(tmp_path: Path, capsys) -> None:
    empty = tmp_path / "empty-folder"
    empty.mkdir()
    assert main(["export", str(tmp_path / "missing.txt"), "--out", str(tmp_path / "o")]) == 2
    assert f"{tmp_path / 'missing.txt'}: no such file" in capsys.readouterr().err
    assert main(["export", str(empty), "--out", str(tmp_path / "o")]) == 2
    assert "is a folder with no article files" in capsys.readouterr().err
    article = tmp_path / "ok.txt"
    article.write_text("A fine headline here\n\n" + BODY)
    blocker = tmp_path / "blocker"
    blocker.write_text("a file where the output folder should be")
    assert main(["export", str(article), "--out", str(blocker / "out")]) == 2
    err = capsys.readouterr().err
    assert "cannot write there" in err and "Traceback" not in err


def test_an_input_over_the_limit_is_refused(tmp_path: Path, capsys) -> None:
    (tmp_path / "exporter.toml").write_text("max_input_bytes = 1000\n")
    article = tmp_path / "big.txt"
    article.write_text("A big headline\n\n" + BODY * 20)
    here = os.getcwd()
    os.chdir(tmp_path)
    try:
        assert main(["export", str(article), "--out", str(tmp_path / "o")]) == 2
    finally:
        os.chdir(here)
    err = capsys.readouterr().err
    assert f"{article}: is 2.6 kB, over the 1.0 kB input limit" in err
    assert not (tmp_path / "o").exists()


# --- property-based: arbitrary Unicode documents through every writer ----------------------

_TEXT = st.text(st.characters(min_codepoint=1, exclude_categories=()),
                min_size=1, max_size=120)


@st.composite
def documents(draw: st.DrawFn) -> Article:
    blocks = draw(st.lists(st.tuples(st.sampled_from(["paragraph", "heading", "quote", "item"]),
                                     _TEXT), min_size=1, max_size=6))
    raw = [RawBlock(kind, text) for kind, text in blocks]
    raw.append(RawBlock("paragraph", draw(_TEXT) + " ends here."))
    document = build_document(raw, title=draw(_TEXT), authors=[draw(_TEXT)],
                              place=draw(st.none() | _TEXT), language=draw(
                                  st.sampled_from(["en", "de", "ru", "ar", "xx", None])))
    return Article(document, summarise(document, sentences=3))


@pytest.mark.skipif(not IN_CI and shutil.which("java") is None, reason="needs Java for EPUBCheck")
def test_arbitrary_unicode_documents_through_every_writer(tmp_path: Path) -> None:
    import docx
    from epubcheck_util import check_epubs
    from pypdf import PdfReader

    written: list[Path] = []

    @settings(max_examples=30, deadline=None, suppress_health_check=list(HealthCheck))
    @given(documents())
    def exercise(article: Article) -> None:
        for format in ("docx", "pdf", "epub"):
            try:
                data = render([article], format, Options())
            except ExporterError as error:  # a clear refusal is allowed, never a crash
                assert str(error) and "\n" not in str(error)
                continue
            path = tmp_path / f"{len(written)}.{format}"
            path.write_bytes(data)
            written.append(path)
            if format == "docx":
                docx.Document(str(path))
            elif format == "pdf":
                assert len(PdfReader(str(path)).pages) == 1

    exercise()
    books = [p for p in written if p.suffix == ".epub"]
    assert books
    results = check_epubs(books)
    failures = [str(r) for r in results.values() if not r.clean]
    assert not failures, "\n\n".join(failures[:3])
