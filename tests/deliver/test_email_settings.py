"""Addresses, sizes and the [email] settings."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

from exporter.deliver.addresses import parse_address, parse_addresses, split_addresses
from exporter.deliver.settings import (
    EmailSettings,
    format_size,
    load_email_settings,
    parse_size,
)
from exporter.deliver.smtp import envelope_of, resolve_host
from exporter.errors import UsageError


@pytest.mark.parametrize(
    ("text", "name", "spec"),
    [
        ("ana@example.org", "", "ana@example.org"),
        ("  Ana Ruiz <ana.ruiz+news@example.org> ", "Ana Ruiz", "ana.ruiz+news@example.org"),
        ('"Ruiz, Ana" <ana@example.org>', "Ruiz, Ana", "ana@example.org"),
        ("Jürgen Groß <j@bücher.example>", "Jürgen Groß", "j@xn--bcher-kva.example"),
        ("ops@localhost", "", "ops@localhost"),
        ("o'brien@Example.ORG", "", "o'brien@example.org"),
    ],
)
def test_good_addresses(text: str, name: str, spec: str) -> None:
    address = parse_address(text)
    assert (address.display_name, address.addr_spec) == (name, spec)


@pytest.mark.parametrize(
    "text",
    ["", "ana", "ana@", "@example.org", "ana@@example.org", "a b@example.org", "ana@exa_mple.org",
     ".ana@example.org", "ana.@example.org", "a..b@example.org", "ana@example..org",
     "ana@-example.org", "ana@example.org-", "Ana <ana@example.org", "Ana <ana@example.org> x",
     "ana@example.org\r\nBcc: spy@evil.example", "ana@example.org\nx", "ana\x00@example.org",
     "Ana\u2028Bcc: x <ana@example.org>", "ana@example.org\x85", '"quoted local"@example.org',
     "x" * 65 + "@example.org", "ana@" + "a" * 64 + ".org"],
)
def test_bad_addresses(text: str) -> None:
    with pytest.raises(UsageError, match="address|no address"):
        parse_addresses([text])


def test_address_lists() -> None:
    assert split_addresses('"Ruiz, Ana" <a@x.org>, b@y.org,') == ['"Ruiz, Ana" <a@x.org>',
                                                                    "b@y.org"]
    assert [a.addr_spec for a in parse_addresses(["a@x.org, b@y.org", "c@z.org"])] == [
        "a@x.org", "b@y.org", "c@z.org"]


def test_sizes() -> None:
    assert parse_size("10MB") == 10_000_000
    assert parse_size("10 MiB") == 10 * 1024 * 1024
    assert parse_size("500kb") == 500_000
    assert parse_size("1.5M") == 1_500_000
    assert parse_size("2048") == 2048
    assert parse_size("none") is None and parse_size(0) is None
    for bad in ("ten", "10XB", "-1MB", "", "1e6"):
        with pytest.raises(UsageError, match="bad size"):
            parse_size(bad)
    assert format_size(10_000_000) == "10 MB"
    assert format_size(1_450_000) == "1.4 MB"
    assert format_size(4_321) == "4.3 KB"
    assert format_size(820_400) == "820 KB"
    assert format_size(312) == "312 bytes"


def test_defaults(tmp_path: Path) -> None:
    settings = load_email_settings(tmp_path, environ={})
    assert settings == EmailSettings()
    assert settings.max_size == 10_000_000 and settings.security == "starttls"
    assert settings.outbox == Path("outbox") and settings.attach == ("docx", "pdf")


def test_files_and_environment(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text(
        '[tool.exporter]\norganisation = "X"\n[tool.exporter.email]\nhost = "mail.example.org"\n'
        'max-size = "5MB"\nfrom = "a@example.org"\n', encoding="utf-8")
    settings = load_email_settings(tmp_path, environ={})
    assert (settings.host, settings.max_size, settings.sender) == (
        "mail.example.org", 5_000_000, "a@example.org")

    (tmp_path / "exporter.toml").write_text(
        '[email]\nhost = "smtp.example.net"\nport = 465\nsecurity = "SSL"\nuser = "file-user"\n'
        'attach = "pdf,epub"\noutbox = "queue"\ntimeout = 5\ncafile = "ca.pem"\n'
        "max_size = 0\n", encoding="utf-8")
    settings = load_email_settings(tmp_path, environ={})
    assert (settings.host, settings.port, settings.security) == ("smtp.example.net", 465, "ssl")
    assert settings.sender == "a@example.org"  # from pyproject, not overridden
    assert settings.attach == ("pdf", "epub") and settings.outbox == Path("queue")
    assert settings.max_size is None and settings.timeout == 5.0
    assert settings.username == "file-user" and settings.cafile == Path("ca.pem")

    settings = load_email_settings(tmp_path, environ={
        "EXPORTER_SMTP_USER": "env-user", "EXPORTER_SMTP_PASSWORD": "pw",
        "EXPORTER_SMTP_CAFILE": "/etc/ca.pem"})
    assert (settings.username, settings.password) == ("env-user", "pw")
    assert settings.cafile == Path("/etc/ca.pem")
    assert "pw" not in repr(settings)


def test_nested_exporter_table(tmp_path: Path) -> None:
    (tmp_path / "exporter.toml").write_text(
        '[exporter]\norganisation = "Y"\n[exporter.email]\nhost = "h.example.org"\n',
        encoding="utf-8")
    assert load_email_settings(tmp_path, environ={}).host == "h.example.org"


def test_password_in_a_readable_file_warns(tmp_path: Path, caplog: pytest.LogCaptureFixture
                                           ) -> None:
    config = tmp_path / "exporter.toml"
    config.write_text('[email]\npassword = "pw"\n', encoding="utf-8")
    config.chmod(0o644)
    with caplog.at_level(logging.WARNING):
        assert load_email_settings(tmp_path, environ={}).password == "pw"
    assert "other users can read it" in caplog.text
    caplog.clear()
    config.chmod(0o600)
    load_email_settings(tmp_path, environ={})
    assert caplog.text == ""


@pytest.mark.parametrize(
    ("table", "message"),
    [("port = 0", "bad value for port"), ('security = "tls"', "security must be one of"),
     ('max-size = "big"', "max-size must be a size like 10MB"), ("colour = 1", "unknown setting"),
     ("timeout = -1", "bad value for timeout"), ("attach = 3", "bad value for attach")],
)
def test_bad_settings(tmp_path: Path, table: str, message: str) -> None:
    (tmp_path / "exporter.toml").write_text(f"[email]\n{table}\n", encoding="utf-8")
    with pytest.raises(UsageError, match=message):
        load_email_settings(tmp_path, environ={})


def test_hosts() -> None:
    assert resolve_host("smtp.example.org:2525", "starttls") == ("smtp.example.org", 2525)
    assert resolve_host("smtp.example.org", "ssl") == ("smtp.example.org", 465)
    assert resolve_host("smtp.example.org", "starttls") == ("smtp.example.org", 587)
    assert resolve_host("[::1]:25", "none") == ("::1", 25)
    for bad in ("host:port", "host:70000", ":25", "a b:25"):
        with pytest.raises(UsageError):
            resolve_host(bad, "starttls")


def test_envelope_of_a_hand_made_file() -> None:
    raw = (b"From: Desk <desk@example.org>\r\nTo: a@example.org, B <b@example.org>\r\n"
           b"Cc: c@example.org\r\nBcc: d@example.org\r\nSubject: x\r\n\r\nbody\r\n")
    assert envelope_of(raw) == ("desk@example.org",
                                ["a@example.org", "b@example.org", "c@example.org",
                                 "d@example.org"])
