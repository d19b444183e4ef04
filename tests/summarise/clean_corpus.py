"""Documents whose ``clean_candidates`` output is frozen as hashes in clean_hashes.json.

The hashes pin what news cleaning (exporter/summarise/clean.py) gives back, text and
position of every kept sentence, so that a faster implementation can be shown to change
nothing. Regenerate them only when a change of output is intended:

    PYTHONPATH=$PWD .venv/bin/python -m tests.summarise.clean_corpus

Sets: ``cues`` (seeded random sentences of every cue word, delimiters and prose: the
boilerplate paths), ``articles`` (the suite's own test articles), ``synthetic``
(benchmarks/bench_summarise.py's prose), and, when ../shared is present, ``bbc``,
``orangesum`` (read as benchmarks/eval.py reads them) and ``web`` (the text fragments
of the trafilatura pages, boilerplate included).
"""

from __future__ import annotations

import hashlib
import json
import random
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path

from exporter.model import Sentence
from exporter.summarise import cues
from exporter.summarise.clean import clean_candidates
from tests.summarise import summarise_articles

ROOT = Path(__file__).resolve().parents[2]
HASHES = Path(__file__).with_name("clean_hashes.json")
SHARED_SETS = ("bbc", "orangesum", "web")

_PROSE = (
    "The council approved a new bridge on Monday", "the vote was 7 to 2",
    "Ana Ruiz, a nurse from Seville, won the lottery", "Police found the bus near Whitby",
    "Der Rat tagte am Montag", "Le maire a démissionné lundi soir", "El gobierno aprobó el plan",
    "Городская дума одобрила строительство", "Tom Carver", "Daily Mail Reporter", "Ella Price",
    "09:12 EST, 4 June 2014", "5:19 PM on 3rd June 2014", "4 juin 2014 à 09h12", "Jan",
    "YouTube", "McDonald", "prisonLa direction", "window.player_1 = new Player(", "{'a': 1}",
    "(Photo: dpa)", "(Picture: Getty Images)", "Getty Images", "Reuters", "LONDON (Reuters) -",
    "Copyright 2014", "Read more", "Advertisement", "2 comments", "By Jane Smith",
)
_GLUE = (" . ", " | ", " .", ". ", ": ", " ", " ", " ", ", ", " & ", " and ", "\n", "… ", "! ")


def _cue_words() -> list[str]:
    tables = ("PICTURED", "PUBLISHED", "SCROLL", "SHARE", "STAFF", "BY", "STARTERS", "OPENERS")
    words = [w for name in tables for w in cues.all_words(name)]
    return words + [w.upper() for w in words[::3]] + [w.title() for w in words[1::3]]


def cue_sentence(rng: random.Random, words: Sequence[str]) -> str:
    """A sentence of cue words, prose fragments and head delimiters, some of it furniture."""
    parts = [rng.choice(words) if rng.random() < 0.5 else rng.choice(_PROSE)
             for _ in range(rng.randint(1, 7))]
    text = "".join(part + rng.choice(_GLUE) for part in parts)
    return text.strip() if rng.random() < 0.7 else text


def _cues() -> Iterator[tuple[str, list[Sentence]]]:
    words = _cue_words()
    for seed in range(40):
        rng = random.Random(seed)
        yield f"cues/{seed}", [Sentence(cue_sentence(rng, words), i // 4, i % 4)
                               for i in range(200)]


def _articles() -> Iterator[tuple[str, list[Sentence]]]:
    from exporter.segment import split_sentences

    for name in ("ENGLISH", "GERMAN", "RUSSIAN"):
        paragraphs = getattr(summarise_articles, name)
        yield f"articles/{name.lower()}", [
            Sentence(text, p, i)
            for p, paragraph in enumerate(paragraphs)
            for i, text in enumerate(split_sentences(paragraph, "en"))
        ]


def _synthetic() -> Iterator[tuple[str, list[Sentence]]]:
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from bench_summarise import synthetic_document

    for seed in (7, 8):
        yield f"synthetic/{seed}", list(synthetic_document(2000, seed=seed).sentences())


def shared_documents(name: str, root: Path) -> Iterator[tuple[str, list[Sentence]]]:
    """The documents of the shared set ``name`` found in ``root`` (../shared/eval/<name>)."""
    if name == "web":
        from exporter.segment import split_sentences

        for page in json.loads((root / "gold.json").read_text(encoding="utf-8")):
            fragments = [*page["with"], *page["without"]]
            yield f"web/{page['id']}", [
                Sentence(text, p, i)
                for p, fragment in enumerate(fragments)
                for i, text in enumerate(split_sentences(fragment, "en"))
            ]
        return
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from eval import load_cases, load_read_cases

    cases = load_cases(root) if name == "bbc" else load_read_cases(root, "fr")
    for case in cases:
        yield f"{name}/{case.name}", list(case.document.sentences())


def local_documents() -> Iterator[tuple[str, list[Sentence]]]:
    """The documents that need nothing outside the project."""
    yield from _cues()
    yield from _articles()
    yield from _synthetic()


def digest(sentences: Sequence[Sentence]) -> str:
    """A short hash of ``clean_candidates(sentences)``: every kept text and its position."""
    kept = [[s.text, s.paragraph, s.index] for s in clean_candidates(sentences)]
    return hashlib.sha256(json.dumps(kept, ensure_ascii=False).encode()).hexdigest()[:16]


def main() -> None:
    documents = list(local_documents())
    for name in SHARED_SETS:
        documents += shared_documents(name, ROOT.parent / "shared" / "eval" / name)
    hashes = {name: digest(sentences) for name, sentences in documents}
    HASHES.write_text(json.dumps(hashes, indent=0, sort_keys=True) + "\n", encoding="utf-8")
    print(f"{len(hashes)} documents -> {HASHES}")


if __name__ == "__main__":
    main()
