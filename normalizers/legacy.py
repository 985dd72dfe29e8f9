"""Legacy Vietnamese encodings: detect TCVN3/VNI/VIQR text, convert it to Unicode NFC, decode files.

Extractors see legacy-font text as Latin-1/CP1252 characters ("Céng hoµ x· héi" is TCVN3,
"Coäng hoøa xaõ hoäi" is VNI); VIQR is plain ASCII ("Vie^.t Nam"). The tables come from the
encodings' definitions (normalizers/data/legacy.toml); no third-party converter is used.

Detection converts each distinct word of the text and counts the words that only become
Vietnamese syllables once converted ("gains"). Ordinary Unicode Vietnamese, English and French
gain (almost) nothing, so an encoding is reported only with at least ``MIN_GAIN_WORDS``
distinct gaining words making at least ``MIN_GAIN_SHARE`` of the words it changes. Detect on
a whole document (or a page), then convert short cells with ``to_unicode``: a single word is
never enough evidence.

Known limits: TCVN3 has no accented capitals (headings set in a .VnTimeH font decode
lowercase: "CéNG HOµ" → "CộNG HOà"); VIQR cannot tell a dot tone from a full stop after a
toneless vowel ("ca." → "cạ") unless the writer escaped it ("ca\\.").
"""

from __future__ import annotations

import codecs
import re
import tomllib
import unicodedata
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache, partial
from itertools import islice, product, repeat
from typing import Any

import charset_normalizer

from parscore.normalizers import DATA_DIR
from parscore.normalizers.syllables import is_syllable

TCVN3, VNI, VIQR = "tcvn3", "vni", "viqr"
ENCODINGS = (TCVN3, VNI, VIQR)  # also the tie-break order of detect()

#: Outcomes of converting one word: it was already a syllable or stays none; it becomes one;
#: it becomes one and holds a sequence that only the encoding writes.
NO_GAIN, WEAK_GAIN, STRONG_GAIN = 0, 1, 2
#: Evidence a strong word adds: a VIQR modifier inside a word ("Vie^.t") proves VIQR alone.
STRONG_WEIGHT = {TCVN3: 1, VNI: 1, VIQR: 2}
#: An encoding is reported only with this much evidence, at least one strong word …
MIN_EVIDENCE = 2
#: … and gaining words making at least this share of the distinct words it changes.
MIN_GAIN_SHARE = 0.5
#: VNI pairs that French or school-style Unicode Vietnamese also write (où, goût, naïf,
#: aérien, Raphaël, hoà, hoá): they count as evidence but never prove VNI alone.
VNI_WEAK_PAIRS = (
    "où",
    "oû",
    "eû",
    "aï",
    "eï",
    "oï",
    "uï",
    "yï",
    "aé",
    "aè",
    "aë",
    "aü",
    "oà",
    "oá",
    "oã",
)
#: TCVN3 bytes that read as symbols, not letters, in every Latin-1 language.
TCVN3_STRONG_CHARS = "¡¢£¤¥¦§¨©ª«¬\u00ad®µ¶·¸¹»¼½¾×÷\u2212"
#: Distinct words examined per text (enough for a decision, bounded for long documents).
MAX_SAMPLE_WORDS = 2000
#: Characters of a document's text read to tell legacy-encoded text from Unicode.
SAMPLE_CHARS = 4000
#: Bytes searched for a <meta charset> or XML encoding declaration.
SNIFF_BYTES = 4096
WORD_CACHE_SIZE = 65536

COMBINING = {
    "none": "",
    "acute": "\u0301",
    "grave": "\u0300",
    "hook": "\u0309",
    "tilde": "\u0303",
    "dot": "\u0323",
    "circumflex": "\u0302",
    "breve": "\u0306",
    "horn": "\u031b",
}
#: Latin-1 letters that Unicode Vietnamese uses itself: no evidence of TCVN3.
VIETNAMESE_LATIN1 = "àáâãèéêìíòóôõùúýÀÁÂÃÈÉÊÌÍÒÓÔÕÙÚÝ"
#: VNI bases of toned vowels (Unicode base → VNI base byte).
VNI_TONE_BASES = {"a": "a", "e": "e", "o": "o", "u": "u", "y": "y", "ơ": "ô", "ư": "ö"}
PDF_MINUS = "\u2212"  # what PDF text layers give for TCVN3's 0xAD (ư)
VIQR_VOWELS = frozenset("aeiouyAEIOUY")
VIQR_ESCAPE = "\\"
#: Legacy names a declared charset may use for what browsers decode as Windows-1252.
WINDOWS_1252_ALIASES = frozenset({"iso8859-1", "latin-1", "ascii"})
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_META_CHARSET = re.compile(
    rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)|<\?xml[^>]+encoding\s*=\s*["']([A-Za-z0-9_.:-]+)""",
    re.IGNORECASE,
)
_LETTER_MINUS = re.compile(rf"(?<=[^\W\d_]){PDF_MINUS}|{PDF_MINUS}(?=[^\W\d_])")
_FONT_WORD = re.compile(r"[^\s\d!-/:-@\[-`{-~]+")  # a word of TCVN3/VNI text
_VIQR_WORD = re.compile(r"(?:\\.|[A-Za-z(^+'`?~.])+")
#: Characteristic sequences, written to start at their rarest character (fast to scan).
_VIQR_HINT = re.compile(
    r"[(^+`'?~.dD](?:(?<=[aeiouyAEIOUY][(^+])|(?<=[aeiouyAEIOUY].)(?=[A-Za-z])"
    r"|(?<![A-Za-z].)(?<=[dD])(?=[dD][aeiouyAEIOUY]))"
)
_VNI_MARKS = "øùûõïäåëüØÙÛÕÏÄÅËÜ"
_VNI_PREFILTER = re.compile(f"[{_VNI_MARKS}ñÑæÆîÎ]")
_VNI_HINT = re.compile(rf"[{_VNI_MARKS}](?<=[aeouyAEOUYôöÔÖ].)|[ñÑ](?=[aeiouyAEIOUYôöÔÖ])|[æÆîÎ]")
_TCVN3_STRONG = re.compile(f"[{TCVN3_STRONG_CHARS}]")
_VIQR_STRONG = re.compile(r"[aeiouyAEIOUY](?:[(^+]|[`?~][A-Za-z])|^[dD][dD]")
_ASCII_LETTER = re.compile(r"[A-Za-z]")
_EDGE_PUNCT = "\\.,;:!?'`~(^+\"-"


@lru_cache(maxsize=1)
def _data() -> dict[str, Any]:
    """Given nothing, return the parsed legacy.toml (read once)."""
    with (DATA_DIR / "legacy.toml").open("rb") as f:
        return tomllib.load(f)


def _nfc(text: str) -> str:
    """Given text, return it in NFC."""
    return unicodedata.normalize("NFC", text)


@lru_cache(maxsize=1)
def _lookalikes() -> dict[int, str]:
    """Given nothing, return legacy.toml's look-alike letters as a translate table."""
    return {ord(k): v for k, v in _data()["lookalikes"].items()}


def lookalikes_to_vietnamese(text: str) -> str:
    """Given Unicode text, return it with Latin look-alikes of Vietnamese letters replaced
    ("12/QÐ-UBND" with an eth → "12/QĐ-UBND"); text without them comes back as it is."""
    table = _lookalikes()
    if not any(chr(c) in text for c in table):
        return text
    return text.translate(table)


# --- TCVN3 -------------------------------------------------------------------------------


@lru_cache(maxsize=1)
def _tcvn3_decode() -> dict[int, str]:
    """Given nothing, return the str.translate table TCVN3 → Unicode."""
    return {ord(k): v for k, v in _data()["tcvn3"].items()}


@lru_cache(maxsize=1)
def _tcvn3_encode() -> dict[int, str]:
    """Given nothing, return the table Unicode → TCVN3 (accented capitals to lowercase bytes)."""
    table = {ord(v): k for k, v in _data()["tcvn3"].items()}
    for letter, byte in list(table.items()):
        table.setdefault(ord(chr(letter).upper()), byte)
    return table


@lru_cache(maxsize=1)
def _tcvn3_hint() -> re.Pattern[str]:
    """Given nothing, return a regex for characters that only TCVN3 text puts among letters."""
    chars = set(_data()["tcvn3"]) - set(VIETNAMESE_LATIN1) | {PDF_MINUS}
    return re.compile("[" + re.escape("".join(sorted(chars))) + "]")


def tcvn3_to_unicode(text: str) -> str:
    """Given TCVN3 text seen as Latin-1, return Unicode NFC (accented capitals come lowercase)."""
    text = _LETTER_MINUS.sub("\u00ad", text) if PDF_MINUS in text else text
    return _nfc(text.translate(_tcvn3_decode()))


# --- VNI ---------------------------------------------------------------------------------


def _vni_rows() -> tuple[tuple[dict[str, str], str, dict[str, list[str]]], ...]:
    """Given nothing, return (bases, modifier, marks) rows of the VNI composite letters."""
    vni = _data()["vni"]
    bases = _data()["modifier_bases"]
    return (
        (VNI_TONE_BASES, "none", vni["tones"]),
        ({b: b for b in bases["circumflex"]}, "circumflex", vni["circumflex"]),
        ({b: b for b in bases["breve"]}, "breve", vni["breve"]),
    )


def _cased_pairs(byte: str, letter: str, glyphs: Sequence[str]) -> Iterator[tuple[str, str, bool]]:
    """Given a VNI base, its letter and a mark's [lower, upper] glyphs, yield both cases' pairs."""
    for upper, (base, out) in enumerate(((byte, letter), (byte.upper(), letter.upper()))):
        for glyph in glyphs:
            yield base + glyph, out, glyph == glyphs[upper]


def _vni_pairs() -> list[tuple[str, str, bool]]:
    """Given nothing, return (VNI sequence, letter, same-case glyphs) for every composite."""
    return [
        pair
        for bases, modifier, marks in _vni_rows()
        for uni, byte in bases.items()
        for tone, glyphs in marks.items()
        for pair in _cased_pairs(byte, _nfc(uni + COMBINING[modifier] + COMBINING[tone]), glyphs)
    ]


@lru_cache(maxsize=1)
def _vni_decode() -> tuple[dict[str, str], re.Pattern[str]]:
    """Given nothing, return the VNI → Unicode table and a regex of its keys, longest first."""
    table = {seq: letter for seq, letter, _ in _vni_pairs()}
    table.update(_data()["vni"]["letters"])
    keys = sorted(table, key=len, reverse=True)
    return table, re.compile("|".join(map(re.escape, keys)))


@lru_cache(maxsize=1)
def _vni_encode() -> dict[int, str]:
    """Given nothing, return the str.translate table Unicode → VNI."""
    table = {ord(letter): seq for seq, letter, same_case in _vni_pairs() if same_case}
    table.update({ord(v): k for k, v in _data()["vni"]["letters"].items()})
    return table


def vni_to_unicode(text: str) -> str:
    """Given VNI text seen as Latin-1, return it in Unicode NFC."""
    table, pattern = _vni_decode()
    return _nfc(pattern.sub(lambda m: table[m.group()], text))


# --- VIQR --------------------------------------------------------------------------------


@lru_cache(maxsize=1)
def _viqr_marks() -> tuple[dict[str, str], dict[str, str], frozenset[tuple[str, str]]]:
    """Given nothing, return (modifier → combining, tone → combining, valid (vowel, modifier))."""
    data = _data()
    modifiers = {k: COMBINING[v] for k, v in data["viqr"]["modifiers"].items()}
    tones = {k: COMBINING[v] for k, v in data["viqr"]["tones"].items()}
    by_name = {v: k for k, v in data["viqr"]["modifiers"].items()}
    valid = frozenset(
        (vowel, by_name[name])
        for name, vowels in data["modifier_bases"].items()
        for vowel in vowels
    )
    return modifiers, tones, valid


def _viqr_vowel(word: str, i: int, toned: bool) -> tuple[str, int, bool]:
    """Given a VIQR word and a vowel at i, return (the vowel with its marks, next index, toned)."""
    modifiers, tones, valid = _viqr_marks()
    out, j = word[i], i + 1
    if j < len(word) and (word[i].lower(), word[j]) in valid:
        out, j = out + modifiers[word[j]], j + 1
    if not toned and j < len(word) and word[j] in tones:
        return out + tones[word[j]], j + 1, True
    return out, j, toned


def _viqr_step(word: str, i: int, toned: bool) -> tuple[str, int, bool]:
    """Given a VIQR word and a position, return (Unicode text for it, next index, toned)."""
    ch = word[i]
    if ch == VIQR_ESCAPE and i + 1 < len(word):
        return word[i + 1], i + 2, toned
    if ch in "dD" and word[i + 1 : i + 2] in ("d", "D"):
        return ("Đ" if ch == "D" else "đ"), i + 2, toned
    if ch in VIQR_VOWELS:
        return _viqr_vowel(word, i, toned)
    return ch, i + 1, toned


@lru_cache(maxsize=WORD_CACHE_SIZE)
def _viqr_word(word: str) -> str:
    """Given one VIQR word, return it in Unicode NFC (one tone per word, later marks literal)."""
    out: list[str] = []
    i, toned = 0, False
    while i < len(word):
        piece, i, toned = _viqr_step(word, i, toned)
        out.append(piece)
    return _nfc("".join(out))


def viqr_to_unicode(text: str) -> str:
    """Given VIQR text (RFC 1456), return it in Unicode NFC."""
    return _nfc(_VIQR_WORD.sub(lambda m: _viqr_word(m.group()), text))


@lru_cache(maxsize=1)
def _viqr_encode_marks() -> dict[str, str]:
    """Given nothing, return combining mark → VIQR character."""
    data = _data()["viqr"]
    return {COMBINING[v]: k for section in ("modifiers", "tones") for k, v in data[section].items()}


def _viqr_letter(ch: str) -> str:
    """Given one Unicode character, return its VIQR spelling."""
    if ch in "đĐ":
        return "dd" if ch == "đ" else "DD"
    marks = _viqr_encode_marks()
    decomposed = unicodedata.normalize("NFD", ch)
    base, rest = decomposed[0], decomposed[1:]
    if base not in VIQR_VOWELS or any(m not in marks for m in rest):
        return ch
    ordered = sorted(rest, key=lambda m: m in _viqr_marks()[1].values())  # modifier, then tone
    return base + "".join(marks[m] for m in ordered)


def _viqr_needs_escape(ch: str, prev: str) -> bool:
    """Given a character and the one before it, return whether VIQR must write it escaped."""
    if ch in "dD":
        return prev in ("d", "D")
    after_vowel = unicodedata.normalize("NFD", prev)[:1] in VIQR_VOWELS
    return after_vowel and ch in _viqr_encode_marks().values()


def unicode_to_viqr(text: str) -> str:
    """Given Unicode text, return it in VIQR, escaping mark characters that would be misread."""
    text = _nfc(text)
    return "".join(
        VIQR_ESCAPE + ch if _viqr_needs_escape(ch, prev) else _viqr_letter(ch)
        for prev, ch in zip(" " + text, text, strict=False)
    )


# --- public conversion -------------------------------------------------------------------

_DECODERS: dict[str, Callable[[str], str]] = {
    TCVN3: tcvn3_to_unicode,
    VNI: vni_to_unicode,
    VIQR: viqr_to_unicode,
}


def _check_encoding(encoding: str) -> str:
    """Given an encoding name, return it lowercased, or raise ValueError naming the known ones."""
    name = encoding.lower()
    if name not in _DECODERS:
        known = ", ".join(ENCODINGS)
        raise ValueError(f"unknown legacy encoding {encoding!r}: expected one of {known}")
    return name


def to_unicode(text: str, encoding: str) -> str:
    """Given legacy text and its encoding ("tcvn3", "vni", "viqr"), return Unicode NFC."""
    return _DECODERS[_check_encoding(encoding)](text)


def from_unicode(text: str, encoding: str) -> str:
    """Given Unicode text, return it in a legacy encoding (TCVN3: accented capitals lowercase)."""
    name = _check_encoding(encoding)
    if name == VIQR:
        return unicode_to_viqr(text)
    table = _tcvn3_encode() if name == TCVN3 else _vni_encode()
    return _nfc(text).translate(table)


@lru_cache(maxsize=1)
def _font_rules() -> tuple[tuple[str, tuple[str, ...], tuple[str, ...]], ...]:
    """Given nothing, return (encoding, name prefixes, name parts) of the legacy font families."""
    fonts = _data()["fonts"]
    return tuple(
        (name, tuple(fonts[name]["prefixes"]), tuple(fonts[name]["contains"]))
        for name in (TCVN3, VNI)
    )


@lru_cache(maxsize=1024)
def _one_font_encoding(font: str) -> str | None:
    """Given a font name, return the legacy encoding its family draws, or None."""
    name = font.strip().lower()
    for encoding, prefixes, parts in _font_rules():
        if name.startswith(prefixes) or any(part in name for part in parts):
            return encoding
    return None


def font_encoding(fonts: Iterable[str]) -> str | None:
    """Given a run's font names, return the legacy encoding they draw text in, or None."""
    for font in fonts:
        encoding = _one_font_encoding(font)
        if encoding:
            return encoding
    return None


def is_capitals_font(font: str) -> bool:
    """Given a font name, return whether it is a TCVN3 capitals font (.VnTimeH, .VnArialH)."""
    name = font.strip().lower()
    suffix = _data()["fonts"][TCVN3]["capitals_suffix"]
    return _one_font_encoding(font) == TCVN3 and name.startswith(".vn") and name.endswith(suffix)


def legacy_to_unicode(text: str, encoding: str, fonts: Iterable[str] = ()) -> str:
    """Given a run's legacy text, its encoding and fonts, return Unicode NFC.

    TCVN3 has no accented capitals: a capitals font (.VnTimeH, .VnArialH) draws the lowercase
    bytes as capitals, so such a run is upper-cased after conversion (what the page shows).
    """
    converted = to_unicode(text, encoding)
    capitals = encoding == TCVN3 and any(map(is_capitals_font, fonts))
    return converted.upper() if capitals else converted


_TYPED_WORD = re.compile(r"\S+")


def typed_capitals(text: str, encoding: str) -> str:
    """Given a run's legacy text and its encoding, return Unicode NFC in the case typed.

    TCVN3 stores no accented capital but Ă Â Ê Ô Ơ Ư Đ: a word typed in capitals keeps its
    accented letters lowercase ("PHÇN" decodes "PHầN"), whatever the font. A word whose ASCII
    letters are all capitals (two or more; or one, in a run typed mostly in capitals) is
    upper-cased whole: "PHẦN", "TỔ CHỨC"; "Tæ" (one initial capital, in running text) stays
    "Tổ", and so does "Sè" beside an abbreviation ("Sè D.A.": "D.A." is not a word). Case
    that only a capitals font (.VnTimeH) shows is not invented: "QuyÕt ®Þnh" in .VnTimeH
    stays "Quyết định", as transcripts of such files read (the legacy corpus's ground
    truth); ``legacy_to_unicode`` gives the shown capitals instead.
    """
    converted = to_unicode(text, encoding)
    if encoding != TCVN3 or converted.islower():
        return converted
    words = [w.strip(_EDGE_PUNCT) for w in converted.split()]
    long_words = [_ascii_letters(w) for w in words if w.isalpha() and len(_ascii_letters(w)) >= 2]
    run_upper = bool(long_words) and sum(w.isupper() for w in long_words) * 2 > len(long_words)
    return _TYPED_WORD.sub(lambda m: _typed_word(m.group(), run_upper), converted)


def _ascii_letters(word: str) -> str:
    """Given a word, return its ASCII letters."""
    return "".join(ch for ch in word if ch.isascii() and ch.isalpha())


def _typed_word(word: str, run_upper: bool) -> str:
    """Given a converted TCVN3 word, return it upper-cased when it was typed in capitals."""
    letters = _ascii_letters(word)
    typed_upper = letters.isupper() and (len(letters) >= 2 or run_upper)
    return word.upper() if typed_upper else word


# --- detection ---------------------------------------------------------------------------


def _candidates(text: str) -> tuple[str, ...]:
    """Given text, return the encodings whose characteristic sequences occur in it."""
    if text.isascii():
        return (VIQR,) if _VIQR_HINT.search(text) else ()
    found = (
        (TCVN3, _tcvn3_hint().search(text)),
        (VNI, _vni_hint(text)),
        (VIQR, _VIQR_HINT.search(text)),
    )
    return tuple(name for name, hit in found if hit)


def _vni_hint(text: str) -> bool:
    """Given text, return whether a VNI hint occurs in it. Every hint opens with a character
    of the prefilter, so the hint is tried only where one stands (Unicode Vietnamese has few:
    "rõ"); searched along the whole text, its lookbehind made it the slowest step of
    detection."""
    return any(_VNI_HINT.match(text, m.start()) for m in _VNI_PREFILTER.finditer(text))


def _both_cases(ch: str) -> tuple[str, str]:
    """Given a character, return it in lowercase and in uppercase."""
    return ch.lower(), ch.upper()


@lru_cache(maxsize=1)
def _vni_strong() -> re.Pattern[str]:
    """Given nothing, return a regex of VNI pairs that no French or Unicode text writes."""
    pairs = {seq for seq in _vni_decode()[0] if len(seq) == 2}
    weak = {a + b for w in VNI_WEAK_PAIRS for a, b in product(*map(_both_cases, w))}
    return re.compile("|".join(sorted(map(re.escape, pairs - weak))))


def _strong(encoding: str) -> re.Pattern[str]:
    """Given an encoding, return the regex of sequences that prove it on their own."""
    if encoding == TCVN3:
        return _TCVN3_STRONG
    return _vni_strong() if encoding == VNI else _VIQR_STRONG


def _is_word(token: str) -> bool:
    """Given a token, return whether it is a Vietnamese syllable once edge punctuation is off."""
    return is_syllable(token.strip(_EDGE_PUNCT))


@lru_cache(maxsize=WORD_CACHE_SIZE)
def word_gain(token: str, encoding: str) -> int | None:
    """Given a token and an encoding, return NO_/WEAK_/STRONG_GAIN, or None if unchanged."""
    converted = _DECODERS[encoding](token)
    if converted == token:
        return None
    if not _ASCII_LETTER.search(token) or _is_word(token) or not _is_word(converted):
        return NO_GAIN
    return STRONG_GAIN if _strong(encoding).search(token) else WEAK_GAIN


@dataclass(frozen=True, slots=True, kw_only=True)
class Evidence:
    """How strongly a text reads as one legacy encoding."""

    encoding: str
    weight: int  # summed evidence of the distinct words that gain
    strong: int  # gaining words holding a sequence that proves the encoding alone
    gaining: int  # distinct words that become Vietnamese syllables only once converted
    changed: int  # distinct words the conversion changes

    @property
    def convincing(self) -> bool:
        """Given evidence, return whether it proves the encoding."""
        return (
            self.strong >= 1
            and self.weight >= MIN_EVIDENCE
            and self.gaining >= MIN_GAIN_SHARE * self.changed
        )


def evidence(text: str, encoding: str) -> Evidence:
    """Given text and an encoding, return the Evidence of its distinct words."""
    pattern = _VIQR_WORD if encoding == VIQR else _FONT_WORD
    words = islice(dict.fromkeys(pattern.findall(text)), MAX_SAMPLE_WORDS)
    gains = [g for word in words if (g := word_gain(word, encoding)) is not None]
    strong = gains.count(STRONG_GAIN)
    return Evidence(
        encoding=encoding,
        weight=gains.count(WEAK_GAIN) + strong * STRONG_WEIGHT[encoding],
        strong=strong,
        gaining=len(gains) - gains.count(NO_GAIN),
        changed=len(gains),
    )


def detect(text: str) -> str | None:
    """Given text decoded as Latin-1/CP1252, return "tcvn3", "vni", "viqr", or None for Unicode."""
    found = [e for e in map(evidence, repeat(text), _candidates(text)) if e.convincing]
    return max(found, key=lambda e: e.weight).encoding if found else None


def syllable_count(text: str, encoding: str) -> int:
    """Given legacy text and an encoding, return how many of its words convert to syllables."""
    return sum(_is_word(word) for word in to_unicode(text, encoding).split())


def better_font_encoding(text: str, encoding: str) -> str:
    """Given a short run of legacy-font text and its font's encoding (TCVN3 or VNI), return
    the one of the two whose conversion makes more of its words Vietnamese syllables; the
    font's on a tie. For text too short for ``detect`` ("Chieác" typed in VNI in a TCVN3
    font): one word decides, so only these two encodings compete, never Unicode."""
    other = VNI if encoding == TCVN3 else TCVN3
    if syllable_count(text, other) > syllable_count(text, encoding):
        return other
    return encoding


def repair(text: str) -> tuple[str, str | None]:
    """Given extracted text, return (it in Unicode NFC, the legacy encoding found or None)."""
    found = detect(text)
    return (to_unicode(text, found) if found else _nfc(text)), found


# --- bytes -------------------------------------------------------------------------------


def _by_bom(data: bytes) -> tuple[str, str] | None:
    """Given file bytes, return (text, codec) when they open with a Unicode BOM."""
    for bom, codec in _BOMS:
        if data.startswith(bom):
            return data.decode(codec), codec
    return None


def _try_decode(data: bytes, codec: str) -> tuple[str, str] | None:
    """Given bytes and a codec name, return (text, codec) if they decode strictly, else None."""
    try:
        return data.decode(codec), codec
    except (UnicodeDecodeError, LookupError):
        return None


def _codec_name(label: str | None) -> str | None:
    """Given a charset label ("windows-1258", "text/html; charset=UTF-8"), return a codec name."""
    if not label:
        return None
    label = label.rsplit("charset=", 1)[-1].strip(" \"';")
    try:
        name = codecs.lookup(label).name
    except LookupError:
        return None
    return "cp1252" if name in WINDOWS_1252_ALIASES else name


def _by_label(data: bytes, label: str | None) -> tuple[str, str] | None:
    """Given bytes and a declared charset, return (text, codec) when it decodes them."""
    name = _codec_name(label)
    if name is None:
        return None
    decoded = _try_decode(data, name)
    return decoded if decoded or name != "cp1252" else _try_decode(data, "latin-1")


def _by_meta(data: bytes) -> tuple[str, str] | None:
    """Given HTML/XML bytes, return (text, codec) from their own charset declaration."""
    m = _META_CHARSET.search(data[:SNIFF_BYTES])
    label = (m.group(1) or m.group(2)).decode("ascii") if m else None
    return _by_label(data, label)


def _by_legacy_font(data: bytes) -> tuple[str, str] | None:
    """Given undeclared single-byte data, return (Unicode text, "tcvn3"/"vni") if it is one."""
    latin = data.decode("latin-1")
    found = detect(latin)
    return (to_unicode(latin, found), found) if found in (TCVN3, VNI) else None


def _by_guess(data: bytes) -> tuple[str, str] | None:
    """Given bytes, return (text, codec) guessed by charset-normalizer, or None."""
    best = charset_normalizer.from_bytes(data).best()
    return (str(best), best.encoding) if best is not None else None


def _by_utf8(data: bytes) -> tuple[str, str] | None:
    """Given bytes, return (text, "utf-8") when they are valid UTF-8."""
    return _try_decode(data, "utf-8")


def _decoders(declared: str | None) -> tuple[Callable[[bytes], tuple[str, str] | None], ...]:
    """Given the declared charset, return the decoders decode_bytes tries, in order."""
    by_declared = partial(_by_label, label=declared)
    return (_by_bom, _by_utf8, by_declared, _by_meta, _by_legacy_font, _by_guess)


def decode_bytes(data: bytes, declared: str | None = None) -> tuple[str, str]:
    """Given a text/HTML file's bytes, return (text NFC, encoding); ValueError when nothing fits."""
    for decoder in _decoders(declared):
        if found := decoder(data):
            return _nfc(found[0]), found[1]
    raise ValueError(
        f"cannot decode {len(data)} bytes: not UTF-8, not the declared charset ({declared}), "
        "not TCVN3/VNI, and charset-normalizer found no fit; re-save the file as UTF-8"
    )
