"""Writing files so that nobody ever sees half of one."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from .errors import OutputError


def write_atomically(path: Path, data: bytes, *, private: bool = False) -> Path:
    """Write ``data`` to ``path`` through a temporary file in the same folder, then rename.

    A reader sees the old file or the whole new one, never a part, and a failed
    write leaves no temporary file behind. The folder is created if need be.
    ``private`` files are readable by their owner only; others get mode 0644.
    """
    folder = path.parent
    try:
        folder.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=folder, prefix=f".{path.name}.", suffix=".tmp")
    except OSError as error:
        raise OutputError(f"{folder}: cannot write there: {error.strerror or error}") from None
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        if not private:
            os.chmod(temporary, 0o644)
        os.replace(temporary, path)
    except OSError as error:
        Path(temporary).unlink(missing_ok=True)
        raise OutputError(f"{path}: cannot write: {error.strerror or error}") from None
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return path
