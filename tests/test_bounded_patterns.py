"""Word patterns bounded after their first character find exactly what ``(?<!\\w)`` finds."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from parscore.pipeline.statements.cues import alternation, data, first_bounded, words_rx
from parscore.pipeline.statements.units import unit_cues

PHRASES = ["xếp thứ", "xếp loại", "đơn vị", "sở", "tỉnh nhà", "cao nhất", "%", "b-c"]
PIECES = [*PHRASES, "x", "đ", "ở", " ", ",", ".", "-", "1", "\n", "_", "kxếp"]


def spans(rx: re.Pattern[str], text: str) -> list[tuple[int, int]]:
    """Given a pattern and a text, return the spans it finds."""
    return [m.span() for m in rx.finditer(text)]


@given(st.lists(st.sampled_from(PIECES), max_size=12).map("".join))
def test_words_rx_finds_what_the_boundary_finds(text: str) -> None:
    slow = re.compile(rf"(?<!\w){alternation(PHRASES)}(?!\w)")
    assert spans(words_rx(PHRASES), text) == spans(slow, text)
    for start in range(len(text) + 1):  # matching at a position sees the text before it
        fast, plain = words_rx(PHRASES).match(text, start), slow.match(text, start)
        assert (fast and fast.span()) == (plain and plain.span())


HEADS = ["Sở", "SỞ", "Bộ", "Ban", "Công an", "Thanh tra", "Ngân hàng Nhà nước"]


@given(st.lists(st.sampled_from([*HEADS, "x", ".", " ", "A", "ở", ",", "Y tế"]), max_size=10))
def test_first_bounded_heads_as_the_lookbehind(pieces: list[str]) -> None:
    text = "".join(pieces)
    ordered = sorted(HEADS, key=len, reverse=True)
    slow = re.compile(rf"(?<![\w.])(?:{'|'.join(map(re.escape, ordered))})(?!\w)")
    fast = first_bounded([(re.escape(h[:1]), re.escape(h[1:])) for h in ordered], r"[\w.]")
    assert spans(re.compile(rf"{fast}(?!\w)"), text) == spans(slow, text)


def test_real_vocabulary_same_finds() -> None:
    """The unit heads and the back-references of the data files, on composed sentences."""
    sentences = [
        "Năm 2023, Sở Tư pháp xếp thứ 2/20; đơn vị đạt 90,1 điểm, X.Sở và aSở không.",
        "UBND huyện Cẩm Mỹ, Công an tỉnh và Thanh tra tỉnh; Bộ Nội vụ, BỘ TƯ PHÁP.",
    ]
    heads = {h for w in data()["units"]["heads"] for h in (w, w.upper())}
    ordered = sorted(heads, key=len, reverse=True)
    slow = re.compile(rf"(?<![\w.])(?:{'|'.join(map(re.escape, ordered))})(?!\w)")
    refs = data()["references"]["words"]
    slow_refs = re.compile(rf"(?<!\w){alternation(refs)}(?!\w)")
    for text in sentences:
        assert spans(unit_cues().heads, text) == spans(slow, text)
        key = text.lower()
        assert spans(unit_cues().refs, key) == spans(slow_refs, key)
