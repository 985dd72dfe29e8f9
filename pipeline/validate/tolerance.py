"""Rounding tolerances: how far apart two published figures may be before they disagree.

A published table rounds each figure to its last written decimal, so a sum of rounded
parts may miss the rounded total by up to half a unit in the last decimal of every part
and of the total (DESIGN.md). Real tables also miss by about 0.01 per summed value
(domain.md §8), which is rounding too. Three outcomes follow, decided by ``judge``:

- within half a unit of the figure under test: the two are equal as written, no finding;
- within the tolerance (the wider of the two allowances above): ``info``;
- beyond it: the caller's severity (``error`` for a table's own arithmetic).

A whole number in a score table ("10" beside "12.23", a maximum of "14") is read as exact
to ``WHOLE_NUMBER_DECIMALS`` places: tables drop trailing zeros and maxima are whole points,
so treating "10" as 10 ± 0.5 would hide real errors. Percents are the exception: "89%" is
usually a rounded figure, so a percent's tolerance uses its decimals as written.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from parscore.normalizers.numbers import Number
from parscore.pipeline.model import Severity

HALF = Decimal("0.5")
WHOLE_NUMBER_DECIMALS = 2  # "10" in a score table is 10.00
ROUNDING_SLACK_PER_VALUE = Decimal("0.01")  # published tables are often off by this per value
INDEX_SCALE = Decimal(100)  # the PAR index is out of 100 unless a table says otherwise
SHOWN_PLACES = 3  # decimals shown for derived figures (means, percents)


def resolved(number: Number | None) -> Decimal | None:
    """Given an optional number, return its finite value, or None when absent or unresolved."""
    if number is None or number.value is None or not number.value.is_finite():
        return None
    return number.value


def half_unit(number: Number, *, whole_is_exact: bool = True) -> Decimal:
    """Given a number, return half a unit in the last decimal it is taken to be exact to."""
    places = number.decimals
    if places <= 0 and whole_is_exact:
        places = WHOLE_NUMBER_DECIMALS
    return HALF.scaleb(-max(places, 0))


@dataclass(frozen=True, slots=True, kw_only=True)
class Tolerance:
    """How far a computed figure may sit from a stated one, and why."""

    exact: Decimal  # within this the figures are equal as written
    bound: Decimal  # within this the difference is rounding (info)
    basis: str  # the sentence that explains ``bound``

    def describe(self) -> str:
        """Given a tolerance, return it as the message text "±0.04 = …"."""
        return f"±{plain(self.bound)} = {self.basis}"


def widest(*, exact: Decimal, half: Decimal, count: int, figures: str) -> Tolerance:
    """Given the half units of ``count`` figures, return the wider of the two allowances."""
    slack = ROUNDING_SLACK_PER_VALUE * count
    if half >= slack:
        basis = f"half a unit in the last stated decimal, summed over {figures}"
        return Tolerance(exact=exact, bound=half, basis=basis)
    basis = f"{plain(ROUNDING_SLACK_PER_VALUE)} of published rounding per figure, over {figures}"
    return Tolerance(exact=exact, bound=slack, basis=basis)


def for_sum(parts: Sequence[Number], total: Number) -> Tolerance:
    """Given the summed parts and the stated total, return the tolerance of their comparison."""
    figures = (*parts, total)
    half = sum((half_unit(f) for f in figures), Decimal(0))
    count = len(figures)
    return widest(exact=half_unit(total), half=half, count=count, figures=f"{count} figures")


def for_pair(first: Number, second: Number) -> Tolerance:
    """Given two statements of one figure, return the tolerance of their comparison."""
    exact = max(half_unit(first), half_unit(second))
    half = half_unit(first) + half_unit(second)
    return widest(exact=exact, half=half, count=2, figures="the 2 figures")


def for_mean(parts: Sequence[Number], mean: Number) -> Tolerance:
    """Given the averaged parts and the stated average, return the tolerance of their comparison."""
    half = sum((half_unit(p) for p in parts), Decimal(0)) / len(parts) + half_unit(mean)
    figures = f"the average and the mean of its {len(parts)} rows"
    return widest(exact=half_unit(mean), half=half, count=1, figures=figures)


def judge(difference: Decimal, tolerance: Tolerance, *, beyond: Severity) -> Severity | None:
    """Given a difference and its tolerance, return None (equal), info (rounding) or ``beyond``."""
    if difference <= tolerance.exact:
        return None
    return Severity.INFO if difference <= tolerance.bound else beyond


def percent_gap(score: Number, maximum: Number, percent: Number) -> Decimal | None:
    """Given score, max and stated percent, return how far the percent lies outside their range."""
    value, top, stated = resolved(score), resolved(maximum), resolved(percent)
    if value is None or top is None or stated is None:
        return None
    hs, hm, hp = half_unit(score), half_unit(maximum), half_unit(percent, whole_is_exact=False)
    if top - hm <= 0:
        return None
    low = (value - hs) / (top + hm) * INDEX_SCALE
    high = (value + hs) / (top - hm) * INDEX_SCALE
    return max(Decimal(0), low - (stated + hp), (stated - hp) - high)


def within(severity: Severity) -> str:
    """Given the severity a comparison earned, return "within" (info) or "beyond"."""
    return "within" if severity is Severity.INFO else "beyond"


def plain(value: Decimal) -> str:
    """Given a Decimal, return it without exponent or trailing zeros ("75.61", "100")."""
    text = format(value, "f")
    return text.rstrip("0").rstrip(".") if "." in text else text


def shown(value: Decimal) -> str:
    """Given a derived Decimal (a mean, a quotient), return it to ``SHOWN_PLACES`` decimals."""
    return plain(Decimal(format(value, f".{SHOWN_PLACES}f")))
