"""``exporter email``: build the message, then write it to a .eml file or send it by SMTP.

Exit status: 0 when the message was written or sent; 2 for bad usage (raised as
``ExporterError`` for ``exporter.cli`` to report); 75 (EX_TEMPFAIL, as sendmail
uses it) when the server refused or could not be reached and the message was
put in the outbox instead, or when a retry left messages waiting; 1 when a retry
gave up on messages (refused for good twice by the same server: they are moved
to the outbox's failed/ folder) and left none waiting.
"""

from __future__ import annotations

import argparse
import getpass
import socket
import sys
from email.headerregistry import Address
from pathlib import Path
from typing import Any

from ..config import Options
from ..deliver.addresses import parse_address, parse_addresses
from ..deliver.attachments import parse_formats
from ..deliver.settings import (
    DEFAULT_PORTS,
    EmailSettings,
    format_size,
    load_email_settings,
    parse_size,
)
from ..errors import OutputError, UsageError
from .common import add_image_arguments, add_length_arguments

EXIT_OK = 0
EXIT_FAILED = 1
EXIT_QUEUED = 75

DESCRIPTION = """\
Email articles as briefings: a plain-text and an HTML body (title, meta line,
summary bullets) with the documents attached. Write the message to a .eml file
(--eml) or send it through an SMTP server (--smtp, or host in [email] of
exporter.toml). The SMTP login comes from EXPORTER_SMTP_USER and
EXPORTER_SMTP_PASSWORD (or the configuration file), never from the command
line. A message the server refuses or cannot take is kept in the outbox;
`exporter email --retry OUTBOX` sends what waits there (to --smtp, if given). A
message the same server refuses for good (5xx) twice is moved to OUTBOX/failed/
and not retried again.

Size budget: when the message would be larger than --max-size (default 10MB),
the attachments are zipped into one .zip; if it is still too large, files are
left out of the zip, largest first, until it fits. Each step is printed and
stated in the message itself."""


def add_parser(commands: Any) -> None:
    """Register ``email`` on argparse's sub-parsers."""
    add_email_parser(commands)


def add_email_parser(subparsers: Any) -> None:
    """Register the ``email`` command on an argparse ``subparsers`` object."""
    parser = subparsers.add_parser(
        "email",
        help="email briefings: write a .eml or send through SMTP",
        description=DESCRIPTION,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("articles", nargs="*", metavar="ARTICLE",
                        help="article files (.txt, .html, .md); - for standard input")
    who = parser.add_argument_group("message")
    who.add_argument("--to", action="append", default=[], metavar="ADDR",
                     help="recipient; repeat, or separate with commas")
    who.add_argument("--cc", action="append", default=[], metavar="ADDR", help="copy recipient")
    who.add_argument("--bcc", action="append", default=[], metavar="ADDR",
                     help="blind copy recipient: gets the message, named in no header sent "
                          "(a .eml written with --eml keeps a Bcc header for the mail program)")
    who.add_argument("--from", dest="sender", metavar="ADDR",
                     help="sender (default: from in [email], else your login at this host)")
    who.add_argument("--subject", metavar="TEXT", help="subject (default: the article's title)")
    who.add_argument("--attach", metavar="LIST",
                     help="formats to attach: docx,pdf,epub or none (default docx,pdf)")
    who.add_argument("--kindle", nargs="?", const="", metavar="ADDR",
                     help="send the EPUB digest to this Send-to-Kindle address (alone: the "
                          "kindle address in [email]); --from must be on Amazon's approved "
                          "list")
    who.add_argument("--max-size", metavar="SIZE",
                     help="largest message as sent, e.g. 10MB, 500KB, none (default 10MB)")
    target = parser.add_argument_group("delivery").add_mutually_exclusive_group()
    target.add_argument("--eml", type=Path, metavar="FILE", help="write the message to FILE")
    target.add_argument("--smtp", metavar="HOST[:PORT]", help="send through this SMTP server")
    parser.add_argument("--retry", type=Path, metavar="OUTBOX",
                        help="send the messages waiting in OUTBOX (no ARTICLE then); to the "
                             "server each was meant for, or to --smtp / [email] host")
    smtp = parser.add_argument_group("SMTP")
    mode = smtp.add_mutually_exclusive_group()
    mode.add_argument("--starttls", dest="security", action="store_const", const="starttls",
                      help="upgrade to TLS with STARTTLS (the default; port 587)")
    mode.add_argument("--ssl", dest="security", action="store_const", const="ssl",
                      help="implicit TLS (port 465)")
    mode.add_argument("--no-tls", dest="security", action="store_const", const="none",
                      help="no encryption, for a relay on this machine (no login allowed)")
    smtp.add_argument("--cafile", type=Path, metavar="PEM",
                      help="extra certificate authorities to trust (or EXPORTER_SMTP_CAFILE)")
    smtp.add_argument("--timeout", type=_seconds, metavar="SECONDS",
                      help="how long the whole SMTP conversation may take (default 30)")
    smtp.add_argument("--outbox", type=Path, metavar="DIR",
                      help="where unsent messages wait (default ./outbox)")
    _summary_arguments(parser)
    parser.set_defaults(handler=run_email)


def run_email(args: argparse.Namespace, options: Options) -> int:
    """Carry out ``exporter email``; returns the exit status (see the module docstring)."""
    settings = load_email_settings()
    if args.retry is not None:
        return _retry(args, settings)
    if not args.articles:
        raise UsageError("email: give an ARTICLE to send (or --retry OUTBOX)")
    if args.kindle is not None:
        return _kindle(args, settings, options)
    # Addresses and every other setting are checked before any article is read or rendered.
    recipients = parse_addresses(args.to)
    if not recipients:
        raise UsageError("email: give at least one recipient with --to ADDR")
    copies = parse_addresses(args.cc)
    blind = parse_addresses(args.bcc)
    sender = _sender(args.sender, settings)
    formats = parse_formats(args.attach) if args.attach is not None else settings.attach
    max_size, server, articles = _size_server_articles(args, settings, options)

    from ..deliver.email import compose_message

    composed = compose_message(articles, to=recipients, cc=copies, sender=sender,
                               subject=args.subject, attach=formats, options=options,
                               max_size=max_size)
    for note in composed.notes:
        print(f"exporter: {note}", file=sys.stderr)
    if args.eml is not None:
        if blind:
            composed.message["Bcc"] = blind
        return _write_eml(args.eml, composed.message.as_bytes())
    assert server is not None
    envelope = [address.addr_spec for address in [*recipients, *copies, *blind]]
    return _send(composed.message.as_bytes(), server, args, settings,
                 list(dict.fromkeys(envelope)))


def _size_server_articles(args: argparse.Namespace, settings: EmailSettings, options: Options
                          ) -> tuple[int | None, tuple[str, int, str] | None, list[Any]]:
    """The size limit, the server (``None`` with ``--eml``) and the articles, checked in
    this order for every way of sending."""
    max_size = parse_size(args.max_size) if args.max_size is not None else settings.max_size
    server = _server(args, settings) if args.eml is None else None
    if args.eml is None and server is None:
        raise UsageError("email: give --eml FILE or --smtp HOST:PORT "
                         "(or set host in the [email] table of exporter.toml)")
    return max_size, server, _read(args.articles, options)


def _kindle(args: argparse.Namespace, settings: EmailSettings, options: Options) -> int:
    """``--kindle``: the digest, in as many volumes as the limits ask, to one Kindle address."""
    if args.to or args.cc or args.bcc or args.attach is not None:
        raise UsageError("email --kindle sends the EPUB digest to the Kindle address only: "
                         "give no --to, --cc, --bcc or --attach with it")
    address = args.kindle or settings.kindle
    if not address:
        raise UsageError("email --kindle: give the address (--kindle you@kindle.com) or set "
                         "kindle in the [email] table of exporter.toml")
    recipient = parse_address(address)
    sender = _sender(args.sender, settings)
    max_size, server, articles = _size_server_articles(args, settings, options)

    from ..deliver.kindle import kindle_messages

    messages = kindle_messages(articles, to=recipient, sender=sender, subject=args.subject,
                               options=options, max_size=max_size)
    if len(messages) > 1:
        print(f"exporter: the digest is sent as {len(messages)} volumes, one message each",
              file=sys.stderr)
    status = EXIT_OK
    for number, message in enumerate(messages, start=1):
        raw = message.as_bytes()
        if args.eml is not None:
            path = args.eml if len(messages) == 1 else args.eml.with_name(
                f"{args.eml.stem}-{number}{args.eml.suffix}")
            status = max(status, _write_eml(path, raw))
        else:
            assert server is not None
            status = max(status, _send(raw, server, args, settings, [recipient.addr_spec]))
    return status


def _write_eml(path: Path, raw: bytes) -> int:
    from ..deliver.outbox import write_atomic

    if path.is_dir():
        raise OutputError(f"{path}: is a folder; give a file name for --eml")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise OutputError(f"{path.parent}: cannot create: {error.strerror}") from None
    write_atomic(path, raw, private=False)
    print(f"{path} ({format_size(len(raw))})")
    return EXIT_OK


def _send(raw: bytes, server: tuple[str, int, str], args: argparse.Namespace,
          settings: EmailSettings, envelope: list[str]) -> int:
    from ..deliver.outbox import save_to_outbox
    from ..deliver.smtp import DeliveryError, send_raw

    host, port, security = server
    try:
        send_raw(raw, host=host, port=port, security=security, username=settings.username,
                 password=settings.password, timeout=args.timeout or settings.timeout,
                 cafile=args.cafile or settings.cafile, recipients=envelope)
    except DeliveryError as error:
        folder = args.outbox or settings.outbox
        try:
            path = save_to_outbox(raw, folder, recipients=error.refused, error=str(error),
                                  host=host, port=port, security=security,
                                  refused_for_good=error.permanent)
        except OutputError as problem:
            raise OutputError(f"not sent ({error}) and not saved either: {problem}") from None
        print(f"exporter: not sent: {error}", file=sys.stderr)
        print(f"exporter: the message waits in {path}; send it later with "
              f"`exporter email --retry {folder}`", file=sys.stderr)
        return EXIT_QUEUED
    count = len(envelope)
    print(f"sent to {count} recipient{'s' if count != 1 else ''} through {host}:{port} "
          f"({format_size(len(raw))})")
    return EXIT_OK


def _seconds(text: str) -> float:
    """``--timeout``: a finite number of seconds above zero, at most a day."""
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number of seconds: {text!r}") from None
    if not 0 < value <= 86400:  # NaN fails this too
        raise argparse.ArgumentTypeError(f"must be above 0 and at most 86400: {text!r}")
    return value


def _retry(args: argparse.Namespace, settings: EmailSettings) -> int:
    from ..deliver.outbox import FAILED, in_doubt, retry_outbox, waiting_messages

    if args.articles or args.to or args.cc or args.bcc or args.eml:
        raise UsageError("email --retry sends what waits in the outbox: "
                         "give no ARTICLE, --to, --cc, --bcc or --eml with it")
    folder = args.retry
    if not folder.is_dir():
        raise UsageError(f"{folder}: no such outbox folder")
    for path in in_doubt(folder):
        print(f"exporter: in doubt: {path.name} was being sent when an earlier retry stopped; "
              f"it is not sent again by itself (if its recipients did not get it, rename it "
              f"to {path.stem}.eml)", file=sys.stderr)
    if not waiting_messages(folder):
        print(f"{folder}: nothing waiting")
        return EXIT_OK
    # --smtp, else [email] host, else the server each message was meant for.
    server = _server(args, settings)
    host, port, security = server if server else (None, None, args.security)
    sent, failed = retry_outbox(folder, host=host, port=port, security=security,
                                username=settings.username, password=settings.password,
                                cafile=args.cafile or settings.cafile,
                                timeout=args.timeout or settings.timeout)
    for path in sent:
        print(f"sent {path.name}")
    given_up = [(path, reason) for path, reason in failed if path.parent == folder / FAILED]
    waiting = [(path, reason) for path, reason in failed if path.parent != folder / FAILED]
    for path, reason in waiting:
        print(f"exporter: still waiting: {path.name}: {reason}", file=sys.stderr)
    for path, reason in given_up:
        print(f"exporter: gave up on {path.name}: {reason}; it is kept in {path.parent}",
              file=sys.stderr)
    print(f"{len(sent)} sent, {len(waiting)} still waiting in {folder}"
          + (f", {len(given_up)} given up" if given_up else ""))
    if waiting:
        return EXIT_QUEUED
    return EXIT_FAILED if given_up else EXIT_OK


def _server(args: argparse.Namespace, settings: EmailSettings) -> tuple[str, int, str] | None:
    from ..deliver.smtp import resolve_host

    security = args.security or settings.security
    if args.smtp:
        host, port = resolve_host(args.smtp, security)
        return host, port, security
    if settings.host:
        return settings.host, settings.port or DEFAULT_PORTS[security], security
    return None


def _sender(given: str | None, settings: EmailSettings) -> Address:
    if given:
        return parse_address(given)
    if settings.sender:
        return parse_address(settings.sender)
    if settings.username and "@" in settings.username:
        return parse_address(settings.username)
    # As mail(1) and git do: the login name at this host, said out loud.
    try:
        fallback = parse_address(f"{getpass.getuser()}@{socket.gethostname()}")
    except (UsageError, OSError, KeyError):
        raise UsageError("email: no sender: give --from ADDR or set from in the [email] table "
                         "of exporter.toml") from None
    print(f"exporter: no sender configured, using {fallback.addr_spec} "
          "(give --from or set from in [email])", file=sys.stderr)
    return fallback


def _read(sources: list[str], options: Options) -> list[Any]:
    """Each source read and summarised as ``exporter export`` reads it (a folder or a
    glob as its article files)."""
    from ..pipeline import expand_sources, read_article

    return [read_article(source, options) for source in expand_sources(sources)]


def _summary_arguments(parser: argparse.ArgumentParser) -> None:
    """The summary-length and layout flags ``export`` has, with the same names."""
    add_length_arguments(parser)
    layout = parser.add_argument_group("layout")
    layout.add_argument("--organisation", "--organization", metavar="NAME",
                        help="organisation name in the message and the documents")
    layout.add_argument("--template-dir", type=Path, metavar="DIR",
                        help="folder of templates (email.txt, email.html, ...) that override "
                             "the packaged ones")
    layout.add_argument("--page-size", metavar="SIZE", help="PDF page size: A4 or Letter")
    layout.add_argument("--digest-title", metavar="TEXT", help="title of the EPUB digest")
    add_image_arguments(layout)

