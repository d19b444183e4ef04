"""Find a publication date in the loose forms news pages print them."""

from __future__ import annotations

import re
from datetime import date, datetime

from ..calendar_names import month_numbers

_MONTHS = month_numbers("en")
_MONTH = r"(?P<month>" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_ISO = re.compile(r"\b(?P<year>\d{4})-(?P<month>\d{2})-(?P<day>\d{2})\b")
_MDY = re.compile(_MONTH + r"\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<year>\d{4})\b", re.I)
_DMY = re.compile(
    r"\b(?P<day>\d{1,2})(?:st|nd|rd|th)?\s+" + _MONTH + r",?\s+(?P<year>\d{4})\b", re.I
)


def parse_date(value: object) -> date | None:
    """A date from a date, a datetime or text such as ``Sept. 19, 2023``; else ``None``."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if not isinstance(value, str):
        return None
    for pattern in (_ISO, _MDY, _DMY):
        match = pattern.search(value)
        if match is None:
            continue
        month = match["month"]
        number = int(month) if month.isdigit() else _MONTHS[month.lower().rstrip(".")]
        try:
            return date(int(match["year"]), number, int(match["day"]))
        except ValueError:
            continue
    return None
