"""What earlier text settles for the statements after it: index, year, subjects, counts."""

from __future__ import annotations

from dataclasses import dataclass

from parscore.pipeline.statements.draft import Draft


@dataclass(frozen=True, slots=True, kw_only=True)
class Context:
    """What earlier text settled: the index and year spoken of, who references mean."""

    index: str | None = None
    topic: str | None = None  # the first index the document names
    year: int | None = None
    subjects: tuple[str, ...] = ()
    carried: Draft | None = None  # the last statement of the current paragraph
    block: int | None = None
    counts: tuple[tuple[str, int], ...] = ()  # (kind of unit, count) the text states: "20 sở"
    #: paragraphs left in the lead: an index was named by text stating nothing ("Kết quả Chỉ
    #: số CCHC năm 2023") in this paragraph or the one before, and no statement followed yet;
    #: the lead's first statement without a unit is the subject's
    lead: int = 0
