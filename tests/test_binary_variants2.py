"""More office files as provinces publish them: a decision whose attached plan repeats the
Decree 30 header on its own page, a file opening with a blank page, a scan's number line
read twice or unsure (a number written in by hand), a task table's header read without its
tones, and a news item on a decision announced by a department.

Every file is composed here at test time (reportlab for the PDF, Pillow for a scan's pixels),
with its own province, numbers and wording; the real files these stand for are under
../shared/realbin, and a larger composed set of such files was built outside the repository.
"""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from PIL import Image, ImageDraw, ImageFont
from reportlab.pdfgen import canvas

from parscore.extractors import tesseract
from parscore.extractors.limits import Limits
from parscore.extractors.model import Region, SourceInfo
from parscore.extractors.ocr import number_line, reread_glued, reread_number_line
from parscore.extractors.pagemodel import Word
from parscore.extractors.pdf import extract
from parscore.extractors.tesseract import with_phrase_tones
from parscore.pipeline.lines import Line
from parscore.pipeline.parse.header_fields import number_field
from parscore.pipeline.process import process_file
from tests.test_binary_variants import (
    A4,
    Placed,
    _font_file,
    _ink_word,
    _line_image,
    _register,
    body,
    has_ocr,
    header,
    parsed,
)

__all__ = ["has_ocr"]  # the fixture, shared


def pages_pdf(pages: list[list[Placed]]) -> bytes:
    """Given the lines placed on each A4 page, return a text PDF of the pages."""
    _register()
    out = io.BytesIO()
    pdf = canvas.Canvas(out, pagesize=A4)
    for lines in pages:
        for x, top, text, size, bold, centre in lines:
            pdf.setFont("VN-Bold" if bold else "VN", size)
            y = A4[1] - top - size * 0.8
            (pdf.drawCentredString if centre else pdf.drawString)(x, y, text)
        pdf.showPage()
    pdf.save()
    return out.getvalue()


# --------------------------------------------------------------------------- repeated header


def test_a_plan_attached_with_the_header_repeated_keeps_the_decisions_header(
        tmp_path: Path) -> None:
    # The header's lines stand in the top band of both pages (the plan attached to the
    # decision repeats it): they are no running header, and the issuer is read.
    issuer = ("ỦY BAN NHÂN DÂN", "TỈNH BẾN TRE")
    first = header(issuer, "Số: 1384/QĐ-UBND", "Bến Tre, ngày 18 tháng 8 năm 2025")
    first.append((298, 150, "QUYẾT ĐỊNH", 14, True, True))
    first += body(["Điều 1. Ban hành kèm theo Quyết định này Kế hoạch cải cách hành chính.",
                   "Điều 2. Quyết định này có hiệu lực kể từ ngày ký./."], 185)
    second = header(issuer, "", "")[:4]
    second.append((298, 150, "KẾ HOẠCH", 14, True, True))
    second += body(["(Ban hành kèm theo Quyết định số 1384/QĐ-UBND ngày 18/8/2025)",
                    "1. Sở Nội vụ theo dõi, đôn đốc việc thực hiện Kế hoạch."], 185)
    notice = parsed(tmp_path, "qd1384.pdf", pages_pdf([first, second])).notice.metadata
    assert notice.issuer == "Ủy ban nhân dân tỉnh Bến Tre"
    assert notice.number == "1384/QĐ-UBND"


def test_a_line_repeated_at_the_top_of_each_page_is_still_a_running_header(
        tmp_path: Path) -> None:
    pages = [[(85, 30, "Báo cáo kết quả cải cách hành chính tỉnh Vĩnh Phúc", 9, False, False),
              *body([f"Nội dung trang {k}: kết quả thực hiện nhiệm vụ."], 160)]
             for k in (1, 2)]
    document = extract(pages_pdf(pages), SourceInfo(path="bc.pdf", format="pdf", sha256=""),
                       Limits())
    assert not any("Vĩnh Phúc" in b.text for b in document.blocks)


# --------------------------------------------------------------------------- blank first page


def test_the_header_is_read_on_the_first_page_that_holds_text() -> None:
    lines = header(("THỦ TƯỚNG CHÍNH PHỦ",), "Số: 31/CT-TTg", "Hà Nội, ngày 02 tháng 12 năm 2025")
    lines.append((298, 150, "CHỈ THỊ", 14, True, True))
    lines += body(["1. Bộ Tài chính hướng dẫn việc thu phí trực tuyến."], 185)
    document = extract(pages_pdf([[], lines]), SourceInfo(path="ct31.pdf", format="pdf",
                                                          sha256=""), Limits())
    marked = [b.text for b in document.blocks if b.region is Region.HEADER]
    assert "THỦ TƯỚNG CHÍNH PHỦ" in marked
    assert any(t.startswith("Số: 31/CT-TTg") for t in marked)


# --------------------------------------------------------------------------- the number line


def _strip(parts: tuple[tuple[float, str], ...], dpi: int = 200) -> tuple[Image.Image, float,
                                                                         list[tuple[float, ...]]]:
    """Given (x in points, text) pieces of a header line, return a page-wide strip with them
    typed at 13 pt atop a blank page, its scale, and each piece's box in points."""
    scale = 72 / dpi
    font = ImageFont.truetype(str(_font_file("VN")), round(13 * dpi / 72))
    image = Image.new("L", (round(A4[0] / scale), round(A4[1] / scale)), 250)
    draw = ImageDraw.Draw(image)
    boxes = []
    for x, text in parts:
        draw.text((x / scale, 100 / scale), text, fill=15, font=font)
        boxes.append(tuple(v * scale for v in draw.textbbox((x / scale, 100 / scale), text,
                                                            font=font)))
    return image, scale, boxes


def test_a_number_line_read_twice_over_itself_is_read_again_as_one_line(has_ocr: None) -> None:
    # A number written in above the printed line splits the page's segmentation: the
    # same ink comes back as two overlapping words, neither of them the label.
    image, scale, (label, num, symbol) = _strip(((110, "Số:"), (135, "527"), (175, "/KH-UBND")))
    twice = [
        Word(text="5ô:527", bbox=(label[0] + 6, label[1], num[2], num[3]), conf=88.0),
        Word(text="/KH-", bbox=(symbol[0] + 18, symbol[3] - 3, symbol[0] + 22, symbol[3] - 2),
             conf=90.0),
        Word(text="3ó:527", bbox=(label[0], label[1] + 1, num[2] - 8, num[3]), conf=55.0),
        Word(text="/KH-UBND", bbox=symbol, conf=92.0),  # type: ignore[arg-type]
        Word(text="Nghệ", bbox=(330.0, 104.0, 355.0, 116.0), conf=96.0),
    ]
    engine = tesseract.engine_for("vie", "probe")
    words = reread_number_line(twice, image, (scale, 200), engine, ("probe", Limits()))
    texts = [w.text for w in words]
    assert " ".join(texts[:-2]).replace(" ", "") == "Số:527/KH-UBND"
    assert texts[-2:] == ["/KH-", "Nghệ"]  # the speck and the other column stay


def test_an_unsure_symbol_is_read_again_with_its_line(has_ocr: None) -> None:
    image, scale, (label, num, symbol) = _strip(((110, "Số:"), (135, "58"), (150, "/TTr-UBND")),
                                                dpi=300)
    unsure = [Word(text="Số:", bbox=label, conf=95.0),  # type: ignore[arg-type]
              Word(text="58", bbox=num, conf=91.0),  # type: ignore[arg-type]
              Word(text="/TT-UBND", bbox=symbol, conf=31.0)]  # type: ignore[arg-type]
    engine = tesseract.engine_for("vie", "probe")
    words = reread_number_line(unsure, image, (scale, 300), engine, ("probe", Limits()))
    assert "".join(w.text for w in words) == "Số:58/TTr-UBND"


def test_a_sure_number_line_or_one_out_of_the_header_is_not_read_again(has_ocr: None) -> None:
    image, scale, (label, num, symbol) = _strip(((110, "Số:"), (135, "58"), (165, "/TTr-UBND")))
    sure = [Word(text="Số:", bbox=label, conf=95.0),  # type: ignore[arg-type]
            Word(text="53", bbox=num, conf=90.0),  # type: ignore[arg-type]
            Word(text="/TTr-UBND", bbox=symbol, conf=93.0)]  # type: ignore[arg-type]
    engine = tesseract.engine_for("vie", "probe")
    assert reread_number_line(sure, image, (scale, 200), engine, ("probe", Limits())) == sure
    low = [Word(text=w.text, bbox=(w.bbox[0], 700.0, w.bbox[2], 712.0), conf=30.0) for w in sure]
    assert reread_number_line(low, image, (scale, 200), engine, ("probe", Limits())) == low


def test_a_number_line_read_sure_as_one_word_without_its_marks_is_read_again(
        has_ocr: None) -> None:
    image, scale = _line_image("Số: 1902/KH-UBND")
    tall = Image.new("L", (image.width, image.height * 4), 250)  # the strip atop a page
    tall.paste(image, (0, 0))
    engine = tesseract.engine_for("vie", "probe")
    glued = _ink_word("Số1902KHUBND", image, scale, 90.0)
    words = reread_glued([glued], tall, (scale, 300), engine, ("probe", Limits()))
    assert "".join(w.text for w in words) == "Số:1902/KH-UBND"
    prose = _ink_word("Sởkhoahọcvàcôngnghệ", image, scale, 90.0)  # a sure word of another kind
    assert reread_glued([prose], tall, (scale, 300), engine, ("probe", Limits())) == [prose]


def test_the_number_line_is_the_words_chained_left_of_the_symbol() -> None:
    words = [Word(text="Số:", bbox=(100.0, 80.0, 116.0, 92.0)),
             Word(text="Cà", bbox=(300.0, 80.0, 315.0, 92.0)),  # the date, right of it
             Word(text="1206", bbox=(121.0, 80.0, 146.0, 92.0)),
             Word(text="/UBND-NC", bbox=(150.0, 80.0, 205.0, 92.0)),
             Word(text="TỈNH", bbox=(20.0, 80.0, 45.0, 92.0))]  # far left: another column
    assert number_line(words, 250.0) == [0, 2, 3]
    assert number_line(words, 60.0) == []  # below the header band


@pytest.mark.parametrize(("lines", "expected"), [
    (("Số:", "2207 /UBND-KSTT"), "2207/UBND-KSTT"),  # the value written in above the line
    (("Số :", "64/BC-UBND"), "64/BC-UBND"),
    (("Số:", "/TB-UBND"), None),  # left blank
])
def test_a_number_wrapped_onto_the_next_line_is_read(lines: tuple[str, ...],
                                                     expected: str | None) -> None:
    header_lines = [Line(text=t, raw=t, key=t.lower(), region=Region.HEADER) for t in lines]
    assert number_field(header_lines).value == expected


# --------------------------------------------------------------------------- table header tones


@pytest.mark.parametrize(("read", "meant"), [
    (("Nhiêm", "vu"), ("Nhiệm", "vụ")),
    (("Thời", "han"), ("Thời", "hạn")),
    (("Cơ", "quan", "chu", "trì"), ("Cơ", "quan", "chủ", "trì")),
    (("phôi", "hơp"), ("phối", "hợp")),
])
def test_a_task_tables_header_read_without_its_tones_gets_them(
        read: tuple[str, ...], meant: tuple[str, ...]) -> None:
    words = [Word(text=t, bbox=(10.0 * k, 0.0, 10.0 * k + 8, 10.0)) for k, t in enumerate(read)]
    assert tuple(w.text for w in with_phrase_tones(words)) == meant


# --------------------------------------------------------------------------- announced decision


def _news(tmp_path: Path, name: str, lead: str) -> str | None:
    page = ("<!DOCTYPE html><html lang=\"vi\"><head><meta charset=\"utf-8\"><title>Tin cải cách"
            "</title></head><body><nav>Trang chủ | Tin tức | Văn bản</nav>"
            "<h1>Công bố Chỉ số cải cách hành chính năm 2024</h1>"
            "<p>Ngày đăng: 21/03/2025 | Lượt xem: 318</p>"
            f"<p>{lead}</p><p>Theo đó, Sở Tư pháp đứng đầu khối sở với 90,15 điểm.</p>"
            "<p>Minh Khoa</p></body></html>")
    path = tmp_path / name
    path.write_text(page, encoding="utf-8")
    return process_file(path).notice.metadata.issuer


def test_a_decision_a_department_announces_is_the_committees(tmp_path: Path) -> None:
    lead = ("Chiều 20/3/2025, tại hội trường Sở, Sở Nội vụ tỉnh Trà Vinh đã tổ chức Hội nghị "
            "công bố Quyết định số 455/QĐ-UBND phê duyệt Chỉ số cải cách hành chính năm 2024 "
            "của các sở, ban, ngành.")
    assert _news(tmp_path, "a.html", lead) == "Ủy ban nhân dân tỉnh Trà Vinh"
    city = lead.replace("tỉnh Trà Vinh", "thành phố Cần Thơ")
    assert _news(tmp_path, "b.html", city) == "Ủy ban nhân dân thành phố Cần Thơ"


def test_a_decision_its_committees_chairman_announces_keeps_the_chairman(tmp_path: Path) -> None:
    lead = ("Vừa qua, Chủ tịch Ủy ban nhân dân tỉnh Trà Vinh đã công bố Quyết định số "
            "301/QĐ-UBND về Chỉ số cải cách hành chính năm 2024 của các sở, ban, ngành.")
    assert _news(tmp_path, "d.html", lead) == "Chủ tịch Ủy ban nhân dân tỉnh Trà Vinh"


def test_a_decision_of_the_department_itself_stays_the_departments(tmp_path: Path) -> None:
    lead = ("Sáng 14/3/2025, Sở Nội vụ tỉnh Trà Vinh tổ chức hội nghị công bố Quyết định số "
            "96/QĐ-SNV về kết quả xếp loại cải cách hành chính năm 2024 của các phòng thuộc Sở.")
    assert _news(tmp_path, "c.html", lead) == "Sở Nội vụ tỉnh Trà Vinh"
