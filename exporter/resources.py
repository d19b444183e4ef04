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
    mine = user_template(name, user_dir)
    if mine is not None:
        return mine
    path = packaged_templates() / name
    if not path.is_file():
        raise UsageError(f"packaged template {name!r} is missing from this installation")
    return path


def user_template(name: str, user_dir: Path | None) -> Path | None:
    """The user's own template ``name`` (a path such as ``labels/de.toml``) in ``user_dir``,
    or ``None`` when there is none."""
    if user_dir is None:
        return None
    path = user_dir / name
    return path if path.is_file() else None


def packaged_stems(folder: str, suffix: str = ".toml") -> tuple[str, ...]:
    """The names, without ``suffix``, of the packaged templates in ``folder``, sorted:
    e.g. the languages of ``labels``."""
    return tuple(sorted(p.name[: -len(suffix)] for p in (packaged_templates() / folder).iterdir()
                        if p.name.endswith(suffix) and p.is_file()))


def file_stamp(path: Path) -> tuple[int, int] | None:
    """``path``'s modification time and size, a cache key that changes when the file does;
    ``None`` when it cannot be read (reading it then reports the problem)."""
    try:
        status = path.stat()
    except OSError:
        return None
    return status.st_mtime_ns, status.st_size


def sample_article() -> Path:
    """The sample article that ships inside the package (``make demo`` uses it)."""
    return _PACKAGE / "samples" / "harbour-solar.md"
