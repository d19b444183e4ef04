"""Shared fixtures and small builders for the test suite."""

from __future__ import annotations

import os
import shutil
from collections.abc import Sequence
from pathlib import Path

import pytest

from exporter.model import Article, Document, Summary
from exporter.readers.build import RawBlock, build_document

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
IN_CI = bool(os.environ.get("CI"))


def shared_path(*parts: str) -> Path:
    """A path under ../shared; skips the test (clearly) when ../shared is absent."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"{path} is absent (../shared is beside the project in CI)")
    return path


def require_tool(name: str, *, hint: str) -> str:
    """The path of an external program; skip without it, but fail in CI, where it must exist."""
    found = shutil.which(name)
    if found:
        return found
    message = f"{name} not found: {hint}"
    if IN_CI:
        pytest.fail(message)
    pytest.skip(message)


def make_document(
    title: str = "Council approves new bridge",
    paragraphs: Sequence[str] = (
        "The city council approved a new bridge on Monday. The vote was 7 to 2.",
        "Construction will start in May. It is expected to cost $4.5 million.",
        '"This bridge will connect our neighbourhoods," Mayor Ana Ruiz said.',
    ),
    *,
    headings: dict[int, str] | None = None,
    **meta: object,
) -> Document:
    """A small Document built the way readers build them; ``headings`` maps position -> text."""
    raw: list[RawBlock] = []
    for i, text in enumerate(paragraphs):
        if headings and i in headings:
            raw.append(RawBlock("heading", headings[i], 1))
        raw.append(RawBlock("paragraph", text))
    return build_document(raw, title=title, **meta)  # type: ignore[arg-type]


def make_article(document: Document | None = None, count: int = 2) -> Article:
    """An Article whose summary is the document's first ``count`` sentences."""
    document = document or make_document()
    sentences = tuple(list(document.sentences())[:count])
    return Article(document, Summary(sentences, "lead"))


@pytest.fixture
def sample_article() -> Path:
    """The sample article that ships inside the package."""
    from exporter.resources import sample_article as packaged

    return packaged()
