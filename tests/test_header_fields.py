"""Decree 30 header fields on composed documents: number, issue date and issuer.

Real signed PDFs carry the number and the day in form fields written by the signing
software; scans carry them by hand, and OCR mangles them. The compositions below are our own
wording, in other places and orders than any real document.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from reportlab.pdfgen import canvas

from parscore.extractors import extract
from parscore.extractors.model import Region
from parscore.extractors.pdf import is_signature_stamp
from parscore.pipeline.lines import Line
from parscore.pipeline.parse import parse
from parscore.pipeline.parse.header_fields import date_field, issuer_name, number_field
from parscore.pipeline.parse.metadata import issue_date, notice_number
from tools.make_samples import register_fonts

WIDTH, HEIGHT = 595.0, 842.0


def header(*texts: str) -> list[Line]:
    """Given texts, return them as header lines."""
    return [Line(text=t, raw=t, key=t.lower(), region=Region.HEADER) for t in texts]


def body(*texts: str) -> list[Line]:
    """Given texts, return them as body lines."""
    return [Line(text=t, raw=t, key=t.lower()) for t in texts]


# --------------------------------------------------------------------------- number


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("Số: 42 /KH-SNV", "42/KH-SNV"),
        ("Số:07/CT-UBND", "07/CT-UBND"),
        ("Số: 3 /TTr -UBND", "3/TTr-UBND"),
        ("Số: 12/2021/NĐ-CP", "12/2021/NĐ-CP"),
        ("Sô: 215 /UBND-NC   Đà Nẵng, ngày 02 tháng 6 năm 2022", "215/UBND-NC"),
    ],
)
def test_number_line_gives_the_number(raw: str, expected: str) -> None:
    assert number_field(header(raw)).value == expected


@pytest.mark.parametrize(
    "raw", ["Số: 4§1 /TB-UBND", "Số:⁄t7 /CT-UBND", "Số: /BC-UBND", "Số: 0 /TB-SNV"]
)
def test_unreadable_number_gives_nothing_not_a_fragment(raw: str) -> None:
    field = number_field(header(raw))
    assert field.found and field.value is None


def test_unreadable_header_number_is_not_replaced_by_a_cited_one() -> None:
    lines = [
        *header("ỦY BAN NHÂN DÂN", "TỈNH KON TUM", "Số: ?% /KH-UBND"),
        *body("Thực hiện Kế hoạch số 118/KH-UBND ngày 05/4/2022 của UBND tỉnh, …"),
    ]
    assert notice_number(lines) is None


def test_legal_database_number_field_is_not_the_number_line() -> None:
    assert not number_field(body("Số hiệu: 702/QĐ-UBND  Loại văn bản: Quyết định")).found


# --------------------------------------------------------------------------- date


def test_place_date_line_gives_the_date_even_beside_the_number() -> None:
    field = date_field(body("Số: 88 /UBND-VX Bình Phước, ngày 9 tháng 10 năm 2023"))
    assert field.value == date(2023, 10, 9)


@pytest.mark.parametrize(
    "raw",
    [
        "Huế, ngày 2| tháng 5 năm 2022",
        "Cà Mau, ngày tháng 11 năm 2020",
        "Lào Cai, ngày {ð tháng 7 năm 2019",
    ],
)
def test_unreadable_day_gives_no_date_not_a_cited_one(raw: str) -> None:
    lines = [
        *header("UBND TỈNH X", raw),
        *body("Căn cứ Nghị định số 61/2018/NĐ-CP ngày 23/4/2018;"),
    ]
    assert date_field(header(raw)).found
    assert issue_date(lines) is None


# --------------------------------------------------------------------------- issuer


@pytest.mark.parametrize(
    ("texts", "expected"),
    [
        (("ỦY BAN NHÂN DÂN", "TỈNH LÀO CAI", "Số: 5/TB-UBND"), "Ủy ban nhân dân tỉnh Lào Cai"),
        (("UBND TỈNH BẮC KẠN", "SỞ TƯ PHÁP", "-------"), "Sở Tư pháp"),
        (("CHÍNH PHỦ", "-------", "Số: 10/2020/NĐ-CP"), "Chính phủ"),
        (("ỦY BAN NHÂN DÂN", "THÀNH PHỐ CẦN THƠ"), "Ủy ban nhân dân thành phố Cần Thơ"),
    ],
)
def test_issuer_is_the_whole_body(texts: tuple[str, ...], expected: str) -> None:
    assert issuer_name(header(*texts, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")) == expected


# --------------------------------------------------------------------------- signed PDF


def test_signature_stamp_text_is_told_from_a_filled_field() -> None:
    assert is_signature_stamp("Người ký: Sở Nội vụ 18.04.2023 09:12:30 +07:00")
    assert is_signature_stamp("Ký bởi: Ủy ban nhân dân tỉnh Gia Lai")
    assert not is_signature_stamp("42")


def _field(c: canvas.Canvas, name: str, value: str, box: tuple[float, float, float]) -> None:
    x, y, width = box
    c.acroForm.textfield(
        name=name, value=value, x=x, y=y, width=width, height=16, borderWidth=0,
        fontName="Helvetica", fontSize=12, fillColor=None, borderColor=None,
    )  # fmt: skip


def signed_pdf(path: Path, *, letter: bool = False, stamp: bool = False) -> Path:
    """Given a path, write there a plan whose number and day sit in signing fields; or, as a
    letter (công văn), one with no title: its subject under the number, then "Kính gửi";
    with a stamp, an incoming-mail stamp sits in the left margin and the title is set by eye
    a little right of the centre, as on a scan."""
    register_fonts()
    c = canvas.Canvas(str(path), pagesize=(WIDTH, HEIGHT))
    c.setFont("VN-Bold", 12)
    c.drawCentredString(160, 770, "ỦY BAN NHÂN DÂN")
    c.drawCentredString(160, 755, "HUYỆN CHƯ PRÔNG")
    c.drawCentredString(400, 770, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")
    c.drawCentredString(400, 755, "Độc lập - Tự do - Hạnh phúc")
    c.setFont("VN", 12)
    c.drawString(110, 730, "Số:          /KH-UBND")
    c.drawString(320, 730, "Chư Prông, ngày          tháng 4 năm 2023")
    if letter:
        c.drawString(95, 712, "V/v thực hiện Quyết định số 45/QĐ-UBND")
        c.drawCentredString(WIDTH / 2, 672, "Kính gửi: Phòng Nội vụ huyện")
    else:
        c.setFont("VN-Bold", 13)
        c.drawCentredString(WIDTH / 2 + (18 if stamp else 0), 690, "KẾ HOẠCH")
        c.setFont("VN", 12)
        c.drawCentredString(WIDTH / 2, 672, "Nâng cao Chỉ số cải cách hành chính năm 2023")
    lines = (
        "Thực hiện Quyết định số 45/QĐ-UBND ngày 02/3/2023 của Ủy ban nhân dân tỉnh, Ủy ban",
        "nhân dân huyện ban hành Kế hoạch nâng cao Chỉ số cải cách hành chính như sau.",
    )
    for i, text in enumerate(lines):
        c.drawString(85, 640 - 16 * i, text)
    if stamp:
        c.setFont("VN", 9)
        c.drawString(12, 700, "CV ĐẾN Số: 1207 Ngày: 19/4")
    _field(c, "so", "31", (140, 726, 34))
    _field(c, "ngay", "17", (425, 726, 30))
    _field(c, "stamp", "Signed 18.04.2023 09:12:30", (330, 560, 200))
    c.save()
    return path


@pytest.mark.parametrize(("letter", "stamp"), [(False, False), (True, False), (False, True)])
def test_signed_pdf_reads_number_and_day_from_its_fields(
    tmp_path: Path, letter: bool, stamp: bool
) -> None:
    document = extract(signed_pdf(tmp_path / "signed.pdf", letter=letter, stamp=stamp))
    text = " ".join(b.text for b in document.blocks if b.region is not Region.PAGE_FOOTER)
    assert "09:12:30" not in text  # the signing stamp is not document text (a footer block)
    assert any("09:12:30" in b.text for b in document.blocks if b.region is Region.PAGE_FOOTER)
    meta = parse(document).metadata
    assert meta.number == "31/KH-UBND"
    assert meta.issue_date == date(2023, 4, 17)
    assert meta.issuer == "Ủy ban nhân dân huyện Chư Prông"
    header = [b.text for b in document.blocks if b.region is Region.HEADER]
    assert header[-1] == "17 tháng 4 năm 2023" and not any("Kính gửi" in t for t in header)


def test_a_news_pages_own_date_is_not_a_header_date() -> None:
    lines = body(
        "Thứ Năm, ngày 11 tháng 4 năm 2024",
        "Sở Nội vụ tổng kết công tác cải cách hành chính quý I",
        "Ngày 10/4, Sở Nội vụ tổ chức hội nghị sơ kết quý I năm 2024 với nhiều đơn vị tham dự.",
    )
    assert issue_date(lines) is None


def test_an_unmarked_header_with_the_motto_gives_its_fields() -> None:
    lines = body(
        "ỦY BAN NHÂN DÂN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM "
        "HUYỆN ĐẠI LỘC Độc lập – Tự do – Hạnh phúc",
        "Số: 77 /BC-UBND Đại Lộc, ngày 6 tháng 9 năm 2021",
        "BÁO CÁO",
    )
    assert notice_number(lines) == "77/BC-UBND"
    assert issue_date(lines) == date(2021, 9, 6)
    assert issuer_name(lines) == "Ủy ban nhân dân huyện Đại Lộc"


def test_title_follows_any_decree30_kind_and_a_letters_subject_is_its_title() -> None:
    from parscore.pipeline.parse.metadata import title

    decision = body("NGHỊ ĐỊNH", "Quy định về quản lý quỹ hỗ trợ", "Căn cứ Luật …;")
    letter = header("SỞ NỘI VỤ", "Số: 9/SNV-CCHC", "V/v rà soát, đề xuất", "nâng hạng Chỉ số")
    assert title(decision) == "Quy định về quản lý quỹ hỗ trợ"
    assert title([*letter, *body("Kính gửi: Phòng Nội vụ")]) == "Rà soát, đề xuất nâng hạng Chỉ số"
