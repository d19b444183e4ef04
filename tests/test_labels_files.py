"""The documents' words as files: ``templates/labels/<lang>.toml``, a user's copies of
them in ``template_dir/labels/``, and the one-pager's ``[labels]`` (issue 15, bug 4)."""

from __future__ import annotations

import io
import subprocess
import sys
from datetime import date
from pathlib import Path

import docx
import pytest
from pypdf import PdfReader

from exporter.config import Options
from exporter.deliver.bodies import render_bodies
from exporter.errors import UsageError
from exporter.labels import FOLDER, LANGUAGES, labels_for
from exporter.model import Article
from exporter.resources import packaged_templates
from exporter.writers.registry import get_writer
from tests.conftest import make_article, make_document

_GERMAN = ("Der Stadtrat hat am Montag eine neue Brücke beschlossen. Die Abstimmung endete "
           "sieben zu zwei.", "Der Bau soll im Mai beginnen und 4,5 Millionen Euro kosten.",
           "„Diese Brücke verbindet unsere Viertel“, sagte Bürgermeisterin Ana Ruiz.")
_SWEDISH = ("Kommunfullmäktige beslutade i måndags att bygga en ny bro över ån. Omröstningen "
            "slutade sju mot två.", "Bygget ska börja i maj och kosta 4,5 miljoner kronor.",
            "”Bron knyter ihop våra stadsdelar”, sade kommunalrådet Ana Ruiz.")


def _article(language: str, paragraphs: tuple[str, ...], title: str) -> Article:
    return make_article(make_document(
        title, paragraphs, language=language, authors=("Ana Ruiz", "Tom Lee"),
        published=date(2024, 3, 7), source_url="https://example.org/bro"), count=2)


def _pdf_text(article: Article, template_dir: Path | None = None) -> str:
    out = io.BytesIO()
    get_writer("pdf").write([article], out, Options(template_dir=template_dir))
    return " ".join(PdfReader(io.BytesIO(out.getvalue())).pages[0].extract_text().split())


def _docx_text(article: Article, template_dir: Path | None = None) -> str:
    out = io.BytesIO()
    get_writer("docx").write([article], out, Options(template_dir=template_dir))
    return "\n".join(p.text for p in docx.Document(io.BytesIO(out.getvalue())).paragraphs)


def _write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_the_packaged_files_are_found_and_every_one_is_complete() -> None:
    folder = packaged_templates() / FOLDER
    assert {p.stem for p in folder.glob("*.toml")} == set(LANGUAGES)
    assert {"en", "de", "fr", "es", "it", "pt", "nl", "pl", "ru", "uk", "el"} <= set(LANGUAGES)


def test_a_users_file_changes_some_words_and_keeps_the_rest(tmp_path: Path) -> None:
    _write(tmp_path, "labels/de.toml", 'summary = "Das Wichtigste"\n[articles]\nother = "{count} Texte"\n')
    mine, packaged = labels_for("de-AT", tmp_path), labels_for("de")
    assert mine.summary == "Das Wichtigste" and packaged.summary == "Zusammenfassung"
    assert mine.key_quotes == packaged.key_quotes == "Zentrale Zitate"
    assert mine.articles(1) == "1 Artikel" and mine.articles(3) == "3 Texte"
    assert mine.date(date(2024, 3, 7)) == "7. März 2024"
    assert "DAS WICHTIGSTE" in _pdf_text(_article("de", _GERMAN, "Neue Brücke"), tmp_path)


def test_an_english_users_file_also_serves_languages_without_words(tmp_path: Path) -> None:
    _write(tmp_path, "labels/en.toml", 'summary = "In short"\n')
    assert labels_for("ja", tmp_path).summary == "In short"
    assert labels_for("ja", tmp_path).language == "en" and labels_for("de", tmp_path).summary \
        == "Zusammenfassung"


def test_adding_a_language_is_adding_a_file(tmp_path: Path) -> None:
    swedish = _article("sv", _SWEDISH, "Ny bro över ån")
    assert labels_for("sv").language == "en"
    assert "Key points" in _docx_text(swedish)
    _write(tmp_path, "labels/sv.toml", "\n".join([
        'summary = "Sammanfattning"', 'key_points = "Viktigast"', 'key_quotes = "Citat"',
        'full_text = "Hela texten"', 'reading_time = "{minutes} min läsning"',
        'byline = "Av {names}"', 'quote_marks = ["”", "”"]',
        "[articles]", 'one = "{count} artikel"', 'other = "{count} artiklar"', ""]))
    words = labels_for("sv-SE", tmp_path)
    assert (words.language, words.locale, words.summary) == ("sv", "sv", "Sammanfattning")
    assert words.source == "Source:"  # a word the file leaves out is the English one
    # Dates, lists and plural forms are CLDR's Swedish, with no table anywhere to edit.
    assert words.date(date(2024, 3, 7)) == "7 mars 2024"
    assert words.names(["A", "B", "C"]) == "A, B och C"
    assert (words.articles(1), words.articles(2)) == ("1 artikel", "2 artiklar")
    text = _docx_text(swedish, tmp_path)
    assert "Viktigast" in text and "Key points" not in text
    assert "Av Ana Ruiz och Tom Lee" in text and "7 mars 2024" in text
    page = _pdf_text(swedish, tmp_path)
    assert "SAMMANFATTNING" in page and "1 min läsning" in page and "7 mars 2024" in page
    assert "SUMMARY" not in page and "min read" not in page
    bodies = render_bodies([swedish], options=Options(template_dir=tmp_path))
    assert "Sammanfattning" in bodies.text and "Ana Ruiz och Tom Lee" in bodies.text
    book = _epub_chapter(swedish, tmp_path)
    assert "Sammanfattning" in book and "Av Ana Ruiz och Tom Lee" in book
    assert "7 mars 2024" in book and "Summary" not in book


def test_an_edited_file_is_read_again(tmp_path: Path) -> None:
    path = _write(tmp_path, "labels/fr.toml", 'summary = "En bref"\n')
    assert labels_for("fr", tmp_path).summary == "En bref"
    path.write_text('summary = "L’essentiel du jour"\n', encoding="utf-8")
    assert labels_for("fr", tmp_path).summary == "L’essentiel du jour"


@pytest.mark.parametrize(("text", "message"), [
    ('sumary = "x"\n', "unknown label 'sumary'"),
    ('reading_time = "min read"\n', "reading_time must contain {minutes}"),
    ('byline = "By"\n', "byline must contain {names}"),
    ("[articles]\nsome = \"{count}\"\n", "unknown plural category [articles] 'some'"),
    ('[articles]\none = "an article"\n', "[articles] one must contain {count}"),
    ('locale = "xx_YY"\n', "bad value for locale"),
    ('date_format = "HH:mm"\n', "bad value for date_format"),
    ('date_format = "d MMMMMMMM y"\n', "bad value for date_format"),
    ('quote_marks = "«»"\n', "bad value for quote_marks"),
    ('summary = "two\\nlines"\n', "bad value for summary"),
    ("summary = [\n", "cannot read the documents' words"),
    ("articles = 3\n", "[articles] must be a table"),
])
def test_a_bad_file_is_refused_in_one_line(tmp_path: Path, text: str, message: str) -> None:
    path = _write(tmp_path, "labels/it.toml", text)
    with pytest.raises(UsageError) as error:
        labels_for("it", tmp_path)
    assert str(error.value).startswith(f"{path}: ") and message in str(error.value)
    assert "\n" not in str(error.value)


def test_a_new_language_cldr_does_not_know_must_name_its_locale(tmp_path: Path) -> None:
    _write(tmp_path, "labels/qq.toml", 'summary = "Qq"\n')
    with pytest.raises(UsageError, match="set locale"):
        labels_for("qq", tmp_path)
    _write(tmp_path, "labels/qq.toml", 'summary = "Qq"\nlocale = "en"\n')
    assert labels_for("qq", tmp_path).date(date(2024, 3, 7)) == "March 7, 2024"


def test_a_language_tag_never_names_another_file(tmp_path: Path) -> None:
    _write(tmp_path, "secret.toml", 'summary = "leak"\n')
    assert labels_for("../secret", tmp_path).summary == "Summary"


# --- bug 4: a copied onepager.toml keeps the article's language -----------------------------

def test_a_copied_onepager_with_one_colour_changed_keeps_german_labels(tmp_path: Path) -> None:
    packaged = (packaged_templates() / "onepager.toml").read_text(encoding="utf-8")
    _write(tmp_path, "onepager.toml", packaged.replace('masthead = "#1F3A5F"', 'masthead = "#004400"'))
    page = _pdf_text(_article("de", _GERMAN, "Neue Brücke"), tmp_path)
    assert "ZUSAMMENFASSUNG" in page and "ZENTRALE ZITATE" in page and "Min. Lesezeit" in page
    assert "SUMMARY" not in page and "min read" not in page


def test_a_copy_of_the_former_onepager_with_english_labels_keeps_german_too(
        tmp_path: Path) -> None:
    """The file as shipped before: its [labels] said the English words."""
    packaged = (packaged_templates() / "onepager.toml").read_text(encoding="utf-8")
    former = packaged[:packaged.index("\n[labels]\n")] + "\n".join(["",
        "[labels]", 'summary = "Summary"', 'key_quotes = "Key quotes"',
        'key_figures = "Key figures"', 'article = "From the article"',
        'continued = "The article continues at the source."', 'source = "Source:"',
        'reading_time = "{minutes} min read"', ""]).replace("#C0392B", "#800000")
    _write(tmp_path, "onepager.toml", former)
    page = _pdf_text(_article("de", _GERMAN, "Neue Brücke"), tmp_path)
    assert "ZUSAMMENFASSUNG" in page and "Quelle:" in page and "SUMMARY" not in page


def test_a_label_the_onepager_changes_is_that_word_in_every_language(tmp_path: Path) -> None:
    _write(tmp_path, "onepager.toml", '[labels]\nsummary = "Briefly"\n')
    german = _pdf_text(_article("de", _GERMAN, "Neue Brücke"), tmp_path)
    assert "BRIEFLY" in german and "ZENTRALE ZITATE" in german and "ZUSAMMENFASSUNG" not in german
    # A word for one language only goes in that language's labels file.
    _write(tmp_path, "onepager.toml", "[colours]\naccent = \"#123456\"\n")
    _write(tmp_path, "labels/de.toml", 'summary = "Kurz gesagt"\n')
    assert "KURZ GESAGT" in _pdf_text(_article("de", _GERMAN, "Neue Brücke"), tmp_path)
    assert "SUMMARY" in _pdf_text(_article("en", ("The council met on Monday. It voted.",),
                                           "Council meets"), tmp_path)


def test_import_exporter_loads_no_babel() -> None:
    code = "import sys, exporter; print('babel' in sys.modules)"
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True, cwd=Path(__file__).parent.parent)
    assert run.stdout.strip() == "False"


def _epub_chapter(article: Article, template_dir: Path) -> str:
    """The text of the EPUB chapter of ``article`` written with ``template_dir``'s words."""
    import zipfile

    out = io.BytesIO()
    get_writer("epub").write([article], out, Options(template_dir=template_dir))
    with zipfile.ZipFile(io.BytesIO(out.getvalue())) as book:
        name = next(n for n in book.namelist() if "article-" in n and n.endswith(".xhtml"))
        return book.read(name).decode("utf-8")
