"""Page layout shared by text PDFs and OCR'd pages: words with boxes → blocks.

The chain, page by page, then over the document::

    words → ruled tables (from ruling edges) → lines → chunks
          → header zone (Decree 30, two columns) → signature zone ("Nơi nhận", signer)
          → borderless tables (chunks aligned in columns) → paragraphs
    pages → drop running headers, footers and page numbers → join tables over page breaks
          → blocks

Coordinates are PDF points with the origin at the top-left corner of the page (OCR pixel
boxes are scaled to points first), so both sources share every threshold below.
"""

from __future__ import annotations

import itertools
import re
import statistics
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from difflib import SequenceMatcher

from extractors.model import BBox, Block, BlockKind, Cell, Provenance, Region

# --- tolerances (points, or multiples of a line's height "h") ---
SNAP = 3.0  # ruling edges closer than this are one edge; cover checks allow this slack
MIN_EDGE = 6.0  # shorter ruling segments are ignored (glyph parts, dots)
CHUNK_GAP_H = 1.5  # a gap wider than this many line heights splits a line into chunks
SAME_LINE_H = 0.5  # a word overlapping a line by this share of the lower height joins it
CONT_GAP_H = 0.35  # a table line this close below the previous one continues its row
PARA_PITCH = 1.2  # a line pitch this much above the median starts a paragraph
INDENT_H = 0.8  # a first-line indent of this many heights starts a paragraph
SHORT_LINE_H = 3.0  # a line ending this far before the right edge ends its paragraph
CENTRED_H = 1.0  # a line whose centre is this close to the body's centre is centred
MARGIN_BAND = 51.0  # 18 mm: Decree 30 margins are ≥ 20 mm, so text here is page furniture
REPEAT_BAND = 0.12  # share of the page height searched for repeated running lines
REPEAT_SIMILARITY = 0.8  # running lines on two pages at least this similar are one line
TITLE_ZONE = 0.45  # the Decree 30 title ("THÔNG BÁO") is in this top share of page 1
MIN_TABLE_ROWS = 3  # a borderless table has at least this many multi-chunk lines
JOIN_COL_TOL = 0.03  # column edges of two table parts agree within this share of the width

BULLET = re.compile(r"^([-–—•+*▪●○◦])\s*(?=\S)")
PAGE_NUMBER = re.compile(
    r"^\s*(?:trang|page|tr\.)?\s*[-–(]?\s*\d{1,4}\s*(?:(?:/|trên|of)\s*\d{1,4})?\s*[-–)]?\s*$",
    re.I,
)
NUMERIC = re.compile(r"^[\d.,]+%?$")
SIGNATURE_START = re.compile(r"^\s*n[ơo]i\s+nh[ậa]n\b", re.I)


@dataclass(frozen=True, slots=True, kw_only=True)
class Word:
    """One word with its box (x0, top, x1, bottom) in points, top-left origin."""

    text: str
    bbox: BBox
    font: str = field(default="", compare=False)

    @property
    def height(self) -> float:
        return self.bbox[3] - self.bbox[1]

    @property
    def centre_y(self) -> float:
        return (self.bbox[1] + self.bbox[3]) / 2


@dataclass(frozen=True, slots=True, kw_only=True)
class Edge:
    """A ruling line: horizontal when y0 == y1, vertical when x0 == x1."""

    x0: float
    y0: float
    x1: float
    y1: float

    @property
    def horizontal(self) -> bool:
        return abs(self.y1 - self.y0) <= abs(self.x1 - self.x0)


@dataclass(frozen=True, slots=True, kw_only=True)
class PageContent:
    """What an extractor read from one page: words and ruling edges."""

    number: int  # 1-based
    width: float
    height: float
    words: tuple[Word, ...]
    edges: tuple[Edge, ...] = ()


@dataclass(frozen=True, slots=True, kw_only=True)
class Chunk:
    """Words of one line with no wide gap between them."""

    words: tuple[Word, ...]

    @property
    def bbox(self) -> BBox:
        return union_bbox(w.bbox for w in self.words)

    @property
    def text(self) -> str:
        return " ".join(w.text for w in self.words)


@dataclass(frozen=True, slots=True, kw_only=True)
class Line:
    """Chunks sharing a baseline, left to right."""

    chunks: tuple[Chunk, ...]

    @property
    def bbox(self) -> BBox:
        return union_bbox(c.bbox for c in self.chunks)

    @property
    def text(self) -> str:
        return " ".join(c.text for c in self.chunks)

    @property
    def height(self) -> float:
        return statistics.median(w.height for c in self.chunks for w in c.words)


@dataclass(frozen=True, slots=True, kw_only=True)
class TextPart:
    """Lines to become paragraphs; ``per_line`` makes each line its own paragraph."""

    page: int
    lines: tuple[Line, ...]
    region: Region = Region.BODY
    per_line: bool = False
    continues: bool = False  # its first line goes on with the paragraph ending the page before

    @property
    def top(self) -> float:
        return self.lines[0].bbox[1]


@dataclass(frozen=True, slots=True, kw_only=True)
class TablePart:
    """A table found on one page: cells with spans and the x of its column edges."""

    page: int
    cells: tuple[Cell, ...]
    bbox: BBox
    col_edges: tuple[float, ...]

    @property
    def top(self) -> float:
        return self.bbox[1]


Part = TextPart | TablePart


# --------------------------------------------------------------------------- helpers


def union_bbox(boxes: Iterable[BBox]) -> BBox:
    """Given boxes, return the smallest box holding them all."""
    x0s, tops, x1s, bottoms = zip(*boxes, strict=True)
    return (min(x0s), min(tops), max(x1s), max(bottoms))


def nfc(text: str) -> str:
    """Given text, return it in Unicode NFC with runs of whitespace made one space."""
    return " ".join(unicodedata.normalize("NFC", text).split())


def _cluster(values: Iterable[float], tol: float) -> list[float]:
    """Given numbers, return the means of groups whose neighbours are within tol."""
    groups: list[list[float]] = []
    for value in sorted(values):
        if groups and value - groups[-1][-1] <= tol:
            groups[-1].append(value)
        else:
            groups.append([value])
    return [sum(g) / len(g) for g in groups]


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
                taken.update(itertools.product(range(r, r + slot.rowspan),
                                               range(c, c + slot.colspan)))
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


def _inside(word: Word, box: BBox) -> bool:
    """Given a word and a box, return whether the word's centre lies in the box."""
    cx, cy = (word.bbox[0] + word.bbox[2]) / 2, word.centre_y
    return box[0] <= cx <= box[2] and box[1] <= cy <= box[3]


def cell_text(words: Sequence[Word]) -> str:
    """Given the words of one cell, return their text line by line, one space between."""
    return " ".join(line.text for line in words_to_lines(words))


def slots_to_table(page: int, slots: Sequence[_Slot], words: Sequence[Word]) -> TablePart | None:
    """Given cells of a ruled grid and the page's words, return the table (None if degenerate)."""
    n_rows = max(s.row + s.rowspan for s in slots)
    n_cols = max(s.col + s.colspan for s in slots)
    if n_rows < 2 or n_cols < 2:
        return None
    cells = tuple(
        Cell(row=s.row, col=s.col, rowspan=s.rowspan, colspan=s.colspan, bbox=s.bbox,
             text=cell_text([w for w in words if _inside(w, s.bbox)]))
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
    tables = (slots_to_table(page.number, group_to_slots(g), page.words)
              for g in edges_to_groups(merge_edges(page.edges)))
    return sorted((t for t in tables if t is not None), key=lambda t: t.top)


# --------------------------------------------------------------------------- words → lines


def words_to_lines(words: Iterable[Word]) -> list[Line]:
    """Given words, return lines top to bottom, each split into chunks at wide gaps."""
    rows: list[list[Word]] = []
    for word in sorted(words, key=lambda w: w.centre_y):
        if rows and _same_line(rows[-1], word):
            rows[-1].append(word)
        else:
            rows.append([word])
    return [Line(chunks=_split_chunks(sorted(r, key=lambda w: w.bbox[0]))) for r in rows]


def _same_line(row: list[Word], word: Word) -> bool:
    """Given the words of a line so far and a word, return whether the word belongs to it."""
    top = statistics.median(w.bbox[1] for w in row)
    bottom = statistics.median(w.bbox[3] for w in row)
    overlap = min(bottom, word.bbox[3]) - max(top, word.bbox[1])
    return overlap > SAME_LINE_H * min(bottom - top, word.height)


def _split_chunks(words: list[Word]) -> tuple[Chunk, ...]:
    """Given the words of a line left to right, return them grouped at wide gaps."""
    height = statistics.median(w.height for w in words)
    groups = [[words[0]]]
    for prev, word in itertools.pairwise(words):
        if word.bbox[0] - prev.bbox[2] > CHUNK_GAP_H * height:
            groups.append([word])
        else:
            groups[-1].append(word)
    return tuple(Chunk(words=tuple(g)) for g in groups)


# --------------------------------------------------------------------------- running lines


def _is_margin_line(line: Line, page: PageContent) -> bool:
    """Given a line, return whether it lies wholly in the top or bottom margin band."""
    _, top, _, bottom = line.bbox
    return bottom <= MARGIN_BAND or top >= page.height - MARGIN_BAND


def _in_repeat_band(line: Line, page: PageContent) -> bool:
    """Given a line, return whether it lies near the top or bottom edge of its page."""
    band = REPEAT_BAND * page.height
    return line.bbox[3] <= band or line.bbox[1] >= page.height - band


def _signature(text: str) -> str:
    """Given a line's text, return it with digits masked, for matching running lines."""
    return re.sub(r"\d+", "#", text.casefold())


def _repeated(text: str, others: Sequence[str]) -> bool:
    """Given a line's masked text and those of other pages, return whether it recurs."""
    return any(SequenceMatcher(None, text, o).ratio() >= REPEAT_SIMILARITY for o in others)


def drop_running_lines(pages: Sequence[PageContent],
                       lines: Sequence[list[Line]]) -> list[list[Line]]:
    """Given pages and their lines, return the lines less running headers, footers, page numbers."""
    bands = [[_signature(x.text) for x in ls if _in_repeat_band(x, p)]
             for p, ls in zip(pages, lines, strict=True)]
    out = []
    for i, (page, page_lines) in enumerate(zip(pages, lines, strict=True)):
        others = [s for j, b in enumerate(bands) if j != i for s in b]
        out.append([x for x in page_lines if not _is_running(x, page, others)])
    return out


def _is_running(line: Line, page: PageContent, others: Sequence[str]) -> bool:
    """Given a line and the band lines of other pages, return whether it is page furniture."""
    if _is_margin_line(line, page):
        return True
    if not _in_repeat_band(line, page):
        return False
    return bool(PAGE_NUMBER.match(line.text)) or _repeated(_signature(line.text), others)


# --------------------------------------------------------------------------- zones


def _body_centre(lines: Sequence[Line]) -> float:
    """Given a page's lines, return the x of the centre of the text body."""
    x0, _, x1, _ = union_bbox(x.bbox for x in lines)
    return (x0 + x1) / 2


def _is_title(line: Line, centre: float) -> bool:
    """Given a line, return whether it is a centred, upper-case document type name."""
    letters = [ch for ch in line.text if ch.isalpha()]
    x0, _, x1, _ = line.bbox
    centred = abs((x0 + x1) / 2 - centre) <= CENTRED_H * line.height
    return len(line.chunks) == 1 and len(letters) >= 4 and line.text.isupper() and centred


def header_zone_end(lines: Sequence[Line], page: PageContent) -> int:
    """Given page 1's lines, return how many top lines form the Decree 30 header (0 if none)."""
    if not lines:
        return 0
    centre = _body_centre(lines)
    for i, line in enumerate(lines):
        if line.bbox[1] > TITLE_ZONE * page.height:
            return 0
        if _is_title(line, centre):
            return i
    return 0


def signature_zone_start(lines: Sequence[Line]) -> int:
    """Given a page's lines, return the index of the "Nơi nhận" line, or len(lines)."""
    for i, line in enumerate(lines):
        if SIGNATURE_START.match(line.chunks[0].text):
            return i
    return len(lines)


def _split_x(chunks: Sequence[Chunk]) -> float:
    """Given the chunks of a two-column zone, return the x of the widest gap between columns."""
    spans = sorted((c.bbox[0], c.bbox[2]) for c in chunks)
    lo, hi = spans[0][0], max(b for _, b in spans)
    best, best_x, reach = 0.0, (lo + hi) / 2, spans[0][1]
    for a, b in spans[1:]:
        middle = lo + 0.2 * (hi - lo) <= (reach + a) / 2 <= hi - 0.2 * (hi - lo)
        if a - reach > best and middle:
            best, best_x = a - reach, (reach + a) / 2
        reach = max(reach, b)
    return best_x


def columns_to_lines(lines: Sequence[Line]) -> list[Line]:
    """Given lines of a two-column zone, return one line per chunk: left column, then right."""
    chunks = [c for line in lines for c in line.chunks]
    if not chunks:
        return []
    split = _split_x(chunks)
    left = [c for c in chunks if (c.bbox[0] + c.bbox[2]) / 2 < split]
    right = [c for c in chunks if (c.bbox[0] + c.bbox[2]) / 2 >= split]
    return [Line(chunks=(c,)) for c in left + right]


# --------------------------------------------------------------------------- borderless tables


def _column_spans(lines: Sequence[Line]) -> list[tuple[float, float]]:
    """Given table lines, return column x-ranges from the lines with the most chunks."""
    most = max(len(x.chunks) for x in lines)
    fullest = [x for x in lines if len(x.chunks) == most]
    spans = sorted((c.bbox[0], c.bbox[2]) for x in (fullest if len(fullest) >= 2 else lines)
                   for c in x.chunks)
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


def lines_to_grid(lines: Sequence[Line]) -> tuple[list[list[str]], list[tuple[float, float]]]:
    """Given lines of a borderless table, return its rows of cell texts and column ranges."""
    columns = _column_spans(lines)
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


def grid_to_table(page: int, lines: Sequence[Line]) -> TablePart | None:
    """Given lines that may be a borderless table, return it, or None when they are not."""
    rows, columns = lines_to_grid(lines)
    if not _plausible_table(rows):
        return None
    cells = tuple(Cell(row=r, col=c, text=text) for r, row in enumerate(rows)
                  for c, text in enumerate(row))
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


def split_borderless(page: int, lines: Sequence[Line]) -> list[Part]:
    """Given body lines of a page, return text parts and the borderless tables among them."""
    parts: list[Part] = []
    text: list[Line] = []
    i = 0
    while i < len(lines):
        end = _table_run_end(lines, i) if len(lines[i].chunks) >= 2 else i + 1
        table = grid_to_table(page, lines[i:end]) if end - i >= MIN_TABLE_ROWS else None
        if table is None:
            text.append(lines[i])
            i += 1
            continue
        parts += [TextPart(page=page, lines=tuple(text))] if text else []
        parts.append(table)
        text, i = [], end
    return parts + ([TextPart(page=page, lines=tuple(text))] if text else [])


# --------------------------------------------------------------------------- page → parts


def page_to_parts(page: PageContent, lines: list[Line], *, first: bool) -> list[Part]:
    """Given a page, its ruled tables and free lines, return its parts in reading order."""
    parts: list[Part] = []
    head = header_zone_end(lines, page) if first else 0
    if head:
        parts.append(TextPart(page=page.number, lines=tuple(columns_to_lines(lines[:head])),
                              region=Region.HEADER, per_line=True))
    sign = signature_zone_start(lines)
    parts += split_borderless(page.number, lines[head:sign])
    if sign < len(lines):
        parts.append(TextPart(page=page.number, lines=tuple(columns_to_lines(lines[sign:])),
                              per_line=True))
    return parts


def _interleave(parts: list[Part], tables: list[TablePart]) -> list[Part]:
    """Given text parts and ruled tables of a page, return them ordered top to bottom."""
    out: list[Part] = []
    for part in parts:
        if isinstance(part, TextPart) and not part.per_line:
            out += _split_text_at_tables(part, tables)
        else:
            out.append(part)
    out += [t for t in tables if t not in out]
    return sorted(out, key=lambda p: (not _is_header(p), p.top))


def _is_header(part: Part) -> bool:
    """Given a part, return whether it is the Decree 30 header block (read first)."""
    return isinstance(part, TextPart) and part.region is Region.HEADER


def _split_text_at_tables(part: TextPart, tables: list[TablePart]) -> list[TextPart]:
    """Given a text part and tables, return the text cut where a table sits between lines."""
    pieces: list[list[Line]] = [[]]
    for prev, line in zip((None, *part.lines), part.lines, strict=False):
        if prev is not None and any(prev.bbox[1] < t.top < line.bbox[1] for t in tables):
            pieces.append([])
        pieces[-1].append(line)
    return [replace(part, lines=tuple(p)) for p in pieces if p]


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
            if (k == 0 and isinstance(part, TablePart) and isinstance(prev, TablePart)
                    and prev.page == part.page - 1 and _same_columns(prev, part, width)):
                out[-1] = join_tables(prev, part)
            else:
                out.append(part)
    return out


def _flowing(part: Part | None) -> bool:
    """Given a part, return whether it is body text set as paragraphs."""
    return isinstance(part, TextPart) and part.region is Region.BODY and not part.per_line


def _goes_on(prev: TextPart, part: TextPart) -> bool:
    """Given the texts ending a page and starting the next, return whether a paragraph straddles."""
    last, first = prev.lines[-1], part.lines[0]
    right = max(x.bbox[2] for x in prev.lines)
    left = min(x.bbox[0] for x in part.lines)
    full = last.bbox[2] >= right - SHORT_LINE_H * last.height
    flush = first.bbox[0] - left < INDENT_H * first.height
    marked = bool(BULLET.match(first.text)) or _numbered(first.text)
    return full and flush and not marked


def mark_continuations(parts: Sequence[Part]) -> list[Part]:
    """Given parts in reading order, return them with page-straddling paragraphs marked."""
    out: list[Part] = list(parts[:1])
    for prev, part in itertools.pairwise(parts):
        if (_flowing(prev) and _flowing(part) and prev.page == part.page - 1
                and _goes_on(prev, part)):  # type: ignore[arg-type]
            part = replace(part, continues=True)  # type: ignore[arg-type]
        out.append(part)
    return out


# --------------------------------------------------------------------------- lines → paragraphs


def _breaks_paragraph(prev: Line, line: Line, bounds: tuple[float, float], pitch: float) -> bool:
    """Given consecutive lines and the part's left/right bounds, return whether line starts anew."""
    height = prev.height
    left, right = bounds
    centred = abs((line.bbox[0] + line.bbox[2]) / 2 - (left + right) / 2) <= CENTRED_H * height
    return (
        line.bbox[1] - prev.bbox[1] > PARA_PITCH * pitch
        or bool(BULLET.match(line.text)) or _numbered(line.text)
        or (line.bbox[0] - prev.bbox[0] > INDENT_H * height and not centred)
        or prev.bbox[2] < right - SHORT_LINE_H * height
    )


def _numbered(text: str) -> bool:
    """Given a line's text, return whether it starts like "1.", "3.1" or "a)"."""
    return bool(re.match(r"^(\d{1,2}(\.\d{1,2})*\.?|[a-zđ]\)|[IVX]{1,4}\.)\s+\S", text))


def text_to_paragraphs(part: TextPart) -> list[list[Line]]:
    """Given a text part, return its lines grouped into paragraphs."""
    if part.per_line:
        return [[line] for line in part.lines]
    pitches = [b.bbox[1] - a.bbox[1] for a, b in zip(part.lines, part.lines[1:], strict=False)]
    pitch = statistics.median(pitches) if pitches else 0.0
    left, _, right, _ = union_bbox(x.bbox for x in part.lines)
    groups = [[part.lines[0]]]
    for prev, line in zip(part.lines, part.lines[1:], strict=False):
        if _breaks_paragraph(prev, line, (left, right), pitch):
            groups.append([line])
        else:
            groups[-1].append(line)
    return groups


# --------------------------------------------------------------------------- parts → blocks


def _fonts(lines: Sequence[Line]) -> tuple[str, ...]:
    """Given lines, return the distinct font names of their words, in order of appearance."""
    names = (w.font for line in lines for c in line.chunks for w in c.words if w.font)
    return tuple(dict.fromkeys(names))


def paragraph_block(lines: Sequence[Line], part: TextPart, prov: Provenance) -> Block:
    """Given a paragraph's lines, return a PARAGRAPH or (for a bullet) a LIST_ITEM block."""
    text = nfc(" ".join(x.text for x in lines))
    bullet = BULLET.match(text) if part.region is Region.BODY and not part.per_line else None
    kind = BlockKind.LIST_ITEM if bullet else BlockKind.PARAGRAPH
    return Block(kind=kind, text=text[bullet.end():] if bullet else text,
                 marker=bullet.group(1) if bullet else None, region=part.region,
                 fonts=_fonts(lines), prov=prov)


def _extend(block: Block, lines: Sequence[Line]) -> Block:
    """Given a block and the lines that go on with it on the next page, return it extended."""
    text = nfc(" ".join([block.text, *(x.text for x in lines)]))
    return replace(block, text=text, fonts=tuple(dict.fromkeys(block.fonts + _fonts(lines))))


def parts_to_blocks(parts: Sequence[Part], path: str) -> tuple[Block, ...]:
    """Given parts in reading order, return the document's blocks with provenance."""
    blocks: list[Block] = []
    for part in parts:
        if isinstance(part, TablePart):
            prov = Provenance(path=path, page=part.page, block=len(blocks), bbox=part.bbox)
            cells = tuple(replace(c, text=nfc(c.text)) for c in part.cells)
            blocks.append(Block(kind=BlockKind.TABLE, cells=cells, prov=prov))
            continue
        for k, lines in enumerate(text_to_paragraphs(part)):
            if k == 0 and part.continues and blocks and blocks[-1].kind is not BlockKind.TABLE:
                blocks[-1] = _extend(blocks[-1], lines)
                continue
            bbox = union_bbox(x.bbox for x in lines)
            prov = Provenance(path=path, page=part.page, block=len(blocks), bbox=bbox)
            blocks.append(paragraph_block(lines, part, prov))
    kept = (b for b in blocks if b.text or b.cells)
    return tuple(replace(b, prov=replace(b.prov, block=i)) for i, b in enumerate(kept))


# --------------------------------------------------------------------------- the chain


def page_parts(page: PageContent, lines: list[Line], *, first: bool) -> list[Part]:
    """Given a page and its lines without furniture, return its parts in reading order."""
    tables = ruled_tables(page)
    free = [x for x in lines if not any(_in_table(x, t) for t in tables)]
    return _interleave(page_to_parts(page, free, first=first), tables) if free else list(tables)


def _in_table(line: Line, table: TablePart) -> bool:
    """Given a line and a table, return whether the line's words lie in the table."""
    x0, top, x1, bottom = line.bbox
    cy = (top + bottom) / 2
    return table.bbox[1] <= cy <= table.bbox[3] and x1 > table.bbox[0] and x0 < table.bbox[2]


def pages_to_blocks(pages: Sequence[PageContent], path: str) -> tuple[Block, ...]:
    """Given the pages of a document, return its blocks in reading order."""
    lines = drop_running_lines(pages, [words_to_lines(p.words) for p in pages])
    parts = [page_parts(p, ls, first=i == 0)
             for i, (p, ls) in enumerate(zip(pages, lines, strict=True))]
    width = max((p.width for p in pages), default=1.0)
    return parts_to_blocks(mark_continuations(join_page_tables(parts, width)), path)
