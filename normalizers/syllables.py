"""Vietnamese syllables: their parts, whether a word is one, and where its tone mark goes.

The lowest layer of the normalisers: ``text`` (cleaning, keys) and ``legacy`` (old font
encodings) both read words through it, and it imports neither.
"""

from __future__ import annotations

import re
import tomllib
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from parscore.normalizers import DATA_DIR

WORD_CACHE_SIZE = 32768

TONE_MARKS = frozenset("\u0300\u0301\u0303\u0309\u0323")  # huyền sắc ngã hỏi nặng
QUALITY_MARKS = frozenset("\u0302\u0306\u031b")  # circumflex, breve, horn
ACUTE, DOT_BELOW = "\u0301", "\u0323"
#: Letters a tone mark can sit on (after NFD, ă â ê ô ơ ư are these plus a quality mark).
TONE_BASES = frozenset("aeiouyAEIOUY")
#: Vowels carrying a quality mark: they take the tone whenever present.
MARKED_VOWELS = frozenset("ăâêôơư")
#: Finals after which only the sắc and nặng tones (or none) are possible.
STOP_FINALS = frozenset({"c", "ch", "p", "t"})
#: Vowel groups (without tones) that make a Vietnamese syllable nucleus, by whether they take
#: a final consonant (data/syllables.toml): closed ones need one, open ones take none.
_NUCLEI_DATA = tomllib.loads((DATA_DIR / "syllables.toml").read_text(encoding="utf-8"))
CLOSED_NUCLEI = frozenset(_NUCLEI_DATA["closed"])
OPEN_NUCLEI = frozenset(_NUCLEI_DATA["open"])
NUCLEI = frozenset(_NUCLEI_DATA["free"]) | CLOSED_NUCLEI | OPEN_NUCLEI
#: Vowels a "ch" or "nh" final can follow.
PALATAL_NUCLEUS_ENDS = frozenset("aêiy")

_SYLLABLE = re.compile(
    r"(ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdđghklmnprstvx])?"
    r"([aăâeêioôơuưy]+)"
    r"(ch|ng|nh|[cmnpt])?"
)


@dataclass(frozen=True, slots=True, kw_only=True)
class Syllable:
    """One Vietnamese syllable split into its parts (lowercase, tone held apart)."""

    onset: str  # "ngh", "qu", "gi", "" …
    nucleus: str  # vowels with quality marks, no tone: "ươ", "oa"
    final: str  # "ng", "c", "" …
    tone: str  # the combining tone mark, or "" for thanh ngang


def split_tone(word: str) -> tuple[str, tuple[str, ...]] | None:
    """Given a word, return (its letters NFC without tones, its tone marks); None if other marks."""
    letters: list[str] = []
    tones: list[str] = []
    base = ""  # the letter the next mark sits on
    for ch in unicodedata.normalize("NFD", word):
        if ch in TONE_MARKS and base in TONE_BASES:
            tones.append(ch)
        elif unicodedata.combining(ch) and ch not in QUALITY_MARKS:
            return None  # a tone on a consonant ("ñ"), or a mark Vietnamese does not use
        else:
            letters.append(ch)
            base = base if unicodedata.combining(ch) else ch
    return unicodedata.normalize("NFC", "".join(letters)), tuple(tones)


@lru_cache(maxsize=WORD_CACHE_SIZE)
def parse_syllable(word: str) -> Syllable | None:
    """Given a lowercase word, return its Syllable, or None when it is not a Vietnamese syllable."""
    split = split_tone(word)
    if split is None or len(split[1]) > 1:
        return None
    letters, tones = split
    m = _SYLLABLE.fullmatch(letters)
    if m is None or m.group(2) not in NUCLEI:
        return None
    return Syllable(
        onset=m.group(1) or "",
        nucleus=m.group(2),
        final=m.group(3) or "",
        tone=tones[0] if tones else "",
    )


def _rhyme_is_valid(syl: Syllable) -> bool:
    """Given a parsed syllable, return whether its nucleus, final and tone can go together."""
    if syl.final in STOP_FINALS and syl.tone not in ("", ACUTE, DOT_BELOW):
        return False
    if syl.final in ("ch", "nh") and syl.nucleus[-1] not in PALATAL_NUCLEUS_ENDS:
        return False
    if syl.final and syl.nucleus in OPEN_NUCLEI:
        return False
    return bool(syl.final) or syl.nucleus not in CLOSED_NUCLEI


def is_syllable(word: str) -> bool:
    """Given a word, return whether it is a well-formed Vietnamese syllable (any case)."""
    syl = parse_syllable(word.lower())
    return syl is not None and _rhyme_is_valid(syl)


def tone_index(syl: Syllable) -> int:
    """Given a syllable, return the index in its nucleus of the vowel that carries the tone."""
    marked = [i for i, vowel in enumerate(syl.nucleus) if vowel in MARKED_VOWELS]
    if marked:
        return marked[-1]
    if syl.final:
        return len(syl.nucleus) - 1
    if len(syl.nucleus) == 3:
        return 1
    return 0  # classic placement: hòa, thủy, khỏe, mùa, tài


@lru_cache(maxsize=WORD_CACHE_SIZE)
def place_tone(word: str) -> str:
    """Given a lowercase word, return it with its tone on the canonical vowel (others unchanged)."""
    syl = parse_syllable(word)
    if syl is None or not syl.tone:
        return word
    letters = syl.onset + syl.nucleus + syl.final
    at = len(syl.onset) + tone_index(syl) + 1
    return unicodedata.normalize("NFC", letters[:at] + syl.tone + letters[at:])
