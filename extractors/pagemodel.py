"""Records and tolerances of the page layout step (``extractors.layout``).

Words, ruling edges, a page's content, lines, chunks and the text and table parts a page is
cut into. Coordinates are PDF points with the origin at the top-left corner of the page.
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from bisect import insort
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, TypeVar

from parscore.extractors.model import BBox, Cell, Region

if TYPE_CHECKING:
    import numpy as np

#: A coordinate, or an array of them (the text layer's characters at once).
Coordinate = TypeVar("Coordinate", float, "np.ndarray")

# --- tolerances (points, or multiples of a line's height "h") ---
SNAP = 3.0  # ruling edges closer than this are one edge; cover checks allow this slack
MIN_EDGE = 6.0  # shorter ruling segments are ignored (glyph parts, dots)
CHUNK_GAP_H = 1.5  # a gap wider than this many line heights splits a line into chunks
SAME_LINE_H = 0.5  # a word overlapping a line by this share of the lower height joins it
CONT_GAP_H = 0.35  # a table line this close below the previous one continues its row
PARA_PITCH = 1.2  # a line pitch this much above the median starts a paragraph
INDENT_H = 0.8  # a first-line indent of this many heights starts a paragraph
SHORT_LINE_H = 3.0  # a line ending this far before the right edge ends its paragraph …
SPACE_H = 0.5  # … when the next line's first word and a space this wide would have fitted
CENTRED_H = 1.0  # a line whose centre is this close to the body's centre is centred
TITLE_CENTRED_H = 2.5  # a title is centred by eye (scans, tabs): this close counts
MARGIN_BAND = 51.0  # 18 mm: Decree 30 margins are ≥ 20 mm, so text here is page furniture
REPEAT_BAND = 0.12  # share of the page height searched for repeated running lines
REPEAT_SIMILARITY = 0.8  # running lines on two pages at least this similar are one line
#: The body's centre (a title is centred on it) is read from prose lines wider than this
#: share of the page, when there are at least MIN_PROSE_LINES of them.
PROSE_LINE = 0.6
MIN_PROSE_LINES = 4
TITLE_ZONE = 0.45  # the Decree 30 title ("THÔNG BÁO") is in this top share of page 1
MIN_TABLE_ROWS = 3  # a borderless table has at least this many multi-chunk lines
JOIN_COL_TOL = 0.03  # column edges of two table parts agree within this share of the width


@dataclass(frozen=True, slots=True)
class Frame:
    """How a PDF page's own space (origin bottom-left, before its /Rotate) maps onto the page
    as shown (origin top-left, after /Rotate), the coordinates of every layout step.

    A landscape table is often stored as a portrait page with its content turned and
    ``/Rotate 90``: read in the page's own space its lines would run down the page.
    """

    rotation: int  # /Rotate: clockwise degrees, 0, 90, 180 or 270
    width: float  # of the page's own space (before /Rotate)
    height: float

    @classmethod
    def of(cls, shown: tuple[float, float], rotation: int) -> Frame:
        """Given a page's size as shown and its /Rotate, return its frame."""
        rotation %= 360
        width, height = shown
        if rotation in (90, 270):
            return cls(rotation, height, width)
        return cls(rotation, width, height)

    def point(self, x: Coordinate, y: Coordinate) -> tuple[Coordinate, Coordinate]:
        """Given a point in the page's own space (or arrays of points), return it as shown."""
        if self.rotation == 90:
            return y, x
        if self.rotation == 180:
            return self.width - x, y
        if self.rotation == 270:
            return self.height - y, self.width - x
        return x, self.height - y

    def box(self, left: float, bottom: float, right: float, top: float) -> BBox:
        """Given a box in the page's own space, return it as shown (x0, top, x1, bottom)."""
        (ax, ay), (bx, by) = self.point(left, bottom), self.point(right, top)
        return (min(ax, bx), min(ay, by), max(ax, bx), max(ay, by))


BULLET = re.compile(r"^([-–—•+*▪●○◦])\s*(?=\S)")
#: A browser's print header or footer line: "12/7/26, 11:44 AM  <title>" at the top,
#: "file:///… 1/3" or "https://… 1/3" at the bottom (Chromium, Firefox, Edge print them).
BROWSER_LINE = re.compile(
    r"^\s*(?:\d{1,2}/\d{1,2}/\d{2,4},?\s+\d{1,2}:\d{2}(?:\s*[AP]M)?\b"
    r"|(?:file|https?)://\S+(?:\s+\d{1,4}\s*/\s*\d{1,4}\s*$)?)",
    re.I,
)
#: A margin line that touches the body (gap to the nearest body line at most this many of
#: its heights, overlapping it across) is body text set with narrow margins, not furniture.
FLOWS_GAP_H = 1.0
#: … or one whose top is at most this many of the page's usual line pitches from a body
#: line's top (wide line spacing), the pitch read from at least MIN_GAPS pairs of lines.
FLOWS_PITCH = 1.2
#: A margin line whose row body lines beside it share over more than this share of its height
#: is body text (the issuer level with the motto on a scan cropped close to the text).
BESIDE_SHARE = 0.5
MIN_GAPS = 5
#: A printed web page's sidebar (extractors.layout.sidebar_split): the main column's edge
#: within these shares of the page width, at most SIDEBAR_MAX_CROSS pieces across it, at
#: least SIDEBAR_MIN_LINES pieces before it and SIDEBAR_MIN_PROSE prose lines at it wider
#: than SIDEBAR_PROSE of the page.
SIDEBAR_EDGE = (0.12, 0.4)
SIDEBAR_MAX_CROSS = 2
SIDEBAR_MIN_LINES = 5
SIDEBAR_MIN_PROSE = 3
SIDEBAR_PROSE = 0.45
#: A sidebar right of the prose (extractors.layout.right_sidebar_split) starts within these
#: shares of the page width.
SIDEBAR_RIGHT = (0.55, 0.9)
#: A list item's next line within this many heights of the item's text (after its bullet)
#: hangs under it: the item goes on.
HANG_H = 0.5
PAGE_NUMBER = re.compile(
    r"^\s*(?:trang|page|tr\.)?\s*[-–(]?\s*\d{1,4}\s*(?:(?:/|trên|of)\s*\d{1,4})?\s*[-–)]?\s*$",
    re.I,
)
NUMERIC = re.compile(r"^[\d.,]+%?$")
#: The national motto's words in a line's bare key (either of its two lines, run into other
#: words or not): a Decree 30 header, never a running header.
MOTTO = re.compile(r"\bcong hoa xa hoi chu nghia\b|\bdoc lap\W+tu do\W+hanh phuc\b")
ADDRESSEE_START = re.compile(r"^\s*k[íi]nh\s+g[ửu]i\b", re.I)  # "Kính gửi:" of a letter
SIGNATURE_START = re.compile(r"^\s*n[ơo]i\s+nh[ậa]n\b", re.I)


@dataclass(frozen=True, slots=True, kw_only=True)
class Word:
    """One word with its box (x0, top, x1, bottom) in points, top-left origin."""

    text: str
    bbox: BBox
    font: str = field(default="", compare=False)
    conf: float = field(default=100.0, compare=False)  # OCR confidence (0-100); text layer: 100

    @property
    def height(self) -> float:
        return self.bbox[3] - self.bbox[1]

    @property
    def centre_y(self) -> float:
        return (self.bbox[1] + self.bbox[3]) / 2


@dataclass(frozen=True, slots=True, kw_only=True)
class Edge:
    """A ruling line: horizontal when y0 == y1, vertical when x0 == x1."""

    x0: float
    y0: float
    x1: float
    y1: float

    @property
    def horizontal(self) -> bool:
        return abs(self.y1 - self.y0) <= abs(self.x1 - self.x0)


@dataclass(frozen=True, slots=True, kw_only=True)
class PageContent:
    """What an extractor read from one page: words and ruling edges."""

    number: int  # 1-based
    width: float
    height: float
    words: tuple[Word, ...]
    edges: tuple[Edge, ...] = ()


@dataclass(frozen=True, slots=True, kw_only=True)
class Chunk:
    """Words of one line with no wide gap between them; its box and text are derived once."""

    words: tuple[Word, ...]
    bbox: BBox = field(init=False, repr=False, compare=False)
    text: str = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "bbox", union_bbox([w.bbox for w in self.words]))
        object.__setattr__(self, "text", " ".join([w.text for w in self.words]))


@dataclass(frozen=True, slots=True, kw_only=True)
class Line:
    """Chunks sharing a baseline, left to right; its box, text and height are derived once
    (every layout step asks for them, many times)."""

    chunks: tuple[Chunk, ...]
    bbox: BBox = field(init=False, repr=False, compare=False)
    text: str = field(init=False, repr=False, compare=False)
    height: float = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "bbox", union_bbox([c.bbox for c in self.chunks]))
        object.__setattr__(self, "text", " ".join([c.text for c in self.chunks]))
        words = [w for c in self.chunks for w in c.words]
        object.__setattr__(self, "height", median_height(words))


@dataclass(frozen=True, slots=True, kw_only=True)
class TextPart:
    """Lines to become paragraphs; ``per_line`` makes each line its own paragraph."""

    page: int
    lines: tuple[Line, ...]
    region: Region = Region.BODY
    per_line: bool = False
    continues: bool = False  # its first line goes on with the paragraph ending the page before

    @property
    def top(self) -> float:
        return self.lines[0].bbox[1]


@dataclass(frozen=True, slots=True, kw_only=True)
class TablePart:
    """A table found on one page: cells with spans and the x of its column edges."""

    page: int
    cells: tuple[Cell, ...]
    bbox: BBox
    col_edges: tuple[float, ...]

    @property
    def top(self) -> float:
        return self.bbox[1]


Part = TextPart | TablePart


# --------------------------------------------------------------------------- helpers


def union_bbox(boxes: Iterable[BBox]) -> BBox:
    """Given boxes, return the smallest box holding them all."""
    x0s, tops, x1s, bottoms = zip(*boxes, strict=True)
    return (min(x0s), min(tops), max(x1s), max(bottoms))


def nfc(text: str) -> str:
    """Given text, return it in Unicode NFC with runs of whitespace made one space."""
    return " ".join(unicodedata.normalize("NFC", text).split())


def _cluster(values: Iterable[float], tol: float) -> list[float]:
    """Given numbers, return the means of groups whose neighbours are within tol."""
    groups: list[list[float]] = []
    for value in sorted(values):
        if groups and value - groups[-1][-1] <= tol:
            groups[-1].append(value)
        else:
            groups.append([value])
    return [sum(g) / len(g) for g in groups]


# --------------------------------------------------------------------------- words → lines


def words_to_lines(words: Iterable[Word]) -> list[Line]:
    """Given words, return lines top to bottom, each split into chunks at wide gaps."""
    return [Line(chunks=_split_chunks(sorted(r, key=_left))) for r in words_to_rows(words)]


def words_to_rows(words: Iterable[Word]) -> list[list[Word]]:
    """Given words, return them in rows top to bottom: taken by their centres, a word joins
    the row above when it overlaps the median top and bottom of the row's words."""
    rows: list[list[Word]] = []
    tops: list[float] = []  # of the last row's words, kept sorted for their median
    bottoms: list[float] = []
    row_top = row_bottom = 0.0  # their medians
    for word in sorted(words, key=_centre_y):
        _, top, _, bottom = word.bbox
        if rows and _overlaps(row_top, row_bottom, top, bottom):
            rows[-1].append(word)
            insort(tops, top)
            insort(bottoms, bottom)
            row_top, row_bottom = median_of_sorted(tops), median_of_sorted(bottoms)
        else:
            rows.append([word])
            tops, bottoms, row_top, row_bottom = [top], [bottom], top, bottom
    return rows


def _centre_y(word: Word) -> float:
    return (word.bbox[1] + word.bbox[3]) / 2


def _left(word: Word) -> float:
    return word.bbox[0]


def _overlaps(row_top: float, row_bottom: float, top: float, bottom: float) -> bool:
    """Given a row's top and bottom and a word's, return whether the word overlaps the row by
    ``SAME_LINE_H`` of the lower of the two heights."""
    overlap = min(row_bottom, bottom) - max(row_top, top)
    return overlap > SAME_LINE_H * min(row_bottom - row_top, bottom - top)


def median_of_sorted(values: Sequence[float]) -> float:
    """Given sorted numbers, return their median (as ``statistics.median`` gives it)."""
    middle = len(values) // 2
    if len(values) % 2:
        return values[middle]
    return (values[middle - 1] + values[middle]) / 2


def median_height(words: Iterable[Word]) -> float:
    """Given words, return the median of their heights."""
    return median_of_sorted(sorted([w.bbox[3] - w.bbox[1] for w in words]))


def _split_chunks(words: list[Word]) -> tuple[Chunk, ...]:
    """Given the words of a line left to right, return them grouped at wide gaps."""
    gap = CHUNK_GAP_H * median_height(words)
    groups = [[words[0]]]
    for prev, word in itertools.pairwise(words):
        if word.bbox[0] - prev.bbox[2] > gap:
            groups.append([word])
        else:
            groups[-1].append(word)
    return tuple(Chunk(words=tuple(g)) for g in groups)
