"""The one table stage: every shape becomes one Table, classified once (pipeline.tables)."""

from __future__ import annotations

from parscore.extractors.model import Block, BlockKind, Cell, Document, SourceInfo
from parscore.pipeline.lines import document_to_lines
from parscore.pipeline.tables.model import Kind, Shape, Table
from parscore.pipeline.tables.read import read_tables


def table_block(*rows: tuple[str, ...]) -> Block:
    """Given rows of cell texts, return a TABLE block of them."""
    cells = tuple(
        Cell(row=r, col=c, text=text) for r, row in enumerate(rows) for c, text in enumerate(row)
    )
    return Block(kind=BlockKind.TABLE, cells=cells)


def paragraphs(*texts: str) -> tuple[Block, ...]:
    """Given texts, return one paragraph block each."""
    return tuple(Block(kind=BlockKind.PARAGRAPH, text=t) for t in texts)


def tables_of(*blocks: Block) -> tuple[Table, ...]:
    """Given blocks, return the tables the stage finds in their document."""
    doc = Document(source=SourceInfo(path="t", format="txt", sha256="0"), blocks=blocks)
    return read_tables(doc, document_to_lines(doc))


def test_an_area_block_is_an_area_table_only() -> None:
    found = tables_of(
        table_block(
            ("STT", "Nội dung", "Thang điểm", "Điểm thẩm định"),
            ("1", "Cải cách tổ chức bộ máy", "9", "8,25"),
            ("2", "Hiện đại hóa nền hành chính", "10", "7"),
        )
    )
    assert [(t.kind, t.shape) for t in found] == [(Kind.AREA, Shape.BLOCK)]
    assert found[0].area is not None and found[0].grid is None
    assert [r.label for r in found[0].area.rows] == [
        "Cải cách tổ chức bộ máy",
        "Hiện đại hóa nền hành chính",
    ]


def test_a_ranking_block_is_a_ranking_table_only() -> None:
    found = tables_of(
        table_block(
            ("TT", "Tên đơn vị", "Tổng điểm", "Xếp hạng"),
            ("1", "UBND huyện Bắc Sơn", "88,4", "1"),
            ("2", "UBND huyện Nam Sơn", "81,2", "2"),
        )
    )
    assert [(t.kind, t.shape) for t in found] == [(Kind.RANKING, Shape.BLOCK)]
    assert found[0].grid is not None and found[0].area is None
    assert [r.cells[1] for r in found[0].grid.rows] == ["UBND huyện Bắc Sơn", "UBND huyện Nam Sơn"]


def test_a_table_of_neither_kind_is_other() -> None:
    found = tables_of(table_block(("Họ và tên", "Chức vụ"), ("Trần Văn Bình", "Giám đốc")))
    assert [t.kind for t in found] == [Kind.OTHER]


def test_a_ranking_flattened_one_cell_per_line_spans_its_lines() -> None:
    found = tables_of(
        *paragraphs(
            "Các phường được chấm điểm như sau:",
            "STT",
            "Tên đơn vị",
            "Điểm",
            "Xếp hạng",
            "1",
            "Phường Đông Hòa",
            "90,5",
            "1",
            "2",
            "Phường Tây Hòa",
            "86",
            "2",
            "Đề nghị các phường tiếp tục duy trì kết quả đạt được trong năm tới.",
        )
    )
    assert [(t.kind, t.shape) for t in found] == [(Kind.RANKING, Shape.CELL_LINES)]
    assert list(found[0].lines) == list(range(1, 13))


def test_an_area_table_as_ocr_rows_is_one_area_table() -> None:
    found = tables_of(
        *paragraphs(
            "Kết quả chấm điểm của Sở Công Thương:",
            "Cải cách thể chế 14 12,5",
            "Cải cách thủ tục hành chính 13 11",
            "Cải cách tài chính công 8 7,25",
        )
    )
    assert [(t.kind, t.shape) for t in found] == [(Kind.AREA, Shape.ROW_LINES)]
    assert found[0].area is not None and len(found[0].area.rows) == 3
    assert found[0].first == 1
