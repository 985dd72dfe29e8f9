"""Composed variants of how one body's result is written (sixth set): a department's,
district's or agency's own score, grade and components in self-assessment reports, result
notices and news items.

Every case is our own writing, in the kinds of real published PAR-index notices; each one
differs in wording, order and noise from the probe it answers, so that a rule written for one
sentence fails here.
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from parscore.extractors.model import Block, BlockKind, Cell, Document
from parscore.normalizers.numbers import find_numbers
from parscore.pipeline.parse import parse
from tests.test_assignments import SOURCE
from tests.test_parse import doc
from tests.test_prose_variants2 import components
from tests.test_prose_variants4 import rows
from tests.test_statements import TITLE, prose

# --- a unit of points glued to its figure -------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Phòng Tư pháp được 91,3đ.", [("91.3", None)]),
        ("tự chấm 70,25đ/78đ các tiêu chí", [("70.25", "78")]),
        ("chỉ đạt 6,5/8điểm, thấp nhất", [("6.5", "8")]),
        ("Đạt 88Điểm", [("88", None)]),
    ],
)
def test_a_figure_glued_to_its_unit_of_points_is_a_figure(
    text: str, found: list[tuple[str, str | None]]
) -> None:
    matches = find_numbers(text)
    got = [(str(m.number.value), m.denominator and str(m.denominator.value)) for m in matches]
    assert got == found


@pytest.mark.parametrize("text", ["lệ phí 50.000đ/hồ sơ", "thu 1.250.000đ", "mã 12đa", "CT05đ"])
def test_money_and_codes_glued_to_a_d_stay_no_figure(text: str) -> None:
    assert [m.number.value for m in find_numbers(text)] == []


def test_a_glued_score_states_the_units_result() -> None:
    found = prose(TITLE, "Năm 2023, Văn phòng Sở đạt 90,46đ, xếp loại Tốt, đứng thứ 2/11 đơn vị.")
    assert rows(found, "score", "grade", "rank", "rank_of") == [
        ("Văn phòng Sở", "90.46", "Tốt", 2, 11)
    ]


# --- a component named after its figure ----------------------------------------------------------


def test_a_component_named_after_its_figure_keeps_its_whole_name() -> None:
    found = components(
        "Kết quả Chỉ số CCHC năm 2024 của Chi cục",
        "Chi cục đạt 11,75/12 điểm đối với công tác chỉ đạo, điều hành cải cách hành chính, "
        "cao nhất từ trước đến nay; đạt 7,5/8 điểm ở lĩnh vực cải cách tài chính công, "
        "còn bị trừ điểm ở tiêu chí tự chủ.",
    )
    assert found == [
        (
            "chi_dao_dieu_hanh",
            "công tác chỉ đạo, điều hành cải cách hành chính",
            12,
            Decimal("11.75"),
        ),
        ("tai_chinh_cong", "cải cách tài chính công", 8, Decimal("7.5")),
    ]


# --- components written as bare ratios ------------------------------------------------------------


def test_components_listed_as_ratios_without_a_unit() -> None:
    found = components(
        "Kết quả Chỉ số CCHC năm 2023 của Kho bạc Nhà nước tỉnh",
        "Điểm các lĩnh vực:",
        "+ Chỉ đạo, điều hành cải cách hành chính: 11.5/12",
        "+ Cải cách tài chính công: 8,25/9;",
        "+ Hiện đại hóa hành chính: 15/17đ.",
    )
    assert [(a, m, v) for a, _, m, v in found] == [
        ("chi_dao_dieu_hanh", 12, Decimal("11.5")),
        ("tai_chinh_cong", 9, Decimal("8.25")),
        ("chinh_quyen_so", 17, Decimal(15)),
    ]


def test_a_bare_ratio_after_a_verb_ends_its_clause() -> None:
    found = components(
        "Chỉ số CCHC năm 2022 của huyện",
        "Về cải cách thể chế, huyện đạt 6,75/7, còn cải cách tổ chức bộ máy được 5/6,5; "
        "các lĩnh vực khác đều trên 80%.",
    )
    assert [(a, m, v) for a, _, m, v in found] == [
        ("the_che", 7, Decimal("6.75")),
        ("to_chuc_bo_may", Decimal("6.5"), Decimal(5)),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Cải cách thể chế xếp thứ 12/63, cải cách tài chính công xếp thứ 4/63.",
        "Cải cách thể chế đạt 4/7 chỉ tiêu; cải cách tài chính công đạt 3/5 chỉ tiêu.",
        "Cải cách thể chế (12/63), cải cách tài chính công (4/63).",
        "Về thứ hạng các lĩnh vực: cải cách thể chế 12/63, cải cách tài chính công 4/63.",
        "Xếp hạng lĩnh vực - Cải cách thể chế: 12/63; Cải cách tài chính công: 4/63.",
    ],
)
def test_a_rank_or_a_count_as_a_ratio_is_no_component(text: str) -> None:
    assert components("Chỉ số CCHC năm 2023 của tỉnh", text) == []


# --- a report's own total, the index not named again --------------------------------------------

REPORT = "Báo cáo kết quả tự đánh giá Chỉ số cải cách hành chính năm 2024"


def headline(*lines: str) -> Decimal | None:
    """Given lines of a notice, return its headline score."""
    found = parse(doc(*lines)).summary.headline_score
    return found.value if found else None


@pytest.mark.parametrize(
    "sentence",
    [
        "Qua rà soát, Chi cục Kiểm lâm tự đánh giá đạt tổng số 88,5 điểm; không có hồ sơ trễ hạn.",
        "Tổng cộng, Chi cục Kiểm lâm tự chấm được 88,5 điểm trên tổng số 100 điểm.",
    ],
)
def test_a_report_stating_only_its_issuers_total_has_that_headline(sentence: str) -> None:
    issuer = "CHI CỤC KIỂM LÂM TỈNH GIA LAI"
    assert headline(issuer, "Số: 27/BC-CCKL", REPORT, sentence) == Decimal("88.5")


@pytest.mark.parametrize(
    "lines",
    [
        # two units
        (
            "CHI CỤC KIỂM LÂM",
            REPORT,
            "Chi cục Kiểm lâm đạt 88,5 điểm; Chi cục Thủy lợi đạt 84 điểm.",
        ),
        # one unit, not the issuer
        ("SỞ NỘI VỤ", REPORT, "Chi cục Thủy lợi tự đánh giá đạt tổng số 84 điểm."),
    ],
)
def test_figures_of_others_give_no_headline_without_the_index_named(lines: tuple[str]) -> None:
    assert headline(*lines) is None


# --- a component's maximum or ratio after its first figure ---------------------------------------


def test_a_ratio_in_brackets_after_a_components_percent_is_its_score() -> None:
    found = components(
        "Chỉ số CCHC năm 2024 của thị xã",
        "Lĩnh vực cải cách chế độ công vụ đạt 87,5% (10,5/12 điểm), còn lĩnh vực cải cách tài "
        "chính công đạt 100% (7/7 điểm).",
    )
    assert [(a, m, v) for a, _, m, v in found] == [
        ("cong_vu", 12, Decimal("10.5")),
        ("tai_chinh_cong", 7, Decimal(7)),
    ]


def test_a_maximum_in_brackets_after_the_appraised_figure_is_the_components() -> None:
    notice = parse(
        doc(
            "Kết quả thẩm định Chỉ số CCHC năm 2023 của Sở Xây dựng",
            "- Cải cách thủ tục hành chính: tự chấm 12,5 điểm; thẩm định 12 điểm (tối đa 13 điểm).",
            "- Cải cách tổ chức bộ máy: tự chấm 8 điểm; thẩm định 7,25 điểm (tối đa 8 điểm).",
        )
    )
    got = [(s.area, s.max, s.self, s.appraised) for s in notice.scores]
    assert [(a, m and m.value, s and s.value, p and p.value) for a, m, s, p in got] == [
        ("tthc", 13, Decimal("12.5"), 12),
        ("to_chuc_bo_may", 8, 8, Decimal("7.25")),
    ]


def test_ratios_right_after_bare_component_names() -> None:
    found = components(
        "Kết quả Chỉ số CCHC năm 2023 của huyện",
        "Điểm từng lĩnh vực như sau: lĩnh vực thể chế 8,5/9; Công tác chỉ đạo điều hành "
        "10,75/11; Tài chính công 6/7. Huyện xếp thứ 5/12, cải cách thể chế xếp thứ 3/12.",
    )
    assert [(a, m, v) for a, _, m, v in found] == [
        ("the_che", 9, Decimal("8.5")),
        ("chi_dao_dieu_hanh", 11, Decimal("10.75")),
        ("tai_chinh_cong", 7, Decimal(6)),
    ]


# --- a component's figure is no headline ---------------------------------------------------------


@pytest.mark.parametrize(
    ("lines", "score"),
    [
        (
            (
                "Sở Y tế: Chỉ số cải cách hành chính năm 2023 tăng 2 bậc",
                "Chỉ số CCHC năm 2023 của Sở Y tế tăng 2 bậc, xếp thứ 4/19. Sở Y tế đạt "
                "9,5/10 điểm ở lĩnh vực cải cách thể chế, đạt 6/7 điểm ở lĩnh vực tài chính công.",
                "Như vậy, năm 2023 Sở Y tế đạt 88,2 điểm.",
            ),
            Decimal("88.2"),
        ),
        (
            (
                "Chỉ số CCHC năm 2023 của Sở Y tế tăng 2 bậc, xếp thứ 4/19.",
                "Chỉ số CCHC của Sở Y tế đạt 9,5/10 điểm ở lĩnh vực cải cách thể chế; Sở Y tế "
                "đạt 6/7 điểm ở lĩnh vực cải cách tài chính công.",
            ),
            None,
        ),
    ],
)
def test_a_figure_out_of_a_components_maximum_is_no_headline(
    lines: tuple[str, ...], score: Decimal | None
) -> None:
    assert headline(*lines) == score


# --- headers of a component table ----------------------------------------------------------------


@pytest.mark.parametrize(
    "header",
    [
        ("TT", "Các lĩnh vực đánh giá", "Điểm tối đa", "Điểm tự ĐG", "Điểm đạt được"),
        ("TT", "Nội dung", "Điểm tối đa", "Điểm TĐG", "Điểm thẩm định"),
        ("STT", "Lĩnh vực", "Điểm chuẩn", "Tự chấm", "Điểm do HĐTĐ chấm"),
    ],
)
def test_a_component_table_with_a_plural_or_abbreviated_header(header: tuple[str, ...]) -> None:
    rows = [
        header,
        ("1", "Cải cách tổ chức bộ máy", "8", "7,5", "7,25"),
        ("2", "Cải cách tài chính công", "7", "6,5", "6"),
    ]
    cells = tuple(
        Cell(row=r, col=c, text=text) for r, row in enumerate(rows) for c, text in enumerate(row)
    )
    notice = parse(Document(source=SOURCE, blocks=(Block(kind=BlockKind.TABLE, cells=cells),)))
    got = [(s.area, s.max, s.self, s.appraised) for s in notice.scores]
    assert [(a, m and m.value, s and s.value, p and p.value) for a, m, s, p in got] == [
        ("to_chuc_bo_may", 8, Decimal("7.5"), Decimal("7.25")),
        ("tai_chinh_cong", 7, Decimal("6.5"), 6),
    ]


def test_a_tables_total_row_first_is_the_headline_when_no_sentence_states_it() -> None:
    rows = [
        ("STT", "Lĩnh vực", "Điểm tối đa", "Điểm tự đánh giá"),
        ("", "TỔNG CỘNG", "15", "13,75"),
        ("1", "Cải cách tổ chức bộ máy", "8", "7,25"),
        ("2", "Cải cách tài chính công", "7", "6,5"),
    ]
    cells = tuple(
        Cell(row=r, col=c, text=text) for r, row in enumerate(rows) for c, text in enumerate(row)
    )
    blocks = (
        Block(kind=BlockKind.PARAGRAPH, text="Báo cáo tự đánh giá Chỉ số CCHC năm 2024"),
        Block(kind=BlockKind.TABLE, cells=cells),
    )
    summary = parse(Document(source=SOURCE, blocks=blocks)).summary
    assert summary.headline_score is not None
    assert (summary.headline_score.value, summary.stated_total) == (
        Decimal("13.75"),
        summary.headline_score,
    )


def test_an_appraised_figure_cut_down_to_a_value() -> None:
    found = components(
        "Thông báo kết quả thẩm định Chỉ số CCHC năm 2024 của Phòng Y tế",
        "Về cải cách thủ tục hành chính, Phòng tự đánh giá 12 điểm, thẩm định còn 11,5 điểm; "
        "về cải cách chế độ công vụ, Phòng tự đánh giá 9 điểm, thẩm định còn 8 điểm.",
    )
    assert [(a, v) for a, _, _, v in found] == [("tthc", Decimal("11.5")), ("cong_vu", 8)]


def test_a_maximum_in_brackets_before_the_figure_is_the_components() -> None:
    found = components(
        "Kết quả Chỉ số CCHC năm 2022 của thị trấn",
        "Cụ thể, cải cách thể chế (tối đa 9 điểm) được 8,25 điểm, còn hiện đại hóa hành chính "
        "(điểm tối đa: 12) chỉ được 9,5 điểm.",
    )
    assert found == [
        ("the_che", "cải cách thể chế", 9, Decimal("8.25")),
        ("chinh_quyen_so", "hiện đại hóa hành chính", 12, Decimal("9.5")),
    ]


def test_figures_right_after_bare_component_names() -> None:
    found = components(
        "Kết quả Chỉ số CCHC năm 2023 của Sở Công Thương",
        "Điểm các lĩnh vực sau thẩm định: Chỉ đạo, điều hành 10,5 điểm; Tổ chức bộ máy 7 điểm; "
        "Tài chính công 6,25 điểm. Sở Công Thương 88,5 điểm, xếp thứ 4.",
    )
    assert [(a, v) for a, _, _, v in found] == [
        ("chi_dao_dieu_hanh", Decimal("10.5")),
        ("to_chuc_bo_may", 7),
        ("tai_chinh_cong", Decimal("6.25")),
    ]
