"""Pictures for ``--images``: fetched under the page rules, re-encoded to a size budget.

Only this module fetches pictures, and only when a user asks for them. Each one
is fetched like a page (http/https only, redirects checked, deadline, size cap),
must be a picture Pillow reads (PNG, JPEG, GIF, WebP; never SVG, whose markup
could fetch), and is re-encoded: metadata (EXIF, GPS) dropped, at most
:data:`LONGEST_SIDE` pixels, JPEG (PNG when it has transparency and fits), and
under the budget, lowering quality first and size second. A picture that cannot
be had is a notice, never the article's failure.
"""

from __future__ import annotations

import dataclasses
import io
import logging
import warnings
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .model import Document, ImageRef, Picture

if TYPE_CHECKING:
    from .config import Options
    from .web.fetch import Fetcher

log = logging.getLogger("exporter")

DEFAULT_BUDGET = 200_000
"""Bytes per picture after re-encoding (``--image-budget``)."""
LONGEST_SIDE = 1600
MAX_PICTURE_BYTES = 20_000_000
"""A fetched picture larger than this is not read at all."""
MAX_PIXELS = 40_000_000
"""A picture declaring more pixels is refused before it is decoded (a decompression bomb)."""
_ACCEPT = "image/avif;q=0.1,image/webp,image/png,image/jpeg,image/gif;q=0.8"
_QUALITIES = (85, 75, 65, 55, 45)
_SMALLEST_SIDE = 64


class PictureError(ValueError):
    """A fetched body that is not a picture exporter keeps; the message says why."""


@dataclass(frozen=True, slots=True)
class Encoded:
    data: bytes
    media_type: str
    width: int
    height: int


def encode_picture(body: bytes, budget: int = DEFAULT_BUDGET) -> Encoded:
    """``body`` re-encoded as JPEG or PNG of at most ``budget`` bytes; :class:`PictureError`."""
    from PIL import Image, UnidentifiedImageError

    if budget < 1_000:
        raise PictureError(f"an image budget of {budget} bytes is too small to keep a picture")
    try:
        with warnings.catch_warnings():
            # The size is checked below, before anything is decoded.
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            probe = Image.open(io.BytesIO(body))
        with probe:
            kind = probe.format or ""
            width, height = probe.size
            if kind not in ("PNG", "JPEG", "GIF", "WEBP", "MPO"):
                raise PictureError(f"{kind or 'this format'} is not a picture format kept")
            if width * height > MAX_PIXELS:
                raise PictureError(f"{width}×{height} pixels is more than a picture needs")
            probe.seek(0)  # the first frame of an animation
            image = probe.convert("RGBA")
    except PictureError:
        raise
    except (UnidentifiedImageError, OSError, ValueError, Image.DecompressionBombError,
            EOFError, SyntaxError) as error:
        raise PictureError(f"not a readable picture ({type(error).__name__})") from None
    if min(image.size) < 2:
        raise PictureError("a picture of a pixel or less")
    image.thumbnail((LONGEST_SIDE, LONGEST_SIDE), Image.Resampling.LANCZOS)
    alpha = image.getchannel("A").getextrema()
    transparent = alpha[0] < 255  # type: ignore[operator]
    if transparent:
        png = _png(image)
        if len(png) <= budget:
            return Encoded(png, "image/png", *image.size)
    flat = Image.new("RGB", image.size, "white")
    flat.paste(image, mask=image.getchannel("A"))
    while True:
        for quality in _QUALITIES:
            data = _jpeg(flat, quality)
            if len(data) <= budget:
                return Encoded(data, "image/jpeg", *flat.size)
        if min(flat.size) <= _SMALLEST_SIDE:
            raise PictureError(f"does not fit in {budget} bytes")
        flat = flat.resize((max(1, flat.width * 3 // 4), max(1, flat.height * 3 // 4)),
                           Image.Resampling.LANCZOS)


def _jpeg(image: object, quality: int) -> bytes:
    out = io.BytesIO()
    image.save(out, "JPEG", quality=quality, optimize=True, progressive=False)  # type: ignore[attr-defined]
    return out.getvalue()


def _png(image: object) -> bytes:
    out = io.BytesIO()
    image.save(out, "PNG", optimize=True)  # type: ignore[attr-defined]
    return out.getvalue()


def fetch_pictures(refs: Sequence[ImageRef], fetcher: Fetcher, *, budget: int = DEFAULT_BUDGET,
                   source: str = "") -> tuple[Picture, ...]:
    """The pictures of ``refs`` that can be fetched and kept, in order; notices for the rest."""
    from .web.fetch import FetchError

    kept: list[Picture] = []
    for ref in refs:
        try:
            response = fetcher.fetch(ref.url, accept=_ACCEPT)
            if len(response.body) > MAX_PICTURE_BYTES:
                raise PictureError(f"is over {MAX_PICTURE_BYTES // 1_000_000} MB")
            encoded = encode_picture(response.body, budget)
        except (FetchError, PictureError) as error:
            log.warning("%s: picture %s left out: %s", source or "article", ref.url,
                        str(error).removeprefix(ref.url + ": "))
            continue
        kept.append(Picture(encoded.data, encoded.media_type, encoded.width, encoded.height,
                            alt=ref.alt, caption=ref.caption, lead=ref.lead))
    return tuple(kept)


def with_pictures(document: Document, options: Options,
                  fetcher: Fetcher | None = None) -> Document:
    """``document`` with its pictures when ``options.images`` asks for them (else as it is).

    Only the addresses the reader noted (``document.image_refs``) are fetched, with
    ``fetcher`` or a client of its own under the options' input limit.
    """
    if not options.images or not document.image_refs or document.pictures:
        return document
    from .web.fetch import Fetcher, FetchSettings

    source = document.source or document.source_url or "article"
    if fetcher is not None:
        pictures = fetch_pictures(document.image_refs, fetcher, budget=options.image_budget,
                                  source=source)
    else:
        settings = FetchSettings(max_bytes=min(options.max_input_bytes, MAX_PICTURE_BYTES))
        with Fetcher(settings) as own:
            pictures = fetch_pictures(document.image_refs, own, budget=options.image_budget,
                                      source=source)
    return dataclasses.replace(document, pictures=pictures)
