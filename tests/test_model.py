"""The document model: immutable, stable sentence positions, derived counts."""

from __future__ import annotations

import dataclasses

import pytest
from conftest import make_document

from exporter.model import Heading, Paragraph, Sentence


def test_documents_are_immutable() -> None:
    document = make_document()
    with pytest.raises(dataclasses.FrozenInstanceError):
        document.title = "Changed"  # type: ignore[misc]
    with pytest.raises(dataclasses.FrozenInstanceError):
        document.blocks[0].sentences[0].text = "Changed"  # type: ignore[misc]


def test_positions_count_blocks_including_headings() -> None:
    document = make_document(paragraphs=("One. Two.", "Three."), headings={1: "Middle"})
    assert isinstance(document.blocks[1], Heading)
    assert [s.position for s in document.sentences()] == [(0, 0), (0, 1), (2, 0)]
    assert document.sentence_at(2, 0) == Sentence("Three.", 2, 0)
    assert document.sentence_at(0, 1).anchor == "s0-1"
    with pytest.raises(LookupError):
        document.sentence_at(1, 0)


def test_word_count_and_reading_time() -> None:
    words = " ".join(["word"] * 229) + "."
    document = make_document(paragraphs=(words, "Two more."), headings={1: "A heading"})
    assert document.word_count == 229 + 2 + 2
    assert document.reading_time == 2
    assert make_document(paragraphs=("Short.",)).reading_time == 1
    assert isinstance(document.blocks[0], Paragraph)
