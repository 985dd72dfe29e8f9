"""Archive-wide figures: counts by status, severity, grade and code; totals by year."""

from __future__ import annotations

import tomllib
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources

from parscore.pipeline.model import Severity
from parscore.pipeline.report.fmt import DASH
from parscore.pipeline.report.load import SEVERITY_RANK, UNKNOWN_RANK, Input, Notice

STATUSES = ("ok", "failed", "duplicate", "skipped")
FAILED = "failed"
TOP_CODES = 10


@dataclass(frozen=True, slots=True, kw_only=True)
class Count:
    """A labelled count, with the worst severity behind it where that applies."""

    label: str
    count: int
    severity: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class Point:
    """One notice's total on the year chart, with the text of its tooltip."""

    value: float
    note: str


@dataclass(frozen=True, slots=True, kw_only=True)
class YearGroup:
    """The totals of one assessment year ("—" when the notice states none)."""

    label: str
    points: tuple[Point, ...]


@cache
def grade_order() -> tuple[str, ...]:
    """Return the canonical grades, best first, as normalizers/data/grades.toml lists them."""
    text = (
        resources.files("parscore.normalizers")
        .joinpath("data/grades.toml")
        .read_text(encoding="utf-8")
    )
    data = tomllib.loads(text)
    return (*data["grades"], *data.get("groups", {}))


def ordered_counts(counter: Counter[str], order: Sequence[str]) -> tuple[Count, ...]:
    """Given counts and a preferred order, return them in that order, unknown labels last."""
    rest = sorted(label for label in counter if label not in order)
    return tuple(Count(label=k, count=counter[k]) for k in (*order, *rest) if counter[k])


def status_counts(inputs: Iterable[Input]) -> tuple[Count, ...]:
    """Given the manifest, return the number of files of each status."""
    return ordered_counts(Counter(i.status or DASH for i in inputs), STATUSES)


def failures(inputs: Iterable[Input]) -> tuple[Input, ...]:
    """Given the manifest, return the inputs that could not be processed."""
    return tuple(i for i in inputs if i.status == FAILED)


def severity_counts(notices: Iterable[Notice]) -> dict[str, int]:
    """Given notices, return their number of validation findings per severity (all listed)."""
    counter = Counter(c.severity or DASH for n in notices for c in n.checks)
    return {s.value: counter[s.value] for s in Severity} | dict(counter)


def grade_counts(notices: Iterable[Notice]) -> tuple[Count, ...]:
    """Given notices, return how many state each grade, best grade first, "—" for none."""
    return ordered_counts(Counter(n.grade or DASH for n in notices), (*grade_order(), DASH))


def worst(severities: Iterable[str | None]) -> str | None:
    """Given severities, return the most serious one (None when there is none)."""
    return min(severities, key=lambda s: SEVERITY_RANK.get(s or "", UNKNOWN_RANK), default=None)


def code_counts(notices: Sequence[Notice], limit: int = TOP_CODES) -> tuple[Count, ...]:
    """Given notices, return the most frequent validation codes with their worst severity."""
    checks = [c for n in notices for c in n.checks]
    counter = Counter(c.code or DASH for c in checks)
    return tuple(
        Count(
            label=code,
            count=k,
            severity=worst(c.severity for c in checks if (c.code or DASH) == code),
        )
        for code, k in counter.most_common(limit)
    )


def total_of(notice: Notice) -> float | None:
    """Given a notice, return its total: the stated one, else the computed one."""
    return notice.stated_total if notice.stated_total is not None else notice.computed_total


def year_label(year: int | None) -> str:
    """Given an assessment year, return its label on the chart ("—" when missing)."""
    return DASH if year is None else str(year)


def totals_by_year(notices: Iterable[Notice]) -> tuple[YearGroup, ...]:
    """Given notices, return their totals grouped by assessment year, years in order, "—" last."""
    groups: dict[str, list[Point]] = {}
    for n in sorted(notices, key=lambda n: (n.assessment_year is None, n.assessment_year or 0)):
        total = total_of(n)
        if total is not None:
            note = f"{n.number or DASH} {n.issuer or ''}: {total}"
            groups.setdefault(year_label(n.assessment_year), []).append(
                Point(value=total, note=note)
            )
    return tuple(YearGroup(label=k, points=tuple(v)) for k, v in groups.items())


def ceiling(notices: Iterable[Notice]) -> float | None:
    """Given notices, return the largest maximum total they state (None when none does)."""
    return max((n.max_total for n in notices if n.max_total), default=None)
