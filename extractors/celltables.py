"""Tables of word-processor files read as a stream of paragraphs (DOC, RTF, ODT).

Each such reader gathers a table as rows of cells, each cell the list of its paragraphs.
A table is a TABLE block of cells whose text is its paragraphs joined, except the Decree 30
header's layout: a small table (issuer | motto, number | date, V/v) before any paragraph of
body text that holds one of the header's marks. Its cells' paragraphs come out column by
column as HEADER paragraphs, as a DOCX's borderless layout table does, so the issuer, the
number and the place-and-date line are read as the header they are. A form laid out as one
large table stays a table.
"""

from __future__ import annotations

from parscore.extractors.header import Rows, layout_lines
from parscore.extractors.model import Block, BlockKind, Cell, Provenance, Region
from parscore.normalizers.text import clean


def table_block(rows: Rows, prov: Provenance) -> Block | None:
    """Given rows of cells, return their TABLE block (None when every cell is blank)."""
    cells = tuple(
        Cell(row=r, col=c, text=clean(" ".join(paras)))
        for r, row in enumerate(rows)
        for c, paras in enumerate(row)
    )
    if not any(cell.text for cell in cells):
        return None
    return Block(kind=BlockKind.TABLE, cells=cells, prov=prov)


def header_blocks(rows: Rows, prov: Provenance) -> list[Block]:
    """Given a table's rows, return its cells' lines column by column as HEADER paragraphs
    when it is the Decree 30 header's layout (``layout_lines``), else an empty list."""
    return [
        Block(kind=BlockKind.PARAGRAPH, text=line, region=Region.HEADER, prov=prov)
        for line in layout_lines(rows)
    ]


def table_blocks(rows: Rows, prov: Provenance, *, started: bool) -> list[Block]:
    """Given a finished table's rows and whether body text came before it, return its
    blocks: the header's paragraphs for a leading header layout, else the table (if any)."""
    lead = [] if started else header_blocks(rows, prov)
    if lead:
        return lead
    block = table_block(rows, prov)
    return [block] if block is not None else []
