"""What the briefing and the one-pager show beside the summary: quotes, figures, keywords."""

from __future__ import annotations

from .figures import KeyFigure, key_figures, rank_figures
from .keywords import keywords, ranked_keywords
from .quotes import KeyQuote, key_quotes, rank_quotes
from .scope import EXTRACT_CHARS, Ranking, opening

__all__ = ["EXTRACT_CHARS", "KeyFigure", "KeyQuote", "Ranking", "key_figures", "key_quotes",
           "keywords", "opening", "rank_figures", "rank_quotes", "ranked_keywords"]
