"""Tables of the page layout step: ruled (from ruling edges), borderless (chunks aligned in
columns), and one table continued over a page break.

    edges → groups → slots → cells → tables        (ruled)
    lines → column spans → grid → table           (borderless)
    page parts → same columns on the next page → one table
"""

from __future__ import annotations

import itertools
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace

from parscore.extractors.model import BBox, Cell
from parscore.extractors.pagemodel import (
    CONT_GAP_H,
    JOIN_COL_TOL,
    MIN_EDGE,
    MIN_TABLE_ROWS,
    NUMERIC,
    SNAP,
    Edge,
    Line,
    PageContent,
    Part,
    TablePart,
    TextPart,
    Word,
    _cluster,
    nfc,
    union_bbox,
    words_to_lines,
)

RULE_REACH = 6.0  # points: a rule ending this near a table's first or last line crosses it

# --------------------------------------------------------------------------- edges → tables


def merge_edges(edges: Iterable[Edge]) -> list[Edge]:
    """Given ruling segments, return them snapped and joined into maximal edges."""
    horizontal = [e for e in edges if e.horizontal]
    vertical = [e for e in edges if not e.horizontal]
    flat_h = [(e.y0, min(e.x0, e.x1), max(e.x0, e.x1)) for e in horizontal]
    flat_v = [(e.x0, min(e.y0, e.y1), max(e.y0, e.y1)) for e in vertical]
    out = [Edge(x0=a, y0=p, x1=b, y1=p) for p, a, b in _join_collinear(flat_h)]
    out += [Edge(x0=p, y0=a, x1=p, y1=b) for p, a, b in _join_collinear(flat_v)]
    return [e for e in out if max(e.x1 - e.x0, e.y1 - e.y0) >= MIN_EDGE]


def _join_collinear(flat: list[tuple[float, float, float]]) -> list[tuple[float, float, float]]:
    """Given (position, start, end) segments, return them joined along snapped positions."""
    out: list[tuple[float, float, float]] = []
    for pos in _cluster((p for p, _, _ in flat), SNAP):
        spans = sorted((a, b) for p, a, b in flat if abs(p - pos) <= SNAP)
        start, end = spans[0]
        for a, b in spans[1:]:
            if a > end + SNAP:
                out.append((pos, start, end))
                start = a
            end = max(end, b)
        out.append((pos, start, end))
    return out


def _touch(h: Edge, v: Edge) -> bool:
    """Given a horizontal and a vertical edge, return whether they meet."""
    return (h.x0 - SNAP <= v.x0 <= h.x1 + SNAP) and (v.y0 - SNAP <= h.y0 <= v.y1 + SNAP)


def edges_to_groups(edges: Sequence[Edge]) -> list[list[Edge]]:
    """Given merged edges, return groups of edges connected by intersections."""
    parent = list(range(len(edges)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, a in enumerate(edges):
        for j in range(i + 1, len(edges)):
            b = edges[j]
            if a.horizontal != b.horizontal and _touch(*((a, b) if a.horizontal else (b, a))):
                parent[find(i)] = find(j)
    groups: dict[int, list[Edge]] = {}
    for i, edge in enumerate(edges):
        groups.setdefault(find(i), []).append(edge)
    return [g for g in groups.values() if _is_grid(g)]


def _is_grid(group: Sequence[Edge]) -> bool:
    """Given connected edges, return whether they can bound at least a 1×1 grid of cells."""
    n_h = len(_cluster((e.y0 for e in group if e.horizontal), SNAP))
    n_v = len(_cluster((e.x0 for e in group if not e.horizontal), SNAP))
    return n_h >= 2 and n_v >= 2


def _covered(edges: Sequence[Edge], pos: float, a: float, b: float, *, horizontal: bool) -> bool:
    """Given edges, return whether one of the orientation lies at pos and covers [a, b]."""
    for e in edges:
        if e.horizontal != horizontal:
            continue
        p, lo, hi = (e.y0, e.x0, e.x1) if horizontal else (e.x0, e.y0, e.y1)
        if abs(p - pos) <= SNAP and lo <= a + SNAP and hi >= b - SNAP:
            return True
    return False


@dataclass(frozen=True, slots=True, kw_only=True)
class _Slot:
    row: int
    col: int
    rowspan: int
    colspan: int
    bbox: BBox


def group_to_slots(group: Sequence[Edge]) -> list[_Slot]:
    """Given one grid of edges, return its cells (merged where a rule is missing)."""
    xs = _cluster((e.x0 for e in group if not e.horizontal), SNAP)
    ys = _cluster((e.y0 for e in group if e.horizontal), SNAP)
    taken: set[tuple[int, int]] = set()
    slots: list[_Slot] = []
    for r in range(len(ys) - 1):
        for c in range(len(xs) - 1):
            if (r, c) not in taken:
                slot = _grow_slot(group, xs, ys, r, c)
                taken.update(
                    itertools.product(range(r, r + slot.rowspan), range(c, c + slot.colspan))
                )
                slots.append(slot)
    return slots


def _grow_slot(group: Sequence[Edge], xs: list[float], ys: list[float], r: int, c: int) -> _Slot:
    """Given a grid and a top-left slot, return the cell spanning until rules close it."""
    colspan = 1
    while c + colspan < len(xs) - 1 and not _covered(
        group, xs[c + colspan], ys[r], ys[r + 1], horizontal=False
    ):
        colspan += 1
    rowspan = 1
    while r + rowspan < len(ys) - 1 and not _covered(
        group, ys[r + rowspan], xs[c], xs[c + colspan], horizontal=True
    ):
        rowspan += 1
    bbox = (xs[c], ys[r], xs[c + colspan], ys[r + rowspan])
    return _Slot(row=r, col=c, rowspan=rowspan, colspan=colspan, bbox=bbox)


class WordCentres:
    """A page's words by the height of their centres, to find those inside a box without
    testing every word of the page against every cell."""

    def __init__(self, words: Sequence[Word]) -> None:
        centres = [((w.bbox[0] + w.bbox[2]) / 2, w.centre_y, k) for k, w in enumerate(words)]
        self.by_y = sorted((c for c in centres if c[1] == c[1]), key=lambda c: c[1])  # no NaN
        self.ys = [c[1] for c in self.by_y]
        self.words = words

    def inside(self, box: BBox) -> list[Word]:
        """Given a box, return the words whose centre lies in it, in the page's order."""
        lo, hi = bisect_left(self.ys, box[1]), bisect_right(self.ys, box[3])
        found = sorted(k for cx, _, k in self.by_y[lo:hi] if box[0] <= cx <= box[2])
        return [self.words[k] for k in found]


def cell_text(words: Sequence[Word]) -> str:
    """Given the words of one cell, return their text line by line, one space between."""
    return " ".join(line.text for line in words_to_lines(words))


def slots_to_table(page: int, slots: Sequence[_Slot], words: Sequence[Word]) -> TablePart | None:
    """Given cells of a ruled grid and the page's words, return the table (None if degenerate)."""
    n_rows = max(s.row + s.rowspan for s in slots)
    n_cols = max(s.col + s.colspan for s in slots)
    if n_rows < 2 or n_cols < 2:
        return None
    centres = WordCentres(words)
    cells = tuple(
        Cell(
            row=s.row,
            col=s.col,
            rowspan=s.rowspan,
            colspan=s.colspan,
            bbox=s.bbox,
            text=cell_text(centres.inside(s.bbox)),
        )
        for s in slots
    )
    bbox = union_bbox(s.bbox for s in slots)
    col_edges = tuple(sorted({s.bbox[0] for s in slots} | {bbox[2]}))
    return TablePart(page=page, cells=cells, bbox=bbox, col_edges=col_edges)


def cell_boxes(edges: Iterable[Edge]) -> list[BBox]:
    """Given ruling edges, return the box of every cell of every grid they draw."""
    groups = edges_to_groups(merge_edges(edges))
    return [slot.bbox for group in groups for slot in group_to_slots(group)]


def ruled_tables(page: PageContent) -> list[TablePart]:
    """Given a page, return the tables its ruling edges draw, top to bottom."""
    if not page.edges:
        return []
    tables = (
        slots_to_table(page.number, group_to_slots(g), page.words)
        for g in edges_to_groups(merge_edges(page.edges))
    )
    return sorted((t for t in tables if t is not None), key=lambda t: t.top)


# --------------------------------------------------------------------------- borderless tables


def _column_spans(lines: Sequence[Line]) -> list[tuple[float, float]]:
    """Given table lines, return column x-ranges from the lines with the most chunks."""
    most = max(len(x.chunks) for x in lines)
    fullest = [x for x in lines if len(x.chunks) == most]
    spans = sorted(
        (c.bbox[0], c.bbox[2]) for x in (fullest if len(fullest) >= 2 else lines) for c in x.chunks
    )
    columns = [list(spans[0])]
    for a, b in spans[1:]:
        if a <= columns[-1][1]:
            columns[-1][1] = max(columns[-1][1], b)
        else:
            columns.append([a, b])
    return [(a, b) for a, b in columns]


def _column_of(box: BBox, columns: Sequence[tuple[float, float]]) -> int:
    """Given a word's box and column ranges, return the nearest column (most overlap first)."""
    x0, _, x1, _ = box
    keys = [(max(a - x1, x0 - b, 0.0), -(min(x1, b) - max(x0, a))) for a, b in columns]
    return keys.index(min(keys))


def _is_continuation(line: Line, prev: Line, n_cols: int) -> bool:
    """Given a table line and the one above, return whether it wraps the row above."""
    gap = line.bbox[1] - prev.bbox[3]
    return len(line.chunks) < n_cols and gap < CONT_GAP_H * line.height


def _ruled_columns(
    lines: Sequence[Line], rules: Sequence[Edge]
) -> list[tuple[float, float]] | None:
    """Given a table's lines and the page's rules, return the column ranges its vertical rules
    draw across all its lines (a table ruled between columns only, no row rules, so no grid),
    each range holding words; None when fewer than three such rules cross the lines (all but
    the last, which may be merged across the columns)."""
    # a rule may stop above the last line: a closing row merged across columns (a rating)
    top, tol = lines[0].bbox[1], RULE_REACH
    bottom = lines[-2].bbox[3] if len(lines) >= MIN_TABLE_ROWS else lines[-1].bbox[3]
    xs = sorted({round(e.x0, 1) for e in rules
                 if e.x0 == e.x1 and e.y0 - tol <= top and bottom <= e.y1 + tol})
    if len(xs) < 3:
        return None
    spans = list(itertools.pairwise(xs))
    words = [w for x in lines for c in x.chunks for w in c.words]
    kept = [(a, b) for a, b in spans if any(a <= (w.bbox[0] + w.bbox[2]) / 2 <= b for w in words)]
    return kept if len(kept) >= 2 else None


def lines_to_grid(
    lines: Sequence[Line], rules: Sequence[Edge] = ()
) -> tuple[list[list[str]], list[tuple[float, float]]]:
    """Given lines of a borderless table (and the page's rules), return its rows of cell texts
    and column ranges: the ranges its vertical rules draw, else those its fullest lines show."""
    columns = _ruled_columns(lines, rules) or _column_spans(lines)
    rows: list[list[str]] = []
    for i, line in enumerate(lines):
        if not rows or not _is_continuation(line, lines[i - 1], len(columns)):
            rows.append([""] * len(columns))
        for word in (w for c in line.chunks for w in c.words):
            col = _column_of(word.bbox, columns)
            rows[-1][col] = f"{rows[-1][col]} {word.text}".strip()
    return rows, columns


def _plausible_table(rows: Sequence[Sequence[str]]) -> bool:
    """Given rows of cell texts, return whether they look like a table, not prose."""
    if len(rows) < MIN_TABLE_ROWS or len(rows[0]) < 2:
        return False
    numeric = sum(1 for r in rows if NUMERIC.match(r[-1].replace(" ", "")))
    return len(rows[0]) >= 3 or 2 * numeric >= len(rows)


def grid_to_table(page: int, lines: Sequence[Line], rules: Sequence[Edge] = ()) -> TablePart | None:
    """Given lines that may be a borderless table, return it, or None when they are not."""
    rows, columns = lines_to_grid(lines, rules)
    if not _plausible_table(rows):
        return None
    cells = tuple(
        Cell(row=r, col=c, text=text) for r, row in enumerate(rows) for c, text in enumerate(row)
    )
    bbox = union_bbox(x.bbox for x in lines)
    col_edges = (*(a for a, _ in columns), bbox[2])
    return TablePart(page=page, cells=cells, bbox=bbox, col_edges=col_edges)


def _table_run_end(lines: Sequence[Line], start: int) -> int:
    """Given lines and a multi-chunk line index, return the end of its run of table lines."""
    end = start + 1
    while end < len(lines):
        line = lines[end]
        if len(line.chunks) < 2 and not _is_continuation(line, lines[end - 1], 2):
            break
        end += 1
    return end


def split_borderless(page: int, lines: Sequence[Line], rules: Sequence[Edge] = ()) -> list[Part]:
    """Given body lines of a page, return text parts and the borderless tables among them."""
    parts: list[Part] = []
    text: list[Line] = []
    i = 0
    while i < len(lines):
        end = _table_run_end(lines, i) if len(lines[i].chunks) >= 2 else i + 1
        table = grid_to_table(page, lines[i:end], rules) if end - i >= MIN_TABLE_ROWS else None
        if table is None:
            text.append(lines[i])
            i += 1
            continue
        parts += [TextPart(page=page, lines=tuple(text))] if text else []
        parts.append(table)
        text, i = [], end
    return parts + ([TextPart(page=page, lines=tuple(text))] if text else [])


# --------------------------------------------------------------------------- tables over pages


def _same_columns(a: TablePart, b: TablePart, width: float) -> bool:
    """Given two table parts, return whether their column edges agree."""
    if len(a.col_edges) != len(b.col_edges):
        return False
    pairs = zip(a.col_edges, b.col_edges, strict=True)
    return all(abs(x - y) <= JOIN_COL_TOL * width for x, y in pairs)


def _row_texts(table: TablePart, row: int) -> list[str]:
    """Given a table, return the normalised texts of one of its rows."""
    return [nfc(c.text).casefold() for c in table.cells if c.row == row]


def join_tables(first: TablePart, second: TablePart) -> TablePart:
    """Given a table and its continuation, return one table (a repeated header row dropped)."""
    skip = 1 if _row_texts(second, 0) == _row_texts(first, 0) else 0
    offset = max(c.row + c.rowspan for c in first.cells) - skip
    moved = tuple(replace(c, row=c.row + offset) for c in second.cells if c.row >= skip)
    return replace(first, cells=first.cells + moved)


def join_page_tables(pages: Sequence[list[Part]], width: float) -> list[Part]:
    """Given parts page by page, return them in one list with split tables joined."""
    out: list[Part] = []
    for parts in pages:
        for k, part in enumerate(parts):
            prev = out[-1] if out else None
            if (
                k == 0
                and isinstance(part, TablePart)
                and isinstance(prev, TablePart)
                and prev.page == part.page - 1
                and _same_columns(prev, part, width)
            ):
                out[-1] = join_tables(prev, part)
            else:
                out.append(part)
    return out
