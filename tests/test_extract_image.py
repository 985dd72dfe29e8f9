"""Images (PNG, JPEG, multi-page TIFF) are read through the OCR chain, one frame a page.

The images are a sample PDF's pages rasterised with pypdfium2 and saved with PIL.
"""

from __future__ import annotations

from pathlib import Path

import pypdfium2 as pdfium
import pytest
from PIL import Image

from parscore.extractors import extract, read_source
from parscore.extractors.errors import ErrorCode, InputError
from parscore.extractors.limits import DEFAULT_LIMITS, Limits
from parscore.pipeline.process import process_file
from tests.test_extract_ocr import ocr_ready  # noqa: F401  (a fixture)

DPI = 200


@pytest.fixture(scope="module")
def pages(samples_dir: Path) -> list[Image.Image]:
    pdf = pdfium.PdfDocument(samples_dir / "seed-568-tb-sxd.pdf")
    try:
        return [
            pdf[i].render(scale=DPI / 72, grayscale=True).to_pil().convert("L") for i in (0, 1)
        ]
    finally:
        pdf.close()


def saved(pages: list[Image.Image], path: Path, **options: object) -> Path:
    if len(pages) > 1:
        options = {"save_all": True, "append_images": pages[1:], **options}
    pages[0].save(path, dpi=(DPI, DPI), **options)
    return path


def error_of(path: Path, limits: Limits = DEFAULT_LIMITS) -> InputError:
    with pytest.raises(InputError) as caught:
        extract(path, limits)
    return caught.value


@pytest.mark.parametrize(("name", "fmt"), [("a.png", "png"), ("a.jpg", "jpeg"), ("a.tif", "tiff")])
def test_images_are_detected_from_their_bytes(
    pages: list[Image.Image], tmp_path: Path, name: str, fmt: str
) -> None:
    path = saved(pages[:1], tmp_path / name)
    renamed = path.rename(tmp_path / "no-suffix")
    assert read_source(renamed)[1].format == fmt


@pytest.mark.ocr
def test_a_png_page_parses_as_the_pdf_does(
    pages: list[Image.Image], tmp_path: Path, ocr_ready: None  # noqa: F811
) -> None:
    got = process_file(saved(pages[:1], tmp_path / "page.png")).notice
    want = process_file(Path(__file__).parent.parent / "samples" / "seed-568-tb-sxd.pdf").notice
    assert got.source.format == "png-ocr"
    assert got.metadata.number == want.metadata.number == "568/TB-SXD"
    assert got.summary.headline_score == want.summary.headline_score


@pytest.mark.ocr
def test_a_jpeg_is_read_by_ocr(
    pages: list[Image.Image], tmp_path: Path, ocr_ready: None  # noqa: F811
) -> None:
    document = extract(saved(pages[:1], tmp_path / "page.jpg", quality=80))
    assert document.source.format == "jpeg-ocr"
    assert "Sở Xây dựng" in document.text()


@pytest.mark.ocr
def test_every_tiff_frame_is_a_page(
    pages: list[Image.Image], tmp_path: Path, ocr_ready: None  # noqa: F811
) -> None:
    document = extract(saved(pages, tmp_path / "two.tif", compression="tiff_lzw"))
    assert document.source.format == "tiff-ocr"
    assert document.source.pages == 2
    assert {block.prov.page for block in document.blocks} == {1, 2}


def test_without_ocr_an_image_has_no_text_layer(pages: list[Image.Image], tmp_path: Path) -> None:
    error = error_of(saved(pages[:1], tmp_path / "page.png"), Limits(ocr=False))
    assert error.code is ErrorCode.NO_TEXT_LAYER
    assert "page 1 is an image" in error.message


def test_the_page_pixel_cap_applies_to_images(pages: list[Image.Image], tmp_path: Path) -> None:
    path = saved(pages, tmp_path / "two.tif")
    error = error_of(path, Limits(max_page_pixels=1_000_000))
    assert error.code is ErrorCode.TOO_LARGE
    assert "page 1 is 1,654×2,339 pixels, more than 1,000,000" in error.message


def test_a_huge_image_is_too_large_before_it_is_decoded(tmp_path: Path) -> None:
    path = tmp_path / "huge.png"
    Image.new("1", (20_000, 20_000), 1).save(path, dpi=(300, 300))  # 400 megapixels
    assert error_of(path).code is ErrorCode.TOO_LARGE


@pytest.mark.parametrize("cut", [20, 2000])
def test_a_truncated_image_is_corrupt(pages: list[Image.Image], tmp_path: Path, cut: int) -> None:
    whole = saved(pages[:1], tmp_path / "page.png").read_bytes()
    path = tmp_path / "cut.png"
    path.write_bytes(whole[:cut])
    assert error_of(path).code is ErrorCode.CORRUPT_FILE
