"""Writers discovered through the ``exporter.writers`` entry-point group."""

from __future__ import annotations

from functools import cache
from importlib.metadata import EntryPoint, entry_points

from ..errors import DependencyError, UsageError
from .base import Writer

GROUP = "exporter.writers"


@cache
def _entry_points() -> dict[str, EntryPoint]:
    return {ep.name: ep for ep in entry_points(group=GROUP)}


def available_formats() -> list[str]:
    """Names of every installed format, sorted."""
    return sorted(_entry_points())


@cache
def get_writer(name: str) -> Writer:
    """The writer registered as ``name``; imports only that writer's module."""
    key = name.strip().lower()
    point = _entry_points().get(key)
    if point is None:
        known = ", ".join(available_formats()) or "none installed"
        raise UsageError(f"unknown format {name!r} (available: {known})")
    try:
        cls = point.load()
    except ImportError as error:
        raise DependencyError(
            f"format {key!r} needs a library that is not installed: {error}"
        ) from None
    return cls()


def writer_for_suffix(suffix: str) -> Writer:
    """The writer whose extension is ``suffix`` (``.pdf``)."""
    wanted = suffix.lower()
    for name in available_formats():
        writer = get_writer(name)
        if writer.extension == wanted:
            return writer
    raise UsageError(f"no format writes {suffix or 'files without a suffix'!r} files")
