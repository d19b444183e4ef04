"""The documents an email carries: rendered by the writers, named after the article."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from email.message import EmailMessage

from ..config import Options
from ..errors import UsageError
from ..filenames import slugify, unique_stem
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
    them (the EPUB digest). Unknown formats raise ``UsageError`` before anything is rendered."""
    writers = [get_writer(name) for name in parse_formats(list(formats))]
    articles = [presented(article, options) for article in articles]  # once for every format
    attachments: list[Attachment] = []
    for writer in writers:
        taken: set[str] = set()
        groups = [list(articles)] if writer.combines else [[a] for a in articles]
        for group in groups:
            buffer = io.BytesIO()
            writer.write(group, buffer, options)
            title = group[0].document.title if len(group) == 1 else options.digest_title
            stem = slugify(title or "", fallback="digest" if len(group) > 1 else "article")
            name = unique_stem(stem, taken) + writer.extension
            media_type = MEDIA_TYPES.get(writer.extension.lower(), writer.media_type)
            attachments.append(Attachment(name, buffer.getvalue(), media_type))
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
