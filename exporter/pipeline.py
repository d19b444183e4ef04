"""From article files to written outputs: read, summarise, render, write atomically.

Outputs are written to a temporary file in the target folder and renamed into
place, so a reader of the folder never sees a partial file and an existing
output is replaced only by a complete new one. A batch keeps going past a bad
article and reports every failure at the end.
"""

from __future__ import annotations

import io
import logging
import os
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from .config import Options
from .errors import ExporterError, OutputError
from .filenames import slugify, unique_stem
from .model import Article, Document
from .readers import read_path
from .summarise import summarise
from .writers import get_writer

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Failure:
    """One article or output that could not be produced, and why."""

    source: str
    reason: str
    internal: bool = False
    """True when the cause is a bug rather than the input or the environment."""


@dataclass
class ExportReport:
    """What an export wrote, what it skipped, and what failed."""

    written: list[Path] = field(default_factory=list)
    failures: list[Failure] = field(default_factory=list)
    notices: list[str] = field(default_factory=list)

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


def render(articles: Sequence[Article], format: str, options: Options | None = None) -> bytes:
    """The bytes of ``articles`` in ``format`` (``docx``, ``pdf``, ``epub`` or a plug-in's)."""
    writer = get_writer(format)
    if not writer.combines and len(articles) != 1:
        raise ExporterError(f"the {writer.name} format writes one article per file")
    buffer = io.BytesIO()
    writer.write(articles, buffer, options or Options())
    return buffer.getvalue()


def write_atomically(path: Path, data: bytes) -> Path:
    """Write ``data`` to ``path`` through a temporary file in the same folder, then rename."""
    folder = path.parent
    try:
        folder.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=folder, prefix=f".{path.name}.", suffix=".tmp")
    except OSError as error:
        raise OutputError(f"{folder}: cannot write there: {error.strerror or error}") from None
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        os.chmod(temporary, 0o644)
        os.replace(temporary, path)
    except OSError as error:
        Path(temporary).unlink(missing_ok=True)
        raise OutputError(f"{path}: cannot write: {error.strerror or error}") from None
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return path


PreviewHook = Callable[[bytes], bytes]


def export(
    sources: Sequence[str | Path],
    options: Options,
    *,
    formats: Sequence[str] | None = None,
    preview: bool = False,
    order: str = "given",
) -> ExportReport:
    """Export every source in every format into ``options.out_dir``.

    Formats that combine (the EPUB digest) get all readable articles in one
    file; the others get a file per article, named from its title.
    """
    report = ExportReport()
    names = [f.strip().lower() for f in (formats or options.formats) if f.strip()]
    writers = [get_writer(name) for name in dict.fromkeys(names)]
    out_dir = Path(options.out_dir)
    articles: list[Article] = []
    for source in sources:
        try:
            document = read_path(
                source, max_bytes=options.max_input_bytes, language=options.language
            )
            articles.append(summarise_document(document, options))
        except ExporterError as error:
            report.failures.append(Failure(str(source), str(error)))
        except Exception as error:  # a bug: report it and go on with the batch
            log.debug("internal error on %s", source, exc_info=True)
            report.failures.append(Failure(str(source), f"internal error: {error!r}", True))

    taken: set[str] = set()
    stems = [unique_stem(slugify(a.document.title), taken) for a in articles]
    for writer in writers:
        if writer.combines:
            if articles:
                _write_combined(writer.name, articles, out_dir, taken, options, order, report)
            continue
        for article, stem in zip(articles, stems, strict=True):
            target = out_dir / f"{stem}{writer.extension}"
            _write_one(writer.name, [article], target, options, report, preview)
    return report


def _write_combined(
    format: str,
    articles: list[Article],
    out_dir: Path,
    taken: set[str],
    options: Options,
    order: str,
    report: ExportReport,
) -> None:
    try:
        from .collect import deduplicate, order_articles
    except ImportError:  # pragma: no cover - collect ships with the package
        kept = articles
    else:
        kept, dropped = deduplicate(articles)
        for duplicate, original, why in dropped:
            report.notices.append(
                f"dropped {duplicate.document.source or duplicate.document.title}: duplicate of "
                f"{original.document.source or original.document.title} ({why})"
            )
        kept = order_articles(kept, order)
    title = options.digest_title or (kept[0].document.title if len(kept) == 1 else "Digest")
    writer = get_writer(format)
    stem = slugify(title, fallback="digest")
    # A digest of one article shares its stem with that article's other formats.
    stem = stem if len(kept) == 1 else unique_stem(stem, taken)
    target = out_dir / f"{stem}{writer.extension}"
    _write_one(format, kept, target, options, report, preview=False)


def _write_one(
    format: str,
    articles: list[Article],
    target: Path,
    options: Options,
    report: ExportReport,
    preview: bool,
) -> None:
    source = ", ".join(a.document.source or a.document.title for a in articles)
    try:
        data = render(articles, format, options)
        report.written.append(write_atomically(target, data))
        if preview and format == "pdf":
            from .writers.pdf import render_preview

            png = target.with_suffix(".png")
            report.written.append(write_atomically(png, render_preview(data)))
    except ExporterError as error:
        report.failures.append(Failure(source, f"{format}: {error}"))
    except Exception as error:  # a bug in a writer: report it and go on
        log.debug("internal error writing %s", target, exc_info=True)
        report.failures.append(Failure(source, f"{format}: internal error: {error!r}", True))
