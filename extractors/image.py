"""Images (JPEG, PNG, TIFF, multi-page TIFF): every frame a page, read by the OCR chain.

A photographed or scanned notice saved as an image is a scanned PDF without the PDF: each
frame goes to ``ocr.ocr_pixels`` at its own resolution (resampled to the OCR dpi when it is
coarser than ``ocr.MIN_NATIVE_DPI`` or finer than the OCR dpi), then ``layout.pages_to_blocks``.
The pixel cap ``Limits.max_page_pixels`` is checked from the header, before any decoding.
"""

from __future__ import annotations

import io
import warnings
from collections.abc import Iterator
from dataclasses import replace

from PIL import Image, ImageOps, UnidentifiedImageError

from parscore.extractors import layout, ocr
from parscore.extractors.errors import ErrorCode, InputError
from parscore.extractors.limits import Limits
from parscore.extractors.model import Document, SourceInfo
from parscore.extractors.pagemodel import PageContent

A4_WIDTH_INCH = 8.27  # an image without a stated resolution is taken as an A4 page's width
MIN_STATED_DPI = 50  # a stated resolution below this is a placeholder (72 "dpi" of a camera)

def open_image(data: bytes, path: str) -> Image.Image:
    """Given image bytes, return the opened (not yet decoded) image, or raise corrupt-file.

    PIL's own decompression-bomb guard is silenced here: ``Limits.max_page_pixels`` is the cap,
    checked on every frame before it is decoded.
    """
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            return Image.open(io.BytesIO(data))
    except Image.DecompressionBombError as err:
        raise InputError(ErrorCode.TOO_LARGE, path, f"page 1: {err}") from err
    except (UnidentifiedImageError, OSError, ValueError) as err:
        raise InputError(ErrorCode.CORRUPT_FILE, path, f"broken image: {err}") from err


def stated_dpi(image: Image.Image) -> float:
    """Given an image, return its stated resolution, else the one of an A4 page's width."""
    dpi = image.info.get("dpi")
    try:
        value = float(dpi[0]) if dpi else 0.0
    except (TypeError, ValueError, IndexError):
        value = 0.0
    return value if value >= MIN_STATED_DPI else image.width / A4_WIDTH_INCH


def ocr_size(image: Image.Image, limits: Limits) -> tuple[int, int, float]:
    """Given a frame, return the width, height and dpi it is read by OCR at."""
    dpi = stated_dpi(image)
    if ocr.MIN_NATIVE_DPI <= dpi <= limits.ocr_dpi:
        return image.width, image.height, dpi
    scale = limits.ocr_dpi / dpi
    return round(image.width * scale), round(image.height * scale), float(limits.ocr_dpi)


def check_pixels(image: Image.Image, number: int, path: str, limits: Limits) -> None:
    """Given a frame, raise too-large naming it when it or its OCR copy pass the pixel cap."""
    width, height, _ = ocr_size(image, limits)
    for w, h in ((image.width, image.height), (width, height)):
        if w * h > limits.max_page_pixels:
            detail = f"page {number} is {w:,}×{h:,} pixels, more than {limits.max_page_pixels:,}"
            raise InputError(ErrorCode.TOO_LARGE, path, detail)


def page_pixels(image: Image.Image, limits: Limits) -> tuple[Image.Image, float]:
    """Given a checked frame, return it greyscale, upright (EXIF) and at its OCR size."""
    grey = ImageOps.exif_transpose(image.convert("L") if image.mode != "L" else image.copy())
    width, height, dpi = ocr_size(grey, limits)
    if (width, height) != grey.size:
        grey = grey.resize((width, height), Image.Resampling.LANCZOS)
    return grey, dpi


def frames(image: Image.Image, limits: Limits) -> Iterator[Image.Image]:
    """Given an opened image, yield its first ``Limits.max_pages`` frames."""
    count = min(getattr(image, "n_frames", 1), limits.max_pages)
    for index in range(count):
        image.seek(index)
        yield image


def read_frame(image: Image.Image, number: int, path: str, limits: Limits) -> PageContent:
    """Given a frame, return its page read by OCR, or raise no-text-layer without OCR."""
    check_pixels(image, number, path, limits)
    if not limits.ocr:
        raise InputError(ErrorCode.NO_TEXT_LAYER, path, f"page {number} is an image")
    try:
        raw, dpi = page_pixels(image, limits)
    except (OSError, ValueError, SyntaxError) as err:
        raise InputError(ErrorCode.CORRUPT_FILE, path, f"page {number}: {err}") from err
    return ocr.ocr_pixels(raw, dpi, number, path, limits)


def extract(data: bytes, source: SourceInfo, limits: Limits) -> Document:
    """Given image bytes, return the Document of its frames read by OCR (format "<kind>-ocr")."""
    image = open_image(data, source.path)
    with image:
        total = getattr(image, "n_frames", 1)
        pages = [
            read_frame(frame, n, source.path, limits)
            for n, frame in enumerate(frames(image, limits), 1)
        ]
    blocks = layout.pages_to_blocks(pages, source.path)
    warnings_ = (f"read {len(pages)} of {total} pages (Limits.max_pages)",)
    return Document(
        source=replace(source, format=f"{source.format}-ocr", pages=total),
        blocks=blocks,
        warnings=warnings_ if len(pages) < total else (),
    )
