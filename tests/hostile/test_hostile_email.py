"""Hostile input against ``exporter email``: injected headers, outboxes that cannot be written,
servers that dribble. Every attack goes to a real SMTP server (aiosmtpd on 127.0.0.1) or a
real socket, and the tests read back what arrived, header by header."""

from __future__ import annotations

import base64
import os
import shutil
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from email import policy
from email.message import EmailMessage
from email.parser import BytesParser
from pathlib import Path

import pytest
from conftest import IN_CI, ROOT

sys.path.insert(0, str(ROOT / "tests" / "deliver"))  # the real SMTP server's fixtures
import mailhelp  # noqa: E402
from hypothesis import given, settings
from hypothesis import strategies as st

from exporter.cli import main
from exporter.deliver.headers import header_text

smtp_server = mailhelp.smtp_server
certificate = mailhelp.certificate
clean_env = mailhelp.clean_env

# The headers exporter writes on a message without attachments, and nothing else.
TOP_HEADERS = {"from", "to", "subject", "date", "message-id", "user-agent", "mime-version",
               "content-type"}


def encoded(text: str, charset: str = "utf-8") -> str:
    """``text`` as one RFC 2047 encoded word (base64)."""
    return f"=?{charset}?b?{base64.b64encode(text.encode(charset)).decode('ascii')}?="


def q_encoded(text: str) -> str:
    """``text`` as an RFC 2047 encoded word in the Q encoding, every byte escaped."""
    return "=?utf-8?q?" + "".join(f"={byte:02X}" for byte in text.encode()) + "?="


INJECTION = "Budget approved\r\nBcc: spy@evil.example\r\nReply-To: spy@evil.example\r\n" \
            "X-Injected: yes"
BODY_TAKEOVER = "Budget approved\r\n\r\nThis body was written by the attacker.\r\n\r\n"
ATTACKS = {
    "base64 word": encoded(INJECTION),
    "Q word": q_encoded(INJECTION),
    "word inside a word": encoded(encoded(INJECTION)),
    "word three deep": encoded(q_encoded(encoded(INJECTION))),
    "ends the header block": encoded(BODY_TAKEOVER),
    "word split across words": " ".join(["Budget", encoded("approved\r\nBcc: spy"),
                                         encoded("@evil.example")]),
    "latin-1 word": encoded("Budget\r\nX-Injected: yes", "latin-1"),
    "raw breaks of every kind": "Budget\u2028X-Injected: yes\x85Bcc: spy@evil.example\x0b\x0c"
                                "\x00end",
}
FORBIDDEN = ("bcc", "reply-to", "x-injected")


def story(folder: Path, title: str, kind: str) -> Path:
    """An article whose title is ``title``, as Markdown front matter, a Markdown heading
    or an HTML <title>."""
    body = ("The harbour board approved its budget on Tuesday after a long debate. "
            "Seven members voted for it and two against.\n\n"
            "The new budget pays for dredging the outer channel next spring.\n")
    if kind == "front matter":
        quoted = title.replace("\\", "\\\\").replace('"', '\\"').replace("\r", "\\r") \
            .replace("\n", "\\n").replace("\x00", "\\0").replace("\x0b", "\\v") \
            .replace("\x0c", "\\f").replace("\x85", "\\N").replace("\u2028", "\\L")
        path = folder / "story.md"
        path.write_text(f'---\ntitle: "{quoted}"\nlanguage: en\n---\n\n{body}', "utf-8")
    elif kind == "heading":
        path = folder / "story.md"
        path.write_text(f"# {title}\n\n{body}", "utf-8")
    else:
        escaped = title.replace("&", "&amp;").replace("<", "&lt;")
        path = folder / "story.html"
        paragraphs = "".join(f"<p>{p}</p>" for p in body.split("\n\n"))
        path.write_text(f"<!doctype html><html lang=en><head><meta charset=utf-8>"
                        f"<title>{escaped}</title></head><body><article><h1>{escaped}</h1>"
                        f"{paragraphs}</article></body></html>", "utf-8")
    return path


def header_block(data: bytes) -> list[bytes]:
    """The raw header lines of a message as it went over the wire."""
    head, _, _ = data.partition(b"\r\n\r\n")
    return head.split(b"\r\n")


def assert_one_message_as_built(data: bytes, rcpt_tos: list[str], to: str) -> EmailMessage:
    """What the server got has exactly exporter's headers, each once, none injected, and the
    body exporter wrote."""
    assert rcpt_tos == [to]
    names = [line.split(b":", 1)[0].decode().lower() for line in header_block(data)
             if line[:1] not in (b" ", b"\t")]
    assert sorted(names) == sorted(TOP_HEADERS), names
    parsed = BytesParser(policy=policy.default).parsebytes(data)
    assert isinstance(parsed, EmailMessage)
    for name in FORBIDDEN:
        assert parsed[name] is None
    subject = str(parsed["Subject"])
    assert not any(char in subject for char in "\r\n\x00\x0b\x0c\x85\u2028")
    assert parsed.get_content_type() == "multipart/alternative"
    text = parsed.get_body(("plain",))
    assert text is not None and "harbour board approved its budget" in text.get_content()
    assert "written by the attacker" not in text.get_content().split("\n")[0]
    return parsed


# A raw line break cannot stand in a one-line heading or <title>: front matter only.
TITLE_CASES = [(attack, kind) for attack in ATTACKS
               for kind in ("front matter", "heading", "html")
               if kind == "front matter" or "raw" not in attack]


@pytest.mark.parametrize(("attack", "kind"), TITLE_CASES)
def test_a_title_cannot_inject_a_header(attack: str, kind: str, clean_env: Path,
                                        smtp_server, capsys: pytest.CaptureFixture[str]) -> None:
    title = ATTACKS[attack]
    server = smtp_server("plain")
    path = story(clean_env, title, kind)
    code = main(["email", str(path), "--to", "desk@example.org", "--from", "news@example.org",
                 "--attach", "none", "--smtp", server.address, "--no-tls"])
    assert code == 0, capsys.readouterr().err
    [received] = server.handler.received
    parsed = assert_one_message_as_built(received.data, received.rcpt_tos, "desk@example.org")
    assert str(parsed["Subject"]).startswith("Budget")


@pytest.mark.parametrize("attack", [a for a in ATTACKS if "raw" not in a])
def test_a_subject_option_cannot_inject_a_header(attack: str, clean_env: Path, smtp_server,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    server = smtp_server("plain")
    path = story(clean_env, "Harbour budget", "heading")
    code = main(["email", str(path), "--to", "desk@example.org", "--from", "news@example.org",
                 "--subject", ATTACKS[attack], "--attach", "none", "--smtp", server.address,
                 "--no-tls"])
    assert code == 0, capsys.readouterr().err
    [received] = server.handler.received
    parsed = assert_one_message_as_built(received.data, received.rcpt_tos, "desk@example.org")
    assert str(parsed["Subject"]).startswith("Budget")


def test_the_issue_s_exact_subject(clean_env: Path, smtp_server,
                                   capsys: pytest.CaptureFixture[str]) -> None:
    server = smtp_server("plain")
    path = story(clean_env, "Harbour budget", "heading")
    assert main(["email", str(path), "--to", "desk@example.org", "--from", "news@example.org",
                 "--subject", "=?utf-8?b?SGkNCkJjYzogc3B5QGV2aWwub3Jn?=", "--attach", "none",
                 "--smtp", server.address, "--no-tls"]) == 0, capsys.readouterr().err
    [received] = server.handler.received
    assert received.rcpt_tos == ["desk@example.org"]
    parsed = assert_one_message_as_built(received.data, received.rcpt_tos, "desk@example.org")
    assert str(parsed["Subject"]) == "Hi Bcc: spy@evil.org"


def test_display_names_cannot_inject_a_header(clean_env: Path, smtp_server,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    server = smtp_server("plain")
    path = story(clean_env, "Harbour budget", "heading")
    name = encoded("Desk\r\nBcc: spy@evil.example")
    sender = encoded("News\r\nX-Injected: yes")
    code = main(["email", str(path), "--to", f"{name} <desk@example.org>",
                 "--from", f"{sender} <news@example.org>",
                 "--attach", "none", "--smtp", server.address, "--no-tls"])
    assert code == 0, capsys.readouterr().err
    [received] = server.handler.received
    parsed = assert_one_message_as_built(received.data, received.rcpt_tos, "desk@example.org")
    assert parsed["To"].addresses[0].display_name == "Desk Bcc: spy@evil.example"
    assert parsed["From"].addresses[0].addr_spec == "news@example.org"


def test_an_eml_file_and_an_attachment_carry_no_injected_header(
        clean_env: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = story(clean_env, ATTACKS["ends the header block"], "front matter")
    assert main(["email", str(path), "--to", "desk@example.org", "--from", "news@example.org",
                 "--attach", "docx", "--eml", "out.eml"]) == 0, capsys.readouterr().err
    data = (clean_env / "out.eml").read_bytes()
    parsed = BytesParser(policy=policy.default).parsebytes(data)
    assert parsed.get_content_type() == "multipart/mixed"
    [attachment] = list(parsed.iter_attachments())
    assert attachment.get_filename().endswith(".docx")
    assert all(parsed[name] is None for name in FORBIDDEN)
    names = {line.split(b":", 1)[0].lower() for line in header_block(data)
             if line[:1] not in (b" ", b"\t")}
    assert names == {n.encode() for n in TOP_HEADERS}


@settings(max_examples=150, deadline=None)
@given(st.lists(st.one_of(
    st.text(st.sampled_from("ab \r\n\t\x00\x0b\x85\u2028:=?"), max_size=12),
    st.text(max_size=12).map(encoded),
    st.text(max_size=12).map(q_encoded),
    st.text(max_size=12).map(lambda t: encoded(encoded(t))),
), max_size=5).map(" ".join))
def test_header_text_always_makes_exactly_one_header(value: str) -> None:
    text = header_text(value)
    assert header_text(text) == text
    message = EmailMessage(policy=policy.SMTP)
    message["Subject"] = text
    message["From"] = "news@example.org"
    message.set_content("body")
    data = message.as_bytes()
    names = [line.split(b":", 1)[0] for line in header_block(data)
             if line[:1] not in (b" ", b"\t")]
    assert names == [b"Subject", b"From", b"Content-Type", b"Content-Transfer-Encoding",
                     b"MIME-Version"]
    assert str(BytesParser(policy=policy.default).parsebytes(data)["Subject"]) == text


# --- the outbox --------------------------------------------------------------------------

def _outbox_with_two(folder: Path, port: int) -> Path:
    """An outbox of two messages, put there by a real failed send to a closed port."""
    for title in ("First harbour story", "Second harbour story"):
        path = story(folder, title, "heading")
        assert main(["email", str(path), "--to", "desk@example.org", "--from",
                     "news@example.org", "--attach", "none", "--smtp", f"127.0.0.1:{port}",
                     "--no-tls", "--timeout", "5"]) == 75
    waiting = sorted((folder / "outbox").glob("*.eml"))
    assert len(waiting) == 2
    return folder / "outbox"


def _read_only_command(folder: Path, command: list[str]) -> list[str]:
    """``command`` run where ``folder`` can be read but not written: a read-only bind mount
    in a mount namespace of its own for root (permissions do not stop root), plain
    permissions for anyone else."""
    if os.geteuid() != 0:
        folder.chmod(0o555)
        return command
    unshare = shutil.which("unshare")
    probe = subprocess.run([unshare or "unshare", "-m", "true"], capture_output=True)
    if unshare is None or probe.returncode != 0:
        if IN_CI:
            pytest.fail("CI runs as root and must be able to make a read-only bind mount")
        pytest.skip("root without unshare -m: cannot make the outbox read-only")
    script = 'mount --bind -o ro "$1" "$1" && shift && exec "$@"'
    return [unshare, "-m", "sh", "-c", script, "sh", str(folder), *command]


def _exporter(*args: str) -> list[str]:
    return [sys.executable, "-m", "exporter", *args]


def _run(command: list[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run(command, cwd=cwd, env=env, capture_output=True, text=True,
                          timeout=60)


def test_a_read_only_outbox_sends_nothing_and_says_so(clean_env: Path, smtp_server) -> None:
    outbox = _outbox_with_two(clean_env, mailhelp.free_port())
    before = sorted(p.name for p in outbox.iterdir())
    server = smtp_server("plain")
    for _ in range(3):
        command = _read_only_command(outbox, _exporter("email", "--retry", str(outbox),
                                                       "--smtp", server.address, "--no-tls"))
        result = _run(command, clean_env)
        assert result.returncode == 2, result.stderr
        [line] = result.stderr.strip().splitlines()[-1:]
        assert str(outbox) in line and "internal error" not in result.stderr
        assert "Traceback" not in result.stderr
    assert server.handler.received == []  # not once, let alone three times
    outbox.chmod(0o700)
    assert sorted(p.name for p in outbox.iterdir()) == before
    # Writable again: each message goes exactly once.
    result = _run(_exporter("email", "--retry", str(outbox), "--smtp", server.address,
                            "--no-tls"), clean_env)
    assert result.returncode == 0, result.stderr
    subjects = sorted(str(r.message["Subject"]) for r in server.handler.received)
    assert subjects == ["First harbour story", "Second harbour story"]
    assert list(outbox.glob("*.eml")) == []


def test_a_message_being_sent_when_a_retry_died_is_not_sent_again(
        clean_env: Path, smtp_server, capsys: pytest.CaptureFixture[str]) -> None:
    outbox = _outbox_with_two(clean_env, mailhelp.free_port())
    [first] = [p for p in outbox.glob("*.eml") if b"First harbour" in p.read_bytes()]
    first.rename(first.with_suffix(".sending"))  # what a retry killed mid-send leaves
    server = smtp_server("plain")
    assert main(["email", "--retry", str(outbox), "--smtp", server.address, "--no-tls"]) == 0
    err = capsys.readouterr().err
    assert f"in doubt: {first.stem}.sending" in err
    assert [str(r.message["Subject"]) for r in server.handler.received] == [
        "Second harbour story"]
    assert list(outbox.glob("*.eml")) == []
    assert first.with_suffix(".sending").exists()


# --- a server that dribbles ----------------------------------------------------------------

@pytest.fixture
def dribbling_server() -> Iterator[int]:
    """A TCP server on 127.0.0.1 that greets with one continuation line every 0.3 s, forever."""
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen()
    listener.settimeout(0.2)
    stop = threading.Event()

    def serve() -> None:
        while not stop.is_set():
            try:
                conn, _ = listener.accept()
            except TimeoutError:
                continue
            with conn:
                while not stop.is_set():
                    try:
                        conn.sendall(b"220-still saying hello\r\n")
                    except OSError:
                        break
                    time.sleep(0.3)

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    yield listener.getsockname()[1]
    stop.set()
    thread.join(5)
    listener.close()


def test_timeout_bounds_the_whole_conversation(clean_env: Path, dribbling_server: int,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    path = story(clean_env, "Harbour budget", "heading")
    started = time.monotonic()
    code = main(["email", str(path), "--to", "desk@example.org", "--from", "news@example.org",
                 "--attach", "none", "--smtp", f"127.0.0.1:{dribbling_server}", "--no-tls",
                 "--timeout", "1.5"])
    elapsed = time.monotonic() - started
    err = capsys.readouterr().err
    assert code == 75, err
    assert elapsed < 5, elapsed
    assert "did not finish within 1.5 s" in err
    [waiting] = (clean_env / "outbox").glob("*.eml")
    assert b"Subject: Harbour budget" in waiting.read_bytes()


@pytest.mark.parametrize("value", ["nan", "inf", "-1", "0", "soon"])
def test_a_timeout_that_is_not_a_time_is_a_usage_error(
        value: str, clean_env: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = story(clean_env, "Harbour budget", "heading")
    with pytest.raises(SystemExit) as stopped:
        main(["email", str(path), "--to", "desk@example.org", "--smtp", "127.0.0.1:1",
              "--timeout", value])
    assert stopped.value.code == 2
    assert "--timeout" in capsys.readouterr().err
