"""Composed variants of how news items and notices phrase rankings of many bodies (fourth set).

Every case is our own writing, in the kinds of real published PAR-index rankings: averages of
blocks, counted groups before their figure, ranks written in a row after a list. Each one
differs in wording, order and noise from the probe it answers.
"""

from __future__ import annotations

from typing import Any

import pytest

from tests.test_prose_variants3 import notice_of
from tests.test_statements import TITLE, prose


def rows(found: list[dict[str, Any]], *fields: str) -> list[tuple[Any, ...]]:
    """Given statement rows and field names, return each row's unit with those fields."""
    return [(r["unit"], *(r[f] for f in fields)) for r in found]


# --- averages of blocks ----------------------------------------------------------------------


def test_a_blocks_average_keeps_its_block() -> None:
    found = prose(TITLE, "Trong năm 2023, điểm bình quân của các huyện, thị xã đạt 83,75 điểm.")
    assert rows(found, "score", "group") == [("Trung bình", "83.75", "các huyện, thị xã")]


@pytest.mark.parametrize(
    "sentence",
    [
        "Giá trị trung bình của khối sở, ngành là 87,02 điểm, của khối quận, huyện là 85,4 điểm.",
        "Điểm trung bình khối sở, ngành đạt 87,02 điểm; khối quận, huyện đạt 85,4 điểm.",
    ],
)
def test_two_blocks_averages_in_one_sentence_are_two_averages(sentence: str) -> None:
    found = prose(TITLE, sentence, "Sở Xây dựng đạt 88,1 điểm.")
    assert rows(found, "score", "group") == [
        ("Trung bình", "87.02", "khối sở, ngành"),
        ("Trung bình", "85.4", "khối quận, huyện"),
        ("Sở Xây dựng", "88.1", None),  # a unit after an average takes none of its group
    ]


# --- a counted group before the figure handed to the units after it ---------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "Có 3 đơn vị cùng đạt 89,25 điểm là Sở Công Thương, Sở Y tế và Thanh tra tỉnh.",
        "Ba cơ quan đạt 89,25 điểm là: Sở Công Thương, Sở Y tế và Thanh tra tỉnh.",
    ],
)
def test_a_counted_group_before_its_figure_hands_it_to_the_units_named(sentence: str) -> None:
    found = prose(TITLE, "Năm 2023 có 21 sở, ban, ngành được đánh giá.", sentence)
    assert rows(found, "score", "rank_of") == [
        ("Sở Công Thương", "89.25", None),
        ("Sở Y tế", "89.25", None),
        ("Thanh tra tỉnh", "89.25", None),
    ]


def test_the_count_of_a_tie_is_not_the_size_of_the_ranking() -> None:
    found = prose(
        TITLE,
        "Trong 12 huyện, thị xã, có 2 địa phương đạt 88,6 điểm là huyện Gia Lâm và huyện Đông Anh, "
        "đồng xếp thứ 2.",
    )
    assert rows(found, "score", "rank", "rank_of") == [
        ("Huyện Gia Lâm", "88.6", 2, 12),
        ("Huyện Đông Anh", "88.6", 2, 12),
    ]


def test_a_count_of_units_reaching_a_figure_names_no_unit() -> None:
    assert prose(TITLE, "Năm 2023, có 14 đơn vị đạt 85 điểm.") == []


# --- ranks written in a row after a list ------------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "Đứng cuối bảng là Sở Ngoại vụ, Sở Du lịch và Ban Dân tộc (xếp thứ 17, 18, 19).",
        "Các vị trí thấp là Sở Ngoại vụ, Sở Du lịch, Ban Dân tộc (lần lượt xếp thứ 17, 18 và 19).",
        "Sở Ngoại vụ, Sở Du lịch và Ban Dân tộc xếp thứ 17, 18, 19.",
    ],
)
def test_ranks_in_a_row_after_a_list_go_to_its_units_in_turn(sentence: str) -> None:
    found = prose(TITLE, sentence)
    assert rows(found, "rank") == [("Sở Ngoại vụ", 17), ("Sở Du lịch", 18), ("Ban Dân tộc", 19)]


def test_ranks_in_a_row_and_figures_in_turn_after_a_list() -> None:
    found = prose(
        TITLE,
        "Ba địa phương xếp cuối là huyện Mèo Vạc, huyện Đồng Văn và huyện Yên Minh (xếp thứ 9, "
        "10, 11), lần lượt đạt 80,4; 79,95 và 78,1 điểm.",
    )
    assert rows(found, "score", "rank") == [
        ("Huyện Mèo Vạc", "80.4", 9),
        ("Huyện Đồng Văn", "79.95", 10),
        ("Huyện Yên Minh", "78.1", 11),
    ]


def test_ranks_in_a_row_for_fewer_units_than_ranks_give_none_in_turn() -> None:
    found = prose(TITLE, "Sở Ngoại vụ và Sở Du lịch (xếp thứ 17, 18, 19).")
    assert [r["rank"] for r in found if r["unit"] == "Sở Du lịch"] != [18]


# --- the size of a ranking ---------------------------------------------------------------------


def test_two_sizes_where_one_is_twice_the_other_are_both_sizes() -> None:
    found = prose(
        TITLE,
        "Năm 2023, UBND tỉnh đánh giá 24 sở, ban, ngành và 12 huyện, thành phố.",
        "Sở Nội vụ đứng đầu khối sở; huyện Lục Yên đứng đầu khối huyện.",
    )
    assert rows(found, "rank", "rank_of") == [("Sở Nội vụ", 1, 24), ("Huyện Lục Yên", 1, 12)]


def test_a_count_smaller_than_a_rank_stated_is_not_its_rankings_size() -> None:
    found = prose(
        TITLE,
        "Chỉ số cải cách hành chính năm 2023 được công bố cho 16 sở, ban, ngành.",
        "Sở Ngoại vụ xếp thứ 15; Sở Xây dựng dẫn đầu.",
        "So với năm trước, 5 sở, ngành tăng điểm.",
    )
    assert rows(found, "rank", "rank_of") == [("Sở Ngoại vụ", 15, 16), ("Sở Xây dựng", 1, 16)]


# --- own places inside a list of the last ones ------------------------------------------------


def test_own_places_in_brackets_of_a_listed_last_group() -> None:
    found = prose(
        TITLE,
        "Trong 19 sở, ngành, Sở Tư pháp dẫn đầu với 91,5 điểm.",
        "Nhóm cuối bảng gồm Sở Ngoại vụ (xếp thứ 17, đạt 80,2 điểm), Sở Du lịch (thứ 18, "
        "79,6 điểm) và Ban Dân tộc đứng cuối với 78,05 điểm.",
    )
    assert rows(found, "rank", "rank_of") == [
        ("Sở Tư pháp", 1, 19),
        ("Sở Ngoại vụ", 17, 19),
        ("Sở Du lịch", 18, 19),
        ("Ban Dân tộc", 19, 19),
    ]


def test_a_bare_ordinal_in_brackets_after_a_unit_is_its_rank() -> None:
    found = prose(TITLE, "Kế đó là Sở Tài chính (thứ 4, 88,9 điểm), lần thứ 2 liên tiếp.")
    assert rows(found, "rank", "score") == [("Sở Tài chính", 4, "88.9")]


# --- a sentence broken across lines ------------------------------------------------------------


def test_a_sentence_broken_across_lines_is_read_whole() -> None:
    found = prose(
        TITLE,
        "Khối huyện: huyện Bảo Lâm xếp thứ nhất với 88,3 điểm; tiếp theo là huyện Di Linh\n"
        "(87,02 điểm) và huyện Lâm Hà (86,5 điểm).",
        "Trong 12 huyện, huyện Đạ Huoai\nxếp cuối với 77,15 điểm.",
    )
    assert rows(found, "score", "rank") == [
        ("Huyện Bảo Lâm", "88.3", 1),
        ("Huyện Di Linh", "87.02", 2),
        ("Huyện Lâm Hà", "86.5", 3),
        ("Huyện Đạ Huoai", "77.15", 12),
    ]


def test_a_short_line_without_a_full_stop_is_not_joined_to_the_next() -> None:
    found = prose(TITLE, "Tin liên quan\nhuyện Bảo Lâm xếp thứ nhất với 88,3 điểm.")
    assert rows(found, "rank") == [("Huyện Bảo Lâm", 1)]


# --- a unit's own average value; the next place after "tiếp đó" ------------------------------


def test_an_average_right_after_a_unit_is_its_own_value() -> None:
    found = prose(
        "Chỉ số cải cách hành chính năm 2023 theo vùng",
        "Năm 2023, cả 6 vùng kinh tế - xã hội đều tăng điểm.",
        "Xếp đầu là vùng Đồng bằng sông Hồng có giá trị trung bình 88,4%, tiếp đó là Đông Nam "
        "Bộ (87,6%). Vùng Tây Nguyên có giá trị bình quân thấp nhất, đạt 84,2%.",
    )
    assert rows(found, "percent", "rank", "rank_of") == [
        ("Đồng bằng sông Hồng", "88.4", 1, 6),
        ("Đông Nam Bộ", "87.6", 2, 6),
        ("Tây Nguyên", "84.2", 6, 6),  # "xã hội" counts no communes: 6 regions
    ]


def test_an_average_of_many_after_a_unit_is_still_an_average() -> None:
    found = prose(TITLE, "Sở Nội vụ đạt 90,1 điểm, cao hơn điểm trung bình 85,3 điểm.")
    assert ("Sở Nội vụ", "90.1") in rows(found, "score")


# --- a place within a region keeps no national count -------------------------------------------


def test_a_rank_within_the_region_takes_no_national_count() -> None:
    found = prose(
        "Chỉ số cải cách hành chính năm 2023 của tỉnh Yên Bái",
        "Năm 2023, tỉnh Yên Bái đạt 87,9%, xếp thứ 21/63 tỉnh, thành phố.",
        "Trong khu vực, tỉnh Lào Cai dẫn đầu (thứ 5/63), tiếp đến tỉnh Phú Thọ (thứ 12/63); "
        "tỉnh Yên Bái đứng thứ 3 trong vùng.",
    )
    ranks = {(r["unit"], r["rank"], r["rank_of"]) for r in found}
    assert {("Tỉnh Lào Cai", 5, 63), ("Tỉnh Phú Thọ", 12, 63)} <= ranks
    assert ("Tỉnh Yên Bái", 3, None) in ranks


# --- grades: "Trung bình" in a grade column; none of a grade -----------------------------------


def test_a_grade_trung_binh_in_a_flattened_table_is_the_rows_grade() -> None:
    notice = notice_of(
        "Kết quả Chỉ số CCHC năm 2023 của các xã, thị trấn",
        "Xếp hạng", "Tên đơn vị", "Tổng điểm", "Xếp loại",
        "1", "Xã Tân Lập", "88,25", "Tốt",
        "2", "Thị trấn Yên Thế", "84,5", "Khá",
        "3", "Xã Hồng Ca", "76,75", "Trung bình",
        "4", "Xã Minh Quán", "74,1", "Trung bình",
    )  # fmt: skip
    got = [(s.unit, s.rank, s.grade) for s in notice.unit_scores]
    assert got == [
        ("Xã Tân Lập", 1, "Tốt"),
        ("Thị trấn Yên Thế", 2, "Khá"),
        ("Xã Hồng Ca", 3, "Trung bình"),
        ("Xã Minh Quán", 4, "Trung bình"),
    ]


def test_none_of_a_grade_names_no_unit() -> None:
    found = prose(
        "Chỉ số cải cách hành chính năm 2023 của huyện Lục Yên",
        "Trong năm 2023, không có đơn vị nào xếp loại Kém; chưa có đơn vị đạt loại Xuất sắc.",
    )
    assert found == []


# --- names of agencies: "Tổng cục" after a figure, schools -----------------------------------


def test_a_general_department_after_a_figure_and_a_comma_is_a_unit() -> None:
    found = prose(
        "Chỉ số CCHC năm 2023 của các đơn vị thuộc Bộ",
        "Cục Hàng hải đạt 91,2 điểm, Tổng cục Đường bộ xếp thứ hai với 90,4 điểm, Học viện "
        "Hành chính đạt 85,1 điểm và Trường Đại học Hàng hải đạt 84,6 điểm.",
    )
    assert rows(found, "score") == [
        ("Cục Hàng hải", "91.2"),
        ("Tổng cục Đường bộ", "90.4"),
        ("Học viện Hành chính", "85.1"),
        ("Trường Đại học Hàng hải", "84.6"),
    ]


# --- a total and its parts -------------------------------------------------------------------


def test_counts_of_another_sentence_are_no_parts_of_a_size() -> None:
    found = prose(
        TITLE,
        "UBND tỉnh công bố Chỉ số cải cách hành chính năm 2023 của 18 sở, ban, ngành và 9 huyện, "
        "thành phố.",
        "Huyện Yên Thủy dẫn đầu; huyện Đà Bắc đứng cuối bảng.",
        "So với năm 2022, 5 sở và 4 huyện tăng điểm.",
    )
    assert rows(found, "rank", "rank_of") == [("Huyện Yên Thủy", 1, 9), ("Huyện Đà Bắc", 9, 9)]


def test_a_total_of_its_parts_is_no_size_where_it_is_stated_again() -> None:
    found = prose(
        TITLE,
        "Năm 2023 đánh giá 40 sở và huyện, trong đó có 25 sở, ban, ngành và 15 huyện, thị xã.",
        "Sở Xây dựng đứng cuối bảng.",
        "Chi tiết kết quả của 40 sở, huyện như bảng dưới đây.",
    )
    assert rows(found, "rank", "rank_of") == [("Sở Xây dựng", 25, 25)]


def test_places_stated_before_their_list_after_a_units_own_place() -> None:
    found = prose(
        TITLE,
        "Trong 14 huyện, huyện Bảo Yên có điểm cao nhất (88,6); xếp thứ hai và thứ ba lần lượt "
        "là huyện Văn Bàn (87,95) và huyện Bát Xát (87,1).",
    )
    assert rows(found, "score", "rank", "rank_of") == [
        ("Huyện Bảo Yên", "88.6", 1, 14),
        ("Huyện Văn Bàn", "87.95", 2, 14),
        ("Huyện Bát Xát", "87.1", 3, 14),
    ]


# --- names listed after a level many share ---------------------------------------------------


def test_names_listed_after_a_plural_level_share_it() -> None:
    found = prose(
        TITLE,
        "Trong 15 xã, thị trấn, ba xã cuối bảng là các xã Phước Hòa, Tân Lập và Gia Hiệp (xếp thứ "
        "13, 14, 15). Hai huyện Cam Lâm và Khánh Sơn cùng đạt 84,2 điểm.",
    )
    assert rows(found, "score", "rank") == [
        ("Xã Phước Hòa", None, 13),
        ("Xã Tân Lập", None, 14),
        ("Xã Gia Hiệp", None, 15),
        ("Huyện Cam Lâm", "84.2", None),
        ("Huyện Khánh Sơn", "84.2", None),
    ]


def test_a_province_after_a_district_is_where_it_is_not_a_district() -> None:
    found = prose(TITLE, "Các huyện Cam Lâm, Khánh Hòa đạt 84,2 điểm.")
    assert [r["unit"] for r in found] == ["Huyện Cam Lâm"]
