"""Tables typed with bars but no outer border ("1 | Cải cách thể chế | 9 | 8,5 |").

Composed notices: a component table of a self-assessment report and a ranking, each written
as loose bar rows in a plain-text copy, read as tables end to end; menus and footers written
with bars stay text.
"""

from __future__ import annotations

from decimal import Decimal

from parscore.extractors.model import BlockKind
from parscore.pipeline.parse import parse
from tests.test_extract_text import run

REPORT = """SỞ TƯ PHÁP TỈNH KHÁNH HÒA
Số: 388/BC-STP
Nha Trang, ngày 9 tháng 12 năm 2024

BÁO CÁO
Kết quả tự đánh giá Chỉ số cải cách hành chính năm 2024

Trang chủ | Giới thiệu | Văn bản | Liên hệ
Sở Tư pháp tự đánh giá như sau (đơn vị tính: điểm):

TT | Nội dung đánh giá | Tối đa | Tự chấm
1 | Công tác chỉ đạo, điều hành cải cách hành chính | 10 | 9,25
2 | Cải cách thể chế | 8 | 7,5 | đã rà soát
3 | Cải cách thủ tục hành chính | 12,5 | 11
  | Tổng | 30,5 | 27,75

Điện thoại: 0258.3822.123 | Fax: 0258.3822.456 | Email: stp@khanhhoa.gov.vn
"""


def test_loose_bar_rows_are_one_table_and_menus_stay_text() -> None:
    doc = run(REPORT.encode("utf-8"))
    tables = [b for b in doc.blocks if b.kind is BlockKind.TABLE]
    assert len(tables) == 1
    cells = {(c.row, c.col): c.text for c in tables[0].cells}
    assert cells[(0, 1)] == "Nội dung đánh giá"
    assert cells[(2, 4)] == "đã rà soát"  # a note in a fifth cell widens the table
    assert cells[(4, 0)] == "" and cells[(4, 1)] == "Tổng"  # a bar opening a row: empty cell
    assert not any("Trang chủ" in text or "Fax" in text for text in cells.values())
    texts = [b.text for b in doc.blocks if b.kind is BlockKind.PARAGRAPH]
    assert any(t.startswith("Điện thoại:") for t in texts)


def test_loose_component_rows_give_the_components_and_the_total() -> None:
    notice = parse(run(REPORT.encode("utf-8")))
    got = {s.label: (s.max and s.max.value, s.self and s.self.value) for s in notice.scores}
    assert got["Cải cách thể chế"] == (Decimal("8"), Decimal("7.5"))
    assert got["Cải cách thủ tục hành chính"] == (Decimal("12.5"), Decimal("11"))
    total = notice.summary.stated_total
    assert total is not None and total.value == Decimal("27.75")


def test_few_or_ragged_or_figureless_bar_lines_stay_text() -> None:
    menus = "Trang chủ | Tin tức | Sự kiện\nThủ tục hành chính | Hỏi đáp | Liên hệ\n"
    ragged = "A | B | C | D\nmột | hai\nba | bốn | năm\n2 | 3 | 4 | 5\n"
    two = "1 | Sở A | 90,5\n2 | Sở B | 88\n"
    for text in (menus, ragged, two):
        doc = run(text.encode("utf-8"))
        assert all(b.kind is BlockKind.PARAGRAPH for b in doc.blocks), text
