"""The export pipeline: plug-in writers, atomic writes, batches that survive bad files."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from exporter.cli import main
from exporter.config import Options
from exporter.errors import OutputError
from exporter.pipeline import export, write_atomically
from exporter.writers import registry

PLUGIN = '''
from exporter.errors import OutputError


class TxtWriter:
    """A third-party format: the title, the summary, then the body, as plain text."""

    name = "txt"
    extension = ".txt"
    media_type = "text/plain"
    combines = False

    def write(self, articles, out, options):
        (article,) = articles
        if "FAIL" in article.document.title:
            out.write(b"half a file")
            raise OutputError("this writer refuses titles with FAIL")
        lines = [article.document.title, ""]
        lines += ["* " + s.text for s in article.summary.sentences]
        lines += ["", article.document.text]
        out.write("\\n".join(lines).encode("utf-8"))
'''


@pytest.fixture
def txt_plugin(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Install a real plug-in distribution (module + entry point) on sys.path."""
    site = tmp_path / "site"
    site.mkdir()
    (site / "plaintext_writer.py").write_text(PLUGIN)
    info = site / "plaintext_writer-0.1.dist-info"
    info.mkdir()
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: plaintext-writer\nVersion: 0.1\n")
    (info / "entry_points.txt").write_text("[exporter.writers]\ntxt = plaintext_writer:TxtWriter\n")
    monkeypatch.syspath_prepend(str(site))
    registry._entry_points.cache_clear()
    registry.get_writer.cache_clear()
    yield
    registry._entry_points.cache_clear()
    registry.get_writer.cache_clear()
    sys.modules.pop("plaintext_writer", None)


def _article(folder: Path, name: str, title: str) -> Path:
    path = folder / name
    path.write_text(
        f"{title}\n\nThe first sentence is here. The second one follows.\n\n"
        "A second paragraph closes the story.\n",
        "utf-8",
    )
    return path


def test_a_third_party_writer_is_discovered(txt_plugin: None, tmp_path: Path, capsys) -> None:
    article = _article(tmp_path, "a.txt", "Plug-ins are found through entry points")
    assert "txt" in registry.available_formats()
    out = tmp_path / "out"
    assert (
        main(
            [
                "export",
                str(article),
                "--format",
                "txt",
                "--out",
                str(out),
                "-n",
                "1",
                "--method",
                "lead",
            ]
        )
        == 0
    )
    written = out / "plug-ins-are-found-through-entry-points.txt"
    assert capsys.readouterr().out.strip() == str(written)
    assert written.read_text("utf-8").splitlines()[:3] == [
        "Plug-ins are found through entry points",
        "",
        "* The first sentence is here.",
    ]


def test_a_batch_goes_past_bad_files_and_leaves_no_partial_file(
    txt_plugin: None, tmp_path: Path
) -> None:
    good = _article(tmp_path, "good.txt", "A good article")
    failing = _article(tmp_path, "failing.txt", "A FAIL article")
    missing = tmp_path / "missing.txt"
    out = tmp_path / "out"
    report = export([good, missing, failing], Options(out_dir=out, method="lead"), formats=["txt"])
    assert report.written == [out / "a-good-article.txt"]
    reasons = [f.reason for f in report.failures]
    assert len(reasons) == 2
    assert reasons[0] == f"{missing}: no such file"
    assert "refuses titles with FAIL" in reasons[1]
    assert sorted(p.name for p in out.iterdir()) == ["a-good-article.txt"]


def test_cli_batch_exit_status_and_report(txt_plugin: None, tmp_path: Path, capsys) -> None:
    good = _article(tmp_path, "good.txt", "Another good article")
    assert (
        main(
            [
                "export",
                str(good),
                str(tmp_path / "nope.txt"),
                "--format",
                "txt",
                "--out",
                str(tmp_path / "o"),
            ]
        )
        == 2
    )
    captured = capsys.readouterr()
    assert captured.out.strip().endswith("another-good-article.txt")
    assert f"{tmp_path / 'nope.txt'}: no such file" in captured.err


def test_titles_never_decide_where_files_go(txt_plugin: None, tmp_path: Path) -> None:
    out = tmp_path / "out"
    sources = []
    for i, title in enumerate(["../../etc/passwd", "CON", "Same title", "Same title", "x" * 300]):
        path = tmp_path / f"{i}.md"
        path.write_text(f"---\ntitle: '{title}'\n---\n\nBody text of the story. It ends.\n")
        sources.append(path)
    report = export(sources, Options(out_dir=out, method="lead"), formats=["txt"])
    assert not report.failures
    names = sorted(p.name for p in report.written)
    assert names == sorted(
        [
            "etc-passwd.txt",
            "con-article.txt",
            "same-title.txt",
            "same-title-2.txt",
            "x" * 80 + ".txt",
        ]
    )
    assert all(p.parent == out for p in report.written)


def test_atomic_write_replaces_only_with_a_complete_file(tmp_path: Path) -> None:
    target = tmp_path / "report.pdf"
    write_atomically(target, b"old")
    write_atomically(target, b"new content")
    assert target.read_bytes() == b"new content"
    assert [p.name for p in tmp_path.iterdir()] == ["report.pdf"]


def test_an_unwritable_output_folder_is_a_clear_error(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    with pytest.raises(OutputError, match="cannot write there"):
        write_atomically(blocker / "sub" / "a.pdf", b"data")


def test_folders_and_globs_expand_to_their_articles(tmp_path: Path) -> None:
    from exporter.pipeline import expand_sources

    folder = tmp_path / "desk"
    (folder / "sub").mkdir(parents=True)
    for name in ("b.md", "a.txt", "sub/c.html", "notes.pdf", ".hidden.txt"):
        (folder / name).write_text("x")
    assert list(expand_sources([folder])) == [
        str(folder / "a.txt"), str(folder / "b.md"), str(folder / "sub" / "c.html")]
    assert list(expand_sources([str(folder / "*.txt"), "-"])) == [str(folder / "a.txt"), "-"]
    empty = tmp_path / "empty"
    empty.mkdir()
    assert list(expand_sources([empty, str(tmp_path / "*.none")])) == [
        str(empty), str(tmp_path / "*.none")]


def _batch(tmp_path: Path, count: int) -> list[Path]:
    folder = tmp_path / "batch"
    folder.mkdir()
    paths = []
    for i in range(count):
        path = folder / f"{i:03}.md"
        path.write_text(f"---\ntitle: Story number {i}\n---\n\nStory {i} starts here. "
                        f"It has {i} items.\n\nA closing paragraph for story {i}.\n")
        paths.append(path)
    return paths


def test_a_process_pool_gives_the_same_files_in_the_same_order(txt_plugin: None,
                                                               tmp_path: Path) -> None:
    from concurrent.futures import ProcessPoolExecutor

    paths = _batch(tmp_path, 12)
    options = Options(out_dir=tmp_path / "serial", method="lead")
    serial = export(paths, options, formats=["txt"])
    with ProcessPoolExecutor(max_workers=2) as pool:
        parallel = export(paths, options.replace(out_dir=tmp_path / "pool"), formats=["txt"],
                          executor=pool, progress=lambda done, total: None)
    assert [p.name for p in parallel.written] == [p.name for p in serial.written]
    assert [p.name for p in serial.written][:2] == ["story-number-0.txt", "story-number-1.txt"]
    for a, b in zip(serial.written, parallel.written, strict=True):
        assert a.read_bytes() == b.read_bytes()
    assert parallel.articles == 12 and not parallel.failures


def test_a_dask_cluster_runs_the_batch(txt_plugin: None, tmp_path: Path) -> None:
    distributed = pytest.importorskip("distributed")
    paths = _batch(tmp_path, 6)
    with distributed.LocalCluster(n_workers=1, threads_per_worker=2, processes=False,
                                  dashboard_address=None) as cluster, \
            distributed.Client(cluster) as client:
        report = export(paths, Options(out_dir=tmp_path / "dask", method="lead"),
                        formats=["txt"], executor=client.get_executor())
    assert sorted(p.name for p in report.written) == sorted(
        f"story-number-{i}.txt" for i in range(6))
    assert (tmp_path / "dask" / "story-number-5.txt").read_text().startswith("Story number 5")


def test_cli_scheduler_flag_runs_on_a_dask_scheduler(txt_plugin: None, tmp_path: Path,
                                                     capsys) -> None:
    distributed = pytest.importorskip("distributed")
    paths = _batch(tmp_path, 3)
    with distributed.LocalCluster(n_workers=1, threads_per_worker=1, processes=False,
                                  protocol="tcp", host="127.0.0.1", dashboard_address=None) as cluster:
        code = main(["export", str(tmp_path / "batch"), "--format", "txt", "--out",
                     str(tmp_path / "o"), "--scheduler", cluster.scheduler_address, "--json"])
    assert code == 0
    import json

    report = json.loads(capsys.readouterr().out)
    assert report["articles"] == len(paths) and report["failed"] == []
    assert len(report["written"]) == 3


def test_an_unreachable_scheduler_is_a_clear_error(tmp_path: Path, capsys) -> None:
    pytest.importorskip("distributed")
    article = _article(tmp_path, "a.txt", "Scheduler test article")
    assert main(["export", str(article), "--scheduler", "tcp://127.0.0.1:9", "--out",
                 str(tmp_path / "o")]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "cannot reach the Dask scheduler" in err[0]


def test_progress_bar_on_a_terminal_and_quiet_otherwise(tmp_path: Path) -> None:
    import os
    import pty
    import subprocess

    root = Path(__file__).resolve().parent.parent
    _batch(tmp_path, 3)
    command = [sys.executable, "-m", "exporter", "export", str(tmp_path / "batch"), "--format",
               "pdf", "--out", str(tmp_path / "o"), "--jobs", "1"]
    env = {**os.environ, "PYTHONPATH": str(root)}
    quiet = subprocess.run(command, capture_output=True, text=True, env=env, timeout=120)
    assert quiet.returncode == 0
    assert quiet.stderr.strip().splitlines() == [quiet.stderr.strip()]  # only the report line
    assert quiet.stderr.startswith("exporter: 3 articles, 3 files written, 0 failed")
    leader, follower = pty.openpty()
    import fcntl
    import struct
    import termios

    # A new pseudo-terminal is 0 columns wide, and a bar 0 columns wide is empty.
    fcntl.ioctl(follower, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 100, 0, 0))
    with subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=follower, env=env) as run:
        os.close(follower)
        seen = b""
        while True:
            try:
                chunk = os.read(leader, 4096)
            except OSError:
                break
            if not chunk:
                break
            seen += chunk
        assert run.wait(timeout=120) == 0
    os.close(leader)
    assert b"article/s" in seen or b"s/article" in seen  # tqdm's rate
    assert b"0/3" in seen  # the bar counts the folder's three articles
