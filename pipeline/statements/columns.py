"""Columns of a ranking table, read from their headers: which holds the unit, the score, the rank.

A header is matched without tones or punctuation ("Tăng (+)/giảm (-)" reads "tang giam"), its
deepest cell first, against the [ranking] phrases of columns.toml, most specific role
first; a header naming an assessment area is an area column (its figures are parts of the
total, not statements). A year in a score header dates the column: the latest year is the
statement's, an earlier one is the previous value ("Năm 2022" beside "Năm 2023").
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum
from functools import lru_cache

from parscore.extractors.records import replace
from parscore.normalizers.labels import area_code, index_code
from parscore.pipeline.roles import ROLE_CACHE, plain
from parscore.pipeline.statements.cues import cues, data, sentence_key

_NON_WORD = re.compile(r"[^\w%]+")
_YEAR = re.compile(r"(?<!\d)((?:19|20)\d\d)(?!\d)")
#: A header cell that is a year alone ("2023", "Năm 2023"), without tones.
_BARE_YEAR = re.compile(r"^(?:nam )?(?:19|20)\d\d$")


class Col(StrEnum):
    ORDER = "order"
    UNIT = "unit"
    RANK_CHANGE = "rank_change"
    CHANGE = "change"
    RANK = "rank"
    GRADE = "grade"
    MAX = "max"
    SELF = "self"
    PREVIOUS = "previous"
    PERCENT = "percent"
    AREA = "area"  # an assessment area, or the label column of an area table ("Lĩnh vực")
    SCORE = "score"
    PARENT = "parent"  # a header over area columns ("Điểm các lĩnh vực")
    OTHER = "other"


#: The index whose column, beside unnamed score columns, is their whole ("Chỉ số CCHC").
WHOLE_INDEX = "par"
#: Roles whose figures are values of the statement (dated by a year in their header).
VALUE_COLS = frozenset({Col.SCORE, Col.PERCENT, Col.SELF, Col.PREVIOUS})
#: Roles matched by phrases, in the order they are tried (area is tried before score).
_PHRASE_ORDER = (
    Col.RANK_CHANGE,
    Col.CHANGE,
    Col.RANK,
    Col.GRADE,
    Col.MAX,
    Col.SELF,
    Col.PREVIOUS,
    Col.PERCENT,
)


@dataclass(frozen=True, slots=True, kw_only=True)
class Column:
    """What one column of a ranking table holds."""

    role: Col
    index: str | None = None  # an index its header names ("Chỉ số SIPAS")
    year: int | None = None


def header_words(text: str) -> str:
    """Given a header cell, return it lowercase, without tones, punctuation as spaces."""
    return " ".join(_NON_WORD.sub(" ", plain(text)).split())


@lru_cache(maxsize=1)
def _role_patterns() -> dict[Col, re.Pattern[str]]:
    """Given nothing, return one regex per role, from the [ranking] phrases of columns.toml
    (without tones)."""
    cols = data()["columns"]
    out: dict[Col, re.Pattern[str]] = {}
    for role in (Col.ORDER, Col.UNIT, *_PHRASE_ORDER, Col.SCORE, Col.PARENT, Col.AREA):
        key = "area_label" if role is Col.AREA else role.value
        phrases = sorted({header_words(p) for p in cols[key]}, key=len, reverse=True)
        body = "|".join(re.escape(p) for p in phrases if p)
        if role in (Col.ORDER, Col.AREA):
            out[role] = re.compile(rf"^(?:{body})$")
        elif role is Col.UNIT:  # one or more unit nouns: "Tên cơ quan, đơn vị, địa phương"
            out[role] = re.compile(rf"^(?:{body})(?: (?:va )?(?:{body}))*$")
        else:
            out[role] = re.compile(rf"(?<!\w)(?:{body})(?!\w)")
    return out


@lru_cache(maxsize=1)
def _survey() -> re.Pattern[str]:
    """Given nothing, return the pattern of a survey part's header (without tones)."""
    phrases = sorted({header_words(p) for p in data()["columns"]["survey_parts"]}, key=len)
    return re.compile(rf"(?<!\w)(?:{'|'.join(re.escape(p) for p in reversed(phrases))})(?!\w)")


@lru_cache(maxsize=ROLE_CACHE)
def cell_role(text: str) -> Col | None:
    """Given one header cell, return its role, or None when it names none."""
    words = header_words(text)
    if not words:
        return None
    rx = _role_patterns()
    for role in (Col.ORDER, Col.UNIT, Col.AREA, Col.PARENT, *_PHRASE_ORDER):
        if rx[role].search(words):
            return role
    if area_code(text) is not None or _survey().search(words):
        return Col.AREA
    return Col.SCORE if rx[Col.SCORE].search(words) or _YEAR.search(words) else None


@lru_cache(maxsize=1)
def _ordered() -> re.Pattern[str]:
    """Given nothing, return the pattern of words saying a table runs from the highest."""
    words = sorted({header_words(p) for p in data()["columns"]["ordered"]}, key=len, reverse=True)
    return re.compile(rf"(?<!\w)(?:{'|'.join(re.escape(w) for w in words if w)})(?!\w)")


def is_ordered_text(text: str) -> bool:
    """Given the text just above a table, return whether it says the rows run from the highest
    ("Bảng 1 (xếp theo thứ tự từ cao xuống thấp)", "05 đơn vị có Chỉ số cao nhất")."""
    return _ordered().search(header_words(text)) is not None


def column_role(texts: Sequence[str]) -> Col:
    """Given a column's header texts, top to bottom, return the role of the deepest that has
    one; a year alone only dates the column under it ("Thứ hạng" over "2022 | 2023" holds
    ranks), and names a score where no cell above names a role ("2022 | 2023" alone)."""
    dated = False
    for text in reversed(texts):
        if is_bare_year(text):
            dated = True
            continue
        role = cell_role(text)
        if role is not None:
            return role
    return Col.SCORE if dated else Col.OTHER


def is_bare_year(text: str) -> bool:
    """Given a header cell, return whether it is a year alone ("2023", "Năm 2023")."""
    return _BARE_YEAR.match(header_words(text)) is not None


def header_index(texts: Sequence[str]) -> str | None:
    """Given a column's header texts, return the index they name, or None."""
    joined = " ".join(texts)
    m = cues().index.search(sentence_key(joined))
    return index_code(joined[m.start() : m.end()]) if m else None


def header_year(texts: Sequence[str]) -> int | None:
    """Given a column's header texts, return the last year they name, or None."""
    years = _YEAR.findall(" ".join(texts))
    return int(years[-1]) if years else None


def read_columns(
    header: Sequence[Sequence[str]], caption: Sequence[str] = ()
) -> tuple[Column, ...]:
    """Given each column's header texts and the caption, return the columns, dated.

    The caption names the index and the year of every column whose own header names none.
    """
    index, year = header_index(caption), header_year(caption)
    columns = [
        Column(
            role=column_role(texts),
            index=header_index(texts) or index,
            year=header_year(texts) or year,
        )
        for texts in header
    ]
    parts = parts_before_total(survey_alone(label_after_order(columns), header), header)
    return tuple(date_columns(changed_places(parts, header)))


def survey_alone(columns: list[Column], header: Sequence[Sequence[str]]) -> list[Column]:
    """Given the columns and their header texts, return them with survey columns as scores
    when they are the table's only figures ("Đơn vị | Chỉ số SIPAS | Xếp hạng", "Chỉ số hài
    lòng (SIPAS) năm 2024 | năm 2023"): a survey is a part only beside other value columns."""
    if any(c.role in VALUE_COLS for c in columns):
        return columns
    areas = [
        _survey().search(header_words(" ".join(texts))) is not None
        for c, texts in zip(columns, header, strict=True)
        if c.role is Col.AREA
    ]
    if not areas or not all(areas):
        return columns
    return [replace(c, role=Col.SCORE) if c.role is Col.AREA else c for c in columns]


def parts_before_total(columns: list[Column], header: Sequence[Sequence[str]]) -> list[Column]:
    """Given the columns and their header texts, return them with the other score columns of a
    table that has a total ("Điểm thẩm định", "Điểm điều tra" beside "Tổng điểm") as parts,
    or a column naming the PAR index ("Thẩm định | Điều tra XHH | Chỉ số CCHC năm 2023");
    so are they beside a survey part and a percent column, which holds the whole index
    ("Điểm thẩm định | Điểm điều tra xã hội học | Chỉ số CCHC (%)")."""
    totals = [
        c.role is Col.SCORE and cues().totals.search(sentence_key(" ".join(texts))) is not None
        for c, texts in zip(columns, header, strict=False)
    ]
    if not any(totals):  # the index itself beside its parts ("Thẩm định | Chỉ số CCHC")
        named = list(zip(columns, (header_index(texts) for texts in header), strict=True))
        if any(c.role is Col.SCORE and n == WHOLE_INDEX for c, n in named):
            return [
                replace(c, role=Col.AREA) if c.role is Col.SCORE and n is None else c
                for c, n in named
            ]
    surveyed = any(_survey().search(header_words(" ".join(texts))) for texts in header)
    if not any(totals) and surveyed and any(c.role is Col.PERCENT for c in columns):
        return [replace(c, role=Col.AREA) if c.role is Col.SCORE else c for c in columns]
    if not any(totals):
        return columns
    return [
        replace(c, role=Col.AREA) if c.role is Col.SCORE and not total else c
        for c, total in zip(columns, totals, strict=False)
    ]


def changed_places(columns: list[Column], header: Sequence[Sequence[str]]) -> list[Column]:
    """Given the columns and their header texts, return them with a change column counting
    places when the table gives last year's rank and no earlier figure ("Xếp hạng 2024 |
    Xếp hạng 2023 | Tăng/giảm" with "↑2", "▼ 1"), unless its header names points."""
    years = [c.year for c in columns if c.year and c.role in VALUE_COLS]
    latest = max(years, default=None)
    if latest is None or any(c.role is Col.PREVIOUS for c in columns):
        return columns
    earlier = {c.role for c in columns if c.year and c.year < latest}
    if Col.RANK not in earlier or earlier & VALUE_COLS:
        return columns
    points = _points()
    return [
        replace(c, role=Col.RANK_CHANGE)
        if c.role is Col.CHANGE and not points.search(header_words(" ".join(texts)))
        else c
        for c, texts in zip(columns, header, strict=True)
    ]


@lru_cache(maxsize=1)
def _points() -> re.Pattern[str]:
    """Given nothing, return the pattern of a change header's words naming points."""
    words = sorted({header_words(p) for p in data()["columns"]["change_points"]}, key=len)
    return re.compile(rf"(?<!\w)(?:{'|'.join(re.escape(w) for w in reversed(words) if w)}|%)")


def label_after_order(columns: list[Column]) -> list[Column]:
    """Given columns without a unit column, return them with the unnamed one after "TT" as units."""
    roles = [c.role for c in columns]
    if Col.UNIT in roles or Col.ORDER not in roles:
        return columns
    at = roles.index(Col.ORDER) + 1
    if at >= len(columns) or columns[at].role is not Col.OTHER:
        return columns
    return [*columns[:at], replace(columns[at], role=Col.UNIT), *columns[at + 1 :]]


def date_columns(columns: list[Column]) -> list[Column]:
    """Given columns, return them with earlier-year value columns PREVIOUS (ranks: OTHER)."""
    years = [c.year for c in columns if c.year and c.role in VALUE_COLS]
    latest = max(years, default=None)
    return [_dated(c, latest) for c in columns]


def _dated(column: Column, latest: int | None) -> Column:
    """Given a column and the table's latest year, return it as current, previous or other."""
    if latest is None or column.year is None or column.year >= latest:
        return column
    if column.role in VALUE_COLS:
        return replace(column, role=Col.PREVIOUS)
    return replace(column, role=Col.OTHER) if column.role in (Col.RANK, Col.GRADE) else column


def table_year(columns: Sequence[Column]) -> int | None:
    """Given the columns, return the year of the table's statements, when a header names it."""
    return max(
        (c.year for c in columns if c.year and c.role in VALUE_COLS - {Col.PREVIOUS}), default=None
    )


def is_ranking(columns: Sequence[Column]) -> bool:
    """Given the columns, return whether they make a ranking table (units with figures)."""
    roles = {c.role for c in columns}
    return Col.UNIT in roles and bool(
        roles & {Col.SCORE, Col.PERCENT, Col.RANK, Col.GRADE, Col.SELF}
    )
