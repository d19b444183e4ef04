"""The plain-text and HTML bodies, filled in from ``templates/email.txt`` and ``email.html``.

A body template is split into named sections by marker lines ``[% name %]``;
text before the first marker is the template's own documentation and is
ignored. Each section is a :class:`string.Template` (``${title}``). The
``message`` section holds everything; ``article`` is repeated for each article;
``bullet`` for each summary sentence; ``standfirst``, ``source``,
``attachments``/``attachment`` and ``notice`` are optional parts, left out when
there is nothing to show or when the template has no such section.

In the HTML body every value that comes from an article is HTML-escaped: article
text never becomes markup. Only parts rendered from the template itself are
inserted as they are.
"""

from __future__ import annotations

import html
import re
import string
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from ..config import Options
from ..errors import UsageError
from ..labels import labels_for
from ..model import Article
from ..presentation import band_name, presentation_of
from ..resources import template_path
from .attachments import Attachment
from .settings import format_size

TEXT_TEMPLATE = "email.txt"
HTML_TEMPLATE = "email.html"
REQUIRED = ("message", "article", "bullet")
_MARKER = re.compile(r"^\[%\s*([a-z]+)\s*%\]\s*$", re.M)
_BLANK_RUNS = re.compile(r"\n{3,}")


@dataclass(frozen=True)
class Bodies:
    """The two renderings of one message."""

    text: str
    html: str


def render_bodies(
    articles: Sequence[Article],
    *,
    options: Options,
    attachments: Sequence[Attachment] = (),
    notices: Sequence[str] = (),
) -> Bodies:
    """Both bodies for ``articles``, listing ``attachments`` and stating ``notices``."""
    text = _render(_load(TEXT_TEMPLATE, options), _plain, articles, options, attachments, notices)
    text = _BLANK_RUNS.sub("\n\n", text).strip("\n") + "\n"
    page = _render(_load(HTML_TEMPLATE, options), html.escape, articles, options, attachments,
                   notices)
    return Bodies(text, page)


@dataclass(frozen=True)
class _Template:
    path: Path
    sections: Mapping[str, string.Template]


def _load(name: str, options: Options) -> _Template:
    path = template_path(name, options.template_dir)
    try:
        source = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise UsageError(f"{path}: cannot read template: {error}") from None
    markers = list(_MARKER.finditer(source))
    sections: dict[str, string.Template] = {}
    for marker, following in zip(markers, [*markers[1:], None], strict=True):
        end = following.start() if following else len(source)
        body = source[marker.end():end].lstrip("\n").rstrip()
        sections[marker[1]] = string.Template(body)
    missing = [s for s in REQUIRED if s not in sections]
    if missing:
        raise UsageError(f"{path}: template has no section {', '.join(missing)} "
                         f"(sections start with a line like [% message %])")
    return _Template(path, sections)


def _plain(value: str) -> str:
    return value


def _render(
    template: _Template,
    escape: Callable[[str], str],
    articles: Sequence[Article],
    options: Options,
    attachments: Sequence[Attachment],
    notices: Sequence[str],
) -> str:
    def fill(section: str, values: Mapping[str, str], parts: Mapping[str, str] | None = None
             ) -> str:
        """Section ``section`` with article data escaped and pre-rendered parts as they are."""
        chosen = template.sections.get(section)
        if chosen is None:
            return ""
        try:
            return chosen.substitute({**{k: escape(v) for k, v in values.items()}, **(parts or {})})
        except KeyError as error:
            raise UsageError(f"{template.path}: unknown placeholder ${{{error.args[0]}}} in "
                             f"section [% {section} %]") from None
        except ValueError as error:
            raise UsageError(f"{template.path}: section [% {section} %]: {error}") from None

    # The message's own words are in its first article's language; an article's in its own.
    words = labels_for(articles[0].document.language if articles else None,
                       options.template_dir)
    rendered = []
    for article in articles:
        document = article.document
        shown = presentation_of(article, options)
        own = labels_for(document.language, options.template_dir)
        bullets = "\n".join(fill("bullet", {"text": text})
                            for text in article.summary.texts)
        standfirst = shown.standfirst or ""
        url = document.source_url or ""
        rendered.append(fill(
            "article",
            {"title": shown.title, "meta": shown.meta.text(),
             "language": document.language, "method": article.summary.method,
             "summary_label": own.summary},
            {"bullets": bullets,
             "standfirst": fill("standfirst", {"text": standfirst}) if standfirst else "",
             "source": fill("source", {"url": url, "label": own.source}) if url else ""},
        ))
    items = "\n".join(fill("attachment", {"filename": a.filename, "size": format_size(a.size)})
                      for a in attachments)
    # Without an organisation the band names the source's site and no one signs.
    organisation = options.organisation
    band = band_name(organisation, articles[0].document.source_url if articles else None)
    return fill(
        "message",
        {"organisation": band, "count": str(len(articles)),
         "language": articles[0].document.language if articles else "en",
         "sent_by": words.sent_by.replace("{organisation}", organisation) if organisation
         else ""},
        {"articles": "\n\n".join(rendered),
         "attachments": fill("attachments", {"label": words.attached}, {"items": items})
         if attachments else "",
         "notices": "\n".join(fill("notice", {"text": n, "label": words.note})
                              for n in notices)},
    )
