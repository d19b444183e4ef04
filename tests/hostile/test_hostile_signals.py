"""SIGINT and SIGTERM in the middle of a 300-article batch leave nothing behind.

Each case starts a real ``exporter export`` in its own process group, sends a
signal at a seeded random moment, and then reads the output folder back: the
exit status is 130 or 143 (0 if the batch had finished), no temporary file is
left, no process of the group is alive, every file there is whole, and the
command said which files it wrote.
"""

from __future__ import annotations

import json
import os
import random
import re
import signal
import subprocess
import sys
import time
import zipfile
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import docx
import pypdf
import pytest

ROOT = Path(__file__).resolve().parents[2]
ARTICLES = 300
RUNS = 20
TOPICS = ("ferry timetable", "library roof", "tram depot", "rainfall record", "chess club",
          "bakery prices", "harbour dredging", "school choir", "bus lane", "orchard frost")
WORDS = ("council", "residents", "engineers", "budget", "weekend", "river", "northern",
         "volunteers", "survey", "schedule", "morning", "repairs", "district", "report")


@dataclass(frozen=True)
class Case:
    """One run: the signal, how it is timed, and the command's flags."""

    signum: int
    when: str
    """``early``: soon after the command is running; ``writing``: once files appear."""
    delay: float
    flags: tuple[str, ...]


def _cases() -> list[Case]:
    chance = random.Random(19)
    kinds = ([("writing", ("--jobs", "2"))] * 8 + [("early", ("--jobs", "2"))] * 4
             + [("early", ("--jobs", "2", "--format", "epub"))] * 3
             + [("writing", ("--jobs", "1"))] * 3 + [("writing", ("--jobs", "2", "--json"))] * 2)
    cases = []
    for when, flags in kinds:
        delay = chance.uniform(0.0, 0.8) if when == "writing" else chance.uniform(0.0, 1.5)
        if "epub" in flags:
            delay = chance.uniform(0.5, 4.0)  # reading the batch, or writing its one book
        cases.append(Case(chance.choice((signal.SIGINT, signal.SIGTERM)), when, delay, flags))
    return cases


@pytest.fixture(scope="module")
def batch(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """300 short articles, each with its own title, as Markdown files."""
    return _write_batch(tmp_path_factory.mktemp("batch"))


def _write_batch(folder: Path) -> Path:
    chance = random.Random(300)
    for number in range(ARTICLES):
        topic = chance.choice(TOPICS)
        paragraphs = []
        for _ in range(3):
            sentences = [" ".join(chance.choice(WORDS) for _ in range(9)).capitalize()
                         + f" near the {topic}." for _ in range(3)]
            paragraphs.append(" ".join(sentences))
        text = f"# Update {number} on the {topic}\n\n" + "\n\n".join(paragraphs) + "\n"
        (folder / f"story-{number:03}.md").write_text(text, encoding="utf-8")
    return folder


def _catches_sigterm(pid: int) -> bool:
    """True once the process has set a SIGTERM handler: the export command is running."""
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return False
    found = re.search(r"^SigCgt:\s*([0-9a-f]+)", status, re.M)
    caught = int(found.group(1), 16) if found else 0
    return bool(caught >> (signal.SIGTERM - 1) & 1)


def _group(pgid: int) -> list[str]:
    """The processes of a process group still alive (zombies included), from /proc."""
    alive = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        fields = stat[stat.rindex(")") + 2:].split()  # after "pid (comm) "
        if int(fields[2]) == pgid:
            alive.append(f"{entry.name} {fields[0]} {stat[:stat.rindex(')') + 1]}")
    return alive


def _wait_until(condition: Callable[[], bool], timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while not condition() and time.monotonic() < deadline:
        time.sleep(0.02)


def _outputs(out: Path) -> list[Path]:
    return sorted(p for p in out.rglob("*") if p.is_file()) if out.exists() else []


def _assert_whole(path: Path, deep: bool) -> None:
    """The file is a complete document of its kind; ``deep`` also opens it as a reader would."""
    if path.suffix in (".docx", ".epub"):
        with zipfile.ZipFile(path) as archive:
            assert archive.testzip() is None, f"{path}: a damaged member"
            names = archive.namelist()
            if path.suffix == ".epub":
                assert names[0] == "mimetype" and archive.read("mimetype") == b"application/epub+zip"
                assert any(name.endswith(".opf") for name in names), path
        if deep and path.suffix == ".docx":
            text = "\n".join(p.text for p in docx.Document(str(path)).paragraphs)
            assert "Update" in text, path
    elif path.suffix == ".pdf":
        reader = pypdf.PdfReader(path, strict=True)
        assert len(reader.pages) == 1, path
        if deep:
            assert "Update" in reader.pages[0].extract_text(), path
    else:
        raise AssertionError(f"unexpected file in the output folder: {path}")


def _run(case: Case, batch: Path, out: Path) -> None:
    command = [sys.executable, "-m", "exporter", "export", str(batch), "--out", str(out),
               *case.flags]
    environment = {**os.environ, "PYTHONPATH": str(ROOT)}
    # Files, not pipes: a worker left behind would hold a pipe open, and reading it would hang.
    stdout_file, stderr_file = out.parent / "stdout", out.parent / "stderr"
    with stdout_file.open("w") as stdout_sink, stderr_file.open("w") as stderr_sink:
        process = subprocess.Popen(command, stdout=stdout_sink, stderr=stderr_sink,
                                   env=environment, cwd=out.parent, start_new_session=True)
    try:
        _wait_until(lambda: process.poll() is not None or _catches_sigterm(process.pid), 60)
        if case.when == "writing":
            _wait_until(lambda: process.poll() is not None or bool(_outputs(out)), 60)
        time.sleep(case.delay)
        if process.poll() is None:
            process.send_signal(case.signum)
        process.wait(timeout=60)
        # Nothing left running: the pool's workers are gone with the command.
        _wait_until(lambda: not _group(process.pid), 2)
        left = _group(process.pid)
    finally:
        if process.poll() is None or _group(process.pid):
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()
    stdout, stderr = stdout_file.read_text(), stderr_file.read_text()
    finished = process.returncode == 0
    where = f"{case} -> {process.returncode}, stderr: {stderr[-500:]!r}"
    assert left == [], where
    assert process.returncode in (0, 128 + case.signum), where

    # No temporary file, hidden or not, anywhere in the output folder.
    everything = sorted(out.rglob("*")) if out.exists() else []
    assert [p for p in everything if ".tmp" in p.name] == [], where

    files = _outputs(out)
    if "--json" in case.flags:
        report = json.loads(stdout)
        written = [Path(p) for p in report["written"]]
        assert report["interrupted"] == (None if finished else signal.Signals(case.signum).name)
    else:
        written = [Path(line) for line in stdout.splitlines()]
    assert "Traceback" not in stderr and "Exception ignored" not in stderr, where
    # What it says it wrote is exactly what is there.
    assert sorted(written) == files, where
    if finished:
        assert f"{ARTICLES} articles, {len(files)} files written" in stderr, where
    else:
        name = signal.Signals(case.signum).name
        assert f"exporter: interrupted by {name}: " in stderr, where
        assert f" {len(files)} files written" in stderr, where
        if files:
            assert f"(the last: {written[-1]})" in stderr, where
    # Every file is whole; the last ones written, and a few others, are opened as readers would.
    deep = set(written[-3:]) | set(random.Random(len(files)).sample(files, min(3, len(files))))
    for path in files:
        _assert_whole(path, path in deep)


def test_signals_at_random_points_of_a_batch_leave_nothing_behind(batch: Path,
                                                                  tmp_path: Path) -> None:
    runs = []
    for number, case in enumerate(_cases()):
        out = tmp_path / f"run-{number}" / "out"
        out.parent.mkdir()
        runs.append((case, out))
    # Two at a time: most of a run is its processes starting, which a second run overlaps.
    with ThreadPoolExecutor(max_workers=2) as runner:
        for done in [runner.submit(_run, case, batch, out) for case, out in runs]:
            done.result()


def _ignores(pid: int, signum: int) -> bool:
    """True when the process ignores the signal (its SigIgn mask in /proc)."""
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return False
    found = re.search(r"^SigIgn:\s*([0-9a-f]+)", status, re.M)
    return bool(int(found.group(1), 16) >> (signum - 1) & 1) if found else False


def test_a_signal_after_the_work_is_done_changes_nothing(batch: Path, tmp_path: Path) -> None:
    # The export's standard output is a pipe already full, so the finished command
    # waits, with its one file written, to print the path; SIGINT and SIGTERM then
    # land between the end of the work and the exit, where they once killed the
    # process without a status of ours. It must print its report whole and exit 0.
    out = tmp_path / "out"
    reading, writing = os.pipe()
    os.set_blocking(writing, False)
    filler = 0
    try:
        while True:
            filler += os.write(writing, b"." * 4096)
    except BlockingIOError:
        pass
    os.set_blocking(writing, True)
    command = [sys.executable, "-m", "exporter", "export", str(batch / "story-007.md"),
               "--out", str(out), "--format", "pdf"]
    environment = {**os.environ, "PYTHONPATH": str(ROOT)}
    process = subprocess.Popen(command, stdout=writing, stderr=subprocess.PIPE, env=environment,
                               start_new_session=True)
    os.close(writing)
    try:
        _wait_until(lambda: process.poll() is not None
                    or (_ignores(process.pid, signal.SIGTERM) and bool(_outputs(out))), 60)
        assert process.poll() is None, "the command ended with its standard output full"
        time.sleep(0.2)  # it is writing to the full pipe now
        process.send_signal(signal.SIGINT)
        process.send_signal(signal.SIGTERM)
        time.sleep(0.2)
        with os.fdopen(reading, "rb") as pipe:
            stdout = pipe.read()
        stderr = process.communicate(timeout=60)[1].decode()
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()
    assert process.returncode == 0, stderr
    written = stdout[filler:].decode().splitlines()
    assert [Path(line) for line in written] == _outputs(out), stdout[filler:]
    assert written[0].endswith(".pdf"), written
    assert "interrupted" not in stderr and "Traceback" not in stderr, stderr


_POOL_PARENT = """
import os, sys, time
from exporter.pipeline import make_executor

pool = make_executor(2)
pids = set()
while len(pids) < 2:
    pids |= {pool.submit(os.getpid).result() for _ in range(8)}
print(" ".join(map(str, sorted(pids))), flush=True)
time.sleep(600)
"""


def test_workers_end_with_a_parent_killed_outright(tmp_path: Path) -> None:
    # SIGKILL gives the parent no cleanup; a worker the pool never learnt of (one forked
    # as a signal landed, which the batch test once left behind) is in the same place.
    # Either way the worker must not wait on its queue for ever.
    environment = {**os.environ, "PYTHONPATH": str(ROOT)}
    parent = subprocess.Popen([sys.executable, "-c", _POOL_PARENT], stdout=subprocess.PIPE,
                              env=environment, start_new_session=True, text=True)
    try:
        assert parent.stdout is not None
        workers = [int(pid) for pid in parent.stdout.readline().split()]
        assert len(workers) == 2 and parent.pid not in workers
        parent.kill()
        parent.wait(timeout=60)
        _wait_until(lambda: not _group(parent.pid), 10)
        assert _group(parent.pid) == []
    finally:
        if _group(parent.pid):
            os.killpg(parent.pid, signal.SIGKILL)
