"""ROUGE of every summary method on the BBC extractive-summary set (``make eval``).

Reads the 100 articles and reference summaries in ``../shared/eval/bbc/``
(relative to the project's root), summarises each article with every method
and prints ROUGE-1, ROUGE-2 and ROUGE-Lsum F1 (``rouge-score``, Porter
stemming on; for Lsum the sentences are joined by newlines), twice: with the
summary as long as the reference (in sentences), and at a fixed 3 sentences.

The eval measures sentence *selection*, not segmentation: documents are built
from the set's own lines (one sentence a line, blank lines between paragraphs).
Each method ranks an article once; both settings are read off that ranking
with exporter's own selection (:func:`exporter.summarise.select`), exactly as
``summarise()`` would choose.

    .venv/bin/python benchmarks/eval.py [--methods default,lead,...]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections.abc import Sequence
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

BBC = ROOT.parent / "shared" / "eval" / "bbc"
FIXED = 3
ROUGE_TYPES = ("rouge1", "rouge2", "rougeLsum")


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


def load_case(article: Path, summary: Path) -> Case:
    """An article file (headline, blank line, body) as a Document, with its reference."""
    lines = article.read_text(encoding="utf-8", errors="replace").splitlines()
    title = lines[0].strip() if lines else article.stem
    blocks = tuple(
        Paragraph(tuple(Sentence(text, p, i) for i, text in enumerate(sentences)))
        for p, sentences in enumerate(_paragraphs(lines[1:]))
    )
    document = Document(title=title or article.stem, blocks=blocks, language="en")
    reference = tuple(
        line.strip()
        for line in summary.read_text(encoding="utf-8", errors="replace").splitlines()
        if line.strip()
    )
    return Case(f"{article.parent.name}/{article.stem}", document, reference)


def load_cases(root: Path = BBC) -> list[Case]:
    """Every article under ``root/article`` that has a reference under ``root/summary``."""
    cases = []
    for article in sorted((root / "article").glob("*/*.txt")):
        summary = root / "summary" / article.parent.name / article.name
        if summary.exists():
            cases.append(load_case(article, summary))
    return cases


def _label(method: str) -> str:
    canonical = resolve_method(method)
    if canonical == "lead":
        return "Lead-k"
    if canonical == DEFAULT_METHOD:
        return f"{canonical} (default)"
    return canonical


def evaluate(cases: Sequence[Case], methods: Sequence[str]) -> dict[str, dict[str, list[float]]]:
    """Mean F1 x 100 per method: ``{method: {setting: [R1, R2, RLsum]}}``, plus seconds."""
    from rouge_score import rouge_scorer

    scorer = rouge_scorer.RougeScorer(list(ROUGE_TYPES), use_stemmer=True)
    results: dict[str, dict[str, list[float]]] = {}
    for method in methods:
        scores: dict[str, list[list[float]]] = {"matched": [], "fixed": []}
        seconds = 0.0
        for case in cases:
            started = time.perf_counter()
            candidates, ranking = rank(case.document, method)
            seconds += time.perf_counter() - started
            target = "\n".join(case.reference)
            for setting, count in (("matched", len(case.reference)), ("fixed", FIXED)):
                chosen = select(candidates, ranking, count=count)
                prediction = "\n".join(candidates[i].text for i in chosen)
                score = scorer.score(target, prediction)
                scores[setting].append([100 * score[t].fmeasure for t in ROUGE_TYPES])
        results[method] = {
            setting: [statistics.fmean(column) for column in zip(*rows, strict=True)]
            for setting, rows in scores.items()
        }
        results[method]["seconds"] = [seconds]
    return results


def table(results: dict[str, dict[str, list[float]]]) -> str:
    """The results as a fixed-width text table."""
    header = (
        f"{'method':<22} | {'length matched to reference':^27} | {'fixed 3 sentences':^27}"
        f" | {'rank s':>7}\n"
        f"{'':<22} | {'R-1':>8} {'R-2':>8} {'R-Lsum':>9} | {'R-1':>8} {'R-2':>8} {'R-Lsum':>9}"
        f" | {'':>7}"
    )
    lines = [header, "-" * len(header.splitlines()[0])]
    for method, row in results.items():
        matched = " ".join(f"{v:8.1f}" for v in row["matched"][:2]) + f" {row['matched'][2]:9.1f}"
        fixed = " ".join(f"{v:8.1f}" for v in row["fixed"][:2]) + f" {row['fixed'][2]:9.1f}"
        lines.append(f"{_label(method):<22} | {matched} | {fixed} | {row['seconds'][0]:7.2f}")
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--methods", help="comma-separated method names (default: all)")
    parser.add_argument("--data", type=Path, default=BBC, help="the BBC set's folder")
    args = parser.parse_args(argv)
    if not (args.data / "article").is_dir() or not (args.data / "summary").is_dir():
        print(
            f"eval: the BBC evaluation set is not at {args.data}\n"
            "      (expected ../shared/eval/bbc beside the project, with article/ and summary/)",
            file=sys.stderr,
        )
        return 2
    cases = load_cases(args.data)
    if not cases:
        print(f"eval: no article with a reference summary under {args.data}", file=sys.stderr)
        return 2
    methods = (
        [m.strip() for m in args.methods.split(",") if m.strip()]
        if args.methods
        else ["lead", *sorted(m for m in METHODS if m.startswith("sumy-")),
              *sorted(m for m in METHODS if m != "lead" and not m.startswith("sumy-"))]
    )
    print(f"ROUGE F1 x 100 on {len(cases)} BBC articles ({args.data})\n")
    print(table(evaluate(cases, methods)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
