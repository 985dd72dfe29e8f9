"""Tasks in a plan's table: the table stage (``pipeline.tables``) finds and classifies it
once (``Kind.PLAN``: a column of tasks, one of the body in charge, maybe one of deadlines);
each of its rows is a task of the body in charge. A plan's table that reaches the parser as
text, one cell per line ("STT" / "Nội dung" / "Đơn vị chủ trì" / … / "1" / cells …), is read
from the lines (``line_drafts``)."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from parscore.normalizers.text import fold
from parscore.pipeline.lines import Line
from parscore.pipeline.parse.assignments import Draft
from parscore.pipeline.tables.model import Kind, Table
from parscore.pipeline.tables.plan import PlanRow, cues, header_col

#: A flattened header spans at most this many lines, a cell at most that many words.
MAX_HEAD_LINES, MAX_HEAD_WORDS = 12, 10
_ROW_NUMBER = re.compile(r"^\d{1,3}\.?$")
#: A group row's number ("II"), its heading on the next line ("CẢI CÁCH CHẾ ĐỘ CÔNG VỤ").
_GROUP = re.compile(r"^[IVX]{1,4}\.?$")
GROUP_LINES = 3  # a group's number and its heading, wrapped at most once


def table_drafts(tables: Iterable[Table]) -> list[Draft]:
    """Given a document's tables, return the tasks of its plan tables, in order."""
    return [row_draft(row) for t in tables if t.kind is Kind.PLAN for row in t.plan]


def row_draft(row: PlanRow) -> Draft:
    """Given a plan's row, return its task for the body in charge, with its deadline cell
    ("Thời hạn: 30/6/2025") so the task's deadline is read from it."""
    text = f"{row.task} (Thời hạn: {row.deadline})" if row.deadline else row.task
    return Draft(None, row.unit, text)


def line_drafts(lines: Sequence[Line]) -> list[Draft]:
    """Given the lines, return the tasks of the plan tables flattened one cell per line: a
    header of short lines opened by the ordinal column ("STT", "TT") and naming a task and a
    body in charge, then rows each opened by its number, in order."""
    texts = [line.raw.strip() for line in lines]
    drafts: list[Draft] = []
    for start, text in enumerate(texts):
        if is_ordinal_head(text):
            drafts.extend(row_draft(row) for row in flat_rows(texts, start))
    return drafts


def is_ordinal_head(text: str) -> bool:
    """Given a line's cleaned text, return whether it is the ordinal column's header cell
    ("STT", "Số TT."); a line of more words than any such cell is not folded to be asked
    (folding a cleaned text keeps its words)."""
    ordinal = cues()["ordinal"]
    most = max(len(w.split()) for w in ordinal)
    return len(text.split(None, most)) <= most and fold(text).rstrip(".") in ordinal


def flat_rows(texts: Sequence[str], start: int) -> list[PlanRow]:
    """Given the line texts and the index of an ordinal header cell, return the rows of the
    flattened plan table it opens (none when the header names no task and body in charge)."""
    end = start + 1
    while end < len(texts) and not row_opens(texts[end]) and end - start < MAX_HEAD_LINES:
        end += 1
    heads = dict(enumerate(header_cells(texts[start:end])))
    first = after_group(texts, end)
    if first >= len(texts) or texts[first].rstrip(".") != "1":
        return []
    if any(len(h.split()) > MAX_HEAD_WORDS for h in heads.values()):
        return []
    task, unit = header_col(heads, "task"), header_col(heads, "unit")
    if task is None or unit is None or task == unit:
        return []
    deadline = header_col(heads, "deadline")
    rows: list[PlanRow] = []
    number, k = 1, first
    while k < len(texts) and texts[k].rstrip(".") == str(number):
        cells, k = row_cells(texts, k + 1, number + 1, (len(heads) - 1, task))
        row = dict(enumerate(["", *cells]))
        if row.get(task) and row.get(unit):
            when = row.get(deadline, "") if deadline is not None else ""
            rows.append(PlanRow(task=row[task], unit=row[unit], deadline=when))
        number += 1
        k = after_group(texts, k)
        if k < len(texts) and texts[k].rstrip(".") == "1":  # numbered anew in each group
            number = 1
    return rows


def header_cells(texts: Sequence[str]) -> list[str]:
    """Given a flattened header's lines, return its cells folded, a line opening in lower
    case continuing the cell before ("Thời gian" / "hoàn thành")."""
    cells: list[str] = []
    for text in texts:
        if cells and text[:1].islower():
            cells[-1] = f"{cells[-1]} {fold(text)}"
        else:
            cells.append(fold(text))
    return cells


def row_opens(text: str) -> bool:
    """Given a line, return whether it opens a row: its number, or a group's ("II")."""
    return bool(_ROW_NUMBER.match(text) or _GROUP.match(text))


def after_group(texts: Sequence[str], k: int) -> int:
    """Given the line texts and an index, return the index of the next row's number after
    the group row there ("II" / "CẢI CÁCH CHẾ ĐỘ CÔNG VỤ"), else the index itself."""
    if k >= len(texts) or not _GROUP.match(texts[k]):
        return k
    ahead = range(k + 1, min(k + 1 + GROUP_LINES, len(texts)))
    return next((j for j in ahead if _ROW_NUMBER.match(texts[j])), k)


def row_cells(
    texts: Sequence[str], k: int, following: int, shape: tuple[int, int]
) -> tuple[list[str], int]:
    """Given the line texts, the index after a row's number, the next row's number and the
    row's shape (how many cells, which is the task's), return the row's cells and the index
    after them. A row with more lines than cells has a wrapped task: a line opening in lower
    case right after the task continues it (not a body's "trước ngày 30/9", a cell of its
    own). Empty cells are lost in flattening: a short row fills its columns from the left."""
    width, task = shape
    end = k
    while end < len(texts) and texts[end].rstrip(".") != str(following):
        if _GROUP.match(texts[end]) and after_group(texts, end) > end:
            break  # a group row ends the row before it
        end += 1
    excess = end - k - width
    cells: list[str] = []
    while k < end:
        text = texts[k]
        if excess > 0 and len(cells) == task and text[:1].islower():
            cells[-1] = f"{cells[-1]} {text}"
            excess -= 1
        elif len(cells) < width:
            cells.append(text)
        else:
            break
        k += 1
    return cells, k
