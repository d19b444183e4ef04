"""The PDF one-pager, read back with pypdf: one full page, every script, text as text."""

from __future__ import annotations

import io
import random
import struct
import subprocess
import sys
import time
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pypdf import PdfReader

from exporter.config import Options
from exporter.errors import OutputError, UsageError
from exporter.extract import keywords as extract_keywords
from exporter.model import Article, Document, Heading, Paragraph, Sentence, Summary
from exporter.readers.build import RawBlock, build_document
from exporter.writers.pdf import PdfWriter, render_preview
from exporter.writers.registry import get_writer
from tests.conftest import make_article, make_document
from tests.writers.scriptfonts import printable

URL = "https://news.example.net/region/valley-winter"
FULL = 0.70

# --- test articles (written for these tests) --------------------------------------------

SHORT = (  # 50 words
    "The village of Orrin Ford reopened its only shop on Saturday after a flood in March. "
    "Volunteers rebuilt the shelves and the counter in six weeks. "
    '"We missed the place more than we expected," said Lena Marsh, who runs it. '
    "The shop now also lends tools and books to its 300 neighbours."
)

_SUBJECTS = ("The harbour board", "A retired ferry pilot", "The county engineer",
             "Parents at the primary school", "The regional transport minister",
             "A spokesperson for the canal trust", "Shopkeepers on the high street",
             "The hospital's chief nurse")
_VERBS = ("said on Tuesday that", "warned that", "argued that", "confirmed that",
          "told reporters that", "doubted that")
_OBJECTS = ("the winter timetable would start in November",
            "repairs to the swing bridge had cost 2.4 million euros",
            "the reservoir stood at 61 per cent of its capacity",
            "twelve rural bus routes would be cut",
            "the bypass would open two years later than planned",
            "about 3,000 homes still had no fast broadband",
            "food prices at the Saturday market had risen by 8 per cent",
            "the museum had welcomed 40,000 visitors since spring")


def _sentences(count: int, seed: int) -> list[str]:
    pick = random.Random(seed).choice
    return [f"{pick(_SUBJECTS)} {pick(_VERBS)} {pick(_OBJECTS)}." for _ in range(count)]


def generated(count: int, *, seed: int = 7, per_paragraph: int = 5, heading_every: int = 9,
              title: str = "Valley towns count the cost of a long winter") -> Document:
    """An article of ``count`` generated sentences, built straight into the model."""
    texts = _sentences(count, seed)
    blocks: list[Heading | Paragraph] = []
    for number, start in enumerate(range(0, count, per_paragraph)):
        if number and number % heading_every == 0:
            blocks.append(Heading(f"Part {number // heading_every + 1}"))
        index = len(blocks)
        chunk = texts[start:start + per_paragraph]
        blocks.append(Paragraph(tuple(Sentence(t, index, i) for i, t in enumerate(chunk))))
    return Document(title=title, blocks=tuple(blocks), source_url=URL,
                    authors=("Mira Holt",), place="Orrin Ford")


def spread_summary(document: Document, count: int = 5) -> Article:
    """A summary of ``count`` sentences spread over the whole article, in document order."""
    sentences = list(document.sentences())
    step = max(1, len(sentences) // count)
    return Article(document, Summary(tuple(sentences[::step][:count]), "test"))


def after_summary(article: Article) -> list[str]:
    """The article's sentences from the first one the summary did not open with: where the
    one-pager's "From the article" starts (it never repeats the summary's opening)."""
    said = {s.position for s in article.summary.sentences}
    sentences = list(article.document.sentences())
    skip = 0
    while skip < len(sentences) and sentences[skip].position in said:
        skip += 1
    return [s.text for s in sentences[skip:]]


def short_article() -> Article:
    document = make_document("Flooded village shop opens its doors again", [SHORT],
                             source_url=URL, authors=["Tom Reyes"], language="en")
    return make_article(document, 2)


# --- reading a PDF back ------------------------------------------------------------------

@dataclass(frozen=True)
class Fragment:
    y: float
    size: float
    text: str


@dataclass(frozen=True)
class Page:
    pdf: bytes
    reader: PdfReader
    fragments: tuple[Fragment, ...]
    text: str

    @property
    def height(self) -> float:
        return float(self.reader.pages[0].mediabox.height)

    @property
    def flat(self) -> str:
        return " ".join(self.text.split())

    def lowest_body_line(self) -> float:
        """The y of the lowest text line above the source line at the foot."""
        footer = [f.y for f in self.fragments if f.text.startswith("Source:")]
        floor = max(footer) + 1 if footer else -1.0
        return min(f.y for f in self.fragments if f.y > floor)

    def fullness(self) -> float:
        return (self.height - self.lowest_body_line()) / self.height


def read(pdf: bytes) -> Page:
    reader = PdfReader(io.BytesIO(pdf))
    fragments: list[Fragment] = []

    def visit(text: str, cm: Sequence[float], tm: Sequence[float], font: object,
              size: float) -> None:
        if text.strip():
            y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
            fragments.append(Fragment(y, size * tm[3] * cm[3], text.strip()))

    text = reader.pages[0].extract_text(visitor_text=visit)
    return Page(pdf, reader, tuple(fragments), text)


def render(article: Article, **options: object) -> bytes:
    out = io.BytesIO()
    PdfWriter().write([article], out, Options().replace(**options))
    return out.getvalue()


def flat(text: str) -> str:
    return " ".join(text.split())


# --- one full page, short to a whole book --------------------------------------------------

_ARTICLES = {
    "short": short_article,
    "medium": lambda: spread_summary(generated(42)),  # about 700 words
    "book": lambda: spread_summary(generated(50_000, heading_every=40)),
}
_CACHE: dict[tuple[str, str], tuple[Article, bytes, float]] = {}


def _rendered(kind: str, page_size: str) -> tuple[Article, Page, float]:
    if (kind, page_size) not in _CACHE:
        article = _ARTICLES[kind]()
        started = time.perf_counter()
        pdf = render(article, pdf_page_size=page_size)
        _CACHE[kind, page_size] = (article, pdf, time.perf_counter() - started)
    article, pdf, seconds = _CACHE[kind, page_size]
    return article, read(pdf), seconds


@pytest.mark.parametrize("page_size", ["A4", "Letter"])
@pytest.mark.parametrize("kind", ["short", "medium", "book"])
def test_one_full_page_at_any_length(kind: str, page_size: str) -> None:
    article, page, seconds = _rendered(kind, page_size)
    assert len(page.reader.pages) == 1
    width, height = {"A4": (595, 842), "Letter": (612, 792)}[page_size]
    box = page.reader.pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (width, height)
    assert page.fullness() >= FULL, f"only {page.fullness():.0%} of the page is used"
    assert min(f.size for f in page.fragments) >= 8 - 1e-6
    assert min(f.y for f in page.fragments) >= 30  # nothing below the bottom margin
    assert seconds < 5, f"{kind} took {seconds:.1f} s"


@pytest.mark.parametrize("kind", ["short", "medium", "book"])
def test_title_summary_and_the_lead_read_back(kind: str) -> None:
    article, page, _ = _rendered(kind, "A4")
    document = article.document
    assert flat(document.title) in page.flat
    for sentence in article.summary.texts:
        assert flat(sentence) in page.flat
    lead = [s.text for s in document.sentences()]
    for sentence in lead[:2]:  # the lead is on the page once: as a bullet or in the text
        assert page.flat.count(flat(sentence)) == 1
    body = page.flat.split("FROM THE ARTICLE", 1)[1]
    assert flat(body).startswith(flat(after_summary(article)[0]))
    assert "Mira Holt" in page.text or kind == "short"


@pytest.mark.parametrize("kind", ["short", "medium"])
def test_an_article_that_fits_is_printed_whole(kind: str) -> None:
    article, page, _ = _rendered(kind, "A4")
    body = page.flat.split("FROM THE ARTICLE", 1)[1]
    assert flat(" ".join(after_summary(article))) in flat(body)
    assert "continues at the source" not in page.flat


def test_a_book_is_cut_after_a_whole_sentence_and_says_so() -> None:
    article, page, _ = _rendered("book", "A4")
    body = page.flat.split("FROM THE ARTICLE", 1)[1]
    shown, note = body.split("The article continues at the source.", 1)
    sentences = after_summary(article)
    # The lead is exactly the article's first k sentences after those the summary opened
    # with, for some k, with headings between.
    shown = flat(shown.replace("Part 2", " "))
    k = 0
    while k < len(sentences) and flat(" ".join(sentences[:k + 1])) in shown:
        k += 1
    assert k >= 10
    assert shown == flat(" ".join(sentences[:k]))
    assert note.strip().startswith("Source:")


def test_short_article_uses_big_type() -> None:
    _, page, _ = _rendered("short", "A4")
    body = [f.size for f in page.fragments if "Volunteers" in f.text]
    assert body and body[0] >= 12


def test_the_source_is_a_live_link_at_the_foot() -> None:
    _, page, _ = _rendered("medium", "Letter")
    annotations = [a.get_object() for a in page.reader.pages[0]["/Annots"]]
    uris = [a["/A"]["/URI"] for a in annotations if "/A" in a]
    assert uris == [URL]
    footer = [f for f in page.fragments if URL in f.text]
    assert footer and footer[0].y < 60


def test_standfirst_headings_quotes_and_lists_are_all_set() -> None:
    raw = [
        RawBlock("paragraph", "The ferry to Skarn Island will run all winter for the first time."),
        RawBlock("heading", "What changes"),
        RawBlock("item", "Two sailings a day from December.", ordered=True),
        RawBlock("item", "A night boat on Fridays.", ordered=True),
        RawBlock("quote", "We have waited thirty years for this boat, said one islander."),
        RawBlock("paragraph", "The county will review the timetable in April."),
    ]
    document = build_document(raw, title="Island ferry to run all winter", language="en",
                              standfirst="A small island gets a year-round link.",
                              source_url=URL)
    page = read(render(make_article(document, 1)))
    for text in ("A small island gets a year-round link.", "What changes",
                 "1. Two sailings a day from December.", "2. A night boat on Fridays.",
                 "We have waited thirty years for this boat, said one islander.",
                 "The county will review the timetable in April."):
        assert text in page.flat
    assert page.fullness() >= FULL


def test_huge_title_and_summary_still_make_one_page() -> None:
    title = " ".join(["Extraordinarily"] * 200)
    document = generated(3000, title=title)
    long_sentences = tuple(
        Sentence(" ".join(["word"] * 300) + ".", 0, i) for i in range(8))
    article = Article(document, Summary(long_sentences, "test"))
    page = read(render(article))
    assert len(page.reader.pages) == 1
    assert page.fullness() >= FULL
    assert "Extraordinarily…" in page.flat


def test_enormous_metadata_is_shortened_and_stays_on_the_page() -> None:
    document = make_document(
        "Harbour news", [SHORT * 4], source_url=URL, place="Orrin Ford " * 40,
        authors=[f"Reporter Number {i}" for i in range(300)],
        standfirst="A very long standfirst that goes on. " * 150)
    page = read(render(make_article(document, 3)))
    assert len(page.reader.pages) == 1
    assert min(f.y for f in page.fragments) >= 30  # nothing below the bottom margin
    assert page.fullness() >= FULL
    assert "Reporter Number 0" in page.text and "Reporter Number 299" not in page.text
    assert "min read" in page.text


def test_no_source_url_means_no_footer_and_still_full() -> None:
    document = make_document("A quiet week at the observatory", [SHORT * 3], language="en")
    page = read(render(make_article(document, 2)))
    assert "Source:" not in page.text
    assert "/Annots" not in page.reader.pages[0]
    assert page.fullness() >= FULL


# --- every script prints -------------------------------------------------------------------

SCRIPTS = {
    "ru": ("Вологда строит новый мост", [
        "Городской совет Вологды в среду одобрил строительство нового пешеходного моста "
        "через реку. Работы начнутся весной и продлятся около двух лет.",
        "По словам мэра, мост соединит старый центр с новыми жилыми кварталами. Жители "
        "давно просили о такой переправе, потому что ближайший мост находится в трёх "
        "километрах. Стоимость проекта оценивается в 450 миллионов рублей.",
    ]),
    "el": ("Νέο σχέδιο για το λιμάνι της Καλαμάτας", [
        "Το δημοτικό συμβούλιο της Καλαμάτας ενέκρινε την Τρίτη ένα νέο σχέδιο για το "
        "λιμάνι. Οι εργασίες θα ξεκινήσουν τον Σεπτέμβριο και θα διαρκέσουν δεκαοκτώ μήνες.",
        "Ο δήμαρχος δήλωσε ότι το έργο θα φέρει περισσότερους επισκέπτες στην πόλη. Οι "
        "ψαράδες ζήτησαν να διατηρηθεί μια ξεχωριστή αποβάθρα για τα καΐκια τους.",
    ]),
    "hy": ("Գյումրիում նոր այգի կկառուցվի", [
        "Գյումրիի քաղաքապետարանը երեքշաբթի օրը հաստատեց նոր այգու կառուցման ծրագիրը։ "
        "Աշխատանքները կսկսվեն գարնանը և կտևեն մեկ տարի։",
        "Քաղաքապետի խոսքով՝ այգին կունենա խաղահրապարակ և հեծանվային արահետ։ Բնակիչները "
        "վաղուց էին խնդրում կանաչ տարածք քաղաքի արևմտյան թաղամասում։",
    ]),
    "az": ("Gəncədə yeni məktəb tikiləcək", [
        "Gəncə şəhər icra hakimiyyəti çərşənbə günü yeni məktəbin tikintisinə icazə verdi. "
        "İşlər payızda başlayacaq və iki il davam edəcək.",
        "Şəhər rəhbərinin sözlərinə görə, məktəb səkkiz yüz şagird üçün nəzərdə tutulub. "
        "Valideynlər uzun müddətdir ki, köhnə binanın təmirini gözləyirdi.",
    ]),
}


@pytest.mark.parametrize("language", sorted(SCRIPTS))
def test_each_script_extracts_back_with_the_same_characters(language: str) -> None:
    title, paragraphs = SCRIPTS[language]
    document = make_document(title, paragraphs, language=language, source_url=URL,
                             authors=["Ani Petrosyan"])
    page = read(render(make_article(document, 2)))
    assert len(page.reader.pages) == 1
    assert page.fullness() >= FULL
    assert flat(title) in page.flat
    for sentence in document.sentences():  # the first two as bullets, the rest as text
        assert flat(sentence.text) in page.flat
    letters = {c for c in "".join(paragraphs) if c.isalpha()}
    assert letters <= set(page.text)
    assert page.reader.trailer["/Root"]["/Lang"] == language


RIGHT_TO_LEFT = {
    "he": ("ועדת התכנון אישרה גן ציבורי חדש בחיפה", [
        "ועדת התכנון של עיריית חיפה אישרה ביום שלישי הקמת גן ציבורי חדש ליד הנמל. "
        "העבודות יתחילו באביב ויימשכו כשנה וחצי.",
        "לדבריה של ראש הוועדה, בגן יהיו שבילי אופניים ומגרש משחקים. התושבים ביקשו "
        "במשך שנים שטח ירוק קרוב לבתיהם.",
    ]),
    "ar": ("المجلس البلدي يوافق على حديقة جديدة في صيدا", [
        "وافق المجلس البلدي في صيدا يوم الثلاثاء على إنشاء حديقة عامة جديدة قرب الميناء. "
        "ستبدأ الأعمال في الربيع وتستمر نحو عام ونصف.",
        "وقال رئيس البلدية إن الحديقة ستضم ممرات للدراجات وملعبا للأطفال. طالب السكان "
        "منذ سنوات بمساحة خضراء قريبة من منازلهم.",
    ]),
}


def _glyph_boxes(pdf: bytes) -> list[tuple[str, float, float]]:
    """(character, left x, baseline-ish y) of every glyph, as pdfium places them."""
    import pypdfium2

    document = pypdfium2.PdfDocument(pdf)
    try:
        text = document[0].get_textpage()
        boxes = []
        for i in range(text.count_chars()):
            left, bottom, _, _ = text.get_charbox(i)
            boxes.append((text.get_text_range(i, 1), left, bottom))
        return boxes
    finally:
        document.close()


@pytest.mark.parametrize("language", sorted(RIGHT_TO_LEFT))
def test_right_to_left_text_reads_back_in_order_and_is_drawn_right_to_left(
        language: str) -> None:
    title, paragraphs = RIGHT_TO_LEFT[language]
    document = make_document(title, paragraphs, language=language, source_url=URL)
    article = make_article(document, 2)
    pdf = render(article)
    page = read(pdf)
    assert len(page.reader.pages) == 1
    assert page.fullness() >= FULL
    # pypdf gives the text back in reading order; NFKC folds Arabic presentation forms
    # (the joined letters the page is drawn with) back to the letters of the article.
    extracted = flat(unicodedata.normalize("NFKC", page.text))
    for sentence in document.sentences():
        assert flat(sentence.text) in extracted
    assert flat(title) in extracted
    # Drawn right to left: on the line that opens the article, the first word is rightmost.
    words = paragraphs[0].split()
    boxes = _glyph_boxes(pdf)
    glyphs, owner = "", []
    for index, (char, _, _) in enumerate(boxes):
        folded = unicodedata.normalize("NFKC", char)
        glyphs += folded
        owner += [index] * len(folded)
    found = glyphs.rfind(words[0] + " " + words[1])
    assert found >= 0
    start = boxes[owner[found]]
    line = [b for b in boxes if abs(b[2] - start[2]) < 1 and b[0].strip()]
    assert start[1] == max(x for _, x, _ in line)


def test_a_long_right_to_left_article_reads_its_columns_from_the_right() -> None:
    title, paragraphs = RIGHT_TO_LEFT["ar"]
    sentences = [s for p in paragraphs for s in p.split(". ")] * 60
    document = make_document(title, [". ".join(sentences[i:i + 4]) for i in
                                      range(0, len(sentences), 4)], language="ar",
                             source_url=URL)
    pdf = render(make_article(document, 2))
    page = read(pdf)
    assert len(page.reader.pages) == 1 and page.fullness() >= FULL
    assert "continues at the source" in page.text
    boxes = _glyph_boxes(pdf)
    label = "".join(c for c, _, _ in boxes).index("FROM THE ARTICLE")
    body = [b for b in boxes[label + 16:] if b[0].strip()]
    width = float(page.reader.pages[0].mediabox.width)
    assert body[0][1] > width / 2  # the first column is the right-hand one
    assert any(x < width / 2 for _, x, _ in body)  # and there is a second, on the left


def test_a_symbol_without_a_glyph_is_left_out_with_a_warning(
        caplog: pytest.LogCaptureFixture) -> None:
    # U+1FAE0 (MELTING FACE, Unicode 14) is in no TrueType font a test machine installs
    # (Symbola stops at Unicode 9; Noto Color Emoji has bitmaps, not outlines).
    lost = "\U0001fae0"
    assert not printable(lost)
    document = make_document(f"Cycle lanes {lost} open",
                             [f"The new cycle lanes {lost} opened today. "
                              f"Riders cheered {lost} at the ribbon."], source_url=URL)
    with caplog.at_level("WARNING"):
        page = read(render(make_article(document, 1)))
    assert "Cycle lanes open" in page.flat
    assert "The new cycle lanes opened today." in page.flat
    assert lost not in page.text
    assert any(lost in record.getMessage() for record in caplog.records)


def test_a_script_without_glyphs_is_refused_naming_it() -> None:
    title, text = "港口新闻", "市议会周二批准了新的港口计划。工程将于春季开始。"
    document = make_document(title, [text], language="zh")
    if printable(title + text):  # the system's CJK fonts print it (tests/writers/
        assert "港口新闻" in read(render(make_article(document, 1))).flat  # test_pdf_scripts)
        return
    with pytest.raises(OutputError, match="no font for CJK.*install fonts-wqy-zenhei"):
        render(make_article(document, 1))


# --- text is text ---------------------------------------------------------------------------

MARKUP = [
    'The memo read <b>urgent</b> and a<b and c>d, then <font name="Courier" size="40">big</font>.',
    'AT&T, R&D spending and Q&A sessions rose; &amp; stayed &lt;literal&gt; too.',
    'One reader pasted <img src="/etc/passwd"/> and <a href="javascript:alert(1)">click</a>.',
    "An unclosed <i>tag and a <para> and ]]> end here.",
]


def test_markup_in_an_article_prints_literally() -> None:
    document = make_document('Tags <b>in</b> the "title" & more', MARKUP, source_url=URL)
    page = read(render(make_article(document, 1)))
    for text in MARKUP:
        assert flat(text) in page.flat
    assert 'Tags <b>in</b> the "title" & more' in page.flat
    raw = page.pdf
    assert b"javascript" not in raw.lower()
    assert b"/XObject" not in raw and b"/Subtype /Image" not in raw
    annotations = page.reader.pages[0].get("/Annots", [])
    assert [a.get_object()["/A"]["/URI"] for a in annotations] == [URL]


def test_a_javascript_source_url_is_never_linked() -> None:
    document = make_document("Links", [SHORT], source_url="javascript:alert(1)")
    page = read(render(make_article(document, 1)))
    assert "/Annots" not in page.reader.pages[0]
    assert b"javascript" not in page.pdf.lower()


# --- metadata, reproducibility, preview, configuration ----------------------------------

def test_metadata() -> None:
    article, page, _ = _rendered("medium", "A4")
    meta = page.reader.metadata
    assert meta is not None
    assert meta.title == article.document.title
    assert meta.author == "Mira Holt"
    assert meta.subject == article.summary.texts[0]
    keywords = [k.strip() for k in str(meta["/Keywords"]).split(",")]
    assert keywords == extract_keywords(article.document, limit=8)  # as the briefing has them
    assert len(keywords) >= 3
    assert page.reader.trailer["/Root"]["/Lang"] == "en"


def test_two_runs_give_identical_bytes() -> None:
    article = short_article()
    assert render(article) == render(article)
    medium = spread_summary(generated(42))
    assert render(medium, pdf_page_size="Letter") == render(medium, pdf_page_size="Letter")


@pytest.mark.parametrize("page_size, ratio", [("A4", 842 / 595), ("Letter", 792 / 612)])
def test_preview_is_a_png_of_the_page(page_size: str, ratio: float) -> None:
    png = render_preview(render(short_article(), pdf_page_size=page_size), dpi=50)
    assert png.startswith(b"\x89PNG\r\n\x1a\n")
    width, height = struct.unpack(">II", png[16:24])
    assert abs(width - 50 * {"A4": 595, "Letter": 612}[page_size] / 72) <= 1
    assert abs(height / width - ratio) < 0.01


def test_the_writer_is_registered_as_pdf() -> None:
    writer = get_writer("pdf")
    assert isinstance(writer, PdfWriter)
    assert (writer.name, writer.extension, writer.media_type, writer.combines) == (
        "pdf", ".pdf", "application/pdf", False)


def test_organisation_in_the_masthead_and_user_style_overrides(tmp_path: Path) -> None:
    (tmp_path / "onepager.toml").write_text(
        '[labels]\nsummary = "En bref"\n[colours]\nmasthead = "#004400"\n', encoding="utf-8")
    pdf = render(short_article(), organisation="Northshire Gazette", template_dir=tmp_path)
    page = read(pdf)
    assert page.fragments[0].text == "Northshire Gazette"
    assert "EN BREF" in page.text and "SUMMARY" not in page.text
    assert "KEY QUOTES" in page.text


def test_labels_are_in_the_articles_language_unless_the_style_sets_them(
        tmp_path: Path) -> None:
    german = make_article(make_document(
        "Stadtrat beschließt neue Brücke",
        ("Der Stadtrat hat am Montag eine neue Brücke beschlossen. Die Abstimmung endete "
         "sieben zu zwei.", "Der Bau soll im Mai beginnen und 4,5 Millionen Euro kosten.",
         "“Diese Brücke verbindet unsere Viertel”, sagte Bürgermeisterin Ana Ruiz."),
        language="de"), count=2)
    page = read(render(german))
    assert "ZUSAMMENFASSUNG" in page.text and "SUMMARY" not in page.text
    assert "ZENTRALE ZITATE" in page.text
    # The key quote is shown in German marks; the article's text keeps its own.
    assert "„Diese Brücke verbindet unsere Viertel“" in flat(page.text)
    assert "“Diese Brücke verbindet unsere Viertel”" in flat(page.text)
    assert "Min. Lesezeit" in page.text and "min read" not in page.text
    (tmp_path / "onepager.toml").write_text('[labels]\nsummary = "Kurz gesagt"\n',
                                            encoding="utf-8")
    page = read(render(german, template_dir=tmp_path))
    assert "KURZ GESAGT" in page.text and "Min. Lesezeit" in page.text


def test_a_bad_user_style_is_a_usage_error(tmp_path: Path) -> None:
    (tmp_path / "onepager.toml").write_text("[type]\nmin_size = 6\n", encoding="utf-8")
    with pytest.raises(UsageError, match="min_size"):
        render(short_article(), template_dir=tmp_path)


def test_one_article_at_a_time() -> None:
    with pytest.raises(UsageError):
        PdfWriter().write([short_article(), short_article()], io.BytesIO(), Options())


# --- any text -------------------------------------------------------------------------------

_ALPHABET = ("abcXYZ əğşİı ΩωЖж Աա אב عرب 0123 .,;:!?\"'“”«» <>&/=-— \n\t")


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(title=st.text(alphabet=_ALPHABET, min_size=1, max_size=80),
       paragraphs=st.lists(st.text(alphabet=_ALPHABET, min_size=1, max_size=600), min_size=1,
                        max_size=6))
def test_any_text_makes_exactly_one_page(title: str, paragraphs: list[str]) -> None:
    raw = [RawBlock("paragraph", p) for p in paragraphs]
    document = build_document(raw, title=title, language="en", source_url=URL)
    if not document.blocks:
        return
    page = read(render(make_article(document, 2)))
    assert len(page.reader.pages) == 1


def test_a_left_to_right_pdf_loads_no_other_format_and_no_preview_or_bidi_library() -> None:
    code = (
        "import io, sys\n"
        "from tests.conftest import make_article\n"
        "from exporter.config import Options\n"
        "from exporter.writers.pdf import PdfWriter\n"
        "PdfWriter().write([make_article()], io.BytesIO(), Options())\n"
        "print(sorted(m for m in ('docx', 'nltk', 'sumy', 'ebooklib', 'matplotlib', 'pypdfium2',"
        " 'arabic_reshaper', 'bidi') if m in sys.modules))\n"
    )
    root = Path(__file__).resolve().parents[2]
    found = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                           check=True, cwd=root)
    assert found.stdout.strip() == "[]"


_WORDS = st.text(alphabet="ilmMW.,'— abcXYZ əğЖжΩ0123", min_size=1, max_size=700)


@settings(max_examples=200, deadline=None)
@given(text=_WORDS, size=st.sampled_from([8.0, 9.5, 10.5, 14.0, 20.0]),
       width=st.floats(min_value=40, max_value=520), face=st.sampled_from(["regular", "bold"]))
def test_the_line_count_bound_never_exceeds_the_lines_set(text: str, size: float, width: float,
                                                          face: str) -> None:
    # The size search rules out sizes with this bound before setting anything: were it
    # ever above the paragraph's own count, an article that fits would be set smaller.
    from reportlab.lib.colors import black

    from exporter.writers.pdf import _registered_fonts
    from exporter.writers.pdf.layout import _ink_and_words, least_lines
    from exporter.writers.pdf.text import TextParagraph, TextStyle, word_width

    text = " ".join(text.split())
    font = getattr(_registered_fonts(), face).name
    measured = _ink_and_words(text, font)
    if not text or measured is None:
        return
    paragraph = TextParagraph(text, TextStyle("t", font, size, size * 1.2, black))
    ink, words = measured
    assert least_lines(ink * size, words, word_width(" ", font) * size, width) <= len(
        paragraph.lines(width))


@pytest.mark.parametrize("count", [12, 120, 900])
def test_the_sections_height_bound_never_exceeds_the_set_sections(count: int) -> None:
    # Sizes at which the whole article cannot fit are ruled out with this bound
    # before the sections are set: it must never claim more than they take.
    from reportlab.lib.pagesizes import A4

    from exporter.writers.pdf import _registered_fonts, layout
    from exporter.writers.pdf.layout import Counts, _reductions
    from exporter.writers.pdf.style import load_style

    article = spread_summary(generated(count), 6)
    setter, _ = layout(article, "Valley Herald", load_style(), _registered_fonts(), A4)
    content = setter.content
    full = Counts(len(content.summary), len(content.quotes), len(content.figures))
    for size in (8.0, 9.5, 10.5, 16.0, 20.0):
        for counts in [full, *_reductions(full)]:
            items = (setter.header(size) + setter.summary(size, counts.summary)
                     + setter.quotes(size, counts.quotes) + setter.figures(size, counts.figures))
            assert setter.least_fixed_height(size, counts) <= sum(
                item.gap + item.height for item in items) + 1e-6
