"""Column roles of an area table, read from header text (accent-insensitive).

The words are data: [area] of pipeline/data/columns.toml, the one column vocabulary, whose
[ranking] part names the columns of ranking tables (``statements.columns``).
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Sequence
from enum import StrEnum
from functools import lru_cache
from pathlib import Path
from typing import Any

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


#: The one column-role vocabulary of every table (area and ranking columns).
COLUMNS_FILE = Path(__file__).resolve().parent / "data" / "columns.toml"


@lru_cache(maxsize=1)
def column_words() -> dict[str, Any]:
    """Given nothing, return the parsed columns.toml (read once): [area] and [ranking]."""
    with COLUMNS_FILE.open("rb") as f:
        return tomllib.load(f)


def _loose(phrases: list[str]) -> str:
    """Given header phrases, return their alternation with each space optional: OCR drops
    spaces between short words ("Điểm tốida", "Lĩnhvực")."""
    return "|".join(" ?".join(re.escape(w) for w in p.split(" ")) for p in phrases)


def _area() -> dict[str, Any]:
    """Given nothing, return the [area] words of columns.toml."""
    words: dict[str, Any] = column_words()["area"]
    return words


#: Value roles tried in order, each with its phrases (columns.toml [area] ``roles``).
ROLE_TERMS: tuple[tuple[Role, str], ...] = tuple(
    (Role(name), _loose(_area()[name])) for name in _area()["roles"]
)
_ROLE_RE = tuple((role, re.compile(terms)) for role, terms in ROLE_TERMS)
_LAST_RE = re.compile(_loose(_area()["appraised_last"]))
_ALONE_RE = re.compile(rf"^(?:{_loose(_area()['appraised_alone'])})$")
_LABEL_RE = re.compile(rf"^(?:{_loose(_area()['label'])})")
_UNIT_RE = re.compile(rf"^(?:{_loose(_area()['unit'])})")
_ORDER_RE = re.compile(rf"^(?:{_loose(_area()['order'])})$")
_TOTAL_RE = re.compile(r"^(?:tong\b|cong\W*$|cong (?:diem|chung|tat ca))")
_ANY_ROLE = re.compile("|".join(f"(?:{terms})" for _, terms in ROLE_TERMS))
_EITHER_RE = re.compile(rf"^(?:{_loose(_area()['either'])})$")
_EVIDENCED_RE = re.compile(_loose(_area()["evidenced"]))


#: Header and label matching is done on the loose key (no tones, casefolded, spaces collapsed).
plain = bare_key


#: Header cells remembered: a header is asked for its role by every table reader.
ROLE_CACHE = 4096


@lru_cache(maxsize=ROLE_CACHE)
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
    if (paired := _paired_role(key)) is not None:
        return paired
    found = next((role for role, rx in _ROLE_RE if rx.search(key)), None)
    if found is None and (_LAST_RE.search(key) or _ALONE_RE.match(key)):
        found = Role.APPRAISED
    return found or _near_role(key)


def _paired_role(key: str) -> Role | None:
    """Given a header key, return the score role of a cell naming a score and its maximum
    ("Điểm đạt/Điểm tối đa", "Tự chấm / Thang điểm"): its cells hold "8/9", the score first."""
    if key.count("/") != 1:
        return None
    parts = [header_role(p) for p in key.split("/")]
    named = [r for r in parts if r is not Role.MAX]
    return named[0] if Role.MAX in parts and named and named[0] in SCORE_PAIRED else None


#: The roles a score beside its maximum may take ("Điểm đạt/Điểm tối đa").
SCORE_PAIRED = frozenset({Role.SELF, Role.APPRAISED})

#: Header words OCR may garble by one letter ("Thãấm định" reads "thaam dinh"), with spaces
#: taken out; only a header cell that names no role otherwise is compared with them.
NEAR_TERMS: tuple[tuple[Role, str], ...] = tuple((Role(r), t) for r, t in _area()["near"])


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


def settle_either(roles: Sequence[Role], texts: Sequence[str]) -> tuple[Role, ...]:
    """Given a header's column roles and the texts they were read from, return the roles with
    a column that may name either score ("Điểm TĐ") settled by its neighbours: the appraisal
    beside a self-assessment column, the self-assessment beside none (or beside an appraisal).
    Beside no score column, the points backed by evidence ("Điểm có tài liệu kiểm chứng") are
    the self-assessment."""
    either = [
        i for i, t in enumerate(texts) if roles[i] is Role.OTHER and _EITHER_RE.match(plain(t))
    ]
    if not either and not {Role.SELF, Role.APPRAISED} & set(roles):
        either = [
            i for i, t in enumerate(texts)
            if roles[i] is Role.OTHER and _EVIDENCED_RE.search(plain(t))
        ][:1]  # fmt: skip
    if len(either) != 1 or {Role.SELF, Role.APPRAISED} <= set(roles):
        return tuple(roles)
    settled = list(roles)
    settled[either[0]] = Role.APPRAISED if Role.SELF in roles else Role.SELF
    return tuple(settled)


_YEAR_RE = re.compile(r"(?<!\d)(?:19|20)\d{2}(?!\d)")
_BARE_YEAR_RE = re.compile(r"^(?:nam )?(?:19|20)\d{2}$")
#: Roles a column may share with another year's column ("Điểm đạt năm 2022 | … năm 2023").
YEARLY = (Role.SELF, Role.APPRAISED, Role.PERCENT, Role.RANK, Role.GRADE)


def settle_years(roles: Sequence[Role], texts: Sequence[str]) -> tuple[Role, ...]:
    """Given a header's column roles and each column's header text (all its rows), return the
    roles with columns told apart by year settled: of the columns sharing a role, the latest
    year's keeps it and the earlier years' are other ("Điểm đạt năm 2022 | Điểm đạt năm
    2023"); with no score column, the latest of columns headed by a year alone ("Năm 2022 |
    Năm 2023") is the score's."""
    years = {i: max(int(y) for y in found) for i, t in enumerate(texts)
             if (found := _YEAR_RE.findall(t))}  # fmt: skip
    if len(set(years.values())) < 2:
        return tuple(roles)
    settled = list(roles)
    if not {Role.SELF, Role.APPRAISED} & set(roles):
        bare = [i for i in years if roles[i] is Role.OTHER and _BARE_YEAR_RE.match(plain(texts[i]))]
        if len(bare) > 1:
            settled[max(bare, key=years.__getitem__)] = Role.APPRAISED
    for role in YEARLY:
        dated = [i for i in years if settled[i] is role]
        if len({years[i] for i in dated}) > 1:
            latest = max(dated, key=years.__getitem__)
            earlier = set(dated) - {latest}
            settled = [Role.OTHER if i in earlier else r for i, r in enumerate(settled)]
    return tuple(settled)


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
