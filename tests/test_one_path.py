"""One path from sources to outputs (#15 point 3): the CLI, the API and email order,
deduplicate and name the digest alike, read the preview from the options, and take
their input formats from one table of readers."""

from __future__ import annotations

import io
import re
import zipfile
from email import message_from_bytes, policy
from email.message import EmailMessage
from pathlib import Path

import pytest

import exporter
from exporter.cli import main
from exporter.config import Options
from exporter.readers.formats import ARTICLE_SUFFIXES, INPUT_FORMATS, SUFFIXES

# Three short articles of our own, in three languages, published on different days.
ARTICLES = {
    "tram.md": """\
---
title: Tram line reaches the harbour district
date: 2025-06-03
source: https://example.org/city/tram
language: en
---

The new tram line opened on Tuesday and now runs every six minutes from the station to
the harbour district. The city council said the line cost less than planned.

Shop owners along the route reported more customers in the first week. The operator will
add late evening trams from September.
""",
    "bibliothek.md": """\
---
title: Stadtbibliothek öffnet sonntags
date: 2025-01-15
source: https://example.org/kultur/bibliothek
language: de
---

Die Stadtbibliothek hat ab diesem Monat auch am Sonntag geöffnet. Der Gemeinderat hat
dafür zwei zusätzliche Stellen bewilligt.

Familien nutzen das neue Angebot besonders am Vormittag. Die Leitung will im Herbst
eine erste Bilanz ziehen.
""",
    "mercado.md": """\
---
title: El mercado cubierto reabre tras la reforma
date: 2025-03-20
source: https://example.org/ciudad/mercado
language: es
---

El mercado cubierto volvió a abrir sus puertas el jueves después de dos años de obras.
Los comerciantes recuperan sus puestos con nuevas cámaras frigoríficas.

El ayuntamiento espera atraer a más visitantes los fines de semana. La primera semana
pasaron por el mercado miles de vecinos.
""",
}
TITLES = {
    "tram.md": "Tram line reaches the harbour district",
    "bibliothek.md": "Stadtbibliothek öffnet sonntags",
    "mercado.md": "El mercado cubierto reabre tras la reforma",
}
GIVEN = ["tram.md", "bibliothek.md", "mercado.md"]
BY_DATE = ["bibliothek.md", "mercado.md", "tram.md"]  # January, March, June


def _write_articles(folder: Path) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for name in GIVEN:
        path = folder / name
        path.write_text(ARTICLES[name], encoding="utf-8")
        paths.append(path)
    return paths


def _repeat_of(folder: Path, name: str) -> Path:
    """The same article again under another file name (same source URL, same text)."""
    copy = folder / f"copy-of-{name}"
    copy.write_text(ARTICLES[name], encoding="utf-8")
    return copy


def _chapters(epub: bytes) -> list[str]:
    """The titles of our articles, in the book's reading order (its spine)."""
    with zipfile.ZipFile(io.BytesIO(epub)) as book:
        opf_name = next(n for n in book.namelist() if n.endswith(".opf"))
        opf = book.read(opf_name).decode()
        base = opf_name.rpartition("/")[0]
        hrefs = dict(re.findall(r'<item\b[^>]*\bid="([^"]+)"[^>]*\bhref="([^"]+)"', opf))
        hrefs |= {i: h for h, i in re.findall(
            r'<item\b[^>]*\bhref="([^"]+)"[^>]*\bid="([^"]+)"', opf)}
        found = []
        for idref in re.findall(r'<itemref\b[^>]*\bidref="([^"]+)"', opf):
            text = book.read(f"{base}/{hrefs[idref]}" if base else hrefs[idref]).decode()
            found += [name for name, title in TITLES.items()
                      if f'class="article-title" id="title">{title}<' in text]
        return found


def _only(folder: Path, suffix: str) -> Path:
    [path] = sorted(folder.glob(f"*{suffix}"))
    return path


# ------------------------------------------------------------------ bug 3: the API's order


def test_the_api_export_puts_the_digest_in_the_options_order(tmp_path: Path) -> None:
    sources = _write_articles(tmp_path / "in")
    dated = exporter.export(sources, Options(order="date", out_dir=tmp_path / "date"),
                            formats=["epub"])
    given = exporter.export(sources, Options(out_dir=tmp_path / "given"), formats=["epub"])
    assert dated.ok and given.ok
    assert _chapters(_only(tmp_path / "date", ".epub").read_bytes()) == BY_DATE
    assert _chapters(_only(tmp_path / "given", ".epub").read_bytes()) == GIVEN


def test_the_cli_and_the_api_write_the_same_digest(tmp_path: Path) -> None:
    sources = _write_articles(tmp_path / "in")
    assert main(["export", *map(str, sources), "--format", "epub", "--order", "date",
                 "--out", str(tmp_path / "cli")]) == 0
    report = exporter.export(sources, Options(order="date", out_dir=tmp_path / "api"),
                             formats=["epub"])
    cli, api = _only(tmp_path / "cli", ".epub"), _only(tmp_path / "api", ".epub")
    assert [p.name for p in report.written] == [cli.name] == ["digest.epub"]
    assert _chapters(cli.read_bytes()) == _chapters(api.read_bytes()) == BY_DATE


def test_an_unknown_order_is_refused_before_anything_is_written(tmp_path: Path) -> None:
    sources = _write_articles(tmp_path / "in")
    with pytest.raises(exporter.UsageError, match="unknown order 'sideways'"):
        exporter.export(sources, Options(order="sideways", out_dir=tmp_path / "out"))
    assert not (tmp_path / "out").exists()


def test_the_preview_is_an_option_of_the_path(tmp_path: Path) -> None:
    [source, *_] = _write_articles(tmp_path / "in")
    report = exporter.export([source], Options(preview=True, out_dir=tmp_path / "out"),
                             formats=["pdf"])
    assert report.ok, report.failures
    assert sorted(p.suffix for p in report.written) == [".pdf", ".png"]
    png = _only(tmp_path / "out", ".png").read_bytes()
    assert png.startswith(b"\x89PNG\r\n\x1a\n")
    plain = exporter.export([source], Options(out_dir=tmp_path / "plain"), formats=["pdf"])
    assert [p.suffix for p in plain.written] == [".pdf"]


# ------------------------------------------ bug 6: render and email deduplicate and order


def test_render_leaves_a_repeat_out_of_the_digest_and_orders_it(tmp_path: Path) -> None:
    sources = _write_articles(tmp_path)
    articles = [exporter.read_article(p) for p in [*sources, _repeat_of(tmp_path, "tram.md")]]
    assert len(articles) == 4
    book = exporter.render(articles, "epub", Options(order="date"))
    assert _chapters(book) == BY_DATE
    assert _chapters(exporter.render(articles, "epub")) == GIVEN


def test_render_of_a_digest_equals_the_export_of_the_same_articles(tmp_path: Path) -> None:
    sources = [*_write_articles(tmp_path / "in"), _repeat_of(tmp_path / "in", "mercado.md")]
    options = Options(order="date", out_dir=tmp_path / "out")
    report = exporter.export(sources, options, formats=["epub"])
    assert report.notices == [f"dropped {sources[-1]}: duplicate of {sources[2]} "
                              "(same source URL)"]
    articles = [exporter.read_article(p) for p in sources]
    assert exporter.render(articles, "epub", options) == _only(tmp_path / "out",
                                                               ".epub").read_bytes()


def _eml_epub(path: Path) -> tuple[str, bytes]:
    message = message_from_bytes(path.read_bytes(), policy=policy.default)
    assert isinstance(message, EmailMessage)
    [(name, data)] = [(part.get_filename(), part.get_content())
                      for part in message.iter_attachments()]
    assert isinstance(name, str) and isinstance(data, bytes)
    return name, data


def test_email_attaches_the_digest_without_repeats_in_the_configured_order(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.chdir(tmp_path)
    for name in ("EXPORTER_SMTP_USER", "EXPORTER_SMTP_PASSWORD", "EXPORTER_SMTP_CAFILE"):
        monkeypatch.delenv(name, raising=False)
    (tmp_path / "exporter.toml").write_text('order = "date"\n', encoding="utf-8")
    sources = [*_write_articles(tmp_path / "in"), _repeat_of(tmp_path / "in", "tram.md")]
    code = main(["email", *map(str, sources), "--to", "desk@example.org", "--from",
                 "news@example.org", "--attach", "epub", "--eml", str(tmp_path / "m.eml")])
    assert code == 0, capsys.readouterr().err
    name, data = _eml_epub(tmp_path / "m.eml")
    assert name == "digest.epub"
    assert _chapters(data) == BY_DATE
    # The same book as `exporter export` writes for the same articles and options.
    assert main(["export", *map(str, sources), "--format", "epub", "--out",
                 str(tmp_path / "out")]) == 0
    assert data == (tmp_path / "out" / "digest.epub").read_bytes()


def test_email_attachments_are_named_as_export_names_files(tmp_path: Path) -> None:
    from exporter.deliver import render_attachments
    from exporter.pipeline import read_article

    sources = _write_articles(tmp_path / "in")
    options = Options(digest_title="Harbour weekly", out_dir=tmp_path / "out")
    articles = [read_article(str(p), options) for p in sources[:1]]
    files = render_attachments(articles, ["pdf", "epub"], options)
    report = exporter.export(sources[:1], options, formats=["pdf", "epub"])
    assert [f.filename for f in files] == [p.name for p in report.written] == [
        "tram-line-reaches-the-harbour-district.pdf", "harbour-weekly.epub"]


# ------------------------------------------------------ bug 5: one table of readers


def test_a_folder_of_mdown_files_exports(tmp_path: Path) -> None:
    folder = tmp_path / "notes"
    folder.mkdir()
    (folder / "story.mdown").write_text(ARTICLES["mercado.md"], encoding="utf-8")
    report = exporter.export([folder], Options(out_dir=tmp_path / "out"), formats=["pdf"])
    assert report.ok, report.failures
    assert [p.name for p in report.written] == ["el-mercado-cubierto-reabre-tras-la-reforma.pdf"]


def test_every_suffix_a_reader_takes_is_expanded_from_a_folder(tmp_path: Path) -> None:
    from exporter.pipeline import expand_sources

    assert set(ARTICLE_SUFFIXES) == set(SUFFIXES) == {
        suffix for entry in INPUT_FORMATS for suffix in entry.suffixes}
    for suffix in ARTICLE_SUFFIXES:
        (tmp_path / f"a{suffix.replace('.', '-')}{suffix.upper()}").write_text("x")
    (tmp_path / "notes.rtf").write_text("x")
    expanded = [Path(p).suffix.lower() for p in expand_sources([tmp_path])]
    assert sorted(expanded) == sorted(ARTICLE_SUFFIXES)


def test_the_table_decides_how_a_suffix_is_read(tmp_path: Path) -> None:
    text = "# Not a heading in a text file\n\nThe ferry leaves at seven. It returns at nine.\n"
    (tmp_path / "a.txt").write_text(text)
    (tmp_path / "a.mdown").write_text(text)
    as_text = exporter.read_article(tmp_path / "a.txt")
    as_markdown = exporter.read_article(tmp_path / "a.mdown")
    assert as_markdown.title == "Not a heading in a text file"  # read as Markdown
    assert as_text.title == "# Not a heading in a text file"  # read as plain text
