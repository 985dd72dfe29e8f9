"""Checks of the notice's own identifiers, each ``notice -> Iterator[Check]``.

A number read by OCR, or typed by hand, can be wrong in ways its shape shows. Decree 30
(Nghị định 30/2020/NĐ-CP) writes a document's number as ``N/KIND-ISSUER``: ``N`` is the
issuer's running count for the year, from 1; legal documents add the year of issue
(``N/YYYY/KIND-ISSUER``). ``suspect-number`` (warning) names a number that breaks this: a
running count of zero ("0/TB-UBND": an OCR that lost the digits before a zero, or read a
hand-written number as blank), or a year inside the number other than the year of issue.
The number is kept as read; the finding tells the user not to trust it without a look.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from parscore.pipeline.model import Check, Notice, Severity
from parscore.pipeline.validate.checks import Code

#: The running count, and the year a legal document's number carries ("15/2024/QĐ-UBND").
_NUMBER = re.compile(r"(?P<count>\d+)(?:/(?P<year>(?:19|20)\d\d))?/")


def suspect_number(notice: Notice) -> Iterator[Check]:
    """Given a notice, return a warning when its own number cannot be as Decree 30 writes it."""
    number = notice.metadata.number
    m = _NUMBER.match(number or "")
    if number is None or m is None:
        return
    if int(m["count"]) == 0:
        yield _finding(number, "its running count is 0; numbers start at 1 (an OCR misread?)")
    issued = notice.metadata.issue_date
    if m["year"] and issued is not None and int(m["year"]) != issued.year:
        yield _finding(
            number,
            f"it carries the year {m['year']} but the notice is dated {issued.isoformat()}",
            expected=str(issued.year),
        )


def _finding(number: str, why: str, expected: str | None = None) -> Check:
    """Given the number and what is wrong with it, return the finding."""
    return Check(
        code=Code.SUSPECT_NUMBER,
        severity=Severity.WARNING,
        message=f"the notice's number {number} does not fit Decree 30's pattern: {why}; "
        "check it against the document",
        expected=expected,
        actual=number,
        where="metadata.number",
    )
