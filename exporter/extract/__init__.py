"""What the briefing and the one-pager show beside the summary: quotes, figures, keywords."""

from __future__ import annotations

from .figures import KeyFigure, key_figures
from .keywords import keywords
from .quotes import KeyQuote, key_quotes

__all__ = ["KeyFigure", "KeyQuote", "key_figures", "key_quotes", "keywords"]
