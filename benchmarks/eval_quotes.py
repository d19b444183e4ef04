"""Key quotes and key figures on real pages, and on a labelled set (``make eval-quotes``).

Part 1 reads the pages of ``../shared/eval/web`` (relative to the project's root)
with exporter's own reader and extracts what a briefing shows (the default number
of key quotes and key figures). It prints how many quotes were found, how many
have a speaker, and how many of those speakers fail plausibility checks written
here, apart from the extractor's code: a speaker must look like a name, a role or
an organisation, start with a capital, and be the fullest form the article uses.
For figures it prints the share of bare years and decades.

Part 2 runs key-quote extraction over the labelled articles of
``tests/extract/data/attributions.json`` and prints precision and recall of the
quotation spans and of the speakers, by language.

    .venv/bin/python benchmarks/eval_quotes.py [--cache FILE] [--show N]
"""

from __future__ import annotations

import argparse
import gzip
import json
import pickle
import re
import sys
import time
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from exporter.errors import ExporterError  # noqa: E402
from exporter.extract import key_figures, key_quotes  # noqa: E402
from exporter.model import Document  # noqa: E402
from exporter.readers import read_bytes  # noqa: E402
from exporter.readers.build import RawBlock, build_document  # noqa: E402

WEB = ROOT.parent / "shared" / "eval" / "web"
LABELLED = ROOT / "tests" / "extract" / "data" / "attributions.json"

# --- plausibility of a speaker, judged without the extractor's code ------------------

_ABBREVIATIONS = {
    "dr", "mr", "mrs", "ms", "mx", "prof", "sen", "rep", "gov", "gen", "col", "lt", "sgt",
    "capt", "st", "jr", "sr", "hon", "rev", "fr", "pres", "mme", "mlle", "sra", "dra",
    "lic", "ing", "dipl", "no", "nr", "vol", "art", "abs", "bzw", "ca", "vs", "etc", "inc",
}
_MONTH_WORDS = {
    "january", "february", "march", "april", "june", "july", "august", "september",
    "october", "november", "december", "januar", "februar", "märz", "juni", "juli",
    "oktober", "dezember", "janvier", "février", "avril", "juillet", "août", "septembre",
    "octobre", "novembre", "décembre", "enero", "febrero", "marzo", "abril", "mayo", "junio",
    "julio", "agosto", "septiembre", "octubre", "noviembre", "diciembre",
}
_PRONOUN_WORDS = {
    "he", "she", "they", "it", "we", "i", "you", "er", "sie", "es", "wir", "ich", "il",
    "elle", "ils", "elles", "on", "él", "ella", "ellos", "lui", "lei", "this", "that", "who",
}
_EDGE_WORDS = {  # words a noun phrase neither starts nor ends with
    "and", "but", "or", "so", "then", "also", "later", "recently", "previously", "earlier",
    "now", "today", "yesterday", "once", "again", "further", "however", "has", "have", "had",
    "would", "will", "did", "does", "to", "of", "in", "on", "at", "for", "with", "by", "as",
    "when", "while", "that", "which", "und", "auch", "dann", "et", "mais", "y", "pero",
    "über", "noch", "schon", "bereits", "jetzt", "heute", "gestern", "aber", "wenn", "weil",
    "während", "im", "am", "zu", "mit", "von", "oft", "gerade", "if", "because", "sin", "a",
    "de", "en", "entre", "dans", "pour", "sur", "desde", "durante", "den", "dem", "der", "des",
    "uns", "ihm", "ein", "eine", "dijo", "contó", "sagt", "sagte", "said", "says", "told",
    "weiß", "ist", "appelliert", "erklärt", "déclare", "dit", "ajoute",
}
_ARTICLES = {"der", "ein", "eine"}
_AGE = re.compile(r"\d+-(?:jährige[rn]?|year-old|malige[rn]?)", re.IGNORECASE)
# A sentence break inside a speaker: a full stop, not after an initial or a title.
_SENTENCE_BREAK = re.compile(r"(?<!\b[A-Z])(?<!\bDr)(?<!\bMr)(?<!\bMs)(?<!\bMrs)(?<!\bSt)"
                             r"(?<!\bProf)(?<!\bGov)(?<!\bSen)[.!?]\s+\S")


def implausible(speaker: str, document_text: str) -> str | None:
    """Why ``speaker`` cannot be one ('abbreviation', 'date'...), or None when it may be."""
    words = speaker.split()
    bare = [w.strip(".,;:()'’\"").lower() for w in words]
    if not words or len(words) > 10:
        return "length"
    if "@" in speaker or "http" in speaker.lower() or "pic." in speaker.lower():
        return "handle"
    if re.search(r"\d", _AGE.sub("", speaker)):
        return "date or number"
    if any(w in _MONTH_WORDS for w in bare):
        return "date or number"
    if bare[-1] in _ABBREVIATIONS or (len(bare) == 1 and len(bare[0]) <= 2):
        return "abbreviation"
    if len(words) == 1 and bare[0] in _PRONOUN_WORDS:
        return "pronoun"
    if (bare[0] in _EDGE_WORDS - _ARTICLES) or bare[-1] in _EDGE_WORDS:
        return "edge word"
    if len(words) == 1 and (bare[0].endswith("ly") or words[0].islower()):
        return "not a noun phrase"
    if any(c in speaker for c in "\"“”„«»|[]{}") or _SENTENCE_BREAK.search(speaker):
        return "fragment"
    first = next((c for c in speaker if c.isalpha()), "")
    if first.islower():
        return "lowercase start"
    if len(words) == 1 and words[0][:1].isupper():
        # A surname alone while the article writes 'Firstname Surname' elsewhere.
        fuller = re.search(rf"\b[A-ZÀ-Þ][\w’'-]+\s+{re.escape(words[0])}\b", document_text)
        if fuller and fuller.group(0).split()[0].lower() not in _EDGE_WORDS | {"the", "der",
                                                                             "die", "le", "la",
                                                                             "el", "los"}:
            return "not the fullest form"
    return None


_BARE_YEAR = re.compile(r"(?:1[5-9]|20)\d\d(?:s|er|er Jahre)?|(?:the )?'?\d0s")


def is_bare_year(figure: str) -> bool:
    """Whether a figure is a year or a decade and nothing more ('2020', '1990s')."""
    return _BARE_YEAR.fullmatch(figure.strip()) is not None


# --- the real pages ------------------------------------------------------------------


def _documents(cache: Path | None) -> list[Document]:
    if cache is not None and cache.exists():
        documents: list[Document] = pickle.loads(cache.read_bytes())
        return documents
    gold = json.loads((WEB / "gold.json").read_text("utf-8"))
    documents = []
    for page in gold:
        data = gzip.decompress((WEB / page["page"]).read_bytes())
        try:
            documents.append(read_bytes(data, source=page["id"], format="html"))
        except ExporterError:
            continue
    if cache is not None:
        cache.write_bytes(pickle.dumps(documents))
    return documents


@dataclass
class WebReport:
    pages: int = 0
    quotes: int = 0
    attributed: int = 0
    failures: list[tuple[str, str, str]] = field(default_factory=list)  # reason, speaker, page
    figures: int = 0
    years: list[tuple[str, str]] = field(default_factory=list)


def web_report(documents: Iterable[Document]) -> WebReport:
    """Quotes, speakers and figures of each document, as a briefing shows them."""
    report = WebReport()
    for document in documents:
        report.pages += 1
        text = document.text
        for quote in key_quotes(document):
            report.quotes += 1
            if quote.speaker is None:
                continue
            report.attributed += 1
            reason = implausible(quote.speaker, text)
            if reason:
                report.failures.append((reason, quote.speaker, document.source or ""))
        for figure in key_figures(document):
            report.figures += 1
            if is_bare_year(figure.figure):
                report.years.append((figure.figure, document.source or ""))
    return report


# --- the labelled set ----------------------------------------------------------------


def _key(text: str) -> str:
    return " ".join(re.findall(r"\w+", text.casefold()))


@dataclass
class Scores:
    gold: int = 0
    found: int = 0
    spans: int = 0  # found quotations whose span is a gold one
    gold_speakers: int = 0
    found_speakers: int = 0
    speakers: int = 0  # found speakers equal to the gold speaker of that quotation

    def add(self, other: Scores) -> None:
        for name in vars(self):
            setattr(self, name, getattr(self, name) + getattr(other, name))


def labelled_document(article: dict[str, object]) -> Document:
    paragraphs = article["paragraphs"]
    assert isinstance(paragraphs, list)
    quotes = set(article.get("quote_blocks", []))  # type: ignore[call-overload]
    raw = [RawBlock("quote" if i in quotes else "paragraph", p) for i, p in enumerate(paragraphs)]
    return build_document(raw, title="Labelled article", language=str(article["language"]))


def same_speaker(found: str, wanted: str) -> bool:
    """Whether ``found`` names ``wanted``: the same words, or them with a role or title
    around them ('Mayor Colin Ashby' for 'Colin Ashby'), at most four words more."""
    have, want = _key(found).split(), _key(wanted).split()
    if have == want:
        return True
    if len(have) > len(want) + 4:
        return False
    return any(have[i : i + len(want)] == want for i in range(len(have) - len(want) + 1))


def score_article(article: dict[str, object]) -> Scores:
    """Span and speaker matches of one labelled article."""
    expected = article["quotes"]
    assert isinstance(expected, list)
    gold = {_key(q["text"]): q.get("speaker") for q in expected}
    scores = Scores(gold=len(gold), gold_speakers=sum(1 for s in gold.values() if s))
    for quote in key_quotes(labelled_document(article), limit=1000, max_chars=None):
        scores.found += 1
        key = _key(quote.text)
        if quote.speaker:
            scores.found_speakers += 1
        if key not in gold:
            continue
        scores.spans += 1
        wanted = gold[key]
        if quote.speaker and wanted and same_speaker(quote.speaker, wanted):
            scores.speakers += 1
    return scores


def labelled_scores(articles: Sequence[dict[str, object]]) -> dict[str, Scores]:
    """Scores by language, and over all under 'all'."""
    by_language: dict[str, Scores] = {"all": Scores()}
    for article in articles:
        scores = score_article(article)
        by_language.setdefault(str(article["language"]), Scores()).add(scores)
        by_language["all"].add(scores)
    return by_language


def _ratio(part: int, whole: int) -> str:
    return f"{part / whole:.3f}" if whole else "  -  "


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cache", type=Path, help="keep the read pages in this pickle file")
    parser.add_argument("--show", type=int, default=15, help="implausible speakers to list")
    args = parser.parse_args(argv)

    started = time.perf_counter()
    report = web_report(_documents(args.cache))
    print(f"== real pages ({report.pages} read from {WEB}, {time.perf_counter() - started:.0f} s)")
    print(f"key quotes found       {report.quotes}")
    print(f"with a speaker         {report.attributed}")
    failed = len(report.failures)
    print(f"implausible speakers   {failed} ({100 * failed / max(report.attributed, 1):.1f}%)"
          "   goal: under 2%")
    for reason, count in Counter(r for r, _, _ in report.failures).most_common():
        print(f"    {reason:22} {count}")
    for reason, speaker, page in report.failures[: args.show]:
        print(f"    {page}: {speaker!r} ({reason})")
    years = len(report.years)
    print(f"key figures            {report.figures}")
    print(f"bare years or decades  {years} ({100 * years / max(report.figures, 1):.1f}%)"
          "   goal: under 3%")

    articles = json.loads(LABELLED.read_text("utf-8"))
    print(f"\n== labelled set ({LABELLED.relative_to(ROOT)})")
    print("language  quotes  span P  span R  speakers  speaker P  speaker R")
    for language, s in labelled_scores(articles).items():
        print(f"{language:8}  {s.gold:6}  {_ratio(s.spans, s.found):6}  {_ratio(s.spans, s.gold):6}"
              f"  {s.gold_speakers:8}  {_ratio(s.speakers, s.found_speakers):9}"
              f"  {_ratio(s.speakers, s.gold_speakers):9}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
