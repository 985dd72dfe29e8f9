"""List bullets OCR drops (small dots at a scan's line heads) are found in the pixels.

The page strips are composed here at 200 dpi in a Times-like face: a unit heading, items
bulleted with dots or dashes (one wrapped onto a hanging line), and the marks that are no
bullet: a lone speck of
dirt, a letter OCR left out, a blot. The words are handed over as OCR gives them (boxes of
the letters only); one test lets Tesseract read a whole strip.
"""

from __future__ import annotations

import random

import pytest
from PIL import Image, ImageDraw, ImageFont

from parscore.extractors import listmarks, ocr
from parscore.extractors.errors import InputError
from parscore.extractors.limits import Limits
from parscore.extractors.pagemodel import Word
from parscore.extractors.tesseract import engine_for
from tools.make_samples import FONT_DIRS, FONT_FILES

DPI = 200
SCALE = 72 / DPI  # points per pixel
PITCH = 42  # pixels from one line to the next (13 pt text at 200 dpi, single spacing)
TEXT_X, DOT_X = 260, 222  # where an item's text and its bullet stand


def _font() -> ImageFont.FreeTypeFont:
    path = next(d / n for n in FONT_FILES["VN"] for d in FONT_DIRS if (d / n).is_file())
    return ImageFont.truetype(str(path), 36)


def strip(lines: list[tuple[str, int, str]], *, specks: int = 0) -> tuple[Image.Image, list[Word]]:
    """Given lines as (text, left pixel, mark: "dot", "blot", a letter or ""), return the
    greyscale strip and its words as OCR gives them (the marks left out)."""
    image = Image.new("L", (1400, PITCH * (len(lines) + 2)), 250)
    draw, font, words = ImageDraw.Draw(image), _font(), []
    for k, (text, left, mark) in enumerate(lines):
        top = PITCH * (k + 1)
        x = left
        for token in text.split():
            x0, y0, x1, y1 = draw.textbbox((x, top), token, font=font)
            draw.text((x, top), token, font=font, fill=20)
            words.append(Word(text=token, bbox=(x0 * SCALE, y0 * SCALE, x1 * SCALE, y1 * SCALE)))
            x = x1 + 10
        _mark(draw, mark, top, font)
    rng = random.Random(7)
    for _ in range(specks):  # single dark pixels, as a scanner's grain leaves them
        image.putpixel((rng.randrange(image.width), rng.randrange(image.height)), 30)
    return image, words


def _mark(draw: ImageDraw.ImageDraw, mark: str, top: int, font: ImageFont.FreeTypeFont) -> None:
    """Draw what stands left of a line: a bullet's dot, a blot, or a letter."""
    if mark == "dot":
        draw.ellipse((DOT_X, top + 17, DOT_X + 8, top + 25), fill=20)
    elif mark == "blot":
        draw.rectangle((DOT_X - 40, top + 2, DOT_X + 8, top + 34), fill=60)
    elif mark:
        draw.text((DOT_X - 6, top), mark, font=font, fill=20)


MARKS = (listmarks.BULLET, listmarks.DASH)


def opened(words: list[Word]) -> list[str]:
    """Given words, return the first word after each bullet added."""
    return [words[i + 1].text for i, w in enumerate(words) if w.text in MARKS and not w.conf]


def with_marks(mark: str) -> list[tuple[str, int, str]]:
    """Given a bullet to draw ("dot", or a glyph), return the list's lines with it."""
    return [(text, left, mark if drawn == "dot" else drawn) for text, left, drawn in ITEMS]


ITEMS = [
    ("2.3 Phòng Kinh tế hạ tầng:", 200, ""),
    ("Rà soát danh mục thủ tục hành chính của", TEXT_X, "dot"),
    ("phòng theo quy định hiện hành", TEXT_X, ""),  # the item's hanging line
    ("Cập nhật cơ sở dữ liệu hộ tịch", TEXT_X, "dot"),
    ("Báo cáo kết quả hằng quý", TEXT_X, "dot"),
]


@pytest.mark.parametrize(("mark", "read"), [
    ("dot", "•"), ("▪", "•"), ("-", "-"), ("–", "-"),
])
def test_the_marks_of_a_list_become_bullets(mark: str, read: str) -> None:
    """Round or square dots read as "•", a hyphen or an en dash as "-"; the hanging line
    and the heading get none."""
    image, words = strip(with_marks(mark), specks=400)
    got = listmarks.with_unread_bullets(words, image, SCALE)
    assert opened(got) == ["Rà", "Cập", "Báo"]
    assert {w.text for w in got if w.conf == 0.0} == {read}
    assert [w for w in got if w.conf] == words


def test_a_lone_speck_is_no_bullet() -> None:
    """One dot by itself (dirt, or a list of one) has no column to share: nothing is added."""
    lines = [("Công khai kết quả giải quyết hồ sơ", TEXT_X, "dot"),
             ("trên cổng dịch vụ công của tỉnh.", TEXT_X, "")]
    image, words = strip(lines)
    assert listmarks.with_unread_bullets(words, image, SCALE) == words


@pytest.mark.parametrize("mark", ["blot", "L", "("])
def test_more_ink_than_a_dot_is_no_bullet(mark: str) -> None:
    """A letter or bracket OCR left out, or a blot (a stamp's edge), stands where a bullet
    would: the line is left as read, and the real dots around it still count."""
    lines = [ITEMS[1], ("Tổ chức tập huấn nghiệp vụ", TEXT_X, mark), ITEMS[3]]
    image, words = strip(lines)
    assert opened(listmarks.with_unread_bullets(words, image, SCALE)) == ["Rà", "Cập"]


def test_a_read_marker_is_kept() -> None:
    """A line whose marker OCR read ("-", "a)", "1.") is not searched."""
    lines = [("- Rà soát hồ sơ tồn đọng", TEXT_X, "dot"), ("1. Lập kế hoạch", TEXT_X, "dot")]
    image, words = strip(lines)
    assert listmarks.with_unread_bullets(words, image, SCALE) == words


@pytest.mark.ocr
@pytest.mark.parametrize("mark", ["dot", "-"])
def test_tesseract_drops_the_marks_and_they_come_back(mark: str) -> None:
    """The whole strip through Tesseract: its segmentation leaves the small dots and hyphens
    out; the page's words then carry a bullet before each item, none before the hanging line."""
    try:
        engine_for("vie", "probe")
    except InputError:
        pytest.skip("Tesseract with the Vietnamese model is not installed")
    image, _words = strip(with_marks(mark), specks=400)
    words = list(ocr.ocr_pixels(image, DPI, 1, "strip.png", Limits()).words)
    heads = {w.text for w in words if w.text in {"Rà", "Cập", "Báo", "phòng"}}
    assert heads == {"Rà", "Cập", "Báo", "phòng"}
    bullets = {"•", "-"}
    before = {words[i + 1].text for i, w in enumerate(words[:-1]) if w.text in bullets}
    assert before == {"Rà", "Cập", "Báo"}
