"""The one-pager's style: the packaged ``onepager.toml``, overridden key by key by the user's."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path
from typing import Any

from ...config import read_toml
from ...errors import UsageError
from ...labels import labels_for
from ...resources import packaged_templates, template_path

TEMPLATE_NAME = "onepager.toml"
SMALLEST_TYPE = 8.0
"""No text on the page is ever set smaller than this, whatever a template says."""

_COLOUR = re.compile(r"^#[0-9A-Fa-f]{6}$")


@dataclass(frozen=True, slots=True)
class Style:
    """Every number, colour and label the one-pager uses (see ``templates/onepager.toml``)."""

    margin: float
    masthead_height: float
    gap: float
    columns: int
    gutter: float
    min_size: float
    reading_size: float
    max_size: float
    leading: float
    title_scale: float
    title_min: float
    title_max: float
    title_max_chars: int
    colours: dict[str, str]
    labels: dict[str, str]
    custom_labels: frozenset[str] = frozenset()
    """The labels the user's ``onepager.toml`` sets: these stay as written in any language;
    the others are the packaged words in the article's language (see :func:`in_language`)."""


_NUMBERS = {
    "page": ("margin", "masthead_height", "gap", "columns", "gutter"),
    "type": ("min_size", "reading_size", "max_size", "leading", "title_scale",
             "title_min", "title_max", "title_max_chars"),
}
_COLOURS = ("masthead", "masthead_text", "accent", "text", "muted", "rule",
            "quote_background", "figure_background", "figure_text", "link")
_LABELS = ("summary", "key_quotes", "key_figures", "article", "continued", "source",
           "reading_time")


def load_style(template_dir: Path | None = None) -> Style:
    """The packaged style with the user's ``onepager.toml`` (in ``template_dir``) laid over it.

    Parsed once per process for each file as it stands: a template edited since
    (another modification time or size) is read again.
    """
    packaged = packaged_templates() / TEMPLATE_NAME
    chosen = template_path(TEMPLATE_NAME, template_dir)
    return _parsed(packaged, _stamp(packaged), chosen, _stamp(chosen))


def _stamp(path: Path) -> tuple[int, int] | None:
    try:
        status = path.stat()
    except OSError:
        return None  # reading it reports the problem
    return status.st_mtime_ns, status.st_size


@lru_cache(maxsize=16)
def _parsed(packaged: Path, packaged_stamp: tuple[int, int] | None, chosen: Path,
            chosen_stamp: tuple[int, int] | None) -> Style:
    table = _read(packaged)
    custom: frozenset[str] = frozenset()
    if chosen.resolve() != packaged.resolve():
        for section, values in _read(chosen).items():
            if not isinstance(values, dict) or section not in table:
                raise UsageError(f"{chosen}: unknown section [{section}]")
            table[section] = {**table[section], **values}
            if section == "labels":
                custom = frozenset(values)
    return replace(_style(table, chosen), custom_labels=custom)


_LOCALISED = {"summary": "summary", "key_quotes": "key_quotes", "key_figures": "key_figures",
              "article": "from_the_article", "continued": "continued", "source": "source",
              "reading_time": "reading_time"}
"""The one-pager's label keys, and the :class:`~exporter.labels.Labels` field of each."""


def in_language(style: Style, language: str | None) -> Style:
    """``style`` with its labels in ``language`` (English where there is no translation),
    except those the user's template sets."""
    words = labels_for(language)
    if words.language == "en":  # the packaged [labels] are the English words
        return style
    labels = {key: style.labels[key] if key in style.custom_labels else
              getattr(words, field) for key, field in _LOCALISED.items()}
    return replace(style, labels=labels)


def _read(path: Path) -> dict[str, Any]:
    return read_toml(path, "the one-pager style")


def _style(table: dict[str, Any], origin: Path) -> Style:
    numbers: dict[str, float] = {}
    for section, keys in _NUMBERS.items():
        values = table.get(section, {})
        for key in keys:
            value = values.get(key)
            if not isinstance(value, int | float) or isinstance(value, bool) or value <= 0:
                raise UsageError(f"{origin}: [{section}] {key} must be a positive number")
            numbers[key] = float(value)
    if numbers["min_size"] < SMALLEST_TYPE:
        raise UsageError(f"{origin}: [type] min_size may not be below {SMALLEST_TYPE:g} pt")
    if not numbers["min_size"] <= numbers["reading_size"] <= numbers["max_size"]:
        raise UsageError(f"{origin}: [type] needs min_size <= reading_size <= max_size")
    if numbers["title_min"] < SMALLEST_TYPE or numbers["title_min"] > numbers["title_max"]:
        raise UsageError(f"{origin}: [type] needs {SMALLEST_TYPE:g} <= title_min <= title_max")
    if numbers["columns"] not in (1, 2):
        raise UsageError(f"{origin}: [page] columns must be 1 or 2")
    if not 1.0 <= numbers["leading"] <= 3.0:
        raise UsageError(f"{origin}: [type] leading must be between 1 and 3")
    colours = table.get("colours", {})
    for key in _COLOURS:
        if not isinstance(colours.get(key), str) or not _COLOUR.match(colours[key]):
            raise UsageError(f"{origin}: [colours] {key} must be a colour like \"#1F3A5F\"")
    labels = table.get("labels", {})
    for key in _LABELS:
        if not isinstance(labels.get(key), str):
            raise UsageError(f"{origin}: [labels] {key} must be text")
    if "{minutes}" not in labels["reading_time"]:
        raise UsageError(f"{origin}: [labels] reading_time must contain {{minutes}}")
    return Style(
        margin=numbers["margin"],
        masthead_height=numbers["masthead_height"],
        gap=numbers["gap"],
        columns=int(numbers["columns"]),
        gutter=numbers["gutter"],
        min_size=numbers["min_size"],
        reading_size=numbers["reading_size"],
        max_size=numbers["max_size"],
        leading=numbers["leading"],
        title_scale=numbers["title_scale"],
        title_min=numbers["title_min"],
        title_max=numbers["title_max"],
        title_max_chars=int(numbers["title_max_chars"]),
        colours={key: colours[key] for key in _COLOURS},
        labels={key: labels[key] for key in _LABELS},
    )
