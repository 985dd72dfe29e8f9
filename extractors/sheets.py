"""What the spreadsheet readers share: one sheet's cells and merges → blocks.

Each reader (``xlsx``, ``ods``, ``xls``) gives every sheet as a ``Sheet``: its non-empty cells
by (row, col) and its merged ranges. The used range becomes one TABLE block, merged cells as
spans; title lines above and notes below it (rows holding one text cell, as "UBND TỈNH …",
"BẢNG TỔNG HỢP …") become paragraphs, so the notice's header reads as in a Word file: the
leading ones naming the issuing body in capitals are its HEADER. A header laid out side by
side in the first rows (issuer left, motto and place-and-date right) is read as a Word
file's layout table is: its lines, column by column, are the HEADER, and the table starts
below it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from parscore.extractors.celltables import issuer_as_shown
from parscore.extractors.errors import ErrorCode, InputError
from parscore.extractors.header import HEADER_COLUMNS, HEADER_ROWS, layout_lines, names_body
from parscore.extractors.model import MAX_COLSPAN, Block, BlockKind, Cell, Provenance, Region
from parscore.normalizers.text import bare_key

#: A merged range: first row, first column, last row + 1, last column + 1 (0-based).
Merge = tuple[int, int, int, int]
MAX_CELLS = 200_000  # non-empty cells of one sheet; a notice's table has a few hundred
MAX_COLUMN = 1 << 20  # past any sheet's last column


@dataclass(frozen=True, slots=True, kw_only=True)
class Sheet:
    """One worksheet: its name, its non-empty cells' text and its merged ranges."""

    name: str
    values: dict[tuple[int, int], str]
    merges: tuple[Merge, ...] = ()
    #: Cells whose font shows other text than typed (a TCVN3 capitals font such as .VnTimeH
    #: draws lowercase bytes as capitals): as shown, for reading the header's lines.
    shown: dict[tuple[int, int], str] = field(default_factory=dict)

    def seen(self, key: tuple[int, int]) -> str:
        """Given a cell's (row, col), return its text as the page shows it."""
        return self.shown.get(key) or self.values[key]


def check_size(values: dict[tuple[int, int], str], name: str, path: str) -> None:
    """Given a sheet's cells read so far, raise too-large once they pass ``MAX_CELLS``."""
    if len(values) > MAX_CELLS:
        detail = f"sheet {name!r} holds more than {MAX_CELLS:,} non-empty cells"
        raise InputError(ErrorCode.TOO_LARGE, path, detail)


def number_text(value: float) -> str:
    """Given a cell's number, return it as written: 72.0 → "72", 72.5 → "72.5"."""
    if value == int(value) and abs(value) < 1e15:
        return str(int(value))
    return f"{value:.10g}"


_LITERALS = re.compile(r'"[^"]*"|\\.|\[[^\]]*\]')


def scales_to_percent(number_format: str | None) -> bool:
    """Given a cell's number format ("0.00%", '0.0"%"'), return whether it shows the value
    times 100 with a percent sign: a bare "%" does, a quoted or escaped one is only text."""
    return bool(number_format) and "%" in _LITERALS.sub("", number_format or "")


def percent_text(value: float) -> str:
    """Given a fraction a percent format shows (0.9125), return it as shown: "91.25%"."""
    return f"{number_text(round(value * 100, 10))}%"


def _one_text_cell(sheet: Sheet, row: int, cols: list[int]) -> bool:
    """Given a sheet and a row's columns, return whether it holds one cell of text only."""
    return len(cols) == 1 and not _is_number(sheet.values[(row, cols[0])])


def _is_number(text: str) -> bool:
    """Given a cell's text, return whether it is a bare number."""
    try:
        float(text.replace(",", "."))
    except ValueError:
        return False
    return True


def _by_row(sheet: Sheet) -> dict[int, list[int]]:
    """Given a sheet, return each non-empty row's non-empty columns, in order."""
    by_row: dict[int, list[int]] = {}
    for row, col in sorted(sheet.values):
        by_row.setdefault(row, []).append(col)
    return by_row


def header_rows(sheet: Sheet) -> tuple[list[int], list[str]]:
    """Given a sheet, return its leading rows that lay out a Decree 30 header side by side
    (the issuer in the left cells, the motto and the place and date in the right ones) and
    their lines column by column (``header.layout_lines``); none when it opens otherwise."""
    by_row = _by_row(sheet)
    rows: list[int] = []
    for row in sorted(by_row)[:HEADER_ROWS]:
        texts = [sheet.values[(row, col)] for col in by_row[row]]
        if len(texts) > HEADER_COLUMNS or any(_is_number(t) for t in texts):
            break
        rows.append(row)
    wide = [i for i, row in enumerate(rows) if len(by_row[row]) > 1]
    left = min((by_row[row][0] for row in rows), default=0)
    end = wide[-1] + 1 if wide else 0
    while end < len(rows) and by_row[rows[end]][0] > left:  # the date under the motto
        end += 1
    rows = rows[:end]  # a title across the sheet's left edge after the header is not of it
    for k in range(len(rows), 0, -1):
        lead = [[[sheet.values[(row, col)]] for col in by_row[row]] for row in rows[:k]]
        if any(len(cells) > 1 for cells in lead) and (lines := layout_lines(lead)):
            seen = [[[sheet.seen((row, col))] for col in by_row[row]] for row in rows[:k]]
            return rows[:k], issuer_as_shown(lines, layout_lines(seen)) if sheet.shown else lines
    return [], []


def split_rows(sheet: Sheet, skip: int = 0) -> tuple[list[int], list[int], list[int]]:
    """Given a sheet (and how many leading non-empty rows to leave out), return its rows
    above the table, in it and below it (non-empty only)."""
    by_row = _by_row(sheet)
    rows = sorted(by_row)[skip:]
    start, end = 0, len(rows)
    while start < end and _one_text_cell(sheet, rows[start], by_row[rows[start]]):
        start += 1
    while end > start and _one_text_cell(sheet, rows[end - 1], by_row[rows[end - 1]]):
        end -= 1
    return rows[:start], rows[start:end], rows[end:]


def _spans(merges: tuple[Merge, ...]) -> dict[tuple[int, int], tuple[int, int]]:
    """Given merged ranges, return each range's origin → (rowspan, colspan), capped."""
    return {
        (r0, c0): (max(1, r1 - r0), max(1, min(c1 - c0, MAX_COLSPAN))) for r0, c0, r1, c1 in merges
    }


def table_cells(
    sheet: Sheet, rows: list[int], columns: tuple[int, int] | None = None
) -> tuple[Cell, ...]:
    """Given a sheet, its table rows (and the columns of one of its side-by-side tables,
    first and last), return the cells of the used range, merges as spans."""
    if not rows:
        return ()
    first, last = rows[0], rows[-1]
    lo, hi = columns or (0, MAX_COLUMN)
    inside = [(r, c) for r, c in sheet.values if first <= r <= last and lo <= c <= hi]
    if not inside:
        return ()
    left = min(c for _, c in inside)
    spans = _spans(sheet.merges)
    cells = []
    for r, c in sorted(inside):
        rowspan, colspan = spans.get((r, c), (1, 1))
        cells.append(
            Cell(
                row=r - first,
                col=c - left,
                text=sheet.values[(r, c)],
                rowspan=min(rowspan, last - r + 1),
                colspan=colspan,
            )
        )
    return tuple(cells)


def _paragraphs(
    sheet: Sheet, rows: list[int], prov: Provenance, *, top: bool = False
) -> Iterator[Block]:
    """Given a sheet and rows of one text cell each, yield them as paragraphs; with ``top``
    (the title lines above the table) the leading lines naming an issuing body in capitals
    ("ỦY BAN NHÂN DÂN TỈNH …", "UBND HUYỆN … - PHÒNG NỘI VỤ", or typed in lowercase in a
    capitals font, as the page shows them) are the sheet's header."""
    wanted = set(rows)
    cells = {r: key for key in sheet.values if (r := key[0]) in wanted}
    heading = top
    for row in rows:
        heading = heading and names_body(sheet.seen(cells[row]))
        region = Region.HEADER if heading else Region.BODY
        typed = sheet.values[cells[row]]
        text = sheet.seen(cells[row]) if heading and typed.islower() else typed
        yield Block(kind=BlockKind.PARAGRAPH, text=text, region=region, prov=prov)


def sheet_blocks(sheet: Sheet, number: int, path: str) -> list[Block]:
    """Given a sheet and its 1-based number, return its title paragraphs, table and notes."""
    lead, lines = header_rows(sheet)
    above, table, below = split_rows(sheet, skip=len(lead))
    prov = Provenance(path=path, page=number)
    blocks = [
        Block(kind=BlockKind.PARAGRAPH, text=line, region=Region.HEADER, prov=prov)
        for line in lines
    ]
    blocks.extend(_paragraphs(sheet, above, prov, top=not lead))
    for columns in side_by_side(sheet, table):
        cells = table_cells(sheet, table, columns)
        if cells:
            blocks.append(Block(kind=BlockKind.TABLE, cells=cells, prov=prov))
    blocks.extend(_paragraphs(sheet, below, prov))
    return blocks


def side_by_side(sheet: Sheet, rows: list[int]) -> list[tuple[int, int] | None]:
    """Given a sheet and its table rows, return the columns (first, last) of each of the
    tables that stand side by side in them, left to right, or [None] for one table.

    Two blocks of a ranking laid out beside each other ("KHỐI SỞ" in A:D, "KHỐI HUYỆN" in
    F:I) are two tables when an empty column parts them in every row, no merged cell spans
    that column, and one row gives every part the same column headings (two or more, none
    a number): a table with a blank spacer column repeats no headings.
    """
    wanted = set(rows)
    used = sorted({c for r, c in sheet.values if r in wanted})
    parts: list[list[int]] = []
    for c in used:
        if parts and c == parts[-1][-1] + 1:
            parts[-1].append(c)
        else:
            parts.append([c])
    if len(parts) < 2 or any(len(part) < 2 for part in parts):
        return [None]
    gaps = [part[0] - 1 for part in parts[1:]]
    if any(c0 <= gap < c1 and r0 <= rows[-1] and r1 > rows[0]
           for r0, c0, r1, c1 in sheet.merges for gap in gaps):
        return [None]
    for row in rows:
        headings = [
            [bare_key(sheet.values[(row, c)]) for c in part if (row, c) in sheet.values]
            for part in parts
        ]
        if (all(len(h) >= 2 and not any(_is_number(t) for t in h) for h in headings)
                and all(h == headings[0] for h in headings)):
            return [(part[0], part[-1]) for part in parts]
    return [None]
