"""Composed variants of how portals and news items write rankings of many bodies (seventh set).

Every case is our own writing, in the kinds of real published PAR-index rankings: blocks
named "Nhóm" with a letter or a numeral, each ranked among itself; places within such a
block ("cuối nhóm"). Each one differs in wording, order and noise from the probe it answers.
"""

from __future__ import annotations

import pytest

from tests.test_prose_variants4 import rows
from tests.test_statements import TITLE, prose

# --- blocks named by a letter or a numeral ------------------------------------------------------


def test_a_lettered_block_ranks_its_units_within_its_count() -> None:
    found = prose(
        TITLE,
        "Nhóm I có 8 đơn vị thuộc khối kinh tế: đứng đầu là Sở Công Thương với 90,2 điểm; "
        "thấp nhất nhóm là Sở Giao thông vận tải với 80,15 điểm.",
        "Nhóm II có 6 cơ quan: Thanh tra tỉnh xếp đầu (88,4 điểm).",
    )
    assert rows(found, "score", "rank") == [
        ("Sở Công Thương", "90.2", 1),
        ("Sở Giao thông vận tải", "80.15", 8),
        ("Thanh tra tỉnh", "88.4", 1),
    ]


def test_a_place_within_a_group_keeps_its_figure() -> None:
    found = prose(TITLE, "Khối huyện có 10 đơn vị; huyện Bảo Lâm đứng cuối nhóm với 78,3 điểm.")
    assert rows(found, "score") == [("Huyện Bảo Lâm", "78.3")]


def test_a_band_named_by_a_grade_keeps_its_places_within_the_band() -> None:
    found = prose(TITLE, "Nhóm khá gồm 7 đơn vị, thấp nhất là huyện Cẩm Thủy với 82,6 điểm.")
    assert rows(found, "score", "rank") == [("Huyện Cẩm Thủy", "82.6", None)]


# --- ties -----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "Ban Dân tộc và Thanh tra tỉnh có cùng số điểm là 86,45 điểm, đồng xếp thứ 7.",
        "Ban Dân tộc, Thanh tra tỉnh bằng điểm nhau (86,45 điểm) nên cùng xếp hạng 7.",
    ],
)
def test_units_with_equal_figures_share_the_figure_and_the_place(sentence: str) -> None:
    assert rows(prose(TITLE, sentence), "score", "rank") == [
        ("Ban Dân tộc", "86.45", 7),
        ("Thanh tra tỉnh", "86.45", 7),
    ]


def test_units_sharing_the_last_place_keep_their_figure() -> None:
    found = prose(TITLE, "Xã Tân Lập, xã Phú Lộc đồng hạng cuối cùng với 70,5 điểm.")
    assert rows(found, "score") == [("Xã Tân Lập", "70.5"), ("Xã Phú Lộc", "70.5")]


# --- lists under a grade's lead -------------------------------------------------------------


def test_numbered_items_inline_under_grade_leads_take_grade_and_place() -> None:
    found = prose(
        TITLE,
        "Kết quả xếp loại của 12 sở, ban, ngành như sau.",
        "Xếp loại Tốt: 1) Sở Y tế 93,2 điểm; 2) Sở Nội vụ 92,05 điểm.",
        "Xếp loại Khá: 3) Thanh tra tỉnh 88,4 điểm; 4) Sở Công Thương 86,9 điểm.",
    )
    assert rows(found, "score", "rank", "rank_of", "grade") == [
        ("Sở Y tế", "93.2", 1, 12, "Tốt"),
        ("Sở Nội vụ", "92.05", 2, 12, "Tốt"),
        ("Thanh tra tỉnh", "88.4", 3, 12, "Khá"),
        ("Sở Công Thương", "86.9", 4, 12, "Khá"),
    ]


def test_numbered_lines_under_grade_headings_take_grade_and_place() -> None:
    found = prose(
        TITLE,
        "Đạt loại Xuất sắc:",
        "1. UBND huyện Lạc Dương: 95,6 điểm",
        "Đạt loại Tốt:",
        "2. UBND thành phố Bảo Lộc: 91,4 điểm",
        "3. UBND huyện Đơn Dương: 90,08 điểm",
    )
    assert rows(found, "score", "rank", "grade") == [
        ("Ủy ban nhân dân huyện Lạc Dương", "95.6", 1, "Xuất sắc"),
        ("Ủy ban nhân dân thành phố Bảo Lộc", "91.4", 2, "Tốt"),
        ("Ủy ban nhân dân huyện Đơn Dương", "90.08", 3, "Tốt"),
    ]


def test_a_list_numbered_again_in_each_grade_numbers_lines_not_places() -> None:
    found = prose(
        TITLE,
        "Loại Tốt: 1. Sở Xây dựng 91,3; 2. Sở Tài chính 90,5.",
        "Loại Khá: 1. Sở Y tế 87,1; 2. Ban Dân tộc 84,75.",
    )
    assert rows(found, "rank", "grade") == [
        ("Sở Xây dựng", None, "Tốt"),
        ("Sở Tài chính", None, "Tốt"),
        ("Sở Y tế", None, "Khá"),
        ("Ban Dân tộc", None, "Khá"),
    ]


def test_a_grade_list_whose_figures_rise_numbers_lines_not_places() -> None:
    found = prose(TITLE, "Loại Khá: 1. Sở Y tế 84,1; 2. Ban Dân tộc 87,75; 3. Sở Tư pháp 86,0.")
    assert rows(found, "rank", "grade") == [
        ("Sở Y tế", None, "Khá"),
        ("Ban Dân tộc", None, "Khá"),
        ("Sở Tư pháp", None, "Khá"),
    ]


# --- lists in a stated order, and counts that are no ranking's size -----------------------------


def test_bullets_under_a_lead_of_first_places_take_places_in_turn() -> None:
    found = prose(
        TITLE,
        "Khối huyện có 3 địa phương đạt điểm cao nhất, theo thứ tự giảm dần, gồm:",
        "- Huyện Krông Nô: 88,5%",
        "- Thành phố Gia Nghĩa: 87,25%",
        "- Huyện Đắk Mil: 86,9%",
    )
    assert rows(found, "percent", "rank", "rank_of") == [
        ("Huyện Krông Nô", "88.5", 1, None),
        ("Thành phố Gia Nghĩa", "87.25", 2, None),
        ("Huyện Đắk Mil", "86.9", 3, None),
    ]


def test_counts_joined_before_a_grade_count_its_members() -> None:
    found = prose(
        "Lâm Đồng: 6 sở, ngành và 3 huyện đạt loại Tốt về CCHC năm 2023",
        "Sở Tư pháp dẫn đầu với 91,2 điểm.",
    )
    assert rows(found, "rank", "rank_of") == [("Sở Tư pháp", 1, None)]


# --- names: a figure after a dash, a district's office, a place named like a head -------------


def test_a_figure_after_a_dash_is_no_part_of_the_name() -> None:
    found = prose(
        TITLE,
        "Hạng Ba: Phòng Kinh tế - Hạ tầng – 88,25 điểm.",
        "Hạng Tư: Phòng Văn hóa và Thông tin - 87.5 điểm.",
    )
    assert rows(found, "score", "rank") == [
        ("Phòng Kinh tế - Hạ tầng", "88.25", 3),
        ("Phòng Văn hóa và Thông tin", "87.5", 4),
    ]


def test_a_districts_office_is_one_unit() -> None:
    found = prose(TITLE, "Văn phòng HĐND - UBND thị xã đạt 90,1 điểm, xếp thứ 2 trong khối.")
    assert rows(found, "score", "rank") == [("Văn phòng HĐND - Ủy ban nhân dân thị xã", "90.1", 2)]


def test_a_place_whose_name_holds_a_head_word_keeps_it() -> None:
    found = prose(TITLE, "Xã Trường Xuân đạt 89,4 điểm; xã Phong Trường đạt 85,2 điểm.")
    assert rows(found, "score") == [("Xã Trường Xuân", "89.4"), ("Xã Phong Trường", "85.2")]


def test_a_name_broken_after_its_level_word_goes_on_on_the_next_line() -> None:
    found = prose(
        TITLE,
        "Hai đơn vị thấp nhất khối là phường Hòa Thuận (81,6 điểm) và phường\n"
        "Tân Lợi (80,95 điểm), cần khắc phục ngay.",
    )
    assert rows(found, "score") == [("Phường Hòa Thuận", "81.6"), ("Phường Tân Lợi", "80.95")]


def test_a_heading_ending_with_a_level_word_stays_a_heading() -> None:
    found = prose(
        TITLE,
        "Khối UBND các huyện, thành phố\nLoại Tốt có 2 đơn vị là huyện Ba Tơ (90,6 điểm) và "
        "thị xã Đức Phổ (90,1 điểm).",
    )
    assert rows(found, "score", "grade") == [
        ("Huyện Ba Tơ", "90.6", "Tốt"),
        ("Thị xã Đức Phổ", "90.1", "Tốt"),
    ]


def test_a_grade_with_its_count_goes_to_the_units_named_after_it() -> None:
    found = prose(
        TITLE,
        "Thị xã Sơn Tây xếp loại Xuất sắc với 95,1 điểm. Xếp loại Tốt có 4 đơn vị, trong đó "
        "huyện Đông Anh cao nhất với 92,3 điểm.",
    )
    assert rows(found, "score", "grade") == [
        ("Thị xã Sơn Tây", "95.1", "Xuất sắc"),
        ("Huyện Đông Anh", "92.3", "Tốt"),
    ]


def test_a_grades_threshold_in_brackets_is_no_figure() -> None:
    found = prose(
        TITLE,
        "Chỉ số được chia thành các mức: Xuất sắc (từ 95 điểm), Tốt (từ 90 đến dưới 95 điểm). "
        "Sở Tư pháp đạt 92,7 điểm.",
        subject="Sở Nội vụ",
    )
    assert rows(found, "score") == [("Sở Tư pháp", "92.7")]


def test_a_grade_counted_in_words_goes_to_the_units_it_introduces() -> None:
    found = prose(
        TITLE,
        "Khối xã, thị trấn xếp loại Xuất sắc có ba đơn vị là xã Ea Tul (95,4 điểm), "
        "thị trấn Quảng Phú (95,1 điểm) và xã Cư Dliê M'nông (95 điểm).",
    )
    assert rows(found, "score", "grade") == [
        ("Xã Ea Tul", "95.4", "Xuất sắc"),
        ("Thị trấn Quảng Phú", "95.1", "Xuất sắc"),
        ("Xã Cư Dliê M'nông", "95", "Xuất sắc"),
    ]


# --- a colon between the grade's cue and the grade -------------------------------------------


def test_a_colon_between_the_cue_and_the_grade_still_grades() -> None:
    found = prose(
        TITLE,
        "Năm nay, Ban Quản lý các khu công nghiệp được 88,4 điểm, xếp loại : Tốt; "
        "UBND huyện Krông Pa đạt 79,05 điểm (kết quả xếp loại: Khá).",
    )
    assert rows(found, "grade") == [
        ("Ban Quản lý các khu công nghiệp", "Tốt"),
        ("Ủy ban nhân dân huyện Krông Pa", "Khá"),
    ]
