"""The cover image: the digest's title, date and article count drawn with Pillow.

The title is drawn in DejaVu Sans (from :mod:`exporter.fonts`), which covers
Latin, Greek, Cyrillic, Armenian, Georgian, Hebrew and Arabic; with Pillow's
Raqm layout engine Arabic and Hebrew are shaped and laid out right to left. A
title with letters DejaVu Sans lacks (Chinese, Bengali...) is drawn whole in an
installed system font that has them all; without one, those letters are left out. The
image is a PNG without timestamps, so the same title gives the same bytes.
"""

from __future__ import annotations

import importlib.util
import io
import logging
import unicodedata
from dataclasses import dataclass
from datetime import date
from functools import cache, partial
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont, features

from ...errors import DependencyError
from ...labels import labels_for
from ...linebreak import break_lines
from ...textfit import cut_to_fit

log = logging.getLogger(__name__)

WIDTH, HEIGHT = 1200, 1800
MARGIN = 110
BACKGROUND = (24, 52, 84)
BAND = (222, 170, 62)
INK = (255, 255, 255)
MUTED = (205, 217, 230)
TITLE_SIZES = (104, 92, 80, 70, 60, 52, 46)
TITLE_LINES = 9


@dataclass(frozen=True, slots=True)
class CoverText:
    """What the cover says."""

    title: str
    shown_date: date | None
    articles: int
    organisation: str
    language: str = "en"
    """The language of the cover's own words (the article count)."""
    template_dir: Path | None = None
    """The user's template folder, whose labels files give those words."""


LEVELS = 85
"""Shades of anti-aliasing per colour pair: three ramps share the PNG's 256-colour palette."""
_INK_ON_BACKGROUND, _MUTED_ON_BACKGROUND, _INK_ON_BAND = 0, LEVELS, 2 * LEVELS
_BANDS = ((0, 300, WIDTH, 318), (0, HEIGHT - 318, WIDTH, HEIGHT - 300))
_ABOVE, _BELOW = (0, 0, WIDTH, 300), (0, HEIGHT - 300, WIDTH, HEIGHT)


def cover_png(text: CoverText) -> bytes:
    """The cover as PNG bytes, 1200 x 1800 pixels.

    The cover has four colours and the anti-aliased edges between them, so it is
    written as a palette image: the text is drawn as a coverage mask, which
    becomes indices into ramps from the background (or band) colour to the text
    colour, and the PNG encoder has one byte a pixel to compress instead of three.
    """
    mask = Image.new("L", (WIDTH, HEIGHT), 0)
    draw = ImageDraw.Draw(mask)
    width = WIDTH - 2 * MARGIN

    organisation_face = _face_for(text.organisation)
    organisation = drawable(text.organisation, organisation_face)
    if organisation:
        small = _font(44, organisation_face)
        _centred(draw, _fit_line(draw, organisation, small, width), small, 200)

    face = _face_for(text.title)
    lines, font = _title_lines(draw, drawable(text.title, face), width, face)
    line_height = int(font.size * 1.22)
    top = 360 + max(0, (HEIGHT - 720 - line_height * len(lines)) // 2)
    for number, line in enumerate(lines):
        _centred(draw, line, font, top + number * line_height)

    footer = [labels_for(text.language, text.template_dir).articles(text.articles)]
    if text.shown_date is not None:
        footer.insert(0, text.shown_date.isoformat())
    small = _font(48)
    _centred(draw, " · ".join(footer), small, HEIGHT - 240)

    # One coverage mask; its rows say which ramp a pixel takes: the organisation
    # above the upper band and the footer below the lower one are muted, the bands
    # themselves (which a long title's last line may reach) have their own ramp.
    image = mask.point(_ramp(_INK_ON_BACKGROUND))
    for box, start in ((_ABOVE, _MUTED_ON_BACKGROUND), (_BELOW, _MUTED_ON_BACKGROUND),
                       (_BANDS[0], _INK_ON_BAND), (_BANDS[1], _INK_ON_BAND)):
        image.paste(mask.crop(box).point(_ramp(start)), box)
    image = image.convert("P")
    image.putpalette(_palette())
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", compress_level=6)
    return buffer.getvalue()


def _ramp(start: int) -> list[int]:
    """Coverage 0-255 to a palette index in the ramp at ``start``."""
    return [start + round(value * (LEVELS - 1) / 255) for value in range(256)]


@cache
def _palette() -> list[int]:
    def ramp(base: tuple[int, int, int], top: tuple[int, int, int]) -> list[int]:
        return [round(b + (t - b) * level / (LEVELS - 1))
                for level in range(LEVELS) for b, t in zip(base, top, strict=True)]

    colours = ramp(BACKGROUND, INK) + ramp(BACKGROUND, MUTED) + ramp(BAND, INK)
    return colours + [0, 0, 0] * (256 - len(colours) // 3)


def _title_lines(draw: ImageDraw.ImageDraw, title: str, width: int,
                 face: tuple[Path, int] | None = None
                 ) -> tuple[list[str], ImageFont.FreeTypeFont]:
    """The title wrapped at the largest size that fits; cut with an ellipsis if none does.

    Pillow's lengths are kerned, so each candidate line is measured whole."""
    title = " ".join(title.split())
    for size in TITLE_SIZES:
        font = _font(size, face)
        lines = break_lines(title, width, partial(draw.textlength, font=font),
                            additive=False)
        if len(lines) <= TITLE_LINES:
            return lines, font
    lines = lines[:TITLE_LINES]
    lines[-1] = _fit_line(draw, lines[-1] + " …", font, width, ellipsis=True)
    return lines, font


def _fit_line(draw: ImageDraw.ImageDraw, text: str, font: ImageFont.FreeTypeFont, width: int,
              *, ellipsis: bool = False) -> str:
    """``text`` shortened (with an ellipsis) until it fits ``width``."""
    body = text.removesuffix(" …") if ellipsis else text
    return cut_to_fit(body, lambda candidate: draw.textlength(candidate, font=font) <= width,
                      mark=" …", at_word=False, trailing=None, always=ellipsis)


def _centred(draw: ImageDraw.ImageDraw, line: str, font: ImageFont.FreeTypeFont,
             top: int) -> None:
    draw.text((WIDTH // 2, top), line, font=font, fill=255, anchor="ma")


def _font(size: int, face: tuple[Path, int] | None = None) -> ImageFont.FreeTypeFont:
    engine = ImageFont.Layout.RAQM if _raqm() else ImageFont.Layout.BASIC
    path, index = face or (_font_path(), 0)
    return ImageFont.truetype(str(path), size, index=index, layout_engine=engine)


def _face_for(text: str) -> tuple[Path, int] | None:
    """A system font (see :mod:`exporter.systemfonts`) with every letter of ``text``, when
    the cover font lacks some letters of it (a Chinese or Bengali title): the whole line
    is drawn in it. None keeps the cover font (whose missing symbols are left out)."""
    try:
        from ... import systemfonts
        from ...fonts import FontFace, is_drawn, missing_characters
    except ImportError:
        return None
    path = _font_path()
    missing = missing_characters(text, FontFace(path.stem, path))
    if not any(unicodedata.category(c)[0] in "LMN" for c in missing):
        return None
    needed = {c for c in text if is_drawn(c)}
    for font in systemfonts.installed_fonts():
        covered = systemfonts.face_coverage(font)
        if all(ord(c) in covered for c in needed):
            return font.path, font.index
    return None


@cache
def _raqm() -> bool:
    return bool(features.check("raqm"))


@cache
def _font_path() -> Path:
    """DejaVu Sans from :mod:`exporter.fonts`; reportlab's Latin-only Vera if that is missing."""
    try:
        from ...fonts import sans_family

        return sans_family().regular.path
    except (ImportError, DependencyError) as error:
        log.warning("cover: %s; drawing the title in Bitstream Vera, which covers Latin only",
                    error)
    spec = importlib.util.find_spec("reportlab")  # its folder only: nothing is imported
    if spec is None or spec.origin is None:
        raise DependencyError("no font for the cover: pip install matplotlib")
    return Path(spec.origin).parent / "fonts" / "Vera.ttf"


def drawable(text: str, face: tuple[Path, int] | None = None) -> str:
    """``text`` without the characters the cover font cannot draw (logged), spaces tidied;
    ``face`` (a font :func:`_face_for` found) draws all of it."""
    if face is not None:
        return " ".join(text.split())
    try:
        from ...fonts import FontFace, missing_characters, scripts_of
    except ImportError:
        return text
    path = _font_path()
    missing = missing_characters(text, FontFace(path.stem, path))
    if not missing:
        return text
    log.warning("cover: the font %s has no glyphs for %s (%s); the cover leaves them out, "
                "the book's text keeps them", path.name, "".join(missing[:10]),
                ", ".join(scripts_of(missing)))
    absent = set(missing)
    return " ".join("".join(c for c in text if c not in absent).split())
