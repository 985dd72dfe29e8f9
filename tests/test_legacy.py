"""normalizers.legacy: TCVN3/VNI/VIQR detection and conversion, file decoding."""

from __future__ import annotations

import codecs
import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from parscore.normalizers.legacy import (
    ENCODINGS,
    decode_bytes,
    detect,
    evidence,
    from_unicode,
    repair,
    to_unicode,
)
from parscore.normalizers.text import clean

#: Phrases of real notices, as Unicode (the reference side of every round trip).
NOTICE_PHRASES = [
    "Cộng hòa xã hội chủ nghĩa Việt Nam",
    "Độc lập - Tự do - Hạnh phúc",
    "Thông báo kết quả thẩm định Chỉ số cải cách hành chính năm 2023 của Sở Xây dựng",
    "Công tác chỉ đạo, điều hành cải cách hành chính",
    "Xây dựng và tổ chức thực hiện văn bản quy phạm pháp luật tại tỉnh",
    "Cải cách thủ tục hành chính",
    "Cải cách tổ chức bộ máy hành chính nhà nước",
    "Xây dựng và nâng cao chất lượng đội ngũ cán bộ, công chức, viên chức",
    "Đổi mới cơ chế tài chính đối với cơ quan hành chính và đơn vị sự nghiệp công lập",
    "Xây dựng và phát triển chính quyền điện tử, chính quyền số",
    "Tác động của cải cách hành chính đến người dân, tổ chức và phát triển kinh tế - xã hội",
    "Điểm tự đánh giá của đơn vị là 75,61 điểm; điểm thẩm định đạt 72,32 điểm, xếp loại Khá",
    "Văn phòng Sở chủ trì, phối hợp với Thanh tra Sở và các phòng chuyên môn thực hiện",
    "Bình Dương, ngày 26 tháng 3 năm 2024",
    "Nguyễn Văn Nam, Phó Giám đốc Sở, chủ trì cuộc họp",
    "Trung tâm Quy hoạch xây dựng rà soát hồ sơ thủ tục hành chính trước ngày 30 tháng 6",
    "quý hoá, thuỷ lợi, khoẻ mạnh, khuỷu tay, ngoằn ngoèo, thuở ấy, người ở, quyết định",
    "Mường Khương, Hoà Bình, Khánh Hòa, Thừa Thiên Huế, Đắk Lắk, Bà Rịa - Vũng Tàu",
]

TCVN3_EXAMPLES = [
    ("Céng hoµ x· héi chñ nghÜa ViÖt Nam", "Cộng hoà xã hội chủ nghĩa Việt Nam"),
    ("§éc lËp - Tù do - H¹nh phóc", "Độc lập - Tự do - Hạnh phúc"),
    ("Së X©y dùng", "Sở Xây dựng"),
    ("ChØ sè c¶i c¸ch hµnh chÝnh", "Chỉ số cải cách hành chính"),
    ("§iÓm thÈm ®Þnh", "Điểm thẩm định"),
    ("XÕp lo¹i: Tèt", "Xếp loại: Tốt"),
    ("ngµy 26 th¸ng 3 n¨m 2024", "ngày 26 tháng 3 năm 2024"),
    ("M\u00adêng Kh\u00ad¬ng", "Mường Khương"),  # ư is 0xAD, the soft hyphen
    ("nhµ n\u2212íc vµ Thñ t\u2212íng", "nhà nước và Thủ tướng"),  # a PDF's minus for 0xAD
    ("CéNG HOµ X· HéI", "CộNG HOà Xã HộI"),  # .VnTimeH capitals come back lowercase
]
VNI_EXAMPLES = [
    ("Sôû Xaây döïng", "Sở Xây dựng"),
    ("Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam", "Cộng hòa xã hội chủ nghĩa Việt Nam"),
    ("Ñieåm thaåm ñònh", "Điểm thẩm định"),
    ("Xin chaøo caùc baïn", "Xin chào các bạn"),
    ("COÄNG HOØA XAÕ HOÄI CHUÛ NGHÓA VIEÄT NAM", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"),
    ("Ñaø Naüng, saün coù", "Đà Nẵng, sẵn có"),
]
VIQR_EXAMPLES = [
    ("Vie^.t Nam", "Việt Nam"),
    ("DDie^?m tha^?m ddi.nh", "Điểm thẩm định"),
    ("Co^.ng ho`a xa~ ho^.i chu? nghi~a Vie^.t Nam", "Cộng hòa xã hội chủ nghĩa Việt Nam"),
    ("Ngu+o+`i da^n", "Người dân"),
    ("Ha` No^.i\\.", "Hà Nội."),  # an escaped full stop
]

NEGATIVES = [
    *NOTICE_PHRASES,
    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
    "Céline à côté",
    "Hello world, I'm here. Don't you know? It's 5 p.m., e.g. at the café.",
    "The Public Administration Reform Index (PAR Index) measures provinces each year.",
    "Où est-il ? Je ne sais où. Le goût du thé, naïf et aérien, à côté de Noël.",
    "Les élèves étaient très contents d'être là, près de la rivière, où l'été dure.",
    "Köln, Müller, Straße: für über schön; Mädchen hören Bär.",
    "España: el señor compró años de café en Cádiz.",
    "Lưu: VT, NVĐP. – 5 µm × 3 · 12 ± 0,5 © 2024 « guillemets » ¶",
    "Sở Xây dựng hoàn thành kế toán, thanh toán, quyết toán; ngoài ra hoà giải, hoá đơn.",
]


def cp1258_bytes(text: str) -> bytes:
    """Given Unicode, return Windows-1258 bytes (base letters plus separate tone marks)."""
    tones = "\u0300\u0301\u0303\u0309\u0323"
    out = []
    for ch in text:
        parts = unicodedata.normalize("NFD", ch)
        base = unicodedata.normalize("NFC", "".join(c for c in parts if c not in tones))
        out.append(base + "".join(c for c in parts if c in tones))
    return "".join(out).encode("cp1258")


# --- examples --------------------------------------------------------------------------------


@pytest.mark.parametrize(("legacy", "expected"), TCVN3_EXAMPLES)
def test_tcvn3_examples(legacy: str, expected: str) -> None:
    assert to_unicode(legacy, "tcvn3") == expected


@pytest.mark.parametrize(("legacy", "expected"), TCVN3_EXAMPLES[:-1])
def test_tcvn3_examples_are_detected(legacy: str, expected: str) -> None:
    assert repair(legacy) == (expected, "tcvn3")


@pytest.mark.parametrize(("legacy", "expected"), VNI_EXAMPLES)
def test_vni_examples(legacy: str, expected: str) -> None:
    assert repair(legacy) == (expected, "vni")


@pytest.mark.parametrize(("legacy", "expected"), VIQR_EXAMPLES)
def test_viqr_examples(legacy: str, expected: str) -> None:
    assert to_unicode(legacy, "viqr") == expected


@pytest.mark.parametrize("legacy", [text for text, _ in VIQR_EXAMPLES[:4]])
def test_viqr_examples_are_detected(legacy: str) -> None:
    assert detect(legacy) == "viqr"


@pytest.mark.parametrize("text", NEGATIVES)
def test_no_false_positives(text: str) -> None:
    assert detect(text) is None
    assert repair(text) == (unicodedata.normalize("NFC", text), None)


def test_soft_hyphen_survives_clean_then_repair() -> None:
    assert repair(clean("M\u00adêng Kh\u00ad¬ng"))[0] == "Mường Khương"


def test_one_legacy_word_is_not_proof() -> None:
    assert detect("Tèt") is None
    assert detect("5 µm") is None


def test_evidence_counts_distinct_words() -> None:
    found = evidence("Së X©y dùng Së X©y dùng", "tcvn3")
    assert (found.gaining, found.changed, found.convincing) == (2, 3, True)


def test_unknown_encoding_is_a_clear_error() -> None:
    with pytest.raises(ValueError, match="tcvn3, vni, viqr"):
        to_unicode("abc", "viscii")


# --- round trips -----------------------------------------------------------------------------


@pytest.mark.parametrize("phrase", NOTICE_PHRASES)
def test_round_trip_tcvn3_is_exact_in_lowercase(phrase: str) -> None:
    """TCVN3 has no accented capitals: compare lowercase (plain capitals survive)."""
    back = to_unicode(from_unicode(phrase, "tcvn3"), "tcvn3")
    assert back.lower() == phrase.lower()
    assert to_unicode(from_unicode(phrase.lower(), "tcvn3"), "tcvn3") == phrase.lower()


@pytest.mark.parametrize("encoding", ["vni", "viqr"])
@pytest.mark.parametrize("phrase", NOTICE_PHRASES)
def test_round_trip_vni_viqr(phrase: str, encoding: str) -> None:
    assert to_unicode(from_unicode(phrase, encoding), encoding) == phrase


@pytest.mark.parametrize("encoding", ENCODINGS)
@pytest.mark.parametrize("phrase", NOTICE_PHRASES[:13])
def test_encoded_phrases_are_detected(phrase: str, encoding: str) -> None:
    assert detect(from_unicode(phrase, encoding)) == encoding


VIETNAMESE_LETTERS = sorted(
    {
        unicodedata.normalize("NFC", base + tone)
        for base in "aăâeêioôơuưy"
        for tone in ("", "\u0300", "\u0301", "\u0303", "\u0309", "\u0323")
    }
    | {"đ"}
)


@pytest.mark.parametrize("encoding", ENCODINGS)
def test_every_vietnamese_letter_round_trips(encoding: str) -> None:
    assert len(VIETNAMESE_LETTERS) == 73  # 12 vowels × 6 tones + đ
    lower = " ".join(VIETNAMESE_LETTERS)  # VIQR: one tone per word
    assert to_unicode(from_unicode(lower, encoding), encoding) == lower
    if encoding != "tcvn3":
        assert to_unicode(from_unicode(lower.upper(), encoding), encoding) == lower.upper()


def test_tcvn3_capitals_that_exist() -> None:
    assert to_unicode(from_unicode("ĂÂÊÔƠƯĐ", "tcvn3"), "tcvn3") == "ĂÂÊÔƠƯĐ"


SYLLABLE_WORDS = st.sampled_from(" ".join(NOTICE_PHRASES).replace(",", "").split())


@given(st.lists(SYLLABLE_WORDS, min_size=1, max_size=12))
def test_round_trip_property(words: list[str]) -> None:
    text = " ".join(words)
    for encoding in ("vni", "viqr"):
        assert to_unicode(from_unicode(text, encoding), encoding) == text
    assert to_unicode(from_unicode(text, "tcvn3"), "tcvn3").lower() == text.lower()


@given(st.lists(SYLLABLE_WORDS, min_size=1, max_size=12))
def test_unicode_vietnamese_is_never_legacy(words: list[str]) -> None:
    assert detect(" ".join(words)) is None


# --- bytes -----------------------------------------------------------------------------------

SAMPLE = "Thông báo kết quả Chỉ số cải cách hành chính của Sở Xây dựng tỉnh Bình Dương năm 2023"


@pytest.mark.parametrize(
    ("data", "declared", "encoding"),
    [
        (SAMPLE.encode("utf-8"), None, "utf-8"),
        (SAMPLE.encode("utf-8"), "windows-1258", "utf-8"),  # valid UTF-8 wins over a label
        (codecs.BOM_UTF8 + SAMPLE.encode("utf-8"), None, "utf-8-sig"),
        (SAMPLE.encode("utf-16"), None, "utf-16"),
        (codecs.BOM_UTF16_BE + SAMPLE.encode("utf-16-be"), None, "utf-16"),
        (SAMPLE.encode("utf-32"), None, "utf-32"),
        (cp1258_bytes(SAMPLE), "windows-1258", "cp1258"),
        (cp1258_bytes(SAMPLE), "text/html; charset=Windows-1258", "cp1258"),
        (b'<meta charset="windows-1258"><p>' + cp1258_bytes(SAMPLE), None, "cp1258"),
        (from_unicode(SAMPLE, "tcvn3").encode("latin-1"), None, "tcvn3"),
        (from_unicode(SAMPLE, "vni").encode("cp1252"), None, "vni"),
        (b"", None, "utf-8"),
    ],
)
def test_decode_bytes(data: bytes, declared: str | None, encoding: str) -> None:
    text, found = decode_bytes(data, declared)
    assert found == encoding
    assert unicodedata.is_normalized("NFC", text)
    assert SAMPLE in text or not data


def test_decode_bytes_keeps_a_declared_western_charset_for_repair() -> None:
    legacy = from_unicode(SAMPLE, "tcvn3")
    text, found = decode_bytes(legacy.encode("latin-1"), "ISO-8859-1")
    assert found == "cp1252"
    assert repair(text) == (SAMPLE, "tcvn3")


def test_decode_bytes_ignores_an_unknown_label() -> None:
    assert decode_bytes(SAMPLE.encode(), "no-such-charset") == (SAMPLE, "utf-8")


def test_decode_bytes_gives_up_with_a_clear_message() -> None:
    with pytest.raises(ValueError, match="re-save the file as UTF-8"):
        decode_bytes(bytes(range(256)) * 3)


@pytest.mark.parametrize(
    ("fonts", "expected"),
    [
        ((".VnTime",), "tcvn3"),
        ((".VnArialH",), "tcvn3"),
        (("VNI-Times",), "vni"),
        (("Times New Roman",), None),
        ((), None),
    ],
)
def test_font_encoding(fonts: tuple[str, ...], expected: str | None) -> None:
    from parscore.normalizers.legacy import font_encoding

    assert font_encoding(fonts) == expected


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("PHÇN THø HAI", "PHẦN THỨ HAI"),  # capitals typed: accented letters follow
        ("Tæ chøc bé m¸y", "Tổ chức bộ máy"),  # one initial capital in running text
        ("Tæ CHøC Bé M¸Y", "TỔ CHỨC BỘ MÁY"),  # ... and in a run typed in capitals
        ("QuyÕt ®Þnh", "Quyết định"),  # typed in lowercase: no capitals invented
        ("Ban hµnh kÌm theo", "Ban hành kèm theo"),
        ("Sè D.A. ®· duyÖt", "Số D.A. đã duyệt"),  # an abbreviation is not a capitals word
    ],
)
def test_typed_capitals(typed: str, expected: str) -> None:
    from parscore.normalizers.legacy import typed_capitals

    assert typed_capitals(typed, "tcvn3") == expected


def test_typed_capitals_leave_vni_as_decoded() -> None:
    from parscore.normalizers.legacy import from_unicode, typed_capitals

    assert typed_capitals(from_unicode("ĐIỀU 3. Hiệu lực", "vni"), "vni") == "ĐIỀU 3. Hiệu lực"


@pytest.mark.parametrize(
    ("font", "expected"),
    [
        ("VNSTCVN3", "tcvn3"),
        ("VN3 TCVN3 Times", "tcvn3"),
        ("VNI-Helve-Condense", "vni"),
        ("Arial", None),
    ],
)
def test_font_families_by_name(font: str, expected: str | None) -> None:
    from parscore.normalizers.legacy import font_encoding

    assert font_encoding([font]) == expected


@pytest.mark.parametrize(
    ("word", "font", "expected"),
    [
        ("Chieác", "tcvn3", "vni"),  # VNI typed in a TCVN3-named font: VNI makes a syllable
        ("ChiÕc", "tcvn3", "tcvn3"),
        ("Soá löôïng", "tcvn3", "vni"),
        ("STT", "vni", "vni"),  # a tie keeps the font's encoding
    ],
)
def test_better_font_encoding(word: str, font: str, expected: str) -> None:
    from parscore.normalizers.legacy import better_font_encoding

    assert better_font_encoding(word, font) == expected
