"""Sending through a real SMTP server on 127.0.0.1: plain, STARTTLS with login, implicit TLS."""

from __future__ import annotations

import io
import zipfile
from email.message import EmailMessage
from pathlib import Path

import mailhelp
import pytest

from exporter.deliver import DeliveryError, compose_message, send_message
from exporter.deliver.attachments import MEDIA_TYPES
from exporter.errors import UsageError

smtp_server = mailhelp.smtp_server
certificate = mailhelp.certificate
formats = mailhelp.formats


def _attachments(message: EmailMessage) -> dict[str, tuple[str, bytes]]:
    found = {}
    for part in message.iter_attachments():
        assert isinstance(part, EmailMessage)
        name = part.get_filename()
        assert name is not None
        found[name] = (part.get_content_type(), part.get_content())
    return found


def _check_document(name: str, data: bytes, title: str) -> None:
    """Read the attachment back by meaning: the title is in it."""
    if name.endswith(".pdf"):
        from pypdf import PdfReader

        text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)
        assert title.split()[0] in text
    elif name.endswith(".epub"):
        with zipfile.ZipFile(io.BytesIO(data)) as book:
            assert book.read("mimetype") == b"application/epub+zip"
            assert any(title in book.read(n).decode("utf-8", "replace")
                       for n in book.namelist() if n.endswith(".xhtml"))
    elif name.endswith(".docx"):
        import docx

        document = docx.Document(io.BytesIO(data))
        assert any(title in p.text for p in document.paragraphs)


def test_plain_send_arrives_whole(smtp_server, formats: list[str]) -> None:
    server = smtp_server("plain")
    articles = [mailhelp.english(), mailhelp.russian()]
    composed = compose_message(
        articles, to=["Ana Ruiz <ana@example.org>", "tom@example.org"], cc=["desk@example.net"],
        sender="Newsroom <news@example.org>", subject="Morning briefing", attach=formats,
    )
    send_message(composed.message, host=server.host, port=server.port, security="none")

    [received] = server.handler.received
    assert received.mail_from == "news@example.org"
    assert received.rcpt_tos == ["ana@example.org", "tom@example.org", "desk@example.net"]
    message = received.message
    assert message["Subject"] == "Morning briefing"
    assert message["From"].addresses[0].display_name == "Newsroom"
    assert [a.addr_spec for a in message["To"].addresses] == ["ana@example.org", "tom@example.org"]
    assert message["Cc"].addresses[0].addr_spec == "desk@example.net"
    assert message["Message-ID"].endswith("@example.org>")
    assert message["Date"]

    text = message.get_body(("plain",)).get_content()
    page = message.get_body(("html",)).get_content()
    for article in articles:
        assert article.document.title in text
        assert article.document.title in page
        for sentence in article.summary.texts:
            assert sentence in text
    assert "By Ana Ruiz and Tom Lee · 14 March 2026 · Riverton" in text

    got = _attachments(message)
    sent = {a.filename: a for a in composed.attachments}
    assert set(got) == set(sent)
    assert len(got) == sum(2 if f in ("docx", "pdf") else 1 for f in formats)
    for name, (media_type, data) in got.items():
        assert data == sent[name].data  # byte for byte
        assert media_type == MEDIA_TYPES[Path(name).suffix]
    russian_files = [n for n in got if n.startswith("городской-совет")]
    assert russian_files  # a non-ASCII file name survived the trip (RFC 2231)
    for name, (_, data) in got.items():
        title = articles[1 if name in russian_files else 0].document.title
        if name.endswith(".epub"):
            title = articles[0].document.title  # the digest holds both; check the first
        _check_document(name, data, title)


def test_starttls_with_login_from_the_environment(smtp_server, certificate) -> None:
    server = smtp_server("starttls", auth=True)
    message = compose_message([mailhelp.german()], to=["leser@example.de"],
                              sender="redaktion@example.de", attach=()).message
    send_message(message, host=server.host, port=server.port, security="starttls",
                 username=mailhelp.USER, password=mailhelp.PASSWORD, cafile=certificate[0])
    [received] = server.handler.received
    assert received.login == mailhelp.USER
    got = received.message
    assert got["Subject"] == "Stadtrat beschließt neue Brücke über die Fähre"
    assert "Die Abstimmung endete mit sieben zu zwei Stimmen." in got.get_body(
        ("plain",)).get_content()


def test_wrong_password_is_named(smtp_server, certificate) -> None:
    server = smtp_server("starttls", auth=True)
    message = compose_message([mailhelp.german()], to=["leser@example.de"],
                              sender="redaktion@example.de", attach=()).message
    with pytest.raises(DeliveryError, match="refused the login: 535"):
        send_message(message, host=server.host, port=server.port, username=mailhelp.USER,
                     password="wrong", cafile=certificate[0])
    assert server.handler.received == []


def test_implicit_tls(smtp_server, certificate) -> None:
    server = smtp_server("ssl")
    message = compose_message([mailhelp.english()], to=["ana@example.org"],
                              sender="news@example.org", attach=()).message
    send_message(message, host=server.host, port=server.port, security="ssl",
                 cafile=certificate[0])
    [received] = server.handler.received
    assert received.message["Subject"] == "Council approves new bridge"


def test_untrusted_certificate_is_refused_not_ignored(smtp_server) -> None:
    server = smtp_server("ssl")
    message = compose_message([mailhelp.english()], to=["ana@example.org"],
                              sender="news@example.org", attach=()).message
    with pytest.raises(DeliveryError, match="cannot verify the certificate.*EXPORTER_SMTP_CAFILE"):
        send_message(message, host=server.host, port=server.port, security="ssl")
    assert server.handler.received == []


def test_starttls_required_when_asked(smtp_server) -> None:
    server = smtp_server("plain")  # offers no STARTTLS
    message = compose_message([mailhelp.english()], to=["ana@example.org"],
                              sender="news@example.org", attach=()).message
    with pytest.raises(DeliveryError, match="does not offer STARTTLS"):
        send_message(message, host=server.host, port=server.port, security="starttls")
    assert server.handler.received == []


def test_password_never_sent_in_clear() -> None:
    message = compose_message([mailhelp.english()], to=["ana@example.org"],
                              sender="news@example.org", attach=()).message
    with pytest.raises(UsageError, match="unencrypted"):
        send_message(message, host="127.0.0.1", port=25, security="none",
                     username="u", password="p")


def test_refusal_and_closed_port_are_named(smtp_server) -> None:
    message = compose_message([mailhelp.english()], to=["ana@example.org"],
                              sender="news@example.org", attach=()).message
    server = smtp_server("plain", refuse_data="550 5.7.1 Message rejected as spam")
    with pytest.raises(DeliveryError, match="refused the message: 550 5.7.1 Message rejected"
                       ) as refused:
        send_message(message, host=server.host, port=server.port, security="none")
    assert refused.value.permanent  # a 5xx after DATA: sending it there again is pointless
    server.handler.refuse_data = "452 4.3.1 Insufficient storage"
    with pytest.raises(DeliveryError, match="452 4.3.1") as busy:
        send_message(message, host=server.host, port=server.port, security="none")
    assert not busy.value.permanent
    closed = mailhelp.free_port()
    with pytest.raises(DeliveryError, match=f"cannot reach the SMTP server 127.0.0.1:{closed}"
                       ) as unreachable:
        send_message(message, host="127.0.0.1", port=closed, security="none", timeout=5)
    assert not unreachable.value.permanent


def test_some_recipients_refused(smtp_server) -> None:
    server = smtp_server("plain", refuse_rcpt=frozenset({"gone@example.org"}))
    message = compose_message([mailhelp.english()], to=["ana@example.org", "gone@example.org"],
                              sender="news@example.org", attach=()).message
    with pytest.raises(DeliveryError, match="gone@example.org: 550") as caught:
        send_message(message, host=server.host, port=server.port, security="none")
    assert caught.value.refused == ("gone@example.org",) and caught.value.permanent
    [received] = server.handler.received
    assert received.rcpt_tos == ["ana@example.org"]
