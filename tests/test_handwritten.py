"""Hand-written fields of a scanned header: read again with digits only, or left unread.

The page image is composed here: a number and a day in a plain face stand for the hand, and
the page OCR's words are given as a reader of handwriting would leave them (wrong glyphs,
low confidence).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PIL import Image, ImageDraw, ImageFont

from parscore.extractors import handwritten, tesseract
from parscore.extractors.errors import InputError
from parscore.extractors.limits import Limits
from parscore.extractors.pagemodel import Word
from tools.make_samples import FONT_DIRS, FONT_FILES

SCALE = 72 / 300  # points per pixel at 300 dpi
HEIGHT = 50  # pixels: a line of 12 pt text at 300 dpi


@pytest.fixture(scope="module", params=["in-process", "command"])
def engine(request: pytest.FixtureRequest) -> tesseract.Engine:
    try:
        api = tesseract.engine_for("vie", "probe")
    except InputError:
        pytest.skip("Tesseract with the Vietnamese model is not installed")
    return api if request.param == "in-process" else tesseract.CommandEngine("tesseract", "vie")


def _font() -> ImageFont.FreeTypeFont:
    path = next(d / n for n in FONT_FILES["VN"] for d in FONT_DIRS if (d / n).is_file())
    return ImageFont.truetype(str(path), 44)


def page(field: str) -> Image.Image:
    """Given what the field holds, return a strip of a header: "Số:", the field, "/KH-UBND"."""
    image = Image.new("L", (900, 160), 255)
    draw = ImageDraw.Draw(image)
    draw.text((40, 55), "Số:", font=_font(), fill=0)
    draw.text((150, 50), field, font=_font(), fill=0)
    draw.text((330, 55), "/KH-UBND", font=_font(), fill=0)
    return image


def word(text: str, x0: int, x1: int, conf: float) -> Word:
    """Given a word's text, pixel span and confidence, return it as OCR hands it over."""
    return Word(
        text=text, bbox=(x0 * SCALE, 55 * SCALE, x1 * SCALE, (55 + HEIGHT) * SCALE), conf=conf
    )


def settle(image: Image.Image, field: Word, engine: tesseract.Engine) -> str:
    words = [word("Số:", 40, 120, 95.0), field, word("/KH-UBND", 330, 560, 93.0)]
    out = handwritten.settle_fields(words, image, SCALE, engine, "test", Limits())
    return " ".join(w.text for w in out)


def test_misread_field_is_read_again_with_digits_only(engine: tesseract.Engine) -> None:
    assert settle(page("357"), word("3§7", 150, 290, 31.0), engine) == "Số: 357 /KH-UBND"


def test_unsure_field_that_cannot_be_read_again_is_left_unread(engine: tesseract.Engine) -> None:
    assert settle(page(""), word("82", 150, 290, 70.0), engine) == "Số: ? /KH-UBND"


def test_sure_digits_are_kept_as_read(engine: tesseract.Engine) -> None:
    assert settle(page("    "), word("41", 150, 290, 96.0), engine) == "Số: 41 /KH-UBND"


def test_fields_are_found_after_their_labels() -> None:
    words = [
        word("Số:7", 40, 150, 40.0), word("/TB-SNV", 160, 300, 90.0),
        word("Huế,", 400, 480, 96.0), word("ngày{", 490, 600, 20.0), word("tháng", 610, 700, 96.0),
    ]  # fmt: skip
    spans = handwritten.find_fields(words)
    assert [(s.key, s.label, s.end, s.glued) for s in spans] == [
        ("so", 0, 1, "7"),
        ("ngay", 3, 4, "{"),
    ]


def test_unread_fields_give_no_number_and_no_date(tmp_path: Path) -> None:
    from parscore.pipeline.lines import Line
    from parscore.pipeline.parse.header_fields import date_field, number_field

    lines = [Line(text=t, raw=t, key=t) for t in ("Số: ? /KH-UBND", "Huế, ngày ? tháng 3 năm 2024")]
    assert number_field(lines).value is None and number_field(lines).found
    assert date_field(lines).value is None and date_field(lines).found
