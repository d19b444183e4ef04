"""The one-pager's style: the packaged ``onepager.toml``, overridden key by key by the user's."""

from __future__ import annotations

from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path
from typing import Any

from ...errors import UsageError
from ...labels import Labels, labels_for
from ...resources import file_stamp, packaged_templates, template_path
from ...tomlcheck import (
    Check,
    Colour,
    Number,
    Text,
    check_table,
    read_toml,
    shown,
    sub_table,
)

TEMPLATE_NAME = "onepager.toml"
SMALLEST_TYPE = 8.0
"""No text on the page is ever set smaller than this, whatever a template says."""
LARGEST_TYPE = 72.0
"""Nor larger than this: the bound also keeps the search for the best size short."""


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
    """The one-pager's words, by ``[labels]`` key: English until :func:`in_language`."""
    custom_labels: frozenset[str] = frozenset()
    """The labels the user's ``onepager.toml`` changes: these stay as written in any language;
    the others are the words of ``labels/<language>.toml`` (see :func:`in_language`)."""
    template_dir: Path | None = None
    """The user's template folder, whose ``labels/<language>.toml`` the words come from."""


_TYPE_SIZE = Number(SMALLEST_TYPE, LARGEST_TYPE)
# Margins and the masthead of at most 2 inches leave a column of text of at least
# 300 pt on the narrowest page (A4) and 400 pt of height on the shortest (Letter).
_FURNITURE = Number(0, 144, above=True)
_SPACE = Number(0, 72, above=True)
_LABEL = Text(longest=120)

SCHEMA: dict[str, dict[str, Check]] = {
    "page": {"margin": _FURNITURE, "masthead_height": _FURNITURE, "gap": _SPACE,
             "columns": Number(1, 2, whole=True), "gutter": _SPACE},
    "type": {"min_size": _TYPE_SIZE, "reading_size": _TYPE_SIZE, "max_size": _TYPE_SIZE,
             "leading": Number(1, 3), "title_scale": Number(0, 8, above=True),
             "title_min": _TYPE_SIZE, "title_max": _TYPE_SIZE,
             "title_max_chars": Number(20, 2000, whole=True)},
    "colours": {key: Colour() for key in (
        "masthead", "masthead_text", "accent", "text", "muted", "rule", "quote_background",
        "figure_background", "figure_text", "link")},
    "labels": {key: _LABEL for key in (
        "summary", "key_quotes", "key_figures", "article", "continued", "source",
        "reading_time")},
}
"""What each key of each section of ``onepager.toml`` takes (see :mod:`exporter.tomlcheck`)."""


def load_style(template_dir: Path | None = None) -> Style:
    """The packaged style with the user's ``onepager.toml`` (in ``template_dir``) laid over it.

    Parsed once per process for each file as it stands: a template edited since
    (another modification time or size) is read again.
    """
    packaged = packaged_templates() / TEMPLATE_NAME
    chosen = template_path(TEMPLATE_NAME, template_dir)
    style = _parsed(packaged, file_stamp(packaged), chosen, file_stamp(chosen))
    return replace(style, template_dir=template_dir,
                   labels=_localised(style, labels_for("en", template_dir)))


@lru_cache(maxsize=16)
def _parsed(packaged: Path, packaged_stamp: tuple[int, int] | None, chosen: Path,
            chosen_stamp: tuple[int, int] | None) -> Style:
    values = _checked(packaged, complete=True)
    if chosen.resolve() != packaged.resolve():
        for section, checked in _checked(chosen, complete=False).items():
            if section == "labels":  # a copy of an older packaged file changes none of them
                checked = {k: v for k, v in checked.items() if _FORMER_DEFAULTS[k] != v}
            values[section].update(checked)
    return _style(values, chosen)


def _checked(path: Path, complete: bool) -> dict[str, dict[str, Any]]:
    """The checked values of the style file ``path``, section by section.

    ``complete``: every key must be there (the packaged file); a user's file may
    set any of them.
    """
    table = read_toml(path, "the one-pager style")
    origin = str(path)
    values: dict[str, dict[str, Any]] = {section: {} for section in SCHEMA}
    for section in table:
        if section not in SCHEMA:
            raise UsageError(f"{origin}: unknown section {shown(section)}")
    for section, schema in SCHEMA.items():
        found = sub_table(table, section, origin)
        if found is not None:
            values[section] = check_table(found, schema, origin, section=section,
                                          noun="setting")
        missing = [key for key in schema if key not in values[section]]
        if complete and missing and section != "labels":
            raise UsageError(f"{origin}: [{section}] lacks {', '.join(missing)}")
    return values


_LOCALISED = {"summary": "summary", "key_quotes": "key_quotes", "key_figures": "key_figures",
              "article": "from_the_article", "continued": "continued", "source": "source",
              "reading_time": "reading_time"}
"""The one-pager's label keys, and the :class:`~exporter.labels.Labels` field of each."""
_FORMER_DEFAULTS = {"summary": "Summary", "key_quotes": "Key quotes",
                    "key_figures": "Key figures", "article": "From the article",
                    "continued": "The article continues at the source.", "source": "Source:",
                    "reading_time": "{minutes} min read"}
"""The ``[labels]`` the packaged ``onepager.toml`` once held: a user's copy of that file
that still says them has not changed them, and gets the article's language."""


def in_language(style: Style, language: str | None) -> Style:
    """``style`` with its labels in ``language`` (English where there is no translation),
    except those the user's template sets."""
    return replace(style, labels=_localised(style, labels_for(language, style.template_dir)))


def _localised(style: Style, words: Labels) -> dict[str, str]:
    return {key: style.labels[key] if key in style.custom_labels else getattr(words, field)
            for key, field in _LOCALISED.items()}


def _style(values: dict[str, dict[str, Any]], origin: Path) -> Style:
    """The style of the checked ``values``, once the sizes agree with each other."""
    page, kind, labels = values["page"], values["type"], values["labels"]
    if not kind["min_size"] <= kind["reading_size"] <= kind["max_size"]:
        raise UsageError(f"{origin}: [type] needs min_size <= reading_size <= max_size")
    if kind["title_min"] > kind["title_max"]:
        raise UsageError(f"{origin}: [type] needs title_min <= title_max")
    if "{minutes}" not in labels.get("reading_time", "{minutes}"):
        raise UsageError(f"{origin}: [labels] reading_time must contain {{minutes}}")
    return Style(**page, **kind, colours=dict(values["colours"]), labels=dict(labels),
                 custom_labels=frozenset(labels))
