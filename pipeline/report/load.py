"""Read an output folder's datasets (the JSON Lines copies) into frozen records for the report."""

from __future__ import annotations

import json
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Any

from parscore.pipeline.model import Severity

Row = Mapping[str, Any]
SEVERITY_RANK = {s.value: i for i, s in enumerate(Severity)}
UNKNOWN_RANK = len(SEVERITY_RANK)
ACHIEVEMENT, SHORTCOMING = "achievement", "shortcoming"
_LEADING_DIGITS = re.compile(r"\d+")


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


@dataclass(frozen=True, slots=True, kw_only=True)
class Archive:
    """Everything an output folder holds, as the report shows it."""

    folder: str
    notices: tuple[Notice, ...] = ()
    inputs: tuple[Input, ...] = ()


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
    checks = sorted(
        (Check(**pick(Check, r)) for r in related["validation"].get(nid, [])), key=check_order
    )
    return Notice(
        **pick(Notice, row),
        areas=areas,
        checks=tuple(checks),
        n_achievements=kinds[(nid, ACHIEVEMENT)],
        n_shortcomings=kinds[(nid, SHORTCOMING)],
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


def load_archive(folder: Path) -> Archive:
    """Given an output folder written by `parscore run`, return its Archive."""
    related = {t: by_notice(read_rows(folder, t)) for t in ("scores", "validation")}
    kinds = Counter((r["notice_id"], r["kind"]) for r in read_rows(folder, "findings"))
    notices = (notice_of(row, related, kinds) for row in read_rows(folder, "notices"))
    inputs = tuple(Input(**pick(Input, r)) for r in read_rows(folder, "manifest"))
    return Archive(
        folder=str(folder), notices=tuple(sorted(notices, key=notice_order)), inputs=inputs
    )
