"""Read an output folder's datasets (the JSON Lines copies) into frozen records for the report."""

from __future__ import annotations

import json
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Any

from parscore.pipeline.model import Severity
from parscore.pipeline.validate.checks import Code

Row = Mapping[str, Any]
SEVERITY_RANK = {s.value: i for i, s in enumerate(Severity)}
UNKNOWN_RANK = len(SEVERITY_RANK)
ACHIEVEMENT, SHORTCOMING = "achievement", "shortcoming"
_LEADING_DIGITS = re.compile(r"\d+")
CROSS_DOCUMENT = str(Code.CROSS_DOCUMENT_MISMATCH)


@dataclass(frozen=True, slots=True, kw_only=True)
class Area:
    """One row of a notice's score table."""

    order: int | None = None
    area: str | None = None
    label: str | None = None
    max: float | None = None
    score: float | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class Check:
    """One validation finding of a notice."""

    code: str | None = None
    severity: str | None = None
    message: str | None = None
    expected: str | None = None
    actual: str | None = None
    where: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class Input:
    """One input file of the run, as the manifest records it."""

    source_path: str | None = None
    format: str | None = None
    status: str | None = None
    error_code: str | None = None
    message: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class Ranked:
    """One unit a notice ranks or scores: its figure (percent, else points) and place."""

    unit: str
    unit_id: str | None = None
    value: float | None = None
    rank: int | None = None
    rank_of: int | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class YearValue:
    """One year of a unit's trajectory, from the panel."""

    year: int
    value: float | None = None
    rank: int | None = None
    rank_of: int | None = None
    n_sources: int = 1
    conflict: bool = False


@dataclass(frozen=True, slots=True, kw_only=True)
class Trajectory:
    """A unit's figures over the years for one index (unit_years)."""

    unit_id: str
    unit: str
    unit_level: str | None = None
    unit_province: str | None = None
    index: str = "par"
    measure: str = "percent"  # or "score": one measure for the whole line
    years: tuple[YearValue, ...] = ()


@dataclass(frozen=True, slots=True, kw_only=True)
class Notice:
    """One notice with its areas, validation findings and counts."""

    notice_id: str
    number: str | None = None
    issuer: str | None = None
    issue_date: str | None = None
    meeting_date: str | None = None
    title: str | None = None
    source_path: str | None = None
    source_format: str | None = None
    assessment_year: int | None = None
    headline_score: float | None = None
    stated_total: float | None = None
    computed_total: float | None = None
    max_total: float | None = None
    grade: str | None = None
    expected_grade: str | None = None
    previous_year_delta: float | None = None
    rank: int | None = None
    rank_of: int | None = None
    n_tasks: int | None = None
    areas: tuple[Area, ...] = ()
    checks: tuple[Check, ...] = ()
    n_achievements: int = 0
    n_shortcomings: int = 0
    copy_of: str | None = None
    ranked: tuple[Ranked, ...] = ()

    @property
    def first_copy(self) -> bool:
        """Given a notice, return whether it is the first of its copies (archive charts count
        copies of one notice once)."""
        return self.copy_of in (None, self.notice_id)


@dataclass(frozen=True, slots=True, kw_only=True)
class Archive:
    """Everything an output folder holds, as the report shows it."""

    folder: str
    notices: tuple[Notice, ...] = ()
    inputs: tuple[Input, ...] = ()
    trajectories: tuple[Trajectory, ...] = ()
    conflicts: tuple[Check, ...] = ()


def read_rows(folder: Path, table: str) -> tuple[Row, ...]:
    """Given an output folder and a table name, return its JSON Lines rows (none if absent)."""
    path = folder / f"{table}.jsonl"
    if not path.is_file():
        return ()
    with path.open(encoding="utf-8") as fh:
        return tuple(json.loads(line) for line in fh if line.strip())


def pick(cls: type, row: Row) -> dict[str, Any]:
    """Given a record class and a row, return the row's values of the class's fields."""
    return {f.name: row[f.name] for f in fields(cls) if f.name in row}


def by_notice(rows: Iterable[Row]) -> dict[str, list[Row]]:
    """Given rows with a notice_id, return them grouped by notice, in their order."""
    groups: dict[str, list[Row]] = defaultdict(list)
    for row in rows:
        groups[row["notice_id"]].append(row)
    return groups


def check_order(check: Check) -> int:
    """Given a finding, return its rank for sorting: errors first, then warnings, then info."""
    return SEVERITY_RANK.get(check.severity or "", UNKNOWN_RANK)


def notice_of(
    row: Row, related: Mapping[str, Mapping[str, list[Row]]], kinds: Counter[tuple[str, str]]
) -> Notice:
    """Given a notices row, the related rows by table and the finding kinds, return the Notice."""
    nid = row["notice_id"]
    areas = tuple(Area(**pick(Area, r)) for r in related["scores"].get(nid, []))
    ranked = ranked_units(related["unit_scores"].get(nid, []), row.get("assessment_year"))
    checks = sorted(
        (Check(**pick(Check, r)) for r in related["validation"].get(nid, [])), key=check_order
    )
    return Notice(
        **pick(Notice, row),
        areas=areas,
        checks=tuple(checks),
        n_achievements=kinds[(nid, ACHIEVEMENT)],
        n_shortcomings=kinds[(nid, SHORTCOMING)],
        ranked=ranked,
    )


def number_key(number: str | None) -> tuple[float, str]:
    """Given a notice number (568/TB-SXD), return a key that sorts 38/… before 245/…."""
    match = _LEADING_DIGITS.match(number or "")
    return (int(match.group()) if match else float("inf"), number or "")


def notice_order(notice: Notice) -> tuple[Any, ...]:
    """Given a notice, return its sort key: issuer, number, issue date, source file."""
    return (
        notice.issuer or "\uffff",
        number_key(notice.number),
        notice.issue_date or "",
        notice.source_path or "",
    )


def value_of(row: Row) -> float | None:
    """Given a unit_scores or unit_years row, return its figure: percent, else points."""
    return row.get("percent") if row.get("percent") is not None else row.get("score")


def ranked_units(rows: Iterable[Row], year: int | None) -> tuple[Ranked, ...]:
    """Given a notice's unit_scores rows and its assessment year, return each unit it ranks or
    scores for that year (its main index, averages left out), once, in rank order."""
    own = [r for r in rows if r.get("year") in (year, None) and r.get("unit_level") != "trung_binh"]
    index = Counter(r.get("index") for r in own).most_common(1)
    found: dict[str, Ranked] = {}
    for r in own:
        if index and r.get("index") != index[0][0]:
            continue
        key = r.get("unit_id") or r["unit"]
        old = found.get(key, Ranked(unit=r["unit"], unit_id=r.get("unit_id")))
        found[key] = Ranked(
            unit=old.unit,
            unit_id=old.unit_id,
            value=old.value if old.value is not None else value_of(r),
            rank=old.rank if old.rank is not None else r.get("rank"),
            rank_of=old.rank_of if old.rank_of is not None else r.get("rank_of"),
        )
    places = [u for u in found.values() if u.value is not None or u.rank is not None]
    return tuple(sorted(places, key=lambda u: (u.rank or 10**6, -(u.value or 0), u.unit)))


def trajectories(rows: Iterable[Row]) -> tuple[Trajectory, ...]:
    """Given the unit_years rows (sorted by unit, index, year), return each unit's trajectory
    per index in one measure (percent, or points where more years state points), for units
    with a figure in two years or more."""
    groups: dict[tuple[str, str], list[Row]] = defaultdict(list)
    for r in rows:
        groups[(r["unit_id"], r["index"])].append(r)
    tracks = (track_of(uid, index, group) for (uid, index), group in groups.items())
    return tuple(t for t in tracks if sum(p.value is not None for p in t.years) > 1)


def measure_of(group: Sequence[Row]) -> str:
    """Given a unit's unit_years rows, return the measure most of its years state."""
    counts = {m: sum(r.get(m) is not None for r in group) for m in ("percent", "score")}
    return "percent" if counts["percent"] >= counts["score"] else "score"


def track_of(unit_id: str, index: str, group: Sequence[Row]) -> Trajectory:
    """Given a unit id, an index and its unit_years rows, return its trajectory."""
    measure = measure_of(group)
    return Trajectory(
        unit_id=unit_id,
        unit=group[0]["unit"],
        unit_level=group[0].get("unit_level"),
        unit_province=group[0].get("unit_province"),
        index=index,
        measure=measure,
        years=tuple(year_value(r, measure) for r in group),
    )


def year_value(row: Row, measure: str) -> YearValue:
    """Given a unit_years row and the trajectory's measure, return its point."""
    return YearValue(
        year=row["year"],
        value=row.get(measure),
        rank=row.get("rank"),
        rank_of=row.get("rank_of"),
        n_sources=row.get("n_sources") or 1,
        conflict=bool(row.get("conflict")),
    )


def load_archive(folder: Path) -> Archive:
    """Given an output folder written by `parscore run`, return its Archive."""
    related = {t: by_notice(read_rows(folder, t)) for t in ("scores", "validation", "unit_scores")}
    kinds = Counter((r["notice_id"], r["kind"]) for r in read_rows(folder, "findings"))
    notices = (notice_of(row, related, kinds) for row in read_rows(folder, "notices"))
    inputs = tuple(Input(**pick(Input, r)) for r in read_rows(folder, "manifest"))
    conflicts = tuple(
        Check(**pick(Check, r))
        for r in read_rows(folder, "validation")
        if r["code"] == CROSS_DOCUMENT
    )
    return Archive(
        folder=str(folder),
        notices=tuple(sorted(notices, key=notice_order)),
        inputs=inputs,
        trajectories=trajectories(read_rows(folder, "unit_years")),
        conflicts=conflicts,
    )
