"""Which scripts this machine's fonts print in the PDF one-pager, for tests that depend on it.

DejaVu Sans comes with matplotlib; the other scripts need the system's font packages
(``.ci/run`` installs them). Without them a test skips, saying what to install, except
in CI, where a missing font fails the test.
"""

from __future__ import annotations

import pytest

from exporter import fonts, systemfonts
from tests.conftest import IN_CI


def printable(text: str) -> bool:
    """True when DejaVu Sans or an installed fallback font has every drawn character."""
    family = fonts.sans_family()
    for face, bold in ((family.regular, False), (family.bold, True)):
        missing = fonts.missing_characters(text, face)
        found = "".join(chars for _, chars in systemfonts.fallbacks(missing, bold=bold))
        if set(missing) - set(found):
            return False
    return True


def require_fonts_for(text: str) -> None:
    """Skip (fail in CI) unless the installed fonts print every character of ``text``."""
    if printable(text):
        return
    missing = [c for c in text if fonts.is_drawn(c) and not printable(c)]
    scripts = fonts.scripts_of(missing)
    packages = " ".join(dict.fromkeys(systemfonts.package_for(s) for s in scripts))
    message = f"no font for {', '.join(scripts)} installed: apt-get install {packages}"
    if IN_CI:
        pytest.fail(message)
    pytest.skip(message)
