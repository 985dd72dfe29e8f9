"""Duties in official letters, directives, a department's notice to its divisions and news,
fourth set: offices and agencies written short, closing formulas, passive and adverb words
after a unit's name.

Every text here is composed for the test: wording, order and noise differ from any real one.
"""

from __future__ import annotations

from tests.test_task_variants3 import tasks_of


def test_a_district_office_written_short_is_spelled_out() -> None:
    # "Phòng TN&MT", "Phòng VH - TT" after the number, one as the lead with a partner
    found = tasks_of(
        "Chủ tịch UBND thị xã giao nhiệm vụ như sau:",
        "1. Phòng TN&MT chủ trì, phối hợp với Phòng Tư pháp rà soát hồ sơ đất đai quá hạn.",
        "2. Phòng VH - TT đăng tải kết quả giải quyết hồ sơ trên trang thông tin của thị xã.",
    )
    assert [unit for unit, _ in found] == [
        "Phòng Tài nguyên và Môi trường",
        "Phòng Văn hóa và Thông tin",
    ]


def test_an_agency_short_form_with_a_comma_inside_is_spelled_out() -> None:
    # "Sở VH,TT&DL": the comma without a space belongs to the short form
    found = tasks_of(
        "Tại buổi làm việc, đồng chí Phó Chủ tịch UBND tỉnh giao Sở VH,TT&DL rà soát quy trình "
        "cấp phép lữ hành, xong trước ngày 20/3/2026.",
    )
    assert found and found[0][0] == "Sở Văn hóa, Thể thao và Du lịch"
