"""Area scores stated in prose when a notice has no table:

    "Cụ thể: Công tác chỉ đạo, điều hành cải cách hành chính đạt 12/15 điểm; Cải cách thể chế
    đạt 10/14 điểm; …"

A paragraph counts only when it states at least ``MIN_AREAS`` known areas so: a lone
"lĩnh vực cải cách tài chính công chỉ đạt 5,5/8 điểm" is a remark, not the table.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from normalizers.labels import area_code
from normalizers.numbers import parse_number
from pipeline.lines import Line
from pipeline.model import Score, Where
from pipeline.parse.scoretable import SCALE_BOUND, ScoreTable

MIN_AREAS = 3
_NUM = r"\d+(?:[.,]\d+)?"
#: The figure after an area's label: "… đạt 12/15 điểm", "…: 12/15 điểm", "… chấm 8,5 điểm".
#: The label is the clause before it (no regex runs over the label itself: linear time).
_FIGURE = re.compile(
    rf"(?::|\bđạt\b|\bchấm\b|[–-])\s*(?:được\s+)?(?P<value>{_NUM})\s*"
    rf"(?:/\s*(?P<max>{_NUM}))?\s*điểm",
    re.I,
)
_LEAD = re.compile(r"^\s*(?:cụ thể|trong đó|chi tiết)\s*(?:như sau)?\s*[:,]?\s*", re.I)


def prose_score_table(lines: Sequence[Line]) -> ScoreTable | None:
    """Given the document's lines, return the first paragraph's areas stated in prose."""
    for line in lines:
        if line.text.count("điểm") < MIN_AREAS:
            continue
        scores = list(line_scores(line))
        if len({s.area for s in scores}) >= MIN_AREAS:
            return ScoreTable(scores=tuple(scores), block=line.block)
    return None


def line_scores(line: Line) -> Iterator[Score]:
    """Given a line, yield the area scores stated in it, one per clause."""
    order = 0
    for clause in re.split(r";|\.\s", line.text):
        m = _FIGURE.search(clause)
        if m is None:
            continue
        label = _LEAD.sub("", clause[: m.start()].split(":")[-1]).strip(" ,")
        label = re.sub(r"\s+(?:được|đã)$", "", label)
        code = area_code(label)
        value = parse_number(m.group("value"), upper=SCALE_BOUND)
        if code is None or value is None:
            continue
        order += 1
        maximum = parse_number(m.group("max"), upper=SCALE_BOUND) if m.group("max") else None
        yield Score(
            order=order, area=code, label=label, max=maximum, appraised=value,
            where=Where(block=line.block, page=line.page),
        )  # fmt: skip
