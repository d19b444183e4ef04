"""One-way layers (#15 point 4): no import cycle, one module per command, one exception
tree, the report types exported, ``py.typed``, and ``import exporter`` kept light."""

from __future__ import annotations

import ast
import subprocess
import sys
import tomllib
import zipfile
from pathlib import Path

import pytest
from layercheck import cycles, import_graph

import exporter
import exporter.errors

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "exporter"
HEAVY = ("numpy", "scipy", "reportlab", "docx", "ebooklib", "babel")


def test_the_package_has_no_import_cycle() -> None:
    """Every import counts, lazy ones too: see tests/layercheck.py for the rule."""
    found = cycles(import_graph(PACKAGE))
    assert not found, "import cycles: " + "; ".join(" -> ".join(c) for c in found)


def test_the_cycle_check_finds_a_cycle_made_of_lazy_and_type_only_imports(
        tmp_path: Path) -> None:
    package = tmp_path / "layered"
    (package / "inner").mkdir(parents=True)
    (package / "__init__.py").write_text("")
    (package / "inner" / "__init__.py").write_text("")
    (package / "top.py").write_text("def run():\n    from .inner import low\n")
    (package / "inner" / "low.py").write_text(
        "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from ..top import run\n")
    (package / "side.py").write_text("import layered.inner.low\nimport os\n")
    graph = import_graph(package)
    assert graph["layered.side"] == {"layered.inner.low"}
    assert cycles(graph) == [["layered.inner.low", "layered.top", "layered.inner.low"]]
    (package / "inner" / "low.py").write_text("import json\n")
    assert cycles(import_graph(package)) == []


def _run(code: str) -> str:
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          check=True, cwd=ROOT)
    return done.stdout.strip()


def test_import_exporter_loads_no_format_or_numeric_library() -> None:
    loaded = _run(f"import sys, exporter\nprint(sorted(m for m in {HEAVY!r} "
                  "if m in sys.modules))")
    assert loaded == "[]"


def test_version_loads_no_command_and_no_library() -> None:
    code = (f"import sys\nfrom exporter.cli import main\nassert main(['--version']) == 0\n"
            f"print(sorted(m for m in sys.modules if m in {HEAVY!r} or "
            "m.startswith(('exporter.commands.', 'exporter.pipeline', 'exporter.summarise'))))")
    out = _run(code).splitlines()
    assert out == [f"exporter {exporter.__version__}", "[]"]


def test_the_version_fast_path_prints_what_argparse_would() -> None:
    from exporter.cli import build_parser

    done = subprocess.run([sys.executable, "-m", "exporter", "--version"], capture_output=True,
                          text=True, cwd=ROOT)
    assert (done.returncode, done.stdout, done.stderr) == (0, "exporter 0.1.0\n", "")
    with pytest.raises(SystemExit) as stop:
        build_parser().parse_args(["--version"])
    assert stop.value.code == 0


def test_the_report_types_are_exported() -> None:
    from exporter.pipeline import ExportReport, Failure

    assert exporter.ExportReport is ExportReport and exporter.Failure is Failure
    assert {"ExportReport", "Failure"} <= set(exporter.__all__)
    for name in exporter.__all__:
        assert getattr(exporter, name) is not None, name


def test_summarise_stays_the_function_once_its_subpackage_is_imported() -> None:
    out = _run("import exporter.pipeline, exporter.summarise.clean\nimport exporter\n"
               "from exporter.summarise import summarise\n"
               "print(exporter.summarise is summarise is exporter.summarize)")
    assert out == "True"


def test_every_command_has_its_own_module() -> None:
    from exporter.cli import build_parser
    from exporter.commands import COMMANDS

    parser = build_parser()
    [commands] = [a for a in parser._actions if a.dest == "command"]
    assert set(commands.choices) - {"summarize"} == set(COMMANDS)  # type: ignore[arg-type]
    for name in COMMANDS:
        assert (PACKAGE / "commands" / f"{name}.py").is_file(), name
    # The command line is only put together in cli.py: no other module imports it.
    graph = import_graph(PACKAGE)
    assert [m for m, edges in graph.items() if "exporter.cli" in edges] == ["exporter.__main__"]


def test_one_exception_tree_drawn_in_its_docstring() -> None:
    from exporter.deliver import DeliveryError as from_deliver
    from exporter.deliver.smtp import DeliveryError as from_smtp

    errors = exporter.errors
    assert errors.DeliveryError is from_deliver is from_smtp is exporter.DeliveryError
    assert issubclass(errors.DeliveryError, errors.OutputError)
    tree = ast.parse((PACKAGE / "errors.py").read_text(encoding="utf-8"))
    defined = [n.name for n in tree.body if isinstance(n, ast.ClassDef)]
    drawing = errors.__doc__ or ""
    for name in defined:
        assert f"── {name} " in drawing, name
        assert issubclass(getattr(errors, name), errors.ExporterError)
    # A subclass defined in another module is drawn in the tree too, with its module.
    elsewhere = [(path, node.name) for path in sorted(PACKAGE.rglob("*.py"))
                 if path.name != "errors.py"
                 for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
                 if isinstance(node, ast.ClassDef) and any(
                     isinstance(b, ast.Name) and b.id in defined for b in node.bases)]
    assert elsewhere, "the check looks at nothing"
    for path, name in elsewhere:
        module = ".".join(path.relative_to(PACKAGE).with_suffix("").parts)
        assert f"── {name} ({module})" in drawing, (module, name)


def test_the_package_is_typed() -> None:
    assert (PACKAGE / "py.typed").is_file()
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert config["tool"]["hatch"]["build"]["targets"]["wheel"]["packages"] == ["exporter"]


def test_the_wheel_ships_the_type_marker(tmp_path: Path) -> None:
    pytest.importorskip("hatchling", reason="hatchling, the build backend, is not installed "
                        "here: the wheel cannot be built")
    subprocess.run([sys.executable, "-m", "hatchling", "build", "-t", "wheel", "-d",
                    str(tmp_path)], cwd=ROOT, check=True, capture_output=True)
    [wheel] = tmp_path.glob("*.whl")
    names = zipfile.ZipFile(wheel).namelist()
    assert "exporter/py.typed" in names and "exporter/commands/export.py" in names
    # The packaged templates ship too: the labels files, the one-pager's and the digest's.
    assert {"exporter/templates/labels/de.toml", "exporter/templates/onepager.toml",
            "exporter/templates/digest.css", "exporter/templates/briefing.docx"} <= set(names)
