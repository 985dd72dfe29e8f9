"""Recover score tables that reach the parser as lines.

Two shapes: one cell per line (the seed's web text) and one row per line (OCR, text
copied from PDFs: ``Cải cách thể chế 14 10``). Both become the same ``RawTable``.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from parscore.normalizers.labels import area_code
from parscore.pipeline.lines import Line
from parscore.pipeline.model import Where
from parscore.pipeline.roles import (
    Role,
    header_role,
    is_grade_label,
    is_label_header,
    roles_in_line,
)
from parscore.pipeline.tables.rawtable import SCORE_ROLES, RawRow, RawTable

_TRAILING_NUMBER = re.compile(r"(?:^|\s)([-+]?\d[\d.,]*\s?%?|-)$")
#: A value token of a row ("9", "8,5", "-", "95%"); a note's "0,5đ:" or "(3)" is none.
_VALUE_TOKEN = re.compile(r"[-+]?\d[\d.,]*%?|-")
#: A row's own number before its label ("1", "1.2", "III", "a)").
_ROW_NUMBER = re.compile(r"^\s*((?:\d+(?:\.\d+)*|[IVX]{1,5}|[a-zđ])[.)]?)\s+(?=\S)")
#: A label longer than this is prose, not a table row.
MAX_LABEL_WORDS = 30
#: A header cell split over two lines has at most this many words on its first line.
SPLIT_HEADER_WORDS = 3
#: Consecutive area-labelled lines that make a table without a header.
MIN_HEADERLESS_ROWS = 3
_GUESSED_ROLES = {
    1: (Role.APPRAISED,),
    2: (Role.MAX, Role.APPRAISED),
    3: (Role.MAX, Role.SELF, Role.APPRAISED),
}


@dataclass(slots=True)
class _Row:
    label: str
    values: list[str] = field(default_factory=list)
    where: Where = field(default_factory=Where)
    noted: bool = False  # words followed its figures (a "Ghi chú" cell), which may wrap
    number: str | None = None  # the line's own numbering ("1.2"), split off its text


def area_at(lines: Sequence[Line], i: int) -> tuple[RawTable, int] | None:
    """Given the lines and a position, return (the area table written from there, the index
    after it) when an area header, or headerless area rows, start there; else None."""
    found = read_header(lines, i) or guess_header(lines, i)
    if found is None:
        return None
    roles, start = found
    return read_rows(lines, start, roles)


def read_header(lines: Sequence[Line], i: int) -> tuple[tuple[Role, ...], int] | None:
    """Given a position, return (value roles, first row index) when a header starts there."""
    if not is_label_header(lines[i].raw):
        return numbered_header(lines, i)
    if header_role(lines[i].raw) is Role.ORDER and i + 1 < len(lines):
        found = read_header(lines, i + 1)  # "TT" then "Lĩnh vực": rows open with their number
        return ((Role.ORDER, *found[0]), found[1]) if found else None
    inline = roles_in_line(lines[i].raw)
    if inline:
        return (inline, i + 1) if SCORE_ROLES & set(inline) else None
    roles: list[Role] = []
    j = i + 1
    while j < len(lines) and (cell := split_header_role(lines, j)) is not None:
        role, used = cell
        if role is not Role.ORDER:
            roles.append(role)
        j += used
    return (tuple(roles), j) if SCORE_ROLES & set(roles) else None


def numbered_header(lines: Sequence[Line], i: int) -> tuple[tuple[Role, ...], int] | None:
    """Given a position, return (ORDER and the value roles, first row index) when a one-line
    header opens with the order column's word before the label's ("TT  Lĩnh vực/Tiêu chí  Tự
    chấm  Thẩm định  Tối đa  Ghi chú"): each row then opens with its number."""
    first, _, rest = lines[i].raw.strip().partition(" ")
    if header_role(first) is not Role.ORDER or not is_label_header(rest.strip()):
        return None
    inline = roles_in_line(rest)
    return ((Role.ORDER, *inline), i + 1) if SCORE_ROLES & set(inline) else None


def split_header_role(lines: Sequence[Line], j: int) -> tuple[Role, int] | None:
    """Given a position in a header, return (the value role of its cell, lines it takes): one
    line, or two when the cell's words are split over lines ("Điểm tự" / "đánh giá")."""
    role, used = header_role(lines[j].raw), 1
    if j + 1 < len(lines) and continues_header(lines[j].raw, lines[j + 1].raw, role):
        role, used = header_role(f"{lines[j].raw} {lines[j + 1].raw}"), 2
    return (role, used) if role not in (None, Role.LABEL, Role.UNIT) else None


def continues_header(cell: str, after: str, role: Role | None) -> bool:
    """Given a short header line, the next line and the role of the first: does the next
    line finish its words? It does when it starts in lowercase ("Điểm" / "tối đa"), or when
    the first names no role and the two together do ("Điểm tự" / "Đánh giá")."""
    if len(cell.split()) > SPLIT_HEADER_WORDS or not after[:1].isalpha():
        return False
    if after[:1].islower():
        return header_role(f"{cell} {after}") is not None
    return role is None and header_role(f"{cell} {after}") is not None


def guess_header(lines: Sequence[Line], i: int) -> tuple[tuple[Role, ...], int] | None:
    """Given a position, return guessed roles when area rows with numbers start there."""
    counts = []
    for line in lines[i : i + MIN_HEADERLESS_ROWS]:
        label, numbers = split_numbers(line.text)
        if not (label and numbers and area_code(label)):
            return None
        counts.append(len(numbers))
    if (
        len(counts) < MIN_HEADERLESS_ROWS
        or len(set(counts)) != 1
        or counts[0] not in _GUESSED_ROLES
    ):
        return None
    return _GUESSED_ROLES[counts[0]], i


def split_numbers(text: str) -> tuple[str, list[str]]:
    """Given a line, return (label, trailing numeric tokens in order)."""
    numbers: list[str] = []
    while may_end_in_number(text) and (m := _TRAILING_NUMBER.search(text)):
        numbers.insert(0, m.group(1).strip())
        text = text[: m.start()].rstrip()
    return text, numbers


def may_end_in_number(text: str) -> bool:
    """Given text, return whether ``_TRAILING_NUMBER`` may match it: only when its last
    character is one a number, a percent, a dash or a space ends with (most lines end with
    a letter or a stop, answered here without a search along the whole line)."""
    last = text[-1:]
    return last.isdecimal() or last.isspace() or (last != "" and last in ".,%-")


def read_rows(lines: Sequence[Line], start: int, roles: tuple[Role, ...]) -> tuple[RawTable, int]:
    """Given the first row index and roles, return the table read and the index after it."""
    rows: list[_Row] = []
    j = start
    ordered, roles = roles[:1] == (Role.ORDER,), tuple(r for r in roles if r is not Role.ORDER)
    while j < len(lines) and take_line(rows, lines[j], j - start, len(roles) if ordered else 0):
        j += 1
    kept = trim_trailing(rows)
    raw_rows = tuple(raw_row(r, len(roles), numbered=ordered and bool(r.label)) for r in kept)
    block = lines[start].block if start < len(lines) else 0
    return RawTable(roles=roles, rows=raw_rows, block=block), max(j, start + 1)


def raw_row(row: _Row, width: int, numbered: bool) -> RawRow:
    """Given a row read, the number of value columns and whether rows open with their number,
    return its RawRow, the number written before the label ("1.2 Báo cáo CCHC") its order."""
    found = _ROW_NUMBER.match(row.label) if numbered and not row.number else None
    order, label = (found.group(1), row.label[found.end() :]) if found else (None, row.label)
    order = row.number if numbered and row.number else order
    return RawRow(label=label, values=tuple(row.values[:width]), order=order, where=row.where)


def split_noted(text: str, width: int) -> tuple[str, list[str]] | None:
    """Given a line ending in words and the number of value columns, return (label, values)
    when a run of at least that many values stands between its label and a note ("Báo cáo
    định kỳ 2,5 2 3 Trừ 0,5đ: chậm báo cáo", "… 9 8 10 03 hồ sơ trễ hạn"): the first of them
    are the row's."""
    tokens = text.split()
    for at in range(1, len(tokens)):
        run = list(itertools.takewhile(_VALUE_TOKEN.fullmatch, tokens[at:]))
        if len(run) >= width and at + len(run) < len(tokens):
            return " ".join(tokens[:at]), run[:width]
    return None


def take_line(rows: list[_Row], line: Line, k: int, ordered: int = 0) -> bool:
    """Given the rows so far and the next line, add it to the table; False when it ends.

    `ordered` is the number of value columns when each row opens with its number ("TT"
    column): a lone whole number after a complete row then opens the next row, and a row
    may end in a note after its values, whose wrapped words on the next line are skipped.
    """
    label, numbers = split_numbers(line.text)
    current = rows[-1] if rows else None
    if current is not None and current.noted and label[:1].islower() and len(numbers) < ordered:
        return True  # the note goes on ("toàn trình 46%")
    noted = split_noted(line.text, ordered) if ordered and not numbers else None
    if noted is not None:
        label, numbers = noted
    if not label:
        if opens_row(current, numbers, ordered):
            rows.append(_Row("", [], Where(block=line.block, row=k, page=line.page)))
            return True
        if current is None:
            return False
        current.values.extend(numbers)
        return True
    if current is not None and not current.label:  # a numbered row waiting for its label
        current.label = label
        current.values.extend(numbers)
        return not ends_table(line, label, numbers)
    if current is not None and not current.values and continues(current, label):
        return absorb(current, label, numbers)
    if ends_table(line, label, numbers):
        return False
    rows.append(_Row(label, list(numbers), Where(block=line.block, row=k, page=line.page)))
    rows[-1].noted, rows[-1].number = noted is not None, line.numbering
    split_grade_label(rows[-1])
    return True


def opens_row(current: _Row | None, numbers: list[str], ordered: int) -> bool:
    """Given the last row, a numbers-only line and the value count: is it a row number?"""
    if not ordered or len(numbers) != 1 or not numbers[0].isdigit():
        return False
    return current is None or len(current.values) >= ordered


def continues(row: _Row, label: str) -> bool:
    """Given a row still without values and a label, return whether the label belongs to it."""
    return is_grade_label(row.label) or label[:1].islower()


def absorb(row: _Row, label: str, numbers: list[str]) -> bool:
    """Given a value-less row, take a grade value or a wrapped label continuation."""
    if is_grade_label(row.label):
        row.values.append(label)
    else:
        row.label = f"{row.label} {label}"
        row.values.extend(numbers)
    return True


def ends_table(line: Line, label: str, numbers: list[str]) -> bool:
    """Given a line that opens a new row, return whether it rather ends the table."""
    if numbers:
        return False
    if len(label.split()) > MAX_LABEL_WORDS:
        return True
    return line.numbering is not None and area_code(label) is None


def split_grade_label(row: _Row) -> None:
    """Given a row labelled "Xếp loại Khá" (OCR), move the grade into the values."""
    if not row.values and is_grade_label(row.label) and len(row.label.split()) > 2:
        words = row.label.split()
        row.label, row.values = " ".join(words[:2]), [" ".join(words[2:])]


def trim_trailing(rows: list[_Row]) -> list[_Row]:
    """Given the rows read, drop trailing rows that never got a value (prose after the table)."""
    while rows and not rows[-1].values:
        rows.pop()
    return rows
