"""Tables copied as text with tabs between cells (a browser's or an office suite's copy of a
table pasted into a ``.txt``) to TABLE blocks.

A run of at least ``MIN_ROWS`` lines holding tabs, most of them with the same number of cells
(at least ``MIN_COLUMNS``), is one table, a line a row; a line opening with a tab has an
empty first cell (a total row under the numbers column: "\\tTổng cộng\\t100"). Fewer
columns are no table: a Decree 30 header typed with a tab between its two columns ("UBND
TỈNH X\\tCỘNG HÒA …") stays lines.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator, Sequence

from parscore.extractors.header import layout_lines
from parscore.extractors.model import Block, BlockKind, Cell
from parscore.normalizers.text import clean

#: A table needs at least this many rows, and most rows this many cells.
MIN_ROWS, MIN_COLUMNS = 3, 3
#: The share of a run's rows that must have its most common number of cells.
MIN_SHARE = 2 / 3


def tab_blocks(lines: Iterable[str]) -> list[Block]:
    """Given raw lines, return one PARAGRAPH per non-blank line, a run of tab rows that
    forms a table as one TABLE block."""
    out: list[Block] = []
    run: list[str] = []
    for line in lines:
        if "\t" in line.strip(" \r\n"):
            run.append(line)
            continue
        if run:  # most lines close no run
            out += close_run(run)
            run = []
        if text := clean(line):
            out.append(Block(kind=BlockKind.PARAGRAPH, text=text))
    return out + close_run(run) if run else out


def paragraphs(lines: Iterable[str]) -> list[Block]:
    """Given raw lines, return one PARAGRAPH block per non-blank cleaned line."""
    cleaned = (clean(line) for line in lines)
    return [Block(kind=BlockKind.PARAGRAPH, text=line) for line in cleaned if line]


def close_run(run: Sequence[str]) -> list[Block]:
    """Given consecutive lines with tabs, return the lines of a Decree 30 header typed with
    tabs column by column (``header.layout_lines``), one TABLE block when they form a
    table, else their paragraphs."""
    rows = [[clean(cell) for cell in line.strip(" \r\n").split("\t")] for line in run]
    if header_lines := layout_lines([[[cell] for cell in row] for row in rows]):
        return [Block(kind=BlockKind.PARAGRAPH, text=line) for line in header_lines]
    widths = Counter(len(row) for row in rows)
    width, most = widths.most_common(1)[0] if rows else (0, 0)
    if len(rows) < MIN_ROWS or width < MIN_COLUMNS or most < MIN_SHARE * len(rows):
        return paragraphs(run)
    return [Block(kind=BlockKind.TABLE, cells=tuple(cells(rows, max(widths))))]


def cells(rows: Sequence[list[str]], width: int) -> Iterator[Cell]:
    """Given the rows' cells and the table's width, yield its cells, short rows padded."""
    for r, row in enumerate(rows):
        for c in range(width):
            yield Cell(row=r, col=c, text=row[c] if c < len(row) else "")
