"""XLSX extractor: every worksheet's used range read with openpyxl, merged cells as spans.

The archive's directory is checked by ``zipsafe`` (sizes, ratios) before openpyxl inflates
anything. Cached values are read (``data_only``: a formula's last result, as Excel shows it);
a cell set in a legacy Vietnamese font (.VnTime: TCVN3, VNI-Times: VNI) is converted by its font.
"""

from __future__ import annotations

import io
import zipfile
from dataclasses import replace
from datetime import date, datetime, time
from typing import Any

import openpyxl
from lxml import etree
from openpyxl.utils.exceptions import InvalidFileException

from parscore.extractors import sheets, zipsafe
from parscore.extractors.errors import ErrorCode, InputError
from parscore.extractors.limits import Limits
from parscore.extractors.model import Document, SourceInfo
from parscore.normalizers.legacy import font_encoding, legacy_to_unicode

#: What openpyxl raises on a damaged workbook.
BROKEN = (
    InvalidFileException,
    zipfile.BadZipFile,
    KeyError,
    ValueError,
    TypeError,
    AttributeError,
    IndexError,
    OSError,
    EOFError,
    etree.LxmlError,
    SyntaxError,  # xml.etree's ParseError
)


def value_text(value: Any) -> str:
    """Given a cell's value, return its text as a reader sees it ("" for an empty cell)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, int | float):
        return sheets.number_text(float(value))
    if isinstance(value, datetime | date | time):
        return value.strftime("%d/%m/%Y") if isinstance(value, date) else value.isoformat()
    return str(value).strip()


def cell_text(cell: Any) -> str:
    """Given an openpyxl cell, return its text in Unicode (a legacy font converted; a number
    in a percent format as the sheet shows it, "91.25%" for 0.9125)."""
    value = cell.value
    number = isinstance(value, int | float) and not isinstance(value, bool)
    if number and sheets.scales_to_percent(cell.number_format):
        return sheets.percent_text(float(value))
    text = value_text(value)
    fonts = [cell.font.name] if cell.font is not None and cell.font.name else []
    encoding = font_encoding(fonts)
    return legacy_to_unicode(text, encoding, fonts) if text and encoding else text


def read_sheet(worksheet: Any, path: str) -> sheets.Sheet:
    """Given an openpyxl worksheet, return its non-empty cells and merged ranges."""
    values: dict[tuple[int, int], str] = {}
    for row in worksheet.iter_rows():
        for cell in row:
            text = cell_text(cell) if cell.value is not None else ""
            if text:
                values[(cell.row - 1, cell.column - 1)] = text
        sheets.check_size(values, worksheet.title, path)
    merges = tuple(
        (m.min_row - 1, m.min_col - 1, m.max_row, m.max_col) for m in worksheet.merged_cells.ranges
    )
    return sheets.Sheet(name=worksheet.title, values=values, merges=merges)


def open_workbook(data: bytes, path: str, limits: Limits) -> Any:
    """Given XLSX bytes, return the openpyxl workbook once the zip passed the size checks."""
    zipsafe.open_archive(data, path, limits)
    try:
        return openpyxl.load_workbook(io.BytesIO(data), data_only=True)
    except BROKEN as err:
        raise InputError(ErrorCode.CORRUPT_FILE, path, f"broken workbook: {err}") from err


def extract(data: bytes, source: SourceInfo, limits: Limits) -> Document:
    """Given XLSX bytes, return the Document: each sheet's titles, table and notes."""
    book = open_workbook(data, source.path, limits)
    worksheets = [ws for ws in book.worksheets if ws.sheet_state == "visible"]
    blocks = [
        block
        for number, ws in enumerate(worksheets, 1)
        for block in sheets.sheet_blocks(read_sheet(ws, source.path), number, source.path)
    ]
    return Document(source=replace(source, pages=len(worksheets)), blocks=tuple(blocks))
