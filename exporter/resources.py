"""The one place that finds templates: the user's copy first, the packaged default second."""

from __future__ import annotations

from pathlib import Path

from .errors import UsageError

_PACKAGE = Path(__file__).resolve().parent


def packaged_templates() -> Path:
    """The folder of default templates: inside the wheel, or the source tree's ``templates/``."""
    inside = _PACKAGE / "templates"
    if inside.is_dir():
        return inside
    return _PACKAGE.parent / "templates"


def template_path(name: str, user_dir: Path | None = None, override: Path | None = None) -> Path:
    """Template ``name``: ``override`` if given, else ``user_dir/name``, else the default."""
    if override is not None:
        if not override.is_file():
            raise UsageError(f"{override}: template not found")
        return override
    if user_dir is not None and (user_dir / name).is_file():
        return user_dir / name
    path = packaged_templates() / name
    if not path.is_file():
        raise UsageError(f"packaged template {name!r} is missing from this installation")
    return path


def sample_article() -> Path:
    """The sample article that ships inside the package (``make demo`` uses it)."""
    return _PACKAGE / "samples" / "harbour-solar.md"
