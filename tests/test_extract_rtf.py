"""RTF: paragraphs and tables (\\cell, \\row), legacy TCVN3 text converted with its 'ư'."""

from __future__ import annotations

from pathlib import Path

import pytest

from parscore.extractors import extract, read_source
from parscore.extractors.errors import ErrorCode, InputError
from parscore.extractors.model import BlockKind, Region
from parscore.normalizers.legacy import from_unicode

LEGACY = Path(__file__).resolve().parents[2] / "shared" / "legacy" / "corpus" / "public-domain"


def rtf_escape(text: str) -> str:
    """Given Latin-1 text, return it as RTF writes it (8-bit characters as \\'xx)."""
    return "".join(f"\\'{ord(ch):02x}" if ord(ch) > 127 else ch for ch in text)


def tcvn3(text: str) -> str:
    return rtf_escape(from_unicode(text, "tcvn3"))


def compose(path: Path) -> Path:
    body = (
        r"{\rtf1\ansi\ansicpg1252\deff0{\fonttbl{\f0\froman .VnTime;}}"
        r"\pard\plain\f0 " + tcvn3("Thông báo kết quả Chỉ số cải cách hành chính") + r"\par "
        r"\pard " + tcvn3("Các đơn vị được xếp hạng như sau:") + r"\par "
        r"\trowd\cellx2000\cellx4000\pard\intbl " + tcvn3("Đơn vị") + r"\cell "
        + tcvn3("Điểm") + r"\cell\row "
        r"\trowd\cellx2000\cellx4000\pard\intbl " + tcvn3("Sở Tư pháp") + r"\cell 85,5\cell\row "
        r"\pard " + tcvn3("Nơi nhận") + r"\par }"
    )
    path.write_bytes(body.encode("ascii"))
    return path


def test_an_rtf_in_tcvn3_reads_in_unicode_with_its_table(tmp_path: Path) -> None:
    document = extract(compose(tmp_path / "tb.rtf"))
    assert document.source.format == "rtf"
    texts = [b.text for b in document.blocks if b.kind is BlockKind.PARAGRAPH]
    assert texts[1] == "Các đơn vị được xếp hạng như sau:"  # 'ư' is \'ad in TCVN3
    tables = [b for b in document.blocks if b.kind is BlockKind.TABLE]
    assert tables[0].rows() == [["Đơn vị", "Điểm"], ["Sở Tư pháp", "85,5"]]
    assert texts[-1] == "Nơi nhận"


def test_an_rtf_is_detected_without_its_name(tmp_path: Path) -> None:
    path = compose(tmp_path / "tb.rtf").rename(tmp_path / "tb")
    assert read_source(path)[1].format == "rtf"


def test_an_rtf_without_text_is_empty(tmp_path: Path) -> None:
    path = tmp_path / "empty.rtf"
    path.write_bytes(rb"{\rtf1\ansi{\fonttbl{\f0 Arial;}}\pard\par}")
    with pytest.raises(InputError) as caught:
        extract(path)
    assert caught.value.code is ErrorCode.EMPTY_DOCUMENT


@pytest.mark.skipif(not LEGACY.is_dir(), reason="the legacy corpus is not beside the clone")
def test_a_real_tcvn3_rtf_reads_in_unicode() -> None:
    document = extract(LEGACY / "tcvn3" / "2003-A05.rtf")
    assert "text converted from the legacy tcvn3 encoding" in document.warnings
    assert any("Độc lập - Tự do - Hạnh phúc" in c.text for b in document.blocks for c in b.cells)



def test_an_rtf_cut_short_is_corrupt(tmp_path: Path) -> None:
    path = tmp_path / "cut.rtf"
    path.write_bytes(rb"{\rtf1\ansi{\fonttbl{\f0 Arial;}}\f0 Th\'f4ng b\'e1o k\'ea't qu")
    with pytest.raises(InputError) as caught:
        extract(path)
    assert caught.value.code is ErrorCode.CORRUPT_FILE and "cut short" in str(caught.value)


def test_escaped_braces_and_binary_data_open_no_group(tmp_path: Path) -> None:
    path = tmp_path / "braces.rtf"
    path.write_bytes(rb"{\rtf1\ansi\pard Ph\'f2ng \{A\}\par{\*\blip\bin2 {{}}")
    assert [b.text for b in extract(path).blocks] == ["Phòng {A}"]


def test_rtf_groups_nested_past_the_limit_are_too_large(tmp_path: Path) -> None:
    path = tmp_path / "deep.rtf"
    path.write_bytes(b"{\\rtf1 " + b"{" * 2_000 + b"x" + b"}" * 2_001)
    with pytest.raises(InputError) as caught:
        extract(path)
    assert caught.value.code is ErrorCode.TOO_LARGE and "nested" in str(caught.value)


def test_a_tcvn3_header_table_is_read_as_the_header_in_unicode(tmp_path: Path) -> None:
    """The header's marks are looked for after the legacy text is converted: in TCVN3
    "Số:" is "Sè:" and the motto "CéNG HOµ …" until then."""
    def row(*cells: str) -> str:
        return r"\trowd\cellx4000\cellx8000" + "".join(
            r"\pard\intbl " + r"\par ".join(tcvn3(line) for line in cell.split("\n"))
            + r"\cell" for cell in cells) + r"\row "
    path = tmp_path / "qd.rtf"
    path.write_bytes((
        r"{\rtf1\ansi\ansicpg1252\deff0{\fonttbl{\f0\froman .VnTime;}}\f0 "
        + row("ỦY BAN NHÂN DÂN\nTỈNH GIA LAI\nSố: 318/QĐ-UBND",
              "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
              "Gia Lai, ngày 14 tháng 6 năm 2016")
        + r"\pard " + tcvn3("QUYẾT ĐỊNH") + r"\par "
        + r"\pard " + tcvn3("Về việc công bố Chỉ số cải cách hành chính năm 2015") + r"\par }"
    ).encode("ascii"))
    document = extract(path)
    # .VnTime has no toned capitals (.VnTimeH has): compared without case
    header = [b.text.lower() for b in document.blocks if b.region is Region.HEADER]
    assert header == [line.lower() for line in (
        "ỦY BAN NHÂN DÂN", "TỈNH GIA LAI", "Số: 318/QĐ-UBND", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc", "Gia Lai, ngày 14 tháng 6 năm 2016")]
    assert any("TCVN3" in note or "tcvn3" in note for note in document.warnings)
