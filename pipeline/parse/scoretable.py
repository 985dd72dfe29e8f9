"""RawTable → area scores, stated totals and the grade row."""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from parscore.normalizers.labels import area_code, grade
from parscore.normalizers.numbers import Number, find_numbers, parse_number
from parscore.pipeline.model import Score
from parscore.pipeline.roles import Role, is_grade_label, is_total_label
from parscore.pipeline.tables.rawtable import RawRow, RawTable

#: No area maximum, score or percent exceeds this: it settles "3.286"-style ambiguity.
SCALE_BOUND = Decimal(100)
_SUB_ROW = re.compile(r"^\s*\d+\.\d+")
_ROMAN = re.compile(r"^[IVX]{1,5}$")
_NOTED = re.compile(r"^\s*(\d+(?:[.,]\d+)?)\s+(\S.*)$")


@dataclass(frozen=True, slots=True, kw_only=True)
class ScoreTable:
    scores: tuple[Score, ...]
    total: Number | None = None
    self_total: Number | None = None
    max_total: Number | None = None
    grade: str | None = None
    grade_raw: str | None = None
    block: int = 0


def raw_to_score_table(raw: RawTable) -> ScoreTable:
    """Given a RawTable, return its areas, totals and grade."""
    style = area_order_style(raw)
    areas = [r for r in raw.rows if is_area_row(raw, r) and order_style(r.order) in (style, None)]
    total = next((r for r in raw.rows if is_total_label(r.label)), None)
    grade_row = next((r for r in raw.rows if is_grade_label(r.label)), None)
    grade_text = grade_row_text(raw, grade_row) if grade_row else None
    return ScoreTable(
        scores=tuple(row_to_score(raw, r, i) for i, r in enumerate(areas, start=1)),
        total=cell_number(raw, total, Role.APPRAISED) or cell_number(raw, total, Role.SELF),
        self_total=cell_number(raw, total, Role.SELF) if Role.APPRAISED in raw.roles else None,
        max_total=row_max(raw, total),
        grade=grade(grade_text) if grade_text else None,
        grade_raw=grade_text,
        block=raw.block,
    )


def order_style(order: str | None) -> str | None:
    """Given a row's order cell ("3", "III", "a)", "-", "1.2"), return how it is written."""
    text = (order or "").strip().rstrip(".)")
    if not text:
        return None
    if text.isdigit():
        return "digit"
    if _ROMAN.match(text):
        return "roman"
    if _SUB_ROW.match(text):
        return "sub"
    return "letter" if len(text) == 1 and text.isalpha() else "mark"


def area_order_style(raw: RawTable) -> str | None:
    """Given a table, return how the order cells of its known areas are written: rows written
    otherwise ("-", "a)", "1.1" under "I", "II") are their sub-criteria, not areas. A
    sub-criterion may name an area's words too ("3.1 Công khai TTHC", "1 Rà soát VBQPPL" under
    "II"): the first such row is an area, whose heading comes before its sub-criteria."""
    styles = [s for r in raw.rows if area_code(r.label) and (s := order_style(r.order))]
    return styles[0] if styles else None


def is_area_row(raw: RawTable, row: RawRow) -> bool:
    """Given a row, return whether it is an area row (numbers, not total/grade/sub-row)."""
    if is_total_label(row.label) or is_grade_label(row.label):
        return False
    if _SUB_ROW.match(row.order or "") or _SUB_ROW.match(row.label):
        return False
    return any(parse_number(v) is not None for v in row.values)


def row_to_score(raw: RawTable, row: RawRow, order: int) -> Score:
    """Given an area row, return its Score (a value over its maximum is kept, not fixed)."""
    return Score(
        order=order,
        area=area_code(row.label) or "other",
        label=row.label,
        max=row_max(raw, row),
        self=cell_number(raw, row, Role.SELF),
        appraised=cell_number(raw, row, Role.APPRAISED),
        percent=cell_number(raw, row, Role.PERCENT),
        rank=rank_value(raw.value(row, Role.RANK)),
        where=row.where,
    )


def cell_number(
    raw: RawTable, row: RawRow | None, role: Role, bound: Decimal = SCALE_BOUND
) -> Number | None:
    """Given a row and a role, return the number in that column, or None when blank; a cell
    holding a score over its maximum ("8/9", "20,5 / 23") gives the score."""
    text = raw.value(row, role) if row else None
    if text is None:
        return None
    ratio = cell_ratio(text)
    if ratio:
        return ratio[0]
    return parse_number(text, upper=bound) or parse_number(noted_figure(text), upper=bound)


def noted_figure(text: str) -> str:
    """Given a cell, return its figure when a note that lost its own column follows it ("13
    Chưa có nền tảng", "1,5 Chậm 01 báo cáo quý": the note opens with a capital), else ""."""
    m = _NOTED.match(text)
    return m.group(1) if m and m.group(2)[:1].isupper() else ""


def row_max(raw: RawTable, row: RawRow | None) -> Number | None:
    """Given a row, return its maximum: the max column's, else the one its score cell is
    written over ("8/9" under "Điểm đạt/Điểm tối đa")."""
    if found := cell_number(raw, row, Role.MAX):
        return found
    texts = (raw.value(row, role) if row else None for role in (Role.APPRAISED, Role.SELF))
    return next((ratio[1] for t in texts if t and (ratio := cell_ratio(t))), None)


def cell_ratio(text: str) -> tuple[Number, Number] | None:
    """Given a cell, return (score, maximum) when the whole cell is one "a/b" with a ≤ b."""
    found = find_numbers(text, upper=SCALE_BOUND)
    if len(found) != 1 or (under := found[0].denominator) is None:
        return None
    over = found[0].number
    whole = text.strip()
    if found[0].end - found[0].start < len(whole) or over.value is None or under.value is None:
        return None
    return (over, under) if over.value <= under.value else None


def grade_row_text(raw: RawTable, row: RawRow) -> str | None:
    """Given the grade row, return the grade as written in its first non-blank value."""
    return next((v.strip() for v in row.values if v.strip()), None)


def rank_value(text: str | None) -> int | None:
    """Given a rank cell ("3", " 07", "3/20"), return the rank as an int."""
    m = re.match(r"\s*0*(\d+)", text or "")
    return int(m.group(1)) if m else None
