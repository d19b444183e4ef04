"""Where an HTML page's pictures are: its lead image and the figures of its article.

Only addresses are noted here, never fetched: a page's markup never makes anything
fetch. ``exporter … --images`` is the one opt-in that fetches them
(:mod:`exporter.images`), under the rules every page fetch keeps.
"""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import urljoin, urlsplit

from ..model import ImageRef

MAX_FIGURES = 6
_SPACE = re.compile(r"\s+")
_SRCSET_ITEM = re.compile(r"\s*(\S+?)(?:\s+(\d+)w|\s+[\d.]+x)?\s*(?:,|$)")
_LEAD_PROPERTIES = ("og:image", "og:image:url", "og:image:secure_url", "twitter:image",
                    "twitter:image:src")
_ALT_PROPERTIES = ("og:image:alt", "twitter:image:alt")
_LARGEST_SRCSET = 1600  # pixels: wider candidates of a srcset only cost bytes


def find_images(page: str, base_url: str | None) -> tuple[ImageRef, ...]:
    """The page's lead image, then up to :data:`MAX_FIGURES` figures of its article.

    Relative addresses are resolved against ``base_url`` (a page read from a file
    has none, so only its absolute http(s) addresses count). ``data:`` and other
    schemes, tiny images (tracking pixels) and repeats are left out.
    """
    import lxml.html

    try:
        tree = lxml.html.fromstring(page)
    except (ValueError, TypeError, lxml.etree.ParserError):
        return ()
    found: list[ImageRef] = []
    seen: set[str] = set()
    lead = _lead(tree, base_url)
    figures = list(_figures(tree, base_url))
    if lead is not None:
        # The lead is usually also a figure of the article: take its caption from there.
        twin = next((f for f in figures if _same_picture(f.url, lead.url)), None)
        if twin is not None:
            lead = ImageRef(lead.url, lead.alt or twin.alt, twin.caption, lead=True)
        found.append(lead)
        seen.add(_key(lead.url))
    for figure in figures:
        key = _key(figure.url)
        if key in seen or len(found) > MAX_FIGURES or (
                lead is not None and _same_picture(figure.url, lead.url)):
            continue
        seen.add(key)
        found.append(figure)
    return tuple(found)


def _lead(tree: Any, base_url: str | None) -> ImageRef | None:
    content: dict[str, str] = {}
    for meta in tree.iter("meta"):
        name = (meta.get("property") or meta.get("name") or "").strip().lower()
        value = _text(meta.get("content"))
        if name and value and name not in content:
            content[name] = value
    for name in _LEAD_PROPERTIES:
        url = _absolute(content.get(name), base_url)
        if url:
            alt = next((content[n] for n in _ALT_PROPERTIES if content.get(n)), "")
            return ImageRef(url, alt, lead=True)
    return None


def _figures(tree: Any, base_url: str | None) -> Any:
    scope = _article_scope(tree)
    for figure in scope.iter("figure", "picture"):
        if figure.tag == "picture" and figure.getparent() is not None and any(
                a.tag == "figure" for a in figure.iterancestors()):
            continue  # counted with its figure
        image = next(figure.iter("img"), None)
        if image is None or _tiny(image):
            continue
        url = _absolute(_source(image), base_url)
        if not url:
            continue
        caption = next(figure.iter("figcaption"), None)
        caption_text = _text(caption.text_content()) if caption is not None else ""
        alt = _text(image.get("alt")) or caption_text
        yield ImageRef(url, alt, caption_text or None)


def _article_scope(tree: Any) -> Any:
    for tag in ("article", "main"):
        element = next(tree.iter(tag), None)
        if element is not None:
            return element
    return tree


def _source(image: Any) -> str | None:
    """The image's address: the largest srcset candidate up to 1600 px wide, else ``src``."""
    srcset = image.get("srcset") or image.get("data-srcset") or ""
    best, best_width = None, -1
    for match in _SRCSET_ITEM.finditer(srcset):
        url, width = match.group(1), int(match.group(2) or 0)
        if url and best_width < width <= _LARGEST_SRCSET:
            best, best_width = url, width
    src = image.get("src") or image.get("data-src")
    if src and not src.strip().lower().startswith("data:"):
        return best if best_width > 0 else src
    return best


def _tiny(image: Any) -> bool:
    for name in ("width", "height"):
        value = (image.get(name) or "").strip().removesuffix("px")
        if value.isdigit() and int(value) < 16:
            return True
    return False


def _absolute(url: str | None, base_url: str | None) -> str | None:
    """``url`` resolved against ``base_url``, if the fetcher would take it; else ``None``."""
    from ..web.fetch import FetchError, check_url

    if not url:
        return None
    try:
        return check_url(urljoin(base_url, url.strip()) if base_url else url)
    except (ValueError, FetchError):
        return None


def _key(url: str) -> str:
    parts = urlsplit(url)
    return f"{(parts.hostname or '').lower()}{parts.path}"


def _same_picture(a: str, b: str) -> bool:
    """Two addresses of one picture: the same path, or the same file name (resized copies)."""
    return _key(a) == _key(b) or urlsplit(a).path.rsplit("/", 1)[-1] == \
        urlsplit(b).path.rsplit("/", 1)[-1]


def _text(value: str | None) -> str:
    return _SPACE.sub(" ", value or "").strip()
