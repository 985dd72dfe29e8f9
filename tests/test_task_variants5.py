"""Duties in conclusion notices, minutes, remediation plans and a department's own plans,
fifth set: trade unions and other bodies as assignees, a person addressed after a cue, body
headings whose numbering was lost, a bulleted body heading closed by its siblings.

Every text here is composed for the test: wording, order and noise differ from any real one.
"""

from __future__ import annotations

from tests.test_task_variants3 import tasks_of


def test_a_trade_union_or_a_library_is_an_assignee() -> None:
    # the union named after a cue, a museum as a subject: both are bodies given a duty
    found = tasks_of(
        "Giám đốc Sở giao nhiệm vụ như sau:",
        "1. Phòng Hành chính - Tổng hợp rà soát nội quy cơ quan, trình trước ngày 05/3.",
        "2. Yêu cầu Công đoàn Sở Xây dựng phát động phong trào thi đua thực hiện văn hóa công vụ.",
        "3. Bảo tàng tỉnh số hóa hồ sơ hiện vật, công khai trên Cổng thông tin của Sở.",
    )
    assert [unit for unit, _ in found] == [
        "Phòng Hành chính - Tổng hợp",
        "Công đoàn Sở Xây dựng",
        "Bảo tàng tỉnh",
    ]
    assert found[1][1].startswith("Yêu cầu Công đoàn")
