"""How tests/fixtures/lo-page-header.{doc,odt,rtf}, lo-vntimeh-header.{doc,xls},
lo-spanned-ranking.{doc,rtf} and lo-percent-format.xls were made (run once, by hand).

The text is composed here. python-docx writes a Word file whose Decree 30 header (issuer |
motto, number | place and date) is a borderless table in the FIRST-PAGE page header
(titlePg), while the every-page header only holds a running line; the body starts at the
title. LibreOffice then saves it as Word 97–2003, ODT and RTF:

    .venv/bin/python tools/make_page_header_variants.py tests/fixtures

Word keeps such a header in the header story (.doc), LibreOffice in a master page's header
(styles.xml of the .odt) and in ``{\\headerf …}`` groups of its page style table (.rtf).

lo-vntimeh-header.doc and .xls are typed in TCVN3 (.VnTime) the way old files were: the
issuer's lines, which the page shows in capitals, typed in LOWERCASE bytes in the capitals
font .VnTimeH (in the .doc through a character style), saved by LibreOffice.

lo-spanned-ranking.doc and .rtf hold a ranking table whose header runs over two rows: a
heading merged across two columns (gridSpan) over two sub-headings, the others merged down
(vMerge); .doc keeps each row's cell edges in sprmTDefTable, RTF in ``\\cellxN``.

lo-percent-format.xls ranks units by a column of fractions formatted "0.00%" (shown 88.40%).
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
import tomllib
from pathlib import Path

import docx
import openpyxl
from docx.enum.style import WD_STYLE_TYPE
from docx.shared import Cm
from openpyxl.styles import Font

LEGACY = Path(__file__).resolve().parent.parent / "normalizers" / "data" / "legacy.toml"

MOTTO = ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc")
LEFT = ("UỶ BAN NHÂN DÂN", "HUYỆN ĐIỆN BIÊN ĐÔNG", "-----", "Số: 418/UBND-VP")
RIGHT = (*MOTTO, "----------", "Điện Biên Đông, ngày 17 tháng 4 năm 2025")
BODY = (
    "THÔNG BÁO",
    "Kết luận của Chủ tịch UBND huyện tại buổi kiểm tra công tác một cửa",
    "Sau khi kiểm tra, Chủ tịch UBND huyện yêu cầu:",
    "1. Phòng Nội vụ hướng dẫn các xã niêm yết thủ tục hành chính đúng quy định.",
    "2. Văn phòng HĐND và UBND huyện theo dõi việc trả kết quả đúng hẹn.",
)


def header_docx(path: Path) -> None:
    """Given a path, write the Word file: the header table in the first-page header."""
    document = docx.Document()
    section = document.sections[0]
    section.different_first_page_header_footer = True
    section.header.paragraphs[0].text = "Thông báo số 418 - trang sau"
    table = section.first_page_header.add_table(rows=1, cols=2, width=Cm(16))
    for cell, lines in zip(table.rows[0].cells, (LEFT, RIGHT), strict=True):
        cell.paragraphs[0].text = lines[0]
        for line in lines[1:]:
            cell.add_paragraph(line)
    for text in BODY:
        document.add_paragraph(text)
    document.add_page_break()
    document.add_paragraph("Văn phòng HĐND và UBND huyện thông báo để các cơ quan biết./.")
    document.save(str(path))


def tcvn3(text: str) -> str:
    """Given Unicode text, return it typed in TCVN3 bytes (Latin-1 look-alikes), lowercase
    where TCVN3 has no capital."""
    table = {v: k for k, v in tomllib.loads(LEGACY.read_text("utf-8"))["tcvn3"].items()}
    return "".join(table.get(c, table.get(c.lower(), c)) if ord(c) > 127 else c for c in text)


CAPS_LEFT = ("uỷ ban nhân dân", "thành phố cẩm phả", "-----", "Số: 73/UBND-NV")
CAPS_RIGHT = ("cộng hoà xã hội chủ nghĩa việt nam", "Độc lập - Tự do - Hạnh phúc",
              "Cẩm Phả, ngày 08 tháng 5 năm 2009")
CAPS_BODY = ("Kính gửi: Các phòng, ban thuộc UBND thành phố.",
             "1. Phòng Nội vụ tổng hợp kết quả tự kiểm tra công tác cải cách hành chính.")


def vntimeh_docx(path: Path) -> None:
    """Given a path, write a Word file typed in TCVN3: the header's capitals lines in the
    character style "Chu hoa" (.VnTimeH), typed lowercase; the rest in .VnTime."""
    document = docx.Document()
    caps = document.styles.add_style("Chu hoa", WD_STYLE_TYPE.CHARACTER)
    caps.font.name = ".VnTimeH"
    table = document.add_table(rows=1, cols=2)
    for cell, lines in zip(table.rows[0].cells, (CAPS_LEFT, CAPS_RIGHT), strict=True):
        for i, line in enumerate(lines):
            paragraph = cell.paragraphs[0] if i == 0 else cell.add_paragraph()
            run = paragraph.add_run(tcvn3(line), style="Chu hoa" if line.islower() else None)
            if not line.islower():
                run.font.name = ".VnTime"
    for text in CAPS_BODY:
        document.add_paragraph().add_run(tcvn3(text)).font.name = ".VnTime"
    document.save(str(path))


def vntimeh_xlsx(path: Path) -> None:
    """Given a path, write a ranking sheet typed in TCVN3, its title lines in .VnTimeH."""
    book = openpyxl.Workbook()
    sheet = book.active
    titles = (("ubnd huyện tiên yên", ".VnTimeH"), ("phòng nội vụ", ".VnTimeH"),
              ("Kết quả chấm điểm cải cách hành chính năm 2008", ".VnTime"))
    for row, (text, font) in enumerate(titles, 1):
        sheet.cell(row, 1, tcvn3(text)).font = Font(name=font)
    for row, (name, score) in enumerate((("Thị trấn Tiên Yên", 86.5), ("Xã Đông Ngũ", 79.25)), 5):
        sheet.cell(row, 1, row - 4)
        sheet.cell(row, 2, tcvn3(name)).font = Font(name=".VnTime")
        sheet.cell(row, 3, score)
    sheet.cell(4, 1, "STT")
    sheet.cell(4, 2, tcvn3("Đơn vị")).font = Font(name=".VnTime")
    sheet.cell(4, 3, tcvn3("Điểm")).font = Font(name=".VnTime")
    book.save(str(path))


RANKING = (
    ("Sở Ngoại vụ", "61,20", "26,45", "87,65", "2"),
    ("Sở Tài chính", "63,05", "27,10", "90,15", "1"),
    ("Văn phòng UBND tỉnh", "58,90", "25,80", "84,70", "3"),
)


def ranking_docx(path: Path) -> None:
    """Given a path, write a decision's ranking table with a two-row merged header."""
    document = docx.Document()
    document.add_paragraph("Kết quả Chỉ số cải cách hành chính năm 2025 của các cơ quan:")
    table = document.add_table(rows=2 + len(RANKING), cols=6)
    table.style = "Table Grid"
    heads = ("TT", "Cơ quan", "Điểm đạt được", None, "Tổng điểm", "Xếp hạng")
    for c, text in enumerate(heads):
        if text:
            table.cell(0, c).text = text
    table.cell(1, 2).text, table.cell(1, 3).text = "Thẩm định", "Điều tra xã hội học"
    table.cell(0, 2).merge(table.cell(0, 3))
    for c in (0, 1, 4, 5):
        table.cell(0, c).merge(table.cell(1, c))
    for r, row in enumerate(RANKING, 2):
        table.cell(r, 0).text = str(r - 1)
        for c, text in enumerate(row, 1):
            table.cell(r, c).text = text
    document.add_paragraph("Giao Sở Nội vụ công khai kết quả trên Cổng thông tin điện tử tỉnh.")
    document.save(str(path))


def percent_xlsx(path: Path) -> None:
    """Given a path, write a ranking whose index column holds fractions formatted 0.00%."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.cell(1, 1, "UBND TỈNH KON TUM")
    sheet.cell(3, 1, "TT")
    sheet.cell(3, 2, "Đơn vị")
    sheet.cell(3, 3, "Chỉ số CCHC (%)")
    sheet.cell(3, 4, "Xếp hạng")
    for r, (name, share, rank) in enumerate((("Sở Nội vụ", 0.884, 1), ("Sở Y tế", 0.8125, 2)), 4):
        sheet.cell(r, 1, r - 3)
        sheet.cell(r, 2, name)
        sheet.cell(r, 3, share).number_format = "0.00%"
        sheet.cell(r, 4, rank)
    book.save(str(path))


def convert(source: Path, targets: tuple[str, ...], out: Path, tmp: str) -> None:
    for target in targets:
        subprocess.run(["soffice", f"-env:UserInstallation=file://{tmp}/profile", "--headless",
                        "--convert-to", target, "--outdir", str(out), str(source)],
                       check=True, capture_output=True, timeout=180)


def main(out: Path) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        source = Path(tmp) / "lo-page-header.docx"
        header_docx(source)
        convert(source, ("doc:MS Word 97", "odt:writer8", "rtf:Rich Text Format"), out, tmp)
        legacy = Path(tmp) / "lo-vntimeh-header.docx"
        vntimeh_docx(legacy)
        convert(legacy, ("doc:MS Word 97",), out, tmp)
        sheet = Path(tmp) / "lo-vntimeh-header.xlsx"
        vntimeh_xlsx(sheet)
        convert(sheet, ("xls:MS Excel 97",), out, tmp)
        ranking = Path(tmp) / "lo-spanned-ranking.docx"
        ranking_docx(ranking)
        convert(ranking, ("doc:MS Word 97", "rtf:Rich Text Format"), out, tmp)
        percent = Path(tmp) / "lo-percent-format.xlsx"
        percent_xlsx(percent)
        convert(percent, ("xls:MS Excel 97",), out, tmp)


if __name__ == "__main__":
    main(Path(sys.argv[1]))
