"""Email settings: the ``[email]`` table of the configuration files and the environment.

Read from the same files as :func:`exporter.config.load_options`, in the same
order: ``[tool.exporter.email]`` in ``pyproject.toml``, then ``[email]`` (or
``[exporter.email]``) in ``exporter.toml``, which wins. The SMTP login comes
from ``EXPORTER_SMTP_USER`` / ``EXPORTER_SMTP_PASSWORD`` (or ``user`` /
``password`` in the file); it never comes from the command line, where other
users of the machine could read it. ``EXPORTER_SMTP_CAFILE`` names extra
certificate authorities to trust. Keys may be written with dashes or underscores.

Example ``exporter.toml``::

    [email]
    host = "smtp.example.org"
    port = 587
    security = "starttls"        # or "ssl" (implicit TLS, port 465) or "none"
    from = "Newsroom <briefings@example.org>"
    max-size = "10MB"
    outbox = "outbox"
    attach = ["docx", "pdf"]
"""

from __future__ import annotations

import logging
import os
import re
import stat
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from ..config import read_toml
from ..errors import UsageError

log = logging.getLogger(__name__)

SECURITY_MODES = ("starttls", "ssl", "none")
DEFAULT_PORTS = {"starttls": 587, "ssl": 465, "none": 25}
DEFAULT_MAX_SIZE = 10_000_000
ENV_USER = "EXPORTER_SMTP_USER"
ENV_PASSWORD = "EXPORTER_SMTP_PASSWORD"
ENV_CAFILE = "EXPORTER_SMTP_CAFILE"

_UNITS = {
    "": 1, "b": 1,
    "k": 1000, "kb": 1000, "kib": 1024,
    "m": 1000**2, "mb": 1000**2, "mib": 1024**2,
    "g": 1000**3, "gb": 1000**3, "gib": 1024**3,
}
_SIZE = re.compile(r"\s*(\d+(?:\.\d+)?)\s*([a-z]*)\s*", re.I)


@dataclass(frozen=True)
class EmailSettings:
    """How to send: every field has a default; the password is never shown in a repr."""

    host: str | None = None
    """SMTP server; ``None`` means ``--smtp`` or ``--eml`` must be given."""
    port: int | None = None
    """``None`` picks the mode's usual port: 587 (STARTTLS), 465 (SSL), 25 (none)."""
    security: str = "starttls"
    """``starttls``, ``ssl`` (implicit TLS) or ``none`` (a local relay only; no login allowed)."""
    sender: str | None = None
    """The From address (``from`` in the file)."""
    username: str | None = None
    password: str | None = field(default=None, repr=False)
    cafile: Path | None = None
    """Extra certificate authorities (PEM) to trust, e.g. a company's own CA."""
    max_size: int | None = DEFAULT_MAX_SIZE
    """Largest message, as sent (attachments base64-encoded); ``None`` for no limit."""
    outbox: Path = Path("outbox")
    """Where messages that could not be sent wait for ``exporter email --retry``."""
    attach: tuple[str, ...] = ("docx", "pdf")
    """Formats attached when ``--attach`` is not given."""
    timeout: float = 30.0
    """Seconds to wait for the SMTP server; then the message waits in the outbox."""


def parse_size(value: str | int) -> int | None:
    """``"10MB"`` -> 10,000,000 bytes, ``"10MiB"`` -> 10,485,760, ``"none"`` or 0 -> no limit."""
    if isinstance(value, int) and not isinstance(value, bool):
        if value < 0:
            raise UsageError(f"bad size {value!r}: must not be negative")
        return value or None
    if not isinstance(value, str):
        raise UsageError(f"bad size {value!r}")
    if value.strip().lower() in ("none", "unlimited", "0"):
        return None
    match = _SIZE.fullmatch(value)
    unit = match[2].lower() if match else ""
    if match is None or unit not in _UNITS:
        raise UsageError(f"bad size {value!r} (write e.g. 10MB, 500KB, 10MiB, or none)")
    size = int(float(match[1]) * _UNITS[unit])
    return size or None


def format_size(size: int) -> str:
    """A size for people: ``10 MB``, ``1.4 MB``, ``820 KB``, ``4.3 KB``, ``312 bytes`` (decimal)."""
    if size >= 1000**2:
        return f"{size / 1000**2:.1f}".removesuffix(".0") + " MB"
    if size >= 1000:
        kilo = size / 1000
        return (f"{kilo:.1f}".removesuffix(".0") if kilo < 100 else f"{kilo:.0f}") + " KB"
    return f"{size} bytes"


def load_email_settings(
    directory: Path | None = None, environ: Mapping[str, str] | None = None
) -> EmailSettings:
    """Settings from the configuration files in ``directory`` (default: the working directory)
    and from the environment, which wins for the login and the CA file."""
    directory = directory or Path.cwd()
    environ = os.environ if environ is None else environ
    settings = EmailSettings()
    pyproject = directory / "pyproject.toml"
    if pyproject.is_file():
        table = read_toml(pyproject).get("tool", {}).get("exporter", {})
        settings = _apply(table.get("email") if isinstance(table, dict) else None,
                          pyproject, settings)
    dedicated = directory / "exporter.toml"
    if dedicated.is_file():
        data = read_toml(dedicated)
        nested = data.get("exporter")
        table = nested.get("email") if isinstance(nested, dict) else None
        settings = _apply(data.get("email", table), dedicated, settings)
    changes: dict[str, Any] = {}
    if environ.get(ENV_USER):
        changes["username"] = environ[ENV_USER]
    if environ.get(ENV_PASSWORD):
        changes["password"] = environ[ENV_PASSWORD]
    if environ.get(ENV_CAFILE):
        changes["cafile"] = Path(environ[ENV_CAFILE])
    return replace(settings, **changes)


def _apply(table: object, path: Path, base: EmailSettings) -> EmailSettings:
    if table is None:
        return base
    origin = f"{path} [email]"
    if not isinstance(table, dict):
        raise UsageError(f"{origin}: must be a table")
    changes: dict[str, Any] = {}
    for raw_key, value in table.items():
        key = raw_key.replace("-", "_")
        key = {"from": "sender", "user": "username"}.get(key, key)
        changes[key] = _coerce(key, value, origin)
    if "password" in changes and _readable_by_others(path):
        log.warning("%s holds the SMTP password and other users can read it (chmod 600 it, "
                    "or use %s instead)", path, ENV_PASSWORD)
    return replace(base, **changes)


def _coerce(key: str, value: Any, origin: str) -> Any:
    bad = UsageError(f"{origin}: bad value for {key}: {value!r}")
    if key in ("host", "sender", "username", "password"):
        if not isinstance(value, str) or not value.strip():
            raise bad
        return value.strip() if key != "password" else value
    if key == "port":
        if not isinstance(value, int) or isinstance(value, bool) or not 0 < value < 65536:
            raise bad
        return value
    if key == "security":
        if not isinstance(value, str) or value.lower() not in SECURITY_MODES:
            raise UsageError(f"{origin}: security must be one of {', '.join(SECURITY_MODES)}")
        return value.lower()
    if key in ("cafile", "outbox"):
        if not isinstance(value, str) or not value:
            raise bad
        return Path(value)
    if key == "max_size":
        if isinstance(value, bool) or not isinstance(value, int | str):
            raise bad
        return parse_size(value)
    if key == "attach":
        items = value.split(",") if isinstance(value, str) else value
        if not isinstance(items, list) or not all(isinstance(i, str) for i in items):
            raise bad
        return tuple(i.strip().lower() for i in items if i.strip() and i.strip() != "none")
    if key == "timeout":
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise bad
        if not 0 < value <= 86400:  # NaN and infinity fail this too
            raise bad
        return float(value)
    raise UsageError(f"{origin}: unknown setting {key!r}")


def _readable_by_others(path: Path) -> bool:
    try:
        return bool(path.stat().st_mode & (stat.S_IRGRP | stat.S_IROTH))
    except OSError:
        return False


