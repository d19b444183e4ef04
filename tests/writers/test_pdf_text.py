"""The one-pager's paragraphs (exporter.writers.pdf.text): their lines, measured in the
page's fonts, splitting, drawing."""

from __future__ import annotations

import io

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pypdf import PdfReader
from reportlab.lib.colors import black
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

from exporter.writers.pdf import _registered_fonts
from exporter.writers.pdf.text import TextParagraph, TextStyle

_TEXT = st.text(alphabet="ilmMW.,'— abcXYZ əğЖжΩ0123-", min_size=1, max_size=400)


def _font(face: str = "regular") -> str:
    return str(getattr(_registered_fonts(), face).name)


def _lines(text: str, font: str, size: float, width: float) -> list[str]:
    return TextParagraph(text, TextStyle("body", font, size, size * 1.2, black)).lines(width)


@settings(max_examples=200, deadline=None)
@given(text=_TEXT, size=st.sampled_from([8.0, 10.5, 20.0]),
       width=st.floats(min_value=30, max_value=520), face=st.sampled_from(["regular", "bold"]))
def test_lines_keep_every_word_fit_the_width_and_are_filled_greedily(
        text: str, size: float, width: float, face: str) -> None:
    font = _font(face)
    words = " ".join(text.split()).split(" ")
    lines = _lines(" ".join(words), font, size, width)
    # Nothing lost, nothing added: the lines are the words in order (a long word's
    # pieces joined back together).
    assert "".join(lines).replace(" ", "") == "".join(words)
    for number, line in enumerate(lines):
        if len(line) > 1:
            assert stringWidth(line, font, size) <= width + 1e-6
        if number + 1 < len(lines) and " " in line:
            # Greedy: the next line's first word did not fit on this one.
            following = lines[number + 1].split(" ")[0]
            assert stringWidth(f"{line} {following}", font, size) > width - 1e-6


def test_a_word_wider_than_the_line_is_cut_between_letters() -> None:
    font = _font()
    lines = _lines("a " + "x" * 60 + " b", font, 10.0, 100.0)
    assert lines[0] == "a"
    assert all(stringWidth(line, font, 10.0) <= 100.0 for line in lines)
    assert "".join(lines).replace(" ", "") == "a" + "x" * 60 + "b"
    assert lines[-1].endswith(" b") or lines[-1] == "b"


def test_a_paragraph_splits_between_lines_but_never_leaves_one_line_behind() -> None:
    style = TextStyle("body", _font(), 10.0, 12.0, black)
    paragraph = TextParagraph(" ".join(["word"] * 200), style)
    _, height = paragraph.wrap(200.0, 1e6)
    lines = len(paragraph.lines(200.0))
    assert height == pytest.approx(lines * 12.0) and lines > 10
    assert paragraph.split(200.0, 23.0) == []  # only one line would stay at the foot
    first, rest = paragraph.split(200.0, 36.5)
    assert len(first.lines(200.0)) == 3 and len(rest.lines(200.0)) == lines - 3
    # A part keeps its lines whatever width it is later asked about.
    assert rest.lines(50.0) == paragraph.lines(200.0)[3:]


def test_drawn_lines_are_the_text_and_markup_stays_text() -> None:
    text = "Bold <b>claims</b> &amp; <font color=red>tags</font> stay as typed, " * 4
    style = TextStyle("body", _font(), 10.0, 12.0, black, indent=12.0, bullet_indent=2.0,
                      bullet_font=_font())
    paragraph = TextParagraph(text.strip(), style, bullet="•")
    out = io.BytesIO()
    canvas = Canvas(out, pagesize=(300, 400))
    paragraph.wrap(280.0, 400.0)
    paragraph.drawOn(canvas, 10, 400 - 10 - paragraph.height)
    canvas.showPage()
    canvas.save()
    extracted = PdfReader(io.BytesIO(out.getvalue())).pages[0].extract_text()
    assert "<b>claims</b> &amp; <font color=red>tags</font>" in " ".join(extracted.split())
    assert extracted.lstrip().startswith("•")
