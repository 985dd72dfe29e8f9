"""RTF extractor: striprtf turns the control words into text; table rows become tables.

striprtf (pure Python) decodes each run by its font's charset; it writes a cell end as "|"
and a row end as a line break, which a paragraph break inside a cell also is. So before it
runs, each table paragraph (``\\intbl``), cell end and row end gets a private-use mark that
it passes through as text: the marks give the rows and cells, each cell its paragraphs.
Legacy-font text (TCVN3 in .VnTime) comes out as Latin-1 look-alikes, converted here, on
the whole text, before the header's layout is looked for; TCVN3's ``ư`` (U+00AD, RTF's ``\\'ad``) is
kept by ``clean``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from striprtf.striprtf import rtf_to_text

from parscore.extractors.celltables import Spans, grid_spans, table_blocks
from parscore.extractors.errors import ErrorCode, InputError
from parscore.extractors.limits import Limits
from parscore.extractors.model import Block, BlockKind, Document, Provenance, Region, SourceInfo
from parscore.normalizers import legacy
from parscore.normalizers.text import clean

#: Marks put before a table paragraph, a cell end and a row end (Unicode private use).
IN_TABLE, CELL_END, ROW_END = "\ue002", "\ue001", "\ue000"
_MARKS = {
    b"intbl": b"{\\uc1\\u57346?}", b"cell": b"{\\uc1\\u57345?}", b"row": b"{\\uc1\\u57344?}",
}
_STRUCTURE = re.compile(rb"(?<!\\)\\(intbl|cell|row)(?![a-zA-Z])")
#: A line break (``\\line``) inside a paragraph: marked, so that it is no paragraph break (a
#: space, as in the DOCX body), and a line end in a table cell (a header's layout lines).
LINE_BREAK = "\ue005"
_LINE = re.compile(rb"(?<!\\)\\line(?![a-zA-Z0-9]) ?")
#: A row's cell edge (``\\cellxN``, twips) written as text between two marks.
_CELL_EDGE = re.compile(rb"(?<!\\)\\cellx(-?\d+) ?")
_EDGES = re.compile("(?:\ue003(-?\\d+)\ue004)+")
#: What opens or closes a group, an escaped brace (none of them), or binary data to skip.
_GROUP_TOKEN = re.compile(rb"\\bin(\d+) ?|\\[{}\\]|[{}]")


def check_groups(data: bytes, path: str, limits: Limits) -> None:
    """Given RTF bytes, raise corrupt-file when they end inside an open group (a file cut
    short) and too-large when groups nest deeper than the limit; binary data (``\\binN``) and
    escaped braces are skipped."""
    depth = deepest = pos = 0
    while m := _GROUP_TOKEN.search(data, pos):
        pos = m.end() + (int(m.group(1)) if m.group(1) else 0)
        depth += {b"{": 1, b"}": -1}.get(m.group(0), 0)
        deepest = max(deepest, depth)
        if deepest > limits.max_rtf_depth:
            detail = f"RTF groups nested deeper than {limits.max_rtf_depth}"
            raise InputError(ErrorCode.TOO_LARGE, path, detail)
    if depth > 0:
        detail = f"the RTF ends inside {depth} open group(s): the file is cut short"
        raise InputError(ErrorCode.CORRUPT_FILE, path, detail)


def rtf_text(data: bytes, path: str) -> str:
    """Given RTF bytes, return their text (cells ended by "|"), or raise corrupt-file."""
    try:
        return str(rtf_to_text(data.decode("latin-1"), errors="ignore"))  # type: ignore[no-untyped-call]
    except (ValueError, LookupError, IndexError, KeyError, RecursionError) as err:
        raise InputError(ErrorCode.CORRUPT_FILE, path, f"broken RTF: {err}") from err


_SHAPE = re.compile(rb"\{\\shp(?![a-zA-Z])")
_SHAPE_TEXT = re.compile(rb"\{\\shptxt(?![a-zA-Z])")
_DELETED = re.compile(rb"(?<!\\)\\deleted(?![a-zA-Z0-9])")


def group_end(data: bytes, start: int) -> int:
    """Given RTF bytes and where a group opens ("{"), return where it closes (after "}"),
    or the end of the data for a group left open; escapes and binary data are skipped."""
    depth, pos = 0, start
    while m := _GROUP_TOKEN.search(data, pos):
        pos = m.end() + (int(m.group(1)) if m.group(1) else 0)
        depth += {b"{": 1, b"}": -1}.get(m.group(0), 0)
        if depth == 0:
            return pos
    return len(data)


def accepted(data: bytes) -> bytes:
    """Given RTF bytes, return them as read with tracked changes accepted and text boxes in
    place: a run group marked ``\\deleted`` loses its text, and a shape (``{\\shp …}``, kept
    by striprtf's rule out with its ignorable ``\\*\\shpinst``) becomes the paragraphs of
    its text box (``\\shptxt``), where it is anchored."""
    out, pos = bytearray(), 0
    while m := _SHAPE.search(data, pos):
        end = group_end(data, m.start())
        box = _SHAPE_TEXT.search(data, m.start(), end)
        out += data[pos : m.start()]
        if box is not None:
            out += b"\\par " + data[box.end() : group_end(data, box.start()) - 1] + b"\\par "
        pos = end
    data = bytes(out + data[pos:])
    out, pos = bytearray(), 0
    while m := _DELETED.search(data, pos):
        opened = data.rfind(b"{", 0, m.start())
        out += data[pos : m.end()]
        pos = max(m.end(), group_end(data, opened) - 1) if opened >= 0 else m.end()
    return bytes(out + data[pos:])


def marked(data: bytes) -> bytes:
    """Given RTF bytes, return them with a private-use mark before each table paragraph
    (``\\intbl``), cell end and row end, each row's cell edges (``\\cellxN``) as marked
    text, and each line break (``\\line``) as a mark, all of which striprtf passes through."""
    data = _CELL_EDGE.sub(lambda m: b"{\\uc1\\u57347?}" + m.group(1) + b"{\\uc1\\u57348?}", data)
    data = _LINE.sub(lambda _m: b"{\\uc1\\u57349?}", data)
    return _STRUCTURE.sub(lambda m: _MARKS[m.group(1)] + m.group(0), data)


def text_blocks(text: str, path: str) -> Iterator[Block]:
    """Given marked RTF text, yield its paragraphs and tables in order; a leading header
    layout comes out as its HEADER lines (``extractors.celltables``)."""
    prov, started, pos = Provenance(path=path), False, 0
    while pos < len(text):
        start = text.find(IN_TABLE, pos)
        end = len(text) if start < 0 else start
        before = text[pos:end]
        edges = [_edges(m.group(0)) for m in _EDGES.finditer(before)]
        for line in _EDGES.sub("", before).replace(LINE_BREAK, " ").splitlines():
            if cleaned := clean(line):
                started = True
                yield Block(kind=BlockKind.PARAGRAPH, text=cleaned, prov=prov)
        if start < 0:
            return
        rows, spans, pos = table_rows(text, start, edges[-1] if edges else ())
        yield from table_blocks(rows, prov, started=started, spans=spans)


def _edges(marked_edges: str) -> tuple[int, ...]:
    """Given a run of marked cell edges, return them (twips)."""
    return tuple(int(m.group(1)) for m in re.finditer("\ue003(-?\\d+)\ue004", marked_edges))


def table_rows(
    text: str, start: int, edges: tuple[int, ...] = ()
) -> tuple[list[list[list[str]]], Spans | None, int]:
    """Given marked text, where a table's first paragraph starts and its first row's cell
    edges, return its rows (cells as lists of paragraphs), how many grid columns each cell
    spans (``celltables.grid_spans``) and where the text after the table starts."""
    rows: list[list[list[str]]] = []
    row_edges: list[tuple[int, ...]] = []
    pos = start
    while text.startswith(IN_TABLE, pos):
        end = text.find(ROW_END, pos)
        end = len(text) if end < 0 else end
        row = text[pos:end].replace(IN_TABLE, "").replace(LINE_BREAK, "\n")
        cells = [cell.removeprefix("|") for cell in _EDGES.sub("", row).split(CELL_END)]
        if cells and not cells[-1].strip():
            cells.pop()  # what follows the last cell end: striprtf's row break
        rows.append([cell.splitlines() for cell in cells])
        row_edges.append(edges)
        pos = end + len(ROW_END)
        pos += 1 if text.startswith("\n", pos) else 0
        if m := _EDGES.match(text, pos):  # the next row's definition
            edges, pos = _edges(m.group(0)), m.end()
            pos += 1 if text.startswith("\n", pos) else 0
    return rows, grid_spans(rows, row_edges), pos


_PAGE_HEADER = re.compile(rb"\{\\header[flr]?(?![a-zA-Z])")
_FONT_TABLE = re.compile(rb"\{\\fonttbl(?![a-zA-Z])")


def page_header_layout(data: bytes, path: str, encoding: str | None) -> list[Block]:
    """Given RTF bytes, return the Decree 30 header laid out in a page header's table (the
    first ``\\header``, ``\\headerf`` … group that holds one, a word processor's page
    style table included) as HEADER lines; striprtf leaves page headers out."""
    table = _FONT_TABLE.search(data)
    fonts = data[table.start() : group_end(data, table.start())] if table else b""
    for m in _PAGE_HEADER.finditer(data):
        inner = data[m.end() : group_end(data, m.start()) - 1]
        if b"\\intbl" not in inner:
            continue
        text = rtf_text(marked(accepted(b"{\\rtf1" + fonts + b" " + inner + b"}")), path)
        if encoding is not None:
            text = legacy.to_unicode(text, encoding)
        lead = [b for b in text_blocks(text, path) if b.region is Region.HEADER]
        if lead:
            return lead
    return []


def extract(data: bytes, source: SourceInfo, limits: Limits) -> Document:
    """Given RTF bytes, return the Document of their paragraphs and tables, legacy text
    converted first (a header layout's marks are read in Unicode); a Decree 30 header kept
    in a page header comes first when the body has none of its own."""
    check_groups(data, source.path, limits)
    text = rtf_text(marked(accepted(data)), source.path)
    encoding = legacy.detect(text[: legacy.SAMPLE_CHARS])
    if encoding is not None:
        text = legacy.to_unicode(text, encoding)
    notes = () if encoding is None else (f"text converted from the legacy {encoding} encoding",)
    blocks = tuple(text_blocks(text, source.path))
    if not any(block.region is Region.HEADER for block in blocks):
        blocks = (*page_header_layout(data, source.path, encoding), *blocks)
    return Document(source=source, blocks=blocks, warnings=notes)
