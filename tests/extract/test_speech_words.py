"""The quotation finder and the speaker tidier share one list of speech verbs and pronouns."""

from __future__ import annotations

from exporter.extract import speakers
from exporter.extract.speech import PRONOUNS, SINGLE_WORD_VERBS, SPEECH_VERBS


def test_every_one_word_verb_the_finder_knows_opens_no_speaker() -> None:
    # The tidier had its own 25 verbs: 'warned Ana Ruiz' stayed a speaker.
    assert speakers.tidy("warned Ana Ruiz", "en") == "Ana Ruiz"
    assert speakers.tidy("notes Ana Ruiz", "en") == "Ana Ruiz"
    assert {"said", "sagte", "dijo", "déclare"} <= SINGLE_WORD_VERBS
    assert "a déclaré" in SPEECH_VERBS["fr"] and "a déclaré" not in SINGLE_WORD_VERBS


def test_both_know_the_same_pronouns() -> None:
    # Italian 'lei' was a pronoun to the finder only, Spanish 'ellos' to the tidier only.
    assert {"lei", "lui", "ellos", "ellas"} <= PRONOUNS
    assert speakers.is_pronoun("Lei") and speakers.is_pronoun("ellos")
