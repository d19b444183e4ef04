"""Checks of the public API's arguments: a wrong type is a :class:`UsageError` at the door.

Without them a wrong argument fails deep inside (``'str' object has no
attribute 'blocks'``), as an ``AttributeError`` or ``TypeError`` no caller
expects; with them the message names the function, the argument and what it takes.
"""

from __future__ import annotations

import math
import os
from pathlib import Path
from typing import Any

from .errors import UsageError


def _kind(value: object) -> str:
    return "None" if value is None else type(value).__name__


def check_type(function: str, name: str, value: object, types: Any, wanted: str) -> None:
    """``UsageError`` unless ``value`` is an instance of ``types`` (``wanted`` says which)."""
    if not isinstance(value, types):
        raise UsageError(f"{function}(): {name} must be {wanted}, not {_kind(value)}")


def check_path(function: str, name: str, value: object) -> Path:
    """``value`` as a Path; ``UsageError`` unless it is text or a path-like object."""
    if isinstance(value, bytes) or not isinstance(value, str | os.PathLike):
        raise UsageError(f"{function}(): {name} must be a path (str or Path), not {_kind(value)}")
    return Path(value)


def check_optional_text(function: str, name: str, value: object) -> None:
    """``UsageError`` unless ``value`` is ``None`` or a string."""
    if value is not None and not isinstance(value, str):
        raise UsageError(f"{function}(): {name} must be a string or None, not {_kind(value)}")


def check_count(function: str, name: str, value: object, *, optional: bool = True) -> None:
    """``UsageError`` unless ``value`` is a whole number (``None`` too when ``optional``)."""
    if value is None and optional:
        return
    if isinstance(value, bool) or not isinstance(value, int):
        raise UsageError(f"{function}(): {name} must be a whole number, not {_kind(value)}")


def check_number(function: str, name: str, value: object) -> None:
    """``UsageError`` unless ``value`` is ``None`` or a finite real number."""
    if value is None:
        return
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise UsageError(f"{function}(): {name} must be a number, not {_kind(value)}")
    if not math.isfinite(value):
        raise UsageError(f"{function}(): {name} must be a finite number, not {value!r}")
