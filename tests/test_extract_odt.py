"""OpenDocument text (.odt) and the header layout of word-processor tables (DOC, RTF, ODT).

The ODT files here are composed at test time as a suite writes them (a zip whose first
member is the uncompressed ``mimetype``, then ``content.xml`` and ``styles.xml``); LibreOffice's
own ODTs of three notices are under samples/renderings/ (tests/test_renderings.py).
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest

from parscore.extractors import extract
from parscore.extractors.celltables import header_blocks, table_blocks
from parscore.extractors.errors import ErrorCode, InputError
from parscore.extractors.model import BlockKind, Document, Provenance, Region
from parscore.extractors.odt import format_number
from parscore.extractors.rtf import marked, rtf_text, text_blocks

NS = (
    'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
    'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
    'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
    'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
    'xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" '
    'xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"'
)
LIST_STYLES = """<office:automatic-styles>
<text:list-style style:name="Sections">
 <text:list-level-style-number text:level="1" style:num-format="I" style:num-suffix="."/>
 <text:list-level-style-number text:level="2" style:num-format="1" style:num-suffix="."
   text:display-levels="2"/>
 <text:list-level-style-number text:level="3" style:num-format="a" style:num-suffix=")"/>
</text:list-style>
<text:list-style style:name="Dashes"><text:list-level-style-bullet text:level="1"
  text:bullet-char="–"/></text:list-style>
</office:automatic-styles>"""
HEADER = """<table:table table:name="Header">
<table:table-column/><table:table-column/>
<table:table-row>
 <table:table-cell><text:p>UBND HUYỆN PHÚ LỘC<text:line-break/>PHÒNG NỘI VỤ</text:p>
  <text:p>Số: 27/TB-PNV</text:p></table:table-cell>
 <table:table-cell><text:p>CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM</text:p>
  <text:p>Độc lập - Tự do - Hạnh phúc</text:p>
  <text:p>Phú Lộc, ngày 09 tháng 4 năm 2025</text:p></table:table-cell>
</table:table-row></table:table>"""
BODY = """<text:tracked-changes><text:changed-region text:id="c1"><text:deletion>
 <text:p>Đoạn đã xoá: Phòng Tài chính đạt 99 điểm.</text:p></text:deletion>
</text:changed-region></text:tracked-changes>
<text:p>THÔNG BÁO</text:p>
<text:h text:outline-level="2">Kết quả tự đánh giá năm 2024</text:h>
<text:p>Điểm tự đánh giá<text:s text:c="3"/>của Phòng<text:tab/>Nội vụ đạt 81,5 điểm<text:note
 text:note-class="footnote"><text:note-citation>1</text:note-citation><text:note-body>
 <text:p>Theo Kế hoạch 12/KH-UBND.</text:p></text:note-body></text:note>.</text:p>
<table:table table:name="Scores"><table:table-column table:number-columns-repeated="3"/>
<table:table-header-rows><table:table-row>
 <table:table-cell><text:p>Lĩnh vực</text:p></table:table-cell>
 <table:table-cell table:number-columns-spanned="2"><text:p>Điểm</text:p></table:table-cell>
 <table:covered-table-cell/></table:table-row></table:table-header-rows>
<table:table-row>
 <table:table-cell><text:p>Cải cách thể chế</text:p></table:table-cell>
 <table:table-cell><text:p>9</text:p></table:table-cell>
 <table:table-cell><text:p>8,25</text:p></table:table-cell></table:table-row>
</table:table>
<text:list text:style-name="Sections">
 <text:list-item><text:p>Kết quả</text:p>
  <text:list><text:list-item><text:p>Ưu điểm</text:p></text:list-item>
   <text:list-item><text:p>Hạn chế</text:p>
    <text:list><text:list-item><text:p>Chưa số hoá hồ sơ</text:p></text:list-item>
     <text:list-item><text:p>Chưa có sáng kiến</text:p></text:list-item></text:list>
   </text:list-item></text:list></text:list-item>
</text:list>
<text:p>Đoạn chen giữa hai phần.</text:p>
<text:list text:style-name="Sections" text:continue-numbering="true">
 <text:list-item><text:p>Nhiệm vụ</text:p>
  <text:list><text:list-item><text:p>Văn phòng UBND huyện:</text:p></text:list-item>
  </text:list></text:list-item>
</text:list>
<text:list text:style-name="Dashes"><text:list-item><text:p>Rà soát quy trình nội bộ<draw:frame>
 <svg:title>Ảnh minh hoạ</svg:title></draw:frame></text:p></text:list-item></text:list>
<text:section text:name="Ky"><text:p>KT. TRƯỞNG PHÒNG</text:p></text:section>"""
STYLES = f"""<?xml version="1.0" encoding="UTF-8"?><office:document-styles {NS}>
<office:master-styles><style:master-page style:name="Standard">
<style:header><text:p>Phòng Nội vụ huyện Phú Lộc</text:p></style:header>
<style:footer><text:p>Trang 1</text:p></style:footer></style:master-page></office:master-styles>
</office:document-styles>"""


def odt_bytes(body: str, styles: str | None = STYLES, mime: str = "text",
              kind: str = "text") -> bytes:
    content = (f'<?xml version="1.0" encoding="UTF-8"?><office:document-content {NS}>'
               f"{LIST_STYLES}<office:body><office:{kind}>{body}</office:{kind}></office:body>"
               "</office:document-content>")
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr(zipfile.ZipInfo("mimetype"),
                         f"application/vnd.oasis.opendocument.{mime}")
        archive.writestr("content.xml", content, compress_type=zipfile.ZIP_DEFLATED)
        if styles is not None:
            archive.writestr("styles.xml", styles, compress_type=zipfile.ZIP_DEFLATED)
    return buffer.getvalue()


@pytest.fixture(scope="module")
def notice(tmp_path_factory: pytest.TempPathFactory) -> Document:
    path = tmp_path_factory.mktemp("odt") / "thong-bao"  # no extension: told by content
    path.write_bytes(odt_bytes(HEADER + BODY))
    return extract(path)


def lines(document: Document, region: Region) -> list[str]:
    return [b.text for b in document.blocks if b.region is region and b.text]


def test_the_header_layout_is_read_as_header_lines(notice: Document) -> None:
    assert notice.source.format == "odt"
    assert lines(notice, Region.HEADER) == [
        "UBND HUYỆN PHÚ LỘC", "PHÒNG NỘI VỤ", "Số: 27/TB-PNV",
        "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
        "Phú Lộc, ngày 09 tháng 4 năm 2025"]


def test_body_text_without_deleted_text_notes_or_alt_texts(notice: Document) -> None:
    body = lines(notice, Region.BODY)
    assert body[:3] == ["THÔNG BÁO", "Kết quả tự đánh giá năm 2024",
                        "Điểm tự đánh giá của Phòng Nội vụ đạt 81,5 điểm."]
    assert not any("xoá" in t or "Kế hoạch 12" in t or "minh hoạ" in t for t in body)
    heading = next(b for b in notice.blocks if b.kind is BlockKind.HEADING)
    assert heading.level == 2


def test_a_table_keeps_its_spans(notice: Document) -> None:
    table = next(b for b in notice.blocks if b.kind is BlockKind.TABLE)
    assert [(c.row, c.col, c.text, c.colspan) for c in table.cells] == [
        (0, 0, "Lĩnh vực", 1), (0, 1, "Điểm", 2),
        (1, 0, "Cải cách thể chế", 1), (1, 1, "9", 1), (1, 2, "8,25", 1)]


def test_list_markers_are_printed_as_the_list_style_says(notice: Document) -> None:
    items = [(b.marker, b.text) for b in notice.blocks if b.kind is BlockKind.LIST_ITEM]
    assert items == [
        ("I.", "Kết quả"), ("I.1.", "Ưu điểm"), ("I.2.", "Hạn chế"),
        ("a)", "Chưa số hoá hồ sơ"), ("b)", "Chưa có sáng kiến"),
        ("II.", "Nhiệm vụ"), ("II.1.", "Văn phòng UBND huyện:"),
        ("-", "Rà soát quy trình nội bộ")]


def test_sections_and_running_lines(notice: Document) -> None:
    assert "KT. TRƯỞNG PHÒNG" in lines(notice, Region.BODY)
    assert lines(notice, Region.PAGE_HEADER) == ["Phòng Nội vụ huyện Phú Lộc"]
    assert lines(notice, Region.PAGE_FOOTER) == ["Trang 1"]


def test_a_table_after_body_text_is_a_table_even_with_header_marks(tmp_path: Path) -> None:
    path = tmp_path / "later.odt"
    path.write_bytes(odt_bytes("<text:p>Phụ lục</text:p>" + HEADER, styles=None))
    document = extract(path)
    assert [b.kind for b in document.blocks] == [BlockKind.PARAGRAPH, BlockKind.TABLE]


@pytest.mark.parametrize(
    ("data", "code"),
    [(b"PK\x03\x04 not a zip at all", ErrorCode.CORRUPT_FILE),
     ("no-body", ErrorCode.CORRUPT_FILE),
     ("presentation", ErrorCode.UNSUPPORTED_FORMAT)],
)
def test_broken_or_other_opendocument_files_get_typed_errors(
    tmp_path: Path, data: bytes | str, code: ErrorCode
) -> None:
    path = tmp_path / "x.odt"
    if data == "no-body":
        data = odt_bytes("<text:p>x</text:p>", kind="drawing")
    elif data == "presentation":
        data = odt_bytes("<text:p>x</text:p>", mime="presentation")
    path.write_bytes(data if isinstance(data, bytes) else b"")
    with pytest.raises(InputError) as caught:
        extract(path)
    assert caught.value.code is code and path.name in caught.value.message


@pytest.mark.parametrize(("value", "fmt", "printed"), [
    (4, "1", "4"), (4, "a", "d"), (28, "a", "bb"), (14, "I", "XIV"), (9, "i", "ix"), (3, "", "")])
def test_numbers_print_in_every_format(value: int, fmt: str, printed: str) -> None:
    assert format_number(value, fmt) == printed


# --------------------------------------------------------------------------- header layout

PROV = Provenance(path="x")
LAYOUT = [[["SỞ Y TẾ TỈNH ĐỒNG THÁP", "Số: 88/BC-SYT"],
           ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Đồng Tháp, ngày 2 tháng 1 năm 2025"]]]


def test_a_small_leading_table_with_header_marks_is_the_header() -> None:
    blocks = table_blocks(LAYOUT, PROV, started=False)
    assert [b.text for b in blocks] == ["SỞ Y TẾ TỈNH ĐỒNG THÁP", "Số: 88/BC-SYT",
                                        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                                        "Đồng Tháp, ngày 2 tháng 1 năm 2025"]
    assert {b.region for b in blocks} == {Region.HEADER}


@pytest.mark.parametrize("rows", [
    [[["Đơn vị"], ["Điểm"]], [["Sở Y tế"], ["88,5"]]],  # no header mark
    [[["Số: 1/TB"], ["a"]]] * 6,  # a form laid out as one large table
    [[["Số: 1/TB"], ["a"], ["b"], ["c"]]],  # four columns
])
def test_other_tables_stay_tables(rows: list[list[list[str]]]) -> None:
    assert header_blocks(rows, PROV) == []
    assert [b.kind for b in table_blocks(rows, PROV, started=False)] == [BlockKind.TABLE]


def test_a_header_layout_after_body_text_stays_a_table() -> None:
    assert [b.kind for b in table_blocks(LAYOUT, PROV, started=True)] == [BlockKind.TABLE]


def test_an_rtf_header_table_gives_header_lines_and_its_data_table_its_cells() -> None:
    def cells(*texts: str) -> str:
        return r"\trowd\cellx3000\cellx6000" + "".join(
            r"\pard\intbl " + t.replace("\n", r"\par ") + r"\cell" for t in texts) + r"\row "
    rtf = (r"{\rtf1\ansi{\fonttbl{\f0 Arial;}}"
           + cells("UBND TINH KON TUM\nSo: 15/TB-UBND", "CONG HOA XA HOI CHU NGHIA VIET NAM\n"
                   "Kon Tum, ngay 3 thang 3 nam 2025")
           + r"\pard THONG BAO\par " + cells("Don vi", "Diem") + cells("So Tu phap", "90")
           + "}")
    blocks = list(text_blocks(rtf_text(marked(rtf.encode()), "x.rtf"), "x.rtf"))
    assert [b.text for b in blocks if b.region is Region.HEADER] == [
        "UBND TINH KON TUM", "So: 15/TB-UBND", "CONG HOA XA HOI CHU NGHIA VIET NAM",
        "Kon Tum, ngay 3 thang 3 nam 2025"]
    table = next(b for b in blocks if b.kind is BlockKind.TABLE)
    assert table.rows() == [["Don vi", "Diem"], ["So Tu phap", "90"]]
