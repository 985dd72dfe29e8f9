"""The text layer read from arrays gives the words a character-by-character reading gives.

The reference below is the plain reading, one pdfium call and one comparison per character:
a word ends at a separator, or where the next character is on another line, after a gap
wider than WORD_GAP of the height, or steps back. The array reading must agree with it on
composed boxes (hypothesis) and on the real text layers of the samples, turned pages too.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
import pytest
from hypothesis import given
from hypothesis import strategies as st

from parscore.extractors import textlayer
from parscore.extractors.model import BBox
from parscore.extractors.pagemodel import Frame, Word, union_bbox

SEPARATORS = " \t\n\r\u00a0\u2003\u3000\ufffe\x00"


def reference_breaks(prev: BBox, box: BBox, char: str) -> bool:
    """The plain rule: whether a word ends between two consecutive characters."""
    height = max(prev[3] - prev[1], box[3] - box[1], 1.0)
    overlap = box[1] < prev[3] and prev[1] < box[3]
    same_line = abs((prev[1] + prev[3]) - (box[1] + box[3])) / 2 < 0.5 * height or (
        overlap and char in ",.;:!?)]}”’%…")
    return not same_line or box[0] - prev[2] > textlayer.WORD_GAP * height or box[2] < prev[0]


def reference_spans(text: str, boxes: list[BBox]) -> list[list[int]]:
    """The plain reading: each word's character indices, character by character."""
    spans: list[list[int]] = []
    for i, ch in enumerate(text):
        if ch.isspace() or ch in "\ufffe\x00":
            spans.append([])
        elif spans and spans[-1] and not reference_breaks(boxes[spans[-1][-1]], boxes[i], ch):
            spans[-1].append(i)
        else:
            spans.append([i])
    return [s for s in spans if s]


def reference_words(textpage: pdfium.PdfTextPage, frame: Frame) -> list[Word]:
    """The plain reading of a real page: one pdfium call per character and per word."""
    n = textpage.count_chars()
    text = textpage.get_text_range(0, n)
    rect, boxes, height = pdfium_c.FS_RECTF(), [], frame.height
    for i in range(n):
        pdfium_c.FPDFText_GetLooseCharBox(textpage.raw, i, rect)
        if frame.rotation == 0:
            boxes.append((rect.left, height - rect.top, rect.right, height - rect.bottom))
        else:
            boxes.append(frame.box(rect.left, rect.bottom, rect.right, rect.top))
    fonts = textlayer.FontNames(textpage)
    return [
        Word(text="".join(text[i] for i in s), bbox=union_bbox(boxes[i] for i in s),
             font=fonts.read(s[0]))
        for s in reference_spans(text, boxes)
    ]


# --------------------------------------------------------------------------- composed boxes

_coord = st.floats(min_value=-50, max_value=900, allow_nan=False, width=32)
_char = st.tuples(
    st.sampled_from("aăbđ1,.Ứ" + SEPARATORS), _coord, _coord, st.floats(0, 30, width=32),
    st.floats(0, 30, width=32),
)


def _compose(chars: list[tuple[str, float, float, float, float]]) -> tuple[str, list[BBox]]:
    """Given (character, x, top, width, height) tuples, return the text and the boxes."""
    text = "".join(c for c, *_ in chars)
    return text, [(x, top, x + w, top + h) for _, x, top, w, h in chars]


@given(st.lists(_char, max_size=60))
def test_word_starts_agree_with_the_plain_reading(
    chars: list[tuple[str, float, float, float, float]],
) -> None:
    text, boxes = _compose(chars)
    indices = textlayer.char_indices(text)
    x0, top, x1, bottom = (np.array([boxes[i][k] for i in indices.tolist()], float)
                           for k in range(4))
    starts = textlayer.word_starts(indices, (x0, top, x1, bottom),
                                   textlayer.trailing_marks(text, indices))
    spans = reference_spans(text, boxes)
    assert indices[starts].tolist() == [s[0] for s in spans]
    assert textlayer.word_boxes((x0, top, x1, bottom), starts) == [
        union_bbox(boxes[i] for i in s) for s in spans
    ]


def test_every_kind_of_whitespace_and_pdfiums_markers_separate() -> None:
    text = "Sở\u00a0Nội\u3000vụ\ufffe12\x00,5\u2003x"
    assert [text[i] for i in textlayer.char_indices(text).tolist()] == list("SởNộivụ12,5x")


def test_a_character_outside_the_bmp_read_as_two_halves_stays_in_its_word() -> None:
    text = "x\ud835\udc00y z"  # pdfium counts a surrogate pair as two characters
    assert textlayer.char_indices(text).tolist() == [0, 1, 2, 3, 5]


def test_a_gap_splits_a_word_and_a_step_back_too() -> None:
    text, boxes = _compose([
        ("a", 10, 100, 5, 10), ("b", 15, 100, 5, 10),  # touching: one word
        ("c", 23, 100, 5, 10),  # a gap of 3 > 0.25 × 10: a new word
        ("d", 5, 100, 5, 10),  # back to the left: a new word
        ("e", 10, 120, 5, 10),  # the next line: a new word
    ])
    assert reference_spans(text, boxes) == [[0, 1], [2], [3], [4]]


def test_a_comma_whose_glyph_box_sits_low_stays_in_its_word() -> None:
    """A font that gives pdfium no ascent: the loose boxes are the glyphs' own, a comma's
    (2.3 high, below the baseline) lies under the letters' middle yet overlaps the letter
    before it; a letter there would be another line, a comma clear of it too."""
    text, boxes = _compose([
        ("t", 10, 100, 3, 5.5), ("a", 13, 100.5, 5, 5), (",", 18, 104.3, 2.7, 2.3),
        ("x", 23, 100, 5, 5),
        ("b", 30, 100, 5, 5), ("q", 35, 104.3, 2.7, 2.3),  # a letter as low: a new word
        ("c", 40, 100, 5, 5), (".", 45, 106, 2.7, 2.3),  # clear of the letter: a new word
    ])
    indices = textlayer.char_indices(text)
    x0, top, x1, bottom = (np.array([boxes[i][k] for i in indices.tolist()], float)
                           for k in range(4))
    starts = textlayer.word_starts(indices, (x0, top, x1, bottom),
                                   textlayer.trailing_marks(text, indices))
    assert starts.tolist() == [0, 3, 4, 5, 6, 7]


# --------------------------------------------------------------------------- real pages

PAGES = ["seed-568-tb-sxd.pdf", "seed-568-tb-sxd-turned.pdf", "borderless-table.pdf",
         "renderings/stp-112.portal.chromium.pdf"]


@pytest.mark.parametrize("name", PAGES)
def test_real_pages_read_as_the_plain_reading_reads_them(samples_dir: Path, name: str) -> None:
    pdf = pdfium.PdfDocument(samples_dir / name)
    try:
        for index in range(len(pdf)):
            page = pdf[index]
            frame = Frame.of(page.get_size(), page.get_rotation())
            textpage = page.get_textpage()
            words = textlayer.text_words(textpage, frame)
            assert words == reference_words(textpage, frame)
            assert [w.font for w in words] == [w.font for w in reference_words(textpage, frame)]
            assert words, f"{name} page {index + 1} has a text layer"
            textpage.close()
            page.close()
    finally:
        pdf.close()
