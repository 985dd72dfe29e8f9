"""RTF extractor: striprtf turns the control words into text; table rows become tables.

striprtf (pure Python) decodes each run by its font's charset and writes a cell end as "|"
and a row end as a line break, so consecutive lines of cells are one table. Legacy-font
text (TCVN3 in .VnTime) comes out as Latin-1 look-alikes, converted document-wide by
``extractors.repair_legacy``; TCVN3's ``ư`` (U+00AD, RTF's ``\\'ad``) is kept by ``clean``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from striprtf.striprtf import rtf_to_text

from parscore.extractors.errors import ErrorCode, InputError
from parscore.extractors.limits import Limits
from parscore.extractors.model import Block, BlockKind, Cell, Document, Provenance, SourceInfo
from parscore.normalizers.text import clean

CELL_END = "|"
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


def table_block(rows: list[list[str]], prov: Provenance) -> Block:
    """Given rows of cell texts, return one TABLE block."""
    cells = tuple(
        Cell(row=r, col=c, text=text)
        for r, row in enumerate(rows)
        for c, text in enumerate(row)
    )
    return Block(kind=BlockKind.TABLE, cells=cells, prov=prov)


def row_cells(line: str) -> list[str]:
    """Given a line of cells ended by "|", return their cleaned texts."""
    return [clean(cell) for cell in line.rstrip().removesuffix(CELL_END).split(CELL_END)]


def text_blocks(text: str, path: str) -> Iterator[Block]:
    """Given RTF text, yield paragraphs and tables (runs of cell lines) in order."""
    rows: list[list[str]] = []
    for line in text.splitlines():
        if CELL_END in line:
            rows.append(row_cells(line))
            continue
        if rows:
            yield table_block(rows, Provenance(path=path))
            rows = []
        cleaned = clean(line)
        if cleaned:
            yield Block(kind=BlockKind.PARAGRAPH, text=cleaned, prov=Provenance(path=path))
    if rows:
        yield table_block(rows, Provenance(path=path))


def extract(data: bytes, source: SourceInfo, limits: Limits) -> Document:
    """Given RTF bytes, return the Document of their paragraphs and tables."""
    check_groups(data, source.path, limits)
    blocks = tuple(text_blocks(rtf_text(data, source.path), source.path))
    return Document(source=source, blocks=blocks)
