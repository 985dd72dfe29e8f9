"""Vietnamese numbers to Decimal, keeping the raw text and saying when a reading was ambiguous.

CONTRACT (implementation pending): the dataclasses and signatures below are fixed.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal


@dataclass(frozen=True, slots=True, kw_only=True)
class Number:
    """A parsed number: its value, the text it came from, and how sure the reading is."""

    value: Decimal | None  # None only when ambiguous and no bound settled it
    raw: str = field(default="", compare=False)
    decimals: int = 0  # digits written after the decimal mark (0 for integers)
    candidates: tuple[Decimal, ...] = ()  # the readings weighed when ambiguous, else ()
    resolved_by: str | None = None  # e.g. "upper bound 100" when a bound settled it
    percent: bool = False  # written with a % sign

    @property
    def ambiguous(self) -> bool:
        """Given a number, return whether its text allowed more than one reading."""
        return len(self.candidates) > 1

    @property
    def unresolved(self) -> bool:
        """Given a number, return whether the ambiguity is still open (value is None)."""
        return self.value is None


@dataclass(frozen=True, slots=True, kw_only=True)
class NumberMatch:
    """A number found inside prose, with its character span and optional denominator."""

    number: Number
    start: int
    end: int
    denominator: Number | None = None  # "70,97/75" -> 75


def parse_number(text: str, *, upper: Decimal | None = None) -> Number | None:
    """Given one numeric token, return its Number, or None when it is not a number."""
    raise NotImplementedError


def find_numbers(text: str, *, upper: Decimal | None = None) -> list[NumberMatch]:
    """Given prose, return the numbers in it, skipping dates, document numbers and years-as-ids."""
    raise NotImplementedError


def format_vi(value: Decimal) -> str:
    """Given a Decimal, return it written the Vietnamese way (dot thousands, comma decimals)."""
    raise NotImplementedError
