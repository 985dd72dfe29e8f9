"""Composed variants of how news items and notices phrase unit rankings and scores.

Each case is a paragraph of our own writing, in the kinds of real published PAR-index news
(wording, order and noise differ from the dev set), with the unit rows a careful reader
writes down by hand. Whole items (page chrome, counters, captions) are parsed end to end.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from parscore import parse
from tests.test_statements import TITLE, prose

KEYS = ("unit", "index", "year", "score", "percent", "rank", "rank_of")


def rows(found: list[dict[str, Any]]) -> list[tuple[Any, ...]]:
    """Given statement rows, return the fields the cases check, numbers as text."""
    return [tuple(None if r.get(k) is None else str(r[k]) for k in KEYS) for r in found]


def row(
    unit: str,
    score: str | None = None,
    rank: int | None = None,
    of: int | None = None,
    *,
    percent: str | None = None,
    index: str = "par",
    year: int = 2023,
) -> tuple[Any, ...]:
    """Given the fields a reader writes down, return the row as ``rows`` gives it."""
    values = (unit, index, year, score, percent, rank, of)
    return tuple(None if v is None else str(v) for v in values)


def test_a_first_place_named_with_the_table_then_a_list_in_turn() -> None:
    found = prose(
        TITLE,
        "Theo kết quả, dẫn đầu bảng xếp hạng là Sở Xây dựng (91,2 điểm), kế đến lần lượt là "
        "Sở Nội vụ (90,15 điểm), Sở Tài chính (89,6 điểm).",
    )
    assert rows(found) == [
        row("Sở Xây dựng", "91.2", 1),
        row("Sở Nội vụ", "90.15", 2),
        row("Sở Tài chính", "89.6", 3),
    ]


@pytest.mark.parametrize(
    "lead",
    [
        "Đứng đầu bảng xếp hạng là Sở Xây dựng với 91,2 điểm",
        "Đứng đầu danh sách là Sở Xây dựng với 91,2 điểm",
    ],
)
def test_first_place_phrasings_before_the_unit(lead: str) -> None:
    found = prose(TITLE, f"{lead}; xếp sau là Sở Nội vụ với 90,15 điểm.")
    assert rows(found) == [row("Sở Xây dựng", "91.2", 1), row("Sở Nội vụ", "90.15", 2)]


@pytest.mark.parametrize(
    "sentence",
    [
        "Điểm bình quân chung của huyện là 83,4 điểm.",
        "Sở Tư pháp đạt 93,41 điểm, cao hơn mức bình quân chung của tỉnh (83,4 điểm).",
        "Điểm trung bình của tỉnh năm nay đạt 83,4 điểm.",
    ],
)
def test_an_average_of_the_province_is_no_statement_of_it(sentence: str) -> None:
    found = prose(TITLE, sentence, subject="Ủy ban nhân dân huyện Đức Trọng")
    averages = [r for r in found if r["unit"] == "Trung bình"]
    assert [r["score"] for r in averages] == ["83.4"]
    assert all(r["unit"] in ("Trung bình", "Sở Tư pháp") for r in found), found


@pytest.mark.parametrize(
    "sentence",
    [
        "Tỉnh Hà Giang đạt 44,2 điểm, nằm trong top 10 tỉnh có điểm cao nhất, xếp thứ 8/63.",
        "Tỉnh Hà Giang thuộc nhóm 10 tỉnh dẫn đầu với 44,2 điểm, xếp thứ 8/63.",
        "Với 44,2 điểm, tỉnh Hà Giang nằm trong tốp 10 địa phương, xếp thứ 8/63.",
    ],
)
def test_a_group_a_unit_is_one_of_gives_it_no_place(sentence: str) -> None:
    found = prose("Chỉ số PAPI năm 2023", sentence)
    assert rows(found) == [row("Tỉnh Hà Giang", "44.2", 8, 63, index="papi")]


def test_a_component_and_its_change_are_no_statement_of_the_province() -> None:
    found = prose(
        TITLE,
        "Năm 2023, Chỉ số CCHC của tỉnh Bắc Kạn đạt 83,05%, xếp thứ 45/63 tỉnh, thành phố.",
        "Chỉ số thành phần hiện đại hóa hành chính của tỉnh đạt 9,5/10 điểm, tăng 1,2 điểm.",
        "Lĩnh vực cải cách thể chế đạt 8,5/9 điểm, giảm 0,3 điểm; tổng điểm của tỉnh Bắc Kạn "
        "đạt 83,05%.",
    )
    assert {(r["unit"], r["percent"], r["change"]) for r in found} == {
        ("Tỉnh Bắc Kạn", "83.05", None)
    }


def test_a_unit_change_after_its_own_figure_is_kept() -> None:
    [found] = prose(TITLE, "Sở Y tế đạt 88,5 điểm, tăng 2,1 điểm so với năm 2022.")
    assert found["change"] == "2.1"


def test_ordinal_words_and_abbreviated_units() -> None:
    found = prose(
        "Chỉ số CCHC năm 2022",
        "Sở KH&ĐT đạt 93,41 điểm, đứng thứ nhất trong 19 sở, ngành. Sở GD-ĐT xếp thứ tư với "
        "90,1 điểm; Sở TN&MT đứng thứ mười, đạt 86,25 điểm. UBND TP. Tuy Hòa đạt 89,9 điểm, "
        "xếp hạng 3 trong khối huyện.",
    )
    assert rows(found) == [
        row("Sở Kế hoạch và Đầu tư", "93.41", 1, 19, year=2022),
        row("Sở Giáo dục và Đào tạo", "90.1", 4, 19, year=2022),
        row("Sở Tài nguyên và Môi trường", "86.25", 10, 19, year=2022),
        row("Ủy ban nhân dân thành phố Tuy Hòa", "89.9", 3, year=2022),
    ]


NEWS = """Trang chủ | Tin tức | Liên hệ
Thứ Ba, 13/02/2024 09:40 | Lượt xem: 2.318
Công bố Chỉ số cải cách hành chính năm 2023 của các sở, ngành và địa phương

Sáng 10/02/2024, UBND tỉnh Phú Yên công bố Chỉ số cải cách hành chính năm 2023.

Khối sở, ngành: đứng đầu bảng xếp hạng là Sở Tư pháp (90,6 điểm), kế đến lần lượt là Sở Nội \
vụ (89,9 điểm), Sở Công Thương (88,75 điểm). Sở Giáo dục và Đào tạo xếp ở vị trí thứ 5/20, \
tụt 3 bậc so với năm trước.

Khối huyện: thị xã Sông Cầu xếp thứ nhất với 87,45 điểm; huyện Tây Hòa nằm trong nhóm 3 \
đơn vị dẫn đầu, xếp thứ 3/9 với 85,1 điểm. Điểm bình quân chung của tỉnh là 84,2 điểm.

Chỉ số thành phần cải cách thủ tục hành chính của Sở Tư pháp đạt 9,6/10 điểm, tăng 0,4 điểm.

Ảnh: Quang cảnh hội nghị công bố Chỉ số cải cách hành chính năm 2023.
Điện thoại: 0257.3842.111 - Email: banbientap@phuyen.gov.vn
"""


def test_a_news_item_with_page_chrome(tmp_path: Path) -> None:
    source = tmp_path / "news.txt"
    source.write_text(NEWS, encoding="utf-8")
    found = parse(source).to_dict()["unit_scores"]
    assert rows(found) == [
        row("Sở Tư pháp", "90.6", 1, 20),
        row("Sở Nội vụ", "89.9", 2, 20),
        row("Sở Công Thương", "88.75", 3, 20),
        row("Sở Giáo dục và Đào tạo", None, 5, 20),
        row("Thị xã Sông Cầu", "87.45", 1, 9),
        row("Huyện Tây Hòa", "85.1", 3, 9),
        row("Trung bình", "84.2"),
    ]


@pytest.mark.parametrize(
    "sentence",
    [
        "Sở Y tế xếp thứ 2, chỉ sau Sở Xây dựng, với 90,5 điểm.",
        "Sở Y tế đứng thứ 2, xếp ngay sau Sở Xây dựng, đạt 90,5 điểm.",
    ],
)
def test_the_unit_ranked_just_above_keeps_no_figure(sentence: str) -> None:
    assert rows(prose(TITLE, sentence)) == [row("Sở Y tế", "90.5", 2)]


def test_the_units_ranked_just_above_keep_their_own_brackets() -> None:
    found = prose(
        "Chỉ số PAR INDEX năm 2023 của các tỉnh Tây Nguyên",
        "Trong vùng, Đắk Nông đứng thứ 3, chỉ sau Lâm Đồng (hạng 9) và Gia Lai (hạng 21).",
    )
    assert {(r["unit"], r["rank"]) for r in found} == {
        ("Tỉnh Lâm Đồng", 9),
        ("Tỉnh Gia Lai", 21),
        ("Tỉnh Đắk Nông", 3),
    }


def test_a_figure_opening_the_sentence_is_the_next_units() -> None:
    found = prose(TITLE, "Với 91,2 điểm, Sở Xây dựng dẫn đầu khối sở; Sở Y tế đạt 90,5 điểm.")
    assert rows(found) == [row("Sở Xây dựng", "91.2", 1), row("Sở Y tế", "90.5")]


@pytest.mark.parametrize(
    ("words", "rank"),
    [("mười một", 11), ("mười lăm", 15), ("mười chín", 19), ("hai mươi", 20), ("mười", 10)],
)
def test_compound_ordinal_words(words: str, rank: int) -> None:
    found = prose(TITLE, f"Sở TT&TT xếp thứ {words} với 87,9 điểm.")
    assert rows(found) == [row("Sở Thông tin và Truyền thông", "87.9", rank)]


def test_a_province_opening_its_clause_is_the_subject() -> None:
    found = prose(
        "Chỉ số SIPAS năm 2023",
        "Về Chỉ số SIPAS, tỉnh đạt 83,1%, xếp thứ 15/63.",
        subject="Ủy ban nhân dân tỉnh Quảng Trị",
    )
    assert [(r["percent"], r["rank"], r["rank_of"]) for r in found] == [("83.1", 15, 63)]
    assert prose("Chỉ số SIPAS năm 2023", "Hội đồng cấp tỉnh đạt 83,1%.") == []


def test_this_unit_after_a_year_is_a_reference_not_a_count() -> None:
    [found] = prose(TITLE, "Năm 2023 đơn vị này đạt 89,3 điểm, xếp thứ 6.", subject="Sở Nội vụ")
    assert (found["unit"], found["score"], found["rank"]) == ("Sở Nội vụ", "89.3", 6)


def test_an_index_other_than_the_four_is_other_not_par() -> None:
    found = prose(
        "Các chỉ số năm 2023 của tỉnh Bình Định",
        "Năm 2023, Chỉ số CCHC của tỉnh Bình Định đạt 87,12%, xếp thứ 19/63; riêng Chỉ số "
        "chuyển đổi số (DTI) của tỉnh Bình Định đạt 0,5123 điểm, xếp hạng 20/63.",
    )
    assert [(r["index"], r["rank"]) for r in found] == [("par", 19), ("other", 20)]


@pytest.mark.parametrize(
    "sentence",
    [
        "Xếp thứ hai và thứ ba lần lượt là Sở Nội vụ (91,1 điểm) và Sở Tài chính (90,06 điểm).",
        "Đứng thứ 2, thứ 3 lần lượt là Sở Nội vụ với 91,1 điểm, Sở Tài chính với 90,06 điểm.",
    ],
)
def test_places_listed_before_their_units_in_turn(sentence: str) -> None:
    found = prose(TITLE, sentence)
    assert rows(found) == [row("Sở Nội vụ", "91.1", 2), row("Sở Tài chính", "90.06", 3)]


def test_first_and_last_of_a_grade_are_no_places_in_the_ranking() -> None:
    found = prose(
        "Chỉ số CCHC năm 2023 cấp huyện",
        "Nhóm tốt gồm 5 đơn vị, trong đó cao nhất là huyện Lập Thạch với 89,7 điểm, thấp nhất "
        "là huyện Sông Lô với 85,02 điểm.",
        "Thành phố Phúc Yên xếp thứ 9/9.",
    )
    assert rows(found) == [
        row("Huyện Lập Thạch", "89.7"),
        row("Huyện Sông Lô", "85.02"),
        row("Thành phố Phúc Yên", None, 9, 9),
    ]


def test_a_target_is_no_result_and_sets_no_year() -> None:
    found = prose(
        TITLE,
        "Chỉ số CCHC năm 2023 của tỉnh Quảng Nam đạt 86,1%, xếp thứ 30/63.",
        "Năm 2024, tỉnh phấn đấu Chỉ số CCHC đạt trên 90%, xếp trong top 20.",
        "Sở Y tế đạt 84,2 điểm; năm 2025 phấn đấu đạt 90 điểm.",
    )
    assert rows(found) == [
        row("Tỉnh Quảng Nam", None, 30, 63, percent="86.1"),
        row("Sở Y tế", "84.2"),
    ]


@pytest.mark.parametrize(
    "sentence",
    [
        "Vùng Đông Nam Bộ có chỉ số trung bình cao nhất, đạt 88,12%; vùng Tây Nguyên có "
        "điểm bình quân thấp nhất với 84,2%.",
        "Năm nay vùng Đông Nam Bộ có giá trị trung bình cao nhất (88,12%), thấp nhất là "
        "vùng Tây Nguyên (84,2%).",
    ],
)
def test_an_average_that_ranks_the_units_is_no_average_statement(sentence: str) -> None:
    found = prose("Chỉ số CCHC năm 2023 của 6 vùng kinh tế - xã hội", sentence)
    assert all(r["unit"] != "Trung bình" for r in found), found
    assert ("Đông Nam Bộ", "88.12", 1) in [(r["unit"], str(r["percent"]), r["rank"]) for r in found]


def test_an_average_at_its_record_stays_an_average() -> None:
    found = prose(
        "Chỉ số CCHC năm 2023 của các tỉnh",
        "Năm 2023 các địa phương đạt điểm trung bình cao nhất từ trước tới nay, 86,4%.",
    )
    assert [(r["unit"], str(r["percent"]), r["rank"]) for r in found] == [
        ("Trung bình", "86.4", None)]


@pytest.mark.parametrize(
    "sentence",
    [
        "Đồng bằng sông Cửu Long và Tây Nguyên cùng có chỉ số 85,33%, thấp nhất trong 6 vùng.",
        "Trong 6 vùng, Tây Nguyên và Đồng bằng sông Cửu Long đều đạt 85,33%, xếp cuối bảng.",
    ],
)
def test_units_tied_at_the_last_place_share_the_place_before_them(sentence: str) -> None:
    found = prose("Chỉ số CCHC năm 2023 của các vùng kinh tế - xã hội", sentence)
    assert sorted((r["unit"], str(r["percent"]), r["rank"], r["rank_of"]) for r in found) == [
        ("Tây Nguyên", "85.33", 5, 6), ("Đồng bằng sông Cửu Long", "85.33", 5, 6)]


def test_units_sharing_a_figure_after_a_comma() -> None:
    found = prose(TITLE, "Sở Y tế và Sở Công Thương, cùng đạt 80,5 điểm, xếp loại Khá.")
    assert [(r["unit"], str(r["score"])) for r in found] == [
        ("Sở Y tế", "80.5"), ("Sở Công Thương", "80.5")]


def test_changes_of_areas_named_without_lead_word_stay_with_the_areas() -> None:
    found = prose(
        TITLE,
        "So với năm trước, tỉnh Bình Phước tăng điểm ở 3 lĩnh vực: công tác chỉ đạo, điều hành "
        "tăng 0,75 điểm; cải cách chế độ công vụ tăng 1,1 điểm; xây dựng và phát triển Chính "
        "phủ điện tử tăng 2,6 điểm.",
    )
    assert all(r.get("change") is None for r in found), found


def test_earlier_ranks_out_of_the_same_count_are_no_previous_score() -> None:
    found = prose(
        "Chỉ số CCHC năm 2023 của các bộ, cơ quan ngang bộ",
        "Bộ Công Thương đạt 86,4%, xếp thứ 7/17, tăng 3 bậc (năm 2022: 10/17; năm 2021: 12/17).",
    )
    assert [(r["unit"], str(r["percent"]), r["rank"], r.get("previous")) for r in found] == [
        ("Bộ Công Thương", "86.4", 7, None)]


@pytest.mark.parametrize(
    ("title", "sentence", "unit"),
    [
        ("Chỉ số CCHC năm 2022 của thành phố Đà Nẵng", "Về SIPAS, chỉ số của thành phố đạt 84,1%.",
         "Thành phố Đà Nẵng"),
        ("Thị xã Sơn Tây công bố chỉ số CCHC năm 2022",
         "Chỉ số SIPAS của thị xã đạt 84,1%, cao hơn năm trước.", "Thị xã Sơn Tây"),
    ],
)
def test_a_city_or_town_referred_back_to_keeps_its_figures(
    title: str, sentence: str, unit: str
) -> None:
    found = prose(title, sentence)
    assert [(r["unit"], r["index"], str(r["percent"])) for r in found] == [(unit, "sipas", "84.1")]


def test_names_with_an_apostrophe_are_read_whole() -> None:
    found = prose(
        "Chỉ số CCHC năm 2023 của các huyện, thị xã tỉnh Đắk Lắk",
        "Xếp thứ 2 là huyện Ea H’leo với 88,4 điểm; huyện Cư M'gar đạt 86,02 điểm, xếp thứ 6.",
    )
    assert [(r["unit"], str(r["score"]), r["rank"]) for r in found] == [
        ("Huyện Ea H'leo", "88.4", 2), ("Huyện Cư M'gar", "86.02", 6)]


def test_a_later_sentence_adding_the_change_completes_the_statement() -> None:
    found = prose(
        "Chỉ số CCHC năm 2022 của tỉnh Tây Ninh",
        "Năm 2022, Chỉ số CCHC của tỉnh Tây Ninh đạt 85,9%, xếp thứ 20/63 tỉnh, thành phố.",
        "So với năm 2021, chỉ số của tỉnh tăng 1,75% và tăng 6 bậc.",
    )
    assert [(r["unit"], str(r["percent"]), r["rank"], str(r["change"]), r["rank_change"])
            for r in found] == [("Tỉnh Tây Ninh", "85.9", 20, "1.75", 6)]


def test_places_after_the_top_three_follow_on_in_turn() -> None:
    found = prose(
        "Chỉ số CCHC năm 2023 của các tỉnh, thành phố",
        "Quảng Ninh dẫn đầu với 91,6%, Hải Phòng thứ hai với 91,2%, Bắc Ninh xếp thứ ba "
        "(90,1%); các vị trí tiếp theo lần lượt thuộc về Đà Nẵng (89,9%) và Lạng Sơn (89,5%).",
    )
    assert [(r["unit"], r["rank"]) for r in found][-2:] == [
        ("Thành phố Đà Nẵng", 4), ("Tỉnh Lạng Sơn", 5)]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Ở nhóm cuối, Cao Bằng đứng thứ 60 (82,1%), Hà Giang áp chót với 81,7%, Kon Tum xếp "
         "cuối bảng với 81,2%.",
         [("Tỉnh Cao Bằng", 60, 63), ("Tỉnh Hà Giang", 62, 63), ("Tỉnh Kon Tum", 63, 63)]),
        ("Kon Tum xếp cuối bảng với 81,2%; An Giang xếp thứ 9 (88,1%).", []),
    ],
)
def test_a_national_last_place_of_a_province_is_out_of_the_countrys_provinces(
    sentence: str, expected: list[tuple[str, int, int]]
) -> None:
    found = prose("Chỉ số CCHC năm 2022 của các tỉnh, thành phố", sentence)
    got = [(r["unit"], r["rank"], r["rank_of"]) for r in found if r["rank_of"]]
    assert got == expected


def test_a_rank_written_right_after_its_unit_without_a_verb() -> None:
    found = prose(
        TITLE,
        "Sở Xây dựng đứng đầu với 92,4 điểm, Sở Y tế thứ nhì với 91,8 điểm, Sở Tài chính thứ "
        "3 (90,9 điểm). Đây là năm thứ hai liên tiếp Sở Xây dựng dẫn đầu; lần thứ 3 Sở Y tế "
        "đạt trên 90 điểm.",
    )
    assert [(r["unit"], r["rank"]) for r in found] == [
        ("Sở Xây dựng", 1), ("Sở Y tế", 2), ("Sở Tài chính", 3)]


def test_a_province_level_city_takes_the_provinces_count() -> None:
    found = prose(
        "Chỉ số CCHC năm 2022 của các tỉnh, thành phố",
        "Năm 2022, Quảng Ninh xếp thứ nhất, Hải Phòng thứ hai, Đà Nẵng thứ ba; Nghệ An xếp "
        "thứ 20/63.",
    )
    assert [(r["unit"], r["rank"], r["rank_of"]) for r in found] == [
        ("Tỉnh Quảng Ninh", 1, 63), ("Thành phố Hải Phòng", 2, 63),
        ("Thành phố Đà Nẵng", 3, 63), ("Tỉnh Nghệ An", 20, 63)]
