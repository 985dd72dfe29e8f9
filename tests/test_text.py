"""normalizers.text: cleaning, folding, tone placement, syllables and look-alike letters."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from parscore.normalizers.legacy import detect
from parscore.normalizers.syllables import is_syllable, parse_syllable, place_tone
from parscore.normalizers.text import (
    CONTROL_CHARS,
    INVISIBLE_CHARS,
    SOFT_HYPHEN,
    SPACE_CHARS,
    canonical_tones,
    clean,
    fold,
    fold_homoglyphs,
    strip_tones,
)

NFD = "NFD"


def nfd(s: str) -> str:
    return unicodedata.normalize(NFD, s)


CLEAN_CASES = [
    ("  Sở   Xây dựng  ", "Sở Xây dựng"),
    ("Sở\u00a0Xây\u00a0dựng", "Sở Xây dựng"),  # NBSP
    ("72,32\u2009điểm", "72,32 điểm"),  # thin space
    ("1\u202f234", "1 234"),  # narrow NBSP
    ("Thông\u200bbáo", "Thôngbáo"),  # zero-width space
    ("\ufeffTHÔNG BÁO", "THÔNG BÁO"),  # BOM
    ("a\u200c\u200db", "ab"),  # ZWNJ, ZWJ
    ("Kết\x00quả\x07", "Kếtquả"),  # control characters
    ("dòng 1\ndòng 2\r\n\tdòng 3", "dòng 1 dòng 2 dòng 3"),
    ("a\u2028b\u2029c", "a b c"),  # line and paragraph separators
    ("\u3000Hà Nội\u3000", "Hà Nội"),  # ideographic space
    ("\u200eSở\u200f", "Sở"),  # bidi marks
    ("x\x7fy\x85z", "xy z"),  # DEL dropped, NEL is a line break
    (nfd("Cộng hòa xã hội"), "Cộng hòa xã hội"),  # NFD to NFC
    ("hành\u00adchính", "hànhchính"),  # soft hyphen in Unicode text: a hyphenation hint
    ("M\u00adêng Kh\u00ad¬ng vµ M\u00adêng Nh\u00e9", "M\u00adêng Kh\u00ad¬ng vµ M\u00adêng Nhé"),
    ("", ""),
    ("   ", ""),
]


@pytest.mark.parametrize(("raw", "expected"), CLEAN_CASES)
def test_clean(raw: str, expected: str) -> None:
    assert clean(raw) == expected


def test_clean_keeps_the_tcvn3_soft_hyphen_for_legacy_repair() -> None:
    from parscore.normalizers.legacy import repair

    assert repair(clean("M\u00adêng Kh\u00ad¬ng"))[0] == "Mường Khương"


def test_space_chars_are_what_str_split_splits_on() -> None:
    assert all(c.isspace() for c in SPACE_CHARS)


FOLD_CASES = [
    ("CỘNG HOÀ", "cộng hòa"),
    ("Cộng hòa", "cộng hòa"),
    ("thuỷ lợi", "thủy lợi"),
    ("khoẻ mạnh", "khỏe mạnh"),
    ("qúy", "quý"),
    ("gìa", "già"),
    ("Hoà Bình", "hòa bình"),
    ("HOÁ ĐƠN", "hóa đơn"),
    ("Thành phố Biên Hoà", "thành phố biên hòa"),
    (nfd("Hiện đại hoá hành chính"), "hiện đại hóa hành chính"),
    ("Quy hoạch – Kiến trúc", "quy hoạch - kiến trúc"),
    ("Độc lập — Tự do ‐ Hạnh phúc", "độc lập - tự do - hạnh phúc"),
    ("TB−SXD", "tb-sxd"),
    ("người", "người"),
    ("khuỷu tay", "khuỷu tay"),
    ("ngoài", "ngoài"),
    ("hoàn thành", "hoàn thành"),
    ("NGOẰN NGOÈO", "ngoằn ngoèo"),
    ("(hoà),", "(hòa),"),
    ("Văn  phòng\u00a0Sở", "văn phòng sở"),
    ("Céline à côté", "céline à côté"),
    ("PAR Index", "par index"),
]


@pytest.mark.parametrize(("text", "expected"), FOLD_CASES)
def test_fold(text: str, expected: str) -> None:
    assert fold(text) == expected


def test_fold_unifies_tone_placement_styles() -> None:
    assert fold("CỘNG HOÀ") == fold("Cộng hòa")
    assert fold("thuỷ") == fold("thủy")
    assert fold("khoẻ") == fold("khỏe")
    assert fold("qúy") == fold("quý")


def test_fold_long_text_is_not_cached_but_equal() -> None:
    text = "Thuỷ lợi, hoà bình. " * 40
    assert fold(text) == ("thủy lợi, hòa bình. " * 40).strip()


STRIP_CASES = [
    ("Đường Hoà Bình", "Duong Hoa Binh"),
    ("Cải cách thủ tục hành chính", "Cai cach thu tuc hanh chinh"),
    ("NGƯỜI DÂN", "NGUOI DAN"),
    ("ĐĂNG KÝ", "DANG KY"),
    (nfd("Việt Nam"), "Viet Nam"),
    ("Céline à côté", "Celine a cote"),
    ("plain ASCII", "plain ASCII"),
    ("thuở", "thuo"),
]


@pytest.mark.parametrize(("text", "expected"), STRIP_CASES)
def test_strip_tones(text: str, expected: str) -> None:
    assert strip_tones(text) == expected


HOMOGLYPH_CASES = [
    ("ĐẠI ҺỌເ QUỐເ ǤIA ҺÀ ПỘI", "ĐẠI HỌC QUỐC GIA HÀ NỘI"),
    ("ҺỌເ", "HỌC"),
    ("ƚгὶпҺ ເủa", "trình của"),
    ("ѵà ເáເ", "và các"),
    ("Һọເ", "học"),
    ("Сải сáсһ", "Cải cách"),  # Cyrillic С, с, һ
    ("ΡΑΡΙ", "PAPI"),  # Greek capitals
    ("Cộng hòa", "Cộng hòa"),
    ("plain", "plain"),
]


@pytest.mark.parametrize(("text", "expected"), HOMOGLYPH_CASES)
def test_fold_homoglyphs(text: str, expected: str) -> None:
    assert fold_homoglyphs(text) == expected


SYLLABLES = ["mường", "khương", "nghiêng", "quốc", "già", "gìn", "khuỷu", "người", "Việt", "ĐIỂM",
             "xã", "ăn", "thuở", "oanh", "huých", "quyết", "y", "à"]
NON_SYLLABLES = ["céline", "goût", "trốs", "hoạtộng", "sở1", "ăng1", "tiê", "bacch",
                 "cỏch", "thàt", "kèmp", "ñi", "x·", "Sôû", "ai-", "aìa", ""]


@pytest.mark.parametrize("word", SYLLABLES)
def test_is_syllable(word: str) -> None:
    assert is_syllable(word)


@pytest.mark.parametrize("word", NON_SYLLABLES)
def test_is_not_syllable(word: str) -> None:
    assert not is_syllable(word)


def test_parse_syllable_parts() -> None:
    syl = parse_syllable("người")
    assert syl is not None
    assert (syl.onset, syl.nucleus, syl.final, syl.tone) == ("ng", "ươi", "", "\u0300")
    assert parse_syllable("qúy") == parse_syllable("quý")
    assert parse_syllable("hoàà") is None


@pytest.mark.parametrize(
    ("word", "expected"),
    [("hoà", "hòa"), ("thuỷ", "thủy"), ("qúy", "quý"), ("gìa", "già"), ("hòan", "hoàn"),
     ("muà", "mùa"), ("ngoaì", "ngoài"), ("tiéng", "tiéng"), ("abc", "abc")],
)
def test_place_tone(word: str, expected: str) -> None:
    assert place_tone(word) == expected


# --- properties ------------------------------------------------------------------------------

ONSETS = ["", "b", "c", "ch", "d", "đ", "g", "gh", "h", "kh", "l", "m", "n", "ng", "nh", "ph",
          "s", "t", "th", "tr", "v", "x"]
OPEN_DIPHTHONGS = ["oa", "oe", "uy"]  # where the two styles differ
TONES = ["\u0300", "\u0301", "\u0303", "\u0309", "\u0323"]


def toned(letters: str, at: int, tone: str) -> str:
    return unicodedata.normalize("NFC", letters[: at + 1] + tone + letters[at + 1 :])


@st.composite
def styled_syllables(draw: st.DrawFn) -> tuple[str, str]:
    """A syllable with an open oa/oe/uy rhyme, written in the classic and in the school style."""
    onset = draw(st.sampled_from(ONSETS))
    rhyme = draw(st.sampled_from(OPEN_DIPHTHONGS))
    tone = draw(st.sampled_from(TONES))
    word = onset + rhyme
    classic, school = toned(word, len(onset), tone), toned(word, len(onset) + 1, tone)
    upper = draw(st.booleans())
    return (classic.upper(), school.upper()) if upper else (classic, school)


VIET_ALPHABET = (
    "aăâeêioôơuưybcdđghklmnpqrstvx AĂÂEÊIOÔƠUƯYĐ,.-–"
    "\u0300\u0301\u0303\u0309\u0323\u0302\u0306\u031b\u00a0\u200b"
)


@given(st.text())
def test_clean_is_idempotent_and_nfc(text: str) -> None:
    once = clean(text)
    assert clean(once) == once
    assert unicodedata.is_normalized("NFC", once)


@given(st.text())
def test_fold_is_idempotent(text: str) -> None:
    assert fold(fold(text)) == fold(text)


@given(st.text(alphabet=VIET_ALPHABET, max_size=40))
def test_fold_is_idempotent_on_vietnamese(text: str) -> None:
    assert fold(fold(text)) == fold(text)


@given(st.text(alphabet=VIET_ALPHABET, max_size=40))
def test_fold_ignores_nfc_or_nfd(text: str) -> None:
    assert fold(unicodedata.normalize("NFD", text)) == fold(unicodedata.normalize("NFC", text))


@given(st.lists(styled_syllables(), min_size=1, max_size=6))
def test_fold_ignores_tone_placement_style(pairs: list[tuple[str, str]]) -> None:
    classic = " ".join(c for c, _ in pairs)
    school = " ".join(s for _, s in pairs)
    assert fold(classic) == fold(school) == fold(nfd(school))


@given(st.text(alphabet=VIET_ALPHABET, max_size=40))
def test_strip_tones_leaves_no_marks(text: str) -> None:
    stripped = strip_tones(text)
    assert not any(unicodedata.combining(c) for c in unicodedata.normalize("NFD", stripped))
    assert "đ" not in stripped.lower()


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("Thanh Hoá", "Thanh Hóa"),
        ("KHÁNH HOÀ", "KHÁNH HÒA"),
        ("Thuỷ lợi", "Thủy lợi"),
        ("Sở Xây dựng 2024", "Sở Xây dựng 2024"),
        ("ASCII only", "ASCII only"),
    ],
)
def test_canonical_tones_keep_case(written: str, expected: str) -> None:
    assert canonical_tones(written) == expected
    assert fold(canonical_tones(written)) == fold(written)


def reference_clean(s: str) -> str:
    """clean() as first written: a search for dropped characters, then the spaces collapsed."""
    if any(c in s for c in INVISIBLE_CHARS + CONTROL_CHARS + SOFT_HYPHEN):
        keep = SOFT_HYPHEN in s and detect(s) == "tcvn3"
        dropped = INVISIBLE_CHARS + CONTROL_CHARS + ("" if keep else SOFT_HYPHEN)
        s = "".join(c for c in s if c not in dropped)
    return unicodedata.normalize("NFC", " ".join(s.split()))


def test_clean_fast_paths_rest_on_printable_text() -> None:
    assert not any(c.isprintable() for c in INVISIBLE_CHARS + CONTROL_CHARS + SOFT_HYPHEN)
    assert not any(c.isprintable() for c in SPACE_CHARS)


CLEAN_PIECES = [" ", "  ", "\n", "\t", "\u00a0", "\u200b", "\u00ad", "\x07", "\ue000", "Sở",
                "Kh\u00ad¬ng", "µ", "o\u0302\u0301", "ộ", "a", "1,5", "\u2029"]  # fmt: skip


@given(st.lists(st.sampled_from(CLEAN_PIECES), max_size=12).map("".join))
def test_clean_as_first_written(text: str) -> None:
    assert clean(text) == reference_clean(text)


@pytest.mark.parametrize(("raw", "expected"), CLEAN_CASES)
def test_clean_cases_as_first_written(raw: str, expected: str) -> None:
    assert reference_clean(raw) == expected


@given(st.text(alphabet=VIET_ALPHABET + "“”…ÀǸ\u1ebf\u0430Ω", max_size=40))
def test_strip_tones_leaves_no_mark(text: str) -> None:
    bare = strip_tones(text)
    plain = unicodedata.normalize("NFD", text).translate({ord("đ"): "d", ord("Đ"): "D"})
    marks = "".join(c for c in plain if not unicodedata.combining(c))
    assert bare == unicodedata.normalize("NFC", marks)
