"""Digest ordering and duplicate removal (exporter.collect)."""

from __future__ import annotations

import random
import time
from datetime import date

import pytest
from conftest import make_article, make_document
from hypothesis import given, settings
from hypothesis import strategies as st

from exporter.collect import deduplicate, order_articles
from exporter.errors import UsageError
from exporter.model import Article

WORDS = ("harbour council bridge vote budget river school market railway station library "
         "museum winter summer tax road park water energy solar wind farm port ship crew "
         "festival teacher doctor hospital clinic court judge police fire storm flood").split()


def long_text(seed: int, sentences: int = 30) -> list[str]:
    """Distinct, plausible paragraphs: a seeded shuffle of words per sentence."""
    generator = random.Random(seed)
    paragraphs = []
    for _ in range(sentences // 5):
        paragraph = " ".join(
            " ".join(generator.choices(WORDS, k=12)).capitalize() + "." for _ in range(5))
        paragraphs.append(paragraph)
    return paragraphs


def news(title: str, seed: int = 0, *, url: str | None = None,
         published: date | None = None, paragraphs: list[str] | None = None) -> Article:
    document = make_document(title, paragraphs if paragraphs is not None else long_text(seed),
                             source_url=url, published=published, language="en")
    return make_article(document)


# ---------------------------------------------------------------- ordering


def test_order_by_date_is_oldest_first_stable_with_undated_last() -> None:
    a = news("A", 1, published=date(2026, 5, 2))
    b = news("B", 2)
    c = news("C", 3, published=date(2026, 5, 1))
    d = news("D", 4, published=date(2026, 5, 2))
    e = news("E", 5)
    ordered = order_articles([a, b, c, d, e], "date")
    assert [x.document.title for x in ordered] == ["C", "A", "D", "B", "E"]


def test_order_as_given_keeps_the_order() -> None:
    articles = [news("B", 1, published=date(2026, 1, 2)), news("A", 2, published=date(2025, 1, 1))]
    assert order_articles(articles, "given") == articles
    assert order_articles(articles, " Given ") == articles
    assert order_articles(articles, "DATE")[0].document.title == "A"


def test_unknown_order_is_a_usage_error() -> None:
    with pytest.raises(UsageError, match="date or given"):
        order_articles([], "alphabetical")


# ---------------------------------------------------------------- duplicates by URL


@pytest.mark.parametrize("variant", [
    "https://www.example.org/news/story",
    "http://example.org/news/story",
    "https://EXAMPLE.org/news/story/",
    "https://example.org/news/story#comments",
    "https://example.org/news/story?utm_source=feed&utm_medium=rss",
    "https://example.org:443/news/story?fbclid=abc",
])
def test_same_source_url_is_a_duplicate(variant: str) -> None:
    first = news("Original", 1, url="https://example.org/news/story")
    second = news("Reworded headline", 2, url=variant)  # different text: the URL decides
    kept, dropped = deduplicate([first, second])
    assert kept == [first]
    assert dropped == [(second, first, "same source URL")]


@pytest.mark.parametrize("other", [
    "https://example.org/news/other-story",
    "https://example.org/news/story?id=2",
    "https://example.com/news/story",
    "https://example.org:8443/news/story",
])
def test_different_source_urls_are_kept(other: str) -> None:
    first = news("One", 1, url="https://example.org/news/story")
    second = news("Two", 2, url=other)
    assert deduplicate([first, second]) == ([first, second], [])


# ---------------------------------------------------------------- duplicates by text


def test_near_identical_text_is_a_duplicate() -> None:
    paragraphs = long_text(7, sentences=40)
    edited = list(paragraphs)
    edited[-1] = "Meanwhile, " + edited[-1]  # one small edit in a long text
    first = news("Council votes", paragraphs=paragraphs, url="https://a.example/1")
    second = news("Council votes (updated)", paragraphs=edited, url="https://b.example/2")
    kept, dropped = deduplicate([first, second])
    assert kept == [first]
    assert len(dropped) == 1
    assert dropped[0][:2] == (second, first)
    assert dropped[0][2].startswith("near-identical text, ") and dropped[0][2].endswith("% similar")


def test_identical_text_under_another_title_is_a_duplicate() -> None:
    first = news("Title one", 3)
    second = news("Title two", 3)
    assert deduplicate([first, second]) == ([first], [(second, first, "identical text")])


def test_related_but_different_articles_are_kept() -> None:
    paragraphs = long_text(11, sentences=40)
    half = paragraphs[: len(paragraphs) // 2] + long_text(12, sentences=20)
    first = news("Story", paragraphs=paragraphs)
    second = news("Follow-up sharing half its text", paragraphs=half)
    assert deduplicate([first, second]) == ([first, second], [])


def test_short_texts_must_match_exactly_with_their_title() -> None:
    same = news("Brief", paragraphs=["Road closed."])
    again = news("Brief", paragraphs=["Road  closed."])
    other_title = news("Another brief", paragraphs=["Road closed."])
    kept, dropped = deduplicate([same, again, other_title])
    assert kept == [same, other_title]
    assert dropped == [(again, same, "identical text")]


def test_articles_without_text_are_not_duplicates_of_each_other() -> None:
    first = news("Empty one", paragraphs=[])
    second = news("Empty two", paragraphs=[])
    assert deduplicate([first, second]) == ([first, second], [])


def test_every_repeat_points_at_the_first_copy() -> None:
    first = news("Same", 5)
    copies = [news(f"Copy {n}", 5) for n in range(3)]
    kept, dropped = deduplicate([first, *copies])
    assert kept == [first]
    assert [(d, k) for d, k, _ in dropped] == [(c, first) for c in copies]


def test_kept_articles_keep_their_order() -> None:
    articles = [news(f"N{n}", n) for n in range(6)]
    repeat = news("Repeat of N2", 2)
    kept, dropped = deduplicate([*articles[:3], repeat, *articles[3:]])
    assert kept == articles
    assert dropped == [(repeat, articles[2], "identical text")]


def test_deduplication_scales_to_a_large_batch() -> None:
    articles = [news(f"Article {n}", n, url=f"https://example.org/{n}") for n in range(300)]
    articles.append(news("Late repeat", 150))
    start = time.perf_counter()
    kept, dropped = deduplicate(articles)
    elapsed = time.perf_counter() - start
    assert len(kept) == 300 and [d[1] for d in dropped] == [articles[150]]
    assert elapsed < 5, f"deduplicating 301 articles took {elapsed:.1f} s"


@settings(max_examples=40, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 4), st.integers(0, 3), st.booleans()), max_size=12))
def test_kept_and_dropped_partition_the_input(spec: list[tuple[int, int, bool]]) -> None:
    articles = [news(f"T{n}", seed, url=f"https://example.org/{url}" if has_url else None)
                for n, (seed, url, has_url) in enumerate(spec)]
    kept, dropped = deduplicate(articles)
    assert sorted(map(id, kept + [d[0] for d in dropped])) == sorted(map(id, articles))
    assert [a for a in articles if any(a is k for k in kept)] == kept  # order preserved
    for _, original, _ in dropped:
        assert any(original is k for k in kept)  # a repeat always points at a kept article


def test_articles_arriving_one_by_one_are_deduplicated_as_a_list_is(
        monkeypatch: pytest.MonkeyPatch) -> None:
    from exporter import collect

    made: list[int] = []
    fingerprint = collect._Fingerprint.of

    def counted(article: Article, ordinal: int) -> collect._Fingerprint:
        made.append(ordinal)
        return fingerprint(article, ordinal)

    monkeypatch.setattr(collect._Fingerprint, "of", counted)
    seen = collect.Deduplicator()
    first = news("Port strike ends", 1)
    # A digest of one article never fingerprints it (a 20 MB report would pay for it).
    assert seen.add(first) is None and made == []
    repeat = seen.add(news("Port strike is over", 1))  # the same text under another title
    assert repeat is not None and repeat[0] is first and made == [0, 1]
    assert seen.add(news("Library reopens", 2)) is None
    assert made == [0, 1, 2]
