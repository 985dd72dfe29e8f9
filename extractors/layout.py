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
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import replace
from difflib import SequenceMatcher

from parscore.extractors.boilerplate import is_chrome_line, is_tail_marker, keep_article, until_tail
from parscore.extractors.model import Block, BlockKind, Provenance, Region
from parscore.extractors.pagemodel import (
    ADDRESSEE_START,
    BESIDE_SHARE,
    BROWSER_LINE,
    BULLET,
    CENTRED_H,
    FLOWS_GAP_H,
    FLOWS_PITCH,
    HANG_H,
    INDENT_H,
    MARGIN_BAND,
    MIN_GAPS,
    MIN_PROSE_LINES,
    MOTTO,
    PAGE_NUMBER,
    PARA_PITCH,
    PROSE_LINE,
    REPEAT_BAND,
    REPEAT_SIMILARITY,
    SHORT_LINE_H,
    SIDEBAR_EDGE,
    SIDEBAR_MAX_CROSS,
    SIDEBAR_MIN_LINES,
    SIDEBAR_MIN_PROSE,
    SIDEBAR_PROSE,
    SIDEBAR_RIGHT,
    SIGNATURE_START,
    SPACE_H,
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
from parscore.normalizers.text import bare_key

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
    return any(_similar(text, o) for o in others)


def _similar(a: str, b: str) -> bool:
    """Given two masked texts, return whether difflib's ratio of them reaches
    ``REPEAT_SIMILARITY``. Two bounds it never exceeds (from the lengths, from the characters
    the texts share) rule out most pairs before the costly match, with the same answer."""
    total = len(a) + len(b)
    if total and 2.0 * min(len(a), len(b)) / total < REPEAT_SIMILARITY:
        return False
    if total and 2.0 * (Counter(a) & Counter(b)).total() / total < REPEAT_SIMILARITY:
        return False
    return SequenceMatcher(None, a, b).ratio() >= REPEAT_SIMILARITY


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
        body = _body_lines(page, page_lines)
        header = _header_bottom(page, page_lines)
        out.append([x for x in page_lines
                    if not _is_running(x, page, others if x.bbox[1] >= header else (), body)])
    return out


def holds_motto(text: str) -> bool:
    """Given a line, return whether it holds the national motto's first words or its second
    line ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA", "Độc lập - Tự do - Hạnh phúc"), run into other words
    or not (an issuer level with it on one OCR'd line)."""
    return bool(MOTTO.search(bare_key(text)))


def _header_bottom(page: PageContent, lines: Sequence[Line]) -> float:
    """Given a page's lines, return the bottom of the lowest line in its top band that holds
    the national motto ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"),
    else 0: a Decree 30 header is no running line, though a plan attached to a decision
    repeats it on its own first page: lines level with it or above (the issuer's) are not
    dropped for being repeated (a page number or a line apart in the margin still is)."""
    band = REPEAT_BAND * page.height
    return max((x.bbox[3] for x in lines if x.bbox[3] <= band and holds_motto(x.text)),
               default=0.0)


def _body_lines(page: PageContent, lines: Sequence[Line]) -> list[Line]:
    """Given a page's lines, return those of its body: out of the margin bands, or in them
    but running on from the body, line after line, or beside a body line on its row (a
    scan cropped close to the text: the issuer "UBND TỈNH X" level with the motto)."""
    body = [x for x in lines if not _is_margin_line(x, page)]
    rest = [x for x in lines if _is_margin_line(x, page)]
    while touching := [x for x in rest if _flows_with(x, body) or _beside(x, body)]:
        body += touching
        rest = [x for x in rest if x not in touching]
    return body


def _line_pitch(lines: Sequence[Line]) -> float:
    """Given a page's body lines, return the usual distance from one line's top to the next
    one's (the median, over lines that overlap across): 0 when there are too few to say."""
    ordered = sorted(lines, key=lambda x: x.bbox[1])
    pitches = [b.bbox[1] - a.bbox[1] for a, b in itertools.pairwise(ordered)
               if min(a.bbox[2], b.bbox[2]) > max(a.bbox[0], b.bbox[0]) and b.bbox[1] > a.bbox[3]]
    return statistics.median(pitches) if len(pitches) >= MIN_GAPS else 0.0


def _is_running(
    line: Line, page: PageContent, others: Sequence[str], body: Sequence[Line]
) -> bool:
    """Given a line, the band lines of other pages and the page's lines outside the margin
    bands, return whether the line is page furniture: a page number, a browser's print
    header or footer, a line repeated on other pages, or a line in the margin band that
    stands apart from the body (one that runs on from it is body text of a page set with
    narrow margins, as office suites print HTML)."""
    if not _in_repeat_band(line, page) and not _is_margin_line(line, page):
        return False
    if PAGE_NUMBER.match(line.text) or BROWSER_LINE.match(line.text):
        return True
    if _repeated(_signature(line.text), others):
        return True
    return _is_margin_line(line, page) and line not in body


def _beside(line: Line, body: Sequence[Line]) -> bool:
    """Given a margin line and the body lines, return whether body lines stand level with
    it on its row, apart across, over more than ``BESIDE_SHARE`` of its height (an issuer
    set between the motto's two lines shares a part of each)."""
    left, top, right, bottom = line.bbox
    shared = 0.0
    for other in body:
        o_left, o_top, o_right, o_bottom = other.bbox
        if o_left >= right or o_right <= left:
            shared += max(0.0, min(bottom, o_bottom) - max(top, o_top))
    return shared > BESIDE_SHARE * line.height


def _flows_with(line: Line, body: Sequence[Line]) -> bool:
    """Given a margin line and the body lines, return whether it touches one of them across:
    the white gap at most ``FLOWS_GAP_H`` of its height, or the step from top to top at most
    ``FLOWS_PITCH`` of the usual pitch of the body lines in its column."""
    left, top, right, bottom = line.bbox
    column = [x for x in body if min(right, x.bbox[2]) > max(left, x.bbox[0])]
    pitch = _line_pitch(column)
    for other in column:
        o_left, o_top, o_right, o_bottom = other.bbox
        near = (max(o_top - bottom, top - o_bottom) <= FLOWS_GAP_H * line.height
                or abs(o_top - top) <= FLOWS_PITCH * pitch)
        if near and min(right, o_right) > max(left, o_left):
            return True
    return False


# --------------------------------------------------------------------------- zones


def _body_centre(lines: Sequence[Line], page: PageContent | None = None) -> float:
    """Given a page's lines, return the x of the centre of the text body: between the edges
    most of its prose lines (wider than ``PROSE_LINE`` of the page, at least
    ``MIN_PROSE_LINES`` of them) reach, a fifth of them left out at each side (a line run
    into a stamp, a short last line): a justified body may end inside the right margin band
    (15 mm). Without such lines, lines that reach into the side margins (an incoming-mail
    stamp, a note in the margin) are left out."""
    if page is not None:
        wide = [x for x in lines if x.bbox[2] - x.bbox[0] >= PROSE_LINE * page.width]
        if len(wide) >= MIN_PROSE_LINES:
            lefts = sorted(x.bbox[0] for x in wide)
            rights = sorted(x.bbox[2] for x in wide)
            cut = len(wide) // 5
            return (lefts[cut] + rights[-1 - cut]) / 2
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
    parts += split_borderless(page.number, lines[head:sign], page.edges)
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
    full = not _ends_short(last, first, right)
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
        _step(prev, line) > PARA_PITCH * pitch
        or bool(BULLET.match(line.text))
        or _numbered(line.text)
        or (line.bbox[0] - prev.bbox[0] > INDENT_H * height and not centred
            and not _hangs_under(prev, line))
        or _ends_short(prev, line, right)
    )


def _ends_short(prev: Line, line: Line, right: float) -> bool:
    """Given consecutive lines and the right edge of their text, return whether the first
    ends its paragraph: it stops more than SHORT_LINE_H heights before the edge AND the next
    line's first word (with a space) would have fitted in that room. Text set ragged right
    (a plain text file opened in an office suite) wraps a long word ("(97,685 điểm)") and
    leaves its line short by the word's width; that line still goes on."""
    room = right - prev.bbox[2]
    if room <= SHORT_LINE_H * prev.height:
        return False
    first = line.chunks[0].words[0].bbox
    return room > first[2] - first[0] + SPACE_H * prev.height


def _step(prev: Line, line: Line) -> float:
    """Given consecutive lines, return how far down the second is set: the lesser of the
    steps of their tops and of their bottoms. A line's box is its words' (glyphs' or ink's),
    so a line with no tall letter or tone mark ("ương.") starts lower and one with no
    descender ends higher than its neighbours; a paragraph's gap moves both edges."""
    return min(line.bbox[1] - prev.bbox[1], line.bbox[3] - prev.bbox[3])


def _hangs_under(prev: Line, line: Line) -> bool:
    """Given a list item's line and the next, return whether the next lines up with the
    item's text after its bullet (a hanging indent, as office suites set lists): it carries
    the item on, whatever its first word ("… giải quyết" / "TTHC")."""
    words = [w for c in prev.chunks for w in c.words]
    if len(words) < 2 or not BULLET.match(prev.text) or any(ch.isalnum() for ch in words[0].text):
        return False
    return abs(line.bbox[0] - words[1].bbox[0]) <= HANG_H * prev.height


#: A line opening with a heading's number: "1.", "3.1", "a)", "II." and then its text.
_NUMBERED = re.compile(r"^(\d{1,2}(\.\d{1,2})*\.?|[a-zđ]\)|[IVX]{1,4}\.)\s+(\S)")


def _numbered(text: str) -> bool:
    """Given a line's text, return whether it starts like "1.", "3.1" or "a)". A number
    without a closing dot before a word in lower case ("8 bậc so với …", "0.5 điểm") is a
    sentence's number that a wrapped line opens on, not a heading's."""
    found = _NUMBERED.match(text)
    if found is None:
        return False
    bare = found.group(1)[-1].isdigit()
    return not (bare and found.group(3).islower())


def text_to_paragraphs(part: TextPart) -> list[list[Line]]:
    """Given a text part, return its lines grouped into paragraphs."""
    if part.per_line:
        return [[line] for line in part.lines]
    pitches = [_step(a, b) for a, b in zip(part.lines, part.lines[1:], strict=False)]
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


#: A line that ends inside a compound broken at its hyphen ("02/HD-" above "SNV").
_HYPHEN_END = re.compile(r"\w-$")


def join_lines(texts: Iterable[str]) -> str:
    """Given a paragraph's lines, return its text: lines joined by a space, but a compound
    broken at its hyphen at a line's end ("số 02/HD-" / "SNV") joined whole ("02/HD-SNV");
    Vietnamese never breaks a syllable, so such a hyphen is always the compound's own."""
    out = ""
    for text in texts:
        glue = "" if not out or (_HYPHEN_END.search(out) and text[:1].isalnum()) else " "
        out += glue + text
    return out


def paragraph_block(lines: Sequence[Line], part: TextPart, prov: Provenance) -> Block:
    """Given a paragraph's lines, return a PARAGRAPH or (for a bullet) a LIST_ITEM block."""
    text = nfc(join_lines(x.text for x in lines))
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
    text = nfc(join_lines([block.text, *(x.text for x in lines)]))
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
    """Given a page and its lines without furniture, return its parts in reading order (a
    printed web page's sidebar column read apart from the article beside it)."""
    tables = ruled_tables(page)
    free = [x for x in lines if not any(_in_table(x, t) for t in tables)]
    if not free:
        return list(tables)
    columns = sidebar_split(free, page.width) or right_sidebar_split(free, page.width)
    if columns is None:
        return _interleave(page_to_parts(page, free, first=first), tables)
    main, side = columns  # the article first, then the sidebar as page furniture
    parts = page_to_parts(page, main, first=first) if main else []
    furniture = [
        replace(p, region=Region.PAGE_HEADER)
        for p in page_to_parts(page, side, first=False)
        if isinstance(p, TextPart)
    ]
    return _interleave(parts, tables) + furniture


def sidebar_split(lines: Sequence[Line], width: float) -> tuple[list[Line], list[Line]] | None:
    """Given a page's free lines and its width, return (main column, sidebar) when a narrow
    column on the left stands beside prose (a portal page printed by a browser or an office
    suite); None otherwise. The main column's edge is the left edge most of its prose lines
    share (lines wider than ``SIDEBAR_PROSE`` of the page, at least ``SIDEBAR_MIN_PROSE``
    of them, in ``SIDEBAR_EDGE`` of the width); the sidebar is the pieces that end before it
    (at least ``SIDEBAR_MIN_LINES``), and at most ``SIDEBAR_MAX_CROSS`` pieces may run across
    it (a search button). A table's columns or a Decree 30 header never hold such prose."""
    chunks = [c for line in lines for c in line.chunks]
    prose = [round(c.bbox[0]) for c in chunks if c.bbox[2] - c.bbox[0] >= SIDEBAR_PROSE * width]
    if len(prose) < SIDEBAR_MIN_PROSE:
        return None
    edge, count = Counter(prose).most_common(1)[0]
    lo, hi = SIDEBAR_EDGE
    if count < SIDEBAR_MIN_PROSE or not lo * width <= edge <= hi * width:
        return None
    left = [c for c in chunks if c.bbox[2] <= edge]
    right = [c for c in chunks if c.bbox[0] >= edge - 1]
    if len(left) < SIDEBAR_MIN_LINES or len(chunks) - len(left) - len(right) > SIDEBAR_MAX_CROSS:
        return None
    main = [c for c in chunks if c.bbox[2] > edge]
    return (words_to_lines(w for c in main for w in c.words),
            words_to_lines(w for c in left for w in c.words))


def right_sidebar_split(
    lines: Sequence[Line], width: float
) -> tuple[list[Line], list[Line]] | None:
    """Given a page's free lines and its width, return (main column, sidebar) when a narrow
    column of links stands to the right of prose ("TIN LIÊN QUAN", "Tin khác" beside the
    letter on a portal page printed by a browser); None otherwise. The sidebar's edge is the
    left edge most pieces starting in ``SIDEBAR_RIGHT`` of the width share (at least
    ``SIDEBAR_MIN_LINES``), at least ``SIDEBAR_MIN_PROSE`` prose pieces (wider than
    ``SIDEBAR_PROSE`` of the page) end before it, and the sidebar is every narrow piece that
    ends past it (its heading may start a little to the left). One of its lines must be
    portal chrome or open the news tail, and at most ``SIDEBAR_MAX_CROSS`` wide pieces level
    with it may run across the edge: a table's last column or a signature block is no
    sidebar."""
    chunks = [c for line in lines for c in line.chunks]
    lo, hi = SIDEBAR_RIGHT
    starts = [round(c.bbox[0]) for c in chunks if lo * width <= c.bbox[0] <= hi * width]
    if len(starts) < SIDEBAR_MIN_LINES:
        return None
    edge, count = Counter(starts).most_common(1)[0]
    wide = SIDEBAR_PROSE * width
    prose = [c for c in chunks if c.bbox[2] - c.bbox[0] >= wide and c.bbox[2] <= edge]
    if count < SIDEBAR_MIN_LINES or len(prose) < SIDEBAR_MIN_PROSE:
        return None
    side = [c for c in chunks if c.bbox[2] > edge and c.bbox[2] - c.bbox[0] < wide]
    main = [c for c in chunks if c not in side]
    top, bottom = min(c.bbox[1] for c in side), max(c.bbox[3] for c in side)
    cross = [c for c in main if c.bbox[2] > edge and c.bbox[3] > top and c.bbox[1] < bottom]
    if len(cross) > SIDEBAR_MAX_CROSS:
        return None
    side_lines = words_to_lines(w for c in side for w in c.words)
    if not any(is_chrome_line(x.text) or is_tail_marker(x.text) for x in side_lines):
        return None
    return words_to_lines(w for c in main for w in c.words), side_lines


def _in_table(line: Line, table: TablePart) -> bool:
    """Given a line and a table, return whether the line's words lie in the table."""
    x0, top, x1, bottom = line.bbox
    cy = (top + bottom) / 2
    return table.bbox[1] <= cy <= table.bbox[3] and x1 > table.bbox[0] and x0 < table.bbox[2]


def pages_to_blocks(pages: Sequence[PageContent], path: str) -> tuple[Block, ...]:
    """Given the pages of a document, return its blocks in reading order."""
    raw = [words_to_lines(p.words) for p in pages]
    printed = any(BROWSER_LINE.match(x.text) for page_lines in raw for x in page_lines)
    lines = drop_running_lines(pages, raw)
    # the header is on the first page that holds text (a blank page may come before it)
    first = next((i for i, ls in enumerate(lines) if ls), 0)
    parts = [
        page_parts(p, ls, first=i == first)
        for i, (p, ls) in enumerate(zip(pages, lines, strict=True))
    ]
    width = max((p.width for p in pages), default=1.0)
    blocks = parts_to_blocks(mark_continuations(join_page_tables(parts, width)), path)
    if printed or any(_is_sidebar(p) for page in parts for p in page):  # a printed web page
        return tuple(keep_article(blocks))
    return tuple(until_tail(blocks))  # an office suite's print of a page has no browser lines


def _is_sidebar(part: Part) -> bool:
    """Given a part, return whether it is a web page's sidebar (furniture beside the text)."""
    return isinstance(part, TextPart) and part.region is Region.PAGE_HEADER
