"""Grading: which figure of a notice is graded, what grade it earns, and the grade checks.

Ladders and their selection live in ``pipeline.validate.ladders``.

The graded figure (``graded_figure``) is the stated total, else the computed total (only
when every area score is resolved), else the headline. On a percent ladder a figure is
divided by the notice's maximum total (stated, else the sum of the maxima, else 100, the
index scale); a headline written with "%" is a percent already.

Grade checks, on the notice's grade and on each PAR unit_scores row that states one:

- grade-mismatch, error: the stated grade is a label of the ladder but not the one the
  graded figure earns;
- grade-mismatch, warning: the notice's own figures (stated total, computed total,
  headline) would earn different grades; the finding names both figures and their grades.
  A warning, not an error: the arithmetic itself is already judged by sum-mismatch and
  headline-total-mismatch, and this finding says what the disagreement means for the grade;
- grade-unverifiable, info: a grade is stated but no ladder applies, the ladder's edges are
  unknown, no figure is stated, the stated grade is not one of the ladder's labels (a
  "Nhóm I" under the default ladder), or the figure is below every band.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, replace
from decimal import Decimal

from parscore.normalizers.labels import unit_level
from parscore.normalizers.numbers import Number
from parscore.normalizers.text import bare_key
from parscore.pipeline.model import Check, Notice, Severity, UnitScore
from parscore.pipeline.validate.checks import Code, computed_total, max_total, value_of
from parscore.pipeline.validate.ladders import (
    PAR_INDEX,
    PERCENT,
    Ladder,
    default_book,
    ladder_for,
    select_ladder,
)
from parscore.pipeline.validate.tolerance import INDEX_SCALE, plain, resolved, shown

# --- grading ------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True, kw_only=True)
class Figure:
    """A gradable figure of a notice: which one it is and the number stated (or computed)."""

    name: str  # "stated_total" | "computed_total" | "headline_score"
    number: Number


@dataclass(frozen=True, slots=True, kw_only=True)
class Verdict:
    """What a ladder says about one stated grade: the grade earned, or why none can be."""

    earned: str | None = None
    figure: str = ""  # the graded figure as message text
    reason: str | None = None  # set when the stated grade cannot be checked
    ladder: str = ""  # the id of the ladder that judged


def figures(notice: Notice) -> tuple[Figure, ...]:
    """Given a notice, return its gradable figures in grading order."""
    summary = notice.summary
    named = (
        ("stated_total", summary.stated_total),
        ("computed_total", computed_total(notice)),
        ("headline_score", summary.headline_score),
    )
    return tuple(
        Figure(name=name, number=number)
        for name, number in named
        if number is not None and resolved(number) is not None
    )


def graded_figure(notice: Notice) -> tuple[str, Decimal] | None:
    """Given a notice, return which figure is graded and its value, or None without any."""
    found = figures(notice)
    return (found[0].name, value_of(found[0].number)) if found else None


def on_basis(number: Number, ladder: Ladder, scale: Decimal) -> Decimal | None:
    """Given a figure, a ladder and the figure's maximum, return it on the ladder's basis."""
    value = resolved(number)
    if value is None or not scale:
        return None
    if ladder.basis == PERCENT:
        return value if number.percent else value / scale * INDEX_SCALE
    return value * scale / INDEX_SCALE if number.percent else value


def expected_grade(notice: Notice, *, ladder: Ladder | None = None) -> str | None:
    """Given a notice, return the grade its graded figure earns, or None when none can be given."""
    chosen = ladder if ladder is not None else ladder_for(notice)
    found = figures(notice)
    if chosen is None or not found:
        return None
    value = on_basis(found[0].number, chosen, max_total(notice))
    return chosen.grade(value) if value is not None else None


def _describe(name: str, number: Number, value: Decimal, ladder: Ladder) -> str:
    """Given a figure and its value on the ladder's basis, return it as message text."""
    text = f"{name} {plain(value_of(number))}{'%' if number.percent else ''}"
    if ladder.basis == PERCENT and not number.percent and value != value_of(number):
        text += f" ({shown(value)}% of the maximum)"
    return text


def _figure_text(figure: Figure, value: Decimal | None, ladder: Ladder) -> str:
    """Given a notice's figure and its value on the ladder's basis, return it as message text."""
    name = f"the {figure.name.replace('_', ' ')}"
    return _describe(name, figure.number, value if value is not None else Decimal(0), ladder)


def assess(stated: str, value: Decimal | None, figure: str, ladder: Ladder | None) -> Verdict:
    """Given a stated grade, the graded value (on the ladder's basis) and the ladder, judge."""
    if ladder is None:
        return Verdict(reason="no grade ladder applies to its province, level and year")
    if not ladder.bands:
        return Verdict(reason=f"ladder '{ladder.id}' has no known band edges ({ladder.note})")
    if value is None:
        return Verdict(reason="no figure to grade is stated")
    if not ladder.has_label(stated):
        labels = ", ".join(ladder.labels)
        return Verdict(reason=f"it is not a label of ladder '{ladder.id}' ({labels})")
    earned = ladder.grade(value)
    if earned is None:
        return Verdict(reason=f"{figure} is below every band of ladder '{ladder.id}'")
    return Verdict(earned=earned, figure=figure, ladder=ladder.id)


def _summary_verdict(notice: Notice, stated: str, ladder: Ladder | None) -> Verdict:
    """Given a notice, its stated grade and its ladder, return the verdict on that grade."""
    found = figures(notice)
    if ladder is None or not found:
        return assess(stated, None, "", ladder)
    value = on_basis(found[0].number, ladder, max_total(notice))
    return assess(stated, value, _figure_text(found[0], value, ladder), ladder)


def _row_figure(row: UnitScore, ladder: Ladder) -> tuple[Decimal | None, str]:
    """Given a unit row and a ladder, return the row's value on the ladder's basis and its text."""
    percent = row.percent if ladder.basis == PERCENT else None
    if percent is not None and resolved(percent) is not None:
        shown_as = replace(percent, percent=True)
        return value_of(percent), _describe(
            f"{row.unit}'s percent", shown_as, value_of(percent), ladder
        )
    if row.score is None or resolved(row.score) is None:
        return None, ""
    value = on_basis(row.score, ladder, resolved(row.max) or INDEX_SCALE)
    return value, _describe(f"{row.unit}'s score", row.score, value or Decimal(0), ladder)


def _row_verdict(row: UnitScore, stated: str, ladder: Ladder | None) -> Verdict:
    """Given a unit row, its stated grade and the ladder, return the verdict on that grade."""
    value, figure = _row_figure(row, ladder) if ladder is not None else (None, "")
    return assess(stated, value, figure, ladder)


def row_ladder(notice: Notice, row: UnitScore, ladder: Ladder | None, own: bool) -> Ladder | None:
    """Given a notice, one of its unit rows, the notice's ladder and whether that is the
    notice's own (not a --grade-scale one, which grades every row alike), return the row's.

    A row is graded at its own level ("UBND xã Phú Mậu" in a sở's notice is graded as a
    commune, "Tỉnh Quảng Ninh" as a province), in the notice's province and the row's year.
    """
    meta = notice.metadata
    if ladder is None or not own:
        return ladder
    level = unit_level(row.unit) or meta.level
    year = row.year or meta.assessment_year
    if (level, year) == (meta.level, meta.assessment_year):
        return ladder
    return select_ladder(default_book(), province=meta.province, level=level, year=year)


#: (where, subject, stated grade, verdict) of one stated grade.
Judged = tuple[str, str, str, Verdict]
#: The notice and ladder last judged, with their verdicts: grade_mismatch and
#: grade_unverifiable read the same verdicts, judged once (one tuple, swapped whole).
_last_judged: tuple[Notice, Ladder | None, tuple[Judged, ...]] | None = None


def _verdicts(notice: Notice, ladder: Ladder | None) -> tuple[Judged, ...]:
    """Given a notice and its ladder, return (where, subject, stated grade, verdict) per grade."""
    global _last_judged
    last = _last_judged
    if last is not None and last[0] is notice and last[1] is ladder:
        return last[2]
    judged = tuple(_judge(notice, ladder))
    _last_judged = (notice, ladder, judged)
    return judged


def _judge(notice: Notice, ladder: Ladder | None) -> Iterator[Judged]:
    """Given a notice and its ladder, yield (where, subject, stated grade, verdict) per grade."""
    grade = notice.summary.grade
    if grade is not None:
        yield "summary", "the notice", grade, _summary_verdict(notice, grade, ladder)
    own = ladder is not None and ladder is ladder_for(notice)
    for i, row in enumerate(notice.unit_scores):
        if row.grade is not None and row.index == PAR_INDEX:
            subject = f"the row of {row.unit}"
            verdict = _row_verdict(row, row.grade, row_ladder(notice, row, ladder, own))
            yield f"unit_scores[{i}]", subject, row.grade, verdict


def grade_mismatch(notice: Notice, ladder: Ladder | None) -> Iterator[Check]:
    """Given a notice and its ladder, return an error for each grade its figure does not earn."""
    for where, subject, stated, verdict in _verdicts(notice, ladder):
        if verdict.earned is None or bare_key(verdict.earned) == bare_key(stated):
            continue
        yield Check(
            code=Code.GRADE_MISMATCH,
            severity=Severity.ERROR,
            message=f'{subject} states the grade "{stated}" but {verdict.figure} earns '
            f"\"{verdict.earned}\" under ladder '{verdict.ladder}'",
            expected=verdict.earned,
            actual=stated,
            where=where,
        )


def grade_unverifiable(notice: Notice, ladder: Ladder | None) -> Iterator[Check]:
    """Given a notice and its ladder, return an info finding for each grade not checkable."""
    for where, subject, stated, verdict in _verdicts(notice, ladder):
        if verdict.reason is not None:
            yield Check(
                code=Code.GRADE_UNVERIFIABLE,
                severity=Severity.INFO,
                message=f'{subject} states the grade "{stated}", which cannot be checked: '
                f"{verdict.reason}",
                actual=stated,
                where=where,
            )


def figures_disagree(notice: Notice, ladder: Ladder | None) -> Iterator[Check]:
    """Given a notice and its ladder, return a warning for each figure earning another grade."""
    if ladder is None or not ladder.bands:
        return
    scale = max_total(notice)
    values = ((f, on_basis(f.number, ladder, scale)) for f in figures(notice))
    graded = [(f, v, ladder.grade(v)) for f, v in values if v is not None]
    if len(graded) < 2:
        return
    first, v1, g1 = graded[0]
    for other, v2, g2 in graded[1:]:
        if g1 != g2:
            a, b = _figure_text(first, v1, ladder), _figure_text(other, v2, ladder)
            yield Check(
                code=Code.GRADE_MISMATCH,
                severity=Severity.WARNING,
                message=f'{a} earns "{g1 or "no band"}" but {b} earns "{g2 or "no band"}" '
                f"under ladder '{ladder.id}': the notice's figures disagree on the grade",
                expected=g1,
                actual=g2,
                where="summary",
            )
