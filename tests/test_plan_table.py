"""A plan's table of tasks is the third kind of table, classified once by the table stage
(``pipeline.tables``) beside area and ranking tables. Every table here is composed."""

from __future__ import annotations

from parscore.extractors.model import Block, BlockKind, Cell, Document, SourceInfo
from parscore.pipeline.lines import document_to_lines
from parscore.pipeline.tables.model import Kind, Table
from parscore.pipeline.tables.read import read_tables


def tables_of(*rows: list[str]) -> tuple[Table, ...]:
    """Given a table's rows of texts, return the tables the stage finds in a document of it."""
    cells = tuple(
        Cell(row=r, col=c, text=t) for r, row in enumerate(rows) for c, t in enumerate(row)
    )
    block = Block(kind=BlockKind.TABLE, cells=cells)
    doc = Document(source=SourceInfo(path="t", format="txt", sha256="2" * 64), blocks=(block,))
    return read_tables(doc, document_to_lines(doc))


def test_a_table_of_tasks_and_bodies_in_charge_is_a_plan() -> None:
    (table,) = tables_of(
        ["TT", "Công việc cần làm", "Tiến độ", "Đơn vị phối hợp", "Đơn vị chủ trì"],
        ["1", "Cập nhật danh mục thủ tục hành chính", "Quý III/2025", "Các xã", "Sở Tư pháp"],
        ["2", "Sở Nội vụ", "", "", "Sở Nội vụ"],
    )
    assert table.kind is Kind.PLAN
    assert [(r.task[:9], r.unit, r.deadline) for r in table.plan] == [
        ("Cập nhật ", "Sở Tư pháp", "Quý III/2025"),
    ]  # a row whose task is its body names no task
    assert table.plan[0].where.row == 1


def test_a_ranking_or_a_partners_only_table_is_no_plan() -> None:
    (ranking,) = tables_of(["STT", "Tên đơn vị", "Điểm", "Xếp hạng"], ["1", "Sở Y tế", "91,2", "1"])
    assert ranking.kind is Kind.RANKING
    (partners,) = tables_of(["Nội dung", "Cơ quan phối hợp"], ["Rà soát văn bản", "Các sở"])
    assert partners.kind is Kind.OTHER
