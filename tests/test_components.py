"""Components (areas and parts of the index) stated in prose, as real notices and news write
them; every text here is composed for the test."""

from __future__ import annotations

from decimal import Decimal

import pytest

from parscore.normalizers.labels import component_code, component_words
from parscore.pipeline.model import Notice
from parscore.pipeline.parse import parse
from parscore.pipeline.validate import Code, validate
from tests.test_parse import doc


def figures(notice: Notice) -> list[tuple[str, str, Decimal | None, Decimal | None]]:
    """Given a notice, return (area, label, max, score) per component."""
    return [
        (s.area, s.label, s.max and s.max.value, s.score and s.score.value) for s in notice.scores
    ]


@pytest.mark.parametrize(
    ("label", "code"),
    [
        ("Điểm thẩm định", "tham_dinh"),
        ("điểm điều tra xã hội học", "dieu_tra_xhh"),
        ("Chỉ số SIPAS", "sipas"),
        ("khảo sát cán bộ lãnh đạo, quản lý", "lanh_dao_quan_ly"),
        ("tác động đến phát triển KT-XH", "tac_dong_ktxh"),
        ("đánh giá tác động của CCHC", "tac_dong"),
        ("Cải cách thể chế", "the_che"),
        ("Tỉnh Gia Lai", None),
    ],
)
def test_component_codes_name_areas_and_parts_of_the_index(label: str, code: str | None) -> None:
    assert component_code(label) == code


def test_component_words_count_the_words_of_a_name() -> None:
    assert component_words("Nổi bật là công tác chỉ đạo, điều hành CCHC") == 10
    assert component_words("điều hành CCHC") == 6


def test_parts_with_mixed_separators_in_one_sentence() -> None:
    notice = parse(
        doc(
            "Theo công bố, Chỉ số CCHC năm 2022 của tỉnh Bình Phước đạt 84,2 điểm, trong đó: "
            "điểm thẩm định là 52.1/60.5 điểm; điểm điều tra xã hội học đạt 32,10/39.5 điểm "
            "(bao gồm Chỉ số SIPAS đạt 7,9/10 điểm, khảo sát lãnh đạo quản lý đạt 19.3/23 điểm)."
        )
    )
    assert figures(notice) == [
        ("tham_dinh", "điểm thẩm định", Decimal("60.5"), Decimal("52.1")),
        ("dieu_tra_xhh", "điểm điều tra xã hội học", Decimal("39.5"), Decimal("32.10")),
        ("sipas", "Chỉ số SIPAS", Decimal(10), Decimal("7.9")),
        ("lanh_dao_quan_ly", "khảo sát lãnh đạo quản lý", Decimal(23), Decimal("19.3")),
    ]
    assert notice.computed_total is None  # parts at two levels are no table to add up
    assert validate(notice) == ()


def test_a_self_assessment_listed_one_area_per_line_with_its_total_first() -> None:
    lines = [
        "BÁO CÁO",
        "Kết quả tự chấm điểm Chỉ số cải cách hành chính năm 2022",
        "Phòng đã tự đánh giá, chấm điểm với tổng số điểm đạt: 47.75/55. điểm tối đa như sau:",
        "1. Lĩnh vực 1: Chỉ đạo, điều hành CCHC: 9/10điểm.",
        "2. Lĩnh vực 2: Cải cách TTHC: 12.5/14 điểm",
        "3. Lĩnh vực 3: Cải cách chế độ công vụ: 10/11 điểm.",
        "4. Lĩnh vực 4: Xây dựng, phát triển chính quyền số: 16/20 điểm",
    ]
    notice = parse(doc(*lines))
    assert figures(notice) == [
        ("chi_dao_dieu_hanh", "Chỉ đạo, điều hành CCHC", Decimal(10), Decimal(9)),
        ("tthc", "Cải cách TTHC", Decimal(14), Decimal("12.5")),
        ("cong_vu", "Cải cách chế độ công vụ", Decimal(11), Decimal(10)),
        ("chinh_quyen_so", "Xây dựng, phát triển chính quyền số", Decimal(20), Decimal(16)),
    ]
    assert all(s.self is not None and s.appraised is None for s in notice.scores)
    summary = notice.summary
    assert summary.stated_total and summary.stated_total.value == Decimal("47.75")
    assert summary.stated_max_total and summary.stated_max_total.value == Decimal(55)
    # 9 + 12,5 + 10 + 16 = 47,5, not the 47,75 stated: reported, not fixed
    assert Code.SUM_MISMATCH in {c.code for c in validate(notice)}


def test_a_heading_labels_the_figure_below_it_and_other_years_are_skipped() -> None:
    notice = parse(
        doc(
            "Các lĩnh vực tăng điểm so với năm trước:",
            "- Lĩnh vực Cải cách tài chính công",
            "Năm 2023, huyện đạt 7,1 điểm, chỉ số đạt 88,75%, xếp thứ 5 (năm 2022 đạt 6,5/8 điểm).",
            "+ Lĩnh vực Cải cách chế độ công vụ",
            "Đạt 11,2/12 điểm (Năm 2022: 10/12 điểm).",
        )
    )
    assert figures(notice) == [
        ("tai_chinh_cong", "Cải cách tài chính công", None, Decimal("7.1")),
        ("cong_vu", "Cải cách chế độ công vụ", Decimal(12), Decimal("11.2")),
    ]
    percent = notice.scores[0].percent
    assert percent is not None and percent.value == Decimal("88.75")


def test_a_label_is_cut_only_where_the_whole_name_stays() -> None:
    notice = parse(
        doc(
            "Đáng chú ý là kết quả công tác chỉ đạo, điều hành CCHC của Sở Y tế được đánh giá "
            "9.75/11 điểm, tương ứng 88.6%.",
            "Theo đó, lĩnh vực xây dựng, phát triển chính quyền số của Sở đạt 15,5/18 điểm.",
        )
    )
    labels = [s.label for s in notice.scores]
    assert labels == [
        "công tác chỉ đạo, điều hành CCHC của Sở Y tế",
        "xây dựng, phát triển chính quyền số của Sở",
    ]
    # two areas quoted by a news item: no total, no maxima held to 100 points
    assert notice.computed_total is None
    assert not {Code.MAX_SUM_MISMATCH, Code.HEADLINE_TOTAL_MISMATCH} & {
        c.code for c in validate(notice)
    }


def test_quoted_components_stated_as_percent_only() -> None:
    notice = parse(
        doc(
            "Trong đó, chỉ số thành phần “cải cách thể chế” dẫn đầu với giá trị đạt 96,5%; "
            "chỉ số thành phần \"cải cách tài chính công\" đạt 91,02%."
        )
    )
    got = [(s.area, s.percent and s.percent.value, s.score) for s in notice.scores]
    assert got == [("the_che", Decimal("96.5"), None), ("tai_chinh_cong", Decimal("91.02"), None)]


def test_another_index_without_its_share_is_no_part() -> None:
    notice = parse(
        doc(
            "Chỉ số hài lòng của người dân đạt 9,1 điểm, tỷ lệ 91%.",
            "Lĩnh vực cải cách thể chế đạt 8/9 điểm; cải cách tổ chức bộ máy đạt 7,5/8 điểm.",
        )
    )
    assert [s.area for s in notice.scores] == ["the_che", "to_chuc_bo_may"]


def codes(*lines: str) -> list[str]:
    """Given lines, return the validation codes of the notice they make."""
    return [c.code for c in validate(parse(doc(*lines)))]


@pytest.mark.parametrize(
    ("appraised", "survey", "sipas", "found"),
    [
        ("50,25", "33,5", "8.25", []),  # 50,25 + 33,5 = 83,75; 8,25 + 19 + 6,25 = 33,5
        ("51,25", "33,5", "8.25", [Code.SUM_MISMATCH]),  # the halves make 84,75, not 83,75
        ("50,25", "33,5", "9.25", [Code.SUM_MISMATCH]),  # the survey's parts make 34,5
    ],
)
def test_parts_of_the_index_must_add_up(
    appraised: str, survey: str, sipas: str, found: list[str]
) -> None:
    text = (
        f"Năm 2021, Chỉ số CCHC của tỉnh đạt 83,75 điểm. Trong đó, điểm thẩm định đạt "
        f"{appraised}/60 điểm và điểm điều tra xã hội học đạt {survey}/40 điểm, gồm: Chỉ số "
        f"SIPAS đạt {sipas}/10 điểm; khảo sát lãnh đạo quản lý đạt 19/23 điểm; tác động đến "
        "phát triển kinh tế - xã hội đạt 6,25/7 điểm."
    )
    assert codes(text) == found


@pytest.mark.parametrize(
    "header",
    [
        ("STT", "Nội dung, tiêu chí", "Điểm tối", "đa", "Điểm tự", "đánh giá", "Điểm", "thẩm định"),
        ("TT", "Lĩnh vực", "Điểm", "tối đa", "Điểm tự", "Đánh giá", "Điểm thẩm", "định"),
    ],
)
def test_a_flattened_table_whose_header_words_are_split_over_lines(header: tuple[str, ...]) -> None:
    rows = [
        ("Cải cách chế độ công vụ", "12", "11.5", "10.25"),
        ("Cải cách tài chính công", "9", "8", "7.75"),
        ("Cải cách thủ tục hành chính", "13", "12.5", "12"),
    ]
    lines = [*header]
    for i, row in enumerate(rows, start=1):
        lines += [str(i), *row]
    got = [(s.area, s.max, s.self, s.appraised) for s in parse(doc(*lines)).scores]
    assert [tuple(n and n.value for n in g[1:]) for g in got] == [
        tuple(Decimal(v) for v in row[1:]) for row in rows
    ]
    assert [g[0] for g in got] == ["cong_vu", "tai_chinh_cong", "tthc"]


def test_self_assessed_and_appraised_figures_of_one_area() -> None:
    notice = parse(
        doc(
            "Kết quả từng lĩnh vực như sau: Cải cách thể chế: tự chấm 9/10 điểm, thẩm định 8,5 "
            "điểm; Cải cách tài chính công: tự chấm 7,5/8 điểm, thẩm định 7 điểm."
        )
    )
    got = [(s.area, s.max, s.self, s.appraised) for s in notice.scores]
    assert [tuple(n and n.value for n in g[1:]) for g in got] == [
        (Decimal(10), Decimal(9), Decimal("8.5")),
        (Decimal(8), Decimal("7.5"), Decimal(7)),
    ]


def test_a_maximum_written_in_words_or_in_parentheses() -> None:
    notice = parse(
        doc(
            "Năm 2022, lĩnh vực cải cách chế độ công vụ đạt 9,5 điểm trên tổng số 12 điểm; "
            "lĩnh vực cải cách tổ chức bộ máy đạt 7 điểm (tối đa 8 điểm)."
        )
    )
    assert [(s.area, s.max and s.max.value) for s in notice.scores] == [
        ("cong_vu", Decimal(12)),
        ("to_chuc_bo_may", Decimal(8)),
    ]


def test_a_figure_with_its_maximum_in_brackets_needs_no_verb_and_may_follow_duoc() -> None:
    notice = parse(
        doc(
            "Kết quả tự chấm năm 2025 của Phòng Tư pháp: cải cách thể chế 8 điểm (tối đa 9 "
            "điểm); cải cách hành chính công vụ, công chức được 11,75 điểm (điểm tối đa 13); "
            "hiện đại hóa nền hành chính 6,5 điểm (tối đa: 7 điểm)."
        )
    )
    assert [(s.area, s.max and s.max.value, s.score and s.score.value)
            for s in notice.scores] == [
        ("the_che", Decimal(9), Decimal(8)),
        ("cong_vu", Decimal(13), Decimal("11.75")),
        ("chinh_quyen_so", Decimal(7), Decimal("6.5")),  # the old name of the area
    ]


def test_a_component_named_after_its_figure() -> None:
    notice = parse(
        doc(
            "Năm 2023, Sở đạt 8,75/10 điểm ở lĩnh vực cải cách thể chế, xếp thứ 3; đạt "
            "12,5/13 điểm về cải cách thủ tục hành chính, tương ứng 96,15% về chỉ số thành phần "
            "cải cách thủ tục hành chính."
        )
    )
    got = [(s.area, s.max and s.max.value, s.score and s.score.value) for s in notice.scores]
    assert got == [
        ("the_che", Decimal(10), Decimal("8.75")),
        ("tthc", Decimal(13), Decimal("12.5")),
    ]
    percent = notice.scores[1].percent
    assert percent is not None and percent.value == Decimal("96.15")


def test_targets_are_neither_scores_nor_a_headline() -> None:
    notice = parse(
        doc(
            "Kế hoạch nâng cao Chỉ số CCHC năm 2025",
            "Mục tiêu: Chỉ số CCHC năm 2025 của thị xã đạt từ 88 điểm, trong đó lĩnh vực cải "
            "cách thể chế đạt 9/9 điểm; lĩnh vực chế độ công vụ đạt 11,5/12 điểm.",
            "Năm 2024, lĩnh vực cải cách thể chế đạt 8/9 điểm; cải cách tài chính công đạt 7/8 "
            "điểm.",
        )
    )
    assert notice.summary.headline_score is None
    assert [(s.area, s.score and s.score.value) for s in notice.scores] == [
        ("the_che", Decimal(8)),
        ("tai_chinh_cong", Decimal(7)),
    ]


def test_figure_guard_admits_every_verb_and_changes_no_match() -> None:
    """The figure pattern's guard (tried first, for speed) lets every verb open a figure: each
    verb's first letter is in it, and composed lines read the same with and without it."""
    import re

    from parscore.pipeline.parse import prosescores

    guard = re.compile(prosescores.FIGURE_GUARD, re.I)
    for verb in prosescores._VERBS.split("|"):  # an alternative may open with an optional word
        words = re.findall(r"[^\W\d_]+", re.sub(r"\\.", " ", verb))
        opening = [words[0], *re.findall(r"\)\?([^\W\d_]+)", verb)]
        assert all(guard.match(f"x {word}", 2) for word in opening), verb
    bare = re.compile(prosescores._FIGURE.pattern.removeprefix(prosescores.FIGURE_GUARD), re.I)
    lines = [
        "Cải cách thể chế ĐẠT 9,2/10,5 điểm; Tự chấm được 8 ĐIỂM (tối đa 9 điểm)",
        "Lĩnh vực 2: 10.5/10.5 điểm, tương ứng với 100%, Thẩm định 7 điểm",
        "Cải cách tổ chức bộ máy (12,1/13 điểm) - 4 điểm với 6,01 trên tổng số 9,5 điểm",
        "8,5 điểm là kết quả; được đánh giá 9 điểm, tự đánh giá: 70%",
    ]
    for line in lines:
        guarded = [m.span() + m.groups() for m in prosescores._FIGURE.finditer(line)]
        assert guarded == [m.span() + m.groups() for m in bare.finditer(line)]
        assert guarded, line
