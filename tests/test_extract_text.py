"""Text extractor: one PARAGRAPH per non-blank line, chrome lines gone, any BOM, NFC out;
and the shared chrome-line rules of extractors.boilerplate."""

from __future__ import annotations

import codecs
import unicodedata
from typing import Any

import pytest

from parscore.extractors.boilerplate import is_chrome_line, is_tail_marker
from parscore.extractors.errors import ErrorCode, InputError
from parscore.extractors.limits import DEFAULT_LIMITS
from parscore.extractors.model import BlockKind, Document, SourceInfo
from parscore.extractors.text import extract
from tests.conftest import SAMPLES
from tests.test_extract_html import cp1258_form

SEED_TXT = SAMPLES / "seed-568-tb-sxd.txt"

#: The score table as the seed holds it: flattened, one cell a line.
FLAT_TABLE = [
    "Lĩnh vực", "Điểm tối đa", "CTHĐ Thẩm định",
    "Công tác chỉ đạo điều hành cải cách hành chính", "15.5", "12.23",
    "Cải cách thể chế", "14", "10",
    "Cải cách thủ tục hành chính", "17.5", "10,86",
    "Cải cách tổ chức bộ máy hành chính nhà nước", "10", "9",
    "Cải cách chế độ công vụ", "12", "11",
    "Cải cách tài chính công", "11", "7.41",
    "Xây dựng và phát triển chính quyền điện tử, chính quyền số", "20", "15.11",
    "Tổng cộng điểm", "100", "75.61",
    "Xếp loại", "Khá",
]  # fmt: skip

SEED_CHROME = ("Lượt xem", "Bản in", "Tin đã đưa", "Trang 1 / 8", "Go To", "Xem theo ngày",
               "Liên kết web")  # fmt: skip


def run(data: bytes, path: str = "notice.txt") -> Document:
    """Given text bytes, return the extracted Document."""
    return extract(data, SourceInfo(path=path, format="txt", sha256=""), DEFAULT_LIMITS)


def lines(document: Document) -> list[str]:
    """Given a Document, return its block texts."""
    return [block.text for block in document.blocks]


@pytest.fixture(scope="module")
def seed() -> Document:
    return run(SEED_TXT.read_bytes(), str(SEED_TXT))


def test_seed_table_lines_arrive_as_paragraphs_in_order(seed: Document) -> None:
    texts = lines(seed)
    start = texts.index("Lĩnh vực")
    assert texts[start : start + len(FLAT_TABLE)] == FLAT_TABLE
    assert texts[start + len(FLAT_TABLE)] == "1. Một số Kết quả đạt được:"  # leading spaces gone


def test_seed_blocks_are_numbered_paragraphs(seed: Document) -> None:
    assert {block.kind for block in seed.blocks} == {BlockKind.PARAGRAPH}
    assert [block.prov.block for block in seed.blocks] == list(range(len(seed.blocks)))
    assert {block.prov.path for block in seed.blocks} == {str(SEED_TXT)}


def test_seed_keeps_numbered_lines_whole(seed: Document) -> None:
    texts = lines(seed)
    assert "2. Những tồn tại, hạn chế:" in texts
    assert "3.1 Văn phòng Sở:" in texts
    assert texts[0].startswith("Thông báo Kết quả họp")
    assert texts[-2:] == ["(Chi tiết tại phụ lục kèm theo)", "Văn phòng"]


@pytest.mark.parametrize("chrome", SEED_CHROME)
def test_seed_chrome_lines_are_gone(seed: Document, chrome: str) -> None:
    assert not [text for text in lines(seed) if chrome in text]


def test_whitespace_and_nbsp_collapse(seed: Document) -> None:
    assert all(text == " ".join(text.split()) and "\xa0" not in text for text in lines(seed))
    assert "- Thực hiện ban hành các kế hoạch và báo cáo công tác tham mưu xây dựng" in " ".join(
        lines(seed)
    )


def test_nfd_input_gives_nfc_output(seed: Document) -> None:
    nfd = unicodedata.normalize("NFD", SEED_TXT.read_text(encoding="utf-8")).encode()
    document = run(nfd)
    assert document.blocks == seed.blocks
    assert all(unicodedata.is_normalized("NFC", text) for text in lines(document))


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be", "utf-8"])
def test_files_with_a_bom_decode(seed: Document, codec: str) -> None:
    bom = {"utf-16-le": codecs.BOM_UTF16_LE, "utf-16-be": codecs.BOM_UTF16_BE}.get(
        codec, codecs.BOM_UTF8
    )
    data = bom + SEED_TXT.read_text(encoding="utf-8").encode(codec)
    assert run(data).blocks == seed.blocks


def test_legacy_bytes_are_guessed(seed: Document) -> None:
    data = cp1258_form(SEED_TXT.read_text(encoding="utf-8")).encode("cp1258")
    assert run(data).blocks == seed.blocks


def test_undecodable_bytes_raise_encoding_undetectable() -> None:
    with pytest.raises(InputError) as caught:
        run(bytes(range(0x80, 0x100)) * 40, "garbled.txt")
    assert caught.value.code is ErrorCode.ENCODING_UNDETECTABLE


# -- shared chrome rules -------------------------------------------------------------------------

CHROME_LINES = [
    "Lượt xem: 81 Bản in Quay lại", "Lượt xem:\xa0 81", "Trang 1 / 8 1 2 3 4 5 6 7 8",
    "Trang 2/8 « 1 2 3 … 8 » Go To", "Go To", "Xem theo ngày :", "Liên kết web", "0:00 / 0:00",
    "Chia sẻ", "Chia sẻ: Facebook Zalo | In bài viết", "In bài viết", "Tin đã đưa",
    "Cập nhật: 10:32 26/03/2024", "Ngày đăng: 26/03/2024", "Thứ Ba, 26/03/2024 10:32",
    "10:32 26/03/2024", "(26/03/2024 10:32)", "Trang chủ » Tin tức - Sự kiện » Cải cách hành chính",
    "Ảnh minh họa", "(Ảnh: Văn phòng Sở)", "image001.jpg", "[image]", "Đang online: 12",
    "Tổng lượt truy cập: 1.234.567", "Về đầu trang", "Ngày thu thập: 20/04/2024 10:12",
]  # fmt: skip

ARTICLE_LINES = [
    "Ngày 26/03/2024", "100", "15.5", "10,86", "Khá", "Xếp loại", "Văn phòng", "3.2 Thanh tra sở",
    "1. Một số Kết quả đạt được:", "Email: sxd@example.gov.vn", "Trang 2 của phụ lục",
    "Cập nhật: 10:32 26/03/2024, Sở Xây dựng đã ban hành Thông báo 568/TB-SXD.",
    "Ảnh hưởng của thời tiết", "(Chi tiết tại phụ lục kèm theo)", "Tin học hóa",
    "Xem xét, đánh giá kết quả", "Trang 1 / 8 " + "1 " * 200,
]  # fmt: skip


@pytest.mark.parametrize("text", CHROME_LINES)
def test_chrome_lines(text: str) -> None:
    assert is_chrome_line(" ".join(text.split()))


@pytest.mark.parametrize("text", ARTICLE_LINES)
def test_article_lines_are_not_chrome(text: str) -> None:
    assert not is_chrome_line(text)


@pytest.mark.parametrize("text", ["Tin đã đưa", "Các tin khác:", "Tin liên quan", "Xem thêm"])
def test_tail_markers(text: str) -> None:
    assert is_tail_marker(text)


def test_a_tail_marker_cuts_only_after_article_text() -> None:
    early = "Tin khác\nThông báo kết quả chỉ số cải cách hành chính\n".encode()
    assert lines(run(early)) == ["Thông báo kết quả chỉ số cải cách hành chính"]
    late = ("Kết quả chỉ số cải cách hành chính năm 2023. " * 6 + "\nTin khác\nTin một\n").encode()
    assert lines(run(late)) == [("Kết quả chỉ số cải cách hành chính năm 2023. " * 6).strip()]


def test_a_repeated_lead_is_dropped_but_repeated_cells_stay() -> None:
    lead = "Ngày 10/01/2024, UBND tỉnh ban hành Quyết định số 85/QĐ-UBND công bố Chỉ số CCHC."
    data = f"{lead}\n{lead}\nCải cách tài chính công\n11\n11\n".encode()
    assert lines(run(data)) == [lead, "Cải cách tài chính công", "11", "11"]


def _opening_letters(items: Any) -> tuple[set[str], bool]:
    """Given a parsed pattern (``re._parser``), return the characters a match may open with
    and whether the pattern may match nothing."""
    from re import _constants as c

    chars: set[str] = set()
    for op, av in items:
        if op is c.LITERAL:
            return chars | {chr(av)}, False
        if op is c.IN:
            for kind, arg in av:
                low, high = (arg, arg) if kind is c.LITERAL else arg
                chars |= {chr(x) for x in range(low, high + 1)}
            return chars, False
        if op is c.AT:  # \b and the like consume nothing
            continue
        if op is c.SUBPATTERN:
            alternatives, least = [av[3]], 1
        elif op is c.BRANCH:
            alternatives, least = av[1], 1
        else:
            assert op in (c.MAX_REPEAT, c.MIN_REPEAT, c.POSSESSIVE_REPEAT), op
            alternatives, least = [av[2]], av[0]
        found = [_opening_letters(alternative) for alternative in alternatives]
        chars |= {ch for opened, _ in found for ch in opened}
        if least and not any(empty for _, empty in found):
            return chars, False
    return chars, True


def test_chrome_phrase_openings_hold_every_phrase_opening() -> None:
    """The letters tried first by the chrome-phrase pattern (for speed) are those every phrase
    may open with: derived from the phrases' own patterns, none is missing."""
    from re import _parser

    from parscore.extractors.boilerplate import CHROME_PHRASE_OPENINGS, CHROME_PHRASES

    for phrase in CHROME_PHRASES:
        opened, empty = _opening_letters(_parser.parse(phrase))
        assert not empty and opened <= set(CHROME_PHRASE_OPENINGS), phrase
