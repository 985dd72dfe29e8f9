"""Vietnamese text that was UTF-8 read as Windows-1252 and saved again ("Káº¿t quáº£" for
"Kết quả"): common in scraped archives and spreadsheet exports.

ftfy undoes the round trip when every byte survived. Windows-1252 leaves five bytes
undefined (0x81, 0x8D, 0x8F, 0x90, 0x9D) and in Vietnamese they end frequent letters (ề ọ
ỏ Ố ờ, Á Í Ý, Đ); a tool that decoded with replacement left U+FFFD there. Each such hole is
filled with a byte that makes its word a syllable in a plain case ("há»�p" → "họp"); of
several, one making a syllable listed in ``data/mojibake.toml`` ("tờ" over "tề"), else the
first in the order of how often its letter ends words (ề, ờ, ọ, ỏ, Ố). An all-capitals
word takes the one byte that keeps it in capitals ("CTHÄ�" → "CTHĐ"). A hole no byte
explains stays U+FFFD.
"""

from __future__ import annotations

import itertools
import re
import tomllib
from functools import lru_cache

from parscore.normalizers import DATA_DIR
from parscore.normalizers.syllables import is_syllable
from parscore.normalizers.text import WORD_EDGES, fold

#: Pairs that UTF-8 Vietnamese turns into when read as Windows-1252 ("Ã´" ô, "á»" ạ…ỹ).
_MARKERS = re.compile(
    r"Ã[\x80-\xbf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u02c6\u02dc\u2013-\u203a]"
    r"|á»|áº|Ä[\x90‘]|Æ°|Æ¡"
)
MIN_MARKERS = 3  # fewer in a sample: ordinary text with an "Ã" or two
#: What U+FFFD may have been, most frequent Vietnamese reading first (after "á»": ề ờ ọ ỏ Ố).
LOST = ("\x81", "\x9d", "\x8d", "\x8f", "\x90")
MAX_HOLES = 2  # per word; more would be guessing
#: A word with a hole; "Â" (the first byte of a no-break space: "Â\xa0") ends it.
_HOLE_WORD = re.compile(r"[^\s\u00c2]*\ufffd[^\s\u00c2]*")


def looks_mojibake(sample: str) -> bool:
    """Given a sample of a document's text, return whether it reads as UTF-8 seen as cp1252."""
    return len(_MARKERS.findall(sample)) >= MIN_MARKERS


def repair(text: str) -> str:
    """Given text in UTF-8-as-Windows-1252 mojibake, return it as written (holes filled where
    one reading is a Vietnamese word)."""
    import ftfy

    filled = _HOLE_WORD.sub(_fill, text) if "\ufffd" in text else text
    fixed: str = ftfy.fix_encoding(filled)
    return fixed


def _fill(m: re.Match[str]) -> str:
    """Given a word with U+FFFD holes, return it with the one byte reading that makes sense."""
    import ftfy

    word = m.group()
    holes = word.count("\ufffd")
    if holes > MAX_HOLES:
        return word
    candidates = []
    for combo in itertools.product(LOST, repeat=holes):
        candidate = word
        for byte in combo:
            candidate = candidate.replace("\ufffd", byte, 1)
        candidates.append((candidate, ftfy.fix_encoding(candidate)))
    syllables = [(c, fixed) for c, fixed in candidates if _reads(fixed)]
    liked = [c for c, fixed in syllables if fold(fixed.strip(WORD_EDGES)) in preferred()]
    if liked or syllables:
        return (liked or [c for c, _ in syllables])[0]
    capitals = [c for c, fixed in candidates if _capitals(fixed)]
    return capitals[0] if len(capitals) == 1 else word


@lru_cache(maxsize=1)
def preferred() -> frozenset[str]:
    """Given nothing, return the syllables a hole's reading is preferred to be (folded)."""
    with (DATA_DIR / "mojibake.toml").open("rb") as f:
        return frozenset(fold(w) for w in tomllib.load(f)["preferred"])


def _capitals(word: str) -> bool:
    """Given a repaired word, return whether it is letters in capitals only ("CTHĐ")."""
    core = word.strip(WORD_EDGES)
    return core.isalpha() and core.isupper()


def _reads(word: str) -> bool:
    """Given a repaired word, return whether it is one Vietnamese syllable in a plain case."""
    core = word.strip(WORD_EDGES)
    plain_case = core in (core.lower(), core.upper(), core.capitalize())
    return bool(core) and "\ufffd" not in core and plain_case and is_syllable(core.lower())
