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
from collections.abc import Sequence
from dataclasses import replace
from difflib import SequenceMatcher

from parscore.extractors.model import Block, BlockKind, Provenance, Region
from parscore.extractors.pagemodel import (
    ADDRESSEE_START,
    BULLET,
    CENTRED_H,
    INDENT_H,
    MARGIN_BAND,
    PAGE_NUMBER,
    PARA_PITCH,
    REPEAT_BAND,
    REPEAT_SIMILARITY,
    SHORT_LINE_H,
    SIGNATURE_START,
    TITLE_CENTRED_H,
    TITLE_ZONE,
    Chunk,
    Line,
    PageContent,
    Part,
    TablePart,
    TextPart,
    nfc,
    union_bbox,
    words_to_lines,
)
from parscore.extractors.tables import join_page_tables, ruled_tables, split_borderless

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


def drop_running_lines(
    pages: Sequence[PageContent], lines: Sequence[list[Line]]
) -> list[list[Line]]:
    """Given pages and their lines, return the lines less running headers, footers, page numbers."""
    bands = [
        [_signature(x.text) for x in ls if _in_repeat_band(x, p)]
        for p, ls in zip(pages, lines, strict=True)
    ]
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


def _body_centre(lines: Sequence[Line], page: PageContent | None = None) -> float:
    """Given a page's lines, return the x of the centre of the text body; lines that reach
    into the side margins (an incoming-mail stamp, a note in the margin) are left out."""
    inside = [x for x in lines if page is None or _within_sides(x, page)] or list(lines)
    x0, _, x1, _ = union_bbox(x.bbox for x in inside)
    return (x0 + x1) / 2


def _within_sides(line: Line, page: PageContent) -> bool:
    """Given a line, return whether it keeps out of the page's left and right margin bands."""
    return line.bbox[0] >= MARGIN_BAND and line.bbox[2] <= page.width - MARGIN_BAND


def _is_title(line: Line, centre: float) -> bool:
    """Given a line, return whether it is a centred, upper-case document type name."""
    letters = [ch for ch in line.text if ch.isalpha()]
    x0, _, x1, _ = line.bbox
    centred = abs((x0 + x1) / 2 - centre) <= TITLE_CENTRED_H * line.height
    return len(line.chunks) == 1 and len(letters) >= 4 and line.text.isupper() and centred


def header_zone_end(lines: Sequence[Line], page: PageContent) -> int:
    """Given page 1's lines, return how many top lines form the Decree 30 header (0 if none):
    those above the title ("THÔNG BÁO") or, in a letter (công văn) with no title, above its
    "Kính gửi:" line (the "V/v …" subject under the number stays in the header)."""
    if not lines:
        return 0
    centre = _body_centre(lines, page)
    top = [i for i, line in enumerate(lines) if line.bbox[1] <= TITLE_ZONE * page.height]
    title = next((i for i in top if _is_title(lines[i], centre)), None)
    if title is not None:
        return title
    return next((i for i in top if ADDRESSEE_START.match(lines[i].chunks[0].text)), 0)


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


# --------------------------------------------------------------------------- page → parts


def page_to_parts(page: PageContent, lines: list[Line], *, first: bool) -> list[Part]:
    """Given a page, its ruled tables and free lines, return its parts in reading order."""
    parts: list[Part] = []
    head = header_zone_end(lines, page) if first else 0
    if head:
        parts.append(
            TextPart(
                page=page.number,
                lines=tuple(columns_to_lines(lines[:head])),
                region=Region.HEADER,
                per_line=True,
            )
        )
    sign = signature_zone_start(lines)
    parts += split_borderless(page.number, lines[head:sign])
    if sign < len(lines):
        parts.append(
            TextPart(page=page.number, lines=tuple(columns_to_lines(lines[sign:])), per_line=True)
        )
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


# ------------------------------------------------------------------ continuations over pages


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


def _carries_on(prev: TextPart, part: TextPart) -> bool:
    """Given text parts on consecutive pages, return whether the second continues the first."""
    flowing = _flowing(prev) and _flowing(part)
    return flowing and prev.page == part.page - 1 and _goes_on(prev, part)


def mark_continuations(parts: Sequence[Part]) -> list[Part]:
    """Given parts in reading order, return them with page-straddling paragraphs marked."""
    out: list[Part] = list(parts[:1])
    for prev, part in itertools.pairwise(parts):
        if isinstance(prev, TextPart) and isinstance(part, TextPart) and _carries_on(prev, part):
            part = replace(part, continues=True)
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
        or bool(BULLET.match(line.text))
        or _numbered(line.text)
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
    return Block(
        kind=kind,
        text=text[bullet.end() :] if bullet else text,
        marker=bullet.group(1) if bullet else None,
        region=part.region,
        fonts=_fonts(lines),
        prov=prov,
    )


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
    parts = [
        page_parts(p, ls, first=i == 0) for i, (p, ls) in enumerate(zip(pages, lines, strict=True))
    ]
    width = max((p.width for p in pages), default=1.0)
    return parts_to_blocks(mark_continuations(join_page_tables(parts, width)), path)
