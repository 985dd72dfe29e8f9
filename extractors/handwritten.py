"""Fields of a scanned Decree 30 header that are written in by hand: the number and the day.

    Số: 660 /TB-UBND                Quảng Ngãi, ngày 31 tháng 12 năm 2024
        ^^^ by hand                                  ^^ by hand

A page OCR reads them badly ("6§0", "3|") or, worse, as other digits ("899" for 299) with a
low confidence. Each field (between "Số:" and "/…", between "ngày" and "tháng") is read
again on its own with only digits allowed; a reading Tesseract is sure of replaces it, and a
field read neither way with confidence becomes "?", so that no wrong value reaches the
metadata (nothing is better than a wrong number).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from PIL import Image

from parscore.extractors import tesseract
from parscore.extractors.limits import Limits
from parscore.extractors.pagemodel import Word, union_bbox
from parscore.normalizers.text import bare_key

KEEP_CONF = 85.0  # digits the page OCR is at least this sure of are kept as read
REREAD_CONF = 90.0  # a digits-only reading at least this sure replaces the field
SEARCH = 4  # words after a label searched for the end of its field
PAD_H = 0.5  # the crop reaches this many word heights above and below (handwriting overhangs)
#: A label's own width in heights: its box may run over the field (a glued or overlapping
#: hand-written value), so the field starts no later than this.
LABEL_WIDTH_H = {"so": 1.3, "ngay": 2.0}
UNREADABLE = "?"


@dataclass(frozen=True, slots=True)
class FieldSpan:
    """A hand-written field: the label word, the words after it, and the word ending it."""

    label: int  # index of "Số:" / "ngày"
    end: int  # index of "/TB-UBND" / "tháng"
    glued: str  # what the label word holds after the label ("04" of "Số:04")
    key: str  # "so" or "ngay"


def find_fields(words: Sequence[Word]) -> list[FieldSpan]:
    """Given a page's words in reading order, return its number and day fields (each once)."""
    found: dict[str, FieldSpan] = {}
    for i, word in enumerate(words):
        key, glued = _label(word.text)
        if key and key not in found and (end := _field_end(words, i, key)) is not None:
            found[key] = FieldSpan(i, end, glued, key)
    return list(found.values())


def _label(text: str) -> tuple[str | None, str]:
    """Given a word, return which label it opens ("so", "ngay") and what follows the label."""
    key = bare_key(text)
    if key.startswith("so:") and len(key) <= 10:
        return "so", text.split(":", 1)[1]
    if key.startswith("ngay") and len(key) <= 10:
        return "ngay", text[4:]
    return None, ""


def _field_end(words: Sequence[Word], i: int, key: str) -> int | None:
    """Given a label's index, return the index of the word that ends its field, or None."""
    for j in range(i + 1, min(i + 1 + SEARCH, len(words))):
        text = words[j].text
        if (key == "so" and text.startswith("/")) or (key == "ngay" and bare_key(text) == "thang"):
            return j
    return None


def field_box(words: Sequence[Word], span: FieldSpan, scale: float) -> tuple[int, int, int, int]:
    """Given the words and a field, return the pixel box to read it in again."""
    label, end = words[span.label], words[span.end]
    height = label.height
    # a label read apart ends at its own box (its colon there: a mark the digits model can
    # only misread); one with the field glued on is cut at the label's usual width
    x0 = label.bbox[2] if not span.glued else label.bbox[0] + LABEL_WIDTH_H[span.key] * height
    top = min(label.bbox[1], end.bbox[1]) - PAD_H * height
    bottom = max(label.bbox[3], end.bbox[3]) + PAD_H * height
    box = (x0, top, end.bbox[0], bottom)
    return (
        round(box[0] / scale),
        round(box[1] / scale),
        round(box[2] / scale),
        round(box[3] / scale),
    )


def _read_as_is(words: Sequence[Word], span: FieldSpan) -> bool:
    """Given a field, return whether the page OCR read it as sure digits."""
    inner = words[span.label + 1 : span.end]
    text = span.glued + "".join(w.text for w in inner)
    confs = [w.conf for w in inner] or [words[span.label].conf]
    return text.isdigit() and min(confs) >= KEEP_CONF


def settle_fields(
    words: list[Word],
    image: Image.Image,
    scale: float,
    reader: tesseract.Engine,
    path: str,
    limits: Limits,
) -> list[Word]:
    """Given a page's words (in points), its image and the OCR engine, return the words with
    its number and day fields read again, or made "?" when no reading is sure."""
    for span in reversed(find_fields(words)):
        if _read_as_is(words, span):
            continue
        box = field_box(words, span, scale)
        digits, conf = ("", 0.0)
        if box[2] - box[0] > 2 and box[3] - box[1] > 2:
            digits, conf = tesseract.read_digits(reader, image.crop(box), path, limits)
        value = digits if digits.isdigit() and conf >= REREAD_CONF else UNREADABLE
        if value == UNREADABLE and span.key == "ngay" and digits.isdigit():
            value += digits  # "?5": unreadable, the unsure digits kept as a clue, never a value
        words[span.label : span.end] = _replaced(words, span, value, scale, box)
    return words


def _replaced(
    words: Sequence[Word], span: FieldSpan, value: str, scale: float, box: tuple[int, int, int, int]
) -> list[Word]:
    """Given a field and its value, return its label (without glued text) and the value."""
    label = words[span.label]
    text = label.text[: len(label.text) - len(span.glued)] if span.glued else label.text
    points = (box[0] * scale, label.bbox[1], box[2] * scale, label.bbox[3])
    inner = [w.bbox for w in words[span.label + 1 : span.end]] or [points]
    value_box = union_bbox([points, *inner]) if value != UNREADABLE else points
    return [Word(text=text, bbox=label.bbox), Word(text=value, bbox=value_box, conf=0.0)]
