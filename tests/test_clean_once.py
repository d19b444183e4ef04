"""Text is cleaned once, where it is made (the model, the options), never by a writer
(#15 point 1), and an article's extractors run once per render (#15 points 5 and 6)."""

from __future__ import annotations

import io
import sys
import zipfile
from collections import Counter
from collections.abc import Callable
from typing import Any

import pytest
from docx import Document as open_docx
from pypdf import PdfReader

import exporter
from exporter.config import Options
from exporter.model import Article, Document, Heading, Paragraph, Sentence, Summary
from exporter.textclean import clean_inline

BAD = "\x00\x07\x1b\ud800\udfff\ufffe\uffff\x85\x9f"


def test_a_sentence_is_cleaned_as_it_is_made_exactly_like_clean_inline() -> None:
    samples = ["Plain sentence.", "  padded  ", "double  space", "tab\there", "e\u0301",
               "form\x0cfeed", "nbsp\u00a0here", "line\nbreak", "😀 ok", ""]
    samples += [f"a{chr(code)}b" for code in range(0x110000)]
    assert [Sentence(text, 0, 0).text for text in samples] == [
        clean_inline(text) for text in samples]


def test_a_clean_text_is_kept_as_the_same_object() -> None:
    text = "The ferry runs again on Monday."
    assert Sentence(text, 0, 0).text is text


def _hand_built() -> Article:
    """A document built by hand, as an API caller may, every text holding bad characters."""
    first = Sentence(f"Bridge{BAD} opens  on\x0bMonday.", 0, 0)
    second = Sentence(f"The toll{BAD} is 2 euros.", 0, 1)
    document = Document(
        title=f"Bridge{BAD} opens", blocks=(Paragraph((first, second)),
                                            Heading(f"What{BAD} next", 1),
                                            Paragraph((Sentence(f"Work{BAD} ends.", 2, 0),))),
        standfirst=f"A new{BAD} crossing", authors=(f"Ana{BAD} Ruiz", BAD), place=f"Har{BAD}bour",
        source_url=f"https://example.org/a{BAD}b", language="en")
    return Article(document, Summary((first,), "lead"))


def _docx_text(data: bytes) -> str:
    return "\n".join(p.text for p in open_docx(io.BytesIO(data)).paragraphs)


def _epub_text(data: bytes) -> str:
    with zipfile.ZipFile(io.BytesIO(data)) as book:
        return "\n".join(book.read(n).decode("utf-8") for n in book.namelist()
                         if n.endswith(".xhtml"))


def _pdf_text(data: bytes) -> str:
    return " ".join(" ".join(page.extract_text().split())
                    for page in PdfReader(io.BytesIO(data)).pages)


@pytest.mark.parametrize(("fmt", "read"), [("docx", _docx_text), ("pdf", _pdf_text),
                                           ("epub", _epub_text)])
def test_a_hand_built_document_with_bad_characters_gives_valid_documents(
        fmt: str, read: Callable[[bytes], str]) -> None:
    article = _hand_built()
    assert article.document.title == "Bridge opens"
    assert article.document.authors == ("Ana Ruiz", "")
    text = read(exporter.render(article, fmt, Options(organisation=f"Har{BAD}bour Press")))
    for shown in ("Bridge opens", "Bridge opens on Monday.", "Ana Ruiz"):
        assert shown in text, (fmt, shown)
    assert not any(char in text for char in BAD), fmt


def test_the_email_body_shows_a_hand_built_document_s_text_clean() -> None:
    from exporter.deliver.bodies import render_bodies

    bodies = render_bodies([_hand_built()], options=Options(), attachments=(), notices=())
    assert "Bridge opens on Monday." in bodies.text
    assert not any(char in bodies.text + bodies.html for char in BAD)


def test_the_options_words_are_cleaned_once_when_made() -> None:
    options = Options(organisation=f" Har{BAD}bour  Press ", digest_title=f"Week{BAD} 1")
    assert (options.organisation, options.digest_title) == ("Har bour Press", "Week 1")  # NEL is a space


_EXTRACTORS = (("exporter.extract.quotes", "rank_quotes"),
               ("exporter.extract.figures", "rank_figures"),
               ("exporter.extract.keywords", "ranked_keywords"),
               ("exporter.extract.scope", "opening"))


@pytest.fixture
def extractor_calls(monkeypatch: pytest.MonkeyPatch) -> Counter[str]:
    """How often each real extractor runs: each wrapped where the presentation finds it."""
    import exporter.extract as extract

    calls: Counter[str] = Counter()

    def counted(name: str, real: Callable[..., Any]) -> Callable[..., Any]:
        def run(*args: Any, **kwargs: Any) -> Any:
            calls[name] += 1
            return real(*args, **kwargs)
        return run

    for module, name in _EXTRACTORS:
        wrapped = counted(name, getattr(sys.modules[module], name))
        monkeypatch.setattr(sys.modules[module], name, wrapped)
        monkeypatch.setattr(extract, name, wrapped)
    return calls


@pytest.mark.parametrize("fmt", ["docx", "pdf"])
def test_render_extracts_once_per_article(fmt: str, extractor_calls: Counter[str]) -> None:
    from conftest import make_article

    article = make_article()
    exporter.render(article, fmt)
    assert extractor_calls == {"rank_quotes": 1, "rank_figures": 1, "ranked_keywords": 1,
                               "opening": 1}
    extractor_calls.clear()
    exporter.render(article.document, fmt)  # a plain Document: summarised, then presented
    assert extractor_calls == {"rank_quotes": 1, "rank_figures": 1, "ranked_keywords": 1,
                               "opening": 1}


def test_a_digest_runs_no_extractor(extractor_calls: Counter[str]) -> None:
    from conftest import make_article

    exporter.render([make_article()], "epub")
    assert not extractor_calls
