"""Spreadsheets (.xlsx, .ods, .xls): each sheet's used range a table, titles as paragraphs.

The .xlsx files are written by openpyxl and the .xls files by xlwt (with a .VnTime font, as
2000s government workbooks were typed); the .ods file is the minimal package the
OpenDocument standard defines (a stored mimetype and content.xml), as LibreOffice writes it.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest

from parscore.extractors import extract, read_source
from parscore.extractors.errors import ErrorCode, InputError
from parscore.extractors.limits import DEFAULT_LIMITS, Limits
from parscore.extractors.model import BlockKind, Document
from parscore.normalizers.legacy import from_unicode

TITLE = "KẾT QUẢ CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM 2023"
HEADER = ["STT", "Lĩnh vực", "Điểm tối đa", "Điểm đạt được"]
ROWS = [["1", "Công tác chỉ đạo, điều hành", "9", "8,5"], ["2", "Cải cách thể chế", "6", "5.25"]]
LEGACY = Path(__file__).resolve().parents[2] / "shared" / "legacy" / "corpus" / "public-domain"


def error_of(path: Path, limits: Limits = DEFAULT_LIMITS) -> InputError:
    with pytest.raises(InputError) as caught:
        extract(path, limits)
    return caught.value


def table_of(document: Document) -> list[list[str]]:
    tables = [b for b in document.blocks if b.kind is BlockKind.TABLE]
    assert len(tables) == 1
    return tables[0].rows()


def cell_value(text: str) -> object:
    """Given a cell's text, return what a typist would have entered: numbers as numbers."""
    if text == "5.25":
        return 5.25
    return int(text) if text.isdigit() else text


def write_xlsx(path: Path, font: str | None = None) -> Path:
    import openpyxl
    from openpyxl.styles import Font

    book = openpyxl.Workbook()
    sheet = book.active
    encode = (lambda s: from_unicode(s, "tcvn3")) if font else (lambda s: s)
    sheet["A1"] = encode(TITLE)
    sheet.merge_cells("A1:D1")
    for r, row in enumerate([HEADER, *ROWS], start=3):
        for c, text in enumerate(row, start=1):
            value = cell_value(text)
            entered = encode(value) if isinstance(value, str) else value
            cell = sheet.cell(row=r, column=c, value=entered)
            if font:
                cell.font = Font(name=font)
    if font:
        sheet["A1"].font = Font(name=font + "H")  # TCVN3 capitals come from a capitals font
    sheet.merge_cells("A6:B6")
    sheet["A6"] = encode("Tổng")
    sheet["C6"] = 15
    book.create_sheet("Trống")
    book.save(path)
    return path


def test_an_xlsx_sheet_is_a_title_and_a_table_with_its_merges(tmp_path: Path) -> None:
    document = extract(write_xlsx(tmp_path / "kq.xlsx"))
    assert document.source.format == "xlsx"
    assert document.blocks[0].kind is BlockKind.PARAGRAPH
    assert document.blocks[0].text == TITLE
    assert table_of(document) == [HEADER, *ROWS, ["Tổng", "", "15", ""]]
    total = next(c for b in document.blocks for c in b.cells if c.text == "Tổng")
    assert (total.row, total.col, total.colspan) == (3, 0, 2)
    assert document.blocks[0].prov.page == 1


def test_xlsx_cells_in_a_tcvn3_font_are_converted(tmp_path: Path) -> None:
    document = extract(write_xlsx(tmp_path / "vn.xlsx", font=".VnTime"))
    assert table_of(document)[2][1] == "Cải cách thể chế"  # 'ư'-free; see the xls test for 'ư'
    assert document.blocks[0].text == TITLE


def test_an_xlsx_detected_without_its_name(tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "kq.xlsx").rename(tmp_path / "kq.bin")
    assert read_source(path)[1].format == "xlsx"


def test_a_truncated_xlsx_is_corrupt(tmp_path: Path) -> None:
    data = write_xlsx(tmp_path / "kq.xlsx").read_bytes()
    cut = tmp_path / "cut.xlsx"
    cut.write_bytes(data[: len(data) // 2])
    assert error_of(cut).code is ErrorCode.CORRUPT_FILE


def test_an_xlsx_bomb_is_refused_before_inflating(tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "kq.xlsx")
    with zipfile.ZipFile(path, "a", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/media/zeros.bin", b"\0" * (4 * 1024 * 1024))
    assert error_of(path).code is ErrorCode.ZIP_BOMB


def ods_bytes(rows_xml: str) -> bytes:
    content = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"'
        ' xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"'
        ' xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.3">'
        '<office:body><office:spreadsheet><table:table table:name="KQ">'
        f"{rows_xml}</table:table></office:spreadsheet></office:body></office:document-content>"
    )
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        archive.writestr("content.xml", content, zipfile.ZIP_DEFLATED)
    return buffer.getvalue()


def ods_row(cells: list[str], repeat: int = 1) -> str:
    xml = "".join(f"<table:table-cell><text:p>{c}</text:p></table:table-cell>" for c in cells)
    return f'<table:table-row table:number-rows-repeated="{repeat}">{xml}</table:table-row>'


def test_an_ods_sheet_reads_as_the_xlsx_does(tmp_path: Path) -> None:
    title = (
        '<table:table-row><table:table-cell table:number-columns-spanned="4">'
        f"<text:p>{TITLE}</text:p></table:table-cell>"
        '<table:covered-table-cell table:number-columns-repeated="3"/></table:table-row>'
    )
    blank = (
        '<table:table-row table:number-rows-repeated="1048000">'
        '<table:table-cell table:number-columns-repeated="1024"/></table:table-row>'
    )
    body = title + "".join(ods_row(r) for r in [HEADER, *ROWS]) + blank
    path = tmp_path / "kq.ods"
    path.write_bytes(ods_bytes(body))
    document = extract(path)
    assert document.source.format == "ods"
    assert document.blocks[0].text == TITLE
    assert table_of(document) == [HEADER, *ROWS]


def test_a_repeated_ods_row_is_capped(tmp_path: Path) -> None:
    path = tmp_path / "big.ods"
    path.write_bytes(ods_bytes(ods_row(["1", "x"], repeat=10_000_000)))
    assert error_of(path).code is ErrorCode.TOO_LARGE


def test_an_ods_without_content_is_corrupt(tmp_path: Path) -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        archive.writestr("content.xml", "<office:document-content")
    path = tmp_path / "broken.ods"
    path.write_bytes(buffer.getvalue())
    assert error_of(path).code is ErrorCode.CORRUPT_FILE


def write_xls(path: Path, font: str) -> Path:
    import xlwt

    book = xlwt.Workbook(encoding="latin-1")
    sheet = book.add_sheet("KQ")
    style = xlwt.easyxf(f"font: name {font}")
    sheet.write_merge(0, 0, 0, 3, from_unicode("Đơn vị được đánh giá", "tcvn3"), style)
    for r, row in enumerate([HEADER, *ROWS], start=2):
        for c, text in enumerate(row):
            sheet.write(r, c, from_unicode(text, "tcvn3"), style)
    book.save(str(path))
    return path


def test_an_xls_in_tcvn3_keeps_its_u_horn(tmp_path: Path) -> None:
    document = extract(write_xls(tmp_path / "kq.xls", ".VnTime"))
    assert document.source.format == "xls"
    assert document.blocks[0].text == "Đơn vị được đánh giá"  # 'ư' is U+00AD in TCVN3
    assert table_of(document) == [HEADER, *ROWS]


def test_a_damaged_xls_is_corrupt(tmp_path: Path) -> None:
    data = write_xls(tmp_path / "kq.xls", "Arial").read_bytes()
    cut = tmp_path / "cut.xls"
    cut.write_bytes(data[:512] + b"\xff" * 1536 + data[2048:])  # the workbook stream overwritten
    assert error_of(cut).code is ErrorCode.CORRUPT_FILE


def test_a_stub_of_an_office_file_is_corrupt_not_a_traceback(tmp_path: Path) -> None:
    path = tmp_path / "old.doc"  # the OLE signature and a stream name, nothing else
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + "WordDocument\0".encode("utf-16-le"))
    error = error_of(path)
    assert error.code is ErrorCode.CORRUPT_FILE
    assert "old.doc" in error.message and "download it again" in error.message


@pytest.mark.skipif(not LEGACY.is_dir(), reason="the legacy corpus is not beside the clone")
def test_a_real_tcvn3_workbook_reads_in_unicode() -> None:
    document = extract(LEGACY / "tcvn3" / "2005-2BZ73_FDI_Dong_Nam_Bo.xls")
    # Typed in lowercase, shown in capitals by its .VnXxxH font: the typed case is kept, as the
    # corpus's transcript reads (legacy.typed_capitals).
    assert document.blocks[0].text.startswith("đầu tư nước ngoài")
    assert table_of(document)[0][:2] == ["STT", "Chuyên ngành"]
