"""The notice's own number against Decree 30's pattern (pipeline/validate/metadata.py)."""

from __future__ import annotations

from datetime import date

import pytest

from parscore.extractors.model import SourceInfo
from parscore.pipeline.model import Metadata, Notice
from parscore.pipeline.validate.metadata import suspect_number


def notice(number: str | None, issued: date | None = None) -> Notice:
    """Given a number and an issue date, return a notice with only those."""
    source = SourceInfo(path="n.txt", format="txt", sha256="0" * 64)
    return Notice(id="n", source=source, metadata=Metadata(number=number, issue_date=issued))


@pytest.mark.parametrize(
    ("number", "issued"),
    [
        ("568/TB-SXD", date(2024, 3, 26)),
        ("05/TB-UBND", None),  # a leading zero is how many issuers write small counts
        ("15/2024/QĐ-UBND", date(2024, 7, 1)),
        ("1234/UBND-KT", date(2023, 1, 5)),  # an official letter: no kind
        ("15/2024/QĐ-UBND", None),  # no date to compare the year with
        (None, date(2024, 1, 1)),
    ],
)
def test_numbers_as_decree_30_writes_them_raise_nothing(
    number: str | None, issued: date | None
) -> None:
    assert list(suspect_number(notice(number, issued))) == []


@pytest.mark.parametrize("number", ["0/TB-UBND", "00/TB-SCT", "0/2024/QĐ-UBND"])
def test_a_running_count_of_zero_is_suspect(number: str) -> None:
    (finding,) = suspect_number(notice(number, date(2024, 5, 2)))
    assert finding.code == "suspect-number"
    assert finding.actual == number
    assert "running count is 0" in finding.message


def test_a_year_in_the_number_other_than_the_issue_year_is_suspect() -> None:
    (finding,) = suspect_number(notice("12/2021/QĐ-UBND", date(2024, 2, 9)))
    assert finding.expected == "2024"
    assert "2021" in finding.message and "2024-02-09" in finding.message
