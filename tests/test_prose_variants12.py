"""Composed variants of national and provincial news stating the figures, grades and places of
many bodies in sentences (twelfth set): aligned lists, grade groups, ranges of places.

Every case is our own writing, in the kinds of real published news items. Each one differs
in wording, order and noise from the item it answers.
"""

from __future__ import annotations

import pytest

from parscore.pipeline.parse.metadata import read_metadata
from tests.test_prose_variants4 import rows
from tests.test_reported import lines
from tests.test_statements import TITLE, prose

# --- a series of figures whose last only is written with "%" ----------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "Các tỉnh Lào Cai, Yên Bái và Sơn La lần lượt đạt 88,05; 86,7 và 85,12%.",
        "Theo thứ tự, tỉnh Lào Cai, tỉnh Yên Bái, tỉnh Sơn La lần lượt đạt 88,05, 86,7 và "
        "85,12 %, cao hơn năm trước.",
    ],
)
def test_a_series_ending_in_a_percent_gives_each_unit_its_percent(sentence: str) -> None:
    found = prose(TITLE, sentence)
    assert rows(found, "percent") == [
        ("Tỉnh Lào Cai", "88.05"), ("Tỉnh Yên Bái", "86.7"), ("Tỉnh Sơn La", "85.12"),
    ]  # fmt: skip


def test_a_series_ending_in_points_stays_points() -> None:
    found = prose(TITLE, "Sở Công Thương và Sở Xây dựng lần lượt đạt 87,3 và 86,25 điểm.")
    assert rows(found, "score", "percent") == [
        ("Sở Công Thương", "87.3", None), ("Sở Xây dựng", "86.25", None),
    ]  # fmt: skip


# --- places written as ordinal words in a row ---------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "Huyện Mê Linh và huyện Đan Phượng lần lượt xếp thứ nhất và thứ hai khối huyện.",
        "Khối huyện có huyện Mê Linh, huyện Đan Phượng lần lượt đứng thứ nhất, thứ nhì.",
    ],
)
def test_ordinal_words_in_a_row_are_dealt_in_turn(sentence: str) -> None:
    found = prose(TITLE, sentence)
    assert rows(found, "rank") == [("Huyện Mê Linh", 1), ("Huyện Đan Phượng", 2)]


# --- figures, then places, dealt to the units listed before "lần lượt" ------------------------


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "Bộ Công Thương, Bộ Xây dựng và Bộ Ngoại giao lần lượt đạt 88,9; 88,1 và 87,65%, "
            "xếp thứ 5, 6 và 7.",
            [("Bộ Công Thương", "88.9", 5), ("Bộ Xây dựng", "88.1", 6),
             ("Bộ Ngoại giao", "87.65", 7)],
        ),
        (
            "Về kết quả, Sở Y tế và Sở Công Thương lần lượt được 90,02 điểm và 89,5 điểm, đứng "
            "thứ ba và thứ tư trong khối sở.",
            [("Sở Y tế", "90.02", 3), ("Sở Công Thương", "89.5", 4)],
        ),
    ],
)
def test_figures_then_places_in_turn_keep_the_last_units_place(
    sentence: str, expected: list[tuple[str, str, int]]
) -> None:
    found = prose(TITLE, sentence)
    assert [(r["unit"], r["score"] or r["percent"], r["rank"]) for r in found] == expected


# --- one province's office of a central agency among the others' -------------------------------


def test_offices_of_one_agency_in_several_provinces_keep_their_provinces() -> None:
    sentence = (
        "Trong khối ngành dọc, Cục Thuế tỉnh Hà Nam đạt 90,4 điểm, xếp trên Cục Thuế tỉnh "
        "Ninh Bình (88,75 điểm). BHXH thành phố Đà Nẵng (87,2 điểm) đứng trên BHXH tỉnh "
        "Quảng Nam (85,03 điểm)."
    )
    found = prose(TITLE, sentence)
    assert rows(found, "score") == [
        ("Cục Thuế tỉnh Hà Nam", "90.4"), ("Cục Thuế tỉnh Ninh Bình", "88.75"),
        ("Bảo hiểm xã hội thành phố Đà Nẵng", "87.2"), ("Bảo hiểm xã hội tỉnh Quảng Nam", "85.03"),
    ]  # fmt: skip


def test_a_provinces_own_department_does_not_take_the_provinces_name() -> None:
    found = prose(TITLE, "Sở Tài chính tỉnh Hà Nam đạt 90,4 điểm, xếp thứ 2/19.")
    assert rows(found, "score") == [("Sở Tài chính", "90.4")]


def test_one_office_named_with_its_province_keeps_the_level_name() -> None:
    found = prose(TITLE, "Trong khối ngành dọc, Kho bạc Nhà nước tỉnh Long An đạt 90,5 điểm.")
    assert rows(found, "score") == [("Kho bạc Nhà nước tỉnh", "90.5")]


# --- the notice's province, from a lead that names the committee before a verb ------------------


@pytest.mark.parametrize(
    ("lead", "expected"),
    [
        ("UBND tỉnh Kon Tum đã có Quyết định số 77/QĐ-UBND công bố Chỉ số CCHC.", "Kon Tum"),
        ("Ủy ban nhân dân tỉnh Bà Rịa - Vũng Tàu vừa ký Quyết định công bố Chỉ số CCHC.",
         "Bà Rịa - Vũng Tàu"),
        ("Mới đây, UBND thành phố Cần Thơ có văn bản công bố kết quả Chỉ số CCHC.", "Cần Thơ"),
    ],
)
def test_a_leads_committee_before_a_verb_gives_the_province(lead: str, expected: str) -> None:
    meta = read_metadata(lines("Công bố Chỉ số cải cách hành chính năm 2023", lead), 2023)
    assert meta.province == expected


# --- a city that is a province, then a bare province after a comma: a list -------------------


def test_a_province_level_city_and_a_province_after_a_comma_are_two_units() -> None:
    sentence = (
        "Ba địa phương dẫn đầu khu vực lần lượt là Đà Nẵng, Quảng Nam, Thừa Thiên Huế với "
        "89,4%; 88,6% và 87,95%."
    )
    found = prose(TITLE, sentence)
    assert rows(found, "percent", "rank") == [
        ("Thành phố Đà Nẵng", "89.4", 1), ("Tỉnh Quảng Nam", "88.6", 2),
        ("Tỉnh Thừa Thiên Huế", "87.95", 3),
    ]  # fmt: skip


def test_figures_named_as_the_lists_values_are_dealt_in_turn() -> None:
    sentence = (
        "Nhóm dẫn đầu khối sở lần lượt là Sở Nội vụ, Sở Tư pháp và Sở Tài chính với các "
        "kết quả 93,06 điểm; 92,4 điểm và 91,7 điểm."
    )
    found = prose(TITLE, sentence)
    assert rows(found, "score") == [
        ("Sở Nội vụ", "93.06"), ("Sở Tư pháp", "92.4"), ("Sở Tài chính", "91.7"),
    ]  # fmt: skip


# --- the first places taken by a list ------------------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "Trong khối huyện, huyện Thanh Sơn, huyện Cẩm Khê và huyện Hạ Hòa lần lượt giữ 3 vị "
        "trí đầu.",
        "Trong khối huyện, ba vị trí đầu lần lượt thuộc về huyện Thanh Sơn (90,8 điểm), huyện "
        "Cẩm Khê (90,1 điểm) và huyện Hạ Hòa (89,35 điểm).",
    ],
)
def test_the_first_places_of_a_list_in_turn(sentence: str) -> None:
    found = prose(TITLE, sentence)
    assert rows(found, "rank") == [
        ("Huyện Thanh Sơn", 1), ("Huyện Cẩm Khê", 2), ("Huyện Hạ Hòa", 3),
    ]  # fmt: skip


# --- a grade after units joined by "và" is each one's -----------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "Năm nay, huyện Đầm Hà, huyện Hải Hà và thị xã Quảng Yên được xếp loại Xuất sắc.",
        "Kết quả xếp loại: huyện Đầm Hà, huyện Hải Hà và thị xã Quảng Yên đạt mức Xuất sắc, "
        "còn lại xếp loại Tốt.",
    ],
)
def test_a_grade_after_joined_units_is_each_ones(sentence: str) -> None:
    found = prose(TITLE, sentence)
    assert rows(found, "grade") == [
        ("Huyện Đầm Hà", "Xuất sắc"), ("Huyện Hải Hà", "Xuất sắc"),
        ("Thị xã Quảng Yên", "Xuất sắc"),
    ]  # fmt: skip


# --- a range of places dealt to a list ----------------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "Huyện Mường Tè (79,2 điểm), huyện Sìn Hồ (78,6 điểm) và huyện Nậm Nhùn (77,05 điểm) "
        "lần lượt đứng từ thứ 6 đến thứ 8.",
        "Xếp từ vị trí 6 tới 8 lần lượt là huyện Mường Tè, huyện Sìn Hồ và huyện Nậm Nhùn.",
    ],
)
def test_a_range_of_places_is_dealt_down_the_list(sentence: str) -> None:
    found = prose(TITLE, sentence)
    assert rows(found, "rank") == [
        ("Huyện Mường Tè", 6), ("Huyện Sìn Hồ", 7), ("Huyện Nậm Nhùn", 8),
    ]  # fmt: skip


def test_a_band_of_points_is_no_range_of_places() -> None:
    found = prose(TITLE, "Sở Y tế đạt 84,2 điểm, thuộc nhóm từ 80 đến 85 điểm.")
    assert rows(found, "score", "rank") == [("Sở Y tế", "84.2", None)]


# --- "thứ N" alone after a unit's figure and a comma ------------------------------------------


def test_a_bare_ordinal_after_a_units_figure_is_its_place() -> None:
    sentence = (
        "Nhóm cuối gồm huyện Mường Lát (80,12%, xếp thứ 25), huyện Quan Sơn (79,4%, thứ 26) "
        "và huyện Quan Hóa (78,95 điểm, thứ 27)."
    )
    found = prose(TITLE, sentence)
    assert rows(found, "rank") == [
        ("Huyện Mường Lát", 25), ("Huyện Quan Sơn", 26), ("Huyện Quan Hóa", 27),
    ]  # fmt: skip


def test_an_ordinal_counting_years_after_a_figure_is_no_place() -> None:
    found = prose(TITLE, "Huyện Quan Sơn đạt 79,4%, thứ 2 năm liền tăng hạng.")
    assert rows(found, "rank") == [("Huyện Quan Sơn", None)]


@pytest.mark.parametrize("cue", ["đứng kề cuối", "xếp sát cuối"])
def test_the_place_before_the_last_in_other_words(cue: str) -> None:
    sentence = f"Trong 15 phường, xã, phường Tân Lập {cue} với 74,15 điểm."
    found = prose(TITLE, sentence)
    assert rows(found, "rank", "rank_of") == [("Phường Tân Lập", 14, 15)]


# --- the last of a list of the last places, its figures falling in turn ------------------------


def test_the_last_of_the_lowest_listed_in_turn_with_falling_figures_is_last() -> None:
    found = prose(
        TITLE,
        "Năm 2023 có 11 huyện, thị xã được đánh giá. Xếp cuối bảng là huyện Ba Chẽ, huyện Bình "
        "Liêu và huyện Cô Tô, lần lượt đạt 86,3 điểm, 85,8 điểm và 84,05 điểm.",
    )
    assert rows(found, "score", "rank", "rank_of") == [
        ("Huyện Ba Chẽ", "86.3", None, None), ("Huyện Bình Liêu", "85.8", None, None),
        ("Huyện Cô Tô", "84.05", 11, 11),
    ]  # fmt: skip


def test_the_lowest_listed_without_figures_stay_a_set() -> None:
    sentence = "Có 11 huyện. Hai huyện thấp nhất lần lượt là huyện Ba Chẽ và huyện Cô Tô."
    found = prose(TITLE, sentence)
    assert rows(found, "rank") == [("Huyện Ba Chẽ", None), ("Huyện Cô Tô", None)]
