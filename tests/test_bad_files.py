"""Broken, hostile and mislabelled PDF and DOCX files give their typed error quickly."""

from __future__ import annotations

import io
import time
import zipfile
from pathlib import Path

import pytest

from parscore.extractors import extract, read_source
from parscore.extractors.errors import ErrorCode, InputError
from parscore.extractors.limits import MIB, Limits
from parscore.extractors.model import BlockKind

PASSWD = "/etc/passwd"


def error_of(path: Path, limits: Limits | None = None) -> InputError:
    with pytest.raises(InputError) as caught:
        extract(path) if limits is None else extract(path, limits)
    return caught.value


def small_pdf(**kwargs: object) -> bytes:
    from reportlab.pdfgen import canvas

    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, invariant=1, **kwargs)
    pdf.drawString(72, 720, "Thong bao 568/TB-SXD: ket qua chi so cai cach hanh chinh")
    pdf.showPage()
    pdf.save()
    return buffer.getvalue()


def docx_with(samples_dir: Path, name: str, data: bytes, *, level: int = 6) -> bytes:
    """Return the seed DOCX with one part replaced."""
    source = zipfile.ZipFile(samples_dir / "seed-568-tb-sxd.docx")
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=level) as target:
        for info in source.infolist():
            target.writestr(info.filename, data if info.filename == name else source.read(info))
    return out.getvalue()


def test_zero_byte_file(tmp_path: Path) -> None:
    (tmp_path / "empty.pdf").write_bytes(b"")
    assert error_of(tmp_path / "empty.pdf").code is ErrorCode.EMPTY_DOCUMENT


def test_truncated_pdf(tmp_path: Path, samples_dir: Path) -> None:
    data = (samples_dir / "seed-568-tb-sxd.pdf").read_bytes()
    (tmp_path / "cut.pdf").write_bytes(data[: len(data) // 2])
    assert error_of(tmp_path / "cut.pdf").code is ErrorCode.CORRUPT_FILE


def test_corrupt_pdf(tmp_path: Path) -> None:
    (tmp_path / "bad.pdf").write_bytes(b"%PDF-1.4\n" + bytes(range(256)) * 8 + b"\n%%EOF\n")
    assert error_of(tmp_path / "bad.pdf").code is ErrorCode.CORRUPT_FILE


def test_encrypted_pdf(tmp_path: Path) -> None:
    (tmp_path / "locked.pdf").write_bytes(small_pdf(encrypt="secret"))
    error = error_of(tmp_path / "locked.pdf")
    assert error.code is ErrorCode.ENCRYPTED_PDF
    assert "qpdf --decrypt" in error.message


def test_zip_that_is_not_a_word_file(tmp_path: Path) -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("data/report.xml", "<report/>")
    (tmp_path / "fake.docx").write_bytes(buffer.getvalue())
    assert error_of(tmp_path / "fake.docx").code is ErrorCode.UNSUPPORTED_FORMAT


def test_docx_part_past_the_size_cap(tmp_path: Path, samples_dir: Path) -> None:
    padded = b"<?xml version='1.0'?>" + b" " * (2 * MIB) + b"<x/>"
    (tmp_path / "big.docx").write_bytes(docx_with(samples_dir, "word/styles.xml", padded))
    error = error_of(tmp_path / "big.docx", Limits(max_inflated=MIB))
    assert error.code is ErrorCode.ZIP_BOMB


def test_docx_part_with_a_bomb_ratio(tmp_path: Path, samples_dir: Path) -> None:
    bomb = b"<?xml version='1.0'?><x>" + b"A" * (20 * MIB) + b"</x>"
    (tmp_path / "bomb.docx").write_bytes(docx_with(samples_dir, "word/document.xml", bomb, level=9))
    started = time.perf_counter()
    error = error_of(tmp_path / "bomb.docx")
    assert error.code is ErrorCode.ZIP_BOMB and "×" in error.detail
    assert time.perf_counter() - started < 2.0


XXE = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
{pad}<!DOCTYPE w:document [<!ENTITY xxe SYSTEM "file://{target}">]>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
<w:body><w:p><w:r><w:t>Thông báo &xxe; kết quả</w:t></w:r></w:p></w:body></w:document>"""


@pytest.mark.parametrize("pad", ["", "<!--" + "x" * 5000 + "-->\n"], ids=["plain", "padded"])
def test_docx_with_external_entity_is_refused(tmp_path: Path, samples_dir: Path, pad: str) -> None:
    part = XXE.format(pad=pad, target=PASSWD).encode("utf-8")
    (tmp_path / "xxe.docx").write_bytes(docx_with(samples_dir, "word/document.xml", part))
    secret = Path(PASSWD)
    passwd = secret.read_text("utf-8", "replace")[:20] if secret.exists() else "root:"
    try:
        doc = extract(tmp_path / "xxe.docx")
    except InputError as error:
        assert error.code is ErrorCode.CORRUPT_FILE and "DOCTYPE" in error.detail
        assert passwd not in error.message
    else:  # a safe parse is acceptable too, as long as nothing was resolved
        assert passwd not in doc.text()


def test_thousands_of_blank_pages_stop_at_the_cap(tmp_path: Path) -> None:
    from reportlab.pdfgen import canvas

    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, invariant=1)
    pdf.drawString(72, 720, "Thong bao so 1/TB-SXD: trang dau co chu, cac trang sau de trang")
    for _ in range(3000):
        pdf.showPage()
    pdf.save()
    (tmp_path / "blank.pdf").write_bytes(buffer.getvalue())
    started = time.perf_counter()
    doc = extract(tmp_path / "blank.pdf")
    assert time.perf_counter() - started < 10.0
    assert doc.source.pages == 3000
    assert doc.warnings == ("read 500 of 3000 pages (Limits.max_pages)",)
    assert [b.kind for b in doc.blocks] == [BlockKind.PARAGRAPH]


def test_pdf_named_html_is_read_as_pdf(tmp_path: Path) -> None:
    (tmp_path / "notice.html").write_bytes(small_pdf())
    doc = extract(tmp_path / "notice.html")
    assert doc.source.format == "pdf" and "568/TB-SXD" in doc.text()


def test_html_named_pdf_is_detected_as_html(tmp_path: Path) -> None:
    (tmp_path / "notice.pdf").write_text("<html><body><p>Thông báo</p></body></html>", "utf-8")
    _, source = read_source(tmp_path / "notice.pdf")
    assert source.format == "html"


@pytest.mark.timeout(30)
@pytest.mark.parametrize("element", ["gridSpan", "gridBefore"])
def test_a_hostile_span_in_a_docx_table_is_capped(tmp_path: Path, element: str) -> None:
    import docx
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    from parscore.extractors.model import MAX_COLSPAN

    document = docx.Document()
    table = document.add_table(rows=2, cols=2)
    for (r, c), text in {(0, 0): "Lĩnh vực", (0, 1): "Điểm tối đa", (1, 0): "Cải cách thể chế",
                         (1, 1): "14"}.items():
        table.cell(r, c).text = text
    huge = OxmlElement(f"w:{element}")
    huge.set(qn("w:val"), "99999999")  # once: parsing never ended
    if element == "gridSpan":
        table.cell(0, 1)._tc.get_or_add_tcPr().append(huge)
    else:
        table.rows[0]._tr.get_or_add_trPr().append(huge)
    path = tmp_path / "span.docx"
    document.save(str(path))
    [block] = [b for b in extract(path).blocks if b.kind is BlockKind.TABLE]
    assert max(c.col + c.colspan for c in block.cells) <= 2 * MAX_COLSPAN + 2


def nested_tables(depth: int, text: str) -> str:
    """Given a depth and a text, return a page of that many tables nested, the text inside."""
    return "<html><body>" + "<table><tr><td>" * depth + text + "</td></tr></table>" * depth


@pytest.mark.timeout(30)
def test_a_page_of_200k_nested_tables_is_too_large(tmp_path: Path) -> None:
    path = tmp_path / "nested.html"
    path.write_text(nested_tables(200_000, "x"), encoding="utf-8")  # 6.6 MB, 600,000 elements
    error = error_of(path)
    assert error.code is ErrorCode.TOO_LARGE
    assert "250,000 HTML elements" in error.message


@pytest.mark.timeout(30)
def test_deep_nesting_under_the_cap_is_read_in_linear_time(tmp_path: Path) -> None:
    from parscore.pipeline.process import process_file

    sentence = "Sở Tư pháp đạt 90,5 điểm Chỉ số cải cách hành chính năm 2023, xếp thứ 2 khối sở."
    path = tmp_path / "deep.html"
    path.write_text(nested_tables(20_000, sentence), encoding="utf-8")  # was >60 s: quadratic
    [unit] = process_file(path).notice.unit_scores
    assert (unit.unit, unit.score.raw, unit.rank) == ("Sở Tư pháp", "90,5", 2)


def test_the_html_element_cap_is_a_named_limit(tmp_path: Path) -> None:
    path = tmp_path / "small.html"
    path.write_text("<html><body>" + "<p>Cải cách hành chính</p>" * 50, encoding="utf-8")
    assert error_of(path, Limits(max_html_nodes=40)).code is ErrorCode.TOO_LARGE
    assert extract(path, Limits(max_html_nodes=60)).blocks


def stretched_scan(path: Path, inches: int) -> None:
    """Given a path, write a one-page PDF of `inches` square whose page is one small image."""
    from PIL import Image
    from reportlab.pdfgen import canvas

    image = path.with_suffix(".png")
    Image.new("L", (400, 400), 255).save(image)
    pdf = canvas.Canvas(str(path), pagesize=(inches * 72, inches * 72))
    pdf.drawImage(str(image), 0, 0, inches * 72, inches * 72)
    pdf.showPage()
    pdf.save()


@pytest.mark.timeout(30)
def test_a_200_inch_scanned_page_is_too_large_and_named(tmp_path: Path) -> None:
    path = tmp_path / "huge.pdf"
    stretched_scan(path, 200)  # 60,000 × 60,000 pixels at 300 dpi: 3.6 gigapixels
    error = error_of(path)
    assert error.code is ErrorCode.TOO_LARGE
    assert "page 1 would be 60,000×60,000 pixels at 300 dpi" in error.message


def test_the_page_pixel_cap_is_a_named_limit(tmp_path: Path) -> None:
    path = tmp_path / "letter.pdf"
    stretched_scan(path, 10)  # 3,000 × 3,000 pixels
    assert error_of(path, Limits(max_page_pixels=8_000_000)).code is ErrorCode.TOO_LARGE


def test_a_page_of_too_many_drawing_objects_is_too_large(tmp_path: Path) -> None:
    from reportlab.pdfgen import canvas

    path = tmp_path / "rules.pdf"
    pdf = canvas.Canvas(str(path))
    pdf.drawString(72, 760, "Thong bao ket qua chi so cai cach hanh chinh nam 2023")
    for k in range(300):
        pdf.line(72, 700 - k, 500, 700 - k)
    pdf.showPage()
    pdf.save()
    error = error_of(path, Limits(max_page_objects=100))
    assert error.code is ErrorCode.TOO_LARGE and "page 1 holds more than 100" in error.message
    assert extract(path, Limits(max_page_objects=1000)).blocks


@pytest.mark.slow
@pytest.mark.timeout(120)
def test_running_out_of_memory_is_a_typed_error(tmp_path: Path) -> None:
    import os
    import resource
    import subprocess
    import sys

    path = tmp_path / "big.txt"
    line = "Sở Tư pháp đạt 90,5 điểm cải cách hành chính năm 2023. " * 20 + "\n"
    path.write_text(line * 120_000, encoding="utf-8")  # 170 MB, under the 200 MiB size cap
    cap = 900 * MIB  # address space: room for the interpreter, not for this file's text

    def limit() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (cap, cap))

    command = [sys.executable, "-c", "from parscore.pipeline.cli import run_main; run_main()",
               "parse", str(path)]
    env = {**os.environ, "OPENBLAS_NUM_THREADS": "1"}  # OpenBLAS reserves memory per thread
    proc = subprocess.run(command, capture_output=True, text=True, timeout=110,
                          preexec_fn=limit, env=env)
    assert "Traceback" not in proc.stderr
    assert proc.stderr.strip().endswith("[too-large]"), proc.stderr
    assert "ran out of memory" in proc.stderr
