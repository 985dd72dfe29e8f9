"""News items: variants of how portal news names the decision it reports and who issued it.

Composed leads in our own wording, other provinces and bodies than the real items they model.
"""

from __future__ import annotations

from datetime import date

import pytest

from parscore.pipeline.lines import Line
from parscore.pipeline.parse.metadata import read_metadata


def lines(*texts: str) -> list[Line]:
    """Given texts, return them as body lines."""
    return [Line(text=t, raw=t, key=t.lower()) for t in texts]


@pytest.mark.parametrize(
    ("lead", "number", "issuer"),
    [
        (
            "Sáng nay, Cục Hải quan vừa chính thức công bố kết quả đánh giá cải cách hành chính "
            "năm 2024 tại Quyết định số 77/QĐ-CHQ ngày 5/2/2025, theo đó 10 chi cục xếp loại Tốt.",
            "77/QĐ-CHQ",
            "Cục Hải quan",
        ),
        (
            "Tổng cục Thống kê đã công bố (tại Quyết định số 1203/QĐ-TCTK ngày 5/2/2025) kết "
            "quả xếp hạng của các cục thống kê.",
            "1203/QĐ-TCTK",
            "Tổng cục Thống kê",
        ),
        (
            "Tổng giám đốc Bảo hiểm xã hội Việt Nam mới ban hành Quyết định số 412/QĐ-BHXH "
            "ngày 5/2/2025 phê duyệt kết quả xếp hạng cải cách hành chính của BHXH các tỉnh.",
            "412/QĐ-BHXH",
            "Tổng giám đốc Bảo hiểm xã hội Việt Nam",
        ),
    ],
)
def test_a_national_body_or_its_leader_that_issues_the_decision_is_its_issuer(
    lead: str, number: str, issuer: str
) -> None:
    meta = read_metadata(lines("Công bố kết quả đánh giá", "14/02/2025 08:00", lead), None)
    assert (meta.number, meta.issue_date, meta.issuer) == (number, date(2025, 2, 5), issuer)


def test_a_body_that_has_a_decision_issued_is_its_issuer_whatever_the_page_header() -> None:
    text = lines(
        "SỞ NỘI VỤ TỈNH KON TUM",
        "Trang chủ | Tin tức | Cải cách hành chính",
        "Phê duyệt Chỉ số CCHC năm 2024",
        "UBND tỉnh Kon Tum đã có quyết định số 602/QĐ-UBND ngày 9/4/2025 phê duyệt kết quả "
        "xác định Chỉ số cải cách hành chính năm 2024 của các sở, ban, ngành.",
    )
    meta = read_metadata(text, None)
    assert (meta.number, meta.issuer) == ("602/QĐ-UBND", "Ủy ban nhân dân tỉnh Kon Tum")
