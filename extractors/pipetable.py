"""Pipe tables written as text ("| Đơn vị | Điểm |" lines) to TABLE blocks.

Web pages and plain-text copies often carry a table as Markdown-like lines, one row a line,
cells between "|" bars, with a rule row ("|---|---|") under the header. Two or more such
lines in a row are one table: the rule rows are dropped, every other line is a row of
cells, so the ranking-table and component-table readers see them as any other table.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence

from parscore.extractors.model import Block, BlockKind, Cell

#: A table needs at least this many rows written as pipe lines.
MIN_ROWS = 2
#: A pipe row has at least this many "|" bars.
MIN_BARS = 2

_RULE = re.compile(r"^[\s|:\-+=]+$")


def pipe_cells(text: str) -> list[str] | None:
    """Given a line, return its cells when it is a pipe row ("| a | b |"), else None."""
    if "|" not in text:  # most lines: answered without a stripped copy
        return None
    line = text.strip()
    if not line.startswith("|") or line.count("|") < MIN_BARS:
        return None
    inner = line[1:-1] if line.endswith("|") else line[1:]
    return [cell.strip() for cell in inner.split("|")]


def is_rule(text: str) -> bool:
    """Given a line, return whether it is a pipe table's rule row ("|---|:--|")."""
    return "-" in text and _RULE.match(text.strip()) is not None


def pipe_tables(blocks: Iterable[Block]) -> list[Block]:
    """Given paragraph blocks, return them with each run of pipe rows made one TABLE block."""
    out: list[Block] = []
    run: list[Block] = []
    for block in blocks:
        if block.kind is BlockKind.PARAGRAPH and pipe_cells(block.text) is not None:
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
    rows = [pipe_cells(b.text) or [] for b in run if not is_rule(b.text)]
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
