"""Composed variants of how one body's result is written (tenth set): a district's, commune's
or vertical agency's own score in self-assessment reports and result notices, with component
tables whose headers are abbreviated, whose cells hold "score/max", and whose total is stated
only in the last row or in a sentence of its own.

Every case is our own writing, in the kinds of real published PAR-index notices; each one
differs in wording, order and noise from the probe it answers.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from parscore.extractors.model import Block, BlockKind, Cell, Document
from parscore.pipeline.parse import parse
from parscore.pipeline.parse.reported import reported_document
from parscore.pipeline.process import process_file
from tests.test_assignments import SOURCE
from tests.test_reported_variants import lines


def table(*rows: tuple[str, ...]) -> Block:
    """Given rows of cell texts (the header first), return a TABLE block."""
    cells = tuple(
        Cell(row=r, col=c, text=text) for r, row in enumerate(rows) for c, text in enumerate(row)
    )
    return Block(kind=BlockKind.TABLE, cells=cells)


def notice_of(*blocks: Block | str) -> Any:
    """Given blocks (a string is a paragraph), return the parsed notice."""
    made = tuple(
        Block(kind=BlockKind.PARAGRAPH, text=b) if isinstance(b, str) else b for b in blocks
    )
    return parse(Document(source=SOURCE, blocks=made))


def figures(notice: Any) -> list[tuple[object, ...]]:
    """Given a notice, return (label, max, self, appraised) of its scores, as plain numbers."""
    def value(n: Any) -> object:
        return n.value if n is not None else None

    return [(s.label, value(s.max), value(s.self), value(s.appraised)) for s in notice.scores]


FINANCE, MODERN = "Cải cách tài chính công", "Hiện đại hóa hành chính"


# --- "Điểm TĐ": tự đánh giá or thẩm định, settled by the columns beside it ----------------------


@pytest.mark.parametrize(
    ("header", "self_", "appraised"),
    [
        # the only score column of a self-assessment report, a deduction column beside it
        (("STT", "Tiêu chí", "Điểm tối đa", "Điểm TĐ", "Điểm bị trừ"), True, False),
        # beside the appraisal: the self-assessment
        (("TT", "Nội dung", "Điểm tối đa", "Điểm TĐ", "Điểm thẩm định"), True, True),
        # beside the self-assessment: the appraisal
        (("TT", "Lĩnh vực", "Thang điểm", "Điểm tự chấm", "Điểm TĐ"), True, True),
    ],
)
def test_an_abbreviated_score_column_is_settled_by_its_neighbours(
    header: tuple[str, ...], self_: bool, appraised: bool
) -> None:
    notice = notice_of(
        "Báo cáo kết quả chấm điểm cải cách hành chính năm 2024",
        table(
            header,
            ("1", FINANCE, "6", "5,5", "0,5"),
            ("2", MODERN, "12", "11", "1"),
        ),
    )
    got = figures(notice)
    if self_ and appraised:
        want = [(FINANCE, 6, Decimal("5.5"), Decimal("0.5")), (MODERN, 12, 11, 1)]
    else:
        want = [(FINANCE, 6, Decimal("5.5"), None), (MODERN, 12, 11, None)]
    assert got == want


# --- cells holding a score over its maximum ("8/9") ---------------------------------------------


@pytest.mark.parametrize(
    ("header", "self_"),
    [
        (("TT", "Nội dung đánh giá", "Tự chấm / Thang điểm", "Ghi chú"), True),
        (("STT", "Các lĩnh vực", "Kết quả/Điểm chuẩn", "So với năm trước"), False),
        (("TT", "Lĩnh vực", "Điểm đạt", "Ghi chú"), False),
    ],
)
def test_a_cell_holding_score_over_maximum_gives_both(
    header: tuple[str, ...], self_: bool
) -> None:
    notice = notice_of(
        "Thông báo kết quả Chỉ số cải cách hành chính năm 2024 của Chi cục Thuế khu vực",
        table(
            header,
            ("1", FINANCE, "7 / 8", "+1"),
            ("2", MODERN, "16,75/20", "-0,25"),
            ("", "Cộng", "23,75/28", ""),
        ),
    )
    got = figures(notice)
    low, high = (Decimal(7), Decimal("16.75"))
    want = [(FINANCE, 8, low, None), (MODERN, 20, high, None)]
    if not self_:
        want = [(label, m, None, s) for label, m, s, _ in want]
    assert got == want
    assert (notice.summary.stated_total.value, notice.summary.stated_max_total.value) == (
        Decimal("23.75"),
        28,
    )


# --- a news item's decision issued on the date its sentence opens with ("… có Thông báo số") --


@pytest.mark.parametrize(
    ("lead", "issued"),
    [
        (
            "Vào ngày 12/8/2024, UBND tỉnh Ninh Thuận đã có Quyết định số 1021/QĐ-UBND về "
            "việc công bố Chỉ số CCHC năm 2023 của các sở, ngành.",
            date(2024, 8, 12),
        ),
        (
            "Ngày 3/4/2025, Tổng cục Thống kê có Thông báo số 88/TB-TCTK, theo đó Cục Thống "
            "kê tỉnh Kon Tum đạt 90,2 điểm.",
            date(2025, 4, 3),
        ),
        # after a news item's dateline: a source in brackets, a dated one, a site's name
        (
            "(STC) - Ngày 9/10/2024, Giám đốc Sở Tài chính đã ban hành Quyết định số "
            "77/QĐ-STC công bố Chỉ số CCHC năm 2024 của các phòng.",
            date(2024, 10, 9),
        ),
        (
            "CẦN THƠ, 3/4/2025 (TTXVN) – Ngày 2/4/2025, UBND thành phố có Quyết định số "
            "880/QĐ-UBND công bố Chỉ số CCHC năm 2024.",
            date(2025, 4, 2),
        ),
        (
            "Baolangson.vn - Ngày 05/02/2025, Bộ trưởng Bộ Nội vụ ký Quyết định số 118/QĐ-BNV "
            "về Chỉ số CCHC năm 2024.",
            date(2025, 2, 5),
        ),
        # a dateline's own date, the sentence opening on no date of its own: none
        (
            "HÀ NỘI, 3/4/2025 (TTXVN) – Bộ Nội vụ vừa ký Quyết định số 118/QĐ-BNV công bố "
            "Chỉ số CCHC năm 2024.",
            None,
        ),
        # a meeting's date: "có" is not the verb that issues the decision
        (
            "Ngày 10/3/2025, Sở Nội vụ tổ chức hội nghị có sự tham dự của lãnh đạo các sở, công "
            "bố Quyết định số 150/QĐ-UBND về Chỉ số CCHC năm 2024.",
            None,
        ),
    ],
)
def test_a_document_had_on_the_date_the_sentence_opens_with_is_issued_then(
    lead: str, issued: date | None
) -> None:
    assert reported_document(lines(lead)).issue_date == issued


# --- a report whose only total is "x điểm trên tổng số y điểm", under criteria of its own ------

REPORT_HEAD = (
    "ỦY BAN NHÂN DÂN",
    "PHƯỜNG PHÚ THỦY",
    "Số: 77/BC-UBND",
    "Phú Thủy, ngày 2 tháng 12 năm 2025",
    "",
    "BÁO CÁO",
    "Tự chấm điểm Chỉ số cải cách hành chính năm 2025",
    "",
)


def report(tmp_path: Path, *body: str) -> Any:
    """Given the body lines of a ward's self-assessment report, return its processed result."""
    path = tmp_path / "baocao.txt"
    path.write_text("\n".join((*REPORT_HEAD, *body, "", "Nơi nhận:", "- Lưu: VT.")), "utf-8")
    return process_file(path)


def test_a_reports_total_out_of_its_part_maximum_is_its_headline(tmp_path: Path) -> None:
    result = report(
        tmp_path,
        "Phần tự chấm có tổng điểm tối đa là 52 điểm; kết quả theo lĩnh vực như sau:",
        "- Cải cách thủ tục hành chính: 17/18 điểm, trong đó:",
        "+ Tiêu chí niêm yết công khai: 4/4 điểm;",
        "+ Tiêu chí tiếp nhận, trả kết quả đúng hạn: 13/14 điểm;",
        "- Hiện đại hóa hành chính: 30,5/34 điểm.",
        "Tổng cộng, phường tự chấm được 47,5 điểm trên tổng số 52 điểm.",
    )
    summary = result.notice.summary
    assert (summary.headline_score.value, summary.stated_total.value) == (Decimal("47.5"), 52 - 4.5)
    assert summary.stated_max_total.value == 52
    assert not [c for c in result.notice.validation if "total" in c.code]


def test_a_criterion_naming_the_index_out_of_its_own_maximum_is_no_headline(
    tmp_path: Path,
) -> None:
    result = report(
        tmp_path,
        "1. Chỉ đạo, điều hành CCHC: 8,5/9 điểm, gồm:",
        "a) Báo cáo CCHC hằng quý: 3/3 điểm;",
        "b) Tuyên truyền CCHC: 1,5/2 điểm;",
        "2. Cải cách thủ tục hành chính: 17/18 điểm.",
        "Tổng cộng: 25,5 điểm trên tổng số 27 điểm.",
    )
    summary = result.notice.summary
    assert (summary.headline_score.value, summary.stated_max_total.value) == (Decimal("25.5"), 27)


# --- "thuộc nhóm Tốt": a grade, but the national index's group for a province or ministry -----


@pytest.mark.parametrize(
    ("title", "sentence", "grade"),
    [
        (
            "Sở Xây dựng Đắk Nông: Chỉ số CCHC năm 2024 tăng 2 bậc",
            "Năm 2024, Chỉ số CCHC của Sở Xây dựng tỉnh Đắk Nông đạt 86,4 điểm, nằm trong nhóm "
            "Khá của khối sở, ngành.",
            "Khá",
        ),
        (
            "Huyện Mường Tè công bố kết quả Chỉ số CCHC năm 2023",
            "Chỉ số cải cách hành chính năm 2023 của huyện Mường Tè đạt 91,7%, thuộc nhóm xuất "
            "sắc, xếp thứ 2/8 huyện, thành phố.",
            "Xuất sắc",
        ),
        (
            "Thị xã Ninh Hòa: kết quả Chỉ số CCHC năm 2024",
            "Chỉ số CCHC của thị xã Ninh Hòa đạt 69,5 điểm và thuộc Nhóm Trung bình của tỉnh.",
            "Trung bình",
        ),
        (
            "Bình Phước: Chỉ số CCHC năm 2023 xếp thứ 41/63",
            "Theo kết quả Bộ Nội vụ công bố, Chỉ số CCHC năm 2023 của tỉnh Bình Phước đạt 84,1%, "
            "xếp thứ 41/63, thuộc nhóm khá.",
            "Nhóm khá",
        ),
    ],
)
def test_a_group_named_by_a_grade_is_the_grade_below_the_national_index(
    title: str, sentence: str, grade: str
) -> None:
    assert notice_of(title, sentence).summary.grade == grade


# --- columns told apart by year: the latest year's is the notice's ----------------------------


@pytest.mark.parametrize(
    "years",
    [
        ("Kết quả năm 2021", "Kết quả năm 2022"),
        ("Năm 2021", "Năm 2022"),
        ("Điểm thẩm định 2021", "Điểm thẩm định 2022"),
    ],
)
def test_the_latest_years_column_holds_the_score(years: tuple[str, str]) -> None:
    notice = notice_of(
        "Chỉ số CCHC năm 2022 của Văn phòng Đăng ký đất đai tỉnh",
        table(
            ("STT", "Các lĩnh vực", "Thang điểm", *years),
            ("1", FINANCE, "7", "6", "6,75"),
            ("2", MODERN, "15", "12,5", "14"),
            ("", "Tổng cộng", "22", "18,5", "20,75"),
        ),
    )
    assert figures(notice) == [(FINANCE, 7, None, Decimal("6.75")), (MODERN, 15, None, 14)]
    assert notice.summary.stated_total.value == Decimal("20.75")


def test_the_latest_years_rank_column_holds_the_rank() -> None:
    notice = notice_of(
        "Chỉ số CCHC năm 2022 của Văn phòng Đăng ký đất đai tỉnh",
        table(
            ("STT", "Các lĩnh vực", "Thang điểm", "Điểm", "Xếp hạng 2021", "Xếp hạng 2022"),
            ("1", FINANCE, "7", "6,75", "9", "4"),
            ("2", MODERN, "15", "14", "3", "5"),
        ),
    )
    assert [s.rank for s in notice.scores] == [4, 5]


@pytest.mark.parametrize(
    "header",
    [
        ("TT", "Tiêu chí", "Điểm tối đa", "Điểm có TLKC", "Ghi chú"),
        ("TT", "Tiêu chí", "Điểm tối đa", "Số điểm có tài liệu kiểm chứng", "Ghi chú"),
        # beside a self-assessed column it is no score of its own
        ("TT", "Tiêu chí", "Điểm tối đa", "Tự chấm", "Điểm có tài liệu kiểm chứng"),
    ],
)
def test_points_backed_by_evidence_are_the_self_assessment_alone(header: tuple[str, ...]) -> None:
    notice = notice_of(
        "Báo cáo tự chấm điểm Chỉ số CCHC năm 2025 của Ban Quản lý các khu công nghiệp",
        table(header, ("1", FINANCE, "7", "6,5", "6"), ("2", MODERN, "15", "13", "12")),
    )
    assert figures(notice) == [(FINANCE, 7, Decimal("6.5"), None), (MODERN, 15, 13, None)]
