"""The layout step's fast paths give the plain answers.

Each shortcut (bounds before difflib, words found by bisection, medians of kept-sorted lists)
is checked against the plain rule it stands for, on composed words and texts.
"""

from __future__ import annotations

import statistics
from difflib import SequenceMatcher

from hypothesis import given
from hypothesis import strategies as st

from parscore.extractors.layout import _similar
from parscore.extractors.model import BBox
from parscore.extractors.pagemodel import (
    REPEAT_SIMILARITY,
    SAME_LINE_H,
    Word,
    median_of_sorted,
    words_to_lines,
)
from parscore.extractors.tables import WordCentres

_texts = st.text(alphabet="trang #/số ủy ban", max_size=30)
_coord = st.floats(min_value=0, max_value=600, allow_nan=False, width=32)
_word = st.builds(
    lambda text, x, top, w, h: Word(text=text, bbox=(x, top, x + w, top + h)),
    st.sampled_from(["Sở", "Nội", "vụ", "12,5", "TT"]), _coord, _coord,
    st.floats(1, 80, width=32), st.floats(1, 20, width=32),
)


@st.composite
def _pairs(draw: st.DrawFn) -> tuple[str, str]:
    """A text and another: unrelated, or the first with a piece of it replaced (near it)."""
    a = draw(_texts)
    if draw(st.booleans()):
        return a, draw(_texts)
    i = draw(st.integers(0, len(a)))
    j = draw(st.integers(i, len(a)))
    return a, a[:i] + draw(st.text(alphabet="#/ủy", max_size=4)) + a[j:]


@given(_pairs())
def test_bounds_before_difflib_give_difflibs_answer(pair: tuple[str, str]) -> None:
    a, b = pair
    assert _similar(a, b) == (SequenceMatcher(None, a, b).ratio() >= REPEAT_SIMILARITY)


def test_running_lines_that_differ_by_a_page_number_are_similar() -> None:
    assert _similar("trang # / # - ubnd tỉnh", "trang # / # – ubnd tỉnh")
    assert not _similar("trang #", "ủy ban nhân dân tỉnh")


@given(st.lists(_word, max_size=40), _coord, _coord, _coord, _coord)
def test_words_in_a_box_by_bisection_are_those_whose_centre_it_holds(
    words: list[Word], x: float, y: float, w: float, h: float
) -> None:
    box: BBox = (x, y, x + w, y + h)
    plain = [
        word for word in words
        if box[0] <= (word.bbox[0] + word.bbox[2]) / 2 <= box[2]
        and box[1] <= word.centre_y <= box[3]
    ]
    assert WordCentres(words).inside(box) == plain


@given(st.lists(st.floats(-100, 100, allow_nan=False), min_size=1))
def test_median_of_sorted_is_statistics_median(values: list[float]) -> None:
    assert median_of_sorted(sorted(values)) == statistics.median(values)


def plain_rows(words: list[Word]) -> list[list[Word]]:
    """The plain rule: a word joins the row above when it overlaps the median top and bottom
    of the row's words by SAME_LINE_H of the lower height."""
    rows: list[list[Word]] = []
    for word in sorted(words, key=lambda w: w.centre_y):
        if rows:
            top = statistics.median(w.bbox[1] for w in rows[-1])
            bottom = statistics.median(w.bbox[3] for w in rows[-1])
            overlap = min(bottom, word.bbox[3]) - max(top, word.bbox[1])
            if overlap > SAME_LINE_H * min(bottom - top, word.height):
                rows[-1].append(word)
                continue
        rows.append([word])
    return rows


#: Words set on a few baselines, their tops and heights jittered as a text layer's are.
_set_word = st.builds(
    lambda line, x, top, h: Word(text="từ", bbox=(x, 12 * line + top, x + 20, 12 * line + top + h)),
    st.integers(0, 3), st.floats(0, 200, width=32), st.floats(0, 10, width=32),
    st.floats(4, 16, width=32),
)


@given(st.lists(_set_word, min_size=3, max_size=12) | st.lists(_word, max_size=30))
def test_lines_are_the_rows_of_the_plain_rule(words: list[Word]) -> None:
    lines = words_to_lines(words)
    got = [sorted((w for c in x.chunks for w in c.words), key=lambda w: w.bbox[0]) for x in lines]
    assert got == [sorted(r, key=lambda w: w.bbox[0]) for r in plain_rows(words)]
    for line in lines:
        heights = [w.height for c in line.chunks for w in c.words]
        assert line.height == statistics.median(heights)
        assert line.text == " ".join(c.text for c in line.chunks)


def test_a_compound_broken_at_its_hyphen_is_joined_whole() -> None:
    from parscore.extractors.layout import join_lines

    assert join_lines(["theo hướng dẫn số 02/HD-", "SNV ngày 01/8"]) == (
        "theo hướng dẫn số 02/HD-SNV ngày 01/8")
    assert join_lines(["Sở Lao động -", "Thương binh"]) == "Sở Lao động - Thương binh"
    assert join_lines(["năm 2023", "- tăng"]) == "năm 2023 - tăng"
