"""Shortcuts of the task reader find exactly what the forms they replace find (issues #9 and
#13): each is checked against the plain form, on composed text."""

from __future__ import annotations

import dataclasses
import re

from hypothesis import given
from hypothesis import strategies as st

from parscore.extractors.model import BlockKind
from parscore.normalizers.labels import names_a_unit, starts_as_unit
from parscore.normalizers.text import clean, fold
from parscore.pipeline.lines import Line
from parscore.pipeline.parse.assignees import (
    Assignment,
    Words,
    match_at,
    recipient,
    said_at,
    subject_at,
    vocabulary,
    words_of,
)
from parscore.pipeline.parse.assignments import _SENTENCE_END, is_caption, ordinal
from parscore.pipeline.parse.tasks import (
    _SUB_NUMBER,
    MAX_UNIT_WORDS,
    gives_duty,
    is_unit_heading,
    without_cue,
)
from parscore.pipeline.parse.tasktable import is_ordinal_head
from parscore.pipeline.tables.plan import cues

#: Pieces of composed paragraphs: ordinals and captions, their look-alikes, names, marks.
PIECES = ["Thứ", "thứ", "hai", "Hai", "là", "Một", "nhất", "NHẤT", "Ảnh", "ảnh", "minh",
          "họa", "hoạ", "Nguồn", "Sở", "Nội", "vụ", "Tháng", "10/2/2025", "3", ":", ",", ".",
          "(", ")", " ", "  ", "\u00a0", "\u200b", "\t", "chủ", "trì"]  # fmt: skip
paragraphs = st.lists(st.sampled_from(PIECES), max_size=12).map("".join)


def plain_ordinal(text: str) -> int | None:
    """The ordinal reader before its shortcut: the whole paragraph cut into words."""
    if text[:1] not in "MHBNSTmhbnst":
        return None
    w = words_of(text)
    size = match_at(w.keys, 0, vocabulary().ordinals)
    if not size or not w.raw[size - 1].endswith((",", ":")) or size >= len(w.raw):
        return None
    return None if w.raw[size][:1].isdigit() else w.starts[size]


def plain_caption(paragraph: str) -> bool:
    """The caption test before its shortcut: the last sentence always cut into words."""
    w = words_of(_SENTENCE_END.split(paragraph)[-1].lstrip("("))
    size = match_at(w.keys, 0, vocabulary().captions)
    if not size:
        return False
    credit = w.raw[size - 1].endswith(":") or w.raw[size : size + 1] == (":",)
    return credit or (size == len(w.keys) and w.raw[-1].endswith(")"))


COMPOSED = [
    "Thứ hai, các sở rà soát quy trình nội bộ.",
    "thứ nhất: Sở Tư pháp chủ trì thẩm định.",
    "Thứ hai, 10/2/2025, đoàn kiểm tra làm việc tại huyện.",  # a weekday's date
    "Một là, nâng cao chất lượng phục vụ.",
    "Sở Nội vụ hướng dẫn các đơn vị. Ảnh: Minh Châu",
    "Cán bộ tiếp nhận hồ sơ tại bộ phận một cửa. (Ảnh minh họa)",
    "Nguồn ảnh: Cổng thông tin điện tử tỉnh",
    "Thứ tư",
    "Hai là",
    "",
]


def test_ordinal_and_caption_of_composed_paragraphs() -> None:
    for text in COMPOSED:
        assert ordinal(text) == plain_ordinal(text), text
        assert is_caption(text) == plain_caption(text), text
    assert ordinal(COMPOSED[0]) == len("Thứ hai, ")
    assert ordinal(COMPOSED[2]) is None
    assert is_caption(COMPOSED[4]) and is_caption(COMPOSED[5])
    assert not is_caption(COMPOSED[0])


@given(paragraphs)
def test_ordinal_is_the_plain_reading(text: str) -> None:
    assert ordinal(text) == plain_ordinal(text)


@given(paragraphs)
def test_caption_is_the_plain_reading(text: str) -> None:
    assert is_caption(text) == plain_caption(text)


@given(paragraphs)
def test_word_starts_are_where_words_start(text: str) -> None:
    w = words_of(text)
    assert w.starts == tuple(m.start() for m in re.finditer(r"\S+", text))
    assert [text[s : s + len(r)] for s, r in zip(w.starts, w.raw, strict=True)] == list(w.raw)


def plain_unit_heading(line: Line) -> bool:
    """The unit heading test before its shortcut: the assignee looked for on every line."""
    short = len(line.text.split(None, MAX_UNIT_WORDS)) <= MAX_UNIT_WORDS
    if gives_duty(line.text):
        return False
    if line.numbering and _SUB_NUMBER.match(line.numbering):
        return short
    name = without_cue(line.text.rstrip(" :"))
    if line.numbering and short and not line.text.endswith((".", ";")):
        return names_a_unit(name)
    if not (short and line.text.endswith(":")):
        return False
    return starts_as_unit(name) if line.bullet else names_a_unit(name)


#: Pieces of task section lines: bodies, cues, duties, a long tail, their marks.
LINE_PIECES = ["Sở Nội vụ", "Văn phòng Sở", "Công an tỉnh", "UBND các huyện", "Giao",
               "có trách nhiệm", "chủ trì", "rà soát thủ tục", "phối hợp với",
               "các cơ quan, đơn vị trong tỉnh thực hiện nghiêm túc, kịp thời, đúng quy định",
               " ", ":", ".", ";", ","]  # fmt: skip
MARKS = [(None, None), ("2", None), ("3.1", None), ("a)", None), (None, "-"), (None, "+")]


def task_line(text: str, numbering: str | None, bullet: str | None) -> Line:
    """Given a text and its marks, return the line of a task section holding them."""
    kind = BlockKind.LIST_ITEM if numbering or bullet else BlockKind.PARAGRAPH
    return Line(text=text, raw=text, key=fold(text), numbering=numbering, bullet=bullet, kind=kind)


LONG_HEADING = (
    "Sở Nội vụ chủ trì, phối hợp với các cơ quan rà soát toàn bộ thủ tục hành chính thuộc "
    "phạm vi quản lý của tỉnh:"
)


def test_unit_headings_of_composed_lines() -> None:
    cases = {
        ("Văn phòng Sở:", "3.1", None): True,
        ("Thanh tra Sở:", None, None): True,
        ("Phòng Tổ chức - Biên chế", "1", None): True,
        ("Công an tỉnh có trách nhiệm:", "2.4", None): False,
        ("Văn phòng Sở", None, "-"): False,  # no colon, no numbering
        (LONG_HEADING, "3.2", None): False,
    }
    for (text, numbering, bullet), expected in cases.items():
        line = task_line(text, numbering, bullet)
        assert is_unit_heading(line) is expected, text
        assert plain_unit_heading(line) is expected, text


@given(
    st.lists(st.sampled_from(LINE_PIECES), min_size=1, max_size=8).map("".join),
    st.sampled_from(MARKS),
)
def test_unit_heading_is_the_plain_reading(text: str, marks: tuple[str | None, ...]) -> None:
    line = task_line(text.strip() or "x", *marks)
    assert is_unit_heading(line) == plain_unit_heading(line)


#: Pieces of flattened plan tables' lines: ordinal headers, their look-alikes, marks.
CELL_PIECES = ["STT", "Stt", "TT", "Số", "số", "thứ", "tự", "Nội dung", "1", ".", "..", " ",
               "  ", "\u200b", "\u00a0", "Sở Nội vụ chủ trì"]  # fmt: skip


@given(st.lists(st.sampled_from(CELL_PIECES), max_size=6).map("".join))
def test_ordinal_head_is_the_plain_reading(text: str) -> None:
    cell = clean(text)  # a line's text is cleaned
    assert is_ordinal_head(cell) == (fold(cell).rstrip(".") in cues()["ordinal"])


def test_ordinal_heads_of_composed_cells() -> None:
    for cell in ("STT", "Số TT.", "số thứ tự", "TT."):
        assert is_ordinal_head(cell), cell
    for cell in ("Số TT của đơn vị", "Nội dung", "1.", ""):
        assert not is_ordinal_head(cell), cell


def plain_recipient(w: Words) -> Assignment | None:
    """The passive cue reader before its shortcut: every word asked for a report first."""
    voc = vocabulary()
    if voc.recipients.by_first.keys().isdisjoint(w.keys):
        return None
    if any(said_at(w, k, voc.reported) for k in range(len(w.keys))):
        return None
    for i in range(len(w.keys)):
        if size := match_at(w.keys, i, voc.recipients):
            found = subject_at(w, i + size, cued=True)
            return dataclasses.replace(found, start=0, cue=True) if found else None
    return None


#: Pieces of sentences giving a duty through a passive cue, reports among them.
PASSIVE_PIECES = ["Việc rà soát", "được", "giao", "cho", "nhiệm vụ", "phân công", "Sở Nội vụ",
                  "Văn phòng UBND tỉnh", "thực hiện", "đã", "Đã", "đang", "hoàn thành", ",",
                  "."]  # fmt: skip


@given(st.lists(st.sampled_from(PASSIVE_PIECES), max_size=10).map(" ".join))
def test_recipient_is_the_plain_reading(text: str) -> None:
    w = words_of(text)
    assert recipient(w) == plain_recipient(w)


def test_recipients_of_composed_sentences() -> None:
    given_to = "Việc cập nhật dữ liệu được giao cho Văn phòng UBND tỉnh thực hiện"
    found = recipient(words_of(given_to))
    assert found is not None and found.unit == "Văn phòng UBND tỉnh" and found.cue
    assert recipient(words_of("Nhiệm vụ được giao cho Sở Nội vụ đã hoàn thành")) is None
    assert recipient(words_of("Sở Nội vụ được khen thưởng")) is None
    for text in (given_to, "Nhiệm vụ được giao cho Sở Nội vụ đã hoàn thành", ""):
        assert recipient(words_of(text)) == plain_recipient(words_of(text))
