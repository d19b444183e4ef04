"""Real web pages through the whole pipeline, all three formats (issue #13 point 6).

A fixed sample of ``../shared/eval/web`` (every 20th page: 25 of 495, many
languages and encodings) goes through ``exporter export`` as the CLI runs it.
Each page must exit 0 with a DOCX, a PDF and an EPUB, or exit 2 with exactly one
line on stderr (the documented refusal, e.g. a script the PDF fonts lack) and
the other formats still written; never a traceback. The files are read back: the
DOCX's title (python-docx) is the reader's title of the page, the PDF (pypdf) is
a one-pager, the EPUB holds the page's title. ``benchmarks/export_web.py`` runs
all 495 pages the same way.
"""

from __future__ import annotations

import gzip
import html
import json
import zipfile
from pathlib import Path

import pytest

from exporter.cli import main
from exporter.readers import read_bytes
from exporter.textclean import clean_inline
from tests.conftest import shared_path

FORMATS = ("docx", "pdf", "epub")
EVERY = 20  # the sample: pages 0, 20, 40, ... of gold.json


def _sample() -> list[dict[str, object]]:
    gold = json.loads(shared_path("eval", "web", "gold.json").read_text(encoding="utf-8"))
    return list(gold[::EVERY])


def _key(text: str) -> str:
    return " ".join(text.split()).casefold()


def test_a_sample_of_real_pages_exports_or_is_refused_in_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import docx
    from pypdf import PdfReader

    web = shared_path("eval", "web")
    cases = _sample()
    assert len(cases) >= 25
    exported = refused = 0
    for case in cases:
        name = str(case["id"])
        data = gzip.decompress((web / str(case["page"])).read_bytes())
        page = tmp_path / f"{name}.html"
        page.write_bytes(data)
        out = tmp_path / name
        code = main(["export", str(page), "--format", ",".join(FORMATS), "--out", str(out),
                     "--jobs", "1"])
        captured = capsys.readouterr()
        assert "Traceback" not in captured.err + captured.out, name
        lines = [line for line in captured.err.splitlines() if line.strip()]
        written = {path.suffix[1:]: path for path in out.iterdir()} if out.exists() else {}
        if code == 0:
            assert sorted(written) == sorted(FORMATS), (name, captured.err)
            exported += 1
        else:
            assert code == 2 and len(lines) == 1, (name, code, lines)
            assert "pdf" not in written and {"docx", "epub"} <= set(written), (name, lines)
            refused += 1
        title = clean_inline(read_bytes(data, source=page.name, format="html").title)
        assert _key(docx.Document(str(written["docx"])).core_properties.title) == _key(title), name
        if "pdf" in written:
            assert len(PdfReader(str(written["pdf"])).pages) == 1, name
        with zipfile.ZipFile(written["epub"]) as book:
            xhtml = " ".join(
                book.read(item).decode("utf-8") for item in book.namelist()
                if item.endswith(".xhtml")
            )
        assert html.escape(title.split()[0], quote=False) in xhtml, name
    assert exported >= 20, f"only {exported} of {len(cases)} exported ({refused} refused)"
