"""The corpus's documents are byte-identical to the frozen hashes (tests/identity/corpus.py)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.identity import corpus


def test_documents_are_byte_identical_to_the_frozen_corpus(tmp_path: Path) -> None:
    frozen = json.loads(corpus.HASHES.read_text(encoding="utf-8"))
    installed = corpus.library_versions()
    if installed != frozen["libraries"]:
        changed = {k: (frozen["libraries"].get(k), v) for k, v in installed.items()
                   if frozen["libraries"].get(k) != v}
        pytest.skip(f"the hashes were frozen with other library versions: {changed}")
    got = corpus.hashes(tmp_path)
    assert len(got) >= 120  # 45 articles in the batch, digests, single books, option runs
    missing = sorted(set(frozen["documents"]) - set(got))
    extra = sorted(set(got) - set(frozen["documents"]))
    changed = sorted(k for k in got.keys() & frozen["documents"].keys()
                     if got[k] != frozen["documents"][k])
    assert (missing, extra, changed) == ([], [], []), (
        "documents differ from the frozen corpus; if the change is intended, regenerate with "
        "`python -m tests.identity.corpus` and say why in the commit"
    )
