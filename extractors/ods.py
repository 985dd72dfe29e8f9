"""ODS extractor: OpenDocument spreadsheets read straight from content.xml.

An ODS file is a zip whose ``content.xml`` holds every sheet as ``table:table`` rows of
``table:table-cell``s (spans as ``number-columns-spanned``/``number-rows-spanned``, runs of
equal cells as ``number-columns-repeated``/``number-rows-repeated``). Reading that one part
with ``zipsafe``'s hardened parser needs no library (odfpy would load the whole document
model for the same cells) and keeps the size checks of DOCX. Legacy fonts are left to the
document-wide detection of ``extractors.repair_legacy``.
"""

from __future__ import annotations

import zipfile
from collections.abc import Iterator
from dataclasses import replace

from lxml import etree

from parscore.extractors import sheets, zipsafe
from parscore.extractors.errors import ErrorCode, InputError
from parscore.extractors.limits import Limits
from parscore.extractors.model import Document, SourceInfo
from parscore.extractors.pagemodel import nfc

TABLE = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
TEXT = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
OFFICE = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
CONTENT = "content.xml"
CELL_TAGS = {f"{{{TABLE}}}table-cell", f"{{{TABLE}}}covered-table-cell"}
ROW_TAGS = {f"{{{TABLE}}}table-row"}
ROW_GROUPS = {
    f"{{{TABLE}}}table-header-rows",
    f"{{{TABLE}}}table-rows",
    f"{{{TABLE}}}table-row-group",
}


def t(tag: str) -> str:
    """Given a local name, return its table-namespace qualified name."""
    return f"{{{TABLE}}}{tag}"


def count_attr(element: etree._Element, attr: str, namespace: str = TABLE) -> int:
    """Given an element and a count attribute, return its value (1 when absent or bad)."""
    try:
        return max(1, int(element.get(f"{{{namespace}}}{attr}", "1")))
    except ValueError:
        return 1


def _pieces(element: etree._Element) -> Iterator[str]:
    """Given a paragraph or a span in it, yield its text pieces (text:s as its spaces)."""
    yield element.text or ""
    for child in element:
        if child.tag == f"{{{TEXT}}}s":
            yield " " * count_attr(child, "c", TEXT)
        elif child.tag in (f"{{{TEXT}}}tab", f"{{{TEXT}}}line-break"):
            yield " "
        elif isinstance(child.tag, str):
            yield from _pieces(child)
        yield child.tail or ""


def cell_text(cell: etree._Element) -> str:
    """Given a table-cell, return its paragraphs' text, one line each."""
    lines = ("".join(_pieces(p)).strip() for p in cell.iter(f"{{{TEXT}}}p", f"{{{TEXT}}}h"))
    return nfc("\n".join(line for line in lines if line))


def table_rows(table: etree._Element) -> Iterator[etree._Element]:
    """Given a table:table, yield its rows in order, inside row groups too."""
    for child in table:
        if child.tag in ROW_TAGS:
            yield child
        elif child.tag in ROW_GROUPS:
            yield from table_rows(child)


def read_row(
    row: etree._Element, r: int, sheet: dict[tuple[int, int], str], merges: list[sheets.Merge]
) -> None:
    """Given a row and its index, add its non-empty cells and spans to the sheet being read."""
    col = 0
    for cell in row:
        if cell.tag not in CELL_TAGS:
            continue
        repeat = count_attr(cell, "number-columns-repeated")
        text = cell_text(cell) if cell.tag == t("table-cell") else ""
        if text:
            sheet.update({(r, col + i): text for i in range(min(repeat, sheets.MAX_CELLS))})
            rows = count_attr(cell, "number-rows-spanned")
            cols = count_attr(cell, "number-columns-spanned")
            if rows > 1 or cols > 1:
                merges.append((r, col, r + rows, col + cols))
        col += repeat


def read_table(table: etree._Element, path: str) -> sheets.Sheet:
    """Given a table:table, return its non-empty cells and merged ranges."""
    values: dict[tuple[int, int], str] = {}
    merges: list[sheets.Merge] = []
    r = 0
    for row in table_rows(table):
        repeat = count_attr(row, "number-rows-repeated")
        if any(cell_text(c) for c in row if c.tag == t("table-cell")):
            for i in range(min(repeat, sheets.MAX_CELLS)):
                read_row(row, r + i, values, merges)
                sheets.check_size(values, table.get(t("name"), ""), path)
        r += repeat
    return sheets.Sheet(name=table.get(t("name"), ""), values=values, merges=tuple(merges))


def open_package(
    data: bytes, path: str, limits: Limits
) -> tuple[zipfile.ZipFile, etree._Element]:
    """Given an OpenDocument package's bytes, return the checked archive and its parsed
    content.xml (corrupt-file when it has none)."""
    archive = zipsafe.open_archive(data, path, limits)
    content = zipsafe.read_part(archive, CONTENT, path, limits)
    if content is None:
        raise InputError(ErrorCode.CORRUPT_FILE, path, f"no {CONTENT}")
    return archive, zipsafe.parse_xml(content, CONTENT, path)


def extract(data: bytes, source: SourceInfo, limits: Limits) -> Document:
    """Given ODS bytes, return the Document: each sheet's titles, table and notes."""
    _, root = open_package(data, source.path, limits)
    tables = root.findall(f"{{{OFFICE}}}body/{{{OFFICE}}}spreadsheet/{t('table')}")
    blocks = [
        block
        for number, table in enumerate(tables, 1)
        for block in sheets.sheet_blocks(read_table(table, source.path), number, source.path)
    ]
    return Document(source=replace(source, pages=len(tables)), blocks=tuple(blocks))
