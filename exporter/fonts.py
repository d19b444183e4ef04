"""The embedded TrueType fonts, and which characters and scripts they can print.

Outputs that draw glyphs themselves (the PDF one-pager, a cover image) embed
DejaVu Sans, which ships inside matplotlib's ``mpl-data``: a maintained PyPI
package, so nothing is downloaded at run time. DejaVu Sans covers Latin with its
extensions (Azerbaijani ə ğ ş ı İ), Greek, Cyrillic, Armenian, Georgian, Hebrew
and the Arabic letters with their presentation forms; its oblique faces lack
Arabic. Nothing here imports matplotlib (finding its folder is enough); character maps
are read straight from the font files (fontTools only for unusual ones).
"""

from __future__ import annotations

import importlib.util
import struct
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from .errors import DependencyError

FONT_PACKAGE = "matplotlib"
_FONT_FOLDER = ("mpl-data", "fonts", "ttf")

# Characters every script check treats as printable whatever the font: spacing
# and invisible format characters are not drawn as glyphs.
_NOT_DRAWN = {"Zs", "Zl", "Zp", "Cc", "Cf"}

SCRIPT_SAMPLES: dict[str, str] = {
    "Latin": "AaZzÀéñ",
    "Latin Extended": "ƏəĞğŞşıİ",
    "Greek": "ΑαΩωάΐ",
    "Cyrillic": "АаЯяЁёЇї",
    "Armenian": "ԱաՖֆև։",
    "Georgian": "აბგდ",
    "Hebrew": "אבגדהש",
    "Arabic": "ابتثجحﺍﺑ",
    "Devanagari": "अआकख",
    "Bengali": "অআকখ",
    "Thai": "กขคง",
    "CJK": "中文字",
    "Kana": "ひらカター",
    "Hangul": "한국어",
    "Symbols": "№→⇒✓",
    "Emoji": "😀",
}
"""A few letters of each script, to report what a font covers (``exporter doctor``)."""


@dataclass(frozen=True, slots=True)
class FontFace:
    """One TrueType file and the name outputs register it under."""

    name: str
    path: Path


@dataclass(frozen=True, slots=True)
class FontFamily:
    """The four faces a writer needs; ``label`` names the family in messages."""

    label: str
    regular: FontFace
    bold: FontFace
    italic: FontFace
    bold_italic: FontFace

    @property
    def faces(self) -> tuple[FontFace, ...]:
        return (self.regular, self.bold, self.italic, self.bold_italic)


def font_folder() -> Path:
    """The folder holding DejaVu Sans; ``DependencyError`` saying what to install if absent."""
    spec = importlib.util.find_spec(FONT_PACKAGE)
    if spec is None or spec.origin is None:
        raise DependencyError(
            "the embedded fonts come from matplotlib, which is not installed: "
            "pip install matplotlib"
        )
    folder = Path(spec.origin).parent.joinpath(*_FONT_FOLDER)
    if not (folder / "DejaVuSans.ttf").is_file():
        raise DependencyError(
            f"{folder}: DejaVu Sans is missing from this matplotlib installation; "
            "reinstall it: pip install --force-reinstall matplotlib"
        )
    return folder


@cache
def sans_family() -> FontFamily:
    """DejaVu Sans in its four faces, located inside matplotlib's package data."""
    folder = font_folder()

    def face(suffix: str) -> FontFace:
        path = folder / f"DejaVuSans{suffix}.ttf"
        if not path.is_file():
            raise DependencyError(f"{path}: font file missing; reinstall matplotlib")
        return FontFace(f"DejaVuSans{suffix}", path)

    return FontFamily(
        "DejaVu Sans", face(""), face("-Bold"), face("-Oblique"), face("-BoldOblique")
    )


@cache
def coverage(path: Path) -> frozenset[int]:
    """Code points the font at ``path`` has a glyph for (from its best ``cmap``).

    The usual Unicode subtables (formats 4 and 12) are read here directly, in a few
    milliseconds; fontTools, which names every glyph first, reads any other kind.
    """
    try:
        found = _unicode_cmap(path.read_bytes())
    except (OSError, struct.error, IndexError):
        found = None
    if found is not None:
        return found
    from fontTools.ttLib import TTFont

    with TTFont(str(path), lazy=True) as font:
        cmap = font.getBestCmap() or {}
        return frozenset(code for code, glyph in cmap.items() if glyph != ".notdef")


# The subtables fontTools' getBestCmap prefers, in its order, that are format 4 or 12.
_CMAP_PREFERENCE = ((3, 10), (0, 6), (0, 4), (3, 1), (0, 3))


def _unicode_cmap(data: bytes) -> frozenset[int] | None:
    """Code points mapped to a glyph other than .notdef by the font file ``data``'s best
    Unicode ``cmap`` subtable; None when it has no format 4 or 12 Unicode subtable."""
    tables = struct.unpack_from(">H", data, 4)[0]
    cmap = None
    for record in range(tables):
        tag, _, offset, _ = struct.unpack_from(">4sIII", data, 12 + 16 * record)
        if tag == b"cmap":
            cmap = offset
    if cmap is None:
        return None
    count = struct.unpack_from(">H", data, cmap + 2)[0]
    subtables: dict[tuple[int, int], int] = {}
    for record in range(count):
        platform, encoding, offset = struct.unpack_from(">HHI", data, cmap + 4 + 8 * record)
        subtables.setdefault((platform, encoding), cmap + offset)
    for key in _CMAP_PREFERENCE:
        start = subtables.get(key)
        if start is None:
            continue
        kind = struct.unpack_from(">H", data, start)[0]
        if kind == 12:
            return _format_12(data, start)
        if kind == 4:
            return _format_4(data, start)
        return None
    return None


def _format_12(data: bytes, start: int) -> frozenset[int]:
    groups = struct.unpack_from(">I", data, start + 12)[0]
    codes: set[int] = set()
    for group in range(groups):
        first, last, glyph = struct.unpack_from(">III", data, start + 16 + 12 * group)
        codes.update(range(first + (1 if glyph == 0 else 0), last + 1))
    return frozenset(codes)


def _format_4(data: bytes, start: int) -> frozenset[int]:
    segments = struct.unpack_from(">H", data, start + 6)[0] // 2
    ends = struct.unpack_from(f">{segments}H", data, start + 14)
    starts = struct.unpack_from(f">{segments}H", data, start + 16 + 2 * segments)
    deltas = struct.unpack_from(f">{segments}h", data, start + 16 + 4 * segments)
    offsets_at = start + 16 + 6 * segments
    offsets = struct.unpack_from(f">{segments}H", data, offsets_at)
    codes: set[int] = set()
    for index in range(segments):
        first, last, delta, offset = starts[index], ends[index], deltas[index], offsets[index]
        if first == 0xFFFF:
            continue
        if offset == 0:
            codes.update(code for code in range(first, last + 1) if (code + delta) & 0xFFFF)
            continue
        base = offsets_at + 2 * index + offset
        glyphs = struct.unpack_from(f">{last - first + 1}H", data, base)
        codes.update(first + i for i, glyph in enumerate(glyphs) if glyph)
    return frozenset(codes)


def is_drawn(char: str) -> bool:
    """False for spaces, controls and invisible format characters, which need no glyph."""
    return unicodedata.category(char) not in _NOT_DRAWN


def missing_characters(text: str, face: FontFace) -> list[str]:
    """Distinct drawn characters of ``text`` that ``face`` has no glyph for, in order."""
    covered = coverage(face.path)
    missing = {char for char in set(text) if ord(char) not in covered and is_drawn(char)}
    if not missing:
        return []
    return [char for char in dict.fromkeys(text) if char in missing]


def script_name(char: str) -> str:
    """A readable script name for ``char`` from its Unicode name (``ARMENIAN`` -> Armenian)."""
    name = unicodedata.name(char, "")
    if not name:
        return f"U+{ord(char):04X}"
    first = name.split()[0]
    if first in ("CJK", "HANGUL", "HIRAGANA", "KATAKANA"):
        return first.title() if first != "CJK" else "CJK"
    if first in ("LATIN", "GREEK", "CYRILLIC", "ARMENIAN", "HEBREW", "ARABIC", "GEORGIAN",
                 "DEVANAGARI", "BENGALI", "TAMIL", "TELUGU", "THAI", "LAO", "KHMER", "ETHIOPIC",
                 "TIBETAN", "SINHALA", "MYANMAR", "GUJARATI", "GURMUKHI", "KANNADA",
                 "MALAYALAM", "ORIYA", "SYRIAC", "THAANA", "MONGOLIAN", "CHEROKEE"):
        return first.title()
    return "symbol"


def scripts_of(chars: Iterable[str]) -> list[str]:
    """Distinct script names of ``chars``, in first-seen order."""
    return list(dict.fromkeys(script_name(char) for char in chars))


def covered_scripts(face: FontFace | None = None) -> dict[str, bool]:
    """For each script of :data:`SCRIPT_SAMPLES`: can ``face`` (default DejaVu Sans) print it?"""
    face = face or sans_family().regular
    return {script: not missing_characters(sample, face)
            for script, sample in SCRIPT_SAMPLES.items()}
