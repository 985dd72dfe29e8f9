"""Checks of ``unit_scores``, the score statements about units, each ``notice -> Iterator[Check]``.

Locations are ``"unit_scores[i]"`` (0-based, the position in the JSON array) or ``"summary"``
(the notice's own rank). A *table* is the set of rows with source "table" and the same group,
index and year: average rows are checked per table. Duplicate ranks and rank order are
checked per table and per *prose set*: the prose statements that state a rank and a score in
one group (else among units of one level: sở with sở, huyện with huyện), index, year and
stated count, one statement per unit; a table and prose are never compared with each other.

Severities:

- error: a rank below 1 or beyond its count (rank-out-of-range); a unit score above its
  maximum (score-over-max) or below zero (negative-score); previous + change ≠ score
  (delta-inconsistent) and an average row that is not the mean of its table (sum-mismatch),
  both beyond rounding;
- warning: one rank given to different scores, ranks that do not follow the scores (both
  rank-out-of-range), a stated percent ≠ score/max (percent-mismatch);
- info: the same differences within rounding (see ``tolerance``).

Two rows with the same rank and the same score are a tie ("đồng hạng"), not a duplicate.
A ranking row that states a total and its parts is not modelled yet, so it is not checked.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from itertools import pairwise

from parscore.normalizers.labels import unit_level
from parscore.normalizers.numbers import Number
from parscore.normalizers.text import bare_key
from parscore.pipeline.model import Check, Notice, Severity, UnitScore
from parscore.pipeline.validate.checks import (
    Code,
    complete,
    gap_finding,
    percent_finding,
    total_of,
    value_of,
)
from parscore.pipeline.validate.tolerance import (
    for_mean,
    for_sum,
    half_unit,
    plain,
    resolved,
    shown,
)

TABLE_SOURCE = "table"
AVERAGE_UNITS = ("trung binh", "binh quan", "diem trung binh")  # folded unit labels
REGIONAL_LEVELS = ("tinh",)  # ranked nationally and within a region, often in one text
MIN_AVERAGED_ROWS = 2  # an average of fewer rows is not checked

Row = tuple[int, UnitScore]


def tables(notice: Notice) -> list[list[Row]]:
    """Given a notice, return its ranking-table rows grouped by table (group, index, year)."""
    grouped: dict[tuple[str | None, str, int | None], list[Row]] = {}
    for i, row in enumerate(notice.unit_scores):
        if row.source == TABLE_SOURCE:
            grouped.setdefault((row.group, row.index, row.year), []).append((i, row))
    return list(grouped.values())


def prose_sets(notice: Notice) -> list[list[Row]]:
    """Given a notice, return its scored, ranked prose statements grouped by the set they rank in:
    group (else the unit's level), index, year and stated count, one statement per unit.

    A unit stated twice is judged by conflicting-value, not against itself here."""
    grouped: dict[tuple[str | None, str, int | None, int | None], dict[str, Row]] = {}
    for i, row in enumerate(notice.unit_scores):
        key = _prose_set(row)
        if key is not None:
            grouped.setdefault(key, {}).setdefault(bare_key(row.unit), (i, row))
    return [list(units.values()) for units in grouped.values() if len(units) > 1]


def _prose_set(row: UnitScore) -> tuple[str | None, str, int | None, int | None] | None:
    """Given a row, return the prose set it ranks in, or None: a table row, a row without rank
    or score, a province ranked without group or count (national or regional)."""
    if row.source == TABLE_SOURCE or not _scored_rank(row):
        return None
    level = row.group or unit_level(row.unit)
    if row.group is None and row.rank_of is None and level in REGIONAL_LEVELS:
        return None
    return level, row.index, row.year, row.rank_of


def _scored_rank(row: UnitScore) -> bool:
    """Given a row, return whether it states both a rank and the figure it ranks by."""
    return row.rank is not None and _rank_value(row) is not None and not is_average(row)


def ranked_sets(notice: Notice) -> list[list[Row]]:
    """Given a notice, return the sets whose ranks are compared: its tables, its prose sets."""
    return [*tables(notice), *prose_sets(notice)]


def is_average(row: UnitScore) -> bool:
    """Given a row, return whether it is a table's average ("Trung bình", "Bình quân")."""
    unit = bare_key(row.unit)
    return any(unit == label or unit.startswith(label + " ") for label in AVERAGE_UNITS)


def _rank_value(row: UnitScore) -> Number | None:
    """Given a row, return the figure its rank follows: the percent where stated, else the score."""
    for number in (row.percent, row.score):
        if number is not None and resolved(number) is not None:
            return number
    return None


def _shown_score(row: UnitScore) -> str:
    """Given a row, return its ranked figure as message text."""
    number = _rank_value(row)
    return plain(value_of(number)) if number is not None else "no score"


def delta_inconsistent(notice: Notice) -> Iterator[Check]:
    """Given a notice, return a finding for each row whose previous + change is not its score.

    A statement given only in percent ("đạt 82,5%, tăng 3,1% … năm 2022: 80,2%") is checked
    on its percent, which is then the figure its previous value and change are written in.
    """
    for i, row in enumerate(notice.unit_scores):
        parts = complete((row.previous, row.change))
        score = row.score if row.score is not None else row.percent
        if parts is None or score is None or resolved(score) is None:
            continue
        computed = total_of(parts)
        finding = gap_finding(
            Code.DELTA_INCONSISTENT,
            computed=computed,
            stated=value_of(score),
            tolerance=for_sum(parts, score),
            claim=f"{row.unit}: the previous score {plain(value_of(parts[0]))} changed by "
            f"{plain(value_of(parts[1]))} gives {plain(computed)} but the score is "
            f"{plain(value_of(score))}",
            where=f"unit_scores[{i}]",
        )
        if finding is not None:
            yield finding


def unit_percent_mismatch(notice: Notice) -> Iterator[Check]:
    """Given a notice, return a finding for each row whose stated percent misses score/max."""
    for i, row in enumerate(notice.unit_scores):
        if row.score is not None and row.max is not None and row.percent is not None:
            yield from percent_finding(
                row.score, row.max, row.percent, where=f"unit_scores[{i}]", name=row.unit
            )


def unit_score_over_max(notice: Notice) -> Iterator[Check]:
    """Given a notice, return an error for each row whose score exceeds its stated maximum."""
    for i, row in enumerate(notice.unit_scores):
        value, top = resolved(row.score), resolved(row.max)
        if value is not None and top is not None and value > top:
            yield Check(
                code=Code.SCORE_OVER_MAX,
                severity=Severity.ERROR,
                message=f"{row.unit}: the score {plain(value)} exceeds its maximum {plain(top)}",
                expected=f"≤ {plain(top)}",
                actual=plain(value),
                where=f"unit_scores[{i}]",
            )


def unit_negative_score(notice: Notice) -> Iterator[Check]:
    """Given a notice, return an error for each row whose score is below zero."""
    for i, row in enumerate(notice.unit_scores):
        value = resolved(row.score)
        if value is not None and value < 0:
            yield Check(
                code=Code.NEGATIVE_SCORE,
                severity=Severity.ERROR,
                message=f"{row.unit}: the score {plain(value)} is negative",
                expected="≥ 0",
                actual=plain(value),
                where=f"unit_scores[{i}]",
            )


def _rank_bounds(
    rank: int | None, rank_of: int | None, *, where: str, name: str
) -> Iterator[Check]:
    """Given a rank and its count, return an error unless 1 ≤ rank ≤ count."""
    if rank is None or (rank >= 1 and (rank_of is None or rank <= rank_of)):
        return
    allowed = f"1 to {rank_of}" if rank_of is not None else "≥ 1"
    of = f"/{rank_of}" if rank_of is not None else ""
    yield Check(
        code=Code.RANK_OUT_OF_RANGE,
        severity=Severity.ERROR,
        message=f"{name} is ranked {rank}{of}, but a rank runs from {allowed}",
        expected=allowed,
        actual=str(rank),
        where=where,
    )


def rank_out_of_range(notice: Notice) -> Iterator[Check]:
    """Given a notice, return an error for each rank below 1 or beyond its count."""
    summary = notice.summary
    name = "the notice's unit"
    yield from _rank_bounds(summary.rank, summary.rank_of, where="summary", name=name)
    for i, row in enumerate(notice.unit_scores):
        yield from _rank_bounds(row.rank, row.rank_of, where=f"unit_scores[{i}]", name=row.unit)


def _tied(first: UnitScore, second: UnitScore) -> bool:
    """Given two rows with one rank, return whether their scores are equal (a tie)."""
    a, b = _rank_value(first), _rank_value(second)
    return a is not None and b is not None and value_of(a) == value_of(b)


def duplicate_rank(notice: Notice) -> Iterator[Check]:
    """Given a notice, return a warning where one table (or one set of prose statements) gives
    one rank to different scores."""
    for rows in ranked_sets(notice):
        seen: dict[int, Row] = {}
        for i, row in rows:
            if row.rank is None:
                continue
            j, first = seen.setdefault(row.rank, (i, row))
            if j != i and not _tied(first, row):
                yield Check(
                    code=Code.RANK_OUT_OF_RANGE,
                    severity=Severity.WARNING,
                    message=f"{row.unit} ({_shown_score(row)}) and {first.unit} "
                    f"({_shown_score(first)}, unit_scores[{j}]) are both ranked {row.rank} "
                    "in one set but do not score the same",
                    expected=f"a rank other than {row.rank}",
                    actual=str(row.rank),
                    where=f"unit_scores[{i}]",
                )


def _ranked(rows: Sequence[Row]) -> list[tuple[int, int, UnitScore, Number]]:
    """Given a table's rows, return (rank, index, row, figure) for those with both, by rank."""
    found = [(row.rank, i, row, _rank_value(row)) for i, row in rows]
    return sorted((r, i, row, n) for r, i, row, n in found if r is not None and n is not None)


def rank_order(notice: Notice) -> Iterator[Check]:
    """Given a notice, return a warning where a better-ranked row of one table (or one set of
    prose statements) scores clearly lower."""
    for rows in ranked_sets(notice):
        for (r1, _, a, na), (r2, i, b, nb) in pairwise(_ranked(rows)):
            if r1 < r2 and value_of(nb) - value_of(na) > half_unit(na) + half_unit(nb):
                yield Check(
                    code=Code.RANK_OUT_OF_RANGE,
                    severity=Severity.WARNING,
                    message=f"{b.unit} is ranked {r2} with {plain(value_of(nb))} but {a.unit} "
                    f"is ranked {r1} with only {plain(value_of(na))}: "
                    "the ranks do not follow the scores",
                    expected=f"better than {r1}",
                    actual=str(r2),
                    where=f"unit_scores[{i}]",
                )


def _average_finding(i: int, stated: Number, members: Sequence[Number | None]) -> Iterator[Check]:
    """Given an average row's figure and its table's figures, return a finding when they differ."""
    column = complete(members)
    if column is None or len(column) < MIN_AVERAGED_ROWS or resolved(stated) is None:
        return
    mean = total_of(column) / len(column)
    finding = gap_finding(
        Code.SUM_MISMATCH,
        computed=mean,
        stated=value_of(stated),
        tolerance=for_mean(column, stated),
        claim=f"the average row states {plain(value_of(stated))} but the {len(column)} rows "
        f"of its table average {shown(mean)}",
        where=f"unit_scores[{i}]",
        show=shown,
    )
    if finding is not None:
        yield finding


def average_row_mismatch(notice: Notice) -> Iterator[Check]:
    """Given a notice, return a finding for each table average that is not its rows' mean."""
    for rows in tables(notice):
        for i, row in rows:
            if is_average(row) and row.score is not None:
                yield from _average_finding(i, row.score, averaged(notice, row, rows))


def averaged(notice: Notice, average: UnitScore, rows: list[Row]) -> list[Number | None]:
    """Given an average row and its group's rows, return the scores it is the mean of.

    An average under a group heading covers that group; one that belongs to no group (written
    after several groups) covers every row of its table, that is of its index and year.
    """
    if average.group is not None:
        pool = [row for _, row in rows]
    else:
        pool = [
            row
            for row in notice.unit_scores
            if row.source == TABLE_SOURCE and (row.index, row.year) == (average.index, average.year)
        ]
    return [row.score for row in pool if not is_average(row)]
