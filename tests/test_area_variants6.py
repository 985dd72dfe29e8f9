"""Composed variants of one body's component table or report (sixth set): sub-criteria rows
that name an area's words, maxima written last, notes beside the figures, components and
totals stated in prose.

Every case is our own writing, in the kinds of real published reports and appraisal notices.
Each one differs in wording, order and noise from the probe document it answers.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from parscore.extractors import extract
from parscore.extractors.model import Block, BlockKind, Document
from parscore.extractors.text import unwrap
from parscore.pipeline.model import Notice
from parscore.pipeline.parse import parse
from tests.test_parse import SOURCE
from tests.test_tables import table_block


def figures(notice: Notice) -> list[tuple[str, str | None, str | None, str | None]]:
    """Given a notice, return (area, max, self, appraised) per component, numbers as text."""

    def text(n: object) -> str | None:
        value = getattr(n, "value", None)
        return None if value is None else str(value)

    return [(s.area, text(s.max), text(s.self), text(s.appraised)) for s in notice.scores]


def notice_of(*blocks: Block) -> Notice:
    """Given blocks, return the notice their document states."""
    return parse(Document(source=SOURCE, blocks=blocks))


# --- sub-criteria rows that name an area's words do not hide the areas -------------------------


@pytest.mark.parametrize(
    ("area_marks", "sub_marks"),
    [(("1", "2", "3"), ("1.1", "1.2", "2.1", "2.2", "3.1")), (("I", "II", "III"), "12121")],
)
def test_sub_criteria_naming_area_words_leave_the_areas_read(
    area_marks: tuple[str, ...], sub_marks: tuple[str, ...] | str
) -> None:
    a, b, c = area_marks
    x1, x2, y1, y2, z = sub_marks
    table = table_block(
        ("STT", "Nội dung đánh giá", "Tự chấm", "Thẩm định", "Thang điểm"),
        (a, "Cải cách thể chế", "6,5", "6", "7"),
        (x1, "Tham mưu xây dựng văn bản QPPL", "3,5", "3", "4"),
        (x2, "Theo dõi thi hành pháp luật", "3", "3", "3"),
        (b, "Cải cách thủ tục hành chính", "12", "11,25", "12"),
        (y1, "Niêm yết, công khai TTHC", "5", "4,25", "5"),
        (y2, "Giải quyết hồ sơ đúng hạn", "7", "7", "7"),
        (c, "Cải cách tài chính công", "8", "7,5", "9"),
        (z, "Ứng dụng CNTT trong quản lý tài chính", "8", "7,5", "9"),
        ("", "Cộng", "26,5", "24,75", "28"),
    )
    notice = notice_of(table)
    assert figures(notice) == [
        ("the_che", "7", "6.5", "6"),
        ("tthc", "12", "12", "11.25"),
        ("tai_chinh_cong", "9", "8", "7.5"),
    ]
    assert notice.summary.stated_total.value == Decimal("24.75")  # type: ignore[union-attr]


# --- "Các lĩnh vực đạt điểm tối đa gồm: A (9 điểm), B (7 điểm)": score and maximum ----------


def prose(*texts: str) -> Notice:
    """Given paragraphs, return the notice they state."""
    return notice_of(*(Block(kind=BlockKind.PARAGRAPH, text=t) for t in texts))


@pytest.mark.parametrize(
    "sentence",
    [
        "Có ba lĩnh vực đạt số điểm tối đa là: Cải cách thể chế (9 điểm); Cải cách tổ chức bộ "
        "máy (7 điểm) và Cải cách tài chính công (10 điểm).",
        "Năm nay, phường được điểm tuyệt đối ở các lĩnh vực: cải cách thể chế (9 điểm), cải "
        "cách tổ chức bộ máy ( 7 điểm ), cải cách tài chính công (10 điểm).",
    ],
)
def test_a_full_marks_list_gives_each_component_its_figure_as_score_and_maximum(
    sentence: str,
) -> None:
    notice = prose("Chỉ số CCHC năm 2023 của phường Hòa Minh đạt 90,12 điểm.", sentence)
    assert figures(notice) == [
        ("the_che", "9", None, "9"),
        ("to_chuc_bo_may", "7", None, "7"),
        ("tai_chinh_cong", "10", None, "10"),
    ]


def test_figures_in_brackets_without_full_marks_are_no_scores() -> None:
    notice = prose(
        "Bộ tiêu chí năm 2023 có thang điểm: Cải cách thể chế (9 điểm), Cải cách tổ chức bộ "
        "máy (7 điểm), Cải cách tài chính công (10 điểm)."
    )
    assert figures(notice) == []


# --- a text table: "TT" before the label's header, maximum last, notes after the figures -------

TEXT_TABLE = """STT  Nội dung đánh giá            Điểm tự chấm  Điểm thẩm định  Thang điểm  Ghi chú
I    Cải cách thể chế                   6,5          6              7
1.   Tham mưu văn bản QPPL              3,5          3              4     Chậm 02 văn bản
2.   Rà soát văn bản                    3            3              3
II   Cải cách thủ tục hành chính       11           10,25          12     05 hồ sơ quá hạn,
                                                                          chưa xin lỗi
III  Cải cách tài chính công            8            7,5            9     Trừ 0,5 đ: chậm
                                                                          công khai 2 quý
     Cộng                              25,5         23,75          28
Nhận xét: đơn vị cần khắc phục các tồn tại trên."""


def test_a_text_table_with_its_order_word_first_and_notes_after_the_figures() -> None:
    notice = prose(TEXT_TABLE)
    assert figures(notice) == [
        ("the_che", "7", "6.5", "6"),
        ("tthc", "12", "11", "10.25"),
        ("tai_chinh_cong", "9", "8", "7.5"),
    ]
    assert notice.summary.stated_total.value == Decimal("23.75")  # type: ignore[union-attr]


# --- a grade on a line of its own --------------------------------------------------------------


@pytest.mark.parametrize("line", ["Kết quả xếp loại chung: KHÁ", "Xếp loại - Khá."])
def test_a_lone_grade_line_grades_the_notice(line: str) -> None:
    notice = prose(
        "Tổng hợp điểm thẩm định và điểm điều tra xã hội học, Chỉ số CCHC năm 2023 của Trung "
        "tâm Xúc tiến đầu tư là 78,4 điểm.",
        line,
        "Đề nghị đơn vị khắc phục hạn chế trong quý I/2024.",
    )
    assert notice.summary.grade == "Khá"


def test_lone_grade_lines_that_disagree_grade_nothing() -> None:
    notice = prose(
        "Kết quả thẩm định của hai phòng chuyên môn như sau.",
        "Phòng Kinh tế đạt 82 điểm.",
        "Xếp loại: Tốt.",
        "Phòng Văn hóa đạt 71 điểm.",
        "Xếp loại: Khá.",
    )
    assert notice.summary.grade is None


# --- prose wrapped by hand in a .txt: a figure or a name on the next line ----------------------

WRAPPED = """TRANG TIN ĐIỆN TỬ HUYỆN MINH LONG
Tin tức | Cải cách hành chính

Kết quả Chỉ số CCHC năm 2023 của huyện Minh Long vừa được công bố: huyện đạt tổng cộng
83,07 điểm, xếp loại Tốt. Ở lĩnh vực cải cách tổ chức bộ máy, huyện được
8,5/9 điểm; riêng lĩnh vực hiện đại hóa hành chính của huyện chỉ đạt 17,25/22 điểm; lĩnh
vực cải cách tài chính công đạt 9/10 điểm.
Nguồn: Văn phòng HĐND và UBND huyện
"""


def test_prose_wrapped_by_hand_in_a_text_file_reads_as_sentences(tmp_path: Path) -> None:
    path = tmp_path / "tin.txt"
    path.write_text(WRAPPED, encoding="utf-8")
    notice = parse(extract(path))
    assert notice.summary.headline_score.value == Decimal("83.07")  # type: ignore[union-attr]
    assert figures(notice) == [
        ("to_chuc_bo_may", "9", None, "8.5"),
        ("chinh_quyen_so", "22", None, "17.25"),
        ("tai_chinh_cong", "10", None, "9"),
    ]


def test_lines_with_columns_or_stops_are_not_joined() -> None:
    lines = [
        "Kết quả như sau, tổng hợp theo từng lĩnh vực:",
        "a) điểm tự đánh giá của các phòng",
        "TT  Lĩnh vực          Điểm",
        "1   Cải cách thể chế   9",
        "Cải cách thể chế",
        "9,5 điểm",
    ]
    assert unwrap(lines) == lines


def test_items_under_a_lead_without_a_colon_are_not_joined() -> None:
    lines = [
        "2. Đề nghị Phòng Tư pháp huyện phối hợp với các xã, thị trấn triển khai các việc sau",
        "a) rà soát quy trình nội bộ giải quyết thủ tục hành chính trong quý III;",
        "đ. tổng hợp kết quả gửi Văn phòng HĐND và UBND huyện",
        "ii) công khai kết quả trên trang thông tin điện tử của huyện",
        "trước ngày 15 hằng tháng.",
    ]
    assert unwrap(lines) == [*lines[:3], f"{lines[3]} {lines[4]}"]


# --- a score cell that took the note of a lost column ------------------------------------------


def test_a_score_cell_followed_by_a_note_gives_its_figure() -> None:
    table = table_block(
        ("TT", "Tiêu chí", "Điểm chuẩn", "Điểm tự chấm"),
        ("1", "Cải cách thể chế", "9", "8 Thiếu báo cáo rà soát"),
        ("2", "Cải cách tổ chức bộ máy", "7", "7"),
        ("3", "Cải cách chế độ công vụ", "12", "10,75 Có 02 công chức chưa qua bồi dưỡng"),
        ("4", "Cải cách tài chính công", "8", "trừ 1 điểm"),
    )
    assert figures(notice_of(table)) == [
        ("the_che", "9", "8", None),
        ("to_chuc_bo_may", "7", "7", None),
        ("cong_vu", "12", "10.75", None),
        ("tai_chinh_cong", "8", None, None),
    ]


# --- a component's label ends where its name ends ----------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "labels"),
    [
        (
            "Về lĩnh vực cải cách tổ chức bộ máy, thị xã đạt 7,5/8 điểm; riêng lĩnh vực cải cách "
            "tài chính công thì thị xã chỉ được 6/9 điểm.",
            ["cải cách tổ chức bộ máy", "cải cách tài chính công"],
        ),
        (
            "Lĩnh vực cải cách thể chế bị trừ 0,5 điểm, còn 8,5/9 điểm; lĩnh vực cải cách chế độ "
            "công vụ có điểm cao nhất, đạt 14/14 điểm.",
            ["cải cách thể chế", "cải cách chế độ công vụ"],
        ),
        (
            "Chỉ số năm 2023 của thị xã tăng 2,1 điểm và lĩnh vực cải cách thể chế đạt 8/9 điểm "
            "và lĩnh vực cải cách tài chính công đạt 7/9 điểm.",
            ["cải cách thể chế", "cải cách tài chính công"],
        ),
    ],
)
def test_a_prose_label_keeps_the_name_only(sentence: str, labels: list[str]) -> None:
    notice = prose("Kết quả Chỉ số CCHC năm 2023 của thị xã Hương Thủy.", sentence)
    assert [s.label for s in notice.scores] == labels


# --- one component stated in prose is the subject's component ----------------------------------


def test_a_single_prose_component_is_kept() -> None:
    notice = prose(
        "Năm 2023, Chỉ số CCHC của thị trấn Đông Anh đạt 88,4/100 điểm, xếp loại Tốt; riêng "
        "lĩnh vực hiện đại hóa hành chính mới được 15,75 điểm trên 19 điểm tối đa."
    )
    assert figures(notice) == [("chinh_quyen_so", "19", None, "15.75")]
    assert notice.summary.headline_score.value == Decimal("88.4")  # type: ignore[union-attr]
