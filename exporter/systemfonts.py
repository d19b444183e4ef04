"""Fallback fonts from the system, found through fontconfig, for what DejaVu Sans lacks.

DejaVu Sans (see :mod:`.fonts`) prints Latin, Greek, Cyrillic, Armenian, Georgian,
Hebrew and Arabic. Chinese, Japanese, Korean, the Indic scripts and Thai come from
maintained Debian font packages when they are installed: ``fc-list`` names every
font file, and only files with TrueType (``glyf``) outlines are kept, because
reportlab embeds only those (Noto CJK, which is CFF, is skipped). A TrueType
collection (``.ttc``, e.g. WenQuanYi Zen Hei) is used through its face index.

Which font prints a character is decided in a fixed order (:data:`PREFERRED`
first, then every other font by family and path), so a machine gives the same
bytes every time. :data:`PACKAGES` says what to install for a script no font has.
"""

from __future__ import annotations

import shutil
import struct
import subprocess
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from . import fonts

PREFERRED = (
    "Noto Sans Devanagari", "Noto Sans Bengali", "Noto Sans Thai", "Noto Sans Tamil",
    "Noto Sans Gurmukhi", "Noto Sans Gujarati", "Noto Sans Telugu", "Noto Sans Kannada",
    "Noto Sans Malayalam", "Noto Sans Oriya", "Noto Sans Sinhala", "Noto Sans Khmer",
    "Noto Sans Lao", "Noto Sans Myanmar", "Noto Sans Ethiopic",
    "Droid Sans Fallback", "WenQuanYi Zen Hei", "WenQuanYi Micro Hei",
    "Noto Sans", "Noto Sans Symbols", "Noto Sans Symbols2", "Symbola",
)
"""Families tried first, in this order; every other TrueType font comes after them."""

PACKAGES: dict[str, str] = {
    "CJK": "fonts-wqy-zenhei", "Hiragana": "fonts-wqy-zenhei", "Katakana": "fonts-wqy-zenhei",
    "Hangul": "fonts-wqy-zenhei", "Bopomofo": "fonts-wqy-zenhei", "symbol": "fonts-symbola",
}
"""The Debian package that brings a font for a script (the Noto core set otherwise)."""
DEFAULT_PACKAGE = "fonts-noto-core"

SHAPED_SCRIPTS = frozenset({
    "Devanagari", "Bengali", "Gurmukhi", "Gujarati", "Oriya", "Tamil", "Telugu", "Kannada",
    "Malayalam", "Sinhala", "Thai", "Lao", "Khmer", "Myanmar", "Tibetan"})
"""Scripts whose letters combine into conjuncts or stacked marks: drawn shaped by HarfBuzz."""


@dataclass(frozen=True, slots=True)
class SystemFont:
    """One face of an installed font file (``index`` inside a collection)."""

    family: str
    style: str
    path: Path
    index: int = 0

    @property
    def bold(self) -> bool:
        return "bold" in self.style.lower()

    @property
    def name(self) -> str:
        """The name a writer registers the face under (unique per file and index)."""
        stem = "".join(ch for ch in self.path.stem if ch.isalnum())
        return f"Fallback-{stem}-{self.index}"


def package_for(script: str) -> str:
    """The Debian package to install for ``script`` (a :func:`fonts.script_name`)."""
    return PACKAGES.get(script, DEFAULT_PACKAGE)


@cache
def installed_fonts() -> tuple[SystemFont, ...]:
    """Every TrueType-outline face fontconfig knows, in the order fallbacks are tried;
    empty without ``fc-list``."""
    fc_list = shutil.which("fc-list")
    if fc_list is None:
        return ()
    try:
        listed = subprocess.run(
            [fc_list, "--format", "%{file}\t%{index}\t%{family[0]}\t%{style[0]}\n"],
            capture_output=True, text=True, timeout=30, check=False).stdout
    except (OSError, subprocess.SubprocessError):
        return ()
    found: dict[tuple[Path, int], SystemFont] = {}
    for line in listed.splitlines():
        parts = line.split("\t")
        if len(parts) != 4 or not parts[1].isdigit():
            continue
        path = Path(parts[0])
        if path.suffix.lower() not in (".ttf", ".ttc") or not _has_glyf(path, int(parts[1])):
            continue
        found[(path, int(parts[1]))] = SystemFont(parts[2], parts[3], path, int(parts[1]))
    rank = {family: place for place, family in enumerate(PREFERRED)}
    return tuple(sorted(found.values(), key=lambda f: (
        rank.get(f.family, len(rank)), f.family, f.bold, str(f.path), f.index)))


def _table_directory(data: bytes, index: int) -> int:
    """Offset of face ``index``'s table directory in a font file or collection."""
    if data[:4] == b"ttcf":
        return int(struct.unpack_from(">I", data, 12 + 4 * index)[0])
    return 0


@cache
def _has_glyf(path: Path, index: int) -> bool:
    """True when the face has TrueType outlines (a ``glyf`` table), which reportlab embeds."""
    try:
        with path.open("rb") as handle:
            data = handle.read(64 * 1024)
        start = _table_directory(data, index)
        tables = struct.unpack_from(">H", data, start + 4)[0]
        return any(struct.unpack_from(">4s", data, start + 12 + 16 * i)[0] == b"glyf"
                   for i in range(tables))
    except (OSError, struct.error, IndexError):
        return False


@cache
def face_coverage(font: SystemFont) -> frozenset[int]:
    """Code points ``font`` has a glyph for."""
    if font.path.suffix.lower() != ".ttc":
        return fonts.coverage(font.path)
    from fontTools.ttLib import TTFont

    with TTFont(str(font.path), lazy=True, fontNumber=font.index) as face:
        cmap = face.getBestCmap() or {}
        return frozenset(code for code, glyph in cmap.items() if glyph != ".notdef")


def fallbacks(chars: Iterable[str], bold: bool = False) -> list[tuple[SystemFont, str]]:
    """The system faces that print ``chars``, each with the characters it was chosen for,
    in the order they are tried; characters no face has are left out.

    A bold face is preferred for ``bold`` text, the family's regular face taken when it
    has none (Droid Sans Fallback has one weight)."""
    left = {char for char in chars}
    chosen: list[tuple[SystemFont, str]] = []
    for font in _by_weight(bold):
        if not left:
            break
        covered = face_coverage(font)
        mine = sorted(char for char in left if ord(char) in covered)
        if mine:
            chosen.append((font, "".join(mine)))
            left.difference_update(mine)
    return chosen


@cache
def _by_weight(bold: bool) -> tuple[SystemFont, ...]:
    """Installed faces, one weight per family: bold (or regular when it has no bold)
    for ``bold``, else the regular face."""
    families: dict[str, list[SystemFont]] = {}
    for font in installed_fonts():
        # The system's copy of the page's own font adds nothing, and shares its PDF name.
        if font.family != "DejaVu Sans":
            families.setdefault(font.family, []).append(font)
    picked: list[SystemFont] = []
    for faces in families.values():
        upright = [f for f in faces if "italic" not in f.style.lower()
                   and "oblique" not in f.style.lower()]
        if not upright:
            continue
        regular = [f for f in upright if f.style.lower() in ("regular", "book", "normal",
                                                             "medium", "roman")]
        heavy = [f for f in upright if f.style.lower() == "bold"]
        pick = (heavy or regular or upright) if bold else (regular or upright)
        picked.append(pick[0])
    return tuple(picked)


def coverage_report(samples: dict[str, str]) -> dict[str, str | None]:
    """For each script of ``samples``: the family of the first font that prints it all
    (DejaVu Sans first), or None when none does."""
    family = fonts.sans_family()
    report: dict[str, str | None] = {}
    for script, sample in samples.items():
        if not fonts.missing_characters(sample, family.regular):
            report[script] = family.label
            continue
        needed = [c for c in sample if fonts.is_drawn(c)]
        chosen = fallbacks(needed)
        covered = "".join(chars for _, chars in chosen)
        report[script] = (" + ".join(dict.fromkeys(f.family for f, _ in chosen))
                          if set(needed) <= set(covered) else None)
    return report
