"""Ranks of earlier years written beside this year's: "năm 2019 xếp thứ 40, năm 2020 thứ 35",
"(năm 2021 xếp hạng 32/63)".

A rank right after a year needs no verb ("năm 2020 thứ 35": the ordinal word alone). A rank
read among last year's figures (after "so với năm 2021 (…", or an earlier year) is a
statement of that year when the year is named, not a figure of this year's statement.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from parscore.normalizers.text import fold
from parscore.pipeline.statements.cues import RANK_DIGITS, data


@lru_cache(maxsize=1)
def _year_rank() -> re.Pattern[str]:
    """Given nothing, return the pattern of a year, then a rank with only its ordinal word."""
    word = re.escape(fold(data()["ranks"]["ordinal_word"]))
    return re.compile(
        rf"(?<!\d)(?:19|20)\d\d\s*:?\s+(?P<rank>{word}\s+(?P<n>{RANK_DIGITS})(?![\d.,]\d)"
        rf"(?:\s*/\s*(?P<of>{RANK_DIGITS}))?)(?![\d\w])"
    )


def year_ranks(key: str) -> Iterator[tuple[int, int, int, int | None]]:
    """Given a sentence key, yield (start, end, rank, count) of each rank written right after
    a year with only its ordinal word ("năm 2020 thứ 35", "2020: thứ 35/63")."""
    for m in _year_rank().finditer(key):
        of = m.group("of")
        yield m.start("rank"), m.end("rank"), int(m.group("n")), int(of) if of else None
