"""The default method's quality on the BBC set: it beats Lead-k and sumy's best methods."""

from __future__ import annotations

import importlib.util
import sys
from types import ModuleType

from tests.conftest import ROOT, shared_path


def _eval_module() -> ModuleType:
    spec = importlib.util.spec_from_file_location("exporter_eval", ROOT / "benchmarks" / "eval.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


def test_default_beats_lead_and_sumys_strongest_methods_on_every_rouge_score() -> None:
    evaluation = _eval_module()
    cases = evaluation.load_cases(shared_path("eval", "bbc"))
    assert len(cases) == 100
    # sumy's three strongest on this set (the full table is `make eval`).
    rivals = ["lead", "sumy-reduction", "sumy-textrank", "sumy-luhn"]
    results = evaluation.evaluate(cases, ["default", *rivals])
    for setting in ("matched", "fixed"):
        ours = results["default"][setting]
        for rival in rivals:
            theirs = results[rival][setting]
            assert all(a > b for a, b in zip(ours, theirs, strict=True)), (setting, rival, ours, theirs)
    assert results["default"]["matched"][0] > 80


def test_eval_table_reads_the_set_and_prints_every_row(capsys) -> None:  # type: ignore[no-untyped-def]
    evaluation = _eval_module()
    data = shared_path("eval", "bbc")
    case = evaluation.load_cases(data)[0]
    assert case.document.title and len(case.reference) >= 1
    assert all(r in {s.text for s in case.document.sentences()} for r in case.reference)
    assert evaluation.main(["--methods", "lead,default", "--data", str(data)]) == 0
    out = capsys.readouterr().out
    assert "Lead-k" in out and "centrality (default)" in out and "R-Lsum" in out
    assert "references: " in out and " words on average" in out


def test_eval_words_column_is_the_mean_length_of_the_three_sentence_summaries() -> None:
    evaluation = _eval_module()
    cases = evaluation.load_cases(shared_path("eval", "bbc"))[:10]
    from exporter.summarise import rank
    from exporter.summarise.select import word_count

    expected = []
    for case in cases:
        candidates, _ = rank(case.document, "lead")
        expected.append(sum(word_count(c.text) for c in candidates[:3]))
    measured = evaluation.evaluate(cases, ["lead"])["lead"]["length"][0]
    assert measured == sum(expected) / len(expected)
    line = evaluation.reference_line(cases)
    words = sum(sum(word_count(r) for r in case.reference) for case in cases) / len(cases)
    assert line.endswith(f"{words:.0f} words on average")


def test_eval_says_clearly_when_the_set_is_missing(tmp_path, capsys) -> None:  # type: ignore[no-untyped-def]
    evaluation = _eval_module()
    assert evaluation.main(["--data", str(tmp_path / "nowhere")]) == 2
    assert "BBC evaluation set is not at" in capsys.readouterr().err
