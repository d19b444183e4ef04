"""Front matter: YAML read safely, and each value checked for the type its key needs.

Front matter is written by hand and by every static-site tool there is, so a
value of the wrong kind is common and never fatal: a title that is a list, a
date that does not exist (``2024-02-30``), an author that is a mapping, a key
that is a number are each left out with a one-line warning naming the file and
the key. Only YAML that cannot be read at all, or that is built to exhaust the
reader (an alias bomb, thousands of nesting levels, megabytes of it), is an
:class:`~exporter.errors.InputError` for that article.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterator
from datetime import date, datetime
from typing import Any

import yaml
from yaml.events import AliasEvent

from ..errors import InputError
from ..textfit import cut_to_fit
from .dates import parse_date

log = logging.getLogger(__name__)

MAX_FRONT_MATTER_CHARS = 256_000
"""Front matter longer than this is refused: real front matter is a few hundred bytes."""
MAX_ALIASES = 20
"""YAML aliases allowed: more is how a "billion laughs" document grows exponentially."""
_AUTHOR_SEPARATORS = re.compile(r"\s*(?:,|;|\band\b)\s*")


class InvalidDate(str):
    """A YAML timestamp that names no real date or time (``2024-02-30``), kept as its text."""


class _TooManyAliases(yaml.YAMLError):
    pass


class _Loader(yaml.SafeLoader):
    """PyYAML's safe loader, except that no scalar can fail to construct.

    A timestamp that is not a real date stays text (as :class:`InvalidDate`);
    an integer too long for Python to convert stays text; and aliases are
    counted so that a document cannot multiply itself by reference.
    """

    def __init__(self, stream: str) -> None:
        super().__init__(stream)
        self._aliases = 0

    def compose_node(self, parent: Any, index: Any) -> Any:
        if self.check_event(AliasEvent):
            self._aliases += 1
            if self._aliases > MAX_ALIASES:
                raise _TooManyAliases()
        return super().compose_node(parent, index)

    def construct_lenient_timestamp(self, node: Any) -> Any:
        try:
            return self.construct_yaml_timestamp(node)
        except (ValueError, OverflowError):
            return InvalidDate(self.construct_scalar(node))

    def construct_lenient_int(self, node: Any) -> Any:
        try:
            return self.construct_yaml_int(node)
        except ValueError:  # more digits than int() converts (sys.get_int_max_str_digits)
            return str(self.construct_scalar(node))


_Loader.add_constructor("tag:yaml.org,2002:timestamp", _Loader.construct_lenient_timestamp)
_Loader.add_constructor("tag:yaml.org,2002:int", _Loader.construct_lenient_int)


def load_front_matter(text: str, source: str) -> dict[str, Any]:
    """The YAML ``text`` as a mapping with lower-case text keys; ``InputError`` if unreadable.

    Keys that are not text (numbers, dates, true/false) are left out with a warning.
    """
    if len(text) > MAX_FRONT_MATTER_CHARS:
        raise InputError(source, f"the front matter is over {MAX_FRONT_MATTER_CHARS // 1000} kB")
    try:
        loaded = yaml.load(text, Loader=_Loader)  # noqa: S506 - a subclass of SafeLoader
    except _TooManyAliases:
        raise InputError(
            source, f"the front matter uses more than {MAX_ALIASES} YAML aliases (*name)"
        ) from None
    except yaml.reader.ReaderError:
        raise InputError(
            source, "the front matter holds characters YAML does not allow (binary data?)"
        ) from None
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f" at line {mark.line + 2}" if mark is not None else ""
        raise InputError(source, f"invalid YAML front matter{where}") from None
    except RecursionError:
        raise InputError(source, "the front matter is nested too deeply") from None
    except (ValueError, TypeError, KeyError, IndexError, OverflowError):
        # An explicit tag the value does not fit (``!!float x``, ``!!bool maybe``):
        # PyYAML's constructors fail with whatever the conversion raised.
        raise InputError(
            source, "invalid YAML front matter: a value does not fit its !!tag"
        ) from None
    meta = loaded if loaded is not None else {}
    if not isinstance(meta, dict):
        raise InputError(source, "the front matter is not a mapping of keys to values")
    keyed: dict[str, Any] = {}
    for key, value in meta.items():
        if not isinstance(key, str):
            log.warning("%s: front matter key %s is %s, not text; ignored",
                        source, _shown(key), _kind(key))
            continue
        keyed.setdefault(key.strip().lower(), value)
    return keyed


class FrontMatter:
    """Typed access to front matter values; a value of the wrong type is warned about once."""

    def __init__(self, meta: dict[str, Any], source: str) -> None:
        self._meta = meta
        self._source = source
        self._used: set[str] = set()

    def text(self, *keys: str) -> str | None:
        """The first of ``keys`` that holds text (a number counts as its digits)."""
        for key in keys:
            if key not in self._meta:
                continue
            self._used.add(key)
            value = _as_text(self._meta[key])
            if value is None:
                self._warn_type(key, self._meta[key], "text")
            elif value:
                return value
        return None

    def date(self, *keys: str) -> date | None:
        """The first of ``keys`` that holds a real date (a date, a datetime or a date in text)."""
        for key in keys:
            if key not in self._meta:
                continue
            self._used.add(key)
            value = self._meta[key]
            found = parse_date(value) if isinstance(value, date | str) else None
            if found is not None:
                return found
            if isinstance(value, str) and value.strip():
                _warn(self._source, key, f"{_shown(value)} is not a valid date; ignored")
            elif not isinstance(value, str):
                self._warn_type(key, value, "a date")
        return None

    def authors(self, *keys: str) -> list[str]:
        """The names under the first of ``keys`` present: a list, or text split at commas/'and'."""
        for key in keys:
            if key not in self._meta:
                continue
            self._used.add(key)
            value = self._meta[key]
            if isinstance(value, str):
                return [a for a in _AUTHOR_SEPARATORS.split(value.strip()) if a]
            if isinstance(value, list):
                return list(self._names(key, value))
            named = _author_name(value)
            if named is not None:
                return [named]
            self._warn_type(key, value, "a name or a list of names")
            return []
        return []

    def warn_unused_dates(self) -> None:
        """Warn about keys no reader used whose value looked like a date but is not one."""
        for key, value in self._meta.items():
            if key not in self._used and isinstance(value, InvalidDate):
                _warn(self._source, key, f"{_shown(value)} is not a valid date; ignored")

    def _names(self, key: str, values: list[Any]) -> Iterator[str]:
        for number, value in enumerate(values, 1):
            name = _author_name(value)
            if name:
                yield name
            elif name is None:
                _warn(self._source, key, f"entry {number} is {_kind(value)}, not a name; ignored")

    def _warn_type(self, key: str, value: object, wanted: str) -> None:
        hint = " (quote it to keep it as text)" if isinstance(value, bool) else ""
        _warn(self._source, key, f"is {_kind(value)}, not {wanted}; ignored{hint}")


def _as_text(value: object) -> str | None:
    """Text for a scalar a person would read as text; ``None`` for anything else."""
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, str):
        return value.strip()
    if isinstance(value, int | float | date):
        return str(value)
    return None


def _author_name(value: object) -> str | None:
    """An author's name from text, a number, or a mapping with a ``name``; else ``None``."""
    if isinstance(value, dict):
        name = next((v for k, v in value.items() if isinstance(k, str) and k.lower() == "name"),
                    None)
        return _as_text(name)
    return _as_text(value)


def _kind(value: object) -> str:
    """What a YAML value is, in words: ``a list``, ``true/false``, ``empty``."""
    if value is None:
        return "empty (null)"
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list | tuple):
        return "a list"
    if isinstance(value, datetime):
        return "a date and time"
    if isinstance(value, date):
        return "a date"
    if isinstance(value, int | float):
        return "a number"
    if isinstance(value, bytes):
        return "binary data"
    if isinstance(value, set):
        return "a set"
    return "text" if isinstance(value, str) else "an unsupported value"


def _shown(value: object) -> str:
    """A short quotation of a scalar for a warning (never a whole nested value)."""
    if not isinstance(value, str | int | float | date) or isinstance(value, bool):
        return _kind(value)
    text = value if isinstance(value, str) else _scalar_text(value)
    return repr(cut_to_fit(text, lambda shown: len(shown) <= 40, mark="...", at_word=False,
                           trailing=""))


def _scalar_text(value: object) -> str:
    try:
        return str(value)
    except ValueError:  # an int with more digits than str() converts
        return "a very long number"


def _warn(source: str, key: str, reason: str) -> None:
    log.warning("%s: front matter %s %s", source, _shown(key), reason)


__all__ = ["MAX_ALIASES", "MAX_FRONT_MATTER_CHARS", "FrontMatter", "InvalidDate",
           "load_front_matter"]
