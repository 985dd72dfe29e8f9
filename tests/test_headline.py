"""The notice's own headline: score, rank, change, as real notices and news items state it;
every text here is composed for the test."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

import pytest

from parscore.normalizers.labels import grade_in_text
from parscore.normalizers.numbers import Number
from parscore.pipeline.model import Summary, UnitScore
from parscore.pipeline.parse import make_summary, own_statement, parse
from tests.test_parse import doc


def summary(*lines: str) -> Summary:
    """Given lines, return the summary the parser reads from them."""
    return parse(doc(*lines)).summary


def score(s: Summary) -> Decimal | None:
    """Given a summary, return its headline score's value."""
    return s.headline_score.value if s.headline_score else None


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "Theo Thông báo, kết quả Chỉ số CCHC năm 2022 của Sở Công Thương là 79,15 điểm, "
            "xếp loại Khá.",
            "79.15",
        ),
        (
            "Chi cục đạt Chỉ số CCHC xếp thứ 3 trong nhóm xuất sắc với tổng điểm là 92.4% trên "
            "tổng số 9 đơn vị.",
            "92.4",
        ),
        (
            "Tổng điểm Chỉ số CCHC của Chi cục năm 2019 so với năm 2018 tăng từ 80,5 điểm lên "
            "86,25 điểm.",
            "86.25",
        ),
        ("Với tổng số điểm Chỉ số cải cách hành chính là: 77.5/85. điểm tối đa.", "77.5"),
    ],
)
def test_headline_stated_with_la_or_len(sentence: str, expected: str) -> None:
    assert score(summary(sentence)) == Decimal(expected)


@pytest.mark.parametrize(
    "sentence",
    [
        "Chỉ số CCHC năm 2022 của Sở là 1 trong 5 đơn vị dẫn đầu khối sở.",
        "Thang điểm đánh giá Chỉ số CCHC là 100 điểm.",
        "Trên 7 lĩnh vực của Chỉ số CCHC, công tác chỉ đạo, điều hành của Bộ được đánh giá "
        "10/11 điểm, đạt 90.91%.",
    ],
)
def test_no_headline_from_a_count_a_scale_or_a_component(sentence: str) -> None:
    assert summary(sentence).headline_score is None


def test_another_index_is_not_the_headline_and_the_rank_still_is() -> None:
    s = summary(
        "Năm 2022, Chỉ số CCHC của tỉnh tăng 2,1 điểm và 5 bậc so với năm 2021, xếp thứ 12/63. "
        "Chỉ số hài lòng của người dân đạt 8,9 điểm, tỷ lệ 89%; lĩnh vực cải cách TTHC lại "
        "giảm 0,4 điểm."
    )
    assert s.headline_score is None
    assert (s.rank, s.rank_of) == (12, 63)
    assert s.previous_year_delta is not None and s.previous_year_delta.value == Decimal("2.1")


def test_of_a_rank_history_the_latest_year_is_the_notices() -> None:
    s = summary(
        "Bộ Công Thương liên tục tăng hạng Chỉ số CCHC (năm 2020 từ vị trí thứ 8 lên thứ 5, "
        "năm 2021 từ vị trí thứ 5 lên thứ 3)."
    )
    assert (s.rank, s.rank_of) == (3, None)


def test_rank_out_of_a_total_written_in_words() -> None:
    s = summary("Chỉ số CCHC năm 2023 của Bộ đạt 88,1%, đứng thứ 2 trong tổng số 17 bộ, ngành.")
    assert (score(s), s.rank, s.rank_of) == (Decimal("88.1"), 2, 17)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a province's group in the national index (a district's "Nhóm Trung bình" is its
        # grade: tests/test_prose_variants10.py)
        ("Năm 2022, Chỉ số CCHC của tỉnh đạt 84,3 điểm, nằm trong nhóm tốt.", "Nhóm tốt"),
        ("Chỉ số CCHC năm 2023 của Sở đạt 88 điểm, thuộc nhóm B.", "Nhóm B"),
    ],
)
def test_a_grade_given_as_a_group_keeps_the_group(text: str, expected: str) -> None:
    assert summary(text).grade == expected


def test_a_group_of_several_grade_words_is_read_whole() -> None:
    assert grade_in_text("Nhóm rất thấp trong khu vực gồm: tỉnh A, tỉnh B.") == (
        "Nhóm rất thấp",
        "Nhóm rất thấp",
    )


def test_a_notice_of_many_units_has_no_headline_of_its_own() -> None:
    s = summary(
        "Kết quả Chỉ số CCHC năm 2022 của các phòng, ban thuộc huyện",
        "Chỉ số CCHC năm 2022 của 12 phòng, ban có điểm bình quân đạt 83,6%, tăng 1,2% so với "
        "năm 2021.",
        "Chỉ số CCHC của Phòng Tư pháp đạt 90,4%, xếp thứ 1/12.",
    )
    assert (s.headline_score, s.previous_year_delta, s.rank) == (None, None, None)


def test_a_line_of_several_units_scores_is_a_ranking_not_a_headline() -> None:
    notice = parse(
        doc(
            "Tổng hợp Chỉ số CCHC năm 2021 (gồm cả điểm khảo sát) của Sở Nội vụ là 88,5 điểm; "
            "Sở Tài chính đạt 84,25/100 điểm; Sở Y tế đạt 90,1%."
        )
    )
    assert notice.summary.headline_score is None
    assert notice.metadata.assessment_year == 2021  # the year named with the index


def test_a_parenthesis_before_the_score_does_not_make_it_a_part() -> None:
    s = summary(
        "Chỉ số CCHC năm 2021 (gồm cả điểm điều tra xã hội học) của Phòng Nội vụ là 88,5 điểm."
    )
    assert score(s) == Decimal("88.5")


@pytest.mark.parametrize(
    "sentence",
    [
        "Chỉ số CCHC năm 2023 của Sở Xây dựng được 72,32 điểm, xếp loại Khá.",
        "Chỉ số CCHC năm 2023: Sở Xây dựng 72,32 điểm (xếp loại Khá).",
    ],
)
def test_the_subjects_statement_is_the_headline(sentence: str) -> None:
    s = summary("SỞ XÂY DỰNG", sentence)
    assert (score(s), s.grade) == (Decimal("72.32"), "Khá")


def test_the_own_statement_is_the_first_sole_one_of_the_subject() -> None:
    score = Number(value=Decimal("91.2"), raw="91,2")
    own = UnitScore(order=2, unit="Sở Y tế", score=score, grade="Tốt", rank=3, rank_of=9, sole=True)
    other = UnitScore(order=1, unit="Sở Tư pháp", score=Number(value=Decimal(88)), grade="Khá")
    s = make_summary(None, own_statement([other, own]))
    assert (s.grade, s.rank, s.rank_of) == ("Tốt", 3, 9)
    # several units and none stated alone in a sentence naming the index: no own statement
    assert own_statement([other, replace(own, sole=False)]) is None


def test_a_score_in_parentheses_naming_another_year_is_not_this_years() -> None:
    s = summary(
        "Chỉ số CCHC năm 2023 của Sở Y tế (năm 2022 đạt 80,1 điểm, xếp thứ 9) đạt 84,2 điểm, "
        "xếp thứ 4/20 (năm 2021: thứ 11; năm 2022: thứ 9), tăng 4,1 điểm."
    )
    assert (score(s), s.rank, s.rank_of) == (Decimal("84.2"), 4, 20)
    assert s.previous_year_delta is not None and s.previous_year_delta.value == Decimal("4.1")


@pytest.mark.parametrize(
    "listing",
    [
        "Các cơ quan xếp loại Tốt gồm: Sở Tư pháp, Sở Y tế, Sở Nội vụ.",
        "Nhóm tốt gồm các sở: Tư pháp, Y tế và Nội vụ.",
    ],
)
def test_the_subjects_grade_given_to_a_list(listing: str) -> None:
    s = summary(
        "Kết quả Chỉ số CCHC năm 2022 của Sở Y tế đạt 86,4 điểm, xếp thứ 4/19.",
        "Các cơ quan xếp loại Khá gồm: Sở Xây dựng, Sở Công Thương.",
        listing,
    )
    assert s.grade in ("Tốt", "Nhóm tốt")


def test_a_change_in_parentheses_compared_with_last_year_is_this_years() -> None:
    s = summary("Chỉ số CCHC năm 2023 của Sở Y tế đạt 85,77% (tăng 2,1% so với năm 2022).")
    assert s.previous_year_delta is not None and s.previous_year_delta.value == Decimal("2.1")
