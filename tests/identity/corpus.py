"""A corpus of 50 varied articles whose documents are frozen as hashes in hashes.json.

Refactoring the writers must not change what a user receives by accident: every DOCX,
PDF and EPUB this corpus yields through the CLI is hashed, and the test compares the
hashes. Regenerate them only when a change of output is intended, and say so in the
commit message:

    PYTHONPATH=$PWD .venv/bin/python -m tests.identity.corpus

The hashes depend on the libraries that write the files (python-docx, reportlab,
ebooklib, fonts), so the file records their versions and the test skips with the
difference when they are not the ones installed.
"""

from __future__ import annotations

import hashlib
import importlib.metadata
import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

from tests.identity.prose import PROSE, TITLES

ROOT = Path(__file__).resolve().parents[2]
HASHES = Path(__file__).with_name("hashes.json")
LIBRARIES = ("python-docx", "reportlab", "ebooklib", "matplotlib", "pillow", "lxml",
             "trafilatura", "markdown-it-py", "fonttools", "babel")
EPOCH = "1767225600"  # 2026-01-01T00:00:00Z: articles without a date get this one


def _front(fields: dict[str, str]) -> str:
    lines = [f"{key}: {value}" for key, value in fields.items()]
    return "---\n" + "\n".join(lines) + "\n---\n\n"


def articles() -> Iterator[tuple[str, str]]:
    """(file name, text) of each article of the corpus."""
    for lang, paragraphs in PROSE.items():
        yield f"plain-{lang}.txt", TITLES[lang] + "\n\n" + "\n\n".join(paragraphs) + "\n"
    authors = {"en": "Ruth Hale", "de": "Jonas Weber und Lea Brandt", "fr": "Claire Dubois",
               "es": "Lucía Ortega, Pablo Ruiz", "ru": "Ольга Смирнова", "he": "דנה לוי",
               "ar": "سارة حداد", "pl": "Marek Nowak"}
    for n, (lang, author) in enumerate(authors.items()):
        paragraphs = PROSE[lang]
        front = _front({
            "title": TITLES[lang], "author": author, "date": f"2025-{n + 1:02d}-{10 + n}",
            "source": f"https://news.example.org/{lang}/story-{n}?ref=feed",
            "language": lang,
        })
        body = [paragraphs[0], f"## {paragraphs[1][:30].rstrip()}", paragraphs[1],
                "- " + paragraphs[2][:60] + "\n- " + paragraphs[0][:50] + "\n- " + "2024",
                "> " + paragraphs[-1]] + list(paragraphs[2:])
        yield f"front-{lang}.md", front + "\n\n".join(body) + "\n"
    for lang in ("en", "de", "fr", "es"):
        paragraphs = PROSE[lang]
        items = "".join(f"<li>{p[:70]}</li>" for p in paragraphs[:3])
        html = (
            f'<!doctype html><html lang="{lang}"><head><meta charset="utf-8">'
            f"<title>{TITLES[lang]} | Example Times</title>"
            f'<meta name="author" content="Sam Field">'
            f'<meta property="article:published_time" content="2025-06-0{len(lang)}T08:00:00Z">'
            f'<link rel="canonical" href="https://times.example.com/{lang}/a1"></head><body>'
            f"<nav><a href='/'>Home</a> <a href='/news'>News</a></nav><article>"
            f"<h1>{TITLES[lang]}</h1>"
            + "".join(f"<p>{p}</p>" for p in paragraphs[:2])
            + f"<h2>{paragraphs[2][:25]}</h2><ul>{items}</ul>"
            + "".join(f"<p>{p}</p>" for p in paragraphs[2:])
            + "</article><footer>© Example Times</footer></body></html>"
        )
        yield f"page-{lang}.html", html
    en = PROSE["en"]
    yield "short.txt", "Ferry vote\n\n" + en[0] + "\n"
    yield "long.md", "# The ferry, week by week\n\n" + "\n\n".join(
        f"## Week {week}\n\n" + "\n\n".join(p.replace("Wednesday", f"day {week}") for p in en)
        for week in range(1, 9)) + "\n"
    yield "numbered.md", ("# Five things the council decided\n\n" + en[0] + "\n\n"
                          + "\n".join(f"{i}. {p[:80]}" for i, p in enumerate(en, 1)) + "\n\n"
                          + en[-1] + "\n")
    yield "nested.md", ("# Lists inside lists\n\n" + en[2] + "\n\n- Costs\n  - £2.4 million\n"
                        "  - £1.1 million\n- Dates\n  1. April\n  2. Autumn\n\n" + en[3] + "\n")
    yield "quotes.txt", ("Voices from the quay\n\n"
                         + '"We will keep fighting for the bridge," said Mark Ellis, a ferryman.\n\n'
                         + "\n\n".join(en) + '\n\n"It is a good day," Ms Adeyemi told reporters.\n')
    yield "mixed-title.txt", ("iPhone מועצת העיר אישרה\n\n" + "\n\n".join(PROSE["he"]) + "\n")
    yield "figures.txt", ("Budget in numbers\n\n"
                          + "The budget rose 4.5% to $12.3 billion in 2025, up from $11.8 billion. "
                          "Spending on schools grew by 7%, and 1,250 new teachers were hired.\n\n"
                          + "\n\n".join(en[2:]) + "\n")
    yield "crlf.txt", ("Ferry vote, Windows edition\r\n\r\n" + "\r\n\r\n".join(en[:4]) + "\r\n")
    yield "three-authors.md", (_front({"title": "Ferry returns", "author": "Ana Ruiz, Tom Lee, "
                                       "Kim Park", "date": "2024-03-07", "place": "Harbourton",
                                       "source": "https://example.org/ferry"})
                               + "\n\n".join(en) + "\n")
    yield "standfirst.md", (_front({"title": "Ferry back in autumn", "description": "The island "
                                    "crossing returns after three years, the council decided.",
                                    "date": "2023-11-30"}) + "\n\n".join(en[1:]) + "\n")
    yield "duplicate.txt", TITLES["en"] + "\n\n" + "\n\n".join(PROSE["en"]) + "\n"
    yield "no-title.txt", "\n\n".join(PROSE["fr"][1:]) + "\n"
    yield "symbols.txt", ("Prices → up, № 5 — “quoted” ‘single’ …\n\n"
                          + "The index rose ↑ 3% on Monday… Analysts said “it’s early”. "
                            "Item № 42 was sold for €1,000 — a record.\n\n" + en[4] + "\n")
    yield "headings-only-ish.md", ("# Timetable\n\n## Morning\n\nFirst boat at 6:40.\n\n"
                                   "## Evening\n\nLast boat at 21:10. " + en[5] + "\n")
    yield "links.md", ("# Links and emphasis\n\nThe *council* published the **full report** on "
                       "[its website](https://council.example.gov/report) and at "
                       "<https://mirror.example.net/r>. " + en[1] + "\n\n" + en[4] + "\n")
    yield "lying-lang.html", ('<html lang="en"><head><title>' + TITLES["es"] + "</title></head>"
                              "<body><main>" + "".join(f"<p>{p}</p>" for p in PROSE["es"])
                              + "</main></body></html>")
    yield "bare.html", ("<p>" + "</p><p>".join(PROSE["it"]) + "</p>")
    yield "short-lines.txt", ("Notes from the meeting\n\n" + "\n".join(
        f"Item {i}: the council noted point {i} and moved on." for i in range(1, 15)) + "\n")
    yield "one-long-paragraph.txt", ("Everything at once\n\n" + " ".join(PROSE["nl"] * 3)
                                     .replace("dinsdag", "woensdag", 2) + "\n")
    yield "emphasis-de.md", (_front({"title": "Stimmen aus dem Rat", "language": "de",
                                     "date": "2022-02-28"})
                             + "Die Sitzung dauerte *vier Stunden*. " + PROSE["de"][4] + "\n\n"
                             + "> „Wir bauen nicht auf Sand“, sagte ein Ratsmitglied.\n\n"
                             + PROSE["de"][3] + "\n")
    yield "german-quotes.md", (_front({"title": "„Endlich!“ – Hallenbad wird saniert",
                                       "language": "de", "author": "Karin Voss"})
                               + "\n\n".join(PROSE["de"]) + "\n")


def _export(folder: Path, names: list[str], out: Path, *extra: str) -> None:
    env = dict(os.environ, SOURCE_DATE_EPOCH=EPOCH, PYTHONPATH=str(ROOT))
    command = [sys.executable, "-m", "exporter", "export", *(str(folder / n) for n in names),
               "--out", str(out), "--jobs", "1", "--json", *extra]
    subprocess.run(command, check=True, env=env, capture_output=True, cwd=folder)


def hashes(folder: Path) -> dict[str, str]:
    """Write the corpus into ``folder``, export it as a user would, hash every document."""
    names = []
    for name, text in articles():
        (folder / name).write_bytes(text.encode("utf-8"))
        names.append(name)
    _export(folder, names, folder / "batch")
    _export(folder, names[:12], folder / "dated", "--order", "date", "--format", "epub",
            "--digest-title", "Twelve languages")
    for name in names[12:20]:
        _export(folder, [name], folder / ("single-" + name.split(".")[0]), "--format", "epub")
    _export(folder, names[20:30], folder / "options", "--organisation", "Harbour Desk",
            "--page-size", "Letter", "--sentences", "2", "--digest-title", "Options")
    _export(folder, names[:6], folder / "lead", "--method", "lead", "--format", "pdf,docx")
    result = {}
    for path in sorted(folder.glob("*/*")):
        result[f"{path.parent.name}/{path.name}"] = hashlib.sha256(path.read_bytes()).hexdigest()
    return result


def library_versions() -> dict[str, str]:
    """The installed version of each library the documents' bytes depend on."""
    versions = {}
    for name in LIBRARIES:
        try:
            versions[name] = importlib.metadata.version(name)
        except importlib.metadata.PackageNotFoundError:
            versions[name] = "absent"
    return versions


def main() -> None:
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        frozen = {"libraries": library_versions(), "documents": hashes(Path(tmp))}
    HASHES.write_text(json.dumps(frozen, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"{len(frozen['documents'])} documents frozen in {HASHES.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
