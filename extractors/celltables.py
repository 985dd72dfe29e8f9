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

import re
from collections.abc import Sequence

from parscore.extractors.header import Rows, layout_lines, names_body
from parscore.extractors.model import Block, BlockKind, Cell, Provenance, Region
from parscore.normalizers.text import bare_key, clean


def grid_spans(rows: Rows, edges: Sequence[Sequence[int]]) -> Spans | None:
    """Given a table's rows and each row's cells' right edges, return how many grid columns
    each cell spans: the grid is every row's edges together, so a cell merged across two
    columns (Word's gridSpan) reaches over an edge of the rows below. None when a row's
    edges do not match its cells (the cells then stand one a column)."""
    if len(edges) != len(rows) or any(len(e) != len(r) for e, r in zip(edges, rows, strict=True)):
        return None
    grid = sorted({edge for row in edges for edge in row})
    return [
        [sum(1 for g in grid if a < g <= b) or 1 for a, b in zip((-(1 << 30), *e), e, strict=False)]
        for e in edges
    ]


def table_block(rows: Rows, prov: Provenance, spans: Spans | None = None) -> Block | None:
    """Given rows of cells (and how many grid columns each spans, when the reader knows),
    return their TABLE block (None when every cell is blank)."""
    widths = spans or [[1] * len(row) for row in rows]
    cells = tuple(
        Cell(row=r, col=sum(widths[r][:c]), text=clean(" ".join(paras)), colspan=widths[r][c])
        for r, row in enumerate(rows)
        for c, paras in enumerate(row)
    )
    if not any(cell.text for cell in cells):
        return None
    return Block(kind=BlockKind.TABLE, cells=cells, prov=prov)


#: How many grid columns each cell of each row spans.
Spans = Sequence[Sequence[int]]
#: The longest line read as part of the issuer's name (words).
NAME_WORDS = 10
_NUMBER_LINE = re.compile(r"^so\s*[:.]")


def issuer_as_shown(typed: list[str], shown: list[str]) -> list[str]:
    """Given a header's lines as typed and as the page shows them (a TCVN3 capitals font,
    .VnTimeH, draws lowercase bytes as capitals), return the lines as typed except the
    issuer's name above the number line, typed all in lowercase: a short line that names a
    body once shown ("ubnd tØnh …" → "UBND TỈNH …") and the shown lines that carry it on
    ("TỈNH THÁI BÌNH"), so the issuer reads as the name in capitals it is. Lines that do
    not pair up, lines typed with capitals ("Sở Lao động …", as transcripts of such files
    keep them) and any other line ("tên đơn vị:") stay as typed."""
    if len(typed) != len(shown):
        return typed
    out, above, naming = [], True, False
    for line, seen in zip(typed, shown, strict=True):
        above = above and not _NUMBER_LINE.match(bare_key(line))
        naming = (above and seen != line and line.islower() and len(seen.split()) <= NAME_WORDS
                  and (naming or names_body(seen)))
        out.append(seen if naming else line)
    return out


def header_blocks(rows: Rows, prov: Provenance, shown: Rows | None = None) -> list[Block]:
    """Given a table's rows (and the same rows as the page shows them), return its cells'
    lines column by column as HEADER paragraphs when it is the Decree 30 header's layout
    (``layout_lines``; the issuer's lines as shown), else an empty list."""
    lines = layout_lines(rows)
    if lines and shown:
        lines = issuer_as_shown(lines, layout_lines(shown))
    return [
        Block(kind=BlockKind.PARAGRAPH, text=line, region=Region.HEADER, prov=prov)
        for line in lines
    ]


def table_blocks(
    rows: Rows, prov: Provenance, *, started: bool, shown: Rows | None = None,
    spans: Spans | None = None,
) -> list[Block]:
    """Given a finished table's rows and whether body text came before it, return its
    blocks: the header's paragraphs for a leading header layout, else the table (if any).
    ``shown`` is the same rows as the page shows them (a legacy capitals font's lowercase
    bytes in capitals): the issuer's lines are read from them (``issuer_as_shown``)."""
    lead = [] if started else header_blocks(rows, prov, shown)
    if lead:
        return lead
    block = table_block(rows, prov, spans)
    return [block] if block is not None else []
