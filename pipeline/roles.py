"""Column roles of a score table, read from header text (accent-insensitive)."""

from __future__ import annotations

import re
from enum import StrEnum

from parscore.normalizers.text import bare_key


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


def _loose(terms: str) -> re.Pattern[str]:
    """Given header phrases, return their pattern with each space optional: OCR drops spaces
    between short words ("Điểm tốida", "Lĩnhvực")."""
    return re.compile(terms.replace(" ", " ?"))


_ROLE_RE = tuple((role, _loose(terms)) for role, terms in ROLE_TERMS)
_LABEL_RE = _loose(LABEL_TERMS)
_UNIT_RE = _loose(UNIT_TERMS)
_ORDER_RE = _loose(ORDER_TERMS)
_TOTAL_RE = re.compile(r"^(?:tong\b|cong\W*$|cong (?:diem|chung|tat ca))")
_ANY_ROLE = _loose("|".join(f"(?:{t})" for _, t in ROLE_TERMS[:-1]))


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
    found = next((role for role, rx in _ROLE_RE if rx.search(key)), None)
    return found or _near_role(key)


#: Header words OCR may garble by one letter ("Thãấm định" reads "thaam dinh"), with spaces
#: taken out; only a header cell that names no role otherwise is compared with them.
NEAR_TERMS: tuple[tuple[Role, str], ...] = (
    (Role.MAX, "toida"),
    (Role.SELF, "tudanhgia"),
    (Role.APPRAISED, "thamdinh"),
    (Role.GRADE, "xeploai"),
    (Role.RANK, "xephang"),
)


def _near_role(key: str) -> Role | None:
    """Given a header key naming no role, return the role of a term it holds with one letter
    wrong, missing or extra."""
    compact = key.replace(" ", "")
    return next((role for role, term in NEAR_TERMS if _holds_near(compact, term)), None)


def _holds_near(text: str, term: str) -> bool:
    """Given a text and a term, return whether some slice of the text is at most one edit
    from the term."""
    sizes = (len(term) - 1, len(term), len(term) + 1)
    return any(_one_edit(text[i : i + n], term) for n in sizes for i in range(len(text) - n + 1))


def _one_edit(a: str, b: str) -> bool:
    """Given two strings, return whether they differ by at most one edit."""
    if abs(len(a) - len(b)) > 1:
        return False
    i = 0
    while i < min(len(a), len(b)) and a[i] == b[i]:
        i += 1
    if len(a) == len(b):
        return a[i + 1 :] == b[i + 1 :]
    return a[i:] == b[i + 1 :] if len(a) < len(b) else a[i + 1 :] == b[i:]


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
