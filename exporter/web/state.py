"""What a scheduled digest remembers between runs, and the lock that keeps runs apart.

The state file (JSON, written atomically) holds, per feed, the keys of the
items already delivered and the date of the newest of them: a run takes only
items newer than that date (or, for a feed never delivered, newer than
``--since``) and never an item it delivered before. The lock is an exclusive
``flock`` on a file beside the state, taken without waiting: a second run that
overlaps the first stops at once instead of sending the same digest twice.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from ..errors import ExporterError, InputError
from ..files import write_atomically

KEPT_KEYS = 2000
"""Delivered item keys remembered per feed (the newest); older ones have left every feed."""


class Busy(ExporterError):
    """Another run holds the lock."""


@dataclass
class FeedState:
    delivered: list[str] = field(default_factory=list)
    newest: datetime | None = None


@dataclass
class State:
    """Per feed URL, what was delivered."""

    feeds: dict[str, FeedState] = field(default_factory=dict)

    def feed(self, url: str) -> FeedState:
        return self.feeds.setdefault(url, FeedState())

    def deliver(self, url: str, key: str, published: datetime | None) -> None:
        """Remember that the item ``key`` of feed ``url`` has been delivered."""
        feed = self.feed(url)
        if key not in feed.delivered:
            feed.delivered.append(key)
            del feed.delivered[:-KEPT_KEYS]
        if published is not None and (feed.newest is None or published > feed.newest):
            feed.newest = published


def load_state(path: Path) -> State:
    """The state in ``path`` (an empty one when there is no file yet)."""
    try:
        data = json.loads(path.read_text("utf-8"))
    except FileNotFoundError:
        return State()
    except (OSError, ValueError) as error:
        raise InputError(str(path), f"cannot read the digest's state ({error}); "
                                    "move it away to start afresh") from None
    state = State()
    feeds = data.get("feeds") if isinstance(data, dict) else None
    for url, entry in (feeds or {}).items():
        if not isinstance(entry, dict):
            continue
        newest = entry.get("newest")
        try:
            when = datetime.fromisoformat(newest) if isinstance(newest, str) else None
        except ValueError:
            when = None
        keys = [k for k in entry.get("delivered", []) if isinstance(k, str)]
        state.feeds[str(url)] = FeedState(keys[-KEPT_KEYS:], when)
    return state


def save_state(path: Path, state: State) -> None:
    """Write ``state`` to ``path`` atomically."""
    data = {"version": 1, "feeds": {
        url: {"delivered": feed.delivered,
              "newest": feed.newest.isoformat() if feed.newest else None}
        for url, feed in sorted(state.feeds.items())}}
    write_atomically(path, json.dumps(data, ensure_ascii=False, indent=1).encode("utf-8"),
                     private=True)


@contextmanager
def run_lock(path: Path) -> Iterator[None]:
    """Hold an exclusive lock on ``path`` for the block; :class:`Busy` if another run has it."""
    import fcntl

    path.parent.mkdir(parents=True, exist_ok=True)
    handle = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
    try:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise Busy(f"{path}: another digest run holds the lock; not running twice") from None
        os.ftruncate(handle, 0)
        os.write(handle, f"{os.getpid()}\n".encode())
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)
    finally:
        os.close(handle)
