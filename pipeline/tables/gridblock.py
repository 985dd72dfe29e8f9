"""TABLE blocks to ranking grids: header rows found, spans spread, group rows told apart.

The header starts at the first row where two cells name roles and one of them is the unit or
the order column (rows above are a caption, read for the index and the year); it ends
before the first row holding a figure or a group heading. Spanned cells count in every
column they cover, so a "Tổng điểm" spanning two header rows stays the total column and the
area columns under "Điểm các lĩnh vực" are areas.
"""

from __future__ import annotations

from collections.abc import Sequence

from parscore.extractors.model import Cell
from parscore.normalizers.numbers import parse_number
from parscore.pipeline.model import Where
from parscore.pipeline.statements.columns import Col, cell_role, is_bare_year
from parscore.pipeline.statements.cues import data
from parscore.pipeline.statements.ranking import group_label, is_group_text, is_heading_number
from parscore.pipeline.tables.cells import Cells, transposed
from parscore.pipeline.tables.model import Grid, Row

#: Rows searched for the header's first row.
HEADER_SEARCH_ROWS = 6
#: Header rows at most.
MAX_HEADER_ROWS = 4
#: Roles whose names, down a table's first column, make its columns units (a transposed table).
FIGURE_ROLES = frozenset({Col.SCORE, Col.PERCENT, Col.SELF, Col.RANK, Col.GRADE})


def block_to_grid(cells: Cells) -> Grid | None:
    """Given a TABLE block's cells, return its grid, or None when it has no ranking header."""
    slots, texts = cells.slots, cells.texts
    start = header_start(texts)
    if start is None:
        return None
    end = header_end(slots, texts, start)
    header = tuple(
        tuple(t for t in dict.fromkeys(row[col] for row in texts[start:end]) if t.strip())
        for col in range(cells.n_cols)
    )
    caption = tuple(t for t in dict.fromkeys(t for row in texts[:start] for t in row) if t.strip())
    where = [Where(block=cells.block, row=r, page=cells.page) for r in range(len(texts))]
    rows = tuple(body_row(slots[r], texts[r], where[r]) for r in range(end, len(texts)))
    return Grid(header=header, rows=rows, caption=caption)


def transposed_grid(cells: Cells) -> Grid | None:
    """Given a TABLE block's cells without a ranking header, return the grid of its transpose
    when its units stand across the first row and the names of their figures down the first
    column ("Nội dung | Cục Thuế tỉnh | Kho bạc …" over "Điểm thẩm định", "Xếp hạng"), else None."""
    names = [row[0] for row in cells.texts[1:] if row and row[0].strip()]
    units = [t for t in cells.texts[0][1:] if t.strip()] if cells.texts else []
    if sum(cell_role(t) in FIGURE_ROLES for t in names) < 2 or len(units) < 2:
        return None
    if any(parse_number(t) is not None or cell_role(t) is not None for t in units):
        return None
    return block_to_grid(transposed(cells, data()["columns"]["unit"][0]))


def header_start(texts: Sequence[Sequence[str]]) -> int | None:
    """Given the grid's texts, return the first header row (unit or order beside another role)."""
    for r, row in enumerate(texts[:HEADER_SEARCH_ROWS]):
        roles = [cell_role(t) for t in dict.fromkeys(row) if t.strip()]
        named = [role for role in roles if role is not None]
        if len(named) >= 2 and {Col.UNIT, Col.ORDER} & set(named):
            return r
    return None


def header_end(
    slots: Sequence[Sequence[Cell | None]], texts: Sequence[Sequence[str]], start: int
) -> int:
    """Given the grid and the header's first row, return the first body row."""
    r = start + 1
    while r < min(len(texts), start + MAX_HEADER_ROWS) and not is_body(slots[r], texts[r]):
        r += 1
    return r


def is_body(slots: Sequence[Cell | None], texts: Sequence[str]) -> bool:
    """Given a row, return whether it is a body row: a figure, or a group heading. A row
    whose figures are years alone is a header row dating the columns above ("Chỉ số" over
    "2022 | 2023")."""
    figures = [t for t in texts[1:] if t.strip() and parse_number(t) is not None]
    if figures and all(is_bare_year(t) for t in figures):
        return False
    return bool(figures) or group_text(slots) is not None


def group_text(slots: Sequence[Cell | None]) -> str | None:
    """Given a row's slots, return its group heading, if one (one cell or a group word); a
    numbering in a cell of its own before it ("II" | "CÁC ĐƠN VỊ SỰ NGHIỆP") is the heading's."""
    cells = [c for c in dict.fromkeys(c for c in slots if c is not None) if c.text.strip()]
    if not cells or any(parse_number(c.text) is not None for c in cells if c.col > 0):
        return None
    if len(cells) == 2 and cells[0].col == 0 and is_heading_number(cells[0].text):
        cells = cells[1:]
    texts = [c.text for c in cells]
    if len(cells) == 1 and (cells[0].colspan > 1 or is_group_text(texts[0])):
        return group_label(texts[0])
    heading = next((t for t in texts if is_group_text(t)), None)
    return group_label(heading) if heading else None


def body_row(slots: Sequence[Cell | None], texts: Sequence[str], where: Where) -> Row:
    """Given a body row, return it as a Row (a group heading, or cells aligned to the columns)."""
    group = group_text(slots)
    if group is not None:
        return Row(group=group, where=where)
    return Row(cells=tuple(texts), where=where)
