"""How tests/fixtures/lo-page-header.{doc,odt,rtf} were made (run once, by hand).

The text is composed here. python-docx writes a Word file whose Decree 30 header (issuer |
motto, number | place and date) is a borderless table in the FIRST-PAGE page header
(titlePg), while the every-page header only holds a running line; the body starts at the
title. LibreOffice then saves it as Word 97–2003, ODT and RTF:

    .venv/bin/python tools/make_page_header_variants.py tests/fixtures

Word keeps such a header in the header story (.doc), LibreOffice in a master page's header
(styles.xml of the .odt) and in ``{\\headerf …}`` groups of its page style table (.rtf).
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

import docx
from docx.shared import Cm

MOTTO = ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc")
LEFT = ("UỶ BAN NHÂN DÂN", "HUYỆN ĐIỆN BIÊN ĐÔNG", "-----", "Số: 418/UBND-VP")
RIGHT = (*MOTTO, "----------", "Điện Biên Đông, ngày 17 tháng 4 năm 2025")
BODY = (
    "THÔNG BÁO",
    "Kết luận của Chủ tịch UBND huyện tại buổi kiểm tra công tác một cửa",
    "Sau khi kiểm tra, Chủ tịch UBND huyện yêu cầu:",
    "1. Phòng Nội vụ hướng dẫn các xã niêm yết thủ tục hành chính đúng quy định.",
    "2. Văn phòng HĐND và UBND huyện theo dõi việc trả kết quả đúng hẹn.",
)


def header_docx(path: Path) -> None:
    """Given a path, write the Word file: the header table in the first-page header."""
    document = docx.Document()
    section = document.sections[0]
    section.different_first_page_header_footer = True
    section.header.paragraphs[0].text = "Thông báo số 418 - trang sau"
    table = section.first_page_header.add_table(rows=1, cols=2, width=Cm(16))
    for cell, lines in zip(table.rows[0].cells, (LEFT, RIGHT), strict=True):
        cell.paragraphs[0].text = lines[0]
        for line in lines[1:]:
            cell.add_paragraph(line)
    for text in BODY:
        document.add_paragraph(text)
    document.add_page_break()
    document.add_paragraph("Văn phòng HĐND và UBND huyện thông báo để các cơ quan biết./.")
    document.save(str(path))


def main(out: Path) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        source = Path(tmp) / "lo-page-header.docx"
        header_docx(source)
        for target in ("doc:MS Word 97", "odt:writer8", "rtf:Rich Text Format"):
            subprocess.run(["soffice", f"-env:UserInstallation=file://{tmp}/profile", "--headless",
                            "--convert-to", target, "--outdir", str(out), str(source)],
                           check=True, capture_output=True, timeout=180)


if __name__ == "__main__":
    main(Path(sys.argv[1]))
