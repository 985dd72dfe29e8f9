"""Tables copied as text with tabs between cells: one TABLE block, read as any table.

The texts are composed for the test: a ranking of wards pasted from a spreadsheet, and a
Decree 30 header typed with a tab between its two columns.
"""

from __future__ import annotations

from pathlib import Path

from parscore.api import parse
from parscore.extractors.model import BlockKind
from parscore.extractors.tabtable import tab_blocks

RANKING = (
    "Kết quả Chỉ số CCHC năm 2024 của các phường thuộc thị xã Kỳ Anh",
    "STT\tPhường\tTự chấm\tThẩm định\tĐiều tra XHH\tTổng điểm\tXếp loại",
    "1\tPhường Sông Trí\t86,5\t84\t6,75\t90,75\tXuất sắc",
    "2\tPhường Kỳ Trinh\t85\t82,1\t6,6\t88,7\tTốt",
    "3\tPhường Hưng Trí\t79,25\t77,4\t6,05\t83,45\tTốt",
    "",
    "Nguồn: Phòng Nội vụ thị xã",
)


def test_a_ranking_pasted_with_tabs_reads_its_total_column(tmp_path: Path) -> None:
    path = tmp_path / "ranking.txt"
    path.write_text("\n".join(RANKING) + "\n", encoding="utf-8")
    found = parse(path).notice.unit_scores
    rows = [(u.unit, u.score and str(u.score.value), u.grade) for u in found]
    assert rows == [
        ("Phường Sông Trí", "90.75", "Xuất sắc"),
        ("Phường Kỳ Trinh", "88.7", "Tốt"),
        ("Phường Hưng Trí", "83.45", "Tốt"),
    ]


def test_a_run_of_tab_rows_is_one_table_and_the_rest_stay_lines() -> None:
    blocks = tab_blocks(RANKING)
    assert [b.kind for b in blocks] == [BlockKind.PARAGRAPH, BlockKind.TABLE, BlockKind.PARAGRAPH]
    table = blocks[1]
    assert max(c.row for c in table.cells) == 3 and max(c.col for c in table.cells) == 6
    assert next(c.text for c in table.cells if (c.row, c.col) == (2, 1)) == "Phường Kỳ Trinh"


def test_a_two_column_header_typed_with_tabs_is_no_table() -> None:
    header = [
        "ỦY BAN NHÂN DÂN\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "HUYỆN ĐỨC THỌ\tĐộc lập - Tự do - Hạnh phúc",
        "Số: 45/TB-UBND\tĐức Thọ, ngày 3 tháng 4 năm 2024",
    ]
    blocks = tab_blocks(header)
    assert [b.kind for b in blocks] == [BlockKind.PARAGRAPH] * 3
    assert blocks[2].text == "Số: 45/TB-UBND Đức Thọ, ngày 3 tháng 4 năm 2024"


def test_a_sentence_under_the_ranking_completes_its_row(tmp_path: Path) -> None:
    path = tmp_path / "ranking.txt"
    lines = (*RANKING[:5], "Riêng phường Hưng Trí tụt 2 bậc so với năm 2023.")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    found = parse(path).notice.unit_scores
    assert [(u.unit, u.score and str(u.score.value), u.rank_change) for u in found] == [
        ("Phường Sông Trí", "90.75", None), ("Phường Kỳ Trinh", "88.7", None),
        ("Phường Hưng Trí", "83.45", -2)]
