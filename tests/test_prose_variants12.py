"""Composed variants of national and provincial news stating the figures, grades and places of
many bodies in sentences (twelfth set): aligned lists, grade groups, ranges of places.

Every case is our own writing, in the kinds of real published news items. Each one differs
in wording, order and noise from the item it answers.
"""

from __future__ import annotations

import pytest

from tests.test_prose_variants4 import rows
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
