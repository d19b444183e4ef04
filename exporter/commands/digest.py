"""``exporter digest``: the new items of feeds as one EPUB digest.

The command's flags and its run live with the feed machinery in
:mod:`exporter.web.digest`; this module only registers them, so that ``cli``
reaches every command the same way.
"""

from __future__ import annotations

from typing import Any


def add_parser(commands: Any) -> None:
    """Register ``digest`` on argparse's sub-parsers."""
    from ..web.digest import add_digest_parser

    add_digest_parser(commands)
