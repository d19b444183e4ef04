"""Per-stage speed of two revisions, measured in alternation (not part of ``make bench``).

Each revision is unpacked with ``git archive`` into a temporary folder (or, given a
folder, used as it is) and measured by its own ``benchmarks/bench_batch.stage_times``
in a fresh process with ``PYTHONPATH`` pointing at it, so each side runs its own code
through its own API. The runs alternate, A B A B ..., so a busy spell on a shared
machine falls on both sides alike; the medians over the runs are printed with the
ratio B / A, and stages more than ``--limit`` slower are flagged. The cold start of
``import exporter`` and of ``exporter --version`` (wall seconds, process start to
exit) is measured in the same alternation.

    .venv/bin/python benchmarks/compare_revisions.py 7873701 main [--runs 5]
    .venv/bin/python benchmarks/compare_revisions.py main .    # main against this tree

It takes about 10 s a run and revision with the default 40 articles.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tarfile
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# Run inside the revision's tree: its own bench_batch and its own exporter.
_STAGES = """
import json, sys
tree, articles, rounds = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
sys.path.insert(0, tree + "/benchmarks")
import exporter
if not exporter.__file__.startswith(tree):
    raise SystemExit(f"exporter imported from {exporter.__file__}, not from {tree}")
from bench_batch import generate_article, stage_times
print(json.dumps(stage_times([generate_article(i) for i in range(articles)], rounds)))
"""

_COLD = {"import exporter": ["-c", "import exporter"],
         "exporter --version": ["-m", "exporter", "--version"]}


def unpack(revision: str, scratch: Path) -> Path:
    """The folder holding ``revision``: the folder itself if it is one, else its files
    extracted from ``git archive`` into a new folder under ``scratch``."""
    if Path(revision).is_dir():
        return Path(revision).resolve()
    commit = subprocess.run(["git", "rev-parse", "--verify", f"{revision}^{{commit}}"],
                            cwd=ROOT, capture_output=True, text=True, check=True).stdout.strip()
    tree = scratch / commit[:12]
    if not tree.exists():
        archive = subprocess.run(["git", "archive", "--format=tar", commit], cwd=ROOT,
                                 capture_output=True, check=True).stdout
        archive_path = scratch / f"{commit[:12]}.tar"
        archive_path.write_bytes(archive)
        with tarfile.open(archive_path) as tar:
            tar.extractall(tree, filter="data")
    return tree


def _environment(tree: Path) -> dict[str, str]:
    """The tree first on the path; bytecode cached, as in an installed package's cold start."""
    environment = {**os.environ, "PYTHONPATH": str(tree)}
    environment.pop("PYTHONDONTWRITEBYTECODE", None)
    return environment


def measure_stages(tree: Path, articles: int, rounds: int) -> dict[str, float]:
    """CPU ms per article of each stage, as the tree's own ``stage_times`` reports them."""
    out = subprocess.run([sys.executable, "-c", _STAGES, str(tree), str(articles), str(rounds)],
                         cwd=tree, env=_environment(tree), capture_output=True, text=True)
    if out.returncode != 0:
        raise SystemExit(f"stage timings failed in {tree}:\n{out.stderr}")
    stages: dict[str, float] = json.loads(out.stdout.strip().splitlines()[-1])
    stages["all stages"] = sum(stages.values())
    return stages


def measure_cold(tree: Path, repeat: int) -> dict[str, float]:
    """Median wall seconds, process start to exit, of each command in ``_COLD``."""
    timings: dict[str, float] = {}
    for name, arguments in _COLD.items():
        runs = []
        for _ in range(repeat):
            started = time.perf_counter()
            subprocess.run([sys.executable, *arguments], cwd=tree, env=_environment(tree),
                           check=True, capture_output=True)
            runs.append(time.perf_counter() - started)
        timings[name] = statistics.median(runs)
    return timings


def _table(title: str, unit: str, a: dict[str, list[float]], b: dict[str, list[float]],
           limit: float) -> None:
    print(f"\n{title} (median of {len(next(iter(a.values())))} runs each)")
    print(f"  {'':<22} {'A':>9} {'B':>9}  {'B/A':>6}")
    for name, values in a.items():
        if name not in b:
            print(f"  {name:<22} {statistics.median(values):7.2f}{unit}   (not in B)")
            continue
        first, second = statistics.median(values), statistics.median(b[name])
        ratio = second / first if first else float("inf")
        flag = "  slower" if ratio > 1 + limit else ""
        print(f"  {name:<22} {first:7.2f}{unit} {second:7.2f}{unit}  {ratio:6.2f}{flag}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("a", help="revision (or folder) measured first in each pair")
    parser.add_argument("b", help="revision (or folder) compared with A")
    parser.add_argument("--runs", type=int, default=5, help="runs of each (default 5)")
    parser.add_argument("--articles", type=int, default=40,
                        help="generated articles a run (default 40)")
    parser.add_argument("--rounds", type=int, default=3, help="rounds within a run (default 3)")
    parser.add_argument("--cold", type=int, default=5,
                        help="cold starts of each command a run (default 5; 0 skips them)")
    parser.add_argument("--limit", type=float, default=0.10,
                        help="flag a stage slower than A by more than this (default 0.10)")
    arguments = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        trees = [unpack(arguments.a, Path(scratch)), unpack(arguments.b, Path(scratch))]
        print(f"A = {arguments.a} ({trees[0]})\nB = {arguments.b} ({trees[1]})", flush=True)
        stages: list[dict[str, list[float]]] = [{}, {}]
        cold: list[dict[str, list[float]]] = [{}, {}]
        for run in range(arguments.runs):
            for side, tree in enumerate(trees):
                for name, value in measure_stages(tree, arguments.articles,
                                                  arguments.rounds).items():
                    stages[side].setdefault(name, []).append(value)
                if arguments.cold:
                    for name, value in measure_cold(tree, arguments.cold).items():
                        cold[side].setdefault(name, []).append(value)
            print(f"  run {run + 1} of {arguments.runs} done", flush=True)
    _table("per stage, CPU ms per article in one warm process", "", stages[0], stages[1],
           arguments.limit)
    if arguments.cold:
        _table("cold start, wall seconds", "", cold[0], cold[1], arguments.limit)


if __name__ == "__main__":
    main()
