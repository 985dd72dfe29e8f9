"""The notice's own rank, change and grade come from the statement reader alone (issue #9,
"one reader"): a rank stated without a score, a change after an aside naming another index,
and a grade's words as written. Every text here is composed for the test."""

from __future__ import annotations

from decimal import Decimal

import pytest

from parscore.pipeline.model import Summary, UnitScore
from parscore.pipeline.parse import parse
from tests.test_parse import doc


def read(*lines: str) -> tuple[Summary, tuple[UnitScore, ...]]:
    """Given lines, return the summary and the unit statements the parser reads from them."""
    notice = parse(doc(*lines))
    return notice.summary, notice.unit_scores


def change(s: Summary) -> Decimal | None:
    """Given a summary, return its change's value."""
    return s.previous_year_delta.value if s.previous_year_delta else None


# --- (a) a rank without a score is still a statement about the subject ----------------------


@pytest.mark.parametrize(
    ("text", "rank"),
    [
        ("Trong hai năm liền, Sở Nội vụ đều tăng bậc Chỉ số CCHC (năm 2021 từ vị trí thứ 12 "
         "lên thứ 7, năm 2022 từ vị trí thứ 7 lên thứ 2).", (2, None)),
        ("Năm 2022, Chỉ số CCHC của tỉnh Quảng Trị tăng 2,4 điểm và 5 bậc so với năm 2021, "
         "đứng thứ 14/63 tỉnh, thành phố trực thuộc Trung ương - cao nhất từ trước tới nay.",
         (14, 63)),
    ],
)  # fmt: skip
def test_a_rank_stated_without_a_score_is_the_subjects(text: str, rank: tuple[int, int]) -> None:
    s, rows = read(text)
    assert s.headline_score is None
    assert (s.rank, s.rank_of) == rank
    assert any((r.rank, r.rank_of) == rank and r.index == "par" for r in rows)


def test_a_rank_with_its_count_and_the_count_s_noun_is_a_rank_whatever_follows() -> None:
    _, rows = read(
        "Chỉ số CCHC tỉnh Bình Phước năm 2022 xếp thứ 31/63 tỉnh, thành phố trực thuộc "
        "Trung ương; hạng 4/6 tỉnh, thành phố vùng Đông Nam Bộ."
    )
    assert [(r.rank, r.rank_of) for r in rows if r.index == "par"][:1] == [(31, 63)]


# --- (b) a change attaches to the index of its clause ---------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        # the aside names another index; the next sentence speaks of the outer one again
        ("Chỉ số CCHC năm 2023 của tỉnh Gia Lai đạt 84,20 điểm, gồm điểm thẩm định 55,1/62 "
         "điểm và điểm điều tra 29,1/38 điểm (trong đó Chỉ số SIPAS đạt 8,1/10 điểm). "
         "Đứng thứ 40/63, so với năm 2022 tăng 2,15 điểm và 9 bậc."),
        # the aside closes inside the sentence and the change follows it
        ("Năm 2023, Chỉ số CCHC của tỉnh Gia Lai đạt 84,20 điểm (riêng Chỉ số SIPAS đạt "
         "80,5%), tăng 2,15 điểm so với năm 2022, đứng thứ 40/63."),
    ],
)  # fmt: skip
def test_a_change_after_an_aside_naming_another_index_is_the_outer_index_s(text: str) -> None:
    s, rows = read(text)
    assert change(s) == Decimal("2.15")
    (sipas,) = [r for r in rows if r.index == "sipas"]
    assert sipas.change is None
    assert any(r.index == "par" and r.change and r.change.value == Decimal("2.15") for r in rows)


def test_a_change_of_another_index_is_not_the_notice_s() -> None:
    s, _ = read(
        "Năm 2023, Chỉ số CCHC của tỉnh Phú Yên đạt 86,02%, xếp thứ 25/63; Chỉ số PAPI đạt "
        "42,7 điểm, tăng 0,8 điểm so với năm 2022."
    )
    assert s.previous_year_delta is None
    assert (s.rank, s.rank_of) == (25, 63)


# --- (c) the grade keeps its written form beside its canonical code ------------------------


@pytest.mark.parametrize(
    ("text", "grade", "written"),
    [
        ("Năm 2020, Chỉ số CCHC của tỉnh Hậu Giang đạt 82,05%, xếp thứ 20/63. Với kết quả "
         "này, Hậu Giang thuộc nhóm B.", "Nhóm B", "nhóm B"),
        ("Chỉ số CCHC năm 2021 của Sở Y tế đạt 91,3 điểm, được xếp loại xuất sắc.",
         "Xuất sắc", "xuất sắc"),
    ],
)  # fmt: skip
def test_the_grade_keeps_its_words_as_written(text: str, grade: str, written: str) -> None:
    s, rows = read(text)
    assert (s.grade, s.grade_raw) == (grade, written)
    assert any(r.grade == grade and r.grade_raw == written for r in rows)


# --- what the second reading alone used to find ---------------------------------------------


def test_a_year_named_in_brackets_before_the_score_is_an_aside() -> None:
    s, rows = read(
        "Chỉ số CCHC năm 2022 của Sở Tài chính (năm 2021: 77,6 điểm, hạng 12) là 81,95 điểm, "
        "hạng 6/19, tăng 4,35 điểm."
    )
    assert s.headline_score is not None and s.headline_score.value == Decimal("81.95")
    assert (s.rank, s.rank_of) == (6, 19)
    assert change(s) == Decimal("4.35")
    assert {r.year for r in rows if r.score and r.score.value == Decimal("81.95")} == {2022}


def test_a_subject_the_text_never_names_gives_the_summary_and_no_unit_row() -> None:
    s, rows = read("Năm 2022, Chỉ số CCHC của huyện được 81,07 điểm, thuộc nhóm khá.")
    assert s.headline_score is not None and s.headline_score.value == Decimal("81.07")
    assert (s.grade, s.grade_raw) == ("Nhóm khá", "nhóm khá")
    assert rows == ()


def test_a_division_of_a_district_is_a_unit_and_a_port_city_stays_whole() -> None:
    _, rows = read(
        "Chỉ số CCHC năm 2022 của Phòng Văn hóa và Thông tin đạt 87,3 điểm; TP Hải Phòng "
        "đạt 90,1 điểm."
    )
    assert [r.unit for r in rows] == ["Phòng Văn hóa và Thông tin", "Thành phố Hải Phòng"]


def test_a_sentence_opening_with_the_scale_states_no_result() -> None:
    s, rows = read("Điểm tối đa của Chỉ số CCHC cấp huyện là 100 điểm.")
    assert (s.headline_score, rows) == (None, ())


# --- a report's own total, told under its table without naming the index -------------------

REPORT = (
    "BÁO CÁO",
    "Kết quả tự đánh giá Chỉ số cải cách hành chính năm 2024 của Sở Giao thông vận tải",
    "STT", "Lĩnh vực", "Điểm tối đa", "Điểm tự đánh giá",
    "1", "Công tác chỉ đạo, điều hành", "13", "12",
    "2", "Cải cách thể chế", "9", "8.5",
    "3", "Cải cách thủ tục hành chính", "14", "12.25",
    "Tổng cộng", "", "36", "32.75",
)


def test_a_report_states_its_table_total_as_its_own_figure() -> None:
    s, _ = read(*REPORT, "Tổng điểm tự đánh giá của Sở Giao thông vận tải là 32.75/36 điểm.")
    assert s.headline_score is not None and s.headline_score.value == Decimal("32.75")


def test_a_total_two_units_state_is_no_ones_own() -> None:
    s, _ = read(*REPORT, "Sở Giao thông vận tải và Sở Xây dựng cùng đạt 32.75/36 điểm.")
    assert s.headline_score is None
