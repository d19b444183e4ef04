"""Property: whatever YAML front matter a Markdown article has, reading it ends well.

Generated front matter (scalars of every YAML type, nested lists and mappings,
dates real and impossible, integers of thousands of digits, odd keys, known
keys given the wrong kind of value) must give a Document that summarises, or
an :class:`ExporterError`, never another exception; on the command line,
exit 0 or 2, never 1.
"""

from __future__ import annotations

import logging
from pathlib import Path

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import exporter
from exporter.cli import main
from exporter.errors import ExporterError
from exporter.readers import read_string

BODY = (
    "Die Fähre zur Insel fährt ab Montag wieder nach dem alten Fahrplan. "
    "Der Betreiber hatte den Winterfahrplan wegen der Stürme verlängert. "
    "Pendler begrüßten die Rückkehr der frühen Verbindung um sechs Uhr.\n\n"
    "Ticket prices stay the same until the end of the year. "
    "The operator said a new ship would arrive in the spring."
)
KNOWN_KEYS = ["title", "date", "published", "author", "authors", "standfirst", "description",
              "subtitle", "place", "dateline", "source", "url", "source_url", "language", "lang"]

_SCALAR_TEXT = st.one_of(
    # Scalars written as YAML text, so the loader itself decides their type.
    st.sampled_from([
        "0000-00-00", "2024-02-30", "2024-02-29", "2023-13-01", "1999-12-31 25:00:00",
        "2024-01-01T10:00:00Z", "25:00", "12:30:15", "~", "null", "yes", "no", "on", "off",
        ".nan", ".inf", "-.inf", "0x1F", "0o17", "1_000", "1e400", "''", '""', "[]", "{}",
        "!!binary aGVsbG8=", "!!set {a, b}", "!!str 12", "!!float x", "!!int x",
        "!!timestamp 2024-02-30", "&anchor value", "|\n  block text", ">\n  folded",
    ]),
    st.integers(min_value=1, max_value=6000).map(lambda n: "9" * n),
    st.integers(min_value=-(10**30), max_value=10**30).map(str),
    st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=30).map(
        lambda t: yaml.safe_dump(t, allow_unicode=True).removesuffix("\n...\n").strip()
    ),
)


def _nested(depth: int) -> st.SearchStrategy[str]:
    if depth == 0:
        return _SCALAR_TEXT
    inner = _nested(depth - 1)
    return st.one_of(
        _SCALAR_TEXT,
        st.lists(inner, max_size=3).map(lambda items: "[" + ", ".join(
            i if "\n" not in i else "x" for i in items) + "]"),
        st.lists(st.tuples(st.sampled_from(["a", "name", "1", "true", "null", "2024-01-01"]),
                           inner), max_size=3).map(lambda pairs: "{" + ", ".join(
            f"{k}: {v}" if "\n" not in v else f"{k}: x" for k, v in pairs) + "}"),
    )


_KEY = st.one_of(
    st.sampled_from(KNOWN_KEYS),
    st.sampled_from(["1", "true", "null", "2024-02-30", "? [a]", "'quoted key'", "TITLE",
                     " title ", "<<", "-", "x" * 300]),
)


@st.composite
def front_matters(draw: st.DrawFn) -> str:
    """YAML front matter text: a few keys, each with a scalar or nested value."""
    lines = []
    for _ in range(draw(st.integers(min_value=0, max_value=5))):
        key = draw(_KEY)
        value = draw(_nested(2))
        if "\n" in value:
            lines.append(f"{key}: {value.splitlines()[0]}")
            lines.extend(f"  {line}" for line in value.splitlines()[1:])
        else:
            lines.append(f"{key}: {value}")
    return "\n".join(lines)


@settings(max_examples=150, deadline=None, suppress_health_check=list(HealthCheck))
@given(front_matters())
def test_any_front_matter_reads_and_summarises_or_fails_cleanly(front: str) -> None:
    logging.getLogger("exporter").setLevel(logging.ERROR)  # the warnings are expected
    try:
        document = read_string(f"---\n{front}\n---\n\n{BODY}\n", format="markdown",
                               source="generated.md")
    except ExporterError as error:
        message = str(error)
        assert message.startswith("generated.md: ") and "\n" not in message
        return
    finally:
        logging.getLogger("exporter").setLevel(logging.NOTSET)
    assert isinstance(document.title, str) and document.title
    assert all(isinstance(a, str) and a for a in document.authors)
    assert document.published is None or document.published.year >= 1
    summary = exporter.summarise(document, sentences=2)
    assert 1 <= len(summary.sentences) <= 2


@settings(max_examples=4, deadline=None, suppress_health_check=list(HealthCheck))
@given(st.lists(front_matters(), min_size=2, max_size=3))
def test_the_command_line_exits_0_or_2_for_any_front_matter(
    tmp_path_factory, fronts: list[str]
) -> None:
    folder: Path = tmp_path_factory.mktemp("fm")
    sources = []
    for number, front in enumerate(fronts):
        path = folder / f"article-{number}.md"
        path.write_text(f"---\n{front}\n---\n\n{BODY}\n", encoding="utf-8")
        sources.append(str(path))
    assert main(["summarise", "--json", *sources]) in (0, 2)
    assert main(["export", *sources, "--format", "epub", "--out", str(folder / "out"),
                 "--jobs", "1"]) in (0, 2)
