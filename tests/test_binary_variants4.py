"""Central bodies' headers and binary-file defects: issuer names written in capitals over two
or three lines ("BỘ NÔNG NGHIỆP VÀ PHÁT" / "TRIỂN" / "NÔNG THÔN"), a council above or below its
court, a place-date line blotted out by a pen stroke, OCR text layers made by another tool,
and a header block pasted into a text PDF as a picture.

Every document here is composed (own wording, other bodies and figures than any real one);
a larger composed set of such files was built outside the repository (/work/probe/c35).
"""

from __future__ import annotations

from datetime import date
from io import BytesIO
from pathlib import Path

import pytest
from PIL import Image, ImageDraw
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen import canvas

from parscore.extractors import extract
from parscore.extractors.errors import ErrorCode, InputError
from parscore.extractors.limits import Limits
from parscore.extractors.model import Region
from parscore.pipeline.lines import Line
from parscore.pipeline.parse.header_fields import date_field, issuer_name
from parscore.pipeline.process import process_file
from parscore.pipeline.tables.plan import header_col

MOTTO = ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc")
WIDTH, HEIGHT = 595.0, 842.0
DEJAVU = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
DEJAVU_BOLD = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"


def header(*texts: str) -> list[Line]:
    """Given texts, return them as header lines."""
    return [Line(text=t, raw=t, key=t.lower(), region=Region.HEADER) for t in texts]


# --------------------------------------------------------------------------- issuer's name


@pytest.mark.parametrize(
    ("lines", "issuer"),
    [
        (("THỦ TƯỚNG CHÍNH PHỦ", "Số: 88/CT-TTg"), "Thủ tướng Chính phủ"),
        (("ỦY BAN THƯỜNG VỤ QUỐC HỘI", "Số: 1204/NQ-UBTVQH15"), "Ủy ban Thường vụ Quốc hội"),
        (("HỘI ĐỒNG NHÂN DÂN", "TỈNH QUẢNG TRỊ", "Số: 07/2024/NQ-HĐND"),
         "Hội đồng nhân dân tỉnh Quảng Trị"),
        (("BỘ TÀI CHÍNH", "TỔNG CỤC THUẾ", "Số: 918/TCT-KK"), "Tổng cục Thuế"),
        (("NGÂN HÀNG NHÀ NƯỚC", "VIỆT NAM", "Số: 45/NHNN-TT"), "Ngân hàng Nhà nước Việt Nam"),
        (("BẢO HIỂM XÃ HỘI", "TỈNH LÀO CAI", "Số: 301/BHXH-VP"), "Bảo hiểm xã hội tỉnh Lào Cai"),
        (("KHO BẠC NHÀ NƯỚC", "Số: 77/KBNN-KSC"), "Kho bạc Nhà nước"),
    ],
)
def test_a_name_in_capitals_is_spelled_with_its_kind_field_and_place(
    lines: tuple[str, ...], issuer: str
) -> None:
    assert issuer_name(header(*lines)) == issuer


@pytest.mark.parametrize(
    ("lines", "issuer"),
    [
        # a ministry's name wrapped inside a narrow cell, twice
        (("BỘ KẾ HOẠCH VÀ", "ĐẦU TƯ", "Số: 5120/BKHĐT-VP"), "Bộ Kế hoạch và Đầu tư"),
        (("BỘ GIÁO DỤC VÀ ĐÀO", "TẠO", "Số: 66/BGDĐT-GDTX"), "Bộ Giáo dục và Đào tạo"),
        (("BỘ LAO ĐỘNG - THƯƠNG", "BINH VÀ", "XÃ HỘI", "Số: 12/LĐTBXH-VP"),
         "Bộ Lao động - Thương binh và Xã hội"),
        # the second line opens with the joiner
        (("BỘ KHOA HỌC", "VÀ CÔNG NGHỆ", "Số: 2210/BKHCN-VP"), "Bộ Khoa học và Công nghệ"),
        # a word cut in two by OCR's line split
        (("TÒA ÁN NHÂN", "DÂN TỐI CAO", "Số: 19/TANDTC-PC"), "Tòa án nhân dân tối cao"),
    ],
)
def test_a_name_wrapped_over_lines_is_joined(lines: tuple[str, ...], issuer: str) -> None:
    assert issuer_name(header(*lines)) == issuer


def test_a_line_of_the_motto_is_not_joined_to_the_name() -> None:
    lines = header("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT ỦY BAN NHÂN DÂN", "NAM", "TỈNH ĐIỆN BIÊN",
                   "Độc lập - Tự do - Hạnh phúc", "Số: 61/KH-UBND")
    assert issuer_name(lines) == "Ủy ban nhân dân tỉnh Điện Biên"


def test_the_mottos_misread_last_word_is_not_joined_to_the_name() -> None:
    lines = header("BỘ GIAO THÔNG", "VẬN TẢI CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAI",
                   "Độc lập - Tự do - Hạnh phúc", "Số: 4410/BGTVT-VP")
    assert issuer_name(lines) == "Bộ Giao thông vận tải"


@pytest.mark.parametrize(
    "lines",
    [
        ("TÒA ÁN NHÂN DÂN TỐI CAO", "HỘI ĐỒNG THẨM PHÁN", "Số: 04/2023/NQ-HĐTP"),
        ("HỘI ĐỒNG THẨM PHÁN", "TÒA ÁN NHÂN DÂN TỐI CAO", "Số: 04/2023/NQ-HĐTP"),
    ],
)
def test_the_council_of_judges_is_named_with_its_court(lines: tuple[str, ...]) -> None:
    assert issuer_name(header(*lines)) == "Hội đồng Thẩm phán Tòa án nhân dân tối cao"


# --------------------------------------------------------------------------- issue date


def test_a_date_line_whose_place_is_blotted_out_still_dates_the_document() -> None:
    lines = header("ỦY BAN NHÂN DÂN", "TỈNH YÊN BÁI", MOTTO[0], MOTTO[1], "Số: 233/KH-UBND ~~~",
                   "05 tháng 9 năm 2024")
    assert date_field(lines).value == date(2024, 9, 5)


def test_a_date_inside_a_sentence_of_the_header_is_not_the_issue_date() -> None:
    lines = header("ỦY BAN NHÂN DÂN", "TỈNH YÊN BÁI", "Số: 233/KH-UBND",
                   "V/v triển khai từ 05 tháng 9 năm 2024 đến nay")
    assert date_field(lines).value is None


# --------------------------------------------------------------------------- OCR layers


def _scan_with_layer(path: Path, lines: list[str], mode: int) -> Path:
    """Write a one-page 'scan' (a grey page-sized picture) with the lines as a text layer in
    the given render mode (3: invisible, as OCR tools write it; 0: printed)."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    pdfmetrics.registerFont(TTFont("DejaVuT", DEJAVU))
    picture = Image.new("L", (620, 877), 244)
    ImageDraw.Draw(picture).rectangle((60, 60, 560, 100), fill=90)
    buffer = BytesIO()
    picture.save(buffer, "PNG")
    buffer.seek(0)
    pdf = canvas.Canvas(str(path), pagesize=(WIDTH, HEIGHT))
    pdf.drawImage(ImageReader(buffer), 0, 0, WIDTH, HEIGHT)
    text = pdf.beginText(70, HEIGHT - 90)
    text.setFont("DejaVuT", 11)
    text.setTextRenderMode(mode)
    for line in lines:
        text.textLine(line)
    pdf.drawText(text)
    pdf.save()
    return path


#: What an OCR tool without Vietnamese makes of a header and a body: tones gone or garbled.
TONELESS = [
    "HOI DONG NHAN DAN CONG HOA XA HOI CHU NGHIA VIET NAM",
    "TINH QUANG TRI Doc lap - Tu do - Hanh phiic",
    "S6: 09/2024/NQ-HDND Quang Tri, ngay 14 thdng 8 nam 2024",
    "NGHI QUYET Quy dinh muc chi cho cong tac cai cach hanh chinh",
    "Dieu 3. Giao Uy ban nhan dan tinh to chuc thuc hien Nghi quyet nay.",
]
#: The same read by a tool that knows Vietnamese.
TONED = [
    "HỘI ĐỒNG NHÂN DÂN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
    "TỈNH QUẢNG TRỊ Độc lập - Tự do - Hạnh phúc",
    "Số: 09/2024/NQ-HĐND Quảng Trị, ngày 14 tháng 8 năm 2024",
    "NGHỊ QUYẾT Quy định mức chi cho công tác cải cách hành chính",
    "Điều 3. Giao Ủy ban nhân dân tỉnh tổ chức thực hiện Nghị quyết này.",
]


def test_an_invisible_layer_read_without_vietnamese_is_not_trusted(tmp_path: Path) -> None:
    path = _scan_with_layer(tmp_path / "layer.pdf", TONELESS, mode=3)
    with pytest.raises(InputError) as caught:  # the page goes to OCR, which is off here
        extract(path, Limits(ocr=False))
    assert caught.value.code is ErrorCode.NO_TEXT_LAYER


def test_an_invisible_layer_in_vietnamese_is_read_as_text(tmp_path: Path) -> None:
    path = _scan_with_layer(tmp_path / "layer.pdf", TONED, mode=3)
    document = extract(path, Limits(ocr=False))
    assert "Giao Ủy ban nhân dân tỉnh" in " ".join(b.text for b in document.blocks)


def test_printed_text_without_tones_over_a_picture_is_kept(tmp_path: Path) -> None:
    path = _scan_with_layer(tmp_path / "printed.pdf", TONELESS, mode=0)
    document = extract(path, Limits(ocr=False))
    assert "Giao Uy ban nhan dan tinh" in " ".join(b.text for b in document.blocks)


# --------------------------------------------------------------------------- picture header


def _header_picture(left: list[str], right: list[str]) -> BytesIO:
    """Return a PNG (200 dpi) of a Decree 30 header block: two columns of centred lines."""
    from PIL import ImageFont

    picture = Image.new("L", (1400, 330), 250)
    draw = ImageDraw.Draw(picture)
    font = ImageFont.truetype(DEJAVU_BOLD, 27)
    for column, centre in ((left, 280), (right, 960)):
        for k, line in enumerate(column):
            width = draw.textlength(line, font=font)
            draw.text((centre - width / 2, 25 + 52 * k), line, fill=20, font=font)
    buffer = BytesIO()
    picture.save(buffer, "PNG")
    buffer.seek(0)
    return buffer


def _letterhead_pdf(path: Path, picture: BytesIO, typed_header: bool) -> Path:
    """Write a text PDF whose page opens with the picture (504 x 119 pt) and goes on in text."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    pdfmetrics.registerFont(TTFont("DejaVuT", DEJAVU))
    pdf = canvas.Canvas(str(path), pagesize=(WIDTH, HEIGHT))
    y = HEIGHT - 60.0
    if typed_header:
        text = pdf.beginText(70, y)
        text.setFont("DejaVuT", 11)
        text.textLine("ỦY BAN NHÂN DÂN TỈNH SƠN LA    " + MOTTO[0])
        text.textLine("Số: 308/TB-UBND    " + MOTTO[1])
        pdf.drawText(text)
        y -= 40
    pdf.drawImage(ImageReader(picture), 50, y - 119, 504, 119)
    body = pdf.beginText(70, y - 150)
    body.setFont("DejaVuT", 11)
    for line in (
        "THÔNG BÁO",
        "Kết luận của Chủ tịch UBND tỉnh về công tác chuyển đổi số quý III",
        "Chủ tịch UBND tỉnh kết luận và giao nhiệm vụ như sau:",
        "1. Sở Khoa học và Công nghệ rà soát hạ tầng mạng của các xã vùng cao.",
        "2. Giao Công an tỉnh hướng dẫn kích hoạt tài khoản định danh mức 2.",
        "Văn phòng UBND tỉnh thông báo để các cơ quan biết, thực hiện./.",
    ):
        body.textLine(line)
    pdf.drawText(body)
    pdf.save()
    return path


HEADER_LEFT = ["ỦY BAN NHÂN DÂN", "TỈNH SƠN LA", "Số: 308/TB-UBND"]
HEADER_RIGHT = [MOTTO[0], MOTTO[1], "Sơn La, ngày 21 tháng 10 năm 2024"]


def test_a_header_block_pasted_as_a_picture_over_a_typed_body_is_read(tmp_path: Path) -> None:
    path = _letterhead_pdf(tmp_path / "letterhead.pdf", _header_picture(HEADER_LEFT, HEADER_RIGHT),
                           typed_header=False)
    notice = process_file(path).notice
    meta = notice.metadata
    assert meta.number == "308/TB-UBND"
    assert meta.issue_date == date(2024, 10, 21)
    assert meta.issuer == "Ủy ban nhân dân tỉnh Sơn La"
    assert any(t.text.startswith("Giao Công an tỉnh hướng dẫn") for t in notice.tasks)


def test_a_picture_under_a_typed_header_is_not_read(tmp_path: Path) -> None:
    picture = _header_picture(["ẢNH MINH HỌA"], ["HỘI NGHỊ TRỰC TUYẾN"])
    path = _letterhead_pdf(tmp_path / "typed.pdf", picture, typed_header=True)
    text = " ".join(b.text for b in extract(path).blocks)
    assert "308/TB-UBND" in text and "MINH HỌA" not in text


# --------------------------------------------------------------------------- stained tables


def _ruled_table_with_ring(dpi: int = 200) -> Image.Image:
    """Return a scanned-looking ruled table (5 columns, 7 rows) with a coffee cup's ring
    (a brown band, grey in a greyscale scan) drawn across three of its rows."""
    page = Image.new("L", (1700, 1100), 250)
    draw = ImageDraw.Draw(page)
    columns, top, row = (150, 260, 700, 1250, 1480, 1600), 200, 90
    for x in columns:
        draw.line((x, top, x, top + 7 * row), fill=40, width=3)
    for k in range(8):
        draw.line((columns[0], top + k * row, columns[-1], top + k * row), fill=40, width=3)
    centre, radius = (980, 520), 190
    draw.ellipse((centre[0] - radius, centre[1] - radius, centre[0] + radius, centre[1] + radius),
                 outline=150, width=9)
    return page


def test_a_ring_stain_over_a_ruled_table_draws_no_column_line() -> None:
    from parscore.extractors.ocr import find_rules

    _, vertical = find_rules(_ruled_table_with_ring(), 200)
    xs = sorted({round((r[0] + r[1]) / 2 / 10) * 10 for r in vertical})
    assert xs == [150, 260, 700, 1250, 1480, 1600]


@pytest.mark.parametrize(
    "heads",
    [
        {0: "stt", 1: "đơn vi chủ trì", 2: "nôi dung nhiêm vu", 3: "thơi han"},
        {0: "tt", 1: "nhiẹm vụ, giai pháp", 2: "cơ quan chu tri", 3: "cơ quan phôi hợp"},
    ],
)
def test_a_scanned_plan_header_that_lost_tone_marks_is_still_a_plan(heads: dict[int, str]) -> None:
    task, unit = header_col(heads, "task"), header_col(heads, "unit")
    assert task is not None and unit is not None and task != unit
    assert "phôi" not in heads[unit]  # the partners' column is not the body in charge
