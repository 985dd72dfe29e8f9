"""Scanned PDFs: deskew, OCR with Tesseract (vie), same layout step as text PDFs.

With ``CI=true`` a missing Tesseract (or ``vie`` model) FAILS the OCR tests instead of
skipping them, so that CI always runs them for real.
"""

from __future__ import annotations

import os
from pathlib import Path

import pypdfium2 as pdfium
import pytest

from parscore.extractors import extract, ocr, orientation, tesseract
from parscore.extractors.errors import ErrorCode, InputError
from parscore.extractors.limits import Limits
from parscore.extractors.model import BlockKind, Document, Region
from parscore.extractors.pagemodel import Word

SCAN = "seed-568-tb-sxd-scan.pdf"  # 300 dpi, skewed, noisy; the 150 dpi one is in test_seed
ONE_PAGE = Limits(max_pages=1)  # one page keeps the default run fast


def tesseract_ready() -> bool:
    """Return whether both engines can read Vietnamese (in-process and the command)."""
    languages = tesseract.installed_languages("tesseract") or frozenset()
    try:
        engine = tesseract.engine_for("vie", "probe")
    except InputError:
        return False
    return "vie" in languages and isinstance(engine, tesseract.ApiEngine)


@pytest.fixture(scope="module")
def ocr_ready() -> None:
    if tesseract_ready():
        return
    message = ("Tesseract with the 'vie' model is missing: "
               "apt-get install tesseract-ocr tesseract-ocr-vie")
    if os.environ.get("CI") == "true":
        pytest.fail(message)
    pytest.skip(message)


@pytest.fixture(scope="module")
def scan(samples_dir: Path, ocr_ready: None) -> Document:
    return extract(samples_dir / SCAN, ONE_PAGE)


@pytest.fixture(scope="module")
def text_twin(samples_dir: Path) -> Document:
    return extract(samples_dir / "seed-568-tb-sxd.pdf", ONE_PAGE)


@pytest.mark.ocr
def test_scan_is_read_by_ocr(scan: Document) -> None:
    assert scan.source.format == "pdf-ocr"
    assert scan.source.pages == 3
    assert scan.warnings == ("read 1 of 3 pages (Limits.max_pages)",)


@pytest.mark.ocr
def test_scan_table_numbers_and_labels(scan: Document) -> None:
    [table] = [b for b in scan.blocks if b.kind is BlockKind.TABLE]
    rows = table.rows()
    assert len(rows) == 10 and len(rows[0]) == 3
    # At 150 dpi a decimal comma and a dot are a few pixels apart: compare them as one mark.
    cells = {c.text.replace(",", ".") for c in table.cells}
    assert {"12.23", "75.61", "10.86", "7.41", "100"} <= cells
    labels = [r[0] for r in rows]
    for label in ("Cải cách thể chế", "Cải cách tài chính công", "Tổng cộng điểm", "Xếp loại"):
        assert label in labels
    assert rows[9][2] == "Khá"


@pytest.mark.ocr
def test_scan_header_and_prose(scan: Document) -> None:
    header = [b.text for b in scan.blocks if b.region is Region.HEADER]
    assert "Số: 568/TB-SXD" in header
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in header
    assert header.index("Số: 568/TB-SXD") < header.index("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")
    text = scan.text()
    for phrase in ("THÔNG BÁO", "72,32 điểm", "Sở Xây dựng", "cải cách hành chính"):
        assert phrase in text
    assert "Thông báo số 568" not in text  # the running header is dropped


@pytest.mark.ocr
def test_scan_and_text_pdf_give_the_same_block_structure(scan: Document,
                                                         text_twin: Document) -> None:
    shape = [(b.kind, b.region) for b in text_twin.blocks]
    assert [(b.kind, b.region) for b in scan.blocks] == shape
    scan_table = next(b for b in scan.blocks if b.kind is BlockKind.TABLE)
    text_table = next(b for b in text_twin.blocks if b.kind is BlockKind.TABLE)
    same = sum(a == b for a, b in zip(scan_table.rows(), text_table.rows(), strict=True))
    assert same >= 8  # OCR may misread a decimal point or two


@pytest.mark.ocr
def test_the_command_engine_reads_the_same_table(samples_dir: Path, scan: Document,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(tesseract.TESSERACT_ENV, "tesseract")
    by_command = extract(samples_dir / SCAN, ONE_PAGE)
    tables = [[b.rows() for b in doc.blocks if b.kind is BlockKind.TABLE]
              for doc in (scan, by_command)]
    assert tables[0] == tables[1]
    assert [b.kind for b in by_command.blocks] == [b.kind for b in scan.blocks]


def test_missing_tesseract_is_ocr_unavailable(samples_dir: Path,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(tesseract.TESSERACT_ENV, "/nonexistent/tesseract-bogus")
    with pytest.raises(InputError) as caught:
        extract(samples_dir / SCAN, ONE_PAGE)
    assert caught.value.code is ErrorCode.OCR_UNAVAILABLE
    assert "apt-get install tesseract-ocr tesseract-ocr-vie" in caught.value.message
    assert "/nonexistent/tesseract-bogus" in caught.value.message


@pytest.mark.parametrize("command", [None, "tesseract"], ids=["in-process", "command"])
def test_missing_model_is_ocr_unavailable(samples_dir: Path, monkeypatch: pytest.MonkeyPatch,
                                          command: str | None, ocr_ready: None) -> None:
    if command:
        monkeypatch.setenv(tesseract.TESSERACT_ENV, command)
    with pytest.raises(InputError) as caught:
        extract(samples_dir / SCAN, Limits(max_pages=1, ocr_lang="vie+zzz"))
    assert caught.value.code is ErrorCode.OCR_UNAVAILABLE
    assert "zzz" in caught.value.message


@pytest.mark.parametrize("command", [None, "tesseract"], ids=["in-process", "command"])
def test_a_page_over_the_time_limit_is_timeout(samples_dir: Path,
                                               monkeypatch: pytest.MonkeyPatch,
                                               command: str | None, ocr_ready: None) -> None:
    if command:
        monkeypatch.setenv(tesseract.TESSERACT_ENV, command)
    with pytest.raises(InputError) as caught:
        extract(samples_dir / SCAN, Limits(max_pages=1, timeout=0.05))
    assert caught.value.code is ErrorCode.TIMEOUT


def test_ocr_switched_off_is_no_text_layer(samples_dir: Path) -> None:
    with pytest.raises(InputError) as caught:
        extract(samples_dir / SCAN, Limits(ocr=False))
    assert caught.value.code is ErrorCode.NO_TEXT_LAYER


def test_skew_is_estimated_within_a_fraction_of_a_degree(samples_dir: Path) -> None:
    pdf = pdfium.PdfDocument(samples_dir / "seed-568-tb-sxd.pdf")
    try:
        image = ocr.render(pdf[1], 100)
    finally:
        pdf.close()
    for angle in (2.0, -1.3):
        tilted = image.rotate(angle, fillcolor=255)
        assert abs(ocr.estimate_skew(tilted) + angle) <= 0.2


def _words(texts: list[str], tall: bool = False) -> list[Word]:
    size = (0.0, 0.0, 5.0, 20.0) if tall else (0.0, 0.0, 20.0, 5.0)
    return [Word(text=t, bbox=size) for t in texts]


UPRIGHT = [
    "Kết", "quả", "họp", "cải", "thiện", "nâng", "cao", "chỉ", "số", "cải", "cách", "hành",
    "chính", "tại", "Sở", "Xây", "dựng", "UBND",
]
GARBLED = ["€/z", "8ue1],", "quịp", "Ánb", "ue18", "IQU]", "10A", "têt", "“tou)", "đi", "ẹup",
           "ôs", "ɐp", "ɥu"]


@pytest.mark.parametrize(
    ("words", "turned"),
    [
        (_words(UPRIGHT * 2), False),
        (_words(GARBLED * 2), True),  # upside down: not syllables
        (_words(UPRIGHT * 2, tall=True), True),  # sideways: right words, boxes down the page
        (_words(GARBLED), False),  # too few words to judge
    ],
)
def test_a_page_that_reads_turned_is_noticed(words: list[Word], turned: bool) -> None:
    assert orientation.looks_turned(words) is turned


@pytest.mark.parametrize("command", [None, "tesseract"], ids=["in-process", "command"])
def test_orientation_model_says_how_to_turn_a_page(samples_dir: Path, ocr_ready: None,
                                                   monkeypatch: pytest.MonkeyPatch,
                                                   command: str | None) -> None:
    if command:
        monkeypatch.setenv(tesseract.TESSERACT_ENV, command)
    engine = tesseract.engine_for("vie", "probe")
    pdf = pdfium.PdfDocument(samples_dir / "seed-568-tb-sxd.pdf")
    try:
        upright = ocr.render(pdf[0], 150)
    finally:
        pdf.close()
    turns = [engine.orientation(upright.rotate(-cw, expand=True), 150, "probe", ONE_PAGE)
             for cw in (0, 90, 180)]
    assert turns == [0, 90, 180]  # counter-clockwise turns that undo 0°, 90°, 180° clockwise
