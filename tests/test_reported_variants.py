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


def test_a_decision_carried_out_by_reporting_its_result_is_what_the_item_reports() -> None:
    lead = (
        "Thực hiện Quyết định số 1150/QĐ-UBND ngày 03/4/2025 của Ủy ban nhân dân tỉnh Hà Tĩnh "
        "(về việc phê duyệt Chỉ số CCHC năm 2024), Sở Nội vụ xin công bố kết quả xếp hạng "
        "của các sở, ngành như sau:"
    )
    meta = read_metadata(lines("Kết quả Chỉ số CCHC 2024", "Cập nhật: 10/4/2025", lead), None)
    assert (meta.number, meta.issue_date, meta.issuer) == (
        "1150/QĐ-UBND",
        date(2025, 4, 3),
        "Ủy ban nhân dân tỉnh Hà Tĩnh",
    )


def test_a_result_given_as_information_reports_the_decision_carried_out() -> None:
    lead = (
        "Thực hiện Quyết định số 215/QĐ-UBND ngày 11/3/2025 của UBND tỉnh Bình Phước về việc "
        "phê duyệt Chỉ số CCHC năm 2024, Văn phòng UBND tỉnh thông tin kết quả của 20 sở:"
    )
    meta = read_metadata(lines("Chỉ số CCHC các sở năm 2024", lead), None)
    assert (meta.number, meta.issue_date) == ("215/QĐ-UBND", date(2025, 3, 11))


@pytest.mark.parametrize(
    "lead",
    [
        "Thực hiện Quyết định số 88/QĐ-UBND ngày 2/3/2025 của UBND tỉnh Cà Mau, Sở Nội vụ tổ "
        "chức kiểm tra công tác cải cách hành chính tại 5 huyện.",
        "Thực hiện Kế hoạch số 41/KH-UBND ngày 2/3/2025 của UBND tỉnh Cà Mau, Sở Nội vụ thông "
        "báo kết quả tự chấm điểm của các sở.",
        "Thực hiện Quyết định số 88/QĐ-UBND ngày 2/3/2025 của UBND tỉnh Cà Mau, các sở tự "
        "chấm điểm. Sở Nội vụ sẽ thông báo kết quả sau khi thẩm định.",
        "Thực hiện Quyết định số 1020/QĐ-BNV ngày 6/12/2024 của Bộ Nội vụ phê duyệt đề án "
        "đo lường sự hài lòng, Sở Nội vụ tỉnh Cà Mau công bố kết quả khảo sát năm 2024.",
    ],
)
def test_a_decision_carried_out_by_other_work_stays_background(lead: str) -> None:
    meta = read_metadata(lines("Tin cải cách hành chính", lead), None)
    assert meta.number is None and meta.issue_date is None


@pytest.mark.parametrize(
    ("body", "issuer"),
    [
        ("UBND tỉnh Hà Tĩnh", "Ủy ban nhân dân tỉnh Hà Tĩnh"),
        ("Ủy ban nhân dân thành phố Hà Tĩnh", "Ủy ban nhân dân thành phố Hà Tĩnh"),
    ],
)
def test_a_place_whose_name_ends_like_a_level_is_not_added_twice(body: str, issuer: str) -> None:
    text = lines(f"Ngày 2/4, {body} vừa công bố Chỉ số cải cách hành chính năm 2024 của 20 sở.")
    assert read_metadata(text, None).issuer == issuer
