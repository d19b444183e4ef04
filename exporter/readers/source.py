"""Read an input's bytes within a size limit, refusing anything that is not a regular file.

A FIFO would block the reader forever and a character device such as
``/dev/zero`` never ends (its ``st_size`` reads 0, so a size check on
``stat`` alone lets it through). The file's type is therefore checked twice:
on the path before opening (so a FIFO is never opened) and on the opened
descriptor (the path may have been swapped in between). The open itself is
non-blocking, and the limit is enforced on the bytes actually read: at most
``limit + 1`` bytes are ever read, whatever the file claims to be.
"""

from __future__ import annotations

import os
import stat
import sys
from pathlib import Path
from typing import BinaryIO

from ..errors import InputError

_OPEN_FLAGS = (
    os.O_RDONLY
    | getattr(os, "O_NONBLOCK", 0)
    | getattr(os, "O_NOCTTY", 0)
    | getattr(os, "O_CLOEXEC", 0)
)
FOLDER_REASON = "is a folder with no article files (.txt, .md, .html)"


def read_file(path: Path, source: str, max_bytes: int) -> bytes:
    """The bytes of the regular file at ``path``; ``InputError`` naming ``source`` otherwise.

    Refused: a missing or unreadable file, a folder, a FIFO, a device, a
    socket, and a file of over ``max_bytes`` bytes.
    """
    try:
        _check_kind(os.stat(path).st_mode, source)
        descriptor = os.open(path, _OPEN_FLAGS)
    except FileNotFoundError:
        raise InputError(source, "no such file") from None
    except PermissionError:
        raise InputError(source, "permission denied") from None
    except OSError as error:
        raise InputError(source, f"cannot read: {error.strerror or error}") from None
    try:
        with os.fdopen(descriptor, "rb") as stream:
            info = os.fstat(stream.fileno())
            _check_kind(info.st_mode, source)
            check_size(info.st_size, max_bytes, source)
            return read_limited(stream, max_bytes, source)
    except OSError as error:
        raise InputError(source, f"cannot read: {error.strerror or error}") from None


def read_stdin(max_bytes: int) -> bytes:
    """Standard input's bytes, at most ``max_bytes`` of them (``InputError`` beyond)."""
    return read_limited(sys.stdin.buffer, max_bytes, "-")


def read_limited(stream: BinaryIO, max_bytes: int, source: str) -> bytes:
    """Everything ``stream`` holds, reading at most ``max_bytes + 1`` bytes to find out."""
    data = stream.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise InputError(
            source,
            f"is over the {human_size(max_bytes)} input limit "
            "(raise max_input_bytes in exporter.toml to allow it)",
        )
    return data


def check_size(size: int, max_bytes: int, source: str) -> None:
    """``InputError`` when a file's known ``size`` is over ``max_bytes``."""
    if size > max_bytes:
        raise InputError(
            source,
            f"is {human_size(size)}, over the {human_size(max_bytes)} input limit "
            "(raise max_input_bytes in exporter.toml to allow it)",
        )


def _check_kind(mode: int, source: str) -> None:
    if stat.S_ISREG(mode):
        return
    if stat.S_ISDIR(mode):
        raise InputError(source, FOLDER_REASON)
    hint = ""
    if stat.S_ISFIFO(mode):
        what = "a FIFO (named pipe)"
        hint = " (pipe it into - to read it as standard input)"
    elif stat.S_ISCHR(mode):
        what = "a character device"
    elif stat.S_ISBLK(mode):
        what = "a block device"
    elif stat.S_ISSOCK(mode):
        what = "a socket"
    else:
        what = "a special file"
    raise InputError(source, f"is {what}, not a regular file: nothing was read{hint}")


def human_size(size: int) -> str:
    """``3072`` -> ``3.1 kB``, ``52428800`` -> ``52.4 MB``: decimal units, as file managers use."""
    for unit, scale in (("GB", 1e9), ("MB", 1e6), ("kB", 1e3)):
        if size >= scale:
            return f"{size / scale:.1f} {unit}"
    return f"{size} bytes"
