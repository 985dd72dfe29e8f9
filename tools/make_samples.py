"""Regenerate every binary sample in samples/ deterministically (run by `make samples`).

The notices are held here as data (``NoticeSpec``) and written three ways: a Decree 30
Word file (python-docx), a PDF printed by reportlab with a Vietnamese TrueType font, and a
scan of that PDF (pypdfium2 raster, rotated, noisy, image-only PDF). Nothing depends on
LibreOffice; timestamps and random noise are fixed so that two runs give identical bytes.
"""

from __future__ import annotations

import copy
import io
import random
import sys
import zipfile
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
FONT_DIRS = (  # liberation2 (fonts-liberation2) has Vietnamese; liberation 1.x does not
    Path("/usr/share/fonts/truetype/liberation2"),
    Path("/usr/share/fonts/truetype/liberation"),
    Path("/usr/share/fonts/truetype/dejavu"),
)
VIETNAMESE_PROBE = (
    "ẠạẢảẤấẦầẨẩẪẫẬậẮắẰằẲẳẴẵẶặẸẹẺẻẼẽẾếỀềỂểỄễỆệỈỉỊịỌọỎỏỐốỒồỔổỖỗỘộ"
    "ỚớỜờỞởỠỡỢợỤụỦủỨứỪừỬửỮữỰựỲỳỴỵỶỷỸỹĐđƠơƯư"
)
FONT_FILES = {  # reportlab face name → candidate files (Times-like first; must cover Vietnamese)
    "VN": ("LiberationSerif-Regular.ttf", "DejaVuSerifCondensed.ttf", "DejaVuSerif.ttf"),
    "VN-Bold": ("LiberationSerif-Bold.ttf", "DejaVuSerifCondensed-Bold.ttf",
                "DejaVuSerif-Bold.ttf"),
    "VN-Italic": ("LiberationSerif-Italic.ttf", "DejaVuSerifCondensed-Italic.ttf",
                  "DejaVuSerif-Italic.ttf"),
    "VN-BoldItalic": ("LiberationSerif-BoldItalic.ttf", "DejaVuSerifCondensed-BoldItalic.ttf",
                      "DejaVuSerif-BoldItalic.ttf"),
}
WORD_FONT = "Times New Roman"  # Decree 30, Appendix I
FIXED_TIME = datetime(2024, 3, 26, 8, 0, 0)
ZIP_TIME = (2024, 3, 26, 8, 0, 0)
SCAN_DPI = 300  # the usual archive scan resolution
SCAN_ANGLE = 1.5  # degrees, counter-clockwise
ROUGH_SCAN = (150, -3.0)  # a coarse, more skewed scan: the low end of what must still work
SCAN_NOISE = 10  # grey levels of uniform noise
SCAN_SPECKLE = 0.0004  # share of pixels turned black
SCAN_SEED = 568
CM = 72 / 2.54

# --------------------------------------------------------------------------- content


@dataclass(frozen=True, slots=True, kw_only=True)
class Para:
    text: str
    bold: bool = False
    indent: bool = True


@dataclass(frozen=True, slots=True, kw_only=True)
class Section:
    """A numbered heading: ``number`` is "1" or "3.1"; Word renders it from numbering."""

    number: str
    text: str


@dataclass(frozen=True, slots=True, kw_only=True)
class Bullet:
    text: str


@dataclass(frozen=True, slots=True, kw_only=True)
class ScoreTable:
    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]  # areas and the total
    grade: str | None = None  # the merged "Xếp loại" row
    ruled: bool = True
    widths_cm: tuple[float, ...] = (10.0, 2.8, 3.2)
    font_size: float = 12


@dataclass(frozen=True, slots=True, kw_only=True)
class NoticeSpec:
    name: str
    parent: str
    issuer: str
    number: str
    place_date: str
    title: str
    subject: str
    body: tuple[Para | Section | Bullet | ScoreTable, ...]
    recipients: tuple[str, ...]
    authority: tuple[str, ...]
    signer: str
    running_header: str
    space_before_table_cm: float = 0.0


SEED_TABLE = ScoreTable(
    header=("Lĩnh vực", "Điểm tối đa", "CTHĐ Thẩm định"),
    rows=(
        ("Công tác chỉ đạo điều hành cải cách hành chính", "15.5", "12.23"),
        ("Cải cách thể chế", "14", "10"),
        ("Cải cách thủ tục hành chính", "17.5", "10,86"),
        ("Cải cách tổ chức bộ máy hành chính nhà nước", "10", "9"),
        ("Cải cách chế độ công vụ", "12", "11"),
        ("Cải cách tài chính công", "11", "7.41"),
        ("Xây dựng và phát triển chính quyền điện tử, chính quyền số", "20", "15.11"),
        ("Tổng cộng điểm", "100", "75.61"),
    ),
    grade="Khá",
)

SEED_BODY: tuple[Para | Section | Bullet | ScoreTable, ...] = (
    Para(text="Ngày 18/03/2024 Sở Xây dựng đã tổ chức quán triệt, đánh giá, rút kinh nghiệm và "
         "đưa ra giải pháp đẩy mạnh công tác cải cách hành chính, cải thiện, nâng cao chỉ số cải "
         "cách hành chính năm 2024 và những năm tiếp theo."),
    Para(text="Kết quả chỉ số cải cách hành chính của Sở Xây dựng năm 2023 đạt 72,32 điểm, xếp "
         "lại khá, tăng 3.286 điểm so với năm 2022. Các điểm thành phần cụ thể như sau:"),
    SEED_TABLE,
    Section(number="1", text="Một số Kết quả đạt được:"),
    Para(text="Việc đánh giá, xác định Chỉ số cải cách hành chính tại Sở Xây dựngđược Lãnh đạo "
         "sở quan tâm chỉ đạo thực hiện; kịp thời ban hành các kế hoạch để triển khai thực hiện "
         "và phục vụ cho công tác đánh giá, chấm điểm, xác định chỉ số cải cách hành chính năm "
         "2023, cụ thể: Kế hoạch Cải cách hành chính năm 2023, Kế hoạch kiểm soát thủ tục hành "
         "chính năm 2023, Kế hoạch cải thiện Chỉ số cải cách hành chính năm 2023.v.v.; cán bộ, "
         "công chức, viên chức luôn nêu cao tinh thần đoàn kết, nêu cao trách nhiệm, chủ động "
         "thực hiện tốt nhiệm vụ được giao, tích cực trong công tác tham mưu cho UBND tỉnh trên "
         "các lĩnh vực thuộc trách nhiệm của ngành; 100% thủ tục hành chính được niêm yết công "
         "khai trên cổng dịch vụ công tỉnh và cung cấp dịch vụ công trực tuyến toàn trình và "
         "dịch vụ công một phần trực tuyến; Hồ sơ TTHC của tổ chức, công dân được tiếp nhận, "
         "giải quyết trước và đúng hạn; công tác báo cáo cải cách hành chính, kiểm soát thủ tục "
         "hành chính kịp thời, đúng quy định, góp phần hoàn thành các nhiệm vụ cải cách hành "
         "chính đã đề ra."),
    Section(number="2", text="Những tồn tại, hạn chế:"),
    Para(text="Bên cạnh những kết quả đã đạt được nêu trên, công tác cải cách hành chính của cơ "
         "quan vẫn còn những tồn tại, hạn chế như: chưa có mô hình, sáng kiến, giải pháp mới về "
         "cải cách hành chính; công tác phối hợp rà soát TTHC được triển khai thanh toán trực "
         "tuyến; tỷ lệ hồ sơ thanh toán trực tuyến chưa kịp thời; công tác phối hợp tuyên truyền "
         "và khuyến khích người dân, doanh nghiệp về dịch công trực tuyến thực hiện chưa thường "
         "xuyên."),
    Section(number="3", text="Để thực hiện tốt các nhiệm vụ về công tác cải cách hành chính "
            "trong thời gian tới đồng chí Nguyễn Văn Nam – Phó Giám đốc Sở Chủ trì cuộc họp "
            "yêu cầu các phòng tập trung triển khai thực hiện tốt các nội dung sau:"),
    Section(number="3.1", text="Văn phòng Sở:"),
    Bullet(text="Thực hiện kế hoạch cải cách hành chính, nâng cao chỉ số cải cách hành chính "
           "đúng kế hoạch đề ra hằng năm"),
    Bullet(text="Nghiên cứu, tìm hiểu để có Sáng kiến giải pháp mới trong công tác CCHC trong năm"),
    Bullet(text="Tham mưu văn bản, hướng dẫn, đôn đốc thực hiện CCHC theo các văn bản chỉ đạo "
           "của UBND tỉnh, Ban Chỉ đạo CCHC tỉnh, Sở Nội vụ, các ngành liên quan"),
    Bullet(text="Thực hiện báo cáo về công tác chuyển đổi số đúng thời gian quy định."),
    Section(number="3.2", text="Thanh tra sở"),
    Bullet(text="Thực hiện ban hành các kế hoạch và báo cáo công tác tham mưu  xây dựng văn bản "
           "quy phạm pháp luật đúng thời gian và quy định."),
    Bullet(text="Chủ động rà soát, kịp thời triển khai thể chế hóa triển khai văn bản quy phạm "
           "pháp luật của Trung ương"),
    Section(number="3.3", text="Các phòng chuyên môn"),
    Bullet(text="Xây dựng và thực hiện đúng quy trình nội bộ, quy trình điện tử trong xử lý, "
           "giải quyết TTHC"),
    Bullet(text="Rà soát, cập nhật đầy đủ các nội dung, quy trình, thủ tục lên phần mền 1 cửa "
           "của tỉnh"),
    Bullet(text="Thực hiện tiếp nhận và trả kết quả giải quyết thủ tục hành chính qua phần mềm "
           "một cửa điện tử theo đúng quy định; kịp thời ban hành văn bản  xin lỗi đối với kết "
           "quả giải quyết TTHC trễ hạn; đối với hồ sơ không đủ điều kiện giải quyết phải có văn "
           "bản nêu rõ lý do, căn cứ quy định và hướng dẫn cụ thể để tổ chức, người dân dễ hoàn "
           "thiện, tránh trường hợp trả lại với lý do không thuyết phục, hướng dẫn nhiều lần."),
    Bullet(text="Nâng cao việc thực hiện giải quyết thủ tục hành chính (TTHC) trên môi trường "
           "điện tử nhằm hạn chế tỷ lệ giải quyết hồ sơ chưa kịp thời, trễ hạn so với thời gian "
           "quy định"),
    Bullet(text="Triển khai lập danh mục kết quả giải quyết TTHC còn hiệu lực (thực hiện theo "
           "hướng dẫn số 02/HD-SNV ngày 01/8/2022 của Sở Nội vụ),  đồng thời thực hiện cập nhật "
           "đầy đủ các giấy tờ có liên quan đến thành phần hồ sơ giải quyết thủ tục hành chính "
           "trên phần mềm một cửa điện tử của tỉnh theo đúng quy định và  triển khai số hóa kết "
           "quả giải quyết thủ tục hành chính"),
    Section(number="3.4", text="Trung tâm QHXD"),
    Bullet(text="Kịp thời triển khai xây dựng phương án tự của đơn vị sự nghiệp công lập trình "
           "Sở Tài chính thẩm định đảm bảo các tiêu chí tại mục cải cách tài chính công của Sở "
           "Xây dựng."),
    Para(text="(Chi tiết tại phụ lục kèm theo)", indent=False),
)

SEED = NoticeSpec(
    name="seed-568-tb-sxd",
    parent="UBND TỈNH TÂY NINH",
    issuer="SỞ XÂY DỰNG",
    number="Số: 568/TB-SXD",
    place_date="Tây Ninh, ngày 26 tháng 3 năm 2024",
    title="THÔNG BÁO",
    subject="Kết quả họp cải thiện, nâng cao chỉ số cải cách hành chính tại Sở Xây dựng năm 2024",
    body=SEED_BODY,
    recipients=("- UBND tỉnh (b/c);", "- Sở Nội vụ;", "- Ban Giám đốc Sở;",
                "- Các phòng, đơn vị thuộc Sở;", "- Lưu: VT, VP."),
    authority=("KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"),
    signer="Nguyễn Văn Nam",
    running_header="Sở Xây dựng tỉnh Tây Ninh – Thông báo số 568/TB-SXD",
)

BORDERLESS = NoticeSpec(
    name="borderless-table",
    parent="UBND TỈNH ĐỒNG THÁP",
    issuer="SỞ TƯ PHÁP",
    number="Số: 112/TB-STP",
    place_date="Đồng Tháp, ngày 15 tháng 4 năm 2024",
    title="THÔNG BÁO",
    subject="Kết quả Chỉ số cải cách hành chính năm 2023 của Sở Tư pháp",
    body=(
        Para(text="Ngày 08/4/2024, Sở Tư pháp tổ chức họp đánh giá kết quả Chỉ số cải cách "
             "hành chính năm 2023 do đồng chí Trần Thị Lan – Giám đốc Sở chủ trì."),
        Para(text="Chỉ số cải cách hành chính năm 2023 của Sở Tư pháp đạt 89,00 điểm, xếp loại "
             "Tốt, tăng 2,5 điểm so với năm 2022. Điểm các lĩnh vực như sau:"),
        ScoreTable(
            header=("Lĩnh vực", "Điểm tối đa", "Điểm thẩm định"),
            rows=(
                ("Công tác chỉ đạo điều hành cải cách hành chính", "15", "13,5"),
                ("Cải cách thể chế", "14", "12,25"),
                ("Cải cách thủ tục hành chính", "17", "15"),
                ("Cải cách tổ chức bộ máy hành chính nhà nước", "10", "9"),
                ("Cải cách chế độ công vụ", "12", "10,5"),
                ("Cải cách tài chính công", "12", "10,75"),
                ("Xây dựng chính quyền điện tử, chính quyền số", "20", "18"),
                ("Tổng cộng", "100", "89,00"),
            ),
            grade="Tốt",
            ruled=False,
            widths_cm=(9.6, 2.9, 3.5),
            font_size=11,
        ),
        Section(number="1", text="Nhiệm vụ thời gian tới:"),
        Bullet(text="Văn phòng Sở duy trì kết quả các lĩnh vực đạt điểm cao."),
        Bullet(text="Phòng Hành chính tư pháp nâng cao tỷ lệ hồ sơ trực tuyến toàn trình."),
    ),
    recipients=("- UBND tỉnh (b/c);", "- Sở Nội vụ;", "- Lưu: VT, VP."),
    authority=("GIÁM ĐỐC",),
    signer="Trần Thị Lan",
    running_header="Sở Tư pháp tỉnh Đồng Tháp – Thông báo số 112/TB-STP",
)

FILLER = (
    "Hội nghị đã nghe báo cáo tóm tắt kết quả tự đánh giá, chấm điểm các tiêu chí, tiêu chí "
    "thành phần; phân tích nguyên nhân các tiêu chí bị trừ điểm và thảo luận giải pháp khắc phục "
    "đối với từng lĩnh vực được giao cho các phòng, đơn vị thuộc Sở trong năm 2024."
)

PAGE_BREAK = NoticeSpec(
    name="table-over-page-break",
    parent="UBND TỈNH BẾN TRE",
    issuer="SỞ NỘI VỤ",
    number="Số: 245/TB-SNV",
    place_date="Bến Tre, ngày 10 tháng 4 năm 2024",
    title="THÔNG BÁO",
    subject="Kết quả Chỉ số cải cách hành chính năm 2023 của Sở Nội vụ",
    body=(
        Para(text="Ngày 05/4/2024, Sở Nội vụ tổ chức hội nghị đánh giá kết quả Chỉ số cải cách "
             "hành chính năm 2023 do đồng chí Lê Minh Tâm – Giám đốc Sở chủ trì."),
        *(Para(text=FILLER) for _ in range(5)),
        Para(text="Chỉ số cải cách hành chính năm 2023 của Sở Nội vụ đạt 88,5 điểm, xếp loại Tốt. "
             "Điểm các lĩnh vực như sau:"),
        ScoreTable(
            header=("Lĩnh vực", "Điểm tối đa", "Điểm thẩm định"),
            rows=(
                ("Công tác chỉ đạo điều hành cải cách hành chính", "15.5", "14"),
                ("Cải cách thể chế", "14", "12.5"),
                ("Cải cách thủ tục hành chính", "17.5", "15.25"),
                ("Cải cách tổ chức bộ máy hành chính nhà nước", "10", "9.5"),
                ("Cải cách chế độ công vụ", "12", "10.75"),
                ("Cải cách tài chính công", "11", "9.5"),
                ("Xây dựng và phát triển chính quyền điện tử, chính quyền số", "20", "17"),
                ("Tổng cộng điểm", "100", "88.5"),
            ),
            grade="Tốt",
        ),
        Section(number="1", text="Nhiệm vụ thời gian tới:"),
        Bullet(text="Các phòng chuyên môn duy trì kết quả các lĩnh vực đạt điểm cao."),
    ),
    recipients=("- UBND tỉnh (b/c);", "- Lưu: VT, VP."),
    authority=("GIÁM ĐỐC",),
    signer="Lê Minh Tâm",
    running_header="Sở Nội vụ tỉnh Bến Tre – Thông báo số 245/TB-SNV",
    space_before_table_cm=1.6,
)

# --------------------------------------------------------------------------- DOCX

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
SECTION_NUM_ID = 901  # multilevel decimal numbering: "1." and "3.1"
BULLET_NUM_ID = 902  # "-" bullets


def _w(tag: str) -> str:
    """Given a local name, return its WordprocessingML qualified name."""
    return f"{{{W_NS}}}{tag}"


def _abstract_num_xml(abstract_id: int, levels: tuple[tuple[str, str], ...]) -> str:
    """Given (numFmt, lvlText) per level, return a w:abstractNum element as XML text."""
    lvls = "".join(
        f'<w:lvl w:ilvl="{i}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/>'
        f'<w:lvlText w:val="{text}"/><w:lvlJc w:val="left"/>'
        f'<w:pPr><w:ind w:left="{360 * (i + 1)}" w:hanging="360"/></w:pPr></w:lvl>'
        for i, (fmt, text) in enumerate(levels)
    )
    return (f'<w:abstractNum xmlns:w="{W_NS}" w:abstractNumId="{abstract_id}">'
            f'<w:multiLevelType w:val="multilevel"/>{lvls}</w:abstractNum>')


def _add_numbering(document: object) -> None:
    """Given a python-docx Document, add the section and bullet numbering definitions."""
    from docx.oxml import parse_xml

    numbering = document.part.numbering_part.element  # type: ignore[attr-defined]
    sections = _abstract_num_xml(SECTION_NUM_ID, (("decimal", "%1."), ("decimal", "%1.%2")))
    bullets = _abstract_num_xml(BULLET_NUM_ID, (("bullet", "-"),))
    first_num = numbering.find(_w("num"))
    for xml in (sections, bullets):
        node = parse_xml(xml)
        if first_num is None:
            numbering.append(node)
        else:
            first_num.addprevious(node)
    for num_id in (SECTION_NUM_ID, BULLET_NUM_ID):
        numbering.append(parse_xml(
            f'<w:num xmlns:w="{W_NS}" w:numId="{num_id}">'
            f'<w:abstractNumId w:val="{num_id}"/></w:num>'
        ))


def _set_num(paragraph: object, num_id: int, level: int) -> None:
    """Given a paragraph, attach Word list numbering (w:numPr) to it."""
    from docx.oxml import parse_xml

    ppr = paragraph._p.get_or_add_pPr()  # type: ignore[attr-defined]
    ppr.insert(0, parse_xml(
        f'<w:numPr xmlns:w="{W_NS}"><w:ilvl w:val="{level}"/><w:numId w:val="{num_id}"/></w:numPr>'
    ))


def _add_run(paragraph: object, text: str, *, bold: bool = False, italic: bool = False,
             size: float = 13) -> None:
    """Given a paragraph, append a run in the Decree 30 font."""
    from docx.shared import Pt

    run = paragraph.add_run(text)  # type: ignore[attr-defined]
    run.font.name = WORD_FONT
    run.font.size = Pt(size)
    run.bold = bold or None
    run.italic = italic or None


def _cell_lines(cell: object, lines: tuple[tuple[str, bool, bool], ...]) -> None:
    """Given a table cell, write centred paragraphs of (text, bold, italic)."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    for i, (text, bold, italic) in enumerate(lines):
        paragraph = cell.paragraphs[0] if i == 0 else cell.add_paragraph()  # type: ignore[attr-defined]
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        if text:
            _add_run(paragraph, text, bold=bold, italic=italic, size=12.5)


def _no_borders(table: object) -> None:
    """Given a python-docx table, switch all its borders off explicitly."""
    from docx.oxml import parse_xml

    sides = "".join(f'<w:{s} w:val="nil"/>' for s in ("top", "left", "bottom", "right",
                                                      "insideH", "insideV"))
    table._tbl.tblPr.append(parse_xml(f'<w:tblBorders xmlns:w="{W_NS}">{sides}</w:tblBorders>'))  # type: ignore[attr-defined]


def _docx_header(document: object, spec: NoticeSpec) -> None:
    """Given a document, add the Decree 30 header block as a borderless 2×2 layout table."""
    table = document.add_table(rows=2, cols=2)  # type: ignore[attr-defined]
    _no_borders(table)
    _cell_lines(table.cell(0, 0), ((spec.parent, False, False), (spec.issuer, True, False)))
    _cell_lines(table.cell(0, 1), (("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", True, False),
                                   ("Độc lập - Tự do - Hạnh phúc", True, False)))
    _cell_lines(table.cell(1, 0), ((spec.number, False, False),))
    _cell_lines(table.cell(1, 1), ((spec.place_date, False, True),))


def _docx_title(document: object, spec: NoticeSpec) -> None:
    """Given a document, add the centred type name and trích yếu."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    for text in (spec.title, spec.subject):
        paragraph = document.add_paragraph()  # type: ignore[attr-defined]
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        _add_run(paragraph, text, bold=True, size=14 if text == spec.title else 13)


def _docx_table(document: object, table_spec: ScoreTable) -> None:
    """Given a score table spec, add a gridded Word table; the grade row is merged (gridSpan)."""
    rows = (table_spec.header, *table_spec.rows)
    n_rows = len(rows) + (1 if table_spec.grade else 0)
    table = document.add_table(rows=n_rows, cols=len(table_spec.header))  # type: ignore[attr-defined]
    table.style = "Table Grid"
    for r, values in enumerate(rows):
        for c, value in enumerate(values):
            _add_run(table.cell(r, c).paragraphs[0], value, bold=r == 0, size=12)
    if table_spec.grade:
        merged = table.cell(n_rows - 1, 0).merge(table.cell(n_rows - 1, len(table_spec.header) - 2))
        _add_run(merged.paragraphs[0], "Xếp loại", bold=True, size=12)
        _add_run(table.cell(n_rows - 1, len(table_spec.header) - 1).paragraphs[0],
                 table_spec.grade, bold=True, size=12)


def _docx_body_item(document: object, item: Para | Section | Bullet | ScoreTable) -> None:
    """Given one body item, add it: sections and bullets carry numbering, not typed markers."""
    if isinstance(item, ScoreTable):
        _docx_table(document, item)
        return
    paragraph = document.add_paragraph()  # type: ignore[attr-defined]
    if isinstance(item, Section):
        _set_num(paragraph, SECTION_NUM_ID, item.number.count("."))
        _add_run(paragraph, item.text, bold=True)
    elif isinstance(item, Bullet):
        _set_num(paragraph, BULLET_NUM_ID, 0)
        _add_run(paragraph, item.text)
    else:
        _add_run(paragraph, item.text, bold=item.bold)


def _docx_signature(document: object, spec: NoticeSpec) -> None:
    """Given a document, add "Nơi nhận" (left) and the signer (right, merged down: vMerge)."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    table = document.add_table(rows=2, cols=2)  # type: ignore[attr-defined]
    _no_borders(table)
    _add_run(table.cell(0, 0).paragraphs[0], "Nơi nhận:", bold=True, italic=True, size=12)
    left = table.cell(1, 0)
    for i, line in enumerate(spec.recipients):
        paragraph = left.paragraphs[0] if i == 0 else left.add_paragraph()
        _add_run(paragraph, line, size=11)
    right = table.cell(0, 1).merge(table.cell(1, 1))
    lines = tuple((a, True, False) for a in spec.authority)
    _cell_lines(right, (*lines, ("", False, False), ("", False, False), (spec.signer, True, False)))
    for paragraph in right.paragraphs:
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER


def _docx_footer(document: object, spec: NoticeSpec) -> None:
    """Given a document, add a running footer with a PAGE field."""
    from docx.oxml import parse_xml

    paragraph = document.sections[0].footer.paragraphs[0]  # type: ignore[attr-defined]
    _add_run(paragraph, spec.number.removeprefix("Số: ") + " – Trang ", size=10)
    paragraph._p.append(parse_xml(
        f'<w:fldSimple xmlns:w="{W_NS}" w:instr=" PAGE "><w:r><w:t>1</w:t></w:r></w:fldSimple>'
    ))


def _docx_setup(document: object) -> None:
    """Given a new document, set A4 Decree 30 margins and fixed core properties."""
    from docx.shared import Cm

    section = document.sections[0]  # type: ignore[attr-defined]
    section.page_width, section.page_height = Cm(21), Cm(29.7)
    section.top_margin, section.bottom_margin = Cm(2), Cm(2)
    section.left_margin, section.right_margin = Cm(3), Cm(2)
    props = document.core_properties  # type: ignore[attr-defined]
    props.author, props.last_modified_by = "parscore samples", "parscore samples"
    props.created = props.modified = props.last_printed = FIXED_TIME
    props.revision = 1


def build_docx(spec: NoticeSpec) -> bytes:
    """Given a notice spec, return the bytes of its Decree 30 Word file."""
    import docx

    document = docx.Document()
    _docx_setup(document)
    _add_numbering(document)
    _docx_header(document, spec)
    _docx_title(document, spec)
    for item in spec.body:
        _docx_body_item(document, item)
    _docx_signature(document, spec)
    _docx_footer(document, spec)
    buffer = io.BytesIO()
    document.save(buffer)
    return fixed_zip(buffer.getvalue())


def fixed_zip(data: bytes) -> bytes:
    """Given zip bytes, return the same archive with fixed member timestamps."""
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=ZIP_TIME)
            fixed.compress_type = zipfile.ZIP_DEFLATED
            target.writestr(fixed, source.read(info.filename))
    return out.getvalue()


# --------------------------------------------------------------------------- PDF


def _covers(font: object) -> bool:
    """Given a reportlab TTFont, return whether it has a glyph for every Vietnamese letter."""
    glyphs = font.face.charToGlyph  # type: ignore[attr-defined]
    return all(ord(c) in glyphs for c in VIETNAMESE_PROBE)


def register_fonts() -> None:
    """Register the Vietnamese TrueType faces found on this system with reportlab."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    for face, names in FONT_FILES.items():
        paths = (d / n for n in names for d in FONT_DIRS if (d / n).is_file())
        font = next((f for f in (TTFont(face, str(p)) for p in paths) if _covers(f)), None)
        if font is None:
            sys.exit(f"no TrueType font with Vietnamese glyphs for {face}: "
                     "apt-get install fonts-liberation2")
        pdfmetrics.registerFont(font)
    pdfmetrics.registerFontFamily("VN", normal="VN", bold="VN-Bold", italic="VN-Italic",
                                  boldItalic="VN-BoldItalic")


def _styles() -> dict[str, object]:
    """Return the paragraph styles of a printed notice."""
    from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT
    from reportlab.lib.styles import ParagraphStyle

    base = ParagraphStyle("body", fontName="VN", fontSize=13, leading=17, alignment=TA_JUSTIFY,
                          firstLineIndent=1 * CM, spaceAfter=4)
    return {
        "body": base,
        "plain": ParagraphStyle("plain", parent=base, firstLineIndent=0),
        "section": ParagraphStyle("section", parent=base, fontName="VN-Bold"),
        "bullet": ParagraphStyle("bullet", parent=base),
        "head": ParagraphStyle("head", parent=base, fontSize=12, leading=15, alignment=TA_CENTER,
                               firstLineIndent=0, spaceAfter=0),
        "title": ParagraphStyle("title", parent=base, fontName="VN-Bold", fontSize=14,
                                alignment=TA_CENTER, firstLineIndent=0, spaceBefore=14),
        "subject": ParagraphStyle("subject", parent=base, fontName="VN-Bold",
                                  alignment=TA_CENTER, firstLineIndent=0, spaceAfter=10),
        "cell": ParagraphStyle("cell", parent=base, fontSize=12, leading=15, alignment=TA_LEFT,
                               firstLineIndent=0, spaceAfter=0),
        "num": ParagraphStyle("num", parent=base, fontSize=12, leading=15, alignment=TA_CENTER,
                              firstLineIndent=0, spaceAfter=0),
        "small": ParagraphStyle("small", parent=base, fontSize=11, leading=14, alignment=TA_LEFT,
                                firstLineIndent=0, spaceAfter=0),
    }


def _p(text: str, style: object, *, bold: bool = False, italic: bool = False) -> object:
    """Given text and a style, return a reportlab Paragraph with escaped text."""
    from reportlab.platypus import Paragraph

    markup = escape(text)
    markup = f"<b>{markup}</b>" if bold else markup
    return Paragraph(f"<i>{markup}</i>" if italic else markup, style)


def _layout_table(left: list[object], right: list[object], widths: tuple[float, float]) -> object:
    """Given two columns of flowables, return a borderless two-column reportlab Table."""
    from reportlab.platypus import Table, TableStyle

    table = Table([[left, right]], colWidths=[w * CM for w in widths])
    table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"),
                               ("LEFTPADDING", (0, 0), (-1, -1), 0),
                               ("RIGHTPADDING", (0, 0), (-1, -1), 0)]))
    return table


def _pdf_header(spec: NoticeSpec, st: dict[str, object]) -> list[object]:
    """Given a spec, return the two-column Decree 30 header, the type name and trích yếu."""
    left = [_p(spec.parent, st["head"]), _p(spec.issuer, st["head"], bold=True),
            _p(spec.number, st["head"])]
    right = [_p("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", st["head"], bold=True),
             _p("Độc lập - Tự do - Hạnh phúc", st["head"], bold=True),
             _p(spec.place_date, st["head"], italic=True)]
    return [_layout_table(left, right, (6.0, 10.0)), _p(spec.title, st["title"]),
            _p(spec.subject, st["subject"])]


def _pdf_table(table_spec: ScoreTable, st: dict[str, object]) -> object:
    """Given a score table spec, return a reportlab Table (ruled or not; grade row spanned)."""
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import Table, TableStyle

    size = table_spec.font_size
    label, num = (ParagraphStyle(f"{k}{size}", parent=st[k], fontSize=size, leading=size * 1.25)
                  for k in ("cell", "num"))
    rows: list[list[object]] = [[_p(v, label, bold=True) for v in table_spec.header]]
    rows += [[_p(v, num if c else label) for c, v in enumerate(values)]
             for values in table_spec.rows]
    valign = "MIDDLE" if table_spec.ruled else "TOP"
    commands: list[tuple[object, ...]] = [("VALIGN", (0, 0), (-1, -1), valign)]
    if table_spec.grade:
        n = len(table_spec.header)
        rows.append([_p("Xếp loại", label, bold=True), *[""] * (n - 2),
                     _p(table_spec.grade, num, bold=True)])
        commands.append(("SPAN", (0, len(rows) - 1), (n - 2, len(rows) - 1)))
    if table_spec.ruled:
        commands.append(("GRID", (0, 0), (-1, -1), 0.6, "black"))
    table = Table(rows, colWidths=[w * CM for w in table_spec.widths_cm], repeatRows=1,
                  spaceAfter=8)
    table.setStyle(TableStyle(commands))
    return table


def _pdf_item(item: Para | Section | Bullet | ScoreTable, st: dict[str, object]) -> object:
    """Given one body item, return its flowable; markers are typed text in a PDF."""
    if isinstance(item, ScoreTable):
        return _pdf_table(item, st)
    if isinstance(item, Section):
        number = item.number + ("." if "." not in item.number else "")
        return _p(f"{number} {item.text}", st["section"])
    if isinstance(item, Bullet):
        return _p(f"- {item.text}", st["bullet"])
    return _p(item.text, st["body"] if item.indent else st["plain"], bold=item.bold)


def _pdf_signature(spec: NoticeSpec, st: dict[str, object]) -> list[object]:
    """Given a spec, return the "Nơi nhận" list (left) beside the signer block (right)."""
    from reportlab.platypus import Spacer

    left = [_p("Nơi nhận:", st["small"], bold=True, italic=True),
            *(_p(line, st["small"]) for line in spec.recipients)]
    right = [*(_p(a, st["head"], bold=True) for a in spec.authority), Spacer(1, 1.8 * CM),
             _p(spec.signer, st["head"], bold=True)]
    return [Spacer(1, 0.5 * CM), _layout_table(left, right, (7.0, 9.0))]


def _story(spec: NoticeSpec) -> list[object]:
    """Given a spec, return the reportlab flowables of the whole notice."""
    from reportlab.platypus import Spacer

    st = _styles()
    story = _pdf_header(spec, st)
    for item in spec.body:
        if isinstance(item, ScoreTable) and spec.space_before_table_cm:
            story.append(Spacer(1, spec.space_before_table_cm * CM))
        story.append(_pdf_item(item, st))
    return story + _pdf_signature(spec, st)


def _page_decorator(spec: NoticeSpec, total: int) -> object:
    """Given a spec and the page count, return an onPage callback drawing header and footer."""

    def decorate(canvas: object, doc: object) -> None:
        canvas.saveState()  # type: ignore[attr-defined]
        canvas.setFont("VN-Italic", 9)  # type: ignore[attr-defined]
        canvas.drawCentredString(11.5 * CM, 28.4 * CM, spec.running_header)  # type: ignore[attr-defined]
        canvas.setFont("VN", 10)  # type: ignore[attr-defined]
        canvas.drawCentredString(11.5 * CM, 1.0 * CM, f"Trang {doc.page}/{total}")  # type: ignore[attr-defined]
        canvas.restoreState()  # type: ignore[attr-defined]

    return decorate


def build_pdf(spec: NoticeSpec) -> bytes:
    """Given a spec, return the bytes of the printed notice (two passes for "Trang n/N")."""
    from reportlab import rl_config
    from reportlab.lib.pagesizes import A4
    from reportlab.platypus import SimpleDocTemplate

    rl_config.invariant = 1
    total = 1
    for _ in range(2):
        buffer = io.BytesIO()
        doc = SimpleDocTemplate(buffer, pagesize=A4, leftMargin=3 * CM, rightMargin=2 * CM,
                                topMargin=2 * CM, bottomMargin=2 * CM, title=spec.subject,
                                author="parscore samples", creator="parscore samples")
        decorate = _page_decorator(spec, total)
        doc.build(_story(spec), onFirstPage=decorate, onLaterPages=decorate)
        total = doc.page
    return buffer.getvalue()


# --------------------------------------------------------------------------- scan


def _noisy(image: object, rng: random.Random) -> object:
    """Given a greyscale page image, return it with uniform noise and black speckles."""
    from PIL import Image

    width, height = image.size  # type: ignore[attr-defined]
    noise = bytes(rng.randrange(256) for _ in range(4096))
    tile = Image.frombytes("L", (64, 64), noise).resize((width, height), Image.Resampling.NEAREST)
    out = Image.blend(image, tile, SCAN_NOISE / 255)  # type: ignore[arg-type]
    pixels = out.load()
    for _ in range(int(width * height * SCAN_SPECKLE)):
        pixels[rng.randrange(width), rng.randrange(height)] = rng.randrange(40)
    return out


def scan_pages(pdf_bytes: bytes, dpi: int = SCAN_DPI, angle: float = SCAN_ANGLE) -> list[Any]:
    """Given a text PDF, return its pages as scanned: greyscale images, rotated, noisy."""
    import pypdfium2 as pdfium
    from PIL import Image

    rng = random.Random(SCAN_SEED)
    pages = []
    pdf = pdfium.PdfDocument(pdf_bytes)
    for page in pdf:
        image = page.render(scale=dpi / 72, grayscale=True).to_pil().convert("L")
        image = image.rotate(angle, resample=Image.Resampling.BICUBIC, fillcolor=255)
        pages.append(_noisy(image, rng))
    pdf.close()
    return pages


def image_pdf(pages: list[Any], dpi: int) -> bytes:
    """Given page images, return an image-only PDF of them (JPEG, fixed metadata)."""
    out = io.BytesIO()
    pages[0].save(out, "PDF", save_all=True, append_images=pages[1:], resolution=dpi,
                  quality=60, title="scan", producer="parscore samples", author="",
                  creationDate=FIXED_TIME.timetuple(), modDate=FIXED_TIME.timetuple())
    return out.getvalue()


def build_scan(pdf_bytes: bytes, dpi: int = SCAN_DPI, angle: float = SCAN_ANGLE) -> bytes:
    """Given a text PDF, return an image-only PDF of its pages: grey, rotated, noisy."""
    return image_pdf(scan_pages(pdf_bytes, dpi, angle), dpi)


def settled(pdf_bytes: bytes) -> bytes:
    """Given a PDF saved by PDFium, return it with its creation date and file ID fixed (same
    lengths, so the cross-reference offsets stay right): PDFium writes the clock and a random
    ID, and samples must come out byte-identical."""
    import hashlib
    import re

    stamp = FIXED_TIME.strftime("D:%Y%m%d%H%M%S+00'00'").encode("ascii")
    id_pattern = re.compile(rb"/ID\s*\[<[0-9A-Fa-f]{32}><[0-9A-Fa-f]{32}>\]")
    out = re.sub(rb"D:\d{14}\+00'00'", stamp, pdf_bytes)
    content = id_pattern.sub(b"", out)
    ident = hashlib.md5(content, usedforsecurity=False).hexdigest().upper().encode("ascii")
    return id_pattern.sub(b"/ID[<" + ident + b"><" + ident + b">]", out)


def with_rotation(pdf_bytes: bytes, rotations: dict[int, int]) -> bytes:
    """Given a PDF and page index → /Rotate, return the PDF with those pages' /Rotate set."""
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(pdf_bytes)
    for index, degrees in rotations.items():
        pdf[index].set_rotation(degrees)
    out = io.BytesIO()
    pdf.save(out)
    pdf.close()
    return settled(out.getvalue())


def build_turned_scan(pdf_bytes: bytes) -> bytes:
    """Given a text PDF, return its scan as fed the wrong way: page 1 stored sideways with
    /Rotate 90 to show it upright (the scanner said so), page 2 upside down and page 3
    sideways with no /Rotate at all (nobody said so)."""
    from PIL import Image

    turns = (Image.Transpose.ROTATE_90, Image.Transpose.ROTATE_180, Image.Transpose.ROTATE_270)
    pages = [page.transpose(turn) for page, turn in zip(scan_pages(pdf_bytes), turns, strict=True)]
    return with_rotation(image_pdf(pages, SCAN_DPI), {0: 90})


def build_mojibake(text: bytes) -> bytes:
    """Given UTF-8 text, return it as a tool that read it as Windows-1252 (its five undefined
    bytes replaced by U+FFFD) and saved it as UTF-8 would: "Káº¿t quáº£ há»�p"."""
    return text.decode("cp1252", errors="replace").encode("utf-8")


def build_turned_pdf(pdf_bytes: bytes) -> bytes:
    """Given a text PDF, return it with each page's content stored turned a quarter
    counter-clockwise inside a form XObject on a landscape page, shown upright by /Rotate 90
    (how landscape exports and some print drivers store pages)."""
    import pypdfium2 as pdfium

    src, dst = pdfium.PdfDocument(pdf_bytes), pdfium.PdfDocument.new()
    for index in range(len(src)):
        width, height = src[index].get_size()
        page = dst.new_page(height, width)
        content = src.page_as_xobject(index, dst).as_pageobject()
        content.transform(pdfium.PdfMatrix(0, 1, -1, 0, height, 0))  # (x, y) → (h − y, x)
        page.insert_obj(content)
        page.gen_content()
        page.set_rotation(90)
    out = io.BytesIO()
    dst.save(out)
    return settled(out.getvalue())


# --------------------------------------------------------------------------- main


def _write(name: str, data: bytes) -> None:
    """Given a file name and bytes, write them into samples/ and say so."""
    (SAMPLES / name).write_bytes(data)
    print(f"samples/{name}: {len(data):,} bytes")


def main() -> int:
    """Write every binary sample; return the process exit code."""
    SAMPLES.mkdir(exist_ok=True)
    register_fonts()
    seed_pdf = build_pdf(SEED)
    _write(f"{SEED.name}.docx", build_docx(SEED))
    _write(f"{SEED.name}.pdf", seed_pdf)
    _write(f"{SEED.name}-scan.pdf", build_scan(seed_pdf))
    dpi, angle = ROUGH_SCAN
    _write(f"{SEED.name}-scan-{dpi}dpi.pdf", build_scan(seed_pdf, dpi, angle))
    _write(f"{SEED.name}-scan-turned.pdf", build_turned_scan(seed_pdf))
    _write(f"{SEED.name}-turned.pdf", build_turned_pdf(seed_pdf))
    _write(f"{SEED.name}-mojibake.txt", build_mojibake((SAMPLES / f"{SEED.name}.txt").read_bytes()))
    _write(f"{BORDERLESS.name}.pdf", build_pdf(BORDERLESS))
    _write(f"{PAGE_BREAK.name}.pdf", build_pdf(copy.copy(PAGE_BREAK)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
