"""The one table record: every table of a document, whatever its shape, classified once."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

from parscore.pipeline.model import Where
from parscore.pipeline.tables.plan import PlanRow
from parscore.pipeline.tables.rawtable import RawTable


@dataclass(frozen=True, slots=True, kw_only=True)
class Row:
    """A body row: its cells aligned to the columns, or a group heading."""

    cells: tuple[str, ...] = ()
    group: str | None = None
    where: Where = field(default_factory=Where)


@dataclass(frozen=True, slots=True, kw_only=True)
class Grid:
    """A ranking table: the header texts of each column (top to bottom) and its body rows."""

    header: tuple[tuple[str, ...], ...]
    rows: tuple[Row, ...]
    caption: tuple[str, ...] = ()  # text above the header: names the index and year
    ordered: bool = False  # the text just above says its rows run from the highest


class Kind(StrEnum):
    """What a table states: area scores of the notice, statements about units, or neither."""

    AREA = "area"  # "Lĩnh vực | Điểm tối đa | Điểm thẩm định": the notice's own components
    RANKING = "ranking"  # "Tên đơn vị | Điểm | Xếp hạng": one statement per unit row
    PLAN = "plan"  # "Nội dung | Cơ quan chủ trì | Thời gian hoàn thành": one task per row
    OTHER = "other"  # a table of neither kind (a ranking header with no figure column)


class Shape(StrEnum):
    """How a table reached the reader."""

    BLOCK = "block"  # a TABLE block (HTML, Word, PDF, sheets, pipe tables, OCR grids)
    CELL_LINES = "cell lines"  # flattened one cell per line or paragraph, under a unit header
    ROW_LINES = "row lines"  # an area table as lines: a cell per line, or a row per line (OCR)


@dataclass(frozen=True, slots=True, kw_only=True)
class Table:
    """One table: its kind (decided once), its shape, where it is, and the view its reader
    takes: the area rows (``area``), the ranking grid (``grid``) or the plan's tasks (``plan``)."""

    kind: Kind
    shape: Shape
    block: int  # the block it is (a TABLE block) or starts in (lines)
    first: int = -1  # its first line (line shapes); -1 for a TABLE block
    end: int = -1  # the line after its last (line shapes)
    area: RawTable | None = None
    grid: Grid | None = None
    plan: tuple[PlanRow, ...] = ()

    @property
    def lines(self) -> range:
        """Given a table, return the indices of the lines it spans (none for a TABLE block)."""
        return range(self.first, self.end) if self.first >= 0 else range(0)
