"""A plan's table: a row per task, a column for the body in charge ("Cơ quan chủ trì") and
one for the deadline ("Thời gian hoàn thành"), found by its header's words
(pipeline/data/assignees.toml [table]). The third kind of table beside area and ranking."""

from __future__ import annotations

import tomllib
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cache
from importlib import resources

from parscore.normalizers.text import bare_key, fold
from parscore.pipeline.model import Where
from parscore.pipeline.tables.cells import Cells

#: Rows searched for the header.
HEADER_ROWS = 3
#: Texts by row and column, a cell spanning rows repeated in each.
TextGrid = dict[int, dict[int, str]]


@dataclass(frozen=True, slots=True)
class Columns:
    """Where a task table keeps its header row, task text, body in charge and deadline."""

    header: int
    task: int
    unit: int
    deadline: int | None


@dataclass(frozen=True, slots=True, kw_only=True)
class PlanRow:
    """A task of a plan's table: its text, the body in charge and the deadline as written."""

    task: str
    unit: str
    deadline: str = ""
    where: Where = field(default_factory=Where, compare=False)


@cache
def cues() -> dict[str, tuple[str, ...]]:
    """Given nothing, return the header words of pipeline/data/assignees.toml [table], folded."""
    path = resources.files("parscore.pipeline").joinpath("data/assignees.toml")
    table = tomllib.loads(path.read_text(encoding="utf-8"))["table"]
    return {k: tuple(fold(w) for w in v) for k, v in table.items()}


def cells_to_plan(cells: Cells) -> tuple[PlanRow, ...] | None:
    """Given a TABLE block's cells, return its task rows when its header names a task column
    and a body in charge, else None: cells → text grid → columns → rows (the header rows'
    texts are read first: most tables are no plan)."""
    columns = find_columns(cells_to_text_grid(cells, HEADER_ROWS))
    if columns is None:
        return None
    return tuple(plan_rows(cells_to_text_grid(cells), columns, cells))


def cells_to_text_grid(cells: Cells, rows: int | None = None) -> TextGrid:
    """Given a block's cells (and how many rows holding a cell to read, else all), return
    their texts by row and column, each whitespace-joined, a cell spanning rows repeated in
    each (not one spanning columns)."""
    grid: TextGrid = {}
    for r, row in enumerate(cells.slots):
        if rows is not None and len(grid) >= rows:
            break
        for c, cell in enumerate(row):
            if cell is not None and cell.col == c:
                grid.setdefault(r, {})[c] = " ".join(cell.text.split())
    return grid


def find_columns(grid: TextGrid) -> Columns | None:
    """Given a text grid, return its task columns from the first rows' headers, else None."""
    for row in sorted(grid)[:HEADER_ROWS]:
        heads = {col: fold(text) for col, text in grid[row].items()}
        task, unit = header_col(heads, "task"), header_col(heads, "unit")
        if task is not None and unit is not None and task != unit:
            return Columns(row, task, unit, header_col(heads, "deadline"))
    return None


def header_col(heads: dict[int, str], kind: str) -> int | None:
    """Given header texts by column and a kind of column, return the first column of it (for
    the body in charge, not one of partners only: "Cơ quan phối hợp"). Headers are compared
    without tones: OCR drops a tone mark of a scanned table's header ("Nôi dung nhiêm vu")."""
    for col in sorted(heads):
        head = bare_key(heads[col])
        if kind == "unit" and partners_only(head):
            continue
        if any(w in head for w in bare_cues()[kind]):
            return col
    return None


def partners_only(head: str) -> bool:
    """Given a folded header, return whether it names partners, not the body in charge."""
    head = bare_key(head)
    partners = any(w in head for w in bare_cues()["partners"])
    return partners and not any(w in head for w in bare_cues()["in_charge"])


@cache
def bare_cues() -> dict[str, tuple[str, ...]]:
    """Given nothing, return the header words of ``cues`` without tones."""
    return {k: tuple(bare_key(w) for w in v) for k, v in cues().items()}


def plan_rows(grid: TextGrid, columns: Columns, cells: Cells) -> Iterator[PlanRow]:
    """Given a text grid, its columns and the cells, yield a task per row with a task and a
    body; a row whose task cell spans the body's column is a group heading, no task."""
    for row in sorted(r for r in grid if r > columns.header):
        texts = grid[row]
        text, unit = texts.get(columns.task, ""), texts.get(columns.unit, "")
        cell = cells.slots[row][columns.task]
        spans = cell is not None and cell.row == row and cell.colspan > 1
        if text and unit and not spans and text != unit:
            when = texts.get(columns.deadline, "") if columns.deadline is not None else ""
            where = Where(block=cells.block, row=row, page=cells.page)
            yield PlanRow(task=text, unit=unit, deadline=when, where=where)
