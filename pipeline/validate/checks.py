"""Checks of a notice's area table and summary, each a pure ``notice -> Iterator[Check]``.

Locations (``Check.where``): ``"scores"`` is the area table as a whole, ``"scores[i]"`` its
i-th area (0-based, the position in the JSON ``scores`` array), ``"summary"`` the totals,
headline and grade. ``expected`` is the figure a check derives, ``actual`` the figure the
notice states. A number left unresolved by the number normaliser (``value is None``) is
reported once by ``ambiguous_number`` and left out of every sum, so no check guesses it.

Severities:

- error: stated figures that contradict each other beyond rounding (sum-mismatch and
  max-sum-mismatch against a stated total; score-over-max; negative-score);
- warning: a figure that disagrees with another statement of itself or with an assumption
  (headline-total-mismatch; max-sum-mismatch when the table states no maximum total and
  100 is assumed; percent-mismatch; ambiguous-number; unknown-area; duplicate-area);
- info: differences within rounding (see ``tolerance``), and no-scores.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from decimal import Decimal
from enum import StrEnum

from parscore.normalizers.labels import data_table
from parscore.normalizers.numbers import Number
from parscore.pipeline.model import Check, Notice, Score, Severity
from parscore.pipeline.validate.tolerance import (
    INDEX_SCALE,
    ROUNDING_SLACK_PER_VALUE,
    Tolerance,
    for_pair,
    for_sum,
    half_unit,
    judge,
    percent_gap,
    plain,
    resolved,
    shown,
    within,
)


class Code(StrEnum):
    """The validation codes of DESIGN.md; stable, they appear in the datasets."""

    SUM_MISMATCH = "sum-mismatch"
    MAX_SUM_MISMATCH = "max-sum-mismatch"
    SCORE_OVER_MAX = "score-over-max"
    NEGATIVE_SCORE = "negative-score"
    HEADLINE_TOTAL_MISMATCH = "headline-total-mismatch"
    GRADE_MISMATCH = "grade-mismatch"
    GRADE_UNVERIFIABLE = "grade-unverifiable"
    DELTA_INCONSISTENT = "delta-inconsistent"
    PERCENT_MISMATCH = "percent-mismatch"
    AMBIGUOUS_NUMBER = "ambiguous-number"
    UNKNOWN_AREA = "unknown-area"
    DUPLICATE_AREA = "duplicate-area"
    RANK_OUT_OF_RANGE = "rank-out-of-range"
    NO_SCORES = "no-scores"
    CONFLICTING_VALUE = "conflicting-value"
    RANK_COUNT_MISMATCH = "rank-count-mismatch"
    SUSPECT_NUMBER = "suspect-number"  # the notice's own number: pipeline/validate/metadata.py
    CROSS_DOCUMENT_MISMATCH = "cross-document-mismatch"  # between notices: pipeline/panel.py


#: Codes found across the notices of an archive (pipeline/panel.py), never in one notice.
ACROSS_NOTICES = frozenset({Code.CROSS_DOCUMENT_MISMATCH})
OTHER_AREA = "other"  # the area code of a label that maps to no known area
SUMMARY_NUMBERS = (
    "headline_score",
    "stated_total",
    "stated_max_total",
    "stated_self_total",
    "previous_year_delta",
)
AREA_NUMBERS = ("max", "self", "appraised", "percent")
UNIT_NUMBERS = ("score", "max", "percent", "change", "previous")
SCORE_COLUMNS = {"self": "self-assessed", "appraised": "appraised"}
IMPLIED_MAX_TOTAL = Number(value=INDEX_SCALE, raw="100", decimals=0)


# --- helpers shared with units and grades ---------------------------------------------


def complete(numbers: Iterable[Number | None]) -> tuple[Number, ...] | None:
    """Given a column of numbers, return them when every one is present and resolved, else None."""
    column = tuple(numbers)
    found = tuple(n for n in column if n is not None and resolved(n) is not None)
    return found if column and len(found) == len(column) else None


def value_of(number: Number) -> Decimal:
    """Given a number already known to be resolved, return its value."""
    return resolved(number) or Decimal(0)


def total_of(numbers: Iterable[Number]) -> Decimal:
    """Given resolved numbers, return their sum."""
    return sum((value_of(n) for n in numbers), Decimal(0))


def whole_table(notice: Notice) -> bool:
    """Given a notice, return whether its areas are a whole table (``Notice.whole_table``):
    a passage quoting some areas is neither summed nor held to the index's 100 points."""
    return notice.whole_table


def computed_total(notice: Notice) -> Number | None:
    """Given a notice, return the sum of its area scores, or None unless the table is whole
    and every score is resolved."""
    column = complete(area.score for area in notice.scores) if whole_table(notice) else None
    if column is None:
        return None
    return Number(value=total_of(column), decimals=max(n.decimals for n in column))


def reference_total(notice: Notice) -> tuple[str, Number] | None:
    """Given a notice, return its total and its name: the stated one, else the computed one."""
    stated = notice.summary.stated_total
    if stated is not None and resolved(stated) is not None:
        return "stated total", stated
    computed = computed_total(notice)
    return ("computed total", computed) if computed is not None else None


def max_total_number(notice: Notice) -> Number:
    """Given a notice, return its maximum total: stated, else the sum of the maxima of a
    whole table, else 100."""
    stated = notice.summary.stated_max_total
    if stated is not None and resolved(stated):
        return stated
    maxima = complete(area.max for area in notice.scores) if whole_table(notice) else None
    if maxima is not None and total_of(maxima):
        return Number(value=total_of(maxima), decimals=max(n.decimals for n in maxima))
    return IMPLIED_MAX_TOTAL


def max_total(notice: Notice) -> Decimal:
    """Given a notice, return the value of its maximum total (see ``max_total_number``)."""
    return value_of(max_total_number(notice))


def percent_of(score: Number, maximum: Number) -> Decimal | None:
    """Given a score and its maximum, return the score as a percent of the maximum."""
    value, top = resolved(score), resolved(maximum)
    if value is None or not top:
        return None
    return value / top * INDEX_SCALE


def percent_tolerance(percent: Number) -> str:
    """Given a stated percent, return the tolerance of its comparison as message text."""
    half = plain(half_unit(percent, whole_is_exact=False))
    return (
        "the tolerance: half a unit in the last decimal of score, maximum and percent "
        f"(±{half} on the percent), plus {plain(ROUNDING_SLACK_PER_VALUE)} of published rounding"
    )


def percent_finding(
    score: Number, maximum: Number, percent: Number, *, where: str, name: str
) -> Iterator[Check]:
    """Given a score, its maximum and a stated percent, return a finding when they disagree."""
    gap, stated = percent_gap(score, maximum, percent), resolved(percent)
    computed = percent_of(score, maximum)
    if not gap or computed is None or stated is None:
        return
    severity = Severity.INFO if gap <= ROUNDING_SLACK_PER_VALUE else Severity.WARNING
    yield Check(
        code=Code.PERCENT_MISMATCH,
        severity=severity,
        message=f"{name}: {plain(value_of(score))} of {plain(value_of(maximum))} is "
        f"{shown(computed)}% but the notice states {plain(stated)}%: off by {shown(gap)} "
        f"more than their rounding allows, {within(severity)} {percent_tolerance(percent)}",
        expected=shown(computed),
        actual=plain(stated),
        where=where,
    )


def numbers_of(notice: Notice) -> Iterator[tuple[str, str, Number]]:
    """Given a notice, return every stated number with its location and field name."""
    yield from _fields(notice.summary, SUMMARY_NUMBERS, "summary")
    for i, area in enumerate(notice.scores):
        yield from _fields(area, AREA_NUMBERS, f"scores[{i}]")
    for i, row in enumerate(notice.unit_scores):
        yield from _fields(row, UNIT_NUMBERS, f"unit_scores[{i}]")


def _fields(record: object, names: Sequence[str], where: str) -> Iterator[tuple[str, str, Number]]:
    """Given a record and field names, return its numbers that are present."""
    for name in names:
        number = getattr(record, name)
        if isinstance(number, Number):
            yield where, name, number


def _name(area: Score) -> str:
    """Given an area, return how messages name it: its order and label."""
    return f'area {area.order} "{area.label}"'


# --- checks -----------------------------------------------------------------------------


def no_scores(notice: Notice) -> Iterator[Check]:
    """Given a notice, return an info finding when it states no area table and no unit score."""
    if notice.scores or notice.unit_scores:
        return
    yield Check(
        code=Code.NO_SCORES,
        severity=Severity.INFO,
        message="the notice states no area score table and no score of any unit",
        where="scores",
    )


def unknown_area(notice: Notice) -> Iterator[Check]:
    """Given a notice, return a warning for each area whose label maps to no known area."""
    for i, area in enumerate(notice.scores):
        if area.area == OTHER_AREA:
            yield Check(
                code=Code.UNKNOWN_AREA,
                severity=Severity.WARNING,
                message=f'{_name(area)} matches no known assessment area; kept as "other"',
                actual=area.label,
                where=f"scores[{i}]",
            )


def duplicate_area(notice: Notice) -> Iterator[Check]:
    """Given a notice, return a warning for each area whose code an earlier area already has."""
    first: dict[str, int] = {}
    for i, area in enumerate(notice.scores):
        if area.area != OTHER_AREA and first.setdefault(area.area, i) != i:
            yield Check(
                code=Code.DUPLICATE_AREA,
                severity=Severity.WARNING,
                message=f"{_name(area)} has the area code {area.area}, "
                f"already given to scores[{first[area.area]}]",
                expected=f"scores[{first[area.area]}]",
                actual=area.area,
                where=f"scores[{i}]",
            )


def ambiguous_number(notice: Notice) -> Iterator[Check]:
    """Given a notice, return a warning for each number whose reading stayed unresolved."""
    for where, name, number in numbers_of(notice):
        if number.value is None:
            readings = " or ".join(plain(c) for c in number.candidates) or "no known value"
            yield Check(
                code=Code.AMBIGUOUS_NUMBER,
                severity=Severity.WARNING,
                message=f'{where}.{name}: "{number.raw}" reads as {readings} and no bound '
                "settled which; it is left out of every sum and grade",
                expected=readings,
                actual=number.raw,
                where=where,
            )


def _scored(notice: Notice) -> Iterator[tuple[int, Score, str, Decimal]]:
    """Given a notice, return each area's resolved self-assessed and appraised values."""
    for i, area in enumerate(notice.scores):
        for column in SCORE_COLUMNS:
            value = resolved(getattr(area, column))
            if value is not None:
                yield i, area, SCORE_COLUMNS[column], value


def negative_score(notice: Notice) -> Iterator[Check]:
    """Given a notice, return an error for each self-assessed or appraised score below zero."""
    for i, area, column, value in _scored(notice):
        if value < 0:
            yield Check(
                code=Code.NEGATIVE_SCORE,
                severity=Severity.ERROR,
                message=f"{_name(area)}: the {column} score {plain(value)} is negative",
                expected="≥ 0",
                actual=plain(value),
                where=f"scores[{i}]",
            )


def score_over_max(notice: Notice) -> Iterator[Check]:
    """Given a notice, return an error for each self-assessed or appraised score above its max."""
    for i, area, column, value in _scored(notice):
        top = resolved(area.max)
        if top is not None and value > top:
            yield Check(
                code=Code.SCORE_OVER_MAX,
                severity=Severity.ERROR,
                message=f"{_name(area)}: the {column} score {plain(value)} "
                f"exceeds the area's maximum {plain(top)}",
                expected=f"≤ {plain(top)}",
                actual=plain(value),
                where=f"scores[{i}]",
            )


def gap_finding(
    code: Code,
    *,
    computed: Decimal,
    stated: Decimal,
    tolerance: Tolerance,
    claim: str,
    where: str,
    beyond: Severity = Severity.ERROR,
    show: Callable[[Decimal], str] = plain,
) -> Check | None:
    """Given a figure computed from others and the one stated, return the finding when they
    differ (info within rounding, ``beyond`` past it), or None when equal as written.

    ``claim`` says what disagrees ("the areas sum to 80 but the table states 75.61"); the
    difference and the tolerance are added to it. ``show`` writes derived figures (means).
    """
    difference = abs(computed - stated)
    severity = judge(difference, tolerance, beyond=beyond)
    if severity is None:
        return None
    return Check(
        code=code,
        severity=severity,
        message=f"{claim}: off by {show(difference)}, {within(severity)} the tolerance "
        f"{tolerance.describe()}",
        expected=show(computed),
        actual=plain(stated),
        where=where,
    )


def _sum_finding(
    parts: Iterable[Number | None],
    total: Number,
    *,
    what: str,
    against: str = "the table states",
    code: Code = Code.SUM_MISMATCH,
    beyond: Severity = Severity.ERROR,
) -> Iterator[Check]:
    """Given a column and the total it should add up to, return a finding when it does not."""
    column, stated = complete(parts), resolved(total)
    if column is None or stated is None:
        return
    computed = total_of(column)
    finding = gap_finding(
        code,
        computed=computed,
        stated=stated,
        tolerance=for_sum(column, total),
        claim=f"{what} sum to {plain(computed)} but {against} {plain(stated)}",
        where="scores",
        beyond=beyond,
    )
    if finding is not None:
        yield finding


def sum_mismatch(notice: Notice) -> Iterator[Check]:
    """Given a notice, return findings where its area scores do not add up to the stated totals."""
    summary = notice.summary
    if summary.stated_total is not None:
        yield from _sum_finding(
            (a.score for a in notice.scores), summary.stated_total, what="the area scores"
        )
    if summary.stated_self_total is not None:
        yield from _sum_finding(
            (a.self for a in notice.scores),
            summary.stated_self_total,
            what="the self-assessed area scores",
        )


def part_sum_mismatch(notice: Notice) -> Iterator[Check]:
    """Given a notice, return findings where the parts of the index stated in prose do not
    add up to their whole (areas.toml [part_sums]): the appraised and surveyed halves to the
    headline, the survey's parts to the survey."""
    by_area = {a.area: a for a in notice.scores}
    for whole, lists in data_table("areas")["part_sums"].items():
        total = notice.summary.headline_score if whole == "index" else _score_of(by_area, whole)
        parts = next((p for p in lists if all(_score_of(by_area, c) for c in p)), None)
        if total is None or total.percent or parts is None:
            continue
        yield from _sum_finding(
            [_score_of(by_area, c) for c in parts], total,
            what=f"the parts {', '.join(parts)}", against=f"{whole} is",
        )  # fmt: skip


def _score_of(by_area: dict[str, Score], code: str) -> Number | None:
    """Given the areas by code and a code, return that area's score, if stated."""
    area = by_area.get(code)
    return area.score if area else None


def max_sum_mismatch(notice: Notice) -> Iterator[Check]:
    """Given a notice, return a finding when its area maxima miss the stated (or implied) total."""
    stated = notice.summary.stated_max_total
    maxima = (area.max for area in notice.scores)
    if stated is not None:
        yield from _sum_finding(maxima, stated, what="the area maxima", code=Code.MAX_SUM_MISMATCH)
        return
    if not whole_table(notice):
        return
    yield from _sum_finding(
        maxima,
        IMPLIED_MAX_TOTAL,
        what="the area maxima",
        against="the table states no maximum total and the index is out of",
        code=Code.MAX_SUM_MISMATCH,
        beyond=Severity.WARNING,
    )


def area_percent_mismatch(notice: Notice) -> Iterator[Check]:
    """Given a notice, return a finding for each area whose stated percent misses score/max."""
    for i, area in enumerate(notice.scores):
        if area.percent is not None and area.score is not None and area.max is not None:
            yield from percent_finding(
                area.score, area.max, area.percent, where=f"scores[{i}]", name=_name(area)
            )


def headline_total_mismatch(notice: Notice) -> Iterator[Check]:
    """Given a notice, return a warning when its headline score differs from its total."""
    headline, reference = notice.summary.headline_score, reference_total(notice)
    if headline is None or resolved(headline) is None or reference is None:
        return
    name, total = reference
    if headline.percent:
        yield from _headline_percent(headline, total, name, max_total_number(notice))
    else:
        yield from _headline_points(headline, total, name)


def _headline_points(headline: Number, total: Number, name: str) -> Iterator[Check]:
    """Given a headline in points and the total, return a finding when they differ."""
    difference, tolerance = abs(value_of(headline) - value_of(total)), for_pair(headline, total)
    severity = judge(difference, tolerance, beyond=Severity.WARNING)
    if severity is not None:
        tol = f"the tolerance {tolerance.describe()}"
        yield _headline_finding(
            headline, value_of(total), f"the {name} is", difference, severity, tol
        )


def _headline_percent(headline: Number, total: Number, name: str, top: Number) -> Iterator[Check]:
    """Given a headline in percent, the total and the maximum, return a finding when they differ."""
    gap, computed = percent_gap(total, top, headline), percent_of(total, top)
    if not gap or computed is None:
        return
    severity = Severity.INFO if gap <= ROUNDING_SLACK_PER_VALUE else Severity.WARNING
    subject = f"the {name} {plain(value_of(total))} of {plain(value_of(top))} is"
    yield _headline_finding(headline, computed, subject, gap, severity, percent_tolerance(headline))


def _headline_finding(
    headline: Number, expected: Decimal, subject: str, off: Decimal, severity: Severity, tol: str
) -> Check:
    """Given a headline and the figure it contradicts, return the headline-total finding."""
    unit = "%" if headline.percent else ""
    return Check(
        code=Code.HEADLINE_TOTAL_MISMATCH,
        severity=severity,
        message=f"the headline states {plain(value_of(headline))}{unit} but {subject} "
        f"{shown(expected)}{unit}: off by {shown(off)}, {within(severity)} {tol}",
        expected=shown(expected),
        actual=plain(value_of(headline)),
        where="summary",
    )
