"""Text DejaVu Sans cannot print: system fallback fonts, run by run, and CJK line breaks.

Only a page whose text has characters DejaVu Sans lacks comes here (see
:func:`resolve`); every other page is set exactly as before, by :mod:`.text`.
Each paragraph that needs it is cut into *runs*, each in the first font that has
its glyphs: DejaVu Sans first, then the system's fonts (:mod:`exporter.systemfonts`).
A run is measured and drawn in its own font; a combining mark stays in the run
of the letter it sits on. Runs of scripts that form conjuncts or stack marks
(Devanagari, Bengali, Thai...) are shaped by HarfBuzz through reportlab
(``uharfbuzz``, the ``scripts`` extra) when it is installed; without it they
are drawn letter by letter.

Lines break where :mod:`exporter.linebreak` says, as on every page: at spaces and
between Chinese and Japanese characters (UAX #14), each piece measured run by run.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from typing import Any

from reportlab.pdfbase.pdfmetrics import stringWidth

from ... import systemfonts
from ...errors import OutputError
from ...fonts import FontFamily, coverage, is_drawn, script_name
from ...linebreak import breaks_around, joins_previous
from ...textfit import cut_to_fit
from .bidi import shaped
from .text import TextParagraph, TextStyle


@dataclass(frozen=True, slots=True)
class Face:
    """A fallback font registered with reportlab, what it prints, and whether it is shaped."""

    name: str
    covered: frozenset[int]
    shaped: bool


class Fallback:
    """The fonts a page needs beyond its own: for each of the page's font names (regular,
    bold) the fallback faces, tried in order."""

    def __init__(self, primary: dict[str, frozenset[int]],
                 chains: dict[str, tuple[Face, ...]]) -> None:
        self.primary = primary
        self.chains = chains
        self._widths: dict[tuple[str, str], float] = {}
        self._shaped: dict[tuple[str, str], str] = {}

    def needed(self, text: str, font: str) -> bool:
        """Whether ``text`` has a drawn character ``font`` (a page font) cannot print."""
        if text.isascii() or font not in self.primary:
            return False
        covered = self.primary[font]
        return any(ord(char) not in covered and is_drawn(char) for char in set(text))

    def runs(self, text: str, font: str) -> list[tuple[str, str, bool]]:
        """``text`` as (font name, text, shaped) runs, left to right as given."""
        covered = self.primary.get(font, frozenset())
        chain = self.chains.get(font, ())
        found: list[tuple[str, str, bool]] = []
        current: tuple[str, frozenset[int], bool] | None = None
        start = 0
        for index, char in enumerate(text):
            code = ord(char)
            if current is not None and code in current[1] and (
                    char == " " or joins_previous(char)):
                continue  # a space or mark stays in the run it is in
            target = (font, covered, False)
            if code not in covered:
                for face in chain:
                    if code in face.covered:
                        target = (face.name, face.covered, face.shaped)
                        break
            if current is None or target[0] != current[0]:
                if current is not None:
                    found.append((current[0], text[start:index], current[2]))
                current, start = target, index
        if current is not None:
            found.append((current[0], text[start:], current[2]))
        return found

    def _run_text(self, text: str, font: str, shaping: bool) -> str:
        if not shaping:
            return text
        key = (text, font)
        made = self._shaped.get(key)
        if made is None:
            from reportlab.pdfbase.ttfonts import shapeStr

            made = self._shaped[key] = shapeStr(text, font, 10.0)
            _remember_sources(font, text, made)
        return made

    def width(self, text: str, font: str) -> float:
        """The width of ``text`` at 1 pt, each run in its own font (shaped where it is)."""
        key = (text, font)
        known = self._widths.get(key)
        if known is None:
            known = 0.0
            for name, run, shaping in self.runs(text, font):
                drawn = self._run_text(run, name, shaping)
                data = getattr(drawn, "__shapeData__", None)
                known += (sum(d.x_advance for d in data) / 1000 if data is not None
                          else stringWidth(run, name, 1.0))
            self._widths[key] = known
        return known

    def draw(self, text_object: Any, text: str, font: str, size: float) -> None:
        """Write ``text`` (already in display order) into a reportlab text object at its
        current point, run by run, and set ``font`` back after."""
        for name, run, shaping in self.runs(text, font):
            text_object.setFont(name, size)
            text_object.textOut(self._run_text(run, name, shaping))
        text_object.setFont(font, size)

    def fitted(self, text: str, font: str, size: float, room: float) -> str:
        """``text`` cut with an ellipsis, at a break, to fit ``room`` (for one-line texts)."""
        return cut_to_fit(text, lambda candidate: self.width(candidate, font) * size <= room)


def _without_cjk_spaces(text: str) -> str:
    """``text`` without the spaces sentences were joined with between two ideographs or
    kana ("。 委" is "。委"): Chinese and Japanese set no space there."""
    if " " not in text or text.isascii():
        return text
    parts = text.split(" ")
    joined = parts[0]
    for part in parts[1:]:
        glue = "" if joined and part and _ideographic(joined[-1]) and _ideographic(
            part[0]) else " "
        joined += glue + part
    return joined


def _ideographic(char: str) -> bool:
    """An ideograph, kana or CJK punctuation (not an emoji, which keeps its spaces)."""
    return breaks_around(char) and ord(char) < 0x1F000


class FallbackParagraph(TextParagraph):
    """A :class:`TextParagraph` whose text needs fonts besides its style's."""

    def __init__(self, text: str, style: TextStyle, fallback: Fallback,
                 bullet: str | None = None, lines: list[str] | None = None,
                 base: str | None = None) -> None:
        super().__init__(_without_cjk_spaces(text), style, bullet, lines, base)
        self.fallback = fallback

    def measure(self, text: str) -> float:
        measured = shaped(text) if self.right_to_left else text
        return self.fallback.width(measured, self.style.font) * self.style.size

    def split(self, available_width: float, available_height: float) -> list[Any]:
        lines = self.lines(available_width)
        fit = int(available_height // self.style.leading)
        if fit < 2 or fit >= len(lines):
            return []
        return [FallbackParagraph("", self.style, self.fallback, self.bullet, lines[:fit],
                                  self.base),
                FallbackParagraph("", self.style, self.fallback, None, lines[fit:],
                                  self.base)]

    def line_width(self, shown: str) -> float:
        return self.measure(shown)

    def show(self, text: Any, shown: str) -> None:
        self.fallback.draw(text, shown, self.style.font, self.style.size)


@dataclass(frozen=True, slots=True)
class Resolved:
    """What :func:`resolve` found: the fallback fonts (None when none is needed), the
    letters no installed font has, and the symbols no font has (left out)."""

    fallback: Fallback | None
    letters: list[str]
    symbols: list[str]


def resolve(text: str, family: FontFamily) -> Resolved:
    """The fallback fonts ``text`` (all of a page's text) needs beyond ``family``'s regular
    and bold faces, registered with reportlab; and what no installed font can print."""
    regular, bold = family.regular, family.bold
    primary = {regular.name: coverage(regular.path), bold.name: coverage(bold.path)}
    distinct = set(text)  # the page's few hundred characters, not its thousands
    lacking = {c for c in distinct if ord(c) not in primary[regular.name]
               or ord(c) not in primary[bold.name]}
    lacking = {c for c in lacking if is_drawn(c)}
    if not lacking:
        return Resolved(None, [], [])
    ordered = [c for c in dict.fromkeys(text) if c in lacking]
    missing = {face: [c for c in ordered if ord(c) not in primary[face]] for face in primary}
    chains: dict[str, tuple[Face, ...]] = {}
    unprinted: dict[str, None] = {}
    for name, chars in missing.items():
        chosen = systemfonts.fallbacks(chars, bold=name == bold.name)
        chains[name] = tuple(_registered(font, found) for font, found in chosen)
        got = set("".join(found for _, found in chosen))
        unprinted.update(dict.fromkeys(c for c in chars if c not in got))
    letters = [c for c in unprinted if unicodedata.category(c)[0] in "LMN"]
    symbols = [c for c in unprinted if c not in letters]
    return Resolved(Fallback(primary, chains), letters, symbols)


def _registered(font: systemfonts.SystemFont, chars: Iterable[str]) -> Face:
    _register(font)
    shaping = shaping_available() and any(
        script_name(c) in systemfonts.SHAPED_SCRIPTS for c in chars)
    return Face(font.name, systemfonts.face_coverage(font), shaping)


@cache
def _register(font: systemfonts.SystemFont) -> None:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFError, TTFont

    try:
        registered = TTFont(font.name, str(font.path), subfontIndex=font.index)
    except (TTFError, OSError) as error:
        raise OutputError(f"{font.path}: cannot use this font: {error}") from None
    pdfmetrics.registerFont(registered)
    face = registered.face
    _SOURCES.setdefault((face.name + face.subfontNameX).decode("pdfdoc"), {})


# What each glyph shaping made (a conjunct, a ligature: reportlab gives it a private-use
# code) stands for, by the PDF name of each fallback font (and only those): the page's
# ToUnicode map says so, so the text copies and extracts as the letters it was set from.
_SOURCES: dict[str, dict[int, str]] = {}


def _remember_sources(font: str, text: str, drawn: str) -> None:
    """Note, for each private-use glyph of ``drawn`` (``text`` shaped), the letters of
    ``text`` it stands for: its cluster's, less those drawn by the cluster's other glyphs."""
    data = getattr(drawn, "__shapeData__", None)
    if data is None:
        return
    from reportlab.pdfbase import pdfmetrics

    face = pdfmetrics.getFont(font).face
    key = (face.name + face.subfontNameX).decode("pdfdoc")
    known = _SOURCES.setdefault(key, {})
    starts = sorted({d.cluster for d in data})
    ends = dict(zip(starts, [*starts[1:], len(text)], strict=True))
    groups: dict[int, list[str]] = {}
    for glyph, shape in zip(drawn, data, strict=True):
        groups.setdefault(shape.cluster, []).append(glyph)
    for cluster, glyphs in groups.items():
        private = [g for g in glyphs if 0xE000 <= ord(g) <= 0xF8FF]
        if not private:
            continue
        # Letters in their decomposed forms: Thai's SARA AM is drawn as NIKHAHIT and SARA AA.
        rest = list(unicodedata.normalize("NFKD", text[cluster:ends[cluster]]))
        for glyph in glyphs:
            if glyph in private:
                continue
            for part in unicodedata.normalize("NFKD", glyph):
                if part in rest:
                    rest.remove(part)
        # A cluster drawn as a conjunct and a sign's variant (স্কু): the later private
        # glyphs take a trailing mark each, the first the letters left.
        tails: list[str] = []
        for _ in private[1:]:
            tails.insert(0, rest.pop() if len(rest) > 1 and joins_previous(rest[-1]) else "\u200c")
        for glyph, source in zip(private, ["".join(rest) or "\u200c", *tails], strict=True):
            known.setdefault(ord(glyph), source)


def glyph_text(fontname: str, code: int) -> str | None:
    """What glyph ``code`` of fallback font ``fontname`` (its PDF name, subset tag and all)
    stands for when shaping drew it in place of letters; ``None`` for an ordinary glyph."""
    return _SOURCES.get(fontname.split("+", 1)[-1], {}).get(code)


def is_fallback_font(fontname: str) -> bool:
    """Whether ``fontname`` (a PDF font name, subset tag and all) is a fallback font."""
    return fontname.split("+", 1)[-1] in _SOURCES


@cache
def shaping_available() -> bool:
    """Whether reportlab can shape text (``uharfbuzz`` is installed)."""
    from reportlab.pdfbase import ttfonts

    return getattr(ttfonts, "uharfbuzz", None) is not None
