"""Make samples/renderings/: three notices as other tools write and print them (run by hand).

parscore's own samples (tools/make_samples.py) are all written by one script: python-docx and
reportlab. Archives are not. This tool hands the same notices to independent toolchains and
commits what they make, so that the tests (tests/test_renderings.py) need none of them:

======================================  =====================================================
file                                    made by
======================================  =====================================================
``NAME.lo.docx``                        LibreOffice Writer: our Decree 30 HTML → ODT →
                                        DOCX ("MS Word 2007 XML" filter)
``NAME.lo.pdf``                         LibreOffice Writer: that ODT printed to PDF
                                        (writer_pdf_Export)
``NAME.portal.lo.pdf``                  LibreOffice Writer/Web: the portal HTML page printed to
                                        PDF (writer_web_pdf_Export), as an office suite does;
                                        for a page LibreOffice cannot lay out whole
                                        (``CLIPPED``), the article copied from the page into
                                        Writer and exported (writer_pdf_Export): see below
``NAME.portal.chromium.pdf``            headless Chromium ``--print-to-pdf`` of the portal
                                        page (or of the Decree 30 HTML when the notice has no
                                        portal page), WITH the browser's header and footer
                                        lines: date, title, file URL, page "1/2"
``NAME.*.scanDPI.pdf``                  a scanner-like degradation of one of those PDFs
                                        (pypdfium2 raster at DPI dpi, greyscale, ±2° skew,
                                        uneven lighting, noise and speckles, a red round
                                        stamp over the signature, JPEG artefacts at low
                                        quality), written as an image-only PDF by Pillow
``plain/NAME.lo.pdf``, ``.lo.docx``     LibreOffice Writer: a plain text file (a news item
                                        as a portal's text, ``PLAIN``) opened as text
                                        (UTF-8) → ODT → PDF and DOCX: no paragraph spacing, no
                                        indents, ragged right, as a clerk files a copied text;
                                        and a scan of one such PDF (``PLAIN_SCANS``, no seal)
======================================  =====================================================

Each notice has a text twin under samples/ (``TWINS``): the test compares every rendering's
parse with its twin's, field by field. The Decree 30 HTML is generated here from
``NoticeSpec`` data (tools/make_samples.py holds the seed's), with a closing formula
("Trên đây là …") and the "Nơi nhận" list beside the signature, as real notices have.

Why a portal page can need the second route: LibreOffice's HTML import makes a ``<div>``
with an ``id`` a Writer *section*, and Writer 7.4 does not reliably let a section flow from a
table cell on to the next page (a table inside such a section never splits:
sw/source/core/layout/sectfrm.cxx, "table in section in table: split disabled for now"). The
seed's portal page, like the ASP.NET portals it stands for, lays the page out in a table and
holds the article in ``<div id="ctl00_…">`` inside the table's main cell: that cell's row
ends at the foot of page 2 and the rest of the article (from its part 3 on: tasks, chair,
closing) is never laid out. Writer/Web's PDF, Writer's (HTML (StarWriter) filter) and an ODT
saved from either all stop there; without the ``id`` or without the layout table the same
page prints whole (moving the score table out of the ``<div>`` is not enough); a DOCX saved
from it keeps the text but cuts the 1000-pixel-wide layout at the page's right edge, words
and all. The page is legitimate, so it is not changed: what a user does to file such a page
from an office suite is to select the article in the browser, from its title to its last
line, copy it into Writer and export the PDF, and that is what ``article_html`` hands
LibreOffice (the markup of the selected elements, as a browser puts a selection on the
clipboard, less the inline styles it adds).

Run ``python -m tools.make_renderings`` from the repository root (needs ``soffice`` and
``chromium`` on PATH). LibreOffice and Chromium stamp their own dates and IDs into what they
write, so a rerun does not give identical bytes; the files are generated once and committed.
"""

from __future__ import annotations

import html
import io
import random
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tools.make_samples import (
    SEED,
    Bullet,
    NoticeSpec,
    Para,
    ScoreTable,
    Section,
)

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
OUT = SAMPLES / "renderings"
TIMEOUT_S = 180
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_FLAGS = (
    "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
)
SEED_RNG = 2024

# --------------------------------------------------------------------------- notices

SEED_CLOSING = Para(text="Trên đây là thông báo kết quả cuộc họp, đề nghị các phòng, đơn vị "
                    "thuộc Sở nghiêm túc triển khai thực hiện./.")

SCT = NoticeSpec(
    name="sct-245",
    parent="UBND TỈNH BÌNH PHƯỚC",
    issuer="SỞ CÔNG THƯƠNG",
    number="Số: 245/TB-SCT",
    place_date="Bình Phước, ngày 20 tháng 02 năm 2024",
    title="THÔNG BÁO",
    subject="Kết quả Chỉ số cải cách hành chính năm 2023 của Sở Công Thương",
    body=(
        Para(text="Ngày 06/02/2024, Sở Công Thương tổ chức họp đánh giá kết quả Chỉ số cải cách "
             "hành chính do ông Phạm Quốc Bảo – Giám đốc Sở chủ trì."),
        Para(text="Chỉ số cải cách hành chính năm 2023 của Sở Công Thương đạt 81,2 điểm, xếp "
             "loại Tốt, giảm 0,85 điểm so với năm 2022. Kết quả từng lĩnh vực như sau:"),
        ScoreTable(
            header=("Lĩnh vực", "Điểm tối đa", "Điểm đạt", "Chỉ số (%)"),
            rows=(
                ("Công tác chỉ đạo, điều hành cải cách hành chính", "12", "10,5", "87,5"),
                ("Cải cách thể chế", "13", "11,7", "90"),
                ("Cải cách thủ tục hành chính", "18", "14,4", "80"),
                ("Cải cách tổ chức bộ máy hành chính nhà nước", "10", "9", "90"),
                ("Cải cách chế độ công vụ", "14", "11,2", "80"),
                ("Cải cách tài chính công", "13", "9,75", "75"),
                ("Xây dựng và phát triển chính quyền điện tử, chính quyền số", "20", "14,65",
                 "73,25"),
                ("Tổng cộng", "100", "81,2", "81,2"),
            ),
        ),
        Section(number="1", text="Kết quả đạt được:"),
        Para(text="Công tác chỉ đạo, điều hành được quan tâm; các kế hoạch được ban hành kịp "
             "thời; không có hồ sơ trễ hạn."),
        Section(number="2", text="Tồn tại, hạn chế:"),
        Para(text="Cải cách tài chính công và chuyển đổi số còn nhiều hạn chế; chưa có sáng "
             "kiến cải cách hành chính được công nhận."),
        Section(number="3", text="Nhiệm vụ, giải pháp năm 2024:"),
        Section(number="3.1", text="Phòng Kế hoạch - Tài chính:"),
        Bullet(text="Rà soát, hoàn thiện phương án tự chủ tài chính của các đơn vị sự nghiệp "
               "trực thuộc."),
        Section(number="3.2", text="Văn phòng Sở:"),
        Bullet(text="Triển khai nền tảng số dùng chung, số hóa 100% hồ sơ thủ tục hành chính "
               "tiếp nhận trong năm 2024."),
        Bullet(text="Chủ trì xây dựng ít nhất 01 sáng kiến cải cách hành chính."),
        Para(text="Trên đây là kết quả Chỉ số cải cách hành chính năm 2023 và nhiệm vụ năm 2024, "
             "Sở Công Thương thông báo để các phòng biết, thực hiện./."),
    ),
    recipients=("- UBND tỉnh (b/c);", "- Sở Nội vụ;", "- Các phòng thuộc Sở;", "- Lưu: VT."),
    authority=("GIÁM ĐỐC",),
    signer="Phạm Quốc Bảo",
    running_header="",
)

STP = NoticeSpec(
    name="stp-112",
    parent="UBND TỈNH HÀ NAM",
    issuer="SỞ TƯ PHÁP",
    number="Số: 112/TB-STP",
    place_date="Hà Nam, ngày 15 tháng 02 năm 2023",
    title="THÔNG BÁO",
    subject="Kết quả xác định Chỉ số cải cách hành chính năm 2022 của Sở Tư pháp",
    body=(
        Para(text="Ngày 08/02/2023, Sở Tư pháp tổ chức hội nghị quán triệt kết quả Chỉ số cải "
             "cách hành chính do đồng chí Lê Thị Thu Hà, Giám đốc Sở chủ trì."),
        Para(text="Theo Quyết định công bố của Ủy ban nhân dân tỉnh, Chỉ số cải cách hành chính "
             "năm 2022 của Sở Tư pháp đạt 85,47 điểm, xếp loại Tốt, tăng 1,25 điểm so với năm "
             "2021. Kết quả cụ thể như sau:"),
        ScoreTable(
            header=("TT", "Lĩnh vực", "Điểm tối đa", "Điểm tự đánh giá", "Điểm thẩm định"),
            rows=(
                ("1", "Công tác chỉ đạo, điều hành cải cách hành chính", "12", "11,5", "11"),
                ("2", "Cải cách thể chế", "15", "14,25", "13,75"),
                ("3", "Cải cách thủ tục hành chính", "16", "14,5", "13,72"),
                ("4", "Cải cách tổ chức bộ máy hành chính nhà nước", "10", "9,5", "9"),
                ("5", "Cải cách chế độ công vụ", "14", "12,5", "12"),
                ("6", "Cải cách tài chính công", "13", "11,75", "11"),
                ("7", "Xây dựng và phát triển chính quyền điện tử, chính quyền số", "20", "16",
                 "15"),
                ("", "Tổng điểm", "100", "90", "85,47"),
            ),
        ),
        Section(number="1", text="Kết quả đạt được"),
        Para(text="Sở đã ban hành đầy đủ, kịp thời kế hoạch cải cách hành chính năm 2022; 100% "
             "thủ tục hành chính được công bố, công khai đúng quy định; tỷ lệ hồ sơ giải quyết "
             "đúng hạn đạt 99,6%."),
        Section(number="2", text="Tồn tại, hạn chế"),
        Para(text="Tỷ lệ hồ sơ trực tuyến toàn trình còn thấp; việc số hóa kết quả giải quyết "
             "thủ tục hành chính chưa đạt yêu cầu."),
        Section(number="3", text="Nhiệm vụ trong thời gian tới"),
        Section(number="3.1.", text="Văn phòng Sở:"),
        Bullet(text="Tham mưu xây dựng Kế hoạch cải thiện Chỉ số cải cách hành chính năm 2023, "
               "hoàn thành trước ngày 31/3/2023."),
        Bullet(text="Theo dõi, đôn đốc các phòng thực hiện nhiệm vụ cải cách hành chính theo Kế "
               "hoạch số 15/KH-STP."),
        Section(number="3.2.", text="Phòng Hành chính tư pháp:"),
        Bullet(text="Đẩy mạnh số hóa hồ sơ, kết quả giải quyết thủ tục hành chính;"),
        Bullet(text="Nâng tỷ lệ hồ sơ trực tuyến toàn trình lên trên 50%."),
        Para(text="Trên đây là thông báo kết quả Chỉ số cải cách hành chính năm 2022 của Sở Tư "
             "pháp; đề nghị các phòng, đơn vị thuộc Sở triển khai thực hiện./."),
    ),
    recipients=("- UBND tỉnh (b/c);", "- Giám đốc, các PGĐ Sở;", "- Các phòng, đơn vị;",
                "- Lưu: VT, VP."),
    authority=("GIÁM ĐỐC",),
    signer="Lê Thị Thu Hà",
    running_header="",
)

SEED_RENDERED = NoticeSpec(**{**{f: getattr(SEED, f) for f in SEED.__dataclass_fields__},
                              "body": (*SEED.body, SEED_CLOSING), "name": "seed-568"})

#: Portal pages LibreOffice cannot lay out whole (see the module's docstring): their article
#: is copied into Writer instead of the page being printed from Writer/Web.
CLIPPED = frozenset({"seed-568"})

#: notice → (its spec, its portal HTML page under samples/ or None, its text twin)
TWINS: dict[str, tuple[NoticeSpec, str | None, str]] = {
    "seed-568": (SEED_RENDERED, "seed-568-tb-sxd.html", "seed-568-tb-sxd.txt"),
    "sct-245": (SCT, None, "percent-column-sct-2023.txt"),
    "stp-112": (STP, "self-and-appraised-stp-2022.html", "self-and-appraised-stp-2022.html"),
}


#: Plain text files (a news item copied from a portal) → their LibreOffice renderings under
#: ``OUT / "plain"``, path of each under samples/. Writer sets such a text ragged right with
#: no space between paragraphs: a long word ("(91,87%)") wraps early and leaves its line
#: short, and a line may open on a sentence's number ("9 bậc so với …").
PLAIN: dict[str, str] = {
    "statements-long-ranking-sentence": "statements-long-ranking-sentence.txt",
    "news-wrapped-lines": "renderings/plain/news-wrapped-lines.txt",
    "self-score-fractions": "renderings/plain/self-score-fractions.txt",
}


#: Word formats an office suite saves a notice in besides DOCX: Word 97–2003 and RTF
#: (LibreOffice's filter, extension). The ODT itself is kept too (``.lo.odt``).
WORD_FORMATS = (("doc:MS Word 97", "doc"), ("rtf:Rich Text Format", "rtf"))


@dataclass(frozen=True, slots=True)
class Scan:
    """One scan to make: of which PDF, at what resolution, turned how far, how compressed."""

    source: str
    dpi: int
    angle: float
    quality: int
    colour: bool = False  # a colour scan keeps the red seal red; most archives scan in grey


SCANS = (
    Scan("seed-568.lo.pdf", 200, 2.0, 45, colour=True),
    Scan("seed-568.portal.chromium.pdf", 300, -2.0, 50),
    Scan("sct-245.lo.pdf", 300, 1.0, 50),
    Scan("stp-112.portal.chromium.pdf", 200, -1.0, 50),
)
#: Scans of the ``PLAIN`` renderings (no seal: a news item is not signed).
PLAIN_SCANS = (Scan("news-wrapped-lines.lo.pdf", 300, 1.0, 50),
               Scan("self-score-fractions.lo.pdf", 300, 1.0, 50))

# --------------------------------------------------------------------------- Decree 30 HTML

CSS = """
body { font-family: 'Liberation Serif', 'Times New Roman', serif; font-size: 13pt; }
p { margin: 0 0 6pt 0; text-align: justify; }
p.indent { text-indent: 1cm; }
table.layout td { vertical-align: top; text-align: center; }
table.scores { border-collapse: collapse; width: 100%; }
table.scores td, table.scores th { border: 1px solid black; padding: 2pt 4pt; }
"""


def _esc(text: str) -> str:
    return html.escape(text, quote=False)


def _header_html(spec: NoticeSpec) -> str:
    left = (f'<p align="center">{_esc(spec.parent)}<br><b>{_esc(spec.issuer)}</b><br>———<br>'
            f"{_esc(spec.number)}</p>")
    right = ('<p align="center"><b>CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</b><br>'
             "<b>Độc lập - Tự do - Hạnh phúc</b>"
             f"<br>———————<br><i>{_esc(spec.place_date)}</i></p>")
    return (f'<table class="layout" width="100%"><tr><td width="40%">{left}</td>'
            f'<td width="60%">{right}</td></tr></table>\n'
            f'<p align="center"><b>{_esc(spec.title)}</b><br><b>{_esc(spec.subject)}</b></p>\n')


def _table_html(table: ScoreTable) -> str:
    head = "".join(f"<th>{_esc(cell)}</th>" for cell in table.header)
    rows = "".join("<tr>" + "".join(f"<td>{_esc(cell)}</td>" for cell in row) + "</tr>"
                   for row in table.rows)
    grade = ""
    if table.grade:
        grade = (f'<tr><td>Xếp loại</td><td colspan="{len(table.header) - 1}">'
                 f"{_esc(table.grade)}</td></tr>")
    return (f'<table class="scores" border="1" cellspacing="0" cellpadding="4" width="100%">'
            f"<tr>{head}</tr>{rows}{grade}</table>\n")


def _body_html(spec: NoticeSpec, *, html_lists: bool) -> str:
    """The body: paragraphs, numbered headings as text, bullets as an HTML list (LibreOffice
    then writes Word list bullets) or as typed "- " lines."""
    out: list[str] = []
    open_list = False
    for item in spec.body:
        if isinstance(item, Bullet) and html_lists:
            if not open_list:
                out.append("<ul>")
                open_list = True
            out.append(f"<li>{_esc(item.text)}</li>")
            continue
        if open_list:
            out.append("</ul>")
            open_list = False
        if isinstance(item, Bullet):
            out.append(f'<p class="indent">- {_esc(item.text)}</p>')
        elif isinstance(item, Section):
            number = item.number if "." in item.number else f"{item.number}."
            out.append(f'<p class="indent"><b>{_esc(number)} {_esc(item.text)}</b></p>')
        elif isinstance(item, ScoreTable):
            out.append(_table_html(item))
        else:
            out.append(f'<p class="{"indent" if item.indent else ""}">{_esc(item.text)}</p>')
    if open_list:
        out.append("</ul>")
    return "\n".join(out) + "\n"


def _signature_html(spec: NoticeSpec) -> str:
    recipients = "<br>".join(_esc(line) for line in spec.recipients)
    authority = "<br>".join(f"<b>{_esc(line)}</b>" for line in spec.authority)
    return ('<table class="layout" width="100%"><tr>'
            f'<td width="45%" style="text-align:left"><b><i>Nơi nhận:</i></b><br>'
            f'<small>{recipients}</small></td>'
            f'<td width="55%"><p align="center">{authority}<br><br><br><br>'
            f"<b>{_esc(spec.signer)}</b></p></td>"
            "</tr></table>\n")


def decree30_html(spec: NoticeSpec, *, html_lists: bool) -> str:
    """Given a notice, return it as a Decree 30 page in HTML (header in two columns, title,
    body, the recipients beside the signature)."""
    return ('<!DOCTYPE html>\n<html lang="vi"><head><meta charset="utf-8">'
            f"<title>{_esc(spec.title.capitalize())} {_esc(spec.number)}</title>"
            f"<style>{CSS}</style></head><body>\n"
            + _header_html(spec) + _body_html(spec, html_lists=html_lists)
            + _signature_html(spec) + "</body></html>\n")

# --------------------------------------------------------------------------- the tools


def _run(argv: list[str], cwd: Path) -> None:
    subprocess.run(argv, cwd=cwd, check=True, timeout=TIMEOUT_S, stdout=subprocess.DEVNULL,
                   stderr=subprocess.DEVNULL)


def soffice(source: Path, target: str, out_dir: Path, profile: Path, infilter: str = "") -> Path:
    """Convert ``source`` with LibreOffice headless (its own throw-away profile), opened with
    ``infilter`` when one is named (else the one LibreOffice picks); return the file written."""
    opened = [f"--infilter={infilter}"] if infilter else []
    _run(["soffice", f"-env:UserInstallation=file://{profile}", "--headless", *opened,
          "--convert-to", target, "--outdir", str(out_dir), str(source)], out_dir)
    ext = target.split(":", 1)[0]
    return out_dir / f"{source.stem}.{ext}"


def article_html(page: str) -> str:
    """Given a portal page, return the article a reader selects on it (from its ``h1`` title
    to the end of the element beside it that holds the most text, the body) as a page of
    its own, the markup a browser puts on the clipboard when that selection is copied."""
    import lxml.html

    tree = lxml.html.document_fromstring(page)
    title = tree.xpath("//h1")[0]
    siblings = list(title.getparent())
    start = siblings.index(title)
    body = max(siblings[start:], key=lambda e: len(e.text_content()))
    chosen = siblings[start : siblings.index(body) + 1]
    markup = "".join(lxml.html.tostring(e, encoding="unicode").rstrip() + "\n" for e in chosen)
    name = _esc(tree.findtext(".//title") or "")
    return ('<!DOCTYPE html>\n<html lang="vi"><head><meta charset="utf-8">'
            f"<title>{name}</title></head><body>\n{markup}</body></html>\n")


def portal_lo_pdf(name: str, portal: Path, work: Path, profile: Path) -> Path:
    """Given a notice's portal page, return LibreOffice's PDF of it: Writer/Web's print of the
    page, or for a page in ``CLIPPED`` Writer's export of the article copied from it."""
    work.mkdir(exist_ok=True)
    page = work / f"{name}.html"
    if name not in CLIPPED:
        shutil.copy(portal, page)
        return soffice(page, "pdf:writer_web_pdf_Export", work, profile)
    page.write_text(article_html(portal.read_text(encoding="utf-8")), encoding="utf-8")
    return soffice(page, "pdf:writer_pdf_Export", work, profile, infilter="HTML (StarWriter)")


def chromium_pdf(page: Path, target: Path) -> None:
    """Print ``page`` to PDF with headless Chromium, keeping its header and footer lines."""
    with tempfile.TemporaryDirectory() as profile:
        _run([CHROMIUM, *CHROMIUM_FLAGS, f"--user-data-dir={profile}",
              f"--print-to-pdf={target}", page.as_uri()], target.parent)

# --------------------------------------------------------------------------- the scanner


def _stamp(size: int) -> Any:
    """A red round seal, half transparent: ring, star, a ring of letters' worth of marks."""
    from PIL import Image, ImageDraw

    image = Image.new("RGBA", (size, size), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    red = (200, 30, 40, 150)
    width = max(3, size // 40)
    draw.ellipse((0, 0, size - 1, size - 1), outline=red, width=width)
    inner = size // 6
    draw.ellipse((inner, inner, size - inner, size - inner), outline=red, width=width // 2 + 1)
    centre = size / 2
    radius = size / 9
    import math
    points = []
    for k in range(10):
        r = radius if k % 2 == 0 else radius / 2.5
        angle = math.pi / 2 + k * math.pi / 5
        points.append((centre + r * math.cos(angle), centre - r * math.sin(angle)))
    draw.polygon(points, fill=red)
    ring = size * 0.42
    for k in range(36):  # the lettering round the rim, as dashes
        angle = k * math.pi / 18
        x0, y0 = centre + ring * math.cos(angle), centre + ring * math.sin(angle)
        x1, y1 = centre + (ring - size / 30) * math.cos(angle), \
            centre + (ring - size / 30) * math.sin(angle)
        draw.line((x0, y0, x1, y1), fill=red, width=width)
    return image


def _signature_box(page: Any, signer: str, dpi: int) -> tuple[int, int] | None:
    """Where the signer's name is printed on a pdfium page, in pixels (centre), if it is."""
    text = page.get_textpage()
    found = text.search(signer, match_case=True)
    hits = []
    while (hit := found.get_next()) is not None:
        hits.append(hit)
    if not hits:
        return None
    index, count = hits[-1]  # the name under the signature, not one in the body
    left, _bottom, _right, top = text.get_charbox(index)
    _right, _bottom, right2, _top = text.get_charbox(index + count - 1)
    height = page.get_height()
    scale = dpi / 72
    return int((left + right2) / 2 * scale), int((height - top) * scale)


def scan(pdf_path: Path, job: Scan, signer: str | None, rng: random.Random) -> bytes:
    """Given a text PDF, return an image-only PDF of it as a scanner makes it."""
    import pypdfium2 as pdfium
    from PIL import Image, ImageFilter

    pages = []
    pdf = pdfium.PdfDocument(str(pdf_path))
    signed = len(pdf) - 1  # the signature is on the last page
    for number, page in enumerate(pdf):
        image = page.render(scale=job.dpi / 72).to_pil().convert("RGB")
        where = _signature_box(page, signer, job.dpi) if signer and number == signed else None
        if where is not None:  # the seal is pressed over the signature, a little above the name
            seal = _stamp(int(job.dpi * 1.3))
            x, y = where
            image.paste(seal, (x - seal.width // 2 - job.dpi // 3, y - seal.height // 2
                               - job.dpi // 4), seal)
        image = image.filter(ImageFilter.GaussianBlur(radius=job.dpi / 400))
        image = image.rotate(job.angle, resample=Image.Resampling.BICUBIC, expand=False,
                             fillcolor=(250, 250, 248))
        degraded = _degrade(image, rng)
        pages.append(degraded if job.colour else degraded.convert("L"))
    pdf.close()
    out = io.BytesIO()
    pages[0].save(out, "PDF", save_all=True, append_images=pages[1:], resolution=job.dpi,
                  quality=job.quality, title="scan", producer="scanner", author="")
    return out.getvalue()


def _degrade(image: Any, rng: random.Random) -> Any:
    """Uneven lighting (a grey gradient across the page), grain and speckles."""
    import numpy as np
    from PIL import Image

    pixels = np.asarray(image).astype(np.int16)
    height, width = pixels.shape[:2]
    shade = np.linspace(0, 18, width, dtype=np.int16)[None, :, None]
    grain = np.random.default_rng(rng.randrange(1 << 30)).integers(-14, 15, size=pixels.shape,
                                                                   dtype=np.int16)
    pixels = pixels - shade + grain
    speckles = np.random.default_rng(rng.randrange(1 << 30)).random((height, width)) < 0.0003
    pixels[speckles] = 30
    return Image.fromarray(np.clip(pixels, 0, 255).astype(np.uint8))


# --------------------------------------------------------------------------- main


def main(argv: list[str] | None = None) -> int:
    """Make every rendering, or only those named (``python -m tools.make_renderings
    seed-568.portal.lo.pdf``): the others stay as committed."""
    names = set(sys.argv[1:] if argv is None else argv)
    if shutil.which("soffice") is None or not Path(CHROMIUM).exists():
        print("needs LibreOffice (soffice) and /usr/bin/chromium", file=sys.stderr)
        return 2
    OUT.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp_name:
        make_all(Path(tmp_name), lambda file: not names or file in names)
    for path in sorted(p for p in OUT.rglob("*") if p.is_file()):
        print(f"{path.stat().st_size:>9}  {path.name}")
    return 0


def office_copies(name: str, odt: Path, tmp: Path, wanted: Callable[[str], bool]) -> None:
    """Given a notice's ODT, write the wanted copies LibreOffice saves and prints of it."""
    profile = tmp / "lo-profile"
    if wanted(f"{name}.lo.odt"):
        shutil.copy(odt, OUT / f"{name}.lo.odt")
    for target, ext in (("docx:MS Word 2007 XML", "docx"), *WORD_FORMATS,
                        ("pdf:writer_pdf_Export", "pdf")):
        if wanted(f"{name}.lo.{ext}"):
            shutil.copy(soffice(odt, target, tmp, profile), OUT / f"{name}.lo.{ext}")


def make_all(tmp: Path, wanted: Callable[[str], bool]) -> None:
    """Given a scratch folder and which files to make, write them into ``OUT``."""
    profile = tmp / "lo-profile"
    for name, (spec, portal, _twin) in TWINS.items():
        page = tmp / f"{name}.html"
        page.write_text(decree30_html(spec, html_lists=name == "seed-568"), encoding="utf-8")
        odt = soffice(page, "odt:writer8", tmp, profile)
        office_copies(name, odt, tmp, wanted)
        if wanted(f"{name}.portal.chromium.pdf"):
            chromium_pdf(SAMPLES / portal if portal else page, OUT / f"{name}.portal.chromium.pdf")
        if portal and wanted(f"{name}.portal.lo.pdf"):
            web_pdf = portal_lo_pdf(name, SAMPLES / portal, tmp / "web", profile)
            shutil.copy(web_pdf, OUT / f"{name}.portal.lo.pdf")
    make_plain(tmp / "plain", profile, wanted)
    rng = random.Random(SEED_RNG)
    for job in SCANS:
        notice = job.source.split(".", 1)[0]
        target = f"{job.source.removesuffix('.pdf')}.scan{job.dpi}.pdf"
        if wanted(target):
            (OUT / target).write_bytes(scan(OUT / job.source, job, TWINS[notice][0].signer, rng))



def make_plain(work: Path, profile: Path, wanted: Callable[[str], bool]) -> None:
    """Given a scratch folder, a LibreOffice profile and which files to make, write the
    renderings of the ``PLAIN`` texts into ``OUT / "plain"``."""
    work.mkdir(exist_ok=True)
    (OUT / "plain").mkdir(exist_ok=True)
    for name, twin in PLAIN.items():
        text = work / f"{name}.txt"
        shutil.copy(SAMPLES / twin, text)
        odt = soffice(text, "odt:writer8", work, profile, infilter="Text (encoded):UTF8")
        for target, ext in (("docx:MS Word 2007 XML", "docx"), ("pdf:writer_pdf_Export", "pdf")):
            if wanted(f"plain/{name}.lo.{ext}"):
                shutil.copy(soffice(odt, target, work, profile), OUT / "plain" / f"{name}.lo.{ext}")
    for job in PLAIN_SCANS:  # each its own noise: one can be made again alone
        target = f"{job.source.removesuffix('.pdf')}.scan{job.dpi}.pdf"
        if wanted(f"plain/{target}"):
            (OUT / "plain" / target).write_bytes(
                scan(OUT / "plain" / job.source, job, None, random.Random(SEED_RNG)))

if __name__ == "__main__":
    raise SystemExit(main())
