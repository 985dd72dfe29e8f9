"""A bare level word right after a unit ("Sở Y tế tỉnh đạt …") is the unit's own level: the
figure after it stays the unit's. Composed sentences, each worded otherwise."""

from __future__ import annotations

import pytest

from tests.test_statements import TITLE, prose


@pytest.mark.parametrize(
    ("sentence", "unit", "field", "value"),
    [
        ("Năm nay Sở Y tế tỉnh đạt 86,2 điểm, xếp thứ 5/20.", "Sở Y tế", "score", "86.2"),
        ("Kho bạc Nhà nước huyện được 79,05 điểm.", "Kho bạc Nhà nước", "score", "79.05"),
        ("Riêng Sở Giao thông vận tải thành phố chỉ đạt 74,3%.", "Sở Giao thông vận tải",
         "percent", "74.3"),
    ],
)
def test_a_bare_level_word_after_a_unit_keeps_its_figure(
    sentence: str, unit: str, field: str, value: str
) -> None:
    rows = prose(TITLE, sentence)
    assert [(r["unit"], r[field]) for r in rows] == [(unit, value)]


def test_a_level_word_naming_a_place_is_the_units_province() -> None:
    """Followed by a name, the level word opens the unit's province, as before."""
    rows = prose(TITLE, "Sở Nội vụ tỉnh Quảng Trị đạt 90,75 điểm.")
    assert [(r["unit"], r["score"]) for r in rows] == [("Sở Nội vụ", "90.75")]
