"""Hostile and careless configuration, style files and logos: exit 0, or exit 2 in one line.

Every refusal names the file and the key, is one line, is never an internal error,
and leaves no output behind. The property tests write generated tables (NaN,
infinities, huge and negative numbers, wrong types, unknown keys) and export a
short article of our own through the real command line.
"""

from __future__ import annotations

import contextlib
import io
import os
import struct
import tempfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import tomli_w
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pypdf import PdfReader

from exporter.cli import main
from exporter.config import SCHEMA as OPTION_SCHEMA
from exporter.config import Options, load_options
from exporter.deliver.settings import SCHEMA as EMAIL_SCHEMA
from exporter.deliver.settings import EmailSettings, load_email_settings
from exporter.errors import UsageError
from exporter.tomlcheck import (
    MAX_FILE_BYTES,
    Custom,
    FilePath,
    Flag,
    Names,
    Number,
    OneOf,
    Text,
)
from exporter.writers.pdf.style import SCHEMA as STYLE_SCHEMA
from exporter.writers.pdf.style import load_style

ARTICLE = """---
title: Harbour council opens a solar farm on the old rail yard
author: Ana Ruiz
date: 2024-03-07
---

The harbour council opened a community solar farm on the disused rail yard on Monday.
The farm's 4,000 panels will power the cranes of the container terminal.

"This is the cheapest electricity the port has ever bought," said the harbour master, Tom Lee.
The project cost 4.5 million euros, less than the 5 million the council had planned.

Residents can buy shares in the farm from June. The council expects the panels to pay for
themselves within eight years, and plans a second farm on the quay by 2027.
"""


@dataclass
class Run:
    code: int
    err: str
    outputs: list[Path]


@contextlib.contextmanager
def _folder() -> Iterator[Path]:
    """A fresh folder (hypothesis examples cannot share pytest's tmp_path)."""
    with tempfile.TemporaryDirectory(prefix="hostile-config-") as name:
        yield Path(name)


def _cli(folder: Path, *argv: str) -> Run:
    """Run the command line in ``folder`` (where configuration is discovered)."""
    out = folder / "out"
    err = io.StringIO()
    with contextlib.chdir(folder), contextlib.redirect_stderr(err), \
            contextlib.redirect_stdout(io.StringIO()):
        code = main(list(argv))
    outputs = sorted(p for p in out.rglob("*") if p.is_file()) if out.exists() else []
    return Run(code, err.getvalue(), outputs)


def export(folder: Path, *flags: str, articles: int = 1) -> Run:
    """Export our short article (``articles`` copies) from ``folder`` into ``folder/out``."""
    sources = []
    for number in range(articles):
        source = folder / f"story-{number}.md"
        source.write_text(ARTICLE.replace("Harbour", f"Harbour {number}"), encoding="utf-8")
        sources.append(str(source))
    return _cli(folder, "export", *sources, "--out", str(folder / "out"), *flags)


def assert_refused(run: Run, *words: str) -> str:
    """Exit 2, one line that names every word, no internal error, no file written."""
    lines = run.err.strip().splitlines()
    assert run.code == 2, run
    assert len(lines) == 1, run
    line = lines[0]
    assert line.startswith("exporter: ") and "internal error" not in line, run
    for word in words:
        assert word in line, (word, line)
    assert run.outputs == [], run
    return line


def _png(width: int, height: int, pixels: bool = True) -> bytes:
    """A PNG written by hand: IHDR declares ``width`` x ``height``; IDAT holds the rows."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    rows = b"".join(b"\x00" + b"\x1f\x38\x64" * width for _ in range(height)) if pixels else b""
    return (b"\x89PNG\r\n\x1a\n"
            + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b""))


# --- configuration files ----------------------------------------------------------------

BINARY = bytes(range(256)) * 4


@pytest.mark.parametrize(
    ("name", "content", "words"),
    [
        ("exporter.toml", BINARY, ["exporter.toml: cannot read configuration: not UTF-8"]),
        ("pyproject.toml", BINARY, ["pyproject.toml: cannot read configuration: not UTF-8"]),
        ("exporter.toml", b'organisation = "Caf\xe9"\n', ["exporter.toml", "not UTF-8"]),
        ("exporter.toml", b"sentences = = 3\n", ["exporter.toml: cannot read configuration"]),
        ("exporter.toml", b"[page\n", ["exporter.toml: cannot read configuration"]),
        ("exporter.toml", b"sentences = " + b"9" * 5000 + b"\n",
         ["exporter.toml: cannot read configuration: not TOML"]),
        ("exporter.toml", b"formats = " + b"[" * 100_000 + b"\n",
         ["exporter.toml: cannot read configuration: not TOML (nested too deeply)"]),
        ("exporter.toml", b"# " + b"x" * MAX_FILE_BYTES + b"\n",
         ["exporter.toml: cannot read configuration: larger than"]),
        ("pyproject.toml", b"[tool]\nexporter = 1\n",
         ["pyproject.toml: [tool.exporter] must be a table, not 1"]),
        ("pyproject.toml", b'tool = "exporter"\n',
         ["pyproject.toml: [tool] must be a table, not 'exporter'"]),
        ("exporter.toml", b"exporter = [1, 2]\n",
         ["exporter.toml: [exporter] must be a table, not a list"]),
        ("exporter.toml", b"colour = 'red'\n", ["exporter.toml: unknown option 'colour'"]),
        ("pyproject.toml", b"[tool.exporter]\nsentences = nan\n",
         ["pyproject.toml: bad value for sentences: nan"]),
    ],
)
def test_unreadable_or_misshapen_configuration_is_one_line(
        tmp_path: Path, name: str, content: bytes, words: list[str]) -> None:
    (tmp_path / name).write_bytes(content)
    assert_refused(export(tmp_path), *words)
    assert_refused(_cli(tmp_path, "summarise", str(tmp_path / "story-0.md")), *words)


def test_a_pyproject_without_an_exporter_table_is_no_concern(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text('[project]\nname = "x"\n[tool.ruff]\nline-length = 1\n')
    run = export(tmp_path, "--format", "pdf")
    assert run.code == 0 and [p.suffix for p in run.outputs] == [".pdf"], run


def _wrong_values(check: object) -> list[str]:
    """TOML values of the wrong type, or absurd, for a key checked by ``check``."""
    anything = ["true", "[1, 2]", "{ a = 1 }", "1979-05-27"]
    if isinstance(check, Number):
        values = ['"3"', "nan", "inf", "-inf", "-1", "1e300", "0"]
        return values + (["2.5"] if check.whole else ["-0.0"]) + anything
    if isinstance(check, Text):
        return ["3", '["a"]', '"a\\nb"', '"tab\\there"', f'"{"x" * 1001}"'] + anything
    if isinstance(check, FilePath):
        return ["3", '""', '"a\\u0000b"', f'"{"d/" * 3000}"'] + anything
    if isinstance(check, Names):
        return ["3", "[1, 2]", '["pdf", 3]', '["a\\nb"]'] + anything[:1] + anything[2:]
    if isinstance(check, OneOf):
        return ['"sideways"', "3", '""'] + anything
    if isinstance(check, Custom):
        return ['"A3"', "-3", '"tomorrow"'] + anything
    if isinstance(check, Flag):
        return ['"true"', '"yes"', "1", "0"] + anything[1:]
    raise AssertionError(f"no wrong values for {check!r}")


OPTION_CASES = [(key, value) for key, check in OPTION_SCHEMA.items()
                for value in _wrong_values(check)]


@pytest.mark.parametrize(("key", "value"), OPTION_CASES)
def test_a_wrong_value_for_any_option_names_the_file_and_the_key(
        tmp_path: Path, key: str, value: str) -> None:
    (tmp_path / "exporter.toml").write_text(f"{key} = {value}\n", encoding="utf-8")
    line = assert_refused(export(tmp_path), f"{tmp_path / 'exporter.toml'}: bad value for {key}:",
                          f"({key} must be ")
    assert len(line) < 300


def test_the_same_under_tool_exporter_and_with_dashes(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text("[tool.exporter]\nmax-input-bytes = 1e400\n")
    assert_refused(export(tmp_path), "pyproject.toml: bad value for max-input-bytes: inf",
                   "max-input-bytes must be a whole number from 1 to")


def test_limits_of_the_options_are_accepted(tmp_path: Path) -> None:
    (tmp_path / "exporter.toml").write_text(
        'sentences = 10000\nratio = 1\nwords = 1000000\nmax_input_bytes = 1099511627776\n'
        'organisation = "Harbour Press Office"\npage-size = " us-letter "\nformats = "PDF, docx"\n')
    options = load_options(tmp_path)
    assert (options.sentences, options.ratio, options.words, options.max_input_bytes) == (
        10_000, 1.0, 1_000_000, 2**40)
    assert (options.pdf_page_size, options.formats) == ("Letter", ("pdf", "docx"))


EMAIL_CASES = [(key, value) for key, check in EMAIL_SCHEMA.items()
               for value in _wrong_values(check)]


@pytest.mark.parametrize(("key", "value"), EMAIL_CASES)
def test_a_wrong_email_setting_names_the_file_and_the_key(
        tmp_path: Path, key: str, value: str) -> None:
    (tmp_path / "exporter.toml").write_text(f"[email]\n{key} = {value}\n", encoding="utf-8")
    with pytest.raises(UsageError) as caught:
        load_email_settings(tmp_path, environ={})
    message = str(caught.value)
    assert message.startswith(f"{tmp_path / 'exporter.toml'} [email]: bad value for {key}: ")
    assert f"({key} must be " in message and "\n" not in message


@pytest.mark.parametrize(
    ("name", "content", "words"),
    [("exporter.toml", "email = 1\n", "exporter.toml: [email] must be a table, not 1"),
     ("pyproject.toml", "[tool.exporter]\nemail = [1]\n",
      "pyproject.toml: [email] must be a table, not a list"),
     ("exporter.toml", "[email]\nmax-size = \"" + "9" * 400 + "MB\"\n", "max-size must be a size"),
     ("exporter.toml", "[email]\ncolour = 1\n", "exporter.toml [email]: unknown setting 'colour'")],
)
def test_the_email_command_refuses_a_bad_email_table(
        tmp_path: Path, name: str, content: str, words: str) -> None:
    (tmp_path / name).write_text(content, encoding="utf-8")
    (tmp_path / "story.md").write_text(ARTICLE, encoding="utf-8")
    eml = tmp_path / "out" / "message.eml"
    run = _cli(tmp_path, "email", "story.md", "--to", "desk@example.org", "--eml", str(eml))
    assert_refused(run, words)


def test_a_top_level_email_table_beside_an_exporter_table_is_read(tmp_path: Path) -> None:
    (tmp_path / "exporter.toml").write_text(
        '[exporter]\norganisation = "Desk"\n[email]\nhost = "smtp.example.org"\ntimeout = 5\n')
    assert load_options(tmp_path).organisation == "Desk"
    settings = load_email_settings(tmp_path, environ={})
    assert (settings.host, settings.timeout) == ("smtp.example.org", 5.0)


# --- the one-pager's style -------------------------------------------------------------

def _style_folder(folder: Path, content: str | bytes) -> Path:
    templates = folder / "templates"
    templates.mkdir()
    target = templates / "onepager.toml"
    if isinstance(content, bytes):
        target.write_bytes(content)
    else:
        target.write_text(content, encoding="utf-8")
    return templates


NUMBER_VALUES = ["nan", "inf", "-inf", "-1", "0", "1e9", "1e300", '"12"', "true", "[12]",
                 "{ size = 12 }"]
STYLE_CASES = [(section, key, value)
               for section, keys in STYLE_SCHEMA.items() for key, check in keys.items()
               for value in (NUMBER_VALUES if isinstance(check, Number)
                             else ["3", "true", '["x"]', '"a\\nb"', f'"{"x" * 500}"'])]


@pytest.mark.parametrize(("section", "key", "value"), STYLE_CASES)
def test_a_bad_style_value_names_the_file_section_and_key(
        tmp_path: Path, section: str, key: str, value: str) -> None:
    templates = _style_folder(tmp_path, f"[{section}]\n{key} = {value}\n")
    run = export(tmp_path, "--template-dir", str(templates), "--format", "docx,pdf,epub")
    assert_refused(run, f"{templates / 'onepager.toml'}: bad value for [{section}] {key}: ",
                   f"({key} must be ")


@pytest.mark.parametrize(
    ("content", "words"),
    [(BINARY, "cannot read the one-pager style: not UTF-8"),
     ("[page]\nmargin = \n", "cannot read the one-pager style"),
     ("labels = 3\n", "[labels] must be a table, not 3"),
     ("[pages]\nmargin = 3\n", "unknown section 'pages'"),
     ("[page]\nmargn = 30\n", "unknown setting [page] 'margn'"),
     ("[page]\ncolumns = 1.5\n", "[page] columns: 1.5"),
     ("[page]\nmargin = 300\n", "[page] margin: 300"),  # wider than half the page
     ("[type]\ntitle_max_chars = 300.5\n", "[type] title_max_chars: 300.5"),
     ("[type]\nmin_size = 4\n", "[type] min_size: 4 (min_size must be a number from 8 to 72)"),
     ("[type]\nmax_size = 73\n", "[type] max_size: 73"),
     ("[type]\nmin_size = 12\nreading_size = 10\n", "needs min_size <= reading_size <= max_size"),
     ("[type]\ntitle_min = 40\ntitle_max = 20\n", "needs title_min <= title_max"),
     ("[colours]\ntext = \"red\"\n", "[colours] text: 'red'"),
     ("[colours]\nlink = \"#FFFFFF\\n\"\n", "[colours] link: '#FFFFFF\\n'"),
     ("[colours]\nrule = \"#FFF\"\n", "rule must be a colour like"),
     ("[labels]\nsource = [\"Source:\"]\n", "[labels] source: a list"),
     ("[labels]\nreading_time = \"minutes to read\"\n", "reading_time must contain {minutes}")],
)
def test_a_bad_style_file_is_one_line_naming_it(
        tmp_path: Path, content: str | bytes, words: str) -> None:
    templates = _style_folder(tmp_path, content)
    run = export(tmp_path, "--template-dir", str(templates), "--format", "docx,pdf")
    assert_refused(run, str(templates / "onepager.toml"), words)


def test_a_bad_style_is_refused_once_for_a_batch(tmp_path: Path) -> None:
    templates = _style_folder(tmp_path, "[type]\nmax_size = 1e9\n")
    run = export(tmp_path, "--template-dir", str(templates), "--format", "docx,pdf", articles=3)
    assert_refused(run, "bad value for [type] max_size: 1000000000.0")


# --- the logo -------------------------------------------------------------------------

def _logos(folder: Path) -> dict[str, Path]:
    whole = _png(4, 2)
    contents = {
        "zero.png": _png(0, 0),
        "zero-wide.png": _png(0, 5, pixels=False),
        "header-only.png": whole[:20],
        "cut-in-pixels.png": whole[:-20],
        "bomb.png": _png(100_000, 100_000, pixels=False),
        "wide.png": _png(20_000, 1, pixels=False),
        "text.png": b"this is not an image at all\n",
        "empty.png": b"",
        "gif-header.png": b"GIF89a\x00",
    }
    paths = {}
    for name, data in contents.items():
        paths[name] = folder / name
        paths[name].write_bytes(data)
    paths["folder.png"] = folder / "folder.png"
    paths["folder.png"].mkdir()
    paths["missing.png"] = folder / "missing.png"
    paths["fifo.png"] = folder / "fifo.png"
    os.mkfifo(paths["fifo.png"])
    return paths


def test_every_bad_logo_is_refused_before_any_document(tmp_path: Path) -> None:
    for name, logo in _logos(tmp_path).items():
        run = export(tmp_path, "--logo", str(logo), "--format", "docx,pdf", articles=2)
        line = assert_refused(run, f"{logo}: cannot use as a logo (")
        assert line.endswith(")"), (name, line)


def test_a_bomb_and_a_zero_logo_say_what_is_wrong(tmp_path: Path) -> None:
    logos = _logos(tmp_path)
    assert_refused(export(tmp_path, "--logo", str(logos["bomb.png"])), "too many pixels")
    assert_refused(export(tmp_path, "--logo", str(logos["wide.png"])),
                   "20,000×1 pixels; at most 10,000 a side")
    assert_refused(export(tmp_path, "--logo", str(logos["cut-in-pixels.png"])), "damaged")
    assert_refused(export(tmp_path, "--logo", str(logos["fifo.png"])), "not a regular file")


def test_a_logo_from_the_configuration_is_checked_too(tmp_path: Path) -> None:
    (tmp_path / "logo.png").write_bytes(_png(3, 0, pixels=False))
    (tmp_path / "exporter.toml").write_text('docx_logo = "logo.png"\n')
    assert_refused(export(tmp_path, "--format", "docx"), "logo.png: cannot use as a logo")


def test_a_good_logo_is_written_into_the_briefing(tmp_path: Path) -> None:
    import docx

    (tmp_path / "logo.png").write_bytes(_png(4, 2))
    run = export(tmp_path, "--logo", str(tmp_path / "logo.png"), "--format", "docx,pdf")
    assert run.code == 0, run
    assert sorted(p.suffix for p in run.outputs) == [".docx", ".pdf"]
    briefing = next(p for p in run.outputs if p.suffix == ".docx")
    header = docx.Document(str(briefing)).sections[0].header
    images = [p.blob for p in header.part.related_parts.values()
              if p.content_type == "image/png"]
    assert images == [_png(4, 2)]


def test_a_logo_only_matters_to_the_briefing(tmp_path: Path) -> None:
    (tmp_path / "bad.png").write_bytes(b"not an image")
    run = export(tmp_path, "--logo", str(tmp_path / "bad.png"), "--format", "pdf")
    assert run.code == 0 and [p.suffix for p in run.outputs] == [".pdf"], run


# --- properties -----------------------------------------------------------------------

_ANY = st.one_of(
    st.floats(allow_nan=True, allow_infinity=True),
    st.floats(min_value=-10, max_value=200),
    st.integers(min_value=-(2**63), max_value=2**63 - 1),
    st.integers(min_value=-3, max_value=100),
    st.booleans(),
    st.text(max_size=30),
    st.sampled_from(["#1F3A5F", "#ffffff", "#FFF", "red", "{minutes} min", "", "A4", "pdf"]),
    st.lists(st.one_of(st.integers(-5, 5), st.text(max_size=4)), max_size=3),
    st.dictionaries(st.text(max_size=5), st.integers(), max_size=2),
)


def _section(keys: list[str]) -> st.SearchStrategy[Any]:
    table = st.dictionaries(st.sampled_from([*keys, "bogus"]), _ANY, max_size=len(keys))
    return st.one_of(table, table, table, _ANY)  # now and then not a table at all


_STYLE_TABLES = st.dictionaries(
    st.sampled_from([*STYLE_SCHEMA, "extra"]),
    st.deferred(lambda: st.one_of(*(_section(list(keys)) for keys in STYLE_SCHEMA.values()))),
    max_size=5)


def _refusal_is_one_line(error: UsageError, path: Path) -> None:
    message = str(error)
    assert message.startswith((f"{path}: ", f"{path} [email]: ")), message
    assert "\n" not in message, message
    assert len(message) < 400, message


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(table=_STYLE_TABLES)
def test_any_style_table_loads_or_is_refused_in_one_line(table: dict[str, Any]) -> None:
    with _folder() as folder:
        path = folder / "onepager.toml"
        path.write_text(tomli_w.dumps(table), encoding="utf-8")
        try:
            style = load_style(folder)
        except UsageError as error:
            _refusal_is_one_line(error, path)
            return
    assert 8 <= style.min_size <= style.reading_size <= style.max_size <= 72
    assert 0 < style.margin <= 144 and style.columns in (1, 2)


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(table=_STYLE_TABLES)
def test_any_style_table_exports_or_exits_2(table: dict[str, Any]) -> None:
    with _folder() as folder:
        templates = folder / "templates"
        templates.mkdir()
        (templates / "onepager.toml").write_text(tomli_w.dumps(table), encoding="utf-8")
        run = export(folder, "--template-dir", str(templates), "--format", "pdf")
        if run.code == 2:
            assert_refused(run, str(templates / "onepager.toml"))
            return
        assert run.code == 0, run
        assert [len(PdfReader(p).pages) for p in run.outputs] == [1]


@st.composite
def _sane_styles(draw: st.DrawFn) -> dict[str, Any]:
    """A style within every bound: its extremes must still make one full page."""
    low, middle, high = sorted(draw(st.lists(st.floats(8, 72), min_size=3, max_size=3)))
    title_low, title_high = sorted(draw(st.lists(st.floats(8, 72), min_size=2, max_size=2)))
    edge = st.one_of(st.floats(0.5, 144), st.sampled_from([0.5, 144.0]))
    space = st.one_of(st.floats(0.5, 72), st.sampled_from([0.5, 72.0]))
    return {
        "page": {"margin": draw(edge), "masthead_height": draw(edge), "gap": draw(space),
                 "columns": draw(st.sampled_from([1, 2])), "gutter": draw(space)},
        "type": {"min_size": low, "reading_size": middle, "max_size": high,
                 "leading": draw(st.floats(1, 3)), "title_scale": draw(st.floats(0.1, 8)),
                 "title_min": title_low, "title_max": title_high,
                 "title_max_chars": draw(st.integers(20, 2000))},
    }


@settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(table=_sane_styles())
def test_a_style_at_its_bounds_makes_one_page(table: dict[str, Any]) -> None:
    with _folder() as folder:
        templates = folder / "templates"
        templates.mkdir()
        (templates / "onepager.toml").write_text(tomli_w.dumps(table), encoding="utf-8")
        run = export(folder, "--template-dir", str(templates), "--format", "pdf",
                     "--organisation", "Northshire Gazette")
        assert run.code == 0, run
        (pdf,) = run.outputs
        reader = PdfReader(pdf)
        assert len(reader.pages) == 1
        assert "Northshire Gazette" in reader.pages[0].extract_text()


_OPTION_KEYS = [*OPTION_SCHEMA, "page_size", "page-size", "out-dir", "email", "colour"]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(table=st.dictionaries(st.sampled_from(_OPTION_KEYS), _ANY, max_size=6),
       where=st.sampled_from(["exporter.toml", "exporter.toml [exporter]", "pyproject.toml"]))
def test_any_configuration_table_loads_or_is_refused_in_one_line(
        table: dict[str, Any], where: str) -> None:
    with _folder() as folder:
        if where == "pyproject.toml":
            path, data = folder / "pyproject.toml", {"tool": {"exporter": table}}
        else:
            path = folder / "exporter.toml"
            data = {"exporter": table} if where.endswith("[exporter]") else table
        path.write_text(tomli_w.dumps(data), encoding="utf-8")
        try:
            options = load_options(folder)
            settings = load_email_settings(folder, environ={})
        except UsageError as error:
            _refusal_is_one_line(error, path)
            return
    assert isinstance(options, Options) and isinstance(settings, EmailSettings)
    assert options.sentences is None or 1 <= options.sentences <= 10_000
    assert options.ratio is None or 0 < options.ratio <= 1
    assert options.pdf_page_size in ("A4", "Letter")
    assert isinstance(options.organisation, str) and "\n" not in options.organisation
