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


def plain(rx: re.Pattern[str]) -> re.Pattern[str]:
    """Given a pattern whose words open with their first character, then the lookbehind
    (``c(?<!\\w.)ue``), return its plain form: the lookbehind before the word."""
    return re.compile(re.sub(r"(\\?.)\(\?<!\\w\.\)", r"(?<!\\w)\1", rx.pattern))


def spans(rx: re.Pattern[str], text: str) -> list[tuple[int, int, dict[str, str | None]]]:
    """Given a pattern and a text, return what it finds: spans and named groups."""
    return [(*m.span(), m.groupdict()) for m in rx.finditer(text)]


#: Words of ranks and grades, and what stands around them, in any order.
CUE_PIECES = ["xếp", "thứ", "hạng", "đứng", "loại", "nhóm", "đạt", "mức", "tốt", "khá", "a",
              "nhì", "hai", "3", "12/63", "trong", "số", "tỉnh", " ", " ", ":", "(", ")", ",",
              "x", "đ", "_", "1", "từ", "đến", "tới", "59", "xtừ"]  # fmt: skip


@settings(deadline=None)  # the first example builds the cues
@given(st.lists(st.sampled_from(CUE_PIECES), max_size=14).map("".join))
def test_rank_and_grade_cues_find_what_their_plain_form_finds(text: str) -> None:
    from parscore.pipeline.statements.cues import cues

    c = cues()
    for rx in (c.rank, c.rank_bare, c.rank_after_unit, c.rank_range, c.grade, c.trigger,
               c.mentions):  # fmt: skip
        assert spans(rx, text) == spans(plain(rx), text)


def test_rank_and_grade_cues_on_composed_sentences() -> None:
    from parscore.pipeline.statements.cues import cues

    c = cues()
    text = sentence_key(
        "Năm 2024, huyện A xếp thứ 3/12, đứng thứ hai khu vực; xã B (thứ 5) xếp loại Tốt, "
        "nhóm A gồm 4 đơn vị, thứ 2 là xã C; thị trấn D đạt mức Khá (Tốt), hạng 7 trong số 9; "
        "các xã E, G lần lượt xếp từ thứ 10 đến 11, còn xtừ 12 đến 13 thì không."
    )
    assert c.rank.search(text) and c.rank_bare.search(text) and c.grade.search(text)
    assert [m.group() for m in c.rank_range.finditer(text)] == ["từ thứ 10 đến 11"]
    for rx in (c.rank, c.rank_bare, c.rank_after_unit, c.rank_range, c.grade, c.trigger,
               c.mentions):  # fmt: skip
        assert spans(rx, text) == spans(plain(rx), text)


def test_rank_and_grade_cues_open_only_a_word() -> None:
    from parscore.pipeline.statements.cues import cues

    c = cues()
    glued = sentence_key("lầnthứ 2 là A; bxếpthứ 3/12; axếploại Tốt; cnhóm A")
    assert not c.rank.search(glued) and not c.rank_bare.search(glued)
    assert not c.rank_after_unit.search(glued) and not c.grade.search(glued)
    spaced = sentence_key("lần thứ 2 là A; b xếp thứ 3/12; a xếp loại Tốt; c nhóm A")
    assert c.rank.search(spaced) and c.rank_bare.search(spaced)
    assert c.rank_after_unit.search(spaced) and c.grade.search(spaced)


def test_trigger_asked_once_says_what_the_pattern_says() -> None:
    from parscore.normalizers.doccache import clear_document_caches
    from parscore.pipeline.statements.cues import cues
    from parscore.pipeline.statements.prose import may_state, names_a_trigger, states_nothing

    sentences = [
        "Năm 2024, Sở Tư pháp dẫn đầu khối sở.",  # a place, years only: asked twice
        "Huyện Tân Phú xếp loại Khá năm 2023.",  # a grade
        "Ngày 12/3/2024, UBND tỉnh ban hành kế hoạch năm 2024.",  # nothing
        "Xã B đạt 86,5 điểm.",  # a figure: the trigger is not asked
    ]
    clear_document_caches()
    for text in sentences:
        key = sentence_key(text)
        said = cues().trigger.search(key) is not None
        assert names_a_trigger(key) is said
        assert names_a_trigger(key) is said  # kept: the same answer again
    assert may_state(sentence_key(sentences[0]))  # no figure but its year: the trigger says
    assert not may_state(sentence_key("Năm 2024, Sở Tư pháp tổ chức hội nghị."))
    assert not states_nothing(sentence_key(sentences[0]), [])
    assert states_nothing(sentence_key(sentences[2]), [])


#: Pieces of text around committees and localities: their words in any case, glued or not.
NAME_PIECES = ["UBND", "ubnd", "Ủy ban nhân dân", "ỦY BAN NHÂN DÂN", "Uỷ ban nhân dân", "HĐND",
               "huyện", "Huyện", "HUYỆN", "TP.", "tp.", "Tp", "TX", "t.p.", "Thị xã", "xã", "Xã",
               "QUẬN", "P.", "h.", "Đặc khu", "tỉnh", "Cẩm Mỹ", "An", " ", " ", ".", ",", "-",
               "x", "1", "_", "\n"]  # fmt: skip


def _plain_units() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """Given nothing, return the committee and locality patterns in their plain form: the
    boundary, then the forms ignoring case (what ``units.case_opened`` stands for)."""
    from parscore.pipeline.statements.units import AFTER_LEVEL, _level_forms, _level_pattern, data

    levels = _level_pattern(list(_level_forms()))
    councils = "|".join(re.escape(c) for c in data()["units"]["councils"])
    return (
        re.compile(rf"(?<![\w.])(?i:{councils})[ \t]+(?P<level>(?i:{levels}))"),
        re.compile(rf"(?<![\w.])(?P<level>(?i:{levels})){AFTER_LEVEL}"),
    )


def _same_units(text: str) -> None:
    from parscore.pipeline.statements.units import unit_cues

    plain_councils, plain_localities = _plain_units()
    c = unit_cues()
    for rx, plain_rx in ((c.councils, plain_councils), (c.localities, plain_localities)):
        assert spans(rx, text) == spans(plain_rx, text)
        for at in range(len(text) + 1):  # _starts_unit matches at a position
            m, p = rx.match(text, at), plain_rx.match(text, at)
            assert (m and m.span()) == (p and p.span())


@settings(deadline=None)  # the first example builds the patterns
@given(st.lists(st.sampled_from(NAME_PIECES), max_size=12).map("".join))
def test_committees_and_localities_find_what_their_plain_form_finds(text: str) -> None:
    _same_units(text)


def test_committees_and_localities_on_composed_sentences() -> None:
    from parscore.pipeline.statements.units import unit_cues

    text = (
        "ỦY BAN NHÂN DÂN HUYỆN Tân Kỳ, UBND thị xã Ba Đồn và Uỷ ban nhân dân TP.Vinh; "
        "xã Hòa Bình, tp. Hạ Long, Tx Sơn Tây; h.Cẩm Mỹ; aUBND huyện X; .huyện Y; HĐND tỉnh Nam"
    )
    _same_units(text)
    assert len(spans(unit_cues().councils, text)) == 4  # not "aUBND"
    assert [m["level"] for m in unit_cues().localities.finditer(text)][:3] == [
        "HUYỆN", "thị xã", "TP."]  # fmt: skip


def test_case_opened_class_holds_every_first_character_in_any_case() -> None:
    """The class opening a case_opened pattern holds every character the forms' first
    characters match ignoring case (each code point is tried): none is left out."""
    import sys

    from parscore.pipeline.statements.units import _level_forms, case_opened, data

    every = "".join(map(chr, range(sys.maxunicode + 1))).replace("\n", "")
    for forms in (list(_level_forms()), data()["units"]["councils"]):
        opening = re.match(r"\[((?:\\.|[^\]])*)\]", case_opened(forms))
        assert opening is not None
        held = set(re.findall(rf"[{opening.group(1)}]", every))
        for first in {f[0] for f in forms}:
            assert set(re.findall(f"(?i:{re.escape(first)})", every)) <= held
