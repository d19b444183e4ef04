"""The TOML files a user writes, read and checked in one place.

``exporter.toml`` and ``[tool.exporter]`` (the options), their ``[email]`` table
(delivery) and ``onepager.toml`` (the PDF style) each describe their keys as a
*schema*: a mapping from key to a check (:class:`Number`, :class:`Text`,
:class:`OneOf`, :class:`FilePath`, :class:`Names`, :class:`Colour`,
:class:`Custom`). :func:`check_table` turns a table into checked, converted
values, or refuses it with a one-line :class:`~exporter.errors.UsageError` that
names the file, the key and what the key takes::

    exporter.toml: bad value for sentences: '3' (sentences must be a whole number from 1 to 10000)
    onepager.toml: bad value for [page] margin: nan (margin must be a number above 0, at most 144)

Numbers are finite and bounded, texts are bounded in length and, where they
are shown on one line, free of control characters: a configuration can name
nothing that later makes a writer crash or run for minutes.
"""

from __future__ import annotations

import math
import re
import tomllib
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

from .errors import UsageError
from .textfit import cut_to_fit

MAX_FILE_BYTES = 1_000_000
"""Configuration and style files are a few hundred bytes; a larger one is refused unread."""

_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")
_SHOWN = 40


def read_toml(path: Path, what: str = "configuration") -> dict[str, Any]:
    """A TOML file as a mapping; ``UsageError`` naming the file (and ``what`` it is) if bad.

    Refused in one line: an unreadable file, one over :data:`MAX_FILE_BYTES`,
    bytes that are not UTF-8 (a UTF-8 byte-order mark is allowed), and text that
    is not TOML (including integers too long to convert and nesting too deep to parse).
    """
    prefix = f"{path}: cannot read {what}"
    try:
        with path.open("rb") as handle:
            data = handle.read(MAX_FILE_BYTES + 1)
    except OSError as error:
        raise UsageError(f"{prefix}: {error.strerror or error}") from None
    if len(data) > MAX_FILE_BYTES:
        raise UsageError(f"{prefix}: larger than {MAX_FILE_BYTES:,} bytes")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise UsageError(f"{prefix}: not UTF-8 text (byte 0x{data[error.start]:02x} at "
                         f"offset {error.start}); is it a binary file?") from None
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise UsageError(f"{prefix}: {one_line(str(error))}") from None
    except RecursionError:
        raise UsageError(f"{prefix}: not TOML (nested too deeply)") from None
    except ValueError as error:  # tomllib lets int()'s digit limit through
        raise UsageError(f"{prefix}: not TOML ({one_line(str(error))})") from None


def one_line(text: str) -> str:
    """``text`` with every run of line breaks and other control characters made one space."""
    return re.sub(r"\s*[\x00-\x1f\x7f-\x9f\u2028\u2029]+\s*", " ", text).strip()


def shown(value: object) -> str:
    """A value as a message shows it: short, on one line, in TOML's words."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dict):
        return "a table"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, str | int | float):
        text = repr(value)
        return cut_to_fit(text, lambda shown: len(shown) <= _SHOWN, at_word=False, trailing="")
    return f"a {type(value).__name__}"  # the TOML date and time types


class Check(Protocol):
    """What one key takes: ``convert`` returns the value to use, or raises ``ValueError``."""

    @property
    def expected(self) -> str:
        """What the key takes, completing "KEY must be ...", e.g. ``a number from 1 to 3``."""
        ...

    def convert(self, value: object) -> Any:
        """The value to use; ``ValueError`` when ``value`` is not what the key takes."""
        ...


def _figure(value: float) -> str:
    return f"{value:,}" if isinstance(value, int) else f"{value:g}"


@dataclass(frozen=True)
class Number:
    """A finite number from ``low`` to ``high`` (above ``low`` when ``above`` is set)."""

    low: float
    high: float
    whole: bool = False
    above: bool = False

    @property
    def expected(self) -> str:
        kind = "a whole number" if self.whole else "a number"
        if self.above:
            return f"{kind} above {_figure(self.low)}, at most {_figure(self.high)}"
        return f"{kind} from {_figure(self.low)} to {_figure(self.high)}"

    def convert(self, value: object) -> float | int:
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise ValueError(value)
        if isinstance(value, float) and not math.isfinite(value):
            raise ValueError(value)
        if self.whole and isinstance(value, float) and not value.is_integer():
            raise ValueError(value)
        if value < self.low or value > self.high or (self.above and value == self.low):
            raise ValueError(value)
        return int(value) if self.whole else float(value)


@dataclass(frozen=True)
class Text:
    """Text of at most ``longest`` characters; on one line unless ``lines`` is set."""

    longest: int = 300
    lines: bool = False
    empty: bool = True
    strip: bool = False

    @property
    def expected(self) -> str:
        what = "text" if self.lines else "one line of text"
        if not self.empty:
            what = "non-empty " + what
        return f"{what} of at most {self.longest:,} characters"

    def convert(self, value: object) -> str:
        if not isinstance(value, str) or len(value) > self.longest:
            raise ValueError(value)
        if not self.lines and _CONTROL.search(value):
            raise ValueError(value)
        if not self.empty and not value.strip():
            raise ValueError(value)
        return value.strip() if self.strip else value


@dataclass(frozen=True)
class OneOf:
    """One word of ``choices``, in any case; returned as written in ``choices``."""

    choices: tuple[str, ...]

    @property
    def expected(self) -> str:
        return "one of " + ", ".join(self.choices)

    def convert(self, value: object) -> str:
        if isinstance(value, str):
            for choice in self.choices:
                if value.strip().lower() == choice.lower():
                    return choice
        raise ValueError(value)


@dataclass(frozen=True)
class Flag:
    """``true`` or ``false``: a TOML boolean, nothing else."""

    @property
    def expected(self) -> str:
        return "true or false"

    def convert(self, value: object) -> bool:
        if isinstance(value, bool):
            return value
        raise ValueError(value)


@dataclass(frozen=True)
class FilePath:
    """A file or folder name: non-empty text without NUL, at most 4,096 characters."""

    @property
    def expected(self) -> str:
        return "a file or folder name"

    def convert(self, value: object) -> Path:
        if not isinstance(value, str) or not value.strip() or "\0" in value or len(value) > 4096:
            raise ValueError(value)
        return Path(value)


@dataclass(frozen=True)
class Names:
    """Short names, as a list of strings or one comma-separated string; lowercased.

    Names in ``dropped`` (e.g. ``none``) are left out.
    """

    dropped: tuple[str, ...] = ()

    @property
    def expected(self) -> str:
        return 'a list of names like ["docx", "pdf"]'

    def convert(self, value: object) -> tuple[str, ...]:
        items = value.split(",") if isinstance(value, str) else value
        if not isinstance(items, list) or len(items) > 100:
            raise ValueError(value)
        if not all(isinstance(i, str) and len(i) <= 100 and not _CONTROL.search(i)
                   for i in items):
            raise ValueError(value)
        names = (i.strip().lower() for i in items)
        return tuple(n for n in names if n and n not in self.dropped)


_HEX_COLOUR = re.compile(r"#[0-9A-Fa-f]{6}")


@dataclass(frozen=True)
class Colour:
    """A colour as ``#RRGGBB``."""

    @property
    def expected(self) -> str:
        return 'a colour like "#1F3A5F"'

    def convert(self, value: object) -> str:
        if not isinstance(value, str) or not _HEX_COLOUR.fullmatch(value):
            raise ValueError(value)
        return value


@dataclass(frozen=True)
class Custom:
    """A value ``function`` converts; it raises ``ValueError`` or ``UsageError`` when bad."""

    function: Callable[[Any], Any]
    description: str

    @property
    def expected(self) -> str:
        return self.description

    def convert(self, value: object) -> Any:
        try:
            return self.function(value)
        except UsageError as error:
            raise ValueError(value) from error


def checked(value: object, check: Check, origin: str, key: str, section: str = "") -> Any:
    """``value`` converted by ``check``, or a ``UsageError`` naming ``origin`` and the key."""
    try:
        return check.convert(value)
    except ValueError:
        name = f"[{section}] {key}" if section else key
        raise UsageError(f"{origin}: bad value for {name}: {shown(value)} "
                         f"({key} must be {check.expected})") from None


def check_table(
    table: Mapping[str, Any],
    schema: Mapping[str, Check],
    origin: str,
    *,
    section: str = "",
    aliases: Mapping[str, str] | None = None,
    skipped: frozenset[str] = frozenset(),
    noun: str = "option",
) -> dict[str, Any]:
    """The checked values of ``table``, by schema key.

    Keys may be written with dashes or underscores; ``aliases`` maps other
    spellings to schema keys; keys in ``skipped`` (sub-tables read elsewhere)
    are passed over. An unknown key is a ``UsageError`` ("unknown ``noun``"):
    a misspelt key silently ignored would be a setting silently lost.
    """
    values: dict[str, Any] = {}
    for raw_key, value in table.items():
        if raw_key in skipped:
            continue
        key = raw_key.replace("-", "_")
        key = (aliases or {}).get(key, key)
        if key not in schema:
            where = f"[{section}] " if section else ""
            raise UsageError(f"{origin}: unknown {noun} {where}{shown(raw_key)}")
        values[key] = checked(value, schema[key], origin, raw_key, section)
    return values


def sub_table(table: Mapping[str, Any], key: str, origin: str, name: str | None = None
              ) -> dict[str, Any] | None:
    """``table[key]`` when it is a table, ``None`` when absent; anything else is refused."""
    if key not in table:
        return None
    value = table[key]
    if not isinstance(value, dict):
        raise UsageError(f"{origin}: [{name or key}] must be a table, not {shown(value)}")
    return value
