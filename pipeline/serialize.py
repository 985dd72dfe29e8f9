"""Notice → the JSON object of ``parscore parse --json`` (DESIGN.md contract)."""

from __future__ import annotations

import json
from dataclasses import asdict
from datetime import date
from decimal import Decimal
from typing import Any

from parscore.normalizers.numbers import Number
from parscore.pipeline import __version__
from parscore.pipeline.model import Check, Notice, Score, Task, UnitScore


def json_number(value: Decimal | None) -> int | float | None:
    """Given a Decimal, return it as a JSON number (int when integral), None stays None."""
    if value is None:
        return None
    return int(value) if value == value.to_integral_value() else float(value)


def num(n: Number | None) -> int | float | None:
    """Given a Number, return its value as a JSON number."""
    return json_number(n.value) if n is not None else None


def raw(n: Number | None) -> str | None:
    """Given a Number, return the text it was read from."""
    return n.raw if n is not None else None


def iso(d: date | None) -> str | None:
    """Given a date, return it in ISO form."""
    return d.isoformat() if d else None


def notice_to_dict(notice: Notice, *, expected_grade: str | None = None) -> dict[str, Any]:
    """Given a validated notice, return the JSON object of DESIGN.md."""
    return {
        "parscore_version": __version__,
        "source": source_dict(notice),
        "notice": metadata_dict(notice),
        "summary": summary_dict(notice, expected_grade),
        "scores": [score_dict(s) for s in notice.scores],
        "unit_scores": [unit_score_dict(u) for u in notice.unit_scores],
        "tasks": [task_dict(t) for t in notice.tasks],
        "findings": [asdict(f) for f in notice.findings],
        "validation": [check_dict(c) for c in notice.validation],
    }


def source_dict(notice: Notice) -> dict[str, Any]:
    """Given a notice, return its source object."""
    s = notice.source
    return {"path": s.path, "format": s.format, "sha256": s.sha256, "pages": s.pages}


def metadata_dict(notice: Notice) -> dict[str, Any]:
    """Given a notice, return its "notice" object."""
    m = notice.metadata
    return {
        "id": notice.id,
        "key": notice.key,
        "number": m.number,
        "doc_type": m.doc_type,
        "issuer": m.issuer,
        "issue_date": iso(m.issue_date),
        "meeting_date": iso(m.meeting_date),
        "title": m.title,
        "chair": {"name": m.chair.name, "role": m.chair.role},
        "signer": {"name": m.signer.name, "role": m.signer.role},
        "recipients": list(m.recipients),
        "assessment_year": m.assessment_year,
        "province": m.province,
        "level": m.level,
    }


def summary_dict(notice: Notice, expected_grade: str | None) -> dict[str, Any]:
    """Given a notice, return its "summary" object."""
    s = notice.summary
    max_total = s.stated_max_total.value if s.stated_max_total else notice.computed_max_total
    return {
        "headline_score": num(s.headline_score),
        "stated_total": num(s.stated_total),
        "computed_total": json_number(notice.computed_total),
        "max_total": json_number(max_total),
        "grade": s.grade,
        "grade_raw": s.grade_raw,
        "expected_grade": expected_grade,
        "previous_year_delta": num(s.previous_year_delta),
        "rank": s.rank,
        "rank_of": s.rank_of,
    }


def score_dict(s: Score) -> dict[str, Any]:
    """Given an area score, return its JSON object."""
    return {
        "order": s.order,
        "area": s.area,
        "label": s.label,
        "max": num(s.max),
        "self": num(s.self),
        "appraised": num(s.appraised),
        "score": num(s.score),
        "raw": {"max": raw(s.max), "self": raw(s.self), "appraised": raw(s.appraised)},
        "provenance": {"block": s.where.block, "row": s.where.row, "page": s.where.page},
    }


def unit_score_dict(u: UnitScore) -> dict[str, Any]:
    """Given a unit score statement, return its JSON object; ``rank_of_inferred: true`` only
    on a rank_of the text never states (an official count: DESIGN.md)."""
    inferred = {"rank_of_inferred": True} if u.rank_of_inferred else {}
    return {
        "order": u.order,
        "unit": u.unit,
        "unit_raw": u.unit_raw or u.unit,
        "index": u.index,
        "year": u.year,
        "score": num(u.score),
        "max": num(u.max),
        "percent": num(u.percent),
        "rank": u.rank,
        "rank_of": u.rank_of,
        "grade": u.grade,
        "change": num(u.change),
        "rank_change": u.rank_change,
        "previous": num(u.previous),
        "source": u.source,
        "group": u.group,
        **inferred,
    }


def task_dict(t: Task) -> dict[str, Any]:
    """Given a task, return its JSON object."""
    return {
        "section": t.section,
        "unit": t.unit,
        "unit_code": t.unit_code,
        "seq": t.seq,
        "text": t.text,
        "deadline": iso(t.deadline),
        "references": list(t.references),
        "areas": list(t.areas),
    }


def check_dict(c: Check) -> dict[str, Any]:
    """Given a validation finding, return its JSON object."""
    return {
        "code": c.code,
        "severity": str(c.severity),
        "message": c.message,
        "expected": c.expected,
        "actual": c.actual,
        "where": c.where,
    }


def dumps(obj: Any) -> str:
    """Given a JSON-able object, return it as UTF-8 JSON text (not ASCII-escaped)."""
    return json.dumps(obj, ensure_ascii=False, indent=2)
