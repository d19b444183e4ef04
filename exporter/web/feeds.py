"""Feeds: RSS 2.0 and Atom through feedparser, JSON Feed and OPML lists of feeds.

feedparser is given the feed's bytes (as a stream), never a URL or a file
name, so parsing fetches nothing; its HTML sanitiser cleans each item's
content, which is read by the HTML reader and never becomes markup as such.
feedparser 6 does not read JSON Feed (jsonfeed.org, versions 1 and 1.1): it is
read here, its ``content_text`` escaped into paragraphs. OPML is read with
defusedxml, so an entity bomb or an external entity in a subscription list is
refused, not expanded.
"""

from __future__ import annotations

import calendar
import html
import io
import json
import re
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any
from urllib.parse import urljoin

from ..errors import InputError
from ..textclean import clean_inline

_OPML = re.compile(rb"\A(?:\xef\xbb\xbf)?\s*(?:<\?xml[^>]*\?>\s*)?(?:<!--.*?-->\s*)*<opml\b",
                   re.S | re.I)


@dataclass(frozen=True, slots=True)
class Item:
    """One entry of a feed."""

    key: str
    """What identifies the item across runs: its guid/id, else its link, else its title."""
    link: str | None
    title: str
    published: datetime | None
    content: str | None
    """The item's own HTML (full content, else its summary), sanitised by feedparser."""


@dataclass(frozen=True, slots=True)
class Feed:
    """A parsed feed: its title and items, newest first when they are dated."""

    url: str
    title: str
    items: tuple[Item, ...]


def is_opml(body: bytes) -> bool:
    """True when ``body`` is an OPML document (a list of feeds)."""
    return bool(_OPML.match(body[:4096]))


def opml_feeds(body: bytes, source: str) -> list[str]:
    """The feed URLs an OPML document lists (``xmlUrl`` of its outlines, at any depth)."""
    from defusedxml import ElementTree
    from defusedxml.common import DefusedXmlException

    try:
        root = ElementTree.fromstring(body)
    except (ElementTree.ParseError, DefusedXmlException) as error:
        raise InputError(source, f"not a readable OPML file ({error})") from None
    urls = [outline.get("xmlUrl") or outline.get("xmlurl") or ""
            for outline in root.iter("outline")]
    found = list(dict.fromkeys(u.strip() for u in urls if u.strip()))
    if not found:
        raise InputError(source, "the OPML file lists no feeds (no outline with an xmlUrl)")
    return found


def parse_feed(body: bytes, url: str) -> Feed:
    """The feed in ``body`` (RSS, Atom or JSON Feed); :class:`InputError` naming ``url``
    when it is none of them."""
    if body.lstrip()[:1] == b"{" or body.startswith(b"\xef\xbb\xbf{"):
        return _json_feed(body, url)
    import feedparser

    parsed: Any = feedparser.parse(io.BytesIO(body), response_headers={"content-location": url})
    version = parsed.get("version") or ""
    if not version and not parsed.entries:
        reason = parsed.get("bozo_exception")
        detail = f" ({' '.join(str(reason).split())})" if reason else ""
        raise InputError(url, f"not an RSS, Atom or JSON feed{detail}")
    title = _feed_title(str(parsed.feed.get("title") or ""), url)
    items = [item for item in (_item(entry, url) for entry in parsed.entries) if item]
    return Feed(url, title, _newest_first(items))


def _feed_title(title: str, url: str) -> str:
    """The feed's title as the digest's section shows it (clean text), else its address."""
    return clean_inline(" ".join(title.split())) or url


def _item(entry: Any, feed_url: str) -> Item | None:
    link = entry.get("link") or None
    if link:
        link = urljoin(feed_url, str(link).strip())
    title = " ".join(str(entry.get("title") or "").split())
    key = str(entry.get("id") or link or title).strip()
    if not key:
        return None
    content = None
    for part in entry.get("content") or ():
        if part.get("value", "").strip():
            content = part["value"]
            break
    content = content or entry.get("summary") or None
    return Item(key, link, title, _published(entry), content)


def _published(entry: Any) -> datetime | None:
    for name in ("published_parsed", "updated_parsed", "created_parsed"):
        value = entry.get(name)
        if value:
            try:
                return datetime.fromtimestamp(calendar.timegm(value), tz=UTC)
            except (OverflowError, ValueError, OSError):
                continue
    return None


def _json_feed(body: bytes, url: str) -> Feed:
    try:
        data = json.loads(body.decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise InputError(url, f"not a readable JSON feed ({error})") from None
    if not isinstance(data, dict) or not str(data.get("version", "")).startswith(
            "https://jsonfeed.org/version/"):
        raise InputError(url, "not a JSON feed (no jsonfeed.org version)")
    entries = data.get("items")
    if not isinstance(entries, list):
        raise InputError(url, "the JSON feed has no items list")
    items = []
    for entry in entries:
        if not isinstance(entry, dict):
            continue
        given = _text(entry.get("url")) or _text(entry.get("external_url"))
        link = urljoin(url, given) if given else None
        title = " ".join(_text(entry.get("title")).split())
        key = _text(entry.get("id")) or link or title
        if not key:
            continue
        content: str | None = _text(entry.get("content_html")) or None
        if content is None and _text(entry.get("content_text")):
            content = "".join(f"<p>{html.escape(p)}</p>"
                              for p in re.split(r"\n\s*\n", _text(entry.get("content_text"))))
        published = _iso(entry.get("date_published")) or _iso(entry.get("date_modified"))
        items.append(Item(key, link, title, published, content or _text(entry.get("summary"))
                          or None))
    title = _feed_title(_text(data.get("title")), url)
    return Feed(url, title, _newest_first(items))


def _newest_first(items: list[Item]) -> tuple[Item, ...]:
    """Dated items newest first, then the undated ones in the feed's order."""
    dated = [i for i in items if i.published is not None]
    dated.sort(key=lambda i: i.published or datetime.min.replace(tzinfo=UTC), reverse=True)
    return tuple(dated + [i for i in items if i.published is None])


def _text(value: object) -> str:
    return value.strip() if isinstance(value, str) else ""


def _iso(value: object) -> datetime | None:
    if not isinstance(value, str):
        return None
    try:
        when = datetime.fromisoformat(value.strip())
    except ValueError:
        return None
    return when if when.tzinfo else when.replace(tzinfo=UTC)
