"""Word files of central and provincial bodies in forms the earlier variant tests did not
cover: tracked moves left in a DOCX (the text is read where it moved to), an office named
after the committee that directs a unit of its own ("Văn phòng UBND tỉnh chỉ đạo Trung tâm
…"). DOCX composed here at test time with python-docx; a larger composed set (decrees,
circulars, a Prime Minister's decision with an appendix table, Word files converted from
PDF, comments, a picture header, a 2008 VNI .doc) was built outside the repository
(/work/probe/c42).
"""

from __future__ import annotations

from pathlib import Path

import docx
from docx.document import Document as WordDocument
from docx.oxml import OxmlElement
from docx.oxml.ns import qn

from parscore.extractors import extract
from parscore.pipeline.parse.assignees import find_assignment
from parscore.pipeline.process import process_file

MOTTO = ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc")


def _header(document: WordDocument, left: tuple[str, ...], right: tuple[str, ...]) -> None:
    table = document.add_table(rows=1, cols=2)
    for cell, lines in zip(table.rows[0].cells, (left, right), strict=True):
        cell.paragraphs[0].text = lines[0]
        for line in lines[1:]:
            cell.add_paragraph(line)


def _letter(left: tuple[str, ...], dated: str, lead: str) -> WordDocument:
    """A new Word letter: the header table (agency lines, motto and date) and its lead."""
    document: WordDocument = docx.Document()
    _header(document, left, (*MOTTO, dated))
    document.add_paragraph(lead)
    return document


def _revision(kind: str, text: str, rev: int) -> OxmlElement:
    """A w:moveFrom / w:moveTo / w:ins / w:del element holding one run of text."""
    wrapper = OxmlElement(f"w:{kind}")
    wrapper.set(qn("w:id"), str(rev))
    wrapper.set(qn("w:author"), "Văn thư")
    wrapper.set(qn("w:date"), "2026-11-02T08:30:00Z")
    run = OxmlElement("w:r")
    t = OxmlElement("w:delText" if kind == "del" else "w:t")  # moved-from text is w:t
    t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    t.text = text
    run.append(t)
    wrapper.append(run)
    return wrapper


def _moved_paragraph(document: WordDocument, kind: str, text: str, rev: int) -> None:
    """A paragraph whose whole text is a tracked move (from here, or to here)."""
    p = document.add_paragraph()
    p._p.append(_revision(kind, text, rev))


def _moved_item_docx(path: Path) -> Path:
    document = _letter(
        ("UBND TỈNH ĐIỆN BIÊN", "SỞ TƯ PHÁP", "Số: 884/STP-HCTP"),
        "Điện Biên, ngày 02 tháng 11 năm 2026",
        "Kính gửi: Các phòng, đơn vị thuộc Sở.",
    )
    document.add_paragraph("Giám đốc Sở yêu cầu các đơn vị thực hiện các nội dung sau:")
    moved = "2. Phòng Hành chính tư pháp công khai danh mục thủ tục tại trụ sở Sở."
    document.add_paragraph("1. Văn phòng Sở rà soát quy trình nội bộ cấp phiếu lý lịch tư pháp.")
    _moved_paragraph(document, "moveTo", moved, 41)
    p = document.add_paragraph()
    p.add_run("3. Phòng Bổ trợ tư pháp ")
    p._p.append(_revision("del", "tổng hợp", 42))
    p._p.append(_revision("ins", "rà soát", 43))
    p.add_run(" hồ sơ công chứng quá hạn, báo cáo Giám đốc Sở.")
    _moved_paragraph(document, "moveFrom", moved, 44)
    document.add_paragraph("Yêu cầu các đơn vị thực hiện nghiêm túc./.")
    document.save(path)
    return path


def test_a_tracked_move_is_read_once_where_it_moved_to(tmp_path: Path) -> None:
    path = _moved_item_docx(tmp_path / "moved.docx")
    texts = [b.text for b in extract(path).blocks]
    moved = [t for t in texts if "công khai danh mục thủ tục" in t]
    assert len(moved) == 1
    third = next(i for i, t in enumerate(texts) if t.startswith("3. Phòng Bổ trợ"))
    assert texts.index(moved[0]) < third
    assert "3. Phòng Bổ trợ tư pháp rà soát hồ sơ công chứng quá hạn, báo cáo Giám đốc Sở." in texts
    tasks = process_file(path).notice.tasks
    units = ["Văn phòng Sở", "Phòng Hành chính tư pháp", "Phòng Bổ trợ tư pháp"]
    assert [t.unit for t in tasks] == units


def test_an_office_named_after_the_committee_is_the_one_that_directs() -> None:
    for text, unit in (
        (
            "Văn phòng UBND thành phố chỉ đạo Trung tâm Hành chính công bố trí thêm quầy.",
            "Văn phòng UBND thành phố",
        ),
        (
            "Văn phòng Ủy ban nhân dân tỉnh chỉ đạo Cổng thông tin điện tử tỉnh đăng tải xếp hạng.",
            "Văn phòng Ủy ban nhân dân tỉnh",
        ),
    ):
        found = find_assignment(text)
        assert found is not None
        assert (found.unit, found.start, found.duty) == (unit, 0, True)
    # the committee itself giving a direction still names the unit directed
    found = find_assignment("Chủ tịch UBND tỉnh chỉ đạo Sở Xây dựng rà soát thủ tục cấp phép.")
    assert found is not None and found.unit == "Sở Xây dựng"


def _picture_header_docx(path: Path, number: str, dated: str) -> Path:
    """A Word file whose agency block and motto were pasted as a picture: only the number
    and the date are typed."""
    from PIL import Image

    png = path.with_suffix(".png")
    Image.new("RGB", (600, 90), "white").save(png)
    document: WordDocument = docx.Document()
    document.add_picture(str(png))
    document.add_paragraph(number)
    document.add_paragraph(dated)
    document.add_paragraph("THÔNG BÁO")
    document.add_paragraph("Kết quả kiểm tra công tác cải cách hành chính quý III năm 2026")
    document.add_paragraph("1. Sở Giáo dục và Đào tạo cập nhật hồ sơ lên Hệ thống trước 15/10.")
    document.save(path)
    return path


def test_a_picture_header_leaves_the_issuer_to_the_number_and_the_place(tmp_path: Path) -> None:
    path = _picture_header_docx(
        tmp_path / "picture.docx", "Số: 58/TB-UBND", "Lào Cai, ngày 09 tháng 10 năm 2026"
    )
    meta = process_file(path).notice.metadata
    assert (meta.number, meta.issuer) == ("58/TB-UBND", "Ủy ban nhân dân tỉnh Lào Cai")
    # a symbol that names no body of the table leaves the issuer unknown, as before
    path = _picture_header_docx(
        tmp_path / "other.docx", "Số: 212/TB-STP", "Lào Cai, ngày 09 tháng 10 năm 2026"
    )
    assert process_file(path).notice.metadata.issuer is None


def _rtf(text: str) -> str:
    """RTF of plain text: non-ASCII letters as \\uN? escapes."""
    return "".join(c if ord(c) < 128 else f"\\u{ord(c)}?" for c in text)


def test_an_rtf_line_break_inside_an_item_is_no_new_paragraph(tmp_path: Path) -> None:
    cell = "\\pard\\intbl {0}\\cell"
    header = (
        "\\trowd\\cellx4000\\cellx9000"
        + cell.format(_rtf("UBND TỈNH HÀ TĨNH\\line SỞ NỘI VỤ\\line Số: 406/SNV-CCHC"))
        + cell.format(_rtf(f"{MOTTO[0]}\\line {MOTTO[1]}\\line Hà Tĩnh, ngày 5 tháng 12 năm 2026"))
        + "\\row\\pard "
    )
    body = [
        "Sở Nội vụ đề nghị các đơn vị thực hiện:",
        "1. Phòng Tổ chức cán bộ\\line tổng hợp danh sách công chức tham gia bồi dưỡng;",
        "2. Văn phòng Sở\\line bố trí hội trường, tài liệu cho lớp học.",
    ]
    data = "{\\rtf1\\ansi\\deff0{\\fonttbl{\\f0 Times New Roman;}}" + header
    data += "".join(_rtf(p) + "\\par " for p in body) + "}"
    path = tmp_path / "lines.rtf"
    path.write_text(data, encoding="ascii")
    texts = [b.text for b in extract(path).blocks]
    assert "2. Văn phòng Sở bố trí hội trường, tài liệu cho lớp học." in texts
    result = process_file(path).notice
    meta = result.metadata
    assert (meta.number, str(meta.issue_date)) == ("406/SNV-CCHC", "2026-12-05")
    assert [t.unit for t in result.tasks] == ["Phòng Tổ chức cán bộ", "Văn phòng Sở"]
    assert result.tasks[0].text.startswith("Phòng Tổ chức cán bộ tổng hợp danh sách")


def _mark_deleted(paragraph: object) -> None:
    """Make a python-docx paragraph's mark a tracked deletion (an editor joined it on)."""
    p = paragraph._p  # type: ignore[attr-defined]
    ppr = p.get_or_add_pPr()
    rpr = OxmlElement("w:rPr")
    deleted = OxmlElement("w:del")
    for key, value in (("w:id", "71"), ("w:author", "Văn thư"), ("w:date", "2026-12-01T09:00:00Z")):
        deleted.set(qn(key), value)
    rpr.append(deleted)
    ppr.append(rpr)


def test_a_paragraph_whose_mark_is_deleted_runs_on_into_the_next(tmp_path: Path) -> None:
    document = _letter(
        ("ỦY BAN NHÂN DÂN", "TỈNH TÂY NINH", "Số: 3150/UBND-VP"),
        "Tây Ninh, ngày 01 tháng 12 năm 2026",
        "Chủ tịch UBND tỉnh giao nhiệm vụ như sau:",
    )
    _mark_deleted(document.add_paragraph("1. Sở Tài chính"))
    document.add_paragraph("thẩm định dự toán kinh phí khảo sát SIPAS năm 2027;")
    document.add_paragraph("2. Sở Nội vụ hướng dẫn các xã lập hồ sơ minh chứng.")
    path = tmp_path / "joined.docx"
    document.save(path)
    texts = [b.text for b in extract(path).blocks]
    assert "1. Sở Tài chính thẩm định dự toán kinh phí khảo sát SIPAS năm 2027;" in texts
    tasks = process_file(path).notice.tasks
    assert [t.unit for t in tasks] == ["Sở Tài chính", "Sở Nội vụ"]
    assert tasks[0].text.startswith("Sở Tài chính thẩm định dự toán")


def test_an_eth_typed_for_the_vietnamese_d_reads_as_it(tmp_path: Path) -> None:
    document = _letter(
        ("ỦY BAN NHÂN DÂN", "TỈNH QUẢNG BÌNH", "Số: 2207/QÐ-UBND"),
        "Quảng Bình, ngày 14 tháng 7 năm 2026",
        "QUYẾT ÐỊNH",
    )
    document.add_paragraph(
        "Ðiều 2. Giao Sở Nội vụ hướng dẫn, kiểm tra việc thực hiện; "
        "Sở Tài chính bảo đảm kinh phí cho các ðơn vị."
    )
    path = tmp_path / "eth.docx"
    document.save(path)
    texts = [b.text for b in extract(path).blocks]
    assert "Số: 2207/QĐ-UBND" in texts
    assert any(t.startswith("Điều 2. Giao Sở Nội vụ") and t.endswith("các đơn vị.") for t in texts)
    meta = process_file(path).notice.metadata
    assert (meta.number, meta.doc_type) == ("2207/QĐ-UBND", "QĐ")


def test_a_title_and_its_subject_joined_by_a_line_break_give_the_subject(tmp_path: Path) -> None:
    document = _letter(
        ("ỦY BAN NHÂN DÂN", "TỈNH BẮC NINH", "Số: 77/KH-UBND"),
        "Bắc Ninh, ngày 20 tháng 01 năm 2027",
        "",
    )
    title = document.add_paragraph("KẾ HOẠCH")
    title.add_run().add_break()
    title.add_run("Tuyên truyền cải cách hành chính năm 2027")
    document.add_paragraph("1. Sở Văn hóa, Thể thao và Du lịch chủ trì tổ chức cuộc thi.")
    path = tmp_path / "title.docx"
    document.save(path)
    assert process_file(path).notice.metadata.title == "Tuyên truyền cải cách hành chính năm 2027"
