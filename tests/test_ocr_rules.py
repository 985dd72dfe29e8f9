"""Ruling lines found on a scanned page: hairlines that print grey, a narrow column's short
borders, crossings erased with the rules, and a bold heading's stems left as text. Composed
pages drawn with numpy (no OCR engine needed)."""

from __future__ import annotations

import numpy as np
from PIL import Image

from parscore.extractors.ocr import (
    erase_rules,
    find_rules,
    inked,
    top_align_cells,
    without_made_up_colons,
)
from parscore.extractors.pagemodel import Edge, Word, words_to_lines
from parscore.extractors.pdf import on_page
from parscore.extractors.tables import lines_to_grid

DPI = 200


def _page(draw: list[tuple[slice, slice, int]], size: tuple[int, int] = (900, 700)) -> Image.Image:
    pixels = np.full(size, 255, dtype=np.uint8)
    for rows, cols, level in draw:
        pixels[rows, cols] = level
    return Image.fromarray(pixels)


def _grid(level: int, xs: tuple[int, ...], ys: tuple[int, ...]) -> list[tuple[slice, slice, int]]:
    """A ruled grid of one-pixel lines, each spread over two pixels of `level` grey."""
    lines = [(slice(y, y + 2), slice(xs[0], xs[-1] + 2), level) for y in ys]
    return lines + [(slice(ys[0], ys[-1] + 2), slice(x, x + 2), level) for x in xs]


def test_a_grey_hairline_grid_is_found() -> None:
    """A table's hairlines the scan printed light grey (above the text's ink level) are rules."""
    xs, ys = (100, 160, 400, 600), (100, 180, 260, 340)
    horizontal, vertical = find_rules(_page(_grid(170, xs, ys)), DPI)
    assert sorted({round((a + b) / 2) for a, b, *_ in vertical}) == [100, 160, 400, 600]
    assert {round((a + b) / 2) for a, b, *_ in horizontal} == {100, 180, 260, 340}


def test_a_narrow_columns_borders_are_rules_between_its_sides() -> None:
    """A 'TT' column narrower than a rule's length keeps its row borders (they run from one
    vertical rule to the next); a short dash of the same length in the open is no rule."""
    xs, ys = (100, 160, 600), (100, 260)
    border = (slice(180, 182), slice(100, 162), 60)  # the narrow column's row border only
    dash = (slice(500, 502), slice(300, 362), 60)  # as long, with no sides
    horizontal, _ = find_rules(_page([*_grid(60, xs, ys), border, dash]), DPI)
    narrow = [h for h in horizontal if h[3] <= 170]
    assert [abs(h[0] - 180) <= 2 for h in narrow] == [True]
    assert not any(h[0] >= 490 for h in horizontal)


def test_a_bold_headings_stems_are_not_rules() -> None:
    """Stems of large bold letters are as tall as a short rule but thick: they stay text."""
    stems = [(slice(100, 150), slice(x, x + 9), 20) for x in (200, 260, 320)]
    rule = [(slice(300, 400), slice(500, 502), 20)]
    _, vertical = find_rules(_page(stems + rule), DPI)
    assert [round((a + b) / 2) for a, b, *_ in vertical] == [500]


def test_erasing_rules_leaves_no_speck_at_their_crossings() -> None:
    """Rule ends are known to a few pixels: the crossing of two rules goes with them."""
    xs, ys = (100, 300, 500), (100, 200, 300)
    image = _page(_grid(40, xs, ys))
    clean = np.asarray(erase_rules(image, find_rules(image, DPI), DPI))
    assert clean.min() == 255


def _word(text: str, x0: float, top: float = 100.0) -> Word:
    return Word(text=text, bbox=(x0, top, x0 + 30.0, top + 10.0))


def test_words_set_off_the_page_are_not_read() -> None:
    """An export that lays a sidebar partly left of the page, and text above or below it: those
    words go; the article's words, even running off the right edge, stay."""
    words = [_word("Tin", -28.0), _word("hoạt", -11.0), _word("Ngày", 12.0), _word("cải", 560.0),
             _word("cách", 600.0), _word("trang", 40.0, top=-30.0), _word("chân", 40.0, top=850.0)]
    assert [w.text for w in on_page(words, 842.0)] == ["Ngày", "cải", "cách"]


def test_marks_made_up_on_blank_paper_are_dropped() -> None:
    """Tesseract reads "`" or "__" in a wide blank gap: a mark with no ink under it goes; a
    mark over ink and a word (letters, digits) stay."""
    image = _page([(slice(100, 104), slice(300, 320), 0)])  # a short dash of ink
    scale = 0.5  # points per pixel
    words = [Word(text="4", bbox=(10.0, 48.0, 16.0, 58.0)),
             Word(text="`", bbox=(30.0, 48.0, 36.0, 58.0)),
             Word(text="-", bbox=(149.0, 48.0, 161.0, 53.0)),
             Word(text="Sở", bbox=(60.0, 48.0, 80.0, 58.0))]
    assert [w.text for w in inked(words, image, scale)] == ["4", "-", "Sở"]


def _row(text: str, top: float, left: float) -> list[Word]:
    return [Word(text=t, bbox=(left + 32.0 * i, top, left + 32.0 * i + 28, top + 10))
            for i, t in enumerate(text.split())]


def test_a_table_ruled_by_columns_only_takes_its_columns_from_its_rules() -> None:
    """A wrapped label's last word lies nearer the next column's numbers than the labels of
    the other rows end: the rule between the columns keeps it in its label."""
    words = (_row("Tên lĩnh vực", 100.0, 60.0) + _row("Tối đa", 100.0, 380.0)
             + _row("Đạt", 100.0, 450.0)
             + _row("Lĩnh vực thứ nhất", 115.0, 60.0) + _row("12", 115.0, 380.0)
             + _row("10,5", 115.0, 450.0)
             + _row("Lĩnh vực thứ hai dài hơn kia", 130.0, 60.0)
             + _row("mười", 130.0, 300.0) + _row("20", 134.0, 380.0) + _row("14,6", 134.0, 450.0))
    rules = [Edge(x0=x, y0=95.0, x1=x, y1=150.0) for x in (55.0, 374.0, 444.0, 520.0)]
    lines = words_to_lines(words)
    ruled, _ = lines_to_grid(lines, rules)
    assert ruled[-1] == ["Lĩnh vực thứ hai dài hơn kia mười", "20", "14,6"]
    unruled, _ = lines_to_grid(lines)
    assert unruled[-1][0] != ruled[-1][0]  # without the rules the word goes astray


def test_a_tall_letters_stem_is_no_rule_unless_it_meets_one() -> None:
    """A capital's stem with its marks above and below (a bold heading's "Ệ") is as tall and
    thin as a row's side in a table; the side meets the rules above and below it, the stem
    none."""
    stem = [(slice(100, 162), slice(200, 206), 20)]
    cell = [(slice(300, 302), slice(400, 700), 20), (slice(360, 362), slice(400, 700), 20),
            (slice(300, 362), slice(500, 506), 20)]
    _, vertical = find_rules(_page(stem + cell, size=(700, 800)), DPI)
    assert [round((a + b) / 2) for a, b, *_ in vertical] == [502]


def _blocks(image: Image.Image) -> list[tuple[int, int]]:
    """Given a page, return the (top, bottom) of each run of rows holding ink."""
    rows = (np.asarray(image) < 128).any(axis=1)
    runs, start = [], None
    for y, on in enumerate([*rows, False]):
        if on and start is None:
            start = y
        elif not on and start is not None:
            runs.append((start, y))
            start = None
    return runs


def test_a_column_only_table_keeps_its_rows_apart() -> None:
    """Cells that are whole columns (no row rules found) are aligned row by row: the label of
    each row and its figure, printed a little apart in height, end on one line, and the rows
    stay where they were, not moved up with their column."""
    rows = (150, 230, 310, 390)  # each row's label top; the figures below the first sit lower
    draw = [(slice(y, y + 20), slice(120, 300), 0) for y in rows]
    draw += [(slice(y + 12 * (i > 0), y + 20 + 12 * (i > 0)), slice(420, 470), 0)
             for i, y in enumerate(rows)]
    page = _page(draw)
    cells = [(105, 105, 395, 595), (405, 105, 595, 595)]  # two columns, top rule to bottom
    aligned = top_align_cells(page, cells, DPI)
    label = _blocks(aligned.crop((105, 105, 395, 595)))
    figure = _blocks(aligned.crop((405, 105, 595, 595)))
    assert len(label) == len(figure) == len(rows)
    assert [b for _, b in label] == [b for _, b in figure]
    assert all(t > 60 * i for i, (t, _) in enumerate(label))  # each row still below the last


def test_a_column_rule_may_stop_above_a_merged_closing_row() -> None:
    """The rule between two figure columns stops above a closing row whose rating spans both:
    it still parts the figures above it; a rule that stops higher, mid-table, does not."""
    words = (_row("Lĩnh vực", 100.0, 60.0) + _row("Tối đa", 100.0, 380.0)
             + _row("Đạt", 100.0, 450.0)
             + _row("Thứ nhất", 115.0, 60.0) + _row("12", 115.0, 380.0) + _row("9,5", 115.0, 450.0)
             + _row("Thứ hai", 130.0, 60.0) + _row("8", 130.0, 380.0) + _row("7", 130.0, 450.0)
             + _row("Xếp loại", 145.0, 60.0) + _row("Tốt", 145.0, 380.0))
    sides = [Edge(x0=x, y0=95.0, x1=x, y1=160.0) for x in (55.0, 374.0, 520.0)]
    lines = words_to_lines(words)
    for stop, columns in ((142.0, 3), (127.0, 2)):
        between = Edge(x0=444.0, y0=95.0, x1=444.0, y1=stop)
        rows, spans = lines_to_grid(lines, [*sides, between])
        assert len(spans) == columns
    rows, _ = lines_to_grid(lines, [*sides, Edge(x0=444.0, y0=95.0, x1=444.0, y1=142.0)])
    assert rows[1] == ["Thứ nhất", "12", "9,5"] and rows[-1] == ["Xếp loại", "Tốt", ""]


def _letters(left: int, top: int, n: int) -> list[tuple[slice, slice, int]]:
    """n letters 'u' drawn as two stems joined at the foot, each 14 pixels wide."""
    out = []
    for i in range(n):
        x = left + 18 * i
        out += [(slice(top, top + 20), slice(x, x + 3), 0),
                (slice(top, top + 20), slice(x + 11, x + 14), 0),
                (slice(top + 17, top + 20), slice(x, x + 14), 0)]
    return out


def test_a_colon_the_page_does_not_show_is_dropped() -> None:
    """A word read with a colon whose box ends on a letter's stem loses the colon (specks in a
    justified line's wide space); a colon's two dots, upright or italic (offset), keep it."""
    scale = 72 / DPI  # points per pixel
    draw = _letters(100, 100, 3)  # "uuu", box ends on the last stem
    draw += [*_letters(100, 200, 3), (slice(204, 208), slice(158, 162), 0),
             (slice(216, 220), slice(158, 162), 0)]  # "uuu:"
    draw += [*_letters(100, 300, 3), (slice(304, 308), slice(161, 165), 0),
             (slice(316, 320), slice(157, 161), 0)]  # italic
    words = [Word(text=f"{t}:", bbox=(100 * scale, y * scale, right * scale, (y + 20) * scale))
             for t, y, right in (("mưu", 100, 154), ("sau", 200, 162), ("nhận", 300, 165))]
    kept = without_made_up_colons(words, _page(draw), scale)
    assert [w.text for w in kept] == ["mưu", "sau:", "nhận:"]
