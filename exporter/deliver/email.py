"""Build the email that carries briefings: two bodies, the documents attached, within a size budget.

The message is ``multipart/mixed``: a ``multipart/alternative`` with the
plain-text and HTML bodies, then one attachment per document. The size budget
counts the message as it travels (attachments base64-encoded, about 1.37 times
their size) and applies one stated rule when it is exceeded:

1. zip every attachment into one ``.zip`` (deflate);
2. if that is still too large, leave files out of the zip, largest first (by
   what each adds to the zip), until the message fits.

Every step is said in the bodies (so the recipient knows) and returned as a
note (so the sender is told); nothing is dropped silently.
"""

from __future__ import annotations

import logging
import re
import zlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from email import policy
from email.headerregistry import Address
from email.message import EmailMessage
from email.utils import formatdate, make_msgid

from ..config import Options
from ..errors import OutputError, UsageError
from ..filenames import slugify
from ..model import Article
from ..presentation import presented, shorten
from .addresses import parse_address, parse_addresses
from .attachments import Attachment, attachment_stem, render_attachments, zip_attachments
from .bodies import render_bodies
from .headers import header_text
from .settings import format_size

log = logging.getLogger(__name__)

MAX_SUBJECT = 200
USER_AGENT = "exporter"
# What email refuses in a header (PITFALLS): line breaks of every kind; NUL is sent raw.
_HEADER_BREAKS = re.compile("[\r\n\x0b\x0c\x85\u2028\u2029]")
_CONTROLS = re.compile("[\x00-\x08\x0e-\x1f\x7f]")
ZIP_RULE = ("the attachments are zipped into one .zip, then, if the message is still too "
            "large, files are left out of it, largest (once zipped) first, until it fits")


@dataclass(frozen=True)
class Composed:
    """A built message and what the size budget did to it (empty when nothing)."""

    message: EmailMessage
    notes: tuple[str, ...]
    attachments: tuple[Attachment, ...]
    """What is attached in the end (a single zip when the budget zipped them)."""


def build_message(
    articles: Sequence[Article],
    *,
    to: Sequence[str | Address],
    cc: Sequence[str | Address] = (),
    sender: str | Address,
    subject: str | None = None,
    attach: Sequence[str] = ("docx", "pdf"),
    options: Options | None = None,
    max_size: int | None = None,
) -> EmailMessage:
    """An email carrying ``articles``: a plain-text and an HTML body (title, meta line and
    summary bullets of each) and the documents in the ``attach`` formats.

    Addresses are checked before anything is rendered; a bad one raises ``UsageError``.
    ``subject`` defaults to the article's title. With ``max_size`` (bytes, as sent) the
    attachments are zipped, then left out largest first, until the message fits; each
    step is logged as a warning and stated in both bodies. Use :func:`compose_message`
    to get those notes back as values.
    """
    composed = compose_message(articles, to=to, cc=cc, sender=sender, subject=subject,
                               attach=attach, options=options, max_size=max_size)
    for note in composed.notes:
        log.warning("%s", note)
    return composed.message


def compose_message(
    articles: Sequence[Article],
    *,
    to: Sequence[str | Address],
    cc: Sequence[str | Address] = (),
    sender: str | Address,
    subject: str | None = None,
    attach: Sequence[str] = ("docx", "pdf"),
    options: Options | None = None,
    max_size: int | None = None,
) -> Composed:
    """Like :func:`build_message`, returning the notes of the size budget too."""
    options = options or Options()
    recipients = _addresses([to] if isinstance(to, str | Address) else to, "--to")
    copies = _addresses([cc] if isinstance(cc, str | Address) else cc, "--cc") if cc else ()
    source = _checked(sender) if isinstance(sender, Address) else parse_address(sender)
    if not articles:
        raise UsageError("no article to send")
    title = message_subject(articles, subject)
    # Presented once: the attachments and both bodies read the same presentation.
    articles = [presented(article, options) for article in articles]
    attachments = render_attachments(articles, attach, options)

    def build(files: Sequence[Attachment], notes: Sequence[str]) -> EmailMessage:
        return assemble(articles, to=recipients, cc=copies, sender=source, subject=title,
                        attachments=files, notices=notes, options=options)

    return fit_budget(build, attachments, max_size, zip_stem=_zip_stem(articles, options))


def add_briefings(
    message: EmailMessage,
    articles: Sequence[Article],
    attach: Sequence[str] = ("docx", "pdf"),
    options: Options | None = None,
) -> list[Attachment]:
    """Attach the documents for ``articles`` to a message a program built itself;
    returns what was attached. No size budget is applied here."""
    attachments = render_attachments(articles, attach, options or Options())
    for attachment in attachments:
        attachment.add_to(message)
    return attachments


def assemble(
    articles: Sequence[Article],
    *,
    to: Sequence[Address],
    cc: Sequence[Address],
    sender: Address,
    subject: str,
    attachments: Sequence[Attachment],
    notices: Sequence[str] = (),
    options: Options,
) -> EmailMessage:
    """The message itself, from checked parts; no budget applied."""
    message = EmailMessage(policy=policy.SMTP)
    message["From"] = sender
    message["To"] = to
    if cc:
        message["Cc"] = cc
    message["Subject"] = subject
    message["Date"] = formatdate(localtime=True)
    message["Message-ID"] = make_msgid(domain=sender.domain)
    message["User-Agent"] = USER_AGENT
    bodies = render_bodies(articles, options=options, attachments=attachments, notices=notices)
    message.set_content(bodies.text, subtype="plain", charset="utf-8")
    message.add_alternative(bodies.html, subtype="html", charset="utf-8")
    for attachment in attachments:
        attachment.add_to(message)
    for part in message.walk():
        if part is not message:  # email copies MIME-Version into some parts; it belongs on top
            del part["MIME-Version"]
        _check_headers(part)
    return message


def _check_headers(part: EmailMessage) -> None:
    """The last guard: every value the email package holds, decoded, is one line."""
    for name, value in part.items():
        if _HEADER_BREAKS.search(str(value)) or _CONTROLS.search(str(value)):
            raise OutputError(f"the {name} header would contain a line break; not sent")


def fit_budget(
    build: Callable[[Sequence[Attachment], Sequence[str]], EmailMessage],
    attachments: Sequence[Attachment],
    max_size: int | None,
    *,
    zip_stem: str,
) -> Composed:
    """Apply the size rule (see the module docstring) to the messages ``build`` makes."""
    message = build(attachments, ())
    size = message_size(message)
    if max_size is None or size <= max_size:
        return Composed(message, (), tuple(attachments))
    limit = format_size(max_size)
    if not attachments:
        raise OutputError(f"the message is {format_size(size)}, over the {limit} limit, "
                          "and has no attachment to zip or leave out")
    names = ", ".join(a.filename for a in attachments)
    zipped = zip_attachments(attachments, zip_stem)
    notes = [f"with its attachments the message would be {format_size(size)}, over the "
             f"{limit} limit, so {names} were zipped into {zipped.filename} "
             f"(the rule: {ZIP_RULE})"]
    message = build([zipped], notes)
    if message_size(message) <= max_size:
        return Composed(message, tuple(notes), (zipped,))
    kept = list(attachments)
    left_out: list[Attachment] = []
    while kept:
        largest = max(kept, key=_zipped_size)
        kept.remove(largest)
        left_out.append(largest)
        dropped = ", ".join(f"{a.filename} ({format_size(a.size)})" for a in left_out)
        files = [zip_attachments(kept, zip_stem)] if kept else []
        final = [*notes, f"still over the {limit} limit when zipped, so these were left out, "
                         f"largest (once zipped) first: {dropped}"]
        message = build(files, final)
        if message_size(message) <= max_size:
            return Composed(message, tuple(final), tuple(files))
    bare = format_size(message_size(message))
    raise OutputError(f"even without attachments the message is {bare}, over the {limit} limit")


def _zipped_size(attachment: Attachment) -> int:
    """What a file adds to the zip: a 100 KB text may cost less than a 20 KB PDF."""
    return len(zlib.compress(attachment.data, 9))


def message_size(message: EmailMessage) -> int:
    """Bytes on the wire: what a server's size limit counts."""
    return len(message.as_bytes(policy=policy.SMTP))


def message_subject(articles: Sequence[Article], subject: str | None) -> str:
    """The subject: ``subject`` if given (a line break typed in it is refused), else the
    title. Either is passed through :func:`header_text`, so an encoded word cannot smuggle
    a line break in."""
    if subject is not None:
        if _HEADER_BREAKS.search(subject):
            raise UsageError("the subject contains a line break; give it on one line")
        text = header_text(subject)
        if not text:
            raise UsageError("the subject is empty")
        return text
    # Titles are article data: fold them onto one line rather than refuse them.
    first = header_text(articles[0].document.title) or "Article"
    if len(articles) > 1:
        first = f"{first} and {len(articles) - 1} more"
    return shorten(first, MAX_SUBJECT)


def _addresses(values: Sequence[str | Address], flag: str) -> tuple[Address, ...]:
    found: list[Address] = []
    for value in values:
        if isinstance(value, Address):
            found.append(_checked(value))
        else:
            found.extend(parse_addresses([value]))
    if not found:
        raise UsageError(f"no recipient: give at least one address with {flag}")
    return tuple(found)


def _checked(address: Address) -> Address:
    """An ``Address`` built by a program gets the same checks as a typed one."""
    spec = parse_address(address.addr_spec)
    if _HEADER_BREAKS.search(address.display_name) or _CONTROLS.search(address.display_name):
        raise UsageError(f"address {address.addr_spec!r}: the name contains a line break")
    return Address(display_name=header_text(address.display_name), addr_spec=spec.addr_spec)


def _zip_stem(articles: Sequence[Article], options: Options) -> str:
    if len(articles) == 1:
        return attachment_stem(articles[0].document.title)
    return slugify(options.digest_title or "", fallback="briefings")
