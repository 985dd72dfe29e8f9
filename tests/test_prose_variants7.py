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
