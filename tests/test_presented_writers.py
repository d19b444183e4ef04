"""An article is presented once, before any writer runs, and a writer only writes markup.

A new format needs nothing but the model and the Presentation: the little HTML writer
below proves it. The built-in writers never reach the extractors themselves.
"""

from __future__ import annotations

import ast
import datetime
import html
import io
import subprocess
import sys
import zipfile
from pathlib import Path

import docx
from conftest import ROOT, make_article
from pypdf import PdfReader

from exporter.config import Options
from exporter.deliver.bodies import render_bodies
from exporter.model import Article, Heading, ListBlock, Paragraph, Quote
from exporter.pipeline import render
from exporter.presentation import Presentation, PresentedArticle, presented
from exporter.readers.build import RawBlock, build_document

WRITERS = ROOT / "exporter" / "writers"


def _article() -> Article:
    raw = [
        RawBlock("paragraph", "Der Stadtrat von Hafenstadt hat am Montag 12 neue Fähren "
                 "bestellt. Die Flotte kostet 48 Millionen Euro."),
        RawBlock("paragraph", "„Wir fahren ab dem Frühjahr alle zehn Minuten“, sagte die "
                 "Bürgermeisterin Lena Brandt vor dem Rat."),
        RawBlock("heading", "Der Fahrplan", 2),
        RawBlock("item", "Erste Fähre im März", ordered=True, start=2),
        RawBlock("item", "Zweite Fähre im Juni", ordered=True),
        RawBlock("quote", "Die Fähre ist unser Bus auf dem Wasser."),
        RawBlock("paragraph", "Lena Brandt sagte, die Fähren würden 3.000 Fahrgäste am Tag "
                 "befördern. Lena Brandt will den Plan im Mai vorstellen."),
    ]
    document = build_document(
        raw, title="Hafenstadt bestellt neue Fähren", authors=["Jonas Weber", "Lea Brandt"],
        published=datetime.date(2025, 3, 7), place="Hafenstadt", language="de",
        source_url="https://www.hafen.example/nachrichten/faehren")
    return make_article(document, count=1)


def html_page(article: Article, presentation: Presentation) -> str:
    """A whole new format in a few lines: markup only, from the model and the presentation."""
    meta = presentation.meta
    out = [f'<article lang="{article.document.language}" dir="{presentation.direction}">',
           f"<h1>{html.escape(presentation.title)}</h1>",
           f'<p class="meta">{html.escape(meta.text())}'
           f'<time datetime="{meta.iso_date}"></time></p>']
    out += [f"<blockquote>{html.escape(q.text)}</blockquote>"
            for q in presentation.key_quotes(3)]
    out += [f"<p class=figure>{html.escape(f.figure)}</p>" for f in presentation.key_figures(3)]
    out.append(f'<meta name="keywords" content="{html.escape(", ".join(presentation.keywords(4)))}">')
    for _, block in article.document.body():
        if isinstance(block, Heading):
            out.append(f"<h2>{html.escape(block.text)}</h2>")
        elif isinstance(block, ListBlock):
            tag = "ol" if block.ordered else "ul"
            start = f' start="{block.start}"' if block.ordered else ""
            items = "".join(f"<li>{html.escape(item.text)}</li>" for item in block.items)
            out.append(f"<{tag}{start}>{items}</{tag}>")
        elif isinstance(block, Quote):
            out.append(f"<blockquote>{html.escape(block.text)}</blockquote>")
        elif isinstance(block, Paragraph):
            out.append(f"<p>{html.escape(block.text)}</p>")
    return "\n".join(out + ["</article>"])


def test_a_new_writer_needs_only_the_model_and_the_presentation() -> None:
    article = presented(_article(), Options(organisation="Hafenblatt"))
    page = html_page(article, article.presentation)
    assert '<article lang="de" dir="ltr">' in page
    assert "<h1>Hafenstadt bestellt neue Fähren</h1>" in page
    assert ('<p class="meta">hafen.example · Von Jonas Weber und Lea Brandt · 7. März 2025 · '
            "Hafenstadt · 1 Min. Lesezeit<time") in page
    assert '<time datetime="2025-03-07">' in page
    assert '<ol start="2"><li>Erste Fähre im März</li><li>Zweite Fähre im Juni</li></ol>' in page
    assert "Wir fahren ab dem Frühjahr" in page  # a key quote, not a summary bullet
    assert "<p class=figure>48 Millionen Euro</p>" in page
    assert "Lena Brandt" in page.split('name="keywords"')[1].split(">")[0]
    assert article.presentation.band == "Hafenblatt"


def test_every_writer_and_the_email_show_the_one_meta_line() -> None:
    article = presented(_article())
    meta = article.presentation.meta.text()
    briefing = docx.Document(io.BytesIO(render([article], "docx")))
    assert meta in [p.text for p in briefing.paragraphs]
    page = PdfReader(io.BytesIO(render([article], "pdf"))).pages[0].extract_text()
    assert article.presentation.meta.source is not None
    assert all(part in " ".join(page.split()) for part in article.presentation.meta.parts())
    with zipfile.ZipFile(io.BytesIO(render([article], "epub"))) as book:
        chapter = next(book.read(n).decode() for n in book.namelist()
                       if n.endswith(".xhtml") and "Fahrplan" in book.read(n).decode())
    for part in article.presentation.meta.parts():
        assert html.escape(part, quote=False) in chapter
    bodies = render_bodies([article], options=Options(), attachments=(), notices=())
    assert meta in bodies.text


def test_the_briefing_and_the_one_pager_share_one_extraction() -> None:
    article = presented(_article())
    held = article.presentation.extraction.__dict__
    assert "quotes" not in held  # nothing is extracted before a writer asks
    render([article], "docx")
    quotes, figures, words = held["quotes"], held["figures"], held["keywords"]
    assert quotes.best and figures.best and words
    render([article], "pdf")
    assert held["quotes"] is quotes and held["figures"] is figures
    assert held["keywords"] is words
    assert presented(article) is article  # the pipeline hands the same one on
    other = presented(article, Options(organisation="Hafenblatt"))
    assert other is not article and other.presentation.band == "Hafenblatt"
    assert other.presentation.extraction is article.presentation.extraction  # one document


def test_a_presented_article_holds_the_article_it_presents() -> None:
    plain = _article()
    shown = presented(plain)
    assert isinstance(shown, PresentedArticle) and isinstance(shown, Article)
    assert shown.document is plain.document and shown.summary is plain.summary
    assert shown.presentation.title == "Hafenstadt bestellt neue Fähren"


def _imports(path: Path) -> set[str]:
    """The modules ``path`` imports, relative imports resolved against its package."""
    package = ".".join(path.relative_to(ROOT).with_suffix("").parts)
    if path.name != "__init__.py":
        package = package.rsplit(".", 1)[0]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[: len(base) - node.level + 1]
                module = ".".join(base + ([node.module] if node.module else []))
            else:
                module = node.module or ""
            found.add(module)
            found.update(f"{module}.{alias.name}" for alias in node.names)
    return found


def test_no_writer_imports_the_extractors() -> None:
    modules = sorted(WRITERS.rglob("*.py"))
    assert len(modules) > 20
    reaching = {str(path.relative_to(ROOT)): sorted(name for name in _imports(path)
                                                    if name.startswith("exporter.extract"))
                for path in modules}
    assert {path: names for path, names in reaching.items() if names} == {}
    # The check sees relative imports: the presentation module is found as imported.
    assert "exporter.presentation" in _imports(WRITERS / "docx" / "build.py")


def test_importing_every_writer_leaves_the_extractors_unloaded() -> None:
    script = (
        "import importlib, pkgutil, sys\n"
        "import exporter.writers as w\n"
        "for info in pkgutil.walk_packages(w.__path__, 'exporter.writers.'):\n"
        "    importlib.import_module(info.name)\n"
        "loaded = [m for m in sys.modules if m.startswith('exporter.writers.')]\n"
        "assert len(loaded) > 20, loaded\n"
        "print(sorted(m for m in sys.modules if m.startswith('exporter.extract')))\n"
    )
    result = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True,
                            text=True, check=True)
    assert result.stdout.strip() == "[]"
