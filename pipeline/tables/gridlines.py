"""Ranking tables that reach the parser flattened, one cell per line, as grids.

The recipe (``grid_at``): find a header (a unit or order cell, then at least two
more role cells within a few lines) → merge header cells split over lines ("Xếp" / "hạng",
"Tên" / "đơn vị": a line starting in lowercase or "(" continues the cell before; so does a
line that gives a role only together with it) → put the area columns of a parent header
("Điểm các lĩnh vực", written after the first header row) in its place → read the body
cells up to prose or the next header → split them into rows at each unit name: of the
cells between two names, the last ones are the next row's leading cells (order, rank) as
many as the header has before its unit column, the rest are the previous row's values.
Empty cells are lost in flattening, so a short row fills its columns from the left.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from itertools import pairwise

from parscore.extractors.records import replace
from parscore.normalizers.labels import grade
from parscore.normalizers.numbers import parse_number
from parscore.pipeline.lines import Line
from parscore.pipeline.model import Where
from parscore.pipeline.statements.columns import Col, cell_role
from parscore.pipeline.statements.cues import cues, data, sentence_key
from parscore.pipeline.statements.ranking import group_label, is_group_text, rank_cell
from parscore.pipeline.tables.model import Grid, Row

#: Lines after a header's first cell within which two more role cells must come.
HEADER_WINDOW = 12
#: A header cell has at most this many words.
MAX_HEADER_WORDS = 10
#: A grade cell has at most this many words ("Xuất sắc", "Trung bình").
MAX_GRADE_WORDS = 3
_YEAR_CELL = re.compile(r"^(?:năm\s+)?(?:19|20)\d\d$", re.IGNORECASE)
_SENTENCE_END = re.compile(r"[.:;!?]$")
#: A note's label before a colon and its text ("Nguồn: Sở Nội vụ").
_LABELLED = re.compile(r"^[^\W\d][^:]{0,20}:\s+\S")


@dataclass(frozen=True, slots=True, kw_only=True)
class Flat:
    """A flattened table found among the lines: its grid and the lines it spans."""

    grid: Grid
    first: int  # index of its first line
    end: int  # index after its last line


def grid_at(lines: Sequence[Line], i: int) -> Flat | None:
    """Given the lines and a position, return the flattened ranking table whose header starts
    there, or None."""
    header = read_header(lines, i)
    if header is None:
        return None
    cells, start = header
    end = body_end(lines, start)
    return Flat(grid=make_grid(cells, lines[start:end]), first=i, end=end)


# --- header -------------------------------------------------------------------------------------


def header_role(text: str) -> Col | None:
    """Given a line, return its role as a header cell (None when it is no header cell; a lead-in
    ending with a colon, "Bảng xếp hạng cụ thể như sau:", is none)."""
    if _YEAR_CELL.match(text.strip()):  # a year alone heads its year's figures ("2023" / "2024")
        return Col.SCORE
    if len(text.split()) > MAX_HEADER_WORDS or parse_number(text) is not None:
        return None
    if text.rstrip().endswith(":"):
        return None
    return cell_role(text)


def read_header(lines: Sequence[Line], i: int) -> tuple[list[str], int] | None:
    """Given a position, return (header cells, first body line) when a ranking header starts."""
    if header_role(lines[i].text) not in (Col.UNIT, Col.ORDER, Col.RANK):
        return None
    cells: list[str] = []
    j = i
    while j < len(lines) and j < i + HEADER_WINDOW and is_header_line(lines, j, cells):
        cells = merge_cell(cells, lines[j].text)
        j += 1
    roles = [cell_role(c) for c in cells]
    if Col.UNIT not in roles or len([r for r in roles if r]) < 3:
        return None
    return cells, j


def is_header_line(lines: Sequence[Line], j: int, cells: Sequence[str]) -> bool:
    """Given the lines, a position and the header cells so far, return whether it is header.

    A line without a role is header when it continues the cell before, or when the next line
    continues it into a role ("Tên" / "đơn vị", "Xếp" / "hạng").
    """
    text = lines[j].text
    if not cells or header_role(text) is not None:
        return True
    if continues(cells[-1], text):
        return True
    after = lines[j + 1].text if j + 1 < len(lines) else ""
    return bool(after) and continues(text, after) and cell_role(f"{text} {after}") is not None


def continues(previous: str, text: str) -> bool:
    """Given the last header cell and a line, return whether the line continues that cell."""
    if text[:1].islower() or text[:1] in "(/-" or names_index_with(previous, text):
        return True
    return cell_role(previous) is None and cell_role(f"{previous} {text}") is not None


def names_index_with(previous: str, text: str) -> bool:
    """Given a header cell and the line after it, return whether an index's name runs from one
    into the other ("Chỉ số" / "CCHC (%)", "Chỉ số" / "PAR INDEX")."""
    m = cues().index.search(sentence_key(f"{previous} {text}"))
    return m is not None and m.start() < len(previous) < m.end()


def merge_cell(cells: list[str], text: str) -> list[str]:
    """Given the header cells so far and a line, return the cells with the line added or joined."""
    if cells and continues(cells[-1], text):
        return [*cells[:-1], f"{cells[-1]} {text}"]
    return [*cells, text]


def place_children(cells: Sequence[str]) -> list[str]:
    """Given header cells, return them with trailing area cells put where their parent header is."""
    roles = [cell_role(c) for c in cells]
    if Col.PARENT not in roles:
        return list(cells)
    k = len(roles)
    while k and roles[k - 1] is Col.AREA:
        k -= 1
    parent = roles.index(Col.PARENT)
    if k == len(roles) or parent >= k:
        return list(cells)
    return [*cells[:parent], *cells[k:], *cells[parent + 1 : k]]


# --- body ---------------------------------------------------------------------------------------


def body_end(lines: Sequence[Line], start: int) -> int:
    """Given the first body line, return the index after the table's last line."""
    limit = data()["columns"]["max_cell_words"]
    j = start
    while j < len(lines) and is_body_cell(lines[j].text, limit) and read_header(lines, j) is None:
        j += 1
    return j


def is_body_cell(text: str, limit: int) -> bool:
    """Given a line, return whether it can be a body cell (short, no sentence end, no labelled
    note after the table: "Nguồn: Sở Nội vụ", "Ghi chú: …")."""
    if parse_number(text) is not None or text.strip() in data()["columns"]["blanks"]:
        return True
    return (
        len(text.split()) <= limit
        and not _SENTENCE_END.search(text)
        and not text.startswith("(")
        and not _LABELLED.search(text)
    )


def cell_kind(text: str) -> str:
    """Given a body cell, return "value" (a figure, grade, rank, blank), "group" or "label"."""
    cell = text.strip()
    blank = cell in data()["columns"]["blanks"]
    if blank or parse_number(cell) is not None or rank_cell(cell) or _is_grade(cell):
        return "value"
    return "group" if is_group_text(cell) else "label"


def _is_grade(cell: str) -> bool:
    """Given a body cell, return whether it is a grade ("Tốt"), not an average row's label."""
    return bool(grade(cell)) and len(cell.split()) <= MAX_GRADE_WORDS and not _is_average(cell)


def _is_average(text: str) -> bool:
    """Given a label, return whether it is an average row (written without an order cell)."""
    return cues().average.fullmatch(sentence_key(text.strip())) is not None


def make_grid(cells: Sequence[str], body: Sequence[Line]) -> Grid:
    """Given the header cells and the body lines, return the grid."""
    header = place_children(cells)
    roles = [cell_role(c) for c in header]
    lead = roles.index(Col.UNIT)
    slot = roles.index(Col.GRADE) - lead - 1 if Col.GRADE in roles[lead:] else None
    rows = tuple(split_rows(body, lead, len(header), slot))
    return Grid(header=tuple((c,) for c in header), rows=rows)


@dataclass(frozen=True, slots=True, kw_only=True)
class Run:
    """A label or group line of a flattened body, and the value cells written after it."""

    line: Line | None  # None before the first label
    kind: str = "label"
    values: tuple[str, ...] = ()


def body_runs(body: Sequence[Line], grade_slot: int | None = None) -> list[Run]:
    """Given body lines and the place of the grade among the cells after the unit (None: no
    grade column), return the runs: each label or group line with the values after it. A
    grade that is also an average's label ("Trung bình") is the row's grade where the row's
    next cell is its grade."""
    runs = [Run(line=None)]
    for line in body:
        kind = cell_kind(line.text)
        graded = runs[-1].line is not None and len(runs[-1].values) == grade_slot
        if kind == "value" or (graded and bool(grade(line.text)) and kind == "label"):
            runs[-1] = replace(runs[-1], values=(*runs[-1].values, line.text))
        else:
            runs.append(Run(line=line, kind=kind))
    return runs


def split_rows(
    body: Sequence[Line], lead: int, width: int, grade_slot: int | None = None
) -> Iterator[Row]:
    """Given body lines, the count of cells before the unit, the width and the place of the
    grade after the unit, yield the rows."""
    runs = body_runs(body, grade_slot)
    opening = [_leading(run.values, lead, nxt) for run, nxt in pairwise(runs)]
    opening.append(0)
    for k in range(1, len(runs)):
        run, line = runs[k], runs[k].line
        assert line is not None
        where = Where(block=line.block, page=line.page)
        if run.kind == "group":
            yield Row(group=group_label(line.text), where=where)
            continue
        before = _tail(runs[k - 1].values, opening[k - 1])
        own = run.values[: len(run.values) - opening[k]]
        yield make_row(before, line.text, own, lead, width, where)


def _tail(values: Sequence[str], n: int) -> Sequence[str]:
    """Given cells and a count, return the last n cells (none for 0)."""
    return values[len(values) - n :] if n else ()


def _leading(values: Sequence[str], lead: int, nxt: Run) -> int:
    """Given the cells before a run, return how many open that run's row (integers only).

    A group heading or an average row ("Trung bình") has no order cell, so it takes none.
    """
    label = nxt.line.text if nxt.line is not None else ""
    if nxt.kind != "label" or _is_average(label) or not lead or len(values) < lead:
        return 0
    return lead if all(rank_cell(c) for c in values[-lead:]) else 0


def make_row(
    before: Sequence[str], label: str, after: Sequence[str], lead: int, width: int, where: Where
) -> Row:
    """Given the leading cells, the label and the values after it, return the aligned row.

    Leading cells end at the unit column; values fill the columns after it from the left.
    """
    leading = [""] * (lead - len(before)) + list(before)
    trailing = list(after[: width - lead - 1])
    cells = [*leading, label, *trailing, *[""] * (width - lead - 1 - len(trailing))]
    return Row(cells=tuple(cells), where=where)
