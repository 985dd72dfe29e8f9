"""Scanned pages turned sideways or upside down with no /Rotate that says so.

Tesseract reads an upside-down page as garbage and a sideways one as vertical lines (right
words, boxes running down the page); both would wreck the layout step. Asking Tesseract's
orientation model about every page would cost about a third of the page's OCR time, so it is
asked only when the first reading looks turned: most of its words are not Vietnamese
syllables, or most of its longer words are taller than wide.
"""

from __future__ import annotations

from collections.abc import Sequence

from parscore.extractors.pagemodel import Word
from parscore.normalizers.syllables import is_syllable
from parscore.normalizers.text import WORD_EDGES

MIN_WORDS = 20  # fewer lettered words than this: too little text to judge
MIN_SYLLABLES = 0.5  # share of lettered words that read as syllables on an upright page
MIN_TALL = 0.5  # share of words of 3+ letters taller than wide on a sideways page


def _lettered(words: Sequence[Word]) -> list[Word]:
    """Given words, return those with at least two letters."""
    return [w for w in words if sum(ch.isalpha() for ch in w.text) >= 2]


def syllable_share(words: Sequence[Word]) -> float:
    """Given OCR words, return the share of lettered ones that are Vietnamese syllables
    (or upper-case abbreviations such as "UBND")."""
    lettered = _lettered(words)
    if not lettered:
        return 0.0
    good = sum(_reads(w.text.strip(WORD_EDGES)) for w in lettered)
    return good / len(lettered)


def _reads(text: str) -> bool:
    """Given a word without its punctuation, return whether it reads as text."""
    return is_syllable(text.lower()) or (text.isupper() and text.isalpha())


def tall_share(words: Sequence[Word]) -> float:
    """Given OCR words, return the share of those of three or more letters taller than wide."""
    long = [w for w in words if sum(ch.isalpha() for ch in w.text) >= 3]
    if not long:
        return 0.0
    return sum((w.bbox[3] - w.bbox[1]) > (w.bbox[2] - w.bbox[0]) for w in long) / len(long)


def looks_turned(words: Sequence[Word]) -> bool:
    """Given a page's OCR words, return whether the page looks sideways or upside down."""
    if len(_lettered(words)) < MIN_WORDS:
        return False
    return syllable_share(words) < MIN_SYLLABLES or tall_share(words) > MIN_TALL
