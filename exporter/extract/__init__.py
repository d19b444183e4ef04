"""What the briefing and the one-pager show beside the summary: key quotes and key figures."""

from __future__ import annotations

from .figures import KeyFigure, key_figures
from .quotes import KeyQuote, key_quotes

__all__ = ["KeyFigure", "KeyQuote", "key_figures", "key_quotes"]
