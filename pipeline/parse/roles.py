"""Column roles of a score table, read from header text (accent-insensitive)."""

from __future__ import annotations

import re
from enum import StrEnum

from normalizers.text import bare_key


class Role(StrEnum):
    ORDER = "order"
    LABEL = "label"
    UNIT = "unit"  # "Tên đơn vị": a ranking of units, not an area table
    MAX = "max"
    SELF = "self"
    APPRAISED = "appraised"
    PERCENT = "percent"
    RANK = "rank"
    GRADE = "grade"
    OTHER = "other"


#: Header phrases (without tones) for each value role, most specific first.
ROLE_TERMS: tuple[tuple[Role, str], ...] = (
    (Role.MAX, r"(?:diem )?toi da|diem chuan|thang diem|diem quy dinh"),
    (Role.SELF, r"tu (?:danh gia|cham|xac dinh)|tu dg"),
    (Role.APPRAISED, r"(?:cthd |hoi dong |diem )?tham dinh|diem dat|diem danh gia|ket qua"),
    (Role.PERCENT, r"ty le|ti le|chi so \(?%|\(%\)|%"),
    (Role.RANK, r"xep hang|vi thu|thu hang"),
    (Role.GRADE, r"xep loai"),
    (Role.APPRAISED, r"tong diem|^diem$|diem so"),
)
LABEL_TERMS = r"^(?:linh vuc|noi dung|tieu chi|chi tieu|ten (?:linh vuc|tieu chi))"
UNIT_TERMS = r"^(?:ten )?(?:don vi|co quan|dia phuong|so, ban, nganh|huyen, thi xa)"
ORDER_TERMS = r"^(?:s?tt|so tt|thu tu)$"
_ROLE_RE = tuple((role, re.compile(terms)) for role, terms in ROLE_TERMS)
_LABEL_RE = re.compile(LABEL_TERMS)
_UNIT_RE = re.compile(UNIT_TERMS)
_ORDER_RE = re.compile(ORDER_TERMS)
_TOTAL_RE = re.compile(r"^(?:tong\b|cong\W*$|cong (?:diem|chung|tat ca))")
_ANY_ROLE = re.compile("|".join(f"(?:{t})" for _, t in ROLE_TERMS[:-1]))


#: Header and label matching is done on the loose key (no tones, casefolded, spaces collapsed).
plain = bare_key


def header_role(text: str) -> Role | None:
    """Given one header cell, return its role, or None when it names no role."""
    key = plain(text)
    if not key:
        return None
    if _ORDER_RE.match(key):
        return Role.ORDER
    if _LABEL_RE.match(key):
        return Role.LABEL
    if _UNIT_RE.match(key):
        return Role.UNIT
    return next((role for role, rx in _ROLE_RE if rx.search(key)), None)


def roles_in_line(text: str) -> tuple[Role, ...]:
    """Given a one-line header ("Lĩnh vực Điểm tối đa CTHĐ Thẩm định"), return its value roles."""
    key = plain(text)
    return tuple(header_role(m.group(0)) or Role.OTHER for m in _ANY_ROLE.finditer(key))


def is_label_header(text: str) -> bool:
    """Given a cell or line, return whether it opens a header (Lĩnh vực, Nội dung, TT …)."""
    key = plain(text)
    return bool(_LABEL_RE.match(key) or _ORDER_RE.match(key))


def is_total_label(text: str) -> bool:
    """Given a row label, return whether it is the table's total row."""
    return bool(_TOTAL_RE.match(plain(text)))


def is_grade_label(text: str) -> bool:
    """Given a row label, return whether it is the grade row (Xếp loại)."""
    return plain(text).startswith("xep loai")
