"""The outbox: messages that could not be sent wait here until ``exporter email --retry``.

Each message is one ``.eml`` file, exactly the bytes that were to be sent, and
beside it a ``.json`` note of the envelope recipients still to reach, the
server it was meant for, the attempts made and the last error (never a
password). A ``.eml`` dropped in by hand, without a note, is sent to its To, Cc
and Bcc. Files are written atomically and readable by their owner only; a
message leaves the outbox once a server has accepted it, or when a retry is
refused for good (5xx) by the server that last refused it for good: it moves
to the ``failed/`` folder inside the outbox, with its note, and is not retried.

A retry renames each message to ``.sending`` before it sends it and removes it
once the server has it, so a message is never sent twice: when the outbox
refuses a rename, the retry stops there with an error instead of going on, and
a ``.sending`` file left by a killed retry is reported, not resent.
"""

from __future__ import annotations

import contextlib
import dataclasses
import json
import secrets
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from email import policy
from email.message import EmailMessage
from pathlib import Path
from typing import Any

from ..errors import ExporterError, OutputError
from ..files import write_atomically
from .smtp import DeliveryError, send_raw

SUFFIX = ".eml"
NOTE = ".json"
SENDING = ".sending"
"""A message a retry has claimed and is sending: never picked up again by itself."""
FAILED = "failed"
"""The outbox's folder of messages given up on."""


@dataclass(frozen=True)
class Waiting:
    """A message in the outbox and what is known about it."""

    path: Path
    recipients: tuple[str, ...] | None
    """Envelope recipients still to reach; ``None`` means the message's own To/Cc/Bcc."""
    host: str | None = None
    port: int | None = None
    security: str | None = None
    attempts: int = 0
    last_error: str | None = None
    refused_for_good: bool = False
    """The last attempt was refused with a 5xx reply (by ``host``:``port``)."""


def save_to_outbox(
    message: EmailMessage | bytes,
    folder: Path,
    *,
    recipients: Sequence[str] | None = None,
    error: str | None = None,
    host: str | None = None,
    port: int | None = None,
    security: str | None = None,
    refused_for_good: bool = False,
) -> Path:
    """Put ``message`` in the outbox ``folder`` (created if needed); returns the ``.eml`` path.

    ``recipients`` narrows the envelope (when a server took the message for some recipients
    only); ``error``, ``host``, ``port``, ``security`` and whether the server refused it for
    good are remembered for the retry.
    """
    raw = message if isinstance(message, bytes) else message.as_bytes(policy=policy.SMTP)
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as problem:
        raise OutputError(f"{folder}: cannot create the outbox: {problem.strerror}") from None
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S")
    path = folder / f"{stamp}Z-{secrets.token_hex(4)}{SUFFIX}"
    waiting = Waiting(path, tuple(recipients) if recipients is not None else None,
                      host, port, security, 1 if error else 0, error, refused_for_good)
    # The note first: a retry running meanwhile sees only finished .eml files.
    _write_note(waiting)
    write_atomic(path, raw)
    return path


def waiting_messages(folder: Path) -> list[Waiting]:
    """The messages waiting in ``folder``, oldest first; an empty list if there is no outbox."""
    if not folder.is_dir():
        return []
    return [_read_note(path) for path in sorted(folder.glob(f"*{SUFFIX}")) if path.is_file()]


def retry_outbox(
    folder: Path,
    *,
    host: str | None = None,
    port: int | None = None,
    security: str | None = None,
    username: str | None = None,
    password: str | None = None,
    cafile: Path | None = None,
    timeout: float = 30.0,
) -> tuple[list[Path], list[tuple[Path, str]]]:
    """Send every message waiting in ``folder``; returns ``(sent, [(not sent, why)])``.

    ``host`` (and ``port``, ``security``) override the server each message was meant for.
    A sent message is removed; one that fails again stays, with its attempt count raised,
    unless the server that last refused it for good refuses it for good again: then it
    moves to ``folder/failed/`` (the path given in the list is the new one there).
    """
    if not folder.is_dir():
        raise OutputError(f"{folder}: no such outbox folder")
    sent: list[Path] = []
    failed: list[tuple[Path, str]] = []
    try:
        _send_waiting(folder, sent, failed, host=host, port=port, security=security,
                      username=username, password=password, cafile=cafile, timeout=timeout)
    except OutputError as stop:
        done = ", ".join(path.name for path in sent) or "none"
        raise OutputError(f"{stop} (sent before it stopped: {done})") from None
    return sent, failed


def _send_waiting(
    folder: Path,
    sent: list[Path],
    failed: list[tuple[Path, str]],
    *,
    host: str | None,
    port: int | None,
    security: str | None,
    username: str | None,
    password: str | None,
    cafile: Path | None,
    timeout: float,
) -> None:
    """The loop of :func:`retry_outbox`, adding to ``sent`` and ``failed`` as it goes."""
    with _locked(folder):
        for item in waiting_messages(folder):
            server = host or item.host
            mode = security or item.security or "starttls"
            if not server:
                failed.append((item.path, "no SMTP server known for it: give --smtp HOST:PORT"))
                continue
            where = port if host else (port or item.port)
            try:
                raw = _crlf(item.path.read_bytes())
            except OSError as error:
                failed.append((item.path, f"cannot read it: {error.strerror or error}"))
                continue
            # Claimed before it is sent: once the server has it, no later run may find it
            # waiting, even if this one is killed before it can remove the file.
            claimed = _move(item.path, item.path.with_suffix(SENDING), folder, "claim")
            try:
                send_raw(raw, host=server, port=where, security=mode, username=username,
                         password=password, cafile=cafile, timeout=timeout,
                         recipients=item.recipients)
            except DeliveryError as error:
                _move(claimed, item.path, folder, "put back")
                left = error.refused or item.recipients
                again = Waiting(item.path, tuple(left) if left is not None else None,
                                server, where, mode, item.attempts + 1, str(error),
                                error.permanent)
                if error.permanent and item.refused_for_good and (server, where) == (
                        item.host, item.port):
                    failed.append((_give_up(again, folder), f"{error} (refused for good twice)"))
                else:
                    _write_note(again)
                    failed.append((item.path, str(error)))
                continue
            except ExporterError as error:
                _move(claimed, item.path, folder, "put back")
                failed.append((item.path, str(error)))
                continue
            _remove_sent(claimed, folder)
            sent.append(item.path)


def in_doubt(folder: Path) -> list[Path]:
    """Messages a retry claimed and did not finish with (it was killed while sending):
    the server may or may not have them, so they are never sent again on their own."""
    if not folder.is_dir():
        return []
    return sorted(path for path in folder.glob(f"*{SENDING}") if path.is_file())


def _move(source: Path, target: Path, folder: Path, what: str) -> Path:
    """Rename ``source`` to ``target``; an outbox that refuses stops the whole retry."""
    try:
        source.replace(target)
    except OSError as error:
        raise OutputError(f"{folder}: cannot {what} {source.name} in the outbox "
                          f"({error.strerror or error}); stopped so that nothing is sent "
                          "twice") from None
    return target


def _remove_sent(claimed: Path, folder: Path) -> None:
    try:
        claimed.unlink()
        _note_path(claimed).unlink(missing_ok=True)
    except OSError as error:
        raise OutputError(f"{folder}: {claimed.name} was sent but cannot be removed from the "
                          f"outbox ({error.strerror or error}); stopped") from None


def _give_up(item: Waiting, folder: Path) -> Path:
    """Move ``item`` and its note into the outbox's ``failed/`` folder; its new path."""
    place = folder / FAILED
    try:
        place.mkdir(mode=0o700, exist_ok=True)
        target = place / item.path.name
        _write_note(dataclasses.replace(item, path=target))
        item.path.replace(target)
    except OSError as error:
        raise OutputError(f"{place}: cannot move a refused message there: "
                          f"{error.strerror or error}") from None
    _note_path(item.path).unlink(missing_ok=True)
    return target


def write_atomic(path: Path, data: bytes, *, private: bool = True) -> None:
    """Write ``data`` to ``path`` atomically; ``private`` files are readable by their owner only."""
    write_atomically(path, data, private=private)


def _note_path(path: Path) -> Path:
    return path.with_suffix(NOTE)  # the .sending copy keeps the same note


def _write_note(item: Waiting) -> None:
    note: dict[str, Any] = {
        "recipients": list(item.recipients) if item.recipients is not None else None,
        "host": item.host, "port": item.port, "security": item.security,
        "attempts": item.attempts, "last_error": item.last_error,
        "refused_for_good": item.refused_for_good,
    }
    write_atomic(_note_path(item.path), json.dumps(note, indent=2).encode("utf-8"))


def _read_note(path: Path) -> Waiting:
    try:
        note = json.loads(_note_path(path).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return Waiting(path, None)
    if not isinstance(note, dict):
        return Waiting(path, None)
    recipients = note.get("recipients")
    port = note.get("port")
    attempts = note.get("attempts")
    return Waiting(
        path,
        tuple(str(r) for r in recipients) if isinstance(recipients, list) else None,
        note.get("host") if isinstance(note.get("host"), str) else None,
        port if isinstance(port, int) else None,
        note.get("security") if isinstance(note.get("security"), str) else None,
        attempts if isinstance(attempts, int) else 0,
        note.get("last_error") if isinstance(note.get("last_error"), str) else None,
        note.get("refused_for_good") is True,
    )


def _crlf(raw: bytes) -> bytes:
    """SMTP wants CRLF; a hand-made .eml may have bare LF."""
    return raw.replace(b"\r\n", b"\n").replace(b"\n", b"\r\n")


@contextlib.contextmanager
def _locked(folder: Path) -> Iterator[None]:
    """One retry at a time per outbox, so no message is sent twice."""
    try:
        import fcntl
    except ImportError:  # Windows: no advisory locks; a second retry is the user's choice
        yield
        return
    try:
        handle = open(folder / ".lock", "a")  # noqa: SIM115 (closed below, after the lock)
    except OSError as error:
        raise OutputError(f"{folder}: cannot use the outbox ({error.strerror or error}); "
                          "nothing was sent") from None
    with handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise OutputError(f"{folder}: another retry is sending this outbox") from None
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)
