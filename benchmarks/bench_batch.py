"""Batch export speed and memory: ``make bench`` runs this (issue: batch export at speed).

Prints, measured in this one run on this machine:
- per stage: CPU milliseconds per article of reading, summarising and each format,
  in one warm process (where a regression is);
- throughput: articles per second exporting generated ~700-word articles with
  every core, all three formats together and each format alone;
- cold start: process start to files written for one article, per format and for
  all three (median of several runs);
- memory: peak resident memory exporting one 20 MB article, and for batches of
  two sizes (it must not grow with the number of articles).

Options: --articles N (default 1000), --repeat K (cold-start runs, default 5),
--quick (100 articles, 3 runs, 5 MB input: a smoke run).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "exporter" / "samples" / "harbour-solar.md"
EXPORTER = [sys.executable, "-m", "exporter"]

_SUBJECTS = ["The council", "Officials", "The minister", "Residents", "The company", "Analysts",
             "The union", "Police", "The hospital trust", "Investors", "The committee", "Farmers"]
_VERBS = ["said", "announced", "warned", "confirmed", "estimated", "reported", "argued", "denied"]
_OBJECTS = ["the budget would rise by {n} per cent", "{n} jobs were at risk",
            "the project would cost {n} million pounds", "talks would resume in {month}",
            "the new rules would take effect in {month}", "{n} people had signed the petition",
            "the decision had been delayed for {n} weeks", "the figures were better than expected",
            "the plan needed more scrutiny", "services would return to normal by {month}"]
_TAILS = ["", " after a long meeting", " in a statement on Tuesday", " despite protests",
          " according to local reports", " amid growing concern", " for the third time this year"]
_MONTHS = ["January", "March", "May", "July", "September", "November"]


def generate_article(number: int, words: int = 700) -> str:
    """A readable synthetic news article of about ``words`` words (seeded by ``number``)."""
    rng = random.Random(number)
    title = f"{rng.choice(_SUBJECTS)} {rng.choice(_VERBS)} new plan for district {number}"
    paragraphs: list[str] = []
    count = 0
    while count < words:
        sentences = []
        for _ in range(rng.randint(2, 4)):
            clause = rng.choice(_OBJECTS).format(n=rng.randint(2, 900), month=rng.choice(_MONTHS))
            sentence = f"{rng.choice(_SUBJECTS)} {rng.choice(_VERBS)} that {clause}"
            sentence += rng.choice(_TAILS) + "."
            if rng.random() < 0.15:
                speaker = rng.choice(_SUBJECTS).lower()
                sentence = f"\u201cWe will keep working on it,\u201d {speaker} said."
            sentences.append(sentence)
            count += len(sentence.split())
        paragraphs.append(" ".join(sentences))
    return title + "\n\n" + "\n\n".join(paragraphs) + "\n"


def _run(args: list[str]) -> tuple[float, int, float]:
    """Wall time, peak RSS (KiB) and CPU seconds (its workers' included) of one exporter
    process. CPU time is what the work costs whatever else the machine is doing."""
    probe = (
        "import resource, subprocess, sys, time, json;"
        "t = time.perf_counter(); r = subprocess.run(sys.argv[1:]);"
        "e = time.perf_counter() - t;"
        "u = resource.getrusage(resource.RUSAGE_CHILDREN);"
        "print(json.dumps([e, r.returncode, u.ru_maxrss, u.ru_utime + u.ru_stime]))"
    )
    out = subprocess.run([sys.executable, "-c", probe, *EXPORTER, *args], capture_output=True,
                         text=True, check=True, cwd=ROOT)
    elapsed, code, rss, cpu = json.loads(out.stdout.strip().splitlines()[-1])
    if code != 0:
        raise SystemExit(f"exporter {' '.join(args)} exited {code}")
    return elapsed, rss, cpu


def stage_times(texts: list[str], rounds: int = 3) -> dict[str, float]:
    """CPU milliseconds per article of each stage, in this process, after a warm-up article
    (imports, fonts and templates are loaded once per process and not counted here).

    Stages: read, summarise, extract (the article's presentation, with the key quotes,
    figures and keywords the DOCX and the PDF both show: found once per article and
    held by the presentation both writers are given), each per-article format, and the
    EPUB digest of all ``texts`` divided by their number. The median of ``rounds`` rounds.
    """
    from exporter.config import Options
    from exporter.pipeline import render, summarise_document
    from exporter.presentation import presented
    from exporter.readers import read_string

    options = Options()
    warm = summarise_document(read_string(texts[0]), options)
    for name in ("docx", "pdf", "epub"):
        render([warm], name, options)
    rounds_seen: dict[str, list[float]] = {}
    for _ in range(rounds):
        spent = dict.fromkeys(("read", "summarise", "extract", "docx", "pdf",
                               "epub (digest share)"), 0.0)
        articles = []
        for text in texts:
            started = time.process_time()
            document = read_string(text)
            read = time.process_time()
            article = summarise_document(document, options)
            summarised = time.process_time()
            article = presented(article, options)
            shown = article.presentation
            shown.key_quotes(5), shown.key_figures(6), shown.keywords(8)
            extracted = time.process_time()
            render([article], "docx", options)
            docx = time.process_time()
            render([article], "pdf", options)
            spent["pdf"] += time.process_time() - docx
            spent["docx"] += docx - extracted
            spent["extract"] += extracted - summarised
            spent["summarise"] += summarised - read
            spent["read"] += read - started
            articles.append(article)
        started = time.process_time()
        render(articles, "epub", options)
        spent["epub (digest share)"] += time.process_time() - started
        for stage, seconds in spent.items():
            rounds_seen.setdefault(stage, []).append(1000 * seconds / len(texts))
    return {stage: statistics.median(values) for stage, values in rounds_seen.items()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--quick", action="store_true")
    options = parser.parse_args()
    if options.quick:
        options.articles, options.repeat = 100, 3
    big_mb = 5 if options.quick else 20
    cores = os.cpu_count() or 1
    print(f"machine: {cores} cores; python {sys.version.split()[0]}")

    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch) / "articles"
        folder.mkdir()
        for i in range(options.articles):
            (folder / f"{i:05}.txt").write_text(generate_article(i), "utf-8")

        sample = [generate_article(i) for i in range(min(100, options.articles))]
        print(f"\nper stage, in one warm process: CPU ms per article ({len(sample)} articles, "
              "median of 3 rounds)")
        stages = stage_times(sample)
        for stage, spent in stages.items():
            print(f"  {stage:<20} {spent:6.1f} ms")
        total = sum(stages.values())
        print(f"  {'all three formats':<20} {total:6.1f} ms  "
              f"(at most {1000 * cores / total:.0f} articles/s on {cores} idle cores)")

        print(f"\nthroughput: {options.articles} generated articles of about 700 words, "
              f"--jobs {cores}")
        for formats in ("docx,pdf,epub", "docx", "pdf", "epub"):
            out = Path(scratch) / f"out-{formats.replace(',', '-')}"
            elapsed, rss, cpu = _run(["export", str(folder), "--format", formats, "--out",
                                      str(out), "--jobs", str(cores), "--json"])
            rate = options.articles / elapsed
            print(f"  {formats:<14} {elapsed:7.2f} s  {rate:7.1f} articles/s  "
                  f"{1000 * elapsed / options.articles:6.1f} ms/article  "
                  f"cpu {1000 * cpu / options.articles:6.1f} ms/article  peak {rss / 1024:.0f} MB")

        print(f"\ncold start: one article, process start to files written "
              f"(median of {options.repeat})")
        for formats in ("docx,pdf,epub", "docx", "pdf", "epub"):
            times = []
            for run in range(options.repeat):
                out = Path(scratch) / f"cold-{run}"
                elapsed, _, _ = _run(["export", str(SAMPLE), "--format", formats, "--out",
                                      str(out)])
                times.append(elapsed)
            print(f"  {formats:<14} {statistics.median(times):6.3f} s  "
                  f"(min {min(times):.3f}, max {max(times):.3f})")

        print("\nmemory: peak resident set")
        small = min(200, options.articles)
        for count in sorted({small, options.articles}):
            subset = Path(scratch) / f"subset-{count}"
            subset.mkdir(exist_ok=True)
            for path in sorted(folder.iterdir())[:count]:
                (subset / path.name).symlink_to(path)
            _, rss, _ = _run(["export", str(subset), "--format", "docx,pdf", "--out",
                              str(Path(scratch) / f"mem-{count}"), "--jobs", "1", "--json"])
            print(f"  batch of {count:>5} articles (docx,pdf, one process): {rss / 1024:6.0f} MB")
        big = Path(scratch) / "big.txt"
        with big.open("w", encoding="utf-8") as handle:
            number = 0
            while handle.tell() < big_mb * 1024 * 1024:
                handle.write(generate_article(number).split("\n\n", 1)[1] + "\n")
                number += 1
        elapsed, rss, _ = _run(["export", str(big), "--out", str(Path(scratch) / "big-out")])
        print(f"  one {big_mb} MB article, all three formats: {rss / 1024:6.0f} MB peak, "
              f"{elapsed:.1f} s")


if __name__ == "__main__":
    main()
