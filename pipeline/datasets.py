"""Parse results → the dataset tables of DESIGN.md, as pandas frames."""

from __future__ import annotations

import tomllib
from collections.abc import Iterable, Mapping
from functools import cache
from importlib import resources
from typing import Any

import pandas as pd

from parscore.pipeline.model import Severity

TABLES = ("notices", "scores", "unit_scores", "tasks", "findings", "validation", "manifest")
PANDAS_TYPES = {
    "string": "string",
    "integer": "Int64",
    "number": "Float64",
    "boolean": "boolean",
    "date": "string",
    "list": "object",
}
LIST_SEPARATOR = "; "

Row = dict[str, Any]


@cache
def schema() -> dict[str, Any]:
    """Return the table schemas of pipeline/data/schema.toml."""
    text = (
        resources.files("parscore.pipeline")
        .joinpath("data/schema.toml")
        .read_text(encoding="utf-8")
    )
    return tomllib.loads(text)


def columns(table: str) -> list[tuple[str, str, str]]:
    """Given a table name, return its (name, type, description) columns in order."""
    return [(f[0], f[1], f[2]) for f in schema()[table]["fields"]]


def frame(table: str, rows: Iterable[Row]) -> pd.DataFrame:
    """Given a table name and rows, return a frame with the schema's columns and dtypes."""
    cols = columns(table)
    df = pd.DataFrame(list(rows), columns=[c[0] for c in cols])
    return df.astype({name: PANDAS_TYPES[kind] for name, kind, _ in cols})


def result_rows(result: Mapping[str, Any]) -> dict[str, list[Row]]:
    """Given one parse result, return its rows of every table but the manifest."""
    nid = result["notice"]["id"]
    return {
        "notices": [notice_row(result)],
        "scores": [score_row(nid, s) for s in result["scores"]],
        "unit_scores": [{"notice_id": nid, **u} for u in result["unit_scores"]],
        "tasks": [task_row(nid, t) for t in result["tasks"]],
        "findings": [{"notice_id": nid, **f} for f in result["findings"]],
        "validation": [{"notice_id": nid, **v} for v in result["validation"]],
    }


def notice_row(result: Mapping[str, Any]) -> Row:
    """Given one parse result, return its row of the notices table."""
    n, s, src = result["notice"], result["summary"], result["source"]
    severities = [v["severity"] for v in result["validation"]]
    return {
        "notice_id": n["id"],
        "notice_key": n["key"],
        "source_path": src["path"],
        "source_format": src["format"],
        "source_sha256": src["sha256"],
        **{
            k: n[k] for k in ("number", "doc_type", "issuer", "issue_date", "meeting_date", "title")
        },
        "chair_name": n["chair"]["name"],
        "chair_role": n["chair"]["role"],
        "signer_name": n["signer"]["name"],
        "signer_role": n["signer"]["role"],
        "assessment_year": n["assessment_year"],
        "province": n["province"],
        "level": n["level"],
        **{
            k: s[k]
            for k in (
                "headline_score",
                "stated_total",
                "computed_total",
                "max_total",
                "grade",
                "expected_grade",
                "previous_year_delta",
                "rank",
                "rank_of",
            )
        },
        "n_scores": len(result["scores"]),
        "n_tasks": len(result["tasks"]),
        "n_errors": severities.count(Severity.ERROR),
        "n_warnings": severities.count(Severity.WARNING),
        "valid": Severity.ERROR not in severities,
    }


def score_row(notice_id: str, s: Mapping[str, Any]) -> Row:
    """Given one area score object, return its row of the scores table."""
    pct = round(s["score"] / s["max"] * 100, 4) if s["score"] is not None and s["max"] else None
    return {
        "notice_id": notice_id,
        **{k: s[k] for k in ("order", "area", "label", "max", "self", "appraised", "score")},
        "pct_of_max": pct,
        "raw_max": s["raw"]["max"],
        "raw_self": s["raw"]["self"],
        "raw_appraised": s["raw"]["appraised"],
    }


def task_row(notice_id: str, t: Mapping[str, Any]) -> Row:
    """Given one task object, return its row of the tasks table (lists stay lists)."""
    return {
        **t,
        "notice_id": notice_id,
        "references": list(t["references"]),
        "areas": list(t["areas"]),
    }


def for_csv(table: str, df: pd.DataFrame) -> pd.DataFrame:
    """Given a table's frame, return it as CSV holds it: lists joined by '; '."""
    lists = [name for name, kind, _ in columns(table) if kind == "list"]
    if not lists:
        return df
    joined = {
        c: df[c].map(lambda v: LIST_SEPARATOR.join(v) if isinstance(v, list) else v) for c in lists
    }
    return df.assign(**joined)
