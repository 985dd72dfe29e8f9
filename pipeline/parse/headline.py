"""The notice's own statement: which of the statement reader's statements is about the
notice's own subject ("Kết quả chỉ số CCHC của Sở X năm 2023 đạt 72,32 điểm, xếp loại khá,
tăng 3.286 điểm so với năm 2022"), and the grade a list gives that subject.

Nothing here reads the headline sentence's figures: its score, rank, change, grade and year
are the statement reader's (``pipeline.statements``), read once with every other statement.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from decimal import Decimal
from functools import cache

from parscore.normalizers.labels import data_table, grade, grade_in_text, grade_words
from parscore.normalizers.numbers import Number
from parscore.normalizers.text import fold
from parscore.pipeline.lines import Line
from parscore.pipeline.model import Score, UnitScore
from parscore.pipeline.roles import plain
from parscore.pipeline.statements.cues import cues
from parscore.pipeline.statements.draft import UNNAMED

_INDEX_CUE = re.compile(r"chi so (?:cai cach hanh chinh|cchc)|par ?index|chi so par")
_YEAR = re.compile(r"năm\s+((?:19|20)\d{2})", re.I)


#: The maximum of a whole index: a figure out of another maximum is a part's ("5,5/8 điểm").
WHOLE = Decimal(100)


def own_statement(rows: Sequence[UnitScore], issuer: str | None = None) -> UnitScore | None:
    """Given the statements, return the notice's own: of the PAR index, told in prose by a
    sentence naming the index and no other unit's figures ("sole"), about the unit the first
    such statement names, of the latest year it is stated for, the scored one first. A rank or
    a change without a score is still a statement about the subject. Without a sole
    statement, those of the whole index (out of 100 or of no stated maximum) about the subject
    the text never names (``UNNAMED``: "Kết quả, Sở đạt 70,125 điểm" with no "Sở" known);
    without those, the prose statements when all are about one unit, the issuer
    (``issuers_own``).
    A notice whose first sole statement is an average of many units ("… của 12 phòng có
    điểm bình quân đạt 83,6%") speaks of a group: none is its own."""
    par = [r for r in rows if r.index == "par"]
    sole = [r for r in par if r.sole and r.source == "prose"]
    average = cues().average_unit
    if sole and sole[0].unit == average:
        return None
    sole = [r for r in sole if r.unit != average]
    if not sole:
        sole = [r for r in par if r.unit == UNNAMED and whole(r)]
    if not sole:
        sole = issuers_own(par, issuer)
    if not sole:
        return None
    mine = [r for r in sole if r.unit == sole[0].unit]
    year = max((r.year for r in mine if r.year is not None), default=None)
    of_year = [r for r in mine if r.year == year] or mine
    return next((r for r in of_year if r.score is not None or r.percent is not None), of_year[0])


def issuers_own(rows: Sequence[UnitScore], issuer: str | None) -> list[UnitScore]:
    """Given the statements of the PAR index and the notice's issuer, return those told in
    prose when every one of them, in prose or a table, is about the issuer: a body's report
    stating only its own figures ("Sở Tư pháp tự đánh giá đạt tổng số 81,25 điểm" in Sở Tư
    pháp's self-assessment report) speaks of its result without naming the index again."""
    units = {r.unit for r in rows}
    if len(units) != 1 or not same_body(units.pop(), issuer):
        return []
    return [r for r in rows if r.source == "prose"]


def same_body(unit: str, issuer: str | None) -> bool:
    """Given a statement's unit and the issuer, return whether they name one body: the same
    name after their kind words ("Sở", "UBND huyện"), the issuer's place after it allowed
    ("Sở Y tế tỉnh Hậu Giang" issues Sở Y tế's report)."""
    core = kind_head().sub("", fold(unit)).strip()
    own = kind_head().sub("", fold(issuer or "")).strip()
    return bool(core and own) and (own == core or own.startswith(f"{core} "))


def total_statement(rows: Sequence[UnitScore], total: Number | None) -> UnitScore | None:
    """Given the statements and the area table's stated total, return the one unit's prose
    statement of the PAR index that states that total ("Tổng điểm tự đánh giá của Sở đạt
    73,5/80 điểm" under the table): a report's own figure, told without naming the index.
    None when no unit or more than one states it."""
    if total is None or total.value is None:
        return None
    found = [r for r in rows if r.index == "par" and r.source == "prose"
             and any(n is not None and n.value == total.value for n in (r.score, r.percent))]
    return found[0] if len({r.unit for r in found}) == 1 else None


def whole(row: UnitScore) -> bool:
    """Given a statement, return whether its figures are the whole index's (no maximum other
    than 100 stated)."""
    return row.max is None or row.max.value == WHOLE


def headline_first(sources: Sequence[UnitScore], parts: Sequence[Score]) -> list[UnitScore]:
    """Given the subject's statements (its own first) and the components read, return them in
    the order their figures may be the headline: the whole index's first (out of 100 or of
    no stated maximum), then the others, the largest maximum first (a report's "41,75 điểm
    trên tổng số 46 điểm" before its criterion's "2/2 điểm"); a figure out of a part's maximum
    that a component states ("Tổng cục X đạt 17,5/18 điểm ở lĩnh vực chỉ đạo, điều hành") left
    out."""
    stated = {(p.score.value, p.max.value) for p in parts if p.score and p.max}
    kept = [
        s for s in sources
        if whole(s) or s.score is None or (s.score.value, s.max and s.max.value) not in stated
    ]  # fmt: skip
    return sorted(kept, key=lambda s: (not whole(s), -(s.max.value or 0) if s.max else 0))


def said_of(own: UnitScore | None, rows: Sequence[UnitScore]) -> tuple[UnitScore, ...]:
    """Given the subject's own statement and every statement, return the others about the
    same unit, index and year, in reading order."""
    if own is None:
        return ()
    key = (own.unit, own.index, own.year)
    return tuple(r for r in rows if r is not own and (r.unit, r.index, r.year) == key)


@cache
def target_words() -> re.Pattern[str]:
    """Given nothing, return the pattern of the words making a figure a target (indices.toml)."""
    return words_pattern(tuple(data_table("indices")["headline"]["target_words"]))


@cache
def words_pattern(words: tuple[str, ...]) -> re.Pattern[str]:
    r"""Given words, return a pattern finding any of them whole in folded text.

    Each word is written first character first, the boundary checked behind it (what
    ``(?<!\w)`` before it says), so the engine skips in C to the next place a word's first
    character stands instead of testing the boundary at every character."""
    keys = [fold(w) for w in words]
    return re.compile(
        "|".join(
            rf"{re.escape(k[0])}(?<!\w[\s\S]){re.escape(k[1:])}(?!\w)" if k else r"(?<!\w)(?!\w)"
            for k in keys
        )
    )


def index_year(lines: Sequence[Line]) -> int | None:
    """Given the lines of a notice without a statement of its own, return the year named in
    the first line naming the index with a year ("Kết quả thẩm định Chỉ số CCHC năm 2023 …")."""
    for line in lines:
        if _INDEX_CUE.search(plain(line.raw)) and (years := _YEAR.findall(line.raw)):
            return int(years[0])
    return None


@cache
def kind_head() -> re.Pattern[str]:
    """Given nothing, return the pattern of the kind words a unit's name starts with
    ("Sở", "UBND huyện"; indices.toml), which do not tell it apart."""
    words = sorted(data_table("indices")["headline"]["kind_words"], key=len, reverse=True)
    body = "|".join(re.escape(fold(w)) for w in words)
    return re.compile(rf"^(?:(?:{body})\.?\s+)+")


def group_as_grade(grade: str | None, subject: str | None, level: str | None) -> str | None:
    """Given the notice's grade, its subject (None when the text names none) and the subject's
    level, return a group named by a grade word ("Nhóm tốt" from "thuộc nhóm Tốt") as that
    grade ("Tốt") when the subject is named and not graded in the national index's groups (a
    province, a ministry: grades.toml [group] national_levels, where "thuộc nhóm khá" stays
    the group)."""
    if grade is None or subject is None:
        return grade
    if level in data_table("grades")["group"]["national_levels"]:
        return grade
    return group_grades().get(grade, grade)


@cache
def group_grades() -> dict[str, str]:
    """Given nothing, return each group named by a grade word → that grade ("Nhóm tốt" → "Tốt")."""
    words = grade_words()
    found = ((name, words.by_key.get(form)) for form, name in words.groups.items())
    return {name: graded for name, graded in found if graded is not None}


def listed_grade(lines: Sequence[Line], subject: str | None) -> tuple[str, str] | None:
    """Given the lines and the notice's subject, return (grade, as written) of a grade given
    to a list that names the subject ("Xếp loại Tốt gồm: Sở Y tế, Sở Tư pháp …", "nhóm khá
    gồm các sở: Y tế, Xây dựng"), or None."""
    core = kind_head().sub("", fold(subject or "")).strip()
    if not core:
        return None
    names = re.compile(rf"(?<!\w){re.escape(core)}(?!\w)")
    return next((g for line in lines if (g := list_grade(line.raw, names))), None)


def list_grade(text: str, names: re.Pattern[str]) -> tuple[str, str] | None:
    """Given a line and the pattern of the subject's name, return the grade its head (before
    the colon) gives when the list after the colon names the subject."""
    head, sep, listed = text.partition(":")
    return grade_in_text(head) if sep and names.search(fold(listed)) else None


def lone_grade(lines: Sequence[Line]) -> tuple[str, str] | None:
    """Given the lines, return (grade, as written) of the lines that are only a grade after
    a head ("Xếp loại: TỐT.", "Kết quả xếp loại chung: Khá"; grades.toml [lone]) when they
    all give one grade, else None."""
    found = [g for line in lines if (g := lone_line_grade(line.text))]
    return found[0] if len({g for g, _ in found}) == 1 else None


def lone_line_grade(text: str) -> tuple[str, str] | None:
    """Given a line, return (grade, as written) when it is only a grade after a head."""
    m = lone_heads().match(fold(text))
    rest = text[m.end() :].strip(" :.;-–") if m else ""
    if not rest or len(rest.split()) > data_table("grades")["lone"]["max_words"]:
        return None
    graded = grade(rest)
    return (graded, rest) if graded else None


@cache
def lone_heads() -> re.Pattern[str]:
    """Given nothing, return the pattern of the heads of a lone grade line (grades.toml
    [lone] heads), the longest first, followed by a colon or a space."""
    heads = sorted((fold(w) for w in data_table("grades")["lone"]["heads"]), key=len, reverse=True)
    return re.compile(rf"^\s*(?:{'|'.join(re.escape(h) for h in heads)})(?=\s*:|\s)")
