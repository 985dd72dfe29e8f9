"""Pipe tables written as text ("| Đơn vị | Điểm |" lines) to TABLE blocks.

Web pages and plain-text copies often carry a table as Markdown-like lines, one row a line,
cells between "|" bars, with a rule row ("|---|---|") under the header. Two or more such
lines in a row are one table: the rule rows are dropped, every other line is a row of
cells, so the ranking-table and component-table readers see them as any other table.

Copies typed by hand often drop the outer bars ("1 | Cải cách thể chế | 9 | 8,5 |"): there a
bar parts cells and nothing borders the row, so a bar opening a line is an empty first cell.
Such loose rows are a table only when they look like one, since a menu or a footer is also
written with bars ("Trang chủ | Tin tức | Liên hệ"): at least ``MIN_LOOSE_ROWS`` rows in a
row, ``MIN_LOOSE_WIDTH`` cells or more in each, two thirds of them within a cell of the most
common width (a note in a last cell, a row missing its closing bar), and figures in at least
two rows. A line whose cells carry their own labels ("Điện thoại: … | Fax: … | Email: …",
"Ngày đăng: … | Lượt xem: …") is a line of fields, never a row.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence

from parscore.extractors.model import Block, BlockKind, Cell

#: A table needs at least this many rows written as pipe lines.
MIN_ROWS = 2
#: A pipe row has at least this many "|" bars.
MIN_BARS = 2

#: Loose rows (no outer bars) make a table only from this many rows and this many cells.
MIN_LOOSE_ROWS = 3
MIN_LOOSE_WIDTH = 3

_RULE = re.compile(r"^[\s|:\-+=]+$")
_DIGIT = re.compile(r"\d")
#: A cell that names its own field: a few words, then a colon and a value.
_LABELLED = re.compile(r"^[^\W\d][^:\d]{0,24}:\s*\S")


def pipe_cells(text: str) -> list[str] | None:
    """Given a line, return its cells when it is a pipe row ("| a | b |"), else None."""
    if "|" not in text:  # most lines: answered without a stripped copy
        return None
    line = text.strip()
    if not line.startswith("|") or line.count("|") < MIN_BARS:
        return None
    inner = line[1:-1] if line.endswith("|") else line[1:]
    return [cell.strip() for cell in inner.split("|")]


def loose_cells(text: str) -> list[str] | None:
    """Given a line, return its cells when bars part it into ``MIN_LOOSE_WIDTH`` or more
    cells ("1 | Cải cách thể chế | 9 | 8,5"), a bar at either end parting an empty cell."""
    if text.count("|") < MIN_LOOSE_WIDTH - 1:
        return None
    cells = [cell.strip() for cell in text.strip().split("|")]
    labelled = sum(_LABELLED.match(cell) is not None for cell in cells)
    return None if labelled >= 2 else cells


def is_rule(text: str) -> bool:
    """Given a line, return whether it is a pipe table's rule row ("|---|:--|")."""
    return "-" in text and _RULE.match(text.strip()) is not None


def pipe_tables(blocks: Iterable[Block]) -> list[Block]:
    """Given paragraph blocks, return them with each run of pipe rows made one TABLE block."""
    out: list[Block] = []
    run: list[Block] = []
    for block in blocks:
        if block.kind is BlockKind.PARAGRAPH and (
            pipe_cells(block.text) is not None or loose_cells(block.text) is not None
        ):
            run.append(block)
            continue
        if run:  # most blocks close no run
            out += list(close_run(run))
            run = []
        out.append(block)
    out += list(close_run(run))
    return out


def close_run(run: Sequence[Block]) -> Iterator[Block]:
    """Given consecutive pipe-row paragraphs, yield one TABLE block, or them unchanged if few."""
    lines = [b.text for b in run if not is_rule(b.text)]
    bordered = [pipe_cells(line) for line in lines]
    rows = [row for row in bordered if row is not None]
    if len(rows) < len(bordered):  # some row has no outer bars: read them all as loose rows
        rows = loose_rows(lines)
    if len(rows) < MIN_ROWS:
        yield from run
        return
    width = max(len(row) for row in rows)
    cells = tuple(
        Cell(row=r, col=c, text=row[c] if c < len(row) else "")
        for r, row in enumerate(rows)
        for c in range(width)
    )
    yield Block(kind=BlockKind.TABLE, cells=cells)


def loose_rows(lines: Sequence[str]) -> list[list[str]]:
    """Given lines parted by bars, not all bordered by them, return their rows of cells when
    they look like a table (see the module's note), else no rows."""
    rows = [loose_cells(line) or [] for line in lines]
    if all(row and not row[-1] for row in rows):  # every row closed by a bar
        rows = [row[:-1] for row in rows]
    if len(rows) < MIN_LOOSE_ROWS:
        return []
    common = Counter(len(row) for row in rows).most_common(1)[0][0]
    near = sum(abs(len(row) - common) <= 1 for row in rows)
    figures = sum(any(_DIGIT.search(cell) for cell in row) for row in rows)
    if common < MIN_LOOSE_WIDTH or 3 * near < 2 * len(rows):
        return []
    return rows if figures >= 2 else []
