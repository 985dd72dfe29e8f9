"""Composed variants of provincial, district and ministry news stating the figures, grades and
places of one or many bodies in sentences (thirteenth set): bare names after a plural level
with bracketed figures, grades given to a whole list, comparisons beside a figure.

Every case is our own writing, in the kinds of real published news items. Each one differs
in wording, order and noise from the item it answers.
"""

from __future__ import annotations

import pytest

from tests.test_prose_variants4 import rows
from tests.test_statements import TITLE, prose

# --- bare names after a plural level, each with its figure in brackets -----------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "Năm nay các xã Hòa Bình (89,4), Tân Lập (88,15) và Phú Cường (87,02) được đánh giá cao.",
        "Đứng đầu khối xã là các xã: Hòa Bình (89,4), Tân Lập (88,15), Phú Cường (87,02).",
        "Các xã Hòa Bình (89,4 điểm), Tân Lập (88,15 điểm), và Phú Cường (87,02 điểm) tăng điểm.",
    ],
)
def test_bare_names_after_a_plural_level_keep_their_bracketed_figures(sentence: str) -> None:
    found = prose(TITLE, sentence)
    assert rows(found, "score") == [
        ("Xã Hòa Bình", "89.4"), ("Xã Tân Lập", "88.15"), ("Xã Phú Cường", "87.02"),
    ]  # fmt: skip


def test_a_colon_after_a_singular_level_names_no_place() -> None:
    found = prose(TITLE, "Khối cấp huyện: Huyện Bảo Lâm đạt 88,3 điểm, xếp thứ 2.")
    assert rows(found, "score", "rank") == [("Huyện Bảo Lâm", "88.3", 2)]


# --- a grade after a list whose units each carry their figures --------------------------------


@pytest.mark.parametrize(
    ("sentence", "grade"),
    [
        ("Các thị xã Sơn Tây (90,3) và Phú Mỹ (90,05) đạt loại Xuất sắc.", "Xuất sắc"),
        ("Thị xã Sơn Tây (90,3 điểm), thị xã Phú Mỹ (90,05 điểm) cùng được xếp loại Tốt.", "Tốt"),
    ],
)
def test_a_grade_after_a_list_goes_to_every_unit_of_it(sentence: str, grade: str) -> None:
    found = prose(TITLE, sentence)
    assert rows(found, "score", "grade") == [
        ("Thị xã Sơn Tây", "90.3", grade), ("Thị xã Phú Mỹ", "90.05", grade),
    ]  # fmt: skip


def test_a_grade_after_one_units_bracket_keeps_the_earlier_units_own_grade() -> None:
    found = prose(
        TITLE, "Thị xã Sơn Tây đạt loại Xuất sắc (90,3), thị xã Phú Mỹ (85,05) xếp loại Tốt."
    )
    assert rows(found, "grade") == [("Thị xã Sơn Tây", "Xuất sắc"), ("Thị xã Phú Mỹ", "Tốt")]


# --- a comparison with an average or another unit beside the unit's own figures ---------------


@pytest.mark.parametrize(
    "sentence",
    [
        "Năm 2023 Chỉ số CCHC của tỉnh Ninh Bình đạt 87,9%, thấp hơn mức trung bình cả nước 0,4 "
        "điểm, xếp thứ 30/63.",
        "Chỉ số CCHC năm 2023 tỉnh Ninh Bình đạt 87,9%, cao hơn giá trị trung bình của cả nước "
        "1,15 điểm phần trăm, đứng thứ 30/63 tỉnh, thành phố.",
        "Tỉnh Ninh Bình có Chỉ số CCHC năm 2023 đạt 87,9%, kém tỉnh Nam Định 0,8%, xếp hạng 30/63.",
    ],
)
def test_a_place_after_a_comparison_stays_the_units_own(sentence: str) -> None:
    found = prose(TITLE, sentence)
    assert rows(found, "percent", "rank", "rank_of") == [("Tỉnh Ninh Bình", "87.9", 30, 63)]


def test_an_average_exceeded_is_no_grade() -> None:
    found = prose(TITLE, "Năm 2024 Sở Công Thương đạt 86,4 điểm, vượt mức trung bình 1,2 điểm.")
    assert rows(found, "score", "grade") == [("Sở Công Thương", "86.4", None)]


def test_an_average_compared_with_keeps_its_own_bracketed_figure() -> None:
    found = prose(
        TITLE, "Năm 2023 tỉnh Ninh Bình đạt 87,9%, cao hơn mức trung bình toàn quốc (85,1%)."
    )
    assert rows(found, "percent") == [("Tỉnh Ninh Bình", "87.9"), ("Trung bình", "85.1")]


def test_an_average_after_an_areas_figures_is_the_areas() -> None:
    found = prose(
        TITLE,
        "Chỉ số CCHC năm 2023 tỉnh Ninh Bình đạt 87,9%; riêng lĩnh vực cải cách tài chính công "
        "chỉ đạt 70,4%, thấp hơn mức trung bình cả nước (72,3%).",
    )
    assert rows(found, "percent") == [("Tỉnh Ninh Bình", "87.9")]


# --- grades dealt in turn, and a grade shared before places dealt in turn ---------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "Phường An Phú và phường Bình Khánh lần lượt xếp loại Xuất sắc và Tốt.",
        "Phường An Phú, phường Bình Khánh lần lượt đạt loại Xuất sắc, loại Tốt trong năm 2023.",
    ],
)
def test_grades_after_lan_luot_are_dealt_in_turn(sentence: str) -> None:
    found = prose(TITLE, sentence)
    assert rows(found, "grade") == [("Phường An Phú", "Xuất sắc"), ("Phường Bình Khánh", "Tốt")]


def test_three_grades_in_turn_reach_three_units() -> None:
    found = prose(
        TITLE, "Các xã Đông Hòa, Tây Hòa và Nam Hòa lần lượt được xếp loại Tốt, Khá và Trung bình."
    )
    assert rows(found, "grade") == [
        ("Xã Đông Hòa", "Tốt"), ("Xã Tây Hòa", "Khá"), ("Xã Nam Hòa", "Trung bình"),
    ]  # fmt: skip


def test_a_grade_shared_before_places_in_turn_stays_with_each_unit() -> None:
    found = prose(
        TITLE, "Thị xã Ba Đồn và huyện Minh Hóa cùng xếp loại Khá, lần lượt đứng thứ 7 và thứ 8."
    )
    assert rows(found, "rank", "grade") == [
        ("Thị xã Ba Đồn", 7, "Khá"), ("Huyện Minh Hóa", 8, "Khá"),
    ]  # fmt: skip


# --- agencies named by their names alone after a plural head ----------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "Năm nay các sở Y tế (88,6), Xây dựng (87,25) và Công Thương (86,9) tăng điểm mạnh.",
        "Tăng điểm mạnh là các Sở: Y tế (88,6 điểm), Xây dựng (87,25 điểm), Công Thương (86,9 "
        "điểm).",
    ],
)
def test_agency_names_after_a_plural_head_keep_their_own_figures(sentence: str) -> None:
    found = prose(TITLE, sentence)
    assert rows(found, "score") == [
        ("Sở Y tế", "88.6"), ("Sở Xây dựng", "87.25"), ("Sở Công Thương", "86.9"),
    ]  # fmt: skip


def test_a_first_place_after_a_list_of_figures_is_the_sets() -> None:
    found = prose(TITLE, "Sở Y tế (88,6), Sở Xây dựng (87,25), Sở Công Thương (86,9) dẫn đầu.")
    assert rows(found, "score", "rank") == [
        ("Sở Y tế", "88.6", None), ("Sở Xây dựng", "87.25", None),
        ("Sở Công Thương", "86.9", None),
    ]  # fmt: skip


# --- a grade given to "the rest" --------------------------------------------------------------


def test_a_grade_given_to_the_rest_reaches_the_ungraded_units_of_its_kind() -> None:
    found = prose(
        TITLE,
        "Phường Tân Hòa tăng 6 bậc, lên thứ 4 với 88,02 điểm.",
        "Huyện Đồng Xuân đạt 84,3 điểm. Phường Hòa Hiệp đứng cuối với 71,9 điểm, loại Khá; "
        "các phường, xã còn lại được xếp loại Tốt.",
    )
    assert rows(found, "grade") == [
        ("Phường Tân Hòa", "Tốt"), ("Huyện Đồng Xuân", None), ("Phường Hòa Hiệp", "Khá"),
    ]  # fmt: skip


def test_a_grade_given_to_the_remaining_units_stays_in_its_paragraph() -> None:
    found = prose(
        TITLE,
        "Sở Công Thương đạt 85,1 điểm.",
        "Thị xã Hương Trà xếp cuối khối huyện với 79,6 điểm. Những đơn vị còn lại đều đạt "
        "loại Tốt.",
    )
    assert rows(found, "grade") == [("Sở Công Thương", None), ("Thị xã Hương Trà", "Tốt")]
