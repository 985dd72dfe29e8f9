"""The notice's summary: its own figures are the statement reader's statement about its own
subject; the subject's other statements (same unit, index, year) give what it leaves unsaid,
read once with every other statement."""

from __future__ import annotations

from decimal import Decimal

from parscore.extractors.model import Block, BlockKind, Document, SourceInfo
from parscore.normalizers.numbers import Number, parse_number
from parscore.pipeline.model import UnitScore
from parscore.pipeline.parse import make_summary, parse


def number(text: str) -> Number:
    """Given a figure as written, return it parsed."""
    found = parse_number(text)
    assert found is not None
    return found


def test_the_own_statement_gives_rank_change_and_grade_before_the_others() -> None:
    other = UnitScore(order=2, unit="Sở Công Thương", rank=9, rank_of=20, change=number("1,2"))
    own = UnitScore(
        order=1, unit="Sở Công Thương", score=number("81,5"), rank=7, rank_of=19,
        change=number("2,4"), grade="Khá", grade_raw="khá",
    )  # fmt: skip
    summary = make_summary(None, own, None, [other])
    assert (summary.rank, summary.rank_of) == (7, 19)
    assert summary.previous_year_delta == number("2,4")
    assert (summary.grade, summary.grade_raw) == ("Khá", "khá")
    assert summary.headline_score is not None and summary.headline_score.value == Decimal("81.5")


def test_the_subject_s_other_statements_fill_what_the_own_one_leaves_unsaid() -> None:
    other = UnitScore(order=2, unit="Sở Công Thương", rank=9, rank_of=20, grade="Tốt",
                      grade_raw="loại tốt")  # fmt: skip
    own = UnitScore(order=1, unit="Sở Công Thương", score=number("81,5"))
    summary = make_summary(None, own, None, [other])
    assert (summary.rank, summary.rank_of) == (9, 20)
    assert (summary.grade, summary.grade_raw) == ("Tốt", "loại tốt")


def test_a_notice_whose_headline_reader_finds_no_rank_takes_the_statement_s() -> None:
    doc = Document(
        source=SourceInfo(path="t", format="txt", sha256="0" * 64),
        blocks=tuple(
            Block(kind=BlockKind.PARAGRAPH, text=t)
            for t in (
                "Sở Công Thương công bố kết quả Chỉ số CCHC năm 2024",
                "Chỉ số CCHC năm 2024 của Sở Công Thương đạt 88,25 điểm, dẫn đầu khối sở, "
                "ngành, tăng 3,1 điểm so với năm 2023.",
            )
        ),
    )
    summary = parse(doc).summary
    assert summary.headline_score is not None and summary.headline_score.value == Decimal("88.25")
    assert summary.rank == 1
    assert summary.previous_year_delta is not None
    assert summary.previous_year_delta.value == Decimal("3.1")


def notice(*texts: str) -> Document:
    """Given paragraphs, return a Document of them."""
    blocks = tuple(Block(kind=BlockKind.PARAGRAPH, text=t) for t in texts)
    return Document(source=SourceInfo(path="t", format="txt", sha256="1" * 64), blocks=blocks)


def test_a_grade_stated_sentences_after_the_headline_is_the_notice_s() -> None:
    summary = parse(
        notice(
            "Kết quả Chỉ số CCHC năm 2024 của Sở Tài chính",
            "Năm 2024, Chỉ số CCHC của Sở Tài chính đạt 87,4%, xếp thứ 6/19 cơ quan.",
            "Trong năm, Sở đã hoàn thành toàn bộ kế hoạch cải cách hành chính đề ra.",
            "Với kết quả này, Sở Tài chính được xếp loại Tốt và giảm 0,6 điểm so với năm 2023.",
        )
    ).summary
    assert (summary.rank, summary.rank_of) == (6, 19)
    assert summary.grade == "Tốt"
    assert summary.previous_year_delta is not None
    assert summary.previous_year_delta.value == Decimal("-0.6")
