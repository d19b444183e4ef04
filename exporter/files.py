"""Writing files so that nobody ever sees half of one, and no temporary file outlives a run."""

from __future__ import annotations

import os
import secrets
import threading
from pathlib import Path

from .errors import OutputError

NAME_MAX = 255
"""The longest file name, in bytes, that Linux, macOS and Windows file systems all take."""

TEMPORARY_OVERHEAD = len(".") + len(".") + 8 + len(".tmp")
"""Bytes :func:`temporary_name` adds to a file name: ``.NAME.XXXXXXXX.tmp``."""

_live: set[Path] = set()
_live_lock = threading.Lock()


def temporary_name(name: str) -> str:
    """A hidden, random name to write ``name`` under before renaming: ``.NAME.1a2b3c4d.tmp``.

    It is never longer than :data:`NAME_MAX` bytes: a name too long to carry
    whole is cut (at a character boundary) so that the temporary file can
    always be created where a file of that name could.
    """
    room = NAME_MAX - TEMPORARY_OVERHEAD
    encoded = name.encode("utf-8", "surrogateescape")
    if len(encoded) > room:
        name = encoded[:room].decode("utf-8", "ignore")
    return f".{name}.{secrets.token_hex(4)}.tmp"


def write_atomically(path: Path, data: bytes, *, private: bool = False) -> Path:
    """Write ``data`` to ``path`` through a temporary file in the same folder, then rename.

    A reader sees the old file or the whole new one, never a part, and a failed
    or interrupted write leaves no temporary file behind (what a signal stops
    before this function can clean up, :func:`remove_temporaries` removes). The
    folder is created if need be. ``private`` files are readable by their owner
    only; others get mode 0644.
    """
    folder = path.parent
    size = len(path.name.encode("utf-8", "surrogateescape"))
    if size > NAME_MAX:
        raise OutputError(f"{path}: the file name is {size} bytes long, "
                          f"over the {NAME_MAX}-byte limit of file systems")
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise OutputError(f"{folder}: cannot write there: {error.strerror or error}") from None
    temporary = folder / temporary_name(path.name)
    # Known before it exists: a signal between creating the file and the try below
    # still finds it in _live.
    with _live_lock:
        _live.add(temporary)
    try:
        try:
            handle = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_CLOEXEC,
                             0o600)
        except OSError as error:
            raise OutputError(
                f"{folder}: cannot write there: {error.strerror or error}") from None
        try:
            with os.fdopen(handle, "wb") as out:
                out.write(data)
                out.flush()
                os.fsync(out.fileno())
            if not private:
                os.chmod(temporary, 0o644)
            os.replace(temporary, path)
        except OSError as error:
            raise OutputError(f"{path}: cannot write: {error.strerror or error}") from None
    finally:
        temporary.unlink(missing_ok=True)  # gone already once renamed
        with _live_lock:
            _live.discard(temporary)
    return path


def remove_temporaries() -> list[Path]:
    """Remove every temporary file a write of this process has left; returns those removed.

    For the moment a signal has stopped the program: a write in progress in
    another thread may still be running, so call it once those have stopped.
    """
    with _live_lock:
        left = sorted(_live)
        _live.clear()
    removed = []
    for temporary in left:
        try:
            temporary.unlink()
            removed.append(temporary)
        except FileNotFoundError:
            pass
        except OSError as error:
            raise OutputError(f"{temporary}: cannot remove a temporary file: "
                              f"{error.strerror or error}") from None
    return removed
