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
