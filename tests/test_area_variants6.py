"""Composed variants of one body's component table or report (sixth set): sub-criteria rows
that name an area's words, maxima written last, notes beside the figures, components and
totals stated in prose.

Every case is our own writing, in the kinds of real published reports and appraisal notices.
Each one differs in wording, order and noise from the probe document it answers.
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from parscore.extractors.model import Block, Document
from parscore.pipeline.model import Notice
from parscore.pipeline.parse import parse
from tests.test_parse import SOURCE
from tests.test_tables import table_block


def figures(notice: Notice) -> list[tuple[str, str | None, str | None, str | None]]:
    """Given a notice, return (area, max, self, appraised) per component, numbers as text."""

    def text(n: object) -> str | None:
        value = getattr(n, "value", None)
        return None if value is None else str(value)

    return [(s.area, text(s.max), text(s.self), text(s.appraised)) for s in notice.scores]


def notice_of(*blocks: Block) -> Notice:
    """Given blocks, return the notice their document states."""
    return parse(Document(source=SOURCE, blocks=blocks))


# --- sub-criteria rows that name an area's words do not hide the areas -------------------------


@pytest.mark.parametrize(
    ("area_marks", "sub_marks"),
    [(("1", "2", "3"), ("1.1", "1.2", "2.1", "2.2", "3.1")), (("I", "II", "III"), "12121")],
)
def test_sub_criteria_naming_area_words_leave_the_areas_read(
    area_marks: tuple[str, ...], sub_marks: tuple[str, ...] | str
) -> None:
    a, b, c = area_marks
    x1, x2, y1, y2, z = sub_marks
    table = table_block(
        ("STT", "Nội dung đánh giá", "Tự chấm", "Thẩm định", "Thang điểm"),
        (a, "Cải cách thể chế", "6,5", "6", "7"),
        (x1, "Tham mưu xây dựng văn bản QPPL", "3,5", "3", "4"),
        (x2, "Theo dõi thi hành pháp luật", "3", "3", "3"),
        (b, "Cải cách thủ tục hành chính", "12", "11,25", "12"),
        (y1, "Niêm yết, công khai TTHC", "5", "4,25", "5"),
        (y2, "Giải quyết hồ sơ đúng hạn", "7", "7", "7"),
        (c, "Cải cách tài chính công", "8", "7,5", "9"),
        (z, "Ứng dụng CNTT trong quản lý tài chính", "8", "7,5", "9"),
        ("", "Cộng", "26,5", "24,75", "28"),
    )
    notice = notice_of(table)
    assert figures(notice) == [
        ("the_che", "7", "6.5", "6"),
        ("tthc", "12", "12", "11.25"),
        ("tai_chinh_cong", "9", "8", "7.5"),
    ]
    assert notice.summary.stated_total.value == Decimal("24.75")  # type: ignore[union-attr]
