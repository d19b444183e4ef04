"""Send a message through an SMTP server: STARTTLS, implicit TLS, or plain for a local relay.

Certificates are always verified, against the system's authorities plus an
optional CA file; a password is never sent over an unencrypted connection.
Every failure becomes a :class:`DeliveryError` whose message names the cause.
"""

from __future__ import annotations

import base64
import contextlib
import smtplib
import socket
import ssl
import threading
from collections.abc import Iterable, Sequence
from email import policy
from email.message import EmailMessage
from email.parser import BytesHeaderParser
from pathlib import Path

from ..errors import DeliveryError, UsageError
from .settings import DEFAULT_PORTS, ENV_CAFILE, SECURITY_MODES


def send_message(
    message: EmailMessage,
    *,
    host: str,
    port: int | None = None,
    security: str = "starttls",
    username: str | None = None,
    password: str | None = None,
    timeout: float = 30.0,
    cafile: Path | None = None,
    recipients: Sequence[str] | None = None,
) -> None:
    """Send ``message`` to its To and Cc recipients (or to ``recipients``) through ``host``.

    ``security`` is ``starttls`` (the default; refused if the server does not offer it),
    ``ssl`` (implicit TLS) or ``none``. ``port`` defaults to 587, 465 or 25 accordingly.
    Raises :class:`DeliveryError` when the server cannot be reached or refuses.
    """
    raw = message.as_bytes(policy=policy.SMTP)
    send_raw(raw, host=host, port=port, security=security, username=username,
             password=password, timeout=timeout, cafile=cafile, recipients=recipients)


def send_raw(
    raw: bytes,
    *,
    host: str,
    port: int | None = None,
    security: str = "starttls",
    username: str | None = None,
    password: str | None = None,
    timeout: float = 30.0,
    cafile: Path | None = None,
    recipients: Sequence[str] | None = None,
) -> None:
    """Send an already flattened message (CRLF line endings) exactly as it is.

    ``timeout`` bounds the whole conversation, from connecting to the server's last
    reply: a server that answers a byte at a time is cut off when it runs out.
    """
    if security not in SECURITY_MODES:
        raise UsageError(f"unknown SMTP security {security!r} (choose {', '.join(SECURITY_MODES)})")
    if username and password is None:
        raise UsageError("an SMTP user is set but no password (set EXPORTER_SMTP_PASSWORD)")
    if username and security == "none":
        raise UsageError("refusing to send the SMTP password unencrypted: use STARTTLS or SSL")
    port = port or DEFAULT_PORTS[security]
    sender, envelope = envelope_of(raw)
    to = list(recipients) if recipients is not None else envelope
    if not to:
        raise UsageError("the message has no recipient")
    where = f"{host}:{port}"
    context = _tls_context(cafile) if security != "none" else None
    deadline = _Deadline(timeout)
    try:
        refused = _transmit(raw, host, port, security, context, username, password, deadline,
                            sender, to)
    except (OSError, smtplib.SMTPException) as error:
        if deadline.expired:
            raise DeliveryError(f"SMTP with {where} did not finish within {timeout:g} s "
                                "(--timeout bounds the whole conversation)",
                                refused=to) from None
        raise _delivery_error(error, where, to, timeout) from None
    finally:
        deadline.cancel()
    if refused:
        reasons = "; ".join(f"{rcpt}: {_reply(*reply)}" for rcpt, reply in refused.items())
        raise DeliveryError(f"{where} refused some recipients ({reasons}); the others got it",
                            refused=list(refused), permanent=_for_good(refused.values()))


def _delivery_error(error: OSError | smtplib.SMTPException, where: str, to: list[str],
                    timeout: float) -> DeliveryError:
    """What ``error`` from smtplib, ssl or the socket means, as a :class:`DeliveryError`."""
    if isinstance(error, smtplib.SMTPRecipientsRefused):
        reasons = "; ".join(f"{rcpt}: {_reply(*reply)}" for rcpt, reply in
                            error.recipients.items())
        return DeliveryError(f"{where} refused every recipient ({reasons})", refused=to,
                             permanent=_for_good(error.recipients.values()))
    if isinstance(error, smtplib.SMTPSenderRefused):
        return DeliveryError(f"{where} refused the sender {error.sender}: "
                             f"{_reply(error.smtp_code, error.smtp_error)}", refused=to,
                             permanent=error.smtp_code >= 500)
    if isinstance(error, smtplib.SMTPAuthenticationError):
        return DeliveryError(f"{where} refused the login: "
                             f"{_reply(error.smtp_code, error.smtp_error)}", refused=to)
    if isinstance(error, smtplib.SMTPResponseException):
        # A refusal after DATA is about this message; a 5xx elsewhere (HELO, say) is the
        # server's state, which may change.
        return DeliveryError(f"{where} refused the message: "
                             f"{_reply(error.smtp_code, error.smtp_error)}", refused=to,
                             permanent=isinstance(error, smtplib.SMTPDataError)
                             and error.smtp_code >= 500)
    if isinstance(error, ssl.SSLCertVerificationError):
        return DeliveryError(f"cannot verify the certificate of {where}: {error.verify_message} "
                             f"(to trust a private CA, set {ENV_CAFILE} or cafile in [email])",
                             refused=to)
    if isinstance(error, ssl.SSLError | smtplib.SMTPException):
        return DeliveryError(f"SMTP with {where} failed: {error}", refused=to)
    if isinstance(error, TimeoutError):
        return DeliveryError(f"cannot reach the SMTP server {where}: no answer in {timeout:g} s",
                             refused=to)
    reason = error.strerror or str(error)
    return DeliveryError(f"cannot reach the SMTP server {where}: {reason}", refused=to)


class _Deadline:
    """One limit for a whole SMTP conversation. smtplib's timeout bounds each socket read,
    so a server dribbling a line a second would hold the client forever; when the time is
    up, this shuts the client's socket down, and the read under way returns at once."""

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        self.expired = False
        self.client: smtplib.SMTP | None = None
        self._timer = threading.Timer(seconds, self._expire)
        self._timer.daemon = True
        self._timer.start()

    def watch(self, client: smtplib.SMTP) -> None:
        """Cut ``client`` off when the time is up (at once if it already is)."""
        self.client = client
        if self.expired:
            self._expire()

    def cancel(self) -> None:
        """The conversation is over: stop the clock."""
        self._timer.cancel()

    def _expire(self) -> None:
        self.expired = True
        sock = getattr(self.client, "sock", None)
        if sock is not None:
            with contextlib.suppress(OSError):
                sock.shutdown(socket.SHUT_RDWR)


def _for_good(replies: Iterable[tuple[int, bytes | str]]) -> bool:
    """True when every reply is a permanent (5xx) refusal."""
    return all(code >= 500 for code, _ in replies)


def envelope_of(raw: bytes) -> tuple[str, list[str]]:
    """The envelope sender (From) and recipients (To, Cc, Bcc) of a flattened message."""
    headers = BytesHeaderParser(policy=policy.default).parsebytes(raw)
    senders = [a.addr_spec for a in getattr(headers["From"], "addresses", ())]
    if not senders:
        raise UsageError("the message has no From address")
    recipients: list[str] = []
    for name in ("To", "Cc", "Bcc"):
        for value in headers.get_all(name) or ():
            recipients.extend(a.addr_spec for a in getattr(value, "addresses", ()))
    return senders[0], list(dict.fromkeys(recipients))


def _transmit(
    raw: bytes,
    host: str,
    port: int,
    security: str,
    context: ssl.SSLContext | None,
    username: str | None,
    password: str | None,
    deadline: _Deadline,
    sender: str,
    to: list[str],
) -> dict[str, tuple[int, bytes]]:
    client: smtplib.SMTP
    if security == "ssl":
        client = smtplib.SMTP_SSL(timeout=deadline.seconds, context=context)
    else:
        client = smtplib.SMTP(timeout=deadline.seconds)
    # Connected after the deadline watches it, so the greeting is bounded too; smtplib
    # takes the TLS server name from _host, which only its constructor sets.
    client._host = host  # type: ignore[attr-defined]
    deadline.watch(client)
    with client:
        client.connect(host, port)
        client.ehlo()
        if security == "starttls":
            if not client.has_extn("starttls"):
                raise smtplib.SMTPNotSupportedError(
                    "the server does not offer STARTTLS (use --ssl for implicit TLS, or "
                    "--no-tls for a local relay without TLS)")
            client.starttls(context=context)
            client.ehlo()
        if username:
            _login(client, username, password or "")
        # Bcc is never in what we build; strip it from a hand-made outbox file all the same.
        return client.sendmail(sender, to, _without_bcc(raw))


def _login(client: smtplib.SMTP, username: str, password: str) -> None:
    if (username + password).isascii():
        client.login(username, password)
        return
    # smtplib encodes credentials as ASCII; RFC 4616 PLAIN carries UTF-8, so send it here.
    advertised = (client.esmtp_features.get("auth") or "").upper().split()
    if "PLAIN" not in advertised:
        raise smtplib.SMTPNotSupportedError(
            "the login has non-ASCII characters and the server does not offer AUTH PLAIN")
    token = base64.b64encode(f"\0{username}\0{password}".encode()).decode("ascii")
    code, reply = client.docmd("AUTH", f"PLAIN {token}")
    if code != 235:
        raise smtplib.SMTPAuthenticationError(code, reply)


def _without_bcc(raw: bytes) -> bytes:
    head, sep, body = raw.partition(b"\r\n\r\n")
    lines = head.split(b"\r\n")
    kept: list[bytes] = []
    skipping = False
    for line in lines:
        if line[:1] in (b" ", b"\t"):
            if not skipping:
                kept.append(line)
            continue
        skipping = line.lower().startswith(b"bcc:")
        if not skipping:
            kept.append(line)
    return b"\r\n".join(kept) + sep + body


def _tls_context(cafile: Path | None) -> ssl.SSLContext:
    context = ssl.create_default_context()
    if cafile is not None:
        try:
            context.load_verify_locations(cafile=str(cafile))
        except (OSError, ssl.SSLError) as error:
            raise UsageError(f"{cafile}: cannot load the CA file: {error}") from None
    return context


def _reply(code: int, text: bytes | str) -> str:
    message = text.decode("utf-8", "replace") if isinstance(text, bytes) else str(text)
    return f"{code} {' '.join(message.split())}"


def resolve_host(value: str, security: str) -> tuple[str, int]:
    """``"smtp.example.org:587"``, ``"[::1]:25"`` or a bare host -> ``(host, port)``."""
    text = value.strip()
    port_text = ""
    if text.startswith("["):
        host, _, rest = text[1:].partition("]")
        port_text = rest.removeprefix(":")
    elif text.count(":") == 1:
        host, _, port_text = text.partition(":")
    else:
        host = text
    if not host or any(ch.isspace() for ch in host):
        raise UsageError(f"bad SMTP server {value!r} (write HOST:PORT)")
    if not port_text:
        return host, DEFAULT_PORTS[security]
    if not port_text.isdigit() or not 0 < int(port_text) < 65536:
        raise UsageError(f"bad SMTP port in {value!r}")
    return host, int(port_text)

