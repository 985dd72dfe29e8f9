"""Validation: every check of DESIGN.md over a parsed notice, as coded findings, never exceptions.

``validate(notice)`` runs the checks registered below in order and returns their findings.
Each check is a small pure function; the area table and summary checks live in ``checks``,
the unit_scores checks in ``units``, grade ladders and grade checks in ``grades``, rounding
tolerances in ``tolerance``. Checks that grade take the ladder as a second argument: the
one passed in (``--grade-scale``), else the one selected from the notice's province, level
and assessment year among the packaged ladders (``pipeline/data/ladders.toml``), falling
back to the documented default ladder when the notice states neither province nor level.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

from parscore.pipeline.model import Check, Notice
from parscore.pipeline.validate import checks, grades, metadata, statements, units
from parscore.pipeline.validate.checks import ACROSS_NOTICES, Code
from parscore.pipeline.validate.grades import expected_grade, graded_figure
from parscore.pipeline.validate.ladders import (
    Band,
    Ladder,
    LadderBook,
    LadderFileError,
    default_book,
    ladder_for,
    ladder_override,
    load_ladders,
    override_ladder,
    select_ladder,
)

NoticeCheck = Callable[[Notice], Iterator[Check]]
GradeCheck = Callable[[Notice, Ladder | None], Iterator[Check]]

CHECKS: tuple[NoticeCheck, ...] = (
    checks.no_scores,
    checks.unknown_area,
    checks.duplicate_area,
    checks.ambiguous_number,
    checks.negative_score,
    checks.score_over_max,
    checks.sum_mismatch,
    checks.part_sum_mismatch,
    checks.max_sum_mismatch,
    checks.area_percent_mismatch,
    checks.headline_total_mismatch,
    units.unit_negative_score,
    units.unit_score_over_max,
    units.delta_inconsistent,
    units.unit_percent_mismatch,
    units.average_row_mismatch,
    units.rank_out_of_range,
    units.duplicate_rank,
    units.rank_order,
    statements.conflicting_values,
    statements.rank_count_mismatch,
    metadata.suspect_number,
)

GRADE_CHECKS: tuple[GradeCheck, ...] = (
    grades.grade_mismatch,
    grades.figures_disagree,
    grades.grade_unverifiable,
)


def validate(notice: Notice, *, ladder: Ladder | None = None) -> tuple[Check, ...]:
    """Given a notice (and optionally the ladder to grade it by), return every check's findings."""
    chosen = ladder if ladder is not None else ladder_for(notice)
    found = [finding for check in CHECKS for finding in check(notice)]
    graded = [finding for check in GRADE_CHECKS for finding in check(notice, chosen)]
    return (*found, *graded)


__all__ = [
    "ACROSS_NOTICES",
    "CHECKS",
    "GRADE_CHECKS",
    "Band",
    "Code",
    "Ladder",
    "LadderBook",
    "LadderFileError",
    "default_book",
    "expected_grade",
    "graded_figure",
    "ladder_for",
    "ladder_override",
    "load_ladders",
    "override_ladder",
    "select_ladder",
    "validate",
]
