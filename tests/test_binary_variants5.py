"""Word files whose Decree 30 header lives in a page header (every page, or the first page
only) instead of the body, and legacy files whose issuer is typed in lowercase in a TCVN3
capitals font: DOCX composed here at test time; .doc, .odt, .rtf and .xls saved by
LibreOffice from composed files (tools/make_page_header_variants.py, committed under
tests/fixtures). A larger composed set of such files was built outside the repository
(/work/probe/c36).
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

import docx
import openpyxl
import pytest
from docx.document import Document as WordDocument
from docx.enum.text import WD_BREAK
from docx.oxml import OxmlElement
from docx.shared import Cm

from parscore.extractors import extract
from parscore.extractors.celltables import issuer_as_shown
from parscore.extractors.model import BlockKind, Region
from parscore.extractors.sheets import percent_text, scales_to_percent
from parscore.pipeline.process import process_file

FIXTURES = Path(__file__).resolve().parent / "fixtures"
MOTTO = ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc")
LEFT = ("UBND TỈNH SƠN LA", "SỞ Y TẾ", "Số: 1207/SYT-TCCB")
RIGHT = (*MOTTO, "Sơn La, ngày 03 tháng 12 năm 2026")
BODY = (
    "KẾ HOẠCH",
    "Cải thiện chỉ số hài lòng của người bệnh năm 2027",
    "1. Phòng Tổ chức cán bộ tổng hợp ý kiến của người bệnh hằng quý.",
    "2. Trung tâm Kiểm soát bệnh tật tỉnh công khai quy trình tiếp nhận hồ sơ.",
)


def _fill(table_cells: tuple, breaks: bool) -> None:  # type: ignore[type-arg]
    """Write LEFT and RIGHT into two cells: one paragraph with line breaks, or one per line."""
    for cell, lines in zip(table_cells, (LEFT, RIGHT), strict=True):
        if breaks:
            run = cell.paragraphs[0].add_run(lines[0])
            for line in lines[1:]:
                run.add_break(WD_BREAK.LINE)
                run = cell.paragraphs[0].add_run(line)
        else:
            cell.paragraphs[0].text = lines[0]
            for line in lines[1:]:
                cell.add_paragraph(line)


def _word(path: Path, *, first_page: bool, default_too: bool = False, body_header: bool = False,
          breaks: bool = True) -> Path:
    document: WordDocument = docx.Document()
    section = document.sections[0]
    section.different_first_page_header_footer = first_page
    holders = [section.first_page_header] if first_page else [section.header]
    if first_page and default_too:
        holders.append(section.header)
    elif first_page:
        section.header.paragraphs[0].text = "Kế hoạch 1207 - các trang sau"
    for holder in holders:
        _fill(tuple(holder.add_table(rows=1, cols=2, width=Cm(16)).rows[0].cells), breaks)
    if body_header:
        table = document.add_table(rows=1, cols=2)
        table.rows[0].cells[0].text = "BỆNH VIỆN ĐA KHOA TỈNH\nSố: 88/BV-KHTH"
        table.rows[0].cells[1].text = f"{MOTTO[0]}\nMộc Châu, ngày 20 tháng 11 năm 2026"
    for text in BODY:
        document.add_paragraph(text)
    document.save(str(path))
    return path


def _regions(path: Path) -> list[tuple[Region, str]]:
    return [(b.region, b.text) for b in extract(path).blocks if b.text]


def test_docx_header_in_the_every_page_header_is_the_notice_header(tmp_path: Path) -> None:
    path = _word(tmp_path / "every.docx", first_page=False)
    blocks = _regions(path)
    head = [text for region, text in blocks if region is Region.HEADER]
    assert head == [*LEFT, *RIGHT]  # a cell's line breaks part its lines
    assert blocks[: len(head)] == [(Region.HEADER, t) for t in head]
    meta = process_file(path).notice.metadata
    assert (meta.number, meta.issue_date) == ("1207/SYT-TCCB", date(2026, 12, 3))
    assert meta.issuer is not None and "Y tế" in meta.issuer


def test_docx_first_page_header_read_once_the_running_line_stays_furniture(tmp_path: Path) -> None:
    path = _word(tmp_path / "first.docx", first_page=True, breaks=False)
    blocks = _regions(path)
    assert [t for r, t in blocks if r is Region.HEADER] == [*LEFT, *RIGHT]
    assert (Region.PAGE_HEADER, "Kế hoạch 1207 - các trang sau") in blocks
    both = _regions(_word(tmp_path / "both.docx", first_page=True, default_too=True))
    assert [t for r, t in both if r is Region.HEADER] == [*LEFT, *RIGHT]  # not twice


def test_docx_body_header_wins_over_one_in_the_page_header(tmp_path: Path) -> None:
    path = _word(tmp_path / "body.docx", first_page=False, body_header=True)
    head = [t for r, t in _regions(path) if r is Region.HEADER]
    assert "Số: 88/BV-KHTH" in head and "Số: 1207/SYT-TCCB" not in head
    assert process_file(path).notice.metadata.number == "88/BV-KHTH"


def test_docx_header_table_wrapped_in_a_content_control(tmp_path: Path) -> None:
    document: WordDocument = docx.Document()
    table = document.add_table(rows=1, cols=2)
    _fill(tuple(table.rows[0].cells), breaks=True)  # a cell's lines parted by line breaks
    control, props, content = (OxmlElement(tag) for tag in ("w:sdt", "w:sdtPr", "w:sdtContent"))
    table._tbl.addprevious(control)
    control.append(props)
    control.append(content)
    content.append(table._tbl)
    for text in BODY:
        document.add_paragraph(text)
    path = tmp_path / "control.docx"
    document.save(str(path))
    assert [t for r, t in _regions(path) if r is Region.HEADER] == [*LEFT, *RIGHT]
    meta = process_file(path).notice.metadata
    assert meta.number == "1207/SYT-TCCB" and meta.issuer is not None and "Y tế" in meta.issuer


@pytest.mark.parametrize("suffix", ["doc", "odt", "rtf"])
def test_page_header_table_of_saved_files_opens_the_notice(suffix: str) -> None:
    path = FIXTURES / f"lo-page-header.{suffix}"
    blocks = _regions(path)
    head = [t for r, t in blocks if r is Region.HEADER]
    assert head[:4] == ["UỶ BAN NHÂN DÂN", "HUYỆN ĐIỆN BIÊN ĐÔNG", "-----", "Số: 418/UBND-VP"]
    assert blocks[0] == (Region.HEADER, "UỶ BAN NHÂN DÂN")
    assert ("Điện Biên Đông, ngày 17 tháng 4 năm 2025") in head
    assert all(t != "Thông báo số 418 - trang sau" for r, t in blocks if r is Region.HEADER)
    notice = process_file(path).notice
    meta = notice.metadata
    assert (meta.number, meta.issue_date) == ("418/UBND-VP", date(2025, 4, 17))
    assert meta.issuer == "Ủy ban nhân dân huyện Điện Biên Đông"
    assert [t.unit for t in notice.tasks] == ["Phòng Nội vụ", "Văn phòng HĐND và UBND huyện"]


# --------------------------------------------------------------------------- capitals fonts


def test_issuer_lines_typed_lowercase_in_a_capitals_font_read_as_shown() -> None:
    typed = ["uỷ ban nhân dân", "huyện mường tè", "-----", "Số: 5/UBND", "cộng hoà xã hội"]
    shown = [line.upper() if line.islower() else line for line in typed]
    assert issuer_as_shown(typed, shown) == [
        "UỶ BAN NHÂN DÂN", "HUYỆN MƯỜNG TÈ", "-----", "Số: 5/UBND", "cộng hoà xã hội",
    ]  # fmt: skip
    # a line typed with capitals keeps its case (transcripts keep it), and so does a label
    mixed = ["Sở Tài chính", "tên đơn vị:", "Số:"]
    assert issuer_as_shown(mixed, [x.upper() for x in mixed]) == mixed
    assert issuer_as_shown(["a", "b"], ["A"]) == ["a", "b"]  # lines that do not pair up


def test_doc_header_in_a_capitals_style_names_the_issuer() -> None:
    path = FIXTURES / "lo-vntimeh-header.doc"
    head = [t for r, t in _regions(path) if r is Region.HEADER]
    assert head[:2] == ["UỶ BAN NHÂN DÂN", "THÀNH PHỐ CẨM PHẢ"]
    assert "cộng hoà xã hội chủ nghĩa việt nam" in head  # not the issuer: as typed
    meta = process_file(path).notice.metadata
    assert meta.issuer == "Ủy ban nhân dân thành phố Cẩm Phả"
    assert (meta.number, meta.issue_date) == ("73/UBND-NV", date(2009, 5, 8))


def test_xls_title_in_a_capitals_font_is_the_sheet_header() -> None:
    path = FIXTURES / "lo-vntimeh-header.xls"
    blocks = _regions(path)
    assert blocks[0] == (Region.HEADER, "UBND HUYỆN TIÊN YÊN")
    assert (Region.BODY, "Kết quả chấm điểm cải cách hành chính năm 2008") in blocks
    result = process_file(path).notice
    assert result.metadata.issuer == "Ủy ban nhân dân huyện Tiên Yên"
    assert {u.unit for u in result.unit_scores} == {"Thị trấn Tiên Yên", "Xã Đông Ngũ"}


# --------------------------------------------------------------------------- sheets


def _ranking_book(path: Path, *, spacer_only: bool) -> Path:
    """A ranking of two blocks side by side (D:F and H:J), or one table whose score stands
    past an empty spacer column (``spacer_only``)."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.cell(1, 4, "UBND TỈNH HÀ NAM")
    sheet.cell(2, 4, "BẢNG XẾP HẠNG CẢI CÁCH HÀNH CHÍNH NĂM 2024")
    if spacer_only:
        sheet.cell(4, 4, "Đơn vị")
        sheet.cell(4, 6, "Điểm")
        for r, (name, score) in enumerate((("Sở Công Thương", 82.5), ("Sở Xây dựng", 80.1)), 5):
            sheet.cell(r, 4, name)
            sheet.cell(r, 6, score)
        book.save(str(path))
        return path
    blocks = {
        4: [("Sở Công Thương", 82.5, 1), ("Sở Xây dựng", 80.1, 2)],
        8: [("Huyện Kim Bảng", 84.75, 2), ("Huyện Thanh Liêm", 86.0, 1),
            ("Thị xã Duy Tiên", 79.4, 3)],
    }
    for col, rows in blocks.items():
        for j, heading in enumerate(("Cơ quan", "Điểm", "Thứ hạng")):
            sheet.cell(4, col + j, heading)
        for r, row in enumerate(rows, 5):
            for j, value in enumerate(row):
                sheet.cell(r, col + j, value)
    book.save(str(path))
    return path


def test_sheet_blocks_side_by_side_are_two_tables(tmp_path: Path) -> None:
    path = _ranking_book(tmp_path / "side.xlsx", spacer_only=False)
    tables = [b for b in extract(path).blocks if b.kind is BlockKind.TABLE]
    assert [t.rows()[0] for t in tables] == [["Cơ quan", "Điểm", "Thứ hạng"]] * 2
    rows = {u.unit: (u.score.value, u.rank) for u in process_file(path).notice.unit_scores
            if u.score is not None}
    assert rows["Huyện Thanh Liêm"] == (Decimal("86.0"), 1)
    assert rows["Thị xã Duy Tiên"] == (Decimal("79.4"), 3)
    assert rows["Sở Xây dựng"] == (Decimal("80.1"), 2)


def test_a_spacer_column_does_not_part_one_table(tmp_path: Path) -> None:
    path = _ranking_book(tmp_path / "spacer.xlsx", spacer_only=True)
    tables = [b for b in extract(path).blocks if b.kind is BlockKind.TABLE]
    assert len(tables) == 1 and tables[0].rows()[1][0] == "Sở Công Thương"


# --------------------------------------------------------------------------- merged cells


@pytest.mark.parametrize("suffix", ["doc", "rtf"])
def test_a_heading_merged_across_columns_keeps_the_columns_below_in_place(suffix: str) -> None:
    path = FIXTURES / f"lo-spanned-ranking.{suffix}"
    table = next(b for b in extract(path).blocks if b.kind is BlockKind.TABLE)
    spanned = next(c for c in table.cells if c.text == "Điểm đạt được")
    assert (spanned.col, spanned.colspan) == (2, 2)
    assert next(c for c in table.cells if c.text == "Tổng điểm").col == 4
    rows = {u.unit: (u.score.value, u.rank) for u in process_file(path).notice.unit_scores
            if u.score is not None}
    assert rows["Sở Tài chính"] == (Decimal("90.15"), 1)
    assert rows["Sở Ngoại vụ"] == (Decimal("87.65"), 2)


# --------------------------------------------------------------------------- percent formats


def test_percent_formats_scale_unless_the_sign_is_text() -> None:
    assert scales_to_percent("0.00%") and scales_to_percent("#,##0.0%;[Red]-0.0%")
    assert not scales_to_percent('0.00"%"') and not scales_to_percent("0.0\\%")
    assert not scales_to_percent("General") and not scales_to_percent(None)
    assert percent_text(0.9125) == "91.25%" and percent_text(1) == "100%"


def test_fractions_in_a_percent_format_read_as_the_sheet_shows_them(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    for c, heading in enumerate(("TT", "Đơn vị", "Chỉ số CCHC (%)", "Điểm"), 1):
        sheet.cell(2, c, heading)
    shares = (("Sở Giao thông vận tải", 0.7925), ("Sở Tư pháp", 0.861))
    for r, (name, share) in enumerate(shares, 3):
        sheet.cell(r, 1, r - 2)
        sheet.cell(r, 2, name)
        sheet.cell(r, 3, share).number_format = "0.00%"
        sheet.cell(r, 4, share * 100).number_format = '0.00"%"'  # a sign that is only text
    path = tmp_path / "percent.xlsx"
    book.save(str(path))
    table = next(b for b in extract(path).blocks if b.kind is BlockKind.TABLE)
    assert table.rows()[1][2:] == ["79.25%", "79.25"]
    xls = process_file(FIXTURES / "lo-percent-format.xls").notice.unit_scores
    assert {(u.unit, u.percent.value if u.percent else None) for u in xls} == {
        ("Sở Nội vụ", Decimal("88.4")), ("Sở Y tế", Decimal("81.25")),
    }  # fmt: skip
