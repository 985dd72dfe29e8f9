"""Composed variants of how news items and notices phrase rankings of many bodies (fourth set).

Every case is our own writing, in the kinds of real published PAR-index rankings: averages of
blocks, counted groups before their figure, ranks written in a row after a list. Each one
differs in wording, order and noise from the probe it answers.
"""

from __future__ import annotations

from typing import Any

import pytest

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
