"""The DOCX writer prepares its template once, holds it, and uses no private python-docx API.

The writer instance holds the prepared template for the options it was last given;
the module keeps no cache and takes no lock. Briefings written from one prepared
template, in any order and on any thread, equal those written one by one.
"""

from __future__ import annotations

import ast
import io
import os
import zipfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import docx
import pytest
from test_docx import (
    ORGANISATION,
    LogoOptions,
    _png,
    english_article,
    english_document,
    rtl_article,
    summarised,
)

from exporter.config import Options
from exporter.errors import UsageError
from exporter.model import Article
from exporter.resources import packaged_templates
from exporter.writers.docx import DocxWriter

ROOT = Path(__file__).resolve().parents[2]
WRITER_SOURCES = sorted((ROOT / "exporter" / "writers" / "docx").glob("*.py"))


def _write(writer: DocxWriter, article: Article, options: Options) -> bytes:
    out = io.BytesIO()
    writer.write([article], out, options)
    return out.getvalue()


def _articles() -> list[Article]:
    hebrew = rtl_article(["הוועדה אישרה את התוכנית החדשה בישיבה."], "he", "תוכנית הנמל")
    return [summarised(english_document(source_url=url, title=f"Pier report {n}"), [(0, 0)])
            for n, url in enumerate([None, "https://example.org/a", None,
                                     "https://example.net/b?x=1&y=2"])] + [hebrew]


def test_a_batch_prepares_its_template_once(tmp_path: Path) -> None:
    template = tmp_path / "house.docx"
    template.write_bytes((packaged_templates() / "briefing.docx").read_bytes())
    options = Options(organisation=ORGANISATION, docx_template=template)
    writer = DocxWriter()
    writer.check(options)
    prepared = writer.prepared(options)
    first = [_write(writer, article, options) for article in _articles()]
    assert writer.prepared(options) is prepared
    # Another organisation is another header, from the same prepared template.
    other = Options(organisation="Harbour Desk", docx_template=template)
    header = docx.Document(io.BytesIO(_write(writer, english_article(), other))).sections[0].header
    assert [p.text for p in header.paragraphs] == ["Harbour Desk"]
    assert writer.prepared(other) is prepared
    # A fresh writer prepares its own, and writes the same bytes.
    fresh = DocxWriter()
    assert [_write(fresh, article, options) for article in _articles()] == first
    assert fresh.prepared(options) is not prepared
    # The template file changed on disk: prepared again.
    stamp = template.stat().st_mtime_ns + 1_000_000_000
    os.utime(template, ns=(stamp, stamp))
    assert writer.prepared(options) is not prepared
    assert [_write(writer, article, options) for article in _articles()] == first


def test_an_unusable_template_is_refused_for_every_article(tmp_path: Path) -> None:
    broken = tmp_path / "broken.docx"
    broken.write_bytes(b"PK\x03\x04 not really a zip")
    options = Options(docx_template=broken)
    writer = DocxWriter()
    for _ in range(2):
        with pytest.raises(UsageError, match="broken.docx: not a usable .docx template"):
            writer.check(options)
        with pytest.raises(UsageError, match="broken.docx: not a usable .docx template"):
            _write(writer, english_article(), options)
    # Mended, it is used at once.
    broken.write_bytes((packaged_templates() / "briefing.docx").read_bytes())
    assert docx.Document(io.BytesIO(_write(writer, english_article(), options))).paragraphs


def test_threads_sharing_one_prepared_template_write_what_one_thread_writes() -> None:
    writer = DocxWriter()
    jobs = [(article, Options(organisation=f"Desk {n % 3}"))
            for n, article in enumerate(_articles() * 6)]
    alone = [_write(DocxWriter(), article, options) for article, options in jobs]
    with ThreadPoolExecutor(max_workers=6) as pool:
        together = list(pool.map(lambda job: _write(writer, *job), jobs))
    assert together == alone


def test_content_types_are_those_python_docx_writes(tmp_path: Path) -> None:
    """``[Content_Types].xml`` is written from the parts, as python-docx would write it."""
    logo = tmp_path / "Logo.PNG"
    logo.write_bytes(_png())
    data = _write(DocxWriter(), english_article(), LogoOptions(organisation="Acme",
                                                               docx_logo=logo))
    resaved = io.BytesIO()
    docx.Document(io.BytesIO(data)).save(resaved)
    with zipfile.ZipFile(io.BytesIO(data)) as ours, zipfile.ZipFile(resaved) as theirs:
        types = ours.read("[Content_Types].xml")
        assert types == theirs.read("[Content_Types].xml")
        assert ours.namelist()[0] == "[Content_Types].xml"
        assert sorted(ours.namelist()) == sorted(theirs.namelist())
    assert b'<Default Extension="png" ContentType="image/png"/>' in types
    assert b'PartName="/word/document.xml"' in types


def _imports(path: Path) -> list[tuple[str, str]]:
    """(module, name) of every ``from ... import`` in ``path``."""
    tree = ast.parse(path.read_text("utf-8"))
    return [(node.module or "", alias.name) for node in ast.walk(tree)
            if isinstance(node, ast.ImportFrom) for alias in node.names]


def test_the_writer_uses_no_private_python_docx_api() -> None:
    assert len(WRITER_SOURCES) > 5
    private = [(path.name, module, name) for path in WRITER_SOURCES
               for module, name in _imports(path)
               if module.split(".")[0] == "docx"
               and (name.startswith("_") or any(p.startswith("_") for p in module.split(".")))]
    assert private == []


def test_the_writer_keeps_no_cache_or_lock_of_its_own_modules() -> None:
    """What is prepared is held by the writer instance: no module-level cache, no lock."""
    found = []
    for path in WRITER_SOURCES:
        tree = ast.parse(path.read_text("utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Import | ast.ImportFrom):
                names = [alias.name for alias in node.names]
                module = getattr(node, "module", None) or ""
                if "threading" in names or module == "threading" or (
                        module == "functools" and {"cache", "lru_cache"} & set(names)):
                    found.append((path.name, node.lineno))
        for node in tree.body:  # module-level dicts filled at run time
            if isinstance(node, ast.AnnAssign | ast.Assign) and isinstance(
                    node.value, ast.Dict) and not node.value.keys:
                found.append((path.name, node.lineno))
    assert found == []
