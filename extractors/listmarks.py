"""List bullets OCR leaves out: the small dots and dashes at the head of a list's lines.

Tesseract's page segmentation drops a small bullet as noise (at 200 dpi an office suite's
"•" is a dot of 6-9 pixels, a typed "-" a bar of 10 by 3), so the items of a list come out
as bare lines and a wrapped item cannot be told from the next one. The chain: OCR'd words →
lines → each line's first word → the blank stretch of the page left of it → the one mark
standing there, a compact dot or a short flat dash in the band of the line's letters →
marks that share a column with another (a list has several items; a speck of dirt stands
alone) → a "•" or "-" word before each line's first word. A line whose head OCR read (a
dash, a number) or whose left holds more ink than one mark (a letter OCR dropped, a stamp,
a rule) is left as read.
"""

from __future__ import annotations

from dataclasses import dataclass

import cv2
import numpy as np
from PIL import Image

from parscore.extractors.pagemodel import Word, words_to_lines

BULLET, DASH = "•", "-"
INK = 128  # grey level below which a pixel is ink (as extractors.ocr)
SEARCH_H = 2.5  # the stretch searched left of a line's first word, in line heights
GAP_H = 0.15  # a bullet stands at least this far (line heights) left of the word
DOT_MIN_H, DOT_MAX_H = 0.12, 0.5  # a dot's width and height, in line heights
DOT_FILL = 0.45  # share of its box a dot's ink fills (a ring or a letter's stroke fills less)
DOT_ASPECT = 2.0  # a dot is at most this many times wider than tall, or taller than wide
BAND = (0.2, 0.9)  # the dot's centre lies in this share of the line's height, from its top
DASH_LONG_H = (0.25, 1.1)  # a dash's length, in line heights ("-" to an em dash)
DASH_THICK_H = 0.16  # a dash is at most this thick, in line heights
DASH_ASPECT = 2.5  # a dash is at least this many times longer than thick
DASH_FILL = 0.6  # share of its box a dash's ink fills
DASH_BAND = (0.35, 0.8)  # a dash's centre lies in this share of the line's height
SPECK_PX = 3  # components of at most this many pixels are scanner specks, not marks
COLUMN_H = 0.5  # marks whose centres are this close (line heights) share a list's column
MIN_ITEMS = 2  # a column of marks holds at least this many


@dataclass(frozen=True, slots=True)
class _Mark:
    """A mark found left of a line's first word: that word, what the mark is ("•" or "-") and
    its box in points."""

    word: Word
    text: str
    bbox: tuple[float, float, float, float]
    height: float  # the line's height, points


def with_unread_bullets(words: list[Word], image: Image.Image, scale: float) -> list[Word]:
    """Given OCR'd words, the greyscale image they were read from and its points per pixel,
    return them with a "•" or "-" word before each line that opens on a bullet OCR did not
    read."""
    ink = np.asarray(image) < INK
    heads = line_heads(words)
    marks = [m for word, height in heads if (m := mark_left_of(word, height, ink, scale))]
    listed = in_columns(marks)
    if not listed:
        return words
    before = {id(d.word): Word(text=d.text, bbox=d.bbox, conf=0.0) for d in listed}
    return [w for word in words for w in ((before[id(word)], word) if id(word) in before
                                          else (word,))]


def line_heads(words: list[Word]) -> list[tuple[Word, float]]:
    """Given words, return each line's first word that opens on a letter, with the line's
    height (a line that opens on a dash, a digit or a bracket has its marker read)."""
    heads = []
    for line in words_to_lines(words):
        first = line.chunks[0].words[0]
        if first.text[:1].isalpha():
            heads.append((first, line.height))
    return heads


def mark_left_of(word: Word, height: float, ink: np.ndarray, scale: float) -> _Mark | None:
    """Given a line's first word, its line's height (points), the page's ink mask and its
    points per pixel, return the one mark standing left of the word, if it is a bullet."""
    x1 = round((word.bbox[0] - GAP_H * height) / scale)
    x0 = max(0, round((word.bbox[0] - SEARCH_H * height) / scale))
    top, bottom = round(word.bbox[1] / scale), round((word.bbox[1] + height) / scale)
    if x1 - x0 < 2 or bottom <= top:
        return None
    window = ink[max(0, top) : bottom, x0:x1].astype(np.uint8)
    count, _labels, stats, _centres = cv2.connectedComponentsWithStats(window, connectivity=8)
    marks = [s for s in stats[1:count] if s[cv2.CC_STAT_AREA] > SPECK_PX]
    kind = mark_kind(marks[0], height / scale) if len(marks) == 1 else None
    if kind is None:
        return None
    left, up, width, tall = (int(v) for v in marks[0][:4])
    box = (x0 + left, max(0, top) + up, x0 + left + width, max(0, top) + up + tall)
    return _Mark(word=word, text=kind, bbox=(box[0] * scale, box[1] * scale, box[2] * scale,
                                            box[3] * scale), height=height)


def mark_kind(stats: np.ndarray, line_px: float) -> str | None:
    """Given a component's stats (left, top, width, height, area) in its window and the line's
    height in pixels, return the bullet it is: a dot (small, compact, in the letters' band),
    a dash (short, thin, flat, at mid-height), else None."""
    _left, up, width, tall, area = (int(v) for v in stats[:5])
    centre = (up + tall / 2) / line_px
    sized = all(DOT_MIN_H * line_px <= v <= DOT_MAX_H * line_px for v in (width, tall))
    compact = area >= DOT_FILL * width * tall and max(width, tall) <= DOT_ASPECT * min(width, tall)
    if sized and compact and BAND[0] <= centre <= BAND[1]:
        return BULLET
    long = DASH_LONG_H[0] * line_px <= width <= DASH_LONG_H[1] * line_px
    flat = tall <= DASH_THICK_H * line_px and width >= DASH_ASPECT * tall
    solid = area >= DASH_FILL * width * tall
    return DASH if long and flat and solid and DASH_BAND[0] <= centre <= DASH_BAND[1] else None


def in_columns(marks: list[_Mark]) -> list[_Mark]:
    """Given the marks found, return those that share a column with at least one other."""
    def centre(mark: _Mark) -> float:
        return (mark.bbox[0] + mark.bbox[2]) / 2

    return [m for m in marks if sum(abs(centre(m) - centre(o)) <= COLUMN_H * m.height
                                    for o in marks) >= MIN_ITEMS]
