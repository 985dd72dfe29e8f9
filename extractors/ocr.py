"""OCR of a PDF page without a usable text layer: Tesseract's TSV word boxes → layout words.

The chain: page → greyscale image at the OCR dpi → skew estimated on a small copy
(projection profile; Tesseract's OSD does not measure small angles) and corrected →
paper background flattened to white →
ruling lines found in the pixels, kept as table edges and erased → Tesseract TSV
(``extractors.tesseract``: in-process or the command) → words scaled to points →
list bullets OCR dropped found in the pixels (``extractors.listmarks``) →
``PageContent`` for the shared layout step.
"""

from __future__ import annotations

import itertools
import re
import statistics
from collections.abc import Iterator, Sequence
from dataclasses import replace

import numpy as np
import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
from PIL import Image, ImageChops

from parscore.extractors import handwritten, listmarks, orientation, tables, tesseract
from parscore.extractors.errors import ErrorCode, InputError
from parscore.extractors.limits import Limits
from parscore.extractors.model import BBox
from parscore.extractors.pagemodel import (
    MARGIN_BAND,
    PROSE_LINE,
    Edge,
    Frame,
    PageContent,
    Word,
    union_bbox,
    words_to_lines,
)
from parscore.normalizers.text import bare_key

POINTS_PER_INCH = 72
MIN_NATIVE_DPI = 150  # a scan at least this fine is OCR'd at its own resolution, not upsampled
FULL_PAGE = 0.98  # an image covering this share of the page is the page (a scan)
SKEW_MAX = 3.0  # degrees searched either way
SKEW_COARSE = 0.25  # degrees per step, then refined
SKEW_FINE = 0.05
SKEW_MIN = 0.1  # smaller angles are left alone
INK_PERCENTILE = 1  # the darkest percent of a page is ink
BACKGROUND_CUT = 0.7  # share of the way from ink to paper grey above which a pixel is paper
SKEW_WIDTH = 500  # pixels: width of the copy the skew is measured on
INK = 128  # grey level below which a pixel is ink
RULE_INK = 200  # grey level below which a pixel may be part of a rule (a hairline prints grey)
RULE_H_INCH = 0.5  # a horizontal ink run this long is a ruling line
RULE_V_INCH = 0.2  # a vertical one this long
RULE_ALONE_INCH = 1.0  # a vertical rule this long needs no horizontal rule at its ends
RULE_OVER_INCH = 0.1  # a box's side may run this far past the corner it makes
RULE_SLENDER = 8  # a rule is at least this many times longer than thick (a bold stem is not)
RULE_SAMPLE = 4  # pixels: along a candidate rule, one pixel in this many is read
RULE_JOIN = 3  # pixels: runs this close (across rows, along the line) are one rule
RULE_MARGIN_INCH = 0.02  # erased either side of a detected rule
CELL_INSET_INCH = 0.02  # inside a cell's rules, may still hold rule remnants
MIN_MARK_INK = 4  # dark pixels a mark (no letter or digit) needs under its box to be read
MIN_INK = 2  # ink pixels a row or column of a cell needs to count (single specks do not)
INK_PAD_INCH = 0.06  # left above a cell's ink once it is moved to the top
COLON_DOT_INCH = 0.02  # a colon's dot in body text is at most about this wide
LINE_INCH = 0.18  # a line of table text, tone marks to feet, is at most this tall
BAND_GAP_INCH = 0.08  # blank this tall across a ruled row's cells parts two rows of text
#: A printed figure (digits and their marks, no letter: "2021", "8/63", "85,42%") read below
#: this confidence is read again alone with the digits model (``tesseract.read_digits``),
#: whose reading replaces it when at least NUMBER_SURE: the Vietnamese model mistakes a
#: serif "0" for "6" or "9" ("2621", "20922"), a "/" for "/4" or "1" ("14.5/416.5").
NUMBER_REREAD_BELOW = 93.0
NUMBER_SURE = 85.0
NUMBER_ALPHABET = "0123456789/.,:;%()+-"
NUMBER_PAD_INCH = 0.02  # blank kept round a figure's box when it is cut out to be read again
#: A word of page 1's header (its top HEADER_SHARE) at least GLUED_CHARS long read below
#: GLUED_BELOW may be a whole line the page's segmentation could not split ("Số1733/UBNDNCTH"
#: for "Số: 1733 /UBND-NCTH"): it is read again alone as one line, and that reading taken
#: when it splits the word and is at least GLUED_GAIN surer.
GLUED_BELOW = 70.0
#: A number line read as one word without its marks ("Số88KHUBND" for "Số: 88/KH-UBND", bare
#: key) is read again whatever its confidence, that reading taken when it splits the word,
#: holds the "/" and is at least NUMBER_SURE sure.
_GLUED_NUMBER = re.compile(r"^so:?\d+[a-z]{2}")
GLUED_CHARS = 10
GLUED_GAIN = 15.0
HEADER_SHARE = 0.3
LINE_PAD_INCH = 0.06  # blank kept round such a word's box when it is cut out
#: The header's number line ("Số: 96 /TTr-UBND": the words left of its "/…" symbol on its
#: row, each at most NUMBER_LINE_GAP_H of their height apart) is read again alone as one
#: line when a word of it is read below NUMBER_SURE, and that reading taken when it is surer
#: on average and keeps the symbol; or when two of its words are one mark read twice
#: (overlapping by NUMBER_LINE_OVERLAP of the smaller: a number written in by hand above the
#: printed line splits the page's segmentation), and any reading that keeps the symbol
#: taken (its digits are settled by ``handwritten.settle_fields`` then).
NUMBER_LINE_GAP_H = 4.0
NUMBER_LINE_OVERLAP = 0.5
_SYMBOL = re.compile(r"^/[^\W\d_]")
#: A stamp boxed in the left margin (an incoming-mail "CÔNG VĂN ĐẾN / Số: … / Ngày: …" box):
#: a ruled box whose left side stands in the margin band, at most STAMP_WIDTH of the page wide
#: and STAMP_HEIGHT of it tall, its top and bottom rules starting within STAMP_JOIN points of
#: that side. Its words that start left of the body's left edge (by more than STAMP_TOL of
#: their height) are the stamp's, not the text's; body words it was pressed over stay.
STAMP_WIDTH = 0.35
STAMP_HEIGHT = 0.25
STAMP_JOIN = 25.0
STAMP_TOL = 0.3
SEAL_RED = 100  # a colour scan's pixel this much redder than green and blue is seal ink
_SEAL_LUT = [255 if v > SEAL_RED else 0 for v in range(256)]
MIN_STAMP_LINES = 2  # prose lines (clear of the boxes) needed to tell the body's left edge


# --------------------------------------------------------------------------- image


def native_dpi(page: pdfium.PdfPage) -> float | None:
    """Given a page, return the resolution of its largest image, or None without images."""
    best: tuple[float, float] | None = None
    for obj in page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_IMAGE], max_depth=2):
        left, _, right, _ = obj.get_bounds()
        px_width, _ = obj.get_px_size()
        if right > left and (best is None or px_width > best[0]):
            best = (px_width, px_width / ((right - left) / POINTS_PER_INCH))
    return best[1] if best else None


def render_dpi(page: pdfium.PdfPage, limits: Limits) -> int:
    """Given a page and the limits, return the dpi to OCR at (never upsampling a fine scan)."""
    native = native_dpi(page)
    if native is not None and MIN_NATIVE_DPI <= native < limits.ocr_dpi:
        return round(native)
    return limits.ocr_dpi


def _whole_page_image(page: pdfium.PdfPage) -> pdfium.PdfImage | None:
    """Given a page, return its only image when it covers the page upright, else None."""
    images = list(page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_IMAGE], max_depth=0))
    if len(images) != 1:
        return None
    left, bottom, right, top = images[0].get_bounds()
    frame = Frame.of(page.get_size(), page.get_rotation())
    width, height = frame.width, frame.height  # the page's own space, as the image's bounds
    matrix = images[0].get_matrix()
    upright = matrix.b == 0 and matrix.c == 0 and matrix.a > 0 and matrix.d > 0
    covers = right - left >= FULL_PAGE * width and top - bottom >= FULL_PAGE * height
    return images[0] if upright and covers else None


def pixels_of(page: pdfium.PdfPage, limits: Limits) -> tuple[int, int, float]:
    """Given a page, return the width and height in pixels that page_image would make of it,
    and the dpi, without making them."""
    scan = _whole_page_image(page)
    dpi = native_dpi(page) if scan is not None else None
    if scan is not None and dpi is not None and MIN_NATIVE_DPI <= dpi <= limits.ocr_dpi:
        width, height = scan.get_px_size()
        return width, height, dpi
    dpi = render_dpi(page, limits)
    width_pt, height_pt = page.get_size()
    return round(width_pt * dpi / POINTS_PER_INCH), round(height_pt * dpi / POINTS_PER_INCH), dpi


def check_pixels(page: pdfium.PdfPage, number: int, path: str, limits: Limits) -> None:
    """Given a page to OCR, raise too-large naming it when its image would pass the cap."""
    width, height, dpi = pixels_of(page, limits)
    if width * height > limits.max_page_pixels:
        detail = (
            f"page {number} would be {width:,}×{height:,} pixels at {dpi:g} dpi, more than "
            f"{limits.max_page_pixels:,}"
        )
        raise InputError(ErrorCode.TOO_LARGE, path, detail)


def page_image(page: pdfium.PdfPage, limits: Limits) -> tuple[Image.Image, float]:
    """Given a page, return its greyscale image as the page is shown (its /Rotate applied)
    and its dpi: a scan's own pixels, else a render."""
    scan = _whole_page_image(page)
    if scan is not None:
        dpi = native_dpi(page) or 0.0
        if MIN_NATIVE_DPI <= dpi <= limits.ocr_dpi:
            pixels = ink_grey(scan.get_bitmap(render=False).to_pil())
            turn = page.get_rotation() % 360  # clockwise, as the page is shown
            return (pixels.rotate(-turn, expand=True) if turn else pixels), dpi
    dpi = render_dpi(page, limits)
    return render(page, dpi), float(dpi)


def ink_grey(image: Image.Image) -> Image.Image:
    """Given a scan's pixels, return them greyscale as the text's ink shows: a colour scan by
    its red channel, in which a red seal or stamp pressed over the place-date line or the
    signer's name fades to paper while black print and blue pen stay dark; pixels clearly
    red (red above both other channels by ``SEAL_RED``) are paper."""
    if image.mode not in ("RGB", "RGBA", "RGBX"):
        return image.convert("L")
    red, green, blue = image.convert("RGB").split()
    redness = ImageChops.subtract(red, ImageChops.lighter(green, blue))
    return ImageChops.lighter(red, redness.point(_SEAL_LUT))


def render(page: pdfium.PdfPage, dpi: int) -> Image.Image:
    """Given a page, return it rendered as a greyscale image at dpi."""
    bitmap = page.render(scale=dpi / POINTS_PER_INCH, grayscale=True)
    image: Image.Image = bitmap.to_pil().convert("L")  # a copy: the bitmap is freed by GC
    return image


def ink_points(small: Image.Image) -> tuple[np.ndarray, np.ndarray]:
    """Given a small page image, return the x and y of its ink pixels, centred on the page."""
    ys, xs = np.nonzero(np.asarray(small) < INK + 40)
    return xs - small.width // 2, ys - small.height // 2


def _sharpness(points: tuple[np.ndarray, np.ndarray], angle: float) -> float:
    """Given ink points, return how sharp their row profile is once rotated by angle.

    The rows the points would fall on after ``Image.rotate(angle)`` (counter-clockwise) are
    computed directly: no image is rotated, so a whole search costs a few milliseconds.
    """
    xs, ys = points
    theta = np.radians(angle)
    rows = np.floor(ys * np.cos(theta) - xs * np.sin(theta) + 0.5).astype(np.int64)
    profile = np.bincount(rows - rows.min()).astype(np.float64)
    return float(np.square(np.diff(profile)).sum())


def _best_angle(
    points: tuple[np.ndarray, np.ndarray], centre: float, span: float, step: float
) -> float:
    """Given ink points, return the angle in centre ± span with the sharpest profile."""
    angles = np.arange(centre - span, centre + span + step / 2, step)
    return float(max(angles, key=lambda a: _sharpness(points, float(a))))


def estimate_skew(image: Image.Image) -> float:
    """Given a page image, return the rotation (degrees, counter-clockwise) that levels it."""
    scale = SKEW_WIDTH / image.width
    small = image.resize((SKEW_WIDTH, max(1, round(image.height * scale))), Image.Resampling.BOX)
    points = ink_points(small)
    if not len(points[0]):
        return 0.0
    coarse = _best_angle(points, 0.0, SKEW_MAX, SKEW_COARSE)
    return _best_angle(points, coarse, SKEW_COARSE, SKEW_FINE)


def deskew(image: Image.Image) -> Image.Image:
    """Given a page image, return it rotated level (unchanged when already level)."""
    angle = estimate_skew(image)
    if abs(angle) < SKEW_MIN:
        return image
    return rotate(image, angle)


def rotate(image: Image.Image, angle: float) -> Image.Image:
    """Given a greyscale page, return it rotated by angle (degrees, counter-clockwise), bilinear.

    OpenCV's warpAffine does in ~20 ms what PIL's bilinear rotate does in ~100 ms on a 300 dpi
    A4 page (same pixels within a quarter of a grey level on average).
    """
    import cv2

    pixels = np.asarray(image)
    height, width = pixels.shape
    matrix = cv2.getRotationMatrix2D(((width - 1) / 2, (height - 1) / 2), angle, 1.0)
    turned = cv2.warpAffine(
        pixels, matrix, (width, height), flags=cv2.INTER_LINEAR, borderValue=255
    )
    return Image.fromarray(turned)


def levels_at(image: Image.Image, *shares: float) -> list[int]:
    """Given a greyscale image, return for each share the grey level below which it lies."""
    counts = np.cumsum(image.histogram())
    return [int(np.searchsorted(counts, share * counts[-1])) for share in shares]


def flatten_background(image: Image.Image) -> Image.Image:
    """Given a page image, return it with paper grey, noise and stains turned white.

    Tesseract binarises each region on its own; a faint grey patch (scanner noise, a cell
    whose background differs from the page's) then turns into ink around the text and
    garbles digits. Everything lighter than a cut between the ink and the paper level
    becomes white; darker pixels keep their grey, so glyph edges stay anti-aliased.
    """
    paper, ink = levels_at(image, 0.5, INK_PERCENTILE / 100)
    cut = ink + BACKGROUND_CUT * (paper - ink)
    return image.point([255 if level > cut else level for level in range(256)])  # C-level LUT


# --------------------------------------------------------------------------- ruling lines


def _runs(mask: np.ndarray, min_len: int) -> Iterator[tuple[int, int, int]]:
    """Given a boolean image, yield (row, start, end) of ink runs at least min_len long.

    Along a row only every RULE_SAMPLE-th pixel is looked at: a rule is solid for hundreds of
    pixels, so its ends move by less than RULE_SAMPLE pixels while the work drops fourfold.
    """
    sampled, step = mask[:, ::RULE_SAMPLE], RULE_SAMPLE
    need = max(1, min_len // step)
    candidates = np.nonzero(sampled.sum(axis=1) >= need)[0]
    padded = np.zeros((len(candidates), sampled.shape[1] + 2), dtype=np.int8)
    padded[:, 1:-1] = sampled[candidates]
    steps = np.diff(padded, axis=1)
    rows, starts = np.nonzero(steps == 1)
    _, ends = np.nonzero(steps == -1)
    for row, start, end in zip(rows, starts, ends, strict=True):
        if end - start >= need:
            yield int(candidates[row]), int(start) * step, min(int(end) * step, mask.shape[1])


def _join_runs(runs: Iterator[tuple[int, int, int]]) -> list[list[int]]:
    """Given ink runs row by row, return rules as [first row, last row, start, end]."""
    rules: list[list[int]] = []
    for row, start, end in runs:
        for rule in rules:
            near = row - rule[1] <= RULE_JOIN
            if near and start <= rule[3] + RULE_JOIN and end >= rule[2] - RULE_JOIN:
                rule[1], rule[2], rule[3] = row, min(rule[2], start), max(rule[3], end)
                break
        else:
            rules.append([row, row, start, end])
    return rules


def find_rules(image: Image.Image, dpi: int) -> tuple[list[list[int]], list[list[int]]]:
    """Given a level page image, return its horizontal and vertical rules in pixels."""
    grey = np.asarray(image)
    vertical = [r for r in _join_runs(_runs(_across(grey.T) < RULE_INK, round(RULE_V_INCH * dpi)))
                if _slender(grey, r)]
    long_h = round(RULE_H_INCH * dpi)
    runs = _runs(_across(grey) < RULE_INK, round(RULE_V_INCH * dpi))
    horizontal = _join_runs(r for r in runs if r[2] - r[1] >= long_h or _between(r, vertical))
    vertical = [r for r in vertical if r[3] - r[2] >= long_h or _meets(r, horizontal)]
    return horizontal, _straight_columns(vertical, horizontal, dpi)


def _straight_columns(
    vertical: list[list[int]], horizontal: list[list[int]], dpi: int
) -> list[list[int]]:
    """Given the vertical rules and the horizontal ones, return the verticals that are a
    table's column lines: those at least ``alone`` long, those that run from one horizontal
    rule to another (a cell's side), and the shorter pieces that stand on the line of one of
    these (a faded rule's fragments), and short ones away from any horizontal rule (a rule
    of their own). The side of a round blot (a coffee cup's ring, a seal's rim) that a scan
    drew across a table is none of these."""
    alone, over = round(RULE_ALONE_INCH * dpi), round(RULE_OVER_INCH * dpi)
    solid = [r for r in vertical if r[3] - r[2] >= alone or _meets_both(r, horizontal, over)]
    reach = RULE_SAMPLE + 2 * RULE_JOIN

    def ruled_round(rule: list[int]) -> bool:
        first, last, start, end = rule
        return any(s - reach <= first and last <= e + reach and start - alone <= a <= end + alone
                   for a, _b, s, e in horizontal)

    return [r for r in vertical if r in solid or not ruled_round(r) or any(
        abs((r[0] + r[1]) / 2 - (s[0] + s[1]) / 2) <= reach for s in solid)]


def _meets_both(rule: list[int], horizontal: list[list[int]], over: int) -> bool:
    """Given a vertical rule, the horizontal rules and how far a box's side may run past its
    corner (pixels), return whether both its ends meet a horizontal rule: at the end, or a
    little inside it where that horizontal rule ends too (a corner drawn with an overshoot)."""
    first, last, start, end = rule
    reach = RULE_SAMPLE + 2 * RULE_JOIN
    x = (first + last) / 2
    crossing = [((a + b) / 2, min(abs(s - x), abs(e - x)) <= reach)
                for a, b, s, e in horizontal if s - reach <= first and last <= e + reach]

    def meets(at: int, inward: int) -> bool:
        return any(abs(y - at) <= reach or (corner and 0 <= (y - at) * inward <= reach + over)
                   for y, corner in crossing)

    return meets(start, 1) and meets(end, -1)


def _meets(rule: list[int], horizontal: list[list[int]]) -> bool:
    """Given a vertical rule shorter than a horizontal one must be and the horizontal rules,
    return whether one of its ends meets one (a cell's side): a tall letter's stem (a bold
    heading's "Ệ") meets none."""
    first, last, start, end = rule
    reach = RULE_SAMPLE + 2 * RULE_JOIN
    return any(
        (abs(a - start) <= reach or abs(b - end) <= reach or abs(a - end) <= reach
         or abs(b - start) <= reach) and s - reach <= first and last <= e + reach
        for a, b, s, e in horizontal
    )


def _slender(grey: np.ndarray, rule: list[int]) -> bool:
    """Given a page and a vertical rule [first column, last column, start, end], return whether
    it is a line, not a bold letter's stem: its ink (a double rule's two lines counted, not the
    gap between them) is at most 1/RULE_SLENDER of its length thick."""
    first, last, start, end = rule
    ink = int((grey[start:end, max(first - 1, 0) : last + 2] < RULE_INK).sum())
    return RULE_SLENDER * ink <= (end - start) ** 2


def _across(grey: np.ndarray) -> np.ndarray:
    """Given a greyscale image, return each pixel as the darkest of it and its neighbours
    above and below: a thin rule that a scan spread over two rows of lighter grey (each above
    the ink level, the pair dark) reads as one unbroken line."""
    out = grey.copy()
    np.minimum(out[1:], grey[:-1], out=out[1:])
    np.minimum(out[:-1], grey[1:], out=out[:-1])
    return out


def _between(run: tuple[int, int, int], vertical: list[list[int]]) -> bool:
    """Given a horizontal ink run (row, start, end) shorter than a rule and the vertical rules,
    return whether it runs from one vertical rule to another: a narrow column's cell border
    (the "TT" column of a score table)."""
    row, start, end = run
    reach = RULE_SAMPLE + 2 * RULE_JOIN

    def touches(x: int) -> bool:
        return any(abs((a + b) / 2 - x) <= reach and s - reach <= row <= e + reach
                   for a, b, s, e in vertical)

    return touches(start) and touches(end)


def erase_rules(
    image: Image.Image, rules: tuple[list[list[int]], list[list[int]]], dpi: int
) -> Image.Image:
    """Given an image and its rules, return a copy with the rules painted white."""
    pixels = np.array(image)
    m = round(RULE_MARGIN_INCH * dpi)
    along = m + RULE_SAMPLE  # a rule's ends are known to RULE_SAMPLE pixels: crossings go too
    for first, last, start, end in rules[0]:
        pixels[max(first - m, 0) : last + m + 1, max(start - along, 0) : end + along] = 255
    for first, last, start, end in rules[1]:
        pixels[max(start - along, 0) : end + along, max(first - m, 0) : last + m + 1] = 255
    return Image.fromarray(pixels)


def rules_to_edges(rules: tuple[list[list[int]], list[list[int]]], scale: float) -> list[Edge]:
    """Given rules in pixels, return them as edges in points."""
    edges = [
        Edge(x0=s * scale, y0=(a + b) / 2 * scale, x1=e * scale, y1=(a + b) / 2 * scale)
        for a, b, s, e in rules[0]
    ]
    edges += [
        Edge(x0=(a + b) / 2 * scale, y0=s * scale, x1=(a + b) / 2 * scale, y1=e * scale)
        for a, b, s, e in rules[1]
    ]
    return edges


# --------------------------------------------------------------------------- table cells

# Tesseract's line finder garbles table rows whose cells hold different numbers of lines
# (a two-line label beside a number centred between them). So, with the rules erased, the ink
# of every ruled cell is moved up to the top of its cell: the first lines of a row's cells then
# share one text line. Words stay inside their cells, so the layout step still finds them there.


def _cell_pixels(edges: list[Edge], scale: float) -> list[tuple[int, int, int, int]]:
    """Given edges in points, return the inner pixel box of every ruled cell."""
    boxes = []
    inset = round(CELL_INSET_INCH * POINTS_PER_INCH / scale)
    for x0, y0, x1, y1 in tables.cell_boxes(edges):
        box = (
            round(x0 / scale) + inset,
            round(y0 / scale) + inset,
            round(x1 / scale) - inset,
            round(y1 / scale) - inset,
        )
        if box[2] > box[0] and box[3] > box[1]:
            boxes.append(box)
    return boxes


def ink_box(image: Image.Image, box: tuple[int, int, int, int]) -> tuple[int, int, int, int] | None:
    """Given a page and a cell box, return the box around the cell's ink (specks ignored)."""
    ink = np.asarray(image.crop(box)) < INK
    rows = np.nonzero(ink.sum(axis=1) >= MIN_INK)[0]
    cols = np.nonzero(ink.sum(axis=0) >= MIN_INK)[0]
    if not len(rows) or not len(cols):
        return None
    return (
        box[0] + int(cols[0]),
        box[1] + int(rows[0]),
        box[0] + int(cols[-1]) + 1,
        box[1] + int(rows[-1]) + 1,
    )


def top_align_cells(
    image: Image.Image, cells: list[tuple[int, int, int, int]], dpi: int
) -> Image.Image:
    """Given a page without rules and its cell boxes, return it with each cell's ink moved up:
    within each band of text the cells of one ruled row share (``row_bands``), the first lines
    of the cells are set on one baseline near the band's top. A table ruled between its columns
    only, whose "cells" are whole columns, so keeps its rows apart."""
    out, pad = image.copy(), round(INK_PAD_INCH * dpi)
    for row in _ruled_rows(cells):
        for top, bottom in row_bands(image, row, round(BAND_GAP_INCH * dpi)):
            boxes = [(x0, top, x1, bottom) for x0, _, x1, _ in row]
            inks = [(box, ink) for box in boxes if (ink := ink_box(image, box)) is not None]
            if not inks:
                continue
            lines = [first_baseline(image, ink, dpi) for _, ink in inks]
            # the baseline every cell can reach: each may rise to pad below the band's top
            reach = [b - max(k[1] - top - pad, 0) for b, (_, k) in zip(lines, inks, strict=True)]
            base = max(reach)
            for (cell, ink), line in zip(inks, lines, strict=True):
                rise = min(line - base, ink[1] - top)
                crop = image.crop(ink)
                out.paste(255, cell)
                out.paste(crop, (ink[0], ink[1] - max(rise, ink[3] - bottom)))
    return out


def first_baseline(image: Image.Image, ink: tuple[int, int, int, int], dpi: int) -> int:
    """Given a page, the box around a cell's ink and the dpi, return the row its first line of
    text stands on: within a line's height of the ink's top, the row below which the ink drops
    most (the letters' feet; tone marks above and descenders below are sparse)."""
    window = (ink[0], ink[1], ink[2], min(ink[3], ink[1] + round(LINE_INCH * dpi)))
    profile = (np.asarray(image.crop(window)) < INK).sum(axis=1).astype(np.int64)
    drops = profile - np.append(profile[1:], 0)
    return ink[1] + int(np.argmax(drops)) + 1


def _ruled_rows(
    cells: list[tuple[int, int, int, int]]
) -> list[list[tuple[int, int, int, int]]]:
    """Given cell boxes, return them grouped by the ruled row they span (same top and bottom)."""
    rows: dict[tuple[int, int], list[tuple[int, int, int, int]]] = {}
    for cell in cells:
        rows.setdefault((cell[1], cell[3]), []).append(cell)
    return list(rows.values())


def row_bands(
    image: Image.Image, row: list[tuple[int, int, int, int]], gap: int
) -> list[tuple[int, int]]:
    """Given a page, the cells of one ruled row and the least gap (pixels) between two rows of
    text, return the row's bands: runs of pixel rows with ink in any of its cells, split where
    all of them are blank for at least gap. A two-line label beside a number centred on it is
    one band; the rows of a table ruled only between columns (its row rules too faint to find,
    or none) are bands of their own, so each row's cells are aligned on that row, not moved up
    with the whole column."""
    top, bottom = row[0][1], row[0][3]
    inked_rows = np.zeros(bottom - top, dtype=bool)
    for x0, _, x1, _ in row:
        inked_rows |= (np.asarray(image.crop((x0, top, x1, bottom))) < INK).sum(axis=1) >= MIN_INK
    ys = np.nonzero(inked_rows)[0]
    if not len(ys):
        return [(top, bottom)]
    cuts = [int(a + b) // 2 for a, b in itertools.pairwise(ys) if b - a > gap]
    edges = [top, *(top + c for c in cuts), bottom]
    return list(itertools.pairwise(edges))


def inked(words: list[Word], image: Image.Image, scale: float) -> list[Word]:
    """Given OCR'd words, the image they were read from and its points per pixel, return them
    without the marks Tesseract made up where the page is blank ("`", "__" in the wide gap
    between a table's number column and its labels): a word of no letter or digit whose box
    holds less than MIN_MARK_INK dark pixels."""
    pixels = np.asarray(image)

    def ink(word: Word) -> int:
        x0, y0, x1, y1 = (round(v / scale) for v in word.bbox)
        return int((pixels[max(y0, 0) : y1 + 1, max(x0, 0) : x1 + 1] < INK).sum())

    return [w for w in words if any(ch.isalnum() for ch in w.text) or ink(w) >= MIN_MARK_INK]


def _figure(text: str) -> bool:
    """Given an OCR'd word, return whether it is a printed figure: a digit, no letter."""
    return any(ch.isdigit() for ch in text) and not any(ch.isalpha() for ch in text)


def reread_numbers(
    words: list[Word],
    image: Image.Image,
    scale: float,
    engine: tesseract.Engine,
    where: tuple[str, Limits],
) -> list[Word]:
    """Given OCR'd words, the image they were read from, its points per pixel, the engine and
    (the file, its limits), return the words with each unsure figure read again on its own
    with the digits model, its reading taken when that model is sure of it."""
    path, limits = where
    pad = max(1, round(NUMBER_PAD_INCH * POINTS_PER_INCH / scale))
    out = list(words)
    for i, word in enumerate(words):
        if word.conf >= NUMBER_REREAD_BELOW or not _figure(word.text):
            continue
        x0, y0, x1, y1 = (round(v / scale) for v in word.bbox)
        box = (max(x0 - pad, 0), max(y0 - pad, 0), min(x1 + pad, image.width),
               min(y1 + pad, image.height))
        if box[2] - box[0] < 3 or box[3] - box[1] < 3:
            continue
        text, conf = tesseract.read_digits(engine, image.crop(box), path, limits, NUMBER_ALPHABET)
        text = "".join(text.split())
        if conf >= NUMBER_SURE and _figure(text):
            out[i] = replace(word, text=text, conf=conf)
    return out


def margin_boxes(edges: list[Edge], size: tuple[float, float]) -> list[BBox]:
    """Given a page's rules and its size in points, return the boxes (x0, top, x1, bottom)
    of stamps ruled in its left margin (see ``STAMP_WIDTH``)."""
    width, height = size
    boxes = []
    for side in (e for e in edges if not e.horizontal and e.x0 < MARGIN_BAND):
        top, bottom = min(side.y0, side.y1), max(side.y0, side.y1)
        rules = [e for e in edges if e.horizontal and abs(min(e.x0, e.x1) - side.x0) <= STAMP_JOIN
                 and top - STAMP_JOIN <= e.y0 <= bottom + STAMP_JOIN]
        if not rules or bottom - top > STAMP_HEIGHT * height:
            continue
        right = max(max(e.x0, e.x1) for e in rules)
        if right - side.x0 <= STAMP_WIDTH * width:
            boxes.append((side.x0, top, right, bottom))
    return boxes


def without_margin_stamps(
    words: list[Word], edges: list[Edge], size: tuple[float, float]
) -> list[Word]:
    """Given an OCR'd page's words, its rules and its size in points, return the words less
    those of stamps boxed in its left margin: words in such a box that start left of the
    body's left edge (the edge most prose lines that start clear of the boxes start at, a
    fifth of them left out)."""
    boxes = margin_boxes(edges, size)
    if not boxes:
        return words

    def inside(word: Word) -> bool:
        x, y = (word.bbox[0] + word.bbox[2]) / 2, (word.bbox[1] + word.bbox[3]) / 2
        return any(b[0] <= x <= b[2] and b[1] <= y <= b[3] for b in boxes)

    wide = [ln for ln in words_to_lines(words) if ln.bbox[2] - ln.bbox[0] >= PROSE_LINE * size[0]
            and not inside(ln.chunks[0].words[0])]
    if len(wide) < MIN_STAMP_LINES:
        return words
    edge = sorted(ln.bbox[0] for ln in wide)[len(wide) // 5]

    def stamped(word: Word) -> bool:
        return inside(word) and word.bbox[0] < edge - STAMP_TOL * word.height

    return [w for w in words if not stamped(w)]


def number_line(words: Sequence[Word], limit: float) -> list[int]:
    """Given page 1's words and the bottom of its header band, return the indices of the
    number line's words: the first symbol ("/TB-UBND") in the band (the taller of the first
    two) and the words left of it
    on its row, chained at most ``NUMBER_LINE_GAP_H`` of their height apart; else []."""
    symbols = [i for i, w in enumerate(words) if _SYMBOL.match(w.text) and w.bbox[3] <= limit]
    if not symbols:
        return []
    at = max(symbols[:2], key=lambda i: words[i].height)  # not a speck read as "/T"
    symbol = words[at]
    row = [i for i, w in enumerate(words) if i != at and w.bbox[0] < symbol.bbox[0]
           and symbol.bbox[1] <= w.centre_y <= symbol.bbox[3]]
    chain, left = [at], symbol.bbox[0]
    for i in sorted(row, key=lambda k: -words[k].bbox[2]):
        if left - words[i].bbox[2] > NUMBER_LINE_GAP_H * words[i].height:
            break
        chain.append(i)
        left = min(left, words[i].bbox[0])
    return sorted(chain)


def _doubled(a: Word, b: Word) -> bool:
    """Given two words, return whether they overlap by ``NUMBER_LINE_OVERLAP`` of the
    smaller's area: one mark read twice."""
    w = min(a.bbox[2], b.bbox[2]) - max(a.bbox[0], b.bbox[0])
    h = min(a.bbox[3], b.bbox[3]) - max(a.bbox[1], b.bbox[1])
    areas = [(x.bbox[2] - x.bbox[0]) * (x.bbox[3] - x.bbox[1]) for x in (a, b)]
    return w > 0 and h > 0 and w * h >= NUMBER_LINE_OVERLAP * min(areas)


def reread_number_line(words: list[Word], image: Image.Image, scale_dpi: tuple[float, int],
                      engine: tesseract.Engine, where: tuple[str, Limits]) -> list[Word]:
    """Given page 1's OCR'd words, the image they were read from, its points per pixel and
    dpi, the engine and (the file, its limits), return the words with the header's number
    line read again alone when it was read unsure or twice (see ``NUMBER_LINE_GAP_H``)."""
    line = number_line(words, HEADER_SHARE * image.height * scale_dpi[0])
    if len(line) < 2:
        return words
    old = [words[i] for i in line]
    doubled = any(_doubled(a, b) for a, b in itertools.combinations(old, 2))
    if not doubled and min(w.conf for w in old) >= NUMBER_SURE:
        return words
    found = read_alone(union_bbox([w.bbox for w in old]), image, scale_dpi, engine, where)
    surer = bool(found) and statistics.fmean(w.conf for w in found) > statistics.fmean(
        w.conf for w in old)
    if not any("/" in w.text for w in found) or not (doubled or surer):
        return words
    kept = [w for i, w in enumerate(words) if i not in set(line)]
    return kept[: line[0]] + found + kept[line[0] :]


def read_alone(box: BBox, image: Image.Image, scale_dpi: tuple[float, int],
              engine: tesseract.Engine, where: tuple[str, Limits]) -> list[Word]:
    """Given a box in points, the page image, its points per pixel and dpi, the engine and
    (the file, its limits), return the words of the box cut out (with ``LINE_PAD_INCH`` of
    blank round it) and read alone as one line, in the page's points."""
    scale, dpi = scale_dpi
    path, limits = where
    pad = max(1, round(LINE_PAD_INCH * dpi))
    x0, y0, x1, y1 = (round(v / scale) for v in box)
    left, top = max(x0 - pad, 0), max(y0 - pad, 0)
    crop = image.crop((left, top, min(x1 + pad, image.width), min(y1 + pad, image.height)))
    found = tesseract.tsv_to_words(tesseract.read_line(engine, crop, dpi, path, limits), scale)
    dx, dy = left * scale, top * scale
    return [replace(w, bbox=(w.bbox[0] + dx, w.bbox[1] + dy, w.bbox[2] + dx, w.bbox[3] + dy))
            for w in found]


def reread_glued(
    words: list[Word],
    image: Image.Image,
    scale_dpi: tuple[float, int],
    engine: tesseract.Engine,
    where: tuple[str, Limits],
) -> list[Word]:
    """Given page 1's OCR'd words, the image they were read from, its points per pixel and
    dpi, the engine and (the file, its limits), return the words with each unsure long word
    of the header read again alone as one line (see ``GLUED_BELOW``)."""
    scale = scale_dpi[0]
    out: list[Word] = []
    for word in words:
        number = bool(_GLUED_NUMBER.match(bare_key(word.text)))
        if ((word.conf >= GLUED_BELOW and not number) or len(word.text) < GLUED_CHARS
                or round(word.bbox[3] / scale) > HEADER_SHARE * image.height):
            out.append(word)
            continue
        found = read_alone(word.bbox, image, scale_dpi, engine, where)
        sure = sum(w.conf for w in found) / len(found) if found else 0.0
        split = any("/" in w.text for w in found) and sure >= NUMBER_SURE if number else False
        out += found if len(found) >= 2 and (split or sure >= word.conf + GLUED_GAIN) else [word]
    return out


def _colon_at_end(ink: np.ndarray, width: int) -> bool:
    """Given the ink of a word's box and a dot's width in pixels, return whether its right end
    holds a colon: in its last mark standing apart (an italic colon's dots are offset), else
    its last columns of ink, two or more short runs of rows, one above the other (a letter's
    stem there is one long run)."""
    cols = np.nonzero(ink.any(axis=0))[0]
    if not len(cols):
        return False
    end = int(cols[-1]) + 1
    gaps = np.nonzero(np.diff(cols) > 1)[0]
    start = int(cols[gaps[-1] + 1]) if len(gaps) else int(cols[0])  # the last mark standing apart
    rows = ink[:, start if end - start <= 3 * width else end - width : end].any(axis=1)
    steps = np.diff(np.concatenate(([0], rows.astype(np.int8), [0])))
    runs = np.nonzero(steps == -1)[0] - np.nonzero(steps == 1)[0]
    return len(runs) >= 2 and int(runs.max()) * 2 <= ink.shape[0]


def without_made_up_colons(words: list[Word], image: Image.Image, scale: float) -> list[Word]:
    """Given OCR'd words, the image they were read from and its points per pixel, return them
    with a colon dropped from a word's end where the page shows none: scanner specks in the wide
    space of a justified line read as ':' after the word ("tham mưu: xây dựng"), while the
    word's box ends on a letter's stem, not on a colon's two dots."""
    pixels = np.asarray(image)
    dot = max(2, round(COLON_DOT_INCH * POINTS_PER_INCH / scale))
    out = []
    for word in words:
        if len(word.text) > 1 and word.text.endswith(":") and word.text[-2].isalpha():
            x0, y0, x1, y1 = (round(v / scale) for v in word.bbox)
            ink = pixels[max(y0, 0) : y1 + 1, max(x0, 0) : x1 + 1] < INK
            if not _colon_at_end(ink, dot):
                word = replace(word, text=word.text[:-1])
        out.append(word)
    return out


def ocr_page(page: pdfium.PdfPage, number: int, path: str, limits: Limits) -> PageContent:
    """Given a page without usable text, return its words and rules read by OCR; a page that
    reads as turned is turned upright by Tesseract's orientation model and read again."""
    check_pixels(page, number, path, limits)
    raw, exact_dpi = page_image(page, limits)
    return ocr_pixels(raw, exact_dpi, number, path, limits)


def ocr_box(page: pdfium.PdfPage, box: BBox, number: int, path: str, limits: Limits) -> list[Word]:
    """Given a text page and a box on it (points, top-left origin: a picture of text, such as
    a header block pasted in as an image), return the words OCR reads inside, placed on the
    page."""
    width, height = page.get_size()
    left, top, right, bottom = box
    dpi = limits.ocr_dpi
    scale = dpi / POINTS_PER_INCH
    bitmap = page.render(scale=scale, grayscale=True,
                         crop=(left, height - bottom, width - right, top))
    image: Image.Image = bitmap.to_pil().convert("L")
    content = ocr_pixels(image, float(dpi), number, path, limits)
    return [replace(w, bbox=(w.bbox[0] + left, w.bbox[1] + top, w.bbox[2] + left, w.bbox[3] + top))
            for w in content.words]


def ocr_pixels(
    raw: Image.Image, exact_dpi: float, number: int, path: str, limits: Limits
) -> PageContent:
    """Given a greyscale page image and its dpi, return its words and rules read by OCR; a
    page that reads as turned is turned upright by Tesseract's orientation model and read again."""
    engine = tesseract.engine_for(limits.ocr_lang, path)
    content = read_image(raw, exact_dpi, number, engine, path, limits)
    if not orientation.looks_turned(content.words):
        return content
    turn = engine.orientation(flatten_background(raw), round(exact_dpi), path, limits)
    if not turn:
        return content
    turned = read_image(raw.rotate(turn, expand=True), exact_dpi, number, engine, path, limits)
    return content if orientation.looks_turned(turned.words) else turned


def read_image(
    raw: Image.Image,
    exact_dpi: float,
    number: int,
    engine: tesseract.Engine,
    path: str,
    limits: Limits,
) -> PageContent:
    """Given a page image and its dpi, return its words and rules (in points) read by OCR."""
    image, dpi = flatten_background(deskew(raw)), round(exact_dpi)
    rules = find_rules(image, dpi)
    scale = POINTS_PER_INCH / exact_dpi
    edges = rules_to_edges(rules, scale)
    clean = top_align_cells(erase_rules(image, rules, dpi), _cell_pixels(edges, scale), dpi)
    words = inked(tesseract.tsv_to_words(engine.tsv(clean, dpi, path, limits), scale), clean, scale)
    words = reread_numbers(words, clean, scale, engine, (path, limits))
    words = listmarks.with_unread_bullets(without_made_up_colons(words, clean, scale), clean, scale)
    words = without_margin_stamps(words, edges, (image.width * scale, image.height * scale))
    if number == 1:  # the Decree 30 header, with its hand-written number and day
        words = reread_number_line(words, clean, (scale, dpi), engine, (path, limits))
        words = reread_glued(words, clean, (scale, dpi), engine, (path, limits))
        words = handwritten.settle_fields(words, clean, scale, engine, path, limits)
    return PageContent(
        number=number,
        width=image.width * scale,
        height=image.height * scale,
        words=tuple(words),
        edges=tuple(edges),
    )
