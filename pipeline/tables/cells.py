"""A TABLE block read once: its slots and their texts, shared by every table reader."""

from __future__ import annotations

from dataclasses import dataclass

from parscore.extractors.model import Block, BlockKind, Cell
from parscore.extractors.records import replace


@dataclass(frozen=True, slots=True, kw_only=True)
class Cells:
    """A TABLE block's grid: each slot holds the cell covering it (a spanned cell in every
    slot it spans), its text there, and its text at the cell's origin only."""

    block: int  # the block's index in the document
    page: int | None
    slots: tuple[tuple[Cell | None, ...], ...]
    texts: tuple[tuple[str, ...], ...]  # spanned: a cell's text in every slot it covers
    origins: tuple[tuple[str, ...], ...]  # a cell's text at its origin slot only
    n_cols: int


def block_cells(block: Block, index: int) -> Cells:
    """Given a TABLE block and its index, return its cells, read once."""
    slots = tuple(tuple(row) for row in block.grid())
    return Cells(
        block=index,
        page=block.prov.page,
        slots=slots,
        texts=tuple(tuple(c.text if c else "" for c in row) for row in slots),
        origins=tuple(tuple(row) for row in block.rows()),
        n_cols=block.n_cols,
    )


def transposed(cells: Cells, corner: str) -> Cells:
    """Given a TABLE block's cells and a text for the corner, return them with rows as
    columns (a table with its units across the first row read as one with them down)."""
    found = dict.fromkeys(c for row in cells.slots for c in row if c is not None)
    flipped = [
        Cell(row=c.col, col=c.row, text=c.text, rowspan=c.colspan, colspan=c.rowspan)
        for c in found
        if (c.row, c.col) != (0, 0)
    ]
    block = Block(kind=BlockKind.TABLE, cells=(Cell(row=0, col=0, text=corner), *flipped))
    return replace(block_cells(block, cells.block), page=cells.page)
