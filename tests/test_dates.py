"""Date normaliser: the ways Vietnamese notices write dates."""

from __future__ import annotations

from datetime import date

import pytest

from parscore.normalizers.dates import find_dates, first_date

CASES = [
    ("Ngày 26/03/2024, Sở Xây dựng", date(2024, 3, 26)),
    ("Tây Ninh, ngày 26 tháng 3 năm 2024", date(2024, 3, 26)),
    ("Hà Nội, ngày 05 tháng 01 năm 2020", date(2020, 1, 5)),
    ("NGÀY 14 THÁNG 01 NĂM 2022", date(2022, 1, 14)),
    ("ngày 26 tháng 3 nắm 2024 (OCR tone error)", date(2024, 3, 26)),
    ("hạn 1-8-2022", date(2022, 8, 1)),
    ("họp 18.03.2024", date(2024, 3, 18)),
    ("(26/03/2024)", date(2024, 3, 26)),
    ("ngày 31/02/2024 does not exist", None),
    ("số 568/TB-SXD", None),
    ("tỷ lệ 12.23 và 3.286", None),
    ("Ngày 12.12 (no year)", None),
    ("năm 2023", None),
    ("", None),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_first_date(text: str, expected: date | None) -> None:
    assert first_date(text) == expected


def test_find_dates_in_order_without_overlaps() -> None:
    text = "Ngày 18/03/2024 họp; ngày 26 tháng 3 năm 2024 ban hành; hạn 30/6/2024."
    assert [d.value for d in find_dates(text)] == [
        date(2024, 3, 18),
        date(2024, 3, 26),
        date(2024, 6, 30),
    ]
