"""Patterns rewritten for speed (first character first, the lookbehind after it) find exactly
what their plain form, which opens with the lookbehind, finds."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from parscore.extractors import boilerplate
from parscore.normalizers.labels import data_table
from parscore.normalizers.openings import guarded, opening_class, opening_guard
from parscore.normalizers.text import fold
from parscore.pipeline.parse.headline import target_words, words_pattern
from parscore.pipeline.statements import prose
from parscore.pipeline.statements.cues import cues
from parscore.pipeline.statements.units import unit_cues
from tests.test_same_reading_faster import _same_units


def finds(rx: re.Pattern[str], text: str) -> list[tuple[int, int, str | None]]:
    """Given a pattern and a text, return the spans it finds and the group that found each."""
    return [(*m.span(), m.lastgroup) for m in rx.finditer(text)]


def same_everywhere(fast: re.Pattern[str], slow: re.Pattern[str], text: str) -> None:
    """Given two patterns and a text, assert they find the same, from every start too."""
    assert finds(fast, text) == finds(slow, text)
    for start in range(len(text) + 1):  # a search from a position sees the text before it
        a, b = fast.search(text, start), slow.search(text, start)
        assert (a and (a.span(), a.lastgroup)) == (b and (b.span(), b.lastgroup))


SENTENCE_PIECES = [".", "!", "?", "…", " ", "  ", "\n", "\t", "Ô", "b", "2", "(", "“", "[", "_",
                   "k."]  # fmt: skip


@given(st.lists(st.sampled_from(SENTENCE_PIECES), max_size=14).map("".join))
def test_sentence_end_as_the_lookbehind(text: str) -> None:
    slow = re.compile(r"(?<=[.!?…])\s+(?=[\"“(\[]?[^\W\d_])")
    same_everywhere(prose._SENTENCE_END, slow, text)


def test_sentence_end_splits_composed_prose() -> None:
    text = "Tỉnh xếp thứ 3.  Điểm số tăng!\n(Nguồn: Sở) Năm 2024 …  “Kết quả” 12 đơn vị. 5 huyện."
    slow = re.compile(r"(?<=[.!?…])\s+(?=[\"“(\[]?[^\W\d_])")
    assert len(finds(slow, text)) == 3
    same_everywhere(prose._SENTENCE_END, slow, text)


WORDS = ("phấn đấu", "mục tiêu", "mục tiêu là", "đề ra", "a", "-x")


def plain_words(words: tuple[str, ...]) -> re.Pattern[str]:
    """Given words, return the pattern the rewritten one replaces (lookbehind first)."""
    return re.compile("|".join(rf"(?<!\w){re.escape(w)}(?!\w)" for w in words))


@settings(deadline=None)  # the first example builds the cues
@given(st.lists(st.sampled_from([*WORDS, " ", "k", "ụ", ",", "-", "1", "\n", "_"]), max_size=10))
def test_words_pattern_as_the_lookbehind(pieces: list[str]) -> None:
    same_everywhere(words_pattern(WORDS), plain_words(WORDS), "".join(pieces))


def test_target_words_on_composed_text() -> None:
    """The data file's target words, on a composed folded sentence."""
    words = tuple(fold(w) for w in data_table("indices")["headline"]["target_words"])
    text = fold("Chỉ tiêu: phấn đấu đạt 90 điểm; kmục tiêu, Mục tiêu 95 và phải đạt loại Tốt")
    assert finds(plain_words(words), text)
    same_everywhere(target_words(), plain_words(words), text)


UNIT_PIECES = ["UBND", "ubnd", "Ủy ban nhân dân", "HĐND", "huyện", "Huyện", "tỉnh", "TP.",
               "thành phố",
               "xã", "Cẩm Mỹ", " ", "\t", ".", ",", "k", "\n", "Thị xã", "phường"]  # fmt: skip


@settings(deadline=None)  # the first example builds the cues
@given(st.lists(st.sampled_from(UNIT_PIECES), max_size=10).map("".join))
def test_unit_openings_keep_the_finds(text: str) -> None:
    """The councils and localities patterns, opened by a class of their first characters in
    both cases (``units.case_opened``), find what their plain form finds, at each position
    too (tests/test_same_reading_faster.py)."""
    for rx in (unit_cues().councils, unit_cues().localities):
        assert rx.pattern.startswith(("[", "(?P<level>["))
    _same_units(text)


GUARDED = [
    r"(?<!\w)(?:ab|c[d-f]|(?i:x)y)",
    r"\s*a(?!\w)",
    r"(?<=\()\s*(?:tốt|khá)(?=\s*\))",
    r"(?:x|)+y|(?>\d)z",
    r"(?<![\w.])(?i:ubnd|hđnd)[ \t]+(?P<level>(?i:tỉnh|huyện))",
    r"(?:^|(?<=\s))(?:ab)*?c",
]
GUARD_PIECES = ["a", "b", "c", "x", "X", "y", "z", "1", " ", "\t", "(", ")", "tốt", "khá", ".",
                "UBND", "hđnd", "Tỉnh", "huyện", "\n", "e"]  # fmt: skip


@given(st.lists(st.sampled_from(GUARD_PIECES), max_size=12).map("".join))
def test_guarded_finds_what_the_pattern_finds(text: str) -> None:
    for pattern in GUARDED:
        assert opening_guard(pattern) is not None
        same_everywhere(re.compile(guarded(pattern)), re.compile(pattern), text)


def test_no_guard_where_the_openings_are_unknown() -> None:
    for pattern in (r"a?", r"[^a]b", r".x", r"(a)?\1b", r"(?=x)", r"(?x: a)"):
        assert opening_guard(pattern) is None
        assert guarded(pattern) == pattern
    assert opening_guard(r"(?<!\w)(?:ab|(?i:c))\s") == "(?=[a]|(?i:[c]))"
    assert opening_class(r"(?<!\w)(?:ab|(?i:c))\s") is None
    assert opening_class(r"(?<!\w)(?:b|a\d|\s*-)") == r"\-\sab"


TRIGGERS = ("first", "last", "penultimate", "rank", "grade", "next")
CUE_TEXT = [
    "Năm 2024, tỉnh xếp thứ 3/63, dẫn đầu khu vực; huyện A đứng cuối bảng, xếp loại Tốt.",
    "kết quả (tốt) và nhóm khá; đơn vị xếp hạng 12 trong số 20 đơn vị, thứ nhì là xã B.",
    "Bộ chỉ số CCHC (PAR Index) 2023: cao nhất 92,1 điểm; thấp nhất; đạt loại xuất sắc.",
]


@settings(deadline=None)  # the first example builds the cues
@given(st.lists(st.sampled_from([*" ".join(CUE_TEXT).split(), " ", ",", "(", ")"]), max_size=14))
def test_one_pass_guard_keeps_the_trigger_finds(words: list[str]) -> None:
    c, boundary = cues(), r"(?<!\w)"
    inner = "|".join(f"(?P<{n}>{getattr(c, n).pattern.removeprefix(boundary)})" for n in TRIGGERS)
    slow = re.compile(f"{boundary}(?:{inner})")
    assert c.trigger.pattern.startswith("(?=[")
    mentions = ("index", "area", "totals", "parts", "groups", "average", "previous", "first",
                "penultimate", "last", "next")  # fmt: skip
    inner = "|".join(f"(?P<{n}>{getattr(c, n).pattern.removeprefix(boundary)})" for n in mentions)
    slow_mentions = re.compile(f"{boundary}(?:{inner})")
    assert c.mentions.pattern.startswith("(?=[")
    for text in (fold(" ".join(words)), fold("".join(words)), *map(fold, CUE_TEXT)):
        same_everywhere(c.trigger, slow, text)
        same_everywhere(c.mentions, slow_mentions, text)


CHROME_PIECES = ["lượt xem", "số lượt xem", "in bài viết", "chia sẻ", "xem", "top", "zalo",
                 "e-mail", "email", " ", ": ", "12", "|", "-", "(", ")", "»", "sở", "xem theo ngày",
                 "kxem", "x", "bài", "\u00a0", "ngày"]  # fmt: skip


@given(st.lists(st.sampled_from(CHROME_PIECES), max_size=10).map("".join))
def test_chrome_phrases_read_left_to_right(text: str) -> None:
    """A line read phrase by phrase is chrome exactly when removing its phrases leaves filler."""
    rest, found = boilerplate._PHRASE_RE.subn("", text)
    plain = found > 0 and boilerplate._FILLER_RE.fullmatch(rest) is not None
    assert boilerplate._phrases_only(text) == plain


def test_chrome_phrases_on_composed_lines() -> None:
    chrome = ["Lượt xem: 1.204 | In bài viết | Chia sẻ", "(Zalo) - Email - Top"]
    prose = ["Xem chi tiết kết quả tại đây", "Lượt xem 12, Sở Nội vụ", "12 | 3"]
    for line in chrome:
        assert boilerplate.is_chrome_line(line)
    for line in prose:
        assert not boilerplate.is_chrome_line(line)


SPACED_PIECES = [".", "!", "?", ";", " ", "  ", "\n", "\t", "\u00a0", "a", "Ô", "2", "(", "TP."]


@given(st.lists(st.sampled_from(SPACED_PIECES), max_size=14).map("".join))
def test_duty_sentence_end_as_the_lookbehind(text: str) -> None:
    from parscore.pipeline.parse.assignments import _SENTENCE_END

    slow = re.compile(r"(?<=[.!?])\s+")
    same_everywhere(_SENTENCE_END, slow, text)
    assert _SENTENCE_END.split(text) == slow.split(text)


@given(st.lists(st.sampled_from([*SPACED_PIECES, "_", "-", "ư", "…", "%", "1,5"]), max_size=14)
       .map("".join))  # fmt: skip
def test_seen_sentence_key_is_its_word_characters(text: str) -> None:
    from parscore.pipeline.statements import _WORD_CHARS

    assert "".join(_WORD_CHARS.findall(text)) == re.sub(r"\W+", "", text)
