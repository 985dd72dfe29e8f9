"""Composed variants of news items about one province's or ministry's place in the national
PAR Index (eighth set).

Every case is our own writing, in the kinds of real published news items: a passive
announcer between the subject and its figure, other indices named beside the PAR Index with
their own ranks, a rank within a region, a part's rank. Each one differs in wording, order
and noise from the probe it answers.
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from tests.test_prose_variants3 import notice_of
from tests.test_prose_variants4 import rows
from tests.test_statements import TITLE, prose

# --- an announcer between the subject and its figure -----------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "Năm 2023, Chỉ số CCHC của tỉnh Yên Bái do Bộ Nội vụ công bố đạt 85,62%, xếp thứ 37/63.",
        "Chỉ số cải cách hành chính của tỉnh Yên Bái được Ban Chỉ đạo phê duyệt đạt 85,62%, "
        "đứng thứ 37/63 tỉnh, thành phố.",
        "Theo kết quả được công bố, tỉnh Yên Bái được Bộ Nội vụ xác định đạt 85,62% "
        "(xếp thứ 37/63).",
    ],
)
def test_a_passive_announcer_leaves_the_figure_to_the_subject(sentence: str) -> None:
    found = [r for r in prose(TITLE, sentence) if r["index"] == "par"]
    assert rows(found, "percent", "rank", "rank_of") == [("Tỉnh Yên Bái", "85.62", 37, 63)]


# --- another index named by its abbreviation in brackets --------------------------------------


@pytest.mark.parametrize(
    ("sentence", "index"),
    [
        (
            "Về Chỉ số năng lực cạnh tranh cấp sở, ngành, địa phương (DDCI) năm 2022, "
            "thành phố Bảo Lộc đứng thứ 2/12 với 70,4 điểm.",
            "ddci",
        ),
        (
            "Theo bảng xếp hạng mức độ sẵn sàng ứng dụng công nghệ thông tin (ICT Index) "
            "năm 2022, thành phố Bảo Lộc đứng thứ 2/12 với 70,4 điểm.",
            "other",
        ),
    ],
)
def test_an_index_abbreviated_in_brackets_is_the_sentences_index(sentence: str, index: str) -> None:
    found = prose(
        TITLE,
        "Chỉ số hài lòng (SIPAS) năm 2022 của thành phố Bảo Lộc đạt 84,1%.",
        sentence,
    )
    assert rows(found, "index", "score", "rank") == [
        ("Thành phố Bảo Lộc", "sipas", None, None),
        ("Thành phố Bảo Lộc", index, "70.4", 2),
    ]


# --- a figure after a first or last place and its ranking's size -------------------------------


@pytest.mark.parametrize(
    ("sentence", "rank", "rank_of"),
    [
        ("Tỉnh Hà Giang xếp cuối cùng trong 63 địa phương với 77,15%.", 63, 63),
        ("Tỉnh Hà Giang dẫn đầu 63 tỉnh, thành với 77,15%.", 1, 63),
        ("Tỉnh Hà Giang đứng cuối trong tổng số 63 tỉnh, thành phố, với chỉ số 77,15%.", 63, 63),
    ],
)
def test_a_figure_after_a_places_ranking_size_is_the_units(
    sentence: str, rank: int, rank_of: int
) -> None:
    found = prose(TITLE, sentence)
    assert rows(found, "percent", "rank", "rank_of") == [("Tỉnh Hà Giang", "77.15", rank, rank_of)]


def test_a_ministrys_figure_after_its_group_of_ministries() -> None:
    found = prose(
        TITLE, "Năm nay, Bộ Công Thương đứng thứ 6 trong số 17 bộ, cơ quan ngang bộ với 87,04%."
    )
    assert rows(found, "percent", "rank", "rank_of") == [("Bộ Công Thương", "87.04", 6, 17)]


def test_a_count_of_units_after_a_place_gives_no_figure_of_its_own() -> None:
    found = prose(TITLE, "Sở Y tế dẫn đầu khối sở với 92,3 điểm; có 6 sở đạt trên 90 điểm.")
    assert rows(found, "score", "rank") == [("Sở Y tế", "92.3", 1)]


# --- the first place written as a title ----------------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "Năm thứ ba liên tiếp, tỉnh Lào Cai giữ vững ngôi đầu với 90,84%.",
        "Tỉnh Lào Cai lần đầu giành ngôi quán quân Chỉ số CCHC, đạt 90,84%.",
        "Với 90,84%, tỉnh Lào Cai chiếm ngôi đầu bảng.",
    ],
)
def test_the_first_place_written_as_a_title_is_rank_one(sentence: str) -> None:
    found = prose(TITLE, sentence)
    assert rows(found, "percent", "rank") == [("Tỉnh Lào Cai", "90.84", 1)]


# --- a rank followed by the index it is in -----------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "rank", "rank_of"),
    [
        ("Thành phố Cần Thơ xếp hạng 17/63 về Chỉ số cải cách hành chính năm 2023.", 17, 63),
        ("Năm 2023, Bộ Tư pháp dẫn đầu về chỉ số CCHC.", 1, None),
        ("Huyện Tam Nông đứng thứ 5 xét về Chỉ số CCHC.", 5, None),
    ],
)
def test_a_rank_followed_by_its_index_is_a_rank(
    sentence: str, rank: int, rank_of: int | None
) -> None:
    found = prose(TITLE, sentence)
    assert [(r["rank"], r["rank_of"]) for r in found] == [(rank, rank_of)]


def test_a_rank_before_an_index_with_no_unit_before_it_is_nobodys() -> None:
    assert prose("Đứng thứ 2 về Chỉ số CCHC năm 2023", "Tin: Văn phòng Sở.") == []


# --- the national average before the titled subject's figure ------------------------------------


@pytest.mark.parametrize(
    "title",
    [
        "Hà Tĩnh xếp thứ 28/63 về Chỉ số cải cách hành chính năm 2023",
        "Chỉ số CCHC năm 2023 của tỉnh Hà Tĩnh đứng thứ 28/63",
    ],
)
def test_an_average_before_the_titled_subjects_figure_is_not_the_notices_own(title: str) -> None:
    notice = notice_of(
        title,
        "Năm 2023, Chỉ số CCHC trung bình của cả nước đạt 87,8%; 63/63 địa phương đạt trên 80%.",
        "Tỉnh Hà Tĩnh đạt 86,93%, xếp thứ 28/63, tăng 6 bậc so với năm 2022.",
    )
    assert notice.summary.headline_score is not None
    assert notice.summary.headline_score.value == Decimal("86.93")
    assert (notice.summary.rank, notice.summary.rank_of) == (28, 63)


# --- a part of a region named by the press ------------------------------------------------------


def test_a_region_ending_in_bo_heads_no_ministry() -> None:
    found = prose(TITLE, "Xét trong khu vực Bắc Trung Bộ, Hà Tĩnh xếp thứ ba, sau Nghệ An.")
    assert rows(found, "rank") == [("Tỉnh Hà Tĩnh", 3)]


@pytest.mark.parametrize("region", ["Nam Trung Bộ", "Tây Nam Bộ", "Bắc Trung bộ"])
def test_a_part_of_a_region_after_a_first_place_is_its_scope(region: str) -> None:
    found = prose(TITLE, f"Năm nay, tỉnh Phú Yên dẫn đầu vùng {region} với 87,36%.")
    assert rows(found, "percent", "rank", "rank_of") == [("Tỉnh Phú Yên", "87.36", 1, None)]


@pytest.mark.parametrize(
    "sentence",
    [
        "Tỉnh Đắk Lắk đứng đầu khu vực Tây Nguyên với 86,75%.",
        "Tỉnh Đắk Lắk dẫn đầu trong khu vực Tây Nguyên, đạt 86,75%.",
    ],
)
def test_a_first_place_in_a_named_area_keeps_its_figure(sentence: str) -> None:
    found = prose(TITLE, sentence)
    assert rows(found, "percent", "rank", "rank_of") == [("Tỉnh Đắk Lắk", "86.75", 1, None)]


# --- an index named right after a place is the place's index ---------------------------------


def test_a_place_takes_the_index_named_right_after_it() -> None:
    found = prose(
        TITLE,
        "Năm 2023, Chỉ số CCHC của tỉnh Bạc Liêu đạt 84,02%, xếp thứ 31/63. Ngoài ra, "
        "tỉnh Bạc Liêu xếp thứ 3 khu vực đồng bằng sông Cửu Long xét về Chỉ số SIPAS; "
        "thành phố Cần Thơ đứng đầu theo chỉ số PAPI.",
    )
    assert rows(found, "index", "percent", "rank") == [
        ("Tỉnh Bạc Liêu", "par", "84.02", 31),
        ("Tỉnh Bạc Liêu", "sipas", None, 3),
        ("Thành phố Cần Thơ", "papi", None, 1),
    ]
