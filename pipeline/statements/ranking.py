"""Ranking tables: one statement per unit row (and per index its columns name).

A ``Grid`` (``tables.model``) is a ranking table in one shape, whether it came as a TABLE
block or flattened one cell per line: the header texts of each column, then body rows
aligned to the columns, group headings ("Khối sở, ban, ngành", "Nhóm I") as rows of their
own. The recipe (``grid_statements``): header → columns → is it a ranking table? → rows → drafts.

Rows that are no unit: the total ("Tổng cộng") and the maximum ("Điểm tối đa", whose figures
become the maximum of the column) are not statements; an average ("Trung bình", "Bình
quân") is kept as a statement whose unit is "Trung bình", in its group, so that validation
can check it against the rows above.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence
from decimal import Decimal
from functools import lru_cache
from itertools import pairwise

from parscore.extractors.records import replace
from parscore.normalizers.labels import canonical_unit, grade
from parscore.normalizers.numbers import Number, find_numbers, parse_number
from parscore.pipeline.statements.columns import Col, Column, is_ranking, read_columns, table_year
from parscore.pipeline.statements.context import Context
from parscore.pipeline.statements.cues import cues, data, sentence_key
from parscore.pipeline.statements.draft import Draft, put
from parscore.pipeline.statements.tokens import VALUE_BOUND, Kind, sentence_tokens
from parscore.pipeline.statements.units import spelled
from parscore.pipeline.tables.model import Grid, Row

_RANK_CELL = re.compile(r"^\s*(?:thứ\s+)?0*(\d{1,4})\s*(?:/\s*0*(\d{1,4}))?\s*$")
_CHANGE_CELL = re.compile(
    r"^\s*(?P<word>tăng|giảm|↑|↓|▲|▼)?\s*(?P<num>[+\-\u2212]?\s*\d[\d.,]*)\s*(?:điểm|bậc|hạng|%)?\s*$"
)
_DOWN = frozenset({"giảm", "↓", "▼"})
_SPACED_DECIMAL = re.compile(r"^\s*(\d{1,3})(?:\s+([,.])\s*|([,.])\s+)(\d{1,3})\s*(%?)\s*$")
_NUMBERING = re.compile(r"^\s*(?:[IVXLC]+|[A-Z]|\d{1,2})[.)]\s+|^\s*[-–•]\s*")
#: A heading's numbering in a cell of its own ("I", "B."), beside the heading's cell.
_HEADING_NUMBER = re.compile(r"^\s*(?:[IVXLC]{1,5}|[A-Z])[.)]?\s*$")
#: Value roles and the draft field each fills.
FIELDS = {
    Col.SCORE: "score",
    Col.PERCENT: "percent",
    Col.SELF: "self_score",
    Col.PREVIOUS: "previous",
}


def grid_statements(grid: Grid, ctx: Context) -> tuple[Draft, ...]:
    """Given a grid and the context before it, return its statements (none: no ranking)."""
    columns = read_columns(grid.header, grid.caption)
    if not is_ranking(columns):
        return ()
    if grid.ordered:
        columns = order_as_rank(columns, grid.rows)
    base = Draft(
        index=ctx.index or ctx.topic or "par", year=table_year(columns) or ctx.year, source="table"
    )
    maxima = column_maxima(grid.rows, columns)
    return tuple(rows_to_drafts(grid.rows, columns, replace(base, max=None), maxima))


def order_as_rank(columns: Sequence[Column], rows: Sequence[Row]) -> tuple[Column, ...]:
    """Given the columns of a table said to run from the highest and its rows, return them
    with the order column as the rank, when no column holds ranks, the rows are numbered 1,
    2, 3 … without group headings and the first value column never rises."""
    roles = [c.role for c in columns]
    value = next((i for i, r in enumerate(roles) if r in (Col.SCORE, Col.PERCENT)), None)
    if Col.RANK in roles or Col.ORDER not in roles or value is None:
        return tuple(columns)
    at = roles.index(Col.ORDER)
    if any(r.group is not None for r in rows):
        return tuple(columns)
    numbered = [r.cells for r in rows if at < len(r.cells) and r.cells[at].strip()]
    ranks = [rank_cell(cells[at]) for cells in numbered]
    figures = [value_cell(cells[value], None) if value < len(cells) else None for cells in numbered]
    values = [f.value for f in figures if f is not None and f.value is not None]
    falling = len(values) == len(numbered) and all(a >= b for a, b in pairwise(values))
    if not numbered or not falling or ranks != [(k, None) for k in range(1, len(ranks) + 1)]:
        return tuple(columns)
    return tuple(replace(c, role=Col.RANK) if i == at else c for i, c in enumerate(columns))


def rows_to_drafts(
    rows: Sequence[Row], columns: Sequence[Column], base: Draft, maxima: dict[int, Number]
) -> Iterator[Draft]:
    """Given rows, columns, the table's draft and maxima, yield a draft per unit and index."""
    for row, group in zip(rows, row_groups(rows, columns), strict=True):
        unit = row_unit(row, columns) if row.group is None else None
        if unit is not None:
            start = replace(base, unit=unit[0], unit_raw=unit[1], group=group, where=row.where)
            yield from row_drafts(row, columns, start, maxima)


def row_groups(rows: Sequence[Row], columns: Sequence[Column]) -> list[str | None]:
    """Given the rows, return the group of each: the heading above it.

    An average row averages the rows since the last average (or the table's start): when
    they span more than one group it is the whole table's, and has no group.
    """
    groups: list[str | None] = []
    group, since = None, 0  # the current group, and the groups begun since the last average
    for row in rows:
        if row.group is not None:
            group, since = row.group, since + 1
        average = row.group is None and is_average_row(row, columns)
        groups.append(None if average and since > 1 else group)
        since = 0 if average else since
    return groups


def is_average_row(row: Row, columns: Sequence[Column]) -> bool:
    """Given a row, return whether it is an average ("Trung bình", "Bình quân")."""
    unit = row_unit(row, columns)
    return unit is not None and unit[0] == cues().average_unit


def row_unit(row: Row, columns: Sequence[Column]) -> tuple[str, str] | None:
    """Given a row, return (canonical unit, as written), or None: a total, a maximum, no name."""
    label = next(
        (cell for cell, col in zip(row.cells, columns, strict=False) if col.role is Col.UNIT), ""
    )
    label = " ".join(label.split())
    if not label or parse_number(label) is not None:
        return None
    key = sentence_key(label)
    if _whole(cues().average, key):
        return cues().average_unit, label
    skipped = [*data()["columns"]["total"], *data()["columns"]["max_row"]]
    if sentence_key(" ".join(key.split())) in {sentence_key(s) for s in skipped}:
        return None
    return canonical_unit(spelled(label)), label


def _whole(rx: re.Pattern[str], key: str) -> bool:
    """Given a pattern and a label key, return whether the pattern covers the whole label."""
    m = rx.search(key)
    return m is not None and not key[: m.start()].strip(" .:-") and not key[m.end() :].strip(" .:-")


def main_index(columns: Sequence[Column], default: str | None) -> str | None:
    """Given the columns and the context's index, return the index of columns that name none.

    It is the index of the first value column, when its header names one ("Chỉ số SIPAS (%)"
    beside "Xếp hạng"), else the context's.
    """
    first = next((c for c in columns if c.role in FIELDS), None)
    return first.index if first and first.index else default


def row_drafts(
    row: Row, columns: Sequence[Column], start: Draft, maxima: dict[int, Number]
) -> Iterator[Draft]:
    """Given a unit row, the columns and its draft, yield one draft per index with figures."""
    main = main_index(columns, start.index)
    indices = dict.fromkeys([main, *(c.index for c in columns if c.index)])
    for index in indices:
        picked = [(i, c) for i, c in enumerate(columns) if (c.index or main) == index]
        draft = fill(replace(start, index=index), row, picked, maxima)
        if draft.stated:
            yield draft


def fill(
    draft: Draft, row: Row, picked: Sequence[tuple[int, Column]], maxima: dict[int, Number]
) -> Draft:
    """Given a draft, a row and the columns of one index, return it with the row's figures."""
    for i, column in picked:
        text = row.cells[i].strip() if i < len(row.cells) else ""
        if text and text not in data()["columns"]["blanks"]:
            draft = fill_cell(draft, column, text, maxima.get(i))
    return draft


def fill_cell(draft: Draft, column: Column, text: str, maximum: Number | None) -> Draft:
    """Given a draft, a column and its cell text, return the draft with what the cell states."""
    reader = CELL_READERS.get(column.role)
    return reader(draft, column.role, text, maximum) if reader else draft


def read_value(draft: Draft, role: Col, text: str, maximum: Number | None) -> Draft:
    """Given a draft and a score, percent, self-assessed or previous cell, return it filled once."""
    number = value_cell(text, maximum)
    name = (
        "percent" if role is Col.SCORE and number is not None and number.percent else FIELDS[role]
    )
    if draft.has(name):
        return draft
    draft = put(draft, name, number)
    keep_max = number is not None and maximum is not None and role is not Col.PREVIOUS
    return replace(draft, max=maximum) if keep_max else draft


def read_max(draft: Draft, role: Col, text: str, maximum: Number | None) -> Draft:
    """Given a draft and a maximum cell, return it with the maximum (the first one)."""
    return draft if draft.max is not None else replace(draft, max=parse_number(text))


def read_rank(draft: Draft, role: Col, text: str, maximum: Number | None) -> Draft:
    """Given a draft and a rank cell, return it with the rank and count (the first one)."""
    rank = rank_cell(text) if draft.rank is None else None
    return replace(draft, rank=rank[0], rank_of=rank[1]) if rank else draft


def read_grade(draft: Draft, role: Col, text: str, maximum: Number | None) -> Draft:
    """Given a draft and a grade cell, return it with the canonical grade (the first one)."""
    if draft.grade is not None:
        return draft
    canonical = grade(text)
    return replace(draft, grade=canonical, grade_raw=text.strip() if canonical else None)


def read_change(draft: Draft, role: Col, text: str, maximum: Number | None) -> Draft:
    """Given a draft and a change cell (points or places), return it with the signed change."""
    number = signed_cell(text)
    if number is None or number.value is None:
        return draft
    if role is Col.RANK_CHANGE:
        return replace(draft, rank_change=int(number.value)) if draft.rank_change is None else draft
    return replace(draft, change=number) if draft.change is None else draft


def read_note(draft: Draft, role: Col, text: str, maximum: Number | None) -> Draft:
    """Given a draft and a note on its row ("Giảm 3 bậc"), return it with the change noted."""
    for token in sentence_tokens(text, sentence_key(text)):
        if token.kind is Kind.RANK_CHANGE and draft.rank_change is None:
            draft = replace(draft, rank_change=token.places)
        elif token.kind is Kind.CHANGE and draft.change is None:
            draft = replace(draft, change=token.number)
    return draft


CellReader = Callable[[Draft, Col, str, Number | None], Draft]
#: How each column role's cell is read.
CELL_READERS: dict[Col, CellReader] = {
    **dict.fromkeys(FIELDS, read_value),
    Col.MAX: read_max,
    Col.RANK: read_rank,
    Col.GRADE: read_grade,
    Col.CHANGE: read_change,
    Col.RANK_CHANGE: read_change,
    Col.OTHER: read_note,
}


def value_cell(text: str, maximum: Number | None) -> Number | None:
    """Given a score or percent cell, return its number, settled by the column's maximum or 100.

    A cell holding more than its figure ("94,49 (tăng 2)") gives its first figure.
    """
    bound = maximum.value if maximum and maximum.value else VALUE_BOUND
    spaced = _SPACED_DECIMAL.match(text)
    if spaced is not None:  # a figure typed with a space by its separator ("87, 25", "90 ,1")
        text = "".join(g or "" for g in spaced.groups())
    number = parse_number(text, upper=bound)
    if number is None:
        found = find_numbers(text, upper=bound)
        number = found[0].number if found else None
    return number


def rank_cell(text: str) -> tuple[int, int | None] | None:
    """Given a rank cell (" 7", "07/17", "Thứ nhất"), return (rank, count or None)."""
    m = _RANK_CELL.match(text)
    if m:
        return int(m.group(1)), int(m.group(2)) if m.group(2) else None
    words = sentence_key(text).split()
    ordinal = cues().ordinals.get(words[-1]) if words and words[0] in ("thứ", "hạng") else None
    return (ordinal, None) if ordinal else None


def signed_cell(text: str) -> Number | None:
    """Given a change cell ("+2,1", "-7", "giảm 1,5", "↑3"), return its signed number."""
    m = _CHANGE_CELL.match(sentence_key(text))
    if m is None:
        return None
    number = parse_number(m.group("num").replace(" ", ""), upper=VALUE_BOUND)
    if number is None or number.value is None or m.group("word") not in _DOWN:
        return number
    return replace(number, value=-abs(number.value), candidates=())


def column_maxima(rows: Sequence[Row], columns: Sequence[Column]) -> dict[int, Number]:
    """Given the rows and columns, return column → maximum from a "Điểm tối đa" row, if any."""
    max_rows = {sentence_key(s) for s in data()["columns"]["max_row"]}
    for row in rows:
        label = next(
            (c for c, col in zip(row.cells, columns, strict=False) if col.role is Col.UNIT), ""
        )
        if sentence_key(" ".join(label.split())) in max_rows:
            found = {i: parse_number(c) for i, c in enumerate(row.cells)}
            return {
                i: n for i, n in found.items() if n is not None and n.value and n.value > Decimal(0)
            }
    return {}


def with_group(grid: Grid, group: str | None) -> Grid:
    """Given a grid and the group heading written before it, return it opening that group."""
    if group is None or (grid.rows and grid.rows[0].group is not None):
        return grid
    return replace(grid, rows=(Row(group=group_label(group)), *grid.rows))


def is_heading_number(text: str) -> bool:
    """Given a cell, return whether it is only a heading's numbering ("II", "A.")."""
    return bool(_HEADING_NUMBER.match(text))


def group_label(text: str) -> str:
    """Given a group heading as written ("I. KHỐI SỞ, BAN, NGÀNH"), return it without numbering."""
    return _NUMBERING.sub("", " ".join(text.split()), count=1).strip(" :.")


@lru_cache(maxsize=1)
def _group_rx() -> re.Pattern[str]:
    """Given nothing, return the regex of a group heading's first words (on the key)."""
    words = "|".join(re.escape(sentence_key(w)) for w in data()["columns"]["group"])
    return re.compile(rf"^\s*(?:(?:[ivxlc]+|[a-z]|\d{{1,2}})[.)]\s*)?(?:{words})(?!\w)")


def is_group_text(text: str) -> bool:
    """Given a cell or line, return whether it opens a group ("Khối sở, ban, ngành", "Nhóm B")."""
    return bool(_group_rx().match(sentence_key(text)))
