"""Send-to-Kindle: the EPUB digest mailed to a Kindle address, as Amazon asks for it.

Amazon's Send to Kindle takes EPUB attachments (``application/epub+zip``) of at
most 50 MB from an approved sender; the subject and a short text body are all
the message needs. A digest over the limit (or over the message size budget,
base64 counted) is sent as volumes, one message each, so every message stays
within both.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from email import policy
from email.headerregistry import Address
from email.message import EmailMessage
from email.utils import formatdate, make_msgid

from ..config import Options
from ..model import Article
from .attachments import MEDIA_TYPES, Attachment
from .email import USER_AGENT, message_subject

log = logging.getLogger(__name__)

ENVELOPE = 20_000
"""Bytes a message's headers and text body take, besides its attachment."""


def kindle_messages(articles: Sequence[Article], *, to: Address, sender: Address,
                    subject: str | None = None, options: Options | None = None,
                    max_size: int | None = None) -> list[EmailMessage]:
    """One message per volume of the digest of ``articles``, addressed to the Kindle ``to``."""
    from ..pipeline import digest_articles, digest_stem
    from ..writers.epub import EpubWriter

    options = options or Options()
    articles, notices = digest_articles(articles, options)  # as every digest gets them
    for notice in notices:
        log.warning("%s", notice)
    writer = EpubWriter()
    if max_size is not None:  # base64 makes the file 4/3 larger in the message
        writer.max_bytes = min(writer.max_bytes, max(1, (max_size - ENVELOPE) * 3 // 4))
    volumes = writer.volumes(articles, options)
    title = message_subject(articles, subject)
    stem = digest_stem(articles, options, set())
    messages = []
    for number, data in enumerate(volumes, start=1):
        several = len(volumes) > 1
        name = f"{stem}-{number}.epub" if several else f"{stem}.epub"
        message = EmailMessage(policy=policy.SMTP)
        message["From"] = sender
        message["To"] = to
        message["Subject"] = f"{title} ({number}/{len(volumes)})" if several else title
        message["Date"] = formatdate(localtime=True)
        message["Message-ID"] = make_msgid(domain=sender.domain)
        message["User-Agent"] = USER_AGENT
        count = len(articles)
        part = f", volume {number} of {len(volumes)}" if several else ""
        message.set_content(f"{title}: a digest of {count} article{'s' * (count != 1)}{part}, "
                            f"as an EPUB book for your Kindle library.\n", charset="utf-8")
        Attachment(name, data, MEDIA_TYPES[".epub"]).add_to(message)
        for inner in message.walk():
            if inner is not message:  # as in email.assemble: MIME-Version belongs on top only
                del inner["MIME-Version"]
        messages.append(message)
    return messages
