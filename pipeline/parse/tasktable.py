"""Tasks in a plan's table: the table stage (``pipeline.tables``) finds and classifies it
once (``Kind.PLAN``: a column of tasks, one of the body in charge, maybe one of deadlines);
each of its rows is a task of the body in charge."""

from __future__ import annotations

from collections.abc import Iterable

from parscore.pipeline.parse.assignments import Draft
from parscore.pipeline.tables.model import Kind, Table
from parscore.pipeline.tables.plan import PlanRow


def table_drafts(tables: Iterable[Table]) -> list[Draft]:
    """Given a document's tables, return the tasks of its plan tables, in order."""
    return [row_draft(row) for t in tables if t.kind is Kind.PLAN for row in t.plan]


def row_draft(row: PlanRow) -> Draft:
    """Given a plan's row, return its task for the body in charge, with its deadline cell
    ("Thời hạn: 30/6/2025") so the task's deadline is read from it."""
    text = f"{row.task} (Thời hạn: {row.deadline})" if row.deadline else row.task
    return Draft(None, row.unit, text)
