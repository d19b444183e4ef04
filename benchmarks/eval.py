"""ROUGE of the summary methods on every evaluation set (``make eval``).

Sets, under ``../shared/eval/`` (relative to the project's root):

* ``bbc``: 100 BBC articles with extractive references, one sentence a line.
  Documents are built from the set's own lines (the eval measures selection,
  not segmentation). Every method runs here, sumy's eight included.
* ``orangesum``: 100 French news articles, their standfirsts as references
  (abstractive, lead-biased). Documents are read by exporter's own text
  reader, as ``exporter summarise`` reads a file.
* ``news-de`` and ``news-es``: 12 German and 12 Spanish news articles written for
  this project, each with a one- or two-sentence standfirst written as a news
  editor would (``benchmarks/data/``; same layout and reading as ``orangesum``).

Each method ranks an article once (:func:`exporter.summarise.rank`, which
cleans news boilerplate first, so Lead-k ranks the same cleaned text as the
default), and three settings are read off that ranking with exporter's own
selection (:func:`exporter.summarise.select`), exactly as ``summarise()``
chooses: 3 sentences, the reference's sentence count, and a word budget of
the reference's length. Scores are ROUGE-1, ROUGE-2 and ROUGE-Lsum F1 x 100
(``rouge-score``; English with its Porter stemmer, other languages with a
Unicode word tokenizer and Snowball stems, since rouge-score's own tokenizer
drops every letter outside a-z). "dangling" counts chosen sentences, over the
three settings, that lean on an unchosen neighbour ("But ...", "He said ...",
half a quotation; :mod:`exporter.summarise.standalone`). "words" is the mean
length of a method's 3-sentence summaries, printed beside the references' mean
length: with 3 sentences a longer pick gains recall against a long reference
(BBC's) and loses precision against a short one (a standfirst), so this column
says how much of a score is length rather than choice.

    .venv/bin/python benchmarks/eval.py [--sets bbc,orangesum] [--methods default,lead,...]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from exporter.model import Document, Paragraph, Sentence  # noqa: E402
from exporter.summarise import (  # noqa: E402
    DEFAULT_METHOD,
    METHODS,
    rank,
    resolve_method,
    select,
)
from exporter.summarise.standalone import dangling, dependencies  # noqa: E402

EVAL = ROOT.parent / "shared" / "eval"
BBC = EVAL / "bbc"
FIXED = 3
ROUGE_TYPES = ("rouge1", "rouge2", "rougeLsum")
SETTINGS = ("fixed", "matched", "words")
FAST = ("lead", "centrality", "pacsum", "mmr", "lexrank", "textrank")


@dataclass(frozen=True)
class Case:
    """One article of the set and its reference summary."""

    name: str
    document: Document
    reference: tuple[str, ...]


def _paragraphs(lines: Sequence[str]) -> list[list[str]]:
    paragraphs: list[list[str]] = [[]]
    for line in lines:
        if line.strip():
            paragraphs[-1].append(line.strip())
        elif paragraphs[-1]:
            paragraphs.append([])
    return [p for p in paragraphs if p]


def _reference(summary: Path) -> tuple[str, ...]:
    return tuple(
        line.strip()
        for line in summary.read_text(encoding="utf-8", errors="replace").splitlines()
        if line.strip()
    )


def load_case(article: Path, summary: Path) -> Case:
    """A BBC article file (headline, blank line, one sentence a line) as a Document."""
    lines = article.read_text(encoding="utf-8", errors="replace").splitlines()
    title = lines[0].strip() if lines else article.stem
    blocks = tuple(
        Paragraph(tuple(Sentence(text, p, i) for i, text in enumerate(sentences)))
        for p, sentences in enumerate(_paragraphs(lines[1:]))
    )
    document = Document(title=title or article.stem, blocks=blocks, language="en")
    return Case(f"{article.parent.name}/{article.stem}", document, _reference(summary))


def load_cases(root: Path = BBC) -> list[Case]:
    """Every BBC article under ``root/article`` that has a reference under ``root/summary``."""
    cases = []
    for article in sorted((root / "article").glob("*/*.txt")):
        summary = root / "summary" / article.parent.name / article.name
        if summary.exists():
            cases.append(load_case(article, summary))
    return cases


def load_read_cases(root: Path, language: str) -> list[Case]:
    """Articles under ``root/article/*.txt`` read by exporter's text reader, with references.

    The reference's sentences are split as exporter splits an article's.
    """
    from exporter.readers import read_string
    from exporter.segment import split_sentences

    cases = []
    for article in sorted((root / "article").glob("*.txt")):
        summary = root / "summary" / article.name
        if not summary.exists():
            continue
        document = read_string(article.read_text(encoding="utf-8", errors="replace"),
                               format="text", language=language)
        lines = _reference(summary)
        reference = tuple(s for line in lines for s in split_sentences(line, language))
        cases.append(Case(article.stem, document, reference))
    return cases


@dataclass(frozen=True)
class EvalSet:
    """An evaluation set: where it lives, how to read it, its language and methods."""

    name: str
    title: str
    folder: Path
    language: str
    load: Callable[[Path], list[Case]]
    all_methods: bool


OWN = ROOT / "benchmarks" / "data"
SETS = {
    "bbc": EvalSet("bbc", "BBC", BBC, "en", load_cases, True),
    "orangesum": EvalSet("orangesum", "OrangeSum", EVAL / "orangesum", "fr",
                         lambda root: load_read_cases(root, "fr"), False),
    "news-de": EvalSet("news-de", "German news (our own)", OWN / "news-de", "de",
                       lambda root: load_read_cases(root, "de"), False),
    "news-es": EvalSet("news-es", "Spanish news (our own)", OWN / "news-es", "es",
                       lambda root: load_read_cases(root, "es"), False),
}


class _SnowballTokenizer:
    """rouge-score tokenizer for any language: Unicode words, lower-cased, Snowball stems."""

    def __init__(self, language: str) -> None:
        from exporter.summarise.terms import stemmer

        self._stem = stemmer(language)

    def tokenize(self, text: str) -> list[str]:
        from exporter.summarise.terms import words

        return [self._stem(w) for w in words(text)]


def _scorer(language: str):  # type: ignore[no-untyped-def]
    from rouge_score import rouge_scorer

    if language == "en":
        return rouge_scorer.RougeScorer(list(ROUGE_TYPES), use_stemmer=True)
    return rouge_scorer.RougeScorer(list(ROUGE_TYPES), tokenizer=_SnowballTokenizer(language))


def _words(text: str) -> int:
    from exporter.summarise.select import word_count

    return word_count(text)


def evaluate(
    cases: Sequence[Case], methods: Sequence[str], language: str = "en"
) -> dict[str, dict[str, list[float]]]:
    """Mean F1 x 100 per method: ``{method: {setting: [R1, R2, RLsum]}}``, plus
    ``seconds`` (ranking time), ``dangling`` (chosen sentences leaning on an unchosen one)
    and ``length`` (the mean words of the 3-sentence summaries)."""
    scorer = _scorer(language)
    results: dict[str, dict[str, list[float]]] = {}
    for method in methods:
        scores: dict[str, list[list[float]]] = {setting: [] for setting in SETTINGS}
        seconds = 0.0
        loose = 0
        lengths: list[int] = []
        for case in cases:
            started = time.perf_counter()
            candidates, ranking = rank(case.document, method)
            seconds += time.perf_counter() - started
            lang = case.document.language
            needs = dependencies([c.text for c in candidates], lang)
            target = "\n".join(case.reference)
            limits = {
                "fixed": {"count": FIXED},
                "matched": {"count": len(case.reference)},
                "words": {"words": max(1, sum(_words(r) for r in case.reference))},
            }
            for setting, limit in limits.items():
                chosen = select(candidates, ranking, language=lang, **limit)
                loose += dangling(chosen, needs)
                if setting == "fixed":
                    lengths.append(sum(_words(candidates[i].text) for i in chosen))
                prediction = "\n".join(candidates[i].text for i in chosen)
                score = scorer.score(target, prediction)
                scores[setting].append([100 * score[t].fmeasure for t in ROUGE_TYPES])
        results[method] = {
            setting: [statistics.fmean(column) for column in zip(*rows, strict=True)]
            for setting, rows in scores.items()
        }
        results[method]["seconds"] = [seconds]
        results[method]["dangling"] = [float(loose)]
        results[method]["length"] = [statistics.fmean(lengths)]
    return results


def _label(method: str) -> str:
    canonical = resolve_method(method)
    if canonical == "lead":
        return "Lead-k"
    if canonical == DEFAULT_METHOD:
        return f"{canonical} (default)"
    return canonical


def table(results: dict[str, dict[str, list[float]]]) -> str:
    """The results as a fixed-width text table."""
    titles = {"fixed": "3 sentences", "matched": "reference's sentences",
              "words": "reference's words"}
    top = f"{'method':<22} |" + "|".join(f" {titles[s]:^26} " for s in SETTINGS)
    top += f"| {'dangling':>8} | {'words':>5} | {'rank s':>7}"
    sub = f"{'':<22} |" + "|".join(f" {'R-1':>8}{'R-2':>8}{'R-Lsum':>9}  " for _ in SETTINGS)
    sub += f"| {'':>8} | {'':>5} | {'':>7}"
    lines = [top, sub, "-" * len(top)]
    for method, row in results.items():
        cells = "|".join(
            f" {row[s][0]:8.1f}{row[s][1]:8.1f}{row[s][2]:9.1f}  " for s in SETTINGS
        )
        lines.append(f"{_label(method):<22} |{cells}| {row['dangling'][0]:8.0f}"
                     f" | {row['length'][0]:5.0f} | {row['seconds'][0]:7.2f}")
    return "\n".join(lines)


def reference_line(cases: Sequence[Case]) -> str:
    """The references' mean length, to read the "words" column against."""
    sentences = statistics.fmean(len(case.reference) for case in cases)
    words = statistics.fmean(sum(_words(r) for r in case.reference) for case in cases)
    return f"references: {sentences:.1f} sentences, {words:.0f} words on average"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--methods", help="comma-separated method names (default: all)")
    parser.add_argument("--sets", default=",".join(SETS), help="comma-separated set names")
    parser.add_argument("--data", type=Path, help="the BBC set's folder (only that set)")
    args = parser.parse_args(argv)
    chosen = [SETS[name.strip()] for name in args.sets.split(",") if name.strip()]
    if args.data is not None:
        chosen = [EvalSet("bbc", "BBC", args.data, "en", load_cases, True)]
    status = 0
    for spec in chosen:
        if not (spec.folder / "article").is_dir() or not (spec.folder / "summary").is_dir():
            print(
                f"eval: the {spec.title} evaluation set is not at {spec.folder}"
                " (expected a folder with article/ and summary/)",
                file=sys.stderr,
            )
            status = 2
            continue
        cases = spec.load(spec.folder)
        if not cases:
            print(f"eval: no article with a reference summary under {spec.folder}", file=sys.stderr)
            status = 2
            continue
        if args.methods:
            methods = [m.strip() for m in args.methods.split(",") if m.strip()]
        elif spec.all_methods:
            methods = ["lead", *sorted(m for m in METHODS if m.startswith("sumy-")),
                       *sorted(m for m in METHODS if m != "lead" and not m.startswith("sumy-"))]
        else:
            methods = list(FAST)
        print(f"ROUGE F1 x 100 on {len(cases)} {spec.title} articles ({spec.folder})\n")
        print(table(evaluate(cases, methods, spec.language)))
        print(reference_line(cases))
        print()
    return status


if __name__ == "__main__":
    sys.exit(main())
