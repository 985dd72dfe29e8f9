"""ODT extractor: OpenDocument text read straight from content.xml (and styles.xml).

Vietnam's state bodies are asked to exchange documents in ODF, so a notice may come as the
ODT LibreOffice or another suite saved. The body (``office:text``) is read in order:

- ``text:p`` a paragraph, ``text:h`` a heading (its outline level); a line break inside
  one is kept as a line break for the header layout and is a space elsewhere;
- ``text:list`` items as list items with the marker the list style prints ("1.", "a)",
  "-" for a bullet, "1.2." for a level shown with its parents), counted as a suite counts
  them: per list, nested levels restarting, ``text:start-value`` and continued numbering
  (``text:continue-numbering``, ``text:continue-list``) kept;
- ``table:table`` a table of cells with their spans (``extractors.celltables``: a small
  table before any body text that holds the Decree 30 header's marks is the header's
  layout, read as its lines, as a DOCX's layout table is);
- sections, text boxes and index bodies read where they stand; deleted text of tracked
  changes, notes, annotations and drawings' titles left out;
- the master pages' headers and footers (styles.xml) as running PAGE_HEADER/PAGE_FOOTER
  lines, each distinct line once.

Legacy fonts are left to the document-wide detection of ``extractors.repair_legacy``.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace

from lxml import etree

from parscore.extractors import celltables, listnumbers, zipsafe
from parscore.extractors.errors import ErrorCode, InputError
from parscore.extractors.limits import Limits
from parscore.extractors.model import (
    Block,
    BlockKind,
    Cell,
    Document,
    Provenance,
    Region,
    SourceInfo,
)
from parscore.extractors.ods import OFFICE, TABLE, TEXT, count_attr, open_package, table_rows
from parscore.normalizers.text import clean

STYLE = "urn:oasis:names:tc:opendocument:xmlns:style:1.0"
STYLES = "styles.xml"
BULLET_MARKER = listnumbers.BULLET_MARKER  # as the DOCX reader writes a bullet
#: style:num-format values and the numFmt names ``listnumbers`` prints.
ODF_FORMATS = {"a": "lowerLetter", "A": "upperLetter", "i": "lowerRoman", "I": "upperRoman"}
#: Elements whose text is not the document's (deleted text, notes, comments, alt texts).
SKIPPED = frozenset({
    f"{{{TEXT}}}tracked-changes", f"{{{TEXT}}}note", f"{{{OFFICE}}}annotation",
    f"{{{TEXT}}}sequence-decls", "{urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0}title",
    "{urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0}desc", f"{{{TEXT}}}number",
})  # fmt: skip
#: Elements read through: their children are the body's (sections, boxes, index bodies).
CONTAINERS = frozenset({
    f"{{{TEXT}}}section", f"{{{TEXT}}}index-body", f"{{{TEXT}}}table-of-content",
    f"{{{TEXT}}}alphabetical-index", f"{{{TEXT}}}illustration-index", f"{{{TEXT}}}table-index",
    f"{{{TEXT}}}user-index", f"{{{TEXT}}}object-index", f"{{{TEXT}}}bibliography",
    f"{{{TEXT}}}soft-page-break",
})  # fmt: skip
DRAW = "urn:oasis:names:tc:opendocument:xmlns:drawing:1.0"
#: Drawn objects that hold paragraphs: a frame's text box, a shape with text.
BOXES = tuple(f"{{{DRAW}}}{name}" for name in ("text-box", "custom-shape", "rect", "ellipse"))


def q(namespace: str, tag: str) -> str:
    """Given a namespace and a local name, return the qualified name."""
    return f"{{{namespace}}}{tag}"


# --------------------------------------------------------------------------- list styles


@dataclass(frozen=True, slots=True)
class Level:
    """How one level of a list style prints its marker."""

    bullet: bool
    fmt: str = "1"  # style:num-format: "1", "a", "A", "i", "I", "" (no number)
    prefix: str = ""
    suffix: str = ""
    display: int = 1  # text:display-levels: this level and its parents shown
    start: int = 1


def list_styles(roots: list[etree._Element]) -> dict[str, dict[int, Level]]:
    """Given content.xml and styles.xml, return each list style's levels by number."""
    styles: dict[str, dict[int, Level]] = {}
    for root in roots:
        for style in root.iter(q(TEXT, "list-style")):
            levels = {}
            for element in style:
                level = _level(element)
                if level is not None:
                    levels[count_attr(element, "level", TEXT)] = level
            styles[style.get(q(STYLE, "name"), "")] = levels
    return styles


def _level(element: etree._Element) -> Level | None:
    """Given a list-level-style element, return its Level (None for other children)."""
    if element.tag == q(TEXT, "list-level-style-bullet"):
        return Level(bullet=True)
    if element.tag != q(TEXT, "list-level-style-number"):
        return None
    return Level(
        bullet=False,
        fmt=element.get(q(STYLE, "num-format"), "1"),
        prefix=element.get(q(STYLE, "num-prefix"), ""),
        suffix=element.get(q(STYLE, "num-suffix"), ""),
        display=count_attr(element, "display-levels", TEXT),
        start=count_attr(element, "start-value", TEXT),
    )


def format_number(value: int, fmt: str) -> str:
    """Given a counter and a num-format, return the counter as the suite prints it."""
    return listnumbers.format_number(value, ODF_FORMATS.get(fmt, "decimal")) if fmt else ""


# --------------------------------------------------------------------------- body


@dataclass(slots=True)
class Reader:
    """The walk of a body: its list styles, list counters and the blocks so far."""

    styles: dict[str, dict[int, Level]]
    path: str
    blocks: list[Block] = field(default_factory=list)
    counters: dict[str, list[int]] = field(default_factory=dict)  # list style → per level
    started: bool = False  # body text has come (a table after it is no header layout)

    def prov(self) -> Provenance:
        return Provenance(path=self.path, block=len(self.blocks))

    def add(self, kind: BlockKind, text: str, *, level: int | None = None,
            marker: str | None = None, region: Region = Region.BODY) -> None:
        """Given a block's kind and text, add it when the text is not blank."""
        cleaned = clean(text)
        if cleaned:
            self.started = self.started or region is Region.BODY
            self.blocks.append(Block(kind=kind, text=cleaned, level=level, marker=marker,
                                     region=region, prov=self.prov()))

    def walk(self, container: Iterable[etree._Element]) -> None:
        """Given a body, section or cell (or a list of elements), read its children."""
        for child in container:
            self.read(child)

    def read(self, child: etree._Element) -> None:
        """Given one element of a body, read it where it stands."""
        tag = child.tag
        if tag == q(TEXT, "p") and (boxes := text_boxes(child)):
            self.add(BlockKind.PARAGRAPH, paragraph_text(child, boxes=False))
            for box in boxes:  # a header laid out in boxes reads as its lines
                self.walk(box)
        elif tag == q(TEXT, "p"):
            self.add(BlockKind.PARAGRAPH, paragraph_text(child))
        elif tag == q(TEXT, "h"):
            self.add(BlockKind.HEADING, paragraph_text(child),
                     level=count_attr(child, "outline-level", TEXT))
        elif tag == q(TEXT, "list"):
            self.read_list(child, child.get(q(TEXT, "style-name"), ""), 1)
        elif tag == q(TABLE, "table"):
            self.read_table(child)
        elif tag in CONTAINERS:
            self.walk(child)

    def read_list(self, element: etree._Element, style: str, depth: int) -> None:
        """Given a text:list, its style (a nested list keeps its parent's) and its depth,
        read its items with their markers."""
        style = element.get(q(TEXT, "style-name"), style)
        counters = self.counters.setdefault(style, [])
        continued = element.get(q(TEXT, "continue-numbering")) == "true" or element.get(
            q(TEXT, "continue-list"))
        if depth == 1 and not continued:
            counters.clear()
        for item in element:
            if item.tag == q(TEXT, "list-item"):
                self.read_item(item, style, depth, counters)
            elif item.tag == q(TEXT, "list-header"):
                self.walk(item)

    def read_item(self, item: etree._Element, style: str, depth: int,
                  counters: list[int]) -> None:
        """Given a text:list-item, read its first paragraph as a list item with its marker,
        the rest (paragraphs, nested lists) as they come."""
        level = self.styles.get(style, {}).get(depth, Level(bullet=False))
        del counters[depth:]
        while len(counters) < depth:
            counters.append(level.start - 1 if len(counters) == depth - 1 else 0)
        start = item.get(q(TEXT, "start-value"))
        counters[depth - 1] = int(start) if start and start.isdigit() else counters[depth - 1] + 1
        marker = self.marker(style, depth, counters, item)
        first = True
        for child in item:
            if first and child.tag in (q(TEXT, "p"), q(TEXT, "h")):
                self.add(BlockKind.LIST_ITEM, paragraph_text(child), level=depth - 1,
                         marker=marker)
                first = False
            elif child.tag == q(TEXT, "list"):
                self.read_list(child, style, depth + 1)
            else:
                self.read(child)

    def marker(self, style: str, depth: int, counters: list[int],
               item: etree._Element) -> str:
        """Given a list item's style, depth and counters, return the marker it prints (the
        number the suite cached in ``text:number`` when there is one)."""
        cached = item.find(f"{q(TEXT, 'p')}/{q(TEXT, 'number')}")
        if cached is None:
            cached = item.find(q(TEXT, "number"))
        if cached is not None and (cached.text or "").strip():
            return (cached.text or "").strip()
        levels = self.styles.get(style, {})
        level = levels.get(depth, Level(bullet=False))
        if level.bullet:
            return BULLET_MARKER
        shown = range(max(1, depth - level.display + 1), depth + 1)
        numbers = [format_number(counters[d - 1], levels.get(d, level).fmt) for d in shown]
        return f"{level.prefix}{'.'.join(n for n in numbers if n)}{level.suffix}".strip()

    def read_table(self, table: etree._Element) -> None:
        """Given a table:table, add it as a table, or as header lines when it is the
        Decree 30 header's layout before any body text."""
        rows, cells = table_cells(table)
        if not self.started:
            lead = celltables.header_blocks(rows, self.prov())
            if lead:
                self.blocks.extend(lead)
                return
        if any(cell.text for cell in cells):
            self.blocks.append(Block(kind=BlockKind.TABLE, cells=tuple(cells), prov=self.prov()))
            self.started = True


def paragraph_text(element: etree._Element, *, boxes: bool = True) -> str:
    """Given a text:p or text:h, return its text, a line break as a line break (the text
    boxes anchored in it as lines of their own, or left out without ``boxes``)."""
    return unicodedata.normalize("NFC", "".join(_pieces(element, boxes)))


def text_boxes(paragraph: etree._Element) -> list[etree._Element]:
    """Given a text:p, return the text boxes and shapes holding text anchored in it (a shape
    in a box comes with that box)."""
    found = [e for e in paragraph.iter(*BOXES) if e.find(q(TEXT, "p")) is not None]
    return [e for e in found if not any(a in found for a in e.iterancestors(*BOXES))]


def _pieces(element: etree._Element, boxes: bool = True) -> Iterator[str]:
    """Given a paragraph or a span in it, yield its text pieces in order."""
    yield element.text or ""
    for child in element:
        tag = child.tag
        if not isinstance(tag, str) or tag in SKIPPED or (tag in BOXES and not boxes):
            pass
        elif tag == q(TEXT, "s"):
            yield " " * min(count_attr(child, "c", TEXT), 100)
        elif tag == q(TEXT, "tab"):
            yield " "
        elif tag == q(TEXT, "line-break"):
            yield "\n"
        elif tag in BOXES and child.find(q(TEXT, "p")) is not None:
            yield "\n" + "\n".join(paragraph_text(p) for p in child.iter(q(TEXT, "p"))) + "\n"
        else:
            yield from _pieces(child, boxes)
        yield child.tail or ""


def table_cells(table: etree._Element) -> tuple[list[list[list[str]]], list[Cell]]:
    """Given a table:table, return its rows (each cell the lines of its paragraphs) and its
    cells once each at their grid positions with their spans."""
    rows: list[list[list[str]]] = []
    cells: list[Cell] = []
    for r, row in enumerate(table_rows(table)):
        paras_of_row: list[list[str]] = []
        col = 0
        for cell in row:
            if cell.tag == q(TABLE, "covered-table-cell"):
                col += count_attr(cell, "number-columns-repeated")
                continue
            if cell.tag != q(TABLE, "table-cell"):
                continue
            lines = [
                line
                for p in cell.iter(q(TEXT, "p"), q(TEXT, "h"))
                for line in paragraph_text(p).split("\n")
            ]
            paras_of_row.append(lines)
            text = clean(" ".join(lines))
            if text:
                cells.append(Cell(row=r, col=col, text=text,
                                  rowspan=count_attr(cell, "number-rows-spanned"),
                                  colspan=count_attr(cell, "number-columns-spanned")))
            col += count_attr(cell, "number-columns-repeated") if not text else 1
        rows.append(paras_of_row)
    return rows, cells


def furniture(
    styles: etree._Element | None, path: str
) -> tuple[list[Block], list[Block], list[Block]]:
    """Given styles.xml, return the Decree 30 header laid out in a master page's header
    table (the first one that holds it, as HEADER lines), the master pages' other header
    lines and their footer lines, each distinct line once."""
    if styles is None:
        return [], [], []
    out: dict[Region, list[Block]] = {Region.PAGE_HEADER: [], Region.PAGE_FOOTER: []}
    lead: list[Block] = []
    seen: set[str] = set()
    for page in styles.iter(q(STYLE, "master-page")):
        for part in page:
            name = part.tag.rsplit("}", 1)[-1] if isinstance(part.tag, str) else ""
            if not name.startswith(("header", "footer")):
                continue
            region = Region.PAGE_HEADER if name.startswith("header") else Region.PAGE_FOOTER
            laid_out = header_tables(part, path) if region is Region.PAGE_HEADER else {}
            lead = lead or next(iter(laid_out.values()), [])
            for p in part.iter(q(TEXT, "p"), q(TEXT, "h")):
                if any(a in laid_out for a in p.iterancestors(q(TABLE, "table"))):
                    continue
                text = clean(paragraph_text(p))
                if text and text not in seen:
                    seen.add(text)
                    out[region].append(Block(kind=BlockKind.PARAGRAPH, text=text, region=region,
                                             prov=Provenance(path=path)))
    return lead, out[Region.PAGE_HEADER], out[Region.PAGE_FOOTER]


def header_tables(part: etree._Element, path: str) -> dict[etree._Element, list[Block]]:
    """Given a master page's header, return its tables laid out as a Decree 30 header, each
    with its HEADER lines (``extractors.celltables``), in document order."""
    found = {}
    for table in part.iter(q(TABLE, "table")):
        if lines := celltables.header_blocks(table_cells(table)[0], Provenance(path=path)):
            found[table] = lines
    return found


def extract(data: bytes, source: SourceInfo, limits: Limits) -> Document:
    """Given ODT bytes, return the Document: running headers, body, running footers."""
    archive, root = open_package(data, source.path, limits)
    styles_part = zipsafe.read_part(archive, STYLES, source.path, limits)
    styles = None if styles_part is None else zipsafe.parse_xml(styles_part, STYLES, source.path)
    body = root.find(f"{q(OFFICE, 'body')}/{q(OFFICE, 'text')}")
    if body is None:
        raise InputError(ErrorCode.CORRUPT_FILE, source.path, "no text body in content.xml")
    reader = Reader(styles=list_styles([r for r in (styles, root) if r is not None]),
                    path=source.path)
    reader.walk(body)
    lead, heads, feet = furniture(styles, source.path)
    if any(block.region is Region.HEADER for block in reader.blocks):
        heads = [replace(block, region=Region.PAGE_HEADER) for block in lead] + heads
        lead = []
    return Document(source=source, blocks=(*lead, *heads, *reader.blocks, *feet))
