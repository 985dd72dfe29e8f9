"""Binary variants of the sixth round (composed here at test time): a portal page printed with
its links in a column right of the letter, a number's symbol broken at a dash in a narrow
column, issuers abbreviated ("BHXH TỈNH …") or named by kind ("PHÒNG …"), a place's name
wrapped or misread, a duty opening on "chuẩn bị", and a red seal pressed over the place-date
line of a colour scan. A larger
composed set of such files was built outside the repository (/work/probe/c41).
"""

from __future__ import annotations

from datetime import date
from io import BytesIO
from pathlib import Path

import pytest
from PIL import Image, ImageChops, ImageDraw, ImageFont
from reportlab.lib.utils import ImageReader
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas

from parscore.extractors.layout import right_sidebar_split
from parscore.extractors.ocr import ink_grey
from parscore.extractors.pagemodel import Word, words_to_lines
from parscore.pipeline.parse.header_fields import issuer_name, number_field
from parscore.pipeline.process import process_file
from tests.test_binary_variants4 import DEJAVU, DEJAVU_BOLD, MOTTO, header

# --------------------------------------------------------------------------- issuer's name


@pytest.mark.parametrize(
    ("lines", "issuer"),
    [
        (("ỦY BAN NHÂN DÂN", "QUẬN BA ĐÌNH", "PHÒNG NỘI VỤ", "Số: 61/PNV"), "Phòng Nội vụ"),
        (("UBND HUYỆN MƯỜNG NHÉ", "PHÒNG VĂN HÓA VÀ THÔNG TIN", "Số: 18/KH-VHTT"),
         "Phòng Văn hóa và Thông tin"),
        (("BHXH VIỆT NAM", "BHXH TỈNH NINH THUẬN", "Số: 233/BHXH-TST"),
         "Bảo hiểm xã hội tỉnh Ninh Thuận"),
        (("BỘ TÀI CHÍNH", "KBNN HÀ NAM", "Số: 15/KBNN-KSC"), "Kho bạc Nhà nước Hà Nam"),
        (("UBND TỈNH BÌNH", "PHƯỚC", "VĂN PHÒNG", "Số: 5/VP"),
         "Văn phòng Ủy ban nhân dân tỉnh Bình Phước"),
        (("ỦY BAN NHÂN DÂN", "TỈNH LĂNG SƠN", "Số: 3/TB-UBND"), "Ủy ban nhân dân tỉnh Lạng Sơn"),
        (("UBND THÀNH PHỐ", "ĐÀ NẴNG", "Số: 71/TB-UBND"), "Ủy ban nhân dân thành phố Đà Nẵng"),
        (("TAND TỈNH AN GIANG", "Số: 14/TB-TA"), "Tòa án nhân dân tỉnh An Giang"),
        (("BAN QUẢN LÝ CÁC KHU CÔNG NGHIỆP TỈNH NAM ĐỊNH", "Số: 301/BQL-QLDN"),
         "Ban quản lý các khu công nghiệp tỉnh Nam Định"),  # "quản" is no "quận"
        (("UBND TỈNH PHÚ YÊN", "SỞ Y TẾ TỈNH PHÚ YÊN", "Số: 2/SYT"), "Sở Y tế tỉnh Phú Yên"),
        (("UBND TỈNH ĐIỆN BIÊN", "SƠ Y TẾ", "Số: 9/SYT-VP"), "Sở Y tế"),  # the kind's tone misread
        (("BỘ TÀI CHÍNH", "CỰC THUẾ TỈNH SƠN LA"), "Cục Thuế tỉnh Sơn La"),
        (("BỘ NỘI VỤ", "VỤ CẢI CÁCH HÀNH CHÍNH", "Số: 4/CCHC"), "Vụ Cải cách hành chính"),
    ],
)
def test_an_issuer_under_its_parent_or_abbreviated_is_named_whole(
    lines: tuple[str, ...], issuer: str
) -> None:
    assert issuer_name(header(*lines)) == issuer


# --------------------------------------------------------------------------- number


def test_a_symbol_broken_at_a_dash_goes_on_in_its_column() -> None:
    lines = header("BHXH TỈNH GIA LAI", MOTTO[0], "Số: 512/BHXH-", "—————————", "QLT",
                   "Gia Lai, ngày 02 tháng 10 năm 2025")
    assert number_field(lines).value == "512/BHXH-QLT"
    whole = header("UBND HUYỆN A", "Số: 44/UBND-", "Độc lập - Tự do - Hạnh phúc",
                   "A Lưới, ngày 02 tháng 10 năm 2025")
    assert number_field(whole).value == "44/UBND"


# --------------------------------------------------------------------------- right sidebar


def _row(text: str, top: float, left: float, size: float = 11.0) -> list[Word]:
    words, x = [], left
    for token in text.split():
        width = size * 0.55 * len(token)
        words.append(Word(text=token, bbox=(x, top, x + width, top + size)))
        x += width + size * 0.3
    return words


def test_a_column_of_links_right_of_the_letter_is_read_apart() -> None:
    prose = [_row("Sở Tư pháp hướng dẫn các xã rà soát hồ sơ chứng thực trên", 200.0 + 16 * k, 60.0)
             for k in range(5)]
    side = [_row("BÀI VIẾT LIÊN QUAN", 150.0, 470.0)] + [
        _row(f"Tin số {k}", 170.0 + 16 * k, 480.0) for k in range(6)]
    split = right_sidebar_split(words_to_lines(w for r in prose + side for w in r), 612.0)
    assert split is not None
    main, sidebar = split
    assert all(ln.text.startswith("Sở Tư pháp") for ln in main)
    assert sidebar[0].text == "BÀI VIẾT LIÊN QUAN" and len(sidebar) == 7
    # a table's last column beside wide cells, with no link heading, is no sidebar
    column = [_row(f"Quý {k}/2026", 200.0 + 16 * k, 480.0) for k in range(7)]
    assert right_sidebar_split(words_to_lines(w for r in prose + column for w in r), 612.0) is None


def _portal_pdf(path: Path) -> Path:
    pdfmetrics.registerFont(TTFont("DejaVuV6", DEJAVU))
    pdf = canvas.Canvas(str(path), pagesize=(612.0, 792.0))

    def line(x: float, y: float, text: str, size: float = 10.5) -> None:
        pdf.setFont("DejaVuV6", size)
        pdf.drawString(x, 792.0 - y, text)

    line(24, 20, "3/14/26, 9:41 AM Công văn 233/BHXH-TST - Bảo hiểm xã hội tỉnh Ninh Thuận", 8)
    line(40, 50, "BẢO HIỂM XÃ HỘI TỈNH NINH THUẬN - Trang thông tin điện tử", 13)
    line(40, 72, "Trang chủ  Giới thiệu  Tin tức  Văn bản  Liên hệ")
    line(440, 100, "BÀI VIẾT LIÊN QUAN")
    for k, item in enumerate(("Lịch tiếp công dân", "Hội nghị sơ kết quý I", "Thông báo tuyển dụng",
                              "Hướng dẫn cài VssID", "Kết quả thu quý I", "Chi trả lương hưu")):
        line(470, 120 + 16 * k, item, 9)
    head = [("BHXH VIỆT NAM", MOTTO[0]), ("BHXH TỈNH NINH THUẬN", MOTTO[1]),
            ("Số: 233/BHXH-TST", "Ninh Thuận, ngày 12 tháng 3 năm 2026")]
    for k, (left, right) in enumerate(head):
        line(60, 120 + 16 * k, left, 9.5)
        line(205, 120 + 16 * k, right, 9.5)
    body = [
        "Kính gửi: Các phòng nghiệp vụ thuộc Bảo hiểm xã hội tỉnh.",
        "Để nâng tỷ lệ thu bảo hiểm xã hội tự nguyện, Giám đốc BHXH tỉnh đề nghị:",
        "1. Phòng Quản lý thu rà soát danh sách người tham gia bị gián đoạn.",
        "2. Phòng Truyền thông phối hợp với Bưu điện tỉnh tuyên truyền tại các xã.",
        "3. Văn phòng tổng hợp kết quả thực hiện, báo cáo Giám đốc hằng tháng.",
        "Đề nghị các phòng nghiêm túc triển khai thực hiện, báo cáo đúng hạn./.",
    ]
    for k, text in enumerate(body):
        line(60, 230 + 18 * k, text)
    line(24, 770, "https://bhxh.ninhthuan.example/van-ban/233 1/1", 8)
    pdf.save()
    return path


def test_a_printed_portal_page_with_links_at_the_right_keeps_its_letter(tmp_path: Path) -> None:
    notice = process_file(_portal_pdf(tmp_path / "portal.pdf")).notice
    meta = notice.metadata
    assert meta.number == "233/BHXH-TST"
    assert meta.issue_date == date(2026, 3, 12)
    assert meta.issuer == "Bảo hiểm xã hội tỉnh Ninh Thuận"
    units = [t.unit for t in notice.tasks][:3]
    assert units == ["Phòng Quản lý thu", "Phòng Truyền thông", "Văn phòng"]


# --------------------------------------------------------------------------- red seal


def _seal(size: int) -> Image.Image:
    tile = Image.new("RGBA", (size, size), (0, 0, 0, 0))
    draw = ImageDraw.Draw(tile)
    ink = (205, 30, 40, 235)
    draw.ellipse((4, 4, size - 5, size - 5), outline=ink, width=size // 22)
    inner = (size // 6, size // 6, size - size // 6, size - size // 6)
    draw.ellipse(inner, outline=ink, width=size // 40)
    draw.regular_polygon((size // 2, size // 2, size // 7), 5, fill=ink)
    return tile


def test_a_red_seal_fades_from_the_ink_a_scan_is_read_by() -> None:
    page = Image.new("RGB", (200, 60), (250, 248, 240))
    draw = ImageDraw.Draw(page)
    draw.rectangle((10, 20, 60, 30), fill=(20, 20, 20))  # print
    draw.rectangle((80, 20, 130, 30), fill=(30, 40, 170))  # blue pen
    draw.rectangle((150, 20, 190, 30), fill=(205, 30, 40))  # seal
    grey = ink_grey(page)
    assert grey.getpixel((30, 25)) < 60 and grey.getpixel((100, 25)) < 60
    assert grey.getpixel((170, 25)) > 180
    assert ink_grey(page.convert("L")).getpixel((170, 25)) < 120  # a grey scan stays as it is


def _sealed_scan(path: Path, dpi: int = 200) -> Path:
    """A colour scan of a header block whose place-date line lies under a red seal."""
    page = Image.new("RGB", (int(8.27 * dpi), int(11.69 * dpi)), (248, 246, 238))
    draw = ImageDraw.Draw(page)
    font = ImageFont.truetype(DEJAVU, int(dpi * 0.13))
    bold = ImageFont.truetype(DEJAVU_BOLD, int(dpi * 0.13))
    left = ["UBND TỈNH CAO BẰNG", "SỞ NÔNG NGHIỆP VÀ MÔI TRƯỜNG", "Số: 812/SNNMT-VP"]
    right = [MOTTO[0], MOTTO[1], "Cao Bằng, ngày 26 tháng 8 năm 2025"]
    for column, centre in ((left, int(1.8 * dpi)), (right, int(5.9 * dpi))):
        for k, text in enumerate(column):
            f = bold if k < 2 else font
            width = draw.textlength(text, font=f)
            at = (centre - width / 2, int(0.8 * dpi) + k * int(0.3 * dpi))
            draw.text(at, text, fill=(25, 25, 25), font=f)
    draw.text((int(3.6 * dpi), int(2.2 * dpi)), "TỜ TRÌNH", fill=(25, 25, 25), font=bold)
    draw.text((int(1.6 * dpi), int(2.6 * dpi)), "Về việc kiện toàn tổ kiểm soát thủ tục hành chính",
              fill=(25, 25, 25), font=font)
    seal = _seal(int(dpi * 1.2))
    ink = Image.new("RGB", page.size, (255, 255, 255))  # the seal's ink over the print
    ink.paste(seal, (int(5.3 * dpi) - seal.width // 2, int(1.5 * dpi) - seal.height // 2), seal)
    page = ImageChops.multiply(page, ink)
    buffer = BytesIO()
    page.save(buffer, "JPEG", quality=70)
    buffer.seek(0)
    pdf = canvas.Canvas(str(path), pagesize=(page.width * 72 / dpi, page.height * 72 / dpi))
    pdf.drawImage(ImageReader(buffer), 0, 0, page.width * 72 / dpi, page.height * 72 / dpi)
    pdf.save()
    return path


def test_a_place_date_line_under_a_red_seal_dates_the_scan(tmp_path: Path) -> None:
    meta = process_file(_sealed_scan(tmp_path / "sealed.pdf")).notice.metadata
    assert meta.issue_date == date(2025, 8, 26)
    assert meta.number == "812/SNNMT-VP"
    assert meta.issuer == "Sở Nông nghiệp và Môi trường"


# --------------------------------------------------------------------------- task rule


def test_a_duty_opening_on_chuan_bi_is_no_report(tmp_path: Path) -> None:
    """'chuẩn bị' is a verb: its 'bị' is not the word of a report ('bị tụt hạng'); a report's
    word further on ('tổ chức hội nghị công bố') does not make the duty a report either."""
    path = tmp_path / "plan.txt"
    path.write_text("\n".join((
        "UBND HUYỆN BẢO LÂM", "PHÒNG Y TẾ", "Số: 12/KH-PYT", MOTTO[0], MOTTO[1],
        "Bảo Lâm, ngày 09 tháng 6 năm 2026", "KẾ HOẠCH", "Phòng chống dịch mùa mưa năm 2026",
        "1. Trung tâm Y tế huyện chuẩn bị thuốc, vật tư, hóa chất khử khuẩn cho các xã.",
        "2. Phòng Văn hóa và Thông tin tuyên truyền cách phòng bệnh trên loa truyền thanh.",
        "3. Phòng Nội vụ tổ chức hội nghị công bố kết quả kiểm tra tại các xã.",
        "Nơi nhận:", "- Lưu: VT.",
    )), encoding="utf-8")
    tasks = process_file(path).notice.tasks
    units = [t.unit for t in tasks]
    assert units == ["Trung tâm Y tế huyện", "Phòng Văn hóa và Thông tin", "Phòng Nội vụ"]
