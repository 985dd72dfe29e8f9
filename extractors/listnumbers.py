"""Automatic list numbers as a word processor prints them (DOCX numbering.xml, DOC list tables).

A list definition gives each level a number format (decimal, lowerLetter, upperRoman,
bullet, …), a level text with placeholders ("%1.", "Điều %1.", "%1.%2.", "%2)") and a start
value. ``Counters`` follows the items of the lists in document order (a deeper level restarts
when a shallower one advances) and ``render_marker`` prints an item's marker: the reader
puts it before the item, so "1.", "a)", "Điều 3." are read as if they had been typed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

BULLET_MARKER = "-"
UNKNOWN_MARKER = "•"
LEVELS = 9  # list levels 0–8
_PLACEHOLDER = re.compile(r"%([1-9])")
_ROMAN = (
    (1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
    (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"),
)  # fmt: skip


@dataclass(frozen=True, slots=True, kw_only=True)
class Level:
    """One level of a list definition: its number format, level text ("%1.") and start."""

    fmt: str
    text: str
    start: int


def format_number(value: int, fmt: str) -> str:
    """Given a counter and a number format (numFmt names), return it as Word prints it."""
    if fmt in ("lowerLetter", "upperLetter"):
        letter = chr(ord("a") + (value - 1) % 26) * ((value - 1) // 26 + 1)
        return letter if fmt == "lowerLetter" else letter.upper()
    if fmt in ("lowerRoman", "upperRoman"):
        roman = roman_numeral(value)
        return roman.lower() if fmt == "lowerRoman" else roman
    return str(value)


def roman_numeral(value: int) -> str:
    """Given a positive integer, return it in Roman numerals."""
    out = ""
    for number, letters in _ROMAN:
        while value >= number:
            out, value = out + letters, value - number
    return out


def render_marker(levels: dict[int, Level], counters: list[int], ilvl: int) -> str:
    """Given a list's levels and its counters after this item, return the item's marker."""
    level = levels.get(ilvl)
    if level is None:
        return UNKNOWN_MARKER
    if level.fmt == "bullet":
        return BULLET_MARKER
    if level.fmt == "none":
        return ""

    def number(match: re.Match[str]) -> str:
        k = int(match.group(1)) - 1
        fmt = levels[k].fmt if k in levels else "decimal"
        return format_number(counters[k], fmt if fmt != "bullet" else "decimal")

    return _PLACEHOLDER.sub(number, level.text).strip() or UNKNOWN_MARKER


@dataclass(slots=True)
class Counters:
    """The counters of every list met so far, keyed by the list's id."""

    state: dict[object, list[int]] = field(default_factory=dict)

    def next_marker(self, key: object, levels: dict[int, Level], ilvl: int) -> str:
        """Given a list's id, its levels and an item's level, count the item and return its
        marker (deeper levels restart)."""
        ilvl = min(max(ilvl, 0), LEVELS - 1)
        state = self.state.setdefault(
            key, [lv.start - 1 if (lv := levels.get(k)) else 0 for k in range(LEVELS)]
        )
        state[ilvl] += 1
        for deeper in range(ilvl + 1, LEVELS):
            state[deeper] = levels[deeper].start - 1 if deeper in levels else 0
        return render_marker(levels, state, ilvl)
