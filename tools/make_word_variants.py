# ruff: noqa: E501  (one-line XML templates)
"""How tests/fixtures/lo-lists-frames.doc, lo-cell-breaks.doc and lo-tracked-boxes.{doc,rtf,odt}
were made (run once, by hand).

All hold only text composed here. Each is written as WordprocessingML by hand (automatic
list numbers from numbering.xml, a header laid out in Word frames, in text boxes or in a
table cell with line breaks, tracked changes left in), then LibreOffice saves it as Word
97–2003 (and the tracked one as RTF and ODT too):

    .venv/bin/python tools/make_word_variants.py tests/fixtures

LibreOffice keeps the frames as text boxes (their text in the boxes story, anchored at the
top of the main text) and writes each list's first paragraph under a list of its own.
"""

from __future__ import annotations

import re
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path
from xml.sax.saxutils import escape

W = ('xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
     'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
     'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
     'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"')
MOTTO = ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc")
#: The lists: decimal "1." over lowerLetter "a)"; "Điều 1."; a "-" bullet.
LEVELS = {
    0: [("decimal", "%1."), ("lowerLetter", "%2)")],
    1: [("decimal", "Điều %1.")],
    2: [("bullet", "-")],
}


def run(text: str) -> str:
    """Given text with "\\n" for line breaks and "[-…-]" / "[+…+]" for a tracked deletion /
    insertion, return its runs."""
    parts = []
    for piece in re.split(r"(\[[-+].*?[-+]\])", text):
        kind, piece = (piece[1], piece[2:-2]) if piece[:2] in ("[-", "[+") else ("", piece)
        tag = "w:delText" if kind == "-" else "w:t"
        runs = "<w:r><w:br/></w:r>".join(f'<w:r><{tag} xml:space="preserve">{escape(p)}</{tag}></w:r>'
                                          for p in piece.split("\n"))
        mark = {"-": "w:del", "+": "w:ins"}.get(kind)
        parts.append(f'<{mark} w:id="{len(parts)}" w:author="CV" w:date="2026-11-20T08:00:00Z">{runs}</{mark}>'
                     if mark else runs)
    return "".join(parts)


def textbox(lines: list[str], x_cm: float, width_cm: float) -> str:
    """Given a box's lines, its left and width (cm), return a run anchoring a text box."""
    emu = int(x_cm * 360000), int(width_cm * 360000), 900000
    inner = "".join(para(line) for line in lines)
    return (f'<w:r><w:drawing><wp:anchor simplePos="0" relativeHeight="1" behindDoc="0" locked="0" '
            f'layoutInCell="1" allowOverlap="1"><wp:simplePos x="0" y="0"/><wp:positionH relativeFrom="margin">'
            f'<wp:posOffset>{emu[0]}</wp:posOffset></wp:positionH><wp:positionV relativeFrom="paragraph">'
            f'<wp:posOffset>0</wp:posOffset></wp:positionV><wp:extent cx="{emu[1]}" cy="{emu[2]}"/><wp:wrapNone/>'
            f'<wp:docPr id="{int(x_cm) + 1}" name="Box"/><a:graphic><a:graphicData '
            f'uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"><wps:wsp><wps:cNvSpPr txBox="1"/>'
            f'<wps:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="{emu[1]}" cy="{emu[2]}"/></a:xfrm>'
            f'<a:prstGeom prst="rect"><a:avLst/></a:prstGeom></wps:spPr><wps:txbx><w:txbxContent>{inner}'
            f'</w:txbxContent></wps:txbx><wps:bodyPr/></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></w:r>')


def para(text: str, num: tuple[int, int] | None = None, frame: int | None = None) -> str:
    """Given text, an optional (numId, ilvl) and an optional frame's x (twips), return a w:p."""
    ppr = ""
    if frame is not None:
        ppr += f'<w:framePr w:w="4200" w:hSpace="180" w:wrap="around" w:vAnchor="text" w:hAnchor="margin" w:x="{frame}" w:y="1"/>'
    if num:
        ppr += f'<w:numPr><w:ilvl w:val="{num[1]}"/><w:numId w:val="{num[0]}"/></w:numPr>'
    return f"<w:p><w:pPr>{ppr}</w:pPr>{run(text)}</w:p>"


def table(cells: list[str]) -> str:
    """Given one row's cell texts, return a borderless one-row table."""
    tcs = "".join(f'<w:tc><w:tcPr><w:tcW w:w="4500" w:type="dxa"/></w:tcPr>{para(c)}</w:tc>' for c in cells)
    nil = "".join(f'<w:{s} w:val="nil"/>' for s in ("top", "left", "bottom", "right", "insideH", "insideV"))
    return f'<w:tbl><w:tblPr><w:tblBorders>{nil}</w:tblBorders></w:tblPr><w:tblGrid><w:gridCol w:w="4500"/><w:gridCol w:w="4500"/></w:tblGrid><w:tr>{tcs}</w:tr></w:tbl>'


def numbering(lists: list[int]) -> str:
    """Given the abstract list of each numId (1-based, in order), return numbering.xml."""
    absx = "".join(
        f'<w:abstractNum w:abstractNumId="{a}">'
        + "".join(f'<w:lvl w:ilvl="{i}"><w:start w:val="1"/><w:numFmt w:val="{f}"/><w:lvlText w:val="{escape(t)}"/></w:lvl>'
                  for i, (f, t) in enumerate(levels))
        + "</w:abstractNum>"
        for a, levels in LEVELS.items()
    )
    nums = "".join(f'<w:num w:numId="{i + 1}"><w:abstractNumId w:val="{a}"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>'
                   for i, a in enumerate(lists))
    return f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:numbering {W}>{absx}{nums}</w:numbering>'


def docx(path: Path, body: list[str], lists: list[int]) -> None:
    """Given a path, body XML pieces and the lists' abstract ids, write a .docx."""
    rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("[Content_Types].xml", '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/></Types>')
        z.writestr("_rels/.rels", f'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="r1" Type="{rel}/officeDocument" Target="word/document.xml"/></Relationships>')
        z.writestr("word/_rels/document.xml.rels", f'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="r1" Type="{rel}/numbering" Target="numbering.xml"/></Relationships>')
        z.writestr("word/numbering.xml", numbering(lists))
        z.writestr("word/document.xml", f'<?xml version="1.0" encoding="UTF-8"?><w:document {W}><w:body>{"".join(body)}</w:body></w:document>')


def lists_and_frames() -> tuple[list[str], list[int]]:
    """An official letter of a department: header in frames, a "-" list, "1." with "a)"
    under it, and a decision-like "Điều" list further down."""
    body = [para("UBND TỈNH YÊN BÁI", frame=0), para("SỞ TÀI CHÍNH", frame=0),
            para("Số: 812/STC-HCSN\nV/v rà soát kinh phí số hóa hồ sơ", frame=0),
            para(MOTTO[0], frame=4600), para(MOTTO[1], frame=4600),
            para("Yên Bái, ngày 09 tháng 9 năm 2026", frame=4600),
            para("Kính gửi:"), para("Văn phòng UBND tỉnh;", (1, 0)), para("Các huyện, thị xã, thành phố.", (1, 0)),
            para("Sở Tài chính đề nghị các cơ quan thực hiện các nội dung sau:"),
            para("Văn phòng UBND tỉnh:", (2, 0)),
            para("Tổng hợp nhu cầu máy quét của Trung tâm Phục vụ hành chính công;", (2, 1)),
            para("Gửi dự toán trước ngày 25/9/2026.", (2, 1)),
            para("Các huyện, thị xã, thành phố báo cáo số hồ sơ tồn đọng chưa số hóa.", (2, 0)),
            para("Kho bạc Nhà nước khu vực phối hợp kiểm soát chi.", (2, 0)),
            para("Dự thảo quyết định kèm theo gồm:"),
            para("Phạm vi áp dụng", (3, 0)), para("Mức chi cho một hồ sơ", (3, 0)), para("Tổ chức thực hiện", (3, 0))]
    return body, [2, 0, 1]


def cell_breaks() -> tuple[list[str], list[int]]:
    """A district's notice: the header in one table row, each cell one paragraph of lines."""
    body = [table(["ỦY BAN NHÂN DÂN\nHUYỆN VĂN CHẤN\n--------\nSố: 57/TB-UBND\nV/v lịch tiếp công dân quý IV năm 2026",
                   f"{MOTTO[0]}\n{MOTTO[1]}\n----------\nVăn Chấn, ngày 02 tháng 10 năm 2026"]),
            para("Ủy ban nhân dân huyện thông báo lịch tiếp công dân định kỳ như sau:"),
            para("Chủ tịch UBND huyện tiếp công dân vào ngày 15 hằng tháng.")]
    return body, []


def tracked_boxes() -> tuple[list[str], list[int]]:
    """A district's letter: the header in two text boxes, tracked edits in its date and text."""
    left = textbox(["ỦY BAN NHÂN DÂN", "HUYỆN MƯỜNG LA", "-------", "Số: 301/UBND-VP"], 0, 6)
    right = textbox([MOTTO[0], MOTTO[1], "Mường La, ngày [-20-][+21+] tháng 11 năm 2026"], 6.5, 9.5)
    body = [f"<w:p>{left}{right}</w:p>", para(""), para(""), para(""),
            para("Kính gửi: Các cơ quan, đơn vị thuộc UBND huyện."),
            para("Phòng Nội vụ [-nghiên cứu-][+khẩn trương+] rà soát hồ sơ công chức cấp xã."),
            para("Văn phòng HĐND và UBND huyện theo dõi, đôn đốc thực hiện.")]
    return body, []


FIXTURES = (("lo-lists-frames", lists_and_frames, ("doc:MS Word 97",)),
            ("lo-cell-breaks", cell_breaks, ("doc:MS Word 97",)),
            ("lo-tracked-boxes", tracked_boxes, ("doc:MS Word 97", "rtf:Rich Text Format", "odt:writer8")))


def main(out: Path) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        for name, make, targets in FIXTURES:
            source = Path(tmp) / f"{name}.docx"
            docx(source, *make())
            for target in targets:
                subprocess.run(["soffice", f"-env:UserInstallation=file://{tmp}/profile", "--headless",
                                "--convert-to", target, "--outdir", str(out), str(source)],
                               check=True, capture_output=True, timeout=180)


if __name__ == "__main__":
    main(Path(sys.argv[1]))
