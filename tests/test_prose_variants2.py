"""More composed variants of how notices and news items phrase unit results (second set).

Every case is our own writing, in the kinds of real published PAR-index notices, with the
rows a careful reader writes down by hand; each differs from the probes it answers in
wording, order and noise.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest

from parscore.pipeline.parse import parse
from tests.test_parse import doc
from tests.test_statements import TITLE, prose


def graded(found: list[dict[str, Any]]) -> list[tuple[str, str | None]]:
    """Given statement rows, return each unit with its grade."""
    return [(r["unit"], r["grade"]) for r in found]


# --- a grade given to a group of units ---------------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "Xếp loại Xuất sắc gồm 2 đơn vị: Sở Công Thương và Sở Nội vụ.",
        "2. Xếp loại Xuất sắc (đạt từ 90 điểm trở lên), gồm 02 cơ quan: Sở Công Thương, Sở Nội vụ.",
        "a) Xếp loại Xuất sắc, có 2 sở là Sở Công Thương và Sở Nội vụ;",
    ],
)
def test_a_grade_given_to_a_counted_group(sentence: str) -> None:
    found = prose(TITLE, sentence)
    assert graded(found) == [("Sở Công Thương", "Xuất sắc"), ("Sở Nội vụ", "Xuất sắc")]
    assert all(r["score"] is None and r["rank_of"] is None for r in found)


def test_counted_groups_of_two_grades_in_a_numbered_list() -> None:
    found = prose(
        TITLE,
        "Căn cứ kết quả thẩm định, Hội đồng thông báo như sau:",
        "1. Xếp loại Tốt (từ 80 đến dưới 90 điểm) gồm 3 đơn vị: Sở Y tế, Thanh tra tỉnh, "
        "Sở Tài chính.",
        "2. Xếp loại Trung bình (từ 50 đến dưới 70 điểm), gồm 1 đơn vị: Sở Du lịch.",
    )
    assert graded(found) == [
        ("Sở Y tế", "Tốt"),
        ("Thanh tra tỉnh", "Tốt"),
        ("Sở Tài chính", "Tốt"),
        ("Sở Du lịch", "Trung bình"),
    ]


@pytest.mark.parametrize(
    "sentence",
    [
        "Xếp loại Tốt gồm 3 đơn vị: Sở Y tế, Thanh tra tỉnh, Sở Tài chính, xếp loại Trung bình "
        "gồm 1 đơn vị: Sở Du lịch.",
        "Xếp loại Tốt có 3 cơ quan là Sở Y tế, Thanh tra tỉnh và Sở Tài chính; xếp loại Trung "
        "bình (dưới 70 điểm) có 1 cơ quan: Sở Du lịch.",
    ],
)
def test_two_grades_given_to_their_groups_in_one_sentence(sentence: str) -> None:
    assert graded(prose(TITLE, sentence)) == [
        ("Sở Y tế", "Tốt"),
        ("Thanh tra tỉnh", "Tốt"),
        ("Sở Tài chính", "Tốt"),
        ("Sở Du lịch", "Trung bình"),
    ]


def test_a_grade_given_to_units_parted_by_semicolons() -> None:
    found = prose(TITLE, "Xếp loại Khá gồm các đơn vị: Sở Y tế; Sở Du lịch; Ban Dân tộc.")
    assert graded(found) == [("Sở Y tế", "Khá"), ("Sở Du lịch", "Khá"), ("Ban Dân tộc", "Khá")]


@pytest.mark.parametrize("name", ["Huyện Ia H'Drai", "Huyện Đắk R’Lấp"])
def test_a_place_name_with_an_apostrophe_is_one_unit(name: str) -> None:
    found = prose(
        TITLE, f"Khối huyện có 9 đơn vị; {name.lower()[:6]}{name[6:]} xếp thứ 4 (85,1 điểm)."
    )
    assert [(r["unit"], r["rank"], r["rank_of"], r["score"]) for r in found] == [
        (name.replace("’", "'"), 4, 9, "85.1")  # the canonical name has the plain apostrophe
    ]


# --- components listed in prose ----------------------------------------------------------------


def components(*lines: str) -> list[tuple[str, str, Decimal | None, Decimal | None]]:
    """Given lines of a notice, return (area, label, max, score) per component its prose states."""
    notice = parse(doc(*lines))
    return [
        (s.area, s.label, s.max and s.max.value, s.score and s.score.value) for s in notice.scores
    ]


def test_components_listed_after_a_colon_bare_or_in_brackets() -> None:
    found = components(
        "Chỉ số CCHC năm 2023 của huyện tăng 3 bậc",
        "Ở 9 lĩnh vực đánh giá, huyện có 2 lĩnh vực đạt tối đa và 3 lĩnh vực đạt từ 80% trở lên: "
        "Cải cách thủ tục hành chính 8,75/9 điểm, Cải cách chế độ công vụ (7.5/8 điểm) và "
        "Xây dựng chính quyền số (10,2/12,5 điểm).",
    )
    assert found == [
        ("tthc", "Cải cách thủ tục hành chính", Decimal(9), Decimal("8.75")),
        ("cong_vu", "Cải cách chế độ công vụ", Decimal(8), Decimal("7.5")),
        ("chinh_quyen_so", "Xây dựng chính quyền số", Decimal("12.5"), Decimal("10.2")),
    ]


def test_the_lowest_component_stated_with_its_ratio() -> None:
    found = components(
        "Kết quả Chỉ số CCHC năm 2023 của Sở",
        "Lĩnh vực cải cách thể chế được đánh giá cao nhất với 9,5/10 điểm; ngược lại, lĩnh vực "
        "cải cách tài chính công chỉ đạt thấp nhất với 4,25/7 điểm.",
    )
    assert found == [
        ("the_che", "cải cách thể chế", Decimal(10), Decimal("9.5")),
        ("tai_chinh_cong", "cải cách tài chính công", Decimal(7), Decimal("4.25")),
    ]


# --- the size of a block, stated once -----------------------------------------------------------


def ranks(found: list[dict[str, Any]]) -> list[tuple[str, int | None, int | None]]:
    """Given statement rows, return each unit with its rank and the count it is ranked in."""
    return [(r["unit"], r["rank"], r["rank_of"]) for r in found]


def test_a_block_size_stated_once_counts_every_rank_of_the_block() -> None:
    found = prose(
        TITLE,
        "Ở khối sở, ban, ngành (gồm 14 cơ quan), Sở Nội vụ đứng đầu với 92,4 điểm, thứ hai là "
        "Sở Tư pháp (91,7 điểm). Thanh tra tỉnh xếp cuối bảng, đạt 80,2 điểm.",
        "Khối huyện, thị xã có 9 đơn vị được chấm điểm; thị xã Ba Đồn xếp thứ nhất, huyện Minh "
        "Hóa đứng cuối với 79,1 điểm.",
    )
    assert ranks(found) == [
        ("Sở Nội vụ", 1, 14),
        ("Sở Tư pháp", 2, 14),
        ("Thanh tra tỉnh", 14, 14),
        ("Thị xã Ba Đồn", 1, 9),
        ("Huyện Minh Hóa", 9, 9),
    ]


def test_a_count_stated_after_the_first_places_counts_them_too() -> None:
    found = prose(
        "Chỉ số cải cách hành chính năm 2023 của các bộ",
        "Bộ Công Thương đứng đầu với 90,8%, Bộ Tư pháp đứng thứ hai với 90,1%.",
        "Trong khi đó, Bộ Xây dựng có kết quả thấp nhất trong 18 bộ, cơ quan ngang bộ (79,5%).",
    )
    assert ranks(found) == [
        ("Bộ Công Thương", 1, 18),
        ("Bộ Tư pháp", 2, 18),
        ("Bộ Xây dựng", 18, 18),
    ]


@pytest.mark.parametrize(
    "sentence",
    [
        "Khối sở có 5 đơn vị xếp loại Tốt; Sở Y tế dẫn đầu với 90,2 điểm.",
        "Sở Y tế dẫn đầu với 90,2 điểm, nằm trong nhóm 5 đơn vị xếp loại Tốt.",
        "Sở Y tế dẫn đầu với 90,2 điểm; nằm trong top 5 sở có điểm cao nhất.",
    ],
)
def test_a_grade_or_a_top_group_is_no_block_size(sentence: str) -> None:
    assert ranks(prose(TITLE, sentence)) == [("Sở Y tế", 1, None)]


def test_the_lowest_few_listed_in_turn_are_a_set_beside_the_last() -> None:
    found = prose(
        TITLE,
        "Năm 2023 có 16 sở, ngành được đánh giá. Hai đơn vị có điểm thấp nhất lần lượt là "
        "Sở Ngoại vụ (79,3 điểm) và Sở Du lịch (78,9 điểm); Ban Dân tộc đứng cuối bảng với "
        "77,45 điểm.",
    )
    assert ranks(found) == [("Sở Ngoại vụ", None, None), ("Sở Du lịch", None, None),
                            ("Ban Dân tộc", 16, 16)]  # fmt: skip


# --- ranks of earlier years -------------------------------------------------------------------


def by_year(found: list[dict[str, Any]]) -> list[tuple[Any, ...]]:
    """Given statement rows, return each row's year, score, rank and count."""
    return [(r["year"], r["score"], r["rank"], r["rank_of"]) for r in found]


def test_last_years_rank_in_brackets_is_a_statement_of_that_year() -> None:
    found = prose(
        TITLE,
        "Sở Tài chính đạt 90,4 điểm, xếp thứ 3/18, tăng 2 bậc so với năm 2022 (năm 2022 đứng "
        "thứ 5/18).",
    )
    assert by_year(found) == [(2023, "90.4", 3, 18), (2022, None, 5, 18)]
    assert {r["unit"] for r in found} == {"Sở Tài chính"}


def test_a_history_of_ranks_with_the_ordinal_word_alone() -> None:
    found = prose(
        TITLE,
        "Sở Y tế đạt 86,1 điểm, xếp thứ 6.",
        "Qua các năm, thứ hạng của Sở Y tế: năm 2020 thứ 12, năm 2021 thứ 9 và năm 2022 xếp thứ 7.",
    )
    assert by_year(found) == [
        (2023, "86.1", 6, None),
        (2020, None, 12, None),
        (2021, None, 9, None),
        (2022, None, 7, None),
    ]


# --- a decision's articles: who they name, what they assign -----------------------------------

DECISION = (
    "QUYẾT ĐỊNH",
    "Phê duyệt Chỉ số cải cách hành chính năm 2023 của các cơ quan, đơn vị",
    "Điều 1. Phê duyệt Chỉ số CCHC năm 2023 của 18 sở, ngành và 10 huyện (phụ lục kèm theo).",
    "Điều 2. Giao Văn phòng UBND tỉnh chủ trì, phối hợp cùng Sở Tư pháp công bố kết quả trên "
    "Cổng thông tin điện tử. Giám đốc các sở, Chủ tịch UBND các huyện có trách nhiệm chỉ đạo "
    "khắc phục các tồn tại, hạn chế; báo cáo kết quả trước ngày 30/6/2024.",
)


def test_a_partner_named_in_an_article_is_not_the_issuer() -> None:
    assert parse(doc(*DECISION)).metadata.issuer is None


def test_a_later_sentence_of_an_article_with_its_own_unit_is_its_own_task() -> None:
    tasks = parse(doc(*DECISION)).tasks
    assert [(t.unit, t.text.split()[-1]) for t in tasks] == [
        ("Văn phòng UBND tỉnh", "tử."),
        ("Giám đốc các sở, Chủ tịch UBND các huyện", "30/6/2024."),
    ]


# --- units listed with their kind factored out ------------------------------------------------


@pytest.mark.parametrize("kind", ["Các phòng", "Các sở"])
@pytest.mark.parametrize(
    "item",
    [
        "b) {kind}: Nội vụ, Tư pháp, Văn hóa và Thông tin: rà soát quy trình nội bộ.",
        "- {kind}: Nội vụ, Tư pháp, Văn hóa và Thông tin phối hợp rà soát quy trình nội bộ.",
    ],
)
def test_units_listed_after_their_kind_are_the_tasks_unit(kind: str, item: str) -> None:
    notice = parse(
        doc(
            "KẾ HOẠCH khắc phục hạn chế của Chỉ số CCHC năm 2023",
            "Chủ tịch UBND huyện yêu cầu các cơ quan, đơn vị thực hiện:",
            "a) Văn phòng HĐND và UBND huyện theo dõi, đôn đốc thực hiện Kế hoạch.",
            item.format(kind=kind),
        )
    )
    units = [(t.unit, t.unit_code) for t in notice.tasks]
    assert units[-1] == (f"{kind}: Nội vụ, Tư pháp, Văn hóa và Thông tin", None)


def test_wards_and_communes_are_ranked_in_one_count() -> None:
    found = prose(
        TITLE,
        "Năm nay có 17 xã, phường được đánh giá: phường Hưng Long dẫn đầu với 91,2 điểm, xã Tân "
        "Tiến xếp thứ hai (89,7 điểm), thị trấn Đồng Xoài đứng cuối bảng (72,05 điểm).",
    )
    assert ranks(found) == [
        ("Phường Hưng Long", 1, 17),
        ("Xã Tân Tiến", 2, 17),
        ("Thị trấn Đồng Xoài", 17, 17),
    ]
