"""Text PDF extraction: ruled, borderless and page-straddling tables, Decree 30 layout."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest

from parscore.extractors import extract
from parscore.extractors.model import Block, BlockKind, Document, Region
from parscore.extractors.pagemodel import Frame

SCORE_ROWS = [
    ["Lĩnh vực", "Điểm tối đa", "CTHĐ Thẩm định"],
    ["Công tác chỉ đạo điều hành cải cách hành chính", "15.5", "12.23"],
    ["Cải cách thể chế", "14", "10"],
    ["Cải cách thủ tục hành chính", "17.5", "10,86"],
    ["Cải cách tổ chức bộ máy hành chính nhà nước", "10", "9"],
    ["Cải cách chế độ công vụ", "12", "11"],
    ["Cải cách tài chính công", "11", "7.41"],
    ["Xây dựng và phát triển chính quyền điện tử, chính quyền số", "20", "15.11"],
    ["Tổng cộng điểm", "100", "75.61"],
    ["Xếp loại", "", "Khá"],
]


@pytest.fixture(scope="module")
def seed(samples_dir: Path) -> Document:
    return extract(samples_dir / "seed-568-tb-sxd.pdf")


def tables(doc: Document) -> list[Block]:
    return [b for b in doc.blocks if b.kind is BlockKind.TABLE]


def test_seed_score_table_is_one_table_with_its_numbers(seed: Document) -> None:
    [table] = tables(seed)
    assert table.rows() == SCORE_ROWS
    grade = next(c for c in table.cells if c.text == "Xếp loại")
    assert (grade.row, grade.col, grade.colspan, grade.rowspan) == (9, 0, 2, 1)
    assert table.prov.page == 1 and table.prov.bbox is not None


def test_seed_header_block_reads_left_column_then_right(seed: Document) -> None:
    header = [b.text for b in seed.blocks if b.region is Region.HEADER]
    assert header == [
        "UBND TỈNH TÂY NINH",
        "SỞ XÂY DỰNG",
        "Số: 568/TB-SXD",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "Tây Ninh, ngày 26 tháng 3 năm 2024",
    ]
    assert [b.text for b in seed.blocks[6:8]] == [
        "THÔNG BÁO",
        "Kết quả họp cải thiện, nâng cao chỉ số cải cách hành chính tại Sở Xây dựng năm 2024",
    ]


def test_running_header_footer_and_page_numbers_are_dropped(seed: Document) -> None:
    text = "\n".join(b.text for b in seed.blocks)
    assert "Trang 1/3" not in text and "Trang 3/3" not in text
    assert "Tây Ninh – Thông báo số" not in text
    assert not any(b.region in (Region.PAGE_HEADER, Region.PAGE_FOOTER) for b in seed.blocks)


def test_text_is_nfc_with_diacritics_and_fonts(seed: Document) -> None:
    text = seed.text()
    assert unicodedata.is_normalized("NFC", text)
    for phrase in (
        "Độc lập - Tự do - Hạnh phúc",
        "đạt 72,32 điểm, xếp lại khá, tăng 3.286 điểm",
        "Nguyễn Văn Nam – Phó Giám đốc Sở",
        "Ngày 18/03/2024",
    ):
        assert phrase in text
    assert all(b.fonts for b in seed.blocks if b.kind is not BlockKind.TABLE)


def test_paragraphs_and_bullets(seed: Document) -> None:
    bullets = [b for b in seed.blocks if b.kind is BlockKind.LIST_ITEM]
    assert len(bullets) == 12 and all(b.marker == "-" for b in bullets)
    assert bullets[0].text.startswith("Thực hiện kế hoạch cải cách hành chính")
    straddling = next(b for b in seed.blocks if b.text.startswith("Việc đánh giá"))
    assert straddling.text.endswith(
        "góp phần hoàn thành các nhiệm vụ cải cách hành chính đã đề ra."
    )
    units = [b.text for b in seed.blocks if b.text[:3] in ("3.1", "3.2", "3.3", "3.4")]
    assert units == [
        "3.1 Văn phòng Sở:",
        "3.2 Thanh tra sở",
        "3.3 Các phòng chuyên môn",
        "3.4 Trung tâm QHXD",
    ]


def test_recipients_and_signer_end_the_document(seed: Document) -> None:
    tail = [(b.kind, b.text) for b in seed.blocks[-9:]]
    assert [t for _, t in tail] == [
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
    assert {k for k, _ in tail} == {BlockKind.PARAGRAPH}


def test_table_over_page_break_is_one_table(samples_dir: Path) -> None:
    doc = extract(samples_dir / "table-over-page-break.pdf")
    [table] = tables(doc)
    rows = table.rows()
    assert len(rows) == 10 and rows[0] == ["Lĩnh vực", "Điểm tối đa", "Điểm thẩm định"]
    assert [r[0] for r in rows].count("Lĩnh vực") == 1  # the repeated header row is dropped
    assert rows[3] == ["Cải cách thủ tục hành chính", "17.5", "15.25"]
    assert rows[4] == ["Cải cách tổ chức bộ máy hành chính nhà nước", "10", "9.5"]
    assert rows[8] == ["Tổng cộng điểm", "100", "88.5"]
    assert doc.source.pages == 2


def test_borderless_table_is_found(samples_dir: Path) -> None:
    doc = extract(samples_dir / "borderless-table.pdf")
    [table] = tables(doc)
    rows = table.rows()
    assert rows[0] == ["Lĩnh vực", "Điểm tối đa", "Điểm thẩm định"]
    assert rows[1] == ["Công tác chỉ đạo điều hành cải cách hành chính", "15", "13,5"]
    assert rows[8] == ["Tổng cộng", "100", "89,00"]
    assert rows[9] == ["Xếp loại", "", "Tốt"]
    assert [b.text for b in doc.blocks if b.region is Region.HEADER][1:3] == [
        "SỞ TƯ PHÁP",
        "Số: 112/TB-STP",
    ]
    assert doc.blocks[-1].text == "Trần Thị Lan"


def test_pdf_text_in_a_legacy_tcvn3_font_comes_out_unicode(tmp_path: Path) -> None:
    from reportlab.pdfgen import canvas

    from parscore.normalizers.legacy import from_unicode

    lines = [
        "Chỉ số cải cách hành chính năm 2023",
        "đạt 72,32 điểm, xếp loại khá",
        "điểm thẩm định",
    ]
    path = tmp_path / "tcvn3.pdf"
    pdf = canvas.Canvas(str(path))
    for i, line in enumerate(lines):  # a .VnTime PDF shows its bytes as Latin-1 glyphs
        pdf.drawString(72, 720 - 20 * i, from_unicode(line, "tcvn3"))
    pdf.save()
    document = extract(path)
    assert " ".join(b.text for b in document.blocks) == " ".join(lines)
    assert any("tcvn3" in w for w in document.warnings)


@pytest.mark.parametrize(
    ("rotation", "corner"),
    [(0, (0.0, 0.0)), (90, (200.0, 0.0)), (180, (100.0, 200.0)), (270, (0.0, 100.0))],
)
def test_frame_puts_the_top_left_corner_where_the_page_is_shown(
    rotation: int, corner: tuple[float, float]
) -> None:
    # a page 100 wide and 200 tall in its own space; its top-left corner is (0, 200) there
    shown = (200.0, 100.0) if rotation in (90, 270) else (100.0, 200.0)
    frame = Frame.of(shown, rotation)
    assert (frame.width, frame.height) == (100.0, 200.0)
    assert frame.point(0.0, 200.0) == corner
    assert frame.box(0.0, 0.0, 100.0, 200.0) == (0.0, 0.0, *shown)


def test_a_page_turned_in_a_form_with_rotate_reads_as_shown(samples_dir: Path,
                                                             seed: Document) -> None:
    turned = extract(samples_dir / "seed-568-tb-sxd-turned.pdf")
    tables = [[b.rows() for b in doc.blocks if b.kind is BlockKind.TABLE]
              for doc in (turned, seed)]
    assert tables[0] == tables[1]  # the ruling lines inside the form XObject were found
    assert [b.text for b in turned.blocks] == [b.text for b in seed.blocks]
