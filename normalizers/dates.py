"""Vietnamese dates: "26/03/2024", "26-3-2024", "ngày 26 tháng 3 năm 2024" → date."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date

#: A digit is asked for first: the lookbehind is then tried only where a date may open.
_NUMERIC = re.compile(r"(?=\d)(?<![\d/.-])(\d{1,2})\s*([/.-])\s*(\d{1,2})\s*\2\s*(\d{4})(?![\d/])")
# Tone marks are matched loosely ("nắm" for "năm") because OCR often misreads them.
_WORDS = re.compile(r"ng\wy\s+(\d{1,2})\s+th\wng\s+(\d{1,2})\s+n\wm\s+(\d{4})", re.IGNORECASE)
#: Both forms end with a four-digit year: text without one holds no date (most lines).
_YEAR = re.compile(r"\d{4}")


@dataclass(frozen=True, slots=True, kw_only=True)
class DateMatch:
    value: date
    start: int
    end: int
    raw: str


def find_dates(text: str) -> list[DateMatch]:
    """Given text, return the valid full dates written in it, in order."""
    if not _YEAR.search(text):
        return []
    found = [m for rx in (_WORDS, _NUMERIC) for m in _matches(rx, text)]
    found.sort(key=lambda d: d.start)
    return _drop_overlaps(found)


def first_date(text: str) -> date | None:
    """Given text, return the first valid full date in it, or None."""
    found = find_dates(text)
    return found[0].value if found else None


def _matches(rx: re.Pattern[str], text: str) -> Iterator[DateMatch]:
    """Given a pattern with (day, [sep], month, year) groups, yield the valid dates it finds."""
    for m in rx.finditer(text):
        parts = [g for g in m.groups() if g and g.isdigit()]
        value = make_date(*(int(p) for p in parts))
        if value is not None:
            yield DateMatch(value=value, start=m.start(), end=m.end(), raw=m.group(0))


def make_date(day: int, month: int, year: int) -> date | None:
    """Given day, month and year, return the date, or None when it does not exist."""
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _drop_overlaps(found: list[DateMatch]) -> list[DateMatch]:
    """Given matches sorted by start, return them without those overlapping an earlier one."""
    kept: list[DateMatch] = []
    for d in found:
        if not kept or d.start >= kept[-1].end:
            kept.append(d)
    return kept
