"""Email delivery: build a message carrying briefings, send it, keep what fails in an outbox.

    from exporter.deliver import build_message, send_message

    message = build_message([article], to=["desk@example.org"], sender="me@example.org")
    send_message(message, host="smtp.example.org", port=587, username=..., password=...)

Modules: :mod:`.email` builds the message (bodies from :mod:`.bodies`, files from
:mod:`.attachments`, addresses checked by :mod:`.addresses`); :mod:`.smtp` sends it;
:mod:`.outbox` keeps and retries what could not be sent; :mod:`.settings` reads the
``[email]`` configuration. The ``exporter email`` command is
:mod:`exporter.commands.email`.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

from ..errors import DeliveryError

if TYPE_CHECKING:
    from .addresses import parse_address, parse_addresses
    from .attachments import MEDIA_TYPES, Attachment, render_attachments
    from .email import Composed, add_briefings, build_message, compose_message
    from .outbox import retry_outbox, save_to_outbox, waiting_messages
    from .settings import EmailSettings, load_email_settings, parse_size
    from .smtp import send_message, send_raw

# Each name's module, imported on first use: ``exporter email --help`` and the parser of
# every other command read only the settings, not the message builder and its writers.
_HOME = {
    "parse_address": "addresses", "parse_addresses": "addresses",
    "MEDIA_TYPES": "attachments", "Attachment": "attachments",
    "render_attachments": "attachments",
    "Composed": "email", "add_briefings": "email", "build_message": "email",
    "compose_message": "email",
    "retry_outbox": "outbox", "save_to_outbox": "outbox", "waiting_messages": "outbox",
    "EmailSettings": "settings", "load_email_settings": "settings", "parse_size": "settings",
    "send_message": "smtp", "send_raw": "smtp",
}


def __getattr__(name: str) -> object:
    module = _HOME.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f".{module}", __name__), name)
    globals()[name] = value
    return value


__all__ = [
    "MEDIA_TYPES",
    "Attachment",
    "Composed",
    "DeliveryError",
    "EmailSettings",
    "add_briefings",
    "build_message",
    "compose_message",
    "load_email_settings",
    "parse_address",
    "parse_addresses",
    "parse_size",
    "render_attachments",
    "retry_outbox",
    "save_to_outbox",
    "send_message",
    "send_raw",
    "waiting_messages",
]
