"""Composed variants of news items about one province's or ministry's place in the national
PAR Index (ninth set): a rank within a region, and a component's figures and rank.

Every case is our own writing, in the kinds of real published news items. Each one differs
in wording, order and noise from the item it answers.
"""

from __future__ import annotations

import pytest

from tests.test_prose_variants4 import rows
from tests.test_statements import TITLE, prose

# --- a rank within a region named earlier in its clause --------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "Xét trong khu vực Bắc Trung Bộ, tỉnh Quảng Trị đứng thứ 4 sau tỉnh Quảng Bình "
        "(xếp hạng 20/63), trên tỉnh Hà Tĩnh (50/63).",
        "So với các tỉnh cùng vùng, tỉnh Quảng Trị xếp thứ 4, sau tỉnh Quảng Bình (20/63) "
        "và đứng trên tỉnh Hà Tĩnh (50/63).",
        "Tại vùng Bắc Trung Bộ và Duyên hải miền Trung: tỉnh Hà Tĩnh (50/63), tỉnh Quảng "
        "Bình (20/63); tỉnh Quảng Trị xếp thứ 4 trong vùng.",
    ],
)
def test_a_rank_in_a_region_takes_no_national_count(sentence: str) -> None:
    found = [r for r in prose(TITLE, sentence) if r["unit"] == "Tỉnh Quảng Trị"]
    assert rows(found, "rank", "rank_of") == [("Tỉnh Quảng Trị", 4, None)]


def test_a_rank_in_a_region_keeps_the_size_its_clause_states() -> None:
    sentence = (
        "Trong khu vực Đồng bằng sông Cửu Long, tỉnh Bạc Liêu đứng thứ hai trong 13 tỉnh, "
        "chỉ sau tỉnh Cà Mau (12/63)."
    )
    found = [r for r in prose(TITLE, sentence) if r["unit"] == "Tỉnh Bạc Liêu"]
    assert rows(found, "rank", "rank_of") == [("Tỉnh Bạc Liêu", 2, 13)]


@pytest.mark.parametrize(
    "sentence",
    [
        # the region is another clause's, after ";"
        "Vùng Tây Nguyên có 2 tỉnh tăng hạng; tỉnh Gia Lai xếp thứ 9, tỉnh Lâm Đồng (40/63).",
        # a rank beyond any region's size is national
        "Trong khu vực Tây Nguyên, tỉnh Gia Lai xếp thứ 29, tỉnh Lâm Đồng (40/63).",
    ],
)
def test_a_rank_outside_a_regions_clause_takes_the_national_count(sentence: str) -> None:
    found = [r for r in prose(TITLE, sentence) if r["unit"] == "Tỉnh Gia Lai"]
    assert [r["rank_of"] for r in found] == [63]


# --- a component's figures and place are not the unit's ---------------------------------------

HEADLINE = "Năm 2023, Chỉ số cải cách hành chính của tỉnh Sơn La đạt 83,91%, xếp thứ 45/63."


@pytest.mark.parametrize(
    "sentence",
    [
        "Tỉnh Sơn La có chỉ số thành phần cải cách thủ tục hành chính đạt 8,65/10 điểm, "
        "xếp thứ 22/63, tăng 9 bậc.",
        "Riêng tiêu chí thành phần về chính quyền số của tỉnh Sơn La đạt 7,2 điểm, đứng thứ "
        "22/63 cả nước.",
        "Sơn La có lĩnh vực cải cách chế độ công vụ đạt 9,1/10 điểm, cao nhất trong vùng "
        "Trung du và miền núi phía Bắc.",
    ],
)
def test_a_components_place_after_its_figure_is_no_unit_row(sentence: str) -> None:
    found = prose(TITLE, HEADLINE, sentence)
    assert rows(found, "percent", "rank", "rank_of") == [("Tỉnh Sơn La", "83.91", 45, 63)]


@pytest.mark.parametrize(
    "sentence",
    [
        "Ở lĩnh vực cải cách tài chính công, tỉnh Sơn La đạt 12,05 điểm, xếp thứ 17/63, "
        "tăng 6 bậc.",
        "Đối với chỉ số thành phần hiện đại hóa hành chính, Sơn La được 8,4/11 điểm, đứng thứ 51.",
        "Nổi bật, về lĩnh vực cải cách chế độ công vụ, tỉnh Sơn La đạt điểm tối đa, cao nhất "
        "cả nước.",
    ],
)
def test_a_sentence_opening_on_a_component_gives_its_unit_no_row(sentence: str) -> None:
    found = prose(TITLE, HEADLINE, sentence)
    assert rows(found, "percent", "rank", "rank_of") == [("Tỉnh Sơn La", "83.91", 45, 63)]


@pytest.mark.parametrize(
    "sentence",
    [
        # "lĩnh vực" before the reform's own name names no component
        "Trong lĩnh vực cải cách hành chính, tỉnh Sơn La đạt 83,91%, xếp thứ 45/63.",
        # a count of areas, no figure of theirs: the place after it is the unit's
        "Tỉnh Sơn La có 6/8 lĩnh vực tăng điểm, xếp thứ 45/63 với 83,91%.",
    ],
)
def test_the_units_own_figures_after_an_area_word_stay_its_own(sentence: str) -> None:
    found = prose(TITLE, sentence)
    assert rows(found, "percent", "rank", "rank_of") == [("Tỉnh Sơn La", "83.91", 45, 63)]


@pytest.mark.parametrize(
    "heading",
    ["- Lĩnh vực Cải cách tổ chức bộ máy", "b) Chỉ số thành phần Hiện đại hóa hành chính"],
)
def test_a_paragraph_under_a_components_heading_gives_its_unit_no_row(heading: str) -> None:
    found = prose(
        TITLE,
        HEADLINE,
        heading,
        "Năm 2023, tỉnh Sơn La được 9,05 điểm, chỉ số đạt 86,19%, xếp thứ 28/63, tăng 3 bậc.",
    )
    assert rows(found, "percent", "rank", "rank_of") == [("Tỉnh Sơn La", "83.91", 45, 63)]


@pytest.mark.parametrize(
    "heading",
    ["1. Kết quả chung", "- Các lĩnh vực được đánh giá", "Lĩnh vực cải cách hành chính"],
)
def test_a_paragraph_under_another_heading_keeps_its_row(heading: str) -> None:
    found = prose(TITLE, heading, "Năm 2023, tỉnh Sơn La đạt 83,91%, xếp thứ 45/63.")
    assert rows(found, "percent", "rank", "rank_of") == [("Tỉnh Sơn La", "83.91", 45, 63)]
