"""PDF extractor: pypdfium2 words and ruling edges → the shared layout step; OCR per page.

The chain: bytes → document (typed errors) → pages up to ``Limits.max_pages`` → per page
either text-layer words (``textlayer``) and vector rules, or (no usable text, an image on the
page) an OCR'd page → ``layout.pages_to_blocks`` → Document. pypdfium2 reads text with boxes
about ten times faster than pdfminer, and its path objects give the ruling lines of tables,
so pdfplumber's table finder is not needed on the hot path.
"""

from __future__ import annotations

import ctypes
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from parscore.extractors import layout
from parscore.extractors.errors import ErrorCode, InputError
from parscore.extractors.header import holds_mark
from parscore.extractors.limits import Limits
from parscore.extractors.model import (
    BBox,
    Block,
    BlockKind,
    Document,
    Provenance,
    Region,
    SourceInfo,
)
from parscore.extractors.pagemodel import (
    Edge,
    Frame,
    Line,
    PageContent,
    Word,
    nfc,
    words_to_lines,
)
from parscore.extractors.textlayer import text_words
from parscore.normalizers.labels import data_table
from parscore.normalizers.text import bare_key

EOF_TAIL = 2048  # a complete PDF ends with "%%EOF" within its last bytes
MIN_TEXT_CHARS = 20  # fewer letters or digits than this: the page has no usable text layer
MAX_GARBAGE = 0.3  # above this share of unmappable characters, the text layer is unusable
MAX_STAMP_CHARS = 300  # a text layer of a scan this short may be only a signature stamp
SCAN_SHARE = 0.5  # an image over at least this share of the page makes the page a scan
#: An invisible text layer over a scan is another tool's OCR; Vietnamese prose has about a
#: third of its letters toned, a layer read without Vietnamese ("CONG HOA XA HOI") almost
#: none: below this share of toned letters the layer is not trusted and the page is OCR'd.
MIN_TONED_SHARE = 0.12
INVISIBLE_SHARE = 0.9  # at least this share of text objects invisible: an OCR layer
#: A picture on a text page's first page that may be its header block pasted in as an image
#: (a scanned letterhead): at least this share of the page's width, ending within its upper
#: part, at least this share of its height tall.
PICTURE_WIDTH = 0.4
PICTURE_BOTTOM = 0.5
PICTURE_HEIGHT = 0.04
AXIS_TOL = 1.0  # a segment within this many points of an axis is a ruling line
THIN_FILL = 3.0  # a filled rectangle thinner than this is drawn as a ruling line
_ENCRYPTED = (pdfium_c.FPDF_ERR_PASSWORD, pdfium_c.FPDF_ERR_SECURITY)
MAX_FORM_DEPTH = 4  # form XObjects nested deeper than this are not searched for rules
Matrix = tuple[float, float, float, float, float, float]  # a b c d e f, as PDF writes it
IDENTITY: Matrix = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)
Point = tuple[int, float, float, bool]  # segment type, x, y, closes the subpath
PathObj = tuple[ctypes.c_void_p, Matrix]


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


def on_page(words: list[Word], height: float) -> list[Word]:
    """Given a page's text-layer words, return those a reader sees: a word that begins off the
    page's left edge (an office suite's HTML export lays a sidebar partly outside the page) or
    lies wholly above or below the page goes; words running off the right edge stay (a wide
    article's line ends)."""
    return [w for w in words if w.bbox[0] >= -1.0 and w.bbox[3] > 0.0 and w.bbox[1] < height]


#: Characters no font maps to text: the replacement mark, private-use glyphs, control codes.
_GARBAGE = re.compile("[\ufffd\ue000-\uf8ff\x00-\x1f]")


def usable(words: list[Word]) -> bool:
    """Given a page's text-layer words, return whether they are real text worth reading."""
    chars = "".join([w.text for w in words])
    good = sum(map(str.isalnum, chars))
    garbage = len(_GARBAGE.findall(chars))
    return good >= MIN_TEXT_CHARS and garbage <= MAX_GARBAGE * len(chars)


def image_share(page: pdfium.PdfPage) -> float:
    """Given a page, return the largest share of its area one image object covers."""
    width, height = page.get_size()
    best = 0.0
    for obj in page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_IMAGE], max_depth=2):
        left, bottom, right, top = obj.get_bounds()
        best = max(best, max(0.0, right - left) * max(0.0, top - bottom))
    return best / (width * height) if width > 0 and height > 0 else 0.0


def stamp_only(words: Sequence[Word], page: pdfium.PdfPage) -> bool:
    """Given a page's text-layer words, return whether they are only a digital-signature
    stamp drawn over a scanned page ("Ký bởi: … Thời gian ký: 09/08/2024 15:02:44"): signing
    software, or a copy saved after signing, writes the stamp's text into the page itself,
    and the page is still a scan to be read by OCR. The stamp is its lines that name a
    signer or a signing time with the lines that touch them; the rest must hold fewer than
    ``MIN_TEXT_CHARS`` letters or digits."""
    text = " ".join(w.text for w in words)
    if sum(map(str.isalnum, text)) > MAX_STAMP_CHARS or not is_signature_stamp(text):
        return False
    if image_share(page) < SCAN_SHARE:
        return False
    lines = words_to_lines(words)
    stamp = [ln for ln in lines if is_signature_stamp(ln.text)]
    while near := [ln for ln in lines if ln not in stamp and any(_touch(ln, s) for s in stamp)]:
        stamp += near
    rest = "".join(ln.text for ln in lines if ln not in stamp)
    return sum(map(str.isalnum, rest)) < MIN_TEXT_CHARS


def foreign_ocr_layer(words: Sequence[Word], page: pdfium.PdfPage) -> bool:
    """Given a page's text-layer words, return whether they are an OCR layer written by
    another tool that did not read Vietnamese: invisible text over a page-sized image whose
    letters are almost never toned ("HOI DONG NHAN DAN", "Nghé An, ngay 10 thdng 7"). Such
    a page is read by OCR again; a layer that reads Vietnamese is kept as text."""
    letters = [ch for w in words for ch in w.text if ch.isalpha()]
    if not letters or sum(ch > "\x7f" for ch in letters) >= MIN_TONED_SHARE * len(letters):
        return False
    if image_share(page) < SCAN_SHARE:
        return False
    modes = [int(pdfium_c.FPDFTextObj_GetTextRenderMode(obj.raw))
             for obj in page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_TEXT], max_depth=2)]
    invisible = sum(m == int(pdfium_c.FPDF_TEXTRENDERMODE_INVISIBLE) for m in modes)
    return bool(invisible >= INVISIBLE_SHARE * len(modes))


def picture_header(
    page: pdfium.PdfPage, words: Sequence[Word], path: str, limits: Limits
) -> list[Word]:
    """Given a text page's first page and its words, return the words OCR reads in a picture
    near its top that holds the header block (issuer, number, place and date pasted in as an
    image over a typed body): a wide picture that no text covers, on a page whose text has
    none of the header's marks. Else nothing."""
    width, height = page.get_size()
    if page.get_rotation() % 360:
        return []
    for obj in page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_IMAGE], max_depth=2):
        left, bottom, right, top = obj.get_bounds()
        box = (max(left, 0.0), max(height - top, 0.0), min(right, width),
               min(height - bottom, height))
        wide = box[2] - box[0] >= PICTURE_WIDTH * width
        placed = box[3] <= PICTURE_BOTTOM * height and box[3] - box[1] >= PICTURE_HEIGHT * height
        if wide and placed and not any(_inside(w, box) for w in words):
            if holds_mark([ln.text for ln in words_to_lines(list(words))]):
                return []
            from parscore.extractors import ocr  # numpy and Pillow: imported for pictures only

            return ocr.ocr_box(page, box, 1, path, limits)
    return []


def _touch(line: Line, other: Line) -> bool:
    """Given two lines, return whether they overlap across and stand at most a line's
    height apart down the page (two lines of one box)."""
    gap = max(other.bbox[1] - line.bbox[3], line.bbox[1] - other.bbox[3])
    across = min(line.bbox[2], other.bbox[2]) > max(line.bbox[0], other.bbox[0])
    return across and gap <= min(line.height, other.height)


# --------------------------------------------------------------------------- annotations

_CLOCK = re.compile(r"\b\d{1,2}:\d{2}:\d{2}\b")  # a signing time: "10:21:11"


def annotation_rects(page: pdfium.PdfPage, frame: Frame) -> list[BBox]:
    """Given a page, return the boxes (as shown) of its annotations, form fields included."""
    rect, boxes = pdfium_c.FS_RECTF(), []
    for i in range(pdfium_c.FPDFPage_GetAnnotCount(page.raw)):
        annot = pdfium_c.FPDFPage_GetAnnot(page.raw, i)
        if annot and pdfium_c.FPDFAnnot_GetRect(annot, rect):
            boxes.append(frame.box(rect.left, rect.bottom, rect.right, rect.top))
        pdfium_c.FPDFPage_CloseAnnot(annot)
    return boxes


def _inside(word: Word, box: BBox) -> bool:
    """Given a word and a box, return whether the word's centre lies in the box."""
    x, y = (word.bbox[0] + word.bbox[2]) / 2, word.centre_y
    return box[0] <= x <= box[2] and box[1] <= y <= box[3]


def is_signature_stamp(text: str) -> bool:
    """Given an annotation's text, return whether it is a digital-signature stamp (who signed
    and when), not document text such as a number or day filled in at signing."""
    key = bare_key(text)
    cues = data_table("decree30")["signature_stamp"]
    return bool(_CLOCK.search(text)) or any(cue in key for cue in cues)


def kept_annotation_words(added: Sequence[Word], boxes: Sequence[BBox]) -> list[Word]:
    """Given the words annotations draw and the annotations' boxes, return those of the
    annotations that are not signature stamps (a number or day written into a field)."""
    kept = []
    for box in boxes:
        inside = [w for w in added if _inside(w, box)]
        if inside and not is_signature_stamp(" ".join(w.text for w in inside)):
            kept += inside
    return kept


def with_annotations(pdf: pdfium.PdfDocument, index: int, words: list[Word]) -> list[Word]:
    """Given a text page's words, return them with the text its annotations show (signing
    software writes the number and the day into form fields), stamps left out."""
    flattened = _flattened_words(pdf, index)
    if flattened is None:
        return words
    flat, boxes = flattened
    seen = {(w.text, tuple(round(v) for v in w.bbox)) for w in words}
    added = [w for w in flat if (w.text, tuple(round(v) for v in w.bbox)) not in seen]
    return words + kept_annotation_words(added, boxes)


def signature_stamps(data: bytes, indices: Sequence[int], path: str) -> tuple[Block, ...]:
    """Given PDF bytes, return the digital-signature stamps the pages at ``indices`` show
    (who signed and when: "Ký bởi: Ủy ban nhân dân tỉnh X … Thời gian ký: 15/01/2025 …"),
    one block each, out of the page's text (region PAGE_FOOTER): a scan's text layer often
    holds nothing else, and a hand-written day is checked against them. Read from a copy of
    the document whose annotated pages are flattened (the one being read is left as is)."""
    if not indices:
        return ()
    pdf = open_pdf(data, path)
    out: list[Block] = []
    try:
        for index in indices:
            if (flattened := _flattened_words(pdf, index)) is not None:
                out += _stamps_on(index, *flattened, path)
    except pdfium.PdfiumError:
        pass  # the stamps are a help to the header, never a reason to refuse the file
    finally:
        pdf.close()
    return tuple(out)


def _flattened_words(
    pdf: pdfium.PdfDocument, index: int
) -> tuple[list[Word], list[BBox]] | None:
    """Given a document and a page index, flatten the page's annotations into it and return
    the page's words with the annotations' boxes; None when it has none to flatten."""
    page = pdf[index]
    try:
        size = page.get_size()  # as shown, after /Rotate
        frame = Frame.of(size, page.get_rotation())
        boxes = annotation_rects(page, frame)
        if not boxes or pdfium_c.FPDFPage_Flatten(page.raw, pdfium_c.FLAT_NORMALDISPLAY) != 1:
            return None
    finally:
        page.close()
    page = pdf[index]
    try:
        textpage = page.get_textpage()
        words = on_page(text_words(textpage, frame), size[1])
        textpage.close()
    finally:
        page.close()
    return words, boxes


def _stamp_block(index: int, words: Sequence[Word], path: str) -> tuple[Block, ...]:
    """Given the words of a signature stamp written into a scanned page, return it as one
    block out of the page's text (region PAGE_FOOTER), as ``signature_stamps`` reads them."""
    box = (min(w.bbox[0] for w in words), min(w.bbox[1] for w in words),
           max(w.bbox[2] for w in words), max(w.bbox[3] for w in words))
    prov = Provenance(path=path, page=index + 1, bbox=box)
    text = nfc(" ".join(w.text for w in words))
    return (Block(kind=BlockKind.PARAGRAPH, text=text, region=Region.PAGE_FOOTER, prov=prov),)


def _stamps_on(index: int, words: list[Word], boxes: list[BBox], path: str) -> list[Block]:
    """Given a flattened page's words and its annotations' boxes, return its signature
    stamps."""
    out = []
    for box in boxes:
        text = " ".join(w.text for w in words if _inside(w, box))
        if text and is_signature_stamp(text):
            prov = Provenance(path=path, page=index + 1, bbox=box)
            out.append(Block(kind=BlockKind.PARAGRAPH, text=nfc(text),
                             region=Region.PAGE_FOOTER, prov=prov))
    return out


# --------------------------------------------------------------------------- ruling edges


def _matrix(obj: ctypes.c_void_p) -> Matrix:
    """Given a raw page object, return its own matrix."""
    m = pdfium_c.FS_MATRIX()
    pdfium_c.FPDFPageObj_GetMatrix(obj, m)
    return (m.a, m.b, m.c, m.d, m.e, m.f)


def _then(inner: Matrix, outer: Matrix) -> Matrix:
    """Given a matrix and the one of the form around it, return the two applied in turn."""
    a, b, c, d, e, f = inner
    oa, ob, oc, od, oe, of = outer
    return (
        a * oa + b * oc, a * ob + b * od,
        c * oa + d * oc, c * ob + d * od,
        e * oa + f * oc + oe, e * ob + f * od + of,
    )  # fmt: skip


def _apply(m: Matrix, x: float, y: float) -> tuple[float, float]:
    """Given a matrix and a point, return the point transformed."""
    return m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]


def _path_points(obj: ctypes.c_void_p, matrix: Matrix) -> list[Point]:
    """Given a raw path object and its full matrix, return its segments as
    (type, x, y, closes) in page space."""
    x, y = ctypes.c_float(), ctypes.c_float()
    points = []
    for i in range(pdfium_c.FPDFPath_CountSegments(obj)):
        segment = pdfium_c.FPDFPath_GetPathSegment(obj, i)
        pdfium_c.FPDFPathSegment_GetPoint(segment, x, y)
        px, py = _apply(matrix, x.value, y.value)
        kind = pdfium_c.FPDFPathSegment_GetType(segment)
        points.append((kind, px, py, bool(pdfium_c.FPDFPathSegment_GetClose(segment))))
    return points


def _stroked_edges(points: list[Point], frame: Frame) -> list[Edge]:
    """Given path points, return the axis-aligned straight segments as edges (as shown)."""
    edges: list[Edge] = []
    start = prev = None
    for kind, x, y, closes in points:
        here = frame.point(x, y)
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


def _thin_fill_edge(points: list[Point], frame: Frame) -> list[Edge]:
    """Given a filled path's points, return it as a ruling edge (as shown) if it is a thin bar."""
    if not points:
        return []
    shown = [frame.point(x, y) for _, x, y, _ in points]
    xs, ys = [p[0] for p in shown], [p[1] for p in shown]
    x0, y0, x1, y1 = min(xs), min(ys), max(xs), max(ys)
    if x1 - x0 <= THIN_FILL < y1 - y0:
        x = (x0 + x1) / 2
        return [Edge(x0=x, y0=y0, x1=x, y1=y1)]
    if y1 - y0 <= THIN_FILL < x1 - x0:
        y = (y0 + y1) / 2
        return [Edge(x0=x0, y0=y, x1=x1, y1=y)]
    return []


def _paths(objects: list[ctypes.c_void_p], outer: Matrix, depth: int) -> Iterator[PathObj]:
    """Given raw page objects and the matrix around them, yield their path objects with full
    matrices, also those inside form XObjects (a page placed as a form keeps its rules)."""
    for obj in objects:
        kind = pdfium_c.FPDFPageObj_GetType(obj)
        if kind == pdfium_c.FPDF_PAGEOBJ_PATH:
            yield obj, _then(_matrix(obj), outer)
        elif kind == pdfium_c.FPDF_PAGEOBJ_FORM and depth < MAX_FORM_DEPTH:
            count = pdfium_c.FPDFFormObj_CountObjects(obj)
            inner = [pdfium_c.FPDFFormObj_GetObject(obj, i) for i in range(count)]
            yield from _paths(inner, _then(_matrix(obj), outer), depth + 1)


class TooManyObjects(Exception):
    """A page holds more drawing objects than the limit (read_page names the page)."""


def page_edges(page: pdfium.PdfPage, frame: Frame, max_objects: int) -> list[Edge]:
    """Given a page, return the ruling lines its path objects draw, as shown; raise
    TooManyObjects past ``max_objects`` path objects, form XObjects' included."""
    fill, stroke = ctypes.c_int(), ctypes.c_int()
    count = pdfium_c.FPDFPage_CountObjects(page.raw)
    if count > max_objects:
        raise TooManyObjects(count)
    top = [pdfium_c.FPDFPage_GetObject(page.raw, i) for i in range(count)]
    edges: list[Edge] = []
    for seen, (obj, matrix) in enumerate(_paths(top, IDENTITY, 0), start=1):
        if seen > max_objects:
            raise TooManyObjects(seen)
        pdfium_c.FPDFPath_GetDrawMode(obj, fill, stroke)
        points = _path_points(obj, matrix)
        if stroke.value:
            edges += _stroked_edges(points, frame)
        elif fill.value:
            edges += _thin_fill_edge(points, frame)
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


@dataclass(frozen=True, slots=True)
class PageRead:
    """One page as read: its content, whether OCR read it, whether it holds annotations (a
    form field filled in at signing, a signature stamp: only such pages are flattened)."""

    content: PageContent
    ocr: bool
    annotated: bool
    stamps: tuple[Block, ...] = ()  # signature stamps written into a scanned page's text


def read_page(pdf: pdfium.PdfDocument, index: int, source: SourceInfo, limits: Limits) -> PageRead:
    """Given a document and a page index, return the page as read."""
    page = pdf[index]
    try:
        width, height = page.get_size()  # as shown, after /Rotate
        frame = Frame.of((width, height), page.get_rotation())
        annotated = pdfium_c.FPDFPage_GetAnnotCount(page.raw) > 0
        textpage = page.get_textpage()
        words = on_page(text_words(textpage, frame), height)
        textpage.close()
        stamped = stamp_only(words, page) if words else False
        trusted = usable(words) and not stamped and not foreign_ocr_layer(words, page)
        if trusted or not has_images(page):
            edges = tuple(_fix_edge(e) for e in checked_edges(page, frame, index, source, limits))
            words = with_annotations(pdf, index, words) if annotated else words
            if index == 0 and limits.ocr:
                words = words + picture_header(page, words, source.path, limits)
            content = PageContent(
                number=index + 1, width=width, height=height, words=tuple(words), edges=edges
            )
            return PageRead(content, ocr=False, annotated=annotated)
        if not limits.ocr:
            raise InputError(ErrorCode.NO_TEXT_LAYER, source.path, f"page {index + 1} is an image")
        from parscore.extractors import ocr  # numpy and Pillow: imported for scans only

        stamps = _stamp_block(index, words, source.path) if stamped else ()
        return PageRead(ocr.ocr_page(page, index + 1, source.path, limits), True, annotated, stamps)
    finally:
        page.close()


def checked_edges(
    page: pdfium.PdfPage, frame: Frame, index: int, source: SourceInfo, limits: Limits
) -> list[Edge]:
    """Given a page, return its ruling lines, or raise too-large naming the page."""
    try:
        return page_edges(page, frame, limits.max_page_objects)
    except TooManyObjects as err:
        detail = f"page {index + 1} holds more than {limits.max_page_objects:,} drawing objects"
        raise InputError(ErrorCode.TOO_LARGE, source.path, detail) from err


def read_pages(
    pdf: pdfium.PdfDocument, count: int, source: SourceInfo, limits: Limits
) -> list[PageRead]:
    """Given a document, return its first ``count`` pages as read."""
    pages = []
    for index in range(count):
        try:
            pages.append(read_page(pdf, index, source, limits))
        except pdfium.PdfiumError as err:
            detail = f"page {index + 1}: {err}"
            raise InputError(ErrorCode.CORRUPT_FILE, source.path, detail) from err
    return pages


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
        pages = read_pages(pdf, read, source, limits)
    finally:
        pdf.close()
    n_ocr = sum(p.ocr for p in pages)
    annotated = [i for i, p in enumerate(pages) if p.annotated]
    blocks = layout.pages_to_blocks([p.content for p in pages], source.path) + signature_stamps(
        data, annotated, source.path) + tuple(b for p in pages for b in p.stamps)
    fmt = "pdf-ocr" if n_ocr else "pdf"
    return Document(
        source=replace(source, format=fmt, pages=total),
        blocks=blocks,
        warnings=_warnings(total, read, n_ocr),
    )
