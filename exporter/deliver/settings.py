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

from ..config import configuration_tables
from ..errors import UsageError
from ..tomlcheck import Check, Custom, FilePath, Names, Number, OneOf, Text, check_table, sub_table

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
_LARGEST = 10**15
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
    kindle: str | None = None
    """The Send-to-Kindle address ``exporter email --kindle`` sends the digest to."""


def parse_size(value: str | int) -> int | None:
    """``"10MB"`` -> 10,000,000 bytes, ``"10MiB"`` -> 10,485,760, ``"none"`` or 0 -> no limit."""
    if isinstance(value, int) and not isinstance(value, bool):
        if value < 0:
            raise UsageError(f"bad size {value!r}: must not be negative")
        if value > _LARGEST:
            raise UsageError(f"bad size {value!r}: more than {_LARGEST:,} bytes")
        return value or None
    if not isinstance(value, str):
        raise UsageError(f"bad size {value!r}")
    if value.strip().lower() in ("none", "unlimited", "0"):
        return None
    match = _SIZE.fullmatch(value)
    unit = match[2].lower() if match else ""
    if match is None or unit not in _UNITS:
        raise UsageError(f"bad size {value!r} (write e.g. 10MB, 500KB, 10MiB, or none)")
    size = float(match[1]) * _UNITS[unit]
    if size > _LARGEST:  # also "inf" for hundreds of digits
        raise UsageError(f"bad size {value!r}: more than {_LARGEST:,} bytes")
    return int(size) or None


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
    environ = os.environ if environ is None else environ
    settings = EmailSettings()
    for origin, table in configuration_tables(directory):
        settings = _apply(sub_table(table, "email", origin), Path(origin), settings)
    changes: dict[str, Any] = {}
    if environ.get(ENV_USER):
        changes["username"] = environ[ENV_USER]
    if environ.get(ENV_PASSWORD):
        changes["password"] = environ[ENV_PASSWORD]
    if environ.get(ENV_CAFILE):
        changes["cafile"] = Path(environ[ENV_CAFILE])
    return replace(settings, **changes)


def _apply(table: dict[str, Any] | None, path: Path, base: EmailSettings) -> EmailSettings:
    if table is None:
        return base
    changes = check_table(table, SCHEMA, f"{path} [email]", aliases=_ALIASES, noun="setting")
    if "password" in changes and _readable_by_others(path):
        log.warning("%s holds the SMTP password and other users can read it (chmod 600 it, "
                    "or use %s instead)", path, ENV_PASSWORD)
    return replace(base, **changes)


def _max_size(value: object) -> int | None:
    if isinstance(value, bool) or not isinstance(value, int | str):
        raise ValueError(value)
    return parse_size(value)


_ALIASES = {"from": "sender", "user": "username"}
_NAME = Text(longest=1000, empty=False, strip=True)
SCHEMA: dict[str, Check] = {
    "host": _NAME,
    "sender": _NAME,
    "username": _NAME,
    "password": Text(longest=1000, empty=False),
    "port": Number(1, 65535, whole=True),
    "security": OneOf(SECURITY_MODES),
    "cafile": FilePath(),
    "outbox": FilePath(),
    "max_size": Custom(_max_size, "a size like 10MB, 500KB, 10MiB, or none"),
    "attach": Names(dropped=("none",)),
    "timeout": Number(0, 24 * 3600, above=True),
    "kindle": _NAME,
}
"""What each key of the ``[email]`` table takes (see :mod:`exporter.tomlcheck`)."""


def _readable_by_others(path: Path) -> bool:
    try:
        return bool(path.stat().st_mode & (stat.S_IRGRP | stat.S_IROTH))
    except OSError:
        return False


