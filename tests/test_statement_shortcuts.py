"""The statement reader's shortcuts read exactly what the full path reads (issues #9, #13).

A sentence whose only numbers are years and that names no rank, place, grade or index is not
tokenised; a sentence's tokens are kept by sentence; the walk's frame is copied through its
attribute dict. Each shortcut is checked against the path it stands for, on composed text.
"""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from parscore.normalizers.numbers import find_numbers
from parscore.pipeline.model import Where
from parscore.pipeline.statements.context import Context
from parscore.pipeline.statements.counts import counted_ranks
from parscore.pipeline.statements.cues import sentence_key
from parscore.pipeline.statements.draft import NOWHERE, Draft, merge
from parscore.pipeline.statements.prose import (
    _FIGURE,
    STATING,
    keyed,
    read_paragraph,
    read_sentence,
    read_tokens,
    states_nothing,
    tokens_of,
)
from parscore.pipeline.statements.tokens import sentence_tokens
from parscore.pipeline.statements.units import _region_names, _region_pattern, regions
from parscore.pipeline.statements.walk import Frame, replace

#: Sentences that state nothing and name no index: dates, document numbers, years only.
NOTHING = [
    "Ngày 14/02/2025, Văn phòng UBND huyện ban hành Công văn số 318/VP-TH về lịch tiếp dân.",
    "Hội nghị sơ kết quý I năm 2025 diễn ra sáng 03/4/2025 tại hội trường lớn.",
    "Ban biên tập xin trân trọng giới thiệu (Kế hoạch 27/KH-UBND năm 2024).",
]
#: Sentences that do state something, each by another kind of token.
STATING_TEXT = [
    "Ngày 14/02/2025, Sở Công Thương xếp thứ 5 trong khối sở.",  # a rank after "xếp"
    "Năm 2024, đứng thứ 2 là Sở Xây dựng.",  # the ordinal word alone, before its unit
    "Năm 2024 Sở Nội vụ dẫn đầu toàn tỉnh.",  # a place
    "Chỉ số CCHC của Sở Y tế đạt 86,42 điểm.",  # a figure
    "Sở Tài chính xếp loại Tốt năm 2024.",  # a grade
]


@pytest.mark.parametrize("text", NOTHING)
def test_a_sentence_of_dates_and_codes_states_nothing(text: str) -> None:
    key = sentence_key(text)
    assert states_nothing(key, find_numbers(text))
    assert read_tokens(text, key) is None
    full = sentence_tokens(text, key)  # what the full path would have found: no statement
    assert not any(t.kind in STATING for t in full)


@pytest.mark.parametrize("text", STATING_TEXT)
def test_a_sentence_with_a_rank_place_figure_or_grade_is_read(text: str) -> None:
    key = sentence_key(text)
    assert not states_nothing(key, find_numbers(text))
    assert read_tokens(text, key) == sentence_tokens(text, key)


def test_a_sentence_naming_an_index_is_still_tokenised_for_the_next_one() -> None:
    # "Chỉ số CCHC năm 2024" states nothing but tells the sentence after it its index and year
    text = "Ngày 10/01/2025, UBND tỉnh công bố Chỉ số CCHC năm 2024."
    key = sentence_key(text)
    assert states_nothing(key, find_numbers(text))
    assert read_tokens(text, key) == sentence_tokens(text, key)
    drafts, ctx = read_paragraph(
        [keyed(text), keyed("Sở Nội vụ đạt 91,2 điểm.")], Context(), Where(block=3)
    )
    assert [(d.unit, d.index, d.year, d.official) for d in drafts] == [
        ("Sở Nội vụ", "par", 2024, drafts[0].score)
    ]
    assert str(drafts[0].official.value) == "91.2"  # type: ignore[union-attr]
    assert ctx.year == 2024


def test_a_sentence_stating_nothing_leaves_the_context_as_it_was() -> None:
    ctx = Context(index="par", year=2023, subjects=("Sở Tư pháp",), lead=1)
    for text in NOTHING:
        drafts, after = read_sentence(keyed(text), ctx, Where(block=1))
        assert drafts == ()
        assert after == ctx


def test_kept_tokens_are_those_the_sentence_gives() -> None:
    text = "Huyện Yên Khánh đạt 88,15 điểm, xếp thứ 2/8, tăng 1,3 điểm so với năm 2023."
    key = sentence_key(text)
    first = tokens_of(text, key)
    assert first == sentence_tokens(text, key)
    assert tokens_of(text, key) is first  # met again: kept, not read again
    other = text.replace("88,15", "87,15")
    assert tokens_of(other, sentence_key(other)) != first


def test_a_frame_copy_changes_only_its_own_fields() -> None:
    frame = Frame(ctx=Context(), draft=Draft(unit="Sở A"))
    deeper = replace(frame, depth=2, units=("Sở A",))
    assert (deeper.depth, deeper.units, deeper.draft) == (2, ("Sở A",), frame.draft)
    assert (frame.depth, frame.units) == (0, ())  # the original is as it was
    assert deeper == replace(frame, units=("Sở A",), depth=2)
    with pytest.raises(TypeError, match="no field"):
        replace(frame, dept=2)
    with pytest.raises(AttributeError):
        deeper.depth = 3  # type: ignore[misc]  # still frozen


def test_a_draft_placed_nowhere_shares_one_frozen_place() -> None:
    assert Draft().where == Where() and Draft().where is NOWHERE
    placed = merge(Draft(unit="Sở A"), Draft(rank=3, where=Where(block=7), listed=2))
    assert (placed.unit, placed.rank, placed.where, placed.listed) == ("Sở A", 3, Where(block=7), 2)
    assert merge(placed, Draft()) == placed  # defaults are not taken


def test_ranks_without_a_count_missing_change_nothing() -> None:
    drafts = [Draft(unit="Sở A", index="par", year=2024, rank=2, rank_of=20)]
    assert counted_ranks(drafts, [("sở", 20)]) == drafts
    bare = [Draft(unit="Sở A", index="par", year=2024, rank=2)]
    assert counted_ranks(bare, [("sở", 20)])[0].rank_of == 20


#: The rule ``_FIGURE`` states, written as it reads: a digit with no digit before it that does
#: not open a year ("19xx", "20xx" ending there). ``_FIGURE`` is the same rule, digit first.
_PLAIN_FIGURE = re.compile(r"(?<!\d)(?!(?:19|20)\d\d(?!\d))\d")


@given(st.text(alphabet="0123456789 ,./%-aă", max_size=24))
def test_a_figure_is_found_where_the_plain_rule_finds_it(text: str) -> None:
    found = [m.span() for m in _FIGURE.finditer(text)]
    assert found == [m.span() for m in _PLAIN_FIGURE.finditer(text)]


@pytest.mark.parametrize(
    ("key", "figure"),
    [("năm 2024 và năm 1998", None), ("năm 20245", "2"), ("đạt 2019,5 điểm", "5"),
     ("quý 3 năm 2025", "3"), ("mã 120255", "1"), ("ngày ２０24", "２")],
)  # fmt: skip
def test_figures_beside_years(key: str, figure: str | None) -> None:
    found = _FIGURE.search(key)
    assert (found.group() if found else None) == figure


@pytest.mark.parametrize("lead", ["", "vùng ", "Vùng\t", "các tỉnh vùng  "])
def test_every_region_mention_passes_the_quick_scan(lead: str) -> None:
    for name in regions():
        key = sentence_key(f"Năm 2024, {lead}{name.title()} đạt 84,1%.")
        assert _region_pattern().search(key) is not None  # the mention the reader looks for
        assert _region_names().search(key) is not None  # … is never ruled out beforehand
    assert _region_names().search(sentence_key("Sở Nội vụ dẫn đầu khối sở, đạt 91%.")) is None
