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
