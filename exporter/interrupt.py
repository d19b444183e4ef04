"""SIGINT and SIGTERM as an exception the main process cleans up after; pool workers just stop.

The main process owns every file: workers only compute bytes, so a worker
killed at any instant leaves nothing in the output folder. While
:func:`signals_interrupt` is active, the first SIGINT or SIGTERM raises
:class:`Interrupted` in the main thread, and later ones are ignored so that
the cleanup it starts (stopping the workers, finishing the write under way,
removing temporary files) runs to its end.

An exception raised by a signal handler is lost when the signal lands while a
finaliser (``__del__``, a weakref callback) runs: long loops therefore also
call :func:`check` between their steps, which raises it again.

Once the work is done (:func:`finished`), a signal has nothing left to stop:
it is ignored, so the report of what was written is printed whole and the
status stays the work's. In the ``exporter`` program (:func:`as_the_program`)
it stays ignored to the exit, since a signal landing while Python shuts down
would otherwise kill the process with no status of ours.
"""

from __future__ import annotations

import os
import signal
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from types import FrameType
from typing import Any

SIGNALS = (signal.SIGINT, signal.SIGTERM)

_received: list[int] = []
"""The signal that arrived while :func:`signals_interrupt` was active, if any."""
_finished: list[bool] = []
"""Non-empty once :func:`finished` was called inside :func:`signals_interrupt`."""
_program: list[bool] = []
"""Non-empty when this process is the ``exporter`` program (:func:`as_the_program`)."""


class Interrupted(BaseException):
    """A signal asked the program to stop. Like KeyboardInterrupt, not an ``Exception``."""

    def __init__(self, signum: int) -> None:
        self.signum = signum
        self.name = signal.Signals(signum).name
        self.report: Any = None
        """What was done before the signal, when the interrupted function can tell."""
        super().__init__(f"interrupted by {self.name}")

    @property
    def status(self) -> int:
        """The exit status a shell gives a program this signal ended: 130 or 143."""
        return 128 + self.signum


@contextmanager
def signals_interrupt() -> Iterator[None]:
    """While inside, the first SIGINT or SIGTERM raises :class:`Interrupted`; the rest are ignored.

    Outside the main thread, where Python cannot set signal handlers, it does nothing.
    """
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    owner = os.getpid()

    def handle(signum: int, frame: FrameType | None) -> None:
        if os.getpid() != owner:  # a worker forked before it set its own handlers
            _as_a_worker(signum)
            return
        if not _received:
            _received.append(signum)
            raise Interrupted(signum)

    _received.clear()
    _finished.clear()
    previous = {signum: signal.signal(signum, handle) for signum in SIGNALS}
    try:
        yield
    finally:
        if not (_finished and _program):
            for signum, handler in previous.items():
                signal.signal(signum, handler)
        _received.clear()
        _finished.clear()


def finished() -> None:
    """The work is done and every file whole: from here SIGINT and SIGTERM are ignored.

    Call it inside :func:`signals_interrupt`, as the last step of the work that
    handles :class:`Interrupted`. They are ignored to the end of
    :func:`signals_interrupt`, or in the ``exporter`` program to its exit.
    """
    for signum in SIGNALS:
        signal.signal(signum, signal.SIG_IGN)
    _finished.append(True)


def as_the_program() -> None:
    """Say that this process is the ``exporter`` program, whose exit follows its command."""
    _program.append(True)


def check() -> None:
    """Raise :class:`Interrupted` if a signal has arrived (its first raise may have been lost).

    Call it only where the interruption is not being handled yet: in the work,
    not in the cleanup.
    """
    if _received:
        raise Interrupted(_received[0])


def end_children(timeout: float = 1.0) -> None:
    """Terminate this process's multiprocessing children still alive and wait for them.

    For a program stopping on a signal, after its pools are closed: a signal in
    the middle of starting a pool's worker can leave one its pool does not know.
    """
    import multiprocessing

    children = multiprocessing.active_children()
    for child in children:
        child.terminate()
    for child in children:
        child.join(timeout)
        if child.is_alive():
            child.kill()
            child.join()


def worker_signals(parent: int | None = None) -> None:
    """A pool worker's initialiser: SIGINT (a terminal's Ctrl-C) is the parent's to act on,
    SIGTERM ends the worker at once, and so does the end of ``parent`` (its pid), however
    it ends.

    A worker forked as a signal landed can be one its pool never learnt of, and a parent
    killed outright cleans nothing up: either way the worker would wait on its queue
    for ever, since it holds both ends of the queue's pipe itself.
    """
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    if parent is not None:
        threading.Thread(target=_end_with, args=(parent,), name="exporter-parent-watch",
                         daemon=True).start()


_PARENT_POLL = 0.25
"""Seconds between a worker's looks at its parent."""


def _end_with(parent: int) -> None:
    """End this process with SIGTERM once ``parent`` is no longer its parent.

    A look at the parent's pid, not Linux's parent-death signal, which follows the
    thread that forked the worker: a program's thread that made a pool and ended
    would take the workers with it.
    """
    while os.getppid() == parent:
        time.sleep(_PARENT_POLL)
    os.kill(os.getpid(), signal.SIGTERM)


def _as_a_worker(signum: int) -> None:
    worker_signals()
    if signum == signal.SIGTERM:
        os.kill(os.getpid(), signum)
