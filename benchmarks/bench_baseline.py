"""exporter beside the usual pipeline, sumy plus pandoc (``make bench``).

The usual way to turn articles into a summarised DOCX and EPUB: sumy's LexRank
picks the summary sentences, a Markdown file carries title, summary and text,
and pandoc converts it, once per format. Here both pipelines take the same
generated ~700-word articles (``bench_batch.generate_article``), one article
at a time in one process, and the figures are wall milliseconds per article,
medians over the articles, measured in this run. exporter's side includes
reading, summarising and both documents (its EPUB is a one-article digest, so
the work matches pandoc's one EPUB per article); the baseline's includes sumy's
summary and the two pandoc runs. pandoc comes from the system's packages
(``apt-get install pandoc``); without it the comparison is skipped, saying so.

    .venv/bin/python benchmarks/bench_baseline.py [--articles N]
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from bench_batch import generate_article  # noqa: E402

from exporter.config import Options  # noqa: E402
from exporter.pipeline import render, summarise_document  # noqa: E402
from exporter.readers import read_string  # noqa: E402
from exporter.summarise import summarise  # noqa: E402


def exporter_pipeline(text: str, options: Options) -> float:
    """Seconds to read, summarise and render one article as DOCX and EPUB, in memory."""
    started = time.perf_counter()
    article = summarise_document(read_string(text), options)
    render([article], "docx", options)
    render([article], "epub", options)
    return time.perf_counter() - started


def baseline_pipeline(text: str, pandoc: str, folder: Path, sentences: int) -> float:
    """Seconds for sumy's LexRank summary and pandoc's DOCX and EPUB of one article."""
    started = time.perf_counter()
    document = read_string(text)
    summary = summarise(document, sentences=sentences, method="sumy-lexrank")
    source = folder / "article.md"
    bullets = "\n".join(f"- {sentence}" for sentence in summary.texts)
    body = "\n\n".join(block.text for block in document.blocks)
    source.write_text(f"# {document.title}\n\n## Summary\n\n{bullets}\n\n## Full text\n\n"
                      f"{body}\n", encoding="utf-8")
    for suffix in ("docx", "epub"):
        subprocess.run([pandoc, str(source), "-f", "markdown", "--metadata",
                        f"title={document.title}", "-o", str(folder / f"article.{suffix}")],
                       check=True, capture_output=True)
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--articles", type=int, default=30)
    arguments = parser.parse_args()
    pandoc = shutil.which("pandoc")
    if pandoc is None:
        print("pandoc is not installed: the sumy + pandoc comparison is skipped "
              "(apt-get install pandoc to run it)")
        return
    version = subprocess.run([pandoc, "--version"], capture_output=True, text=True,
                             check=True).stdout.split("\n")[0]
    options = Options()
    texts = [generate_article(1000 + number) for number in range(arguments.articles)]
    exporter_pipeline(texts[0], options)  # imports, fonts and templates, once per process
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch)
        baseline_pipeline(texts[0], pandoc, folder, options.sentences)
        ours = [exporter_pipeline(text, options) for text in texts]
        theirs = [baseline_pipeline(text, pandoc, folder, options.sentences) for text in texts]
    mine, other = statistics.median(ours), statistics.median(theirs)
    print(f"one article at a time, summary + DOCX + EPUB ({len(texts)} generated articles of "
          f"about 700 words; wall ms per article, median)")
    print(f"  exporter (default summary)      {1000 * mine:8.1f} ms")
    print(f"  sumy LexRank + {version:<16} {1000 * other:8.1f} ms")
    print(f"  exporter is {other / mine:.0f} times faster, before using a second core")


if __name__ == "__main__":
    main()
