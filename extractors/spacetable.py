"""Tables typed with runs of spaces (a fixed-width table saved as text) to TABLE blocks.

Consecutive lines whose parts are set apart by two spaces or more are a table when at least
``MIN_ROWS`` of them (its body) have a figure and ``MIN_COLUMNS`` parts or more, most of
them the same number of parts. The parts of those rows give the columns, by where they stand
on the line; every line of the table puts its parts in the column they stand over, so a row
missing a cell keeps the others in place. The lines above the body are its header: a header
part wider than a column and standing over several ("Chỉ số thành phần" over "Thẩm định",
"Điều tra") spans them, as a merged header cell does in a saved page, and a header wrapped
over two lines ("Xếp" over "hạng") is one text per column. A menu typed with spaces is one
line, and a Decree 30 header typed with spaces has two parts a line: neither is a table.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from parscore.extractors.model import Block, BlockKind, Cell
from parscore.normalizers.text import clean

#: A table needs at least this many body rows (with a figure), of at least this many parts.
MIN_ROWS, MIN_COLUMNS = 3, 3
#: The share of the body rows that must have its most common number of parts (the columns).
MIN_SHARE = 2 / 3
#: Header lines read above the body at most.
MAX_HEADER_LINES = 3
#: A header part spans the columns it covers this share of, at least.
SPAN_SHARE = 0.5
#: A line of one part inside a table is at most this long (a group heading, a name going on).
MAX_GROUP_LINE = 80
#: A part: words set apart by single spaces (two spaces or more end it).
_PART = re.compile(r"\S+(?: \S+)*")
_FIGURE = re.compile(r"^[+\-−]?\d[\d.,]*%?$")


@dataclass(frozen=True, slots=True)
class Part:
    """One part of a line: where it starts and ends, and its text."""

    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class Row:
    """A body row: each column's words, or a group heading's text."""

    words: list[list[str]] | None = None
    heading: str = ""


def line_parts(line: str) -> list[Part]:
    """Given a line without tabs, return its parts (none for a line holding a tab)."""
    if "\t" in line:
        return []
    return [Part(m.start(), m.end(), m.group()) for m in _PART.finditer(line.rstrip())]


def space_tables(lines: Sequence[str]) -> Iterator[tuple[int, int, Block]]:
    """Given raw lines, yield (first line, line after the last, TABLE block) of each table
    typed with runs of spaces, in order (a line of one part between two of its lines is
    kept in it: a group heading, or a name going on under its cell)."""
    parts = [line_parts(line) for line in lines]
    at = 0
    while at < len(lines):
        end = at
        while end < len(lines) and (len(parts[end]) >= 2 or inside(parts, at, end)):
            end += 1
        found = table_of(parts[at:end]) if end - at >= MIN_ROWS else None
        if found is not None:
            first, block = found
            yield at + first, end, block
        at = max(end, at + 1)


def inside(parts: Sequence[list[Part]], at: int, end: int) -> bool:
    """Given the lines' parts, a run's start and a line of it, return whether that line is
    one short part between two lines of parts."""
    if end == at or len(parts[end]) != 1 or end + 1 >= len(parts):
        return False
    return len(parts[end][0].text) <= MAX_GROUP_LINE and len(parts[end + 1]) >= 2


def table_of(run: Sequence[list[Part]]) -> tuple[int, Block] | None:
    """Given a run of lines with parts, return (its first line, the TABLE block), or None
    when its body is not table enough."""
    figures = [i for i, p in enumerate(run) if len(p) >= MIN_COLUMNS and has_figure(p)]
    widths = Counter(len(run[i]) for i in figures)
    width, count = widths.most_common(1)[0] if widths else (0, 0)
    if len(figures) < MIN_ROWS or count < MIN_SHARE * len(figures):
        return None
    full = [run[i] for i in figures if len(run[i]) == width]  # the rows giving the columns
    spans = [(min(p[k].start for p in full), max(p[k].end for p in full)) for k in range(width)]
    start = figures[0] - 1 if figures[0] > 1 and len(run[figures[0] - 1]) == 1 else figures[0]
    first = max(0, start - MAX_HEADER_LINES)
    header = header_cells(run[first:start], spans)
    top = max((c.row + c.rowspan for c in header), default=0)
    body = [cell for r, row in enumerate(body_rows(run[start:], spans))
            for cell in row_cells(row, top + r, width)]  # fmt: skip
    return first, Block(kind=BlockKind.TABLE, cells=(*header, *body))


def body_rows(lines: Sequence[list[Part]], spans: Sequence[tuple[int, int]]) -> list[Row]:
    """Given the body's lines and the columns' spans, return its rows: each column's words,
    or a group heading's text (a line of one part starting left of the second column); a
    line of one part under a later column goes on in the row above ("Cục Đo đạc, Bản đồ
    và" / "Thông tin địa lý Việt Nam")."""
    rows: list[Row] = []
    for parts in lines:
        columns = [column_of(part, spans) for part in parts]
        above = rows[-1].words if rows else None
        going_on = len(parts) == 1 and parts[0].start >= spans[1][0]  # under a later column
        if going_on and above is not None:
            above[columns[0]].append(parts[0].text)
        elif len(parts) == 1:
            rows.append(Row(heading=parts[0].text))
        else:
            rows.append(Row(words=[[p.text for p, k in zip(parts, columns, strict=True) if k == c]
                                   for c in range(len(spans))]))  # fmt: skip
    return rows


def row_cells(row: Row, r: int, width: int) -> list[Cell]:
    """Given a body row, its index and the table's width, return its cells (a heading spans
    the table)."""
    if row.words is None:
        return [Cell(row=r, col=0, text=clean(row.heading), colspan=width)]
    return [Cell(row=r, col=k, text=clean(" ".join(words))) for k, words in enumerate(row.words)]


def has_figure(parts: Sequence[Part]) -> bool:
    """Given a line's parts, return whether one past the first is a figure."""
    return any(_FIGURE.match(p.text) for p in parts[1:])


def overlap(part: Part, span: tuple[int, int]) -> int:
    """Given a part and a column's span, return how many characters they share."""
    return max(0, min(part.end, span[1]) - max(part.start, span[0]))


def column_of(part: Part, spans: Sequence[tuple[int, int]]) -> int:
    """Given a part and the columns' spans, return the column it stands over most (else the
    nearest)."""
    shared = [overlap(part, s) for s in spans]
    if max(shared) > 0:
        return shared.index(max(shared))
    middle = (part.start + part.end) / 2
    return min(range(len(spans)), key=lambda k: abs((spans[k][0] + spans[k][1]) / 2 - middle))


def spanned(part: Part, spans: Sequence[tuple[int, int]]) -> list[int]:
    """Given a header part and the columns' spans, return the columns it covers enough of."""
    return [k for k, s in enumerate(spans) if overlap(part, s) >= SPAN_SHARE * (s[1] - s[0])]


def header_cells(lines: Sequence[list[Part]], spans: Sequence[tuple[int, int]]) -> list[Cell]:
    """Given the header lines' parts and the columns' spans, return the header's cells: one
    row of texts joined column by column, under a row of the parts spanning columns."""
    texts: list[list[str]] = [[] for _ in spans]
    over: list[tuple[int, int, str]] = []  # (first column, columns, text) of spanning parts
    for part in (p for line in lines for p in line):
        covered = spanned(part, spans)
        if len(covered) > 1:
            over.append((covered[0], covered[-1] - covered[0] + 1, part.text))
        else:
            texts[column_of(part, spans)].append(part.text)
    if not any(texts) and not over:
        return []
    under = {k for first, n, _ in over for k in range(first, first + n)}
    cells = [Cell(row=0, col=first, text=clean(t), colspan=n) for first, n, t in over]
    for k, words in enumerate(texts):
        text = clean(" ".join(words))
        if k in under or not over:
            cells.append(Cell(row=1 if over else 0, col=k, text=text))
        else:
            cells.append(Cell(row=0, col=k, text=text, rowspan=2))
    return sorted(cells, key=lambda c: (c.row, c.col))
