"""Options: one object with documented defaults, read from configuration files.

Defaults come from this module, then ``[tool.exporter]`` in ``pyproject.toml``,
then ``exporter.toml`` (both in the working directory; the dedicated file wins),
then command-line flags. Keys may be written with dashes or underscores.
Format-specific options carry the format's prefix (``pdf_page_size``).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Any

from .errors import UsageError
from .textclean import clean_inline
from .tomlcheck import (
    Check,
    Custom,
    FilePath,
    Flag,
    Names,
    Number,
    OneOf,
    Text,
    check_table,
    read_toml,
    sub_table,
)

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
    docx_logo_text: str | None = None
    """The logo's text alternative, read by screen readers; default: its file name's words."""
    epub_css: Path | None = None
    """A stylesheet that replaces the digest's ``digest.css``."""
    digest_title: str | None = None
    """Title of the EPUB digest; defaults to the article's title, or "Digest" for several."""
    order: str = "given"
    """Order of the digest's articles: ``given`` (as listed) or ``date`` (oldest first)."""
    preview: bool = False
    """Also write a PNG preview of each PDF one-pager (``export --preview``)."""
    images: bool = False
    """Fetch and keep each article's lead image and figures (``--images``); off, nothing is
    fetched beyond the pages themselves."""
    image_budget: int = 200_000
    """Bytes per picture after re-encoding (``--image-budget``)."""
    max_input_bytes: int = DEFAULT_MAX_INPUT_BYTES
    """Inputs larger than this are refused rather than read."""

    def __post_init__(self) -> None:
        # The options' words are shown in the documents: cleaned once, here, like the
        # model's text (a value of the wrong type is left for the checks to refuse).
        for name in ("organisation", "docx_logo_text", "digest_title"):
            value = getattr(self, name)
            cleaned = clean_inline(value) if isinstance(value, str) else value
            if cleaned != value:
                object.__setattr__(self, name, cleaned)

    def replace(self, **changes: Any) -> Options:
        """A copy with some fields changed; ``None`` values are ignored."""
        return dataclasses.replace(self, **{k: v for k, v in changes.items() if v is not None})


_FIELDS = {f.name for f in fields(Options)}
# Sub-tables read by other parts of the package (email delivery's [email]).
_OTHER_TABLES = frozenset({"email"})
_ALIASES = {"page_size": "pdf_page_size"}  # the natural spelling in a config file
_LINE = Text(longest=300)


def _page_size(value: object) -> str:
    if not isinstance(value, str):
        raise ValueError(value)
    return normalise_page_size(value)


SCHEMA: dict[str, Check] = {
    "organisation": _LINE,
    "formats": Names(),
    "out_dir": FilePath(),
    "sentences": Number(1, 10_000, whole=True),
    "ratio": Number(0, 1, above=True),
    "words": Number(1, 1_000_000, whole=True),
    "method": Text(longest=100, empty=False, strip=True),
    "language": Text(longest=35, empty=False, strip=True),  # BCP 47 tags fit in 35
    "pdf_page_size": Custom(_page_size, "A4 or Letter"),
    "template_dir": FilePath(),
    "docx_template": FilePath(),
    "docx_logo": FilePath(),
    "docx_logo_text": _LINE,
    "epub_css": FilePath(),
    "digest_title": _LINE,
    "order": OneOf(("given", "date")),
    "preview": Flag(),
    "images": Flag(),
    "image_budget": Number(1_000, 50_000_000, whole=True),
    "max_input_bytes": Number(1, 2**40, whole=True),
}
"""What each key of ``exporter.toml`` / ``[tool.exporter]`` takes (see :mod:`.tomlcheck`)."""
if set(SCHEMA) != _FIELDS:  # every option is configurable, and only options are
    raise RuntimeError(f"config.SCHEMA and Options disagree: {set(SCHEMA) ^ _FIELDS}")


def options_from_mapping(
    values: Mapping[str, Any], origin: str, base: Options | None = None
) -> Options:
    """Options from a configuration table; unknown keys and bad values raise ``UsageError``."""
    changes = check_table(values, SCHEMA, origin, aliases=_ALIASES, skipped=_OTHER_TABLES)
    return dataclasses.replace(base or Options(), **changes)


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
    options = Options()
    for origin, table in configuration_tables(directory):
        options = options_from_mapping(table, origin, options)
    return options


def configuration_tables(directory: Path | None = None) -> list[tuple[str, dict[str, Any]]]:
    """The exporter's tables in ``directory`` (default: the working directory), weakest first.

    ``[tool.exporter]`` of ``pyproject.toml``, then ``exporter.toml`` (its
    ``[exporter]`` table when it has one, with a top-level ``[email]`` beside
    it, else the whole file), each with the
    file's name. A file that cannot be read, or a ``tool`` or ``exporter`` key
    that is not a table, is a ``UsageError``.
    """
    directory = directory or Path.cwd()
    tables: list[tuple[str, dict[str, Any]]] = []
    pyproject = directory / "pyproject.toml"
    if pyproject.is_file():
        origin = str(pyproject)
        tool = sub_table(read_toml(pyproject), "tool", origin)
        table = sub_table(tool, "exporter", origin, "tool.exporter") if tool else None
        if table is not None:
            tables.append((origin, table))
    dedicated = directory / "exporter.toml"
    if dedicated.is_file():
        origin = str(dedicated)
        data = read_toml(dedicated)
        nested = sub_table(data, "exporter", origin)
        if nested is None:
            tables.append((origin, data))
        else:  # a top-level [email] beside [exporter] is still the email table
            tables.append((origin, nested | ({"email": data["email"]} if "email" in data else {})))
    return tables
