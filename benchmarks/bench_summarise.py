"""Summariser speed: vectorised LexRank/TextRank and the default beside sumy's own (``make bench``).

Documents are synthetic but article-like: sentences of 8 to 30 words drawn
from a Zipf-distributed vocabulary of pronounceable words, in paragraphs of
four, so that the graphs have the density of real prose. Every figure is
measured in this run: the median of several repetitions for the fast methods,
fewer for sumy (which takes about a minute per call at 2,000 sentences). The
50,000-sentence (book-sized) case runs each method in a fresh subprocess and
reports its wall time and peak resident memory (interpreter and imports
included). The last case is issue 9's memory figure: a 20 MB plain-text report
(about 270,000 sentences, generated with ``bench_batch.generate_article``) read
with ``read_path`` and given its default summary in a fresh process, reporting
both stages' times and the peak resident memory after each.

    .venv/bin/python benchmarks/bench_summarise.py [--quick]
"""

from __future__ import annotations

import argparse
import json
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from exporter.model import Document, Paragraph, Sentence  # noqa: E402

_SYLLABLES = [c + v for c in "bdfgklmnprstvz" for v in ("a", "e", "i", "o", "u", "ai", "en")]


def synthetic_document(sentences: int, seed: int = 7, language: str = "en") -> Document:
    """A ``language``-tagged document of ``sentences`` article-like sentences.

    Its words are strings of syllables, so many are also "compounds" of shorter
    ones: tagged German, the default's compound splitting has work on every word.
    """
    import numpy as np

    rng = np.random.default_rng(seed)
    vocabulary = [
        "".join(rng.choice(_SYLLABLES, size=int(rng.integers(2, 4)))) for _ in range(20000)
    ]
    ranks = np.arange(1, len(vocabulary) + 1)
    probabilities = (1.0 / ranks) / (1.0 / ranks).sum()
    lengths = rng.integers(8, 31, size=sentences)
    drawn = rng.choice(len(vocabulary), size=int(lengths.sum()), p=probabilities)
    texts = []
    start = 0
    for length in lengths:
        text = " ".join(vocabulary[w] for w in drawn[start : start + length])
        start += length
        texts.append(text[0].upper() + text[1:] + ".")
    blocks = tuple(
        Paragraph(tuple(Sentence(t, p, i) for i, t in enumerate(texts[start : start + 4])))
        for p, start in enumerate(range(0, len(texts), 4))
    )
    return Document(title="Synthetic", blocks=blocks, language=language)


def _time(call: Callable[[], object], repeat: int) -> float:
    timings = []
    for _ in range(repeat):
        started = time.perf_counter()
        call()
        timings.append(time.perf_counter() - started)
    return statistics.median(timings)


def _in_subprocess(method: str, sentences: int, language: str = "en") -> dict[str, float]:
    code = (
        "import json, resource, sys, time\n"
        f"sys.path.insert(0, {str(ROOT)!r}); sys.path.insert(0, {str(ROOT / 'benchmarks')!r})\n"
        "from bench_summarise import synthetic_document\n"
        "from exporter.summarise import summarise\n"
        f"doc = synthetic_document({sentences}, language={language!r})\n"
        "started = time.perf_counter()\n"
        f"summary = summarise(doc, sentences=10, method={method!r})\n"
        "seconds = time.perf_counter() - started\n"
        "peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024\n"
        "chosen = len(summary.sentences)\n"
        "print(json.dumps({'seconds': seconds, 'peak_mb': peak, 'chosen': chosen}))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=600
    )
    return json.loads(done.stdout.strip().splitlines()[-1])  # type: ignore[no-any-return]


def _huge_file(megabytes: int) -> dict[str, float]:
    """Read + default summary of a generated ``megabytes`` MB text file, in a child process."""
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from bench_batch import generate_article

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "report.txt"
        with path.open("w", encoding="utf-8") as out:
            out.write("A very long report\n\n")
            number = 0
            while out.tell() < megabytes * 2**20:
                out.write(generate_article(number).split("\n\n", 1)[1] + "\n")
                number += 1
        code = (
            "import json, resource, sys, time\n"
            f"sys.path.insert(0, {str(ROOT)!r})\n"
            "from exporter.readers import read_path\n"
            "from exporter.summarise import summarise\n"
            "def peak(): return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024\n"
            "started = time.perf_counter()\n"
            f"document = read_path({str(path)!r})\n"
            "read = time.perf_counter() - started; read_mb = peak()\n"
            "started = time.perf_counter()\n"
            "summary = summarise(document)\n"
            "seconds = time.perf_counter() - started\n"
            "assert summary.sentences\n"
            "print(json.dumps({'sentences': sum(1 for _ in document.sentences()),\n"
            "    'read_s': read, 'summary_s': seconds, 'read_mb': read_mb, 'peak_mb': peak()}))\n"
        )
        done = subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=600
        )
    return json.loads(done.stdout.strip().splitlines()[-1])  # type: ignore[no-any-return]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="skip sumy at 2,000 sentences")
    args = parser.parse_args(argv)
    from exporter.summarise import summarise

    sizes = (500,) if args.quick else (500, 2000)
    print("Summariser speed (median seconds; speed-up = sumy / vectorised)\n")
    print(f"{'sentences':>9}  {'method':<10} {'sumy s':>9} {'fast s':>9} {'speed-up':>9}")
    for size in sizes:
        document = synthetic_document(size)
        for name in ("lexrank", "textrank"):
            fast = _time(partial(summarise, document, sentences=10, method=name), 5)
            sumy = _time(
                partial(summarise, document, sentences=10, method=f"sumy-{name}"),
                3 if size <= 500 else 1,
            )
            print(f"{size:>9}  {name:<10} {sumy:>9.3f} {fast:>9.4f} {sumy / fast:>8.0f}x")
        default = _time(partial(summarise, document, sentences=10), 5)
        print(f"{size:>9}  {'default':<10} {'':>9} {default:>9.4f}")
    print("\nBook-sized document: 50,000 sentences, one fresh process per method")
    print(f"{'method':<14} {'seconds':>8} {'peak MB':>8}")
    for name, language in (("lexrank", "en"), ("textrank", "en"), ("default", "en"),
                           ("default", "de")):
        figures = _in_subprocess(name, 50000, language)
        label = f"{name} ({language})"
        print(f"{label:<14} {figures['seconds']:>8.2f} {figures['peak_mb']:>8.0f}")
    print("\n20 MB plain-text file, read_path then the default summary, one fresh process")
    figures = _huge_file(20)
    print(f"{'sentences':>9} {'read s':>7} {'summary s':>9} {'peak MB after read':>19} "
          f"{'peak MB after summary':>22}")
    print(f"{figures['sentences']:>9,} {figures['read_s']:>7.2f} {figures['summary_s']:>9.2f} "
          f"{figures['read_mb']:>19.0f} {figures['peak_mb']:>22.0f}")
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"\n(this process peaked at {own:.0f} MB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
