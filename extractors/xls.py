"""XLS extractor: Excel 97–2003 (BIFF) workbooks read with xlrd, fonts and merges included.

``formatting_info`` gives every cell's font, so a cell set in a legacy Vietnamese font
(.VnTime, .VnArial NarrowH: TCVN3; VNI-Times: VNI) is converted by its font before anything
else touches the text: TCVN3 stores ``ư`` as U+00AD (a soft hyphen), which any cleaning of
"invisible" characters would drop. The document-wide conversion of ``extractors`` is not
applied on top (``CONVERTED_BY_RUN``): it converted Unicode cells a second time.
"""

from __future__ import annotations

import struct
import zlib
from dataclasses import replace
from typing import Any

import xlrd
from xlrd.compdoc import CompDocError

from parscore.extractors import sheets
from parscore.extractors.errors import ErrorCode, InputError
from parscore.extractors.limits import Limits
from parscore.extractors.model import Document, SourceInfo
from parscore.normalizers.legacy import (
    TCVN3,
    VNI,
    detect,
    font_encoding,
    is_capitals_font,
    legacy_to_unicode,
    typed_capitals,
)

#: What xlrd raises on a damaged workbook.
BROKEN = (
    xlrd.XLRDError,
    CompDocError,
    struct.error,
    zlib.error,
    AssertionError,
    IndexError,
    KeyError,
    ValueError,
    TypeError,
    UnicodeDecodeError,
    EOFError,
)


def value_text(book: Any, cell: Any) -> str:
    """Given a workbook and a cell, return the cell's text as Excel shows it (roughly: a
    number in a percent format as "91.25%")."""
    if cell.ctype == xlrd.XL_CELL_NUMBER and sheets.scales_to_percent(cell_format(book, cell)):
        return sheets.percent_text(cell.value)
    if cell.ctype == xlrd.XL_CELL_NUMBER:
        return sheets.number_text(cell.value)
    if cell.ctype == xlrd.XL_CELL_DATE:
        moment = xlrd.xldate.xldate_as_datetime(cell.value, book.datemode)
        return str(moment.strftime("%d/%m/%Y"))
    if cell.ctype == xlrd.XL_CELL_BOOLEAN:
        return "TRUE" if cell.value else "FALSE"
    if cell.ctype == xlrd.XL_CELL_TEXT:
        return str(cell.value).strip()
    return ""


def cell_format(book: Any, cell: Any) -> str | None:
    """Given a workbook and a cell, return its number format string ("0.00%"), if known."""
    xf = book.xf_list[cell.xf_index] if cell.xf_index is not None else None
    fmt = book.format_map.get(xf.format_key) if xf is not None else None
    return None if fmt is None else str(fmt.format_str)


def cell_font(book: Any, cell: Any) -> str:
    """Given a workbook and a cell, return the name of the cell's font."""
    return str(book.font_list[book.xf_list[cell.xf_index].font_index].name)


def read_sheet(book: Any, sheet: Any, path: str) -> sheets.Sheet:
    """Given a workbook and one of its sheets, return its non-empty cells and merged ranges.

    A text cell in a legacy font is converted by its font, in the case its writer typed
    (``legacy.typed_capitals``); one in a capitals font (.VnTimeH) is also kept as the page
    shows it (``Sheet.shown``), which the issuer's lines are read from. The other text cells
    are converted only when their own text, taken together, proves TCVN3 or VNI: cells
    already in Unicode are never converted twice.
    """
    values: dict[tuple[int, int], str] = {}
    shown: dict[tuple[int, int], str] = {}
    plain: list[tuple[int, int]] = []
    for r in range(sheet.nrows):
        for c, cell in enumerate(sheet.row(r)):
            text = value_text(book, cell)
            if not text:
                continue
            font = cell_font(book, cell)
            encoding = font_encoding([font])
            if cell.ctype == xlrd.XL_CELL_TEXT and encoding and is_capitals_font(font):
                shown[(r, c)] = legacy_to_unicode(text, encoding, [font])
            if cell.ctype == xlrd.XL_CELL_TEXT and encoding:
                text = typed_capitals(text, encoding)
            elif cell.ctype == xlrd.XL_CELL_TEXT and not text.isascii():
                plain.append((r, c))
            values[(r, c)] = text
        sheets.check_size(values, sheet.name, path)
    found = detect("\n".join(values[key] for key in plain)) if plain else None
    if found in (TCVN3, VNI):
        values.update({key: typed_capitals(values[key], found) for key in plain})
    merges = tuple((r0, c0, r1, c1) for r0, r1, c0, c1 in sheet.merged_cells)
    return sheets.Sheet(name=sheet.name, values=values, merges=merges, shown=shown)


def open_book(data: bytes, path: str) -> Any:
    """Given XLS bytes, return the xlrd workbook with its formatting, or raise corrupt-file."""
    try:
        return xlrd.open_workbook(file_contents=data, formatting_info=True, logfile=_Quiet())
    except BROKEN as err:
        raise InputError(ErrorCode.CORRUPT_FILE, path, f"broken workbook: {err}") from err


class _Quiet:
    """A log file that keeps xlrd's warnings about odd records off stderr."""

    def write(self, text: str) -> int:
        """Given a message, drop it."""
        return len(text)


def extract(data: bytes, source: SourceInfo, limits: Limits) -> Document:
    """Given XLS bytes, return the Document: each visible sheet's titles, table and notes."""
    path = source.path
    book = open_book(data, path)
    try:
        visible = [s for s in book.sheets() if not s.visibility]
        blocks = [
            block
            for number, sheet in enumerate(visible, 1)
            for block in sheets.sheet_blocks(read_sheet(book, sheet, path), number, path)
        ]
    except BROKEN as err:
        raise InputError(ErrorCode.CORRUPT_FILE, source.path, f"broken sheet: {err}") from err
    return Document(source=replace(source, pages=len(visible)), blocks=tuple(blocks))
