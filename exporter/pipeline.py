"""From article files to written outputs: read, summarise, render, write atomically.

Each article is read, summarised and rendered by a worker (in this process, in
a process pool, or on any ``concurrent.futures.Executor``, Dask's included);
the main process names and writes the files in input order, so names are
deterministic and same-titled articles get ``-2``, ``-3`` suffixes. At most a
few articles per worker are in flight, so a batch's memory does not grow with
its length (the EPUB digest, which needs every article, is the exception).

Outputs are written to a temporary file in the target folder and renamed into
place: no partial file is ever visible, and an existing output is replaced only
by a complete new one. A batch goes on past a bad article and reports every
failure at the end.

Workers never touch the output folder, so a worker killed at any moment leaves
no file behind. When the main process is interrupted (an exception such as
:class:`~exporter.interrupt.Interrupted` or KeyboardInterrupt), the write under
way is finished, the writes waiting are dropped, and the exception goes on with
the partial report attached to it; :func:`close_executor` with ``now=True``
then stops the workers.
"""

from __future__ import annotations

import glob
import io
import logging
import os
import time
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Executor, Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from .config import Options
from .errors import ExporterError, InputError, OutputError
from .filenames import slugify, unique_stem
from .files import write_atomically
from .interrupt import Interrupted, check
from .model import Article, Document
from .presentation import presented
from .readers.formats import ARTICLE_SUFFIXES
from .sources import read_source
from .summarise import summarise
from .writers import get_writer
from .writers.base import check_writer

if TYPE_CHECKING:
    from concurrent.futures import ProcessPoolExecutor

log = logging.getLogger(__name__)

IN_FLIGHT_PER_WORKER = 4
WRITES_IN_FLIGHT = 32


@dataclass(frozen=True)
class Failure:
    """One article or output that could not be produced, and why."""

    source: str
    reason: str
    internal: bool = False
    """True when the cause is a bug rather than the input or the environment."""


@dataclass
class ExportReport:
    """What an export wrote, what it skipped, what failed, and how long it took."""

    written: list[Path] = field(default_factory=list)
    failures: list[Failure] = field(default_factory=list)
    notices: list[str] = field(default_factory=list)
    articles: int = 0
    """Articles finished (read and rendered, or failed)."""
    total: int = 0
    """Articles in the batch."""
    elapsed: float = 0.0

    @property
    def ok(self) -> bool:
        return not self.failures


def summarise_document(document: Document, options: Options) -> Article:
    """The document with its summary, sized by the options."""
    summary = summarise(
        document,
        sentences=options.sentences,
        ratio=options.ratio,
        words=options.words,
        method=options.method,
    )
    return Article(document, summary)


def read_article(source: str, options: Options) -> Article:
    """Read ``source`` (a file, ``-`` or a URL) within the options' size limit and language,
    and summarise it."""
    document = read_source(source, max_bytes=options.max_input_bytes, language=options.language)
    if options.images:
        from .images import with_pictures

        document = with_pictures(document, options)
    return summarise_document(document, options)


def render(articles: Sequence[Article], format: str, options: Options | None = None) -> bytes:
    """The bytes of ``articles`` in ``format`` (``docx``, ``pdf``, ``epub`` or a plug-in's).

    A combining format (the EPUB digest) gets the articles as every path gives them
    to it (:func:`digest_articles`): repeats left out, each with a logged warning,
    and put in ``options.order``.
    """
    options = options or Options()
    writer = get_writer(format)
    if not writer.combines and len(articles) != 1:
        raise ExporterError(f"the {writer.name} format writes one article per file")
    if writer.combines:
        articles, notices = digest_articles(articles, options)
        for notice in notices:
            log.warning("%s", notice)
    return render_as_given(articles, format, options)


def render_as_given(articles: Sequence[Article], format: str, options: Options) -> bytes:
    """The writer's bytes for ``articles`` exactly as given (a digest's articles already
    through :func:`digest_articles`), each article presented once (exporter.presentation)."""
    buffer = io.BytesIO()
    get_writer(format).write([presented(article, options) for article in articles], buffer,
                             options)
    return buffer.getvalue()


def digest_articles(articles: Sequence[Article], options: Options
                    ) -> tuple[list[Article], list[str]]:
    """The articles a combining format (the digest) gets, and a notice per article left out.

    One rule for the CLI, the API and email: an article that repeats an earlier one
    (:class:`~exporter.collect.Deduplicator`) is left out, then the rest are put in
    ``options.order``.
    """
    if len(articles) <= 1:  # nothing to repeat: numpy is not even imported
        return list(articles), []
    from .collect import Deduplicator, order_articles

    seen = Deduplicator()
    kept: list[Article] = []
    notices: list[str] = []
    for article in articles:
        repeat = seen.add(article)
        if repeat is None:
            kept.append(article)
        else:
            notices.append(repeat_notice(article, *repeat))
    return order_articles(kept, options.order), notices


def repeat_notice(article: Article, original: Article, why: str) -> str:
    """``dropped b.md: duplicate of a.md (identical text)``."""
    return (f"dropped {article.document.source or article.document.title}: duplicate of "
            f"{original.document.source or original.document.title} ({why})")


def article_stem(title: str, taken: set[str]) -> str:
    """The file name stem of an article's own outputs: its title's slug, made unique."""
    return unique_stem(slugify(title), taken)


def digest_stem(articles: Sequence[Article], options: Options, taken: set[str]) -> str:
    """The file name stem of the digest of ``articles`` (already deduplicated).

    The digest title's slug (``digest`` when several articles have none); a digest
    of one article without a title of its own shares that article's stem.
    """
    if len(articles) == 1 and not options.digest_title:
        return slugify(articles[0].document.title)
    title = options.digest_title or "Digest"
    return unique_stem(slugify(title, fallback="digest"), taken)


def expand_sources(sources: Sequence[str | Path]) -> Iterator[str]:
    """Each source as given, a folder as its article files (sorted), a glob as its matches.

    A folder with no article files, or a glob that matches nothing, is passed on
    as it is, so that reading it reports the problem in the batch's failures.
    """
    for source in sources:
        text = str(source)
        path = Path(text)
        if text != "-" and path.is_dir():
            files = sorted(p for p in path.rglob("*")
                           if p.is_file() and p.suffix.lower() in ARTICLE_SUFFIXES
                           and not any(part.startswith(".") for part in p.relative_to(path).parts))
            yield from (str(p) for p in files) if files else (text,)
        elif text != "-" and not path.exists() and glob.has_magic(text):
            matches = sorted(m for m in glob.glob(text, recursive=True) if Path(m).is_file())
            yield from matches if matches else (text,)
        else:
            yield text


@dataclass(frozen=True)
class _Outcome:
    """What a worker sends back for one article."""

    source: str
    title: str = ""
    outputs: tuple[tuple[str, str, bytes], ...] = ()
    """(format, file suffix, bytes) of every per-article output."""
    article: Article | None = None
    """The summarised article, kept only when a combining format needs it."""
    failures: tuple[Failure, ...] = ()


def _process(source: str, options: Options, formats: tuple[str, ...], keep: bool) -> _Outcome:
    """Read, summarise and render one article: the unit of work a worker runs."""
    try:
        article = read_article(source, options)
    except ExporterError as error:
        return _Outcome(source, failures=(Failure(source, str(error)),))
    except Exception as error:  # a bug: report it, and let the batch go on
        log.debug("internal error on %s", source, exc_info=True)
        return _Outcome(source, failures=(Failure(source, f"internal error: {error!r}", True),))
    article = presented(article, options)  # once, before any writer runs
    outputs: list[tuple[str, str, bytes]] = []
    failures: list[Failure] = []
    for name in formats:
        writer = get_writer(name)
        try:
            data = render_as_given([article], name, options)
            outputs.append((name, writer.extension, data))
            if options.preview and name == "pdf":
                from .writers.pdf import render_preview

                outputs.append(("png", ".png", render_preview(data)))
        except ExporterError as error:
            failures.append(Failure(source, f"{name}: {error}"))
        except Exception as error:
            log.debug("internal error writing %s as %s", source, name, exc_info=True)
            failures.append(Failure(source, f"{name}: internal error: {error!r}", True))
    return _Outcome(source, article.document.title, tuple(outputs), article if keep else None,
                    tuple(failures))


Progress = Callable[[int, int], None]
"""Called with (articles finished, articles in the batch) after each article."""


def export(
    sources: Sequence[str | Path],
    options: Options,
    *,
    formats: Sequence[str] | None = None,
    preview: bool | None = None,
    order: str | None = None,
    executor: Executor | None = None,
    progress: Progress | None = None,
) -> ExportReport:
    """Export every source in every format into ``options.out_dir``.

    Per-article formats (DOCX, PDF) get a file per article, named from its
    title; combining formats (the EPUB digest) get one file for all readable
    articles. ``executor`` runs the per-article work (default: in this
    process); ``progress`` is called after each article (see :data:`Progress`).
    """
    started = time.perf_counter()
    report = ExportReport()
    wanted = formats or options.formats
    names = list(dict.fromkeys(f.strip().lower() for f in wanted if f.strip()))
    writers = [get_writer(name) for name in names]  # unknown formats fail before any work
    for writer in writers:  # so do options a writer cannot use (a bad style, a damaged logo)
        check_writer(writer, options)
    if any(w.combines for w in writers):  # and an order the digest cannot be put in
        from .collect import order_articles

        order_articles([], options.order)
    single = tuple(w.name for w in writers if not w.combines)
    combined = [w.name for w in writers if w.combines]
    out_dir = Path(options.out_dir)
    taken: set[str] = set()
    articles: list[Article] = []
    queue = list(expand_sources(sources))
    report.total = len(queue)
    # The digest's repeats are found as articles arrive, while the workers carry on.
    repeats = _Repeats(report) if combined else None
    disk = _Disk(report)
    try:
        for outcome in _outcomes(queue, options, single, bool(combined), executor):
            report.articles += 1
            report.failures.extend(outcome.failures)
            if outcome.article is not None and repeats is not None and repeats.new(
                    outcome.article):
                articles.append(outcome.article)
            if outcome.outputs:
                stem = article_stem(outcome.title, taken)
                for name, suffix, data in outcome.outputs:
                    disk.write(out_dir / f"{stem}{suffix}", data, outcome.source, name)
            if progress is not None:
                progress(report.articles, len(queue))
            check()
        for name in combined:
            check()
            if articles:
                _write_combined(name, articles, out_dir, taken, options, report, disk)
        disk.finish()
    except BaseException as stop:
        disk.stop()
        if isinstance(stop, Interrupted):
            stop.report = report
        raise
    finally:
        report.failures.extend(disk.failures)
        report.elapsed = time.perf_counter() - started
    return report


class _Disk:
    """Writes files on one background thread, in the order given, and records each one.

    Files are written (and fsynced) while the next articles are worked on, so the
    disk's latency overlaps their work; at most a few wait in memory. The thread
    itself records what it wrote, so that an interruption at any point in the
    main thread cannot lose track of a file that is in place.
    """

    def __init__(self, report: ExportReport) -> None:
        self.report = report
        self.failures: list[Failure] = []
        """Files that could not be written; added to the report's failures at the end."""
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="exporter-write")
        self._pending: deque[Future[None]] = deque()

    def write(self, target: Path, data: bytes, source: str, format: str) -> None:
        """Queue ``data`` for ``target``; waits while too many writes are queued already."""
        self._pending.append(self._pool.submit(self._write, target, data, source, format))
        while len(self._pending) > WRITES_IN_FLIGHT:
            self._pending.popleft().result()

    def finish(self) -> None:
        """Wait for every queued write."""
        while self._pending:
            self._pending.popleft().result()
        self._pool.shutdown()

    def stop(self) -> None:
        """Drop the writes not started and wait for the one under way."""
        self._pool.shutdown(wait=True, cancel_futures=True)

    def _write(self, target: Path, data: bytes, source: str, format: str) -> None:
        try:
            self.report.written.append(write_atomically(target, data))
        except OutputError as error:
            self.failures.append(Failure(source, f"{format}: {error}"))


def _outcomes(sources: list[str], options: Options, formats: tuple[str, ...], keep: bool,
              executor: Executor | None) -> Iterator[_Outcome]:
    """Outcomes in input order, with a bounded number of articles in flight."""
    if executor is None or len(sources) <= 1:
        for source in sources:
            yield _process(source, options, formats, keep)
        return
    window = IN_FLIGHT_PER_WORKER * max(1, getattr(executor, "_max_workers", os.cpu_count() or 1))
    pending: deque[Future[_Outcome]] = deque()
    queue = iter(sources)
    for source in queue:
        pending.append(executor.submit(_process, source, options, formats, keep))
        if len(pending) >= window:
            break
    while pending:
        future = pending.popleft()
        yield future.result()
        following = next(queue, None)
        if following is not None:
            pending.append(executor.submit(_process, following, options, formats, keep))


class _Repeats:
    """The digest's articles seen so far: a repeat is left out with a notice."""

    def __init__(self, report: ExportReport) -> None:
        from .collect import Deduplicator

        self.seen = Deduplicator()
        self.report = report

    def new(self, article: Article) -> bool:
        """True when ``article`` repeats none before it; otherwise says so in the report."""
        repeat = self.seen.add(article)
        if repeat is None:
            return True
        self.report.notices.append(repeat_notice(article, *repeat))
        return False


def _write_combined(format: str, articles: list[Article], out_dir: Path, taken: set[str],
                    options: Options, report: ExportReport, disk: _Disk) -> None:
    """Write the digest of ``articles`` (their repeats already left out) in the options' order."""
    from .collect import order_articles

    kept = order_articles(articles, options.order)
    writer = get_writer(format)
    stem = digest_stem(kept, options, taken)
    source = ", ".join(a.document.source or a.document.title for a in kept)
    try:
        # A writer may split a book too large for its readers (Kindle's 50 MB) into volumes.
        volumes = getattr(writer, "volumes", None)
        books = (volumes(kept, options) if callable(volumes)
                 else [render_as_given(kept, format, options)])
    except ExporterError as error:
        report.failures.append(Failure(source, f"{format}: {error}"))
    except Exception as error:  # a bug in a writer: report it
        log.debug("internal error writing the %s digest", format, exc_info=True)
        report.failures.append(Failure(source, f"{format}: internal error: {error!r}", True))
    else:
        if len(books) == 1:
            disk.write(out_dir / f"{stem}{writer.extension}", books[0], source, format)
            return
        names = [unique_stem(f"{stem}-volume-{n}", taken) for n in range(1, len(books) + 1)]
        report.notices.append(f"the {format} digest is too large for one file: "
                              f"{len(books)} volumes, " + ", ".join(
                                  f"{name}{writer.extension}" for name in names))
        for name, data in zip(names, books, strict=True):
            disk.write(out_dir / f"{name}{writer.extension}", data, source, format)


def make_executor(jobs: int | None = None, scheduler: str | None = None) -> Executor | None:
    """A process pool of ``jobs`` workers, a Dask cluster's executor, or None for one job."""
    if scheduler:
        try:
            from distributed import Client
        except ImportError:
            from .errors import DependencyError

            raise DependencyError(
                "--scheduler needs Dask: pip install 'exporter[dask]'"
            ) from None
        try:
            client = Client(scheduler, timeout="5s")
        except OSError as error:
            raise InputError(scheduler, f"cannot reach the Dask scheduler: {error}") from None
        return client.get_executor()  # type: ignore[no-any-return]
    jobs = jobs or os.cpu_count() or 1
    if jobs <= 1:
        return None
    from concurrent.futures import ProcessPoolExecutor

    from .interrupt import worker_signals

    return ProcessPoolExecutor(max_workers=jobs, initializer=worker_signals,
                               initargs=(os.getpid(),))


def close_executor(executor: Executor, *, now: bool = False) -> None:
    """Shut down an executor from :func:`make_executor`, and its Dask client if it has one.

    ``now`` (after an interruption) ends a process pool's workers at once, with
    SIGTERM, then SIGKILL for any still alive a second later, instead of
    waiting for the articles they are working on; it returns once they are gone.
    """
    from concurrent.futures import ProcessPoolExecutor

    if isinstance(executor, ProcessPoolExecutor):
        if now:
            _end_workers(executor)
        else:
            executor.shutdown(cancel_futures=True)
        return
    executor.shutdown()
    client = getattr(executor, "_client", None)
    if client is not None:
        client.close()


def _end_workers(pool: ProcessPoolExecutor) -> None:
    """Stop a pool at once: no more work, its workers terminated, its manager thread ended."""
    # The pool has no public way to reach its workers before Python 3.14's
    # terminate_workers(); without one, shutdown() waits for every running article.
    processes = list((getattr(pool, "_processes", None) or {}).values())
    results = getattr(pool, "_result_queue", None)
    manager = getattr(pool, "_executor_manager_thread", None)
    pool.shutdown(wait=False, cancel_futures=True)
    for process in processes:
        process.terminate()
    for process in processes:
        process.join(timeout=1)
        if process.is_alive():
            process.kill()
            process.join()
    # A worker ended while it was sending a result leaves the manager thread waiting
    # for the rest of the message. With the workers gone, this process holds the last
    # writing end of the pipe: closing it ends that wait (end of file), and the thread
    # then winds the pool up as a broken one.
    if results is not None:
        results._writer.close()
    if manager is not None:
        manager.join()
