"""Composed variants of how news items and decisions phrase results and duties (third set).

Every case is our own writing, in the kinds of real published PAR-index notices; each one
differs in wording, order and noise from the probe it answers, so that a rule written for one
sentence fails here.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest

from parscore.extractors.model import Block, BlockKind, Document, Region
from parscore.pipeline.parse import parse
from tests.test_assignments import SIGNER, SOURCE, tasks_of
from tests.test_statements import TITLE, prose


def ranked(found: list[dict[str, Any]]) -> list[tuple[str, int | None, int | None, int | None]]:
    """Given statement rows, return each unit with its rank, count and year."""
    return [(r["unit"], r["rank"], r["rank_of"], r["year"]) for r in found]


# --- a first or last place with its scope before "là" ---------------------------------------


@pytest.mark.parametrize(
    ("sentence", "unit", "rank"),
    [
        ("Địa phương dẫn đầu toàn quốc là tỉnh Bắc Ninh với 90,52%.", "Tỉnh Bắc Ninh", 1),
        ("Tỉnh xếp cuối cùng trên cả nước là tỉnh Hà Giang, đạt 77,31%.", "Tỉnh Hà Giang", 63),
        ("Thấp nhất trong cả nước là: tỉnh Cao Bằng (78,02%).", "Tỉnh Cao Bằng", 63),
    ],
)
def test_a_national_place_with_its_scope_belongs_to_the_unit_after_it(
    sentence: str, unit: str, rank: int
) -> None:
    found = prose(
        "Chỉ số cải cách hành chính năm 2023 của các tỉnh, thành phố",
        "Năm 2023, tỉnh Thái Bình đạt 85,14%, xếp thứ 24/63 tỉnh, thành phố.",
        sentence,
    )
    by_unit = {r["unit"]: (r["rank"], r["rank_of"]) for r in found}
    assert by_unit[unit] == (rank, 63)
    assert by_unit["Tỉnh Thái Bình"] == (24, 63)  # the subject keeps its own place only


def test_a_place_within_a_region_is_not_a_place_in_the_whole_ranking() -> None:
    found = prose(
        "Chỉ số cải cách hành chính năm 2023 của các tỉnh, thành phố",
        "Năm 2023, tỉnh Thái Bình đạt 85,14%, xếp thứ 24/63 tỉnh, thành phố.",
        "Tỉnh Quảng Ninh đứng đầu khu vực với 91,2%, còn tỉnh Hòa Bình thấp nhất vùng (80,1%).",
        "Trong khi đó, tỉnh Lâm Đồng dẫn đầu vùng Tây Nguyên với 86,05%.",
    )
    rows = [(r["unit"], r["rank"], r["rank_of"], r["percent"]) for r in found]
    assert rows == [
        ("Tỉnh Thái Bình", 24, 63, "85.14"),
        ("Tỉnh Quảng Ninh", 1, None, "91.2"),
        ("Tỉnh Hòa Bình", None, None, "80.1"),
        ("Tỉnh Lâm Đồng", 1, None, "86.05"),
    ]


def test_the_lowest_of_a_block_named_after_the_place() -> None:
    found = prose(
        TITLE,
        "Khối các sở, ban, ngành có 18 đơn vị. Dẫn đầu là Sở Ngoại vụ (93,4 điểm). Cơ quan có "
        "điểm thấp nhất khối này là Sở Giao thông vận tải với 79,85 điểm.",
    )
    assert ranked(found) == [("Sở Ngoại vụ", 1, 18, 2023), ("Sở Giao thông vận tải", 18, 18, 2023)]


# --- an earlier year's rank in brackets is an aside ------------------------------------------


def test_sentences_after_an_earlier_years_rank_go_on_with_this_year() -> None:
    found = prose(
        "Chỉ số CCHC năm 2024 của tỉnh Hưng Yên",
        "Năm 2024, Chỉ số CCHC của tỉnh Hưng Yên đạt 87,02%, đứng thứ 18/63, tăng 6 bậc "
        "(năm 2023 đứng thứ 24/63).",
        "Trong vùng Đồng bằng sông Hồng, tỉnh xếp thứ 6/11. Tỉnh Hải Dương dẫn đầu vùng với "
        "89,3%.",
    )
    years = {(r["unit"], r["rank"]): r["year"] for r in found}
    assert years[("Tỉnh Hưng Yên", 18)] == 2024
    assert years[("Tỉnh Hưng Yên", 24)] == 2023
    assert years[("Tỉnh Hưng Yên", 6)] == 2024
    assert years[("Tỉnh Hải Dương", 1)] == 2024


# --- groups of grades parted by ";" after figures --------------------------------------------


def test_a_grade_after_a_semicolon_opens_the_next_group_behind_figures() -> None:
    found = prose(
        TITLE,
        "Kết quả, loại Xuất sắc có 2 cơ quan là Sở Y tế (91,6 điểm) và Thanh tra tỉnh "
        "(90,15 điểm); loại Tốt gồm 3 cơ quan: Sở Xây dựng, Sở Công Thương, Ban Dân tộc; các "
        "cơ quan còn lại đạt loại Khá.",
    )
    grades = [(r["unit"], r["grade"], r["score"]) for r in found]
    assert grades == [
        ("Sở Y tế", "Xuất sắc", "91.6"),
        ("Thanh tra tỉnh", "Xuất sắc", "90.15"),
        ("Sở Xây dựng", "Tốt", None),
        ("Sở Công Thương", "Tốt", None),
        ("Ban Dân tộc", "Tốt", None),
    ]


def test_a_count_whose_clause_ends_before_a_grade_is_the_whole() -> None:
    found = prose(
        TITLE,
        "Trong số 9 huyện, thị xã, loại Tốt có 4 đơn vị, loại Khá có 5 đơn vị.",
        "Xếp cuối là huyện Mường Tè (68,9 điểm).",
    )
    assert ranked(found) == [("Huyện Mường Tè", 9, 9, 2023)]


def test_a_grades_members_counted_right_before_it_are_no_block_size() -> None:
    found = prose(TITLE, "Có 4 đơn vị xếp loại Tốt. Đứng cuối là huyện Mường Tè (68,9 điểm).")
    assert [r["rank_of"] for r in found] == [None]


# --- a decision's article: each paragraph's own duty ------------------------------------------


def test_each_paragraph_of_an_article_gives_its_own_duty() -> None:
    found = tasks_of(
        "Điều 1. Công bố Chỉ số cải cách hành chính năm 2024 của 16 phòng, ban chuyên môn.",
        "Điều 2. Các phòng, ban chuyên môn thuộc UBND huyện có trách nhiệm xây dựng kế hoạch "
        "khắc phục hạn chế trong quý I năm 2025.",
        "Giao Văn phòng HĐND và UBND huyện theo dõi, đôn đốc việc khắc phục.",
        "Điều 3. Chánh Văn phòng HĐND và UBND huyện, Trưởng các phòng, ban chuyên môn chịu "
        "trách nhiệm thi hành Quyết định này./.",
        *SIGNER,
    )
    assert [unit for unit, _ in found] == [
        "Các phòng, ban chuyên môn thuộc UBND huyện",
        "Văn phòng HĐND và UBND huyện",
    ]
    assert found[1][1].startswith("Giao Văn phòng HĐND")


# --- a report's own sections are no duties ----------------------------------------------------


def test_a_unit_reporting_what_follows_gives_itself_no_duties() -> None:
    found = tasks_of(
        "Thực hiện Công văn số 45/SNV-CCHC, Phòng Nội vụ huyện kính báo cáo kết quả thực hiện "
        "như sau:",
        "I. KẾT QUẢ ĐẠT ĐƯỢC",
        "Tổng điểm tự chấm của huyện là 81,5/100 điểm.",
        "II. HẠN CHẾ",
        "Việc số hóa hồ sơ còn chậm.",
        *SIGNER,
    )
    assert found == []


def test_a_lead_in_giving_duties_still_gives_them() -> None:
    found = tasks_of(
        "UBND huyện yêu cầu các xã, thị trấn thực hiện các nội dung sau:",
        "1. Rà soát thủ tục hành chính trước ngày 30/6/2025.",
        "2. Báo cáo kết quả về Phòng Nội vụ.",
        *SIGNER,
    )
    assert [unit for unit, _ in found] == ["các xã, thị trấn", "các xã, thị trấn"]


# --- the parts of the national index and bodies named after an area ---------------------------


def notice_of(*paragraphs: str) -> Any:
    """Given paragraphs (the first a title), return the parsed notice."""
    blocks = tuple(Block(kind=BlockKind.PARAGRAPH, text=p, region=Region.BODY) for p in paragraphs)
    return parse(Document(source=SOURCE, blocks=blocks))


def test_the_appraisal_total_is_a_part_not_the_units_score() -> None:
    notice = notice_of(
        "Bộ Xây dựng tăng 3 bậc Chỉ số CCHC năm 2023",
        "Năm 2023, Chỉ số CCHC của Bộ Xây dựng đạt 86,71%, xếp thứ 9/17 bộ, cơ quan ngang bộ.",
        "Trong đó, tổng điểm thẩm định đạt 51,02/60,5 điểm, điểm điều tra xã hội học đạt "
        "35,69/39,5 điểm.",
    )
    units = [(s.unit, s.score and s.score.value, s.percent and s.percent.value)
             for s in notice.unit_scores]  # fmt: skip
    assert units == [("Bộ Xây dựng", None, Decimal("86.71"))]
    parts = {s.area: (s.max and s.max.value, s.score and s.score.value) for s in notice.scores}
    assert parts["tham_dinh"] == (Decimal("60.5"), Decimal("51.02"))


def test_a_steering_committees_name_is_no_area() -> None:
    notice = notice_of(
        "Công bố Chỉ số CCHC năm 2023",
        "Theo kết quả được Ban Chỉ đạo cải cách hành chính của Chính phủ công bố, Bộ Công an "
        "đạt 90,08%, xếp thứ nhất.",
        "Lĩnh vực cải cách thể chế đạt 9,4/10 điểm; lĩnh vực cải cách thủ tục hành chính đạt "
        "12,1/13 điểm.",
    )
    assert "chi_dao_dieu_hanh" not in {s.area for s in notice.scores}


# --- a report's total named without its unit; a group's noun heading a place ---------------


def test_a_sentence_opening_with_the_total_states_the_reports_subjects_total() -> None:
    notice = notice_of(
        "BÁO CÁO Kết quả tự chấm điểm Chỉ số cải cách hành chính năm 2024",
        "Phòng Tư pháp huyện tự chấm điểm các tiêu chí như sau:",
        "1. Cải cách thể chế: tự chấm 9/10 điểm.",
        "2. Cải cách thủ tục hành chính: tự chấm 11,5/13 điểm.",
        "3. Cải cách chế độ công vụ: tự chấm 12/14 điểm.",
        "Tổng điểm tự chấm: 32,5/37 điểm.",
    )
    assert notice.summary.headline_score is not None
    assert notice.summary.headline_score.value == Decimal("32.5")


def test_a_groups_last_noun_heading_a_named_place_is_the_places() -> None:
    found = prose(
        TITLE,
        "Trong khối huyện, thị xã Hương Trà xếp thứ nhất với 91,2 điểm; các huyện, thị xã "
        "còn lại đều trên 80 điểm.",
    )
    assert [(r["unit"], r["rank"], r["score"]) for r in found] == [("Thị xã Hương Trà", 1, "91.2")]


# --- duties in news: openers in a row, words of obligation ----------------------------------


def test_a_news_items_duties_after_openers_and_words_of_obligation() -> None:
    found = tasks_of(
        "Chỉ số CCHC năm 2024 của Sở Công Thương giảm 2 bậc.",
        "Theo lãnh đạo Sở, trong thời gian tới, Phòng Quản lý thương mại phải rà soát toàn bộ "
        "thủ tục hành chính; Văn phòng Sở tham mưu kế hoạch số hóa hồ sơ trước quý III/2025.",
    )
    assert [unit for unit, _ in found] == ["Phòng Quản lý thương mại", "Văn phòng Sở"]


def test_news_about_bodies_without_obligation_gives_no_duties() -> None:
    found = tasks_of(
        "Chỉ số CCHC năm 2024 của Sở Công Thương giảm 2 bậc.",
        "Theo lãnh đạo Sở, năm qua, Phòng Quản lý thương mại rà soát 45 thủ tục hành chính.",
    )
    assert found == []


# --- ranks written in a row after "lần lượt"; the vertical agencies' block -------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "Sở Du lịch và Ban Dân tộc lần lượt xếp thứ 18 và 19.",
        "Sở Du lịch, Ban Dân tộc lần lượt đứng thứ 18, thứ 19 với 80,2 và 79,65 điểm.",
    ],
)
def test_ranks_written_in_a_row_are_the_listed_units_in_turn(sentence: str) -> None:
    found = prose(TITLE, sentence)
    assert [(r["unit"], r["rank"]) for r in found] == [("Sở Du lịch", 18), ("Ban Dân tộc", 19)]


def test_ranks_in_a_row_not_matching_the_units_give_no_ranks() -> None:
    found = prose(TITLE, "Sở Du lịch, Sở Y tế và Ban Dân tộc lần lượt xếp thứ 17 và 18.")
    assert [r["rank"] for r in found] == []


def test_the_vertical_agencies_block_size_counts_their_ranks() -> None:
    found = prose(
        TITLE,
        "Kết quả được công bố cho 20 sở, ban, ngành và 5 cơ quan ngành dọc.",
        "Khối ngành dọc: Cục Hải quan tỉnh dẫn đầu với 94,3 điểm, tiếp theo là Công an tỉnh "
        "(93,8 điểm); xếp cuối là Kho bạc Nhà nước tỉnh với 88,02 điểm.",
    )
    assert ranked(found) == [
        ("Cục Hải quan tỉnh", 1, 5, 2023),
        ("Công an tỉnh", 2, 5, 2023),
        ("Kho bạc Nhà nước tỉnh", 5, 5, 2023),
    ]


# --- a cleft sentence: the figures and the place before "là" are the unit's after it ---------


@pytest.mark.parametrize(
    "sentence",
    [
        "Đơn vị có chỉ số cao nhất, với 92,5 điểm, là Sở Công Thương.",
        "Hai đơn vị có kết quả cao nhất, cùng 92,5 điểm, là Sở Công Thương và Sở Y tế.",
    ],
)
def test_a_cleft_sentence_gives_its_figures_and_place_to_the_units_after_la(sentence: str) -> None:
    found = prose(TITLE, sentence)
    assert found
    assert all((r["rank"], r["score"]) == (1, "92.5") for r in found)
    assert found[0]["unit"] == "Sở Công Thương"


# --- a flattened ranking table: a lead-in above, the rank first, survey parts -----------------


def test_a_flattened_ranking_table_with_the_rank_first_and_survey_parts() -> None:
    notice = notice_of(
        "Chỉ số CCHC năm 2024 của các tỉnh vùng Tây Nguyên",
        "Thứ hạng của các tỉnh trong vùng như sau:",
        "Xếp", "hạng", "Tỉnh, thành phố", "Điểm", "thẩm định", "Điều tra", "xã hội học",
        "Chỉ số", "(%)",
        "1", "Lâm Đồng", "55,9", "32,1", "88,00",
        "2", "Đắk Lắk", "54,25", "31,98", "86,23",
        "3", "Gia Lai", "53,1", "31,5", "84,60",
    )  # fmt: skip
    rows = [(s.unit, s.rank, s.score, s.percent and s.percent.value) for s in notice.unit_scores]
    assert rows == [
        ("Lâm Đồng", 1, None, Decimal("88.00")),
        ("Đắk Lắk", 2, None, Decimal("86.23")),
        ("Gia Lai", 3, None, Decimal("84.60")),
    ]


# --- one of a leading group is no first place; a bank's branch is a vertical agency ---------


@pytest.mark.parametrize(
    "sentence",
    [
        "Với 90,2 điểm, Sở Công Thương tiếp tục nằm trong nhóm dẫn đầu.",
        "Sở Công Thương (90,2 điểm) lọt vào tốp đầu của tỉnh.",
        "Sở Công Thương đạt 90,2 điểm, thuộc nhóm cao nhất.",
    ],
)
def test_one_of_the_leading_group_has_no_place_of_its_own(sentence: str) -> None:
    found = prose(TITLE, sentence)
    assert [(r["unit"], r["score"], r["rank"]) for r in found] == [("Sở Công Thương", "90.2", None)]


def test_a_banks_branch_is_one_unit_ranked_with_the_vertical_agencies() -> None:
    found = prose(
        TITLE,
        "Năm nay có 5 cơ quan ngành dọc được đánh giá. Cục Thống kê tỉnh đứng đầu khối với "
        "93,6%, xếp cuối là Chi nhánh Ngân hàng Nhà nước khu vực 3 (84,1%).",
    )
    rows = [(r["unit"], r["rank"], r["rank_of"]) for r in found]
    assert rows[0] == ("Cục Thống kê tỉnh", 1, 5)
    assert rows[1][0].startswith("Chi nhánh Ngân hàng Nhà nước")
    assert rows[1][1:] == (5, 5)


# --- earlier years' places written as ratios are places, not scores --------------------------


def test_earlier_years_places_written_as_ratios_are_places() -> None:
    found = prose(
        "Chỉ số CCHC năm 2024 của tỉnh Bình Phước",
        "Năm 2024, Chỉ số CCHC của tỉnh Bình Phước đạt 85,2%, xếp thứ 33/63. Tỉnh đã tăng hạng "
        "ba năm liền (năm 2021: 52/63; năm 2022: 47/63; năm 2023: 40/63).",
    )
    rows = [(r["year"], r["score"], r["percent"], r["rank"], r["rank_of"]) for r in found]
    assert rows == [
        (2024, None, "85.2", 33, 63),
        (2021, None, None, 52, 63),
        (2022, None, None, 47, 63),
        (2023, None, None, 40, 63),
    ]


def test_points_out_of_a_maximum_stay_points() -> None:
    found = prose(
        "Chỉ số CCHC năm 2024 của Sở Y tế",
        "Năm 2024, Sở Y tế xếp thứ 12/20. Năm 2023, Sở Y tế đạt 18/20 điểm.",
    )
    rows = [(r["year"], r["rank"], r["score"], r["max"]) for r in found]
    assert rows == [(2024, 12, None, None), (2023, None, "18", "20")]


# --- a grade alone in brackets; a share of bodies is no unit's figure -----------------------


def test_a_grade_written_alone_in_brackets_after_a_figure() -> None:
    found = prose(
        TITLE,
        "- Huyện Yên Minh: 81,4 điểm (Tốt), xếp thứ 4;",
        "- Huyện Đồng Văn: 69,05 điểm (Trung bình), xếp thứ 10.",
    )
    rows = [(r["unit"], r["score"], r["grade"], r["rank"]) for r in found]
    assert rows == [
        ("Huyện Yên Minh", "81.4", "Tốt", 4),
        ("Huyện Đồng Văn", "69.05", "Trung bình", 10),
    ]


def test_a_share_of_bodies_is_no_units_figure_or_grade() -> None:
    found = prose("Lào Cai: 95% đơn vị đạt loại Tốt trở lên về Chỉ số CCHC năm 2023", TITLE)
    assert found == []


@pytest.mark.parametrize(
    ("sentence", "unit"),
    [
        # an abbreviated agency keeps its level word before the province
        ("BHXH tỉnh Cao Bằng đạt 90,4 điểm, xếp thứ 2. Với kết quả này, BHXH tỉnh giữ vị trí "
         "thứ 2 năm thứ ba liên tiếp.", "Bảo hiểm xã hội tỉnh"),
        # an agency named again without its level word is the one named with it
        ("Cục Hải quan tỉnh đạt 91,2%, xếp thứ 3/8 cơ quan ngành dọc. Ba năm liền, Cục Hải "
         "quan được xếp loại Xuất sắc.", "Cục Hải quan tỉnh"),
    ],
)  # fmt: skip
def test_an_agency_written_two_ways_is_one_unit(sentence: str, unit: str) -> None:
    found = prose(TITLE, sentence)
    assert found
    assert {r["unit"] for r in found} == {unit}


def test_the_body_a_group_belongs_to_is_no_subject() -> None:
    notice = notice_of(
        "Công bố Chỉ số CCHC năm 2024 của tỉnh Nam Định",
        "Năm 2024, Chỉ số CCHC trung bình của các cơ quan chuyên môn thuộc UBND tỉnh đạt "
        "85,9%. Sở Tư pháp dẫn đầu với 92,3%.",
    )
    rows = [(s.unit, s.percent and s.percent.value, s.rank) for s in notice.unit_scores]
    assert rows == [("Trung bình", Decimal("85.9"), None), ("Sở Tư pháp", Decimal("92.3"), 1)]
    assert notice.summary.headline_score is None  # an average of many is no notice's own


@pytest.mark.parametrize(
    "sentence",
    [
        "Năm 2023, Sở Xây dựng được UBND tỉnh đánh giá đạt 88,6%, xếp thứ 7/20.",
        "Năm 2023, Chỉ số CCHC của Sở Xây dựng do Sở Nội vụ thẩm định đạt 88,6%, xếp thứ 7/20.",
    ],
)
def test_the_agent_of_a_passive_verb_is_no_subject(sentence: str) -> None:
    found = prose(TITLE, sentence)
    assert [(r["unit"], r["percent"], r["rank"]) for r in found] == [("Sở Xây dựng", "88.6", 7)]


def test_a_unit_after_do_that_leads_is_the_leader() -> None:
    found = prose(TITLE, "Khối huyện năm nay do huyện Yên Lạc dẫn đầu với 91,04 điểm.")
    assert [(r["unit"], r["rank"], r["score"]) for r in found] == [("Huyện Yên Lạc", 1, "91.04")]


def test_a_place_belongs_to_the_unit_after_thuoc() -> None:
    found = prose(TITLE, "Vị trí cao nhất của khối thuộc Sở Ngoại vụ với 93,15 điểm.")
    assert [(r["unit"], r["rank"], r["score"]) for r in found] == [("Sở Ngoại vụ", 1, "93.15")]


def test_numbered_items_under_a_lead_of_first_places_are_ranked_by_their_numbers() -> None:
    found = prose(
        TITLE,
        "Các cơ quan đứng đầu khối sở, ban, ngành:",
        "1. Văn phòng UBND tỉnh: 94,8 điểm;",
        "2. Sở Công Thương: 93,95 điểm;",
        "Các đơn vị xếp cuối:",
        "1. Sở Du lịch: 80,1 điểm;",
    )
    rows = [(r["unit"], r["rank"]) for r in found]
    assert rows[:2] == [("Văn phòng Ủy ban nhân dân tỉnh", 1), ("Sở Công Thương", 2)]
    assert rows[2] == ("Sở Du lịch", None)  # a numbered bottom list gives no place


def test_a_total_fronted_before_its_unit_is_the_units() -> None:
    found = prose(TITLE, "Với tổng điểm 87,15/100, Sở Khoa học và Công nghệ xếp thứ 8/20.")
    rows = [(r["unit"], r["score"], r["rank"]) for r in found]
    assert rows == [("Sở Khoa học và Công nghệ", "87.15", 8)]
