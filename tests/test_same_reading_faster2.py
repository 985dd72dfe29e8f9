"""Shortcuts of the task reader find exactly what the forms they replace find (issues #9 and
#13): each is checked against the plain form, on composed text."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from parscore.pipeline.parse.assignees import words_of

#: Pieces of composed paragraphs: ordinals and captions, their look-alikes, names, marks.
PIECES = ["Thứ", "thứ", "hai", "Hai", "là", "Một", "nhất", "NHẤT", "Ảnh", "ảnh", "minh",
          "họa", "hoạ", "Nguồn", "Sở", "Nội", "vụ", "Tháng", "10/2/2025", "3", ":", ",", ".",
          "(", ")", " ", "  ", "\u00a0", "\u200b", "\t", "chủ", "trì"]  # fmt: skip
paragraphs = st.lists(st.sampled_from(PIECES), max_size=12).map("".join)


@given(paragraphs)
def test_word_starts_are_where_words_start(text: str) -> None:
    w = words_of(text)
    assert w.starts == tuple(m.start() for m in re.finditer(r"\S+", text))
    assert [text[s : s + len(r)] for s, r in zip(w.starts, w.raw, strict=True)] == list(w.raw)

