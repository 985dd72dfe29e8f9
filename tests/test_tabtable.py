"""Tables copied as text with tabs between cells: one TABLE block, read as any table.

The texts are composed for the test: a ranking of wards pasted from a spreadsheet, and a
Decree 30 header typed with a tab between its two columns.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from parscore.api import parse
from parscore.extractors.model import BlockKind
from parscore.extractors.tabtable import tab_blocks
from parscore.pipeline.process import process_file

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


@pytest.mark.parametrize("tabs", ["\t", "\t\t", "\t \t\t"])
def test_a_header_typed_with_tabs_is_no_table_but_its_columns_lines(tabs: str) -> None:
    """One tab or several between the issuer's column and the motto's (a tab stop too
    near: an empty cell between): the lines come out column by column."""
    header = [
        f"ỦY BAN NHÂN DÂN{tabs}CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        f"HUYỆN ĐỨC THỌ{tabs}Độc lập - Tự do - Hạnh phúc",
        f"Số: 45/TB-UBND{tabs}Đức Thọ, ngày 3 tháng 4 năm 2024",
    ]
    blocks = tab_blocks(header)
    assert [b.text for b in blocks] == [
        "ỦY BAN NHÂN DÂN", "HUYỆN ĐỨC THỌ", "Số: 45/TB-UBND", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc", "Đức Thọ, ngày 3 tháng 4 năm 2024"]
    assert {b.kind for b in blocks} == {BlockKind.PARAGRAPH}


def test_an_official_letter_typed_with_tabs_gives_its_number_date_and_issuer(
    tmp_path: Path,
) -> None:
    """A Công văn has no title line ("V/v …" instead): its header is still read."""
    path = tmp_path / "cv.txt"
    path.write_text("\n".join([
        "ỦY BAN NHÂN DÂN\t\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "TỈNH KON TUM\t\tĐộc lập - Tự do - Hạnh phúc",
        "Số: 2417/UBND-NC\t\tKon Tum, ngày 16 tháng 7 năm 2025",
        "V/v khắc phục các chỉ số thành phần còn thấp",
        "Kính gửi: Các sở, ban, ngành thuộc tỉnh",
        "Sở Nội vụ tham mưu Ủy ban nhân dân tỉnh rà soát các tiêu chí còn bị trừ điểm.",
    ]) + "\n", encoding="utf-8")
    metadata = process_file(path).notice.metadata
    assert (metadata.number, metadata.issue_date) == ("2417/UBND-NC", date(2025, 7, 16))
    assert metadata.issuer == "Ủy ban nhân dân tỉnh Kon Tum"


def test_a_sentence_under_the_ranking_completes_its_row(tmp_path: Path) -> None:
    path = tmp_path / "ranking.txt"
    lines = (*RANKING[:5], "Riêng phường Hưng Trí tụt 2 bậc so với năm 2023.")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    found = parse(path).notice.unit_scores
    assert [(u.unit, u.score and str(u.score.value), u.rank_change) for u in found] == [
        ("Phường Sông Trí", "90.75", None), ("Phường Kỳ Trinh", "88.7", None),
        ("Phường Hưng Trí", "83.45", -2)]
