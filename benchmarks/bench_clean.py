"""News cleaning's cost: CPU microseconds per sentence of ``clean_candidates``.

Measured on synthetic prose (``bench_summarise.synthetic_document``), on the shared BBC
and OrangeSum sets (read as ``benchmarks/eval.py`` reads them) and on the text of the
trafilatura web pages (boilerplate included): the median of several runs of
``time.process_time``. Then, in the same run, the default summary of a 50,000-sentence
synthetic document (wall and CPU seconds).

    .venv/bin/python benchmarks/bench_clean.py [--repeat 5]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from bench_summarise import synthetic_document  # noqa: E402

from exporter.model import Sentence  # noqa: E402
from exporter.summarise import summarise  # noqa: E402
from exporter.summarise.clean import clean_candidates  # noqa: E402
from tests.summarise.clean_corpus import SHARED_SETS, shared_documents  # noqa: E402


def _per_sentence(documents: Sequence[Sequence[Sentence]], repeat: int) -> float:
    """Median CPU µs per sentence of cleaning every document once."""
    count = sum(len(d) for d in documents)
    timings = []
    for _ in range(repeat):
        started = time.process_time()
        for sentences in documents:
            clean_candidates(sentences)
        timings.append(time.process_time() - started)
    return statistics.median(timings) / count * 1e6


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    book = synthetic_document(50_000)
    sets: dict[str, list[list[Sentence]]] = {"synthetic": [list(book.sentences())[:10_000]]}
    for name in SHARED_SETS:
        folder = ROOT.parent / "shared" / "eval" / name
        if folder.exists():
            sets[name] = [s for _, s in shared_documents(name, folder)]
    clean_candidates(sets["synthetic"][0][:10])  # compile the patterns outside the timing
    for name, documents in sets.items():
        count = sum(len(d) for d in documents)
        print(f"{name:10} {count:6} sentences  {_per_sentence(documents, args.repeat):7.1f} µs"
              " CPU per sentence")
    wall, cpu = time.perf_counter(), time.process_time()
    summarise(book)
    print(f"default summary of 50,000 sentences: {time.perf_counter() - wall:.2f} s wall, "
          f"{time.process_time() - cpu:.2f} s CPU")


if __name__ == "__main__":
    main()
