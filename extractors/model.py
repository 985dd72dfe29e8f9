"""The intermediate form every extractor produces and the parser reads.

A ``Document`` is source information plus an ordered tuple of ``Block``s in
reading order. Provenance is kept with ``compare=False`` so that the same notice
read from HTML and from PDF gives equal blocks.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

from parscore.normalizers.fastinit import fast_init

#: Columns a table cell may span at most: caps a hostile span (a DOCX "gridSpan" of 99999999
#: hung parsing); real notice tables have a handful of columns.
MAX_COLSPAN = 256

BBox = tuple[float, float, float, float]


class BlockKind(StrEnum):
    HEADING = "heading"
    PARAGRAPH = "paragraph"
    LIST_ITEM = "list_item"
    TABLE = "table"


class Region(StrEnum):
    """Where on the page a block sits; the parser reads metadata from HEADER/SIGNATURE."""

    BODY = "body"
    HEADER = "header"  # Decree 30 header block (issuer, Số:, motto, place-date)
    PAGE_HEADER = "page_header"  # running header of a word processor
    PAGE_FOOTER = "page_footer"


@fast_init
@dataclass(frozen=True, slots=True, kw_only=True)
class Provenance:
    """Where a block or cell came from."""

    path: str = ""
    page: int | None = None
    block: int | None = None
    row: int | None = None
    col: int | None = None
    bbox: BBox | None = None


@fast_init
@dataclass(frozen=True, slots=True, kw_only=True)
class Cell:
    """One table cell, stored once, at its top-left grid position with its spans."""

    row: int
    col: int
    text: str
    rowspan: int = 1
    colspan: int = 1
    bbox: BBox | None = field(default=None, compare=False)


@fast_init
@dataclass(frozen=True, slots=True, kw_only=True)
class Block:
    """A heading, paragraph, list item or table, with provenance."""

    kind: BlockKind
    text: str = ""
    cells: tuple[Cell, ...] = ()
    level: int | None = None
    marker: str | None = field(default=None, compare=False)
    region: Region = Region.BODY
    fonts: tuple[str, ...] = field(default=(), compare=False)
    prov: Provenance = field(default_factory=Provenance, compare=False)

    @property
    def n_rows(self) -> int:
        """Given a table block, return its number of grid rows."""
        return max((c.row + c.rowspan for c in self.cells), default=0)

    @property
    def n_cols(self) -> int:
        """Given a table block, return its number of grid columns."""
        return max((c.col + c.colspan for c in self.cells), default=0)

    def grid(self) -> list[list[Cell | None]]:
        """Given a table block, return rows of cells; a spanned slot holds its origin cell."""
        width = self.n_cols  # a scan of every cell: once, not once per row
        grid: list[list[Cell | None]] = [[None] * width for _ in range(self.n_rows)]
        for cell in self.cells:
            for r in range(cell.row, cell.row + cell.rowspan):
                for c in range(cell.col, cell.col + cell.colspan):
                    grid[r][c] = cell
        return grid

    def rows(self) -> list[list[str]]:
        """Given a table block, return its text as rows; each cell appears at its origin only."""
        width = self.n_cols
        out = [[""] * width for _ in range(self.n_rows)]
        for cell in self.cells:
            out[cell.row][cell.col] = cell.text
        return out


@dataclass(frozen=True, slots=True, kw_only=True)
class SourceInfo:
    """The file a document came from."""

    path: str
    format: str
    sha256: str
    size: int = 0
    pages: int | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class Document:
    """Source information plus blocks in reading order."""

    source: SourceInfo = field(compare=False)
    blocks: tuple[Block, ...]
    warnings: tuple[str, ...] = field(default=(), compare=False)

    def text(self) -> str:
        """Given a document, return its non-table text, one block a line."""
        return "\n".join(b.text for b in self.blocks if b.kind is not BlockKind.TABLE)
