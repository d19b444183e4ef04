"""The Markdown reader and its YAML front matter."""

from __future__ import annotations

import datetime

import pytest

from exporter.errors import InputError
from exporter.model import Heading, ListItem, Quote
from exporter.readers import read_path, read_string

ARTICLE = """---
title: Die Stadt baut eine neue Brücke
author: Lena Vogt, Jonas Berg
date: 2025-04-02
source: https://example.org/bruecke
language: de
---

# Die Stadt baut eine neue Brücke

Der Stadtrat hat am Dienstag den Bau einer neuen Brücke beschlossen. Die Kosten liegen bei 12 Mio. Euro.

## Der Zeitplan

> „Wir beginnen im Herbst“, sagte die Bürgermeisterin.

1. Planung bis Juni
2. Baubeginn im *Oktober*

Mehr dazu [auf der Seite der Stadt](https://example.org/plan) und `<script>alert(1)</script>`.
"""


def test_front_matter_and_structure() -> None:
    document = read_string(ARTICLE)
    assert document.title == "Die Stadt baut eine neue Brücke"
    assert document.authors == ("Lena Vogt", "Jonas Berg")
    assert document.published == datetime.date(2025, 4, 2)
    assert document.source_url == "https://example.org/bruecke"
    assert document.language == "de"
    kinds = [type(b) for b in document.blocks]
    assert kinds.count(Heading) == 1 and document.blocks[1] == Heading("Der Zeitplan", 1)
    assert isinstance(document.blocks[2], Quote)
    items = [b for b in document.blocks if isinstance(b, ListItem)]
    assert [i.text for i in items] == ["Planung bis Juni", "Baubeginn im Oktober"]
    assert all(i.ordered for i in items)
    last = document.blocks[-1].text
    assert "auf der Seite der Stadt" in last and "https://example.org/plan" not in last
    assert "<script>alert(1)</script>" in last  # literal text, never markup


def test_the_sample_article_ships_with_the_package(sample_article) -> None:
    document = read_path(sample_article)
    assert document.title.startswith("Harbour town votes")
    assert document.place == "Kestrel Bay, Northshire"
    assert document.blocks[0].text.startswith("Councillors in Kestrel Bay voted")


def test_a_level_one_heading_is_the_title_without_front_matter() -> None:
    document = read_string(
        "# Storm closes ports\n\nAll ports shut at noon. Ships waited offshore.\n"
    )
    assert document.title == "Storm closes ports"
    assert document.text == "All ports shut at noon. Ships waited offshore."


def test_bad_front_matter_is_a_clear_input_error() -> None:
    with pytest.raises(InputError, match="invalid YAML front matter"):
        read_string("---\ntitle: [unclosed\n---\n\nBody text here.\n", format="markdown")
