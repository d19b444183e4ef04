"""An on-disk HTTP cache for conditional GET: the last body of each URL and its validators.

Each URL has two files named by the SHA-256 of the URL: ``.json`` (the final
URL, media type, charset, ETag, Last-Modified) and ``.body``. Both are written
atomically, body first, so a reader never pairs a new description with an old
body. A damaged entry is treated as absent.
"""

from __future__ import annotations

import hashlib
import json
import threading
from dataclasses import dataclass, field
from pathlib import Path

from ..files import write_atomically
from .fetch import Fetcher, Response, Validators


def default_cache_dir() -> Path:
    """``exporter/web`` under the user's cache folder (``~/.cache`` on Linux)."""
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("exporter")) / "web"


@dataclass
class CacheStats:
    """What a run's fetches did: bodies downloaded, and 304 answers served from the cache."""

    fetched: int = 0
    unchanged: int = 0
    unchanged_urls: set[str] = field(default_factory=set)


class Cache:
    """Responses by URL in ``folder``; :meth:`fetch` makes every GET conditional."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.stats = CacheStats()
        self._lock = threading.Lock()

    def _paths(self, url: str) -> tuple[Path, Path]:
        name = hashlib.sha256(url.encode("utf-8", "surrogatepass")).hexdigest()
        return self.folder / f"{name}.json", self.folder / f"{name}.body"

    def get(self, url: str) -> Response | None:
        """The cached response of ``url``, or None."""
        meta_path, body_path = self._paths(url)
        try:
            meta = json.loads(meta_path.read_text("utf-8"))
            body = body_path.read_bytes()
        except (OSError, ValueError):
            return None
        if not isinstance(meta, dict) or meta.get("url") != url or meta.get("size") != len(body):
            return None
        return Response(url, str(meta.get("final_url") or url), 200,
                        str(meta.get("content_type") or ""), meta.get("charset"), body,
                        meta.get("etag"), meta.get("last_modified"))

    def put(self, response: Response) -> None:
        """Keep ``response`` when it has a validator to send next time."""
        if not (response.etag or response.last_modified) or response.status != 200:
            return
        meta_path, body_path = self._paths(response.url)
        write_atomically(body_path, response.body, private=True)
        meta = {"url": response.url, "final_url": response.final_url,
                "content_type": response.content_type, "charset": response.charset,
                "etag": response.etag, "last_modified": response.last_modified,
                "size": len(response.body)}
        write_atomically(meta_path, json.dumps(meta).encode("utf-8"), private=True)

    def fetch(self, fetcher: Fetcher, url: str, **kwargs: str) -> Response:
        """GET ``url`` conditionally; a 304 answer gives the cached response back."""
        cached = self.get(url)
        validators = Validators(cached.etag, cached.last_modified) if cached else None
        response = fetcher.fetch(url, validators, **kwargs)
        if response.not_modified and cached is not None:
            with self._lock:
                self.stats.unchanged += 1
                self.stats.unchanged_urls.add(url)
            return cached
        with self._lock:
            self.stats.fetched += 1
        self.put(response)
        return response
