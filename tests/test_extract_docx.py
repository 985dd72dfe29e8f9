"""DOCX extraction of the Decree 30 seed notice (samples/seed-568-tb-sxd.docx)."""

from __future__ import annotations

from pathlib import Path

import pytest

from parscore.extractors import extract
from parscore.extractors.model import BlockKind, Document, Region

SEED = "seed-568-tb-sxd.docx"


@pytest.fixture(scope="module")
def doc(samples_dir: Path) -> Document:
    return extract(samples_dir / SEED)


def test_header_block_is_read_left_column_then_right(doc: Document) -> None:
    header = [b.text for b in doc.blocks if b.region is Region.HEADER]
    assert header == [
        "UBND TỈNH TÂY NINH",
        "SỞ XÂY DỰNG",
        "Số: 568/TB-SXD",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "Tây Ninh, ngày 26 tháng 3 năm 2024",
    ]
    assert all(b.kind is BlockKind.PARAGRAPH for b in doc.blocks if b.region is Region.HEADER)
    assert doc.blocks[0].region is Region.HEADER


def test_only_the_score_table_is_a_table(doc: Document) -> None:
    tables = [b for b in doc.blocks if b.kind is BlockKind.TABLE]
    assert len(tables) == 1  # the header and signature layout tables are not tables
    rows = tables[0].rows()
    assert (tables[0].n_rows, tables[0].n_cols) == (10, 3)
    assert rows[0] == ["Lĩnh vực", "Điểm tối đa", "CTHĐ Thẩm định"]
    assert rows[1] == ["Công tác chỉ đạo điều hành cải cách hành chính", "15.5", "12.23"]
    assert rows[3][2] == "10,86"
    assert rows[8] == ["Tổng cộng điểm", "100", "75.61"]


def test_merged_grade_cell_is_stored_once_with_its_span(doc: Document) -> None:
    table = next(b for b in doc.blocks if b.kind is BlockKind.TABLE)
    grade = [c for c in table.cells if c.text == "Xếp loại"]
    assert len(grade) == 1 and (grade[0].row, grade[0].col, grade[0].colspan) == (9, 0, 2)
    positions = [(c.row, c.col) for c in table.cells]
    assert len(positions) == len(set(positions)) == 29  # 30 slots, one covered by the span


def test_word_numbering_becomes_list_items_with_markers(doc: Document) -> None:
    items = [b for b in doc.blocks if b.kind is BlockKind.LIST_ITEM]
    bullets = [b for b in items if b.marker == "-"]
    assert len(bullets) == 12
    assert not any(b.text.startswith("-") for b in bullets)
    numbered = {b.marker: b.text for b in items if b.marker != "-"}
    assert numbered["1."] == "Một số Kết quả đạt được:"
    assert numbered["2."] == "Những tồn tại, hạn chế:"
    assert numbered["3.1"] == "Văn phòng Sở:"
    assert numbered["3.4"] == "Trung tâm QHXD"


def test_fonts_are_kept(doc: Document) -> None:
    assert all("Times New Roman" in b.fonts for b in doc.blocks if b.kind is not BlockKind.TABLE)


def test_recipients_and_signer_are_paragraphs_at_the_end(doc: Document) -> None:
    body = [b for b in doc.blocks if b.region is Region.BODY]
    tail = [b.text for b in body[-9:]]
    assert tail == [
        "Nơi nhận:",
        "- UBND tỉnh (b/c);",
        "- Sở Nội vụ;",
        "- Ban Giám đốc Sở;",
        "- Các phòng, đơn vị thuộc Sở;",
        "- Lưu: VT, VP.",
        "KT. GIÁM ĐỐC",
        "PHÓ GIÁM ĐỐC",
        "Nguyễn Văn Nam",
    ]
    assert all(b.kind is BlockKind.PARAGRAPH for b in body[-9:])


def test_running_footer_keeps_its_region(doc: Document) -> None:
    footer = [b for b in doc.blocks if b.region is Region.PAGE_FOOTER]
    assert [b.text for b in footer] == ["568/TB-SXD – Trang 1"]
    assert doc.blocks[-1] is footer[-1]


def test_vertical_merge_in_a_data_table(tmp_path: Path) -> None:
    import docx

    document = docx.Document()
    document.add_paragraph("Bảng điểm")
    table = document.add_table(rows=3, cols=3)
    table.style = "Table Grid"
    for r, row in enumerate(
        (("Lĩnh vực", "Tối đa", "Đạt"), ("Thể chế", "14", "10"), ("", "12", "11"))
    ):
        for c, text in enumerate(row):
            table.cell(r, c).text = text
    table.cell(1, 0).merge(table.cell(2, 0))
    path = tmp_path / "vmerge.docx"
    document.save(str(path))
    block = next(b for b in extract(path).blocks if b.kind is BlockKind.TABLE)
    merged = [c for c in block.cells if c.col == 0 and c.row >= 1]
    assert len(merged) == 1 and (merged[0].row, merged[0].rowspan) == (1, 2)
    assert "Thể chế" in merged[0].text
    assert block.rows()[2] == ["", "12", "11"]


@pytest.mark.parametrize(("first", "header"), [(True, True), (False, False)])
def test_a_ruled_header_table_before_the_text_is_the_header(
    tmp_path: Path, first: bool, header: bool
) -> None:
    """A header typed in a table with its grid showing (most offices hide it) is the header
    block when it opens the document; after body text it stays a table."""
    import docx

    document = docx.Document()
    if not first:
        document.add_paragraph("Phụ lục: mẫu phần đầu văn bản")
    table = document.add_table(rows=2, cols=2)
    table.style = "Table Grid"
    for (r, c), text in {(0, 0): "SỞ Y TẾ\nTỈNH BẮC KẠN", (1, 0): "Số: 77/SYT-VP",
                         (0, 1): "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                         (1, 1): "Bắc Kạn, ngày 4 tháng 11 năm 2025"}.items():
        table.cell(r, c).text = text
    document.add_paragraph("Sở Y tế đề nghị các phòng rà soát hồ sơ trễ hạn.")
    path = tmp_path / "ruled.docx"
    document.save(str(path))
    blocks = extract(path).blocks
    lines = [b.text for b in blocks if b.region is Region.HEADER]
    # A cell's line break parts its lines, as the other readers give them.
    assert lines == (["SỞ Y TẾ", "TỈNH BẮC KẠN", "Số: 77/SYT-VP",
                      "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                      "Bắc Kạn, ngày 4 tháng 11 năm 2025"] if header else [])
    assert any(b.kind is BlockKind.TABLE for b in blocks) is not header


def test_runs_in_legacy_fonts_come_out_unicode(tmp_path: Path) -> None:
    import docx as python_docx

    from parscore.normalizers.legacy import from_unicode

    document = python_docx.Document()
    paragraph = document.add_paragraph()
    tcvn3 = paragraph.add_run(from_unicode("Chỉ số cải cách hành chính ", "tcvn3"))
    tcvn3.font.name = ".VnTime"
    capitals = paragraph.add_run(from_unicode("sở xây dựng ", "tcvn3"))
    capitals.font.name = ".VnTimeH"
    vni = paragraph.add_run(from_unicode("điểm thẩm định", "vni"))
    vni.font.name = "VNI-Times"
    document.add_paragraph("Unicode stays as it is: Sở Nội vụ")
    path = tmp_path / "legacy.docx"
    document.save(str(path))
    texts = [b.text for b in extract(path).blocks]
    assert texts == [
        "Chỉ số cải cách hành chính SỞ XÂY DỰNG điểm thẩm định",
        "Unicode stays as it is: Sở Nội vụ",
    ]


TEXT_BOX = """
<w:r xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"
     xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"
     xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"
     xmlns:v="urn:schemas-microsoft-com:vml">
  <mc:AlternateContent>
    <mc:Choice Requires="wps"><w:drawing><wps:wsp><wps:txbx><w:txbxContent>
      <w:p><w:r><w:t>KT. GIÁM ĐỐC</w:t></w:r></w:p>
      <w:p><w:r><w:t>PHÓ GIÁM ĐỐC</w:t></w:r>
        <w:r><w:pict><v:shape><v:textbox><w:txbxContent>
          <w:p><w:r><w:t>(đã ký)</w:t></w:r></w:p>
        </w:txbxContent></v:textbox></v:shape></w:pict></w:r></w:p>
    </w:txbxContent></wps:txbx></wps:wsp></w:drawing></mc:Choice>
    <mc:Fallback><w:pict><v:shape><v:textbox><w:txbxContent>
      <w:p><w:r><w:t>KT. GIÁM ĐỐC</w:t></w:r></w:p>
      <w:p><w:r><w:t>PHÓ GIÁM ĐỐC</w:t></w:r></w:p>
    </w:txbxContent></v:textbox></v:shape></w:pict></mc:Fallback>
  </mc:AlternateContent>
</w:r>
"""


def test_text_boxes_are_paragraphs_of_their_own_read_once(tmp_path: Path) -> None:
    import docx as python_docx
    from docx.oxml import parse_xml

    document = python_docx.Document()
    anchor = document.add_paragraph("Nơi nhận:")
    anchor._p.append(parse_xml(TEXT_BOX))
    document.add_paragraph("Nguyễn Văn Nam")
    path = tmp_path / "text-box.docx"
    document.save(str(path))
    texts = [b.text for b in extract(path).blocks]
    assert texts == ["Nơi nhận:", "KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "(đã ký)", "Nguyễn Văn Nam"]
