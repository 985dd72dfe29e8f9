"""Shortcuts of the statement reader find exactly what the forms they replace find (issues
#9 and #13): each is checked against the plain form, on composed text."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from parscore.pipeline.statements import word_chars
from parscore.pipeline.statements.cues import sentence_key

_WORDS = re.compile(r"\w+")
#: Pieces of a sentence key: words, the marks ``word_chars`` drops, and others it must not.
KEY_PIECES = ["sở", "nội", "vụ", "đạt", "86", ",", "5", " ", "  ", "\t", "\n", "\u00a0",
              ".", ";", ":", "(", ")", "%", "/", "-", "_", "“", "”", "…", "–", "&", "²",
              "Ⅳ"]  # fmt: skip


@given(st.lists(st.sampled_from(KEY_PIECES), max_size=16).map("".join))
def test_word_chars_are_what_the_word_pattern_finds(key: str) -> None:
    assert word_chars(key) == "".join(_WORDS.findall(key))


def test_word_chars_of_composed_sentences() -> None:
    sentences = [
        "Năm 2024, Sở Giáo dục và Đào tạo đạt 88,75% (xếp thứ 3/21); tăng 2 bậc.",
        "Chỉ số SIPAS của huyện Yên Lạc – cao nhất “khối huyện” … với 90,1 điểm",
        "mã_số 12/KH-UBND: đạt",  # "_" is a word character: the regex says it
        "",
        " ,.;: ",
    ]
    for text in sentences:
        key = sentence_key(text)
        assert word_chars(key) == "".join(_WORDS.findall(key))
    # two sentences differing only in marks and spaces have one key; other words differ
    assert word_chars(sentence_key("Sở Y tế đạt 86,5 điểm.")) == word_chars(
        sentence_key("Sở Y tế  đạt 86.5 điểm")
    )
    assert word_chars(sentence_key("Sở Y tế đạt 86,5 điểm.")) != word_chars(
        sentence_key("Sở Y tế đạt 86,6 điểm.")
    )


@settings(deadline=None)
@given(st.text(max_size=24))
def test_word_chars_on_any_text(key: str) -> None:
    assert word_chars(key) == "".join(_WORDS.findall(key))
