"""Office files as provinces publish them: scans stamped at signing, pages cropped close to
the text, bodies set to the right margin, kind codes misread by OCR.

Every file is composed here at test time (reportlab for the PDF, Pillow for a scan's pixels),
with its own province, numbers and wording; the real files these stand for are under
../shared/realbin, and a larger composed set of such files was built outside the repository.
"""

from __future__ import annotations

import io
from dataclasses import replace
from pathlib import Path

import pytest
from PIL import Image, ImageDraw, ImageFont
from reportlab.lib.utils import ImageReader
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas

from parscore.extractors import handwritten, tesseract
from parscore.extractors.errors import InputError
from parscore.extractors.limits import Limits
from parscore.extractors.model import Region, SourceInfo
from parscore.extractors.ocr import reread_glued
from parscore.extractors.pagemodel import Word
from parscore.extractors.pdf import extract
from parscore.pipeline.parse.header_fields import mended_symbol
from parscore.pipeline.process import Result, process_file
from tools.make_samples import FONT_DIRS, FONT_FILES

A4 = (595.27, 841.89)
MOTTO = ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc")

#: One line to set: x of its left edge (or of its centre when ``centre``), top from the
#: page's top edge in points, text, size in points, bold.
Placed = tuple[float, float, str, float, bool, bool]


def _font_file(face: str) -> Path:
    return next(d / n for n in FONT_FILES[face] for d in FONT_DIRS if (d / n).is_file())


def _register() -> None:
    for face in ("VN", "VN-Bold"):
        if face not in pdfmetrics.getRegisteredFontNames():
            pdfmetrics.registerFont(TTFont(face, str(_font_file(face))))


def text_pdf(lines: list[Placed]) -> bytes:
    """Given lines placed on an A4 page, return a one-page text PDF of them."""
    _register()
    out = io.BytesIO()
    pdf = canvas.Canvas(out, pagesize=A4)
    for x, top, text, size, bold, centre in lines:
        pdf.setFont("VN-Bold" if bold else "VN", size)
        y = A4[1] - top - size * 0.8
        if centre:
            pdf.drawCentredString(x, y, text)
        else:
            pdf.drawString(x, y, text)
    pdf.showPage()
    pdf.save()
    return out.getvalue()


def scan_pdf(lines: list[Placed], stamp: tuple[str, ...], dpi: int = 200,
             boxes: tuple[tuple[float, float, float, float], ...] = ()) -> bytes:
    """Given lines placed on an A4 page, a digital-signature stamp's lines and boxes ruled
    on the paper (points: x0, top, x1, bottom), return the page as a scanner makes it (its
    pixels only, JPEG) with the stamp's text written into the page over the image, top
    right, as signing software that flattens its stamp does."""
    _register()
    scale = dpi / 72
    image = Image.new("L", (round(A4[0] * scale), round(A4[1] * scale)), 250)
    draw = ImageDraw.Draw(image)
    fonts: dict[tuple[float, bool], ImageFont.FreeTypeFont] = {}
    for x, top, text, size, bold, centre in lines:
        key = (size, bold)
        if key not in fonts:
            fonts[key] = ImageFont.truetype(str(_font_file("VN-Bold" if bold else "VN")),
                                            round(size * scale))
        width = draw.textlength(text, font=fonts[key]) if centre else 0
        draw.text((x * scale - width / 2, top * scale), text, fill=20, font=fonts[key])
    for box in boxes:
        draw.rectangle(tuple(round(v * scale) for v in box), outline=40, width=3)
    jpeg = io.BytesIO()
    image.save(jpeg, "JPEG", quality=60)
    jpeg.seek(0)
    out = io.BytesIO()
    pdf = canvas.Canvas(out, pagesize=A4)
    pdf.drawImage(ImageReader(jpeg), 0, 0, *A4)
    pdf.setFont("VN", 6.5)
    for k, text in enumerate(stamp):
        pdf.drawString(A4[0] - 215, A4[1] - 22 - 9 * k, text)
    pdf.showPage()
    pdf.save()
    return out.getvalue()


def parsed(tmp_path: Path, name: str, data: bytes) -> Result:
    path = tmp_path / name
    path.write_bytes(data)
    return process_file(path)


def header(issuer: tuple[str, ...], number: str, place_date: str, top: float = 62.0,
           motto_at: float | None = None) -> list[Placed]:
    """Given the issuer's lines, the number and the place-date line, return a Decree 30
    header in two columns from ``top`` (the motto from ``motto_at`` when given)."""
    lines: list[Placed] = [(165, top + 15 * k, text, 12.5, k == len(issuer) - 1, True)
                           for k, text in enumerate(issuer)]
    right = top if motto_at is None else motto_at
    lines += [(400, right, MOTTO[0], 12, True, True), (400, right + 15, MOTTO[1], 13, True, True)]
    below = max(top + 15 * len(issuer), right + 30) + 14
    lines += [(165, below, number, 13, False, True), (400, below, place_date, 13, False, True)]
    return lines


def body(lines: list[str], top: float, left: float = 85.0, size: float = 13) -> list[Placed]:
    """Given body lines, return them set one under another from ``top``."""
    return [(left, top + 19 * k, text, size, False, False) for k, text in enumerate(lines)]


# --------------------------------------------------------------------------- stamp on a scan


@pytest.fixture(scope="module")
def has_ocr() -> None:
    try:
        tesseract.engine_for("vie", "probe")
    except InputError:
        pytest.skip("Tesseract with the Vietnamese model is not installed")


def test_a_scan_whose_text_layer_is_only_a_signature_stamp_is_read_by_ocr(
        tmp_path: Path, has_ocr: None) -> None:
    lines = header(("ỦY BAN NHÂN DÂN", "TỈNH ĐIỆN BIÊN"), "Số: 318/UBND-TH",
                   "Điện Biên, ngày 11 tháng 9 năm 2023")
    lines.append((298, 150, "Kính gửi: Sở Nội vụ tỉnh Điện Biên", 13, False, True))
    lines += body(["1. Sở Nội vụ rà soát quy trình nội bộ giải quyết thủ tục hành chính,",
                   "báo cáo Ủy ban nhân dân tỉnh trước ngày 30/9/2023./."], 185)
    stamp = ("Ký bởi: Ủy ban nhân dân tỉnh Điện Biên", "Cơ quan: Tỉnh Điện Biên",
             "Thời gian ký: 12-09-2023 16:40:27 +07:00")
    result = parsed(tmp_path, "cv318.pdf", scan_pdf(lines, stamp))
    notice = result.notice.metadata
    assert notice.number == "318/UBND-TH"
    assert str(notice.issue_date) == "2023-09-11"  # the stamp's later day is not the issue date
    assert notice.issuer == "Ủy ban nhân dân tỉnh Điện Biên"


def test_the_stamp_written_into_a_scan_is_kept_out_of_the_text(tmp_path: Path,
                                                                has_ocr: None) -> None:
    lines = header(("UBND TỈNH HÀ GIANG",), "Số: 52/BC-UBND", "Hà Giang, ngày 02 tháng 5 năm 2024")
    lines += body(["Ủy ban nhân dân tỉnh báo cáo kết quả cải cách hành chính quý I."], 150)
    stamp = ("Ký bởi: Ủy ban nhân dân tỉnh Hà Giang", "Email: vanthu@hagiang.gov.vn",
             "Thời gian ký: 03.05.2024 08:12:55 +07:00")
    data = scan_pdf(lines, stamp, dpi=150)
    document = extract(data, SourceInfo(path="bc52.pdf", format="pdf", sha256=""), Limits())
    assert document.source.format == "pdf-ocr"
    stamps = [b for b in document.blocks if b.region is Region.PAGE_FOOTER]
    assert [b.text for b in stamps] == [" ".join(stamp)]
    assert not any("Thời gian ký" in b.text for b in document.blocks if b not in stamps)


def test_a_text_page_over_a_page_sized_image_is_read_from_its_text() -> None:
    lines = header(("ỦY BAN NHÂN DÂN", "TỈNH LAI CHÂU"), "Số: 77/TB-UBND",
                   "Lai Châu, ngày 06 tháng 6 năm 2024")
    lines += body(["Ký bởi: Văn phòng UBND tỉnh Lai Châu. Thời gian ký: 07/06/2024 09:01:13",
                   "Ủy ban nhân dân tỉnh thông báo kết luận của Chủ tịch tại cuộc họp",
                   "về công tác cải cách hành chính quý II năm 2024 như sau."], 150)
    _register()
    out = io.BytesIO()
    pdf = canvas.Canvas(out, pagesize=A4)
    paper = io.BytesIO()
    Image.new("L", (120, 170), 248).save(paper, "PNG")  # a letterhead's paper tone
    paper.seek(0)
    pdf.drawImage(ImageReader(paper), 0, 0, *A4)
    for x, top, text, size, bold, centre in lines:
        pdf.setFont("VN-Bold" if bold else "VN", size)
        draw = pdf.drawCentredString if centre else pdf.drawString
        draw(x, A4[1] - top - size * 0.8, text)
    pdf.showPage()
    pdf.save()
    document = extract(out.getvalue(), SourceInfo(path="tb77.pdf", format="pdf", sha256=""),
                       Limits())
    assert document.source.format == "pdf"  # more than a stamp: the text layer is the text


def test_an_incoming_mail_box_in_the_left_margin_is_not_read_into_the_text(
        tmp_path: Path, has_ocr: None) -> None:
    # "CÔNG VĂN ĐẾN" stamped by the receiving office over the body's first item: its lines
    # start in the margin, left of the body's edge; the item's own words under it stay.
    lines = header(("UBND TỈNH NINH THUẬN",), "Số: 3318/UBND-KTTH",
                   "Ninh Thuận, ngày 17 tháng 10 năm 2024")
    lines.append((298, 125, "Kính gửi: Các sở, ban, ngành thuộc tỉnh", 13, False, True))
    lines += body(["Để bảo đảm tiến độ số hóa hồ sơ, kết quả giải quyết thủ tục hành chính,",
                   "Chủ tịch Ủy ban nhân dân tỉnh chỉ đạo như sau:"], 160, left=60)
    lines += [(88, 198, "1. Thanh tra tỉnh kiểm tra việc số hóa hồ sơ tại các cơ quan,", 13, False,
               False)]
    lines += body(["báo cáo kết quả trước ngày 30/11/2024.",
                   "2. Sở Tư pháp hướng dẫn chứng thực điện tử bản sao từ bản chính."], 217,
                  left=60)
    stamp_lines = [(15, 176 + 11 * k, text, 7, True, False) for k, text in enumerate(
        ("SỞ TƯ PHÁP", "CÔNG VĂN ĐẾN", "Số: 2907", "Ngày: 21/10/24", "Chuyển: P.HCTP"))]
    data = scan_pdf(lines + stamp_lines, (), dpi=200, boxes=((11, 172, 84, 232),))
    document = extract(data, SourceInfo(path="cv3318.pdf", format="pdf", sha256=""), Limits())
    texts = [b.text for b in document.blocks]
    assert any(t.startswith("1. Thanh tra tỉnh kiểm tra") for t in texts)
    assert not any("2907" in t or "Chuyển" in t for t in texts)


# --------------------------------------------------------------------------- cropped close


def test_an_issuer_in_the_top_margin_level_with_the_motto_is_read(tmp_path: Path) -> None:
    # A scan or a print cropped close to the text: the issuer's one line ends within 18 mm of
    # the top, apart from the number below it, but level with the motto's two lines (set a
    # little higher), which run on into the body.
    lines = header(("UBND TỈNH BẮC KẠN",), "Số: 1206/UBND-VXNV",
                   "Bắc Kạn, ngày 19 tháng 7 năm 2024", top=33, motto_at=24)
    lines.append((298, 118, "V/v tăng cường kỷ luật, kỷ cương hành chính", 12, False, True))
    lines.append((298, 150, "Kính gửi: Các sở, ban, ngành tỉnh", 13, False, True))
    lines += body(["Chủ tịch Ủy ban nhân dân tỉnh yêu cầu các sở, ban, ngành thực hiện",
                   "nghiêm thời gian làm việc, giải quyết hồ sơ đúng hạn./."], 180)
    notice = parsed(tmp_path, "cv1206.pdf", text_pdf(lines)).notice.metadata
    assert notice.issuer == "Ủy ban nhân dân tỉnh Bắc Kạn"
    assert notice.number == "1206/UBND-VXNV"


def test_a_page_number_alone_in_the_top_margin_is_still_furniture(tmp_path: Path) -> None:
    lines = header(("ỦY BAN NHÂN DÂN", "TỈNH CAO BẰNG"), "Số: 64/KH-UBND",
                   "Cao Bằng, ngày 14 tháng 3 năm 2024", top=70)
    lines.append((298, 24, "7", 12, False, True))  # alone on its row, nothing beside it
    lines.append((298, 150, "KẾ HOẠCH", 14, True, True))
    lines += body(["Thực hiện cải cách hành chính năm 2024 trên địa bàn tỉnh Cao Bằng."], 185)
    result = parsed(tmp_path, "kh64.pdf", text_pdf(lines))
    assert result.notice.metadata.issuer == "Ủy ban nhân dân tỉnh Cao Bằng"
    assert "7" not in [line.strip() for line in (result.notice.metadata.title or "").split()]


# --------------------------------------------------------------------------- body to the edge


def test_a_title_set_off_centre_by_an_indent_over_a_body_to_the_right_margin(
        tmp_path: Path) -> None:
    # The body is justified from 20 mm to 15 mm of the right edge (its lines end inside the
    # margin band); the title's paragraph keeps a first-line indent of 1.27 cm.
    left, right = 57.0, A4[0] - 42.5
    centre = (left + right) / 2
    lines: list[Placed] = [
        (150, 45, "ỦY BAN NHÂN DÂN", 12.5, False, True),
        (150, 60, "TỈNH VĨNH LONG", 12.5, True, True),
        (150, 88, "Số: 15/CT-UBND", 13, False, True),
        (390, 45, MOTTO[0], 12, True, True), (390, 60, MOTTO[1], 13, True, True),
        (390, 88, "Vĩnh Long, ngày 23 tháng 4 năm 2024", 13, False, True),
        (centre + 18, 125, "CHỈ THỊ", 14, True, True),
        (centre, 143, "Về việc chấn chỉnh công tác tiếp nhận hồ sơ trực tuyến", 13, True, True),
    ]
    prose = ("Thời gian qua, việc tiếp nhận, giải quyết hồ sơ trực tuyến trên địa bàn tỉnh có "
             "chuyển biến, song tỷ lệ hồ sơ trực tuyến toàn trình còn thấp, một số cơ quan vẫn "
             "yêu cầu người dân nộp thêm bản giấy; việc số hóa kết quả giải quyết chưa đầy đủ.")
    _register()
    rows, row = [], ""
    for word in prose.split():
        if pdfmetrics.stringWidth(f"{row} {word}".strip(), "VN", 13) > right - left:
            rows.append(row)
            row = word
        else:
            row = f"{row} {word}".strip()
    rows.append(row)
    out = io.BytesIO()
    pdf = canvas.Canvas(out, pagesize=A4)
    for x, top, text, size, bold, centred in lines:
        pdf.setFont("VN-Bold" if bold else "VN", size)
        draw = pdf.drawCentredString if centred else pdf.drawString
        draw(x, A4[1] - top - size * 0.8, text)
    pdf.setFont("VN", 13)
    for k, text in enumerate(rows):  # justified: every full line reaches the right edge
        y = A4[1] - 175 - 19 * k
        if k < len(rows) - 1:
            words = text.split()
            gap = (right - left - sum(pdfmetrics.stringWidth(w, "VN", 13) for w in words)) / (
                len(words) - 1)
            x = left
            for w in words:
                pdf.drawString(x, y, w)
                x += pdfmetrics.stringWidth(w, "VN", 13) + gap
        else:
            pdf.drawString(left, y, text)
    pdf.showPage()
    pdf.save()
    notice = parsed(tmp_path, "ct15.pdf", out.getvalue()).notice.metadata
    assert notice.issuer == "Ủy ban nhân dân tỉnh Vĩnh Long"
    assert notice.number == "15/CT-UBND"
    assert str(notice.issue_date) == "2024-04-23"


# --------------------------------------------------------------------------- kind codes


@pytest.mark.parametrize(("read", "meant"), [
    ("57/TIr-UBND", "57/TTr-UBND"),   # a capital I for the second T
    ("104/Tlr-UBND", "104/TTr-UBND"),  # a small l for it
    ("9/0Đ-UBND", "9/QĐ-UBND"),       # a zero for the Q
    ("33/T8-UBND", "33/TB-UBND"),      # an 8 for the B
    ("12/8C-SNV", "12/BC-SNV"),
    ("5/2024/NÐ-CP", "5/2024/NĐ-CP"),  # Icelandic eth for the Vietnamese Đ
])
def test_a_kind_code_misread_by_ocr_is_mended(read: str, meant: str) -> None:
    assert mended_symbol(read) == meant


@pytest.mark.parametrize("number", [
    "1482/UBND-KT",     # a letter's number opens with the body, not a kind
    "19/2019/NĐ-CP",
    "7/XYZ-UBND",       # no swap makes a kind of it
    "88/TTr-STC",
    "6/SNV-VP",
])
def test_a_number_that_needs_no_mending_stays_as_read(number: str) -> None:
    assert mended_symbol(number) == number


def test_the_header_number_of_a_letter_gets_its_kind_mended(tmp_path: Path) -> None:
    text = ("ỦY BAN NHÂN DÂN          CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
            "TỈNH GIA LAI                 Độc lập - Tự do - Hạnh phúc\n"
            "Số: 210/Tlr-UBND          Gia Lai, ngày 08 tháng 10 năm 2024\n\n"
            "TỜ TRÌNH\nVề việc thông qua danh mục thủ tục hành chính được cắt giảm\n\n"
            "Kính gửi: Hội đồng nhân dân tỉnh\n\n"
            "Ủy ban nhân dân tỉnh kính trình Hội đồng nhân dân tỉnh xem xét, quyết định./.\n")
    path = tmp_path / "ttr210.txt"
    path.write_text(text, encoding="utf-8")
    assert process_file(path).notice.metadata.number == "210/TTr-UBND"


# --------------------------------------------------------------------------- glued header line


def _line_image(text: str, dpi: int = 300) -> tuple[Image.Image, float]:
    """Given a header line, return a page-wide strip with it typed at 13 pt, and its scale."""
    font = ImageFont.truetype(str(_font_file("VN")), round(13 * dpi / 72))
    image = Image.new("L", (round(A4[0] * dpi / 72), round(0.8 * dpi)), 250)
    ImageDraw.Draw(image).text((round(1.2 * dpi), round(0.25 * dpi)), text, fill=15, font=font)
    return image, 72 / dpi


def _ink_word(text: str, image: Image.Image, scale: float, conf: float) -> Word:
    """Given a text, the strip it is typed on and a confidence, return one word over all the
    strip's ink, as the page's segmentation hands over a line it could not split."""
    box = Image.eval(image, lambda v: 255 if v < 128 else 0).getbbox()
    assert box is not None
    return Word(text=text, bbox=tuple(v * scale for v in box), conf=conf)  # type: ignore[arg-type]


def test_an_unsure_header_line_read_as_one_word_is_read_again_as_a_line(has_ocr: None) -> None:
    image, scale = _line_image("Số: 2045 /SNV-CCHC")
    glued = _ink_word("Số2045/SNVCCHC", image, scale, 41.0)
    engine = tesseract.engine_for("vie", "probe")
    tall = Image.new("L", (image.width, image.height * 4), 250)  # the strip atop a page
    tall.paste(image, (0, 0))
    words = reread_glued([glued], tall, (scale, 300), engine, ("probe", Limits()))
    assert " ".join(w.text for w in words) == "Số: 2045 /SNV-CCHC"
    assert all(w.bbox[0] >= glued.bbox[0] - 10 for w in words)  # in the page's own points


def test_a_sure_or_low_word_is_not_read_again(has_ocr: None) -> None:
    image, scale = _line_image("Số: 2045 /SNV-CCHC")
    engine = tesseract.engine_for("vie", "probe")
    sure = _ink_word("Số2045/SNVCCHC", image, scale, 88.0)
    tall = Image.new("L", (image.width, image.height * 4), 250)
    tall.paste(image, (0, 0))
    assert reread_glued([sure], tall, (scale, 300), engine, ("probe", Limits())) == [sure]
    low = _ink_word("Số2045/SNVCCHC", image, scale, 41.0)
    low = replace(low, bbox=(low.bbox[0], 600.0, low.bbox[2], 615.0))  # far down the page
    page = Image.new("L", (image.width, round(842 / scale)), 250)
    assert reread_glued([low], page, (scale, 300), engine, ("probe", Limits())) == [low]


def test_a_typed_number_after_a_wide_label_is_read_without_its_colon(has_ocr: None) -> None:
    # The label "Số:" read apart with a box wider than the usual label's (a wide face, a
    # speck before it): the field is read again from where the label's box ends, not from
    # the usual width, where its colon would be read with the digits.
    font = ImageFont.truetype(str(_font_file("VN")), 54)
    image = Image.new("L", (1000, 160), 250)
    draw = ImageDraw.Draw(image)
    scale = 72 / 300
    boxes = []
    for x, text in ((60, "Số:"), (170, "1733"), (330, "/UBND-NCTH")):
        draw.text((x, 50), text, fill=15, font=font)
        boxes.append(tuple(v * scale for v in draw.textbbox((x, 50), text, font=font)))
    label, number, rest = (Word(text=t, bbox=b, conf=c) for t, b, c in zip(  # type: ignore[arg-type]
        ("Số:", "1733", "/UBND-NCTH"), boxes, (95.0, 60.0, 93.0), strict=True))
    label = replace(label, bbox=(label.bbox[0] - 0.6 * label.height, *label.bbox[1:]))
    engine = tesseract.engine_for("vie", "probe")
    settled = handwritten.settle_fields([label, number, rest], image, scale, engine, "probe",
                                        Limits())
    assert [w.text for w in settled][:2] == ["Số:", "1733"]
