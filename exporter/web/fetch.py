"""Fetching web pages and feeds politely, within limits, through httpx.

Every fetch follows the same rules: only ``http`` and ``https``, at most
:data:`MAX_REDIRECTS` redirects (each checked again, so a redirect to ``file:``
or any other scheme is refused), a deadline for the whole response (not for
each read, so a server that dribbles cannot hold a run), a size cap on the
decoded body (the same input limit as files; a longer body is cut there and
refused), and a ``User-Agent`` naming exporter and its version. A 429 or 503 is
retried after the server's ``Retry-After`` (or an exponential backoff) a few
times; conditional GET uses a cached ``ETag`` / ``Last-Modified``. At most
:data:`PER_HOST` requests run at once against one host.

This is the only module that imports httpx.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from email.utils import parsedate_to_datetime
from typing import Any
from urllib.parse import urljoin, urlsplit

from ..config import DEFAULT_MAX_INPUT_BYTES
from ..errors import DependencyError, InputError
from ..version import __version__

MAX_REDIRECTS = 5
PER_HOST = 2
DEFAULT_TIMEOUT = 30.0
DEFAULT_CONNECTIONS = 8
USER_AGENT = f"exporter/{__version__}"
SCHEMES = ("http", "https")
_REDIRECTS = (301, 302, 303, 307, 308)
_RETRIED = (429, 503)


class FetchError(InputError):
    """A URL could not be fetched: the message names the URL and the reason."""


@dataclass(frozen=True, slots=True)
class Validators:
    """What a conditional GET sends back to the server: the cached copy's validators."""

    etag: str | None = None
    last_modified: str | None = None


@dataclass(frozen=True, slots=True)
class Response:
    """A fetched body (or a 304 answer: ``not_modified``, no body) and what describes it."""

    url: str
    """The URL asked for."""
    final_url: str
    """The URL after redirects: the document's source."""
    status: int
    content_type: str
    """The media type, lower case, without parameters; empty when the server sent none."""
    charset: str | None
    body: bytes
    etag: str | None = None
    last_modified: str | None = None

    @property
    def not_modified(self) -> bool:
        return self.status == 304


@dataclass(frozen=True, slots=True)
class FetchSettings:
    """The limits every fetch keeps; the defaults suit a daily digest."""

    timeout: float = DEFAULT_TIMEOUT
    """Seconds for one whole response, redirects included."""
    max_bytes: int = DEFAULT_MAX_INPUT_BYTES
    connections: int = DEFAULT_CONNECTIONS
    retries: int = 3
    """How many times a 429 or 503 is tried again."""
    backoff: float = 1.0
    """First wait after a 429/503 without ``Retry-After``; doubled each time."""
    longest_wait: float = 120.0
    """A ``Retry-After`` longer than this is not waited for: the fetch fails."""


def check_url(url: str) -> str:
    """``url`` stripped, if it is an absolute http(s) URL with a host; else :class:`FetchError`."""
    text = url.strip()
    try:
        parts = urlsplit(text)
        host = parts.hostname
        parts.port  # noqa: B018 - a bad port raises here
    except ValueError as error:
        raise FetchError(url, f"not a valid URL ({error})") from None
    if parts.scheme.lower() not in SCHEMES:
        scheme = repr(parts.scheme) if parts.scheme else "a relative URL"
        raise FetchError(url, f"only http and https URLs are fetched, not {scheme}")
    if not host:
        raise FetchError(url, "the URL has no host")
    if any(ord(c) < 33 or ord(c) == 127 for c in text):
        raise FetchError(url, "the URL contains spaces or control characters")
    return text


class Fetcher:
    """One HTTP client shared by every fetch of a run; safe to use from several threads."""

    def __init__(self, settings: FetchSettings | None = None) -> None:
        try:
            import httpx
        except ImportError:
            raise DependencyError("fetching URLs needs httpx: pip install httpx") from None
        self.settings = settings or FetchSettings()
        self._httpx = httpx
        limits = httpx.Limits(max_connections=self.settings.connections,
                              max_keepalive_connections=self.settings.connections)
        self._client = httpx.Client(
            follow_redirects=False, limits=limits, trust_env=False,
            timeout=httpx.Timeout(self.settings.timeout),
            headers={"User-Agent": USER_AGENT, "Accept-Encoding": "gzip, deflate"},
        )
        self._hosts: dict[str, threading.Semaphore] = {}
        self._lock = threading.Lock()
        self.requests = 0
        """Requests sent so far (redirects and retries included)."""

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self._client.close()

    def fetch(self, url: str, validators: Validators | None = None, *,
              accept: str = "text/html,application/xhtml+xml,text/plain;q=0.8,*/*;q=0.5",
              ) -> Response:
        """GET ``url`` under the rules above; :class:`FetchError` naming ``url`` when it fails.

        With ``validators``, the request is conditional and a 304 answer comes back
        as a :class:`Response` whose ``not_modified`` is true.
        """
        current = check_url(url)
        deadline = time.monotonic() + self.settings.timeout
        for _ in range(MAX_REDIRECTS + 1):
            response, location = self._follow(url, current, validators, accept, deadline)
            if location is None:
                assert response is not None
                return response
            target = urljoin(current, location)
            if urlsplit(target).scheme.lower() not in SCHEMES:
                raise FetchError(url, f"redirected to a {urlsplit(target).scheme or 'relative'}: "
                                      "URL, which is never followed")
            current = check_url(target)
        raise FetchError(url, f"more than {MAX_REDIRECTS} redirects")

    def _follow(self, url: str, current: str, validators: Validators | None, accept: str,
                deadline: float) -> tuple[Response | None, str | None]:
        """One URL of a redirect chain, retried on 429/503: its response, or where it points."""
        headers = {"Accept": accept}
        if validators is not None:
            if validators.etag:
                headers["If-None-Match"] = validators.etag
            if validators.last_modified:
                headers["If-Modified-Since"] = validators.last_modified
        for attempt in range(self.settings.retries + 1):
            with self._host_slot(current):
                status, head, body = self._get(url, current, headers, deadline)
            if status in _REDIRECTS:
                location = head.get("location")
                if not location:
                    raise FetchError(url, f"HTTP {status} redirect without a Location")
                return None, location
            if status in _RETRIED and attempt < self.settings.retries:
                wait = _retry_after(head.get("retry-after"), self.settings.backoff * 2 ** attempt)
                if wait > self.settings.longest_wait:
                    raise FetchError(url, f"HTTP {status}, asked to retry after {wait:.0f} s")
                if time.monotonic() + wait > deadline:
                    raise FetchError(url, f"HTTP {status}, and no time left to retry "
                                          f"within {self.settings.timeout:g} s")
                time.sleep(wait)
                continue
            if status == 304 and validators is not None:
                return Response(url, current, 304, "", None, b"",
                                validators.etag, validators.last_modified), None
            if status >= 400:
                raise FetchError(url, f"HTTP {status} {_reason(status)}")
            if status != 200:
                raise FetchError(url, f"unexpected HTTP {status} {_reason(status)}")
            media, charset = _content_type(head.get("content-type", ""))
            return Response(url, current, status, media, charset, body,
                            head.get("etag"), head.get("last-modified")), None
        raise FetchError(url, "gave up retrying")  # not reached: the last attempt returns

    def _get(self, url: str, current: str, headers: dict[str, str],
             deadline: float) -> tuple[int, dict[str, str], bytes]:
        """Status, headers and body (empty unless 200) of one GET, within the deadline."""
        httpx = self._httpx
        left = deadline - time.monotonic()
        if left <= 0:
            raise FetchError(url, f"timed out after {self.settings.timeout:g} s")
        with self._lock:
            self.requests += 1
        try:
            with self._client.stream("GET", current, headers=headers,
                                     timeout=httpx.Timeout(left)) as response:
                head = {k.lower(): v for k, v in response.headers.items()}
                if response.status_code != 200:
                    return response.status_code, head, b""
                return 200, head, self._read_body(url, response, head, deadline)
        except httpx.TimeoutException:
            raise FetchError(url, f"timed out after {self.settings.timeout:g} s") from None
        except httpx.DecodingError:
            raise FetchError(url, "the server sent a body that does not decompress") from None
        except httpx.HTTPError as error:
            raise FetchError(url, f"cannot fetch: {_network_reason(error)}") from None

    def _read_body(self, url: str, response: Any, head: dict[str, str],
                   deadline: float) -> bytes:
        limit = self.settings.max_bytes
        declared = head.get("content-length", "")
        if declared.isdigit() and int(declared) > limit and not head.get("content-encoding"):
            raise FetchError(url, f"is {_human(int(declared))}, over the {_human(limit)} input "
                                  "limit (raise max_input_bytes in exporter.toml to allow it)")
        chunks: list[bytes] = []
        size = 0
        for chunk in response.iter_bytes():
            size += len(chunk)
            if size > limit:
                raise FetchError(url, f"is over the {_human(limit)} input limit (cut there; "
                                      "raise max_input_bytes in exporter.toml to allow more)")
            chunks.append(chunk)
            if time.monotonic() > deadline:
                raise FetchError(url, f"timed out after {self.settings.timeout:g} s")
        return b"".join(chunks)

    @contextmanager
    def _host_slot(self, url: str) -> Iterator[None]:
        host = (urlsplit(url).hostname or "").lower()
        with self._lock:
            slot = self._hosts.setdefault(host, threading.Semaphore(PER_HOST))
        with slot:
            yield


def _content_type(value: str) -> tuple[str, str | None]:
    """``text/html; charset=ISO-8859-1`` -> ``("text/html", "iso-8859-1")``."""
    media, _, rest = value.partition(";")
    charset = None
    for parameter in rest.split(";"):
        name, _, setting = parameter.partition("=")
        if name.strip().lower() == "charset":
            charset = setting.strip().strip("\"'").lower() or None
    return media.strip().lower(), charset


def _retry_after(value: str | None, fallback: float) -> float:
    """Seconds to wait from a ``Retry-After`` header (seconds or an HTTP date)."""
    if not value:
        return fallback
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return fallback
    return max(0.0, when.timestamp() - time.time())


def _reason(status: int) -> str:
    from http import HTTPStatus

    try:
        return HTTPStatus(status).phrase
    except ValueError:
        return ""


def _network_reason(error: Exception) -> str:
    """The innermost cause of a network error, in a few words."""
    cause: BaseException = error
    while cause.__cause__ is not None or cause.__context__ is not None:
        cause = cause.__cause__ or cause.__context__  # type: ignore[assignment]
    text = getattr(cause, "strerror", None) or str(cause) or type(cause).__name__
    return " ".join(str(text).split())


def _human(size: int) -> str:
    for unit, scale in (("GB", 1e9), ("MB", 1e6), ("kB", 1e3)):
        if size >= scale:
            return f"{size / scale:.1f} {unit}"
    return f"{size} bytes"
