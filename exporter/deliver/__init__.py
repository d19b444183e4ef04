"""Email delivery: build a message carrying briefings, send it, keep what fails in an outbox.

    from exporter.deliver import build_message, send_message

    message = build_message([article], to=["desk@example.org"], sender="me@example.org")
    send_message(message, host="smtp.example.org", port=587, username=..., password=...)

Modules: :mod:`.email` builds the message (bodies from :mod:`.bodies`, files from
:mod:`.attachments`, addresses checked by :mod:`.addresses`); :mod:`.smtp` sends it;
:mod:`.outbox` keeps and retries what could not be sent; :mod:`.settings` reads the
``[email]`` configuration; :mod:`.cli` is the ``exporter email`` command.
"""

from __future__ import annotations

from .addresses import parse_address, parse_addresses
from .attachments import MEDIA_TYPES, Attachment, render_attachments
from .email import Composed, add_briefings, build_message, compose_message
from .outbox import retry_outbox, save_to_outbox, waiting_messages
from .settings import EmailSettings, load_email_settings, parse_size
from .smtp import DeliveryError, send_message, send_raw

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
