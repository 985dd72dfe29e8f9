"""Checks across the unit statements of one text, each ``notice -> Iterator[Check]``.

A text often states one unit's figures more than once: a lead paragraph and the table, a
caption and the body. ``conflicting_values`` compares the statements of one unit (its name
folded), index and year: their scores (only when both are out of the same maximum), their
percents and their ranks (only within one group and one count). ``rank_count_mismatch``
compares the counts a group's ranks are stated out of.

Severities:

- conflicting-value, error: two statements of one figure differ beyond the rounding of the
  coarser one, both in a stated year (and, for ranks, out of the same stated count);
- conflicting-value, warning: the same where the year (or the rank's count) is not stated,
  so a statement of another year or scope could explain it;
- rank-count-mismatch, warning: one group's ranks stated out of different counts
  ("thứ 3/21", "thứ 7/20" in one table).

Figures equal as written (within half a unit of the coarser decimal) raise nothing.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from decimal import Decimal

from parscore.normalizers.labels import unit_level
from parscore.normalizers.numbers import Number
from parscore.normalizers.text import bare_key
from parscore.pipeline.model import Check, Notice, Severity, UnitScore
from parscore.pipeline.validate.checks import Code
from parscore.pipeline.validate.tolerance import INDEX_SCALE, half_unit, plain, resolved
from parscore.pipeline.validate.units import REGIONAL_LEVELS, TABLE_SOURCE, is_average

Row = tuple[int, UnitScore]
Key = tuple[str, str, int | None]
Pair = tuple[Row, Row]


def by_unit(notice: Notice) -> list[list[Row]]:
    """Given a notice, return its non-average rows grouped by unit (folded), index and year,
    keeping only the units stated more than once."""
    grouped: dict[Key, list[Row]] = {}
    for i, row in enumerate(notice.unit_scores):
        if not is_average(row):
            grouped.setdefault((bare_key(row.unit), row.index, row.year), []).append((i, row))
    return [rows for rows in grouped.values() if len(rows) > 1]


def implied_max(row: UnitScore) -> Decimal | None:
    """Given a row, return the maximum its score is out of: stated, else the one its stated
    percent implies (score / percent × 100), else None (the index's own scale)."""
    top, value, percent = resolved(row.max), resolved(row.score), resolved(row.percent)
    if top is not None:
        return top
    if value is None or not percent:
        return None
    return (value / percent * INDEX_SCALE).quantize(Decimal(1))


def _same_scale(a: UnitScore, b: UnitScore) -> bool:
    """Given two rows, return whether their scores are out of the same maximum and unit."""
    if a.score is None or b.score is None or a.score.percent != b.score.percent:
        return False
    return implied_max(a) == implied_max(b)


def _number_gap(a: Number | None, b: Number | None) -> Decimal | None:
    """Given two statements of one figure, return their difference beyond the rounding of the
    coarser one, or None when they are equal as written (or one is missing)."""
    va, vb = resolved(a), resolved(b)
    if a is None or b is None or va is None or vb is None:
        return None
    difference = abs(va - vb)
    exact = max(half_unit(a, whole_is_exact=False), half_unit(b, whole_is_exact=False))
    return difference if difference > exact else None


def _years_stated(a: UnitScore, b: UnitScore) -> bool:
    """Given two rows, return whether both state their year."""
    return a.year is not None and b.year is not None


def _value_finding(field: str, pair: Pair, gap: Decimal, certain: bool) -> Check:
    """Given the field two rows disagree on, the rows and their gap, return the finding."""
    (j, first), (i, second) = pair
    one, other = _shown(first, field), _shown(second, field)
    year = f" in {second.year}" if second.year is not None else ""
    return Check(
        code=Code.CONFLICTING_VALUE,
        severity=Severity.ERROR if certain else Severity.WARNING,
        message=f"{second.unit} is given the {field} {other}{year} here but {one} in "
        f"unit_scores[{j}] for the same index: off by {plain(gap)}{_beyond(field)}"
        f"{'' if certain else ' (a year or scope not stated may explain it)'}",
        expected=one,
        actual=other,
        where=f"unit_scores[{i}]",
    )


def _beyond(field: str) -> str:
    """Given a field name, return why its difference is not rounding, as message text."""
    return "" if field == "rank" else ", beyond the rounding of the coarser figure"


def _shown(row: UnitScore, field: str) -> str:
    """Given a row and a field name, return that field as message text."""
    value = getattr(row, field)
    if isinstance(value, Number):
        return plain(resolved(value) or Decimal(0)) + ("%" if field == "percent" else "")
    of = f"/{row.rank_of}" if field == "rank" and row.rank_of is not None else ""
    return f"{value}{of}"


def _score_gap(pair: Pair) -> Decimal | None:
    """Given two rows of one unit, return their score gap when comparable and different."""
    (_, a), (_, b) = pair
    return _number_gap(a.score, b.score) if _same_scale(a, b) else None


def _percent_gap(pair: Pair) -> Decimal | None:
    """Given two rows of one unit, return their percent gap when both state one and differ."""
    (_, a), (_, b) = pair
    return _number_gap(a.percent, b.percent)


def scoped(row: UnitScore) -> bool:
    """Given a row, return whether its rank's scope is known: a table's or a named group's
    (a bare prose rank may be national, regional or a component's)."""
    return row.source == TABLE_SOURCE or row.group is not None


def _rank_gap(pair: Pair) -> Decimal | None:
    """Given two rows of one unit, return how far their ranks differ in one group and count."""
    (_, a), (_, b) = pair
    if a.rank is None or b.rank is None or a.rank == b.rank or a.group != b.group:
        return None
    if not (scoped(a) and scoped(b)):
        return None
    if None not in (a.rank_of, b.rank_of) and a.rank_of != b.rank_of:
        return None
    return Decimal(abs(a.rank - b.rank))


def _rank_certain(a: UnitScore, b: UnitScore) -> bool:
    """Given two rows ranking one unit differently, return whether both state year and count."""
    return _years_stated(a, b) and a.rank_of is not None and a.rank_of == b.rank_of


GapOf = Callable[[Pair], Decimal | None]
FIELDS: tuple[tuple[str, GapOf], ...] = (
    ("score", _score_gap),
    ("percent", _percent_gap),
    ("rank", _rank_gap),
)


def _first_conflict(rows: Sequence[Row], row: Row, gap_of: GapOf) -> tuple[Row, Decimal] | None:
    """Given a unit's earlier rows, one row and a gap measure, return the first earlier row it
    contradicts and their gap, or None."""
    for earlier in rows:
        gap = gap_of((earlier, row))
        if gap is not None:
            return earlier, gap
    return None


def _unit_conflicts(rows: Sequence[Row]) -> Iterator[Check]:
    """Given the rows of one unit, index and year, return a finding per contradicted field."""
    for field, gap_of in FIELDS:
        for k, row in enumerate(rows):
            found = _first_conflict(rows[:k], row, gap_of)
            if found is None:
                continue
            earlier, gap = found
            a, b = earlier[1], row[1]
            certain = _rank_certain(a, b) if field == "rank" else _years_stated(a, b)
            yield _value_finding(field, (earlier, row), gap, certain)


def conflicting_values(notice: Notice) -> Iterator[Check]:
    """Given a notice, return a finding where one unit is given two different scores, percents
    or ranks for one index and year."""
    for rows in by_unit(notice):
        yield from _unit_conflicts(rows)


def peers(row: UnitScore) -> tuple[str | None, str, int | None] | None:
    """Given a row, return the set its rank is among: its group (else its unit's level, a
    sở among sở, a huyện among huyện), index and year; None for a province without a named
    group, which texts rank both nationally and within its region ("3/14", "30/63")."""
    level = row.group or unit_level(row.unit)
    if row.group is None and level in REGIONAL_LEVELS:
        return None
    return level, row.index, row.year


def rank_count_mismatch(notice: Notice) -> Iterator[Check]:
    """Given a notice, return a warning where one group's ranks are out of different counts."""
    first: dict[tuple[str | None, str, int | None], Row] = {}
    for i, row in enumerate(notice.unit_scores):
        scope = peers(row)
        if row.rank_of is None or scope is None:
            continue
        j, seen = first.setdefault(scope, (i, row))
        if seen.rank_of != row.rank_of:
            yield Check(
                code=Code.RANK_COUNT_MISMATCH,
                severity=Severity.WARNING,
                message=f"{row.unit} is ranked out of {row.rank_of} among "
                f'"{scope[0] or "its peers"}" but {seen.unit} (unit_scores[{j}]) '
                f"out of {seen.rank_of}",
                expected=str(seen.rank_of),
                actual=str(row.rank_of),
                where=f"unit_scores[{i}]",
            )
