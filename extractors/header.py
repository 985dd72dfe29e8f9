"""The Decree 30 header block of a document whose format does not mark it (text, web pages).

DOCX and PDF know their header from the layout (a two-column table, the top of page 1).
A plain-text copy or a saved page gives the same lines one under another:

    UBND TỈNH ĐỒNG NAI / SỞ NỘI VỤ / Số: 112/TB-SNV / CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM /
    Độc lập - Tự do - Hạnh phúc / Đồng Nai, ngày 05 tháng 02 năm 2024 / THÔNG BÁO / …

When a document has no header block yet, its leading lines up to the document-type title
("THÔNG BÁO", "QUYẾT ĐỊNH", …) are its header block, provided one of them is a Decree 30
mark (the national motto, "Số: …/…", or a place-and-date line); they start at the first
such mark or issuing body, so a web page's own headline above them stays body text.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from parscore.extractors.model import Block, BlockKind, Document, Region
from parscore.extractors.records import replace
from parscore.normalizers.text import bare_key, clean

LEAD = 20  # blocks searched for the header block and its title
#: Rows of cells, each cell the list of its paragraphs' texts.
Rows = Sequence[Sequence[Sequence[str]]]
#: The largest table read as a Decree 30 header's layout (issuer | motto, number | date, V/v).
HEADER_ROWS, HEADER_COLUMNS = 4, 3
#: Words a Decree 30 title line starts with, in capitals (bare keys).
TITLES = (
    "thong bao", "quyet dinh", "ke hoach", "bao cao", "to trinh", "bien ban", "ket luan",
    "chi thi", "huong dan", "cong van", "nghi quyet", "nghi dinh", "thong tu", "quy che",
    "quy dinh", "de an", "chuong trinh",
)  # fmt: skip
_MARK = re.compile(
    r"^(?:cong hoa xa hoi chu nghia viet nam|doc lap\W+tu do\W+hanh phuc"
    r"|so\s*:?\s*\d+\s*/\s*\w"
    r"|[^\W\d][^,\d]{1,40},\s*ngay\s+\d{1,2}\s*(?:thang\s*\d{1,2}|[/.-]\d{1,2}))"
)
_BODY = re.compile(r"^(?:ubnd|uy ban|so|bo|ban|hoi dong|van phong|cuc|chi cuc)\b")


def mark_header(document: Document) -> Document:
    """Given a document, return it with its unmarked Decree 30 header block marked HEADER."""
    if any(b.region is Region.HEADER for b in document.blocks):
        return document
    blocks = _header_table_as_lines(document.blocks)
    lead = _lead(blocks)
    title = next((i for i in lead if _is_title(blocks[i].text)), None)
    if title is None:
        return document
    keys = {i: bare_key(blocks[i].text) for i in lead if i < title}
    if not any(_MARK.match(k) for k in keys.values()):
        return document
    start = next(i for i, k in keys.items() if _MARK.match(k) or _is_body(blocks[i].text, k))
    marked = tuple(
        replace(b, region=Region.HEADER) if start <= i < title else b for i, b in enumerate(blocks)
    )
    return replace(document, blocks=marked)


def holds_mark(lines: Sequence[str]) -> bool:
    """Given the lines of a layout (a table's cells), return whether one is a Decree 30 mark
    (the national motto, "Số: …/…", a place-and-date line)."""
    return any(_MARK.match(bare_key(line)) for line in lines)


def layout_lines(rows: Rows) -> list[str]:
    """Given a table's rows, return its cells' lines column by column when it is shaped like
    a Decree 30 header (a few rows of two or three non-empty cells) and holds one of its
    marks, else an empty list. A paragraph's soft line breaks ("\n", Word's vertical tab)
    part its lines: "-------", "Số: 12/UBND-NC" and "V/v …" in one cell are three lines."""
    rows = [[paras for paras in row if any(p.strip() for p in paras)] for row in rows]
    if not rows or len(rows) > HEADER_ROWS or max(map(len, rows)) > HEADER_COLUMNS:
        return []
    columns = sorted(
        ((c, r, paras) for r, row in enumerate(rows) for c, paras in enumerate(row)),
        key=lambda item: (item[0], item[1]),
    )
    lines = [
        line
        for _, _, paras in columns
        for text in paras
        for part in text.splitlines()
        if (line := clean(part))
    ]
    return lines if holds_mark(lines) else []


def _header_table_as_lines(blocks: tuple[Block, ...]) -> tuple[Block, ...]:
    """Given blocks, return them with a leading header table no reader laid out (the issuer
    beside the motto, "Số: …" beside the place and date, as Word pasted into a portal lays it
    out) as its cells' lines (``layout_lines``); other tables stay."""
    at = next((i for i, b in enumerate(blocks[:LEAD]) if b.kind is BlockKind.TABLE), None)
    if at is None:
        return blocks
    rows: dict[int, list[list[str]]] = {}
    for cell in sorted(blocks[at].cells, key=lambda c: (c.row, c.col)):
        rows.setdefault(cell.row, []).append([cell.text])
    lines = layout_lines(list(rows.values()))
    if not lines:
        return blocks
    made = tuple(
        replace(blocks[at], kind=BlockKind.PARAGRAPH, text=line, cells=()) for line in lines
    )
    return (*blocks[:at], *made, *blocks[at + 1 :])


def _lead(blocks: Sequence[Block]) -> list[int]:
    """Given blocks, return the indices of the leading paragraphs (up to the first table)."""
    lead = []
    for i, block in enumerate(blocks[:LEAD]):
        if block.kind is BlockKind.TABLE:
            break
        lead.append(i)
    return lead


def _is_title(text: str) -> bool:
    """Given a block's text, return whether it is a Decree 30 title line ("THÔNG BÁO"), maybe
    with its trích yếu on the same line as a web page joins them ("KẾ HOẠCH Khắc phục …")."""
    line = text.strip()
    key = bare_key(line)
    head = next((t for t in TITLES if key.startswith(t)), None)
    if head is None:
        return False
    return line.isupper() or all(w.isupper() for w in line.split()[: len(head.split())])


def _is_body(text: str, key: str) -> bool:
    """Given a line and its key, return whether it names an issuing body in capitals."""
    return text.strip().isupper() and bool(_BODY.match(key))


def names_body(text: str) -> bool:
    """Given a line, return whether it names an issuing body in capitals ("UBND TỈNH …")."""
    return _is_body(text, bare_key(text))
