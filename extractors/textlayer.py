"""A PDF page's text layer → words with boxes (as shown) and font names, read with pypdfium2.

The chain, page by page::

    characters (one call) → runs between separators → loose boxes of their characters
    (one call each, into one array) → word starts (array arithmetic) → words

A word ends at a separator (whitespace, pdfium's markers) and where the next character's box
breaks it: another line, a gap wider than ``WORD_GAP`` of the height, or a step back. The
boxes are pdfium's single-precision floats; every comparison runs on them as doubles, the
same arithmetic a character-by-character loop in Python would do, so the words are the same.
"""

from __future__ import annotations

import ctypes
import re
from typing import Any

import numpy as np
import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from parscore.extractors.pagemodel import Frame, Word

WORD_GAP = 0.25  # a gap wider than this share of the char height splits a word
FONT_NAME_BUFFER = 128
#: A character between words: whitespace (``\s`` of a str pattern is ``str.isspace``) and
#: pdfium's markers (\ufffe, \x00).
SEPARATOR = re.compile(r"[\s\ufffe\x00]")
#: pdfium's mark of a line-end hyphen, right after a letter or digit.
_LINE_END_HYPHEN = re.compile(r"(?<=\w)\ufffe")
#: Punctuation that trails a word, as code points.
TRAILING = np.array([ord(c) for c in ",.;:!?)]}”’%…"], np.uint32)
Boxes = tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]  # x0, top, x1, bottom as shown


def _plain(function: Any, argtypes: tuple[Any, ...], restype: Any) -> Any:
    """Given a pdfium function, return it called with plain integers for its pointers: the
    same function and calling convention, without ctypes building a pointer object for each
    argument and result (a third of the cost of a call made once per character)."""
    plain = type(function)(ctypes.cast(function, ctypes.c_void_p).value)
    plain.argtypes, plain.restype = argtypes, restype
    return plain


_ADDRESS, _INT = ctypes.c_void_p, ctypes.c_int
_LOOSE_BOX = _plain(pdfium_c.FPDFText_GetLooseCharBox, (_ADDRESS, _INT, _ADDRESS), _INT)
_TEXT_OBJECT = _plain(pdfium_c.FPDFText_GetTextObject, (_ADDRESS, _INT), _ADDRESS)


def page_text(textpage: pdfium.PdfTextPage) -> str:
    """Given a text page, return its characters, one per index; pdfium's mark of a hyphen that
    ends a line inside a word (U+FFFE: "02/HD" at a line's end, "SNV" on the next) is the
    hyphen it stands for, kept on its word (the layout joins the compound again)."""
    n = textpage.count_chars()
    text = str(textpage.get_text_range(0, n))
    if len(text) != n:
        text = "".join(chr(pdfium_c.FPDFText_GetUnicode(textpage.raw, i)) for i in range(n))
    return _LINE_END_HYPHEN.sub("-", text)


def trailing_marks(text: str, indices: np.ndarray) -> np.ndarray:
    """Given a page's characters and the indices of those kept, return which of them are
    punctuation that trails a word."""
    marks = np.frombuffer(text.encode("utf-32-le", "surrogatepass"), np.uint32)
    return np.isin(marks[indices], TRAILING)


def char_indices(text: str) -> np.ndarray:
    """Given a page's characters, return the indices of those that are not separators."""
    marked = SEPARATOR.sub("\x00", text)  # every separator a NUL, itself one
    codes = np.frombuffer(marked.encode("utf-32-le", "surrogatepass"), np.uint32)
    return np.flatnonzero(codes)


def char_boxes(textpage: pdfium.PdfTextPage, indices: np.ndarray, frame: Frame) -> Boxes:
    """Given a text page and character indices, return their loose boxes as shown."""
    rects = (pdfium_c.FS_RECTF * len(indices))()
    page, base = ctypes.cast(textpage.raw, ctypes.c_void_p).value, ctypes.addressof(rects)
    step = ctypes.sizeof(pdfium_c.FS_RECTF)
    for k, i in enumerate(indices.tolist()):
        _LOOSE_BOX(page, i, base + k * step)
    left, top, right, bottom = np.frombuffer(rects, np.float32).reshape(-1, 4).T.astype(float)
    if frame.rotation == 0:  # nearly every page
        return left, frame.height - top, right, frame.height - bottom
    (ax, ay), (bx, by) = frame.point(left, bottom), frame.point(right, top)
    return np.minimum(ax, bx), np.minimum(ay, by), np.maximum(ax, bx), np.maximum(ay, by)


def word_starts(indices: np.ndarray, boxes: Boxes, trailing: np.ndarray) -> np.ndarray:
    """Given the characters' indices and boxes, and which characters are trailing
    punctuation, return the positions (in them) where a word starts: after a separator, or
    where the box breaks from the one before.

    A mark that trails a word (",", ".", ";", ")") stays on its line whenever its box
    overlaps the one before it: where a font gives pdfium no ascent, a loose box is the
    glyph's own, and a comma's sits below the letters' middle."""
    x0, top, x1, bottom = boxes
    height = np.maximum(np.maximum((bottom - top)[:-1], (bottom - top)[1:]), 1.0)
    middle = np.abs((top[:-1] + bottom[:-1]) - (top[1:] + bottom[1:])) / 2
    overlap = (top[1:] < bottom[:-1]) & (top[:-1] < bottom[1:])
    breaks = (
        (indices[1:] != indices[:-1] + 1)
        | ~((middle < 0.5 * height) | (overlap & trailing[1:]))
        | (x0[1:] - x1[:-1] > WORD_GAP * height)
        | (x1[1:] < x0[:-1])
    )
    return np.flatnonzero(np.concatenate(([len(indices) > 0], breaks)))


class FontNames:
    """The font names of a text page's characters: asked of pdfium once per text object
    (each character knows the object that draws it, and an object has one font), read
    through one buffer, and a name's bytes decoded once."""

    def __init__(self, textpage: pdfium.PdfTextPage) -> None:
        self.raw = textpage.raw
        self.address = ctypes.cast(textpage.raw, ctypes.c_void_p).value
        self.buffer = ctypes.create_string_buffer(FONT_NAME_BUFFER)
        self.flags = ctypes.c_int()
        self.by_object: dict[int, str] = {}
        self.names: dict[bytes, str] = {}

    def of_words(self, starts: list[int]) -> list[str]:
        """Given the indices of words' first characters, return each word's font name (the
        objects drawing them asked for in one loop, a name read once per object)."""
        address, by_object, names = self.address, self.by_object, []
        for index in starts:
            name = by_object.get(_TEXT_OBJECT(address, index) or 0)
            names.append(self.at(index) if name is None else name)
        return names

    def at(self, index: int) -> str:
        """Given a character index, return its font name (subset tag removed)."""
        obj = _TEXT_OBJECT(self.address, index)
        if obj is None:  # a character pdfium made up (no object draws it)
            return self.read(index)
        if (name := self.by_object.get(obj)) is None:
            name = self.by_object[obj] = self.read(index)
        return name

    def read(self, index: int) -> str:
        """Given a character index, return its font name as pdfium gives it."""
        size = pdfium_c.FPDFText_GetFontInfo(
            self.raw, index, self.buffer, FONT_NAME_BUFFER, self.flags)
        raw = self.buffer.raw[: max(size - 1, 0)]
        if (name := self.names.get(raw)) is None:
            name = self.names[raw] = font_name(raw)
        return name


def font_name(raw: bytes) -> str:
    """Given a font name's bytes as pdfium gives them, return it without its subset tag."""
    name = raw.decode("utf-8", "replace")
    return name.split("+", 1)[1] if len(name) > 7 and name[6] == "+" else name


def word_boxes(boxes: Boxes, starts: np.ndarray) -> list[tuple[float, float, float, float]]:
    """Given the characters' boxes and where words start, return each word's box: the union
    of its characters' boxes."""
    if not len(starts):
        return []
    lo, hi = np.minimum.reduceat, np.maximum.reduceat
    x0, top, x1, bottom = boxes
    columns = (lo(x0, starts), lo(top, starts), hi(x1, starts), hi(bottom, starts))
    return list(zip(*(c.tolist() for c in columns), strict=True))


def text_words(textpage: pdfium.PdfTextPage, frame: Frame) -> list[Word]:
    """Given a text page, return its words with boxes (as shown) and font names."""
    text = page_text(textpage)
    indices = char_indices(text)
    boxes = char_boxes(textpage, indices, frame)
    starts = word_starts(indices, boxes, trailing_marks(text, indices))
    first = indices[starts].tolist()
    last = np.append(indices[starts[1:] - 1], indices[-1:]).tolist()  # a word's last character
    fonts = FontNames(textpage).of_words(first)
    return [
        Word(text=text[a : b + 1], bbox=box, font=font)
        for a, b, box, font in zip(first, last, word_boxes(boxes, starts), fonts, strict=True)
    ]
