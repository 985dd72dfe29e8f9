"""Tasks in a plan's table: a row per task, a column for the body in charge ("Cơ quan chủ
trì") and one for the deadline ("Thời gian hoàn thành"), read from the header's words."""

from __future__ import annotations

import tomllib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache
from importlib import resources

from parscore.extractors.model import Block, BlockKind
from parscore.normalizers.text import fold
from parscore.pipeline.parse.assignments import Draft

Grid = dict[int, dict[int, str]]


@dataclass(frozen=True, slots=True)
class Columns:
    """Where a task table keeps its header row, task text, body in charge and deadline."""

    header: int
    task: int
    unit: int
    deadline: int | None


@cache
def cues() -> dict[str, tuple[str, ...]]:
    """Return the header words of pipeline/data/assignees.toml [table], folded."""
    path = resources.files("parscore.pipeline").joinpath("data/assignees.toml")
    table = tomllib.loads(path.read_text(encoding="utf-8"))["table"]
    return {k: tuple(fold(w) for w in v) for k, v in table.items()}


def table_drafts(blocks: Iterable[Block]) -> list[Draft]:
    """Given a document's blocks, return the tasks of its task tables, in order."""
    return [d for b in blocks if b.kind is BlockKind.TABLE for d in block_drafts(b)]


def block_drafts(block: Block) -> list[Draft]:
    """Given a table block, return a task per row naming a task and its body in charge (a
    body spanning rows is each row's)."""
    grid = to_grid(block)
    columns = find_columns(grid)
    if columns is None:
        return []
    return list(row_drafts(grid, columns, block))


def to_grid(block: Block) -> Grid:
    """Given a table block, return its cells' texts by row and column, a cell spanning rows
    repeated in each."""
    grid: Grid = {}
    for cell in block.cells:
        for row in range(cell.row, cell.row + cell.rowspan):
            grid.setdefault(row, {})[cell.col] = " ".join(cell.text.split())
    return grid


def find_columns(grid: Grid) -> Columns | None:
    """Given a grid, return its task columns from the first rows' headers, else None."""
    for row in sorted(grid)[:3]:
        heads = {col: fold(text) for col, text in grid[row].items()}
        task, unit = header_col(heads, "task"), header_col(heads, "unit")
        if task is not None and unit is not None and task != unit:
            return Columns(row, task, unit, header_col(heads, "deadline"))
    return None


def header_col(heads: dict[int, str], kind: str) -> int | None:
    """Given header texts by column and a kind of column, return the first column of it (for
    the body in charge, not one of partners only: "Cơ quan phối hợp")."""
    for col in sorted(heads):
        head = heads[col]
        if any(w in head for w in cues()[kind]) and not (kind == "unit" and partners_only(head)):
            return col
    return None


def partners_only(head: str) -> bool:
    """Given a folded header, return whether it names partners, not the body in charge."""
    partners = any(w in head for w in cues()["partners"])
    return partners and not any(w in head for w in cues()["in_charge"])


def row_drafts(grid: Grid, columns: Columns, block: Block) -> Iterator[Draft]:
    """Given a grid, its columns and the block, yield a task per row with a task and a body;
    a row whose task cell spans the body's column is a group heading, no task."""
    for row in sorted(r for r in grid if r > columns.header):
        cells = grid[row]
        text, unit = cells.get(columns.task, ""), cells.get(columns.unit, "")
        spans = any(c.row == row and c.col == columns.task and c.colspan > 1 for c in block.cells)
        if text and unit and not spans and text != unit:
            yield Draft(None, unit, with_deadline(text, cells, columns))


def with_deadline(text: str, cells: dict[int, str], columns: Columns) -> str:
    """Given a task's text, its row and the columns, return the text with its deadline cell
    ("Thời hạn: 30/6/2025") so the task's deadline is read from it."""
    when = cells.get(columns.deadline, "") if columns.deadline is not None else ""
    return f"{text} (Thời hạn: {when})" if when else text
