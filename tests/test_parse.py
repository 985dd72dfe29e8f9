"""The format-blind parser on small documents built from blocks: one rule per test."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from parscore.extractors.header import mark_header
from parscore.extractors.model import Block, BlockKind, Cell, Document, Region, SourceInfo
from parscore.pipeline.model import Notice
from parscore.pipeline.parse import parse
from parscore.pipeline.parse.tasks import assignee, deadline
from parscore.pipeline.roles import Role, header_role

SOURCE = SourceInfo(path="mem.txt", format="txt", sha256="0" * 64)
AREA_ROWS = [
    ("Công tác chỉ đạo, điều hành CCHC", "10", "9,5", "9"),
    ("Cải cách thể chế", "10", "8,75", "8.5"),
    ("Cải cách thủ tục hành chính", "14,5", "13", "12,25"),
]


def doc(
    *lines: str, kind: BlockKind = BlockKind.PARAGRAPH, region: Region = Region.BODY
) -> Document:
    """Given lines, return a document of one paragraph block per line."""
    blocks = tuple(Block(kind=kind, text=t, region=region) for t in lines)
    return Document(source=SOURCE, blocks=blocks)


def values(notice: Notice) -> list[tuple[str, Decimal | None, Decimal | None, Decimal | None]]:
    """Given a notice, return (area, max, self, appraised) per area."""
    return [
        (s.area, s.max and s.max.value, s.self and s.self.value, s.appraised and s.appraised.value)
        for s in notice.scores
    ]


EXPECTED = [
    ("chi_dao_dieu_hanh", Decimal(10), Decimal("9.5"), Decimal(9)),
    ("the_che", Decimal(10), Decimal("8.75"), Decimal("8.5")),
    ("tthc", Decimal("14.5"), Decimal(13), Decimal("12.25")),
]


def test_flattened_one_cell_per_line_with_self_and_appraised() -> None:
    lines = ["Lĩnh vực", "Điểm tối đa", "Điểm tự đánh giá", "Điểm thẩm định"]
    for row in AREA_ROWS:
        lines.extend(row)
    lines += ["Tổng cộng", "34,5", "31,25", "29,75", "Xếp loại", "Tốt"]
    notice = parse(doc(*lines))
    assert values(notice) == EXPECTED
    assert notice.summary.stated_total.value == Decimal("29.75")  # type: ignore[union-attr]
    assert notice.summary.stated_self_total.value == Decimal("31.25")  # type: ignore[union-attr]
    assert notice.summary.grade == "Tốt"


def test_ocr_rows_with_one_line_header_and_total_first() -> None:
    lines = ["Lĩnh vực Điểm tối đa Tự đánh giá Thẩm định", "Tổng cộng 34,5 31,25 29,75"]
    lines += [" ".join(row) for row in AREA_ROWS]
    notice = parse(doc(*lines))
    assert values(notice) == EXPECTED
    assert notice.summary.stated_max_total.value == Decimal("34.5")  # type: ignore[union-attr]


def test_ocr_row_with_wrapped_label() -> None:
    lines = [
        "Lĩnh vực Điểm tối đa Thẩm định",
        "Công tác chỉ đạo, điều hành cải cách",
        "hành chính 10 9",
        "Cải cách thể chế 10 8.5",
    ]
    notice = parse(doc(*lines))
    assert notice.scores[0].label == "Công tác chỉ đạo, điều hành cải cách hành chính"
    assert [s.area for s in notice.scores] == ["chi_dao_dieu_hanh", "the_che"]


def test_headerless_rows_are_recovered() -> None:
    notice = parse(doc(*[f"{label} {mx} {ap}" for label, mx, _, ap in AREA_ROWS]))
    assert [(s.area, s.max.value, s.appraised.value) for s in notice.scores] == [  # type: ignore[union-attr]
        (a, m, p) for a, m, _, p in EXPECTED
    ]


def test_real_table_with_percent_column_and_total_first() -> None:
    header = ["TT", "Lĩnh vực", "Điểm tối đa", "Điểm đạt", "Tỷ lệ (%)"]
    rows = [header, ["", "Tổng cộng", "34,5", "29,75", "86,23"]]
    rows += [[str(i), r[0], r[1], r[3], "90"] for i, r in enumerate(AREA_ROWS, start=1)]
    cells = tuple(
        Cell(row=i, col=j, text=t) for i, row in enumerate(rows) for j, t in enumerate(row)
    )
    document = Document(source=SOURCE, blocks=(Block(kind=BlockKind.TABLE, cells=cells),))
    notice = parse(document)
    assert [(s.area, s.score.value, s.percent.value) for s in notice.scores] == [  # type: ignore[union-attr]
        ("chi_dao_dieu_hanh", Decimal(9), Decimal(90)),
        ("the_che", Decimal("8.5"), Decimal(90)),
        ("tthc", Decimal("12.25"), Decimal(90)),
    ]
    assert notice.summary.stated_total.value == Decimal("29.75")  # type: ignore[union-attr]


def test_two_row_header_with_spanning_group_cell() -> None:
    cells = (
        Cell(row=0, col=0, text="Lĩnh vực", rowspan=2),
        Cell(row=0, col=1, text="Điểm tối đa", rowspan=2),
        Cell(row=0, col=2, text="Điểm", colspan=2),
        Cell(row=1, col=2, text="Tự đánh giá"),
        Cell(row=1, col=3, text="Thẩm định"),
        *(
            Cell(row=2 + i, col=j, text=t)
            for i, row in enumerate(AREA_ROWS)
            for j, t in enumerate(row)
        ),
        Cell(row=5, col=0, text="Xếp loại"),
        Cell(row=5, col=1, text="Tốt", colspan=3),
    )
    notice = parse(Document(source=SOURCE, blocks=(Block(kind=BlockKind.TABLE, cells=cells),)))
    assert values(notice) == EXPECTED
    assert notice.summary.grade == "Tốt"


def test_header_block_metadata() -> None:
    header = doc(
        "UBND TỈNH ĐỒNG NAI",
        "SỞ NỘI VỤ",
        "Số: 46/TB-SNV",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "Đồng Nai, ngày 14 tháng 01 năm 2022",
        region=Region.HEADER,
    )
    body = doc(
        "THÔNG BÁO",
        "Kết luận của Giám đốc Sở tại cuộc họp về chỉ số CCHC",
        "Ngày 10 tháng 01 năm 2022, Sở Nội vụ tổ chức họp do đồng chí Trần Thị Hoa, "
        "Giám đốc Sở chủ trì.",
        "Theo hướng dẫn số 02/HD-SNV ngày 01/8/2021 của Sở Nội vụ.",
    )
    notice = parse(Document(source=SOURCE, blocks=header.blocks + body.blocks))
    m = notice.metadata
    assert (m.number, m.doc_type, m.issue_date, m.meeting_date) == (
        "46/TB-SNV",
        "TB",
        date(2022, 1, 14),
        date(2022, 1, 10),
    )
    assert m.issuer == "Sở Nội vụ"
    assert (m.chair.name, m.chair.role) == ("Trần Thị Hoa", "Giám đốc Sở")
    assert m.title == "Kết luận của Giám đốc Sở tại cuộc họp về chỉ số CCHC"


def test_tasks_bullets_continuations_and_signature() -> None:
    notice = parse(
        doc(
            "1. Kết quả đạt được:",
            "Hoàn thành kế hoạch; công khai 100% TTHC.",
            "2. Nhiệm vụ thời gian tới",
            "2.1 Văn phòng Sở:",
            "+ Rà soát quy trình nội bộ trước ngày 30/6/2024 theo",
            "hướng dẫn số 02/HD-SNV",
            "• Số hóa hồ sơ TTHC.",
            "2.2 Thanh tra Sở",
            "– Kiểm tra công vụ.",
            "Nơi nhận:",
            "- Như trên;",
            "- Lưu: VT, VP.",
        )
    )
    assert [(t.section, t.unit, t.seq) for t in notice.tasks] == [
        ("2.1", "Văn phòng Sở", 1),
        ("2.1", "Văn phòng Sở", 2),
        ("2.2", "Thanh tra Sở", 3),
    ]
    first = notice.tasks[0]
    assert first.text == "Rà soát quy trình nội bộ trước ngày 30/6/2024 theo hướng dẫn số 02/HD-SNV"
    assert first.deadline == date(2024, 6, 30) and first.references == ("02/HD-SNV",)
    assert [f.text for f in notice.findings] == ["Hoàn thành kế hoạch", "công khai 100% TTHC."]


def test_no_table_no_scores() -> None:
    notice = parse(
        doc("Thông báo kết luận cuộc họp giao ban tháng 3", "Nội dung không có bảng điểm.")
    )
    assert notice.scores == () and notice.summary.stated_total is None


def test_a_ranking_of_units_is_not_an_area_table() -> None:
    rows = [["TT", "Tên đơn vị", "Điểm thẩm định", "Xếp hạng"], ["1", "Sở Tư pháp", "90,5", "1"]]
    rows += [["2", "Sở Công Thương", "85,2", "2"], ["3", "Sở Xây dựng", "80,1", "3"]]
    cells = tuple(
        Cell(row=i, col=j, text=t) for i, row in enumerate(rows) for j, t in enumerate(row)
    )
    notice = parse(Document(source=SOURCE, blocks=(Block(kind=BlockKind.TABLE, cells=cells),)))
    assert notice.scores == ()
    flat = parse(doc("TT", "Tên đơn vị", "Điểm thẩm định", *[c for row in rows[1:] for c in row]))
    assert flat.scores == ()


def test_recipients_and_signer_are_metadata_not_tasks() -> None:
    notice = parse(
        doc(
            "2. Nhiệm vụ:",
            "2.1 Văn phòng Sở:",
            "- Rà soát quy trình.",
            "Nơi nhận:",
            "- UBND tỉnh (b/c);",
            "- Lưu: VT, VP.",
            "TM. ỦY BAN NHÂN DÂN",
            "KT. CHỦ TỊCH",
            "PHÓ CHỦ TỊCH",
            "Lê Văn Hùng",
        )
    )
    assert [t.text for t in notice.tasks] == ["Rà soát quy trình."]
    assert notice.metadata.recipients == ("UBND tỉnh (b/c)", "Lưu: VT, VP")
    assert notice.metadata.signer.name == "Lê Văn Hùng"
    assert notice.metadata.signer.role == "TM. Ủy ban nhân dân, KT. Chủ tịch, Phó Chủ tịch"


@pytest.mark.parametrize(
    ("sentence", "score", "maximum"),
    [
        ("Chỉ số CCHC năm 2023 của Sở Tư pháp đạt 85,47/100 điểm, xếp loại Tốt.", "85.47", "100"),
        ("Kết quả Chỉ số CCHC năm 2022 của Sở Y tế đạt được là 81,25 điểm.", "81.25", None),
        ("Chỉ số cải cách hành chính năm 2023 của huyện đạt tổng số điểm: 79,5.", "79.5", None),
        ("Chỉ số CCHC năm 2021 của Sở Nội vụ đạt 3.286 điểm.", "3.286", None),
    ],
)
def test_headline_forms(sentence: str, score: str, maximum: str | None) -> None:
    summary = parse(doc(sentence)).summary
    assert summary.headline_score is not None
    assert summary.headline_score.value == Decimal(score)
    if maximum is not None:
        [statement] = parse(doc(sentence)).unit_scores
        assert statement.max is not None and statement.max.value == Decimal(maximum)


def test_flattened_table_with_an_order_column() -> None:
    lines = ["TT", "Lĩnh vực", "Điểm tối đa", "Điểm tự đánh giá", "Điểm thẩm định"]
    for i, row in enumerate(AREA_ROWS, start=1):
        lines += [str(i), *row]
    lines += ["Tổng cộng", "34,5", "31,25", "29,75"]
    notice = parse(doc(*lines))
    assert values(notice) == EXPECTED
    assert notice.summary.stated_total.value == Decimal("29.75")  # type: ignore[union-attr]


def test_prose_that_starts_with_a_title_does_not_close_the_body() -> None:
    notice = parse(
        doc(
            "1. Nhiệm vụ:",
            "1.1 Văn phòng Sở:",
            "- Rà soát quy trình.",
            "Giám đốc Sở yêu cầu các phòng báo cáo kết quả trước ngày 30/6/2024.",
            "- Số hóa hồ sơ.",
            "KT. GIÁM ĐỐC",
            "PHÓ GIÁM ĐỐC",
            "Lê Văn Hùng",
        )
    )
    assert len(notice.tasks) == 3
    assert notice.metadata.signer.role == "KT. Giám đốc, Phó Giám đốc"


def test_a_short_task_in_the_middle_is_kept_a_closing_byline_is_not() -> None:
    notice = parse(
        doc(
            "1. Nhiệm vụ:",
            "Rà soát toàn bộ quy trình nội bộ.",
            "Kiểm tra công vụ",
            "- Số hóa hồ sơ trước ngày 30/6/2024.",
            "Văn phòng Sở",
        )
    )
    assert [t.text for t in notice.tasks] == [
        "Rà soát toàn bộ quy trình nội bộ.",
        "Kiểm tra công vụ",
        "Số hóa hồ sơ trước ngày 30/6/2024.",
    ]


@pytest.mark.parametrize(
    ("header", "role"),
    [
        ("Điểm tối đa", Role.MAX),
        ("Điểm tốida", Role.MAX),  # OCR dropped a space
        ("Điểmtối đa", Role.MAX),
        ("CTHĐ Thẩm định", Role.APPRAISED),
        ("CTHĐThẩm định", Role.APPRAISED),
        ("Tự đánh giá", Role.SELF),
        ("Tựđánh giá", Role.SELF),
        ("Lĩnhvực", Role.LABEL),
        ("Xếploại", Role.GRADE),
        ("CTHĐ Thãấm định", Role.APPRAISED),  # OCR stacked two marks on one vowel
        ("Điểm tôí đa", Role.MAX),
        ("Ghi chú", None),
        ("Đơn vị thực hiện", Role.UNIT),
        ("Thời gian", None),
    ],
)
def test_header_roles_survive_lost_spaces(header: str, role: Role | None) -> None:
    assert header_role(header) is role


def test_roman_sections_over_digit_ones_and_numbered_units() -> None:
    notice = parse(
        doc(
            "I. ĐÁNH GIÁ CHUNG",
            "1. Kết quả đạt được",
            "Hoàn thành kế hoạch.",
            "2. Tồn tại, hạn chế",
            "Hồ sơ trực tuyến còn ít.",
            "II. NHIỆM VỤ TRONG THỜI GIAN TỚI",
            "1. Phòng Tổ chức - Biên chế",
            "- Rà soát tổ chức bộ máy.",
            "2. Ban hành kế hoạch kiểm tra công vụ năm 2024",
            "3. Chi cục Văn thư - Lưu trữ:",
            "- Số hóa hồ sơ lưu trữ.",
        )
    )
    assert [(f.kind, f.text) for f in notice.findings] == [
        ("achievement", "Hoàn thành kế hoạch."),
        ("shortcoming", "Hồ sơ trực tuyến còn ít."),
    ]
    assert [(t.section, t.unit, t.text) for t in notice.tasks] == [
        ("1", "Phòng Tổ chức - Biên chế", "Rà soát tổ chức bộ máy."),
        # a numbered task whose verb looks like a unit's head word stays a task; a sibling
        # of "1. Phòng …", not a sub-item, it is no task of that unit
        ("2", None, "Ban hành kế hoạch kiểm tra công vụ năm 2024"),
        ("3", "Chi cục Văn thư - Lưu trữ", "Số hóa hồ sơ lưu trữ."),
    ]


def test_a_plain_text_header_block_is_read_as_one() -> None:
    lines = (
        "Cổng thông tin điện tử – Tin tức ngày 06/02/2024",
        "UBND TỈNH ĐỒNG NAI",
        "SỞ NỘI VỤ",
        "Số: 112/TB-SNV",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "Đồng Nai, ngày 05 tháng 02 năm 2024",
        "THÔNG BÁO",
        "Kết luận cuộc họp về Chỉ số cải cách hành chính năm 2023",
        "Ngày 31/01/2024, Giám đốc Sở Nội vụ chủ trì cuộc họp.",
    )
    document = mark_header(doc(*lines))
    regions = [b.region for b in document.blocks]
    assert regions == [Region.BODY] + [Region.HEADER] * 6 + [Region.BODY] * 3
    m = parse(document).metadata
    assert (m.issuer, m.issue_date, m.province) == ("Sở Nội vụ", date(2024, 2, 5), "Đồng Nai")
    assert (m.chair.name, m.chair.role) == (None, "Giám đốc Sở Nội vụ")
    # without a Decree 30 mark nothing is a header: a news item with a capitalised title
    plain = mark_header(doc("THÔNG BÁO", "Sở Nội vụ thông báo kết quả.", "UBND TỈNH X"))
    assert all(b.region is Region.BODY for b in plain.blocks)


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        (("UBND TỈNH THANH HOÁ", "SỞ TƯ PHÁP", "Thanh Hoá, ngày 2 tháng 1 năm 2024"), "Thanh Hóa"),
        (("ỦY BAN NHÂN DÂN HUYỆN CẨM MỸ", "Cẩm Mỹ, ngày 20 tháng 02 năm 2024"), None),
        (("UBND TỈNH ĐẮK LẮK", "SỞ Y TẾ", "Buôn Ma Thuột, ngày 3 tháng 1 năm 2024"), "Đắk Lắk"),
        (("UBND THÀNH PHỐ HỒ CHÍ MINH", "SỞ NỘI VỤ", "TP. Hồ Chí Minh, ngày 3 tháng 1 năm 2024"),
         "Hồ Chí Minh"),
    ],
)
def test_province_is_a_province_or_nothing(header: tuple[str, ...], expected: str | None) -> None:
    document = doc(*header, "Số: 1/TB-SYT", "THÔNG BÁO", "Kết quả Chỉ số CCHC năm 2023")
    assert parse(mark_header(document)).metadata.province == expected


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        ("Giao Văn phòng Sở chủ trì, phối hợp các phòng xây dựng kế hoạch.", "Văn phòng Sở"),
        ("Phòng Nghiệp vụ Y chủ trì rà soát thủ tục hành chính.", "Phòng Nghiệp vụ Y"),
        ("Đề nghị Thanh tra Sở tăng cường kiểm tra công vụ.", "Thanh tra Sở"),
        ("Tổ chức thực hiện nghiêm kỷ luật hành chính.", None),
        ("Phòng Tổ chức cán bộ rà soát vị trí việc làm.", "Phòng Tổ chức cán bộ"),
        ("Phòng Quản lý xây dựng chủ trì thẩm định dự án.", "Phòng Quản lý xây dựng"),
        ("Rà soát thủ tục, giao Văn phòng xây dựng kế hoạch.", None),
        ("Rà soát, đơn giản hóa thủ tục hành chính.", None),
        ("UBND các xã, thị trấn có Chỉ số CCHC dưới 80 điểm xây dựng kế hoạch.", None),
    ],
)
def test_a_task_that_names_its_unit_first(text: str, unit: str | None) -> None:
    assert assignee(text) == unit


def test_a_lead_in_opens_the_list_under_it() -> None:
    notice = parse(
        doc(
            "Năm 2023, Chỉ số CCHC của Sở Y tế đạt 82,15%, xếp loại Tốt.",
            "Để khắc phục tồn tại, hạn chế nêu trên, Giám đốc Sở yêu cầu:",
            "1. Giao Văn phòng Sở chủ trì xây dựng Kế hoạch CCHC năm 2024.",
            "2. Thanh tra Sở tăng cường kiểm tra công vụ.",
        )
    )
    assert [(t.section, t.unit, t.seq) for t in notice.tasks] == [
        (None, "Văn phòng Sở", 1),
        (None, "Thanh tra Sở", 2),
    ]
    assert notice.findings == ()
    # a lead-in without a cue near its colon opens nothing
    plain_lead_in = "Ngày 16/02/2024, UBND huyện đánh giá kết quả thực hiện. Chủ tịch kết luận:"
    assert parse(doc(plain_lead_in, "1. Một việc.")).tasks == ()


@pytest.mark.parametrize(
    ("sentence", "score", "grade"),
    [
        ("Năm 2023, Chỉ số cải cách hành chính của Sở đạt tỷ lệ 88,12%, xếp loại Tốt.", "88.12",
         "Tốt"),
        ("Tổng điểm đạt được là 79,25 điểm, xếp loại Khá, giảm 1,75 điểm.", "79.25", "Khá"),
        ("Kết quả, Sở đạt 70,125 điểm, xếp loại Khá.", "70.125", "Khá"),
        # not the notice's own: a part, a score out of less than 100, another unit
        ("Lĩnh vực cải cách tài chính công đạt 5,5 điểm.", None, None),
        ("Kết quả, Sở đạt 5,5/8 điểm ở lĩnh vực cải cách tài chính công.", None, None),
        ("Bà Rịa–Vũng Tàu đạt 85,77%, xếp thứ 41/63.", None, None),
    ],
)
def test_a_lead_states_the_score_once_the_index_is_named(
    sentence: str, score: str | None, grade: str | None
) -> None:
    summary = parse(doc("Kết quả Chỉ số cải cách hành chính năm 2023", sentence)).summary
    got = summary.headline_score.value if summary.headline_score else None
    assert (got, summary.grade) == (Decimal(score) if score else None, grade)


@pytest.mark.parametrize(("area_marks", "sub_marks"), [("123", "--"), ("I II III", "a b"),
                                                       ("123", "+•")])
def test_rows_marked_unlike_the_areas_are_their_sub_criteria(area_marks: str,
                                                             sub_marks: str) -> None:
    marks = area_marks.split() if " " in area_marks else list(area_marks)
    subs = sub_marks.split() if " " in sub_marks else list(sub_marks)
    rows = [["TT", "Lĩnh vực", "Điểm tối đa", "Điểm đạt"]]
    rows.append([marks[0], AREA_ROWS[0][0], AREA_ROWS[0][1], AREA_ROWS[0][3]])
    rows += [[mark, f"Tiêu chí {mark}", "2", "1,5"] for mark in subs]
    rows += [[mark, r[0], r[1], r[3]] for mark, r in zip(marks[1:], AREA_ROWS[1:], strict=True)]
    cells = tuple(
        Cell(row=i, col=j, text=t) for i, row in enumerate(rows) for j, t in enumerate(row)
    )
    notice = parse(Document(source=SOURCE, blocks=(Block(kind=BlockKind.TABLE, cells=cells),)))
    assert [s.area for s in notice.scores] == ["chi_dao_dieu_hanh", "the_che", "tthc"]


def test_areas_stated_in_prose_when_there_is_no_table() -> None:
    notice = parse(
        doc(
            "Chỉ số CCHC năm 2023 của Sở đạt 41,5 điểm. Cụ thể: Công tác chỉ đạo, điều hành "
            "CCHC đạt 9,5/10 điểm; Cải cách thể chế: 8,75/10 điểm; Cải cách thủ tục hành "
            "chính được chấm 12,25/14,5 điểm; Tiêu chí khác đạt 11 điểm."
        )
    )
    assert values(notice) == [
        ("chi_dao_dieu_hanh", Decimal(10), None, Decimal("9.5")),
        ("the_che", Decimal(10), None, Decimal("8.75")),
        ("tthc", Decimal("14.5"), None, Decimal("12.25")),
    ]
    # one area's figure stated alone is the subject's component; a bare "7 điểm" after a
    # name in a remark (no verb, no list) is none
    remark = "Lĩnh vực cải cách tài chính công chỉ đạt 5,5/8 điểm; cải cách thể chế 7 điểm."
    assert values(parse(doc(remark))) == [("tai_chinh_cong", Decimal(8), None, Decimal("5.5"))]


@pytest.mark.timeout(20)
def test_a_long_line_of_figures_parses_in_linear_time() -> None:
    # a regex running over area labels once backtracked cubically on lines like this one
    line = " ".join(["Cải cách thể chế được đánh giá cao đạt điểm"] * 400 + ["7 điểm"])
    assert parse(doc(line)).scores == ()


def test_bulleted_units_with_sub_bullets_and_labelled_tasks() -> None:
    notice = parse(
        doc(
            "3. Nhiệm vụ thời gian tới",
            "- Văn phòng Sở:",
            "+ Tham mưu kế hoạch CCHC năm 2024;",
            "- Phối hợp với Văn phòng Sở:",  # starts as a task, not as a unit
            "- Thanh tra Sở:",
            "+ Tăng cường kiểm tra công vụ.",
            "- Các phòng chuyên môn: rà soát thủ tục hành chính thuộc lĩnh vực quản lý.",
        )
    )
    assert [(t.section, t.unit, t.text[:24]) for t in notice.tasks] == [
        ("3", "Văn phòng Sở", "Tham mưu kế hoạch CCHC n"),
        ("3", "Văn phòng Sở", "Phối hợp với Văn phòng S"),
        ("3", "Thanh tra Sở", "Tăng cường kiểm tra công"),
        ("3", "Các phòng chuyên môn", "Các phòng chuyên môn: rà"),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Tham mưu kế hoạch. Thời gian hoàn thành: trước ngày 30/6/2024.", date(2024, 6, 30)),
        ("Rà soát quy chế, hoàn thành trong tháng 5/2024.", date(2024, 5, 31)),
        ("Số hóa hồ sơ, hoàn thành trong quý II/2024.", date(2024, 6, 30)),
        ("Cập nhật văn bản (thời hạn: 31/3/2024).", date(2024, 3, 31)),
        ("Báo cáo chậm nhất ngày 15/12/2024.", date(2024, 12, 15)),
        ("Thực hiện thường xuyên trong năm 2024.", None),
        ("Hoàn thành trong tháng 13/2024.", None),
        ("Nộp báo cáo TRƯỚC NGÀY 10/01/2025.", date(2025, 1, 10)),
        ("Hạn chót 20/11/2024 cho việc tổng hợp.", date(2024, 11, 20)),
        ("Tổ chức tập huấn Trong quý III/2024.", date(2024, 9, 30)),
        ("CHẬM NHẤT 05/8/2024 gửi kết quả.", date(2024, 8, 5)),
    ],
)
def test_task_deadlines(text: str, expected: date | None) -> None:
    assert deadline(text) == expected
