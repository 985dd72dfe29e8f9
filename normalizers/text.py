"""Vietnamese text: cleaning, matching keys, tone placement, syllables and look-alike letters.

Order of the steps (every extractor and parser follows it):

1. ``legacy.repair`` first, on text straight from the file: TCVN3 writes ư as byte 0xAD,
   which reads as U+00AD SOFT HYPHEN, so nothing may drop soft hyphens before it.
2. ``clean`` next: NFC, invisible characters dropped, spaces collapsed. As a safeguard it
   keeps U+00AD when the text still looks TCVN3 (so calling it first loses nothing).
3. ``fold`` for matching keys (labels, cues); ``strip_tones`` as a looser fallback key.

Tone placement convention of ``fold``: the *classic* placement, as in official names and
most legal texts ("hòa", "thủy", "khỏe", "Khánh Hòa", "Thủy sản"): in an open syllable
with two vowels the tone goes on the first (oa, oe, uy included); with a final consonant
it goes on the last vowel; in three vowels on the middle one; a vowel with a quality mark
(ă â ê ô ơ ư) always takes it (the last one in ươ). "qu" and "gi" before a vowel are
onsets, so "qúy" → "quý" and "gìa" → "già". The school style ("hoà", "thuỷ") folds to the
same key.
"""

from __future__ import annotations

import re
import tomllib
import unicodedata
from functools import lru_cache

from parscore.normalizers import DATA_DIR
from parscore.normalizers.doccache import document_cache
from parscore.normalizers.legacy import detect
from parscore.normalizers.syllables import (
    WORD_CACHE_SIZE,
    place_tone,
)

SOFT_HYPHEN = "\u00ad"
#: Characters that stand for a space (str.split() splits on exactly these, and on " ").
SPACE_CHARS = "\t\n\v\f\r\x1c\x1d\x1e\x1f\x85\xa0\u1680\u2028\u2029\u202f\u205f\u3000" + "".join(
    map(chr, range(0x2000, 0x200B))
)
#: Invisible format characters removed outright: zero-width spaces and joiners, BOM,
#: word joiner, invisible operators, bidi marks and embeddings, Mongolian vowel separator.
INVISIBLE_CHARS = (
    "\u061c\u180e\u200b\u200c\u200d\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2060\u2061"
    "\u2062\u2063\u2064\u2066\u2067\u2068\u2069\u206a\u206b\u206c\u206d\u206e\u206f\ufeff"
    "\ufff9\ufffa\ufffb"
)
#: C0 and C1 control characters that are not whitespace, and DEL.
CONTROL_CHARS = "".join(
    chr(c) for c in (*range(0x20), *range(0x7F, 0xA0)) if chr(c) not in SPACE_CHARS
)
#: Dashes and minus signs that fold to "-".
DASH_CHARS = "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63\uff0d"

#: Inputs up to this length are cached by fold() and bare_key() across documents (words,
#: names, labels, cells, the motto: what many notices share) ...
FOLD_CACHE_MAX_LEN = 64
FOLD_CACHE_SIZE = 32768
#: ... longer ones (a paragraph's line, a sentence) in a cache of the document at hand
#: (``doccache``, emptied per file): within a document a line is keyed by several readers
#: (recipients, title, headers, sections); kept across documents, a sentence would come
#: back only when the same notice is read again, which flatters a benchmark and nothing
#: else. Past ``LONG_CACHE_MAX_LEN`` a text is not kept.
LONG_CACHE_SIZE = 1024
LONG_CACHE_MAX_LEN = 4000

_WORD = re.compile(r"[^\W\d_]+")
_COMBINING_MARK = re.compile(r"[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff]")


def _clean_table(*, keep_soft_hyphen: bool) -> dict[int, str | None]:
    """Given whether U+00AD survives, return the str.translate table of clean()."""
    table: dict[int, str | None] = {ord(c): None for c in INVISIBLE_CHARS + CONTROL_CHARS}
    if not keep_soft_hyphen:
        table[ord(SOFT_HYPHEN)] = None
    return table


_CLEAN = _clean_table(keep_soft_hyphen=False)
_CLEAN_KEEP_SHY = _clean_table(keep_soft_hyphen=True)
_DASHES = {ord(c): "-" for c in DASH_CHARS}
_D_STROKE = {ord("đ"): "d", ord("Đ"): "D"}
_BARE_TABLE_END = 0x1F00  # past the Latin Extended Additional block (ạ … ỹ)
# Characters that may still carry a mark once the precomposed Latin letters are bare:
# combining marks, Greek and Cyrillic letters, and Latin letters the table leaves alone.
_MAY_DECOMPOSE = re.compile(r"[\u00c0-\u024f\u0300-\u04ff\u1ab0-\u1aff\u1dc0-\u1eff\u20d0-\u20ff]")


def _soft_hyphen_is_letter(s: str) -> bool:
    """Given text holding U+00AD, return whether it looks TCVN3 (where U+00AD is ư)."""
    return detect(s) == "tcvn3"


def clean(s: str) -> str:
    """Given raw text, return it NFC with invisible/control characters gone and spaces collapsed.

    Every dropped character and every space but " " is non-printable (``str.isprintable``,
    one C pass): printable text needs no search for dropped characters, and text cleaned
    before (a line read again by the parser, a key folded) comes back at once; text whose
    only non-printable characters were spaces is printable once they are collapsed."""
    if s.isprintable():
        if "  " in s or s[:1] == " " or s[-1:] == " ":
            s = " ".join(s.split())
        return unicodedata.normalize("NFC", s)
    spaced = " ".join(s.split())  # dropped characters are no spaces: they stay in it
    if spaced.isprintable():
        return unicodedata.normalize("NFC", spaced)
    keep = SOFT_HYPHEN in s and _soft_hyphen_is_letter(s)
    s = s.translate(_CLEAN_KEEP_SHY if keep else _CLEAN)  # before the spaces: "a \u200b b"
    return unicodedata.normalize("NFC", " ".join(s.split()))


def _recased_tone_match(m: re.Match[str]) -> str:
    """Given a regex match of one word in any case, return it with canonical tone placement."""
    word = m.group()
    placed = place_tone(word.lower())
    if len(placed) != len(word):
        return word
    return "".join(p.upper() if w.isupper() else p for p, w in zip(placed, word, strict=True))


#: Punctuation stripped from a word's ends before reading it as a syllable ("họp," → "họp").
WORD_EDGES = "\"'“”‘’()[]{}.,;:!?…-–—/"


def canonical_tones(s: str) -> str:
    """Given NFC text, return it with every word's tone on the canonical vowel, case kept
    ("Thanh Hoá" → "Thanh Hóa", "THUỶ" → "THỦY")."""
    return s if s.isascii() else _WORD.sub(_recased_tone_match, s)


def _place_tone_match(m: re.Match[str]) -> str:
    """Given a regex match of one word, return the word with canonical tone placement."""
    return place_tone(m.group())


@lru_cache(maxsize=WORD_CACHE_SIZE)
def _fold_token(token: str) -> str:
    """Given a lowercase token without spaces, return it with canonical tones and ASCII dashes."""
    if token.isascii():
        return token
    if token.isalpha():
        return place_tone(token)
    placed = _WORD.sub(_place_tone_match, token)  # a mark left after a word may now compose
    return unicodedata.normalize("NFC", placed).translate(_DASHES)


def _fold(s: str) -> str:
    """Given text, return its matching key (see fold)."""
    text = unicodedata.normalize("NFC", clean(s).lower())
    if text.isascii():
        return text
    return " ".join(map(_fold_token, text.split(" ")))


_fold_cached = lru_cache(maxsize=FOLD_CACHE_SIZE)(_fold)
_fold_long = document_cache(LONG_CACHE_SIZE)(_fold)


def fold(s: str) -> str:
    """Given text, return a matching key: clean, lowercase, classic tone placement, ASCII dashes."""
    if len(s) <= FOLD_CACHE_MAX_LEN:
        return _fold_cached(s)
    return _fold_long(s) if len(s) <= LONG_CACHE_MAX_LEN else _fold(s)


def strip_tones(s: str) -> str:
    """Given text, return it without any diacritics (đ → d), case kept, NFC."""
    if s.isascii():
        return s
    bare = s.translate(_bare_letters())  # precomposed Latin letters: one C-level pass
    if bare.isascii() or not _MAY_DECOMPOSE.search(bare):  # no mark left: most Vietnamese
        return bare
    bare = _COMBINING_MARK.sub("", unicodedata.normalize("NFD", bare))
    return unicodedata.normalize("NFC", bare)


def _bare_key(s: str) -> str:
    """Given text, return its loose matching key (see bare_key)."""
    return " ".join(strip_tones(s).casefold().split())


_bare_key_cached = lru_cache(maxsize=FOLD_CACHE_SIZE)(_bare_key)
_bare_key_long = document_cache(LONG_CACHE_SIZE)(_bare_key)


def bare_key(s: str) -> str:
    """Given text, return a loose matching key: no diacritics (đ → d), casefolded, one space.

    Strings are cached like ``fold``'s: a line or cell is keyed by several readers."""
    if len(s) <= FOLD_CACHE_MAX_LEN:
        return _bare_key_cached(s)
    return _bare_key_long(s) if len(s) <= LONG_CACHE_MAX_LEN else _bare_key(s)


@lru_cache(maxsize=1)
def _bare_letters() -> list[str]:
    """Return a translation table (indexed by code point) from precomposed Latin to bare letters.

    A list indexed by code point translates about twice as fast as a dict; code points past
    its end are left as they are (str.translate treats IndexError as "no mapping").
    """
    table = [chr(code) for code in range(_BARE_TABLE_END)]
    for code in range(0x00C0, _BARE_TABLE_END):
        base = _COMBINING_MARK.sub("", unicodedata.normalize("NFD", chr(code)))
        if len(base) == 1 and base != chr(code) and base.isascii():
            table[code] = base
    table[ord("đ")], table[ord("Đ")] = "d", "D"
    return table


@lru_cache(maxsize=1)
def _homoglyph_tables() -> tuple[dict[int, str], dict[int, str], re.Pattern[str], re.Pattern[str]]:
    """Given nothing, return (cased table, caseless table, caseless-word regex, any-glyph regex)."""
    with (DATA_DIR / "homoglyphs.toml").open("rb") as f:
        data = tomllib.load(f)
    cased = {ord(k): v for k, v in data["cased"].items()}
    caseless = {ord(k): v for k, v in data["caseless"].items()}
    chars = re.escape("".join(data["caseless"]))
    every = re.escape("".join(data["cased"]) + "".join(data["caseless"]))
    return cased, caseless, re.compile(rf"[^\W\d_]*[{chars}][^\W\d_]*"), re.compile(f"[{every}]")


def _caseless_word(m: re.Match[str]) -> str:
    """Given a word holding caseless look-alikes, return it with them in the word's case."""
    caseless = _homoglyph_tables()[1]
    word = m.group()
    latin = word.translate(caseless)
    cased = [c for c in word if ord(c) not in caseless and c.upper() != c.lower()]
    return latin.upper() if cased and all(c.isupper() for c in cased) else latin


def fold_homoglyphs(s: str) -> str:
    """Given text from a scraping mirror, return it with Cyrillic/Greek/Lao look-alikes Latin."""
    if s.isascii():
        return s
    cased, _, caseless_word, any_lookalike = _homoglyph_tables()
    decomposed = unicodedata.normalize("NFD", s)
    if not any_lookalike.search(decomposed):
        return s
    text = unicodedata.normalize("NFC", decomposed.translate(cased))
    return caseless_word.sub(_caseless_word, text)
