from __future__ import annotations

from collections.abc import Iterator

import pytest
from webserver import WebServer


@pytest.fixture
def web() -> Iterator[WebServer]:
    """A real HTTP server on 127.0.0.1 for one test."""
    server = WebServer()
    try:
        yield server
    finally:
        server.close()
