"""Find every table of a document once and classify it once (the recipe: ``pipeline.tables``)."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from parscore.extractors.model import BlockKind, Document
from parscore.pipeline.lines import Line
from parscore.pipeline.statements.columns import is_ranking, read_columns
from parscore.pipeline.tables.arealines import area_at
from parscore.pipeline.tables.cells import Cells, block_cells
from parscore.pipeline.tables.gridblock import block_to_grid, transposed_grid
from parscore.pipeline.tables.gridlines import grid_at
from parscore.pipeline.tables.model import Grid, Kind, Shape, Table
from parscore.pipeline.tables.plan import cells_to_plan
from parscore.pipeline.tables.rawtable import block_to_raw_table


def read_tables(document: Document, lines: Sequence[Line]) -> tuple[Table, ...]:
    """Given a document and its lines, return its tables: TABLE blocks, then line tables."""
    blocks = (
        block_table(block_cells(block, i))
        for i, block in enumerate(document.blocks)
        if block.kind is BlockKind.TABLE
    )
    return (*blocks, *line_tables(lines))


def block_table(cells: Cells) -> Table:
    """Given a TABLE block's cells, return it classified: an area table, else a plan's table
    of tasks, else a ranking table, else other."""
    area = block_to_raw_table(cells)
    if area is not None:
        return Table(kind=Kind.AREA, shape=Shape.BLOCK, block=cells.block, area=area)
    plan = cells_to_plan(cells)
    if plan is not None:
        return Table(kind=Kind.PLAN, shape=Shape.BLOCK, block=cells.block, plan=plan)
    grid = block_to_grid(cells) or transposed_grid(cells)
    if grid is None:
        return Table(kind=Kind.OTHER, shape=Shape.BLOCK, block=cells.block)
    return ranking_table(grid, Shape.BLOCK, cells.block)


def ranking_table(grid: Grid, shape: Shape, block: int, first: int = -1, end: int = -1) -> Table:
    """Given a grid under a ranking header, return it as a RANKING table when its columns hold
    units with figures, else as OTHER."""
    kind = Kind.RANKING if is_ranking(read_columns(grid.header, grid.caption)) else Kind.OTHER
    return Table(kind=kind, shape=shape, block=block, first=first, end=end, grid=grid)


def line_tables(lines: Sequence[Line]) -> Iterator[Table]:
    """Given the document's lines, yield the tables written as lines, each line read once."""
    i = 0
    while i < len(lines):
        flat = grid_at(lines, i)
        if flat is not None:
            yield ranking_table(flat.grid, Shape.CELL_LINES, lines[i].block, i, flat.end)
            i = max(flat.end, i + 1)
            continue
        found = area_at(lines, i)
        if found is None:
            i += 1
            continue
        area, after = found
        if area.rows:
            kind, shape = Kind.AREA, Shape.ROW_LINES
            yield Table(kind=kind, shape=shape, block=area.block, first=i, end=after, area=area)
        i = after
