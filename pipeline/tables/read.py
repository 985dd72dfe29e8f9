"""Find every table of a document once and classify it once (the recipe: ``pipeline.tables``)."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from parscore.extractors.model import Block, BlockKind, Document
from parscore.extractors.records import replace
from parscore.normalizers.numbers import parse_number
from parscore.pipeline.lines import Line
from parscore.pipeline.model import Where
from parscore.pipeline.statements.columns import is_ordered_text, is_ranking, read_columns
from parscore.pipeline.tables.arealines import area_at
from parscore.pipeline.tables.cells import Cells, block_cells
from parscore.pipeline.tables.gridblock import block_to_grid, body_row, is_body, transposed_grid
from parscore.pipeline.tables.gridlines import grid_at
from parscore.pipeline.tables.model import Grid, Kind, Shape, Table
from parscore.pipeline.tables.plan import cells_to_plan
from parscore.pipeline.tables.rawtable import block_to_raw_table

#: Blocks at most between a ranking table and its headerless rest ("(tiếp theo)", a banner).
CONTINUED_GAP = 3
#: Words at most of a block between a ranking table and its rest.
CONTINUED_GAP_WORDS = 12


def read_tables(document: Document, lines: Sequence[Line]) -> tuple[Table, ...]:
    """Given a document and its lines, return its tables: TABLE blocks, then line tables."""
    return (*block_tables(document.blocks), *line_tables(lines))


def block_tables(blocks: Sequence[Block]) -> Iterator[Table]:
    """Given a document's blocks, yield a table per TABLE block; one without a header that
    goes on numbering the ranking table just before it is that table's rest (a table split
    by a page break or a banner, its header not repeated)."""
    last: tuple[int, Cells, Table] | None = None
    for i, block in enumerate(blocks):
        if block.kind is not BlockKind.TABLE:
            continue
        cells = block_cells(block, i)
        table = block_table(cells)
        if table.kind is Kind.OTHER and table.grid is None and last is not None:
            table = rest_of(last, blocks[last[0] + 1 : i], cells) or table
        last = (i, cells, table) if table.kind is Kind.RANKING else None
        yield ordered(table, blocks[i - 1].text if i else "")


def rest_of(last: tuple[int, Cells, Table], between: Sequence[Block], cells: Cells) -> Table | None:
    """Given the ranking table before (its index, cells and table), the blocks between and a
    headerless TABLE block, return the block as that table's rest when it is as wide, only a
    short caption or two stand between, and its first cell goes on from the last row's."""
    _, before, table = last
    if table.grid is None or before.n_cols != cells.n_cols or len(between) > CONTINUED_GAP:
        return None
    if any(b.kind is BlockKind.TABLE or len(b.text.split()) > CONTINUED_GAP_WORDS for b in between):
        return None
    numbered = [r.cells[0] for r in table.grid.rows if r.cells]
    if not numbered or next_number(numbered[-1]) != parse_whole(cells.texts[0][0]):
        return None
    pairs = list(zip(cells.slots, cells.texts, strict=True))
    if not all(is_body(slots, texts) for slots, texts in pairs):
        return None
    rows = tuple(
        body_row(slots, texts, Where(block=cells.block, row=r, page=cells.page))
        for r, (slots, texts) in enumerate(pairs)
    )
    grid = Grid(header=table.grid.header, rows=rows, caption=table.grid.caption)
    return ranking_table(grid, Shape.BLOCK, cells.block)


def ordered(table: Table, above: str) -> Table:
    """Given a table and the text just above it, return it marked as running from the highest
    when that text says so."""
    if table.grid is None or table.kind is not Kind.RANKING or not is_ordered_text(above):
        return table
    return replace(table, grid=replace(table.grid, ordered=True))


def parse_whole(text: str) -> int | None:
    """Given a cell, return the whole number it holds, or None."""
    number = parse_number(text.strip())
    value = number.value if number is not None else None
    return int(value) if value is not None and value == value.to_integral_value() else None


def next_number(text: str) -> int | None:
    """Given a row's first cell, return the number the next row's should hold, or None."""
    whole = parse_whole(text)
    return None if whole is None else whole + 1


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
            table = ranking_table(flat.grid, Shape.CELL_LINES, lines[i].block, i, flat.end)
            yield ordered(table, lines[i - 1].text if i else "")
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
