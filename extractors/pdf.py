"""PDF extractor: pypdfium2 words and ruling edges → the shared layout step; OCR per page.

The chain: bytes → document (typed errors) → pages up to ``Limits.max_pages`` → per page
either text-layer words and vector rules, or (no usable text, an image on the page) an OCR'd
page → ``layout.pages_to_blocks`` → Document. pypdfium2 reads text with boxes about ten
times faster than pdfminer, and its path objects give the ruling lines of tables, so
pdfplumber's table finder is not needed on the hot path.
"""

from __future__ import annotations

import ctypes
from dataclasses import replace

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from extractors import layout, ocr
from extractors.limits import Limits
from extractors.model import BBox, Document, SourceInfo
from extractors.pagemodel import Edge, PageContent, Word, union_bbox
from pipeline.errors import ErrorCode, InputError

EOF_TAIL = 2048  # a complete PDF ends with "%%EOF" within its last bytes
MIN_TEXT_CHARS = 20  # fewer letters or digits than this: the page has no usable text layer
MAX_GARBAGE = 0.3  # above this share of unmappable characters, the text layer is unusable
WORD_GAP = 0.25  # a gap wider than this share of the char height splits a word
AXIS_TOL = 1.0  # a segment within this many points of an axis is a ruling line
THIN_FILL = 3.0  # a filled rectangle thinner than this is drawn as a ruling line
FONT_NAME_BUFFER = 128
_ENCRYPTED = (pdfium_c.FPDF_ERR_PASSWORD, pdfium_c.FPDF_ERR_SECURITY)


def open_pdf(data: bytes, path: str) -> pdfium.PdfDocument:
    """Given PDF bytes, return the open document or raise a typed InputError."""
    if b"%%EOF" not in data[-EOF_TAIL:]:
        raise InputError(ErrorCode.CORRUPT_FILE, path, "truncated PDF: no %%EOF at its end")
    try:
        return pdfium.PdfDocument(data)
    except pdfium.PdfiumError as err:
        code = ErrorCode.ENCRYPTED_PDF if err.err_code in _ENCRYPTED else ErrorCode.CORRUPT_FILE
        raise InputError(code, path, str(err)) from err


# --------------------------------------------------------------------------- text layer


def _char_boxes(textpage: pdfium.PdfTextPage, n: int, height: float) -> list[BBox]:
    """Given a text page, return every character's loose box, top-left origin."""
    rect = pdfium_c.FS_RECTF()
    boxes = []
    for i in range(n):
        pdfium_c.FPDFText_GetLooseCharBox(textpage.raw, i, rect)
        boxes.append((rect.left, height - rect.top, rect.right, height - rect.bottom))
    return boxes


def _char_text(textpage: pdfium.PdfTextPage, n: int) -> str:
    """Given a text page, return its characters, one per index."""
    text = str(textpage.get_text_range(0, n))
    if len(text) == n:
        return text
    return "".join(chr(pdfium_c.FPDFText_GetUnicode(textpage.raw, i)) for i in range(n))


def _font_name(textpage: pdfium.PdfTextPage, index: int) -> str:
    """Given a text page and a character index, return its font name (subset tag removed)."""
    buffer = ctypes.create_string_buffer(FONT_NAME_BUFFER)
    flags = ctypes.c_int()
    size = pdfium_c.FPDFText_GetFontInfo(textpage.raw, index, buffer, FONT_NAME_BUFFER, flags)
    name = buffer.raw[: max(size - 1, 0)].decode("utf-8", "replace")
    return name.split("+", 1)[1] if len(name) > 7 and name[6] == "+" else name


def _breaks_word(prev: BBox, box: BBox) -> bool:
    """Given the boxes of two consecutive characters, return whether a word ends between them."""
    height = max(prev[3] - prev[1], box[3] - box[1], 1.0)
    same_line = abs((prev[1] + prev[3]) - (box[1] + box[3])) / 2 < 0.5 * height
    return not same_line or box[0] - prev[2] > WORD_GAP * height or box[2] < prev[0]


def text_words(textpage: pdfium.PdfTextPage, height: float) -> list[Word]:
    """Given a text page, return its words with boxes and font names."""
    n = textpage.count_chars()
    text, boxes = _char_text(textpage, n), _char_boxes(textpage, n, height)
    spans: list[list[int]] = []
    for i, ch in enumerate(text):
        if ch.isspace() or ch in "\ufffe\x00":
            spans.append([])
        elif spans and spans[-1] and not _breaks_word(boxes[spans[-1][-1]], boxes[i]):
            spans[-1].append(i)
        else:
            spans.append([i])
    return [
        Word(
            text="".join(text[i] for i in s),
            bbox=union_bbox(boxes[i] for i in s),
            font=_font_name(textpage, s[0]),
        )
        for s in spans
        if s
    ]


def usable(words: list[Word]) -> bool:
    """Given a page's text-layer words, return whether they are real text worth reading."""
    chars = "".join(w.text for w in words)
    good = sum(ch.isalnum() for ch in chars)
    garbage = sum(ch == "\ufffd" or 0xE000 <= ord(ch) <= 0xF8FF or ord(ch) < 32 for ch in chars)
    return good >= MIN_TEXT_CHARS and garbage <= MAX_GARBAGE * len(chars)


# --------------------------------------------------------------------------- ruling edges


def _path_points(obj: pdfium.PdfObject) -> list[tuple[int, float, float, bool]]:
    """Given a path object, return its segments as (type, x, y, closes) in page space."""
    matrix = pdfium_c.FS_MATRIX()
    pdfium_c.FPDFPageObj_GetMatrix(obj.raw, matrix)
    x, y = ctypes.c_float(), ctypes.c_float()
    points = []
    for i in range(pdfium_c.FPDFPath_CountSegments(obj.raw)):
        segment = pdfium_c.FPDFPath_GetPathSegment(obj.raw, i)
        pdfium_c.FPDFPathSegment_GetPoint(segment, x, y)
        px = matrix.a * x.value + matrix.c * y.value + matrix.e
        py = matrix.b * x.value + matrix.d * y.value + matrix.f
        kind = pdfium_c.FPDFPathSegment_GetType(segment)
        points.append((kind, px, py, bool(pdfium_c.FPDFPathSegment_GetClose(segment))))
    return points


def _stroked_edges(points: list[tuple[int, float, float, bool]], height: float) -> list[Edge]:
    """Given path points, return the axis-aligned straight segments as edges (top-left origin)."""
    edges: list[Edge] = []
    start = prev = None
    for kind, x, y, closes in points:
        here = (x, height - y)
        if kind == pdfium_c.FPDF_SEGMENT_LINETO and prev is not None:
            edges += _axis_edge(prev, here)
        if kind == pdfium_c.FPDF_SEGMENT_MOVETO:
            start = here
        if closes and start is not None:
            edges += _axis_edge(here, start)
        prev = here
    return edges


def _axis_edge(a: tuple[float, float], b: tuple[float, float]) -> list[Edge]:
    """Given two points, return the edge between them when it is horizontal or vertical."""
    if abs(a[0] - b[0]) > AXIS_TOL and abs(a[1] - b[1]) > AXIS_TOL:
        return []
    return [Edge(x0=min(a[0], b[0]), y0=min(a[1], b[1]), x1=max(a[0], b[0]), y1=max(a[1], b[1]))]


def _thin_fill_edge(obj: pdfium.PdfObject, height: float) -> list[Edge]:
    """Given a filled path, return it as a ruling edge when it is a thin bar."""
    left, bottom, right, top = obj.get_bounds()
    if right - left <= THIN_FILL < top - bottom:
        x = (left + right) / 2
        return [Edge(x0=x, y0=height - top, x1=x, y1=height - bottom)]
    if top - bottom <= THIN_FILL < right - left:
        y = height - (top + bottom) / 2
        return [Edge(x0=left, y0=y, x1=right, y1=y)]
    return []


def page_edges(page: pdfium.PdfPage, height: float) -> list[Edge]:
    """Given a page, return the ruling lines drawn by its top-level path objects."""
    fill, stroke = ctypes.c_int(), ctypes.c_int()
    edges: list[Edge] = []
    for obj in page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_PATH], max_depth=0):
        pdfium_c.FPDFPath_GetDrawMode(obj.raw, fill, stroke)
        if stroke.value:
            edges += _stroked_edges(_path_points(obj), height)
        elif fill.value:
            edges += _thin_fill_edge(obj, height)
    return edges


def _fix_edge(edge: Edge) -> Edge:
    """Given an edge from a stroked segment, return it flattened onto its axis."""
    if edge.horizontal:
        y = (edge.y0 + edge.y1) / 2
        return replace(edge, y0=y, y1=y)
    x = (edge.x0 + edge.x1) / 2
    return replace(edge, x0=x, x1=x)


def has_images(page: pdfium.PdfPage) -> bool:
    """Given a page, return whether it holds an image object (a scan)."""
    return any(True for _ in page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_IMAGE], max_depth=2))


# --------------------------------------------------------------------------- pages


def read_page(
    pdf: pdfium.PdfDocument, index: int, source: SourceInfo, limits: Limits
) -> tuple[PageContent, bool]:
    """Given a document and a page index, return the page's content and whether it was OCR'd."""
    page = pdf[index]
    try:
        width, height = page.get_size()
        textpage = page.get_textpage()
        words = text_words(textpage, height)
        textpage.close()
        if usable(words) or not has_images(page):
            edges = tuple(_fix_edge(e) for e in page_edges(page, height))
            return PageContent(
                number=index + 1, width=width, height=height, words=tuple(words), edges=edges
            ), False
        if not limits.ocr:
            raise InputError(ErrorCode.NO_TEXT_LAYER, source.path, f"page {index + 1} is an image")
        return ocr.ocr_page(page, index + 1, source.path, limits), True
    finally:
        page.close()


def read_pages(
    pdf: pdfium.PdfDocument, count: int, source: SourceInfo, limits: Limits
) -> tuple[list[PageContent], int]:
    """Given a document, return its first ``count`` pages and how many of them were OCR'd."""
    pages, n_ocr = [], 0
    for index in range(count):
        try:
            page, was_ocr = read_page(pdf, index, source, limits)
        except pdfium.PdfiumError as err:
            detail = f"page {index + 1}: {err}"
            raise InputError(ErrorCode.CORRUPT_FILE, source.path, detail) from err
        pages.append(page)
        n_ocr += was_ocr
    return pages, n_ocr


def _warnings(total: int, read: int, n_ocr: int) -> tuple[str, ...]:
    """Given page counts, return the warnings a reader of the Document should see."""
    out = []
    if read < total:
        out.append(f"read {read} of {total} pages (Limits.max_pages)")
    if n_ocr and n_ocr < read:
        out.append(f"{n_ocr} of {read} pages were read by OCR")
    return tuple(out)


def extract(data: bytes, source: SourceInfo, limits: Limits) -> Document:
    """Given PDF bytes, return the Document (format "pdf-ocr" when any page was OCR'd)."""
    pdf = open_pdf(data, source.path)
    try:
        total = len(pdf)
        read = min(total, limits.max_pages)
        pages, n_ocr = read_pages(pdf, read, source, limits)
    finally:
        pdf.close()
    blocks = layout.pages_to_blocks(pages, source.path)
    fmt = "pdf-ocr" if n_ocr else "pdf"
    return Document(
        source=replace(source, format=fmt, pages=total),
        blocks=blocks,
        warnings=_warnings(total, read, n_ocr),
    )
