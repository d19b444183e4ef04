"""Pictures for --images: found in the page, fetched under the page rules, re-encoded to a budget."""

from __future__ import annotations

import io
import logging
import random

import pytest
import webserver
from PIL import Image
from webserver import WebServer

from exporter.images import PictureError, encode_picture, fetch_pictures
from exporter.model import ImageRef
from exporter.readers.images import find_images
from exporter.web.fetch import Fetcher, FetchSettings

web = webserver.web

PAGE = """<html><head>
<meta property="og:image" content="/media/quay-1200.jpg">
<meta property="og:image:alt" content="Fishing boats at the quay at dawn">
</head><body>
<nav><img src="/logo.png" alt="Logo"></nav>
<article>
<figure><img src="/media/small/quay-1200.jpg" alt=""><figcaption>The quay, before the repairs.
 (Photo: Harbour Desk)</figcaption></figure>
<p>The ferry returns in the autumn.</p>
<figure><picture><source srcset="/m/map.webp"><img srcset="/m/map-400.png 400w, /m/map-1200.png 1200w, /m/map-4000.png 4000w" src="/m/map.png" alt="Map of the crossing"></picture></figure>
<figure><img src="data:image/png;base64,iVBORw0KGgo=" alt="inline"></figure>
<figure><img src="/pixel.gif" width="1" height="1"></figure>
<figure><img src="javascript:alert(1)"></figure>
<figure><img src="/media/quay-1200.jpg?w=300"></figure>
</article></body></html>"""


def test_the_lead_image_comes_first_with_the_figures_caption() -> None:
    refs = find_images(PAGE, "https://news.example.org/2026/ferry")
    assert [r.url for r in refs] == ["https://news.example.org/media/quay-1200.jpg",
                                     "https://news.example.org/m/map-1200.png"]
    lead, figure = refs
    assert lead.lead and not figure.lead
    assert lead.alt == "Fishing boats at the quay at dawn"
    assert lead.caption == "The quay, before the repairs. (Photo: Harbour Desk)"
    assert figure.alt == "Map of the crossing" and figure.caption is None


def test_a_page_read_from_a_file_keeps_only_absolute_http_addresses() -> None:
    page = ('<article><figure><img src="/rel.jpg"></figure><figure><img '
            'src="file:///etc/passwd"></figure><figure><img src="https://cdn.example.net/a.jpg" '
            'alt="A"></figure></article>')
    assert [r.url for r in find_images(page, None)] == ["https://cdn.example.net/a.jpg"]


def test_no_figures_no_pictures_and_broken_markup_is_not_an_error() -> None:
    assert find_images("<p>Nothing to see</p>", "https://example.org/") == ()
    assert find_images("", "https://example.org/") == ()
    assert find_images("<<<>>>\x00", None) == ()


def _noise(width: int, height: int, mode: str = "RGB", seed: int = 1) -> Image.Image:
    rng = random.Random(seed)
    raw = rng.randbytes(width * height * len(mode))
    return Image.frombytes(mode, (width, height), raw)


def _bytes(image: Image.Image, kind: str, **save: object) -> bytes:
    out = io.BytesIO()
    image.save(out, kind, **save)
    return out.getvalue()


def test_a_large_noisy_photo_is_brought_under_the_budget_without_its_metadata() -> None:
    photo = _noise(2400, 1600)
    exif = Image.Exif()
    exif[0x010F] = "CameraMaker"  # Make
    body = _bytes(photo, "JPEG", quality=95, exif=exif.tobytes())
    assert len(body) > 1_000_000
    encoded = encode_picture(body, 200_000)
    assert encoded.media_type == "image/jpeg" and len(encoded.data) <= 200_000
    assert max(encoded.width, encoded.height) <= 1600
    with Image.open(io.BytesIO(encoded.data)) as back:
        assert back.size == (encoded.width, encoded.height)
        assert not back.getexif()
    assert b"CameraMaker" not in encoded.data


def test_transparency_stays_png_when_it_fits_else_is_flattened_on_white() -> None:
    logo = Image.new("RGBA", (300, 120), (0, 0, 0, 0))
    logo.paste((200, 30, 30, 255), (20, 20, 120, 100))
    encoded = encode_picture(_bytes(logo, "PNG"), 200_000)
    assert encoded.media_type == "image/png"
    noisy = _noise(900, 900, "RGBA", seed=3)
    flattened = encode_picture(_bytes(noisy, "PNG"), 50_000)
    assert flattened.media_type == "image/jpeg" and len(flattened.data) <= 50_000


@pytest.mark.parametrize("body, reason", [
    (b'<svg xmlns="http://www.w3.org/2000/svg"><image href="http://x/"/></svg>', "not a readable"),
    (b"<html><body>Not found</body></html>", "not a readable"),
    (b"", "not a readable"),
])
def test_what_is_not_a_raster_picture_is_refused(body: bytes, reason: str) -> None:
    with pytest.raises(PictureError, match=reason):
        encode_picture(body)


def test_a_decompression_bomb_is_refused_before_it_is_decoded() -> None:
    huge = Image.new("1", (10_000, 10_000))
    body = _bytes(huge, "PNG")
    assert len(body) < 100_000
    with pytest.raises(PictureError, match="more than a picture needs"):
        encode_picture(body)


def test_an_animation_keeps_its_first_frame() -> None:
    frames = [Image.new("RGB", (64, 64), colour) for colour in ("red", "blue")]
    body = _bytes(frames[0], "GIF", save_all=True, append_images=frames[1:])
    encoded = encode_picture(body)
    with Image.open(io.BytesIO(encoded.data)) as back:
        red, green, blue = back.convert("RGB").getpixel((32, 32))
    assert red > 200 and blue < 60


def test_pictures_are_fetched_under_the_page_rules(web: WebServer,
                                                   caplog: pytest.LogCaptureFixture) -> None:
    good = _bytes(_noise(800, 500), "JPEG", quality=90)
    web.add("/a.jpg", good, "image/jpeg")
    web.add("/page.html", "<p>not a picture</p>")
    web.add("/away", b"", "", status=302, headers={"Location": "file:///etc/passwd"})
    refs = [ImageRef(web.url("/a.jpg"), "Boats", "Caption", lead=True),
            ImageRef(web.url("/missing.jpg"), ""), ImageRef(web.url("/page.html"), ""),
            ImageRef(web.url("/away"), "")]
    with caplog.at_level(logging.WARNING, "exporter"), \
            Fetcher(FetchSettings(timeout=5)) as fetcher:
        pictures = fetch_pictures(refs, fetcher, budget=60_000, source="story")
    assert len(pictures) == 1
    picture = pictures[0]
    assert (picture.alt, picture.caption, picture.lead) == ("Boats", "Caption", True)
    assert len(picture.data) <= 60_000 and picture.media_type == "image/jpeg"
    notes = [r.getMessage() for r in caplog.records]
    assert len(notes) == 3 and all(n.startswith("story: picture ") for n in notes)
    assert "HTTP 404" in notes[0] and "not a readable picture" in notes[1]
    assert "file" in notes[2]
    assert web.hits("/a.jpg")[0].headers["accept"].startswith("image/")
