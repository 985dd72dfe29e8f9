"""A score table in one shape, whichever way it reached the parser.

Real tables (TABLE blocks), tables flattened one cell per line, and OCR lines such as
``Cải cách thể chế 14 10`` all become a ``RawTable``: value roles plus labelled rows.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from parscore.normalizers.numbers import parse_number
from parscore.pipeline.model import Where
from parscore.pipeline.roles import Role, header_role, settle_either, settle_years
from parscore.pipeline.tables.cells import Cells

#: Roles a table must have at least one of to count as a score table.
SCORE_ROLES = frozenset({Role.MAX, Role.SELF, Role.APPRAISED, Role.PERCENT})


@dataclass(frozen=True, slots=True, kw_only=True)
class RawRow:
    label: str
    values: tuple[str, ...]  # aligned with RawTable.roles
    order: str | None = None
    where: Where = field(default_factory=Where, compare=False)


@dataclass(frozen=True, slots=True, kw_only=True)
class RawTable:
    roles: tuple[Role, ...]
    rows: tuple[RawRow, ...]
    block: int = 0

    def value(self, row: RawRow, role: Role) -> str | None:
        """Given a row and a role, return the row's text in that role's column, if any."""
        for r, text in zip(self.roles, row.values, strict=False):
            if r is role and text.strip():
                return text
        return None


def block_to_raw_table(cells: Cells) -> RawTable | None:
    """Given a TABLE block's cells, return it as a RawTable, or None when it is no area table."""
    grid = [list(row) for row in cells.texts]
    n_header = count_header_rows(grid)
    if not n_header:
        return None
    roles = column_roles(grid[:n_header])
    if Role.LABEL not in roles or Role.UNIT in roles or not SCORE_ROLES & set(roles):
        return None
    rows = tuple(
        grid_row_to_raw(list(row), roles, Where(block=cells.block, row=i, page=cells.page))
        for i, row in enumerate(cells.origins[n_header:], start=n_header)
    )
    value_roles = tuple(r for r in roles if r not in (Role.LABEL, Role.ORDER))
    return RawTable(roles=value_roles, rows=tuple(r for r in rows if r.label), block=cells.block)


def count_header_rows(grid: list[list[str]]) -> int:
    """Given a table grid, return how many leading rows are header rows (0 if none)."""
    for i, row in enumerate(grid[:4]):
        numeric = [c for c in row[1:] if c.strip() and parse_number(c) is not None]
        if numeric:
            return i if i and any(header_role(c) for row in grid[:i] for c in row) else 0
    return 0


def column_roles(header: list[list[str]]) -> tuple[Role, ...]:
    """Given the header rows of a grid, return one role per column (deepest header wins)."""
    roles: list[Role] = []
    deepest: list[str] = []
    whole: list[str] = []
    for col in range(len(header[0])):
        texts = [row[col] for row in reversed(header) if row[col].strip()]
        found = [r for r in (header_role(t) for t in texts) if r is not None]
        roles.append(found[0] if found else Role.OTHER)
        deepest.append(texts[0] if texts else "")
        whole.append(" ".join(texts[::-1]))
    if not {Role.LABEL, Role.UNIT} & set(roles) and roles and roles[0] is Role.OTHER:
        roles[0] = Role.LABEL
    return settle_years(settle_either(roles, deepest), whole)


def grid_row_to_raw(cells: list[str], roles: tuple[Role, ...], where: Where) -> RawRow:
    """Given one data row and the column roles, return a RawRow."""
    label = next((c for c, r in zip(cells, roles, strict=False) if r is Role.LABEL), "")
    order = next((c for c, r in zip(cells, roles, strict=False) if r is Role.ORDER), None)
    values = tuple(
        c for c, r in zip(cells, roles, strict=False) if r not in (Role.LABEL, Role.ORDER)
    )
    if not label.strip() and order and order.strip():
        label, order = order, None
    return RawRow(label=label.strip(), values=values, order=order, where=where)
