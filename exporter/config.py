"""Options: one object with documented defaults, read from configuration files.

Defaults come from this module, then ``[tool.exporter]`` in ``pyproject.toml``,
then ``exporter.toml`` (both in the working directory; the dedicated file wins),
then command-line flags. Keys may be written with dashes or underscores.
Format-specific options carry the format's prefix (``pdf_page_size``).
"""

from __future__ import annotations

import dataclasses
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Any

from .errors import UsageError

PAGE_SIZES = ("A4", "Letter")
DEFAULT_MAX_INPUT_BYTES = 50 * 1024 * 1024
DEFAULT_FORMATS = ("docx", "pdf", "epub")


@dataclass(frozen=True)
class Options:
    """Everything a run can be told; every field has a default."""

    organisation: str = ""
    """Name shown in the briefing's header band and the one-pager's masthead, and given as
    the documents' publisher; empty: the source's site is shown there, and no one is named."""
    formats: tuple[str, ...] = DEFAULT_FORMATS
    """Formats ``export`` writes when ``--format`` is not given."""
    out_dir: Path = Path("out")
    """Folder outputs are written to."""
    sentences: int | None = 5
    """Summary length in sentences (ignored when ``ratio`` or ``words`` is set)."""
    ratio: float | None = None
    """Summary length as a fraction of the article's sentences, 0 < ratio <= 1."""
    words: int | None = None
    """Summary length as a word budget."""
    method: str = "default"
    """Summarisation method; ``exporter summarise --help`` lists the names."""
    language: str | None = None
    """Force the articles' language (ISO 639-1, e.g. ``de``) instead of detecting it."""
    pdf_page_size: str = "A4"
    """``A4`` or ``Letter``."""
    template_dir: Path | None = None
    """A folder of user templates that shadow the packaged ones, file by file."""
    docx_template: Path | None = None
    """A reference .docx whose styles, margins, header and footer the briefing takes."""
    docx_logo: Path | None = None
    """An image shown before the organisation's name in the briefing's header band."""
    epub_css: Path | None = None
    """A stylesheet that replaces the digest's ``digest.css``."""
    digest_title: str | None = None
    """Title of the EPUB digest; defaults to the article's title, or "Digest" for several."""
    order: str = "given"
    """Order of the digest's articles: ``given`` (as listed) or ``date`` (oldest first)."""
    max_input_bytes: int = DEFAULT_MAX_INPUT_BYTES
    """Inputs larger than this are refused rather than read."""

    def replace(self, **changes: Any) -> Options:
        """A copy with some fields changed; ``None`` values are ignored."""
        return dataclasses.replace(self, **{k: v for k, v in changes.items() if v is not None})


_FIELDS = {f.name: f for f in fields(Options)}
# Sub-tables read by other parts of the package (email delivery's [email]).
_OTHER_TABLES = frozenset({"email"})


def options_from_mapping(
    values: Mapping[str, Any], origin: str, base: Options | None = None
) -> Options:
    """Options from a configuration table; unknown keys and bad values raise ``UsageError``."""
    base = base or Options()
    changes: dict[str, Any] = {}
    for raw_key, value in values.items():
        if raw_key in _OTHER_TABLES:
            continue
        key = raw_key.replace("-", "_")
        if key == "page_size":  # the natural spelling in a config file
            key = "pdf_page_size"
        if key not in _FIELDS:
            raise UsageError(f"{origin}: unknown option {raw_key!r}")
        changes[key] = _coerce(key, value, origin)
    return dataclasses.replace(base, **changes)


def _coerce(key: str, value: Any, origin: str) -> Any:
    bad = UsageError(f"{origin}: bad value for {key}: {value!r}")
    if key in ("formats",):
        items = value.split(",") if isinstance(value, str) else value
        if not isinstance(items, list | tuple) or not all(isinstance(i, str) for i in items):
            raise bad
        return tuple(i.strip().lower() for i in items if i.strip())
    if key in ("out_dir", "template_dir", "docx_template", "docx_logo", "epub_css"):
        if not isinstance(value, str):
            raise bad
        return Path(value)
    if key in ("sentences", "words", "max_input_bytes"):
        if not isinstance(value, int) or isinstance(value, bool) or value <= 0:
            raise bad
        return value
    if key == "ratio":
        if not isinstance(value, int | float) or isinstance(value, bool) or not 0 < value <= 1:
            raise bad
        return float(value)
    if key == "order":
        if value not in ("given", "date"):
            raise bad
        return value
    if key == "pdf_page_size":
        if not isinstance(value, str):
            raise bad
        return normalise_page_size(value)
    if not isinstance(value, str):
        raise bad
    return value


def normalise_page_size(value: str) -> str:
    """``a4`` -> ``A4``, ``us-letter`` -> ``Letter``; anything else is a ``UsageError``."""
    key = value.strip().lower().replace("-", "").replace("_", "").replace(" ", "")
    if key == "a4":
        return "A4"
    if key in ("letter", "usletter"):
        return "Letter"
    raise UsageError(f"unknown page size {value!r} (choose A4 or Letter)")


def load_options(directory: Path | None = None) -> Options:
    """Options from ``[tool.exporter]`` in pyproject.toml and exporter.toml in ``directory``."""
    directory = directory or Path.cwd()
    options = Options()
    pyproject = directory / "pyproject.toml"
    if pyproject.is_file():
        table = read_toml(pyproject).get("tool", {}).get("exporter")
        if isinstance(table, dict):
            options = options_from_mapping(table, str(pyproject), options)
    dedicated = directory / "exporter.toml"
    if dedicated.is_file():
        table = read_toml(dedicated)
        table = table.get("exporter", table) if isinstance(table.get("exporter"), dict) else table
        options = options_from_mapping(table, str(dedicated), options)
    return options


def read_toml(path: Path, what: str = "configuration") -> dict[str, Any]:
    """A TOML file as a mapping; ``UsageError`` naming the file (and ``what`` it is) if bad."""
    try:
        with path.open("rb") as handle:
            return tomllib.load(handle)
    except (OSError, tomllib.TOMLDecodeError) as error:
        raise UsageError(f"{path}: cannot read {what}: {error}") from None
