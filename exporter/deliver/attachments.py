"""The documents an email carries: rendered by the writers, named after the article."""

from __future__ import annotations

import io
import logging
import zipfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from email.message import EmailMessage

from ..config import Options
from ..errors import UsageError
from ..filenames import slugify
from ..model import Article
from ..presentation import presented
from ..writers.registry import get_writer

# Kept in code: mimetypes does not know .docx or .epub on machines without /etc/mime.types.
MEDIA_TYPES = {
    ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ".pdf": "application/pdf",
    ".epub": "application/epub+zip",
    ".zip": "application/zip",
}
log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Attachment:
    """One file to attach: its name, its bytes and its MIME type."""

    filename: str
    data: bytes
    media_type: str

    @property
    def size(self) -> int:
        return len(self.data)

    def add_to(self, message: EmailMessage) -> None:
        """Attach to ``message`` (non-ASCII file names are encoded per RFC 2231)."""
        maintype, _, subtype = self.media_type.partition("/")
        message.add_attachment(
            self.data, maintype=maintype, subtype=subtype, filename=self.filename
        )


def parse_formats(value: str | Iterable[str]) -> tuple[str, ...]:
    """``"docx,pdf"`` or ``["docx", "pdf"]`` -> ``("docx", "pdf")``; ``"none"`` -> ``()``."""
    items = value.split(",") if isinstance(value, str) else list(value)
    names = [item.strip().lower() for item in items if item.strip()]
    if names == ["none"]:
        return ()
    if "none" in names:
        raise UsageError("--attach none cannot be combined with formats")
    return tuple(dict.fromkeys(names))


def render_attachments(
    articles: Sequence[Article], formats: Iterable[str], options: Options
) -> list[Attachment]:
    """The files for ``formats``: one per article, or one for all when the format combines
    them (the EPUB digest, of the articles without repeats, in ``options.order``, as
    ``exporter export`` writes it). Unknown formats raise ``UsageError`` before anything
    is rendered; each article left out of the digest is logged as a warning."""
    from ..pipeline import article_stem, digest_articles, digest_stem, render_as_given

    writers = [get_writer(name) for name in parse_formats(list(formats))]
    articles = [presented(article, options) for article in articles]  # once for every format
    attachments: list[Attachment] = []
    for writer in writers:
        taken: set[str] = set()
        files: list[tuple[str, bytes]] = []
        if writer.combines:
            kept, notices = digest_articles(articles, options)
            for notice in notices:
                log.warning("%s", notice)
            files.append((digest_stem(kept, options, taken),
                          render_as_given(kept, writer.name, options)))
        else:
            files.extend((article_stem(a.document.title, taken),
                          render_as_given([a], writer.name, options)) for a in articles)
        media_type = MEDIA_TYPES.get(writer.extension.lower(), writer.media_type)
        attachments.extend(Attachment(stem + writer.extension, data, media_type)
                           for stem, data in files)
    return attachments


def attachment_stem(title: str) -> str:
    """The file name stem for an article: the same slug ``exporter export`` names files with."""
    return slugify(title)


def zip_attachments(attachments: Sequence[Attachment], stem: str) -> Attachment:
    """One ``.zip`` (deflate) holding ``attachments`` under their own names."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        for attachment in attachments:
            archive.writestr(attachment.filename, attachment.data)
    return Attachment(f"{stem}.zip", buffer.getvalue(), MEDIA_TYPES[".zip"])
