"""Sentence segmentation speed on a 200 KB article (``make bench``).

The text is generated from sentence templates that carry what news prose
carries: abbreviations (Dr., U.S., a.m.), initials, numbers with decimals,
quotations with their attribution, brackets and ellipses, in paragraphs of
three to six sentences. Paragraphs are split one by one, as readers do; the
figure is the median of five runs, each with a fresh tokenizer, so none reuses
the Punkt boundary decisions an earlier run remembered (a new process
splitting its first 200 KB).

    .venv/bin/python benchmarks/bench_segment.py [--size BYTES]
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

_TEMPLATES = (
    "The council approved the {noun} on {day} after a vote of {n} to {m}.",
    "Dr. {name} said the {noun} would cost ${n}.{m} million.",
    '"We will finish the {noun} by spring," {name} said.',
    "The U.S. agency opened an office in {city} at {n} a.m. on {day}.",
    "Work on the {noun} (the first in {city} since {year}) begins soon.",
    "J. {name} wrote that the {noun} was late... and over budget.",
    "Is the {noun} safe?",
    "Residents of {city} waited {n} years for the {noun}!",
    "Mr. {name} and Mrs. {name} met Gen. {name} in St. {city}.",
    "Prices rose {n}.{m}% in {city}, the highest rate since {year}.",
)
_WORDS = {
    "noun": ("bridge", "tunnel", "school", "harbour", "railway", "library", "stadium"),
    "day": ("Monday", "Tuesday", "Friday", "Jan. 5", "March 12"),
    "name": ("Ruiz", "Okafor", "Lindqvist", "Baker", "Nakamura", "Schulz"),
    "city": ("Lyon", "Porto", "Denver", "Leeds", "Graz", "Louis"),
}


def sample_text(size: int = 200_000, seed: int = 13) -> str:
    """About ``size`` characters of article-like English, paragraphs separated by newlines."""
    rng = random.Random(seed)
    paragraphs: list[str] = []
    total = 0
    while total < size:
        sentences = []
        for _ in range(rng.randint(3, 6)):
            template = rng.choice(_TEMPLATES)
            values = {key: rng.choice(words) for key, words in _WORDS.items()}
            sentences.append(
                template.format(
                    n=rng.randint(2, 99), m=rng.randint(1, 9), year=rng.randint(1950, 2020),
                    **values,
                )
            )
        paragraph = " ".join(sentences)
        paragraphs.append(paragraph)
        total += len(paragraph) + 1
    return "\n".join(paragraphs)


def measure(size: int) -> tuple[int, float, float]:
    """Sentences in a ``size``-character text, the median seconds to split it, and of CPU time.

    The CPU time is the figure to compare on a shared machine: the wall time
    also counts the other processes' turns on the cores.
    """
    from exporter import segment
    from exporter.segment import split_sentences

    paragraphs = sample_text(size).split("\n")
    times = []
    cpu = []
    count = 0
    for _ in range(5):
        segment._tokenizer.cache_clear()  # forget the remembered decisions of the last run
        split_sentences("Warm up. Twice.", "en")
        started, used = time.perf_counter(), time.process_time()
        count = sum(len(split_sentences(p, "en")) for p in paragraphs)
        times.append(time.perf_counter() - started)
        cpu.append(time.process_time() - used)
    return count, statistics.median(times), statistics.median(cpu)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=200_000, help="characters of text")
    args = parser.parse_args(argv)
    count, seconds, cpu = measure(args.size)
    print(
        f"segmenter: {count:,} sentences in {args.size // 1000} KB: {seconds * 1000:.0f} ms, "
        f"{count / seconds:,.0f} sentences/s ({cpu * 1000:.0f} ms of CPU: "
        f"{count / max(cpu, 1e-9):,.0f} sentences/s)"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
