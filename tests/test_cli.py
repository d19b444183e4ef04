"""The command line: commands, flags, --json, exit codes and one-line errors."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from exporter.cli import main

ROOT = Path(__file__).resolve().parent.parent

ARTICLE = """Library extends opening hours after student petition

The city library will stay open until midnight from next month, after a petition signed by 4,200 students. The trial will run for six months.

Librarians said the extra hours would cost about £90,000 a year. The council agreed to pay for the trial from its education budget.

"Students need somewhere quiet to work," said Dana Holm, who organised the petition. Usage figures will be published every month.
"""


@pytest.fixture
def article(tmp_path: Path) -> Path:
    path = tmp_path / "library.txt"
    path.write_text(ARTICLE, "utf-8")
    return path


def run(
    *args: str, cwd: Path | None = None, stdin: str | None = None
) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run(
        [sys.executable, "-m", "exporter", *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        input=stdin,
        env=env,
        timeout=120,
    )


def test_summarise_json_is_one_object_per_article(article: Path, capsys) -> None:
    assert (
        main(
            [
                "summarise",
                str(article),
                str(article),
                "--sentences",
                "2",
                "--method",
                "lead",
                "--json",
            ]
        )
        == 0
    )
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 2
    record = json.loads(lines[0])
    assert record["source"] == str(article)
    assert record["title"] == "Library extends opening hours after student petition"
    assert record["sentences"] == [
        "The city library will stay open until midnight from next month, after a petition "
        "signed by 4,200 students.",
        "The trial will run for six months.",
    ]


def test_summarize_is_an_alias_and_reads_standard_input() -> None:
    result = run("summarize", "-", "-n", "1", "--method", "lead", "--json", stdin=ARTICLE)
    assert result.returncode == 0, result.stderr
    record = json.loads(result.stdout)
    assert record["source"] == "-" and len(record["sentences"]) == 1


@pytest.mark.parametrize("command", ["export", "summarise", "summarize", "methods", "formats"])
def test_every_command_has_help(command: str, capsys) -> None:
    with pytest.raises(SystemExit) as raised:
        main([command, "--help"])
    assert raised.value.code == 0
    assert "usage: exporter" in capsys.readouterr().out


def test_bad_usage_and_unreadable_input_exit_2_with_one_line(tmp_path: Path, article: Path) -> None:
    cases = [
        ("summarise", str(tmp_path / "missing.txt")),
        ("summarise", str(tmp_path)),
        ("summarise", str(article), "--method", "nonsense"),
        ("summarise", str(article), "--sentences", "zero"),
        ("export", str(article), "--format", "odt", "--out", str(tmp_path / "o")),
        ("export", "--no-such-flag", str(article)),
    ]
    for args in cases:
        result = run(*args)
        assert result.returncode == 2, (args, result.stderr)
        assert result.stdout == ""
        lines = result.stderr.strip().splitlines()
        assert len(lines) == 1, (args, result.stderr)
        assert "Traceback" not in result.stderr
    assert str(tmp_path / "missing.txt") in run(*cases[0]).stderr


def test_methods_and_formats_list_what_is_installed(capsys) -> None:
    assert main(["methods"]) == 0
    methods = capsys.readouterr().out.split()
    assert methods[0] == "default"
    from exporter.summarise import resolve_method

    for name in (
        "lead",
        "lexrank",
        "textrank",
        "lsa",
        "luhn",
        "edmundson",
        "kl",
        "sumbasic",
        "reduction",
    ):
        assert resolve_method(name) in methods
    assert main(["formats"]) == 0
    formats = capsys.readouterr().out
    for name in ("docx", "pdf", "epub"):
        assert name in formats
