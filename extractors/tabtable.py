"""Tables copied as text with tabs between cells (a browser's or an office suite's copy of a
table pasted into a ``.txt``) to TABLE blocks.

A run of at least ``MIN_ROWS`` lines holding tabs, most of them with the same number of cells
(at least ``MIN_COLUMNS``), is one table, a line a row; a line opening with a tab has an
empty first cell (a total row under the numbers column: "\\tTổng cộng\\t100"). Fewer
columns are no table: a Decree 30 header typed with a tab between its two columns ("UBND
TỈNH X\\tCỘNG HÒA …") stays lines. One short line without tabs between two tab rows is a
group heading typed across the table ("I. KHỐI SỞ, NGÀNH"): a row of one cell spanning the
table, as a merged cell is in a saved page.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator, Sequence

from parscore.extractors.header import layout_lines
from parscore.extractors.model import Block, BlockKind, Cell
from parscore.extractors.spacetable import space_tables
from parscore.normalizers.text import clean

#: A table needs at least this many rows, and most rows this many cells.
MIN_ROWS, MIN_COLUMNS = 3, 3
#: The share of a run's rows that must have its most common number of cells.
MIN_SHARE = 2 / 3
#: A line between two tab rows is a group heading when it is at most this long.
MAX_GROUP_LINE = 80


def tab_blocks(lines: Iterable[str]) -> list[Block]:
    """Given raw lines, return one PARAGRAPH per non-blank line, a table typed with tabs
    or with runs of spaces (``extractors.spacetable``) as one TABLE block."""
    lines = list(lines)
    out: list[Block] = []
    at = 0
    for first, end, table in space_tables(lines):
        out += [*tabbed_blocks(lines[at:first]), table]
        at = end
    return out + tabbed_blocks(lines[at:])


def tabbed_blocks(lines: Iterable[str]) -> list[Block]:
    """Given raw lines, return one PARAGRAPH per non-blank line, a run of tab rows that
    forms a table as one TABLE block (a short line between two of its rows, blank lines
    around it aside, a group row; a blank line alone parts two tables)."""
    out: list[Block] = []
    run: list[str] = []
    held: list[str] = []  # a short line after a tab row: a group heading if a row follows
    gap = False  # a blank line since the run's last row
    for line in lines:
        if "\t" in line.strip(" \r\n"):
            if gap and not held:
                out += close_run(run)
                run = []
            run += [*held, line]
            held, gap = [], False
            continue
        text = clean(line)
        if run and not text:
            gap = True
        elif run and not held and len(text) <= MAX_GROUP_LINE:
            held = [text]
        else:
            out += [*close_run(run), *paragraphs(held)] if run else []
            out += paragraphs([text])
            run, held, gap = [], [], False
    return out + close_run(run) + paragraphs(held) if run else out


def paragraphs(lines: Iterable[str]) -> list[Block]:
    """Given raw lines, return one PARAGRAPH block per non-blank cleaned line."""
    cleaned = (clean(line) for line in lines)
    return [Block(kind=BlockKind.PARAGRAPH, text=line) for line in cleaned if line]


def close_run(run: Sequence[str]) -> list[Block]:
    """Given consecutive lines with tabs (and group headings between them), return the lines
    of a Decree 30 header typed with tabs column by column (``header.layout_lines``), one
    TABLE block when they form a table, else their paragraphs."""
    rows = [[clean(cell) for cell in line.strip(" \r\n").split("\t")] for line in run]
    if header_lines := layout_lines([[[cell] for cell in row] for row in rows]):
        return [Block(kind=BlockKind.PARAGRAPH, text=line) for line in header_lines]
    widths = Counter(len(row) for row in rows if len(row) > 1)
    width, most = widths.most_common(1)[0] if widths else (0, 0)
    tabbed = sum(widths.values())
    if tabbed < MIN_ROWS or width < MIN_COLUMNS or most < MIN_SHARE * tabbed:
        return paragraphs(run)
    return [Block(kind=BlockKind.TABLE, cells=tuple(cells(rows, max(widths))))]


def cells(rows: Sequence[list[str]], width: int) -> Iterator[Cell]:
    """Given the rows' cells and the table's width, yield its cells, short rows padded and a
    row of one cell (a group heading) spanning the table."""
    for r, row in enumerate(rows):
        if len(row) == 1:
            yield Cell(row=r, col=0, text=row[0], colspan=width)
            continue
        for c in range(width):
            yield Cell(row=r, col=c, text=row[c] if c < len(row) else "")
