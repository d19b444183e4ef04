"""Hostile and careless input: every case ends in exit 0 or exit 2 with one line, never 1 or a hang.

Non-regular files, inputs over the size limit (however their size reads), a
book on one line, front matter of every wrong kind, and API calls with
arguments of the wrong type.
"""

from __future__ import annotations

import io
import logging
import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
from docx import Document as DocxDocument

import exporter
from exporter.cli import main
from exporter.errors import InputError, UsageError
from exporter.readers import read_path, read_string
from exporter.readers.build import MAX_BLOCK_CHARS
from exporter.readers.meta import MAX_ALIASES
from exporter.readers.source import read_limited
from exporter.segment import MAX_SENTENCE_CHARS, split_sentences

ROOT = Path(__file__).resolve().parents[2]

BODY_EN = (
    "The harbour board voted on Tuesday to rebuild the old ferry pier. "
    "The work will cost 4.2 million euros and should take two years. "
    "Fishermen said the plan ignored the winter storms. "
    "The mayor promised a public meeting before any contract is signed.\n\n"
    "Engineers will survey the seabed in March. "
    "A temporary landing stage will serve the island ferries meanwhile."
)
BODY_DE = (
    "Der Stadtrat hat am Dienstag den Umbau des alten Bahnhofs beschlossen. "
    "Die Arbeiten sollen drei Jahre dauern und elf Millionen Euro kosten. "
    "Anwohner fürchten monatelangen Baulärm in der Innenstadt.\n\n"
    "Die Bürgermeisterin versprach eine Informationsveranstaltung im Frühjahr."
)
BODY_FR = (
    "Le conseil municipal a adopté mardi le projet de tramway vers le port. "
    "Les travaux dureront deux ans et coûteront quarante millions d'euros. "
    "Les commerçants du centre craignent une baisse de fréquentation.\n\n"
    "Une réunion publique est prévue au mois d'avril."
)
BODY_ES = (
    "El ayuntamiento aprobó el martes la reforma del mercado central. "
    "Las obras costarán seis millones de euros y durarán un año. "
    "Los vendedores se trasladarán a una carpa provisional en la plaza."
)


def _markdown(path: Path, front: str, body: str = BODY_EN) -> Path:
    path.write_text(f"---\n{front}\n---\n\n{body}\n", encoding="utf-8")
    return path


def _run(args: list[str], *, stdin: bytes | None = None, cwd: Path | None = None,
         timeout: float = 60) -> subprocess.CompletedProcess[bytes]:
    """The real command in a child process, so that a hang or a memory blow-up cannot take
    the test run with it."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run([sys.executable, "-m", "exporter", *args], input=stdin, cwd=cwd,
                          env=env, capture_output=True, timeout=timeout, check=False)


def _one_line(stderr: bytes) -> str:
    lines = stderr.decode().strip().splitlines()
    assert len(lines) == 1, lines
    assert "Traceback" not in lines[0] and "internal error" not in lines[0]
    return lines[0]


# --- files that are not regular files -------------------------------------------------


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs on this system")
def test_a_fifo_is_refused_by_type_without_blocking(tmp_path: Path) -> None:
    fifo = tmp_path / "story.txt"
    os.mkfifo(fifo)  # nobody ever writes to it: opening it for reading would block forever
    started = time.monotonic()
    done = _run(["summarise", str(fifo)], timeout=30)
    assert done.returncode == 2
    line = _one_line(done.stderr)
    assert f"{fifo}: is a FIFO (named pipe), not a regular file" in line
    assert time.monotonic() - started < 30


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="no /dev/zero")
def test_dev_zero_is_refused_as_a_device_not_read_until_memory_runs_out(tmp_path: Path) -> None:
    done = _run(["export", "/dev/zero", "--out", str(tmp_path / "out")], timeout=30)
    assert done.returncode == 2
    assert "/dev/zero: is a character device, not a regular file" in done.stderr.decode()
    assert not (tmp_path / "out").exists() or not any((tmp_path / "out").iterdir())


def test_a_socket_and_a_folder_are_refused_by_type(tmp_path: Path) -> None:
    path = tmp_path / "s.sock"
    server = socket.socket(socket.AF_UNIX)
    try:
        server.bind(str(path))
        with pytest.raises(InputError, match=r"s\.sock: is a socket, not a regular file"):
            read_path(path)
    finally:
        server.close()
    with pytest.raises(InputError, match="is a folder"):
        read_path(tmp_path)


def test_a_symlink_to_a_regular_file_is_still_read(tmp_path: Path) -> None:
    story = tmp_path / "story.txt"
    story.write_text("Pier plan approved\n\n" + BODY_EN, encoding="utf-8")
    link = tmp_path / "link.txt"
    link.symlink_to(story)
    assert read_path(link).title == "Pier plan approved"


# --- the size limit, on the bytes actually read ----------------------------------------


class _Endless(io.RawIOBase):
    """A stream that never ends, like a device or a pipe fed by ``yes``; counts what it gave."""

    def __init__(self) -> None:
        self.given = 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: bytearray) -> int:  # type: ignore[override]
        size = len(buffer)
        buffer[:size] = b"a" * size
        self.given += size
        return size


def test_the_limit_is_enforced_while_reading_an_endless_stream() -> None:
    raw = _Endless()
    with pytest.raises(InputError, match=r"^-: is over the 1\.0 kB input limit"):
        read_limited(io.BufferedReader(raw), 1000, "-")
    assert raw.given < 1000 + io.DEFAULT_BUFFER_SIZE + 1  # it stopped; it did not read on


def test_a_stream_at_the_limit_is_read_whole() -> None:
    assert read_limited(io.BytesIO(b"x" * 1000), 1000, "-") == b"x" * 1000


def test_standard_input_over_the_limit_exits_2(tmp_path: Path) -> None:
    (tmp_path / "exporter.toml").write_text("max_input_bytes = 1000\n")
    text = ("Pier plan approved\n\n" + BODY_EN * 3).encode()
    assert len(text) > 1000
    done = _run(["summarise", "-"], stdin=text, cwd=tmp_path)
    assert done.returncode == 2
    assert _one_line(done.stderr) == (
        "exporter: -: is over the 1.0 kB input limit "
        "(raise max_input_bytes in exporter.toml to allow it)"
    )
    done = _run(["summarise", "-"], stdin=text[:900], cwd=tmp_path)
    assert done.returncode == 0
    assert b"The harbour board voted on Tuesday" in done.stdout  # the summary, not an error


# --- a book on one line ---------------------------------------------------------------


def _one_line_words(size: int) -> str:
    words = ("harbour council ferry storm engineer survey island contract winter "
             "meeting seabed landing tramway market vendor").split()
    out, used, number = [], 0, 0
    while used < size:
        word = words[number % len(words)] + str(number % 97)
        out.append(word)
        used += len(word) + 1
        number += 1
    return " ".join(out)


def test_a_long_run_on_sentence_is_cut_in_linear_time() -> None:
    # Cutting by slicing the rest off at every cut copied the rest each time: 20 MB of
    # one letter took minutes. Moving an index along takes well under a second.
    started = time.process_time()
    pieces = split_sentences("a" * 20_000_000)
    assert time.process_time() - started < 5
    assert len(pieces) == 10_000
    assert {len(p) for p in pieces} == {MAX_SENTENCE_CHARS}


def test_a_two_megabyte_single_line_reads_into_bounded_paragraphs_quickly() -> None:
    text = _one_line_words(2_000_000)
    started = time.process_time()
    document = read_string(text, format="text", source="line.txt")
    assert time.process_time() - started < 10
    assert len(document.blocks) > 100
    assert all(len(block.text) <= MAX_BLOCK_CHARS + MAX_SENTENCE_CHARS
               for block in document.blocks)
    assert all(len(s.text) <= MAX_SENTENCE_CHARS for s in document.sentences())
    # Nothing lost, nothing reordered: the words read back in order.
    assert " ".join(s.text for s in document.sentences()).split() == text.split()
    # Positions stay stable: each sentence's paragraph is the block it is in.
    for index, block in enumerate(document.blocks):
        assert all(s.paragraph == index for s in block.sentences)


def test_a_long_paragraph_with_real_sentences_is_cut_between_sentences() -> None:
    sentence = "Der Stadtrat hat am Dienstag den Umbau beschlossen. "
    document = read_string(sentence * 2000, format="text", source="de.txt")
    assert len(document.blocks) > 1
    assert all(s.text == sentence.strip() for s in document.sentences())
    assert document.language == "de"


def test_a_one_megabyte_single_line_exports_every_format(tmp_path: Path) -> None:
    story = tmp_path / "line.txt"
    story.write_text(_one_line_words(1_000_000), encoding="utf-8")
    started = time.monotonic()
    assert main(["export", str(story), "--out", str(tmp_path / "out"), "--jobs", "1"]) == 0
    assert time.monotonic() - started < 45
    written = sorted(p.suffix for p in (tmp_path / "out").iterdir())
    assert written == [".docx", ".epub", ".pdf"]
    briefing = DocxDocument(str(tmp_path / "out" / "line.docx"))
    assert "harbour0 council1 ferry2" in "\n".join(p.text for p in briefing.paragraphs)


# --- front matter of every wrong kind --------------------------------------------------

# (front matter, key the warning names, what it says)
_IGNORED = [
    ("title: Pier plan\ndate: 0000-00-00", "'date'", "'0000-00-00' is not a valid date"),
    ("title: Pier plan\ndate: 2024-02-30", "'date'", "'2024-02-30' is not a valid date"),
    ("title: Pier plan\ndate: 2024-02-30 10:00:00", "'date'", "is not a valid date"),
    ("title: Pier plan\nupdated: 2024-02-30", "'updated'", "'2024-02-30' is not a valid date"),
    ("title: [Pier, plan]", "'title'", "is a list, not text"),
    ("title: {main: Pier plan}", "'title'", "is a mapping, not text"),
    ("title: true", "'title'", "is true/false, not text"),
    ("title: null", "'title'", "is empty (null), not text"),
    ("title: Pier plan\nauthors: {first: Ann}", "'authors'", "is a mapping, not a name"),
    ("title: Pier plan\nauthors: [[Ann, Bo], [Cy]]", "'authors'", "entry 1 is a list"),
    ("title: Pier plan\n1: one\n2024-01-01: dated", "key '1'", "is a number, not text"),
    ("title: Pier plan\nlanguage: [en]", "'language'", "is a list, not text"),
    ("title: Pier plan\ndate: [2024]", "'date'", "is a list, not a date"),
]


@pytest.mark.parametrize(("front", "key", "reason"), _IGNORED)
def test_a_bad_front_matter_value_is_ignored_with_a_warning(
    tmp_path: Path, caplog: pytest.LogCaptureFixture, front: str, key: str, reason: str
) -> None:
    story = _markdown(tmp_path / "story.md", front)
    with caplog.at_level(logging.WARNING):
        document = read_path(story)
    warnings = [r.getMessage() for r in caplog.records if r.levelno == logging.WARNING]
    assert any(m.startswith(f"{story}: front matter {key}") and reason in m for m in warnings), \
        warnings
    assert all("\n" not in m for m in warnings)
    assert document.published is None
    assert document.sentences()  # the article itself is read
    assert document.title in ("Pier plan", "Story")


def test_an_impossible_time_on_a_real_date_keeps_the_date(tmp_path: Path) -> None:
    story = _markdown(tmp_path / "t.md", "title: Pier\ndate: 2024-01-10 25:00:00\ntime: 25:00")
    assert str(read_path(story).published) == "2024-01-10"


def test_a_five_thousand_digit_title_is_kept_as_its_digits(tmp_path: Path) -> None:
    # int('9' * 5000) raises: Python will not convert more than 4,300 digits.
    story = _markdown(tmp_path / "n.md", "title: " + "9" * 5000)
    assert read_path(story).title == "9" * 5000


def test_good_front_matter_still_reads(tmp_path: Path) -> None:
    story = _markdown(
        tmp_path / "good.md",
        "title: Neuer Bahnhof\nauthor: Ann Lee and Bo Kim\ndate: 2024-02-29\nlang: de\n"
        "source: https://example.org/bahnhof",
        BODY_DE,
    )
    document = read_path(story)
    assert document.title == "Neuer Bahnhof"
    assert document.authors == ("Ann Lee", "Bo Kim")
    assert str(document.published) == "2024-02-29"
    assert document.language == "de"
    assert document.source_url == "https://example.org/bahnhof"


def test_an_author_mapping_with_a_name_gives_that_name(tmp_path: Path) -> None:
    story = _markdown(tmp_path / "a.md", "title: Tram\nauthors:\n  - name: Chloé Martin\n  - 42",
                      BODY_FR)
    assert read_path(story).authors == ("Chloé Martin", "42")


_BOMB = "\n".join(
    [f"a0: &a0 [{', '.join(['lol'] * 9)}]"]
    + [f"a{n}: &a{n} [{', '.join([f'*a{n - 1}'] * 9)}]" for n in range(1, 9)]
    + ["title: *a8"]
)
# (front matter, what the one-line error says)
_REFUSED = [
    (_BOMB, f"uses more than {MAX_ALIASES} YAML aliases"),
    ("title: x\n" + "deep: " + "[" * 3000 + "]" * 3000, "nested too deeply"),
    ("title: \x00\x01\x02binary", "characters YAML does not allow"),
    ("title: x\nnotes: '" + "y" * 300_000 + "'", "front matter is over 256 kB"),
    ("title: [unclosed", "invalid YAML front matter"),
    ("- just\n- a list", "not a mapping"),
    ("title: !!python/object:os.system x", "invalid YAML front matter"),
    ("title: !!float x", "a value does not fit its !!tag"),
    ("title: !!bool maybe", "a value does not fit its !!tag"),
]


@pytest.mark.parametrize(("front", "reason"), _REFUSED)
def test_unreadable_front_matter_is_a_one_line_error(
    tmp_path: Path, front: str, reason: str
) -> None:
    story = _markdown(tmp_path / "bad.md", front)
    started = time.process_time()
    with pytest.raises(InputError) as raised:
        read_path(story)
    assert time.process_time() - started < 5
    message = str(raised.value)
    assert message.startswith(f"{story}: ") and reason in message and "\n" not in message


def test_summarise_goes_on_past_bad_articles_and_reports_them_at_the_end(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    first = _markdown(tmp_path / "1-good.md", "title: Pier\ndate: 2024-02-30")
    bomb = _markdown(tmp_path / "2-bomb.md", _BOMB)
    missing = tmp_path / "3-missing.md"
    last = _markdown(tmp_path / "4-spanish.md", "title: Mercado\ntitle2: 25:00", BODY_ES)
    status = main(["summarise", str(first), str(bomb), str(missing), str(last)])
    captured = capsys.readouterr()
    assert status == 2
    assert "== Pier" in captured.out and "== Mercado" in captured.out
    assert "- El ayuntamiento aprobó el martes la reforma del mercado central." in captured.out
    errors = [line for line in captured.err.splitlines() if "front matter 'date'" not in line]
    assert errors == [
        f"exporter: {bomb}: the front matter uses more than {MAX_ALIASES} YAML aliases (*name)",
        f"exporter: {missing}: no such file",
        "exporter: 4 articles, 2 failed",
    ]


def test_summarise_json_of_a_batch_with_a_bad_article_exits_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    good = _markdown(tmp_path / "good.md", "title: Tramway", BODY_FR)
    bad = _markdown(tmp_path / "bad.md", "title: [unclosed")
    assert main(["summarise", "--json", str(bad), str(good)]) == 2
    out = capsys.readouterr().out.strip().splitlines()
    assert len(out) == 1 and '"title": "Tramway"' in out[0] and '"language": "fr"' in out[0]


def test_export_of_odd_front_matter_writes_every_file(tmp_path: Path) -> None:
    sources = [
        _markdown(tmp_path / "digits.md", "title: " + "7" * 5000 + "\ndate: 0000-00-00"),
        _markdown(tmp_path / "list.md", "title: [a, b]\nauthors: {a: 1}\n7: x", BODY_DE),
        _markdown(tmp_path / "bool.md", "title: false\nupdated: 2024-13-01", BODY_FR),
    ]
    out = tmp_path / "out"
    status = main(["export", *map(str, sources), "--out", str(out), "--format", "docx,epub",
                   "--jobs", "1"])
    assert status == 0
    names = sorted(p.name for p in out.iterdir())
    assert len([n for n in names if n.endswith(".docx")]) == 3
    assert len([n for n in names if n.endswith(".epub")]) == 1
    # The file names fall back to the file's name where the title was ignored.
    assert "list.docx" in names and "bool.docx" in names


# --- API arguments of the wrong type ---------------------------------------------------

_DOCUMENT = read_string("Pier plan approved\n\n" + BODY_EN, format="text")

_WRONG = [
    (lambda: exporter.summarise("some text"), "summarise(): document must be a Document, not str"),
    (lambda: exporter.summarise(None), "document must be a Document, not NoneType"),
    (lambda: exporter.summarise(_DOCUMENT, sentences=2.5), "sentences must be a whole number"),
    (lambda: exporter.summarise(_DOCUMENT, words="ten"), "words must be a whole number"),
    (lambda: exporter.summarise(_DOCUMENT, ratio=float("nan")), "ratio must be a finite number"),
    (lambda: exporter.summarise(_DOCUMENT, method=3), "method must be a string or None"),
    (lambda: exporter.summarise(_DOCUMENT, method="nope"), "unknown summary method 'nope'"),
    (lambda: exporter.read_article(123), "read_article(): source must be a path"),
    (lambda: exporter.read_article(b"story.txt"), "source must be a path (str or Path), not bytes"),
    (lambda: exporter.read_article("x.txt", max_bytes="big"), "max_bytes must be a whole number"),
    (lambda: exporter.read_article("x.txt", max_bytes=-5), "max_bytes must be positive"),
    (lambda: exporter.read_string(b"bytes"), "read_string(): text must be a str, not bytes"),
    (lambda: exporter.read_string("text", format="pdf"), "unknown format 'pdf'"),
    (lambda: exporter.render("text", "pdf"), "render(): articles must be an Article"),
    (lambda: exporter.render([_DOCUMENT, 5], "epub"), "each article must be an Article"),
    (lambda: exporter.render(_DOCUMENT, 5), "a format must be a name"),
    (lambda: exporter.render([], "epub"), "render(): no articles given"),
    (lambda: exporter.render(_DOCUMENT, "pdf", {"a": 1}), "options must be an Options or None"),
    (lambda: exporter.write("text", "out.pdf"), "write(): document must be a Document"),
    (lambda: exporter.write(_DOCUMENT, 42), "write(): path must be a path"),
    (lambda: exporter.write(_DOCUMENT, "out.pdf", summary=[]), "summary must be a Summary"),
    (lambda: exporter.export(42), "export(): sources must be a list of paths, not int"),
    (lambda: exporter.export([None]), "each source must be a path"),
    (lambda: exporter.export(["x.txt"], formats="pdf"), "formats must be a list of format names"),
]


@pytest.mark.parametrize(("call", "message"), _WRONG)
def test_an_api_argument_of_the_wrong_type_is_a_usage_error(call, message: str) -> None:
    with pytest.raises(UsageError) as raised:
        call()
    assert message in str(raised.value)


def test_summarise_method_none_is_the_default_method() -> None:
    assert exporter.summarise(_DOCUMENT, method=None) == exporter.summarise(_DOCUMENT)
