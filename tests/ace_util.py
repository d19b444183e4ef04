"""Run DAISY Ace (``@daisy/ace-cli`` from npm) over many EPUB files in one Node process.

Ace's command line checks one book per run and starts a Chromium for each, which
costs seconds. A small Node program instead calls ``@daisy/ace-core`` for every
book in turn with Ace's own Puppeteer runner, whose ``puppeteer.launch`` is
wrapped so that the first book starts the browser and the others reuse it. The
browser is Debian's ``chromium`` (``PUPPETEER_EXECUTABLE_PATH``), started with
the flags a root user on a closed network needs. Each book's report is Ace's
``report.json``, read back here.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

ACE_VERSION = "1.4.6"
CHROMIUM_FLAGS = (
    "--no-sandbox", "--disable-setuid-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--disable-extensions", "--disable-default-apps", "--disable-breakpad",
    "--no-first-run", "--no-default-browser-check", "--mute-audio",
)

_BATCH = r"""
'use strict';
const path = require('path');
const fs = require('fs');
const ace = require('@daisy/ace-core');
const runnerPath = require.resolve('@daisy/ace-axe-runner-puppeteer');
const runner = require(runnerPath);
const puppeteer = require(require.resolve('puppeteer', { paths: [path.dirname(runnerPath)] }));

const [outdir, flagList, ...books] = process.argv.slice(2);
const flags = JSON.parse(flagList);
const launch = puppeteer.launch;
let browser;
let closeBrowser = async () => {};
puppeteer.launch = async (options) => {
  if (!browser) {
    browser = await launch({ ...options, headless: true, timeout: 60000,
                             args: [...((options && options.args) || []), ...flags] });
    closeBrowser = browser.close.bind(browser);
    browser.close = async () => {};  // Ace closes it after each book: keep it for the next
  }
  return browser;
};

(async () => {
  let failed = 0;
  for (let i = 0; i < books.length; i++) {
    const out = path.join(outdir, String(i));
    try {
      await ace(books[i], { cwd: process.cwd(), outdir: out, silent: true, verbose: false,
                            initLogger: i === 0, jobId: String(i), lang: 'en' }, runner);
      console.log(`@@DONE\t${i}`);
    } catch (error) {
      failed++;
      console.log(`@@FAILED\t${i}\t${String(error && error.message || error).replace(/\s+/g, ' ')}`);
    }
  }
  await closeBrowser();
  process.exit(failed ? 1 : 0);
})();
"""


@dataclass(frozen=True)
class AceViolation:
    """One failed Ace assertion: which rule, how bad, where."""

    rule: str
    impact: str
    location: str
    title: str

    def __str__(self) -> str:
        return f"{self.location}: {self.impact} {self.rule} ({self.title})"


@dataclass(frozen=True)
class AceResult:
    """Ace's verdict on one book, with the report it wrote."""

    path: Path
    outcome: str
    violations: tuple[AceViolation, ...]
    report: dict[str, object]

    @property
    def clean(self) -> bool:
        """Ace passed the book: no violation of any impact."""
        return self.outcome == "pass" and not self.violations

    def __str__(self) -> str:
        return "\n".join([f"{self.path.name}: {self.outcome}, {len(self.violations)} violations",
                          *(str(v) for v in self.violations)])


def ace_modules() -> Path | None:
    """The ``node_modules`` folder that holds Ace's packages, found from ``ace-cli`` on PATH.

    npm installs ace-cli's dependencies inside its own package folder (global
    install) or beside it (a project folder's ``node_modules``): both are searched.
    """
    cli = shutil.which("ace-cli") or shutil.which("ace")
    if cli is None:
        return None
    package = Path(cli).resolve().parent.parent  # .../@daisy/ace-cli/bin/ace.js
    for folder in (package / "node_modules", package.parent.parent):
        if (folder / "@daisy" / "ace-core").is_dir():
            return folder
    return None


def chromium() -> str | None:
    """The Chromium Ace drives: ``PUPPETEER_EXECUTABLE_PATH``, else Debian's ``chromium``."""
    given = os.environ.get("PUPPETEER_EXECUTABLE_PATH")
    if given and Path(given).is_file():
        return given
    return shutil.which("chromium") or shutil.which("chromium-browser")


def check_books(paths: Iterable[Path], *, modules: Path, browser: str,
                node: str = "node") -> dict[Path, AceResult]:
    """Ace's result for each path, all in one Node process and one browser."""
    books = [Path(p).resolve() for p in paths]
    if not books:
        return {}
    with tempfile.TemporaryDirectory() as folder:
        script = Path(folder) / "ace-batch.js"
        script.write_text(_BATCH, encoding="utf-8")
        reports = Path(folder) / "reports"
        environment = {**os.environ, "NODE_PATH": str(modules),
                       "PUPPETEER_EXECUTABLE_PATH": browser, "PUPPETEER_SKIP_DOWNLOAD": "1",
                       "HOME": folder}  # Ace keeps its log and settings under the home folder
        run = subprocess.run(
            [node, str(script), str(reports), json.dumps(CHROMIUM_FLAGS), *map(str, books)],
            capture_output=True, text=True, timeout=1800, check=False, env=environment,
        )
        results: dict[Path, AceResult] = {}
        for index, book in enumerate(books):
            report_file = reports / str(index) / "report.json"
            if report_file.is_file():
                results[book] = _result(book, json.loads(report_file.read_text("utf-8")))
    if len(results) != len(books):
        raise RuntimeError(f"Ace batch run failed ({run.returncode}): "
                           f"{run.stdout[-2000:]} {run.stderr[-2000:]}")
    return results


def _result(book: Path, report: dict[str, object]) -> AceResult:
    violations = []
    for document in report.get("assertions", []):  # type: ignore[union-attr]
        location = document.get("earl:testSubject", {}).get("url", "?")
        for assertion in document.get("assertions", []):
            if assertion.get("earl:result", {}).get("earl:outcome") != "fail":
                continue
            test = assertion.get("earl:test", {})
            violations.append(AceViolation(test.get("dct:title", "?"),
                                           test.get("earl:impact", "?"), location,
                                           test.get("dct:description", "")))
    outcome = report.get("earl:result", {}).get("earl:outcome", "?")  # type: ignore[union-attr]
    return AceResult(book, str(outcome), tuple(violations), report)
