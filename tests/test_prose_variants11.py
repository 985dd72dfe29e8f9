"""Composed variants of rankings of many bodies in tables (eleventh set): group headings typed
between the rows of a table copied with tabs, and more table shapes of provincial notices.

Every case is our own writing, in the kinds of real published rankings. Each one differs in
wording, order and noise from the item it answers.
"""

from __future__ import annotations

from pathlib import Path

from parscore.api import parse
from parscore.extractors.model import BlockKind
from parscore.extractors.tabtable import tab_blocks


def ranked(path: Path, text: str) -> list[tuple[str, str | None, int | None, str | None]]:
    """Given a file path and its text, return (unit, score, rank, group) of each row read."""
    path.write_text(text, encoding="utf-8")
    return [
        (u.unit, u.score and str(u.score.value), u.rank, u.group)
        for u in parse(path).notice.unit_scores
    ]


# --- group headings typed between the tab rows of a table ------------------------------------

TABBED = "\n".join([
    "Kết quả xác định Chỉ số CCHC năm 2023 (theo Quyết định số 91/QĐ-UBND)",
    "STT\tTên đơn vị\tĐiểm đạt\tThứ hạng\tXếp loại",
    "A. Khối cơ quan chuyên môn",
    "1\tSở Y tế\t88,4\t1\tTốt",
    "2\tSở Tài chính\t86\t2\tTốt",
    "3\tBan Dân tộc\t79,25\t3\tKhá",
    "",
    "B. Khối cấp huyện",
    "1\tHuyện Đầm Hà\t90,1\t1\tXuất sắc",
    "2\tHuyện Tiên Yên\t84,75\t2\tTốt",
    "Nguồn: Văn phòng UBND tỉnh",
]) + "\n"


def test_a_heading_line_between_tab_rows_is_a_group_of_the_table(tmp_path: Path) -> None:
    assert ranked(tmp_path / "tabbed.txt", TABBED) == [
        ("Sở Y tế", "88.4", 1, "Khối cơ quan chuyên môn"),
        ("Sở Tài chính", "86", 2, "Khối cơ quan chuyên môn"),
        ("Ban Dân tộc", "79.25", 3, "Khối cơ quan chuyên môn"),
        ("Huyện Đầm Hà", "90.1", 1, "Khối cấp huyện"),
        ("Huyện Tiên Yên", "84.75", 2, "Khối cấp huyện"),
    ]


def test_a_line_after_the_last_tab_row_stays_a_paragraph() -> None:
    blocks = tab_blocks(TABBED.splitlines())
    assert [b.kind for b in blocks] == [BlockKind.PARAGRAPH, BlockKind.TABLE, BlockKind.PARAGRAPH]
    assert blocks[-1].text == "Nguồn: Văn phòng UBND tỉnh"
    heading = next(c for c in blocks[1].cells if c.text == "B. Khối cấp huyện")
    assert (heading.col, heading.colspan) == (0, 5)
