"""Word files as Word and LibreOffice write them: automatic list numbers in a .doc, a header
laid out in frames (saved as text boxes), header cells of lines parted by line breaks, and
ranking sheets with subtotal rows and title rows above the table.

The .doc files are composed by tools/make_word_variants.py (LibreOffice saves them; committed
under tests/fixtures); DOCX files and workbooks are composed here at test time. A larger
composed set of such files was built outside the repository (/work/probe/c29).
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import docx
import pytest
from docx.enum.text import WD_BREAK

from parscore.extractors import extract
from parscore.extractors.doclists import Continuations
from parscore.extractors.header import layout_lines
from parscore.extractors.listnumbers import Level
from parscore.extractors.model import BlockKind, Region
from parscore.pipeline.process import process_file

FIXTURES = Path(__file__).resolve().parent / "fixtures"
MOTTO = ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc")


# --------------------------------------------------------------------------- .doc list numbers


def test_doc_list_items_carry_the_numbers_word_prints() -> None:
    document = extract(FIXTURES / "lo-lists-frames.doc")
    items = [(b.marker, b.text) for b in document.blocks if b.kind is BlockKind.LIST_ITEM]
    assert [m for m, _ in items] == [
        "-", "-", "1.", "a)", "b)", "2.", "3.", "Điều 1.", "Điều 2.", "Điều 3.",
    ]  # fmt: skip
    assert items[5] == ("2.", "Các huyện, thị xã, thành phố báo cáo số hồ sơ tồn đọng chưa số hóa.")


def test_a_list_written_after_its_first_paragraph_continues_it() -> None:
    decimal = {0: Level(fmt="decimal", text="%1.", start=1)}
    article = {0: Level(fmt="decimal", text="Điều %1.", start=1)}
    seen = Continuations()
    # LibreOffice: the first item under list 7, the rest under list 2 (same levels).
    assert [seen.key(7, decimal), seen.key(2, decimal), seen.key(2, decimal)] == [7, 7, 7]
    # A later list of the same levels restarts: list 7 numbers three paragraphs already.
    assert seen.key(8, decimal) == 8
    # Lists of other levels count apart, and so does one met while it is not alone.
    assert seen.key(6, article) == 6
    assert seen.key(3, decimal) == 8 and seen.key(4, decimal) == 4


def test_doc_tasks_under_printed_numbers() -> None:
    tasks = process_file(FIXTURES / "lo-lists-frames.doc").notice.tasks
    texts = [t.text for t in tasks]
    assert any(t.startswith("Tổng hợp nhu cầu máy quét") for t in texts)
    assert any(t.startswith("Kho bạc Nhà nước khu vực phối hợp") for t in texts)


# --------------------------------------------------------------------------- boxes and frames


def test_doc_text_boxes_anchored_above_the_text_come_first() -> None:
    document = extract(FIXTURES / "lo-lists-frames.doc")
    body = [b.text for b in document.blocks if b.region is not Region.PAGE_FOOTER]
    assert body[:2] == ["UBND TỈNH YÊN BÁI", "SỞ TÀI CHÍNH"]
    assert body.index("Kính gửi:") > body.index("Yên Bái, ngày 09 tháng 9 năm 2026")


def test_doc_header_in_frames_gives_the_letter_its_fields() -> None:
    meta = process_file(FIXTURES / "lo-lists-frames.doc").notice.metadata
    assert meta.number == "812/STC-HCSN"
    assert meta.issue_date == date(2026, 9, 9)
    assert meta.issuer is not None and "Tài chính" in meta.issuer


# --------------------------------------------------------------------------- header cell lines


def test_header_layout_lines_part_at_line_breaks() -> None:
    rows = [[["UBND HUYỆN MƯỜNG TÈ\x0b------\x0bSố: 9/UBND-VP\nV/v trực Tết"], [MOTTO[0]]]]
    assert layout_lines(rows) == [
        "UBND HUYỆN MƯỜNG TÈ", "------", "Số: 9/UBND-VP", "V/v trực Tết", MOTTO[0],
    ]  # fmt: skip


def test_doc_header_cell_of_lines_keeps_number_and_subject_apart() -> None:
    path = FIXTURES / "lo-cell-breaks.doc"
    header = [b.text for b in extract(path).blocks if b.region is Region.HEADER]
    assert "Số: 57/TB-UBND" in header and "V/v lịch tiếp công dân quý IV năm 2026" in header
    meta = process_file(path).notice.metadata
    assert (meta.number, meta.issue_date) == ("57/TB-UBND", date(2026, 10, 2))


def _header_docx(path: Path, left: list[str], right: list[str], body: list[str]) -> None:
    """Write a DOCX whose header is one borderless row, each cell one paragraph of lines."""
    document = docx.Document()
    table = document.add_table(rows=1, cols=2)
    for cell, lines in zip(table.rows[0].cells, (left, right), strict=True):
        paragraph = cell.paragraphs[0]
        for i, line in enumerate(lines):
            r = paragraph.add_run(line)
            if i < len(lines) - 1:
                r.add_break(WD_BREAK.LINE)
    for text in body:
        document.add_paragraph(text)
    document.save(str(path))


SUBJECT = "V/v tăng cường giám sát dịch sốt xuất huyết"


def test_docx_header_cell_of_lines_keeps_number_and_subject_apart(tmp_path: Path) -> None:
    path = tmp_path / "cv.docx"
    _header_docx(
        path,
        ["SỞ Y TẾ TỈNH SƠN LA", "-----", "Số: 1306/SYT-NVY", SUBJECT],
        [*MOTTO, "------", "Sơn La, ngày 14 tháng 8 năm 2026"],
        ["Kính gửi: Các bệnh viện tuyến tỉnh.", "Sở Y tế đề nghị các đơn vị phòng bệnh."],
    )
    header = [b.text for b in extract(path).blocks if b.region is Region.HEADER]
    assert header[:4] == ["SỞ Y TẾ TỈNH SƠN LA", "-----", "Số: 1306/SYT-NVY", SUBJECT]
    meta = process_file(path).notice.metadata
    assert (meta.number, meta.issue_date) == ("1306/SYT-NVY", date(2026, 8, 14))


def test_docx_line_breaks_outside_the_header_stay_spaces(tmp_path: Path) -> None:
    path = tmp_path / "tb.docx"
    left = ["UBND TỈNH ĐIỆN BIÊN", "Số: 77/TB-UBND"]
    _header_docx(path, left, [*MOTTO, "Điện Biên, ngày 3 tháng 3 năm 2026"], [])
    document = docx.Document(str(path))
    r = document.add_paragraph("Giao Sở Nội vụ").add_run()
    r.add_break(WD_BREAK.LINE)
    r.add_text("theo dõi, đôn đốc.")
    document.save(str(path))
    texts = [b.text for b in extract(path).blocks if b.region is Region.BODY]
    assert texts == ["Giao Sở Nội vụ theo dõi, đôn đốc."]


# --------------------------------------------------------------------------- ranking sheets


def test_sheet_title_lines_naming_the_body_are_its_header(tmp_path: Path) -> None:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet["A1"] = "UBND TỈNH KON TUM - SỞ NỘI VỤ"
    sheet.merge_cells("A1:D1")
    sheet["A2"] = "XẾP HẠNG CẢI CÁCH HÀNH CHÍNH CÁC PHÒNG CHUYÊN MÔN CẤP HUYỆN NĂM 2025"
    sheet.merge_cells("A2:D2")
    rows = [("STT", "Đơn vị", "Điểm", "Hạng"), (1, "Huyện Đăk Hà", 88.25, "=RANK(C4,C$4:C$5)"),
            (2, "Huyện Sa Thầy", 81.5, "=RANK(C5,C$4:C$5)"), (None, "Bình quân", 84.88, None)]
    for r, row in enumerate(rows, 3):
        for c, value in enumerate(row, 1):
            if value is not None:
                sheet.cell(r, c, value)
    path = tmp_path / "xephang.xlsx"
    book.save(path)
    lead = [(b.region, b.text) for b in extract(path).blocks if b.kind is BlockKind.PARAGRAPH]
    title = sheet["A2"].value
    assert lead == [(Region.HEADER, "UBND TỈNH KON TUM - SỞ NỘI VỤ"), (Region.BODY, title)]
    assert process_file(path).notice.metadata.issuer == "Sở Nội vụ"


def test_sheet_header_laid_out_side_by_side_opens_the_sheet(tmp_path: Path) -> None:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    for cell, text in {"A1": "UBND HUYỆN TUẦN GIÁO", "A2": "PHÒNG NỘI VỤ", "A3": "Số: 45/BC-PNV",
                       "E1": MOTTO[0], "E2": MOTTO[1], "E3": "Tuần Giáo, ngày 5 tháng 1 năm 2026",
                       "A5": "BẢNG XẾP HẠNG CHỈ SỐ CẢI CÁCH HÀNH CHÍNH CÁC XÃ NĂM 2025"}.items():
        sheet[cell] = text
    sheet.merge_cells("E1:G1")
    sheet.merge_cells("A5:G5")
    rows = [("TT", "Xã, thị trấn", "Điểm tối đa", "Điểm đạt", "Tỷ lệ %", "Xếp loại", "Thứ hạng"),
            (1, "Xã Quài Tở", 100, 91.2, 91.2, "Tốt", 1),
            (2, "Xã Chiềng Sinh", 100, 86.75, 86.75, "Khá", 2),
            (3, "Thị trấn Tuần Giáo", 100, 79.5, 79.5, "Khá", 3)]
    for r, row in enumerate(rows, 7):
        for c, value in enumerate(row, 1):
            sheet.cell(r, c, value)
    path = tmp_path / "xa.xlsx"
    book.save(path)
    blocks = extract(path).blocks
    header = [b.text for b in blocks if b.region is Region.HEADER]
    assert header[:3] == ["UBND HUYỆN TUẦN GIÁO", "PHÒNG NỘI VỤ", "Số: 45/BC-PNV"]
    assert MOTTO[0] in header and rows[0][1] not in " ".join(header)
    table = next(b for b in blocks if b.kind is BlockKind.TABLE)
    assert table.rows()[0][:2] == ["TT", "Xã, thị trấn"]
    result = process_file(path).notice
    assert (result.metadata.number, result.metadata.issue_date) == ("45/BC-PNV", date(2026, 1, 5))
    assert {u.unit for u in result.unit_scores} >= {"Xã Quài Tở", "Xã Chiềng Sinh"}


# --------------------------------------------------------------------------- text boxes, edits


GREETING = "Kính gửi: Các cơ quan, đơn vị thuộc UBND huyện."


@pytest.mark.parametrize("suffix", ["rtf", "odt"])
def test_text_boxes_read_in_place_and_deletions_left_out(suffix: str) -> None:
    path = FIXTURES / f"lo-tracked-boxes.{suffix}"
    texts = [b.text for b in extract(path).blocks]
    dated = "Mường La, ngày 21 tháng 11 năm 2026"
    assert {"Số: 301/UBND-VP", "HUYỆN MƯỜNG LA", dated} <= set(texts)
    assert texts.index("Số: 301/UBND-VP") < texts.index(GREETING)
    assert "Phòng Nội vụ khẩn trương rà soát hồ sơ công chức cấp xã." in texts
    meta = process_file(path).notice.metadata
    assert (meta.number, meta.issue_date) == ("301/UBND-VP", date(2026, 11, 21))
    assert meta.issuer == "Ủy ban nhân dân huyện Mường La"


def test_doc_text_boxes_of_the_header_come_before_the_letter() -> None:
    path = FIXTURES / "lo-tracked-boxes.doc"
    texts = [b.text for b in extract(path).blocks]
    assert texts.index("Số: 301/UBND-VP") < texts.index(GREETING)
    meta = process_file(path).notice.metadata
    assert (meta.number, meta.issuer) == ("301/UBND-VP", "Ủy ban nhân dân huyện Mường La")
