"""exporter's HTML reader on real web pages, beside plain trafilatura (``make eval-web``).

Reads the pages and ground truth of ``../shared/eval/web/`` (relative to the
project's root; see its README) and scores each system the way trafilatura's
own evaluation does: a ``with`` fragment found in the extracted body is a true
positive, one missing a false negative; a ``without`` fragment found is a false
positive. Precision, recall and F1 are computed over all fragments of all pages,
after collapsing white space.

Title, author and date are scored on the pages whose metadata was annotated
(``has_meta``): a field is right when it equals the ground truth after case
folding and keeping only letters and digits (an empty truth asks for nothing).

exporter's own rows add what the issue asks of a reader: summary sentences
(the default summary) that contain or are contained in a ``without`` fragment,
pages whose title or body shows mojibake (UTF-8 read as a single-byte code
page), and pages that fail to read at all.

    .venv/bin/python benchmarks/eval_web.py [--limit N] [--dump results.jsonl]
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import sys
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

WEB = ROOT.parent / "shared" / "eval" / "web"
# UTF-8 read as cp1252 and written again: the classic pairs, spelt out.
MOJIBAKE = (
    "Ã¶", "Ã¼", "Ã¤", "Ã©", "Ã¨", "Ã§", "Ã±", "Ã³", "Ã¡", "Ãº", "Ã\u00ad", "ÃŸ", "Ã–", "Ãœ",
    "â€™", "â€œ", "â€“", "â€”", "â€ž", "Â´", "Â«", "Â»", "Â°", "Å›", "Ä…", "Ä™", "Å‚", "Ä‡",
)
_KEEP = re.compile(r"[^\w]+")
MIN_BOILERPLATE = 25  # characters: shorter summary sentences are not matched to fragments


@dataclass
class Extraction:
    """What one system got out of one page."""

    body: str
    title: str | None = None
    authors: str | None = None
    date: str | None = None
    summary: tuple[str, ...] = ()
    error: str | None = None


@dataclass
class Score:
    """Running totals for one system."""

    name: str
    tp: int = 0
    fn: int = 0
    fp: int = 0
    tn: int = 0
    meta_pages: int = 0
    title: int = 0
    author: int = 0
    date: int = 0
    summary_sentences: int = 0
    boilerplate: list[str] = field(default_factory=list)
    mojibake: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    seconds: float = 0.0

    def row(self) -> str:
        precision = self.tp / max(1, self.tp + self.fp)
        recall = self.tp / max(1, self.tp + self.fn)
        f1 = 2 * precision * recall / max(1e-9, precision + recall)
        meta = max(1, self.meta_pages)
        summary = (
            f"{len(self.boilerplate)}/{self.summary_sentences}" if self.summary_sentences else "-"
        )
        return (
            f"| {self.name} | {precision:.3f} | {recall:.3f} | {f1:.3f} | "
            f"{self.title / meta:.3f} | {self.author / meta:.3f} | {self.date / meta:.3f} | "
            f"{summary} | {len(self.mojibake)} | {len(self.errors)} | {self.seconds:.0f} s |"
        )


def collapse(text: str) -> str:
    """White space collapsed to single spaces."""
    return " ".join(text.split())


def _key(value: str | None) -> str:
    return _KEEP.sub("", (value or "").casefold())


def _names(value: str | list[str] | None) -> frozenset[str]:
    """Author names as a set of keys: a list, or one string of names joined by ';'."""
    names = value if isinstance(value, list) else (value or "").split(";")
    return frozenset(key for key in map(_key, names) if key)


def same_authors(got: str | None, truth: str | list[str] | None) -> bool:
    """The same names in any order; or the same letters once the names are run together."""
    joined = "".join(truth) if isinstance(truth, list) else truth
    return _names(got) == _names(truth) or _key(got) == _key(joined)


def score_page(score: Score, case: dict[str, object], got: Extraction) -> None:
    """Add one page's fragments, metadata, summary and mojibake to ``score``."""
    body = collapse(got.body)
    for fragment in case["with"]:  # type: ignore[attr-defined]
        if collapse(fragment) in body:
            score.tp += 1
        else:
            score.fn += 1
    without = [collapse(f) for f in case["without"]]  # type: ignore[attr-defined]
    for fragment in without:
        if fragment in body:
            score.fp += 1
        else:
            score.tn += 1
    if case["has_meta"]:
        score.meta_pages += 1
        score.title += _key(got.title) == _key(case["title"])  # type: ignore[arg-type]
        score.author += same_authors(got.authors, case["author"])  # type: ignore[arg-type]
        score.date += (got.date or "") == (case["date"] or "")
    for sentence in got.summary:
        score.summary_sentences += 1
        text = collapse(sentence)
        if len(text) >= MIN_BOILERPLATE and any(text in f or f in text for f in without if f):
            score.boilerplate.append(f"{case['id']}: {text[:100]}")
    shown = f"{got.title or ''}\n{got.body}"
    if any(pair in shown for pair in MOJIBAKE):
        score.mojibake.append(str(case["id"]))
    if got.error:
        score.errors.append(f"{case['id']}: {got.error}")


def trafilatura_default(data: bytes) -> Extraction:
    """Plain trafilatura, default settings, given the page's bytes."""
    import trafilatura

    result = trafilatura.bare_extraction(data, with_metadata=True)
    if result is None:
        return Extraction("")
    return Extraction(
        result.text or "", result.title, result.author, result.date
    )


def exporter_reader(data: bytes) -> Extraction:
    """exporter's reader and default summary, given the page's bytes."""
    from exporter import summarise
    from exporter.errors import InputError
    from exporter.readers import read_bytes

    try:
        document = read_bytes(data, source="page.html", format="html")
    except InputError as error:
        return Extraction("", error=str(error))
    parts: list[str] = []
    for block in document.blocks:
        sentences = getattr(block, "sentences", None)
        if sentences is None:
            parts.append(getattr(block, "text", ""))
        else:
            parts.append(" ".join(s.text for s in sentences))
    summary = summarise(document)
    return Extraction(
        "\n".join(parts),
        document.title,
        "; ".join(document.authors),
        document.published.isoformat() if document.published else None,
        tuple(s.text for s in summary.sentences),
    )


SYSTEMS: dict[str, Callable[[bytes], Extraction]] = {
    "trafilatura 2.x default": trafilatura_default,
    "exporter": exporter_reader,
}


def cases(limit: int | None) -> Iterable[dict[str, object]]:
    """The ground truth's pages, in order."""
    gold = json.loads((WEB / "gold.json").read_text(encoding="utf-8"))
    return gold[:limit] if limit else gold


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, help="only the first N pages")
    parser.add_argument("--only", help="comma-separated system names (default: all)")
    parser.add_argument("--dump", type=Path, help="write each page's extraction as JSON lines")
    parser.add_argument("--verbose", action="store_true", help="list boilerplate and mojibake")
    args = parser.parse_args(argv)
    if not (WEB / "gold.json").is_file():
        print(f"eval-web: {WEB} is absent (../shared beside the project)", file=sys.stderr)
        return 2
    systems = {
        name: run for name, run in SYSTEMS.items()
        if not args.only or any(part in name for part in args.only.split(","))
    }
    scores = {name: Score(name) for name in systems}
    dump = args.dump.open("w", encoding="utf-8") if args.dump else None
    for case in cases(args.limit):
        data = gzip.decompress((WEB / str(case["page"])).read_bytes())
        for name, run in systems.items():
            started = time.perf_counter()
            got = run(data)
            scores[name].seconds += time.perf_counter() - started
            score_page(scores[name], case, got)
            if dump:
                record = {"id": case["id"], "system": name, **got.__dict__}
                dump.write(json.dumps(record, ensure_ascii=False) + "\n")
    if dump:
        dump.close()
    print("| system | body P | body R | body F1 | title | author | date "
          "| boilerplate in summary | mojibake pages | refused | time |")
    print("|---|---|---|---|---|---|---|---|---|---|---|")
    for score in scores.values():
        print(score.row())
    for score in scores.values():
        if args.verbose:
            for line in score.boilerplate + score.mojibake + score.errors:
                print(f"  {score.name}: {line}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
