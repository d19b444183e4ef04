"""Speakers on a labelled set of our own, and the speaker rules of issue 14."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from exporter.extract import key_quotes
from exporter.extract.speakers import capitalised, tidy
from exporter.readers.build import RawBlock, build_document

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "benchmarks"))

import eval_quotes  # noqa: E402

ARTICLES = json.loads((ROOT / "tests" / "extract" / "data" / "attributions.json")
                      .read_text("utf-8"))


def test_the_labelled_set_is_large_enough() -> None:
    counts: dict[str, int] = {}
    for article in ARTICLES:
        counts[article["language"]] = counts.get(article["language"], 0) + len(article["quotes"])
    assert counts["en"] >= 60 and all(counts[code] >= 20 for code in ("de", "fr", "es"))


@pytest.mark.parametrize("language", ["all", "en", "de", "fr", "es"])
def test_precision_and_recall_floors(language: str) -> None:
    scores = eval_quotes.labelled_scores(ARTICLES)[language]
    assert scores.spans / scores.found >= 0.95 and scores.spans / scores.gold >= 0.9
    assert scores.speakers / scores.found_speakers >= 0.85
    assert scores.speakers / scores.gold_speakers >= 0.8


def _speakers(paragraphs: list[str], language: str = "en") -> list[str | None]:
    document = build_document([RawBlock("paragraph", p) for p in paragraphs], title="T",
                              language=language)
    return [q.speaker for q in key_quotes(document, limit=20)]


def test_a_title_full_stop_does_not_cut_the_name() -> None:
    assert _speakers(["„Das Labor ist endlich fertig gebaut“, sagt Dr. Jana Pohl."],
                     "de") == ["Dr. Jana Pohl"]
    assert _speakers(['"The harbour will reopen next spring," added Mr. Lund.']) == ["Mr. Lund"]
    assert _speakers(['"The harbour will reopen next spring," Dr. Ines Roy said.']) == [
        "Dr. Ines Roy"]


def test_adverbs_dates_and_handles_are_not_speakers() -> None:
    assert _speakers(['The agency recently stated: "The storm season will be long and hard."']
                     ) == ["The agency"]
    assert tidy("Harbour FC (@HarbourFC) June 1, 2017", "en") == "Harbour FC"
    assert tidy("@harbourfc", "en") is None
    assert tidy("recently", "en") is None
    assert tidy("Dr", "en") is None
    assert tidy("er damals", "de") == "er"
    assert tidy("der Trainer seinem Team zufolge", "de") == "der Trainer"


def test_speakers_at_their_fullest_with_a_capital() -> None:
    speakers = _speakers([
        "Harbour minister Tove Lindqvist opened the new quay on Friday.",
        '"This quay will carry twice the cargo of the old one," Lindqvist said.',
        '"We are proud of the crews who built it," the port authority said.',
    ])
    assert speakers == ["Tove Lindqvist", "The port authority"]
    assert capitalised("the ministry") == "The ministry"


def test_a_colon_names_a_speaker_only_when_it_is_a_name() -> None:
    speakers = _speakers([
        "Mayor Rui Caldas spoke first. Caldas: \"We will rebuild every house that was lost.\"",
        "The verdict, in short: \"Nobody here will forget this winter for a long time.\"",
    ])
    assert speakers == ["Mayor Rui Caldas", None]


def test_plausibility_checks_catch_what_the_issue_names() -> None:
    text = "Nikol Pashinyan spoke. Pashinyan said so."
    for bad in ("Dr", "recently", "Hertha BSC (@HerthaBSC) June 1, 2017", "the ministry",
                "Pashinyan"):
        assert eval_quotes.implausible(bad, text), bad
    for good in ("Dr. Georg Schneider", "Nikol Pashinyan", "The Russian Foreign Ministry",
                 "Der 46-Jährige"):
        assert eval_quotes.implausible(good, text) is None, good
