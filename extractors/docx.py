"""DOCX extractor: WordprocessingML read straight from its XML parts.

The chain: bytes → safe archive (``zipsafe``) → parts (document, styles, numbering, headers,
footers) → body items in order (paragraphs; tables with ``gridSpan``/``vMerge``/``gridBefore``
spans; borderless two-column layout tables read as their cell paragraphs, column by column)
→ list markers rendered from ``numbering.xml`` → blocks. python-docx's API hides spans and
numbering, so the XML is read directly with the hardened parser of ``zipsafe``.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Iterable, Iterator
from copy import deepcopy
from dataclasses import dataclass, field, replace

from lxml import etree

from parscore.extractors import zipsafe
from parscore.extractors.errors import ErrorCode, InputError
from parscore.extractors.header import layout_lines
from parscore.extractors.limits import Limits
from parscore.extractors.listnumbers import Counters, Level
from parscore.extractors.model import (
    MAX_COLSPAN,
    Block,
    BlockKind,
    Cell,
    Document,
    Provenance,
    Region,
    SourceInfo,
)
from parscore.extractors.pagemodel import nfc
from parscore.normalizers.legacy import font_encoding, legacy_to_unicode

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
REL = "http://schemas.openxmlformats.org/package/2006/relationships"
DOCUMENT = "word/document.xml"
MAX_LAYOUT_COLS = 2  # a borderless table this narrow is page layout, not data
HIDDEN_BORDERS = {"nil", "none"}
BORDER_SIDES = ("top", "left", "bottom", "right", "insideH", "insideV")
SKIP = {
    f"{{{W}}}del",
    f"{{{W}}}moveFrom",  # tracked move: the text is read where it moved to (w:moveTo)
    f"{{{W}}}txbxContent",
    f"{{{MC}}}Fallback",
    f"{{{W}}}instrText",
    f"{{{W}}}delText",
    f"{{{W}}}rPr",
    f"{{{W}}}pPr",
}
LINE_BREAKS = {f"{{{W}}}br", f"{{{W}}}cr"}
LINE = "\n"  # what a line break reads as (a space, except in a header's layout cell)
HEADING = re.compile(r"^(?:heading|titre|tiêu đề)\s*(\d)$", re.I)


def w(tag: str) -> str:
    """Given a local name, return its WordprocessingML qualified name."""
    return f"{{{W}}}{tag}"


def wval(element: etree._Element | None, attr: str = "val") -> str | None:
    """Given an element, return its w:val (or another w: attribute), None when absent."""
    return None if element is None else element.get(w(attr))


# --------------------------------------------------------------------------- parts


@dataclass(frozen=True, slots=True, kw_only=True)
class Styles:
    """What the body needs from styles.xml: each style's element, and the default fonts."""

    by_id: dict[str, etree._Element] = field(default_factory=dict)
    default_fonts: tuple[str, ...] = ()

    def chain(self, style_id: str | None) -> Iterator[etree._Element]:
        """Given a style id, yield the style and those it is based on, nearest first."""
        seen: set[str] = set()
        while style_id and style_id in self.by_id and style_id not in seen:
            seen.add(style_id)
            style = self.by_id[style_id]
            yield style
            style_id = wval(style.find(w("basedOn")))


@dataclass(frozen=True, slots=True, kw_only=True)
class Parts:
    """The parsed parts of a Word file."""

    body: etree._Element
    styles: Styles
    levels: dict[str, dict[int, Level]]  # numId → ilvl → level
    headers: tuple[etree._Element, ...] = ()
    footers: tuple[etree._Element, ...] = ()


def _fonts_of(rpr: etree._Element | None) -> tuple[str, ...]:
    """Given a w:rPr, return the font names its w:rFonts names."""
    fonts = None if rpr is None else rpr.find(w("rFonts"))
    if fonts is None:
        return ()
    names = (fonts.get(w(a)) for a in ("ascii", "hAnsi", "cs", "eastAsia"))
    return tuple(dict.fromkeys(n for n in names if n))


def read_styles(root: etree._Element | None) -> Styles:
    """Given styles.xml, return the style index and the document's default fonts."""
    if root is None:
        return Styles()
    by_id = {s.get(w("styleId")): s for s in root.iter(w("style")) if s.get(w("styleId"))}
    default = root.find(f"{w('docDefaults')}/{w('rPrDefault')}/{w('rPr')}")
    return Styles(by_id=by_id, default_fonts=_fonts_of(default))


def _level(lvl: etree._Element) -> Level:
    """Given a w:lvl, return its format, text and start value."""
    start = wval(lvl.find(w("start")))
    return Level(
        fmt=wval(lvl.find(w("numFmt"))) or "decimal",
        text=wval(lvl.find(w("lvlText"))) or "",
        start=int(start) if start and start.lstrip("-").isdigit() else 1,
    )


def read_numbering(root: etree._Element | None) -> dict[str, dict[int, Level]]:
    """Given numbering.xml, return each numId's levels (overrides of start applied)."""
    if root is None:
        return {}
    abstract = {
        a.get(w("abstractNumId")): {
            int(lv.get(w("ilvl"), "0")): _level(lv) for lv in a.iter(w("lvl"))
        }
        for a in root.iter(w("abstractNum"))
    }
    out = {}
    for num in root.iter(w("num")):
        levels = dict(abstract.get(wval(num.find(w("abstractNumId"))), {}))
        for override in num.iter(w("lvlOverride")):
            ilvl, start = int(override.get(w("ilvl"), "0")), wval(override.find(w("startOverride")))
            if ilvl in levels and start and start.isdigit():
                levels[ilvl] = replace(levels[ilvl], start=int(start))
        out[num.get(w("numId"))] = levels
    return out


def _related(
    archive_read: dict[str, etree._Element | None], rels: etree._Element | None, kind: str
) -> tuple[etree._Element, ...]:
    """Given the document's relationships, return the parsed parts of one kind (header/footer)."""
    if rels is None:
        return ()
    targets = (
        r.get("Target", "")
        for r in rels.iter(f"{{{REL}}}Relationship")
        if r.get("Type", "").endswith(f"/{kind}")
    )
    names = (posixpath.normpath(posixpath.join("word", t)) for t in targets)
    return tuple(p for p in (archive_read.get(n) for n in sorted(set(names))) if p is not None)


def read_parts(data: bytes, path: str, limits: Limits) -> Parts:
    """Given DOCX bytes, return its parsed parts or raise a typed InputError."""
    archive = zipsafe.open_archive(data, path, limits)
    names = [n for n in archive.namelist() if n.startswith("word/") and n.endswith(".xml")]
    parsed: dict[str, etree._Element | None] = {}
    for name in names:
        raw = zipsafe.read_part(archive, name, path, limits)
        parsed[name] = None if raw is None else zipsafe.parse_xml(raw, name, path)
    document = parsed.get(DOCUMENT)
    body = None if document is None else document.find(w("body"))
    if body is None:
        raise InputError(ErrorCode.CORRUPT_FILE, path, "no w:body in word/document.xml")
    rels_raw = zipsafe.read_part(archive, "word/_rels/document.xml.rels", path, limits)
    rels = None if rels_raw is None else zipsafe.parse_xml(rels_raw, "document.xml.rels", path)
    return Parts(
        body=body,
        styles=read_styles(parsed.get("word/styles.xml")),
        levels=read_numbering(parsed.get("word/numbering.xml")),
        headers=_related(parsed, rels, "header"),
        footers=_related(parsed, rels, "footer"),
    )


# --------------------------------------------------------------------------- paragraphs


@dataclass(frozen=True, slots=True, kw_only=True)
class Para:
    """A paragraph before list markers are rendered."""

    text: str
    fonts: tuple[str, ...]
    num: tuple[str, int] | None = None  # (numId, ilvl)
    heading: int | None = None
    region: Region = Region.BODY
    joined: bool = False  # its mark is a tracked deletion: it runs on into the next paragraph


@dataclass(frozen=True, slots=True, kw_only=True)
class Table:
    """A data table's cells."""

    cells: tuple[Cell, ...]


Item = Para | Table


def _texts(element: etree._Element, legacy: str | None = None) -> Iterator[str]:
    """Given a paragraph (or part of one), yield its visible text pieces in order.

    A run drawn in a legacy Vietnamese font (.VnTime: TCVN3, VNI-Times: VNI) has its text
    converted to Unicode; `legacy` is the encoding of the paragraph's own font, for runs
    that name none.
    """
    for child in element:
        if not isinstance(child.tag, str) or child.tag in SKIP:
            continue
        if child.tag == w("r"):
            fonts = _fonts_of(child.find(w("rPr")))
            encoding = font_encoding(fonts) if fonts else legacy
            pieces = "".join(_texts(child))
            yield legacy_to_unicode(pieces, encoding, fonts) if encoding else pieces
        elif child.tag == w("t"):
            yield child.text or ""
        elif child.tag == w("tab"):
            yield " "
        elif child.tag in LINE_BREAKS:
            yield LINE
        elif child.tag == w("noBreakHyphen"):
            yield "-"
        else:
            yield from _texts(child)


def _num_pr(p: etree._Element, styles: Styles) -> etree._Element | None:
    """Given a paragraph, return its w:numPr, its own or its style chain's."""
    own = p.find(f"{w('pPr')}/{w('numPr')}")
    if own is not None:
        return own
    style_id = wval(p.find(f"{w('pPr')}/{w('pStyle')}"))
    found = (s.find(f"{w('pPr')}/{w('numPr')}") for s in styles.chain(style_id))
    return next((e for e in found if e is not None), None)


def _numbering(p: etree._Element, styles: Styles) -> tuple[str, int] | None:
    """Given a paragraph, return its (numId, ilvl), None when it is not numbered."""
    num_pr = _num_pr(p, styles)
    num_id = wval(None if num_pr is None else num_pr.find(w("numId")))
    if num_pr is None or not num_id or num_id == "0":
        return None
    ilvl = wval(num_pr.find(w("ilvl")))
    return num_id, int(ilvl) if ilvl and ilvl.isdigit() else 0


def _heading(p: etree._Element, styles: Styles) -> int | None:
    """Given a paragraph, return its heading level from its style name, None for body text."""
    style_id = wval(p.find(f"{w('pPr')}/{w('pStyle')}"))
    for style in styles.chain(style_id):
        name = wval(style.find(w("name"))) or ""
        match = HEADING.match(name)
        if match:
            return int(match.group(1))
        if name.lower() == "title":
            return 1
    return None


def _style_fonts(p: etree._Element, styles: Styles) -> tuple[str, ...]:
    """Given a paragraph, return the fonts its style chain (else the document default) names."""
    style_id = wval(p.find(f"{w('pPr')}/{w('pStyle')}"))
    fonts = [f for s in styles.chain(style_id) for f in _fonts_of(s.find(w("rPr")))]
    return tuple(fonts) or styles.default_fonts


def _paragraph_fonts(p: etree._Element, styles: Styles) -> tuple[str, ...]:
    """Given a paragraph, return the fonts of its runs (style and default fonts as fallback)."""
    fonts = [f for r in p.iter(w("r")) for f in _fonts_of(r.find(w("rPr")))]
    return tuple(dict.fromkeys(fonts or _style_fonts(p, styles)))


def read_paragraph(
    p: etree._Element, styles: Styles, region: Region, *, lines: bool = False
) -> Para:
    """Given a w:p, return its text, fonts, numbering and heading level; its line breaks
    are spaces, or kept as line ends with ``lines``."""
    fonts = _paragraph_fonts(p, styles)
    text = "".join(_texts(p, font_encoding(_style_fonts(p, styles))))
    return Para(
        text=LINE.join(map(nfc, text.split(LINE))) if lines else nfc(text),
        fonts=fonts,
        num=_numbering(p, styles),
        heading=_heading(p, styles),
        region=region,
        joined=p.find(f"{w('pPr')}/{w('rPr')}/{w('del')}") is not None,
    )


# --------------------------------------------------------------------------- tables


def _span(tc: etree._Element) -> int:
    """Given a w:tc, return how many grid columns it spans."""
    value = wval(tc.find(f"{w('tcPr')}/{w('gridSpan')}"))
    return min(max(int(value), 1), MAX_COLSPAN) if value and value.isdigit() else 1


def _vmerge(tc: etree._Element) -> str | None:
    """Given a w:tc, return "restart", "continue" or None (not vertically merged)."""
    merge = tc.find(f"{w('tcPr')}/{w('vMerge')}")
    return None if merge is None else (wval(merge) or "continue")


def _cell_text(tc: etree._Element) -> str:
    """Given a w:tc, return the text of all its paragraphs (nested tables included)."""
    return nfc(" ".join("".join(_texts(p)) for p in tc.iter(w("p"))))


def _row_cells(tr: etree._Element) -> Iterator[etree._Element]:
    """Given a w:tr, yield its cells, looking inside content controls."""
    for child in tr:
        if child.tag == w("tc"):
            yield child
        elif child.tag in (w("sdt"), w("customXml")):
            yield from child.iter(w("tc"))


def _grid_before(tr: etree._Element) -> int:
    """Given a w:tr, return how many grid columns are skipped before its first cell."""
    value = wval(tr.find(f"{w('trPr')}/{w('gridBefore')}"))
    return min(int(value), MAX_COLSPAN) if value and value.isdigit() else 0


def table_cells(tbl: etree._Element) -> tuple[Cell, ...]:
    """Given a w:tbl, return its cells once each, with row and column spans."""
    drafts: dict[tuple[int, int], list[object]] = {}  # origin → [row, col, rowspan, colspan, text]
    owner: dict[tuple[int, int], tuple[int, int]] = {}
    for r, tr in enumerate(tbl.findall(w("tr"))):
        col = _grid_before(tr)
        for tc in _row_cells(tr):
            span, above = _span(tc), owner.get((r - 1, col))
            if _vmerge(tc) == "continue" and above is not None:
                drafts[above][2] = r - above[0] + 1
                origin = above
            else:
                origin = (r, col)
                drafts[origin] = [r, col, 1, span, _cell_text(tc)]
            owner.update({(r, c): origin for c in range(col, col + span)})
            col += span
    return tuple(
        Cell(row=d[0], col=d[1], rowspan=d[2], colspan=d[3], text=d[4])  # type: ignore[arg-type]
        for d in drafts.values()
    )


def _visible(borders: etree._Element | None) -> bool | None:
    """Given a borders element, return whether any side shows (None when it says nothing)."""
    if borders is None:
        return None
    sides = [borders.find(w(s)) for s in BORDER_SIDES]
    stated = [s for s in sides if s is not None]
    if not stated:
        return None
    return any((wval(s) or "single") not in HIDDEN_BORDERS for s in stated)


def _has_borders(tbl: etree._Element, styles: Styles) -> bool:
    """Given a w:tbl, return whether it draws any border (own, style's or a cell's)."""
    if any(_visible(tc_b) for tc_b in tbl.iter(w("tcBorders"))):
        return True
    own = _visible(tbl.find(f"{w('tblPr')}/{w('tblBorders')}"))
    if own is not None:
        return own
    style_id = wval(tbl.find(f"{w('tblPr')}/{w('tblStyle')}"))
    for style in styles.chain(style_id):
        stated = _visible(style.find(f"{w('tblPr')}/{w('tblBorders')}"))
        if stated is not None:
            return stated
    return False


def is_layout_table(tbl: etree._Element, cells: tuple[Cell, ...], styles: Styles) -> bool:
    """Given a table, return whether it only lays text out (borderless and at most 2 columns)."""
    n_cols = max((c.col + c.colspan for c in cells), default=0)
    return n_cols <= MAX_LAYOUT_COLS and not _has_borders(tbl, styles)


def _cell_elements(tbl: etree._Element) -> dict[tuple[int, int], etree._Element]:
    """Given a w:tbl, return its origin cell elements by (row, col); vMerge continuations out."""
    out = {}
    for r, tr in enumerate(tbl.findall(w("tr"))):
        col = _grid_before(tr)
        for tc in _row_cells(tr):
            if _vmerge(tc) != "continue":
                out[(r, col)] = tc
            col += _span(tc)
    return out


def is_header_layout(tbl: etree._Element) -> bool:
    """Given a w:tbl, return whether it is shaped as a Decree 30 header and holds one of its
    marks (``header.layout_lines``), whatever its borders."""
    rows: dict[int, list[list[str]]] = {}
    for (r, _), tc in sorted(_cell_elements(tbl).items()):
        rows.setdefault(r, []).append(["".join(_texts(p)) for p in tc.iter(w("p"))])
    return bool(layout_lines(list(rows.values())))


def layout_items(tbl: etree._Element, styles: Styles, region: Region) -> Iterator[Item]:
    """Given a layout table, yield its cells' content column by column, top to bottom; in
    the header's layout a paragraph's lines ("Số: 12/UBND-NC", a line break, "V/v …") come
    out as paragraphs of their own, as the other readers give them (``header.layout_lines``)."""
    cells = _cell_elements(tbl)
    for _, tc in sorted(cells.items(), key=lambda kv: (kv[0][1], kv[0][0])):
        if region is not Region.HEADER:
            yield from body_items(tc, styles, region)
            continue
        for child in tc:
            if child.tag != w("p"):
                yield from child_items(child, styles, region)
                continue
            para = read_paragraph(child, styles, region, lines=True)
            parts = [line for line in para.text.split(LINE) if line.strip()] or [""]
            yield from (replace(para, text=line) for line in parts)
            for box in text_boxes(child):
                yield from body_items(box, styles, region)


# --------------------------------------------------------------------------- body


def body_items(container: etree._Element, styles: Styles, region: Region) -> Iterator[Item]:
    """Given the body (or a cell, header, footer), yield its paragraphs and tables in order."""
    yield from accepted_joins(
        item for child in container for item in child_items(child, styles, region)
    )


def accepted_joins(items: Iterable[Item]) -> Iterator[Item]:
    """Given items, yield them with each paragraph whose mark is a tracked deletion (an
    editor joined it to the next one: w:pPr/w:rPr/w:del) read joined to the paragraph after
    it, as the accepted text reads; its list number kept."""
    held: Para | None = None
    for item in items:
        if held is not None and isinstance(item, Para):
            text = " ".join(t for t in (held.text, item.text) if t)  # each was trimmed
            item = replace(held, text=text, num=held.num or item.num, joined=item.joined)
            held = None
        elif held is not None:
            yield replace(held, joined=False)
            held = None
        if isinstance(item, Para) and item.joined:
            held = item
        else:
            yield item
    if held is not None:
        yield replace(held, joined=False)


def text_boxes(p: etree._Element) -> Iterator[etree._Element]:
    """Given a w:p, yield the w:txbxContent of the text boxes anchored in it, each once.

    A box is written twice (DrawingML under mc:Choice, VML under mc:Fallback): the fallback
    copy is left out, and so are boxes nested in another box (they come with that box).
    """
    for box in p.iter(w("txbxContent")):
        if next(box.iterancestors(f"{{{MC}}}Fallback", w("p")), None) is p:
            yield box


def child_items(child: etree._Element, styles: Styles, region: Region) -> Iterator[Item]:
    """Given one child of a container, yield the items it holds (a paragraph's text boxes
    follow it, as separate paragraphs)."""
    if child.tag == w("p"):
        yield read_paragraph(child, styles, region)
        for box in text_boxes(child):
            yield from body_items(box, styles, region)
    elif child.tag == w("tbl"):
        yield from _table_items(child, styles, region)
    elif child.tag in (w("sdt"), w("sdtContent"), w("customXml")):
        yield from body_items(child, styles, region)


def _table_items(tbl: etree._Element, styles: Styles, region: Region) -> Iterator[Item]:
    """Given a w:tbl, yield a data Table, or the paragraphs of a layout table (a header's
    table before any body text is one, ruled or not, when it holds the header's marks)."""
    cells = table_cells(tbl)
    if is_layout_table(tbl, cells, styles) or (
        region is Region.HEADER and is_header_layout(tbl)
    ):
        yield from layout_items(tbl, styles, region)
    else:
        yield Table(cells=cells)


def _is_body_text(item: Item) -> bool:
    """Given an item, return whether it is body content (a table, or body text)."""
    return isinstance(item, Table) or bool(item.text and item.region is Region.BODY)


def body_to_items(body: etree._Element, styles: Styles) -> list[Item]:
    """Given w:body, return its items; layout tables before any body text are the header block
    (one wrapped in a content control too)."""
    items: list[Item] = []
    for child in body:
        started = any(_is_body_text(i) for i in items)
        region = Region.BODY if started or not _opens_with_table(child) else Region.HEADER
        items += child_items(child, styles, region)
    return list(accepted_joins(items))


def _opens_with_table(child: etree._Element) -> bool:
    """Given a child of the body, return whether it is a table, or a content control (or
    custom XML element) whose content opens with one."""
    if child.tag == w("tbl"):
        return True
    if child.tag not in (w("sdt"), w("sdtContent"), w("customXml")):
        return False
    inner = child.find(w("sdtContent")) if child.tag == w("sdt") else child
    if inner is None:
        return False
    first = next((c for c in inner if c.tag not in (w("customXmlPr"), w("sdtPr"))), None)
    return first is not None and _opens_with_table(first)


# --------------------------------------------------------------------------- markers


def markers(items: list[Item], numbering: dict[str, dict[int, Level]]) -> list[str | None]:
    """Given items in order, return each numbered paragraph's marker (None for the rest)."""
    counters = Counters()
    out: list[str | None] = []
    for item in items:
        if not isinstance(item, Para) or item.num is None or not item.text:
            out.append(None)
            continue
        num_id, ilvl = item.num
        out.append(counters.next_marker(num_id, numbering.get(num_id, {}), ilvl))
    return out


# --------------------------------------------------------------------------- blocks


def item_to_block(item: Item, marker: str | None, prov: Provenance) -> Block:
    """Given an item and its list marker, return its block."""
    if isinstance(item, Table):
        return Block(kind=BlockKind.TABLE, cells=item.cells, prov=prov)
    if item.num is not None and marker is not None:
        return Block(
            kind=BlockKind.LIST_ITEM,
            text=item.text,
            marker=marker,
            level=item.num[1],
            region=item.region,
            fonts=item.fonts,
            prov=prov,
        )
    kind = BlockKind.HEADING if item.heading is not None else BlockKind.PARAGRAPH
    return Block(
        kind=kind,
        text=item.text,
        level=item.heading,
        region=item.region,
        fonts=item.fonts,
        prov=prov,
    )


def _furniture(parts: tuple[etree._Element, ...], styles: Styles, region: Region) -> list[Item]:
    """Given header or footer parts, return their distinct paragraphs tagged with region."""
    seen: set[str] = set()
    out: list[Item] = []
    for part in parts:
        for item in body_items(part, styles, region):
            text = item.text if isinstance(item, Para) else " ".join(c.text for c in item.cells)
            if text and text not in seen:
                seen.add(text)
                out.append(Para(text=text, fonts=getattr(item, "fonts", ()), region=region))
    return out


def _layout_tables(container: etree._Element) -> Iterator[etree._Element]:
    """Given a header part, yield its top-level tables shaped as a Decree 30 header (inside
    content controls too)."""
    for child in container:
        if child.tag == w("tbl") and is_header_layout(child):
            yield child
        elif child.tag in (w("sdt"), w("sdtContent"), w("customXml")):
            yield from _layout_tables(child)


def running_header_block(
    parts: tuple[etree._Element, ...], styles: Styles
) -> tuple[list[Item], tuple[etree._Element, ...]]:
    """Given the page header parts, return the Decree 30 header kept in one of them (a
    first-page or every-page header holding the issuer | motto table) as HEADER lines, and
    the parts left without that table (their running text). The first such table counts;
    a copy of it in another part (first page and default) is dropped."""
    found: list[Item] = []
    rest: list[etree._Element] = []
    for part in parts:
        tables = list(_layout_tables(part))
        if not tables:
            rest.append(part)
            continue
        if not found:
            found = list(layout_items(tables[0], styles, Region.HEADER))
        copy = deepcopy(part)
        for tbl in list(_layout_tables(copy)):
            tbl.getparent().remove(tbl)
        rest.append(copy)
    return found, tuple(rest)


def extract(data: bytes, source: SourceInfo, limits: Limits) -> Document:
    """Given DOCX bytes, return the Document: running headers, body, running footers."""
    parts = read_parts(data, source.path, limits)
    body = body_to_items(parts.body, parts.styles)
    heads: list[Item] = []
    running = parts.headers
    if not any(isinstance(i, Para) and i.region is Region.HEADER for i in body):
        heads, running = running_header_block(parts.headers, parts.styles)
    items = (
        heads
        + _furniture(running, parts.styles, Region.PAGE_HEADER)
        + body
        + _furniture(parts.footers, parts.styles, Region.PAGE_FOOTER)
    )
    kept = [i for i in items if isinstance(i, Table) or i.text]
    pairs = zip(kept, markers(kept, parts.levels), strict=True)
    blocks = tuple(
        item_to_block(item, marker, Provenance(path=source.path, block=k))
        for k, (item, marker) in enumerate(pairs)
    )
    return Document(source=source, blocks=blocks)
