"""Email addresses checked before anything is built.

``smtplib`` silently cuts an address with a line break down to its first part,
and ``email`` accepts much that no server delivers, so addresses are checked
here against a strict, common subset of RFC 5322: an optional display name and
a dot-atom local part ``@`` a domain of letter-digit-hyphen labels.
Internationalised domains are accepted and sent in their ASCII (``xn--``) form.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from email.headerregistry import Address

from ..errors import UsageError
from .headers import header_text

_ATOM = r"[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+"
_LOCAL = re.compile(rf"{_ATOM}(?:\.{_ATOM})*")
_LABEL = re.compile(r"[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?")
_NAMED = re.compile(r"(?P<name>.*?)\s*<(?P<spec>[^<>]*)>", re.S)
# Line breaks of every kind and other controls: each could end a header early.
_CONTROL = re.compile("[\x00-\x1f\x7f\x85\u2028\u2029]")


def parse_address(text: str) -> Address:
    """``"Ana Ruiz <ana@example.org>"`` or ``"ana@example.org"`` as an ``Address``.

    Raises ``UsageError`` naming the address and what is wrong with it.
    """
    if _CONTROL.search(text):
        raise UsageError(f"address {text!r} contains a line break or control character")
    raw = text.strip()
    named = _NAMED.fullmatch(raw)
    name, spec = (named["name"].strip(), named["spec"].strip()) if named else ("", raw)
    if len(name) >= 2 and name[0] == name[-1] == '"':
        name = name[1:-1].replace('\\"', '"').replace("\\\\", "\\")
    if "<" in name or ">" in name:
        raise UsageError(f"address {text!r} is malformed (stray < or >)")
    local, at, domain = spec.rpartition("@")
    if not at or not local or not domain:
        raise UsageError(f"address {text!r} is not an email address (expected name@domain)")
    if not _LOCAL.fullmatch(local) or len(local) > 64:
        raise UsageError(f"address {text!r}: the part before @ is not valid")
    return Address(display_name=header_text(name), username=local,
                   domain=_ascii_domain(domain, text))


def parse_addresses(values: Iterable[str]) -> tuple[Address, ...]:
    """Every address in ``values``; each value may hold several, separated by commas."""
    return tuple(parse_address(part) for value in values for part in split_addresses(value))


def split_addresses(value: str) -> list[str]:
    """``'"Ruiz, Ana" <a@x.org>, b@y.org'`` -> two addresses: commas inside quotes or <> stay."""
    if _CONTROL.search(value):  # before strip(), which would quietly eat U+0085 and U+2028
        raise UsageError(f"address {value!r} contains a line break or control character")
    parts: list[str] = []
    current: list[str] = []
    quoted = angled = False
    for char in value:
        if char == '"' and not angled:
            quoted = not quoted
        elif char == "<" and not quoted:
            angled = True
        elif char == ">" and not quoted:
            angled = False
        if char == "," and not quoted and not angled:
            parts.append("".join(current))
            current = []
        else:
            current.append(char)
    parts.append("".join(current))
    found = [part.strip() for part in parts if part.strip()]
    if not found:
        raise UsageError(f"no address in {value!r}")
    return found


def _ascii_domain(domain: str, text: str) -> str:
    try:
        ascii_domain = domain.encode("idna").decode("ascii") if not domain.isascii() else domain
    except UnicodeError:
        raise UsageError(f"address {text!r}: the domain is not valid") from None
    labels = ascii_domain.split(".")
    if len(ascii_domain) > 253 or not all(_LABEL.fullmatch(label) for label in labels):
        raise UsageError(f"address {text!r}: the domain {domain!r} is not valid")
    return ascii_domain.lower()
