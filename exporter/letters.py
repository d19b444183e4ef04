"""Capital and small letters as the contents of a regular expression's character class.

Latin Extended-A alternates capital and small letters (Ā ā Ă ă … Ł ł … Ž ž), so a range
such as ``Ā-Ž`` holds both cases: ``[A-ZĀ-Ž]`` takes "łódzki" or "řekl" for a capitalised
word. The block's letters are sorted into the two classes one by one, by their case.
"""

from __future__ import annotations

_EXTENDED_A = [chr(code) for code in range(0x100, 0x180)]

LATIN_UPPER = "A-ZÀ-ÖØ-Þ" + "".join(c for c in _EXTENDED_A if c.isupper())
"""Capital Latin letters: ASCII, Latin-1 (without ×) and Latin Extended-A."""
LATIN_LOWER = "a-zß-öø-ÿ" + "".join(c for c in _EXTENDED_A if c.islower())
"""Small Latin letters: ASCII, Latin-1 (without ÷) and Latin Extended-A."""
UPPER = LATIN_UPPER + "А-ЯЁІЇЄҐΑ-ΩΆ-Ώ"
"""Capital Latin, Cyrillic (Russian and Ukrainian) and Greek letters."""
LOWER = LATIN_LOWER + "а-яёіїєґα-ωά-ώ"
"""Small Latin, Cyrillic (Russian and Ukrainian) and Greek letters."""
