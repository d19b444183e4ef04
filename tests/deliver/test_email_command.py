"""``exporter email`` end to end: .eml files, SMTP, the outbox and --retry, refusals, sizes."""

from __future__ import annotations

import json
import zipfile
from email import policy
from email.message import EmailMessage
from email.parser import BytesParser
from io import BytesIO
from pathlib import Path

import mailhelp
import pytest

from exporter.cli import main

smtp_server = mailhelp.smtp_server
certificate = mailhelp.certificate
formats = mailhelp.formats
clean_env = mailhelp.clean_env

STORY = """\
---
title: Ferry service to resume after storm repairs
author: Maya Okafor
date: 2026-02-02
source: https://example.org/news/ferry
language: en
---

The island ferry will run again from Friday after three weeks of repairs to the storm-damaged pier.
Engineers replaced forty metres of decking and two mooring posts.

The operator said the first crossing would leave at seven in the morning. Tickets bought for
cancelled crossings will be honoured until the end of March.

"We know how hard the last weeks have been for islanders," the operator's director said.
"""

GREEK = """\
# Το λιμάνι ανοίγει ξανά μετά την καταιγίδα

Το πλοίο θα εκτελεί ξανά δρομολόγια από την Παρασκευή. Οι μηχανικοί αντικατέστησαν σαράντα μέτρα της αποβάθρας.

Το πρώτο δρομολόγιο θα αναχωρήσει στις επτά το πρωί.
"""


def _story(folder: Path, name: str = "ferry.md", text: str = STORY) -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def _read_eml(path: Path) -> EmailMessage:
    parsed = BytesParser(policy=policy.default).parsebytes(path.read_bytes())
    assert isinstance(parsed, EmailMessage)
    return parsed


def _one_line_error(capsys: pytest.CaptureFixture[str]) -> str:
    err = capsys.readouterr().err.strip()
    assert "Traceback" not in err
    assert len(err.splitlines()) == 1, err
    return err


def test_eml_file_with_both_bodies_and_attachments(clean_env: Path, formats: list[str],
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    story = _story(clean_env)
    greek = _story(clean_env, "limani.md", GREEK)
    target = clean_env / "out" / "briefing.eml"
    code = main(["email", str(story), str(greek), "--to", "desk@example.org, Ana <ana@example.org>",
                 "--from", "news@example.org", "--attach", ",".join(formats),
                 "--eml", str(target)])
    assert code == 0, capsys.readouterr().err
    message = _read_eml(target)
    assert message["Subject"] == "Ferry service to resume after storm repairs and 1 more"
    assert [a.addr_spec for a in message["To"].addresses] == ["desk@example.org",
                                                              "ana@example.org"]
    text = message.get_body(("plain",)).get_content()
    page = message.get_body(("html",)).get_content()
    assert "Ferry service to resume after storm repairs" in text
    assert "example.org · By Maya Okafor · 2 February 2026 · 1 min read" in text
    assert "The island ferry will run again from Friday" in text
    assert "Το λιμάνι ανοίγει ξανά μετά την καταιγίδα" in page
    assert "Source: https://example.org/news/ferry" in text
    names = [part.get_filename() for part in message.iter_attachments()]
    assert "το-λιμάνι-ανοίγει-ξανά-μετά-την-καταιγίδα.pdf" in names or "pdf" not in formats
    assert all(name in text for name in names)  # the body lists what is attached
    assert "filename*0*=utf-8''%CF%84%CE%BF" in target.read_text("ascii")  # RFC 2231


def test_bad_addresses_refused_before_anything_is_built(
    clean_env: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    story = _story(clean_env)
    target = clean_env / "m.eml"
    for bad in ("not-an-address", "ana@example.org\r\nBcc: spy@evil.example",
                "ana@exa mple.org", "a..b@example.org", "ana@-example.org", "@example.org"):
        code = main(["email", str(story), "--to", bad, "--from", "n@example.org",
                     "--eml", str(target)])
        assert code == 2
        assert "address" in _one_line_error(capsys)
    code = main(["email", str(story), "--to", "ana@example.org", "--from", "x\ny@example.org",
                 "--eml", str(target)])
    assert code == 2
    assert "line break" in _one_line_error(capsys)
    assert not target.exists()


def test_subject_with_line_break_is_refused(clean_env: Path,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    story = _story(clean_env)
    code = main(["email", str(story), "--to", "ana@example.org", "--from", "n@example.org",
                 "--subject", "Hello\r\nBcc: spy@evil.example", "--attach", "none",
                 "--eml", str(clean_env / "m.eml")])
    assert code == 2
    assert "subject contains a line break" in _one_line_error(capsys)


def test_login_is_not_a_command_line_option(clean_env: Path,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    story = _story(clean_env)
    with pytest.raises(SystemExit) as caught:
        main(["email", str(story), "--to", "a@example.org", "--smtp", "127.0.0.1:25",
              "--password", "hunter2"])
    assert caught.value.code == 2
    assert "unrecognized arguments: --password" in capsys.readouterr().err


def test_no_destination_is_a_usage_error(clean_env: Path,
                                         capsys: pytest.CaptureFixture[str]) -> None:
    story = _story(clean_env)
    assert main(["email", str(story), "--to", "a@example.org", "--from", "n@example.org"]) == 2
    assert "--eml FILE or --smtp HOST:PORT" in _one_line_error(capsys)


def test_starttls_with_login_from_environment(
    clean_env: Path, smtp_server, certificate, monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    server = smtp_server("starttls", auth=True)
    monkeypatch.setenv("EXPORTER_SMTP_USER", mailhelp.USER)
    monkeypatch.setenv("EXPORTER_SMTP_PASSWORD", mailhelp.PASSWORD)
    monkeypatch.setenv("EXPORTER_SMTP_CAFILE", str(certificate[0]))
    story = _story(clean_env)
    code = main(["email", str(story), "--to", "ana@example.org", "--cc", "ed@example.org",
                 "--from", "news@example.org", "--attach", "none", "--smtp", server.address,
                 "--starttls"])
    out = capsys.readouterr()
    assert code == 0, out.err
    assert f"sent to 2 recipients through {server.address}" in out.out
    [received] = server.handler.received
    assert received.login == mailhelp.USER
    assert received.rcpt_tos == ["ana@example.org", "ed@example.org"]
    assert received.message["Subject"] == "Ferry service to resume after storm repairs"
    assert not (clean_env / "outbox").exists()


def test_unreachable_server_then_retry_sends_from_the_outbox(
    clean_env: Path, smtp_server, capsys: pytest.CaptureFixture[str]
) -> None:
    story = _story(clean_env)
    port = mailhelp.free_port()  # nothing listens there yet
    code = main(["email", str(story), "--to", "ana@example.org", "--from", "news@example.org",
                 "--attach", "none", "--smtp", f"127.0.0.1:{port}", "--no-tls",
                 "--timeout", "5"])
    assert code == 75
    err = capsys.readouterr().err
    assert f"cannot reach the SMTP server 127.0.0.1:{port}" in err
    assert "exporter email --retry outbox" in err
    [waiting] = sorted((clean_env / "outbox").glob("*.eml"))
    note = json.loads(waiting.with_suffix(".json").read_text())
    assert note["host"] == "127.0.0.1" and note["port"] == port and note["attempts"] == 1
    assert "password" not in waiting.with_suffix(".json").read_text()
    kept = _read_eml(waiting)
    assert kept["Subject"] == "Ferry service to resume after storm repairs"

    server = smtp_server("plain", port=port)  # the server comes back
    code = main(["email", "--retry", "outbox"])
    out = capsys.readouterr()
    assert code == 0, out.err
    assert "1 sent, 0 still waiting" in out.out
    [received] = server.handler.received
    assert received.rcpt_tos == ["ana@example.org"]
    assert received.data.replace(b"\r\n", b"\n") == waiting_bytes(kept)
    assert list((clean_env / "outbox").glob("*.eml")) == []
    assert list((clean_env / "outbox").glob("*.json")) == []


def waiting_bytes(message: EmailMessage) -> bytes:
    return message.as_bytes(policy=policy.SMTP).replace(b"\r\n", b"\n")


def test_refused_message_waits_and_retry_goes_to_another_server(
    clean_env: Path, smtp_server, capsys: pytest.CaptureFixture[str]
) -> None:
    story = _story(clean_env)
    strict = smtp_server("plain", refuse_data="550 5.7.1 Policy rejection")
    code = main(["email", str(story), "--to", "ana@example.org", "--from", "news@example.org",
                 "--attach", "none", "--smtp", strict.address, "--no-tls",
                 "--outbox", "queue"])
    assert code == 75
    assert "550 5.7.1 Policy rejection" in capsys.readouterr().err
    assert len(list((clean_env / "queue").glob("*.eml"))) == 1

    [note] = (clean_env / "queue").glob("*.json")
    assert json.loads(note.read_text())["refused_for_good"] is True

    relay = smtp_server("plain")
    assert main(["email", "--retry", "queue", "--smtp", relay.address, "--no-tls"]) == 0
    [received] = relay.handler.received
    assert received.message["Subject"] == "Ferry service to resume after storm repairs"
    assert list((clean_env / "queue").iterdir()) in ([], [clean_env / "queue" / ".lock"])


def test_nothing_waiting(clean_env: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (clean_env / "outbox").mkdir()
    assert main(["email", "--retry", "outbox"]) == 0
    assert "nothing waiting" in capsys.readouterr().out


def test_size_budget_is_stated(clean_env: Path, formats: list[str],
                               capsys: pytest.CaptureFixture[str]) -> None:
    story = _story(clean_env)
    target = clean_env / "small.eml"
    code = main(["email", str(story), "--to", "ana@example.org", "--from", "news@example.org",
                 "--attach", ",".join(formats), "--max-size", "40KB", "--eml", str(target)])
    err = capsys.readouterr().err
    assert code == 0, err
    assert target.stat().st_size <= 40_000
    assert "over the 40 KB limit" in err and "zipped into" in err
    message = _read_eml(target)
    text = message.get_body(("plain",)).get_content()
    assert "Note:" in text and "zipped into" in text  # the recipient is told as well
    attached = list(message.iter_attachments())
    assert len(attached) <= 1
    if attached:
        assert attached[0].get_content_type() == "application/zip"
        with zipfile.ZipFile(BytesIO(attached[0].get_content())) as archive:
            kept = archive.namelist()
        assert all(name.startswith("ferry-service-to-resume") for name in kept)
    left_out = "left out" in err
    assert left_out == (len(attached) == 0 or len(kept) < len(formats))


def test_size_too_small_even_for_the_text(clean_env: Path,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    story = _story(clean_env)
    code = main(["email", str(story), "--to", "ana@example.org", "--from", "news@example.org",
                 "--attach", "none", "--max-size", "1KB", "--eml", str(clean_env / "m.eml")])
    assert code == 2
    assert "over the 1 KB limit" in _one_line_error(capsys)


@pytest.mark.parametrize(
    "layout",
    [
        "[exporter]\norganisation = \"Desk\"\n\n[email]\n",
        "[email]\n",
    ],
    ids=["beside-exporter-table", "email-table-alone"],
)
def test_settings_from_exporter_toml(clean_env: Path, smtp_server, layout: str,
                                     capsys: pytest.CaptureFixture[str]) -> None:
    server = smtp_server("plain")
    (clean_env / "exporter.toml").write_text(
        f'{layout}host = "127.0.0.1"\nport = {server.port}\nsecurity = "none"\n'
        'from = "Desk <desk@example.org>"\nattach = []\n', encoding="utf-8")
    story = _story(clean_env)
    code = main(["email", str(story), "--to", "ana@example.org"])
    assert code == 0, capsys.readouterr().err
    [received] = server.handler.received
    assert received.mail_from == "desk@example.org"
    assert list(received.message.iter_attachments()) == []


def test_partly_refused_retry_reaches_only_the_missed_recipient(
    clean_env: Path, smtp_server, capsys: pytest.CaptureFixture[str]
) -> None:
    story = _story(clean_env)
    server = smtp_server("plain", refuse_rcpt=frozenset({"away@example.org"}))
    code = main(["email", str(story), "--to", "ana@example.org, away@example.org",
                 "--from", "news@example.org", "--attach", "none", "--smtp", server.address,
                 "--no-tls"])
    assert code == 75
    assert "away@example.org: 550" in capsys.readouterr().err
    [first] = server.handler.received
    assert first.rcpt_tos == ["ana@example.org"]
    [waiting] = (clean_env / "outbox").glob("*.eml")
    assert waiting.stat().st_mode & 0o077 == 0  # the outbox is private to its owner
    assert json.loads(waiting.with_suffix(".json").read_text())["recipients"] == [
        "away@example.org"]

    relay = smtp_server("plain")
    assert main(["email", "--retry", "outbox", "--smtp", relay.address, "--no-tls"]) == 0
    [second] = relay.handler.received
    assert second.rcpt_tos == ["away@example.org"]  # ana does not get it twice
    assert second.message["To"] == first.message["To"]


def test_blind_copy_reaches_its_recipient_and_no_header_names_it(
    clean_env: Path, smtp_server, capsys: pytest.CaptureFixture[str]
) -> None:
    story = _story(clean_env)
    server = smtp_server("plain")
    code = main(["email", str(story), "--to", "ana@example.org", "--cc", "ben@example.org",
                 "--bcc", "editor@example.org", "--bcc", "ana@example.org",
                 "--from", "news@example.org", "--attach", "none", "--smtp", server.address,
                 "--no-tls"])
    out = capsys.readouterr()
    assert code == 0, out.err
    assert "sent to 3 recipients" in out.out  # ana is written to once
    [received] = server.handler.received
    assert received.rcpt_tos == ["ana@example.org", "ben@example.org", "editor@example.org"]
    assert b"editor@example.org" not in received.data
    assert received.message["Bcc"] is None


def test_blind_copy_kept_in_the_outbox_and_in_an_eml_file(
    clean_env: Path, smtp_server, capsys: pytest.CaptureFixture[str]
) -> None:
    story = _story(clean_env)
    target = clean_env / "draft.eml"
    assert main(["email", str(story), "--to", "ana@example.org", "--bcc", "editor@example.org",
                 "--from", "news@example.org", "--attach", "none", "--eml", str(target)]) == 0
    assert _read_eml(target)["Bcc"] == "editor@example.org"

    port = mailhelp.free_port()  # nothing listens there yet
    code = main(["email", str(story), "--to", "ana@example.org", "--bcc", "editor@example.org",
                 "--from", "news@example.org", "--attach", "none",
                 "--smtp", f"127.0.0.1:{port}", "--no-tls", "--timeout", "5"])
    assert code == 75
    [waiting] = (clean_env / "outbox").glob("*.eml")
    assert b"editor@example.org" not in waiting.read_bytes()
    server = smtp_server("plain", port=port)
    capsys.readouterr()
    assert main(["email", "--retry", "outbox"]) == 0
    [received] = server.handler.received
    assert received.rcpt_tos == ["ana@example.org", "editor@example.org"]
    assert b"editor@example.org" not in received.data


def test_a_message_refused_for_good_twice_is_given_up_not_retried_forever(
    clean_env: Path, smtp_server, capsys: pytest.CaptureFixture[str]
) -> None:
    story = _story(clean_env)
    strict = smtp_server("plain", refuse_data="554 5.7.1 Message refused as spam")
    args = ["email", str(story), "--to", "ana@example.org", "--from", "news@example.org",
            "--attach", "none", "--no-tls"]
    assert main([*args, "--smtp", strict.address]) == 75
    # A second message meets a server that is only busy: it waits, and keeps waiting.
    busy = smtp_server("plain", refuse_data="451 4.3.0 Try again later")
    assert main([*args, "--smtp", busy.address]) == 75
    capsys.readouterr()

    assert main(["email", "--retry", "outbox"]) == 75
    out = capsys.readouterr()
    assert "0 sent, 1 still waiting in outbox, 1 given up" in out.out
    assert "gave up on" in out.err and "554 5.7.1 Message refused as spam" in out.err
    [given_up] = (clean_env / "outbox" / "failed").glob("*.eml")
    note = json.loads(given_up.with_suffix(".json").read_text())
    assert note["attempts"] == 2 and "554" in note["last_error"]
    assert given_up.stat().st_mode & 0o077 == 0
    [waiting] = (clean_env / "outbox").glob("*.eml")
    assert json.loads(waiting.with_suffix(".json").read_text())["attempts"] == 2

    # The given-up message is not tried again; the waiting one goes once the server is back.
    busy.handler.refuse_data = None
    assert main(["email", "--retry", "outbox"]) == 0
    assert len(busy.handler.received) == 1 and strict.handler.received == []
    assert list((clean_env / "outbox" / "failed").glob("*.eml")) == [given_up]
