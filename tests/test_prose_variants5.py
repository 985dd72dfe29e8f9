"""Composed variants of how news items phrase rankings of many bodies (fifth set).

Every case is our own writing, in the kinds of real published PAR-index rankings: a
ministry's own units (Tổng cục, Cục, Vụ) with long lowercase names, scores with abbreviated
or mistyped units ("đ", "diểm"). Each one differs in wording, order and noise from the probe
it answers.
"""

from __future__ import annotations

import pytest

from tests.test_prose_variants4 import rows
from tests.test_statements import TITLE, prose

# --- a ministry's own units -------------------------------------------------------------------


def test_a_department_of_a_ministry_is_a_unit() -> None:
    found = prose(
        TITLE,
        "Ở khối các vụ, Vụ Tổ chức cán bộ dẫn đầu với 92,64 điểm; "
        "Vụ Kế hoạch thấp nhất với 81,3 điểm.",
    )
    assert rows(found, "score") == [("Vụ Tổ chức cán bộ", "92.64"), ("Vụ Kế hoạch", "81.3")]


@pytest.mark.parametrize(
    ("sentence", "unit"),
    [
        ("{} đạt 88,07 điểm, xếp thứ 4.", "Cục Quản lý chất lượng nông sản"),
        ("Xếp thứ 4 là {} với 88,07 điểm.", "Tổng cục Phòng chống thiên tai"),
        ("{} đạt 88,07 điểm (thứ 4).", "Vụ Hợp tác quốc tế"),
    ],
)
def test_a_ministry_unit_keeps_its_long_lowercase_name(sentence: str, unit: str) -> None:
    found = prose(TITLE, sentence.format(unit))
    assert rows(found, "score", "rank") == [(unit, "88.07", 4)]


def test_a_long_name_still_ends_at_its_verb() -> None:
    found = prose(TITLE, "Cục Chế biến và Phát triển thị trường tăng 3 bậc, đạt 85,5 điểm.")
    assert rows(found, "score") == [("Cục Chế biến và Phát triển thị trường", "85.5")]


def test_a_province_department_keeps_its_short_name() -> None:
    found = prose(TITLE, "Sở Y tế đạt 86,2 điểm, Thanh tra tỉnh đạt 85,1 điểm.")
    assert rows(found, "score") == [("Sở Y tế", "86.2"), ("Thanh tra tỉnh", "85.1")]


# --- abbreviated and mistyped units of points ---------------------------------------------------


@pytest.mark.parametrize("unit", ["đ", "diểm", "điêm"])
def test_points_written_short_or_mistyped_are_points(unit: str) -> None:
    text = f"Sở Công Thương đứng đầu khối sở (91,04 {unit}), Sở Xây dựng được 87,9 {unit}."
    assert rows(prose(TITLE, text), "score") == [
        ("Sở Công Thương", "91.04"),
        ("Sở Xây dựng", "87.9"),
    ]


# --- blocks of a ministry's own units, each with its size ---------------------------------------


def test_each_block_of_a_ministry_ranks_within_its_own_size() -> None:
    found = prose(
        TITLE,
        "Khối Tổng cục (gồm 4 đơn vị): đứng đầu là Tổng cục Quản lý đất đai với 90,3 điểm.",
        "Khối Cục (15 đơn vị): 5 đơn vị xếp loại Tốt, 10 đơn vị xếp loại Khá. Cục Chăn nuôi "
        "dẫn đầu với 92,4 điểm, thấp nhất khối là Cục Trồng trọt với 79,15 điểm.",
    )
    assert rows(found, "score", "rank", "rank_of") == [
        ("Tổng cục Quản lý đất đai", "90.3", 1, 4),
        ("Cục Chăn nuôi", "92.4", 1, 15),
        ("Cục Trồng trọt", "79.15", 15, 15),
    ]


# --- a management board written short -----------------------------------------------------------


@pytest.mark.parametrize(
    ("written", "unit"),
    [
        ("BQL KKT và các KCN tỉnh", "Ban Quản lý Khu kinh tế và các khu công nghiệp tỉnh"),
        ("BQL các KCN", "Ban Quản lý các khu công nghiệp"),
    ],
)
def test_a_board_written_short_is_spelled_out(written: str, unit: str) -> None:
    found = prose(TITLE, f"Xếp cuối khối (19/19) là {written}, chỉ đạt 77,04 điểm.")
    assert rows(found, "score", "rank", "rank_of") == [(unit, "77.04", 19, 19)]


# --- the one unit a ranked unit comes right after ------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "Năm nay huyện Đức Thọ xếp thứ 4/12 với 86,1 điểm, chỉ đứng sau thành phố Hà Tĩnh.",
        "Huyện Đức Thọ đạt 86,1 điểm, xếp thứ 4/12; xếp ngay sau thành phố Hà Tĩnh.",
    ],
)
def test_the_unit_ranked_right_above_takes_the_place_before(sentence: str) -> None:
    found = prose(TITLE, sentence)
    assert sorted(rows(found, "rank", "rank_of")) == [
        ("Huyện Đức Thọ", 4, 12),
        ("Thành phố Hà Tĩnh", 3, 12),
    ]


def test_units_listed_after_chi_sau_take_no_place() -> None:
    found = prose(
        TITLE, "Tỉnh Hà Nam xếp thứ 5/63, chỉ sau Quảng Ninh, Hải Phòng, Bắc Ninh và Hà Nội."
    )
    assert [r for r in rows(found, "rank") if r[1] is not None] == [("Tỉnh Hà Nam", 5)]


@pytest.mark.parametrize("verb", ["xêp thứ", "sếp thứ"])
def test_a_mistyped_rank_verb_still_ranks(verb: str) -> None:
    found = prose(TITLE, f"Thị xã Hoàng Mai {verb} 6/11 huyện, thành phố, thị xã (84,02 điểm).")
    assert rows(found, "score", "rank", "rank_of") == [("Thị xã Hoàng Mai", "84.02", 6, 11)]


# --- an average of the issuer's members -----------------------------------------------------------


def test_an_average_of_the_issuers_members_is_no_score_of_the_issuer() -> None:
    title = "UBND thị xã Buôn Hồ công bố Chỉ số CCHC năm 2023 của các xã, phường"
    text = "Bình quân Chỉ số CCHC cấp xã của thị xã năm 2023 là 84,37 điểm."
    assert rows(prose(title, text), "score") == [("Trung bình", "84.37")]
