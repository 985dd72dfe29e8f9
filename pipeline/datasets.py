"""Parse results → the rows of the dataset tables of DESIGN.md (as pandas frames on demand)."""

from __future__ import annotations

import tomllib
from collections.abc import Iterable, Mapping
from functools import cache
from importlib import resources
from typing import TYPE_CHECKING, Any

from parscore.pipeline.identity import identify, notice_province
from parscore.pipeline.model import Severity

if TYPE_CHECKING:
    import pandas as pd

TABLES = (
    "notices",
    "scores",
    "unit_scores",
    "tasks",
    "findings",
    "validation",
    "manifest",
    "units",
    "unit_years",
)
#: Tables built across the whole archive once every notice's rows are in (pipeline/panel.py).
DERIVED = ("units", "unit_years")
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


def foreign_keys(table: str) -> list[tuple[str, str, str]]:
    """Given a table name, return its (column, table, column) foreign keys: the schema's, else
    notice_id → notices for a table with a notice_id."""
    spec = schema()[table]
    if "foreign_keys" in spec:
        return [(k[0], k[1], k[2]) for k in spec["foreign_keys"]]
    names = [name for name, _, _ in columns(table)]
    return [("notice_id", "notices", "notice_id")] if "notice_id" in names else []


def frame(table: str, rows: Iterable[Row]) -> pd.DataFrame:
    """Given a table name and rows, return a frame with the schema's columns and dtypes."""
    import pandas as pd

    cols = columns(table)
    df = pd.DataFrame(list(rows), columns=[c[0] for c in cols])
    return df.astype({name: PANDAS_TYPES[kind] for name, kind, _ in cols})


def result_rows(result: Mapping[str, Any]) -> dict[str, list[Row]]:
    """Given one parse result, return its rows of every table but the manifest."""
    nid = result["notice"]["id"]
    notice = notice_row(result)
    return {
        "notices": [notice],
        "scores": [score_row(nid, s) for s in result["scores"]],
        "unit_scores": [unit_score_row(notice, u) for u in result["unit_scores"]],
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


def unit_score_row(notice: Row, u: Mapping[str, Any]) -> Row:
    """Given a notices row and one unit score object, return its row of the unit_scores table,
    with the unit's identity (pipeline/identity.py)."""
    year = u["year"] if u["year"] is not None else notice["assessment_year"]
    who = identify(u["unit"], year, notice_province(notice))
    return {
        "notice_id": notice["notice_id"],
        **u,
        "rank_of_inferred": bool(u.get("rank_of_inferred")),
        "unit_id": who.unit_id,
        "unit_level": who.level,
        "unit_province": who.province,
        "unit_code": who.code,
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
